#!/usr/bin/python3
"""bs4_extract.py: the original service's follower extraction, the bench baseline.

usage: bs4_extract.py page.html > urls.txt

BeautifulSoup over lxml, every <a href> containing /in/, a regex to pull
the profile id, then a regex pass over the raw page as the fallback for
links outside anchors; unique URLs in first-seen order.
"""
import re
import sys

from bs4 import BeautifulSoup

PROFILE = re.compile(r"linkedin\.com/in/([A-Za-z0-9_%-]+)", re.I)
RELATIVE = re.compile(r"^/in/([A-Za-z0-9_%-]+)")


def main():
    with open(sys.argv[1], "rb") as f:
        html = f.read()
    soup = BeautifulSoup(html, "lxml")
    seen, out = set(), []

    def add(pid):
        url = "https://www.linkedin.com/in/%s/" % pid
        if url not in seen:
            seen.add(url)
            out.append(url)

    for a in soup.find_all("a", href=True):
        href = a["href"]
        m = PROFILE.search(href) or RELATIVE.search(href)
        if m:
            add(m.group(1))
    for m in PROFILE.finditer(soup.get_text()):
        add(m.group(1))
    sys.stdout.write("".join(u + "\n" for u in out))


main()
