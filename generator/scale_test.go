package generator

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator/site"
)

// buildSite builds a whole site in memory with the default theme and
// returns its files. Every test of this file builds through it.
func buildSite(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	_, files, diags := BuildFiles(Options{FS: fsys})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	return files
}

// bigSection is a site with one section of n pages and a small one, every
// page tagged 大, so the section, the tag page and the sidebar all have
// more than fit.
func bigSection(n int) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/_index.md":       {Data: []byte("# 首页\n\n见[第 7 篇](big/p007.md)。\n")},
		"content/big/_index.md":   {Data: []byte("---\ntitle: 大栏目\n---\n")},
		"content/small/_index.md": {Data: []byte("---\ntitle: 小栏目\n---\n")},
		"content/small/a.md":      {Data: []byte("---\ntitle: 小页\naliases: [/old/deep/]\n---\n\n回到[大栏目](../big/)。\n")},
	}
	for i := range n {
		fsys[fmt.Sprintf("content/big/p%03d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: 第 %03d 篇\nweight: %d\ntags: [大]\n---\n\n## 正文\n\n见[小页](../small/a.md)。\n", i, i+1)}
	}
	return fsys
}

var hrefRE = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)

// sideLinks is the hrefs and texts of a page's sidebar.
func sideLinks(t *testing.T, page []byte) []string {
	t.Helper()
	s := string(page)
	i, j := strings.Index(s, `<ul class="nav-tree">`), strings.Index(s, "</nav>")
	if i < 0 || j < i {
		t.Fatalf("no sidebar in\n%.400s", s)
	}
	var items []string
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`).FindAllStringSubmatch(s[i:j], -1) {
		items = append(items, m[2]+"="+m[1])
	}
	return items
}

// TestSidebarBounded: on a page in the middle of a section of 300, the
// sidebar shows the home, the top sections, NavLimit pages around the
// current one, and "more" links to the list pages holding the pages before
// and after them.
func TestSidebarBounded(t *testing.T) {
	files := buildSite(t, bigSection(300))
	items := sideLinks(t, files["big/p150/index.html"])
	want := []string{"首页=../../", "大栏目=../", "更多…=../page/4/"}
	for i := 150 - site.NavLimit/2; i < 150-site.NavLimit/2+site.NavLimit; i++ {
		href := fmt.Sprintf("../p%03d/", i)
		if i == 150 {
			href = "./"
		}
		want = append(want, fmt.Sprintf("第 %03d 篇=%s", i, href))
	}
	// 142 and 158 are both on the fourth list page (120 to 159).
	want = append(want, "更多…=../page/4/", "小栏目=../../small/")
	if got := strings.Join(items, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("sidebar of big/p150/:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if !strings.Contains(string(files["big/p150/index.html"]), `<a href="./" aria-current="page">第 150 篇</a>`) {
		t.Error("the current page is not marked in the sidebar")
	}
	// At the ends of the list the window stays NavLimit long.
	first := sideLinks(t, files["big/p000/index.html"])
	if len(first) != 2+site.NavLimit+1+1 || first[2] != "第 000 篇=./" || first[2+site.NavLimit] != "更多…=../" {
		t.Errorf("sidebar of the first page: %q", first)
	}
	// Pages of the other section see the big one closed.
	if got := sideLinks(t, files["small/a/index.html"]); len(got) != 4 {
		t.Errorf("sidebar of small/a/: %q", got)
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".html") && len(b) > 30_000 {
			t.Errorf("%s: %d bytes", name, len(b))
		}
	}
}

// TestListsPaginated: a section and a tag of 300 pages list them ListSize
// at a time, and following the pagers from the first list page reaches
// every page exactly once, without JavaScript.
func TestListsPaginated(t *testing.T) {
	files := buildSite(t, bigSection(300))
	for _, list := range []string{"big/", "tags/大/"} {
		seen := map[string]int{}
		page, pages := list, 0
		for page != "" {
			cur := page
			b, ok := files[page+"index.html"]
			if !ok {
				t.Fatalf("no list page %s", page)
			}
			pages++
			s := string(b)
			cards := s[strings.Index(s, `<ul class="cards">`):]
			cards = cards[:strings.Index(cards, "</ul>")]
			n := 0
			for _, m := range hrefRE.FindAllStringSubmatch(cards, -1) {
				seen[resolveRel(page, m[1])]++
				n++
			}
			if n > site.ListSize {
				t.Errorf("%s lists %d pages", page, n)
			}
			next := regexp.MustCompile(`<a class="next" rel="next" href="([^"]*)">下一页</a>`).FindStringSubmatch(s)
			page = ""
			if next != nil {
				page = resolveRel(cur, next[1])
			}
		}
		if want := (300 + site.ListSize - 1) / site.ListSize; pages != want {
			t.Errorf("%s: %d list pages, want %d", list, pages, want)
		}
		for i := range 300 {
			if p := fmt.Sprintf("big/p%03d/", i); seen[p] != 1 {
				t.Errorf("%s: %s listed %d times", list, p, seen[p])
			}
		}
	}
	pager := string(files["big/page/4/index.html"])
	for _, want := range []string{`<title>大栏目（第 4 页）`, `<a class="prev" rel="prev" href="../3/">上一页</a>`,
		`<a href="../../">1</a>`, `<span class="gap">…</span>`, `<span aria-current="page">4</span>`, `<a href="../8/">8</a>`} {
		if !strings.Contains(pager, want) {
			t.Errorf("big/page/4/ has no %s", want)
		}
	}
	if strings.Contains(pager, `href="../7/">7<`) {
		t.Error("the pager of page 4 lists page 7: it should stop two after the current one")
	}
}

// resolveRel reads a relative href in the page at folder dir.
func resolveRel(dir, href string) string {
	parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	if dir == "" {
		parts = nil
	}
	for _, seg := range strings.Split(strings.TrimSuffix(href, "/"), "/") {
		switch seg {
		case "..":
			parts = parts[:len(parts)-1]
		case ".", "":
		default:
			parts = append(parts, seg)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "/") + "/"
}

// TestLinksRelative: every link of every page of a site, the sub-path and
// the pagers included, leads to a file of the output when read relative to
// the page, with no base path written in; 404.html keeps base-path-absolute
// links, as servers send it for any missing path; the feed stays absolute.
func TestLinksRelative(t *testing.T) {
	fsys := bigSection(60)
	fsys["zhinan.yaml"] = &fstest.MapFile{Data: []byte("base_url: https://example.org/guide/\n")}
	files := buildSite(t, fsys)
	for _, m := range checkLinks(files, "/guide/") {
		t.Error(m)
	}
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(string(b), -1) {
			if strings.HasPrefix(m[1], "/") {
				t.Errorf("%s: root-absolute link %s", name, m[1])
			}
		}
	}
	notFound := string(files["404.html"])
	for _, want := range []string{`<a class="brand" href="/guide/">`, `href="/guide/assets/site.css"`, `<a href="/guide/big/">大栏目</a>`} {
		if !strings.Contains(notFound, want) {
			t.Errorf("404.html has no %s", want)
		}
	}
	if s := string(files["old/deep/index.html"]); !strings.Contains(s, `url=../../small/a/"`) {
		t.Errorf("alias does not redirect relatively:\n%s", s)
	}
	if s := string(files["index.xml"]); !strings.Contains(s, `href="https://example.org/guide/`) {
		t.Errorf("feed links are not absolute:\n%.600s", s)
	}
}
