#!/usr/bin/env python3
"""Print N deterministic LinkedIn-profile-like texts of about 128 BERT tokens
(headline, then an About summary), one a line, for the encoder benchmark.
usage: gen-profiles.py N"""
import random, sys

rng = random.Random(7)
ROLES = ["Chief Financial Officer", "VP of Sales", "Head of Growth", "Senior Software Engineer",
         "Founder and CEO", "Marketing Director", "Product Manager", "Data Scientist",
         "Account Executive", "Head of People", "Operations Lead", "CTO"]
COMPANIES = ["Acme", "Northwind", "Globex", "Initech", "Umbrella Health", "Stark Logistics",
             "Wayne Capital", "Hooli", "Vandelay Industries", "Soylent Foods"]
WORDS = ("we help companies build better products and teams with a focus on growth revenue "
         "customers data strategy leadership operations finance marketing sales engineering "
         "cloud platform analytics security experience management development transformation "
         "innovation digital global enterprise startup consulting services solutions partners "
         "years of experience in building scaling leading high performing teams across europe "
         "and north america passionate about technology people and results").split()


def text():
    head = "%s at %s | %s" % (rng.choice(ROLES), rng.choice(COMPANIES), rng.choice(ROLES))
    words = [rng.choice(WORDS) for _ in range(rng.randint(100, 112))]
    for i in range(8, len(words), rng.randint(9, 15)):
        words[i] += rng.choice([".", ",", ";"])
    return head + ". " + " ".join(words) + "."


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
for _ in range(n):
    print(text())
