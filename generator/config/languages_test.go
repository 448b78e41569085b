package config

import (
	"strings"
	"testing"
)

func TestLanguages(t *testing.T) {
	cfg, errs := load(t, "base_url: https://example.org/docs/\nlanguages:\n"+
		"  - {code: zh-CN, name: 简体中文, content: docs}\n"+
		"  - {code: en, name: English, content: en/docs/, title: The guide, nav: en/mkdocs.yml}\n"+
		"  - {code: ja, suffix: ja}\n")
	if errs != "" {
		t.Fatal(errs)
	}
	ls := cfg.Languages()
	want := []Language{{Code: "zh-CN", Name: "简体中文", Content: "docs"}, {Code: "en", Name: "English", Content: "en/docs", Title: "The guide", Nav: "en/mkdocs.yml"},
		{Code: "ja", Name: "ja", Suffix: "ja"}}
	if len(ls) != 3 || ls[0] != want[0] || ls[1] != want[1] || ls[2] != want[2] {
		t.Fatalf("languages %+v, want %+v", ls, want)
	}
	if cfg.Language != "zh-CN" || cfg.Content != "docs" {
		t.Errorf("the first language is the default: language %q, content %q", cfg.Language, cfg.Content)
	}
	en := cfg.ForLanguage(ls[1], false)
	if en.BaseURL != "https://example.org/docs/en/" || en.Content != "en/docs" || en.Language != "en" || en.Title != "The guide" || en.Nav != "en/mkdocs.yml" {
		t.Errorf("English settings: %+v", en)
	}
	if zh := cfg.ForLanguage(ls[0], true); zh != cfg {
		t.Errorf("the default language's settings changed: %+v", zh)
	}
	if c, _ := load(t, "title: x\n"); c.Languages() != nil {
		t.Errorf("a site without languages: has %v", c.Languages())
	}
}

func TestLanguagesErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"languages: en\n", `zhinan.yaml:1:1: setting "languages": want a list`},
		{"languages:\n  - {code: en}\n  - {code: zh-CN}\n", `zhinan.yaml:3:5: setting "languages": language "zh-CN" needs content (its folder) or suffix (page.zh-cn.md)`},
		{"languages:\n  - {code: en, suffix: en}\n", `zhinan.yaml:2:5: setting "languages": the first language, "en", is the default and takes no suffix`},
		{"languages:\n  - {code: en}\n  - {code: fr, content: fr, suffix: fr}\n", `has both content and suffix`},
		{"languages:\n  - {code: en}\n  - {code: EN, suffix: x}\n", `language "EN" is listed twice`},
		{"languages:\n  - {code: \"en/x\"}\n", `want a code such as en or zh-TW, got "en/x"`},
		{"languages:\n  - {code: en}\n  - {code: fr, content: ../fr}\n", `want a folder inside the site`},
		{"languages:\n  - {code: en, lang: x}\n", `zhinan.yaml:2:16: unknown setting "languages.lang"`},
	} {
		if _, errs := load(t, tc.yaml); !strings.Contains(errs, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.yaml, errs, tc.want)
		}
	}
}

// A language with a folder of its own does not take the nav setting (its
// paths are the default's folder); a suffix language does.
func TestLanguageNav(t *testing.T) {
	cfg, errs := load(t, "nav: mkdocs.yml\nlanguages:\n  - {code: zh-CN}\n  - {code: en, content: en/docs}\n  - {code: ja, suffix: ja}\n")
	if errs != "" {
		t.Fatal(errs)
	}
	ls := cfg.Languages()
	for i, want := range []string{"mkdocs.yml", "", "mkdocs.yml"} {
		if got := cfg.ForLanguage(ls[i], i == 0).Nav; got != want {
			t.Errorf("%s: nav %q, want %q", ls[i].Code, got, want)
		}
	}
}
