package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/templates"
)

var theme = fstest.MapFS{
	"i18n/zh-CN.yaml": {Data: []byte("home: 首页\nsearch_label: 搜索\n")},
	"i18n/en.yaml":    {Data: []byte("home: Home\nsearch_label: Search\n")},
}

func TestLoad(t *testing.T) {
	site := fstest.MapFS{"i18n/zh-CN.yaml": {Data: []byte("search_label: 搜索指南\n")}}
	for _, tc := range []struct{ lang, home, search string }{
		{"zh-CN", "首页", "搜索指南"}, // the site's word over the theme's
		{"zh-TW", "首页", "搜索指南"}, // same base language
		{"en-GB", "Home", "Search"},
		{"fr", "Home", "Search"}, // no file: English
	} {
		w, diags := Load(theme, site, tc.lang)
		if len(diags) > 0 || w.T("home") != tc.home || w.T("search_label") != tc.search {
			t.Errorf("%s: home %q, search %q (%v); want %q, %q", tc.lang, w.T("home"), w.T("search_label"), diags, tc.home, tc.search)
		}
	}
	if w, _ := Load(theme, nil, "en"); w.T("no_such_key") != "no_such_key" {
		t.Errorf("a missing word should show its key")
	}
	_, diags := Load(theme, fstest.MapFS{"i18n/en.yaml": {Data: []byte("- not a mapping\n")}}, "en")
	if !strings.Contains(diags.Error(), "i18n/en.yaml:1:1: want key: text lines") {
		t.Errorf("bad file: %v", diags)
	}
}

// The shipped language files have the same keys, so no page shows a key.
func TestShippedFilesAgree(t *testing.T) {
	zh, _ := Load(templates.FS, nil, "zh-CN")
	for _, lang := range []string{"en", "zh-TW", "ja"} {
		other, _ := Load(templates.FS, nil, lang)
		for k := range zh {
			if _, ok := other[k]; !ok {
				t.Errorf("%s.yaml lacks %s", lang, k)
			}
		}
		for k := range other {
			if _, ok := zh[k]; !ok {
				t.Errorf("zh-CN.yaml lacks %s, which %s.yaml has", k, lang)
			}
		}
		if other["home"] == zh["home"] && lang != "zh-TW" {
			t.Errorf("%s.yaml was not read: its home is %q", lang, other["home"])
		}
	}
	if len(zh) < 20 {
		t.Errorf("zh-CN.yaml has %d words; was it read?", len(zh))
	}
}

// Traditional Chinese variants take zh-TW's words, the others their base's.
func TestPickVariant(t *testing.T) {
	for lang, want := range map[string]string{"zh-HK": "zh-TW", "zh-Hant-HK": "zh-TW", "zh-TW": "zh-TW", "zh-SG": "zh-CN",
		"ja-JP": "ja", "en-GB": "en", "fr": "en"} {
		if got := pick(templates.FS, lang); got != want {
			t.Errorf("pick(%q) = %q, want %q", lang, got, want)
		}
	}
}
