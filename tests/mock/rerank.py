#!/usr/bin/env python3
"""rerank.py: a mock of the rerank APIs for rerank's tests (real HTTP on 127.0.0.1).

usage: rerank.py --dialect jina|cohere|tei|llamacpp [options] PORTFILE

Writes the port it listens on to PORTFILE, then serves until killed.
Dialects (the real paths and shapes, ../shared/reference/apis.md §3):
  jina      POST /v1/rerank  {model, query, documents, top_n, return_documents}
            -> {"model","usage":{"total_tokens"},"results":[{"index","relevance_score","document"?}]}
  cohere    POST /v2/rerank  {model, query, documents (strings), top_n}
            -> {"id","results":[{"index","relevance_score"}],"meta":{...}}
  tei       POST /rerank     {query, texts, raw_scores, truncate, return_text}
            -> [{"index","score","text"?}]; more than --max-batch texts: 422
  llamacpp  POST /v1/rerank  documents: jina-like with raw logits as relevance_score;
            texts: the TEI shape
  GET /__stats               counters for the tests
Results are sorted by descending score (cut to top_n) unless --shuffle.
jina and cohere need "Authorization: Bearer KEY" (--key).
The score of a document is the share of the query's words it contains.
--fault WHAT:COUNT makes the first COUNT rerank requests answer WHAT:
401 402 429 429-bare (no Retry-After) 500 503 malformed drop missing
(one result left out) badindex (an index out of range) hang (30 s), and
the faults of faultlib.py written NAME=ARG (429-ra=2, 429-date=2,
429-rl=1, 429-xr=1500ms, 503-ra=1, 408, slow=1500, trickle, truncated,
reset). --echo-key: error bodies quote the key the request carried (raw,
escaped, encoded). --tlog FILE: one JSON line per rerank request with its
time "t", status and fault.
"""
import argparse
import json
import random
import re
import sys
import threading
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faultlib  # noqa: E402

P = argparse.ArgumentParser()
P.add_argument("portfile")
P.add_argument("--dialect", required=True, choices=["jina", "cohere", "tei", "llamacpp"])
P.add_argument("--key", default="test-key")
P.add_argument("--latency-ms", type=float, default=0.0)
P.add_argument("--max-batch", type=int, default=0, help="documents per request at most (0: dialect default)")
P.add_argument("--shuffle", action="store_true", help="results in random order")
P.add_argument("--fault", action="append", default=[])
P.add_argument("--log", help="append each request body to this file")
P.add_argument("--tlog", help="append a JSON line with the time of each rerank request")
P.add_argument("--echo-key", action="store_true")
A = P.parse_args()

LOCK = threading.Lock()
RNG = random.Random(7)
STATS = {"requests": 0, "documents": 0, "max_batch": 0, "faults": 0, "in_flight": 0, "max_in_flight": 0}
FAULTS = []
for f in A.fault:
    what, count = f.rsplit(":", 1)
    FAULTS.append([what, int(count)])
PATHS = {"jina": ["/v1/rerank"], "cohere": ["/v2/rerank"], "tei": ["/rerank"],
         "llamacpp": ["/v1/rerank", "/rerank", "/reranking", "/v1/reranking"]}
MAXB = A.max_batch or {"jina": 2048, "cohere": 1000, "tei": 32, "llamacpp": 4096}[A.dialect]


def words(s):
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def relevance(query, doc):
    q = words(query)
    return round(len(q & words(doc)) / len(q), 6) if q else 0.0


def take_fault():
    with LOCK:
        for f in FAULTS:
            if f[1] > 0:
                f[1] -= 1
                STATS["faults"] += 1
                return f[0]
    return None


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, obj, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        if A.tlog and self.path != "/__stats":
            with LOCK, open(A.tlog, "a") as f:
                f.write(json.dumps({"t": round(time.time(), 3), "status": code,
                                    "fault": getattr(self, "fault", None)}) + "\n")
        faultlib.send(self, code, body, headers, getattr(self, "mode", None))

    def error(self, code, msg, kind="invalid_request_error", headers=None):
        key = None
        if A.echo_key:
            auth = self.headers.get("Authorization") or ""
            key = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
            msg += faultlib.echo_text(key)
        if A.dialect == "tei":
            body = {"error": msg, "error_type": kind}
        elif A.dialect == "cohere":
            body = {"message": msg}
        else:
            body = {"error": {"code": code, "message": msg, "type": kind}}
        self.send(code, None, headers, raw=faultlib.echo_body(json.dumps(body).encode(), key))

    def do_GET(self):
        if self.path == "/__stats":
            with LOCK:
                self.send(200, STATS)
        else:
            self.error(404, "not found")

    def do_POST(self):
        self.mode = self.fault = None
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n)
        if self.path not in PATHS[A.dialect]:
            return self.error(404, "no route " + self.path)
        with LOCK:
            STATS["requests"] += 1
            STATS["in_flight"] += 1
            STATS["max_in_flight"] = max(STATS["max_in_flight"], STATS["in_flight"])
        try:
            self.rerank(raw)
        finally:
            with LOCK:
                STATS["in_flight"] -= 1

    def rerank(self, raw):
        if A.log:
            with LOCK, open(A.log, "a") as f:
                f.write(raw.decode("utf-8", "replace") + "\n")
        if A.latency_ms:
            time.sleep(A.latency_ms / 1000)
        if A.dialect in ("jina", "cohere") and self.headers.get("Authorization") != "Bearer " + A.key:
            return self.error(401, "invalid api key", "authentication_error")
        fault = self.fault = take_fault()
        name, arg = faultlib.parse(fault, "=")
        wait = faultlib.wait_headers(name, arg)
        if wait:
            return self.error(wait[0], "slow down" if wait[0] == 429 else "overloaded", "rate_limit",
                              headers=wait[1])
        if name == "slow":
            time.sleep(float(arg) / 1000)
        if name in faultlib.BODY_MODES:
            self.mode = name
        if fault in ("401", "402", "500", "503"):
            return self.error(int(fault), "injected " + fault)
        if fault == "429":
            return self.send(429, {"error": {"message": "slow down"}}, {"Retry-After": "1"})
        if fault == "429-bare":
            return self.send(429, {"error": {"message": "slow down"}})
        if fault == "malformed":
            return self.send(200, None, raw=b'{"results": [{"index": 0, "relevance_sc')
        if fault == "drop":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"results": [')
            self.wfile.flush()
            self.close_connection = True
            return
        if fault == "hang":
            time.sleep(30)
            return
        try:
            req = json.loads(raw)
        except ValueError:
            return self.error(400, "body is not JSON")
        query = req.get("query")
        tei_shape = A.dialect == "tei" or (A.dialect == "llamacpp" and "texts" in req)
        docs = req.get("texts") if tei_shape else req.get("documents")
        if A.dialect == "tei" and "documents" in req:
            return self.error(422, "unknown field `documents`, expected `texts`", "validation")
        if not isinstance(query, str) or not isinstance(docs, list) or \
                not all(isinstance(d, str) for d in docs):
            return self.error(422 if tei_shape else 400, "query must be a string and documents strings", "validation")
        if not docs:
            return self.error(400, "empty batch", "empty")
        if len(docs) > MAXB:
            return self.error(422 if tei_shape else 400,
                              "batch size %d > maximum allowed batch size %d" % (len(docs), MAXB), "validation")
        with LOCK:
            STATS["documents"] += len(docs)
            STATS["max_batch"] = max(STATS["max_batch"], len(docs))
        scores = [relevance(query, d) for d in docs]
        if A.dialect == "llamacpp" and not tei_shape:
            scores = [round(8 * s - 4, 6) for s in scores]   # raw logits
        order = sorted(range(len(docs)), key=lambda i: -scores[i])
        top_n = req.get("top_n")
        if not tei_shape and isinstance(top_n, int) and top_n > 0:
            order = order[:top_n]
        if A.shuffle:
            RNG.shuffle(order)
        if fault == "missing" and order:
            order = order[1:]
        key = "score" if tei_shape else "relevance_score"
        res = [{"index": i, key: scores[i]} for i in order]
        if fault == "badindex" and res:
            res[0]["index"] = len(docs) + 5
        if tei_shape:
            if req.get("return_text"):
                for r in res:
                    r["text"] = docs[r["index"]]
            return self.send(200, res)
        if A.dialect == "jina" and req.get("return_documents", True):
            for r in res:
                r["document"] = {"text": docs[r["index"]]}
        body = {"results": res}
        if A.dialect == "jina":
            body.update(model=req.get("model"), usage={"total_tokens": sum(len(d) // 4 for d in docs)})
        elif A.dialect == "cohere":
            body = {"id": "mock-%d" % STATS["requests"], "results": res,
                    "meta": {"api_version": {"version": "2"}, "billed_units": {"search_units": 1}}}
        else:
            body.update(model=req.get("model", ""), object="list",
                        usage={"prompt_tokens": 10, "total_tokens": 10})
        self.send(200, body)


srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
srv.daemon_threads = True
with open(A.portfile + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
import os
os.rename(A.portfile + ".tmp", A.portfile)
try:
    srv.serve_forever()
except KeyboardInterrupt:
    pass
