package site

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"zhinan/generator/diag"
	"zhinan/generator/markdown"
)

// anchorProblem says why ref's fragment names no heading of its page, or
// returns nil when it does (or there is nothing to check).
func anchorProblem(t *Table, docs map[string]*markdown.Doc, ref markdown.Ref) error {
	if ref.Fragment == "" || ref.Page == "" || isFootnoteID(ref.Fragment) || hasHeading(docs[ref.Page], ref.Fragment) {
		return nil
	}
	return fmt.Errorf("no heading %q in %s", ref.Fragment, t.File(ref.Page))
}

// AnchorResolver resolves links as t does and also fails those whose heading
// is not among the rendered docs' headings. A page rendered again through it
// marks its links to missing headings as broken, as it does links to missing
// pages (the heading IDs of a page are only known once it is rendered).
func AnchorResolver(t *Table, docs map[string]*markdown.Doc) markdown.Resolver {
	return anchorResolver{t, docs}
}

type anchorResolver struct {
	t    *Table
	docs map[string]*markdown.Doc
}

func (r anchorResolver) Resolve(from, dest string) (markdown.Ref, error) {
	ref, err := r.t.Resolve(from, dest)
	if err == nil {
		err = anchorProblem(r.t, r.docs, ref)
	}
	return ref, err
}

// hasHeading looks through a page's headings; pages have a handful, so a
// scan beats building a set for every page on every rebuild.
func hasHeading(d *markdown.Doc, id string) bool {
	if d == nil {
		return false
	}
	for _, h := range d.Headings {
		if h.ID == id {
			return true
		}
	}
	return slices.Contains(d.Anchors, id) // <a name> in raw HTML
}

// isFootnoteID matches the IDs goldmark gives footnotes and their back links.
func isFootnoteID(id string) bool {
	return strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

// linkBacklinks records, on each page, the other pages that link to it, in
// reading order, reusing what c knows from the last build.
func (s *Site) linkBacklinks(c *Cache) {
	if c == nil {
		c = &Cache{}
	}
	back := c.backlinks(s.Pages)
	n := 0
	for _, b := range back {
		n += len(b)
	}
	slab := make([]*Page, n) // one allocation for every page's backlinks
	for i, b := range back {
		if len(b) == 0 {
			continue
		}
		list := slab[:len(b):len(b)]
		slab = slab[len(b):]
		for k, j := range b {
			list[k] = s.Pages[j]
		}
		s.Pages[i].Backlinks = list
	}
}

// relate indexes pages by tag and platform for Page.Related.
//
// Related pages share the most tags (two points each) and platforms (one
// point each); backlinks are left out, so a reader never sees one page twice.
// On a big site a common tag is shared by thousands of pages, and scoring
// every pair would grow with the square of the site. So a page looks only at
// the relatedWindow pages nearest to it, in reading order, in each of its
// terms' page lists: the work stays linear, and nearby pages (same section)
// win ties, which is what a reader expects.
func (s *Site) relate() {
	s.byTerm = map[termKey][]*Page{}
	var buf [8]termKey
	for _, p := range s.Pages {
		p.site = s
		for _, key := range termKeys(p, buf[:0]) {
			s.byTerm[key] = append(s.byTerm[key], p)
		}
	}
}

const maxRelated, relatedWindow = 5, 16

// relatedTo scores the pages near p in its terms' lists. The lists are in
// reading order, so p is found by its order; pages are told apart by order
// too, not by pointer.
func (s *Site) relatedTo(p *Page) []*Page {
	score := map[*Page]int{}
	var buf [8]termKey
	for _, key := range termKeys(p, buf[:0]) {
		list := s.byTerm[key]
		at, _ := slices.BinarySearchFunc(list, p.order, func(q *Page, order int) int { return cmp.Compare(q.order, order) })
		points := 1
		if key.tag {
			points = 2
		}
		for _, q := range list[max0(at-relatedWindow):min(len(list), at+relatedWindow+1)] {
			if q.order != p.order {
				score[q] += points
			}
		}
	}
	for _, b := range p.Backlinks {
		delete(score, b)
	}
	return best(score, maxRelated)
}

// termKey is a tag (tag set) or a platform, as front matter names it.
type termKey struct {
	tag  bool
	name string
}

// termKeys appends a page's tags and platforms to keys, once each.
func termKeys(p *Page, keys []termKey) []termKey {
	add := func(k termKey) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, t := range p.Meta.Tags {
		add(termKey{true, t})
	}
	for _, t := range p.Meta.Platforms {
		add(termKey{false, t})
	}
	return keys
}

func max0(i int) int {
	if i < 0 {
		return 0
	}
	return i
}

// best returns up to n pages with a score of at least 2, highest first,
// earlier in reading order on ties.
func best(score map[*Page]int, n int) []*Page {
	var cands []*Page
	for q, sc := range score {
		if sc >= 2 {
			cands = append(cands, q)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return a.order < b.order
	})
	if len(cands) > n {
		cands = cands[:n]
	}
	return cands
}

// buildAliases makes a redirect page for every alias; an alias that collides
// with a page or another alias is a diagnostic.
func (s *Site) buildAliases(t *Table, diags *diag.List) {
	for _, p := range s.Pages {
		for _, a := range p.Meta.Aliases {
			rel := strings.Trim(a, "/")
			if rel == "" || strings.Contains(rel, "..") {
				diags.Add(p.File, p.Meta.Line("aliases"), 1, "alias %q: not a path inside the site", a)
				continue
			}
			rel += "/"
			if strings.HasSuffix(rel, ".html/") {
				rel = strings.TrimSuffix(rel, "/")
			}
			if err := t.Claim(rel, p.File+" (alias)"); err != nil {
				diags.Add(p.File, p.Meta.Line("aliases"), 1, "alias %q: %v", a, err)
				continue
			}
			s.Aliases = append(s.Aliases, Alias{Rel: rel, Target: p})
		}
	}
	sort.Slice(s.Aliases, func(i, j int) bool { return s.Aliases[i].Rel < s.Aliases[j].Rel })
}

// sortRecent lists dated content pages, newest first.
func (s *Site) sortRecent() {
	// Each page's date is worked out once, not at every comparison.
	type dated struct {
		t time.Time
		p *Page
	}
	var ds []dated
	for _, p := range s.Pages {
		if t := p.Updated(); p.Kind == KindPage && !t.IsZero() {
			ds = append(ds, dated{t, p})
		}
	}
	slices.SortStableFunc(ds, func(a, b dated) int { return b.t.Compare(a.t) })
	s.Recent = make([]*Page, len(ds))
	for i, d := range ds {
		s.Recent[i] = d.p
	}
}
