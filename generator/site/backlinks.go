package site

import (
	"cmp"
	"fmt"
	"slices"

	"zhinan/generator/diag"
)

// MaxBacklinks is the most pages a page names as linking to it. On a big
// site a section's index page is linked from thousands of pages, and a list
// of all of them would make that page grow with the site (64 kB of a 76 kB
// page on a 10,000-page corpus); the default theme shows TopBacklinks and
// links to the page that lists them all.
const MaxBacklinks = 20

// KindBacklinks is the kind of the page listing every page that links to
// another one (BacklinksList), when there are more than MaxBacklinks.
const KindBacklinks = "backlinks"

// boundBacklinks sets TopBacklinks on every page and, where more pages link
// to a page than it shows, makes the list page of all of them: the page's
// folder + "backlinks/", paginated like a section (ListSize a page).
func (s *Site) boundBacklinks(t *Table, diags *diag.List) {
	for _, p := range s.Pages {
		if len(p.Backlinks) <= MaxBacklinks {
			p.TopBacklinks = p.Backlinks
			continue
		}
		p.TopBacklinks = nearest(p, p.Backlinks, MaxBacklinks)
		// The list sits under the page it is about: the page is its
		// parent in breadcrumbs and, through ListOf, in the sidebar.
		list := &Page{Kind: KindBacklinks, Rel: p.Rel + "backlinks/", Title: p.Title, Parent: p,
			Ancestors: append(slices.Clip(p.Ancestors), p), ListOf: p, Children: p.Backlinks}
		if err := t.Claim(list.Rel, fmt.Sprintf("the list of pages linking to %s", p.Title)); err != nil {
			diags.Add(cmp.Or(p.File, t.Owner(list.Rel)), 0, 0, "%v", err)
			continue
		}
		s.setURL(list)
		p.BacklinksList = list
		s.Listings = append(s.Listings, list)
		s.paginateOne(list, ListSize, t, diags)
	}
}

// nearest returns the n pages of from most related to p, most related
// first: pages of p's own section before others, then the nearest in
// reading order (a page's neighbours write about the same things), the
// earlier one on a tie. from is in reading order and left as it is.
func nearest(p *Page, from []*Page, n int) []*Page {
	ranked := slices.Clone(from)
	dist := func(q *Page) int {
		d := q.order - p.order
		if d < 0 {
			d = -d
		}
		return d
	}
	slices.SortStableFunc(ranked, func(a, b *Page) int {
		as, bs := a.Parent == p.Parent, b.Parent == p.Parent
		if as != bs {
			if as {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(dist(a), dist(b)), cmp.Compare(a.order, b.order))
	})
	return ranked[:n:n]
}
