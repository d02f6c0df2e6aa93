#!/usr/bin/env python3
"""apify.py: a mock of the Apify API v2 for scrape's tests (real HTTP on 127.0.0.1).

usage: apify.py [options] PORTFILE

Writes the port it listens on to PORTFILE, then serves until killed.
Endpoints (the real paths and JSON shapes):
  POST /v2/acts/{actor}/runs            201 {"data": Run}   (input {"urls":[{"url":...}]})
  GET  /v2/actor-runs/{id}?waitForFinish=N                   {"data": Run}
  POST /v2/actor-runs/{id}/abort        200 {"data": Run}
  GET  /v2/datasets/{id}/items          200 [item, ...]
  GET  /v2/actor-runs/{id}/dataset/items
  GET  /v2/acts/{actor}/runs?status=S&desc=1&limit=N&offset=N
                                        200 {"data": {"items": [Run...], "total": N, ...}}
  GET  /v2/actor-runs/{id}/key-value-store/records/INPUT   the run's input
  GET  /v2/key-value-stores/{id}/records/INPUT
  GET  /__stats                         counters for the tests (not Apify)
Runs finish after a drawn latency (--latency-ms, heavy tail with --tail).
Items are made up from each input URL's slug, or taken from --profiles.
A run's dataset fills as it runs: item i of n is stored after (i+1)/(n+1)
of its duration; a run that ends FAILED or TIMED-OUT keeps the first half
of its items, an aborted one those stored before the abort.
A slug containing "nodata" gets no item, "failrun" makes the run FAILED,
"timeoutrun" TIMED-OUT, "foreign" adds an item for another person.
--fault KIND:WHAT:COUNT makes the first COUNT requests of KIND (start,
poll, items, abort, list, input, any) answer WHAT: 401 402 403 408 429 500
502 503 (Apify error bodies), malformed (200 with broken JSON), truncated
(200, the body cut in half, Content-Length saying so), drop (connection
closed mid-body), trickle (body sent slowly, --trickle-ms per 8 bytes),
hang (no answer for 30 s), spike (the right answer after --spike-ms),
429-ra=N (429 with Retry-After: N).
For start, 502after, 504after and dropafter create the run and then
answer 502, 504 or close the connection: the client never learns the run
exists.
--final STATUS:N makes the first N runs end STATUS (FAILED, TIMED-OUT,
ABORTED); --short-runs N loses the last item of the first N runs;
--dup-items lists every item twice; --shuffle serves items out of order.
/__stats counts "url_starts" (URL -> runs started with it),
"dup_url_starts" (starts of a URL beyond its first) and "paid_twice"
(starts of a URL whose item a finished run already holds).
--echo-token: the 401 for a wrong token quotes it (raw and JSON-escaped),
as a careless server would. --tlog FILE: a JSON line per request with its
time "t", kind and fault.
"""
import argparse
import hashlib
import json
import random
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs, unquote

P = argparse.ArgumentParser()
P.add_argument("portfile")
P.add_argument("--token", default="test-token")
P.add_argument("--latency-ms", type=float, default=5.0, help="median-ish run duration")
P.add_argument("--tail", type=float, default=0.0, help="Pareto alpha of the run duration (0: fixed)")
P.add_argument("--cap", type=float, default=20.0, help="cap of a draw, in multiples of latency")
P.add_argument("--seed", type=int, default=1)
P.add_argument("--profiles", help="a dataset file (JSON array or lines) whose items, of any actor shape, are served by slug/URN")
P.add_argument("--fault", action="append", default=[])
P.add_argument("--fail-runs", type=int, default=0, help="the first N runs end FAILED")
P.add_argument("--trickle-ms", type=float, default=20.0)
P.add_argument("--spike-ms", type=float, default=2000.0)
P.add_argument("--final", action="append", default=[], help="STATUS:N: the first N runs end STATUS")
P.add_argument("--short-runs", type=int, default=0)
P.add_argument("--dup-items", action="store_true")
P.add_argument("--shuffle", action="store_true")
P.add_argument("--log", help="append one line per request to this file")
P.add_argument("--tlog", help="append a JSON line with the time of each request")
P.add_argument("--echo-token", action="store_true")
A = P.parse_args()

LOCK = threading.Lock()
RNG = random.Random(A.seed)
RUNS = {}
DATASETS = {}
KVS = {}
STATS = {"requests": 0, "start": 0, "poll": 0, "items": 0, "abort": 0, "list": 0,
         "runs": 0, "aborted_runs": 0, "running": 0, "max_running": 0,
         "urls": 0, "durations_ms": [], "faults": 0, "other": 0, "input": 0,
         "url_starts": {}, "dup_url_starts": 0, "paid_twice": 0}
FINAL = []
for f in A.final:
    st, n = f.rsplit(":", 1)
    FINAL.extend([st] * int(n))
FAULTS = []
for f in A.fault:
    kind, what, count = f.split(":")
    FAULTS.append({"kind": kind, "what": what, "left": int(count)})
def slug_of_url(url):
    m = re.search(r"/in/([^/?#]+)", url or "")
    return unquote(m.group(1)) if m else None


PROFILES = {}
# Where the actor shapes lq reads keep a member id or slug (dotted paths),
# and where they keep a profile URL: --profiles items of any shape, the
# actor's failure reports included, are served to the URL that names them.
ID_PATHS = ("profileId", "publicIdentifier", "id", "urn", "element.id", "element.publicIdentifier",
            "basic_info.urn", "basic_info.public_identifier", "profile.id", "profile.publicIdentifier",
            "query.publicIdentifier", "username")
URL_PATHS = ("inputUrl", "url", "linkedinUrl", "query.url", "originalQuery.query", "profile.linkedinUrl")


def path_get(it, path):
    for k in path.split("."):
        if not isinstance(it, dict):
            return None
        it = it.get(k)
    return it if isinstance(it, str) and it else None


def load_items(path):
    with open(path) as fp:
        text = fp.read()
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


if A.profiles:
    for it in load_items(A.profiles):
        keys = [path_get(it, p) for p in ID_PATHS]
        keys += [slug_of_url(path_get(it, p)) for p in URL_PATHS if path_get(it, p)]
        for k in keys:
            if k and "/" not in k:
                PROFILES[k if k.startswith("AC") else k.lower()] = it


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def draw():
    if A.tail > 0:
        d = A.latency_ms * min(RNG.paretovariate(A.tail), A.cap)
    else:
        d = A.latency_ms
    return d / 1000.0


def slug_of(url):
    m = re.search(r"/in/([^/?#]+)", url)
    return unquote(m.group(1)) if m else url


def make_item(url, slug):
    if slug in PROFILES or slug.lower() in PROFILES:
        it = dict(PROFILES.get(slug) or PROFILES[slug.lower()])
        if "positions" in it or "profileId" in it:
            it["inputUrl"] = url    # supreme_coder echoes the URL it was given
        return it
    h = hashlib.sha1(slug.lower().encode()).hexdigest()
    urn = slug if slug.startswith("ACoA") else "ACoAA" + h[:20]
    pub = ("pub-" + h[:8]) if slug.startswith("ACoA") else slug.lower()
    first, _, last = slug.partition("-")
    return {"id": str(int(h[:8], 16)), "profileId": urn, "publicIdentifier": pub,
            "firstName": first.capitalize(), "lastName": last.capitalize(),
            "headline": "Head of Finance at Co " + h[:4],
            "geoLocationName": "London, England, United Kingdom",
            "inputUrl": url,
            "positions": [
                {"title": "Head of Finance", "companyName": "Co " + h[:4],
                 "timePeriod": {"startDate": {"month": 1, "year": 2021}}},
                {"title": "Analyst", "companyName": "Old Co",
                 "timePeriod": {"startDate": {"year": 2015}, "endDate": {"year": 2020}}}]}


def visible_items(r):
    """The run's dataset as it is now (see the module's doc)."""
    items = r["items"]
    n = len(items)
    if r["status"] == "SUCCEEDED":
        return items
    if r["status"] in ("FAILED", "TIMED-OUT"):
        return items[: n // 2]
    t = r.get("stopped_at", time.monotonic())
    dur = max(r["ends"] - r["t0"], 1e-6)
    k = sum(1 for i in range(n) if (t - r["t0"]) >= dur * (i + 1) / (n + 1))
    return items[:k]


def run_view(r):
    status = r["status"]
    if status == "RUNNING" and time.monotonic() >= r["ends"]:
        status = r["final"]
        with LOCK:
            if r["status"] == "RUNNING":
                r["status"] = status
                r["finishedAt"] = now_iso()
                r["stopped_at"] = r["ends"]
                STATS["running"] -= 1
    v = {k: r[k] for k in ("id", "actId", "userId", "startedAt", "status",
                           "defaultDatasetId", "defaultKeyValueStoreId", "buildId")}
    v["status"] = r["status"]
    v["finishedAt"] = r.get("finishedAt")
    v["statusMessage"] = r.get("statusMessage")
    v["options"] = {"timeoutSecs": r["timeout"], "memoryMbytes": 1024}
    v["stats"] = {"inputBodyLen": 100}
    return v


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *a):
        pass

    def fault_for(self, kind):
        with LOCK:
            for f in FAULTS:
                if f["left"] > 0 and f["kind"] in (kind, "any"):
                    f["left"] -= 1
                    STATS["faults"] += 1
                    return f["what"]
        return None

    def send(self, code, obj, raw=None, fault=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        if fault == "truncated":
            body = body[: len(body) // 2]
        if fault in ("spike",):
            fault = None
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if fault is None:
            # Headers and body in one write.
            self._headers_buffer.append(b"\r\n" + body)
            self.flush_headers()
            return
        if fault == "truncated":
            self.end_headers()
            self.wfile.write(body)
            return
        self.end_headers()
        if fault == "drop":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if fault == "trickle":
            for i in range(0, len(body), 8):
                self.wfile.write(body[i:i + 8])
                self.wfile.flush()
                time.sleep(A.trickle_ms / 1000.0)
            return
        self.wfile.write(body)

    def error(self, code, typ, msg):
        self.send(code, {"error": {"type": typ, "message": msg}})

    def apply_fault(self, what):
        """Answers with the fault; returns None if what is a body fault."""
        codes = {"401": ("token-not-provided", "Authentication token is not valid"),
                 "402": ("x402-payment-required", "Monthly usage hard limit exceeded"),
                 "403": ("insufficient-permissions", "Insufficient permissions"),
                 "408": ("run-timeout-exceeded", "Request timed out"),
                 "429": ("rate-limit-exceeded", "You have exceeded the rate limit of 60 requests per second"),
                 "500": ("internal-server-error", "Internal server error"),
                 "502": ("bad-gateway", "Bad gateway"),
                 "503": ("server-unavailable", "Service unavailable"),
                 "504": ("gateway-timeout", "Gateway timeout")}
        if what in codes:
            self.error(int(what), *codes[what])
            return True
        if what.startswith("429-ra="):
            body = json.dumps({"error": {"type": "rate-limit-exceeded",
                                         "message": "Rate limit exceeded"}}).encode()
            self.send_response(429)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Retry-After", what.split("=", 1)[1])
            self.end_headers()
            self.wfile.write(body)
            return True
        if what == "hang":
            time.sleep(30)
            self.close_connection = True
            return True
        if what == "spike":
            time.sleep(A.spike_ms / 1000.0)
        return None

    def after_fault(self, what):
        """Faults of a start that happen once the run exists."""
        if what in ("502after", "504after"):
            self.apply_fault(what[:3])
        else:  # dropafter: the connection closes with no answer
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True

    def handle_any(self, method):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        path = u.path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path != "/__stats":
            with LOCK:
                STATS["requests"] += 1
        if A.log:
            with LOCK, open(A.log, "a") as lf:
                lf.write("%s %s\n" % (method, path))
        if path == "/__stats":
            with LOCK:
                self.send(200, STATS)
            return
        if self.headers.get("Authorization") != "Bearer " + A.token:
            given = (self.headers.get("Authorization") or "")[len("Bearer "):]
            echo = (" (got %s, as JSON %s)" % (given, given.replace("/", "\\/"))) if A.echo_token else ""
            self.error(401, "token-not-provided", "Authentication token was not provided or is invalid" + echo)
            return
        m_start = re.fullmatch(r"/v2/(?:acts|actors)/([^/]+)/runs", path)
        m_run = re.fullmatch(r"/v2/actor-runs/([^/]+)", path)
        m_abort = re.fullmatch(r"/v2/actor-runs/([^/]+)/abort", path)
        m_items = re.fullmatch(r"/v2/datasets/([^/]+)/items", path)
        m_ritems = re.fullmatch(r"/v2/actor-runs/([^/]+)/dataset/items", path)
        m_input = re.fullmatch(r"/v2/actor-runs/([^/]+)/key-value-store/records/INPUT", path)
        m_kvinput = re.fullmatch(r"/v2/key-value-stores/([^/]+)/records/INPUT", path)
        if m_start and method == "POST":
            kind = "start"
        elif m_start and method == "GET":
            kind = "list"
        elif m_run and method == "GET":
            kind = "poll"
        elif m_abort and method == "POST":
            kind = "abort"
        elif (m_items or m_ritems) and method == "GET":
            kind = "items"
        elif (m_input or m_kvinput) and method == "GET":
            kind = "input"
        else:
            with LOCK:
                STATS["other"] += 1
            self.error(404, "record-not-found", "no such endpoint: %s %s" % (method, path))
            return
        with LOCK:
            STATS[kind] += 1
        fault = self.fault_for(kind)
        if A.tlog:
            with LOCK, open(A.tlog, "a") as tf:
                tf.write(json.dumps({"t": round(time.time(), 3), "kind": kind, "fault": fault}) + "\n")
        after = fault if fault and fault.endswith("after") else None
        if after:
            fault = None
        if fault and self.apply_fault(fault):
            return
        raw = None
        if kind == "start":
            try:
                inp = json.loads(body)
                urls = [x["url"] for x in inp["urls"]]
                assert all(isinstance(x, str) for x in urls)
            except Exception:
                self.error(400, "invalid-input", "Input is not valid: field urls must be an array of {url}")
                return
            # A profile paid twice: its URL is started again although a run
            # that is over already holds its item.
            held = set()
            for r2 in list(RUNS.values()):
                run_view(r2)
                if r2["status"] in ("SUCCEEDED", "FAILED", "TIMED-OUT", "ABORTED"):
                    held.update(it.get("inputUrl") for it in visible_items(r2))
            with LOCK:
                STATS["paid_twice"] += sum(1 for u in urls if u in held)
                n = STATS["runs"] = STATS["runs"] + 1
                rid = "run%05d%s" % (n, hashlib.sha1(str(n).encode()).hexdigest()[:8])
                dsid = "ds" + rid[3:]
                d = draw()
                STATS["durations_ms"].append(round(d * 1000, 3))
                STATS["urls"] += len(urls)
                for u in urls:
                    c = STATS["url_starts"].get(u, 0)
                    STATS["url_starts"][u] = c + 1
                    if c:
                        STATS["dup_url_starts"] += 1
                STATS["running"] += 1
                STATS["max_running"] = max(STATS["max_running"], STATS["running"])
            items = []
            final = "SUCCEEDED"
            msg = "Finished!"
            for url in urls:
                s = slug_of(url)
                if "failrun" in s:
                    final, msg = "FAILED", "The Actor process failed"
                if "timeoutrun" in s:
                    final, msg = "TIMED-OUT", "The Actor run timed out"
                if "nodata" not in s:
                    items.append(make_item(url, s))
                if "foreign" in s:
                    items.append(make_item("https://www.linkedin.com/in/someone-else/", "someone-else"))
            if n <= A.fail_runs:
                final, msg = "FAILED", "The Actor process failed (injected)"
            if n <= len(FINAL):
                final = FINAL[n - 1]
                msg = {"FAILED": "The Actor process failed (injected)",
                       "TIMED-OUT": "The Actor run timed out (injected)",
                       "ABORTED": "The Actor run was aborted (injected)"}.get(final, final)
            if n <= A.short_runs and items:
                items = items[:-1]
            if A.dup_items:
                items = [x for it in items for x in (it, it)]
            if A.shuffle:
                random.Random(n).shuffle(items)
            r = {"id": rid, "actId": m_start.group(1), "userId": "u1", "startedAt": now_iso(),
                 "status": "RUNNING", "final": final, "statusMessage": msg,
                 "ends": time.monotonic() + d, "t0": time.monotonic(), "defaultDatasetId": dsid,
                 "input": inp, "items": items,
                 "defaultKeyValueStoreId": "kv" + rid[3:], "buildId": "b1",
                 "timeout": int((q.get("timeout") or ["3600"])[0])}
            with LOCK:
                RUNS[rid] = r
                DATASETS[dsid] = r
                KVS["kv" + rid[3:]] = r
            if after:
                self.after_fault(after)
                return
            obj = {"data": run_view(r)}
            code = 201
        elif kind == "list":
            st = (q.get("status") or [None])[0]
            views = [run_view(r) for r in list(RUNS.values())]
            views = [v for v in views if st is None or v["status"] == st]
            if (q.get("desc") or ["0"])[0] in ("1", "true"):
                views.reverse()
            total = len(views)
            off = int((q.get("offset") or ["0"])[0])
            lim = min(int((q.get("limit") or ["1000"])[0]), 1000)
            views = views[off:off + lim]
            obj = {"data": {"total": total, "count": len(views), "offset": off,
                            "limit": lim, "desc": True, "items": views}}
            code = 200
        elif kind == "input":
            r = RUNS.get(m_input.group(1)) if m_input else KVS.get(m_kvinput.group(1))
            if r is None:
                self.error(404, "record-not-found", "Record was not found")
                return
            obj = r["input"]
            code = 200
        elif kind in ("poll", "abort"):
            rid = (m_run or m_abort).group(1)
            r = RUNS.get(rid)
            if r is None:
                self.error(404, "record-not-found", "Actor run was not found")
                return
            if kind == "abort":
                run_view(r)
                with LOCK:
                    STATS["aborted_runs"] += 1
                    if r["status"] == "RUNNING":
                        STATS["running"] -= 1
                        r["status"] = "ABORTED"
                        r["finishedAt"] = now_iso()
                        r["stopped_at"] = time.monotonic()
            else:
                wait = float((q.get("waitForFinish") or ["0"])[0])
                deadline = time.monotonic() + min(wait, 60)
                # One sleep, no spinning: 20 spinning threads would starve
                # the others of the GIL.
                if r["status"] == "RUNNING":
                    time.sleep(max(0.0, min(deadline, r["ends"]) - time.monotonic()))
            obj = {"data": run_view(r)}
            code = 200
        else:
            r = DATASETS.get(m_items.group(1)) if m_items else RUNS.get(m_ritems.group(1))
            items = None
            if r is not None:
                run_view(r)
                items = visible_items(r)
            if items is None:
                self.error(404, "record-not-found", "Dataset was not found")
                return
            obj = items
            code = 200
        if fault == "malformed":
            raw = json.dumps(obj).encode()[:-7] + b"{,]"
        self.send(code, obj, raw=raw, fault=fault)

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")


class S(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


srv = S(("127.0.0.1", 0), H)
with open(A.portfile + ".tmp", "w") as fp:
    fp.write(str(srv.server_address[1]))
import os
os.rename(A.portfile + ".tmp", A.portfile)
try:
    srv.serve_forever()
except KeyboardInterrupt:
    pass
