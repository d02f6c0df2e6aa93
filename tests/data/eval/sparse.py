#!/usr/bin/env python3
"""sparse.py: the sparse copy of an Apify profile export, as real scrapes
often come: no LinkedIn industry, no employee counts, no employment type.

usage: python3 tests/data/eval/sparse.py RICH.json SPARSE.json

Removes, wherever they occur in an item: industryName, companyIndustry,
industry and industries (the LinkedIn industry in every shape the actors
use), employeeCountRange, employeeCount, staffCount and companySize (the
head count) and employmentType. Everything else, the person's own words
included (a headline saying "150 MA" stays), is kept byte for byte in
the same order, so the labels of the rich file apply unchanged.
Deterministic: the same input always gives the same output.
"""
import json
import sys

DROP = frozenset(("industryName", "companyIndustry", "industry", "industries",
                  "employeeCountRange", "employeeCount", "staffCount", "companySize",
                  "employmentType"))


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in DROP}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def write(items, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump([strip(x) for x in items], f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: sparse.py RICH.json SPARSE.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        items = json.load(f)
    if not isinstance(items, list):
        sys.exit("%s: expected a JSON array of profiles" % sys.argv[1])
    write(items, sys.argv[2])


if __name__ == "__main__":
    main()
