package site

import (
	"html/template"
	"strconv"
	"strings"
)

// NavLimit is the most pages one list of the sidebar shows. A longer list
// shows a window of NavLimit around the page on the reader's path, and a
// "more" link to the section's list page (see Pager) for the pages before
// and after it; so the sidebar of a page stays the same size however many
// pages its section holds. Every item weighs some 80 bytes on every page of
// the site; 11 shows the guide site's longest list (the home's) whole.
const NavLimit = 11

// NavHTML is the sidebar's list for the page cur: the home page (labelled
// home), the top-level pages (under the part headings of SUMMARY.md, when it
// has them), and the children of each section or chapter on the way to cur,
// with cur marked aria-current; items read as their NavTitle. Each list shows at most NavLimit pages;
// the rest are reached through links labelled more. Links are relative to
// cur (absolute on the 404 page, see Page.Link).
//
// It is written in Go, not in a template, because every page carries it: on
// a big site template execution of its links would dominate the build. The
// words come from the template. A theme that wants other markup can walk
// .Site.Home.Children itself.
func (s *Site) NavHTML(cur *Page, home, more string) template.HTML {
	at := cur
	for at.ListOf != nil {
		at = at.ListOf // a list's second page is in the sidebar as the section (a backlinks list's, as its page)
	}
	// path is home, the sections down to at, and at: the page open at each depth.
	path := make([]*Page, 0, len(at.Ancestors)+1)
	path = append(append(path, at.Ancestors...), at)
	var b strings.Builder
	b.Grow(4096)
	b.WriteString(`<ul class="nav-tree">` + "\n")
	navLink(&b, s.Home, cur, at, path, home)
	b.WriteString("</li>")
	navList(&b, s.Home, cur, at, path, 0, more)
	b.WriteString("\n</ul>")
	return template.HTML(b.String())
}

// navList writes the items of parent's children, the page at depth+1 of
// path among them.
func navList(b *strings.Builder, parent, cur, at *Page, path []*Page, depth int, more string) {
	kids := parent.Children
	start, end := 0, len(kids)
	if len(kids) > NavLimit {
		i := 0
		if depth+1 < len(path) {
			if p := path[depth+1]; p.Parent == parent && p.index < len(kids) && kids[p.index] == p {
				i = p.index
			}
		}
		start = min(max(i-NavLimit/2, 0), len(kids)-NavLimit)
		end = start + NavLimit
	}
	if start > 0 {
		navMore(b, cur, parent.listing(start-1), more)
	}
	for _, c := range kids[start:end] {
		if c.Part != "" {
			// A part heading of SUMMARY.md: a label, not a link.
			b.WriteString("\n<li class=\"nav-part\">" + template.HTMLEscapeString(c.Part) + "</li>")
		}
		onPath := depth+1 < len(path) && path[depth+1] == c
		navLink(b, c, cur, at, path, c.NavTitle)
		// A chapter with chapters nested in SUMMARY.md opens like a section.
		if onPath && len(c.Children) > 0 {
			b.WriteString("\n<ul>")
			navList(b, c, cur, at, path, depth+1, more)
			b.WriteString("</ul>")
		}
		b.WriteString("</li>")
	}
	if end < len(kids) {
		navMore(b, cur, parent.listing(end), more)
	}
}

// navLink opens the item of p (the caller closes it).
func navLink(b *strings.Builder, p, cur, at *Page, path []*Page, title string) {
	b.WriteString("\n<li")
	if p != at && p.Kind != KindHome && onPath(p, path) {
		b.WriteString(` class="open"`)
	}
	b.WriteString(`><a href="`)
	b.WriteString(template.HTMLEscapeString(cur.Link(p)))
	b.WriteString(`"`)
	if p == at {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(">")
	b.WriteString(template.HTMLEscapeString(title))
	b.WriteString("</a>")
}

func navMore(b *strings.Builder, cur, list *Page, more string) {
	b.WriteString("\n<li class=\"more\"><a href=\"")
	b.WriteString(template.HTMLEscapeString(cur.Link(list)))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(more))
	b.WriteString("</a></li>")
}

func onPath(p *Page, path []*Page) bool {
	for _, q := range path {
		if q == p {
			return true
		}
	}
	return false
}

// TOCLimit is the longest table of contents shown whole: a page with more
// h2 and h3 headings lists its h2 headings only.
const TOCLimit = 16

// TOCHTML is the items of the page's table of contents, as the default
// theme lists them: one <li class="toc-LEVEL"> with a link to each heading
// of .TOC (the h2 headings only when there are more than TOCLimit). It is
// written in Go for the reason NavHTML is; a theme that wants other markup
// can range over .TOC itself.
func (p *Page) TOCHTML() template.HTML {
	all := len(p.TOC) <= TOCLimit
	var b strings.Builder
	for _, h := range p.TOC {
		if !all && h.Level != 2 {
			continue
		}
		b.WriteString(`<li class="toc-`)
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		b.WriteString(template.HTMLEscapeString(h.ID))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(h.Text))
		b.WriteString(`</a></li>`)
	}
	return template.HTML(b.String())
}
