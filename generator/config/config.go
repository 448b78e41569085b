// Package config reads a site's settings from zhinan.yaml at the site root.
//
// Every setting has one home, this file; command-line flags override it. All
// keys are optional:
//
//	title: 群聊解散指南          # the site's name, in the header and <title>
//	description: ...            # the home page's meta description
//	language: zh-CN             # <html lang>, hreflang and the feed's language
//	base_url: https://example.org/guide/   # where the site is published; its path is the URL prefix of every page
//	repo_url: https://github.com/org/repo/edit/main/   # "edit this page" links point at repo_url + "content/<file>"
//	unsafe_html: false          # true lets raw HTML in Markdown through; by default it is escaped
//	search:
//	  synonyms:                 # words a reader may type for the words the guides use
//	    - [安卓, Android]        # a query holding one member also finds pages holding another
//	    - [踢, 移出, 删除成员]
//
// Synonyms are applied when a query is read, never when the index is built
// (see zhinan/generator/search): each set is a list of two or more words or
// phrases; a phrase of several words ("移出 失败") needs all of them.
//
// An unknown key or a value of the wrong type is a diagnostic with its line.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
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
	// Synonyms holds search.synonyms as one string, so that Config stays
	// comparable with ==: sets separated by "\n", members by "\t". Read it
	// with SynonymSets.
	Synonyms string
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

// Default is what a site without zhinan.yaml gets.
func Default() Config {
	return Config{Title: "指南", Language: "zh-CN", BaseURL: "/"}
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
		diags.Add(File, 1, 1, "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
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
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
			return fmt.Errorf("setting %q: want true or false, got %q", key, v.Value)
		}
		c.UnsafeHTML = v.Value == "true"
		return nil
	case "search":
		return c.setSearch(v)
	}
	return fmt.Errorf("unknown setting %q", key)
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
