package site

import (
	"net/url"
	"path"
	"strings"

	"zhinan/generator/diag"
	"zhinan/generator/summary"
)

// applySummary hangs the pages that SUMMARY.md lists where it lists them,
// and gives them its link texts as their sidebar titles (and as their titles
// when the page has no title of its own, only a file name). Pages it does not
// list stay in their folder's section and come after the listed ones (less
// sorts them). A folder section made up for the folder tree that is left
// with no pages is dropped: the summary's nesting replaced it.
//
// Each link is resolved like a link in a page, so a missing chapter is a
// diagnostic at its line and column in SUMMARY.md.
func (s *Site) applySummary(t *Table, sum *summary.Summary, diags *diag.List) {
	bySource := map[string]*Page{}
	var nodes []*Page // every page of the tree, parents before children
	var collect func(p *Page)
	collect = func(p *Page) {
		nodes = append(nodes, p)
		if p.Source != "" {
			bySource[p.Source] = p
		}
		for _, c := range p.Children {
			collect(c)
		}
	}
	collect(s.Home)

	n := 0
	var place func(items []*summary.Item, parent *Page, part string)
	place = func(items []*summary.Item, parent *Page, part string) {
		for _, it := range items {
			if it.Part != "" {
				part = it.Part
			}
			p := s.summaryPage(t, sum.File, it, bySource, diags)
			if p == nil {
				// A draft or a plain-text entry: what it holds is read
				// in its place, under its title as a part when at the top.
				sub := part
				if parent == s.Home && sub == "" {
					sub = it.Title
				}
				place(it.Children, parent, sub)
				part = ""
				continue
			}
			if p.listed != 0 {
				diags.Warn(sum.File, it.Line, it.Col, "%s is listed twice; the first place counts", p.File)
				continue
			}
			n++
			p.listed = n
			if title := plainTitle(it.Title); title != "" {
				p.NavTitle = title
				if p.titleFromName {
					p.Title = title
				}
			}
			if p == s.Home {
				place(it.Children, s.Home, part)
				part = ""
				continue
			}
			if parent == s.Home {
				p.Part = part
			}
			part = ""
			p.Parent = parent
			place(it.Children, p, "")
		}
	}
	place(sum.Items, s.Home, "")

	for _, p := range nodes {
		p.Children = nil
	}
	for _, p := range nodes[1:] {
		p.Parent.Children = append(p.Parent.Children, p)
	}
	// Bottom up, so that a made-up section holding only an empty made-up
	// section goes too.
	for i := len(nodes) - 1; i > 0; i-- {
		p := nodes[i]
		if p.Source == "" && p.Kind == KindSection && len(p.Children) == 0 && p.listed == 0 {
			kids := p.Parent.Children
			for j, c := range kids {
				if c == p {
					p.Parent.Children = append(kids[:j:j], kids[j+1:]...)
					break
				}
			}
		}
	}
}

// summaryPage resolves one entry of SUMMARY.md to its page; nil for a draft,
// a plain-text entry, an external link, or a link that fails (reported).
func (s *Site) summaryPage(t *Table, file string, it *summary.Item, bySource map[string]*Page, diags *diag.List) *Page {
	dest := it.Dest
	if dest == "" {
		return nil
	}
	if u, err := url.Parse(dest); err == nil && u.Scheme != "" {
		return nil // an external link: not a chapter of this site
	}
	// Links in SUMMARY.md are relative to it; it lies in the folder of
	// pages or at the site root above it.
	from := summary.Name
	if tree := t.tree; file != tree.File(summary.Name) && !strings.HasPrefix(dest, "/") {
		root := tree.Root() + "/"
		clean := path.Clean(dest)
		rel, ok := strings.CutPrefix(clean, root)
		if !ok {
			diags.Add(file, it.Line, it.Col, "chapter %q is outside the folder of pages %s", dest, root)
			return nil
		}
		dest = "/" + rel
	}
	ref, err := t.Resolve(from, dest)
	if err != nil {
		// A broken link like any other: links: warn makes it a warning.
		diags.AddLink(file, it.Line, it.Col, "broken link %q: %v", it.Dest, err)
		return nil
	}
	p := bySource[ref.Page]
	if p == nil {
		if ref.Page == "" {
			diags.Add(file, it.Line, it.Col, "chapter %q is not a Markdown page", it.Dest)
		}
		// Otherwise a draft page left out of this build.
		return nil
	}
	return p
}

// plainTitle drops the Markdown markup a link text may carry (code spans,
// emphasis, escapes), as the sidebar shows plain text.
func plainTitle(s string) string {
	s = strings.NewReplacer("\\", "", "`", "", "**", "", "__", "").Replace(s)
	if len(s) > 1 && (s[0] == '*' || s[0] == '_') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}
