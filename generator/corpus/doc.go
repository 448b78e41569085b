// Package corpus generates synthetic zhinan sites for benchmarks and tests.
//
// Files(n, seed) returns a site of n pages as a map from slash paths,
// relative to the site root, to file contents; Write puts the same files in a
// folder. The same n and seed always give the same bytes. ShapeFiles and
// WriteShape do the same for other shapes of site.
//
// # Shapes
//
//	small   sections of 50 to 100 pages (Files and Write make this one)
//	huge    five sections of n/5 pages each: a knowledge base
//	flat    one section holding all n pages: an archive
//	dense   huge, and every page also links to its section's index page and to the
//	        site's first page: a few pages linked from thousands
//	deep    sections of 50 to 100 pages four folders deep (s000/s000/s000/s000/),
//	        four folders to a folder at each level: a book of parts and chapters
//
// The home page links the top-level folders; every folder has an _index.md.
// The small shape:
//
//	content/_index.md              the home page, linking every section
//	content/s000/_index.md         a section: title, description, weight, a paragraph
//	content/s000/p00000.md         a page; pages are numbered across the whole site
//	content/s000/p00001.md
//	...
//	content/s001/_index.md         sections hold 50 to 100 pages each (the last may hold fewer)
//	content/s001/p00073.md
//
// n counts the pages only: the home page and the section pages come on top.
//
// # A page
//
// YAML front matter: title (Chinese), description (one sentence), weight,
// tags (one to three from a vocabulary of twelve), platforms ([微信] or
// [企业微信]) and last_checked (2026-01-02). Then about 1.5 to 3 kB of Chinese
// prose made of random sentences over a vocabulary of a few hundred common
// words, with full-width punctuation, soft line breaks inside paragraphs and
// the odd **bold** word or `code` span; three to five "##" headings, some with
// "###" headings below them; a GFM table; a fenced code block (go or bash); a
// "> [!NOTE]" callout; a numbered list; and two to four relative links to
// other pages ("../s003/p00123.md"), about half of them with a "#fragment"
// naming a heading that the target page really has.
//
// Headings are Chinese words and digits separated by spaces, with no
// punctuation and no Latin letters, and distinct within a page, so a
// heading's ID is its text with spaces turned into "-" ("第 2 步 备份 聊天记录"
// has ID "第-2-步-备份-聊天记录").
//
// The site builds with no diagnostics; the package test checks it.
package corpus
