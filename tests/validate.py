#!/usr/bin/env python3
"""validate.py: check JSON or NDJSON files against a JSON Schema (draft 2020-12).

usage: validate.py [--ndjson | --each] SCHEMA FILE...   (FILE - is standard input)

Prints FILE:LINE: path: message for each violation and exits 1 if there was
any; 2 when the schema itself is invalid or a file is not JSON. With
--each, prints "FILE: valid" or "FILE: invalid" (not JSON is invalid) for
every file and exits 0: one process for many small files. Used by the
CLI tests with python3-jsonschema (Debian's package, in the Makefile's
DEB_CHECK).
"""
import json
import sys

import jsonschema


def main(argv):
    ndjson = each = False
    if argv and argv[0] == "--ndjson":
        ndjson, argv = True, argv[1:]
    elif argv and argv[0] == "--each":
        each, argv = True, argv[1:]
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    bad = 0
    for name in argv[1:]:
        f = sys.stdin.buffer if name == "-" else open(name, "rb")
        with f:
            data = f.read()
        if each:
            try:
                ok = validator.is_valid(json.loads(data.decode("utf-8")))
            except (ValueError, RecursionError):
                ok = False
            print(f"{name}: {'valid' if ok else 'invalid'}")
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            print(f"{name}: not UTF-8: {e}")
            return 2
        if ndjson:
            docs = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        else:
            docs = [(1, text)]
        for n, text in docs:
            try:
                doc = json.loads(text)
            except (ValueError, RecursionError) as e:
                print(f"{name}:{n}: not JSON: {str(e)[:200]}")
                return 2
            for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                path = "/".join(str(p) for p in err.absolute_path) or "(top)"
                print(f"{name}:{n}: {path}: {err.message[:300]}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
