package site

import (
	"html/template"
	"strings"
)

// NavHTML is the sidebar's list for the page cur: the home link (the word
// "home" of the site's language), every top-level
// section, and the children of each section on the way to cur, with cur
// marked aria-current. It is written in Go, not in a template, because every
// page carries it and on a site of thousands of pages template execution of
// hundreds of links per page would dominate the build. A theme that wants
// other markup can walk .Site.Home.Children itself.
func (s *Site) NavHTML(cur *Page) template.HTML {
	var b strings.Builder
	b.WriteString(`<ul class="nav-tree">` + "\n")
	navLink(&b, s.Home, cur, s.Words.T("home"))
	b.WriteString("</li>")
	for _, c := range s.Home.Children {
		if c.Part != "" {
			// A part heading of SUMMARY.md: a label, not a link.
			b.WriteString("\n<li class=\"nav-part\">" + template.HTMLEscapeString(c.Part) + "</li>")
		}
		navItem(&b, c, cur)
	}
	b.WriteString("\n</ul>")
	return template.HTML(b.String())
}

func navItem(b *strings.Builder, p, cur *Page) {
	open := p.Contains(cur)
	if !open {
		// Most items are neither the current page nor above it: their
		// markup is the same on every page, so it is made once.
		p.navOnce.Do(func() {
			var nb strings.Builder
			navLink(&nb, p, nil, p.NavTitle)
			nb.WriteString("</li>")
			p.navClosed = nb.String()
		})
		b.WriteString(p.navClosed)
		return
	}
	navLink(b, p, cur, p.NavTitle)
	// A chapter with chapters nested in SUMMARY.md opens like a section.
	if open && len(p.Children) > 0 {
		b.WriteString("\n<ul>")
		for _, c := range p.Children {
			navItem(b, c, cur)
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</li>")
}

func navLink(b *strings.Builder, p, cur *Page, title string) {
	b.WriteString("\n<li")
	if p.Contains(cur) && p != cur && p.Kind != KindHome {
		b.WriteString(` class="open"`)
	}
	b.WriteString(`><a href="`)
	b.WriteString(template.HTMLEscapeString(p.URL))
	b.WriteString(`"`)
	if p == cur {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(">")
	b.WriteString(template.HTMLEscapeString(title))
	b.WriteString("</a>")
}
