#!/usr/bin/env python3
"""Mock Fathom External API on 127.0.0.1 (../shared/reference/apis.md section 4).

  fathom.py --port-file F [--log F] [--key K] [--page-size N] [--faults LIST]
            [--data FILE] [--no-inline-transcripts] [--window N] [--reset S]
            [--latency-ms N]

Serves GET /external/v1/meetings (created_after, calendar_invitees_domains[],
calendar_invitees_domains_type, include_transcript, cursor; pages of
--page-size items with next_cursor) and GET
/external/v1/recordings/{id}/transcript. Meetings come from --data (a JSON
array of Fathom meeting objects) or a built-in set of five.

Every request needs "X-Api-Key: K" when --key is given; a wrong key gets a
401 whose body repeats the key given (so tests can check it never leaks).

--faults is a comma list consumed one per request: 429 (RateLimit-Limit,
RateLimit-Remaining 0 and RateLimit-Reset --reset seconds, no Retry-After),
429-ra (Retry-After: 1), 401, 500, malformed (200 with broken JSON),
badpage (200 JSON without an items array), badcursor (next_cursor 42),
baditem (one item that is not a meeting), drop (connection closed), ok.
NAME* repeats forever.

Also the faults of faultlib.py (NAME:ARG): 429-ra:N, 429-date:N, 429-rl:N,
429-long:N, 503-ra:N, 408, 503, slow:MS, trickle, truncated, reset; and
repeat (a meetings page whose next_cursor is the cursor it was asked for,
so a client that follows it loops for ever). --echo-key: error bodies
quote the key the request carried (raw, escaped, encoded).

--window N: RateLimit-Remaining counts down from N per request; the answer
that reaches 0 says so with RateLimit-Reset --reset, and a request that
comes before the window reset gets a 429. Each log line has the time.
"""
import argparse
import json
import re
import sys
import threading
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faultlib  # noqa: E402
from urllib.parse import urlsplit, parse_qs

ARGS = None
LOCK = threading.Lock()
FAULTS = []
LOG = None
MEETINGS = []
WINDOW = {"left": None, "reset_at": 0.0}


def builtin_meetings():
    def m(rid, day, title, client, domain, lines):
        return {
            "title": title, "meeting_title": title, "recording_id": rid,
            "url": "https://fathom.video/calls/%d" % rid,
            "share_url": "https://fathom.video/share/%d" % rid,
            "created_at": "2025-0%d-10T15:30:00Z" % day,
            "scheduled_start_time": "2025-0%d-10T15:00:00Z" % day,
            "recording_start_time": "2025-0%d-10T15:01:00Z" % day,
            "calendar_invitees_domains_type": "one_or_more_external",
            "transcript_language": "en",
            "calendar_invitees": [
                {"name": "Sam Agency", "email": "sam@agency.io", "email_domain": "agency.io",
                 "is_external": False, "matched_speaker_display_name": "Sam Agency"},
                {"name": client, "email": "%s@%s" % (client.split()[0].lower(), domain),
                 "email_domain": domain, "is_external": True, "matched_speaker_display_name": client}],
            "recorded_by": {"name": "Sam Agency", "email": "sam@agency.io", "email_domain": "agency.io",
                            "team": "Growth"},
            "transcript": [
                {"speaker": {"display_name": who,
                             "matched_calendar_invitee_email": "sam@agency.io" if who == "Sam Agency"
                             else "%s@%s" % (client.split()[0].lower(), domain)},
                 "text": text, "timestamp": "00:%02d:%02d" % (i // 60, i % 60 * 7 % 60)}
                for i, (who, text) in enumerate(lines)],
            "default_summary": None, "action_items": None, "crm_matches": None,
        }
    return [
        m(101, 1, "Kickoff: Ledgerly", "Dana Reyes", "ledgerly.com", [
            ("Sam Agency", "Who do you want to reach, CTOs maybe?"),
            ("Dana Reyes", "Mostly CFOs and finance directors at fintech scaleups."),
            ("Dana Reyes", "We don't sell to recruiters.")]),
        m(102, 2, "ICP deep dive: Ledgerly", "Dana Reyes", "ledgerly.com", [
            ("Sam Agency", "Anything else?"),
            ("Dana Reyes", "Controllers too, at companies of 50 to 500 people.")]),
        m(103, 3, "Intro: Brightpath", "Lee Park", "brightpath.co", [
            ("Lee Park", "Heads of People in healthcare, please.")]),
        m(104, 4, "Follow-up: Ledgerly", "Dana Reyes", "ledgerly.com", [
            ("Dana Reyes", "Add VP of Finance to the list.")]),
        m(105, 5, "Check-in: Brightpath", "Lee Park", "brightpath.co", [
            ("Lee Park", "No agencies.")]),
    ]


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


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, obj, headers=None, raw=None):
        key = None
        if ARGS.echo_key and status >= 400 and isinstance(obj, dict) and isinstance(obj.get("error"), str):
            key = self.headers.get("X-Api-Key")
            obj["error"] += faultlib.echo_text(key)
        body = raw if raw is not None else json.dumps(obj).encode()
        faultlib.send(self, status, faultlib.echo_body(body, key), headers, getattr(self, "mode", None))

    def rl_headers(self):
        """RateLimit-* of this answer, and whether the window is exceeded."""
        if ARGS.window is None:
            return {"RateLimit-Limit": "60", "RateLimit-Remaining": "59", "RateLimit-Reset": "60"}, False
        with LOCK:
            now = time.time()
            if WINDOW["left"] is None or now >= WINDOW["reset_at"]:
                WINDOW["left"] = ARGS.window
                WINDOW["reset_at"] = now + ARGS.reset
            over = WINDOW["left"] <= 0
            if not over:
                WINDOW["left"] -= 1
            reset = max(WINDOW["reset_at"] - now, 0)
            return {"RateLimit-Limit": str(ARGS.window), "RateLimit-Remaining": str(WINDOW["left"]),
                    "RateLimit-Reset": "%g" % round(reset, 3)}, over

    def do_GET(self):
        self.mode = None
        if ARGS.latency_ms:
            time.sleep(ARGS.latency_ms / 1000.0)
        u = urlsplit(self.path)
        q = parse_qs(u.query, keep_blank_values=True)
        key = self.headers.get("X-Api-Key")
        entry = {"path": u.path, "query": q, "key_ok": ARGS.key is None or key == ARGS.key}
        if ARGS.key is not None and key != ARGS.key:
            log(dict(entry, status=401))
            return self.send_json(401, {"error": "Invalid API key: %s" % (key or "")})
        rl, over = self.rl_headers()
        if over:
            log(dict(entry, status=429, fault="window"))
            return self.send_json(429, {"error": "Rate limit exceeded"}, headers=rl)
        fault = next_fault()
        name, arg = faultlib.parse(fault)
        wait = faultlib.wait_headers(name, arg)
        if wait:
            log(dict(entry, status=wait[0], fault=fault))
            return self.send_json(wait[0], {"error": "Rate limit exceeded" if wait[0] == 429 else "Unavailable"},
                                  headers=wait[1])
        if name == "slow":
            time.sleep(float(arg) / 1000.0)
        if name in faultlib.BODY_MODES:
            self.mode = name
        if fault == "drop":
            log(dict(entry, status=0, fault=fault))
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        if fault == "401":
            log(dict(entry, status=401, fault=fault))
            return self.send_json(401, {"error": "Unauthorized"})
        if fault == "429":
            log(dict(entry, status=429, fault=fault))
            return self.send_json(429, {"error": "Rate limit exceeded"}, headers={
                "RateLimit-Limit": "60", "RateLimit-Remaining": "0", "RateLimit-Reset": "%g" % ARGS.reset})
        if fault == "429-ra":
            log(dict(entry, status=429, fault=fault))
            return self.send_json(429, {"error": "Rate limit exceeded"}, headers={"Retry-After": "1"})
        if fault == "500":
            log(dict(entry, status=500, fault=fault))
            return self.send_json(500, {"error": "Internal server error"})
        if fault == "malformed":
            log(dict(entry, status=200, fault=fault))
            return self.send_json(200, None, raw=b'{"limit":10,"next_cursor":null,"items":[{"title":"Ki')
        m = re.fullmatch(r"/external/v1/recordings/(\d+)/transcript", u.path)
        if m:
            return self.transcript(int(m.group(1)), entry, rl)
        if u.path == "/external/v1/meetings":
            return self.meetings(q, entry, rl, fault)
        log(dict(entry, status=404))
        return self.send_json(404, {"error": "Not found"})

    def transcript(self, rid, entry, rl):
        for mt in MEETINGS:
            if mt.get("recording_id") == rid:
                log(dict(entry, status=200))
                return self.send_json(200, {"transcript": mt.get("transcript") or []}, headers=rl)
        log(dict(entry, status=404))
        return self.send_json(404, {"error": "Recording not found"})

    def meetings(self, q, entry, rl, fault):
        items = list(MEETINGS)
        after = (q.get("created_after") or [None])[0]
        if after:
            items = [mt for mt in items if mt.get("created_at", "") > after]
        doms = q.get("calendar_invitees_domains[]") or []
        if doms:
            items = [mt for mt in items
                     if any(i.get("email_domain") in doms for i in mt.get("calendar_invitees") or [])]
        items.sort(key=lambda mt: mt.get("created_at", ""), reverse=True)
        start = 0
        cur = (q.get("cursor") or [None])[0]
        if cur is not None:
            if not cur.startswith("c") or not cur[1:].isdigit():
                log(dict(entry, status=400))
                return self.send_json(400, {"error": "Invalid cursor"})
            start = int(cur[1:])
        page = items[start:start + ARGS.page_size]
        nxt = "c%d" % (start + ARGS.page_size) if start + ARGS.page_size < len(items) else None
        incl = (q.get("include_transcript") or ["false"])[0] == "true"
        out = []
        for mt in page:
            mt = dict(mt)
            if not incl or ARGS.no_inline_transcripts:
                mt["transcript"] = None
            out.append(mt)
        if fault == "baditem":
            out.insert(0, "not a meeting")
        if fault == "repeat" and cur is not None:
            nxt = cur
        body = {"limit": ARGS.page_size, "next_cursor": nxt, "items": out}
        if fault == "badpage":
            body = {"limit": ARGS.page_size, "next_cursor": nxt, "items": {"oops": 1}}
        if fault == "badcursor":
            body["next_cursor"] = 42
        log(dict(entry, status=200, fault=fault if fault != "ok" else None, n=len(out)))
        return self.send_json(200, body, headers=rl)


def main():
    global ARGS, LOG, MEETINGS
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--log")
    p.add_argument("--key")
    p.add_argument("--page-size", type=int, default=2)
    p.add_argument("--faults", default="")
    p.add_argument("--data")
    p.add_argument("--no-inline-transcripts", action="store_true")
    p.add_argument("--window", type=int)
    p.add_argument("--reset", type=float, default=1.0)
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--echo-key", action="store_true")
    ARGS = p.parse_args()
    FAULTS.extend(f for f in ARGS.faults.split(",") if f)
    MEETINGS = json.load(open(ARGS.data)) if ARGS.data else builtin_meetings()
    if ARGS.log:
        LOG = open(ARGS.log, "a")
    ThreadingHTTPServer.daemon_threads = True
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    import os
    with open(ARGS.port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
