// Package generator builds a static website from a folder of Markdown guides.
// This is the manual: what a site folder holds, what the Markdown may say, and
// what templates can use. The command zhinan (package main) drives it.
//
// # The site folder
//
//	zhinan.yaml        settings: title, description, language, base_url, repo_url, unsafe_html,
//	                   links, stale_after, content, output, exclude, nav, hash_routes, mermaid,
//	                   languages (package config; see Languages below)
//	content/           the pages: every *.md is a page; other files are copied beside them.
//	                   Another folder with content: docs, the site folder itself with content: .
//	SUMMARY.md         optional, here or beside the pages: a book's table of contents (package summary);
//	                   nav: names another: a mkdocs.yml (package mkdocs) or docsify's _sidebar.md
//	templates/         optional: overrides the default theme file by file (package tmpl)
//	i18n/<lang>.yaml   optional: this site's words for readers, over the theme's templates/i18n/<lang>.yaml
//
// content/_index.md is the home page; dir/_index.md (or dir/index.md, or
// dir/README.md when it has neither, as GitHub shows it) describes the section
// dir. Any folder without one still becomes a section, titled by its name.
// URLs are clean folders: content/platforms/ios.md is published as
// /platforms/ios/ (index.html inside), under the path of base_url. Dot-files,
// node_modules, SUMMARY.md and what exclude: matches are never pages, nor is
// the output folder (public/, the output setting, or -out), wherever it is.
//
// A page and a folder of its name (graph/flow.md and graph/flow/, which
// holds its images, or pages of its own and no index page) share the URL
// /graph/flow/, as MkDocs serves them: the folder's pages come under the
// page in the sidebar, and a link to the folder leads to the page. A file
// of the pages folder that would overwrite a page (an app shell index.html
// beside README.md) is not copied, with a warning: the page has the place.
//
// # Reading order
//
// Among siblings: weight first (pages with one before pages without); then,
// when the site has a SUMMARY.md, its order. SUMMARY.md also nests pages (a
// chapter with chapters under it opens in the sidebar like a section),
// names them in the sidebar and on prev/next links (.NavTitle), and its part
// headings label the sidebar (.Part); its links are checked like any
// others, with their line and column in SUMMARY.md. Pages it does not list
// stay in their folder's section, after the listed ones. Last, file names in
// natural order: 2.md before 10.md, 11.9.md before 11.10.md. Never titles.
//
// Other tools' navigation is the same mechanism: nav: mkdocs.yml reads the
// nav: key of MkDocs (titled pages, sections, a section's index.md as its
// page; external links skipped), nav: docs/_sidebar.md reads docsify's
// sidebar, a Markdown list like SUMMARY.md; either is checked with its line
// and column. A Docusaurus _category_.json (or .yml) gives its folder's
// section the sidebar title label and the weight position. zhinan init
// writes nav: when it finds one of these (see the command's help).
//
// With hash_routes: true (docsify), a link written as a route, "#/guide/intro"
// or "#guide/intro?id=heading", leads to the page guide/intro.md (or the
// folder guide/intro/) and its heading, and a path without ".md"
// ("/guide/intro") to the page; a fragment with no "/" stays a heading.
//
// The home page of a VuePress or VitePress site (home: true or layout: home)
// is drawn by its theme from the front matter alone; here it becomes a plain
// page: the hero's name (heroText, hero.name) is its title, the tagline its
// description, the features a list at the top; the images and buttons are
// dropped.
//
// # Front matter
//
// Optional YAML between a first line "---" and the next "---":
//
//	title          string   the page title; else the first "# heading"; else the file name
//	description    string   one sentence: meta description, search excerpt, section lists
//	weight         integer  order among siblings, small first; pages without one come after (see Reading order)
//	tags           list     each tag gets a page at /tags/<tag>/
//	platforms      list     each platform gets a page at /platform/<name>/; shown as badges
//	draft          bool     left out unless built with -drafts
//	aliases        list     old URLs ("/old/path/") that redirect here
//	date, lastmod  date     2026-01-31 (or RFC 3339); the newest of date, lastmod and last_checked dates the page
//	last_checked   date, or {date: 2026-01-31, method: app, versions: "微信 iOS 8.0.50"}: when the
//	               guide was last checked and how: method sources (against documents and
//	               reports only) or app (the steps followed in the apps; versions required)
//	sources        list of {title, url}: the references the page cites, only what supports it
//	entrances      list of {title, url}: official entry points (a help centre, a law database)
//	               for the reader's own search that support nothing on the page; the theme
//	               shows them apart from sources, under their own label
//	layout         string   use templates/<layout>.html instead of the default for the page kind; a
//	                        name with no template is an error, but for a VuePress or VitePress layout
//	                        (a Vue component, capitalised, or doc): a warning, and the default
//	params         mapping  free data for a site's own templates (.Page.Meta.Params)
//	translation_key string  in a multilingual site, pairs a page with its translations when
//	               their paths differ (see Languages)
//
// A value of the wrong type or invalid YAML is an error with the line and
// column where it is. So is a key one edit (a letter added, dropped, changed
// or two swapped, case ignored) from one of ours or of the mapped keys below:
// "titel", "wieght", "draf" are errors that say "did you mean". Any other
// key goes into .Page.Meta.Params (Hugo's rule), and the build gives one
// warning per key name for the whole site, with the first few places:
//
//	content/a.md:3:1: warning: unknown front matter key "x" on 312 pages (kept in .Params): content/a.md:3:1, ...
//
// # Front matter of other tools
//
// Pages written for MkDocs Material, VuePress and VitePress (and their
// themes), Docusaurus or Just the Docs build as they are. Their keys that
// mean one of ours are mapped; the value must then have our key's type, or
// it is an error at the value:
//
//	sidebar_position, order, nav_order   weight (Docusaurus, VuePress Hope, Just the Docs);
//	                                     a fraction (2.5) counts as its whole part
//	sidebar_label, nav_title, shortTitle the page's words in the sidebar and on prev/next (.NavTitle)
//	slug           the page's URL: "intro" replaces its last segment (platforms/ios.md ->
//	               /platforms/intro/), "/guide/intro" is the whole path, "/" makes it the home
//	               page. Two pages with one URL are an error naming both
//	tag, category, categories            more tags
//	hide           MkDocs Material's list: navigation (.Meta.HideNav: the page is shown
//	               without the sidebar), toc (.Meta.HideTOC: without its table of
//	               contents); footer, path, tags and feedback are accepted and do nothing
//	hide_table_of_contents               true: .Meta.HideTOC (Docusaurus)
//	search         {exclude: true}: the page is left out of the search index
//	               (.Meta.NoSearch); boost is accepted and does nothing
//
// A mapped key is never a typo: VuePress's tag: is one edit from tags and
// means the same. Keys of those themes that the default theme has no use for
// (comments, icon, status, subtitle, template; home, heroImage, heroText,
// tagline, actions, features, star, sticky, article, author, cover, head,
// sidebar, navbar, toc, prev, next, lang, permalink, ...; Docusaurus's id,
// hide_title, keywords, image, pagination_*; Just the Docs' parent,
// has_children, nav_exclude; the full list is content.themeKeys) go into
// .Params without a warning: the author has nothing to fix, and a site's
// own templates may read them. Every other key is warned about, once per
// name, as above.
//
// # Links
//
// Write links to the source file, relative to the page, so the Markdown reads
// well on any Git host: [备份](../data/backup.md#电脑端备份). A link may name a
// page (x.md), a section folder (../platforms/ or ../platforms/_index.md), any
// other file under content/ (img/a.png), a heading of the same page (#步骤),
// and may be percent-encoded. Every such link is rewritten to the target's URL,
// relative to the page ("../../data/backup/#电脑端备份", see below), and
// checked: a missing page, heading or file is a diagnostic
//
//	content/x.md:12:5: broken link "y.md#z": no heading "z" in content/y.md
//
// with the line and column (in characters) of the link. Headings are checked
// against the IDs the target really has, after rendering, and the <a name>
// anchors of its raw HTML. Links with a scheme (https:, mailto:) or starting
// with // are external: left alone, with rel="noopener". Links in code are
// not links. Broken links are errors or warnings as the links setting says
// (see Problems). Raw HTML is sanitised as GitHub does (package markdown); its
// <a href> and <img src> are links like any other.
//
// Heading IDs keep Chinese, GitHub style: "## 1. 备份 聊天记录（电脑端）" gets
// id "1-备份-聊天记录电脑端"; duplicates get -1, -2; "## 标题 {#custom}" sets one.
// The Markdown dialect is described in package markdown.
//
// # Markdown
//
// Pages are CommonMark with GitHub's extensions, plus the dialects docs
// sites are written in, so a page copied from another tool keeps its look.
// Package markdown's doc has every rule and says, where dialects disagree,
// which wins and why. In short:
//
//   - Callouts: GitHub alerts (> [!WARNING]), ::: containers (VitePress,
//     VuePress, Docusaurus: ::: tip 标题, :::tip[标题], ::: details) and
//     MkDocs Material admonitions (!!! note "标题", ??? folded, ???+ open) are
//     one callout, any type name allowed. Caution is GitHub's red.
//   - Tabs: === "iOS" (MkDocs Material) and ::: code-group (VitePress) are one
//     tab set, every panel in the page; tabs are linked by label across the
//     site and the reader's choice is remembered. Labels are plain text.
//   - Emphasis next to Chinese punctuation (这一步**很重要。**然后) follows the
//     CJK-friendly amendment to CommonMark, as markdown-it and remark do.
//   - Code titles, highlighted lines and line numbers in both dialects
//     (```js [a.js]{1,3-4}, ```py title="a.py" hl_lines="1 3" linenums="5").
//   - Math ($…$, \(…\), $$…$$, \[…\]) becomes MathML at build time (package
//     texmath); a dollar is math only by pandoc's rule, so prices stay text; a
//     formula zhinan cannot convert stays visible as TeX, with a warning.
//   - ```mermaid blocks are diagrams. zhinan ships no Mermaid: a site's copy
//     (the mermaid: setting, else node_modules/mermaid/dist/mermaid.min.js, as
//     "npm install mermaid" puts it) is copied to assets/mermaid.min.js and
//     loaded only by pages with a diagram, from the site itself (no CDN;
//     file:// works). Without one, a diagram shows its source as code, and
//     build and check print one warning for the site.
//
// # Languages
//
// A site in several languages lists them in zhinan.yaml; the first is the
// default, published at the site's root, each other one under /<code>/:
//
//	languages:
//	  - {code: zh-CN, name: 简体中文}                      # the default: the content setting's folder
//	  - {code: en, name: English, content: content.en}   # a folder per language ...
//	  - {code: ja, name: 日本語, suffix: ja}               # ... or a suffix per file: page.ja.md beside page.md
//
// Each language has code (a BCP 47 tag: <html lang>, hreflang, the URL
// folder and the theme's words, templates/i18n/<code>.yaml; the default theme
// has zh-CN, zh-TW, ja and en), name (what the switcher shows; default the
// code), optionally title (the site's title in that language) and nav (its
// navigation file, as the nav setting: a language with a folder of its own
// does not take the site's nav, whose paths are the default's; a SUMMARY.md
// beside its pages still orders them), and either
// content, the folder of its pages (MkDocs' docs/ + en/docs/ and Hugo's
// content/ + content.en/ alike; a language's folder inside another's is left
// out of it), or suffix, for pages beside the default's: content/a.en.md is
// the English a.md, and the default language leaves every suffixed file out.
// Images and other files are shared in the suffix layout; in the folder
// layout each language has its own. Without languages: a site is built as
// it always was, byte for byte.
//
// Each language is a site of its own, built with the same theme and
// pipeline: its pages, reading order, sidebar, prev/next, tags, 404 page,
// feed (<code>/index.xml) and search index (<code>/search/: a query
// searches the reader's language only; zhinan search -lang en QUERY) are its
// own, and its diagnostics name its files. Then they are joined:
//
//   - Translations pair by path in the folder of pages (content/guide/a.md
//     and content.en/guide/a.md), or by a translation_key front matter key
//     when the paths differ; generated pages (tags, list pages) by URL.
//   - Every page has <html lang>, a <link rel="alternate" hreflang> for each
//     language it exists in and one with hreflang x-default (the default
//     language's page), and a language switcher in the header that leads
//     to the same page in each language, or, when it has no translation
//     there, to that language's home page, marked (class "untranslated" and
//     the words language_missing).
//   - sitemap.xml and robots.txt are at the root, once: the sitemap lists
//     every language's pages, each with its alternates as xhtml:link.
//   - A link to a page the language does not have, but the default
//     language has, leads to the default language's page (class
//     "untranslated-link", title from the words untranslated_link): it is
//     not broken. Links otherwise resolve within the language.
//
// The default language's pages that another language lacks are one
// warning, a count and the list (the first 100), not one diagnostic each:
//
//	zhinan.yaml: warning: 2 pages have no translation (readers are sent to that language's home page): en: content/a.md, en: content/b.md
//
// serve and watch rebuild every language, each reusing its own caches and
// reading only its own changed files, with the same per-page fault
// isolation; the served site is the site a clean build gives.
//
// # Template data
//
// Every layout runs with a PageData as its dot:
//
//	.Site          *site.Site: the whole site
//	.Page          *site.Page: the page being written
//	.Root          relative path from this file to the site root ("../../"), for assets
//	               and search files, so pages also work from file://; on 404.html the base path
//	.Redirect      on alias pages, the old URL being redirected
//
// .Site has:
//
//	.Config        .Title .Description .Language .BaseURL .RepoURL .UnsafeHTML
//	.BasePath      "/" or "/guide/"
//	.Home          the home page, root of the section tree
//	.Pages         every content page and section in reading order
//	.Taxonomies    the tag index and the platform index pages
//	.Terms         every tag and platform page
//	.Listings      the second and later pages of long lists (see .Pager)
//	.Recent        dated pages, newest first
//	.Words         the reader-facing words of the site's language (see t below)
//	.Mermaid       "assets/mermaid.min.js" when the site has its own Mermaid and a page
//	               has a diagram, else "": a page with .HasDiagram loads .Root + .Mermaid
//	.NavHTML PAGE HOME MORE
//	               the sidebar list for PAGE: the home page (labelled HOME), the top-level
//	               pages, and the pages of each section on PAGE's path; a list longer than
//	               site.NavLimit (11) shows 11 around the path and links labelled MORE to the
//	               list pages for the rest. Made in Go because every page carries it
//
// .Page has:
//
//	.Kind          "home", "section", "page", "taxonomy", "term" (and "404")
//	.Title .Description .Weight
//	.NavTitle      the name in the sidebar and on prev/next: SUMMARY.md's link text, else
//	               front matter sidebar_label (or nav_title, shortTitle), else .Title
//	.Part          the SUMMARY.md part heading above this top-level page, if any
//	.URL           site-absolute, with the base path: "/guide/platforms/ios/"
//	.Link PAGE     the URL of PAGE relative to this page ("../android/"): what links in
//	               pages use; on the 404 page, PAGE's .URL
//	.Permalink     with scheme and host when base_url has them
//	.Rel           output folder relative to the site root: "platforms/ios/"
//	.Source .File  "platforms/ios.md", "content/platforms/ios.md" ("" for generated pages)
//	.Content       the rendered Markdown (HTML); a one-shot build lets it go once the page
//	               is written, unless a template reads it elsewhere (tmpl.Set.OwnContentOnly)
//	.TitleID       ID of the leading "# title" heading (for <h1 id>)
//	.HasCode       the page has highlighted code (link assets/chroma.css only then)
//	.HasTabs       the page has tabs (the default theme restores the reader's tab before paint only then)
//	.HasDiagram    the page has a Mermaid diagram (load .Site.Mermaid only then)
//	.TOC           h2 and h3 headings: .Level .ID .Text
//	.TOCHTML       the <li> items of the default theme's table of contents (h2 only past
//	               site.TOCLimit, 16 headings), made in Go: templates run per page, and a
//	               loop over the headings was a sixth of the theme's cost
//	.Meta          the front matter: .Tags .Platforms .LastChecked (.Date .Method .Versions)
//	               .Sources .Entrances (.Title .URL) .Date .Lastmod .Params .HideNav .HideTOC .NoSearch ...
//	.Parent        the section above; .Ancestors from home down (breadcrumbs)
//	.Children      sections, term pages, chapters with nested chapters: their pages, in order
//	.List          what this page lists: .Children, or on a long list this page's part of it
//	.Pager         set when .Children are more than site.ListSize (40; 200 for the tag and
//	               platform indexes): .Number (1 for the page itself), .Items, .Pages (every
//	               list page), .Prev, .Next, and .Links, the entries of a bounded pager
//	               (.Number .Page .Current; .Page is nil for a gap). The second and later
//	               pages are at .Rel + "page/2/" ..., with the kind, title and layout of the
//	               first, no content, and .ListOf set to the first
//	.Prev .Next    reading order: depth first through the sections
//	.Backlinks     pages that link here, all of them, in reading order (grows with the site:
//	               a theme shows .TopBacklinks)
//	.TopBacklinks  at most site.MaxBacklinks (20) of .Backlinks, most related first: the page's
//	               own section, then the nearest in reading order
//	.BacklinksList when more pages link here: the page listing them all, at .Rel + "backlinks/"
//	               (kind backlinks, layout templates/backlinks.html, paginated like a section,
//	               .ListOf the page, which is also its .Parent)
//	.Related       up to five pages sharing tags and platforms (not the backlinks), nearby ones first
//	.ItemsHTML PAGES HOME
//	               <li><a href="…">title</a></li> for each of PAGES, linked from this page, the
//	               home page read as HOME unless it is "" (the default theme's breadcrumbs and
//	               related pages); .ItemsInHTML PAGES OPEN CLOSE adds each page's section as
//	               <span class="in">OPEN section CLOSE</span> (its backlinks). Made in Go: a
//	               range over such lists was a sixth of the theme's allocations
//	.Tags .Platforms  the term pages of the page's tags and platforms (.Title .URL)
//	.EditURL       repo_url + .File, when repo_url is set
//	.Updated       newest of date, lastmod, last checked
//	.Stale         true when zhinan.yaml sets stale_after and the page's last check is older
//	               (or it has none): the theme shows a banner that its steps may be out of date
//	.CheckAge      days since the last check, when the page is stale and has one
//	.Contains PAGE true if PAGE is this page or below it (to open the sidebar on the current path)
//	.Translations  in a multilingual site, the page in every language, this one included, in the
//	               order of languages: (nil otherwise): .Code .Name .Current .Page (the
//	               translation, or that language's home page when .Missing) .Href (relative
//	               link from this page). The default theme's partials/languages.html makes
//	               the hreflang links and the switcher from it
//	.IsSection     true for pages that list others
//
// Template functions besides the standard ones: t "key" (the reader-facing
// word for key in the site's language: templates/i18n/<language>.yaml, with
// the site's i18n/<language>.yaml over it), date (2006-01-02), iso (RFC
// 3339), add, join, pair (two values as a list, for recursive templates), and
// href, which writes href="URL" for the site's own URLs and heading IDs
// without percent-encoding Chinese (html/template would triple their bytes):
// <a {{href ($.Page.Link .)}}>.
//
// # Relative links
//
// Every link a page makes to the site's own pages and files is relative to
// the page (as mdBook and MkDocs write them), so the output works from any
// sub-path of any server without a rebuild, and from file://, where the
// theme's site.js adds index.html to folder links (without JavaScript a
// browser shows the folder there). Three outputs are the exception: 404.html,
// which a server sends for any missing path, keeps base-path-absolute links;
// the feed and the sitemap use absolute URLs with the base URL's host; search
// results use site-absolute URLs (package search).
//
// # Freshness
//
// Guides describe apps that change. With stale_after: 180 in zhinan.yaml, a
// build warns about every page whose last_checked date is more than 180 days
// before today, and about every page with no last_checked at all
// ("content/x.md:7:1: warning: last checked 2026-01-05, 200 days ago ..."). The
// warnings do not stop the build; zhinan check and build print them. Such a
// page has .Stale set, and the theme shows a banner that its steps may be out
// of date. Options.Now sets "today" (tests); zero means the clock.
//
// # Output
//
// Builder.Build(Change) returns a Result whose files are made on demand:
// pages, aliases, tag pages, 404.html, sitemap.xml, robots.txt, index.xml
// (Atom), assets/ (the theme's files plus chroma.css, and the site's
// mermaid.min.js when a page has a diagram) and search/ (the index,
// package search). Result.File makes one (the preview server asks for the
// files a browser wants, so a save shows at once on a site of any size);
// Result.Write streams them all into a folder (package output: staged, then
// swapped in whole; Options.Out names it, so that the loader never reads it
// as pages and the watcher never watches it); Result.Check runs every template; BuildFiles makes them
// all in memory. Two builds of the same input give the same bytes.
//
// A Change names the files that changed since the Builder's last build
// (paths relative to the site root, as a watcher reports them), or says All:
// the first build, or a watcher that lost events. What may be reused (parsed
// pages, rendered Markdown, templates) is decided in one place, planReuse;
// whatever the Change, the result is the one a clean build would give.
//
// # Problems
//
// Every problem of every stage is collected and returned as one sorted
// diag.List; each is an error or a warning. Problems that belong to a page
// (a broken link or anchor, bad front matter, a URL another page has, a
// layout that does not parse) leave the rest of the site whole: the Result
// is still there, and the page is built as well as it can be. A template
// that fails on one page fails only that file. Only site-wide problems (the
// settings, base.html or partials/ not parsing) give no Result.
//
// Broken links, in pages and in SUMMARY.md, follow the links setting (zhinan.yaml, or Options.Links):
// "error", the default, or "warn", which keeps reporting them (as warnings)
// but lets the build write its output. Either way a broken link keeps the
// destination as written and is marked in the page with class="broken-link"
// and a title saying what is wrong, so a reader of the preview sees it.
//
// "zhinan build" writes nothing when there is any error; "zhinan serve" and
// "zhinan watch" show (or write) the site as far as it builds, and keep the
// last good one only on a site-wide problem.
//
// # Pipeline
//
//	content/ --load--> pages --table--> URLs --render (parallel, cached)--> docs
//	docs + URLs --site.Build--> graph (anchors checked) --templates (parallel, on demand)--> files
//	graph --search.Build--> index files
package generator
