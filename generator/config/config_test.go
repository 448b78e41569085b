package config

import (
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
	if a, _ := load(t, "content: docs\nexclude: drafts/\n"); a != (Config{Language: "zh-CN", BaseURL: "/", Links: LinksError, Content: "docs", Exclude: "drafts/"}) {
		t.Errorf("one pattern: %+v", a)
	}
	if d := Default(); d.Content != "content" || d.Title != "" {
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
	} {
		if _, errs := load(t, tc.yaml); !strings.Contains(errs, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.yaml, errs, tc.want)
		}
	}
}
