package site

import (
	"cmp"
	"fmt"
	"strconv"

	"zhinan/generator/diag"
)

// ListSize is the most pages a section, term or home page lists. A page with
// more children lists them over several pages: itself (number 1), then
// list pages at its folder + "page/2/", "page/3/" ..., each with a Pager,
// so no page grows with its section and every child is reachable without
// JavaScript, by following the pager's links.
const ListSize = 40

// TermListSize is ListSize for the tag and platform indexes, whose items
// are one word each.
const TermListSize = 200

// Pager is where one list page stands among the pages of its list.
type Pager struct {
	Number int     // 1 for the section itself, then 2, 3 ...
	Items  []*Page // the children listed on this page
	Pages  []*Page // every page of the list, Pages[0] being the section itself
}

// Prev and Next are the neighbouring list pages, nil at the ends.
func (pg *Pager) Prev() *Page {
	if pg.Number <= 1 {
		return nil
	}
	return pg.Pages[pg.Number-2]
}

func (pg *Pager) Next() *Page {
	if pg.Number >= len(pg.Pages) {
		return nil
	}
	return pg.Pages[pg.Number]
}

// PagerLink is one entry of the pager: a list page, or a gap (Page nil)
// standing for the numbers left out.
type PagerLink struct {
	Number  int
	Page    *Page
	Current bool
}

// pagerReach is how many numbers the pager shows on each side of the current one.
const pagerReach = 2

// Links are the entries of a bounded pager: the first and last page, the
// current one and pagerReach on either side, with gaps between, so a list
// of any length has at most 2*pagerReach+5 entries and still reaches every
// page through Prev and Next.
func (pg *Pager) Links() []PagerLink {
	n := len(pg.Pages)
	var links []PagerLink
	last := 0
	for i := 1; i <= n; i++ {
		if i != 1 && i != n && (i < pg.Number-pagerReach || i > pg.Number+pagerReach) {
			continue
		}
		if i > last+1 {
			links = append(links, PagerLink{})
		}
		links = append(links, PagerLink{Number: i, Page: pg.Pages[i-1], Current: i == pg.Number})
		last = i
	}
	return links
}

// List is what the page lists: its Children, or on a list of several pages
// the part of them this page holds.
func (p *Page) List() []*Page {
	if p.Pager != nil {
		return p.Pager.Items
	}
	return p.Children
}

// listing is the list page that holds p's i-th child.
func (p *Page) listing(i int) *Page {
	if p.Pager == nil {
		return p
	}
	return p.Pager.Pages[min(i/len(p.Pager.Pages[0].Pager.Items), len(p.Pager.Pages)-1)]
}

// paginate splits every list longer than ListSize over list pages.
func (s *Site) paginate(t *Table, diags *diag.List) {
	for _, p := range s.Pages {
		if p.IsSection() {
			s.paginateOne(p, ListSize, t, diags)
		}
	}
	for _, p := range s.Taxonomies {
		s.paginateOne(p, TermListSize, t, diags)
	}
	for _, p := range s.Terms {
		s.paginateOne(p, ListSize, t, diags)
	}
}

// paginateOne lists p's children over pages of size when they are more.
func (s *Site) paginateOne(p *Page, size int, t *Table, diags *diag.List) {
	if len(p.Children) <= size {
		return
	}
	n := (len(p.Children) + size - 1) / size
	pages := make([]*Page, n)
	pages[0] = p
	for k := 1; k < n; k++ {
		q := &Page{Kind: p.Kind, Rel: p.Rel + "page/" + strconv.Itoa(k+1) + "/", Title: p.Title,
			Description: p.Description, Meta: p.Meta, Parent: p.Parent, Ancestors: p.Ancestors, ListOf: p}
		if err := t.Claim(q.Rel, fmt.Sprintf("page %d of the list of %s", k+1, p.Title)); err != nil {
			diags.Add(cmp.Or(p.File, t.Owner(q.Rel)), 0, 0, "%v", err)
		}
		s.setURL(q)
		pages[k] = q
	}
	for k, q := range pages {
		q.Pager = &Pager{Number: k + 1, Items: p.Children[k*size : min((k+1)*size, len(p.Children))], Pages: pages}
	}
	s.Listings = append(s.Listings, pages[1:]...)
}
