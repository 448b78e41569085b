// Package search builds the site's full-text search index and queries it.
//
// The site pipeline calls [Build] with one [Doc] per page once the site is
// built; Build returns the index as files under "search/", written beside the
// site. The browser client, templates/assets/search-core.js, loads them on
// demand; [Open] and [Index.Search] read the very same files from Go, for the
// `zhinan search` command and for tests. Chinese needs no dictionary: every
// substring of two or more Chinese characters that occurs in a page finds
// that page.
//
// # Tokenizer
//
// [Tokenize] is the one definition of a token; search-core.js implements the same
// algorithm, and a test runs both on a shared list of strings.
//
//  1. Folding. Each code point is normalized on its own with NFKC and then
//     lower-cased code point by code point (Go: x/text/unicode/norm and
//     unicode.ToLower; JS: ch.normalize("NFKC") and toLowerCase, keeping the
//     first code point of a longer result, which only matters for "İ"). So
//     "ＡＢＣ１２３" is "abc123", "ｶﾀｶﾅ" is "カタカナ" and "㍻" is "平成".
//     Normalizing per code point keeps offsets simple; the cost is that a
//     letter followed by a combining accent is not composed ("e"+U+0301 stays
//     two code points and does not match "é").
//  2. Classes. A folded character is CJK if its script is Han (all CJK
//     extension blocks included), Hiragana, Katakana or Hangul; a word
//     character if it is a letter (L) or decimal digit (Nd); a mark (M)
//     continues a word but starts nothing; everything else (spaces,
//     punctuation of any width, symbols, emoji, "_", "-") separates tokens.
//     Kana and Hangul are thus treated like Han: bigrams, no dictionary.
//  3. Tokens. A run of word characters is one token ("wecom", "2", "0" for
//     "2.0"). A run of CJK characters gives each character (unigram) and each
//     overlapping pair (bigram): "群主转让" gives 群 群主 主 主转 转 转让 让.
//
// Token offsets are rune offsets into the original string; characters made
// by folding one code point all carry that code point's offsets.
//
// # Queries
//
// A query is cut to its first 64 characters, tokenized the same way and
// split into groups: each word is a group, and each CJK run is a group whose
// terms are its distinct bigrams (or its one character, for a one-character
// run). A page matches a CJK group if it holds every term, anywhere (order
// and adjacency are not checked, so rare false positives are possible for
// runs of three or more characters). It matches the group in part if it
// holds at least half of the terms and at least two, which needs a run of
// four or more characters: with no dictionary, 「解散群聊以后还能看到聊天记录吗」
// is one run, which no page holds whole, but the pages holding 解散, 群聊
// and 聊天记录 are what the reader wants. Filler bigrams (those holding a
// particle such as 的 了 吗 么, and question words such as 如何 是否) are
// left out of that count, though a full match still needs them. A page matches a word group if it
// holds the word; the last group of a query, if it is a word, also matches
// the (at most 8, most frequent) indexed words it is a prefix of, at 0.7
// times their score: "wec" finds "wecom".
//
// Pages matching more groups in full come first, then those matching more
// groups in part, each by descending score (a partly matched group scores
// the terms the page holds). Repeated groups count once.
//
// # Ranking
//
// The score of a term in a page is BM25F computed at build time:
//
//	tf  = Σ over fields f of  w_f · tf_f / (1 − b + b · len_f / avglen_f)
//	s   = idf · tf · (k1 + 1) / (tf + k1),   idf = ln(1 + (N − df + 0.5) / (df + 0.5))
//
// with field weights title 5, headings 2.5, body 1, k1 = 1.2, b = 0.75, field
// lengths counted in tokens. It is stored as q = max(1, round(12 · ln(1 + s)))
// and read back as e^(q/12) − 1, so most scores take one character. A page's
// score for a query is the sum over groups, a group's the sum over its terms.
//
// Each posting also carries a part mask: bit i says part i (the text under
// heading i, heading included) holds the term; parts from the 31st on share
// bit 30. A result links to the first part holding every group (else any),
// or to the top of the page when only the title matched. Its excerpt is
// about 80 characters of that part's text starting 20 characters before the
// first match, with "…" where cut, and the rune ranges of every matching
// token inside it as highlights. Highlights come from token positions, never
// from searching HTML.
//
// # Index files
//
// Every file is a script, so the client can load it with a <script> tag,
// which works from file:// as well as over HTTP:
//
//	__zhinanSearch.load("NAME",JSON);
//
// where NAME is the path under search/ without ".js". The files are:
//
//	search/manifest.js  {"v":1,"base":"/","shards":N,"docs":D}
//	search/s/HEX.js     shard: {"term": postings, "^prefix": "word word", ...}
//	search/d/ID.js      page ID: {"u":URL,"t":title,"s":section,"p":[[anchor,heading,text],...]}
//
// base is the site's base path (see [WithBase]): under file:// the client
// strips it from a result URL, adds "index.html" to URLs ending in "/", and
// resolves the rest against the data-root of its script tag. N is a power of
// two chosen so shards hold about 16 kB of postings (at most 8192 shards); a
// key lives in shard FNV-1a-32(UTF-8 key) mod N, in lower-case hex without
// leading zeros. Keys are terms, and "^" + a prefix (up to 12 characters) of
// indexed words, whose value lists the words it expands to. Pages are
// numbered in order of URL.
//
// A posting list is a string of numbers in a base-32 varint code over the
// alphabet A–Z a–z 0–9 - _: characters 0–31 of the alphabet are a number's
// last digit, 32–63 a digit with more to come, most significant first. The
// numbers come in triples: page ID minus the previous page ID (the first
// minus zero), stored score q, part mask.
//
// A query thus loads the manifest, one shard per distinct term (plus, for a
// prefix word, the shard of "^"+prefix and those of its expansions), and one
// file per result shown. Build is deterministic: the same Docs, in any
// order, give byte-identical files; shard keys are written sorted.
//
// # Browser client
//
// A page gets search with this markup, ROOT being the path from the page to
// the site root, relative ("../../", "./"), so that it works from file://:
//
//	<form class="search" role="search" action="...">
//	  <input type="search" id="search-input" placeholder="搜索指南" autocomplete="off" aria-label="搜索">
//	  <div id="search-results" role="listbox" hidden></div>
//	</form>
//	<script src="ROOT/assets/search-core.js" data-root="ROOT/" defer></script>
//	<script src="ROOT/assets/search.js" defer></script>
//
// search-core.js is the engine (tokenizer, index files, ranking, results),
// which must agree with the Go side; search.js is the box. The default theme
// does not include these script tags: its site.js adds them when the box is
// first pointed at or focused ("/" focuses it), so a page that is only read
// does not load the client. search.js, loaded late, takes over a box the
// reader is already typing in.
//
// The client searches as the user types (after 100 ms) and shows up to 10
// results as <a class="search-result"> holding .search-result-title,
// .search-result-section (section › heading) and .search-result-excerpt with
// <mark>s, or a <p class="search-empty"> message; the selected result has
// class "selected" and aria-selected="true". Arrows move, Enter opens,
// Escape closes. Every text is set with textContent.
//
// Results are shown in rank order as their page files arrive (each is a
// request, and the first rows need not wait for the tenth). The files of
// the first five results, about what the list shows without scrolling, are
// asked for first, the others once those have come. The list is
// aria-busy="true" until the last row is in. User Timing marks
// zhinan-search-start, -first and -done time each search.
//
// Result URLs are used as they are over HTTP; under file:// they are made
// ROOT-relative as described above. window.__zhinanSearch.query(q, n)
// resolves to the same results as [Index.Search] (a test checks this under
// node, through the window.__zhinanSearch.loadFile hook).
package search
