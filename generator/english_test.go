package generator

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// TestEnglishThemeHasNoChinese builds an English site with the default
// theme, every kind of page in it, and wants no Han character in any page
// or script of the theme: the theme's words and IDs come from the site's language.
func TestEnglishThemeHasNoChinese(t *testing.T) {
	page := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"zhinan.yaml":             page("title: Handbook\nlanguage: en\nbase_url: https://example.org/\nrepo_url: https://example.org/edit/\nstale_after: 30\n"),
		"content/_index.md":       page("# Handbook\n\nStart with [setup](guide/setup.md).\n"),
		"content/guide/_index.md": page("---\ntitle: Guide\n---\nThe guide.\n"),
		"content/guide/setup.md": page("---\ntitle: Setup\ntags: [basics]\nplatforms: [ios]\nsources:\n  - {title: Manual, url: https://example.org/m}\n" +
			"aliases: [/old/]\n---\n## Install\n\n```go\nfunc main() {}\n```\n\n> [!WARNING]\n> Careful.\n\nA note.[^1]\n\n[^1]: The note.\n\n## Run\n\nSee [use](use.md).\n"),
		"content/guide/use.md": page("# Use\n\n## First\n\ntext\n\n## Second\n\nBack to [setup](setup.md#install).\n"),
	}
	_, files, diags := BuildFiles(Options{FS: fsys})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	checked := 0
	for name, b := range files {
		// The search index's manifest holds Chinese particles the query
		// reader drops: data, never shown. The favicon is the project's
		// mark (指), a picture.
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") &&
			!strings.HasSuffix(name, ".js") && !strings.HasSuffix(name, ".css") || strings.HasPrefix(name, "search/") {
			continue
		}
		checked++
		s := string(b)
		if i := strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }); i >= 0 {
			t.Errorf("%s has Chinese: %q", name, s[max(0, i-60):min(len(s), i+60)])
		}
	}
	if checked < 10 {
		t.Errorf("only %d files checked", checked)
	}
}
