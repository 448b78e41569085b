package content

import (
	"bytes"
	"strings"
	"testing"
)

func TestSplitKeepsLines(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: x\n---\n# Body\ntext\n",
		"---\r\ntitle: x\r\n---\r\nbody\r\n",
		"\xef\xbb\xbf---\ntitle: x\n...\nbody",
		"---\ntitle: x\n---",
	} {
		yml, body, start, ok := splitFrontMatter([]byte(src))
		if !ok || start != 2 || !bytes.Contains(yml, []byte("title: x")) {
			t.Errorf("%q: ok=%v start=%d yml=%q", src, ok, start, yml)
		}
		if got, want := bytes.Count(body, []byte("\n")), strings.Count(src, "\n"); got < want {
			t.Errorf("%q: body has %d lines, file %d: lines moved", src, got, want)
		}
	}
	for _, src := range []string{"# no front matter\n---\n", "--- \nno end\n", "", "----\n"} {
		if _, body, _, ok := splitFrontMatter([]byte(src)); (ok && src != "--- \nno end\n") || (!ok && string(body) != src) {
			t.Errorf("%q: ok=%v body=%q", src, ok, body)
		}
	}
}

func TestParseMeta(t *testing.T) {
	src := "---\ntitle: 转让群主\nweight: 3\ntags: [群主, 转让]\nplatforms: 微信\nlast_checked:\n  date: 2026-11-25\n  versions: 微信 8.0\nsources:\n  - title: 官方\n    url: https://kf.qq.com/\nentrances:\n  - {title: 帮助中心, url: https://kf.qq.com/}\nparams: {x: 1}\n---\nbody\n"
	p, diags := Parse("content/a.md", "a.md", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	m := p.Meta
	if m.Title != "转让群主" || m.Weight != 3 || len(m.Tags) != 2 || m.Platforms[0] != "微信" ||
		m.LastChecked.Date.Format("2006-01-02") != "2026-11-25" || m.LastChecked.Versions != "微信 8.0" ||
		m.Sources[0].URL != "https://kf.qq.com/" || len(m.Entrances) != 1 || m.Entrances[0].Title != "帮助中心" || m.Params["x"] != 1 || m.Line("weight") != 3 {
		t.Errorf("meta = %+v", m)
	}
	if !strings.HasPrefix(string(p.Body), strings.Repeat("\n", 15)+"body") {
		t.Errorf("body = %q", p.Body)
	}
}

// FuzzParse: any bytes give a page or diagnostics, never a panic; the body
// never has fewer lines than the file; every diagnostic is positioned inside
// the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\nbody"))
	f.Add([]byte("---\ntags: [a\n---\n"))
	f.Add([]byte("---\nsources:\n  - {title: 1}\nlast_checked: {date: x}\n---\n"))
	f.Add([]byte("---\nentrances: [{url: 1}, x]\n---\n"))
	f.Add([]byte("\xff---\n"))
	f.Add([]byte("---\nhide: [navigation, x]\nslug: ../a\nsearch: {exclude: 1}\ntitel: x\ndate: {created: 2026-01-01}\nicon: y\nzz: 1\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := Parse("content/f.md", "f.md", src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range diags {
			if d.Line < 0 || d.Line > lines || d.Col < 0 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		if p.Body != nil && bytes.Count(p.Body, []byte("\n")) < bytes.Count(src, []byte("\n")) {
			t.Fatalf("body lost lines")
		}
	})
}

// TestYAMLErrorPosition: invalid YAML is reported on the line an editor should
// jump to (yaml.v3 says one line early for parser errors), and columns count
// characters, not bytes.
func TestYAMLErrorPosition(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: 标题\ntags: [a, b\nweight: 1\n---\n", "content/a.md:3:1: invalid front matter: did not find expected ',' or ']'"},
		{"---\ntags: [a, b\n---\n", "content/a.md:2:1: invalid front matter: did not find expected ',' or ']'"},
		{"---\ntitle: x\nparams: {a: 1\nweight: 2\n---\n", "content/a.md:3:1: invalid front matter: did not find expected ',' or '}'"},
		{"---\nsources:\n  - a\n  b: 1\n---\n", "content/a.md:3:1: invalid front matter: did not find expected '-' indicator"},
		{"---\ntitle: x\n  weight: 2\n---\n", "content/a.md:3:1: invalid front matter: mapping values are not allowed in this context"},
		{"---\ntitle: x\n\tweight: 2\n---\n", "content/a.md:3:1: invalid front matter: found a tab character that violates indentation"},
		{"---\nentrances:\n  - {title: 入口, link: x}\n---\n", `content/a.md:3:17: unknown key "link" in front matter "entrances" (want title, url)`},
		{"---\ntitle: 类型\nweight: 重\n---\n", `content/a.md:3:9: front matter "weight": want a whole number, got "重"`},
		{"---\ntitle: 好\n---\n中文\xff", "content/a.md:4:3: file is not valid UTF-8 text (save it as UTF-8)"},
	} {
		_, diags := Parse("content/a.md", "a.md", []byte(tc.src))
		if got := diags.Error(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}
