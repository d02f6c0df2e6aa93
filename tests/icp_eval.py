#!/usr/bin/env python3
"""Precision and recall of icp-extract against hand-written ICPs.

  python3 tests/icp_eval.py [BIN_DIR] [DATA_DIR]

For every transcript in DATA_DIR (default tests/data/calls) with a
NAME.expected.json beside it, runs `calls FILE | icp-extract ARGS` (ARGS
from the expected file's "_args") and compares each criterion list with
the expected one. A found value matches an expected one when both are
equal after case folding and squeezing punctuation; an expected element
may be a list of acceptable spellings. Prints per-file and per-list
counts and the micro-averaged precision and recall.
"""
import glob
import json
import os
import re
import subprocess
import sys

KEYS = ["target_titles", "target_industries", "company_sizes", "target_keywords", "exclude_titles",
        "_exclude_industries", "_exclude_company_sizes"]


def fold(s):
    return re.sub(r"[^a-z0-9&+]+", " ", s.lower()).strip()


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bindir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "bin")
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(top, "tests", "data", "calls")
    tp = fp = fn = 0
    per_key = {k: [0, 0, 0] for k in KEYS}
    for exp_path in sorted(glob.glob(os.path.join(data, "*.expected.json"))):
        name = os.path.basename(exp_path)[:-len(".expected.json")]
        srcs = [p for p in glob.glob(os.path.join(data, name + ".*")) if not p.endswith(".expected.json")]
        if len(srcs) != 1:
            sys.exit("%s: expected one transcript beside it" % exp_path)
        exp = json.load(open(exp_path))
        calls = subprocess.run([os.path.join(bindir, "calls"), "-q", srcs[0]], capture_output=True, check=True)
        out = subprocess.run([os.path.join(bindir, "icp-extract"), "-q"] + exp.get("_args", []),
                             input=calls.stdout, capture_output=True)
        if out.returncode not in (0, 1):
            sys.exit("%s: icp-extract failed: %s" % (name, out.stderr.decode()))
        got = json.loads(out.stdout)
        ftp = ffp = ffn = 0
        misses = []
        for k in KEYS:
            want = [[fold(a) for a in (e if isinstance(e, list) else [e])] for e in exp.get(k, [])]
            have = [fold(e["value"] if isinstance(e, dict) else e) for e in got.get(k, [])]
            used = [False] * len(want)
            for h in have:
                for i, alts in enumerate(want):
                    if not used[i] and h in alts:
                        used[i] = True
                        ftp += 1
                        per_key[k][0] += 1
                        break
                else:
                    ffp += 1
                    per_key[k][1] += 1
                    misses.append("+%s:%s" % (k, h))
            for i, u in enumerate(used):
                if not u:
                    ffn += 1
                    per_key[k][2] += 1
                    misses.append("-%s:%s" % (k, want[i][0]))
        tp, fp, fn = tp + ftp, fp + ffp, fn + ffn
        print("%-24s tp %2d  fp %2d  fn %2d  %s" % (name, ftp, ffp, ffn, " ".join(misses)))
    for k in KEYS:
        a, b, c = per_key[k]
        print("  %-24s tp %2d  fp %2d  fn %2d" % (k, a, b, c))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print("precision %.2f  recall %.2f  (tp %d, fp %d, fn %d)" % (p, r, tp, fp, fn))


if __name__ == "__main__":
    main()
