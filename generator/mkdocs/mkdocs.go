// Package mkdocs reads the settings of a MkDocs site, mkdocs.yml, as far as
// zhinan needs them: init turns them into zhinan.yaml, and a site whose
// zhinan.yaml says nav: mkdocs.yml takes its reading order from the nav: key.
//
// mkdocs.yml is YAML with tags of Python's loader (!!python/name:…, !ENV,
// !relative): they are kept as plain values, never an error. INHERIT names a
// parent file (relative to the child) whose settings the child extends: the
// two are merged, mappings key by key, the child winning.
//
// The nav: key is a list; each entry is a page, a titled page, a section or
// an external link:
//
//	nav:
//	  - index.md                      a page, titled by its own heading
//	  - 安装: install.md               a page with the title the sidebar shows
//	  - 图论:                          a section: its entries nested under the title;
//	      - graph/index.md            a first entry that is a folder's index.md or
//	      - 最短路: graph/shortest.md   README.md is the section's own page
//	  - Blog: https://example.org/    an external link (not a page; skipped)
//
// Paths are relative to docs_dir. Nav turns the entries into the same
// summary.Summary a SUMMARY.md gives, with each path's line and column in
// mkdocs.yml, so the site graph reads both the same way.
package mkdocs

import (
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
	"zhinan/generator/summary"
	"zhinan/generator/yamlpos"
)

// Names are the file names MkDocs reads its settings from, in its order.
var Names = []string{"mkdocs.yml", "mkdocs.yaml"}

// Config is what zhinan uses of mkdocs.yml, INHERIT merged in.
type Config struct {
	File        string // the file read, as given to Read
	SiteName    string
	DocsDir     string // as written; "" when not set (MkDocs' default is docs)
	Language    string // theme.language
	RepoURL     string
	EditURI     string
	ExcludeDocs []string // exclude_docs, one .gitignore-style pattern a line
	Inherit     string   // the parent file, relative to the site root, or ""

	nav     *yaml.Node // the nav: list, or nil
	navFile string     // the file nav came from (the child or a parent)
}

// HasNav reports whether the settings (or a parent's) hold a nav: list.
func (c *Config) HasNav() bool { return c.nav != nil }

// Read reads file (a slash path in fsys) and the files it inherits from.
func Read(fsys fs.FS, file string) (*Config, diag.List) {
	c := &Config{File: file}
	var diags diag.List
	seen := map[string]bool{}
	for f := file; f != "" && !seen[f]; {
		seen[f] = true
		m, d := readMapping(fsys, f)
		diags.Merge(d)
		if m == nil {
			break
		}
		parent := c.fill(f, m)
		if parent == "" {
			break
		}
		parent = path.Join(path.Dir(f), parent)
		if f == file {
			c.Inherit = parent
		}
		f = parent
	}
	return c, diags
}

// readMapping parses one settings file to its top mapping.
func readMapping(fsys fs.FS, file string) (*yaml.Node, diag.List) {
	var diags diag.List
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		diags.Add(file, 0, 0, "%v", err)
		return nil, diags
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlpos.Error(data, err)
		diags.Add(file, line, 1, "invalid YAML: %s", msg)
		return nil, diags
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		diags.Add(file, 1, 1, "settings must be a mapping of keys to values")
		return nil, diags
	}
	return doc.Content[0], nil
}

// fill takes from mapping m (read from file) every setting not set yet, so
// that reading the child first and its parents after gives the child's
// values precedence. It returns the file's INHERIT value.
func (c *Config) fill(file string, m *yaml.Node) (inherit string) {
	set := func(dst *string, v *yaml.Node) {
		if *dst == "" && v.Kind == yaml.ScalarNode {
			*dst = v.Value
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		switch k {
		case "INHERIT":
			inherit = v.Value
		case "site_name":
			set(&c.SiteName, v)
		case "docs_dir":
			set(&c.DocsDir, v)
		case "repo_url":
			set(&c.RepoURL, v)
		case "edit_uri":
			set(&c.EditURI, v)
		case "theme":
			if lang := mapValue(v, "language"); lang != nil {
				set(&c.Language, lang)
			}
		case "exclude_docs":
			if c.ExcludeDocs == nil && v.Kind == yaml.ScalarNode {
				c.ExcludeDocs = patterns(v.Value)
			}
		case "nav":
			if c.nav == nil && v.Kind == yaml.SequenceNode {
				c.nav, c.navFile = v, file
			}
		}
	}
	return inherit
}

// mapValue is the value of key in mapping m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// patterns splits exclude_docs (a block of .gitignore lines) into its
// patterns, comments and negations ("!keep.md") left out.
func patterns(block string) []string {
	var out []string
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "!") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Pages is the folder of pages: docs_dir relative to the site root (the
// folder of File), "docs" when not set.
func (c *Config) Pages() string {
	dir := c.DocsDir
	if dir == "" {
		dir = "docs"
	}
	return path.Clean(path.Join(path.Dir(c.File), dir))
}

// EditPrefix is zhinan's repo_url: the prefix of a page's path from the
// site root (docs/guide/x.md) in the repository's editor. MkDocs joins
// repo_url, edit_uri and the path inside docs_dir, and its edit_uri (by
// default edit/master/docs/ on GitHub and GitLab) ends with docs_dir, which
// zhinan's file paths hold already. It is "" when there is no repo_url or
// edit_uri does not end with docs_dir.
func (c *Config) EditPrefix() string {
	if c.RepoURL == "" {
		return ""
	}
	edit := c.EditURI
	if edit == "" {
		if !strings.Contains(c.RepoURL, "github.com") && !strings.Contains(c.RepoURL, "gitlab.com") {
			return ""
		}
		edit = "edit/master/" + c.Pages() + "/"
	}
	full := edit
	if !strings.Contains(edit, "://") {
		full = strings.TrimSuffix(c.RepoURL, "/") + "/" + strings.TrimPrefix(edit, "/")
	}
	full = strings.TrimSuffix(full, "/") + "/"
	if pages := c.Pages(); pages != "." {
		var ok bool
		if full, ok = strings.CutSuffix(full, pages+"/"); !ok {
			return ""
		}
	}
	return full
}

// Nav turns the nav: list into a table of contents whose links are
// relative to the folder of pages, pages (which is Pages() unless the
// caller knows better: init falls back to docs/ when docs_dir is missing).
// It returns nil when there is no nav.
func (c *Config) Nav(pages string) (*summary.Summary, diag.List) {
	if c.nav == nil {
		return nil, nil
	}
	s := &summary.Summary{File: c.navFile, Base: pages}
	var diags diag.List
	s.Items = entries(c.navFile, c.nav, &diags)
	return s, diags
}

// entries reads the items of one nav list.
func entries(file string, list *yaml.Node, diags *diag.List) []*summary.Item {
	var items []*summary.Item
	for _, e := range list.Content {
		if it := entry(file, e, diags); it != nil {
			items = append(items, it)
		}
	}
	return items
}

// entry reads one item of a nav list: a path, a {title: path} pair or a
// {title: [entries]} section; nil for what is not one (reported).
func entry(file string, e *yaml.Node, diags *diag.List) *summary.Item {
	switch {
	case e.Kind == yaml.ScalarNode:
		return &summary.Item{Dest: e.Value, Line: e.Line, Col: e.Column}
	case e.Kind == yaml.MappingNode && len(e.Content) == 2:
		k, v := e.Content[0], e.Content[1]
		it := &summary.Item{Title: k.Value, Line: v.Line, Col: v.Column}
		switch v.Kind {
		case yaml.ScalarNode:
			it.Dest = v.Value
			return it
		case yaml.SequenceNode:
			it.Children = entries(file, v, diags)
			sectionIndex(it)
			if it.Dest == "" {
				it.Line, it.Col = k.Line, k.Column
			}
			return it
		}
	}
	diags.Warn(file, e.Line, e.Column, "nav entry is not a page or a section: want \"- title: file.md\" or \"- section: [...]\"")
	return nil
}

// sectionIndex makes a section's first entry its own page when that entry is
// the index.md or README.md of a folder (as Material's navigation.indexes
// does), so the section's title leads to a page of its own.
func sectionIndex(it *summary.Item) {
	if len(it.Children) == 0 {
		return
	}
	first := it.Children[0]
	base := path.Base(first.Dest)
	if len(first.Children) > 0 || (base != "index.md" && base != "README.md") || strings.Contains(first.Dest, "://") {
		return
	}
	it.Dest, it.Line, it.Col = first.Dest, first.Line, first.Col
	it.Children = it.Children[1:]
}
