package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, yaml string) (Config, string) {
	t.Helper()
	cfg, diags := Load(fstest.MapFS{File: {Data: []byte(yaml)}})
	return cfg, diags.Error()
}

func TestContentAndExclude(t *testing.T) {
	cfg, errs := load(t, "content: docs\nexclude:\n  - drafts/\n  - \"*.bak\"\n")
	if errs != "" {
		t.Fatal(errs)
	}
	if cfg.Content != "docs" || strings.Join(cfg.ExcludePatterns(), "|") != "drafts/|*.bak" {
		t.Errorf("content %q, exclude %q", cfg.Content, cfg.ExcludePatterns())
	}
	if a, _ := load(t, "content: docs\nexclude: drafts/\n"); a != (Config{Language: "zh-CN", BaseURL: "/", Links: LinksError, Content: "docs", Output: "public", Exclude: "drafts/"}) {
		t.Errorf("one pattern: %+v", a)
	}
	if c, _ := load(t, "output: site\n"); c.Output != "site" {
		t.Errorf("output: site gives %q", c.Output)
	}
	if d := Default(); d.Content != "content" || d.Title != "" || d.Output != "public" {
		t.Errorf("defaults: %+v; want content: content and no title of our own", d)
	}
}

func TestContentAndExcludeErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"title: t\ncontent: ../elsewhere\n", `zhinan.yaml:2:1: setting "content": want a folder inside the site`},
		{"content: /abs\n", `zhinan.yaml:1:1: setting "content": want a folder inside the site`},
		{"content: [a]\n", `zhinan.yaml:1:1: setting "content": want a string`},
		{"exclude:\n  - \"[\"\n", `zhinan.yaml:1:1: setting "exclude": bad glob pattern "["`},
		{"exclude: {a: b}\n", `zhinan.yaml:1:1: setting "exclude": want a glob pattern or a list of them`},
		{"output: /\n", `zhinan.yaml:1:1: setting "output": want a folder in the site's folder or beside it`},
		{"output: .\n", `zhinan.yaml:1:1: setting "output": want a folder in the site's folder or beside it`},
	} {
		if _, errs := load(t, tc.yaml); !strings.Contains(errs, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.yaml, errs, tc.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	cfg, diags := load(t, "title: 指南\nsearch:\n  synonyms:\n    - [安卓, Android]\n    - [踢, 移出, 删除成员]\n")
	if diags != "" {
		t.Fatalf("diagnostics: %s", diags)
	}
	want := [][]string{{"安卓", "Android"}, {"踢", "移出", "删除成员"}}
	if got := cfg.SynonymSets(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("SynonymSets() = %q, want %q", got, want)
	}
	same, _ := load(t, "title: 指南\nsearch: {synonyms: [[安卓, Android], [踢, 移出, 删除成员]]}\n")
	if same != cfg {
		t.Error("the same settings in flow style give a different Config")
	}
	if none, _ := load(t, "title: 指南\n"); none.SynonymSets() != nil {
		t.Errorf("no synonyms: SynonymSets() = %q", none.SynonymSets())
	}
}

func TestSynonymsErrors(t *testing.T) {
	for yaml, want := range map[string]string{
		"search:\n  synonyms:\n    - [安卓]\n":         "zhinan.yaml:3:7: setting \"search.synonyms\": each set is a list of two or more words",
		"search:\n  synonym:\n    - [安卓, Android]\n": "zhinan.yaml:2:3: unknown setting \"search.synonym\"",
		"search:\n  synonyms: 安卓\n":                  "zhinan.yaml:2:13: setting \"search.synonyms\": want a list of lists of words",
		"search: [安卓]\n":                             "zhinan.yaml:1:1: setting \"search\": want a mapping",
		"search:\n  synonyms:\n    - [安卓, \"\"]\n":   "each set is a list of two or more words",
	} {
		if _, got := load(t, yaml); !strings.Contains(got, want) {
			t.Errorf("%q: diagnostics %q, want %q", yaml, got, want)
		}
	}
}

// A YAML error is reported on the line it is on, not one early.
func TestYAMLErrorLine(t *testing.T) {
	_, errs := load(t, "title: 站\ndescription: 说明\ntags: [甲, 乙\nlanguage: en\n")
	if !strings.HasPrefix(errs, "zhinan.yaml:3:1: invalid YAML: did not find expected ',' or ']'") {
		t.Errorf("got %q, want the error at line 3", errs)
	}
}

func TestMermaid(t *testing.T) {
	if d := Default(); d.MermaidScript() != "node_modules/mermaid/dist/mermaid.min.js" {
		t.Errorf("default script %q", d.MermaidScript())
	}
	cfg, errs := load(t, "mermaid: ./vendor/mermaid.min.js\n")
	if errs != "" || cfg.MermaidScript() != "vendor/mermaid.min.js" {
		t.Errorf("mermaid: %q, %s", cfg.MermaidScript(), errs)
	}
	for _, bad := range []string{"mermaid: ../m.js\n", "mermaid: /usr/m.js\n", "mermaid: \"\"\n", "mermaid: [a]\n"} {
		if _, errs := load(t, bad); !strings.Contains(errs, `zhinan.yaml:1:1: setting "mermaid": want`) {
			t.Errorf("%q: got %q", bad, errs)
		}
	}
}
