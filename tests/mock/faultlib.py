"""faultlib.py: misbehaviour shared by the mock servers (imported by openai.py, rerank.py, fathom.py).

A fault is NAME or NAME:ARG (rerank.py writes NAME=ARG, its own ':' counts).
Waits the way real APIs ask for them:
  429-ra:N     429, Retry-After: N (delay-seconds)
  429-date:N   429, Retry-After: the HTTP-date N seconds from now
  429-rl:N     429, RateLimit-Limit/-Remaining: 0/-Reset: N (IETF draft, Fathom)
  429-xr:DUR   429, OpenAI's x-ratelimit-remaining-tokens: 0 and
               x-ratelimit-reset-tokens: DUR ("6s", "1m30s", "250ms"); the
               requests limit is not used up
  429-xrq:DUR  the same for the requests limit (tokens reset "5m" but left)
  429-long:N   429, Retry-After: N (for waits beyond what a client accepts)
  503-ra:N     503, Retry-After: N
  408, 503     the status, no wait asked
Transport and body faults, applied to a good answer:
  slow:MS      the answer comes MS milliseconds late (a latency spike)
  trickle      the body comes in 20 pieces over about a second
  truncated    Content-Length promises more than is sent, then the
               connection closes
  reset        half the body, then a TCP reset
With an echo key (the key the request carried), every error body quotes it
the ways servers do: raw, JSON-escaped (\\/ and \\u002f), URL-encoded and
inside a Basic credential, so tests can check no form leaks.
"""
import base64
import email.utils
import socket
import struct
import time
from urllib.parse import quote

WAITS = ("429-ra", "429-date", "429-rl", "429-xr", "429-xrq", "429-long", "503-ra")
BODY_MODES = ("trickle", "truncated", "reset")


def parse(fault, sep=":"):
    """(name, arg) of a fault written NAME or NAME<sep>ARG."""
    if fault and sep in fault:
        name, arg = fault.split(sep, 1)
        return name, arg
    return fault, None


def wait_headers(name, arg):
    """(status, headers) of a wait fault, or None."""
    if name in ("429-ra", "429-long"):
        return 429, {"Retry-After": arg}
    if name == "503-ra":
        return 503, {"Retry-After": arg}
    if name == "429-date":
        return 429, {"Retry-After": email.utils.formatdate(time.time() + float(arg), usegmt=True)}
    if name == "429-rl":
        return 429, {"RateLimit-Limit": "60", "RateLimit-Remaining": "0", "RateLimit-Reset": arg}
    if name == "429-xr":
        return 429, {"x-ratelimit-limit-tokens": "10000", "x-ratelimit-remaining-tokens": "0",
                     "x-ratelimit-reset-tokens": arg, "x-ratelimit-limit-requests": "500",
                     "x-ratelimit-remaining-requests": "499", "x-ratelimit-reset-requests": "120ms"}
    if name == "429-xrq":
        return 429, {"x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "0",
                     "x-ratelimit-reset-requests": arg, "x-ratelimit-limit-tokens": "10000",
                     "x-ratelimit-remaining-tokens": "9000", "x-ratelimit-reset-tokens": "5m"}
    if name in ("408", "503"):
        return int(name), {}
    return None


def echo_text(key):
    """A sentence quoting key in the forms servers use (see echo_body)."""
    if not key:
        return ""
    basic = base64.b64encode(("user:%s" % key).encode()).decode()
    return (" Given: %s; as sent: %s; header Basic %s; query key=%s; again %s"
            % (key, key, basic, quote(key, safe=""), key))


def echo_body(body, key):
    """The JSON bytes body with the first two raw quotes of key written
    JSON-escaped (every '/' as \\/, then every '/' as \\u002f)."""
    if not key:
        return body
    k = key.encode()
    if b"/" in k:
        body = body.replace(k, k.replace(b"/", b"\\/"), 1)
        body = body.replace(k, k.replace(b"/", b"\\u002f"), 1)
    return body


def send(handler, status, body, headers=None, mode=None, content_type="application/json"):
    """Sends an answer, whole or misbehaving (mode in BODY_MODES)."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    if mode == "truncated":
        handler.send_header("Content-Length", str(len(body) + 500))
    else:
        handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    if mode == "trickle":
        step = max(1, (len(body) + 19) // 20)
        for i in range(0, len(body), step):
            handler.wfile.write(body[i:i + step])
            handler.wfile.flush()
            time.sleep(0.05)
        return
    if mode == "reset":
        handler.wfile.write(body[:len(body) // 2])
        handler.wfile.flush()
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
        handler.connection.close()
        return
    handler.wfile.write(body)
    if mode == "truncated":
        handler.wfile.flush()
        handler.close_connection = True
        try:
            handler.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
