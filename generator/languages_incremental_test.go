package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguagesIncrementalEqualsClean is the preview's promise for a site
// in two languages, in both layouts: after each edit (an English page
// changed, added, broken, mended or removed; a Chinese page changed), the
// rebuilt site is byte for byte a clean build's, with the same
// diagnostics, and a page's problem leaves the rest of the site built.
func TestLanguagesIncrementalEqualsClean(t *testing.T) {
	for _, layout := range []struct {
		name, settings string
		en             func(rel string) string // the English file of a page at rel in content/
	}{
		{"folders", "  - {code: en, name: English, content: content.en}\n", func(rel string) string { return "content.en/" + rel }},
		{"suffix", "  - {code: en, name: English, suffix: en}\n", func(rel string) string {
			return "content/" + strings.TrimSuffix(rel, ".md") + ".en.md"
		}},
	} {
		t.Run(layout.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(rel, text string) {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("zhinan.yaml", "languages:\n  - {code: zh-CN, name: 中文}\n"+layout.settings)
			write("content/_index.md", "# 首页\n\n[甲](s/a.md)\n")
			write("content/s/a.md", "# 甲\n\n见[乙](b.md)。\n")
			write("content/s/b.md", "# 乙\n\n乙页。\n")
			write(layout.en("_index.md"), "# Home\n\n[A](s/a.md)\n")
			write(layout.en("s/a.md"), "# A\n\nSee [B](b.md).\n")
			b := NewBuilder(Options{Src: dir})
			if res, diags := b.Build(All); res == nil || diags.HasErrors() {
				t.Fatal(diags)
			}
			steps := []struct {
				rel, text string // text "" removes the file
			}{
				{layout.en("s/a.md"), "# A again\n\nSee [B](b.md) and [home](../_index.md).\n"},
				{layout.en("s/b.md"), "# B\n\nNow translated.\n"},
				{layout.en("s/a.md"), "---\ntitel: typo\n---\n# A\n"}, // a problem of one page
				{layout.en("s/a.md"), "# A mended\n\n[B](b.md)\n"},
				{"content/s/b.md", "# 乙二\n\n改了。\n"},
				{layout.en("s/b.md"), ""}, // the link falls back to the Chinese page again
			}
			for i, st := range steps {
				if st.text == "" {
					os.Remove(filepath.Join(dir, filepath.FromSlash(st.rel)))
				} else {
					write(st.rel, st.text)
				}
				got, gotDiags := b.Build(Change{Paths: []string{st.rel}})
				want, wantDiags := NewBuilder(Options{Src: dir}).Build(All)
				if gotDiags.Error() != wantDiags.Error() {
					t.Fatalf("step %d: diagnostics differ:\n%v\nclean:\n%v", i, gotDiags, wantDiags)
				}
				if got == nil || want == nil {
					t.Fatalf("step %d: no site (incremental %v, clean %v): %v", i, got != nil, want != nil, gotDiags)
				}
				if g, w := strings.Join(got.Names(), "\n"), strings.Join(want.Names(), "\n"); g != w {
					t.Fatalf("step %d: files\n%s\nclean build has\n%s", i, g, w)
				}
				for _, name := range got.Names() {
					data, err := got.File(name)
					wdata, werr := want.File(name)
					if fmt.Sprint(err) != fmt.Sprint(werr) || !bytes.Equal(data, wdata) {
						t.Fatalf("step %d: %s differs from a clean build (err %v, clean %v)", i, name, err, werr)
					}
				}
				if _, err := got.File("index.html"); err != nil {
					t.Errorf("step %d: the Chinese home page is not built: %v", i, err)
				}
			}
		})
	}
}
