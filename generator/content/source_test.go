package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestTreeRel(t *testing.T) {
	book := Tree{Dir: ".", Exclude: "drafts/\n*.bak\nnotes/**/*.txt", Output: "public"}
	for file, want := range map[string]string{
		"README.md":         "README.md",
		"ch/01.1.md":        "ch/01.1.md",
		"SUMMARY.md":        "",
		"zhinan.yaml":       "",
		"templates/a.html":  "",
		"public/index.html": "",
		"i18n/en.yaml":      "",
		".git/config":       "",
		"node_modules/x.md": "",
		"a/node_modules/x":  "",
		"drafts/x.md":       "",
		"a/drafts/x.md":     "",
		"x.bak":             "",
		"notes/a/b.txt":     "",
		"notes/a/b.md":      "notes/a/b.md",
		"drafts.md":         "drafts.md", // drafts/ is a folder pattern
	} {
		got, ok := book.Rel(file)
		if (want != "") != ok || got != want && ok {
			t.Errorf("content .: Rel(%q) = %q, %v; want %q", file, got, ok, want)
		}
	}
	// The output folder, whatever its name, is never pages; a folder that
	// only shares its name is.
	for tree, want := range map[Tree]string{
		{Dir: ".", Output: "site"}:          "public/index.md out/site/a.md docs/_site/a.md docs/a/_site/b.md",
		{Dir: ".", Output: "out/site"}:      "site/index.md public/index.md docs/_site/a.md docs/a/_site/b.md",
		{Dir: "docs", Output: "docs/_site"}: "docs/a/_site/b.md",
		{Dir: ".", Output: ""}:              "site/index.md public/index.md out/site/a.md docs/_site/a.md docs/a/_site/b.md",
	} {
		var got []string
		for _, f := range []string{"site/index.md", "public/index.md", "out/site/a.md", "docs/_site/a.md", "docs/a/_site/b.md"} {
			if _, ok := tree.Rel(f); ok {
				got = append(got, f)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%+v: pages %q, want %q", tree, got, want)
		}
	}
	docs := Tree{Dir: "docs"}
	if rel, ok := docs.Rel("docs/a/b.md"); !ok || rel != "a/b.md" || docs.File(rel) != "docs/a/b.md" {
		t.Errorf("content docs: Rel = %q, %v", rel, ok)
	}
	if _, ok := docs.Rel("templates/page.html"); ok {
		t.Errorf("content docs: the theme is not a page")
	}
	if _, ok := (Tree{}).Rel("content/templates/x.md"); !ok {
		t.Errorf("a folder named templates inside content/ holds pages")
	}
}

func TestLoadBook(t *testing.T) {
	fsys := fstest.MapFS{
		"README.md":           {Data: []byte("# Book\n")},
		"SUMMARY.md":          {Data: []byte("- [Book](README.md)\n")},
		"a/README.md":         {Data: []byte("# A\n")},
		"b/_index.md":         {Data: []byte("# B\n")},
		"b/README.md":         {Data: []byte("# B's readme, a page\n")},
		"zhinan.yaml":         {Data: []byte("content: .\n")},
		"public/index.html":   {Data: []byte("old")},
		"templates/page.html": {Data: []byte("x")},
		"img/a.png":           {Data: []byte("png")},
	}
	site, diags := Load(fsys, Tree{Dir: ".", Output: "public"}, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, p := range site.Pages {
		got = append(got, p.File+map[bool]string{true: " (index)"}[p.Section])
	}
	if want := "README.md (index)|a/README.md (index)|b/README.md|b/_index.md (index)"; strings.Join(got, "|") != want {
		t.Errorf("pages %q, want %q", strings.Join(got, "|"), want)
	}
	if strings.Join(site.Assets, "|") != "img/a.png" {
		t.Errorf("assets %q", site.Assets)
	}
	if site.Summary == nil || site.Summary.File != "SUMMARY.md" {
		t.Errorf("SUMMARY.md not read")
	}
}
