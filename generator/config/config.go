// Package config reads a site's settings from zhinan.yaml at the site root.
//
// Every setting has one home, this file; command-line flags override it. All
// keys are optional:
//
//	title: 群聊解散指南          # the site's name, in the header and <title>; default: the home page's first heading, else the folder's name
//	description: ...            # the home page's meta description
//	language: zh-CN             # <html lang>, hreflang, the feed's language and the theme's words (templates/i18n/<language>.yaml)
//	base_url: https://example.org/guide/   # where the site is published; its path is the URL prefix of every page
//	repo_url: https://github.com/org/repo/edit/main/   # "edit this page" links point at repo_url + "content/<file>"
//	unsafe_html: false          # true keeps raw HTML in Markdown whole; by default it is sanitised as GitHub does
//	links: error                # broken links and anchors: error (the build fails) or warn (reported, output written)
//	stale_after: 180            # days: a page whose last_checked is older (or missing) gets a warning and a banner; 0 = off
//	content: content            # the folder of pages, relative to the site root; "." for the root itself
//	output: public              # the output folder, relative to the site root (build -out overrides it); never read as pages
//	exclude: [drafts/**, "*.bak"]   # globs of files and folders in it that are not part of the site
//	nav: mkdocs.yml             # the file giving reading order, titles and nesting (default: SUMMARY.md, see below)
//	hash_routes: false          # true: links written as docsify's routes ("#/guide/intro") lead to pages
//	mermaid: vendor/mermaid.min.js  # the site's copy of Mermaid's script; default node_modules/mermaid/dist/mermaid.min.js
//	languages:                  # a site in several languages; the first is the default, at /
//	  - {code: zh-CN, name: 简体中文}
//	  - {code: en, name: English, content: content.en, title: The guide}   # at /en/; or suffix: en for page.en.md
//	search:
//	  synonyms:                 # words a reader may type for the words the guides use
//	    - [安卓, Android]        # a query holding one member also finds pages holding another
//	    - [踢, 移出, 删除成员]
//
// nav: names, relative to the site root, the file whose navigation orders the
// pages, the one thing a SUMMARY.md does in an mdBook or GitBook book
// (zhinan/generator/summary): a Markdown list of links (SUMMARY.md, docsify's
// _sidebar.md; links relative to the file's folder), or a mkdocs.yml whose nav:
// key is read (paths relative to its docs_dir; zhinan/generator/mkdocs). The
// file is never a page. Without nav:, a SUMMARY.md beside the pages or at the
// site root is used when there is one. zhinan init writes nav: when it finds
// another tool's navigation.
// Mermaid diagrams (```mermaid blocks) are drawn by Mermaid's own script,
// which zhinan does not ship: it copies the site's, found at mermaid: (a
// path relative to the site root) or, without that setting, where
// "npm install mermaid" in the site folder puts it. See zhinan/generator.
//
// Synonyms are applied when a query is read, never when the index is built
// (see zhinan/generator/search): each set is a list of two or more words or
// phrases; a phrase of several words ("移出 失败") needs all of them.
//
// An unknown key or a value of the wrong type is a diagnostic with its line.
// The folder of pages never holds the output folder, dot-folders, node_modules,
// SUMMARY.md or (when it is the root) zhinan.yaml and templates/ as pages; see
// content.Tree.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
	"zhinan/generator/yamlpos"
)

// File is the name of the settings file at the site root.
const File = "zhinan.yaml"

// Config is the site's settings.
type Config struct {
	Title       string
	Description string
	Language    string
	BaseURL     string // as given, e.g. "https://example.org/guide/" or "/"
	RepoURL     string
	UnsafeHTML  bool
	Links       string // LinksError or LinksWarn
	StaleAfter  int    // days after last_checked when a page counts as stale; 0 means never
	Content     string // the folder of pages: "content", "docs", "."
	Output      string // the output folder, relative to the site root: "public"; -out overrides it
	Exclude     string // exclude: patterns, one a line, so that Config stays comparable with ==
	Nav         string // the navigation file, relative to the site root; "" for SUMMARY.md where found
	HashRoutes  bool   // links like "#/guide/intro" (docsify's) lead to pages
	Mermaid     string // the site's copy of Mermaid's script, relative to the site root; "" for the npm default (see MermaidScript)
	// Synonyms holds search.synonyms as one string, so that Config stays
	// comparable with ==: sets separated by "\n", members by "\t". Read it
	// with SynonymSets.
	Synonyms string
	// Langs holds languages: as one string, so that Config stays
	// comparable with ==: one language a line, its code, name, content,
	// suffix, title and nav separated by "\t". Read it with Languages.
	Langs string
}

// SynonymSets returns the search synonyms, one slice per set.
func (c Config) SynonymSets() [][]string {
	if c.Synonyms == "" {
		return nil
	}
	var out [][]string
	for _, set := range strings.Split(c.Synonyms, "\n") {
		out = append(out, strings.Split(set, "\t"))
	}
	return out
}

// The values of the links setting.
const (
	LinksError = "error" // a broken link or anchor fails the build
	LinksWarn  = "warn"  // it is reported as a warning and the output is written
)

// DefaultOutput is the output folder when neither zhinan.yaml nor -out names one.
const DefaultOutput = "public"

// Default is what a site without zhinan.yaml gets. The title is left empty:
// the site graph falls back to the home page's heading, then the folder name.
func Default() Config {
	return Config{Language: "zh-CN", BaseURL: "/", Links: LinksError, Content: "content", Output: DefaultOutput}
}

// MermaidDefault is where "npm install mermaid" in the site folder puts the
// browser build of Mermaid's script.
const MermaidDefault = "node_modules/mermaid/dist/mermaid.min.js"

// MermaidScript is the site-root path of the site's copy of Mermaid's
// script: the mermaid: setting, else MermaidDefault.
func (c Config) MermaidScript() string {
	if c.Mermaid != "" {
		return c.Mermaid
	}
	return MermaidDefault
}

// ExcludePatterns lists the exclude: patterns.
func (c Config) ExcludePatterns() []string {
	if c.Exclude == "" {
		return nil
	}
	return strings.Split(c.Exclude, "\n")
}

// BasePath is the path part of BaseURL, always starting and ending with "/".
func (c Config) BasePath() string {
	p := "/"
	if u, err := url.Parse(c.BaseURL); err == nil && u.Path != "" {
		p = u.Path
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Origin is the scheme and host of BaseURL ("https://example.org"), or "" when
// the base URL is only a path.
func (c Config) Origin() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// Load reads zhinan.yaml from fsys; a missing file gives Default.
func Load(fsys fs.FS) (Config, diag.List) {
	cfg := Default()
	var diags diag.List
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		diags.Add(File, 0, 0, "%v", err)
		return cfg, diags
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlpos.Error(data, err)
		diags.Add(File, line, 1, "invalid YAML: %s", msg)
		return cfg, diags
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		diags.Add(File, m.Line, m.Column, "settings must be a mapping of keys to values")
		return cfg, diags
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if err := cfg.set(k.Value, v); err != nil {
			line, col := k.Line, k.Column
			var at *nodeError
			if errors.As(err, &at) {
				line, col = at.node.Line, at.node.Column
			}
			diags.Add(File, line, col, "%v", err)
		}
	}
	return cfg, diags
}

func (c *Config) set(key string, v *yaml.Node) error {
	str := func(dst *string) error {
		if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
			return fmt.Errorf("setting %q: want a string", key)
		}
		*dst = v.Value
		return nil
	}
	switch key {
	case "title":
		return str(&c.Title)
	case "description":
		return str(&c.Description)
	case "language":
		return str(&c.Language)
	case "base_url":
		return str(&c.BaseURL)
	case "repo_url":
		return str(&c.RepoURL)
	case "unsafe_html":
		return boolean(key, v, &c.UnsafeHTML)
	case "hash_routes":
		return boolean(key, v, &c.HashRoutes)
	case "nav", "content", "output", "mermaid":
		var p string
		if err := str(&p); err != nil {
			return err
		}
		return c.setPath(key, p)
	case "links":
		if v.Kind != yaml.ScalarNode || (v.Value != LinksError && v.Value != LinksWarn) {
			return fmt.Errorf("setting %q: want %s or %s, got %q", key, LinksError, LinksWarn, v.Value)
		}
		c.Links = v.Value
		return nil
	case "stale_after":
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || err != nil || n < 0 {
			return fmt.Errorf("setting %q: want a number of days (0 or more), got %q", key, v.Value)
		}
		c.StaleAfter = n
		return nil
	case "exclude":
		return c.setExclude(v)
	case "search":
		return c.setSearch(v)
	case "languages":
		return c.setLanguages(v)
	}
	return fmt.Errorf("unknown setting %q", key)
}

// setPath sets one of the settings that name a file or folder of the site,
// p as written. A path that does not fit is an error, and the setting keeps
// its default, so the build reports only that.
func (c *Config) setPath(key, p string) error {
	clean := path.Clean(strings.ReplaceAll(p, "\\", "/"))
	switch key {
	case "nav":
		if err := checkInside(key, "file", p, "mkdocs.yml, SUMMARY.md or docs/_sidebar.md"); err != nil {
			return err
		}
		c.Nav = clean
	case "content":
		if err := checkInside(key, "folder", p, "content, docs or ."); err != nil {
			return err
		}
		c.Content = p
	case "output":
		if p == "" || clean == "." || path.IsAbs(clean) {
			return fmt.Errorf("setting \"output\": want a folder in the site's folder or beside it, such as public or site, got %q", p)
		}
		c.Output = p
	case "mermaid":
		if p == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || clean == "." {
			return fmt.Errorf("setting \"mermaid\": want the path of mermaid.min.js inside the site, such as %s, got %q", MermaidDefault, p)
		}
		c.Mermaid = clean
	}
	return nil
}

// checkInside refuses a path outside the site root (the folder of pages,
// the navigation file); examples are what the message suggests.
func checkInside(key, what, dir, examples string) error {
	clean := path.Clean(strings.ReplaceAll(dir, "\\", "/"))
	if dir == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
		return fmt.Errorf("setting %q: want a %s inside the site, such as %s, got %q", key, what, examples, dir)
	}
	return nil
}

// boolean sets dst from a true or false value.
func boolean(key string, v *yaml.Node, dst *bool) error {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		return fmt.Errorf("setting %q: want true or false, got %q", key, v.Value)
	}
	*dst = v.Value == "true"
	return nil
}

// setExclude takes one pattern or a list of them.
func (c *Config) setExclude(v *yaml.Node) error {
	var pats []string
	switch {
	case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str":
		pats = []string{v.Value}
	case v.Kind == yaml.SequenceNode:
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode || e.ShortTag() == "!!null" {
				return fmt.Errorf("setting \"exclude\": want a list of glob patterns")
			}
			pats = append(pats, e.Value)
		}
	default:
		return fmt.Errorf("setting \"exclude\": want a glob pattern or a list of them")
	}
	for _, p := range pats {
		if strings.Contains(p, "\n") || !doublestar.ValidatePattern(strings.TrimSuffix(p, "/")) {
			return fmt.Errorf("setting \"exclude\": bad glob pattern %q", p)
		}
	}
	c.Exclude = strings.Join(pats, "\n")
	return nil
}

// nodeError is an error about one node inside a setting's value, reported
// at that node rather than at the setting's key.
type nodeError struct {
	node *yaml.Node
	msg  string
}

func (e *nodeError) Error() string { return e.msg }

// setSearch reads the search mapping; its only key is synonyms.
func (c *Config) setSearch(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return fmt.Errorf("setting \"search\": want a mapping, such as {synonyms: [[安卓, Android]]}")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Value != "synonyms" {
			return &nodeError{k, fmt.Sprintf("unknown setting \"search.%s\"", k.Value)}
		}
		if val.Kind != yaml.SequenceNode {
			return &nodeError{val, "setting \"search.synonyms\": want a list of lists of words, such as [[安卓, Android]]"}
		}
		var sets []string
		for _, set := range val.Content {
			var words []string
			for _, w := range set.Content {
				words = append(words, strings.TrimSpace(w.Value))
			}
			if set.Kind != yaml.SequenceNode || len(words) < 2 || slices.Contains(words, "") ||
				strings.ContainsAny(strings.Join(words, ""), "\t\n") {
				return &nodeError{set, "setting \"search.synonyms\": each set is a list of two or more words, such as [安卓, Android]"}
			}
			sets = append(sets, strings.Join(words, "\t"))
		}
		c.Synonyms = strings.Join(sets, "\n")
	}
	return nil
}
