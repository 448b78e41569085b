// Package i18n holds the words a site shows its readers: every label, button
// and heading of the theme, one YAML file of key: text per language, chosen
// by zhinan.yaml's language. Templates write them with {{t "key"}}; the Go
// side (the sidebar's home link, the 404 page's title, the tag and platform
// index pages) takes them from the same Words.
//
// The default theme ships i18n/zh-CN.yaml, zh-TW.yaml, ja.yaml and en.yaml. A site changes
// any word, key by key, in its own templates/i18n/<language>.yaml (a theme
// of its own) or i18n/<language>.yaml (this site's words, as Hugo reads
// them). A language without a file falls back to one with the same base
// ("zh-SG" to "zh-CN", "en-GB" to "en"; Traditional Chinese, "zh-HK",
// "zh-MO" and "zh-Hant", to "zh-TW"), then to en.
package i18n

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"zhinan/generator/diag"
)

// Words maps a key to the text readers see.
type Words map[string]string

// T is the text of key; a key no file defines shows itself, so a missing
// word is seen (and found) rather than blank.
func (w Words) T(key string) string {
	if s, ok := w[key]; ok {
		return s
	}
	return key
}

// Load reads the words for lang: the theme's file, then the site's files
// over it. theme is the default theme (its root holds i18n/); site is the
// site root.
func Load(theme, site fs.FS, lang string) (Words, diag.List) {
	var diags diag.List
	name := pick(theme, lang) + ".yaml"
	w := Words{}
	read := func(fsys fs.FS, file, shown string) {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			diags.Add(shown, 1, 1, "want key: text lines: %s", strings.TrimPrefix(err.Error(), "yaml: "))
			return
		}
		for k, v := range m {
			w[k] = v
		}
	}
	read(theme, "i18n/"+name, "templates/i18n/"+name)
	if site != nil {
		for _, dir := range []string{"templates/i18n/", "i18n/"} {
			read(site, dir+name, dir+name)
			if n := lang + ".yaml"; n != name {
				read(site, dir+n, dir+n)
			}
		}
	}
	return w, diags
}

// pick is the theme's language file that serves lang.
func pick(theme fs.FS, lang string) string {
	entries, _ := fs.ReadDir(theme, "i18n")
	var have []string
	for _, e := range entries {
		have = append(have, strings.TrimSuffix(e.Name(), path.Ext(e.Name())))
	}
	sort.Strings(have)
	for _, h := range have {
		if strings.EqualFold(h, lang) {
			return h
		}
	}
	if l := strings.ToLower(lang); l == "zh-hk" || l == "zh-mo" || strings.HasPrefix(l, "zh-hant") {
		for _, h := range have {
			if h == "zh-TW" {
				return h
			}
		}
	}
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	for _, h := range have {
		if hb, _, _ := strings.Cut(strings.ToLower(h), "-"); hb == base {
			return h
		}
	}
	return "en"
}
