package site

import (
	"net/url"
	"path"
	"strings"

	"zhinan/generator/diag"
	"zhinan/generator/summary"
)

// applySummary hangs the pages that the table of contents (SUMMARY.md, or
// the nav: file read into the same shape) lists where it lists them, and
// gives them its link texts as their sidebar titles (and as their titles
// when the page has no title of its own, only a file name). Pages it does
// not list stay in their folder's section and come after the listed ones
// (less sorts them). A folder section made up for the folder tree that is
// left with no pages is dropped: the summary's nesting replaced it.
//
// Each link is resolved like a link in a page, so a missing chapter is a
// broken link at its line and column in the file.
func (s *Site) applySummary(t *Table, sum *summary.Summary, diags *diag.List) {
	nodes := s.tree()
	pl := &placer{s: s, t: t, sum: sum, diags: diags, bySource: make(map[string]*Page, len(nodes))}
	for _, p := range nodes {
		if p.Source != "" {
			pl.bySource[p.Source] = p
		}
	}
	pl.place(sum.Items, s.Home, "")
	rehang(nodes)
	dropEmptySections(nodes)
}

// tree lists every page of the section tree, parents before children.
func (s *Site) tree() []*Page {
	var nodes []*Page
	var collect func(p *Page)
	collect = func(p *Page) {
		nodes = append(nodes, p)
		for _, c := range p.Children {
			collect(c)
		}
	}
	collect(s.Home)
	return nodes
}

// placer walks the table of contents, setting each listed page's parent,
// place and sidebar title.
type placer struct {
	s        *Site
	t        *Table
	sum      *summary.Summary
	diags    *diag.List
	bySource map[string]*Page
	n        int // pages placed so far
}

// place places items under parent; part is the part heading that the first
// of them shows above it, when they are at the top.
func (pl *placer) place(items []*summary.Item, parent *Page, part string) {
	for _, it := range items {
		if it.Part != "" {
			part = it.Part
		}
		p := pl.s.summaryPage(pl.t, pl.sum, it, pl.bySource, pl.diags)
		if p == nil {
			// A draft or a plain-text entry: what it holds is read in its
			// place, under its title as a part when at the top.
			sub := part
			if parent == pl.s.Home && sub == "" {
				sub = it.Title
			}
			pl.place(it.Children, parent, sub)
			part = ""
			continue
		}
		if p.listed != 0 {
			pl.diags.Warn(pl.sum.File, it.Line, it.Col, "%s is listed twice; the first place counts", p.File)
			continue
		}
		pl.n++
		p.listed = pl.n
		if title := plainTitle(it.Title); title != "" {
			p.NavTitle = title
			if p.titleFromName {
				p.Title = title
			}
		}
		if p == pl.s.Home {
			pl.place(it.Children, p, part)
		} else {
			if parent == pl.s.Home {
				p.Part = part
			}
			p.Parent = parent
			pl.place(it.Children, p, "")
		}
		part = ""
	}
}

// rehang rebuilds every page's Children from the parents placing gave them,
// keeping the tree's order (less sorts them later).
func rehang(nodes []*Page) {
	for _, p := range nodes {
		p.Children = nil
	}
	for _, p := range nodes[1:] {
		p.Parent.Children = append(p.Parent.Children, p)
	}
}

// dropEmptySections removes the folder sections made up for the folder
// tree that are left with no pages. Bottom up, so that a made-up section
// holding only an empty made-up section goes too.
func dropEmptySections(nodes []*Page) {
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

// summaryPage resolves one entry of the table of contents to its page; nil
// for a draft, a plain-text entry, an external link, or a link that fails
// (reported).
func (s *Site) summaryPage(t *Table, sum *summary.Summary, it *summary.Item, bySource map[string]*Page, diags *diag.List) *Page {
	dest := it.Dest
	if dest == "" {
		return nil
	}
	if u, err := url.Parse(dest); err == nil && u.Scheme != "" {
		return nil // an external link: not a chapter of this site
	}
	dest, ok := fromBase(t.tree.Root(), sum.Base, dest)
	if !ok {
		diags.Add(sum.File, it.Line, it.Col, "chapter %q is outside the folder of pages %s/", it.Dest, t.tree.Root())
		return nil
	}
	ref, err := t.Resolve(summary.Name, dest)
	if err != nil {
		// A broken link like any other: links: warn makes it a warning.
		diags.AddLink(sum.File, it.Line, it.Col, "broken link %q: %v", it.Dest, err)
		return nil
	}
	p := bySource[ref.Page]
	if p == nil {
		if ref.Page == "" {
			diags.Add(sum.File, it.Line, it.Col, "chapter %q is not a Markdown page", it.Dest)
		}
		// Otherwise a draft page left out of this build.
		return nil
	}
	return p
}

// fromBase rewrites a link written relative to folder base (both relative
// to the site root) as a link from a page at the top of the folder of pages
// root: unchanged when base is root, else made absolute ("/rel", which
// Resolve reads from the top of the folder of pages). ok is false when the
// link leads outside root. Absolute links and hash routes stay as they are.
func fromBase(root, base, dest string) (string, bool) {
	if base == root || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return dest, true
	}
	joined := path.Join(base, dest)
	if strings.HasSuffix(dest, "/") {
		joined += "/"
	}
	if root == "." {
		return "/" + joined, joined != ".." && !strings.HasPrefix(joined, "../")
	}
	rel, ok := strings.CutPrefix(joined, root+"/")
	if !ok && joined == root {
		rel, ok = "", true
	}
	return "/" + rel, ok
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
