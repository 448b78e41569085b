package site

import (
	"html/template"
	"strings"
)

// ItemsHTML is the list items of pages as links from p, each reading as
// the page's title, the home page's as home when home is not empty:
//
//	<li><a href="../../s1/">Section one</a></li>
//
// The default theme's breadcrumbs and related pages are made of it. Like
// NavHTML it is written in Go because every page carries such lists and
// a template's range over them costs more than the rest of the page; a
// theme that wants other markup ranges over the pages itself.
func (p *Page) ItemsHTML(pages []*Page, home string) template.HTML {
	var b strings.Builder
	for _, q := range pages {
		title := q.Title
		if q.Kind == KindHome && home != "" {
			title = home
		}
		p.item(&b, q, title)
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// ItemsInHTML is ItemsHTML with the section each page is in after its
// link, between open and close (the default theme's backlinks):
//
//	<li><a href="../p2/">Page two</a><span class="in">（Section one）</span></li>
func (p *Page) ItemsInHTML(pages []*Page, open, close string) template.HTML {
	var b strings.Builder
	for _, q := range pages {
		p.item(&b, q, q.Title)
		if q.Parent != nil {
			b.WriteString(`<span class="in">`)
			b.WriteString(template.HTMLEscapeString(open + q.Parent.Title + close))
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// item writes an open list item holding the link from p to q.
func (p *Page) item(b *strings.Builder, q *Page, title string) {
	b.WriteString(`<li><a href="`)
	b.WriteString(template.HTMLEscapeString(p.Link(q)))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(title))
	b.WriteString("</a>")
}
