package generator

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// buildFiles builds a whole site with the default theme: every output file,
// or the build's error. It is the one place these tests call the builder.
func buildFiles(t *testing.T, fsys fs.FS) (map[string][]byte, error) {
	t.Helper()
	_, files, diags := BuildFiles(Options{FS: fsys, Src: "book"})
	if diags.HasErrors() {
		return nil, diags
	}
	return files, nil
}

// bookFS reads a txtar archive of testdata/books into a file system.
func bookFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/books/" + name)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

var (
	navRe  = regexp.MustCompile(`(?s)<nav aria-label="[^"]*">(.*?)</nav>`)
	itemRe = regexp.MustCompile(`<li class="nav-part">([^<]*)</li>|<a href="([^"]*)"[^>]*>([^<]*)</a>`)
)

// sidebar lists the sidebar of a built page: "href text" per link, "== part"
// per part heading.
func sidebar(t *testing.T, page []byte) []string {
	t.Helper()
	m := navRe.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no sidebar in\n%s", page)
	}
	var out []string
	for _, it := range itemRe.FindAllSubmatch(m[1], -1) {
		if len(it[1]) > 0 {
			out = append(out, "== "+string(it[1]))
		} else {
			out = append(out, string(it[2])+" "+string(it[3]))
		}
	}
	return out
}

func wantList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func page(t *testing.T, files map[string][]byte, name string) []byte {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	return b
}

// TestBookSummary builds a GitBook-shaped book: SUMMARY.md gives the sidebar
// (order, nesting, parts, link texts) and prev/next; pages it leaves out
// follow in natural order; README.md files are folder indexes.
func TestBookSummary(t *testing.T) {
	files, err := buildFiles(t, bookFS(t, "summary.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"SUMMARY/index.html", "docs/index.html", "README/index.html", "ch01/README/index.html"} {
		if _, ok := files[name]; ok {
			t.Errorf("%s was built; SUMMARY.md is not a page and README.md is its folder's index", name)
		}
	}
	home := page(t, files, "index.html")
	wantList(t, "home sidebar", sidebar(t, home), []string{
		"./ 首页",
		"== 第一部分 基础", "ch01/ 第一章 开始", "ch02/ 第二章 进阶",
		"== 第二部分", "appendix/a/ 附录 A",
		"examples/ 示例", // not in SUMMARY.md: after what it lists
	})
	if !strings.Contains(string(home), "<title>示例之书</title>") {
		t.Errorf("the site title is not the home page's heading:\n%s", home)
	}
	for _, link := range []string{`href="ch01/01.1/"`, `href="ch01/"`, `href="appendix/a/#a-%E7%9A%84%E5%B0%8F%E8%8A%82"`} {
		if !strings.Contains(string(home), link) {
			t.Errorf("home page lacks the link %s", link)
		}
	}
	ch := page(t, files, "ch01/01.2/index.html")
	wantList(t, "chapter sidebar", sidebar(t, ch), []string{
		"../../ 首页",
		"== 第一部分 基础", "../ 第一章 开始",
		"./ 1.2 配置", "../01.1/ 1.1 安装", "../01.9/ 1.9 也不在目录里", "../01.10/ 1.10 不在目录里",
		"../../ch02/ 第二章 进阶",
		"== 第二部分", "../../appendix/a/ 附录 A",
		"../../examples/ 示例", // not in SUMMARY.md: after what it lists
	})
	for _, want := range []string{`rel="prev" href="../"`, `rel="next" href="../01.1/"`, `<a href="../">本章</a>`, `<a href="../../">前言</a>`} {
		if !strings.Contains(string(ch), want) {
			t.Errorf("ch01/01.2 lacks %s", want)
		}
	}
	last := page(t, files, "ch01/01.10/index.html")
	if !strings.Contains(string(last), `rel="next" href="../../ch02/"`) {
		t.Errorf("after the unlisted 1.10 comes chapter 2; got\n%s", last)
	}
	for _, f := range []string{"ch01/img/setup.png", "examples/hello.go"} {
		if _, ok := files[f]; !ok {
			t.Errorf("%s was not copied", f)
		}
	}
	ch2 := string(page(t, files, "ch02/index.html"))
	for _, want := range []string{"<title>第二章 进阶 · 示例之书</title>", `href="../examples/hello.go"`, `href="../examples/"`} {
		if !strings.Contains(ch2, want) {
			t.Errorf("ch02 (no # heading, its title from SUMMARY.md) lacks %s", want)
		}
	}
}

// TestBookNatural builds a book with neither SUMMARY.md nor front matter,
// its pages at the site root: weight first, then file names in natural order.
func TestBookNatural(t *testing.T) {
	files, err := buildFiles(t, bookFS(t, "natural.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	wantList(t, "sidebar", sidebar(t, page(t, files, "index.html")), []string{
		"./ 首页", "9/ 九，但排第一", "01.1/ 第一节", "1.2/ 第二节", "2/ Zed 二", "10.1/ 十点一",
		"11.2/ 十一点二", "11.9/ 十一点九", "11.10/ 十一点十", "src/ 源码",
	})
	for name := range files {
		for _, never := range []string{"notes.txt", "drafts/", "public/", "templates/", "zhinan.yaml", "README/"} {
			if strings.HasPrefix(name, never) {
				t.Errorf("%s was built; it is not part of the site", name)
			}
		}
	}
	if !strings.Contains(string(files["index.html"]), `href="src/"`) {
		t.Errorf("the link to a folder with a README.md does not go to the folder")
	}
}

// TestBookErrors: a broken chapter link in SUMMARY.md is reported at its
// line and column; a missing folder of pages says what is there instead.
func TestBookErrors(t *testing.T) {
	fsys := bookFS(t, "summary.txtar")
	fsys["SUMMARY.md"] = &fstest.MapFile{Data: []byte("# 目录\n\n* [前言](docs/README.md)\n* [丢失](docs/lost.md)\n* [外面](other/x.md)\n")}
	_, err := buildFiles(t, fsys)
	for _, want := range []string{
		`SUMMARY.md:4:8: broken link "docs/lost.md": no page docs/lost.md`,
		`SUMMARY.md:5:8: chapter "other/x.md" is outside the folder of pages docs/`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error:\n%v\nwant it to hold:\n%s", err, want)
		}
	}
	fsys["docs/ch02.md"] = &fstest.MapFile{Data: []byte("# 第二章\n\n[main.go](../src/main.go)\n")}
	_, err = buildFiles(t, fsys)
	if want := `docs/ch02.md:3:1: broken link "../src/main.go": src/main.go is outside the folder of pages docs/`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error:\n%v\nwant it to hold:\n%s", err, want)
	}
	fsys["zhinan.yaml"] = &fstest.MapFile{Data: []byte("title: x\n")}
	_, err = buildFiles(t, fsys)
	want := `content: no folder content/ for the site's Markdown pages; Markdown files are in docs/ (9): set "content: docs" in zhinan.yaml`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error:\n%v\nwant it to hold:\n%s", err, want)
	}
}

// The theme's words come from the language file zhinan.yaml's language
// picks, with neutral defaults: no guide-specific words on another site.
func TestBookWords(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"", []string{`placeholder="搜索（按 / 键）"`, `<nav aria-label="目录">`, `>首页</a>`, `<summary class="menu-button">菜单</summary>`, `aria-label="链接到本节：小节"`, `<p class="callout-title">说明</p>`}},
		{"en", []string{`placeholder="Search (press /)"`, `<nav aria-label="Contents">`, `>Home</a>`, `<span>Next</span>第一节`, `lang="en"`, `aria-label="Link to this section: 小节"`, `<p class="callout-title">Note</p>`}},
		{"en-GB", []string{`placeholder="Search (press /)"`}},
	} {
		fsys := bookFS(t, "natural.txtar")
		if tc.lang != "" {
			fsys["zhinan.yaml"].Data = append(fsys["zhinan.yaml"].Data, "language: "+tc.lang+"\n"...)
		}
		files, err := buildFiles(t, fsys)
		if err != nil {
			t.Fatal(err)
		}
		home := string(files["9/index.html"])
		for _, w := range tc.want {
			if !strings.Contains(home, w) {
				t.Errorf("language %q: page lacks %s", tc.lang, w)
			}
		}
		for _, guide := range []string{"搜索指南", "全部指南", "内容仅供参考"} {
			if strings.Contains(home, guide) {
				t.Errorf("language %q: the guide site's own words %q on another site", tc.lang, guide)
			}
		}
	}
}

// TestBookEditsEqualBuild: with the pages at the site root (content: .),
// rebuilding after each edit, as serve does, gives the site a clean build
// gives: an edited chapter, a new SUMMARY.md, a template.
func TestBookEditsEqualBuild(t *testing.T) {
	dir := t.TempDir()
	for name, f := range bookFS(t, "natural.txtar") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	b := NewBuilder(Options{Src: dir})
	if _, diags := b.Build(All); diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, edit := range []struct{ file, text string }{
		{"01.1.md", "# 第一节，改过\n\n见 [第二节](1.2.md)。\n"},
		{"SUMMARY.md", "- [二](2.md)\n- [第一节](01.1.md)\n"},
		{"templates/partials/toc.html", "{{define \"toc\"}}<p>no toc</p>{{end}}\n"},
		{"11.10.md", "# 十一点十，改过\n"},
	} {
		p := filepath.Join(dir, filepath.FromSlash(edit.file))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(edit.text), 0o644); err != nil {
			t.Fatal(err)
		}
		res, diags := b.Build(Change{Paths: []string{edit.file}})
		if diags.HasErrors() {
			t.Fatalf("after editing %s: %v", edit.file, diags)
		}
		got, _ := res.Files()
		_, want, diags := BuildFiles(Options{Src: dir})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if len(got) != len(want) {
			t.Errorf("after editing %s: %d files, a clean build %d", edit.file, len(got), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("after editing %s: %s differs from a clean build", edit.file, name)
			}
		}
	}
}
