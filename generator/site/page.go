package site

import (
	"html/template"
	"strings"
	"sync"
	"time"

	"zhinan/generator/content"
	"zhinan/generator/markdown"
)

// Kinds of page.
const (
	KindHome     = "home"     // content/_index.md (or a generated home when there is none)
	KindSection  = "section"  // dir/_index.md, or a generated page for a folder without one
	KindPage     = "page"     // any other Markdown file
	KindTaxonomy = "taxonomy" // the list of all tags (or platforms)
	KindTerm     = "term"     // the pages with one tag (or platform)
)

// Page is what a template sees of one page. Every field is documented in
// generator/doc.go; fields are filled by Build and read-only afterwards.
type Page struct {
	Kind        string
	Source      string // source path relative to content/ ("platforms/ios.md"); "" for generated pages
	File        string // "content/platforms/ios.md"; "" for generated pages
	Rel         string // output folder relative to the site root: "platforms/ios/" ("" for home)
	URL         string // site-absolute URL: base path + Rel
	Permalink   string // absolute URL with scheme and host when the base URL has them, else URL
	Title       string
	Description string
	NavTitle    string // the page's name in the sidebar and on prev/next links: SUMMARY.md's link text, else Title
	Part        string // the SUMMARY.md part heading shown above this page in the sidebar, if any
	Weight      int
	Meta        content.Meta
	Content     template.HTML
	TOC         []markdown.Heading // h2 and h3 headings, in order
	HasCode     bool               // the page has highlighted code (the theme links chroma.css only then)
	HasTabs     bool               // the page has tabs (the theme restores the reader's choice before paint only then)
	HasDiagram  bool               // the page has a Mermaid diagram (the theme loads Site.Mermaid only then)
	TitleID     string             // the ID of the page's leading "# title" heading, for the template's <h1>; "" if none

	Parent    *Page   // the section it belongs to; nil for home
	Ancestors []*Page // from home down to Parent
	Children  []*Page // sections, term pages, chapters with nested chapters in SUMMARY.md: their pages, in order
	Prev      *Page   // reading order: depth first through the section tree
	Next      *Page
	Backlinks []*Page // pages that link here, in reading order (all of them: a theme should show TopBacklinks)
	// TopBacklinks is at most MaxBacklinks of Backlinks, the most related
	// first (same section, then nearest in reading order).
	TopBacklinks []*Page
	// BacklinksList, when more than MaxBacklinks pages link here, is the
	// page listing all of them (kind KindBacklinks, at Rel + "backlinks/").
	BacklinksList *Page
	Tags          []*Page // term pages of this page's tags
	Platforms     []*Page // term pages of this page's platforms
	EditURL       string  // repo_url + file, when repo_url is set
	Pager         *Pager  // set when the page's Children are listed over several pages (see ListSize)
	ListOf        *Page   // on the second and later pages of a list: the page whose children it lists

	// Translations, in a multilingual site (languages: in zhinan.yaml), is
	// the page in every language, this one included, in the order of the
	// setting; nil in a single-language site. See Translation.
	Translations []Translation

	// Set by package fresh when zhinan.yaml has stale_after.
	Stale    bool // the last check is older than stale_after days, or there is none
	CheckAge int  // days since the last check, when Stale and there is one

	doc    *markdown.Doc
	order  int // position in reading order
	index  int // position among its Parent's Children
	listed int // position in SUMMARY.md, from 1; 0 when it is not listed
	// titleFromName: neither front matter nor a "# heading" gave a title, so
	// a better one (SUMMARY.md's link text) may replace the file name.
	titleFromName bool
	site          *Site
	related       struct {
		once  sync.Once
		pages []*Page
	}
}

// Related lists up to five pages sharing tags and platforms with this one,
// best first, never the page itself nor its backlinks. It is worked out on
// first use (templates run in parallel, and serve only renders what is asked).
func (p *Page) Related() []*Page {
	if p.site == nil || p.Kind != KindPage {
		return nil
	}
	p.related.once.Do(func() { p.related.pages = p.site.relatedTo(p) })
	return p.related.pages
}

// IsSection reports whether the page lists other pages (home, section, taxonomy, term).
func (p *Page) IsSection() bool { return p.Kind != KindPage }

// Contains reports whether q is p or lies anywhere below p in the section tree;
// templates use it to expand the sidebar along the current page's path.
func (p *Page) Contains(q *Page) bool {
	if q == nil {
		return false
	}
	if p == q {
		return true
	}
	for _, a := range q.Ancestors {
		if a == p {
			return true
		}
	}
	return false
}

// Updated is the page's newest known date: lastmod, last checked, or date.
func (p *Page) Updated() time.Time {
	m := p.Meta
	t := m.Date
	for _, c := range []time.Time{m.LastChecked.Date, m.Lastmod} {
		if c.After(t) {
			t = c
		}
	}
	return t
}

// Doc is the rendered Markdown of the page (nil for generated pages).
func (p *Page) Doc() *markdown.Doc { return p.doc }

// DropContent lets the page's HTML go (Content, and its document's HTML),
// for a one-shot build that has written the page and whose templates read
// no other page's HTML (tmpl.Set.OwnContentOnly). Everything else about
// the page stays, the text the search index needs included.
func (p *Page) DropContent() {
	p.Content = ""
	if p.doc != nil {
		p.doc.HTML = ""
	}
}

// Depth is the number of folders between the page and the site root; templates
// use it to reach site files by relative paths that work from file:// too.
func (p *Page) Depth() int { return strings.Count(p.Rel, "/") }
