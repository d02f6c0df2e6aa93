#!/usr/bin/env python3
"""validate.py: check JSON or NDJSON files against a JSON Schema (draft 2020-12).

usage: validate.py [--ndjson] SCHEMA FILE...   (FILE - is standard input)

Prints FILE:LINE: path: message for each violation and exits 1 if there was
any; 2 when the schema itself is invalid or a file is not JSON. Used by the
CLI tests with python3-jsonschema (Debian's package, in the Makefile's
DEB_CHECK).
"""
import json
import sys

import jsonschema


def main(argv):
    ndjson = False
    if argv and argv[0] == "--ndjson":
        ndjson, argv = True, argv[1:]
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
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        with f:
            docs = []
            if ndjson:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        docs.append((n, line))
            else:
                docs.append((1, f.read()))
        for n, text in docs:
            try:
                doc = json.loads(text)
            except ValueError as e:
                print(f"{name}:{n}: not JSON: {e}")
                return 2
            for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                path = "/".join(str(p) for p in err.absolute_path) or "(top)"
                print(f"{name}:{n}: {path}: {err.message[:300]}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
