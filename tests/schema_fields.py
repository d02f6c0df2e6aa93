#!/usr/bin/env python3
"""schema_fields.py: docs/schema.md and docs/schema/record.schema.json name the same fields with the same types.

usage: schema_fields.py SCHEMA_MD RECORD_SCHEMA_JSON

Reads every table row of schema.md whose first cell names fields in
backquotes (`a`, `b`) and whose second cell is a type ("string", "array
of strings", "object", "integer", "number", "number 0-100", "array of
numbers", "array of objects", or a quoted constant), and compares them with the properties of
the JSON Schema. Prints each difference; exits 1 if there is any.
"""
import json
import re
import sys


def schema_kind(prop):
    """The schema.md wording of a property's type."""
    if "enum" in prop:
        kinds = {type(v).__name__ for v in prop["enum"]}
        return "string" if kinds == {"str"} else "?"
    if "oneOf" in prop:	# "array of numbers, or string"
        return ", or ".join(schema_kind(x) for x in prop["oneOf"])
    t = prop.get("type")
    if isinstance(t, list):	# ["string", "null"]: "string or null"
        rest = [x for x in t if x != "null"]
        if len(rest) == 1 and len(t) == 2:
            return schema_kind(dict(prop, type=rest[0])) + " or null"
        return "?"
    if t == "array":
        inner = prop.get("items", {}).get("type")
        return {"string": "array of strings", "number": "array of numbers",
                "object": "array of objects"}.get(inner, "array")
    return t or "?"


def main(md_path, schema_path):
    with open(schema_path, encoding="utf-8") as f:
        props = json.load(f)["properties"]
    doc = {}
    with open(md_path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 2 or not cells[0].startswith("`"):
                continue
            names = re.findall(r"`([a-z_0-9]+)`", cells[0])
            kind = cells[1]
            for n in names:
                doc.setdefault(n, set()).add(kind)
    bad = 0
    for n in sorted(set(doc) - set(props)):
        print(f"{n}: in docs/schema.md, not in the JSON Schema")
        bad += 1
    for n in sorted(set(props) - set(doc)):
        print(f"{n}: in the JSON Schema, not in docs/schema.md")
        bad += 1
    for n in sorted(set(doc) & set(props)):
        p = props[n]
        have = schema_kind(p)
        for kind in doc[n]:
            want = kind
            if re.fullmatch(r'`"[a-z]+"`', kind):	# a constant: the enum holds it
                ok = kind.strip('`"') in p.get("enum", [])
            elif kind.startswith("number"):
                ok = have == "number"
                m = re.fullmatch(r"number (\d+)-(\d+)", kind)
                if m:
                    ok = ok and p.get("minimum") == int(m.group(1)) and p.get("maximum") == int(m.group(2))
            else:
                ok = have == want
            if not ok:
                print(f"{n}: docs/schema.md says {kind}, the JSON Schema {have} {json.dumps(p)[:120]}")
                bad += 1
    print(f"{len(doc)} fields compared")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
