#!/usr/bin/env python3
"""Mock OpenAI API: /v1/embeddings and /v1/chat/completions on 127.0.0.1.

Speaks the real wire shapes (../shared/reference/apis.md section 2) and
injects faults, so the C clients under test are the real ones.

  openai.py --port-file F [--log F] [--latency-ms N] [--faults LIST]
            [--shuffle] [--ignore-base64] [--dim N] [--key K]

--faults is a comma list consumed one per request, in order (then all
requests succeed): 429 (Retry-After: 1), 429-bare (no Retry-After),
quota (429 insufficient_quota), 401, 403, 500, malformed (200 with a
broken body), drop (close the connection without an answer), short
(fewer embeddings than inputs), refusal, length (finish_reason length,
truncated JSON), badlabel (labels outside the enum), ok. A fault written
NAME* repeats forever.

Text triggers, whatever --faults says: an input containing "#500#" makes
its whole request answer 500; a chat prompt containing "IGNORE PREVIOUS
INSTRUCTIONS" gets the answer the injection asks for (an invalid label),
as a model that fell for it would.

--paid-log F appends one line per embeddings answer of 200 to F:
{"t0": when the request came, "t1": when the answer was sent (Unix
seconds), "texts": [a short hash of each input]}: what was paid for, and
when, for the kill -9 tests.

With --key every request must carry "Authorization: Bearer K"; a wrong
key gets OpenAI's 401, whose message here repeats the key in full (worse
than OpenAI, which masks it) so tests can check the client never echoes it.

Also the faults of faultlib.py (NAME:ARG): 429-ra:N, 429-date:N, 429-rl:N,
429-xr:DUR, 429-xrq:DUR, 429-long:N, 503-ra:N, 408, 503, slow:MS, trickle,
truncated, reset; and for chat, prose (content that is not JSON). With
--echo-key every error body quotes the key the request carried in raw,
JSON-escaped, URL-encoded and base64 forms. Log lines carry the time "t".
"""
import argparse
import base64
import hashlib
import json
import math
import random
import re
import struct
import sys
import threading
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faultlib  # noqa: E402

ARGS = None
LOCK = threading.Lock()
FAULTS = []
LOG = None


def next_fault():
    with LOCK:
        if not FAULTS:
            return "ok"
        f = FAULTS[0]
        if f.endswith("*"):
            return f[:-1]
        return FAULTS.pop(0)


def log(entry):
    if LOG is None:
        return
    with LOCK:
        entry["t"] = round(time.time(), 3)
        LOG.write(json.dumps(entry) + "\n")
        LOG.flush()


def vector(text, dim):
    """A deterministic unit vector for text."""
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8", "replace")).digest()[:8], "little")
    rnd = random.Random(seed)
    v = [rnd.random() - 0.5 for _ in range(dim)]
    n = math.sqrt(sum(x * x for x in v)) or 1.0
    return [x / n for x in v]


def tokens(text):
    return max(1, len(text.encode("utf-8")) // 4)


def error_body(status, etype, code, message):
    return status, {"error": {"message": message, "type": etype, "param": None, "code": code}}


FAULT_ERRORS = {
    "429": (429, "requests", "rate_limit_exceeded", "Rate limit reached for requests"),
    "429-bare": (429, "requests", "rate_limit_exceeded", "Rate limit reached for requests"),
    "quota": (429, "insufficient_quota", "insufficient_quota",
              "You exceeded your current quota, please check your plan and billing details."),
    "403": (403, "invalid_request_error", "unsupported_country_region_territory",
            "Country, region, or territory not supported"),
    "500": (500, "server_error", None, "The server had an error while processing your request."),
}

LABEL_RULES = [
    (r"fintech|payments?", "Fintech"),
    (r"saas|software", "SaaS"),
    (r"nhs|midwife|health|hospital", "Healthcare"),
    (r"search|recruit", "HRTech"),
    (r"bank|capital|credit union|leasing", "Financial Services"),
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def send_json(self, status, obj, headers=None, raw=None):
        key = None
        if ARGS.echo_key and status >= 400 and isinstance(obj, dict) and isinstance(obj.get("error"), dict):
            auth = self.headers.get("Authorization") or ""
            key = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
            obj["error"]["message"] = (obj["error"].get("message") or "") + faultlib.echo_text(key)
        body = raw if raw is not None else json.dumps(obj).encode()
        body = faultlib.echo_body(body, key)
        hdrs = {"x-request-id": "req_mock"}
        hdrs.update(headers or {})
        faultlib.send(self, status, body, hdrs, getattr(self, "mode", None))

    def do_POST(self):
        self.t0 = time.time()
        self.mode = None
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n)
        if ARGS.latency_ms:
            time.sleep(ARGS.latency_ms / 1000.0)
        auth = self.headers.get("Authorization")
        try:
            req = json.loads(raw)
        except ValueError:
            req = None
        entry = {"path": self.path, "auth": auth is not None}
        if ARGS.key is not None and auth != "Bearer " + ARGS.key:
            given = (auth or "")[len("Bearer "):]
            log(dict(entry, status=401))
            return self.send_json(*error_body(401, "invalid_request_error", "invalid_api_key",
                                              "Incorrect API key provided: %s. You can find your API key at "
                                              "https://platform.openai.com/account/api-keys." % given))
        if not isinstance(req, dict):
            log(dict(entry, status=400))
            return self.send_json(*error_body(400, "invalid_request_error", None,
                                              "We could not parse the JSON body of your request."))
        if self.path == "/v1/embeddings":
            return self.embeddings(req, entry)
        if self.path == "/v1/chat/completions":
            return self.chat(req, entry)
        log(dict(entry, status=404))
        return self.send_json(*error_body(404, "invalid_request_error", None, "Unknown path " + self.path))

    def common_fault(self, fault, entry):
        """Sends the answer of a transport or status fault; True if sent."""
        name, arg = faultlib.parse(fault)
        wait = faultlib.wait_headers(name, arg)
        if wait:
            status, headers = wait
            log(dict(entry, status=status, fault=fault))
            self.send_json(*error_body(status, "requests" if status == 429 else "server_error",
                                       "rate_limit_exceeded" if status == 429 else None,
                                       "Rate limit reached for requests" if status == 429
                                       else "The server is overloaded."), headers=headers)
            return True
        if name == "slow":
            time.sleep(float(arg) / 1000.0)
            return False
        if name in faultlib.BODY_MODES:
            self.mode = name
            return False
        if fault == "drop":
            log(dict(entry, status=0, fault=fault))
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return True
        if fault == "401":
            log(dict(entry, status=401, fault=fault))
            self.send_json(*error_body(401, "invalid_request_error", "invalid_api_key",
                                       "Incorrect API key provided."))
            return True
        if fault in FAULT_ERRORS:
            status, etype, code, msg = FAULT_ERRORS[fault]
            headers = {"Retry-After": "1"} if fault == "429" else {}
            log(dict(entry, status=status, fault=fault))
            self.send_json(*error_body(status, etype, code, msg), headers=headers)
            return True
        if fault == "malformed":
            log(dict(entry, status=200, fault=fault))
            self.send_json(200, None, raw=b'{"object":"list","data":[{"object":"embedding","ind')
            return True
        return False

    def embeddings(self, req, entry):
        inputs = req.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        if (not isinstance(inputs, list) or not inputs or len(inputs) > 2048
                or not all(isinstance(s, str) and s for s in inputs) or not isinstance(req.get("model"), str)):
            log(dict(entry, status=400))
            return self.send_json(*error_body(400, "invalid_request_error", None,
                                              "'input' : input must be a non-empty string or array of strings"))
        entry.update(n=len(inputs), model=req["model"], encoding=req.get("encoding_format"),
                     dimensions=req.get("dimensions"))
        if sum(tokens(s) for s in inputs) > 300000:
            log(dict(entry, status=400))
            return self.send_json(*error_body(400, "invalid_request_error", "max_tokens_per_request",
                                              "Requested too many tokens for one request"))
        if any("#500#" in s for s in inputs):
            return self.common_fault("500", entry)
        fault = next_fault()
        if self.common_fault(fault, entry):
            return
        dim = req.get("dimensions") or ARGS.dim
        data = []
        for i, s in enumerate(inputs):
            v = vector(s, dim)
            if req.get("encoding_format") == "base64" and not ARGS.ignore_base64:
                emb = base64.b64encode(struct.pack("<%df" % dim, *v)).decode()
            else:
                emb = v
            data.append({"object": "embedding", "index": i, "embedding": emb})
        if ARGS.shuffle:
            random.Random(len(inputs)).shuffle(data)
        if fault == "short":
            data = data[:-1]
        t = sum(tokens(s) for s in inputs)
        log(dict(entry, status=200, fault=fault if fault != "ok" else None))
        try:
            self.send_json(200, {"object": "list", "data": data, "model": req["model"],
                                 "usage": {"prompt_tokens": t, "total_tokens": t}})
        finally:
            # Computed, so paid, whether or not the client is still there.
            self.paid(inputs)

    def paid(self, inputs):
        if ARGS.paid_log:
            line = json.dumps({"t0": self.t0, "t1": time.time(),
                               "texts": [hashlib.sha1(s.encode()).hexdigest()[:12] for s in inputs]})
            with LOCK, open(ARGS.paid_log, "a") as f:
                f.write(line + "\n")

    def chat(self, req, entry):
        msgs = req.get("messages")
        if not isinstance(msgs, list) or not msgs:
            log(dict(entry, status=400))
            return self.send_json(*error_body(400, "invalid_request_error", None, "'messages' is required"))
        text = "\n".join(m.get("content") or "" for m in msgs if isinstance(m, dict) and m.get("role") == "user")
        rf = req.get("response_format") or {}
        schema = ((rf.get("json_schema") or {}).get("schema") or {}).get("properties") or {}
        entry.update(model=req.get("model"), schema=rf.get("type"))
        if "#500#" in text:
            return self.common_fault("500", entry)
        fault = next_fault()
        if self.common_fault(fault, entry):
            return
        if "titles" in schema:
            return self.icp_answer(req, msgs, text, fault, entry)
        ind_enum = (schema.get("industry") or {}).get("enum") or ["Other"]
        ct_enum = (schema.get("company_type") or {}).get("enum") or ["unknown"]
        industry = next((lab for pat, lab in LABEL_RULES if re.search(pat, text, re.I) and lab in ind_enum),
                        "Other" if "Other" in ind_enum else ind_enum[-1])
        ctype = "startup" if re.search(r"seed|series a|startup", text, re.I) else (
            "freelance" if re.search(r"freelance|fractional|self-employed", text, re.I) else "unknown")
        if ctype not in ct_enum:
            ctype = ct_enum[-1]
        answer = {"industry": industry, "industry_reasoning": "mock: matched the profile text",
                  "company_type": ctype, "company_reasoning": "mock: matched the profile text"}
        if "IGNORE PREVIOUS INSTRUCTIONS" in text.upper():
            answer = {"industry": "HACKED", "industry_reasoning": "as instructed",
                      "company_type": "pwned", "company_reasoning": "as instructed"}
        if fault == "badlabel":
            answer["industry"] = "Crypto Web3"
            answer["company_type"] = "unicorn"
        content = json.dumps(answer)
        finish = "stop"
        refusal = None
        if fault == "prose":
            content = "Sure! The industry is " + answer["industry"] + "."
        if fault == "refusal":
            content, refusal = None, "I'm sorry, I can't help with that request."
        elif fault == "length":
            content, finish = content[:len(content) // 2], "length"
        pt = tokens(json.dumps(msgs))
        ct = tokens(content or refusal)
        log(dict(entry, status=200, fault=fault if fault != "ok" else None))
        self.send_json(200, {
            "id": "chatcmpl-mock", "object": "chat.completion", "created": int(time.time()),
            "model": req.get("model"), "system_fingerprint": "fp_mock",
            "choices": [{"index": 0, "finish_reason": finish, "logprobs": None,
                         "message": {"role": "assistant", "content": content, "refusal": refusal,
                                     "annotations": []}}],
            "usage": {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}})


    def icp_answer(self, req, msgs, text, fault, entry):
        """icp-extract's schema: criteria from CLIENT lines naming a title
        of a small list, plus one whose quote is made up (the client must
        drop it) and one taken from an AGENCY line (dropped too)."""
        titles, excl = [], []
        for line in text.splitlines():
            m = re.match(r"\[([^\]]*)\] (.*?) \((CLIENT|AGENCY|UNKNOWN)\): (.*)", line)
            if not m:
                continue
            ts, who, side, said = m.groups()
            for t in ("CFO", "Controller", "Recruiter", "CTO"):
                if re.search(r"\b%ss?\b" % t, said, re.I):
                    neg = bool(re.search(r"\b(not|no|don't)\b", said, re.I))
                    item = {"value": t, "negated": neg, "quote": said, "speaker": who, "timestamp": ts}
                    (excl if neg else titles).append(item)
        titles.append({"value": "Chief Happiness Officer", "negated": False,
                       "quote": "We love chief happiness officers.", "speaker": "Nobody", "timestamp": ""})
        # regions: a CLIENT line naming Spain or the US; and a place lq
        # does not know, quoted from the same line (the client drops it)
        regions = []
        for line in text.splitlines():
            m = re.match(r"\[([^\]]*)\] (.*?) \((CLIENT|AGENCY|UNKNOWN)\): (.*)", line)
            if not m or m.group(3) != "CLIENT":
                continue
            ts, who, side, line_said = m.groups()
            for said in re.split(r"(?<=[.!?])\s+", line_said):
                neg = bool(re.search(r"\b(not|no|don't)\b", said, re.I))
                for pat, name in ((r"\bSpain\b", "Spain"), (r"\bUS\b", "United States")):
                    if re.search(pat, said):
                        regions.append({"value": name, "negated": neg, "quote": said, "speaker": who,
                                        "timestamp": ts})
                if regions and not any(r["value"] == "Atlantis" for r in regions):
                    regions.append({"value": "Atlantis", "negated": False, "quote": said, "speaker": who,
                                    "timestamp": ts})
        answer = {"titles": titles + excl, "industries": [], "company_sizes": [], "keywords": [],
                  "notes": "mock notes"}
        if "regions" in json.dumps(req.get("response_format", {})):
            answer["regions"] = regions
        content = json.dumps(answer)
        finish, refusal = "stop", None
        if fault == "prose":
            content = "The client wants CFOs and controllers."
        if fault == "refusal":
            content, refusal = None, "I'm sorry, I can't help with that request."
        elif fault == "length":
            content, finish = content[:len(content) // 2], "length"
        log(dict(entry, status=200, fault=fault if fault != "ok" else None))
        self.send_json(200, {
            "id": "chatcmpl-mock", "object": "chat.completion", "created": int(time.time()),
            "model": req.get("model"),
            "choices": [{"index": 0, "finish_reason": finish, "logprobs": None,
                         "message": {"role": "assistant", "content": content, "refusal": refusal}}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}})


def main():
    global ARGS, LOG
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--log")
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--faults", default="")
    p.add_argument("--shuffle", action="store_true")
    p.add_argument("--ignore-base64", action="store_true")
    p.add_argument("--dim", type=int, default=1536)
    p.add_argument("--key")
    p.add_argument("--paid-log")
    p.add_argument("--echo-key", action="store_true")
    ARGS = p.parse_args()
    FAULTS.extend(f for f in ARGS.faults.split(",") if f)
    if ARGS.log:
        LOG = open(ARGS.log, "a")
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 128
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(ARGS.port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    import os
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
