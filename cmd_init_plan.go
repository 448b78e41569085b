package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zhinan/generator/content"
)

// plan is what init decides for a folder that already holds Markdown: the
// settings it writes, each with where it came from, and what it tells.
type plan struct {
	tool     string // the tool whose site it is ("MkDocs"), "" for a plain Markdown book
	content  string // the folder of pages
	pages    int    // Markdown files in it
	language string
	langFrom string             // where language came from
	set      map[string]setting // the other keys init sets
	exclude  []string           // exclude: patterns
	why      []string           // where the exclude patterns came from
	notes    []string           // what init found and left, told after writing
}

// setting is one value init writes, as YAML, and where it came from (the
// comment beside it).
type setting struct{ value, from string }

// put sets a key; a string value is quoted.
func (p *plan) put(key string, value any, from string) {
	if p.set == nil {
		p.set = map[string]setting{}
	}
	v := fmt.Sprint(value)
	if s, ok := value.(string); ok {
		v = strconv.Quote(s)
	}
	p.set[key] = setting{v, from}
}

// excludeAll adds exclude: patterns, why saying where they came from.
func (p *plan) excludeAll(pats []string, why string) {
	added := false
	for _, pat := range pats {
		if !slices.Contains(p.exclude, pat) {
			p.exclude = append(p.exclude, pat)
			added = true
		}
	}
	if added && !slices.Contains(p.why, why) {
		p.why = append(p.why, why)
	}
}

// note adds a line to what init tells.
func (p *plan) note(format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf(format, args...))
}

// settings is the zhinan.yaml init writes: every setting, the ones the plan
// sets with their origin, the others commented out with their meaning.
func (p *plan) settings() string {
	var b strings.Builder
	line := func(key, value, from, example, meaning string) {
		if s, ok := p.set[key]; ok {
			value, from = s.value, s.from
		}
		if value == "" {
			fmt.Fprintf(&b, "%-36s # %s\n", "# "+key+": "+example, meaning)
			return
		}
		if from == "" {
			from = meaning
		}
		fmt.Fprintf(&b, "%-36s # %s\n", key+": "+value, from)
	}
	b.WriteString("# Settings of this site (zhinan). Every key is optional; README.md lists them all.\n")
	line("title", "", "", "My book", "the site's name; default: the home page's first heading")
	line("description", "", "", "What it is about", "the home page's meta description")
	line("language", p.language, p.langFrom, "", "the theme's words and <html lang>: zh-CN or en")
	line("base_url", "", "", "https://example.org/book/", "where the site is published")
	line("repo_url", "", "", "https://github.com/you/book/edit/main/", "\"edit this page\" links: repo_url + the file's path")
	line("unsafe_html", "", "", "false", "true keeps raw HTML in Markdown as it is")
	line("content", p.content, "", "", "the folder of Markdown pages; . is this folder")
	excl, from := "", ""
	if len(p.exclude) > 0 {
		excl, from = "["+strings.Join(quoteAll(p.exclude), ", ")+"]", strings.Join(p.why, "; ")
	}
	line("exclude", excl, from, "[drafts/, \"*.bak\"]", "files and folders in it that are not pages")
	line("nav", "", "", "SUMMARY.md", "the file giving reading order and sidebar titles")
	line("hash_routes", "", "", "false", "true: links like \"#/guide/intro\" (docsify's) lead to pages")
	return b.String()
}

// quoteAll quotes the patterns YAML would misread ("*.bak", "!x").
func quoteAll(pats []string) []string {
	out := make([]string, len(pats))
	for i, p := range pats {
		out[i] = p
		if strings.ContainsAny(p, "*?[]{}!&|>%@`#,:'\" ") {
			out[i] = strconv.Quote(p)
		}
	}
	return out
}

// planBook decides the settings of a folder holding Markdown: another
// tool's settings where there are some, else where the Markdown is.
func planBook(dir string, f bookFiles) *plan {
	p := &plan{}
	for _, tool := range []func(string, bookFiles, *plan) bool{fromMkDocs, fromDocusaurus, fromVuePress, fromDocsify} {
		if tool(dir, f, p) {
			break
		}
	}
	if p.content == "" {
		p.content = chooseContent(f)
		if title := bookTitle(dir); title != "" {
			p.put("title", title, "from book.toml or book.json title")
		}
	}
	if p.content == "." || p.content == "" {
		p.excludeAll(f.outputs, "other tools' output, not pages")
	}
	tree := content.Tree{Dir: p.content, Exclude: strings.Join(p.exclude, "\n")}
	var pages []string
	for _, md := range f.pagesIn(p.content) {
		if _, ok := tree.Rel(md); ok {
			pages = append(pages, md)
		}
	}
	p.pages = len(pages)
	if p.language == "" {
		p.language = guessLanguage(dir, pages)
		p.langFrom = "guessed: " + map[string]string{"zh-CN": "Chinese", "en": "not Chinese"}[p.language] + " in most of the pages' prose"
	}
	return p
}
