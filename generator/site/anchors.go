package site

import (
	"zhinan/generator/content"
	"zhinan/generator/markdown"
)

// Anchors checks every link with a #fragment against the heading IDs of the
// page it points at, once all pages are rendered, and lists the pages with
// a link to a heading that is not there. The caller renders those again
// through AnchorResolver, which reports and marks such links as broken
// ones; site.Build does not check anchors itself.
//
// It does so build after build, looking
// again only where something can have changed: at the pages rendered anew
// and at the pages that link into one of them. Whether a page has a link to
// a missing heading depends on nothing else, its own links and the headings
// of the pages they point at, so the rest keep their last answer.
//
// The zero Anchors checks every page on its first use. It is for one
// Builder, one build at a time.
type Anchors struct {
	checked bool
	// into lists, for a page, the pages with a #fragment link to it. It may
	// hold more than that (a link since removed): a stale entry only costs
	// a check.
	into   map[string][]string
	broken map[string]bool // pages with a link to a missing heading
}

// Broken lists the pages of pages (in their order) with a link to a heading
// that is not there; fresh names the pages rendered
// since the last call (source paths), which must be all of them when the
// renders were not reused.
func (a *Anchors) Broken(t *Table, docs map[string]*markdown.Doc, pages []*content.Page, fresh []string) []*content.Page {
	if !a.checked || len(fresh) == len(pages) {
		// Everything is looked at: start over, so that links removed
		// long ago do not linger in into.
		a.checked, a.into, a.broken = true, map[string][]string{}, map[string]bool{}
		fresh = fresh[:0:0]
		for _, p := range pages {
			fresh = append(fresh, p.Path)
		}
	}
	// The pages to look at again: the fresh ones, and those linking into them.
	again := map[string]bool{}
	for _, p := range fresh {
		again[p] = true
		for _, from := range a.into[p] {
			again[from] = true
		}
	}
	for p := range again {
		d := docs[p]
		delete(a.broken, p)
		if d == nil {
			continue // gone, or a draft
		}
		for i := range d.Links {
			r := &d.Links[i].Ref
			if r.Fragment == "" || r.Page == "" {
				continue
			}
			if !a.linked(r.Page, p) {
				a.into[r.Page] = append(a.into[r.Page], p)
			}
			if anchorProblem(t, docs, *r) != nil {
				a.broken[p] = true
			}
		}
	}
	if len(a.broken) == 0 {
		return nil
	}
	var out []*content.Page
	for _, p := range pages {
		if a.broken[p.Path] {
			out = append(out, p)
		}
	}
	return out
}

// linked reports whether into already has the link from → to.
func (a *Anchors) linked(to, from string) bool {
	for _, f := range a.into[to] {
		if f == from {
			return true
		}
	}
	return false
}
