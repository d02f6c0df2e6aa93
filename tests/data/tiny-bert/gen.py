#!/usr/bin/env python3
"""Write two tiny random BERT sentence-transformers folders and their expected
embeddings, computed here by an independent numpy forward pass (padded batch
with an additive key mask, as Hugging Face runs it; lq packs without padding).

    python3 tests/data/tiny-bert/gen.py

mean/: all-MiniLM layout (no name prefix, mean pooling, max_seq_length 64).
cls/:  "bert." prefix, LayerNorm.gamma/beta names, CLS pooling,
       max_seq_length 12 (so truncation is exercised).
expected.tsv in each: text TAB token ids TAB embedding (space-separated).
Token ids come from Hugging Face `tokenizers` on the same vocab.
Needs numpy and tokenizers. Deterministic (fixed seed)."""
import json, math, os, struct
import numpy as np
from tokenizers import BertWordPieceTokenizer

here = os.path.dirname(os.path.abspath(__file__))
H, HEADS, FF, LAYERS, MAXPOS = 32, 4, 64, 2, 64

VOCAB = (["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list("abcdefghijklmnopqrstuvwxyz") +
         list(".,!?-'") + ["the", "engineer", "sales", "chief", "officer", "head", "of", "growth",
                            "##s", "##ing", "##er", "##ed", "data", "cafe", "東", "京", "founder",
                            "ceo", "cto", "at", "acme", "##a", "##e", "##o"])
TEXTS = ["", "the engineer", "Chief Sales Officer at ACME", "Head of Growth!", "Café 東京",
         "founders, engineers and data", "x", "[SEP] ceo", "unknownword zzz",
         "the the the the the the the the the the the the the the the the the the",
         "sales " * 30, "Engineering heads, growth: data-led sales."]


def write_safetensors(path, tensors):
    header, blobs, off = {"__metadata__": {"format": "pt"}}, [], 0
    for name, arr in tensors:
        b = arr.tobytes()
        dt = {"float32": "F32", "int64": "I64"}[str(arr.dtype)]
        header[name] = {"dtype": dt, "shape": list(arr.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def make_weights(rng):
    def r(*shape, s=0.3):
        return (rng.standard_normal(shape) * s).astype(np.float32)
    w = {"word": r(len(VOCAB), H), "pos": r(MAXPOS, H), "type": r(2, H),
         "lng": (1 + r(H, s=0.1)), "lnb": r(H, s=0.1), "layers": []}
    for _ in range(LAYERS):
        w["layers"].append({
            "q": r(H, H), "bq": r(H, s=0.1), "k": r(H, H), "bk": r(H, s=0.1),
            "v": r(H, H), "bv": r(H, s=0.1), "o": r(H, H), "bo": r(H, s=0.1),
            "g1": 1 + r(H, s=0.1), "b1n": r(H, s=0.1), "i": r(FF, H), "bi": r(FF, s=0.1),
            "out": r(H, FF), "bout": r(H, s=0.1), "g2": 1 + r(H, s=0.1), "b2n": r(H, s=0.1)})
    return w


def tensors(w, prefix, old_ln):
    g, b = ("gamma", "beta") if old_ln else ("weight", "bias")
    t = [("embeddings.word_embeddings.weight", w["word"]),
         ("embeddings.position_embeddings.weight", w["pos"]),
         ("embeddings.token_type_embeddings.weight", w["type"]),
         ("embeddings.LayerNorm." + g, w["lng"]), ("embeddings.LayerNorm." + b, w["lnb"]),
         ("embeddings.position_ids", np.arange(MAXPOS, dtype=np.int64)[None, :])]
    for i, L in enumerate(w["layers"]):
        p = "encoder.layer.%d." % i
        t += [(p + "attention.self.query.weight", L["q"]), (p + "attention.self.query.bias", L["bq"]),
              (p + "attention.self.key.weight", L["k"]), (p + "attention.self.key.bias", L["bk"]),
              (p + "attention.self.value.weight", L["v"]), (p + "attention.self.value.bias", L["bv"]),
              (p + "attention.output.dense.weight", L["o"]), (p + "attention.output.dense.bias", L["bo"]),
              (p + "attention.output.LayerNorm." + g, L["g1"]), (p + "attention.output.LayerNorm." + b, L["b1n"]),
              (p + "intermediate.dense.weight", L["i"]), (p + "intermediate.dense.bias", L["bi"]),
              (p + "output.dense.weight", L["out"]), (p + "output.dense.bias", L["bout"]),
              (p + "output.LayerNorm." + g, L["g2"]), (p + "output.LayerNorm." + b, L["b2n"])]
    t += [("pooler.dense.weight", np.zeros((H, H), np.float32)), ("pooler.dense.bias", np.zeros(H, np.float32))]
    return [(prefix + n, a) for n, a in t]


def layernorm(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b


def forward(w, batch, pooling):
    """Padded batch in float64 with HF's additive key mask; returns normalised rows."""
    n, L = len(batch), max(len(ids) for ids in batch)
    ids = np.zeros((n, L), np.int64)
    mask = np.zeros((n, L))
    for i, s in enumerate(batch):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    f = lambda a: a.astype(np.float64)
    x = f(w["word"])[ids] + f(w["pos"])[None, :L] + f(w["type"])[0]
    x = layernorm(x, f(w["lng"]), f(w["lnb"]))
    dh = H // HEADS
    add = (1 - mask)[:, None, None, :] * np.finfo(np.float32).min
    erf = np.vectorize(math.erf)
    for Lw in w["layers"]:
        lin = lambda a, W, bias: a @ f(W).T + f(bias)
        split = lambda a: a.reshape(n, L, HEADS, dh).transpose(0, 2, 1, 3)
        q, k, v = split(lin(x, Lw["q"], Lw["bq"])), split(lin(x, Lw["k"], Lw["bk"])), split(lin(x, Lw["v"], Lw["bv"]))
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dh) + add
        s = np.exp(s - s.max(-1, keepdims=True))
        p = s / s.sum(-1, keepdims=True)
        ctx = (p @ v).transpose(0, 2, 1, 3).reshape(n, L, H)
        a = layernorm(lin(ctx, Lw["o"], Lw["bo"]) + x, f(Lw["g1"]), f(Lw["b1n"]))
        h = lin(a, Lw["i"], Lw["bi"])
        h = 0.5 * h * (1 + erf(h / math.sqrt(2)))
        x = layernorm(lin(h, Lw["out"], Lw["bout"]) + a, f(Lw["g2"]), f(Lw["b2n"]))
    if pooling == "cls":
        e = x[:, 0]
    else:
        e = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1), 1e-9)[:, None]
    return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)


def write_folder(name, w, prefix, old_ln, pooling, maxseq):
    d = os.path.join(here, name)
    os.makedirs(os.path.join(d, "1_Pooling"), exist_ok=True)
    with open(os.path.join(d, "vocab.txt"), "w") as f:
        f.write("\n".join(VOCAB) + "\n")
    cfg = {"architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": H,
           "intermediate_size": FF, "layer_norm_eps": 1e-12, "max_position_embeddings": MAXPOS,
           "model_type": "bert", "num_attention_heads": HEADS, "num_hidden_layers": LAYERS,
           "position_embedding_type": "absolute", "type_vocab_size": 2, "vocab_size": len(VOCAB)}
    json.dump(cfg, open(os.path.join(d, "config.json"), "w"), indent=2)
    json.dump({"max_seq_length": maxseq, "do_lower_case": False},
              open(os.path.join(d, "sentence_bert_config.json"), "w"), indent=2)
    json.dump({"word_embedding_dimension": H, "pooling_mode_cls_token": pooling == "cls",
               "pooling_mode_mean_tokens": pooling == "mean", "pooling_mode_max_tokens": False,
               "pooling_mode_mean_sqrt_len_tokens": False},
              open(os.path.join(d, "1_Pooling", "config.json"), "w"), indent=2)
    write_safetensors(os.path.join(d, "model.safetensors"), tensors(w, prefix, old_ln))
    tok = BertWordPieceTokenizer(os.path.join(d, "vocab.txt"), lowercase=True)
    tok.enable_truncation(maxseq)
    ids = [tok.encode(t.strip()).ids for t in TEXTS]
    emb = forward(w, ids, pooling)
    with open(os.path.join(d, "expected.tsv"), "w") as f:
        for t, i, e in zip(TEXTS, ids, emb):
            f.write("%s\t%s\t%s\n" % (t, " ".join(map(str, i)), " ".join("%.8f" % x for x in e)))


rng = np.random.default_rng(4)
write_folder("mean", make_weights(rng), "", False, "mean", 64)
write_folder("cls", make_weights(rng), "bert.", True, "cls", 12)
