// Package search builds the site's full-text search index and queries it.
//
// The site pipeline calls [Build] with one [Doc] per page once the site is
// built; Build returns the index as files under "search/", written beside the
// site. The browser client, templates/assets/search-core.js, loads them on
// demand; [Open] and [Index.Search] read the very same files from Go, for the
// `zhinan search` command and for tests. Chinese needs no dictionary: every
// substring of two or more Chinese characters that occurs in a page finds
// that page. e2e/testdata/relevance.tsv holds the questions readers type
// over the guide site, with the pages that answer them; e2e scores both
// this package and the browser client on them.
//
// # Tokenizer
//
// [Tokenize] is the one definition of a token: one classifier (classify in
// tokenize.go) serves the indexer and queries; search-core.js implements
// the same algorithm, and a test runs both on a shared list of strings.
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
// Every token is indexed but one: a CJK character alone (a unigram) is
// indexed where it stands in a title, a heading or a description, not in
// body text. Alone, a character says little about what a page is about
// (every guide says 群), yet the characters of page bodies were two
// fifths of the postings; so a query of one character finds the pages
// whose titles and headings hold it, and every query of two characters or
// more is answered by bigrams as before. Body unigrams still count in the
// field lengths that BM25 normalizes by.
//
// # Queries
//
// A query is read in three steps, the first without the index, the other
// two once the shards of its terms have loaded.
//
//  1. Units. The query is cut to its first params.MaxQuery (64)
//     characters and split into runs by the tokenizer's classifier. A
//     word is a unit. A CJK run is cut at stop words (particles and
//     question words: 的 了 吗 么 怎么 什么 如何 是不是 …), which are
//     dropped, and at synonyms (below), which become units of their own;
//     each remaining piece is a unit. The last unit of a query, if it is a
//     word of params.PrefixMin (3) characters or more, also matches the (at
//     most 8, most frequent) indexed words it is a prefix of, at
//     params.Prefix (0.7) times their score: "wec" finds "wecom". A shorter
//     word begins too many words to tell which is meant, and each would
//     load a shard of its own. A word of four letters or more that matches nothing,
//     not even as a prefix, is read as a typo: it asks for the indexed
//     words one edit away (a letter replaced, added, dropped, or two
//     neighbours swapped) among those listed under "^" + its first three
//     letters (params.TypoMin, params.TypoKeep), as synonyms: "andriod"
//     finds "android". Repeated units count once.
//  2. Words. A piece of a CJK run is cut into words without a dictionary,
//     from how many pages hold each of its bigrams (df): a bigram is a
//     junction between two words when no page holds it, when
//     params.Junction (4) times its df is below the df of a neighbouring
//     bigram, or when it holds a soft character, one that mostly stands
//     alone as a function word (要 有 想 能 和 在 …; see softChars).
//     「解散群要通知大家吗」 is thus 解散 · 通知 · 大家. Each word is a unit
//     needing its bigrams; the junctions some page holds add
//     params.Join (0.4) times their score to the pages holding them, so
//     words standing together as typed rank higher (a junction says little
//     about what a page is about, and a page may hold it anywhere, so it
//     weighs less than a word). The bigram across a synonym and the piece
//     next to it, with no stop word between, is a junction too:
//     「关闭群」 is (关闭 | 解散) · 群 with the junction 闭群, and
//     「被移出」 被 · (移出 | …) with 被移. A query made only of junctions
//     (「需要」) asks for them.
//     Recall does not depend on this: a page holding the query's
//     characters in a row holds every bigram.
//  3. Matching. A page matches a unit if it holds every term (bigram, or
//     the one character of a one-character piece, found in titles, headings
//     and descriptions only, or the word) of one of
//     its alternatives; a unit has one alternative, except a synonym unit,
//     which has one per member. It matches in part if, for three terms or
//     more, it holds at least two and at least params.Partial (half) of
//     them; a synonym member never matches in part. A term that occurs
//     nowhere is left out of an alternative (a long question's junctions),
//     except in a synonym member, which then matches nothing: 苹果手机
//     is not 手机 on a site that never says 苹果 (the set's other
//     members, iPhone, stand for it). A page holding no unit is not a result, so a string that
//     occurs nowhere finds nothing.
//
// Synonyms are sets a site declares (zhinan.yaml's search.synonyms, see
// [WithSynonyms]), folded like text and written into the manifest: a query
// word equal to a member, or a piece of a CJK run starting with one (the
// longest member, or stop word, at each position wins), asks for any
// member of its set. 「苹果手机怎么踢人」 with [苹果手机, iPhone] and [踢,
// 移出] is (苹果手机 | iphone) · (踢 | 移出) · 人. A member of several
// words ("移出 失败") needs all of them. The member typed scores in full,
// the others params.Synonym (0.8) times as much, and every member scores
// with the rarity of the whole set (idf of the pages matching any member)
// in place of its own: a set is one concept, and a rare synonym (关闭) must
// not outrank the common word typed (解散) in a page's title.
//
// # Ranking
//
// A page's score for a query is the sum over the units it matches of
// their terms' mean score (those of its best alternative, divided by the
// number of its terms to the power params.WordNorm, 1: 「聊天记录」 has three
// bigrams but is one word), plus the scores of
// the junctions it holds, times 1 + params.Together (0.3) when at least
// two units meet in one part of the page (under one heading), times the
// square of its coverage: the rarity of the units it matches over that of
// all units, a unit's rarity being idf of the number of pages matching it
// (a partly matched unit counts params.Partial of its rarity). So a page
// holding the rare words of a question beats one holding only its common
// ones, however often it says them. Results come by descending score, then
// by page number.
//
// The score of a term in a page is BM25F computed at build time:
//
//	tf  = Σ over fields f of  w_f · tf_f / (1 − b + b · len_f / avglen_f)
//	s   = idf · tf · (k1 + 1) / (tf + k1) + idf · Σ over fields holding the term of bonus_f
//	idf = ln(1 + (N − df + 0.5) / (df + 0.5))
//
// with field weights title 5, headings 2.5, description ([Doc].Description)
// 2.5, body 1, bonuses title 4, headings and description 1.5 (BM25
// saturates: a term said often in a short body would otherwise score about
// as much as one in the title), k1 = 1.2, b = 0.75, field lengths counted
// in tokens. It is stored as q = max(1, round(12 · ln(1 + s))) and read back
// as e^(q/12) − 1, so most scores take one character.
//
// Each posting also carries a part mask: bit i says part i (the text under
// heading i, heading included; the description is part 0) holds the term;
// parts from the 31st on share bit 30. A result links to the part, among
// those holding a match, that holds the most distinct matching terms, a
// term of its heading counting params.Heading (20) times (the top of the
// page is headed by the page's title), the first such part on a tie; or
// to the top of the page when only the title matched. So a question a
// heading asks (an FAQ entry: 「群管理员能解散群吗」) links to that
// heading, and a page-wide query to the top. Its excerpt is about params.Excerpt (80)
// characters of that part's text starting params.Before (20) characters
// before the first match, with "…" where cut, and the rune ranges of every
// matching token inside it as highlights. A part without text gives way to
// the next part with text (else the previous one, the heading, the title),
// so no excerpt is empty. Highlights come from token positions, never from
// searching HTML. Table cells and list items arrive separated (" | ", "；")
// from zhinan/generator/markdown, so excerpts read as the page does.
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
//	search/manifest.js  {"v":2,"base":"/","shards":N,"docs":D,"q":{params}}
//	search/s/HEX.js     shard: {"term": postings, "^prefix": "word word", ...}
//	search/d/ID.js      page ID: {"u":URL,"t":title,"s":section,"p":[[anchor,heading,text],...]}
//
// q holds every tunable of querying named params.X above (score scale,
// weights, limits, excerpt sizes, stop words, soft characters, synonyms),
// which Index.Search and the browser client both read from there rather
// than restate. base is the site's base path (see [WithBase]): the client strips it
// from a result URL and resolves the rest against the data-root of its
// script tag (adding "index.html" to URLs ending in "/" under file://). N is a power of
// two chosen so shards hold about 8 kB of postings (at most 8192 shards); a
// key lives in shard FNV-1a-32(UTF-8 key) mod N, in lower-case hex without
// leading zeros. Keys are terms, and "^" + a prefix (params.PrefixMin to 12 characters) of
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
// Build's cost grows with the postings (one per distinct term of a page:
// about 7 million at 10,000 pages). It tokenizes pages in batches on all
// cores, gives every term an integer id in one of 16 partitions, keeps a
// posting in 12 bytes in chunks it never copies, sorts each partition's
// postings by term with a counting sort, and encodes each list straight
// into a shared buffer; BenchmarkSearchBuild10k reports its time, CPU,
// allocations and peak heap. TestPostingsMatchReference checks every list
// against the plain computation.
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
// Result URLs are made ROOT-relative (the base path stripped, ROOT put in
// front), so results lead to the pages wherever the site is served from,
// a folder that is not its base_url included; under file:// a folder URL
// also gets "index.html". window.__zhinanSearch.query(q, n)
// resolves to the same results as [Index.Search]: tests run the client in
// headless Chromium on the files Build writes and compare tokens, hashes
// and results (they skip without Chromium, and fail under CI=true).
package search
