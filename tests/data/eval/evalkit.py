"""evalkit.py: the persona helpers shared by gen.py and the people_*.py files.

Every person is invented. A judgment is written by hand per (ICP, person)
pair; the helpers only lay them out. See gen.py and docs/quality.md.
"""

# ICP keys used in the judgments, and the ICP files' client names. The first
# three are the original set; the next four were added with issue 13; the
# last two (PART2_ICPS) with the second held-out part, held-out-2: every
# judgment for them, and every judgment of the people of people_ho2.py, is
# in the split "held-out-2", written apart from the rules and never used to
# tune them (gen.py, split_of). PART3_ICPS are the third held-out part's,
# held-out-3 (people_ho3.py), in the same way: every judgment for them, and
# every judgment of the people of people_ho3.py (for the ICPs of held-out-2
# too), is in "held-out-3". PART4_ICPS are the fourth's, held-out-4
# (people_ho4.py), made the same way again: every judgment for them (of every
# earlier person), and every judgment of the people of people_ho4.py (for
# every earlier ICP but the tune-only ones), is in "held-out-4". PART5_ICPS
# are the fifth's, held-out-5 (people_ho5.py), made the same way after it,
# and PART6_ICPS the sixth's, held-out-6 (people_ho6.py), after held-out-5.
ICPS = {"L": "Ledgerline", "S": "Stackguard", "P": "Payfolk",
        "F": "Fernbridge", "M": "Signalcast", "W": "Palletra", "Q": "Prüfwerk",
        "H": "Chambrelis", "A": "Aislewise", "K": "Kibbleway", "R": "Flottarif",
        "V": "Surcova", "T": "Torquelane", "C": "Sitecadence", "O": "Canteira",
        "B": "Larderly", "D": "Conformea",
        "E": "Dossierwerk", "X": "Scopewise",
        "N": "Enrolla", "G": "Skiftvis",
        "Z": "Bilansio", "U": "Clairvane"}
FIRST_ICPS = ("L", "S", "P")
PART2_ICPS = ("H", "A")
PART3_ICPS = ("V", "T")
PART4_ICPS = ("C", "O")
PART5_ICPS = ("E", "X")
PART6_ICPS = ("Z", "U")
# Tune-only ICPs added later (TUNE2_ICPS), each with its own people file
# written blind to the rules: every judgment for them is in "tune"; they
# judge their own people and the earlier people of the tune split only
# (gen.py, judge_tune2), and their people are judged for no other ICP.
TUNE2_ICPS = ("K", "R", "B", "D", "N", "G")

SIZES = {
    "1-10": (1, 10), "11-50": (11, 50), "51-200": (51, 200), "201-500": (201, 500),
    "501-1000": (501, 1000), "1001-5000": (1001, 5000), "5001-10000": (5001, 10000),
    "10001+": (10001, None),
}

# What a person who is plainly outside an ICP's persona is not: the reason
# of a relevance-0 judgment left implicit, after the person's own "no" phrase
# ("recruiter: not ..."). Only used where nothing else needs saying.
NOFIT = {
    "L": "not a finance leader of a software, fintech or payments company",
    "S": "not an engineering or security leader of a software-running company",
    "P": "not a people leader of a European multi-country employer",
    "F": "not a founder or technical leader of a technical startup",
    "M": "not a marketing leader of a B2B software company",
    "W": "no warehouse, logistics or distribution responsibility",
    "Q": "keine Verantwortung für Qualität oder Werk in der Fertigung",
    "H": "ne fixe pas le prix des chambres d'un hôtel ou d'un groupe hôtelier francophone",
    "A": "not a founder or leader of an emerging packaged food or drink brand",
    "K": "not a founder or CEO of an emerging consumer pet-product brand",
    "R": "ne fixe pas les tarifs d'un loueur de voitures ou d'utilitaires francophone",
    "V": "no es fundador ni CEO de una startup agtech en España o Latinoamérica",
    "T": "not a marketing or demand-generation leader of a mid-size B2B industrial company",
    "C": "not a clinical operations leader of a mid-size CRO or trial sponsor in Europe",
    "O": "não é dono nem dirige uma construtora ou empreiteira de pequeno ou médio porte no Brasil",
    "B": "not an owner or operations leader of an independent multi-site restaurant, café or bar group in the UK or Ireland",
    "D": "non guida gli affari regolatori o la qualità di un fabbricante europeo di dispositivi medici o diagnostici",
    "E": "geen leidinggevende rol in bedrijfsvoering, operations of IT van een middelgroot advocaten- of notariskantoor in Nederland of België",
    "X": "not the owner of sustainability or CSRD reporting at a mid-market European manufacturer or retailer",
    "N": "not an admissions, enrolment or registry leader of an independent school, sixth-form college or small private university in the UK or Ireland",
    "G": "leder inte verksamhet, drift eller HR hos en privat utförare av äldreomsorg eller hemtjänst i Sverige",
    "Z": "nie jest właścicielem ani partnerem zarządzającym polskiego biura rachunkowego lub kancelarii doradztwa podatkowego",
    "U": "not a claims or operations leader of a mid-size property and casualty insurer or MGA in the UK, Ireland or the Nordics",
}

PEOPLE = []
LATER = {}
PART2 = {}
PART3 = {}
PART4 = {}
PART5 = {}
PART6 = {}
TUNE2 = {}


def pos(title, company, size=None, start="2020", end=None, desc=None, etype="Full-time"):
    return dict(title=title, company=company, size=size, start=start, end=end,
                desc=desc, etype=etype)


def group(company, duration, size=None):
    """The scraper's grouping row: the company in the title slot, the
    duration in the companyName slot."""
    return dict(group=True, company=company, duration=duration, size=size)


def p(first, last, loc, country, industry, headline, summary, skills, positions,
      L, S, P, slug=None):
    """A person of the original set, judged for the first three ICPs here
    and for the later ones with later()."""
    PEOPLE.append(dict(first=first, last=last, loc=loc, country=country,
                       industry=industry, headline=headline, summary=summary,
                       skills=skills, positions=positions, J={"L": L, "S": S, "P": P},
                       slug=slug, tag=None, first_set=True))


def q(first, last, loc, country, industry, headline, summary, skills, positions,
      no=None, tag=None, slug=None, part2=False, part3=False, part4=False, part5=False, part6=False,
      tune2=False, **J):
    """A person added with issue 13. J holds the judgments (relevance,
    reason) by ICP key; an ICP left out is relevance 0 with the reason
    "<no>: <NOFIT[key]>", so no must say what the person is. tag names the
    kind of hard case (used to spread each kind over both splits). part2:
    a person of people_ho2.py, whose judgments are all in held-out-2.
    part3: a person of people_ho3.py, whose judgments are all in held-out-3.
    part4: a person of people_ho4.py, whose judgments are all in held-out-4.
    part5: a person of people_ho5.py, whose judgments are all in held-out-5.
    part6: a person of people_ho6.py, whose judgments are all in held-out-6.
    tune2: a person written for a tune-only ICP (TUNE2_ICPS), judged in J
    for that ICP only and left unlabelled for every other one."""
    for k in J:
        if k not in ICPS:
            raise SystemExit("%s %s: unknown ICP key %s" % (first, last, k))
        if tune2 and k not in TUNE2_ICPS:
            raise SystemExit("%s %s: a tune2 person judged for %s" % (first, last, k))
    for k in ICPS:
        if k not in J and not tune2 and k not in TUNE2_ICPS:
            if not no:
                raise SystemExit("%s %s: no judgment for %s and no 'no' reason" % (first, last, k))
            J[k] = (0, "%s: %s" % (no, NOFIT[k]))
    PEOPLE.append(dict(first=first, last=last, loc=loc, country=country,
                       industry=industry, headline=headline, summary=summary,
                       skills=skills, positions=positions, J=J, slug=slug, tag=tag,
                       first_set=False, part2=part2, part3=part3, part4=part4, part5=part5,
                       part6=part6, tune2=tune2, no=no))


def later(slug, no, **J):
    """Judgments of a person of the original set against the ICPs added
    later (the keys not in FIRST_ICPS); same conventions as q()."""
    if slug in LATER:
        raise SystemExit("later(%s) given twice" % slug)
    LATER[slug] = (no, J)


def part2(slug, **J):
    """Judgments of a person written before held-out-2 against the ICPs of
    held-out-2 (PART2_ICPS), where the default ("<no>: <NOFIT[key]>", 0)
    does not hold; applied by gen.py after every person is read."""
    _earlier("part2", PART2_ICPS, PART2, slug, J)


def _earlier(name, icps, store, slug, J):
    """Records the judgments J of a person written before the held-out part
    name against that part's ICPs; see part2() to part6()."""
    for k in J:
        if k not in icps:
            raise SystemExit("%s(%s): %s is not an ICP of held-out-%s" % (name, slug, k, name[-1]))
    if slug in store:
        raise SystemExit("%s(%s) given twice" % (name, slug))
    store[slug] = J


def part3(slug, **J):
    """Judgments of a person written before held-out-3 (of any split but a
    tune-only ICP's people) against the ICPs of held-out-3 (PART3_ICPS),
    where the default ("<no>: <NOFIT[key]>", 0) does not hold; applied by
    gen.py after every person is read."""
    _earlier("part3", PART3_ICPS, PART3, slug, J)


def part4(slug, **J):
    """The same for held-out-4: judgments of a person written before it (of
    any split but a tune-only ICP's people, held-out-3's included) against
    its ICPs (PART4_ICPS) where the default 0 does not hold."""
    _earlier("part4", PART4_ICPS, PART4, slug, J)


def part5(slug, **J):
    """The same for held-out-5: judgments of a person written before it (of
    any split but a tune-only ICP's people, held-out-4's included) against
    its ICPs (PART5_ICPS) where the default 0 does not hold."""
    _earlier("part5", PART5_ICPS, PART5, slug, J)


def part6(slug, **J):
    """The same for held-out-6: judgments of a person written before it (of
    any split but a tune-only ICP's people, held-out-5's included) against
    its ICPs (PART6_ICPS) where the default 0 does not hold."""
    _earlier("part6", PART6_ICPS, PART6, slug, J)


def tune2(slug, **J):
    """Judgments of a person written before a tune-only ICP (TUNE2_ICPS)
    against it, where the default ("<no>: <NOFIT[key]>", 0) does not hold
    or needs its own reason; only people of the tune split may be judged."""
    for k in J:
        if k not in TUNE2_ICPS:
            raise SystemExit("tune2(%s): %s is not a tune-only ICP" % (slug, k))
    TUNE2.setdefault(slug, {})
    for k in J:
        if k in TUNE2[slug]:
            raise SystemExit("tune2(%s) judges %s twice" % (slug, k))
    TUNE2[slug].update(J)
