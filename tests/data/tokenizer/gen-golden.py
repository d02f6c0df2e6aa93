#!/usr/bin/env python3
"""Write the tokenizer golden file: varied strings and the ids that Hugging Face's
`tokenizers` (the fast tokenizer sentence-transformers uses) gives them.

    python3 tests/data/tokenizer/gen-golden.py MODEL_DIR | gzip -9n > tests/data/tokenizer/golden.tsv.gz

MODEL_DIR is an all-MiniLM-L6-v2 folder (make model). Each output line is
base64(input bytes) TAB ids separated by spaces. Inputs are bytes, not text, so
that invalid UTF-8 can be tested: the reference decodes them with
errors="replace" (U+FFFD, which the BERT normaliser deletes), then does what
sentence-transformers does: str.strip(), truncation to max_seq_length 256 (the
128 baked into tokenizer.json is overridden), no padding.
Needs: pip install tokenizers. Deterministic (fixed seed)."""
import base64, os, random, sys
from tokenizers import Tokenizer

rng = random.Random(20240604)

FIRST = "Anna Jean Marc Sofía José Zoë Björn Łukasz Øystein Ñuño Ahmed Mei Hiroshi Ji-woo Olamide Priya Dmitri Ece Ngọc Chloé".split()
ROLES = ["Chief Financial Officer", "CFO", "VP of Sales", "Head of Growth", "Senior Software Engineer",
         "Founder & CEO", "Co-founder/CTO", "Marketing Manager", "Product Designer (UX/UI)",
         "Data Scientist", "Account Executive", "Business Development Rep.", "HR Business Partner",
         "Directeur Général", "Geschäftsführer", "Gerente de Ventas", "Responsable Marketing",
         "Diretora de Operações", "Amministratore Delegato", "Kierownik Projektu", "Genel Müdür",
         "Γενικός Διευθυντής", "Генеральный директор", "مدير المبيعات", "מנהל מוצר", "प्रबंधक",
         "营销总监", "首席执行官", "営業部長", "エンジニア", "마케팅 매니저", "개발자", "Giám đốc kinh doanh",
         "ผู้จัดการฝ่ายขาย", "Fractional CMO", "Growth Hacker™", "Chief Happiness Officer",
         "SDR → AE", "Full-stack dev", "DevOps/SRE", "M&A Advisor", "R&D Lead", "Ph.D. candidate"]
COMPANIES = ["Acme Corp", "Stripe", "Deloitte", "McKinsey & Company", "Société Générale", "Müller GmbH",
             "Telefónica", "Nestlé", "L'Oréal", "Zürich Insurance", "Škoda Auto", "Çelik A.Ş.",
             "阿里巴巴", "ソニー株式会社", "삼성전자", "Яндекс", "Ørsted", "AT&T", "H&M", "Procter & Gamble",
             "startup.io", "fin-tech.ai", "@BigCo", "self-employed", "Freelance", "Stealth 🚀"]
PHRASES = ["helping B2B SaaS companies scale", "building the future of payments",
           "ex-Google, ex-Meta", "passionate about AI/ML", "open to work", "hiring!",
           "speaker | author | mentor", "10+ years in enterprise sales", "turning data into decisions",
           "I help founders raise seed rounds", "#growth #marketing #saas", "Let's connect 🤝",
           "€2M ARR → €20M ARR", "ISO 27001 / SOC2", "top 1% voice", "Forbes 30u30",
           "Lean & Agile coach", "C++/Rust/Go", "P&L owner", "k8s, AWS, GCP",
           "apaixonada por inovação", "passionné par l'innovation", "leidenschaftlich für Technologie",
           "apasionado por la tecnología", "технологии и инновации", "技术与创新", "技術とイノベーション",
           "기술과 혁신", "التكنولوجيا والابتكار", "טכנולוגיה וחדשנות", "प्रौद्योगिकी और नवाचार",
           "công nghệ và đổi mới", "เทคโนโลยีและนวัตกรรม", "τεχνολογία και καινοτομία",
           "teknoloji ve inovasyon", "technologia i innowacje", "tecnologia e innovazione"]
WORDS = ("the of and to in for with on at by from team customers revenue pipeline growth strategy "
         "leadership product engineering operations finance marketing sales data platform cloud "
         "security analytics experience management development transformation innovation digital "
         "global regional enterprise startup scaleup agency consulting services solutions partner "
         "résumé naïve café coöperate façade jalapeño über señor crème brûlée déjà vu").split()
EMOJI = ["🚀", "💡", "🔥", "✨", "👋", "🙂", "👩‍💻", "🏳️‍🌈", "🇫🇷", "👍🏽", "❤️", "✅", "📈", "🤝", "☕", "🥰", "🫡", "🧑🏿‍🚀"]
PUNCT = ["|", "•", "·", "–", "—", "...", "…", "!!!", "???", "?!", "::", "//", "\\", "~", "^", "`", "«", "»",
         "“", "”", "‘", "’", "„", "¿", "¡", "§", "¶", "©", "®", "™", "°", "±", "×", "÷", "€", "£", "¥", "$",
         "%", "&", "*", "+", "=", "<", ">", "@", "#", "(", ")", "[", "]", "{", "}", "、", "。", "「", "」",
         "·", "‧", "‐", "‑", "‒", "⁂", "※", "→", "⇒", "★", "☆", "♦", "▪", "►"]
ODD = ["\u200b", "\u200d", "\u00ad", "\ufeff", "\u00a0", "\u3000", "\t", "\n", "\r\n", "\u2028", "\x00",
       "\x07", "\x1b", "\u0301", "\u0308", "\u0327", "\u20dd", "\ufffd", "\ue000", "\U000f0000", "\u0378",
       "\u2060", "\u061c", "\u180e", "\u0085", "\u000b", "\u000c", "\u1680", "\u202f", "\u205f"]
SPECIAL = ["[SEP]", "[CLS]", "[PAD]", "[UNK]", "[MASK]", "[sep]", "[ SEP ]", "[SEP", "SEP]", "[[SEP]]"]
LATIN_EXTRA = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğĦħİıĲĳŁłŃńŇňŒœŘřŚśŞşŠšŢţŤťŮůŰűŸŹźŻżŽžſƒǅǆǲǳȘșȚțẞἀἁὰάΣσςΆΈΉΊΌΎΏΐΪΫ"

def word():
    return rng.choice(WORDS)

def headline():
    parts = [rng.choice(ROLES)]
    if rng.random() < 0.7:
        parts.append(rng.choice([" at ", " @ ", " | ", " chez ", " bei ", " en ", " - "]) + rng.choice(COMPANIES))
    for _ in range(rng.randint(0, 3)):
        parts.append(" " + rng.choice(["|", "•", "·", "–", "—", "/", ",", "&"]) + " " + rng.choice(PHRASES))
    if rng.random() < 0.3:
        parts.append(" " + rng.choice(EMOJI))
    return "".join(parts)

def summary():
    n = rng.choice([5, 20, 60, 150, 400])
    out = []
    for i in range(n):
        r = rng.random()
        if r < 0.75:
            w = word()
        elif r < 0.85:
            w = rng.choice(PHRASES)
        elif r < 0.9:
            w = rng.choice(COMPANIES)
        elif r < 0.95:
            w = word() + rng.choice(PUNCT)
        else:
            w = rng.choice(EMOJI)
        if i == 0 or (out and out[-1].endswith(".")):
            w = w[:1].upper() + w[1:]
        out.append(w)
        if rng.random() < 0.08:
            out[-1] += "."
    return " ".join(out)

def random_unicode():
    n = rng.randint(1, 30)
    s = []
    for _ in range(n):
        r = rng.random()
        if r < 0.3:
            s.append(chr(rng.randint(0x20, 0x7e)))
        elif r < 0.5:
            s.append(chr(rng.randint(0xa0, 0x24f)))
        elif r < 0.65:
            s.append(chr(rng.randint(0x250, 0x2fff)))
        elif r < 0.75:
            s.append(chr(rng.randint(0x3000, 0x9fff)))
        elif r < 0.8:
            s.append(chr(rng.randint(0xac00, 0xd7a3)))
        elif r < 0.9:
            c = rng.randint(0xe000, 0x10ffff)
            s.append(chr(c))
        else:
            s.append(" ")
    return "".join(s)

def accents():
    return "".join(rng.choice(LATIN_EXTRA + "abcdefghij   ") for _ in range(rng.randint(1, 40)))

def long_word():
    n = rng.choice([50, 99, 100, 101, 102, 150, 300])
    alphabet = rng.choice(["abcdefghijklmnopqrstuvwxyz", "é", "ab", "東", "ü", "x1", "🚀"])
    w = "".join(rng.choice(alphabet) for _ in range(n))
    return rng.choice(["", "see ", "#"]) + w + rng.choice(["", " end", "!"])

def punct_run():
    return "".join(rng.choice(PUNCT + [" ", "a", "1"]) for _ in range(rng.randint(1, 40)))

def odd_chars():
    s = headline()
    for _ in range(rng.randint(1, 5)):
        i = rng.randint(0, len(s))
        s = s[:i] + rng.choice(ODD + SPECIAL) + s[i:]
    return s

def invalid_utf8():
    b = bytearray(rng.choice([headline, summary, accents])().encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        i = rng.randint(0, len(b))
        junk = rng.choice([b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x9a", b"\xed\xa0\x80",
                           b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80",
                           bytes([rng.randint(0x80, 0xff)]), bytes(rng.randint(0, 255) for _ in range(3))])
        b[i:i] = junk
    if rng.random() < 0.2:
        b = b[:-1]          # possibly cut a multi-byte char
    return bytes(b)

FIXED = ["", " ", "This is an example sentence", "Each sentence is converted.", "Café déjà vu — 東京",
         "hello world", "The quick brown fox jumps over the lazy dog.", "Engineer🚀", "great🚀",
         "foo\u200bbar", "ΣΊΣΥΦΟΣ", "İstanbul", "straße STRASSE", "ﬁnance", "ǅemal", "[SEP]", "a[SEP]b",
         "[CLS] x [SEP]", "[MASK]ed", "  padded  ", "\t\n", "A" * 300, " ".join(["word"] * 300),
         "unaffable", "x" * 100, "x" * 101]

GENERATORS = [(headline, 3500), (summary, 2500), (random_unicode, 1500), (accents, 1000),
              (long_word, 600), (punct_run, 800), (odd_chars, 1200), (invalid_utf8, 900)]

def main():
    model = sys.argv[1]
    tok = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(256)
    cases = [s.encode("utf-8") for s in FIXED]
    for gen, n in GENERATORS:
        for _ in range(n):
            v = gen()
            cases.append(v if isinstance(v, bytes) else v.encode("utf-8"))
    out = sys.stdout
    for b in cases:
        text = b.decode("utf-8", "replace").strip()
        ids = tok.encode(text).ids
        out.write(base64.b64encode(b).decode() + "\t" + " ".join(map(str, ids)) + "\n")

main()
