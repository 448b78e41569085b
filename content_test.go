package main

import (
	"os"
	"testing"

	"zhinan/generator"
	"zhinan/generator/site"
)

// TestGuides lints the real guides: the site builds with zero diagnostics;
// every page has a "last checked" date and at least one source; every page
// links to at least two others and is linked from at least one; and every
// page can be reached from the home page by following the guides' own links
// (the sidebar is not counted: a reader who follows the text must get
// everywhere).
func TestGuides(t *testing.T) {
	res, _, diags := generator.BuildFiles(generator.Options{FS: os.DirFS(".")})
	if len(diags) > 0 {
		t.Fatalf("the guides have problems:\n%v", diags)
	}
	s := res.Site
	bySource := map[string]*site.Page{}
	for _, p := range s.Pages {
		bySource[p.Source] = p
	}
	out := map[*site.Page][]*site.Page{}
	for _, p := range s.Pages {
		if p.Doc() == nil {
			t.Errorf("%s: generated section without _index.md: every folder of the guides needs an overview", p.URL)
			continue
		}
		if p.Meta.LastChecked.Date.IsZero() {
			t.Errorf("%s: no last_checked in front matter", p.File)
		}
		if len(p.Meta.Sources) == 0 {
			t.Errorf("%s: no sources in front matter", p.File)
		}
		seen := map[*site.Page]bool{}
		for _, l := range p.Doc().Links {
			if q := bySource[l.Ref.Page]; q != nil && q != p && !seen[q] {
				seen[q] = true
				out[p] = append(out[p], q)
			}
		}
		if len(out[p]) < 2 {
			t.Errorf("%s links to %d other pages, want at least 2", p.File, len(out[p]))
		}
		if p != s.Home && len(p.Backlinks) == 0 {
			t.Errorf("%s: no page links to it", p.File)
		}
	}
	reached := map[*site.Page]bool{s.Home: true}
	queue := []*site.Page{s.Home}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range out[p] {
			if !reached[q] {
				reached[q] = true
				queue = append(queue, q)
			}
		}
	}
	for _, p := range s.Pages {
		if !reached[p] {
			t.Errorf("%s cannot be reached from the home page by following links", p.File)
		}
	}
	if n := len(s.Pages); n < 30 {
		t.Errorf("%d pages, want at least 30", n)
	}
}
