package site

import (
	"slices"

	"zhinan/generator/markdown"
)

// Cache keeps what one Build worked out about how pages link to each other,
// for the next Build of the same site to reuse: after an edit to one page
// only that page's links are looked at again, not the links of every page.
// Backlinks depend on nothing but each page's links and the reading order,
// so while the reading order is the same (a save in the preview rarely
// changes it) the cache is patched where a page's document changed, and
// built anew otherwise.
//
// The zero Cache is empty. A Cache is for one site, one Build at a time;
// Input.Cache nil means no reuse.
type Cache struct {
	sources []string         // the last build's pages, in reading order ("" for a generated section)
	docs    []*markdown.Doc  // their documents, by position
	pos     map[string]int32 // position of each source
	targets [][]int32        // by position: the pages it links to, once each, in link order
	back    [][]int32        // by position: the pages that link to it, in reading order
}

// backlinks brings the cache up to date with s.Pages (documents set) and
// returns each page's backlinks, by position.
func (c *Cache) backlinks(pages []*Page) [][]int32 {
	if !c.sameOrder(pages) {
		c.reset(pages)
		return c.back
	}
	for i, p := range pages {
		if p.doc != c.docs[i] {
			c.relink(int32(i), p.doc)
		}
	}
	return c.back
}

// sameOrder reports whether pages are the cached pages in the cached order.
func (c *Cache) sameOrder(pages []*Page) bool {
	if len(pages) != len(c.sources) {
		return false
	}
	for i, p := range pages {
		if p.Source != c.sources[i] {
			return false
		}
	}
	return true
}

func (c *Cache) reset(pages []*Page) {
	c.sources = make([]string, len(pages))
	c.docs = make([]*markdown.Doc, len(pages))
	c.pos = make(map[string]int32, len(pages))
	c.targets = make([][]int32, len(pages))
	c.back = make([][]int32, len(pages))
	for i, p := range pages {
		c.sources[i] = p.Source
		if p.Source != "" {
			c.pos[p.Source] = int32(i)
		}
	}
	for i, p := range pages {
		c.docs[i] = p.doc
		c.targets[i] = c.targetsOf(int32(i), p.doc)
		for _, t := range c.targets[i] {
			c.back[t] = append(c.back[t], int32(i)) // i rises, so each list is in reading order
		}
	}
}

// relink replaces the links of the page at i with those of d.
func (c *Cache) relink(i int32, d *markdown.Doc) {
	for _, t := range c.targets[i] {
		if k, ok := slices.BinarySearch(c.back[t], i); ok {
			c.back[t] = slices.Delete(c.back[t], k, k+1)
		}
	}
	c.docs[i] = d
	c.targets[i] = c.targetsOf(i, d)
	for _, t := range c.targets[i] {
		if k, ok := slices.BinarySearch(c.back[t], i); !ok {
			c.back[t] = slices.Insert(c.back[t], k, i)
		}
	}
}

// targetsOf lists the pages that d, the document of the page at i, links
// to: once each, never the page itself.
func (c *Cache) targetsOf(i int32, d *markdown.Doc) []int32 {
	if d == nil {
		return nil
	}
	var out []int32          // a page links to a handful of others: a slice beats a map
	for k := range d.Links { // by index: a Link is too big to copy for every link of the site
		t, ok := c.pos[d.Links[k].Ref.Page]
		if !ok || t == i || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}
