#!/usr/bin/env python3
"""csvread.py: reads CSV back with Python's csv module, an independent reader.

usage: csvread.py rows FILE            each row as a JSON array, one a line
                                       (a UTF-8 byte order mark at the start
                                       is read as Excel reads it: not text)
       csvread.py bom FILE             exit 0 if FILE begins with a UTF-8
                                       byte order mark, else 1
       csvread.py crlf FILE            exit 1 unless every row ends in CRLF
       csvread.py spectrum JSON NDJSON SPEC
                                       turn a csv-spectrum JSON file into
                                       records (NDJSON) and a --columns spec
       csvread.py same JSON FILE       exit 1 unless FILE reads back as the
                                       header + values of the JSON file
"""
import csv
import json
import sys


csv.field_size_limit(1 << 30)


def read_rows(path):
    # newline='' as the csv module requires; utf-8 strict: bad bytes fail;
    # -sig: a byte order mark at the start is not part of the first cell.
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f, strict=True))


def crlf(path):
    """Every row terminator outside quotes is CRLF; no bare CR or LF."""
    data = open(path, "rb").read()
    quoted = False
    i = 0
    while i < len(data):
        c = data[i:i + 1]
        if c == b'"':
            quoted = not quoted
        elif not quoted and c == b"\r":
            if data[i + 1:i + 2] != b"\n":
                return "bare CR at byte %d" % i
            i += 1
        elif not quoted and c == b"\n":
            return "LF without CR at byte %d" % i
        i += 1
    if quoted:
        return "unterminated quote"
    if data and not data.endswith(b"\r\n"):
        return "last row does not end in CRLF"
    return None


def escape(s):
    return "".join("\\" + ch if ch in "\\,=|.[] \t" else ch for ch in s)


def spectrum_records(path):
    items = json.load(open(path, encoding="utf-8"))
    keys = list(items[0].keys())
    return items, keys


def main(argv):
    if len(argv) == 3 and argv[1] == "rows":
        for row in read_rows(argv[2]):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if len(argv) == 3 and argv[1] == "bom":
        with open(argv[2], "rb") as f:
            return 0 if f.read(3) == b"\xef\xbb\xbf" else 1
    if len(argv) == 3 and argv[1] == "crlf":
        why = crlf(argv[2])
        if why:
            print("%s: %s" % (argv[2], why), file=sys.stderr)
            return 1
        return 0
    if len(argv) == 5 and argv[1] == "spectrum":
        items, keys = spectrum_records(argv[2])
        with open(argv[3], "w", encoding="utf-8") as out:
            for it in items:
                out.write(json.dumps(it, ensure_ascii=False) + "\n")
        with open(argv[4], "w", encoding="utf-8") as out:
            out.write(",".join(escape(k) + "=" + escape(k) for k in keys))
        return 0
    if len(argv) == 4 and argv[1] == "same":
        items, keys = spectrum_records(argv[2])
        want = [keys] + [[it[k] for k in keys] for it in items]
        got = read_rows(argv[3])
        if got != want:
            print("want %r\ngot  %r" % (want, got), file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
