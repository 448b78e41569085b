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

// Both shipped language files have the same keys, so no page shows a key.
func TestShippedFilesAgree(t *testing.T) {
	zh, _ := Load(templates.FS, nil, "zh-CN")
	en, _ := Load(templates.FS, nil, "en")
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en.yaml lacks %s", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh-CN.yaml lacks %s", k)
		}
	}
	if len(zh) < 20 {
		t.Errorf("zh-CN.yaml has %d words; was it read?", len(zh))
	}
}
