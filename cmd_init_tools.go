package main

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"zhinan/generator/mkdocs"
)

// Each fromTool recognises the folder of one documentation tool and fills
// the plan with the settings its files imply; it reports whether the folder
// is that tool's.

// fromMkDocs reads mkdocs.yml: docs_dir, site_name, theme.language,
// repo_url + edit_uri, exclude_docs and nav:, INHERIT merged. A book with one
// mkdocs.yml per language folder builds its default language.
func fromMkDocs(dir string, f bookFiles, p *plan) bool {
	files := findNamed(dir, mkdocs.Names)
	if len(files) == 0 {
		return false
	}
	fsys := os.DirFS(dir)
	configs := map[string]*mkdocs.Config{}
	for _, file := range files {
		configs[file], _ = mkdocs.Read(fsys, file)
	}
	file := files[0]
	if len(files) > 1 {
		file = defaultLanguage(dir, f, files, configs, p)
	}
	c := configs[file]
	p.tool = "MkDocs"
	from := "from " + file + " "
	p.content = c.Pages()
	if !isDir(dir, p.content) {
		for _, alt := range []string{path.Join(path.Dir(file), "docs"), "docs"} {
			if isDir(dir, alt) {
				p.note("docs_dir %s of %s is not a folder here: the pages are taken from %s/", p.content, file, alt)
				p.content = alt
				break
			}
		}
	}
	if c.SiteName != "" {
		p.put("title", c.SiteName, from+"site_name")
	}
	if c.Language != "" {
		p.language, p.langFrom = themeLanguage(c.Language), from+"theme.language "+c.Language
	}
	if e := c.EditPrefix(); e != "" {
		p.put("repo_url", e, from+"repo_url + edit_uri")
	} else if c.RepoURL != "" {
		p.note("the edit links of %s (repo_url + edit_uri) are not a prefix of the pages' paths: no repo_url", file)
	}
	if len(c.ExcludeDocs) > 0 {
		p.excludeAll(c.ExcludeDocs, from+"exclude_docs")
	}
	if c.HasNav() {
		p.put("nav", file, from+"nav: reading order, sidebar titles and nesting")
	} else {
		p.note("%s has no nav: pages in natural order (weight, then file name)", file)
	}
	if c.Inherit != "" {
		p.note("%s inherits %s (INHERIT): read as one", file, c.Inherit)
	}
	return true
}

// defaultLanguage picks, from several mkdocs.yml (one per language folder),
// the one to build, and tells the others: the one the others inherit from,
// else the one in the language most pages are written in, else the first.
func defaultLanguage(dir string, f bookFiles, files []string, configs map[string]*mkdocs.Config, p *plan) string {
	langOf := func(file string) string {
		if l := configs[file].Language; l != "" {
			return l
		}
		return path.Base(path.Dir(file)) // docs/zh/mkdocs.yml
	}
	var found []string
	for _, file := range files {
		found = append(found, file+" ("+langOf(file)+")")
	}
	pick := ""
	for _, c := range configs {
		if c.Inherit != "" && configs[c.Inherit] != nil && (pick == "" || c.Inherit < pick) {
			pick = c.Inherit
		}
	}
	if pick == "" {
		want := guessLanguage(dir, f.md)
		for _, file := range files {
			if themeLanguage(langOf(file)) == want {
				pick = file
				break
			}
		}
	}
	if pick == "" {
		pick = files[0]
	}
	p.note("%d mkdocs.yml, one per language: %s; this builds %s only (one site in several languages is for a later version)",
		len(files), strings.Join(found, ", "), pick)
	return pick
}

// findNamed lists the files with one of names at the top of dir or one or
// two folders down (docs/zh/mkdocs.yml), the top first, then sorted.
func findNamed(dir string, names []string) []string {
	return findPaths(dir, names, 2)
}

// findPaths lists the paths with one of names (files or folders) at the
// top of dir or up to depth folders down, outside dot-folders and
// node_modules: the top first, then sorted.
func findPaths(dir string, names []string, depth int) []string {
	var found []string
	for pat := ""; len(pat) <= 2*depth; pat += "*/" {
		for _, name := range names {
			matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pat+name)))
			for _, m := range matches {
				rel, _ := filepath.Rel(dir, m)
				rel = filepath.ToSlash(rel)
				if parent := path.Dir(rel) + "/"; !strings.HasPrefix(parent, ".") && !strings.Contains(parent, "/.") && !strings.Contains(parent, "node_modules/") || parent == "./" {
					found = append(found, rel)
				}
			}
		}
	}
	top := 0
	for top < len(found) && !strings.Contains(found[top], "/") {
		top++
	}
	sort.Strings(found[top:])
	return found
}

// fromDocusaurus reads docusaurus.config.* (JavaScript, read as text, never
// run): its title and i18n.defaultLocale; the pages are its docs/.
func fromDocusaurus(dir string, f bookFiles, p *plan) bool {
	file := firstFile(dir, []string{".", "website"}, "docusaurus.config.", []string{"js", "ts", "mjs", "cjs"})
	if file == "" {
		return false
	}
	p.tool = "Docusaurus"
	p.content = path.Join(path.Dir(file), "docs")
	if !isDir(dir, p.content) {
		p.content = path.Dir(file)
	}
	js := readText(dir, file)
	if t := jsString(js, "title"); t != "" {
		p.put("title", t, "from "+file+" title")
	}
	if l := jsString(js, "defaultLocale"); l != "" {
		p.language, p.langFrom = themeLanguage(l), "from "+file+" i18n.defaultLocale "+l
	}
	p.note("sidebars.js is JavaScript and is not run: the order is each page's sidebar_position, each folder's _category_ position, then file names")
	if n := countExt(dir, p.content, ".mdx"); n > 0 {
		p.note("%d .mdx files (Markdown with JSX) are not pages; they are copied as they are", n)
	}
	return true
}

// fromVuePress recognises docs/ or src/ (or the root) holding .vuepress/ or
// .vitepress/: its config (JavaScript, read as text) gives title and lang.
func fromVuePress(dir string, f bookFiles, p *plan) bool {
	bases := []string{"docs", "src", "."}
	for _, found := range findPaths(dir, []string{".vuepress", ".vitepress"}, 3) {
		bases = append(bases, path.Dir(found)) // packages/docs/docs/.vuepress in a monorepo
	}
	for _, base := range bases {
		for _, tool := range []string{".vuepress", ".vitepress"} {
			if !isDir(dir, path.Join(base, tool)) {
				continue
			}
			p.tool = map[string]string{".vuepress": "VuePress", ".vitepress": "VitePress"}[tool]
			p.content = base
			p.excludeAll([]string{tool + "/"}, tool+"/ is the tool's theme and settings, not pages")
			file := firstFile(dir, []string{path.Join(base, tool)}, "config.", []string{"ts", "mts", "js", "mjs"})
			js := readText(dir, file)
			if t := jsString(js, "title"); t != "" {
				p.put("title", t, "from "+file+" title")
			}
			if l := jsString(js, "lang"); l != "" {
				p.language, p.langFrom = themeLanguage(l), "from "+file+" lang "+l
			}
			if file == "" {
				file = path.Join(base, tool, "config")
			}
			p.note("the sidebar of %s is JavaScript and is not run: pages in natural order (weight, then file name); the home page's hero and features become plain text", file)
			return true
		}
	}
	return false
}

// fromDocsify recognises a docsify book: an index.html that starts docsify
// (window.$docsify), or a _sidebar.md, at the top or in docs/. The app shell
// and docsify's _navbar.md and _coverpage.md are not pages; _sidebar.md is the
// navigation; links are docsify's routes.
func fromDocsify(dir string, f bookFiles, p *plan) bool {
	base := ""
	for _, b := range []string{".", "docs"} {
		if strings.Contains(readText(dir, path.Join(b, "index.html")), "window.$docsify") || exists(dir, path.Join(b, "_sidebar.md")) {
			base = b
			break
		}
	}
	if base == "" {
		return false
	}
	p.tool, p.content = "docsify", base
	shell := path.Join(base, "index.html")
	if html := readText(dir, shell); html != "" {
		p.excludeAll([]string{"/index.html"}, shell+" is docsify's app shell")
		if t := jsString(html, "name"); t != "" {
			p.put("title", t, "from "+shell+" window.$docsify name")
		}
		if m := htmlLang.FindStringSubmatch(html); m != nil {
			p.language, p.langFrom = themeLanguage(m[1]), "from "+shell+" <html lang=\""+m[1]+"\">"
		}
	}
	var parts []string
	for _, name := range []string{"_navbar.md", "_coverpage.md", "_sidebar.md"} {
		if slices.ContainsFunc(f.pagesIn(base), func(s string) bool { return path.Base(s) == name }) {
			parts = append(parts, name)
		}
	}
	p.excludeAll(parts, "docsify's navbar, cover page and sidebars, not pages")
	if sidebar := path.Join(base, "_sidebar.md"); exists(dir, sidebar) {
		p.put("nav", sidebar, "from docsify: reading order and sidebar titles")
	}
	p.put("hash_routes", true, "from docsify: links \"#/guide/intro\" lead to pages")
	return true
}

// htmlLang finds <html lang="...">.
var htmlLang = regexp.MustCompile(`(?i)<html[^>]*\slang=["']?([A-Za-z_-]+)`)

// jsString finds the first `key: 'text'` (or "text", `text`) in JavaScript
// or TypeScript source, read as text.
func jsString(js, key string) string {
	re := regexp.MustCompile(`(?m)(?:^|[\s{,])` + regexp.QuoteMeta(key) + `\s*:\s*['"` + "`" + `]([^'"` + "`" + `\n]+)['"` + "`" + `]`)
	if m := re.FindStringSubmatch(js); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// firstFile is the first of bases/prefix+ext that exists, or "".
func firstFile(dir string, bases []string, prefix string, exts []string) string {
	for _, b := range bases {
		for _, ext := range exts {
			if f := path.Join(b, prefix+ext); exists(dir, f) {
				return f
			}
		}
	}
	return ""
}

// readText is the text of a file under dir, "" when it cannot be read.
func readText(dir, rel string) string {
	if rel == "" {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	return string(b)
}

// countExt counts the files with extension ext under dir/sub.
func countExt(dir, sub, ext string) int {
	n := 0
	filepath.WalkDir(filepath.Join(dir, filepath.FromSlash(sub)), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ext) {
			n++
		}
		return nil
	})
	return n
}
