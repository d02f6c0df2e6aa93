#!/usr/bin/env python3
"""eval_report.py: the tables of docs/quality.md from pipelines/eval-scoring.sh's output.

usage: python3 tests/eval_report.py [OUTDIR] [BASELINE_JSON]
       (defaults .build/eval-scoring and tests/data/eval/baseline.json)

Reads OUTDIR/SHAPE/CONF.SPLIT.json (eval --json with --bootstrap,
--leave-one-out and --unseen) and OUTDIR/SHAPE/compare.SPLIT.json (eval
--compare --bootstrap, A the original method, B the default) and prints
Markdown: the headline means with their intervals, the default per ICP
(the gate's floor), every configuration per ICP, the ICPs the rules were
not written for, the default against the original method, and issue 13's
targets on the held-out part. Splits or shapes that were not measured are
left out.
"""
import json
import os
import sys

CONFS = ["baseline", "baseline+rerank", "structured", "structured+rerank",
         "structured+classify", "structured+classify+rerank"]
DEFAULT = "structured+classify+rerank"
SHAPES = ["rich", "sparse"]
SPLITS = ["tune", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6"]  # the last five only when measured (docs/quality.md)


def load(out, shape, name):
    p = os.path.join(out, shape, name)
    return json.load(open(p, encoding="utf-8")) if os.path.exists(p) else None


def f3(x):
    return "n/a" if x is None else "%.3f" % x


def f2(x):
    return "n/a" if x is None else "%.2f" % x


def ci(x, m, fmt=f3):
    c = (x.get("ci") or {}).get(m)
    return "n/a" if not c else "%s–%s" % (fmt(c[0]), fmt(c[1]))


def sci(c, fmt=f3):
    return "n/a" if not c else "%s–%s" % (fmt(c[0]), fmt(c[1]))


def signed(x):
    return "n/a" if x is None else "%+.3f" % x


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, ".build", "eval-scoring")
    base = json.load(open(sys.argv[2] if len(sys.argv) > 2 else
                          os.path.join(top, "tests", "data", "eval", "baseline.json"), encoding="utf-8"))
    R = {}
    for shape in SHAPES:
        for conf in CONFS:
            for split in SPLITS:
                x = load(out, shape, "%s.%s.json" % (conf, split))
                if x:
                    R[(shape, conf, split)] = x
    icps = None
    for x in R.values():
        icps = [i["icp"] for i in x["icps"]]
        break
    if icps is None:
        sys.exit("%s: no eval output (run pipelines/eval-scoring.sh first)" % out)
    boot = next(iter(R.values())).get("bootstrap")

    print("### Means over the ICPs, with %s intervals\n" %
          ("%g%% percentile bootstrap (%d resamples, seed %d)" % (boot["level"] * 100, boot["resamples"], boot["seed"])
           if boot else "no"))
    print("| configuration | shape | split | NDCG@10 | interval | P@10 | interval | AUC | interval |")
    print("|---|---|---|---|---|---|---|---|---|")
    for conf in CONFS:
        for shape in SHAPES:
            for split in SPLITS:
                x = R.get((shape, conf, split))
                if not x:
                    continue
                o = x["overall"]
                name = conf + (" (default)" if conf == DEFAULT else "")
                print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    name, shape, split, f3(o["ndcg@10"]), ci(o, "ndcg@10"), f2(o["p@10"]), ci(o, "p@10", f2),
                    f3(o["auc"]), ci(o, "auc")))
    print()

    print("### The default per ICP (the gate's floor)\n")
    print("| configuration | shape | split | ICP | NDCG@10 | P@10 | AUC | NDCG@10 interval | P@10 interval | AUC interval |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        for split in SPLITS:
            x = R.get((shape, DEFAULT, split))
            if not x:
                continue
            for i in x["icps"]:
                print("| %s (floor) | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    DEFAULT, shape, split, i["icp"], f3(i["ndcg@10"]), f2(i["p@10"]), f3(i["auc"]),
                    ci(i, "ndcg@10"), ci(i, "p@10", f2), ci(i, "auc")))
    print()

    for m, fmt, title in (("ndcg@10", f3, "NDCG@10"), ("p@10", f2, "P@10"), ("auc", f3, "AUC")):
        print("### %s of every configuration per ICP\n" % title)
        print("| configuration | shape | split | " + " | ".join(icps) + " | mean |")
        print("|---|---|---|" + "---|" * (len(icps) + 1))
        for conf in CONFS:
            for shape in SHAPES:
                for split in SPLITS:
                    x = R.get((shape, conf, split))
                    if not x:
                        continue
                    v = {i["icp"]: i[m] for i in x["icps"]}
                    print("| %s | %s | %s | %s | %s |" % (conf, shape, split,
                                                         " | ".join(fmt(v.get(i)) for i in icps),
                                                         fmt(x["overall"][m])))
        print()

    print("### ICPs the rules were not written for\n")
    u = next((x["unseen"] for x in R.values() if "unseen" in x), None)
    if u:
        print("Seen: %s. Unseen: %s. NDCG@10 means and the gap (unseen − seen), with intervals.\n" %
              (", ".join(u["seen_icps"]), ", ".join(u["unseen_icps"])))
        print("| configuration | shape | split | seen | unseen | gap | gap interval |")
        print("|---|---|---|---|---|---|---|")
        for conf in ("baseline", "structured+rerank", DEFAULT):
            for shape in SHAPES:
                for split in SPLITS:
                    x = R.get((shape, conf, split))
                    if not x:
                        continue
                    g = x["unseen"]
                    print("| %s | %s | %s | %s | %s | %s | %s |" % (
                        conf, shape, split, f3(g["seen"]["ndcg@10"]), f3(g["unseen"]["ndcg@10"]),
                        signed(g["diff"]["ndcg@10"]), sci((g.get("ci") or {}).get("diff", {}).get("ndcg@10"), signed)))
        print()
    print("Leave one ICP out, the default: each ICP's NDCG@10 minus the mean of the others, with intervals.\n")
    print("| shape | split | " + " | ".join(icps) + " |")
    print("|---|---|" + "---|" * len(icps))
    for shape in SHAPES:
        for split in SPLITS:
            x = R.get((shape, DEFAULT, split))
            if not x or "leave_one_out" not in x:
                continue
            cells = []
            for l in x["leave_one_out"]:
                c = (l.get("ci") or {}).get("ndcg@10")
                cells.append("%s (%s)" % (signed(l["diff"]["ndcg@10"]), sci(c, signed)))
            print("| %s | %s | %s |" % (shape, split, " | ".join(cells)))
    print()

    print("### The default against the original method (paired intervals of default − baseline)\n")
    print("| shape | split | ICP | NDCG@10 baseline | default | difference | interval |")
    print("|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        for split in SPLITS:
            c = load(out, shape, "compare.%s.json" % split)
            if not c:
                continue
            a = {i["icp"]: i for i in c["a"]["icps"]}
            b = {i["icp"]: i for i in c["b"]["icps"]}
            for d in c["diff"]["icps"] + [c["diff"]["overall"]]:
                i = d["icp"]
                av = a[i]["ndcg@10"] if i in a else c["a"]["overall"]["ndcg@10"]
                bv = b[i]["ndcg@10"] if i in b else c["b"]["overall"]["ndcg@10"]
                print("| %s | %s | %s | %s | %s | %s | %s |" % (shape, split, i, f3(av), f3(bv),
                                                                signed(d["ndcg@10"]), sci((d.get("ci") or {}).get("ndcg@10"), signed)))
    print()

    t = base["targets"]
    print("### Issue 13's targets on the held-out part (reported, not enforced)\n")
    print("Targets: every ICP NDCG@10 >= %s, mean NDCG@10 >= %s, AUC >= %s and P@10 >= %s (read per ICP and for the mean).\n" %
          (t["ndcg@10"], t["mean ndcg@10"], t["auc"], t["p@10"]))
    print("| configuration | shape | mean NDCG@10 | ICPs below NDCG@10 %s | ICPs below P@10 %s | ICPs below AUC %s | mean P@10 | mean AUC |" %
          (t["ndcg@10"], t["p@10"], t["auc"]))
    print("|---|---|---|---|---|---|---|---|")
    for conf in ("baseline", DEFAULT):
        for shape in SHAPES:
            x = R.get((shape, conf, "held-out"))
            if not x:
                continue

            def below(m):
                b = [i["icp"] for i in x["icps"] if i[m] is not None and i[m] < t[m]]
                return ", ".join(b) if b else "none"
            o = x["overall"]
            print("| %s | %s | %s%s | %s | %s | %s | %s | %s |" % (
                conf, shape, f3(o["ndcg@10"]), "" if o["ndcg@10"] >= t["mean ndcg@10"] else " (below)",
                below("ndcg@10"), below("p@10"), below("auc"), f2(o["p@10"]), f3(o["auc"])))


if __name__ == "__main__":
    main()
