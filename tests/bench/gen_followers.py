#!/usr/bin/env python3
"""gen_followers.py: writes a synthetic LinkedIn followers page with N follower cards.

usage: gen_followers.py N > page.html

Cards rotate through the link forms of a real saved page (absolute and
relative /in/ paths, URN ids with miniProfileUrn queries, country
subdomains, http, tracking parameters, a "View profile" menu link) so
every follower i is reachable as slug "follower-i-<tag>" or as a URN id.
The owner's profile sits in the header; the page also carries company,
school, feed and footer links that are not followers.
"""
import sys

ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def urn(i):
    # 39-character member id in the ACoAA... shape, unique per i.
    s, x = "", i * 2654435761 % (1 << 64)
    for _ in range(34):
        s += ALPHA[x % 64]
        x = (x // 64) ^ (i * 40503 + len(s))
    return "ACoAA" + s


def card(i):
    forms = i % 6
    slug = "follower-%d-%s" % (i, "cfo" if i % 3 else "ops")
    u = urn(i)
    if forms == 0:
        photo, title = "https://www.linkedin.com/in/%s/" % slug, "/in/%s/" % slug
    elif forms == 1:
        photo = "https://www.linkedin.com/in/%s?miniProfileUrn=urn%%3Ali%%3Afs_miniProfile%%3A%s" % (u, u)
        title = "/in/%s/" % u
    elif forms == 2:
        photo, title = "/in/%s/" % slug, "https://uk.linkedin.com/in/%s?trk=people-follows_name" % slug
    elif forms == 3:
        photo = "/in/%s?miniProfileUrn=urn%%3Ali%%3Afs_miniProfile%%3A%s&amp;lipi=urn%%3Ali%%3Apage%%3Ad_flagship3_people_follows%%3BeGsaL1dv%%3D%%3D" % (u, u)
        title = "https://www.linkedin.com/in/%s/" % u
    elif forms == 4:
        photo, title = "http://www.linkedin.com/in/%s" % slug, "https://www.linkedin.com/in/%s" % slug.upper()
    else:
        photo, title = "https://de.linkedin.com/in/%s/" % slug, "/in/%s/" % slug
    menu = ""
    if i % 4 == 0:
        menu = ('<div class="artdeco-dropdown"><ul><li><a class="artdeco-dropdown__item" href="%s">View profile</a></li>'
                '<li><button type="button">Remove this follower</button></li></ul></div>' % title)
    return (
        '<li class="reusable-search__result-container">\n'
        '<div class="entity-result" data-view-name="follower-card">\n'
        '<div class="entity-result__image"><a class="app-aware-link scale-down" aria-hidden="true" href="%s">'
        '<img width="56" height="56" src="https://media.licdn.com/dms/image/v2/D%06d/profile-displayphoto-shrink_100_100/0/1618500576281?e=1769644800&amp;v=beta" alt="Person %d"></a></div>\n'
        '<div class="entity-result__content"><span class="entity-result__title-text t-16">'
        '<a class="app-aware-link" href="%s"><span dir="ltr"><span aria-hidden="true">Person %d</span>'
        '<span class="visually-hidden">View Person %d\u2019s profile</span></span></a></span>\n'
        '<div class="entity-result__primary-subtitle t-14 t-black t-normal">Head of Finance at Company %d | SaaS</div>\n'
        '<p class="follows-card__insight t-12"><span aria-hidden="true">%d mutual connections</span></p></div>\n'
        '<div class="entity-result__actions"><button class="artdeco-button" type="button"><span>Follow</span></button>%s</div>\n'
        '</div>\n</li>\n' % (photo, i, i, title, i, i, i, i % 50, menu))


def main():
    n = int(sys.argv[1])
    w = sys.stdout.write
    w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Followers | LinkedIn</title></head>\n<body>\n'
      '<header id="global-nav" role="banner"><nav><a href="https://www.linkedin.com/feed/">Home</a>'
      '<a href="https://www.linkedin.com/in/page-owner/">Me</a><a href="/in/page-owner/recent-activity/all/">Posts</a>'
      '<a href="https://www.linkedin.com/company/owner-co/admin/">Company</a></nav></header>\n'
      '<main><section><h1>Followers</h1><ul>\n')
    for i in range(n):
        w(card(i))
    w('</ul></section><aside><a href="https://www.linkedin.com/company/brookfin/">Brookfin</a>'
      '<a href="https://www.linkedin.com/school/some-school/">School</a></aside></main>\n'
      '<footer><a href="https://www.linkedin.com/legal/privacy-policy">Privacy</a></footer>\n</body></html>\n')


main()
