package content

import (
	"slices"
	"strconv"
	"testing"
)

// TestOtherToolsKeys: keys of other tools that mean one of ours are mapped,
// theme keys are kept quietly, and the rest are kept with one warning per
// key name for the whole site.
func TestOtherToolsKeys(t *testing.T) {
	src := "---\nsidebar_position: 3\nsidebar_label: 短名\nslug: intro\ntag: 群主\ncategory: [转让, 解散]\n" +
		"hide:\n  - navigation\n  - toc\nsearch: {exclude: true, boost: 2}\ncomments: true\nicon: lock\nmykey: {a: 1}\n---\nbody\n"
	p, diags := Parse("docs/a.md", "a.md", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	m := p.Meta
	if m.Weight != 3 || m.NavTitle != "短名" || m.Slug != "intro" || !slices.Equal(m.Tags, []string{"群主", "转让", "解散"}) ||
		!m.HideNav || !m.HideTOC || !m.NoSearch {
		t.Errorf("meta = %+v", m)
	}
	if m.Params["comments"] != true || m.Params["icon"] != "lock" || m.Params["mykey"] == nil {
		t.Errorf("params = %v", m.Params)
	}
	for _, c := range []struct{ fm, weight string }{{"order: -1", "-1"}, {"nav_order: 7", "7"}, {"sidebar_position: 2.5", "2"}} {
		p, d := Parse("a.md", "a.md", []byte("---\n"+c.fm+"\n---\n"))
		if len(d) > 0 || c.weight != strconv.Itoa(p.Meta.Weight) {
			t.Errorf("%s: weight %d, %v", c.fm, p.Meta.Weight, d)
		}
	}

	var pages []*Page
	for _, name := range []string{"a.md", "b.md", "c.md", "d.md", "e.md"} {
		p, _ := Parse("docs/"+name, name, []byte("---\ntitle: x\nmykey: 1\nother: 2\n---\n"))
		pages = append(pages, p)
	}
	p, d := Parse("docs/g.md", "g.md", []byte("---\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\nauthors: [x]\n---\n"))
	if len(d) > 0 || p.Meta.Date.Format("2006-01-02") != "2026-02-18" || p.Meta.Lastmod.Format("2006-01-02") != "2026-04-13" {
		t.Errorf("blog dates: %v %v %v", p.Meta.Date, p.Meta.Lastmod, d)
	}
	p, _ = Parse("docs/f.md", "f.md", []byte("---\nparams: {mykey: 9}\nmykey: 1\n---\n"))
	if p.Meta.Params["mykey"] != 9 {
		t.Errorf("params: should win over a kept key: %v", p.Meta.Params)
	}
	got := UnknownKeys(pages).Error()
	want := `docs/a.md:3:1: warning: unknown front matter key "mykey" on 5 pages (kept in .Params): docs/a.md:3:1, docs/b.md:3:1, docs/c.md:3:1 and 2 more
docs/a.md:4:1: warning: unknown front matter key "other" on 5 pages (kept in .Params): docs/a.md:4:1, docs/b.md:4:1, docs/c.md:4:1 and 2 more`
	if got != want {
		t.Errorf("UnknownKeys:\n%s\nwant\n%s", got, want)
	}
}

// TestFrontMatterMistakes: a key one edit from ours is an error with a
// suggestion, and a mapped key with a value of the wrong type is an error
// at the value.
func TestFrontMatterMistakes(t *testing.T) {
	for fm, want := range map[string]string{
		"titel: x":                `a.md:2:1: unknown front matter key "titel" (did you mean "title"?)`,
		"wieght: 1":               `a.md:2:1: unknown front matter key "wieght" (did you mean "weight"?)`,
		"draf: true":              `a.md:2:1: unknown front matter key "draf" (did you mean "draft"?)`,
		"Title: x":                `a.md:2:1: unknown front matter key "Title" (did you mean "title"?)`,
		"sidebar_postion: 1":      `a.md:2:1: unknown front matter key "sidebar_postion" (did you mean "sidebar_position"?)`,
		"sidebar_position: first": `a.md:2:19: front matter "sidebar_position": want a whole number, got "first"`,
		"sidebar_label: [a, b]":   `a.md:2:16: front matter "sidebar_label": want a string, got a list`,
		"slug: ../up":             `a.md:2:7: front matter "slug": "../up" is not a URL path (want a name like intro, or a path like /guide/intro)`,
		"hide: [navigation, all]": `a.md:2:20: front matter "hide": "all", want navigation, toc, footer, path, tags or feedback`,
		"search: yes":             `a.md:2:9: front matter "search": want a mapping like {exclude: true}, got "yes"`,
		"search: {exclude: 1}":    `a.md:2:19: front matter "search.exclude": want true or false, got "1"`,
		"category: {a: b}":        `a.md:2:11: front matter "category": want a list of strings, got a mapping`,
		"date: {created: soon}":   `a.md:2:17: front matter "date.created": want a date like 2026-01-31, got "soon"`,
	} {
		_, diags := Parse("a.md", "a.md", []byte("---\n"+fm+"\n---\n"))
		if got := diags.Error(); got != want {
			t.Errorf("%s:\n got %s\nwant %s", fm, got, want)
		}
	}
	// Not typos: mapped and theme keys one edit from ours.
	for _, fm := range []string{"tag: a", "toc: false", "dir: {order: 1}", "lang: en"} {
		if _, diags := Parse("a.md", "a.md", []byte("---\n"+fm+"\n---\n")); len(diags) > 0 {
			t.Errorf("%s: %v", fm, diags)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"title", "title", true}, {"titel", "title", true}, {"tile", "title", true}, {"titles", "title", true},
		{"tutle", "title", true}, {"ttile", "title", true}, {"eltit", "title", false}, {"tit", "title", false},
		{"", "a", true}, {"ab", "ba", true}, {"abc", "cab", false}, {"标题", "标提", true},
	} {
		if got := oneEdit([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
