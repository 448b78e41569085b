package site

import (
	"net/url"
	"path"
	"strings"
	"testing"

	"zhinan/generator/content"
)

func testTable(t testing.TB) *Table {
	var pages []*content.Page
	for _, p := range []string{"_index.md", "platforms/_index.md", "platforms/ios.md", "data/backup.md", "群聊.md", "book/index.md"} {
		pages = append(pages, &content.Page{Path: p, File: "content/" + p, Section: strings.HasSuffix(p, "index.md")})
	}
	table, diags := NewTable("/guide/", content.Tree{}, pages, []string{"platforms/img/a.png", "docs/手册.pdf"})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return table
}

func TestResolve(t *testing.T) {
	table := testTable(t)
	for _, tc := range []struct{ from, dest, href, page, frag, err string }{
		{"platforms/ios.md", "../data/backup.md#电脑端备份", "../../data/backup/#电脑端备份", "data/backup.md", "电脑端备份", ""},
		{"platforms/ios.md", "#步骤", "#步骤", "platforms/ios.md", "步骤", ""},
		{"platforms/ios.md", "ios.md#步骤", "#步骤", "platforms/ios.md", "步骤", ""},
		{"platforms/ios.md", "ios.md", "./", "platforms/ios.md", "", ""},
		{"_index.md", "_index.md", "./", "_index.md", "", ""},
		{"platforms/ios.md", "_index.md", "../", "platforms/_index.md", "", ""},
		{"data/backup.md", "../platforms/", "../../platforms/", "platforms/_index.md", "", ""},
		{"data/backup.md", "../platforms", "../../platforms/", "platforms/_index.md", "", ""},
		{"data/backup.md", "../", "../../", "_index.md", "", ""},
		{"platforms/ios.md", "img/a.png", "../img/a.png", "", "", ""},
		{"_index.md", "%E7%BE%A4%E8%81%8A.md#%E6%88%90%E5%91%98", "群聊/#%E6%88%90%E5%91%98", "群聊.md", "成员", ""},
		{"_index.md", "群聊.md?x=1", "群聊/?x=1", "群聊.md", "", ""},
		{"_index.md", "/platforms/ios.md", "platforms/ios/", "platforms/ios.md", "", ""},
		{"_index.md", "book/", "book/", "book/index.md", "", ""},
		{"_index.md", "docs/手册.pdf#page=2", "docs/手册.pdf#page=2", "", "", ""},
		{"_index.md", "nope.md", "", "", "", "no page content/nope.md"},
		{"_index.md", "platforms/ios", "", "", "", "no file content/platforms/ios (link to the source, ios.md)"},
		{"_index.md", "platforms/img/b.png", "", "", "", "no file or section content/platforms/img/b.png"},
		{"platforms/ios.md", "../data/", "", "", "", "no index page in content/data/ (add _index.md or README.md)"},
		{"_index.md", "platforms/img", "", "", "", "no index page in content/platforms/img/ (add _index.md or README.md)"},
		{"data/backup.md", "../platforms/ios.html#x", "../../platforms/ios/#x", "platforms/ios.md", "x", ""},
		{"data/backup.md", "../platforms/index.html", "../../platforms/", "platforms/_index.md", "", ""},
		{"data/backup.md", "../index.html", "../../", "_index.md", "", ""},
		{"_index.md", "../../../etc/passwd", "", "", "", "../../etc/passwd is outside the folder of pages content/ (link to it by URL, or widen content: in zhinan.yaml)"},
		{"_index.md", "platforms/img/a.png#x", "", "", "", "a fragment on file content/platforms/img/a.png"},
	} {
		ref, err := table.Resolve(tc.from, tc.dest)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("Resolve(%q, %q) error = %v, want %q", tc.from, tc.dest, err, tc.err)
			}
			continue
		}
		if err != nil || ref.Href != tc.href || ref.Page != tc.page || ref.Fragment != tc.frag {
			t.Errorf("Resolve(%q, %q) = %+v, %v; want href %q page %q fragment %q", tc.from, tc.dest, ref, err, tc.href, tc.page, tc.frag)
		}
	}
}

// FuzzResolve: any destination resolves to a relative URL that, read from
// the page's folder, stays under the base path (or a same-page fragment), or
// gives an error; never a panic, never a way out.
func FuzzResolve(f *testing.F) {
	table := testTable(f)
	for _, s := range []string{"../data/backup.md#x", "#", "%zz", "/../..", "a/../../b.md", "群聊.md", "?", "..%2f..%2f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		ref, err := table.Resolve("platforms/ios.md", dest)
		if err != nil {
			return
		}
		if strings.HasPrefix(ref.Href, "#") {
			return
		}
		u, err := url.Parse(ref.Href)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Fatalf("Resolve(%q) = %q, not a relative URL", dest, ref.Href)
		}
		if abs := path.Join("/guide/platforms/ios/", u.Path); !strings.HasPrefix(abs+"/", "/guide/") {
			t.Fatalf("Resolve(%q) = %q, outside the site (%s)", dest, ref.Href, abs)
		}
		if ref.Page != "" && table.Page(ref.Page) == nil {
			t.Fatalf("Resolve(%q) names unknown page %q", dest, ref.Page)
		}
	})
}

func TestRelURL(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", "./"},
		{"", "platforms/ios/", "platforms/ios/"},
		{"platforms/ios/", "", "../../"},
		{"platforms/ios/", "platforms/", "../"},
		{"platforms/ios/", "platforms/ios/", "./"},
		{"platforms/ios/", "platforms/android/", "../android/"},
		{"platforms/ios/", "data/backup/", "../../data/backup/"},
		{"platforms/", "platforms/ios/", "ios/"},
		{"platforms/", "platformsx/", "../platformsx/"},
		{"platforms/ios/", "platforms/img/a.png", "../img/a.png"},
		{"a/b/c/", "a/b/c/d/", "d/"},
		{"a/b/c/page/2/", "a/b/c/", "../../"},
	} {
		if got := RelURL(tc.from, tc.to); got != tc.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

// With hash_routes (docsify), "#/x" and "#x/y" are pages, "?id=" their
// heading, and a path without ".md" is the page; without it they stay a
// heading on the page and a missing file.
func TestResolveHashRoutes(t *testing.T) {
	var pages []*content.Page
	for _, p := range []string{"README.md", "guide/README.md", "guide/intro.md"} {
		pages = append(pages, &content.Page{Path: p, File: "docs/" + p, Section: strings.HasSuffix(p, "README.md")})
	}
	routes, _ := NewTable("/", content.Tree{Dir: "docs", HashRoutes: true}, pages, nil)
	plain, _ := NewTable("/", content.Tree{Dir: "docs"}, pages, nil)
	for _, tc := range []struct {
		table            *Table
		dest, href, page string
	}{
		{routes, "#/guide/intro", "guide/intro/", "guide/intro.md"},
		{routes, "#guide/intro?id=%E5%AE%89%E8%A3%85", "guide/intro/#%E5%AE%89%E8%A3%85", "guide/intro.md"},
		{routes, "#/guide/", "guide/", "guide/README.md"},
		{routes, "#/", "./", "README.md"},
		{routes, "/guide/intro", "guide/intro/", "guide/intro.md"},
		{routes, "#install", "#install", "README.md"},
		{plain, "#/guide/intro", "#/guide/intro", "README.md"},
	} {
		ref, err := tc.table.Resolve("README.md", tc.dest)
		if err != nil || ref.Href != tc.href || ref.Page != tc.page {
			t.Errorf("%q (routes %v): got %q %q %v, want %q %q", tc.dest, tc.table.tree.HashRoutes, ref.Href, ref.Page, err, tc.href, tc.page)
		}
	}
	if _, err := plain.Resolve("README.md", "guide/intro"); err == nil {
		t.Errorf("a path without .md resolved without hash_routes")
	}
}
