#!/usr/bin/env python3
"""review_browser.py: drives review's page in headless Chromium (Selenium, chromium-driver).

usage: review_browser.py static PAGE DOWNLOADS ICP_HASH CLIENT
       review_browser.py serve URL LOG ICP_HASH CLIENT
       review_browser.py hostile PAGE
       review_browser.py shots PAGE OUTDIR

Each check prints "PASS what" or "FAIL what: why" on a line of its own;
tests/cli/23-review-browser.sh turns them into test results. Exit status
0 when the scenario ran to its end (checks may still have failed), 1 when
it could not (Chromium did not start, the page never became ready).
"""
import glob
import json
import os
import re
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("LQ_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("LQ_CHROMEDRIVER", "/usr/bin/chromedriver")
failed = 0


def check(what, cond, why=""):
    global failed
    if cond:
        print("PASS " + what, flush=True)
    else:
        failed += 1
        print("FAIL %s%s" % (what, ": " + str(why) if why else ""), flush=True)


def browser(downloads=None, width=1280, height=1000):
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="lq-chromium-")
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              "--user-data-dir=" + profile, "--window-size=%d,%d" % (width, height),
              "--force-device-scale-factor=1", "--lang=en-US"):
        o.add_argument(a)
    if downloads:
        o.add_experimental_option("prefs", {
            "download.default_directory": downloads, "download.prompt_for_download": False})
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(DRIVER), options=o)
    if downloads:
        d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    d.set_page_load_timeout(30)
    return d


def ready(d):
    WebDriverWait(d, 15).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def cards(d):
    return [c for c in d.find_elements(By.CSS_SELECTOR, "article.lead")]


def names(d):
    return [c.find_element(By.CSS_SELECTOR, "h3").text for c in cards(d)]


def press(d, *keys):
    """Keys typed wherever the focus is, as a person types them."""
    for k in keys:
        ActionChains(d).send_keys(k).perform()


def click(d, e):
    """A person's click: the element scrolled into the middle of the view
    first, where the sticky controls cannot cover it."""
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
    e.click()


def counts(d):
    return d.find_element(By.ID, "counts").text


def judge_three(d, reviewer):
    """Good on the first lead, bin on the second, y on the third by keyboard,
    then a note on the first: four judgments."""
    rv = d.find_element(By.ID, "reviewer")
    rv.clear()
    rv.send_keys(reviewer + Keys.TAB)
    c = cards(d)
    first, second, third = (x.get_attribute("data-id") for x in c[:3])
    click(d, c[0].find_element(By.CSS_SELECTOR, "button.good"))
    click(d, c[1].find_element(By.CSS_SELECTOR, "button.bad"))
    # The focus is on the second card (the last clicked): j moves to the third.
    press(d, "j", "y")
    c = cards(d)
    click(d, c[0].find_element(By.CSS_SELECTOR, "button.notebtn"))
    ta = c[0].find_element(By.CSS_SELECTOR, "textarea")
    ta.send_keys("Owns payroll; met at a meetup")
    click(d, c[0].find_element(By.CSS_SELECTOR, "button.savenote"))
    return first, second, third


def check_events(evs, first, second, third, icp_hash, client, reviewer, via, what):
    check(what + ": four judgments, one a line", len(evs) == 4, len(evs))
    keys = ["v", "id", "client", "icp_hash", "label", "note", "reviewer", "time", "score_version",
            "icp_score", "tier", "explicit", "via"]
    check(what + ": every event has the documented keys in order",
          all(list(e.keys()) == keys for e in evs), [list(e.keys()) for e in evs][:1])
    check(what + ": lead ids, labels and the note", [(e["id"], e["label"], e["note"]) for e in evs] == [
        (first, "good", ""), (second, "bad", ""), (third, "good", ""),
        (first, "good", "Owns payroll; met at a meetup")], [(e["id"], e["label"], e["note"]) for e in evs])
    check(what + ": client, ICP hash, reviewer, via, explicit",
          all(e["client"] == client and e["icp_hash"] == icp_hash and e["reviewer"] == reviewer
              and e["via"] == via and e["explicit"] is True and e["v"] == 1 for e in evs),
          evs[0] if evs else None)
    check(what + ": score, tier and score_version of the lead when judged",
          all(isinstance(e["icp_score"], (int, float)) and e["tier"] in "ABCD" and e["score_version"]
              for e in evs), evs[0] if evs else None)
    check(what + ": ISO-8601 UTC times, in order",
          all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", e["time"]) for e in evs)
          and [e["time"] for e in evs] == sorted(e["time"] for e in evs), [e["time"] for e in evs])


def static(page, downloads, icp_hash, client):
    d = browser(downloads)
    try:
        d.get("file://" + os.path.abspath(page))
        ready(d)
        n = len(cards(d))
        data = json.loads(d.execute_script("return document.getElementById('lq-data').textContent"))
        leads = data["leads"]
        check("file://: one card per lead", n == len(leads) and n > 3, n)
        check("file://: no request left the page (CSP connect-src 'none', no CDN)",
              d.execute_script("return performance.getEntriesByType('resource').length") == 0)
        check("summary: an SVG histogram of ten bars",
              len(d.find_elements(By.CSS_SELECTOR, "svg.hist rect")) == 10)
        tiers = {t: sum(1 for l in leads if l["tier"] == t) for t in "ABCD"}
        check("summary: leads per tier", [d.find_element(By.CSS_SELECTOR, ".tiers .t%s b" % t.lower()).text
                                          for t in "ABCD"] == [str(tiers[t]) for t in "ABCD"])
        check("cards: best first", [l["name"] for l in leads] == names(d))
        # Filters.
        click(d, d.find_element(By.ID, "tier-D"))
        check("filter: tier D off hides the D leads", len(cards(d)) == n - tiers["D"], len(cards(d)))
        press(d, "1")
        check("filter: key 1 hides tier A too", len(cards(d)) == n - tiers["D"] - tiers["A"], len(cards(d)))
        press(d, "1")
        click(d, d.find_element(By.ID, "tier-D"))
        check("filter: all tiers back", len(cards(d)) == n)
        s = d.find_element(By.ID, "search")
        s.send_keys(leads[1]["name"].split()[0].lower())
        check("search: by name, case-insensitive", names(d)[:1] == [leads[1]["name"]], names(d))
        s.clear()
        s.send_keys(Keys.SPACE + Keys.BACKSPACE)
        s.send_keys((leads[2]["company"] or "")[:5].upper())
        check("search: by company", leads[2]["name"] in names(d), names(d))
        s.clear()
        s.send_keys(Keys.SPACE + Keys.BACKSPACE + Keys.ESCAPE)
        check("search: cleared, every lead back", len(cards(d)) == n)
        # Blind mode.
        click(d, d.find_element(By.ID, "blind"))
        c = cards(d)
        check("blind: every lead, no score, tier, rank or reason shown",
              len(c) == n and not any(x.find_element(By.CSS_SELECTOR, ".score").is_displayed() or
                                      x.find_element(By.CSS_SELECTOR, ".rank").is_displayed() for x in c)
              and not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, ".reason")))
        check("blind: the same leads, in another order", sorted(names(d)) == sorted(l["name"] for l in leads)
              and (names(d) != [l["name"] for l in leads] or n < 4))
        press(d, "b")
        check("blind: b turns it off, best first again", names(d) == [l["name"] for l in leads])
        # Evidence on demand.
        det = cards(d)[0].find_element(By.CSS_SELECTOR, "details.ev")
        check("evidence: hidden until asked", not det.find_element(By.CSS_SELECTOR, "ul").is_displayed())
        click(d, det.find_element(By.CSS_SELECTOR, "summary"))
        check("evidence: one line per criterion",
              len([li for li in det.find_elements(By.CSS_SELECTOR, "li") if li.is_displayed()]) ==
              len(leads[0]["evidence"]))
        # Three leads judged, a note, then export.
        first, second, third = judge_three(d, "Ana Tester")
        check("judged: the counts", counts(d).startswith("2 good · 1 binned · %d to judge" % (n - 3)), counts(d))
        check("judged: the cards show it", "good" in cards(d)[0].get_attribute("class").split()
              and "bad" in cards(d)[1].get_attribute("class").split())
        Select(d.find_element(By.ID, "judged")).select_by_value("todo")
        check("filter: to judge", len(cards(d)) == n - 3, len(cards(d)))
        Select(d.find_element(By.ID, "judged")).select_by_value("all")
        click(d, d.find_element(By.ID, "export"))
        files = []
        for _ in range(100):
            files = [f for f in glob.glob(os.path.join(downloads, "feedback-*.ndjson"))]
            if files:
                break
            time.sleep(0.1)
        check("export: one NDJSON file downloaded", len(files) == 1, os.listdir(downloads))
        if files:
            time.sleep(0.3)
            evs = [json.loads(l) for l in open(files[0], encoding="utf-8")]
            check_events(evs, first, second, third, icp_hash, client, "Ana Tester", "review-page", "export")
        # The judgments survive a reload (kept in the browser).
        d.refresh()
        ready(d)
        check("reload: the judgments are still there", counts(d).startswith("2 good · 1 binned"), counts(d))
        check("reload: the note is still there",
              cards(d)[0].find_element(By.CSS_SELECTOR, "textarea").get_attribute("value") ==
              "Owns payroll; met at a meetup")
        press(d, "j", "u")
        check("undo: u withdraws the first lead's judgment", counts(d).startswith("1 good · 1 binned"), counts(d))
    finally:
        d.quit()


def serve(url, log, icp_hash, client):
    d = browser()
    try:
        d.get(url)
        ready(d)
        WebDriverWait(d, 10).until(lambda d: "Connected" in d.find_element(By.ID, "status").text)
        check("served page: connected to its server", True)
        n = len(cards(d))
        first, second, third = judge_three(d, "Ben Server")
        evs = []
        for _ in range(100):
            evs = [json.loads(l) for l in open(log, encoding="utf-8") if l.strip()]
            if len(evs) >= 4:
                break
            time.sleep(0.1)
        check_events(evs, first, second, third, icp_hash, client, "Ben Server", "review-serve", "log")
        WebDriverWait(d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "article.lead .state")[0].text == "saved")
        check("served page: each card says saved", [c.find_element(By.CSS_SELECTOR, ".state").text
                                                    for c in cards(d)[:3]] == ["saved"] * 3)
        # Reopened elsewhere (no browser storage): the server's judgments come back.
        d.execute_script("localStorage.clear()")
        d.refresh()
        ready(d)
        WebDriverWait(d, 10).until(lambda d: "Connected" in d.find_element(By.ID, "status").text)
        check("reopened without browser storage: the log's judgments are shown",
              counts(d).startswith("2 good · 1 binned · %d to judge" % (n - 3)), counts(d))
        check("reopened: the note from the log", cards(d)[0].find_element(By.CSS_SELECTOR, "textarea")
              .get_attribute("value") == "Owns payroll; met at a meetup")
        # A post refused by the server is said on the card, and kept in the browser.
        d.execute_script("document.getElementById('reviewer').value = 'x\\u0001y'")
        click(d, cards(d)[3].find_element(By.CSS_SELECTOR, "button.good"))
        WebDriverWait(d, 10).until(lambda d: "not saved" in cards(d)[3].find_element(By.CSS_SELECTOR, ".state").text)
        check("a refused post: the card says not saved and why",
              "control character" in cards(d)[3].find_element(By.CSS_SELECTOR, ".state").text,
              cards(d)[3].find_element(By.CSS_SELECTOR, ".state").text)
        check("a refused post: nothing written", len([l for l in open(log) if l.strip()]) == 4)
    finally:
        d.quit()


def hostile(page):
    d = browser()
    try:
        d.get("file://" + os.path.abspath(page))
        ready(d)
        data = json.loads(d.execute_script("return document.getElementById('lq-data').textContent"))
        check("hostile: no injected script ran", d.execute_script("return window.__pwned === undefined"),
              d.execute_script("return window.__pwned"))
        check("hostile: only the page's own two scripts", len(d.find_elements(By.TAG_NAME, "script")) == 2)
        check("hostile: no injected element (img, iframe, svg outside the icons)",
              not d.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed, frame"))
        want = [l["name"] for l in data["leads"]]
        got = d.execute_script("return Array.from(document.querySelectorAll('article.lead h3')).map(function(h){return h.textContent})")
        check("hostile: names shown as text, byte for byte", got == want, list(zip(got, want))[:3])
        got = d.execute_script("return Array.from(document.querySelectorAll('article.lead .role')).map(function(h){return h.textContent})")
        check("hostile: titles and companies as text", any("<script>" in t for t in got), got)
        hrefs = d.execute_script("return Array.from(document.querySelectorAll('main a')).map(function(a){return a.href})")
        check("hostile: every link is a LinkedIn profile (no javascript:)",
              hrefs and all(h.startswith("https://www.linkedin.com/in/") for h in hrefs), hrefs)
        check("hostile: RTL and emoji kept in isolated text (bdi)",
              d.execute_script("return document.querySelectorAll('article.lead h3 bdi').length") == len(want))
        title = d.title
        check("hostile: the client's name in the title is text", "<script>" in title and
              d.execute_script("return window.__pwned === undefined"), title)
        d.find_element(By.ID, "search").send_keys("'\"<>" + Keys.ESCAPE)
        check("hostile: searching for quotes and brackets breaks nothing",
              d.execute_script("return window.__pwned === undefined") and len(cards(d)) <= len(want))
    finally:
        d.quit()


def shots(page, outdir):
    d = browser(width=1280, height=900)
    try:
        d.get("file://" + os.path.abspath(page))
        ready(d)
        d.save_screenshot(os.path.join(outdir, "review-page.png"))
        c = cards(d)
        click(d, c[0].find_element(By.CSS_SELECTOR, "button.good"))
        click(d, c[1].find_element(By.CSS_SELECTOR, "button.good"))
        press(d, "j", "n")
        c = cards(d)
        click(d, c[0].find_element(By.CSS_SELECTOR, "details.ev summary"))
        click(d, c[0].find_element(By.CSS_SELECTOR, "button.notebtn"))
        c[0].find_element(By.CSS_SELECTOR, "textarea").send_keys("Owns payroll and HRIS; warm intro via Marcus")
        click(d, c[0].find_element(By.CSS_SELECTOR, "button.savenote"))
        d.execute_script("document.querySelector('nav.controls').scrollIntoView()")
        d.save_screenshot(os.path.join(outdir, "review-judging.png"))
        click(d, d.find_element(By.ID, "blind"))
        d.execute_script("document.querySelector('nav.controls').scrollIntoView()")
        d.save_screenshot(os.path.join(outdir, "review-blind.png"))
        print("PASS screenshots written")
    finally:
        d.quit()


def main(argv):
    try:
        if len(argv) == 6 and argv[1] == "static":
            static(*argv[2:])
        elif len(argv) == 6 and argv[1] == "serve":
            serve(*argv[2:])
        elif len(argv) == 3 and argv[1] == "hostile":
            hostile(argv[2])
        elif len(argv) == 4 and argv[1] == "shots":
            shots(argv[2], argv[3])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Exception as e:  # the scenario could not go on: say where
        import traceback
        traceback.print_exc()
        print("FAIL scenario %s stopped: %s" % (argv[1], str(e).splitlines()[0] if str(e) else type(e).__name__))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
