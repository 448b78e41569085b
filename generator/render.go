package generator

import (
	"zhinan/generator/parallel"

	"zhinan/generator/content"
	"zhinan/generator/markdown"
	"zhinan/generator/site"
)

// renderCache keeps each page's rendered document between builds. An entry is
// reused when the file's bytes are the same and every link in it still
// resolves to the same place (a page it links to may have moved or gone).
//
// Build uses it one step at a time: get on all cores while renderAll runs
// (reads only), keep after it; so it needs no lock.
type renderCache struct {
	entries map[string]renderEntry // by source path
}

type renderEntry struct {
	hash  [32]byte
	table [32]byte // Sum of the URL table the links were resolved with
	doc   *markdown.Doc
}

func (c *renderCache) get(p *content.Page, t *site.Table) *markdown.Doc {
	e, ok := c.entries[p.Path]
	if !ok || e.hash != p.Hash || len(e.doc.Diags) > 0 {
		return nil
	}
	if e.table == t.Sum() {
		return e.doc // same pages and files: every link resolves as before
	}
	for _, l := range e.doc.Links {
		ref, err := t.Resolve(p.Path, l.Dest)
		if err != nil || ref != l.Ref {
			return nil
		}
	}
	return e.doc
}

// keep replaces the cache's contents with this build's documents, so pages
// that are gone do not linger.
func (c *renderCache) keep(pages []*content.Page, docs map[string]*markdown.Doc, t *site.Table) {
	entries := make(map[string]renderEntry, len(pages))
	for _, p := range pages {
		entries[p.Path] = renderEntry{hash: p.Hash, table: t.Sum(), doc: docs[p.Path]}
	}
	c.entries = entries
}

// renderAll renders every page on all cores, reusing cached documents. It
// returns the documents by source path and the source paths of the pages
// rendered anew.
func renderAll(md *markdown.Renderer, pages []*content.Page, t *site.Table, cache *renderCache) (map[string]*markdown.Doc, []string) {
	docs := make([]*markdown.Doc, len(pages))
	fresh := make([]bool, len(pages))
	parallel.For(len(pages), 0, func(i int) {
		p := pages[i]
		if d := cache.get(p, t); d != nil {
			docs[i] = d
			return
		}
		docs[i] = md.Render(p.File, p.Path, p.Body, t)
		fresh[i] = true
	})
	out := make(map[string]*markdown.Doc, len(pages))
	var rendered []string
	for i, p := range pages {
		out[p.Path] = docs[i]
		if fresh[i] {
			rendered = append(rendered, p.Path)
		}
	}
	return out, rendered
}
