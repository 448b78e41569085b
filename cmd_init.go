package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"zhinan/generator/config"
)

// runInit starts a site: in an empty folder a small one to build on, in a
// folder that already holds Markdown (a book's repository) only the settings
// file, pointing at where the Markdown is, so the book builds where it is.
func runInit(args []string) int {
	fs := newFlags("init")
	if rc := parse(fs, args); rc >= 0 {
		return rc
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	msg, err := initSite(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zhinan init:", err)
		return 1
	}
	fmt.Print(msg)
	return 0
}

// initSite writes the new files and says what it did and what to run next.
func initSite(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	settings := filepath.Join(dir, config.File)
	if _, err := os.Stat(settings); err == nil {
		return "", fmt.Errorf("%s exists already; nothing changed", settings)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	serve := "zhinan serve"
	if dir != "." {
		serve += " -src " + dir
	}
	book := findBook(dir)
	if book.pages == 0 {
		files := starterSite()
		files[config.File] = settingsFile("content", "zh-CN", nil)
		if err := writeNew(dir, files); err != nil {
			return "", err
		}
		return fmt.Sprintf("made a small site in %s: %s, content/ with a home page, one section and one page\nnext: %s\n",
			dir, config.File, serve), nil
	}
	settingsText := settingsFile(book.content, book.language, book.exclude)
	if title := bookTitle(dir); title != "" {
		settingsText = strings.Replace(settingsText, "# title: My book                   #", "title: "+strconv.Quote(title)+"  #", 1)
	}
	if err := writeNew(dir, map[string]string{config.File: settingsText}); err != nil {
		return "", err
	}
	return fmt.Sprintf("wrote %s: %d Markdown pages in %s build where they are (no file moved)\nnext: %s\n",
		settings, book.pages, book.content, serve), nil
}

// book is what init finds in a folder that already holds Markdown.
type book struct {
	content  string   // the folder of pages, relative to the site root
	pages    int      // Markdown files in it
	language string   // zh-CN when the pages are in Chinese, else en
	exclude  []string // output folders of other tools found there
}

// findBook decides where a book's pages are: the folder with its
// SUMMARY.md (mdBook keeps it in src/), else content/, else the root when it
// holds Markdown, else the top folder holding the most.
func findBook(dir string) book {
	counts := map[string]int{} // top folder ("." for the root) -> .md files
	han, text := 0, 0
	var summaries, outputs []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if rel != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "public") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel == "_book" || rel == "book" || rel == "site" {
				outputs = append(outputs, rel+"/") // GitBook's, mdBook's and MkDocs' output
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.EqualFold(filepath.Ext(name), ".md") {
			return nil
		}
		top, _, nested := strings.Cut(rel, "/")
		if !nested {
			top = "."
		}
		if name == "SUMMARY.md" {
			summaries = append(summaries, top)
			return nil
		}
		counts[top]++
		if text < 200_000 {
			b, _ := os.ReadFile(p)
			for _, r := range string(b) {
				text++
				if unicode.Is(unicode.Han, r) {
					han++
				}
			}
		}
		return nil
	})
	b := book{language: "en", exclude: outputs}
	if han*20 > text && han > 0 {
		b.language = "zh-CN" // a few percent Han characters: a Chinese book
	}
	sort.Strings(summaries)
	switch {
	case len(summaries) > 0:
		b.content = summaries[0]
	case counts["content"] > 0:
		b.content = "content"
	case counts["."] > 0:
		b.content = "."
	default:
		total := 0
		for top, n := range counts {
			total += n
			if n > counts[b.content] || (n == counts[b.content] && top < b.content) {
				b.content = top
			}
		}
		if 10*counts[b.content] < 9*total {
			// No folder holds nearly all: pages by topic in several
			// folders (tldr's pages/common, pages/linux …) are all pages.
			b.content = "."
		}
	}
	if b.content == "." {
		for _, n := range counts {
			b.pages += n
		}
	} else {
		b.pages = counts[b.content]
	}
	return b
}

// bookTitle is the title another tool's settings give the book: mdBook's
// book.toml or GitBook's book.json, so the site keeps its name.
func bookTitle(dir string) string {
	if b, err := os.ReadFile(filepath.Join(dir, "book.toml")); err == nil {
		if m := tomlTitle.FindSubmatch(b); m != nil {
			return string(m[1])
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "book.json")); err == nil {
		var gitbook struct{ Title string }
		if json.Unmarshal(b, &gitbook) == nil {
			return gitbook.Title
		}
	}
	return ""
}

// tomlTitle finds title = "..." in book.toml (its [book] table is the only one with a title).
var tomlTitle = regexp.MustCompile(`(?m)^\s*title\s*=\s*"([^"\\]*)"`)

// writeNew writes files under dir, refusing to replace any that exists.
func writeNew(dir string, files map[string]string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s exists already; nothing changed", filepath.Join(dir, name))
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// settingsFile is a zhinan.yaml with every setting, the ones init chose
// set and the others commented out with their meaning.
func settingsFile(content, language string, exclude []string) string {
	var b strings.Builder
	b.WriteString("# Settings of this site (zhinan). Every key is optional; README.md lists them all.\n")
	b.WriteString("# title: My book                   # the site's name; default: the home page's first heading\n")
	b.WriteString("# description: What it is about    # the home page's meta description\n")
	fmt.Fprintf(&b, "language: %s                    # the theme's words and <html lang>: zh-CN or en\n", language)
	b.WriteString("# base_url: https://example.org/book/   # where the site is published\n")
	b.WriteString("# repo_url: https://github.com/you/book/edit/main/   # \"edit this page\" links\n")
	b.WriteString("# unsafe_html: false               # true keeps raw HTML in Markdown as it is\n")
	fmt.Fprintf(&b, "content: %s                       # the folder of Markdown pages; . is this folder\n", content)
	if len(exclude) == 0 {
		b.WriteString("# exclude: [drafts/, \"*.bak\"]     # files and folders in it that are not pages\n")
	} else {
		fmt.Fprintf(&b, "exclude: [%s]   # other tools' output, not pages\n", strings.Join(exclude, ", "))
	}
	return b.String()
}

// starterSite is the small site init makes in an empty folder.
func starterSite() map[string]string {
	return map[string]string{
		"content/_index.md":       "---\ntitle: 我的指南\n---\n\n# 我的指南\n\n这是首页。先读 [第一篇](guide/first-page.md)。\n",
		"content/guide/_index.md": "---\ntitle: 入门\nweight: 1\n---\n\n# 入门\n\n本节的页面按 `weight`、再按文件名排列。\n",
		"content/guide/first-page.md": "---\ntitle: 第一篇\ndescription: 一个页面的样子。\n---\n\n# 第一篇\n\n" +
			"用普通的 Markdown 写。链接写到源文件：[回到首页](../_index.md)。\n\n## 下一步\n\n运行 `zhinan serve`，边改边看。\n",
	}
}
