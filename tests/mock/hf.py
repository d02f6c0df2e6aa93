#!/usr/bin/env python3
"""Mock Hugging Face file server on 127.0.0.1, for `lq model fetch`.

  hf.py --port-file F [--log F] --dir MODEL_DIR [--faults LIST]

Serves GET /sentence-transformers/all-MiniLM-L6-v2/resolve/main/PATH from
the files of MODEL_DIR, as the Hub does: a large file (over 1 MB, stored
with Git LFS on the Hub) answers 302 with a Location on another path
(/cdn/...), which serves the bytes; small files come directly. Unknown
paths are 404 with the Hub's "Entry not found" body.

--faults is a comma list of modes for the whole run:
  corrupt    model.safetensors has one byte changed (the SHA-256 must catch it)
  truncated  vocab.txt is cut in half, with a Content-Length of the whole
  404        every file is 404
Each request is logged as one JSON line {"path", "status"}.
"""
import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/sentence-transformers/all-MiniLM-L6-v2/resolve/main/"
ARGS = None
LOCK = threading.Lock()


def log(path, status):
    if ARGS.log:
        with LOCK, open(ARGS.log, "a") as f:
            f.write(json.dumps({"path": path, "status": status}) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, status, body, ctype="application/octet-stream", headers=None, length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        log(self.path, status)

    def do_GET(self):
        faults = ARGS.faults.split(",") if ARGS.faults else []
        path = self.path.split("?")[0]
        cdn = path.startswith("/cdn/")
        if cdn:
            rel = path[len("/cdn/"):]
        elif path.startswith(PREFIX):
            rel = path[len(PREFIX):]
        else:
            return self.send(404, b"Repository not found", "text/plain")
        full = os.path.normpath(os.path.join(ARGS.dir, rel))
        if "404" in faults or not full.startswith(os.path.abspath(ARGS.dir) + os.sep) \
                or not os.path.isfile(full):
            return self.send(404, b"Entry not found", "text/plain")
        size = os.path.getsize(full)
        if not cdn and size > (1 << 20):
            return self.send(302, b"", "text/plain", {"Location": "/cdn/" + rel})
        with open(full, "rb") as f:
            body = f.read()
        if rel == "model.safetensors" and "corrupt" in faults:
            body = body[:-1] + bytes([body[-1] ^ 1])
        if rel == "vocab.txt" and "truncated" in faults:
            self.send(200, body[: len(body) // 2], length=len(body))
            self.close_connection = True
            return
        self.send(200, body)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--log")
    p.add_argument("--dir", required=True)
    p.add_argument("--faults", default="")
    ARGS = p.parse_args()
    ARGS.dir = os.path.abspath(ARGS.dir)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(ARGS.port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
