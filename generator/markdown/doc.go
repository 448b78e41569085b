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
//   - Heading attributes: ## 安装 {#install} sets the ID; {.class} a class.
//   - GitHub-style alerts: a blockquote whose first line is [!NOTE], [!TIP],
//     [!IMPORTANT], [!WARNING] or [!CAUTION] (any case, alone on the line)
//     becomes <div class="callout callout-KIND" role="note"> with the title
//     说明, 提示, 重要, 注意 or 警告 in <p class="callout-title">. Other
//     [!FOO] markers stay blockquotes. (alerts.go)
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
