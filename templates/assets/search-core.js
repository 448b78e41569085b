/* zhinan search, the engine: tokenizer, index files, ranking and results.
 * No dependencies, no build step. The index is written by
 * zhinan/generator/search (see its package doc for the format); this file
 * must tokenize and rank exactly like the Go side (a test checks it under
 * node). search.js, the search box, uses it through window.__zhinanSearch. */
(function (global) {
  'use strict';

  // ---- Tokenizer (same algorithm as generator/search/tokenize.go) ----

  var RE_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var RE_WORD = /[\p{L}\p{Nd}]/u;
  var RE_MARK = /\p{M}/u;
  var SEP = 0, WORD = 1, MARK = 2, CJK = 3;

  function kind(c) {
    if (RE_CJK.test(c)) return CJK;
    if (RE_WORD.test(c)) return WORD;
    if (RE_MARK.test(c)) return MARK;
    return SEP;
  }

  // fold: NFKC of one code point, lower-cased code point by code point.
  function fold(ch) {
    var out = [];
    for (var c of ch.normalize('NFKC')) {
      var l = c.toLowerCase();
      out.push(String.fromCodePoint(l.codePointAt(0)));
    }
    return out;
  }

  function runs(s) {
    var out = [], cur = { cjk: false, chars: [] }, i = 0;
    function flush() {
      if (cur.chars.length) out.push(cur);
      cur = { cjk: false, chars: [] };
    }
    for (var ch of s) {
      for (var f of fold(ch)) {
        var k = kind(f);
        if (k === CJK) {
          if (!cur.cjk) { flush(); cur.cjk = true; }
          cur.chars.push([f, i]);
        } else if (k === WORD || (k === MARK && !cur.cjk && cur.chars.length)) {
          if (cur.cjk) flush();
          cur.chars.push([f, i]);
        } else {
          flush();
        }
      }
      i++;
    }
    flush();
    return out;
  }

  function text(chars) { return chars.map(function (c) { return c[0]; }).join(''); }

  function tokenize(s) {
    var toks = [];
    runs(s).forEach(function (rn) {
      var c = rn.chars;
      if (!rn.cjk) {
        toks.push({ text: text(c), start: c[0][1], end: c[c.length - 1][1] + 1 });
        return;
      }
      for (var i = 0; i < c.length; i++) {
        toks.push({ text: c[i][0], start: c[i][1], end: c[i][1] + 1 });
        if (i + 1 < c.length) toks.push({ text: c[i][0] + c[i + 1][0], start: c[i][1], end: c[i + 1][1] + 1 });
      }
    });
    return toks;
  }

  function parseQuery(q) {
    var gs = [], seen = {};
    q = Array.from(q).slice(0, 64).join(''); // maxQueryRunes in query.go
    runs(q).forEach(function (rn) {
      var g = { cjk: rn.cjk, terms: [], prefix: false, alts: [] };
      if (!rn.cjk) g.terms.push(text(rn.chars));
      else if (rn.chars.length === 1) g.terms.push(rn.chars[0][0]);
      else {
        for (var i = 0; i + 1 < rn.chars.length; i++) {
          var t = rn.chars[i][0] + rn.chars[i + 1][0];
          if (g.terms.indexOf(t) < 0) g.terms.push(t);
        }
      }
      var key = g.terms.join(' ');
      if (seen[key]) return;
      seen[key] = true;
      gs.push(g);
    });
    if (gs.length && !gs[gs.length - 1].cjk) gs[gs.length - 1].prefix = true;
    return gs;
  }

  // ---- Index format ----

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var utf8 = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

  function hashKey(key) {
    var h = 0x811c9dc5, b = utf8.encode(key);
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
    return h >>> 0;
  }

  function shardName(key, n) { return 's/' + ((hashKey(key) & (n - 1)) >>> 0).toString(16); }

  // DIGIT maps a character code to its value in ALPHABET (-1: not a digit);
  // posting lists run to tens of thousands of characters, so no indexOf.
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  function decodeVarints(s) {
    var out = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var code = s.charCodeAt(i), c = code < 128 ? DIGIT[code] : -1;
      if (c < 0) return [];
      if (c >= 32) { v = v * 32 + (c - 32); continue; }
      out.push(v * 32 + c);
      v = 0;
    }
    return out;
  }

  // ---- Excerpts (same as generator/search/excerpt.go) ----

  var EXCERPT_LEN = 80, EXCERPT_BEFORE = 20, MAX_PARTS = 31, PREFIX_WEIGHT = 0.7, SCORE_SCALE = 12;

  function matcher(gs) {
    var exact = {}, prefixes = [];
    gs.forEach(function (g) {
      g.terms.forEach(function (t) { exact[t] = true; });
      if (g.prefix) prefixes.push(g.terms[0]);
    });
    return function (tok) {
      if (exact[tok] === true) return true;
      return prefixes.some(function (p) { return tok.indexOf(p) === 0; });
    };
  }

  function hasMatch(s, m) { return tokenize(s).some(function (t) { return m(t.text); }); }

  function bestPart(parts, mask, m) {
    if (!mask || !parts.length) return -1;
    for (var i = 0; i < parts.length; i++) {
      if (!((mask >>> Math.min(i, MAX_PARTS - 1)) & 1)) continue;
      if (i < MAX_PARTS - 1) return i;
      for (var j = i; j < parts.length; j++) {
        if (hasMatch(parts[j][1], m) || hasMatch(parts[j][2], m)) return j;
      }
      return i;
    }
    return -1;
  }

  function excerpt(txt, m) {
    var spans = tokenize(txt).filter(function (t) { return m(t.text); });
    var rs = Array.from(txt);
    var start = spans.length ? Math.max(spans[0].start - EXCERPT_BEFORE, 0) : 0;
    var end = Math.min(start + EXCERPT_LEN, rs.length);
    start = Math.max(end - EXCERPT_LEN, 0);
    var out = rs.slice(start, end).join(''), shift = -start, hl = [];
    if (start > 0) { out = '\u2026' + out; shift++; }
    if (end < rs.length) out += '\u2026';
    spans.forEach(function (s) {
      var a = Math.max(s.start, start), b = Math.min(s.end, end);
      if (a >= b) return;
      a += shift; b += shift;
      var last = hl[hl.length - 1];
      if (last && a <= last[1]) { last[1] = Math.max(last[1], b); return; }
      hl.push([a, b]);
    });
    return { text: out, highlights: hl };
  }

  // ---- Loading (script tags, so file:// works) ----

  var api = global.__zhinanSearch || {};
  global.__zhinanSearch = api;
  var data = {}, loading = {}, ROOT = '';

  api.load = function (name, value) { data[name] = value; };

  function scriptTag(name) {
    return new Promise(function (resolve) {
      var s = document.createElement('script');
      s.src = ROOT + 'search/' + name + '.js';
      s.charset = 'utf-8';
      s.onload = s.onerror = resolve;
      document.head.appendChild(s);
    });
  }

  // load resolves to the data of search/NAME.js, or null. api.loadFile, if
  // set, replaces the script tag (tests under node use it).
  function load(name) {
    if (!loading[name]) {
      loading[name] = (api.loadFile || scriptTag)(name).then(function () {
        if (!data[name]) delete loading[name]; // a failed load is tried again by the next query
        return data[name] || null;
      });
    }
    return loading[name];
  }

  function lookup(manifest, key) {
    var sh = data[shardName(key, manifest.shards)];
    return (sh && Object.prototype.hasOwnProperty.call(sh, key)) ? sh[key] : '';
  }

  function loadKeys(manifest, keys) {
    return Promise.all(keys.map(function (k) { return load(shardName(k, manifest.shards)); }));
  }

  function eachPosting(manifest, term, f) {
    var vs = decodeVarints(lookup(manifest, term)), doc = 0;
    for (var i = 0; i + 2 < vs.length; i += 3) { doc += vs[i]; f(doc, Math.expm1(vs[i + 1] / SCORE_SCALE), vs[i + 2]); }
  }

  function groupHits(manifest, g) {
    var acc = new Map();
    if (g.cjk) { // as groupHits in index.go: all terms, or enough of them
      var contentTerms = 0;
      g.terms.forEach(function (t) {
        var c = isFiller(t) ? 0 : 1;
        contentTerms += c;
        eachPosting(manifest, t, function (doc, score, mask) {
          var h = acc.get(doc) || { score: 0, and: 0xffffffff, or: 0, held: 0, content: 0 };
          acc.set(doc, { score: h.score + score, and: (h.and & mask) >>> 0, or: (h.or | mask) >>> 0, held: h.held + 1, content: h.content + c });
        });
      });
      acc.forEach(function (h, doc) {
        if (h.held === g.terms.length) return;
        if (partialMatch(h.content, contentTerms, g.terms.length)) h.partial = true;
        else acc.delete(doc);
      });
      return acc;
    }
    function add(term, weight) {
      eachPosting(manifest, term, function (doc, score, mask) {
        var h = acc.get(doc) || { score: 0, and: 0, or: 0 };
        h.score = Math.max(h.score, score * weight);
        h.or = (h.or | mask) >>> 0;
        h.and = h.or;
        acc.set(doc, h);
      });
    }
    add(g.terms[0], 1);
    g.alts.forEach(function (a) { add(a, PREFIX_WEIGHT); });
    return acc;
  }

  // partialMatch and isFiller: see query.go.
  function partialMatch(held, content, total) { return total >= 3 && held >= 2 && 2 * held >= content; }

  var FILLER_CHARS = /[的了吗呢吧啊呀么]/, FILLER_BIGRAMS = ['如何', '怎样', '为何', '为什', '是否', '能否', '可否', '请问', '一下'];
  function isFiller(t) { return FILLER_CHARS.test(t) || FILLER_BIGRAMS.indexOf(t) >= 0; }

  function maskOf(h) { return h.and ? h.and : h.or; }

  function rank(manifest, gs) {
    var all = new Map();
    gs.forEach(function (g) {
      groupHits(manifest, g).forEach(function (gh, doc) {
        var h = all.get(doc);
        if (!h) { h = { doc: doc, groups: 0, partial: 0, score: 0, and: 0xffffffff, or: 0 }; all.set(doc, h); }
        if (gh.partial) h.partial++; else h.groups++;
        h.score += gh.score;
        h.and = (h.and & maskOf(gh)) >>> 0;
        h.or = (h.or | gh.or) >>> 0;
      });
    });
    return Array.from(all.values()).sort(function (a, b) {
      return (b.groups - a.groups) || (b.partial - a.partial) || (b.score - a.score) || (a.doc - b.doc);
    });
  }

  // rankQuery resolves to the ranking of q: {hits, record(hit)}, hits being
  // the best n pages (scores and part masks only) and record(hit) resolving
  // to the result for one of them once its page file has loaded. The split
  // lets the box show the first results while later ones are on their way.
  function rankQuery(q, n) {
    var gs = parseQuery(q);
    if (!gs.length) return Promise.resolve({ hits: [], record: null });
    return load('manifest').then(function (manifest) {
      if (!manifest) throw new Error('search index not found under ' + ROOT + 'search/');
      var keys = [];
      gs.forEach(function (g) { keys.push.apply(keys, g.terms); if (g.prefix) keys.push('^' + g.terms[0]); });
      return loadKeys(manifest, keys).then(function () {
        var alts = [];
        gs.forEach(function (g) {
          if (!g.prefix) return;
          g.alts = lookup(manifest, '^' + g.terms[0]).split(' ').filter(Boolean);
          alts.push.apply(alts, g.alts);
        });
        return loadKeys(manifest, alts);
      }).then(function () {
        var m = matcher(gs);
        return {
          hits: rank(manifest, gs).slice(0, n > 0 ? n : undefined),
          record: function (h) {
            return load('d/' + h.doc).then(function (d) { return result(manifest, h, d || { u: '', t: '', s: '', p: [] }, m); });
          }
        };
      });
    });
  }

  // query resolves to the best n results: {url, anchor, heading, title, section, excerpt, highlights, score}.
  function query(q, n) {
    return rankQuery(q, n).then(function (r) { return Promise.all(r.hits.map(r.record)); });
  }

  function result(manifest, h, d, m) {
    var r = { url: d.u, title: d.t, section: d.s, anchor: '', heading: '', score: h.score };
    var p = bestPart(d.p, maskOf(h), m), txt = '';
    if (p >= 0) { r.anchor = d.p[p][0]; r.heading = d.p[p][1]; txt = d.p[p][2]; } else if (d.p.length) txt = d.p[0][2];
    var ex = excerpt(txt, m);
    r.excerpt = ex.text;
    r.highlights = ex.highlights;
    r.href = href(manifest, r.url, r.anchor);
    return r;
  }

  // href makes a result URL work here: as is over HTTP, ROOT-relative with
  // index.html under file://.
  function href(manifest, url, anchor) {
    var h = url;
    if (global.location && global.location.protocol === 'file:') {
      var base = manifest.base || '/';
      var rel = url.indexOf(base) === 0 ? url.slice(base.length) : url.replace(/^\/+/, '');
      if (rel === '' || rel.charAt(rel.length - 1) === '/') rel += 'index.html';
      h = ROOT + rel;
    }
    return anchor ? h + '#' + encodeURIComponent(anchor) : h;
  }

  api.query = query;
  api.rank = rankQuery;
  api.prefetch = function () { return load('manifest'); };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { tokenize: tokenize, parseQuery: parseQuery, hashKey: hashKey, decodeVarints: decodeVarints, excerpt: excerpt, matcher: matcher };
  }

  if (typeof document === 'undefined') return;

  var script = document.currentScript;
  ROOT = (script && script.getAttribute('data-root')) || '';
  if (!ROOT && script) ROOT = script.getAttribute('src').replace(/assets\/search-core\.js(\?.*)?$/, '');
})(typeof window !== 'undefined' ? window : globalThis);
