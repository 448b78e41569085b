/* zhinan search, the engine: tokenizer, index files, ranking and results.
 * No dependencies, no build step. The index is written by
 * zhinan/generator/search (see its package doc for the format); this file
 * must tokenize and rank exactly like the Go side (tests check it in
 * headless Chromium); every tunable comes from the manifest's "q". search.js, the search box, uses it through window.__zhinanSearch. */
(function (global) {
  'use strict';

  // ---- Tokenizer (classify, scan and runs in generator/search/tokenize.go) ----

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

  // classify calls f(char, class, rune index) for every folded character,
  // a mark being WORD right after a word character and SEP elsewhere.
  function classify(s, f) {
    var i = 0, inWord = false;
    for (var ch of s) {
      for (var c of fold(ch)) {
        var k = kind(c);
        if (k === MARK) k = inWord ? WORD : SEP;
        inWord = k === WORD;
        f(c, k, i);
      }
      i++;
    }
  }

  function runs(s) {
    var out = [], cur = { cjk: false, chars: [] };
    function flush() {
      if (cur.chars.length) out.push(cur);
      cur = { cjk: false, chars: [] };
    }
    classify(s, function (c, k, i) {
      if (k === SEP || (k === CJK) !== cur.cjk) flush();
      if (k !== SEP) { cur.cjk = k === CJK; cur.chars.push([c, i]); }
    });
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

  // ---- Queries (generator/search/query.go; tunables P from the manifest) ----

  function runTerms(rs) {
    if (rs.length === 1) return [rs[0]];
    var terms = [];
    for (var i = 0; i + 1 < rs.length; i++) {
      var t = rs[i] + rs[i + 1];
      if (terms.indexOf(t) < 0) terms.push(t);
    }
    return terms;
  }

  function prefixRunes(rs, at, w) {
    var ws = Array.from(w);
    for (var n = 0; n < ws.length; n++) if (at + n >= rs.length || rs[at + n] !== ws[n]) return 0;
    return ws.length;
  }

  function longestAt(rs, at, P) {
    var best = 0, set = null;
    P.synonyms.forEach(function (s) {
      s.forEach(function (m) { var n = prefixRunes(rs, at, m); if (n > best) { best = n; set = s; } });
    });
    P.stop.forEach(function (w) { var n = prefixRunes(rs, at, w); if (n > best) { best = n; set = null; } });
    return [best, set];
  }

  function splitRun(rs, P) {
    var out = [], start = 0;
    function flush(end) { if (end > start) out.push({ text: rs.slice(start, end), set: null, at: start }); }
    for (var i = 0; i < rs.length;) {
      var l = longestAt(rs, i, P), n = l[0];
      if (!n) { i++; continue; }
      flush(i);
      if (l[1]) out.push({ text: rs.slice(i, i + n), set: l[1], at: i });
      i += n;
      start = i;
    }
    flush(rs.length);
    return out;
  }

  function synonymUnit(set, typed) {
    var u = { alts: [], prefix: false, run: null, synonym: true };
    [typed].concat(set.filter(function (m) { return m !== typed; })).forEach(function (m) {
      var terms = [];
      runs(m).forEach(function (rn) {
        if (rn.cjk) terms.push.apply(terms, runTerms(rn.chars.map(function (c) { return c[0]; })));
        else terms.push(text(rn.chars));
      });
      if (terms.length) u.alts.push(terms);
    });
    return u;
  }

  // charAlts: see query.go.
  function charAlts(rs, at) {
    var alts = [[rs[at]]];
    if (at > 0) alts.push([rs[at - 1] + rs[at]]);
    if (at + 1 < rs.length) alts.push([rs[at] + rs[at + 1]]);
    return alts;
  }

  function parseQuery(q, P) {
    var us = [], seen = {};
    function add(u) {
      var key = (u.join ? '~' : '') + u.alts.map(function (a) { return a.join(' ') + '|'; }).join('');
      if (seen[key]) return;
      seen[key] = true;
      us.push(u);
    }
    q = Array.from(q).slice(0, P.maxQuery).join('');
    runs(q).forEach(function (rn) {
      var t = text(rn.chars);
      if (!rn.cjk) {
        var set = P.synonyms.find(function (s) { return s.indexOf(t) >= 0; });
        add(set ? synonymUnit(set, t) : { alts: [[t]], prefix: false, run: null, synonym: false });
        return;
      }
      var rs = Array.from(t), pieces = splitRun(rs, P);
      pieces.forEach(function (pc, i) {
        var prev = pieces[i - 1];
        if (prev && (prev.set || pc.set) && prev.at + prev.text.length === pc.at) {
          add({ alts: [[prev.text[prev.text.length - 1] + pc.text[0]]], prefix: false, run: null, synonym: false, join: true });
        }
        if (pc.set) add(synonymUnit(pc.set, pc.text.join('')));
        else if (pc.text.length === 1) add({ alts: charAlts(rs, pc.at), prefix: false, run: null, synonym: false });
        else add({ alts: [runTerms(pc.text)], prefix: false, run: pc.text, synonym: false });
      });
    });
    if (!us.length && P.stop.length) return parseQuery(q, Object.assign({}, P, { stop: [] }));
    var last = us[us.length - 1];
    if (last && !last.join && last.alts.length === 1 && last.alts[0].length === 1 && kind(Array.from(last.alts[0][0])[0]) !== CJK &&
        Array.from(last.alts[0][0]).length >= P.prefixMin) last.prefix = true;
    return us;
  }

  // oneEdit and fixTypos: see segment.go and rank.go.
  function oneEdit(a, b) {
    var x = Array.from(a), y = Array.from(b);
    if (x.length > y.length) { var t = x; x = y; y = t; }
    var i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    var rest = function (arr, from) { return arr.slice(from).join(''); };
    if (y.length === x.length) {
      if (i === x.length) return false;
      if (rest(x, i + 1) === rest(y, i + 1)) return true;
      return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, i + 2) === rest(y, i + 2);
    }
    return y.length - x.length === 1 && rest(x, i) === rest(y, i + 1);
  }

  // typoWords lists the units fixTypos looks at: [unit, "^"+first runes].
  function typoWords(manifest, us) {
    var out = [];
    us.forEach(function (u) {
      if (u.join || u.alts.length !== 1 || u.alts[0].length !== 1 || u.run) return;
      var w = u.alts[0][0], rs = Array.from(w);
      if (rs.length < manifest.q.typoMin || postings(manifest, w).length || (u.prefix && lookup(manifest, '^' + w))) return;
      out.push([u, '^' + rs.slice(0, manifest.q.typoKeep).join('')]);
    });
    return out;
  }

  function fixTypos(manifest, typos) {
    typos.forEach(function (t) {
      var u = t[0], w = u.alts[0][0];
      lookup(manifest, t[1]).split(' ').filter(Boolean).forEach(function (c) { if (oneEdit(w, c)) u.alts.push([c]); });
      if (u.alts.length > 1) { u.synonym = true; u.prefix = false; }
    });
  }

  // segment: see segment.go.
  function segment(rs, df, P) {
    if (rs.length < 2) return { words: [[rs.join('')]], joins: [] };
    var n = rs.length - 1, dfs = [], words = [], joins = [], cur = [];
    for (var i = 0; i < n; i++) dfs.push(df(rs[i] + rs[i + 1]));
    for (i = 0; i < n; i++) {
      var t = rs[i] + rs[i + 1], nb = 0;
      if (i > 0) nb = dfs[i - 1];
      if (i + 1 < n) nb = Math.max(nb, dfs[i + 1]);
      if (dfs[i] === 0 || P.junction * dfs[i] < nb || P.soft.indexOf(rs[i]) >= 0 || P.soft.indexOf(rs[i + 1]) >= 0) {
        if (cur.length) { words.push(cur); cur = []; }
        if (dfs[i] > 0 && joins.indexOf(t) < 0) joins.push(t);
        continue;
      }
      if (cur.indexOf(t) < 0) cur.push(t);
    }
    if (cur.length) words.push(cur);
    return { words: words, joins: joins };
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

  // matcher(tok) is 2 for a term the reader typed, 1 for a synonym's, 0
  // for no match (matcher in query.go).
  function matcher(us) {
    var exact = new Map(), prefixes = [];
    us.forEach(function (u) {
      u.alts.forEach(function (a, i) { a.forEach(function (t) { exact.set(t, exact.get(t) === 2 || i === 0 ? 2 : 1); }); });
      if (u.prefix) prefixes.push(u.alts[0][0]);
    });
    return function (tok) {
      if (exact.get(tok) === 2) return 2;
      if (prefixes.some(function (p) { return tok.indexOf(p) === 0; })) return 2;
      return exact.has(tok) ? 1 : 0;
    };
  }

  // bestPart: see excerpt.go.
  function bestPart(parts, title, mask, m, P) {
    if (!mask || !parts.length) return -1;
    var best = -1, bestScore = -1;
    for (var i = 0; i < parts.length; i++) {
      if (!((mask >>> Math.min(i, P.parts - 1)) & 1)) continue;
      var s = P.heading * distinctMatches(parts[i][0] === '' ? title : parts[i][1], m) + distinctMatches(parts[i][2], m);
      if (s > bestScore) { best = i; bestScore = s; }
    }
    return best;
  }

  function distinctMatches(s, m) {
    var seen = new Set();
    tokenize(s).forEach(function (t) { if (m(t.text)) seen.add(t.text); });
    return seen.size;
  }

  function excerpt(txt, m, P) {
    var spans = tokenize(txt).filter(function (t) { return m(t.text); });
    var typed = spans.find(function (t) { return m(t.text) === 2; }) || spans[0];
    var rs = Array.from(txt);
    var start = typed ? Math.max(typed.start - P.before, 0) : 0;
    var end = Math.min(start + P.excerpt, rs.length);
    start = Math.max(end - P.excerpt, 0);
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

  // excerptText: see excerpt.go.
  function excerptText(parts, p, title) {
    var i;
    for (i = p; i < parts.length; i++) if (parts[i][2]) return parts[i][2];
    for (i = Math.min(p, parts.length) - 1; i >= 0; i--) if (parts[i][2]) return parts[i][2];
    if (p < parts.length && parts[p][1]) return parts[p][1];
    return title;
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
  // set, replaces the script tag.
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

  // postings decodes the posting list of term: [{doc, score, mask}], once
  // per ranking (decoded is set while one runs, see rankQuery).
  var decoded = null;
  function postings(manifest, term) {
    if (decoded && decoded.has(term)) return decoded.get(term);
    var vs = decodeVarints(lookup(manifest, term)), doc = 0, out = [];
    for (var i = 0; i + 2 < vs.length; i += 3) {
      doc += vs[i];
      out.push({ doc: doc, score: Math.expm1(vs[i + 1] / manifest.q.scale), mask: vs[i + 2] });
    }
    if (decoded) decoded.set(term, out);
    return out;
  }

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function maskOf(h) { return h.and ? h.and : h.or; }

  // segmentRuns and unitHits: see index.go.
  function segmentRuns(manifest, us) {
    var out = [], joins = [];
    function df(t) { return postings(manifest, t).length; }
    us.forEach(function (u) {
      if (u.join) { var t = u.alts[0][0]; if (df(t) && joins.indexOf(t) < 0) joins.push(t); return; }
      if (!u.run) { out.push(u); return; }
      var sg = segment(u.run, df, manifest.q);
      sg.words.forEach(function (w) { out.push({ alts: [w], prefix: false, run: null, synonym: false }); });
      joins.push.apply(joins, sg.joins);
    });
    if (!out.length && joins.length) return { units: [{ alts: [joins], prefix: false, run: null, synonym: false }], joins: [] };
    return { units: out, joins: joins };
  }

  function unitHits(manifest, u) {
    var P = manifest.q, out = new Map();
    if (u.prefix) {
      var add = function (term, weight) {
        postings(manifest, term).forEach(function (p) {
          var h = out.get(p.doc) || { doc: p.doc, score: 0, and: 0, or: 0, partial: 0 };
          h.score = Math.max(h.score, p.score * weight);
          h.or = (h.or | p.mask) >>> 0;
          h.and = h.or;
          out.set(p.doc, h);
        });
      };
      add(u.alts[0][0], 1);
      u.expansions.forEach(function (a) { add(a, P.prefix); });
      return out;
    }
    u.alts.forEach(function (terms, ai) {
      var weight = u.synonym && ai > 0 ? P.synonym : 1, docs = new Map(), live = 0;
      terms.forEach(function (t) {
        var ps = postings(manifest, t);
        if (!ps.length) return;
        live++;
        var w = u.synonym ? weight / idf(manifest.docs, ps.length) : weight;
        ps.forEach(function (p) {
          var a = docs.get(p.doc);
          if (!a) { a = { h: { doc: p.doc, score: 0, and: 0xffffffff, or: 0, partial: 0 }, held: 0 }; docs.set(p.doc, a); }
          a.h.score += p.score * w;
          a.h.and = (a.h.and & p.mask) >>> 0;
          a.h.or = (a.h.or | p.mask) >>> 0;
          a.held++;
        });
      });
      if (u.synonym && live < terms.length) return;
      var norm = Math.pow(live, P.wordNorm);
      docs.forEach(function (a, doc) {
        a.h.score /= norm;
        if (a.held === live) { /* full */ } else if (!u.synonym && live >= 3 && a.held >= 2 && a.held >= P.partial * live) a.h.partial = 1;
        else return;
        var o = out.get(doc);
        if (!o || a.h.partial < o.partial || (a.h.partial === o.partial && a.h.score > o.score)) out.set(doc, a.h);
      });
    });
    if (u.synonym) {
      var w = idf(manifest.docs, out.size);
      out.forEach(function (h) { h.score *= w; });
    }
    return out;
  }

  function rank(manifest, us, joins, n) {
    var P = manifest.q, all = new Map(), totalW = 0;
    us.forEach(function (u) {
      var uhs = unitHits(manifest, u), w = idf(manifest.docs, uhs.size);
      totalW += w;
      uhs.forEach(function (uh, doc) {
        var h = all.get(doc);
        if (!h) { h = { doc: doc, full: 0, partial: 0, cover: 0, score: 0, and: 0xffffffff, or: 0 }; all.set(doc, h); }
        if (uh.partial) { h.partial++; h.cover += w * P.partial; } else { h.full++; h.cover += w; }
        h.score += uh.score;
        h.and = (h.and & maskOf(uh)) >>> 0;
        h.or = (h.or | uh.or) >>> 0;
      });
    });
    joins.forEach(function (t) {
      postings(manifest, t).forEach(function (p) { var h = all.get(p.doc); if (h) h.score += p.score * P.join; });
    });
    var hits = Array.from(all.values());
    hits.forEach(function (h) {
      if (h.full + h.partial > 1 && h.and) h.score *= 1 + P.together;
      var c = h.cover / totalW;
      h.score *= c * c;
    });
    return best(hits, n);
  }

  // best: see best in index.go.
  function best(hits, n) {
    function before(a, b) { return (b.score - a.score) || (a.doc - b.doc); }
    if (!(n > 0) || hits.length <= n) return hits.sort(before);
    var top = [];
    hits.forEach(function (h) {
      if (top.length === n && before(h, top[n - 1]) >= 0) return;
      var lo = 0, hi = top.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (before(top[mid], h) < 0) lo = mid + 1; else hi = mid; }
      top.splice(lo, 0, h);
      if (top.length > n) top.pop();
    });
    return top;
  }

  // rankQuery resolves to the ranking of q: {hits, record(hit)}, hits being
  // the best n pages (scores and part masks only) and record(hit) resolving
  // to the result for one of them once its page file has loaded. The split
  // lets the box show the first results while later ones are on their way.
  function rankQuery(q, n) {
    if (!runs(q).length) return Promise.resolve({ hits: [], record: null });
    return load('manifest').then(function (manifest) {
      if (!manifest) throw new Error('search index not found under ' + ROOT + 'search/');
      var us = parseQuery(q, manifest.q), keys = [];
      us.forEach(function (u) {
        u.alts.forEach(function (a) { keys.push.apply(keys, a); });
        if (u.prefix) keys.push('^' + u.alts[0][0]);
      });
      var typos = [];
      return loadKeys(manifest, keys).then(function () {
        var more = [];
        us.forEach(function (u) {
          if (!u.prefix) return;
          u.expansions = lookup(manifest, '^' + u.alts[0][0]).split(' ').filter(Boolean);
          more.push.apply(more, u.expansions);
        });
        typos = typoWords(manifest, us);
        typos.forEach(function (t) { more.push(t[1]); });
        return loadKeys(manifest, more);
      }).then(function () {
        fixTypos(manifest, typos);
        var more = [];
        typos.forEach(function (t) { more.push.apply(more, t[0].alts.slice(1).map(function (a) { return a[0]; })); });
        return loadKeys(manifest, more);
      }).then(function () {
        decoded = new Map();
        try {
          var sg = segmentRuns(manifest, us), m = matcher(sg.units), hits = rank(manifest, sg.units, sg.joins, n);
        } finally {
          decoded = null;
        }
        return {
          hits: hits,
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
    var p = bestPart(d.p, d.t, h.or, m, manifest.q);
    if (p >= 0) { r.anchor = d.p[p][0]; r.heading = d.p[p][1]; }
    var ex = excerpt(excerptText(d.p, Math.max(p, 0), d.t), m, manifest.q);
    r.excerpt = ex.text;
    r.highlights = ex.highlights;
    r.href = href(manifest, r.url, r.anchor);
    return r;
  }

  // href makes a result URL work here. The index holds site-absolute URLs
  // (base path + page folder); the link is made relative to the site root as
  // this page reaches it (ROOT, "../../"), so results lead to the right pages
  // wherever the site is served from, a sub-path other than base_url
  // included. Under file:// a folder URL also gets index.html.
  function href(manifest, url, anchor) {
    var h = url;
    var base = manifest.base || '/';
    if (url.charAt(0) === '/') {
      var rel = url.indexOf(base) === 0 ? url.slice(base.length) : url.replace(/^\/+/, '');
      if (global.location && global.location.protocol === 'file:' &&
          (rel === '' || rel.charAt(rel.length - 1) === '/')) rel += 'index.html';
      h = (ROOT || './') + rel;
    }
    return anchor ? h + '#' + encodeURIComponent(anchor) : h;
  }

  api.query = query;
  api.rank = rankQuery;
  api.tokenize = tokenize; // for the Go/JS agreement tests
  api.hashKey = hashKey;
  api.prefetch = function () { return load('manifest'); };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { tokenize: tokenize, hashKey: hashKey, decodeVarints: decodeVarints };
  }

  if (typeof document === 'undefined') return;

  var script = document.currentScript;
  ROOT = (script && script.getAttribute('data-root')) || '';
  if (!ROOT && script) ROOT = script.getAttribute('src').replace(/assets\/search-core\.js(\?.*)?$/, '');
})(typeof window !== 'undefined' ? window : globalThis);
