package generator

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncrementalEqualsClean is the preview's promise: after any sequence
// of edits, the site that Build(Change) gives (pages made on demand, only
// changed files re-read, cached renders reused) is byte for byte the site a
// clean build of the same files gives, with the same diagnostics: also when
// a page has a broken link or anchor, bad front matter, or a template that
// fails on it.
func TestIncrementalEqualsClean(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// page i, version v: its headings change with v; it links to a heading
	// of the next page that always exists, or, when broken, to one that
	// never does or to a page that does not exist (the page has a problem
	// until it is written again).
	page := func(i, v int, tag string, weight int, broken bool) string {
		target := fmt.Sprintf("p%d.md#说明", (i+1)%8)
		if broken {
			target = []string{fmt.Sprintf("p%d.md#第9节", (i+1)%8), "未写.md"}[v%2]
		}
		return fmt.Sprintf("---\ntitle: 页面%d 版本%d\ntags: [%s]\nweight: %d\n---\n## 说明\n## 第%d节\n正文 %d。见 [下一页](%s) 和 [首页](../_index.md)。\n",
			i, v, tag, weight, v%3, v, target)
	}
	write("content/_index.md", "# 首页\n\n[开始](s/p0.md)\n")
	write("content/s/_index.md", "---\ntitle: 栏目\n---\n")
	for i := range 8 {
		write(fmt.Sprintf("content/s/p%d.md", i), page(i, 0, "甲", i, false))
	}
	// A site template overriding the theme's page layout, changed by one
	// kind of step: later content-only steps must use the new one.
	layout, err := os.ReadFile("../templates/page.html")
	if err != nil || !bytes.Contains(layout, []byte(`<article class="guide">`)) {
		t.Fatalf("the theme's page.html (%v) has no <article class=\"guide\"> to mark", err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	b := NewBuilder(Options{Src: dir})
	if _, diags := b.Build(All); len(diags) > 0 {
		t.Fatal(diags)
	}
	withProblems := 0
	for step := range 60 {
		i := rng.IntN(8)
		rel := fmt.Sprintf("content/s/p%d.md", i)
		switch rng.IntN(7) {
		case 0: // body and headings change: links into this page must follow
			write(rel, page(i, step, "甲", i, rng.IntN(6) == 0))
		case 1: // front matter: title, tag and order change
			write(rel, page(i, step%3, []string{"甲", "乙", "丙"}[rng.IntN(3)], rng.IntN(5), false))
		case 2: // the section's title changes
			write("content/s/_index.md", fmt.Sprintf("---\ntitle: 栏目%d\n---\n", step))
			rel = "content/s/_index.md"
		case 3: // an image is added: the set of files changes
			write(fmt.Sprintf("content/s/img%d.png", step), "PNG")
			rel = fmt.Sprintf("content/s/img%d.png", step)
		case 4: // the site's page layout changes; on the page titled
			// 坏模板 it fails (index out of range)
			rel = "templates/page.html"
			write(rel, strings.Replace(string(layout), `<article class="guide">`,
				fmt.Sprintf(`<article class="guide" data-step="%d">{{if eq .Page.Title "坏模板"}}{{index .Page.Meta.Tags 9}}{{end}}`, step), 1))
		case 5: // bad front matter: an unknown key
			write(rel, "---\ntitel: 错字\n---\n## 说明\n正文。\n")
		case 6: // the page the layout fails on
			write(rel, "---\ntitle: 坏模板\n---\n## 说明\n正文。\n")
		}
		got, gotDiags := b.Build(Change{Paths: []string{rel}})
		want, wantDiags := NewBuilder(Options{Src: dir}).Build(All)
		if gotDiags.Error() != wantDiags.Error() {
			t.Fatalf("step %d: diagnostics differ:\n%v\nclean:\n%v", step, gotDiags, wantDiags)
		}
		if got == nil || want == nil {
			t.Fatalf("step %d: no site (incremental %v, clean %v)", step, got != nil, want != nil)
		}
		names, wantNames := got.Names(), want.Names()
		if strings.Join(names, "\n") != strings.Join(wantNames, "\n") {
			t.Fatalf("step %d: files %q, clean build has %q", step, names, wantNames)
		}
		problems := len(gotDiags)
		for _, name := range names {
			data, err := got.File(name)
			wdata, werr := want.File(name)
			if fmt.Sprint(err) != fmt.Sprint(werr) || !bytes.Equal(data, wdata) {
				t.Fatalf("step %d: %s differs from a clean build (err %v, clean %v)", step, name, err, werr)
			}
			if err != nil {
				problems++
			}
		}
		if problems > 0 {
			withProblems++
		}
	}
	// Both kinds of state must have been met.
	if withProblems < 5 || withProblems > 55 {
		t.Errorf("%d of 60 steps had problems: want between 5 and 55", withProblems)
	}
}
