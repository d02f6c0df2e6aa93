#!/usr/bin/env python3
"""eval_ref.py: an independent reference for eval's metrics (stdlib only).

usage: eval_ref.py LABELS SCORED [SCORE_FIELD]
Prints {"ICP": {"ndcg@10": x, ...}, ...} for the ICPs found in SCORED.
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


def main():
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
