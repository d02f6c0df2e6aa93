#!/usr/bin/env python3
"""eval_ref.py: an independent reference for eval's metrics (stdlib only).

usage: eval_ref.py LABELS SCORED [SCORE_FIELD]
       eval_ref.py --bootstrap N SEED LEVEL LABELS SCORED
Prints {"ICP": {"ndcg@10": x, ...}, ...} for the ICPs found in SCORED.
With --bootstrap it prints eval --bootstrap's percentile intervals,
{"icps": {ICP: {metric: [lo, hi] or null}}, "overall": {...}}, computed
independently: the same SplitMix64 draws, but every resample ranked as a
strict order (so the scores of an ICP's leads must be distinct: copies
of one lead then tie only with themselves, which no metric can see).
It does not reuse eval's closed forms: ties are handled by enumerating
every order of the tied leads and averaging the metric of each strict
order, so keep tie groups small. Records carry "icp" (or the labels hold
one ICP); matching is by "id" only.
"""
import itertools
import json
import math
import sys


def strict_metrics(rels, cuts):
    """Metrics of one strict order (rels[i] is the relevance at place i+1)."""
    pos = [r >= 2 for r in rels]
    out = {}
    ideal = sorted(rels, reverse=True)
    for k in (10, 50):
        dcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(rels[:k]))
        idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal[:k]))
        out["ndcg@%d" % k] = dcg / idcg if idcg > 0 else None
    for k in (10, 25):
        out["p@%d" % k] = sum(pos[:k]) / k if rels else None
    npos = sum(pos)
    nneg = len(rels) - npos
    if npos and nneg:
        # fraction of (pos, neg) pairs in the right order
        good, negs_below = 0, nneg
        for p in pos:
            if p:
                good += negs_below
            else:
                negs_below -= 1
        out["auc"] = good / (npos * nneg)
    else:
        out["auc"] = None
    if npos:
        hits, s = 0, 0.0
        for i, p in enumerate(pos):
            if p:
                hits += 1
                s += hits / (i + 1)
        out["ap"] = s / npos
    else:
        out["ap"] = None
    out["recall@AB"] = (sum(1 for p, c in zip(pos, cuts) if p and c) / npos) if npos else None
    return out


def expected_metrics(items):
    """items: (score, rel, cut). AUC with ties is not an average of strict
    orders' AUCs in general? It is: each tied pair is ordered either way
    with equal chance, so the mean of strict AUCs is the one-half rule."""
    items = sorted(items, key=lambda t: -t[0])
    groups = [list(g) for _, g in itertools.groupby(items, key=lambda t: t[0])]
    total, n = None, 0
    for combo in itertools.product(*[list(itertools.permutations(g)) for g in groups]):
        order = [x for g in combo for x in g]
        m = strict_metrics([x[1] for x in order], [x[2] for x in order])
        if total is None:
            total = {k: (0.0 if v is not None else None) for k, v in m.items()}
        for k, v in m.items():
            if v is not None:
                total[k] += v
        n += 1
    return {k: (v / n if v is not None else None) for k, v in total.items()}


MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9e3779b97f4a7c15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & MASK
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & MASK
        yield z ^ (z >> 31)


def quantile(xs, p):
    """Hyndman and Fan type 7 on sorted xs."""
    h = (len(xs) - 1) * p
    i = math.floor(h)
    if i + 1 >= len(xs):
        return xs[-1]
    return xs[i] + (h - i) * (xs[i + 1] - xs[i])


def bootstrap(nboot, seed, level, labels_path, scored_path):
    order, rel = [], {}
    for line in open(labels_path, encoding="utf-8"):
        if line.strip():
            j = json.loads(line)
            order.append((j["icp"], j["id"]))
            rel[(j["icp"], j["id"])] = j["relevance"]
    icps = []
    for icp, _ in order:
        if icp not in icps:
            icps.append(icp)
    seen = {}
    for line in open(scored_path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            key = (r["icp"], r["id"])
            if key in rel and key not in seen:
                seen[key] = (float(r["icp_score"]), r.get("tier") in ("A", "B"))
    pools = {icp: [k for k in order if k[0] == icp and k in seen] for icp in icps}
    for icp, pool in pools.items():
        scores = [seen[k][0] for k in pool]
        assert len(set(scores)) == len(scores), "%s: scores must be distinct" % icp
    gen = splitmix64(seed)
    reps = {icp: [] for icp in icps + ["overall"]}
    for _ in range(nboot):
        per = {}
        for icp in icps:
            pool = pools[icp]
            draw = [pool[int(float(next(gen) >> 11) * 2.0 ** -53 * len(pool))] for _ in pool]
            if not draw:
                per[icp] = None
                continue
            draw.sort(key=lambda k: -seen[k][0])
            per[icp] = strict_metrics([rel[k] for k in draw], [seen[k][1] for k in draw])
            reps[icp].append(per[icp])
        names = [m for m in next(iter(v for v in per.values() if v)).keys()]
        mean = {}
        for m in names:
            vals = [per[i][m] for i in icps if per[i] and per[i][m] is not None]
            mean[m] = sum(vals) / len(vals) if vals else None
        reps["overall"].append(mean)
    out = {"icps": {}, "overall": None}
    lo_p, hi_p = (1 - level) / 2, 1 - (1 - level) / 2
    for icp, rs in reps.items():
        iv = {}
        for m in rs[0].keys() if rs else []:
            vals = sorted(r[m] for r in rs if r[m] is not None)
            iv[m] = [quantile(vals, lo_p), quantile(vals, hi_p)] if vals else None
        if icp == "overall":
            out["overall"] = iv
        else:
            out["icps"][icp] = iv
    print(json.dumps(out, sort_keys=True))


def main():
    if sys.argv[1] == "--bootstrap":
        bootstrap(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6])
        return
    labels_path, scored_path = sys.argv[1], sys.argv[2]
    field = sys.argv[3] if len(sys.argv) > 3 else "icp_score"
    labels = {}
    for line in open(labels_path, encoding="utf-8"):
        if line.strip():
            j = json.loads(line)
            labels[(j["icp"], j["id"])] = j["relevance"]
    icps = sorted({k[0] for k in labels})
    per = {}
    for line in open(scored_path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        icp = r.get("icp", icps[0] if len(icps) == 1 else None)
        key = (icp, r.get("id"))
        if key not in labels:
            continue
        s = r.get(field)
        score = float(s) if isinstance(s, (int, float)) and not isinstance(s, bool) else -math.inf
        per.setdefault(icp, []).append((score, labels[key], r.get("tier") in ("A", "B")))
    print(json.dumps({icp: expected_metrics(v) for icp, v in sorted(per.items())}, sort_keys=True))


if __name__ == "__main__":
    main()
