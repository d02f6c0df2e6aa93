#!/usr/bin/env python3
"""oracle.py: scores extract-urls records against the people a saved page shows.

usage: oracle.py KIND PAGE RECORDS.ndjson

The truth comes from each markup generation's own class names (the way a
scraper of that generation reads it: BeautifulSoup with html.parser), not
from extract-urls' structural rules, so the two can disagree. Prints one
tab-separated line: truth found missed extra names_right names_known
headlines_right headlines_known, where a headline is right when it equals
the page's (white space collapsed) or both are absent.
"""
import json
import re
import sys
from urllib.parse import unquote, urlsplit, parse_qs

from bs4 import BeautifulSoup


def text(el):
    return re.sub(r'\s+', ' ', el.get_text(' ')).strip() if el is not None else None


def keys(href):
    """The person keys of a profile link: slug (lower case) and/or member id."""
    if not href:
        return set()
    u = urlsplit(href)
    m = re.match(r'/(?:mwlite/|m/)?in/([^/?#]+)', u.path)
    if not m:
        return set()
    k = unquote(m.group(1))
    out = {k if k.startswith('AC') and len(k) > 30 else k.lower()}
    for v in parse_qs(u.query).get('miniProfileUrn', []):
        out.add(v.rsplit(':', 1)[-1])
    return out


def visible(el):
    """Text of el without visually-hidden parts."""
    if el is None:
        return None
    for h in el.select('.visually-hidden'):
        h.extract()
    return text(el)


def search2024(soup):
    people = []
    for card in soup.select('[data-view-name="search-entity-result-universal-template"]'):
        a = card.select_one('.entity-result__title-text a')
        if a is None:
            continue
        name = a.select_one('span[aria-hidden="true"]')
        people.append((keys(a.get('href')), text(name),
                       text(card.select_one('.entity-result__primary-subtitle'))))
    return people


def search2018(soup):
    people = []
    for card in soup.select('li.search-result'):
        a = card.select_one('.search-result__info a.search-result__result-link')
        if a is None:
            continue
        people.append((keys(a.get('href')), text(card.select_one('.actor-name')),
                       text(card.select_one('.subline-level-1'))))
    return people


def owner_keys(soup):
    """The profile's own keys: the id its own sub-page links name most."""
    count = {}
    for a in soup.select('a[href]'):
        if re.search(r'/in/[^/]+/(detail|details|overlay|recent-activity)/', a['href']):
            for k in keys(a['href']):
                count[k] = count.get(k, 0) + 1
    return {max(count, key=count.get)} if count else set()


def profile2018(soup):
    people = [(owner_keys(soup), text(soup.select_one('.pv-top-card-section__name')),
               text(soup.select_one('.pv-top-card-section__headline')))]
    for a in soup.select('a.pv-browsemap-section__member'):
        people.append((keys(a.get('href')), text(a.select_one('.name')),
                       text(a.select_one('.browsemap-headline'))))
    for a in soup.select('a.pv-recommendation-entity__member'):
        people.append((keys(a.get('href')), text(a.select_one('.pv-recommendation-entity__detail h3')),
                       text(a.select_one('.pv-recommendation-entity__headline'))))
    return people


def profile2024(soup):
    h1 = soup.select_one('main h1') or soup.select_one('h1')
    head = soup.select_one('main .text-body-medium')
    people = [(owner_keys(soup), text(h1), text(head))]
    for ent in soup.select('[data-view-name="profile-component-entity"]'):
        if ent.find_parent('aside') is not None:
            continue
        a = ent.find('a', href=True)
        if a is None or not keys(a['href']):
            continue
        name = ent.select_one('.t-bold span[aria-hidden="true"]')
        hl = None
        for s in ent.select('span.t-14.t-normal'):
            if 't-black--light' not in s.get('class', []):
                hl = s.select_one('span[aria-hidden="true"]') or s
                break
        people.append((keys(a['href']), text(name), text(hl)))
    return people


def merge(people):
    """One entry per person: keys joined, the first name and headline kept."""
    out = []
    for k, n, h in people:
        for p in out:
            if p[0] & k:
                p[0] |= k
                p[1] = p[1] or n
                p[2] = p[2] or h
                break
        else:
            out.append([set(k), n, h])
    return out


def main():
    kind, page, recs = sys.argv[1:4]
    html = open(page, encoding='utf-8', errors='replace').read()
    soup = BeautifulSoup(html, 'html.parser')
    truth = merge({'search2024': search2024, 'search2018': search2018, 'profile2018': profile2018,
                   'profile2024': profile2024}[kind](soup)) if kind != 'wrong' else []
    got = [json.loads(l) for l in open(recs, encoding='utf-8') if l.strip()]
    found = names_ok = names_n = heads_ok = heads_n = 0
    matched = set()
    for t in truth:
        r = next((i for i, g in enumerate(got)
                  if {g.get('id'), g.get('public_identifier')} & t[0]), None)
        if r is None:
            continue
        found += 1
        matched.add(r)
        if t[1]:
            names_n += 1
            names_ok += got[r].get('name') == t[1]
        heads_n += 1
        heads_ok += (got[r].get('headline') or None) == (t[2] or None)
    print('\t'.join(str(x) for x in (len(truth), found, len(truth) - found, len(got) - len(matched),
                                     names_ok, names_n, heads_ok, heads_n)))


if __name__ == '__main__':
    main()
