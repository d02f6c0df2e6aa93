#!/usr/bin/env python3
"""faultcheck.py: the invariants of one fault-matrix trial (tests/cli/47-faults-http.sh).

usage: faultcheck.py --kind embed|classify|rerank|calls --in IN --out OUT --key KEY
                     [--scan PATH]... [--log LOG --wait FAULT --gap MIN:MAX] [--partial]

Checks, and prints one line "records N lost N duplicated N keybytes N gaps N dropped N":
  - every input record is in the output exactly once, in input order (by
    "id"; for calls IN is the list of meeting ids the server holds, and with
    --partial the output may stop early but never repeats or reorders);
  - embed: each lead has a vector or is a failed record of embed;
    classify: no lead failed here; each has labels or a classify warning;
    rerank: every lead that had an icp_score still has one, and a tier, and
    is not failed; it has a rerank_score or a rerank warning;
  - no byte of the key in any scanned file or directory (the key, its
    distinctive middle, and its base64 at the three alignments);
  - with --wait: each answer with that fault in LOG (JSON lines with "t" and
    "fault") is followed by the next request no sooner than MIN seconds and
    no later than MAX.
Exits 1 with the reasons on stderr when an invariant does not hold.
"""
import argparse
import base64
import json
import os
import sys


def records(path):
    out = []
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except ValueError:
                out.append({"__bad__": n})
    return out


def key_forms(key):
    """Byte strings whose presence means the key leaked."""
    k = key.encode()
    forms = {k}
    mid = key.find("SECRET")
    if mid >= 0:
        forms.add(b"SECRET")
    for o in range(3):
        enc = base64.b64encode(b"x" * o + k)
        first, last = (o + 2) // 3, (o + len(k)) // 3
        if last > first:
            forms.add(enc[first * 4:last * 4])
    return forms


def scan(paths, forms):
    found, where = 0, []
    files = []
    for p in paths:
        if os.path.isdir(p):
            for d, _, names in os.walk(p):
                files += [os.path.join(d, n) for n in names]
        elif os.path.exists(p):
            files.append(p)
    for fp in files:
        try:
            data = open(fp, "rb").read()
        except OSError:
            continue
        for f in forms:
            c = data.count(f)
            if c:
                found += c * len(f)
                where.append("%s: %d x %r" % (fp, c, f[:12]))
    return found, where


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kind", required=True, choices=["embed", "classify", "rerank", "calls"])
    p.add_argument("--in", dest="inp", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--scan", action="append", default=[])
    p.add_argument("--log")
    p.add_argument("--wait")
    p.add_argument("--gap")
    p.add_argument("--partial", action="store_true")
    a = p.parse_args()
    why = []

    if a.kind == "calls":
        want = [l.strip() for l in open(a.inp) if l.strip()]
        inrecs = [{"id": i} for i in want]
    else:
        inrecs = records(a.inp)
        want = [r.get("id") for r in inrecs]
    outrecs = records(a.out) if os.path.exists(a.out) else []
    got = [r.get("id") for r in outrecs]
    seen, dup = {}, 0
    for i in got:
        seen[i] = seen.get(i, 0) + 1
    dup = sum(c - 1 for c in seen.values()) + sum(c for i, c in seen.items() if i not in set(want))
    lost = sum(1 for i in want if i not in seen)
    if a.partial:
        lost = 0
        if got != want[:len(got)]:
            why.append("output is not a prefix of the input order: %s" % got)
    elif got != want:
        why.append("order or membership differs: in %s, out %s" % (want, got))

    byid = {r.get("id"): r for r in outrecs}
    dropped = 0  # leads an optional stage failed or unscored: gone from the CSV
    for r in inrecs:
        o = byid.get(r.get("id"))
        if o is None:
            continue
        warn = [w for w in o.get("warnings") or [] if isinstance(w, dict)]
        if a.kind == "embed":
            if not o.get("embedding") and not (o.get("status") == "failed" and (o.get("error") or {}).get("stage") == "embed"):
                why.append("%s: neither a vector nor an embed failure" % o.get("id"))
        elif a.kind == "classify":
            if o.get("status") == "failed" and r.get("status") != "failed":
                why.append("%s: failed by classify" % o.get("id"))
                dropped += 1
            elif o.get("status") != "failed" and not o.get("industry") and not any(w.get("stage") == "classify" for w in warn):
                why.append("%s: no labels and no classify warning" % o.get("id"))
        elif a.kind == "rerank":
            if r.get("icp_score") is not None and r.get("status") != "failed":
                if o.get("icp_score") is None or o.get("tier") is None or o.get("status") == "failed":
                    why.append("%s: was scored before rerank, is not after" % o.get("id"))
                    dropped += 1
                elif o.get("rerank_score") is None and not any(w.get("stage") == "rerank" for w in warn):
                    why.append("%s: no rerank_score and no rerank warning" % o.get("id"))

    keybytes, where = scan(a.scan, key_forms(a.key))
    if keybytes:
        why.append("key bytes found: " + "; ".join(where[:5]))

    gaps = 0
    if a.wait:
        lo, hi = (float(x) for x in a.gap.split(":"))
        log = [json.loads(l) for l in open(a.log) if l.strip()]
        log.sort(key=lambda e: e["t"])
        for i, e in enumerate(log):
            if e.get("fault") != a.wait:
                continue
            if i + 1 == len(log):
                why.append("no request after the %s answer" % a.wait)
                continue
            g = log[i + 1]["t"] - e["t"]
            gaps += 1
            if not (lo <= g <= hi):
                why.append("gap after %s: %.3f s, expected %g..%g" % (a.wait, g, lo, hi))
        if gaps == 0:
            why.append("the fault %s never happened" % a.wait)

    print("records %d lost %d duplicated %d keybytes %d gaps %d dropped %d"
          % (len(want), lost, dup, keybytes, gaps, dropped))
    for w in why:
        print("faultcheck: " + w, file=sys.stderr)
    return 1 if why else 0


if __name__ == "__main__":
    sys.exit(main())
