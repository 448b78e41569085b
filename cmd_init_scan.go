package main

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// bookFiles is what a walk of a folder that already holds Markdown finds.
type bookFiles struct {
	md        []string       // every Markdown file, slash paths, sorted
	counts    map[string]int // top folder ("." for the root) -> Markdown files in it
	summaries []string       // top folders holding a SUMMARY.md
	outputs   []string       // other tools' output folders at the top ("_book/")
}

// scanBook walks dir for Markdown, leaving out dot-folders, node_modules
// and other tools' output folders.
func scanBook(dir string) bookFiles {
	f := bookFiles{counts: map[string]int{}}
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
				f.outputs = append(f.outputs, rel+"/") // GitBook's, mdBook's and MkDocs' output
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
			f.summaries = append(f.summaries, top)
			return nil
		}
		f.counts[top]++
		f.md = append(f.md, rel)
		return nil
	})
	sort.Strings(f.md)
	sort.Strings(f.summaries)
	return f
}

// chooseContent decides where a book's pages are when no tool says: the
// folder with its SUMMARY.md (mdBook keeps it in src/), else content/, else
// the root when it holds Markdown, else the top folder holding the most.
func chooseContent(f bookFiles) string {
	switch {
	case len(f.summaries) > 0:
		return f.summaries[0]
	case f.counts["content"] > 0:
		return "content"
	case f.counts["."] > 0:
		return "."
	}
	best, total := "", 0
	for top, n := range f.counts {
		total += n
		if n > f.counts[best] || (n == f.counts[best] && top < best) {
			best = top
		}
	}
	if 10*f.counts[best] < 9*total {
		// No folder holds nearly all: pages by topic in several folders
		// (tldr's pages/common, pages/linux …) are all pages.
		return "."
	}
	return best
}

// pagesIn lists the Markdown files of f inside folder content ("." for all).
func (f bookFiles) pagesIn(content string) []string {
	if content == "." {
		return f.md
	}
	var out []string
	for _, p := range f.md {
		if strings.HasPrefix(p, content+"/") {
			out = append(out, p)
		}
	}
	return out
}

// guessLanguage says zh-CN when Han characters outnumber Latin words in
// the prose of files (code fences skipped), read from up to 200 of them
// spread evenly over the list, a few kilobytes each: a book's first files
// are often an English README or license.
func guessLanguage(dir string, files []string) string {
	han, words := 0, 0
	step := max(1, len(files)/200)
	for i := 0; i < len(files); i += step {
		h, w := proseLetters(filepath.Join(dir, filepath.FromSlash(files[i])), 8<<10)
		han, words = han+h, words+w
	}
	if han > words {
		return "zh-CN"
	}
	return "en"
}

// proseLetters counts the Han characters and the Latin words in the first
// limit bytes of a Markdown file, outside code fences.
func proseLetters(file string, limit int) (han, words int) {
	fh, err := os.Open(file)
	if err != nil {
		return 0, 0
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	read, fence := 0, ""
	for sc.Scan() && read < limit {
		line := sc.Text()
		read += len(line) + 1
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		inWord := false
		for _, r := range line {
			latin := r < unicode.MaxASCII && unicode.IsLetter(r)
			if latin && !inWord {
				words++
			}
			inWord = latin
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
	}
	return han, words
}

// themeLanguage maps another tool's language setting to one zhinan's theme
// speaks: any Chinese to zh-CN, anything else to en.
func themeLanguage(lang string) string {
	if l := strings.ToLower(lang); l == "zh" || strings.HasPrefix(l, "zh-") || strings.HasPrefix(l, "zh_") || l == "cn" {
		return "zh-CN"
	}
	return "en"
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

// isDir reports whether the slash path rel under dir is a folder.
func isDir(dir, rel string) bool {
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean(rel))))
	return err == nil && info.IsDir()
}

// exists reports whether the slash path rel under dir exists.
func exists(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil
}
