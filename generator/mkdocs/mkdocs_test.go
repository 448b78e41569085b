package mkdocs

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator/summary"
)

// outline prints a table of contents one item a line, indented by depth.
func outline(s *summary.Summary) string {
	var b strings.Builder
	var walk func(items []*summary.Item, depth int)
	walk = func(items []*summary.Item, depth int) {
		for _, it := range items {
			fmt.Fprintf(&b, "%s%s -> %s @%d:%d\n", strings.Repeat("  ", depth), it.Title, it.Dest, it.Line, it.Col)
			walk(it.Children, depth+1)
		}
	}
	walk(s.Items, 0)
	return b.String()
}

// A child file inherits what it does not set from its parent, two levels
// up; Python tags are plain values; the nav comes from the parent when the
// child has none.
func TestReadInherit(t *testing.T) {
	fsys := fstest.MapFS{
		"zh/mkdocs.yml": {Data: []byte("INHERIT: ../base/mkdocs.yml\nsite_name: 中文\nextra:\n  x: !ENV [X, y]\n")},
		"base/mkdocs.yml": {Data: []byte("INHERIT: root.yml\nsite_name: Base\ndocs_dir: pages\n" +
			"markdown_extensions:\n  - e:\n      f: !!python/name:a.b.c\nnav:\n  - Home: index.md\n")},
		"base/root.yml": {Data: []byte("theme:\n  language: zh\nrepo_url: https://github.com/a/b\nexclude_docs: |\n  # note\n  drafts/\n  !keep.md\n")},
	}
	c, diags := Read(fsys, "zh/mkdocs.yml")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	got := fmt.Sprintf("%s|%s|%s|%s|%v|%s|%s", c.SiteName, c.DocsDir, c.Pages(), c.Language, c.ExcludeDocs, c.Inherit, c.EditPrefix())
	want := "中文|pages|zh/pages|zh|[drafts/]|base/mkdocs.yml|https://github.com/a/b/edit/master/"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	nav, _ := c.Nav(c.Pages())
	if nav == nil || nav.File != "base/mkdocs.yml" || outline(nav) != "Home -> index.md @8:11\n" {
		t.Errorf("nav from the parent: %+v", nav)
	}
}

// Nav entries: a path, a titled path, a section whose first entry is its
// index page, a section without one, an external link, and an entry that is
// neither (a warning at its place).
func TestNav(t *testing.T) {
	src := "site_name: x\nnav:\n  - index.md\n  - 安装: install.md\n  - 图论:\n      - graph/index.md\n" +
		"      - 最短路: graph/shortest.md\n  - 附录:\n      - a.md\n  - Blog: https://example.org/\n  - [not, an, entry]\n"
	c, diags := Read(fstest.MapFS{"mkdocs.yml": {Data: []byte(src)}}, "mkdocs.yml")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	nav, diags := c.Nav("docs")
	want := ` -> index.md @3:5
安装 -> install.md @4:9
图论 -> graph/index.md @6:9
  最短路 -> graph/shortest.md @7:14
附录 ->  @8:5
  a.md -> a.md @9:9
Blog -> https://example.org/ @10:11
`
	want = strings.Replace(want, "  a.md -> a.md", "   -> a.md", 1)
	if got := outline(nav); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if nav.Base != "docs" {
		t.Errorf("base %q, want docs", nav.Base)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "mkdocs.yml:11:5: warning: nav entry is not a page or a section") {
		t.Errorf("diagnostics: %v", diags)
	}
}

// edit_uri: given (relative or whole), or GitHub's default; a prefix only
// when it ends with docs_dir, which the pages' paths hold.
func TestEditPrefix(t *testing.T) {
	for _, tc := range []struct{ repo, edit, docs, want string }{
		{"https://github.com/a/b", "", "", "https://github.com/a/b/edit/master/"},
		{"https://github.com/a/b/", "edit/main/docs/", "", "https://github.com/a/b/edit/main/"},
		{"https://example.org/a/b", "", "", ""},
		{"https://github.com/a/b", "https://x.org/edit/?ref=", "", ""},
		{"https://github.com/a/b", "blob/main/src/book/", "src/book", "https://github.com/a/b/blob/main/"},
		{"", "edit/main/docs/", "", ""},
	} {
		c := &Config{File: "mkdocs.yml", RepoURL: tc.repo, EditURI: tc.edit, DocsDir: tc.docs}
		if got := c.EditPrefix(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc, got, tc.want)
		}
	}
}

// Read never fails on any bytes, and Nav never panics.
func FuzzRead(f *testing.F) {
	f.Add("nav:\n  - a: [b.md, {c: d.md}]\n  - !!python/name:x y\n")
	f.Add("INHERIT: mkdocs.yml\nnav: [a.md]\n")
	f.Add("nav:\n  - a:\n    - b:\n      - c.md\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, _ := Read(fstest.MapFS{"mkdocs.yml": {Data: []byte(src)}}, "mkdocs.yml")
		c.Nav(c.Pages())
		c.EditPrefix()
	})
}
