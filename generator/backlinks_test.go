package generator

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator/site"
)

// A page that many pages link to names MaxBacklinks of them, its own
// section's first, and links to a list of all of them, paginated like a
// section; a page with few backlinks names them all, with no list.
func TestBoundedBacklinks(t *testing.T) {
	const n = 55 // over MaxBacklinks, and over ListSize so the list has two pages
	fsys := fstest.MapFS{
		"content/_index.md":         {Data: []byte("# Home\n")},
		"content/hub/_index.md":     {Data: []byte("# Hub\n")},
		"content/hub/target.md":     {Data: []byte("# Target\n")},
		"content/hub/sibling.md":    {Data: []byte("# Sibling\n\n[t](target.md)\n")},
		"content/other/_index.md":   {Data: []byte("# Other\n")},
		"content/few/_index.md":     {Data: []byte("# Few\n")},
		"content/few/lonely.md":     {Data: []byte("# Lonely\n")},
		"content/few/friend.md":     {Data: []byte("# Friend\n\n[l](lonely.md)\n")},
		"content/other/zzz-last.md": {Data: []byte("# Last\n\n[t](../hub/target.md)\n")},
	}
	for i := 1; i < n; i++ {
		fsys[fmt.Sprintf("content/other/p%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Page %02d\n\n[t](../hub/target.md)\n", i))}
	}
	res, files, diags := BuildFiles(Options{FS: fsys})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	target := pageBySource(t, res, "hub/target.md")
	if len(target.Backlinks) != n+1 || len(target.TopBacklinks) != site.MaxBacklinks {
		t.Fatalf("backlinks %d, top %d; want %d, %d", len(target.Backlinks), len(target.TopBacklinks), n+1, site.MaxBacklinks)
	}
	if got := target.TopBacklinks[0].Source; got != "hub/sibling.md" {
		t.Errorf("first backlink %s, want the page of the same section, hub/sibling.md", got)
	}
	html := string(files["hub/target/index.html"])
	if c := strings.Count(html, `<span class="in">`); c != site.MaxBacklinks {
		t.Errorf("target page names %d backlinks, want %d", c, site.MaxBacklinks)
	}
	if !strings.Contains(html, `href="backlinks/"`) || !strings.Contains(html, fmt.Sprint(n+1)) {
		t.Errorf("target page has no link to the full list of %d backlinks", n+1)
	}
	list1, list2 := string(files["hub/target/backlinks/index.html"]), string(files["hub/target/backlinks/page/2/index.html"])
	if list1 == "" || list2 == "" {
		t.Fatalf("backlinks list pages missing")
	}
	for i := 1; i < n; i++ {
		name := fmt.Sprintf("Page %02d", i)
		if !strings.Contains(list1, ">"+name+"<") && !strings.Contains(list2, ">"+name+"<") {
			t.Errorf("%s is in neither page of the backlinks list", name)
		}
	}
	if !strings.Contains(list1, "Target") || !strings.Contains(list1, `aria-current="page"`) {
		t.Errorf("backlinks list does not say which page it is about")
	}
	few := pageBySource(t, res, "few/lonely.md")
	if len(few.TopBacklinks) != 1 || few.BacklinksList != nil {
		t.Errorf("a page with one backlink: top %d, list %v", len(few.TopBacklinks), few.BacklinksList)
	}
	if _, ok := files["few/lonely/backlinks/index.html"]; ok {
		t.Errorf("a page with one backlink got a backlinks list")
	}
}

func pageBySource(t *testing.T, res *Result, src string) *site.Page {
	t.Helper()
	for _, p := range res.Site.Pages {
		if p.Source == src {
			return p
		}
	}
	t.Fatalf("no page %s", src)
	return nil
}
