/* zhinan search, the box: results as you type, keyboard, highlights.
 * No dependencies, no build step. It needs search-core.js, loaded before it,
 * for the searching (window.__zhinanSearch); see zhinan/generator/search's
 * package doc for the markup. */
(function (global) {
  'use strict';
  var api = global.__zhinanSearch;
  if (!api || !api.rank || typeof document === 'undefined') return;

  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt) e.textContent = txt; // always text: titles and excerpts are untrusted
    return e;
  }

  function excerptNode(r) {
    var span = el('span', 'search-result-excerpt'), cps = Array.from(r.excerpt), at = 0;
    r.highlights.forEach(function (h) {
      if (h[0] > at) span.appendChild(document.createTextNode(cps.slice(at, h[0]).join('')));
      span.appendChild(el('mark', '', cps.slice(h[0], h[1]).join('')));
      at = h[1];
    });
    if (at < cps.length) span.appendChild(document.createTextNode(cps.slice(at).join('')));
    return span;
  }

  function resultNode(r, i) {
    var a = el('a', 'search-result');
    a.href = r.href;
    a.id = 'search-result-' + i;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    a.appendChild(el('span', 'search-result-title', r.title || r.url));
    var where = [r.section, r.heading].filter(Boolean).join(' \u203a ');
    if (where) a.appendChild(el('span', 'search-result-section', where));
    a.appendChild(excerptNode(r));
    return a;
  }

  // Box is the search box and its result list.
  function Box(input, list) {
    this.input = input;
    this.list = list;
    this.links = [];
    this.selected = -1;
    this.seq = 0;
    this.timer = 0;
    this.shownFor = null;
  }

  // say is one of the site's messages, carried by the search box's data
  // attributes (the theme's words, templates/i18n), with {} for the detail.
  Box.prototype.say = function (attr, detail) {
    return (this.input.getAttribute(attr) || '{}').replace('{}', detail);
  };

  Box.prototype.close = function () {
    this.seq++; // results still on their way must not reopen the list
    this.list.hidden = true;
    this.select(-1);
    this.input.setAttribute('aria-expanded', 'false');
  };

  Box.prototype.select = function (i) {
    var old = this.links[this.selected];
    if (old) { old.classList.remove('selected'); old.setAttribute('aria-selected', 'false'); }
    this.selected = this.links.length && i >= 0 ? i % this.links.length : -1;
    var a = this.links[this.selected];
    if (!a) { this.input.removeAttribute('aria-activedescendant'); return; }
    a.classList.add('selected');
    a.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', a.id);
    if (a.scrollIntoView) a.scrollIntoView({ block: 'nearest' });
  };

  // show replaces the list with nodes for query q (kept in data-query);
  // busy says more results are coming.
  Box.prototype.show = function (q, nodes, busy) {
    this.list.textContent = '';
    this.list.setAttribute('data-query', q);
    this.links = [];
    this.selected = -1;
    this.shownFor = q;
    this.add(nodes, busy);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  };

  Box.prototype.add = function (nodes, busy) {
    nodes.forEach(function (n) {
      this.list.appendChild(n);
      if (n.tagName === 'A') this.links.push(n);
    }, this);
    this.list.setAttribute('aria-busy', busy ? 'true' : 'false');
  };

  // mark records a User Timing mark, so the time from a search to its
  // results can be read in the browser's performance panel (and is, by
  // BenchmarkBrowserQuery10k).
  function mark(name) {
    if (global.performance && performance.mark) performance.mark('zhinan-search-' + name);
  }

  var SCREEN = 5; // about how many results the list shows without scrolling

  // run searches now; it resolves once all results are shown. Results are
  // shown in rank order as their page files arrive: a file is a request, and
  // the first rows need not wait for the tenth.
  Box.prototype.run = function () {
    var self = this, q = this.input.value.trim(), my = ++this.seq;
    clearTimeout(this.timer);
    if (!q) { this.shownFor = ''; this.close(); return Promise.resolve(); }
    mark('start');
    var current = function () { return my === self.seq; };
    return api.rank(q, 10).then(function (r) {
      if (!current()) return;
      if (!r.hits.length) {
        self.show(q, [el('p', 'search-empty', self.say('data-none', q))]);
        mark('done');
        return;
      }
      // The rows a reader sees without scrolling are asked for first; the
      // rest once those have come, so they do not share the network with them.
      var last = r.hits.length - 1, firstScreen = r.hits.slice(0, SCREEN).map(r.record);
      var rest = Promise.all(firstScreen).then(function () { return r.hits.slice(SCREEN).map(r.record); });
      var records = r.hits.map(function (h, i) {
        return i < SCREEN ? firstScreen[i] : rest.then(function (ps) { return ps[i - SCREEN]; });
      });
      return records.reduce(function (shown, next, i) {
        return shown.then(function () { return next; }).then(function (res) {
          if (!current()) return;
          if (i === 0) { self.show(q, [resultNode(res, 0)], i < last); mark('first'); }
          else self.add([resultNode(res, i)], i < last);
          if (i === last) mark('done');
        });
      }, Promise.resolve());
    }).catch(function (err) {
      if (current()) self.show(q, [el('p', 'search-empty', self.say('data-failed', err.message))]);
    });
  };

  // open follows the selected (or first) result, searching first if the
  // results on screen are not for what is typed.
  Box.prototype.open = function () {
    var self = this;
    var go = function () {
      var a = self.links[self.selected >= 0 ? self.selected : 0];
      if (a) global.location.href = a.href;
    };
    if (this.shownFor === this.input.value.trim() && !this.list.hidden) go();
    else this.run().then(go);
  };

  Box.prototype.onKey = function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); this.select(this.selected + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); this.select(this.selected <= 0 ? this.links.length - 1 : this.selected - 1); }
    else if (e.key === 'Escape') this.close();
    else if (e.key === 'Enter') { e.preventDefault(); this.open(); }
  };

  function ui() {
    var input = document.getElementById('search-input'), list = document.getElementById('search-results');
    if (!input || !list) return;
    var box = new Box(input, list);
    input.addEventListener('input', function () {
      clearTimeout(box.timer);
      box.timer = setTimeout(function () { box.run(); }, 100);
    });
    input.addEventListener('focus', function () {
      api.prefetch(); // fetch the small manifest while the reader types: one round trip less
      if (input.value.trim() && list.hidden) box.run();
    });
    input.addEventListener('keydown', function (e) { box.onKey(e); });
    if (input.form) input.form.addEventListener('submit', function (e) { e.preventDefault(); });
    document.addEventListener('click', function (e) {
      if (!list.contains(e.target) && e.target !== input) box.close();
    });
    // Loaded on demand (the theme's site.js adds this script when the box
    // is first used): the reader may already be in the box, and typing.
    if (document.activeElement === input) {
      api.prefetch();
      if (input.value.trim()) box.run();
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ui);
  else ui();
})(typeof window !== 'undefined' ? window : globalThis);
