/* review.js: the review page's cards, filters, blind mode, judgments and export (docs/review.md). */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('lq-data').textContent);
  var leads = D.leads, byId = {}, state = {}, history = [], storageOk = true;
  var KEY = 'lq-review/' + D.client + '/' + D.icp_hash;
  var RKEY = 'lq-review/reviewer';
  var PAGE = 200;
  var view = { tiers: { A: true, B: true, C: true, D: true }, q: '', judged: 'all', blind: false, order: null };
  var visible = [], shown = 0, cur = -1, failedPosts = 0;
  var $ = function (id) { return document.getElementById(id); };
  var main = $('leads'), statusEl = $('status');

  function norm(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  leads.forEach(function (l, i) {
    l.rank = i + 1;
    byId[l.id] = l;
    l.hay = norm([l.name, l.company, l.title].join(' '));
  });

  /* Storage: the history of this page's judgments, in the browser. */
  function validEvent(e) {
    return e && typeof e === 'object' && typeof e.id === 'string' && byId[e.id] &&
      e.explicit !== false && (e.label === 'good' || e.label === 'bad' || e.label === 'none');
  }
  function loadHistory() {
    try {
      var h = JSON.parse(localStorage.getItem(KEY) || '[]');
      history = Array.isArray(h) ? h.filter(validEvent) : [];
    } catch (e) {
      storageOk = false;
      history = [];
    }
    history.forEach(function (e) { state[e.id] = e; });
  }
  function saveHistory() {
    try {
      localStorage.setItem(KEY, JSON.stringify(history));
    } catch (e) {
      storageOk = false;
    }
    if (!storageOk)
      say('This browser keeps no feedback for this page: export it before closing.', true);
  }
  function reviewer() {
    return $('reviewer').value.trim().slice(0, 100);
  }

  function say(msg, err) {
    statusEl.textContent = msg;
    statusEl.className = 'status' + (err ? ' err' : '');
  }

  /* Events: the same line format as review --serve writes. */
  function makeEvent(l, label, note) {
    return {
      v: 1, id: l.id, client: D.client, icp_hash: D.icp_hash, label: label,
      note: note || '', reviewer: reviewer(), time: new Date().toISOString(),
      score_version: l.score_version || null, icp_score: l.score, tier: l.tier || null,
      explicit: true, via: 'review-page'
    };
  }
  function record(ev) {
    history.push(ev);
    saveHistory();
    state[ev.id] = ev;
    updateCard(byId[ev.id]);
    updateCounts();
  }

  function judge(l, label, note) {
    var prev = state[l.id];
    if (note === undefined)
      note = prev ? prev.note : '';
    if (D.mode !== 'serve') {
      record(makeEvent(l, label, note));
      cardState(l, 'kept in this browser', false);
      return;
    }
    var body = JSON.stringify({ id: l.id, label: label, note: note, reviewer: reviewer() });
    state[l.id] = makeEvent(l, label, note);
    updateCard(l);
    cardState(l, 'saving…', false);
    fetch('feedback', {
      method: 'POST', body: body, cache: 'no-store', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok || !j.event)
          throw new Error(j.error || 'HTTP ' + r.status);
        return j.event;
      });
    }).then(function (ev) {
      record(ev);
      cardState(l, 'saved', false);
    }, function (e) {
      failedPosts++;
      record(makeEvent(l, label, note));
      cardState(l, 'not saved on the server: ' + e.message + ' (kept in this browser)', true);
      say(failedPosts + ' judgment' + (failedPosts > 1 ? 's' : '') +
        ' not saved on the server; Export keeps them.', true);
    });
  }

  /* Cards. */
  var ICONS = {
    good: 'M7 11v9H4v-9h3zM7 11l3.5-7c1.4 0 2.5 1.1 2.5 2.5V10h5.2a1.8 1.8 0 0 1 1.8 2.1l-1.2 6.4A1.8 1.8 0 0 1 17 20H7',
    bad: 'M4 7h16M9 7V4.5h6V7M6.5 7l1 13h9l1-13M10.5 11v5.5M13.5 11v5.5',
    note: 'M4 20h4L19.5 8.5l-4-4L4 16v4zM13.5 6.5l4 4'
  };
  function icon(name) {
    var ns = 'http://www.w3.org/2000/svg';
    var s = document.createElementNS(ns, 'svg'), p = document.createElementNS(ns, 'path');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    p.setAttribute('d', ICONS[name]);
    s.appendChild(p);
    return s;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls)
      e.className = cls;
    if (text !== undefined && text !== null)
      e.textContent = text;
    return e;
  }
  function iso(tag, text) {
    var b = document.createElement('bdi');
    b.textContent = text;
    if (tag) {
      var e = el(tag);
      e.appendChild(b);
      return e;
    }
    return b;
  }
  function button(cls, iconName, label, title) {
    var b = el('button', cls);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-pressed', 'false');
    b.appendChild(icon(iconName));
    b.appendChild(document.createTextNode(label));
    return b;
  }

  function makeCard(l) {
    var a = el('article', 'lead tier-' + (l.tier || 'none'));
    a.tabIndex = -1;
    a.dataset.id = l.id;
    a.appendChild(el('div', 'rank', String(l.rank)));
    var who = el('div', 'who');
    var h = el('h3');
    var name = iso(null, l.name || l.id);
    if (l.url) {
      var link = el('a');
      link.href = l.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.appendChild(name);
      h.appendChild(link);
    } else {
      h.appendChild(name);
    }
    who.appendChild(h);
    var role = el('p', 'role');
    if (l.title)
      role.appendChild(iso(null, l.title));
    if (l.title && l.company)
      role.appendChild(document.createTextNode(' · '));
    if (l.company)
      role.appendChild(iso(null, l.company));
    who.appendChild(role);
    if (l.location)
      who.appendChild(iso('p', l.location)).className = 'where';
    if (l.reason)
      who.appendChild(el('p', 'reason', l.reason));
    if (l.headline && view.blind)
      who.appendChild(el('p', 'headline', l.headline));
    if (l.evidence && l.evidence.length) {
      var det = el('details', 'ev'), ul = el('ul');
      det.appendChild(el('summary', null, 'Evidence'));
      l.evidence.forEach(function (e) {
        var li = el('li', e.verdict > 0 ? 'for' : e.verdict < 0 ? 'against' : 'neutral');
        li.appendChild(el('span', 'k', e.label));
        var m = el('span', 'meter'), i = el('i');
        /* A bar reads "more is better"; likeness to an excluded role is
           the opposite, so it gets no bar, only its figure. */
        var bar = e.value >= 0 && e.criterion !== 'exclude';
        i.style.width = (bar ? Math.round(Math.min(1, e.value) * 100) : 0) + '%';
        m.title = e.value >= 0 ? (e.criterion === 'exclude' ? 'likeness to the excluded role: ' : '') +
          e.value.toFixed(2) : 'no figure';
        m.appendChild(i);
        li.appendChild(m);
        li.appendChild(el('span', 't', e.text));
        ul.appendChild(li);
      });
      det.appendChild(ul);
      who.appendChild(det);
    }
    a.appendChild(who);
    var sc = el('div', 'score');
    sc.appendChild(el('span', 'num', l.score === null ? '–' : String(Math.round(l.score))));
    sc.appendChild(el('span', 'tier', l.tier || '?'));
    sc.title = l.score === null ? '' : 'icp_score ' + l.score;
    a.appendChild(sc);
    var j = el('div', 'judge');
    var g = button('good', 'good', 'Good', 'A good lead (y)');
    var b = button('bad', 'bad', 'Bin', 'Not a fit: bin it (n)');
    var n = button('notebtn', 'note', '', 'Add a note (c)');
    n.setAttribute('aria-label', 'Note');
    g.addEventListener('click', function () { focusLead(l); toggle(l, 'good'); });
    b.addEventListener('click', function () { focusLead(l); toggle(l, 'bad'); });
    n.addEventListener('click', function () { focusLead(l); openNote(l); });
    j.appendChild(g);
    j.appendChild(b);
    j.appendChild(n);
    j.appendChild(el('span', 'state'));
    a.appendChild(j);
    var box = el('div', 'note');
    box.hidden = true;
    var ta = el('textarea');
    ta.maxLength = 2000;
    ta.placeholder = 'Note (optional): why this lead is or is not a fit';
    var save = el('button', 'savenote', 'Save note');
    save.type = 'button';
    save.addEventListener('click', function () { saveNote(l); });
    ta.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        saveNote(l);
      }
    });
    box.appendChild(ta);
    box.appendChild(save);
    a.appendChild(box);
    a.addEventListener('click', function (ev) {
      if (ev.target === a || ev.target.closest('.who'))
        focusLead(l, true);
    });
    l.el = a;
    updateCard(l);
    return a;
  }
  function card(l) { return l.el || makeCard(l); }

  function updateCard(l) {
    if (!l || !l.el)
      return;
    var s = state[l.id], lab = s ? s.label : 'none';
    l.el.classList.toggle('good', lab === 'good');
    l.el.classList.toggle('bad', lab === 'bad');
    l.el.querySelector('button.good').setAttribute('aria-pressed', String(lab === 'good'));
    l.el.querySelector('button.bad').setAttribute('aria-pressed', String(lab === 'bad'));
    var ta = l.el.querySelector('textarea');
    if (s && document.activeElement !== ta)
      ta.value = s.note || '';
    if (s && s.note)
      l.el.querySelector('.note').hidden = false;
  }
  function cardState(l, msg, err) {
    if (!l.el)
      return;
    var st = l.el.querySelector('.state');
    st.textContent = msg;
    st.className = 'state' + (err ? ' err' : '');
  }
  function toggle(l, label) {
    var s = state[l.id];
    judge(l, s && s.label === label ? 'none' : label);
  }
  function openNote(l) {
    var box = card(l).querySelector('.note');
    box.hidden = false;
    box.querySelector('textarea').focus();
  }
  function saveNote(l) {
    var s = state[l.id], ta = card(l).querySelector('textarea');
    judge(l, s ? s.label : 'none', ta.value.slice(0, 2000));
    l.el.focus();
  }

  /* The list: filters, search, blind order, pages of 200. */
  function matches(l) {
    if (!view.tiers[l.tier])
      return false;
    var s = state[l.id], lab = s ? s.label : 'none';
    if (view.judged === 'todo' && lab !== 'none')
      return false;
    if ((view.judged === 'good' || view.judged === 'bad') && lab !== view.judged)
      return false;
    return !view.q || l.hay.indexOf(view.q) >= 0;
  }
  function render() {
    main.textContent = '';
    visible = (view.blind ? view.order : leads).filter(matches);
    shown = 0;
    cur = -1;
    more();
    if (!visible.length)
      main.appendChild(el('p', 'empty', 'No lead matches these filters.'));
    updateCounts();
  }
  function more() {
    var old = main.querySelector('button.more');
    if (old)
      old.remove();
    var end = Math.min(visible.length, shown + PAGE);
    for (; shown < end; shown++)
      main.appendChild(card(visible[shown]));
    if (shown < visible.length) {
      var b = el('button', 'more', 'Show ' + Math.min(PAGE, visible.length - shown) + ' more of ' +
        (visible.length - shown));
      b.type = 'button';
      b.addEventListener('click', more);
      main.appendChild(b);
    }
  }
  function updateCounts() {
    var g = 0, b = 0;
    leads.forEach(function (l) {
      var s = state[l.id];
      if (s && s.label === 'good') g++;
      else if (s && s.label === 'bad') b++;
    });
    var c = $('counts');
    c.textContent = '';
    [[g, ' good'], [b, ' binned'], [leads.length - g - b, ' to judge']].forEach(function (p, i) {
      if (i)
        c.appendChild(document.createTextNode(' · '));
      c.appendChild(el('b', null, String(p[0])));
      c.appendChild(document.createTextNode(p[1]));
    });
    c.appendChild(document.createTextNode(' · showing ' + visible.length + ' of ' + leads.length));
    $('export').textContent = 'Export feedback (' + history.length + ')';
  }
  function shuffle(a) {
    var r = new Uint32Array(a.length);
    crypto.getRandomValues(r);
    for (var i = a.length - 1; i > 0; i--) {
      var k = r[i] % (i + 1), t = a[i];
      a[i] = a[k];
      a[k] = t;
    }
    return a;
  }
  function setBlind(on) {
    view.blind = on;
    if (on && !view.order)
      view.order = shuffle(leads.slice());
    document.body.classList.toggle('blind', on);
    $('blind').setAttribute('aria-pressed', String(on));
    leads.forEach(function (l) { l.el = null; });
    render();
  }

  function focusLead(l, scroll) {
    var i = visible.indexOf(l);
    if (i < 0)
      return;
    cur = i;
    if (scroll !== false)
      l.el.focus({ preventScroll: true });
    l.el.scrollIntoView({ block: 'nearest' });
  }
  function move(d) {
    if (!visible.length)
      return;
    var i = Math.max(0, Math.min(visible.length - 1, cur + d));
    if (i >= shown)
      more();
    cur = i;
    var l = visible[i];
    card(l).focus({ preventScroll: true });
    l.el.scrollIntoView({ block: 'nearest' });
  }
  function current() { return cur >= 0 ? visible[cur] : null; }

  /* Export: every judgment made in this browser, as NDJSON. */
  function exportFeedback() {
    var text = history.map(function (e) { return JSON.stringify(e) + '\n'; }).join('');
    var blob = new Blob([text], { type: 'application/x-ndjson' });
    var a = document.createElement('a');
    var slug = norm(D.client || 'leads').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'leads';
    var stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    a.href = URL.createObjectURL(blob);
    a.download = 'feedback-' + slug + '-' + stamp + '.ndjson';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
    say('Exported ' + history.length + ' judgment' + (history.length === 1 ? '' : 's') + ' to ' + a.download + '.', false);
  }

  function help(show) { $('help').hidden = !show; }

  document.addEventListener('keydown', function (ev) {
    var t = ev.target, typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
    if (ev.key === 'Escape') {
      help(false);
      if (typing) {
        t.blur();
        var c = current();
        if (c && c.el)
          c.el.focus({ preventScroll: true });
      }
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey)
      return;
    var l = current(), k = ev.key;
    if (k === 'j' || k === 'ArrowDown') move(1);
    else if (k === 'k' || k === 'ArrowUp') move(-1);
    else if (k === 'y' && l) { toggle(l, 'good'); move(1); }
    else if (k === 'n' && l) { toggle(l, 'bad'); move(1); }
    else if (k === 'u' && l) judge(l, 'none');
    else if (k === 'c' && l) openNote(l);
    else if (k === 'e' && l) { var d = l.el.querySelector('details'); if (d) d.open = !d.open; }
    else if (k === 'o' && l && l.url) window.open(l.url, '_blank', 'noopener,noreferrer');
    else if (k === '/') $('search').focus();
    else if (k === 'b') setBlind(!view.blind);
    else if (k === '?') help($('help').hidden);
    else if (k >= '1' && k <= '4') $('tier-' + 'ABCD'[k - 1]).click();
    else return;
    ev.preventDefault();
  });

  /* Controls. */
  ['A', 'B', 'C', 'D'].forEach(function (t) {
    var b = $('tier-' + t);
    b.addEventListener('click', function () {
      view.tiers[t] = !view.tiers[t];
      b.setAttribute('aria-pressed', String(view.tiers[t]));
      render();
    });
  });
  $('search').addEventListener('input', function () { view.q = norm(this.value.trim()); render(); });
  $('judged').addEventListener('change', function () { view.judged = this.value; render(); });
  $('blind').addEventListener('click', function () { setBlind(!view.blind); });
  $('export').addEventListener('click', exportFeedback);
  $('helpbtn').addEventListener('click', function () { help(true); });
  $('help').addEventListener('click', function (ev) { if (ev.target === this) help(false); });
  var rv = $('reviewer');
  try { rv.value = localStorage.getItem(RKEY) || D.reviewer || ''; } catch (e) { rv.value = D.reviewer || ''; }
  rv.addEventListener('change', function () { try { localStorage.setItem(RKEY, reviewer()); } catch (e) { /* kept in the field */ } });

  loadHistory();
  if (D.blind)
    setBlind(true);
  else
    render();
  if (!storageOk)
    say('This browser keeps no feedback for this page: export it before closing.', true);
  if (D.mode === 'serve') {
    fetch('events', { cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok)
        throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (evs) {
      evs.filter(validEvent).forEach(function (e) {
        state[e.id] = e;
        updateCard(byId[e.id]);
      });
      updateCounts();
      say('Connected: every judgment is saved to the feedback log.', false);
    }, function (e) {
      say('The review server did not answer (' + e.message + '): judgments are kept in this browser.', true);
    });
  }
  document.body.dataset.ready = '1';
})();
