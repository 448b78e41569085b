// Package markdown turns one Markdown page into HTML plus what the rest of
// the site needs to know about it: title, headings with their IDs, internal
// links with their positions, plain text for search, and diagnostics. It is
// the goldmark set-up of zhinan; each feature below is a small goldmark
// Extender in its own file.
//
// # Markdown supported
//
// CommonMark, plus:
//
//   - GFM: tables, task lists (- [x] done), ~~strikethrough~~, and autolinks
//     (<https://…>, bare https://… and www.… URLs).
//   - Footnotes: text[^1] with [^1]: note.
//   - Definition lists: a term line, then ": definition".
//   - Soft line breaks (softbreak.go): a line ending inside a paragraph
//     disappears between two East Asian wide characters, full-width
//     punctuation included (解散之前，⏎请先备份。 reads 解散之前，请先备份。),
//     and stays a space everywhere else, also before a link or emphasis
//     (See the guide,⏎[and this one](…) keeps its space). This is CSS Text
//     3's segment break rule, looking through inline elements to the
//     characters on both sides; search text follows the same rule. "\ "
//     (an escaped space) writes nothing, to end emphasis in Chinese text.
//   - Emphasis next to Chinese punctuation (emphasis.go): * and _ follow the
//     CJK-friendly amendment to CommonMark's flanking rules, the one
//     VitePress, Rspress and Docusaurus sites are written for (their
//     markdown-it and remark plugins "cjk-friendly"), so 这一步**很重要。**然后,
//     请看**「设置」**页 and *注意：*下文 are emphasis. CommonMark lets a run
//     of * close after punctuation only before a space or punctuation; the
//     amendment counts full-width punctuation as CJK characters, and a run
//     between a CJK character and punctuation as flanking. A CJK character
//     is one of East Asian width W, F or H that is not an emoji shown as one
//     (😀 is not, 〽 and 🈂 are), or Hangul; a variation selector after a
//     character (大塚︀, 禰󠄀) is looked through, and ‘’“” with U+FE01 are
//     full-width punctuation. Widths are those of golang.org/x/text
//     (Unicode 15 under Go 1.26). Text without CJK characters parses exactly as in
//     CommonMark. ~~strikethrough~~ keeps GFM's rule.
//   - Heading attributes: ## 安装 {#install} sets the ID; {.class} a class.
//   - Callouts: GitHub alerts, ::: containers and !!!/??? admonitions, one
//     model (see Callouts below).
//
// # Callouts (callout.go, alerts.go, containers.go, admonitions.go)
//
// Three dialects write the same thing, a boxed note with a title; all three
// parse into one callout node and render alike:
//
//	<div class="callout callout-KIND" role="note">
//	<p class="callout-title">TITLE</p>
//	…the body, any Markdown…
//	</div>
//
// A folded callout is <details class="callout callout-KIND"> (with open when
// it starts open) and its title a <summary class="callout-title">, so it
// opens by click, Enter or Space without script.
//
// GitHub alerts (alerts.go): a blockquote whose first line is exactly
// [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION] (any case). Other
// [!FOO] markers, and a marker with text after it on its line, stay
// blockquotes, as on GitHub.
//
// Containers of VitePress, VuePress and Docusaurus (containers.go):
//
//	::: tip 标题        :::tip          :::tip[标题]        ::: details 标题 {open}
//	正文                正文            正文                正文
//	:::                 :::             :::                 :::
//
// Three or more colons, then the kind: any word (letters, digits, '-', '_'),
// with or without a space. The rest of the line is the title; Docusaurus's
// [标题] counts only written right after the kind (::: tip [x] has the title
// "[x]", as in VitePress). "details" is folded; {open} at the end of its line
// opens it. The container ends at a line of at least as many colons and
// nothing else. A line of colons with no kind never opens one, so a stray
// closing line is text. Nesting follows markdown-it-container, which VitePress
// and VuePress use: the first closing line closes every open container whose
// fence it is long enough for, so an inner container needs a shorter fence
// (:::: outside, ::: inside); with equal fences the first ::: closes the
// outer one and the inner one runs to it. A container left open runs to the
// end of the block that holds it (list item, blockquote, page). A container
// may start right under a line of text. "::: code-group" is not a callout (it
// is tabs).
//
// Admonitions of Python-Markdown and MkDocs Material (admonitions.go):
//
//	!!! note "标题"
//	    正文，缩进四格（或一个制表符）
//
// ??? makes it folded, ???+ folded and open. The first word is the type;
// further words are Material's extra classes (!!! note inline end) and are
// dropped. A title in double quotes replaces the default; "" means no title
// bar (a folded one keeps its default title: a summary is what one clicks).
// The body is every following line indented four columns past the !!! line,
// and blank lines; it ends at the first line that is not. So an admonition
// in a list item is indented like the item's text, its body four more.
// Bodies are full Markdown, nested admonitions and containers included. One
// difference from Python-Markdown: an unindented line right after the body's
// last paragraph continues that paragraph (CommonMark's lazy continuation,
// as in list items and blockquotes); Python-Markdown starts a new paragraph.
// Leave a blank line.
//
// Kinds and titles: note, tip, important, warning, caution (GitHub's), info,
// danger, details (VitePress's), and abstract, success, question, failure,
// bug, example, quote (Material's) have a title in the site's words
// (callout_KIND in i18n/*.yaml) and a colour in the theme. Material's other
// names take their kind's: summary and tldr are abstract, todo info, hint
// tip, check and done success, help and faq question, fail and missing
// failure, error danger, attention warning, cite quote. Any other type keeps
// its name as class (callout-foo), gets the theme's neutral colour, and, with
// no title written, its name with a capital as title ("Foo"), as MkDocs does.
// Where dialects disagree, the name keeps one meaning: caution is GitHub's
// red caution (Material and Docusaurus draw it as a warning), because alerts
// came first and a page should not change colour with its dialect.
//
// Titles written by the author are inline Markdown (`code`, **bold**, links),
// as VitePress renders them; Python-Markdown does the same. Their links are
// resolved and checked, and their text is indexed for search like the body's;
// default titles are the theme's words and are not indexed. Headings in a
// body get IDs and are in the table of contents like any other.

// # Tabs (tabs.go, codegroup.go)
//
// Two syntaxes make one kind of tab set. MkDocs Material's content tabs
// (pymdownx.tabbed):
//
//	=== "iOS"
//
//	    打开「设置」。
//
//	=== "Android"
//
//	    ...
//
// A line "===", then at most one "!" and one "+", a space and the label in
// double quotes, starts a tab; its body is the lines indented four columns
// more than the "===" (a tab counts to the next multiple of four), and it is
// any Markdown: paragraphs, lists, code, tables, callouts, other tabs. Blank
// lines stay in the tab while indented lines follow. Consecutive tabs (blank
// lines between allowed) form one set; "===!" starts a new set; "===+" is the
// tab shown first (else the first tab). A "===" line without a quoted label
// is text (or a setext underline), as in MkDocs. Tabs work in list items,
// indented under the item's text. VitePress's code group:
//
//	::: code-group
//	```js [config.js]
//	...
//	```
//	```ts [config.ts]
//	...
//	```
//	:::
//
// makes a tab per fenced block, labelled by what its info string holds
// between the first '[' and the last ']', else by its language ("sh"; "js"
// for js{1,3}); a block with neither is labelled by its number. A ":::"
// line inside a fenced block is code; the group ends at a line of at least
// as many colons as opened it (or with the page). Other blocks in a group go
// into the panel of the block before them. The fenced blocks get the
// attribute notitle, so the code renderer does not show the label again
// as a title. "::: code-group" is always a code group, never a ":::"
// callout: its parser comes first.
//
// Both render as
//
//	<div class="tabs">
//	<div class="tab-list" role="tablist"><button type="button" role="tab" id="tab-ios-tab" aria-controls="tab-ios" aria-selected="true" tabindex="0">iOS</button>…</div>
//	<div class="tab-panel selected" id="tab-ios" role="tabpanel" aria-labelledby="tab-ios-tab">
//	<p class="tab-label">iOS</p>
//	…
//	</div>
//	…
//	</div>
//
// Every panel is in the HTML: search indexes each (label, then body), and
// without the theme's script readers see the panels one after another under
// their labels. Panel IDs are "tab-" and the label's slug (as for headings),
// unique in the page together with the heading IDs, which are given first.
//
// Where the dialects differ: a label is plain text here (backslash escapes
// and entities decoded), where MkDocs reads it as inline Markdown, because it
// is also the name of a button and the key that links tabs (below), which
// must be the same text wherever it is written. Tabs of both syntaxes are
// linked by label, as MkDocs Material's content.tabs.link does and VitePress
// does not: the guides need a reader's platform chosen once for every page,
// and code groups labelled by file name rarely share a label with anything
// else, so linking them costs nothing.
//
// # Math (math.go, package texmath)
//
// TeX math is rendered to MathML at build time, so a page needs no script
// and no web font from a CDN, and works from file://. Four delimiters, as
// MkDocs (arithmatex), VitePress and mdBook accept them:
//
//   - $…$ and \(…\) inline;
//   - $$…$$ display, either as a block (a line that starts with $$, up to
//     the line that ends with $$, or all on one line) or inside a paragraph
//     (a $$x$$ b);
//   - \[…\] display, as a block only: a line that starts with \[, up to the
//     line that ends with \]. Inside a paragraph \[ is CommonMark's escaped
//     bracket ([Luogu \[COCI 2018\]](…)), far more common there than math.
//
// Dollars follow pandoc's rule: the opening $ is not followed by a space,
// the closing $ is not preceded by a space nor followed by a digit, and an
// inline formula holds no other bare $, so "$5 和 $10" and "$20,000 and
// $30,000" stay text. \$ is a dollar sign. A block must be closed before
// the next blank line, or its lines are an ordinary paragraph. Math is
// never looked for inside code spans, code blocks or raw HTML. Inline math
// may run over a soft line break. CommonMark reads \( as an escaped
// parenthesis; here it is one only when no \) closes it (\\( is still a
// backslash and a parenthesis).
//
// Inline math is <math>; display math is <math display="block"> in
// <div class="math-display" tabindex="0"> (a <span> of that class inside a
// paragraph), which the theme lets scroll sideways when the formula is
// wider than the column. The TeX is kept in the MathML's annotation, and
// is the formula's text in Doc.Parts, so search finds it.
//
// What package texmath does not cover (\newcommand, an unknown command or
// environment, unbalanced braces) leaves the formula as TeX, delimiters
// included, in <code class="math-error">, and the page gets a warning at the
// position of the offending command:
//
//	content/x.md:12:9: warning: math not rendered: unsupported command "\foo"
//
// # Headings (ids.go)
//
// Every heading gets an ID in GitHub's style, keeping Chinese: the plain text
// of the heading, lower-cased, with letters (Han included), digits, '-' and
// '_' kept, each space turned into '-', and all punctuation, ASCII or
// full-width (，。：？！（）、《》“”), dropped: "## 1. 备份 聊天记录（电脑端）"
// has the ID "1-备份-聊天记录电脑端". A heading with nothing left gets
// "section". Repeats get -1, -2, … in document order. IDs given with {#id} are
// reserved first, so an automatic ID never takes one; the same {#id} twice is
// a diagnostic and the second gets a suffix. IDs are unique in a page.
//
// Headings h2-h6 end with an anchor link for readers:
// <a class="anchor" href="#ID" aria-label="链接到本节：TEXT">#</a>.
//
// When the page's first block is a level-1 heading, it is the page title: it
// is left out of Doc.HTML (the template shows it), its text is Doc.Title and
// it is still the first of Doc.Headings. Doc.Title is otherwise the first h1
// anywhere, or "".
//
// # Links and images (links.go)
//
// A destination with a URL scheme (https:, mailto:, tel:, …) or starting with
// "//" is external: it is left alone, and links get rel="noopener". Every
// other non-empty destination, in inline and reference-style links and in
// images, goes to the Resolver: on success the link points at Ref.Href and is
// recorded in Doc.Links; on failure it keeps its destination and the page gets
// a diagnostic, e.g.
//
//	content/x.md:12:5: broken link "y.md": no page "y.md"
//
// Text in code spans and code blocks is never a link. Internal images get
// loading="lazy". Empty destinations, [a](), are left alone.
//
// Positions are those of the link's '[' (the image's '!'): 1-based lines, and
// 1-based columns counted in characters (runes), as rustc does, so an editor
// lands on the link in Chinese text too (a Chinese character is one column,
// though it is 3 bytes). They are right because the caller blanks front
// matter without removing lines.
//
// # Code (highlight.go)
//
// A fenced block whose language chroma knows is highlighted with classes:
// <div class="code"><pre class="chroma"><code class="language-go">…. Other
// code blocks (no language, an unknown one, or text) are escaped as they
// are, in <div class="code"><pre><code>. [StyleCSS] is the matching
// stylesheet, light and dark.
//
// The info string after the language may ask for more (codeinfo.go), in
// the words of VitePress (also VuePress and Docusaurus) or MkDocs:
//
//	```js{2,4-5}                  lines 2, 4 and 5 highlighted
//	```js [config.js]             a title; also js [a.js]{1} and js{1} [a.js]
//	```ts:line-numbers=5 {2}      line numbers from 5 (:line-numbers from 1)
//	```py title="a.py" hl_lines="2 3" linenums="1"
//	```{ .py title="a.py" }       MkDocs's attribute form: the first .class is the language
//	```jsx title="a.jsx" {1} showLineNumbers
//
// The language is the word before the first space, "{", "[" or ":" (js of
// js{2}); it is what chooses the lexer and the language-js class. Anything
// else in the info string is ignored. A title is written above the code,
// <div class="code"><div class="code-title">a.py</div><pre …>, except on a
// block whose node has the attribute "notitle" (set by whatever shows the
// title elsewhere, as a tab label). Highlighted lines count from the
// block's first line (1), whatever number it shows; they and line numbers
// make chroma write a <span class="line"> per line, "line hl" when
// highlighted, with <span class="ln">N</span> in front when numbered; a
// language chroma does not know is written so too, as plain text. Line
// numbers cannot be selected and the theme's copy button leaves them out,
// so copied code has no numbers. Options written together add up:
// highlighted lines are all the ranges given; of two titles, or two
// starting numbers, the last written wins. VitePress's // [!code highlight]
// comments are not read: they stay code.
//
// # Diagrams (mermaid.go)
//
// A fenced block whose language is mermaid (any case) is a diagram:
// <pre class="mermaid">SOURCE</pre>, the source escaped, which Mermaid's
// script draws where the page loads it and which shows as code where it
// does not. Doc.HasDiagram says the page has one; it is found in the
// Markdown, so a page that only shows "mermaid" in its text has none. The
// source is in the search text, like code.
//
// # Raw HTML (rawhtml.go, sanitize.go)
//
// HTML written in a page is sanitised by an allowlist, as GitHub does (with
// github.com/microcosm-cc/bluemonday): text formatting (b, i, strong, em,
// code, kbd, sub, sup, mark, del, s, small, …), p, div, span, center, br, hr,
// headings, lists, tables (with colspan, rowspan, align, valign, width),
// images, links, details/summary (open), figure, picture, ruby, blockquote.
// Elements outside it lose their tags and keep their text; script and style
// lose their text too; comments are dropped. Attributes are limited to those
// listed in sanitize.go: no event handler, no id or class (they would clash
// with the theme), and style keeps only text-align, and width, height and
// max-width on images. URLs must be relative or http(s), mailto or tel; an
// image may also be a base64 data: image. So
//
//	<p align="center"><img src="logo.png" width="200" style="position:fixed" onerror="x()"></p>
//
// becomes <p align="center"><img src="/logo.png" width="200" loading="lazy"></p>.
//
// HTML is handled node by node as goldmark parses it: an HTML block, or one
// inline tag (<sup>, the text, and </sup> are three nodes). Tags are balanced
// within the Markdown element that holds them: an element left open is closed
// where that paragraph, emphasis, list item or page ends, and an end tag that
// closes nothing opened there is dropped, so raw HTML never closes the
// page's own elements. <details> in one HTML block and </details> in a later
// one enclose the Markdown between them, as on GitHub.
//
// The href of <a> and the src of <img> are links like Markdown ones: resolved
// through the Resolver, recorded in Doc.Links and checked, at the position of
// the tag's '<'; external links get rel="noopener", internal images
// loading="lazy". An <a name="x"> or <a id="x"> is a place links may point
// at (#x), listed in Doc.Anchors; the id is written as a name, which a
// browser scrolls to just the same but which cannot clash with the theme's
// IDs. Search text holds the text of the HTML, not its tags.
//
// With Options.UnsafeHTML (unsafe_html: true) HTML is kept whole, comments
// and scripts included; only its link and image URLs are resolved. Dangerous
// Markdown link URLs (javascript: and the like) are always dropped.
//
// # Tables (tables.go)
//
// Each table is wrapped in <div class="table-wrap"> so it can scroll sideways
// on a narrow screen.
//
// # Plain text (text.go)
//
// Doc.Parts is the page's text for search, split at headings: no markup,
// code included, one space between blocks, white space collapsed, and soft
// line breaks kept or removed by the same rule as in the HTML. The first part
// holds the text before the first heading (after a title h1).
//
// # Concurrency
//
// A Renderer is safe for concurrent use: all per-page state lives in the
// goldmark parser context of one Render call.
package markdown
