package site

import (
	"path"
	"sort"
	"strings"
)

// less orders siblings: by weight (pages without a weight last), then by
// their place in SUMMARY.md (listed pages first), then by file name in
// natural order, so that 11.9 comes before 11.10 and a book's chapter files
// read in the order their names give. Never by title: titles of numbered
// chapters sort as text ("11.10" before "11.2"), and words sort by bytes.
func less(a, b *Page) bool {
	wa, wb := a.Weight, b.Weight
	if (wa == 0) != (wb == 0) {
		return wa != 0
	}
	if wa != wb {
		return wa < wb
	}
	if (a.listed == 0) != (b.listed == 0) {
		return a.listed != 0
	}
	if a.listed != b.listed {
		return a.listed < b.listed
	}
	if c := naturalCompare(nameOf(a), nameOf(b)); c != 0 {
		return c < 0
	}
	return a.Rel < b.Rel
}

// nameOf is the name a page sorts by: its file name without .md, or its
// folder's name for a section (whatever URL slug: gives it).
func nameOf(p *Page) string {
	rel := strings.TrimSuffix(p.Rel, "/")
	if p.Source != "" {
		rel = strings.TrimSuffix(p.Source, path.Ext(p.Source))
		if p.Kind != KindPage {
			rel = path.Dir(p.Source)
		}
	}
	return rel[strings.LastIndexByte(rel, '/')+1:]
}

// naturalCompare compares strings with runs of digits taken as numbers:
// "2" < "10", "11.9" < "11.10", "ch2" < "ch10". Other text compares case
// folded first; only when all else is equal do case and leading zeros
// decide, so the order is total.
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na, nb := strings.TrimLeft(a[si:i], "0"), strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return sign(len(na) - len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if la, lb := lower(ca), lower(cb); la != lb {
			return sign(int(la) - int(lb))
		}
		i, j = i+1, j+1
	}
	if rest := sign((len(a) - i) - (len(b) - j)); rest != 0 {
		return rest
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// order sorts children and walks the tree depth first, which gives the
// reading order, ancestors and previous/next links.
func (s *Site) order() {
	s.Pages = s.Pages[:0]
	var walk func(p *Page, ancestors []*Page)
	walk = func(p *Page, ancestors []*Page) {
		p.Ancestors = ancestors
		p.order = len(s.Pages)
		s.Pages = append(s.Pages, p)
		if len(p.Children) == 0 {
			return
		}
		sort.SliceStable(p.Children, func(i, j int) bool { return less(p.Children[i], p.Children[j]) })
		next := append(append([]*Page(nil), ancestors...), p) // shared by the children
		for i, c := range p.Children {
			c.index = i
			walk(c, next)
		}
	}
	walk(s.Home, nil)
	for i, p := range s.Pages {
		if i > 0 {
			p.Prev = s.Pages[i-1]
		}
		if i+1 < len(s.Pages) {
			p.Next = s.Pages[i+1]
		}
	}
}
