package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"zhinan/generator"
	"zhinan/generator/site"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/init/*.txtar")

// Each archive of testdata/init is another tool's site: init recognises it
// and writes want/zhinan.yaml (and says want/init), and the build of the
// site as it is then follows its navigation: want/order is the reading
// order (prev/next), one page a line, indented by nesting, with the title
// the sidebar shows, then the build's diagnostics.
func TestInitTools(t *testing.T) {
	archives, _ := filepath.Glob("testdata/init/*.txtar")
	for _, archive := range archives {
		t.Run(filepath.Base(archive), func(t *testing.T) {
			ar, err := txtar.ParseFile(archive)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeSite(t, archive)
			msg, err := initSite(dir)
			if err != nil {
				t.Fatal(err)
			}
			settings, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml"))
			res, _, diags := generator.BuildFiles(generator.Options{FS: os.DirFS(dir), Src: "book"})
			got := map[string]string{
				"want/init":        strings.ReplaceAll(msg, dir, "$DIR"),
				"want/zhinan.yaml": string(settings),
				"want/order":       readingOrder(res) + diags.Error(),
			}
			changed := false
			for i, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if *update {
					ar.Files[i].Data, changed = []byte(want), true
				} else if string(f.Data) != want {
					t.Errorf("%s:\n%s\nwant:\n%s", f.Name, want, f.Data)
				}
			}
			if changed {
				os.WriteFile(archive, txtar.Format(ar), 0o644)
			}
		})
	}
}

// readingOrder lists the pages from the first along Next: each with its
// sidebar title and source, indented by its depth in the section tree, with
// the part heading above it when it has one; it checks Prev on the way.
func readingOrder(res *generator.Result) string {
	if res == nil {
		return "no site\n"
	}
	var b strings.Builder
	var prev *site.Page
	for p := res.Site.Home; p != nil; prev, p = p, p.Next {
		if p.Prev != prev {
			fmt.Fprintf(&b, "!! prev of %s is not %s\n", p.File, prev.File)
		}
		depth := 0
		for q := p.Parent; q != nil; q = q.Parent {
			depth++
		}
		if p.Part != "" {
			fmt.Fprintf(&b, "%s== %s\n", strings.Repeat("  ", depth), p.Part)
		}
		fmt.Fprintf(&b, "%s%s (%s)\n", strings.Repeat("  ", depth), p.NavTitle, p.File)
	}
	return b.String()
}

// The language guess samples files across the whole book, not only the
// first ones (often an English README), and skips code.
func TestGuessLanguage(t *testing.T) {
	dir := t.TempDir()
	var files []string
	write := func(name, text string) {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
		files = append(files, name)
	}
	write("00-readme.md", "# About\n\nThis repository holds the book and its build scripts, with a license.\n")
	write("01-license.md", "# License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n")
	for i := 2; i < 8; i++ {
		write(fmt.Sprintf("%02d.md", i), "# 第几章\n\n这一章讲怎样读书。\n\n```go\nfunc main() { println(\"many english words here in the code\") }\n```\n")
	}
	if got := guessLanguage(dir, files); got != "zh-CN" {
		t.Errorf("got %s, want zh-CN", got)
	}
	if got := guessLanguage(dir, files[:2]); got != "en" {
		t.Errorf("English files: got %s, want en", got)
	}
	if themeLanguage("zh-Hans") != "zh-CN" || themeLanguage("zh_TW") != "zh-CN" || themeLanguage("ja") != "en" {
		t.Errorf("themeLanguage")
	}
}

// A nav entry naming a missing page is a broken link at its line and
// column in mkdocs.yml: an error, and a warning under links: warn.
func TestNavBrokenEntry(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"mkdocs.yml":    "site_name: x\nnav:\n  - Home: index.md\n  - 缺页: missing.md\n",
		"docs/index.md": "# Home\n",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	if _, err := initSite(dir); err != nil {
		t.Fatal(err)
	}
	_, _, diags := generator.BuildFiles(generator.Options{FS: os.DirFS(dir), Src: "x"})
	want := `mkdocs.yml:4:9: broken link "missing.md": no page docs/missing.md`
	if !diags.HasErrors() || !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics:\n%v\nwant %s", diags, want)
	}
	f, _ := os.OpenFile(filepath.Join(dir, "zhinan.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("links: warn\n")
	f.Close()
	_, _, diags = generator.BuildFiles(generator.Options{FS: os.DirFS(dir), Src: "x"})
	if diags.HasErrors() || !strings.Contains(diags.Error(), "mkdocs.yml:4:9: warning: broken link") {
		t.Errorf("under links: warn:\n%v", diags)
	}
}
