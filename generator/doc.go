// Package generator builds a static website from a folder of Markdown guides.
// This is the manual: what a site folder holds, what the Markdown may say, and
// what templates can use. The command zhinan (package main) drives it.
//
// # The site folder
//
//	zhinan.yaml        settings: title, description, language, base_url, repo_url, unsafe_html (package config)
//	content/           the pages: every *.md is a page; other files are copied beside them
//	templates/         optional: overrides the default theme file by file (package tmpl)
//
// content/_index.md is the home page; dir/_index.md (or dir/index.md) describes
// the section dir. Any folder without one still becomes a section, titled by
// its name. URLs are clean folders: content/platforms/ios.md is published as
// /platforms/ios/ (index.html inside), under the path of base_url.
//
// # Front matter
//
// Optional YAML between a first line "---" and the next "---":
//
//	title          string   the page title; else the first "# heading"; else the file name
//	description    string   one sentence: meta description, search excerpt, section lists
//	weight         integer  order among siblings, small first; pages without one come last, by title
//	tags           list     each tag gets a page at /tags/<tag>/
//	platforms      list     each platform gets a page at /platform/<name>/; shown as badges
//	draft          bool     left out unless built with -drafts
//	aliases        list     old URLs ("/old/path/") that redirect here
//	date, lastmod  date     2026-01-31 (or RFC 3339); the newest of date, lastmod and last_checked dates the page
//	last_checked   date, or {date: 2026-01-31, versions: "微信 8.0"}: when the guide was last checked, and against what
//	sources        list of {title, url}: the references the page cites
//	layout         string   use templates/<layout>.html instead of the default for the page kind
//	params         mapping  free data for a site's own templates (.Page.Meta.Params)
//
// Any other key, a value of the wrong type or invalid YAML is a diagnostic with
// the line and column where it is.
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
// with the line and (UTF-8 byte) column of the link. Headings are checked
// against the IDs the target really has, after rendering. Links with a scheme
// (https:, mailto:) or starting with // are external: left alone, with
// rel="noopener". Links in code are not links.
//
// Heading IDs keep Chinese, GitHub style: "## 1. 备份 聊天记录（电脑端）" gets
// id "1-备份-聊天记录电脑端"; duplicates get -1, -2; "## 标题 {#custom}" sets one.
// The Markdown dialect is described in package markdown.
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
//	.NavHTML PAGE HOME MORE
//	               the sidebar list for PAGE: the home page (labelled HOME), the top-level
//	               pages, and the pages of each section on PAGE's path; a list longer than
//	               site.NavLimit (15) shows 15 around the path and links labelled MORE to the
//	               list pages for the rest. Made in Go because every page carries it
//
// .Page has:
//
//	.Kind          "home", "section", "page", "taxonomy", "term" (and "404")
//	.Title .Description .Weight
//	.URL           site-absolute, with the base path: "/guide/platforms/ios/"
//	.Link PAGE     the URL of PAGE relative to this page ("../android/"): what links in
//	               pages use; on the 404 page, PAGE's .URL
//	.Permalink     with scheme and host when base_url has them
//	.Rel           output folder relative to the site root: "platforms/ios/"
//	.Source .File  "platforms/ios.md", "content/platforms/ios.md" ("" for generated pages)
//	.Content       the rendered Markdown (HTML)
//	.TitleID       ID of the leading "# title" heading (for <h1 id>)
//	.HasCode       the page has highlighted code (link assets/chroma.css only then)
//	.TOC           h2 and h3 headings: .Level .ID .Text
//	.Meta          the front matter: .Tags .Platforms .LastChecked.Date .LastChecked.Versions
//	               .Sources (.Title .URL) .Date .Lastmod .Params ...
//	.Parent        the section above; .Ancestors from home down (breadcrumbs)
//	.Children      sections and term pages: their pages, in order
//	.List          what this page lists: .Children, or on a long list this page's part of it
//	.Pager         set when .Children are more than site.ListSize (40; 200 for the tag and
//	               platform indexes): .Number (1 for the page itself), .Items, .Pages (every
//	               list page), .Prev, .Next, and .Links, the entries of a bounded pager
//	               (.Number .Page .Current; .Page is nil for a gap). The second and later
//	               pages are at .Rel + "page/2/" ..., with the kind, title and layout of the
//	               first, no content, and .ListOf set to the first
//	.Prev .Next    reading order: depth first through the sections
//	.Backlinks     pages that link here, in reading order
//	.Related       up to five pages sharing tags and platforms (not the backlinks), nearby ones first
//	.Tags .Platforms  the term pages of the page's tags and platforms (.Title .URL)
//	.EditURL       repo_url + .File, when repo_url is set
//	.Updated       newest of date, lastmod, last checked
//	.Contains PAGE true if PAGE is this page or below it (to open the sidebar on the current path)
//	.IsSection     true for pages that list others
//
// Template functions besides the standard ones: date (2006-01-02), iso (RFC
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
// # Output
//
// Build returns every output file in memory: pages, aliases, tag pages,
// 404.html, sitemap.xml, robots.txt, index.xml (Atom), assets/ (the theme's
// files plus chroma.css) and search/ (the index, package search). Two builds
// of the same input give the same bytes.
//
// Prepare does everything but run the page templates and build the search
// index; Result.File then makes any file on demand. The preview server uses it
// (with PrepareChanged, which re-reads only the files a watcher saw change),
// so that a save shows in the browser at once on a site of any size. The
// build command uses it too, writing each page as it is made with
// output.WriteEach, so the site is never in memory whole. A template that
// fails on a page makes the whole build fail, and the old output stays.
//
// # Pipeline
//
//	content/ --load--> pages --table--> URLs --render (parallel, cached)--> docs
//	docs + URLs --site.Build--> graph (anchors checked) --templates (parallel, on demand)--> files
//	graph --search.Build--> index files
//
// Every problem of every stage is collected; a build with any problem returns
// all of them as a diag.List and no files.
package generator
