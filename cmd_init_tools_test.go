package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"zhinan/generator"
	"zhinan/generator/site"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/init/*.txtar")

// Each archive of testdata/init is another tool's site: init recognises it
// and writes want/zhinan.yaml (and says want/init), and the build of the
// site as it is then follows its navigation: want/order is the reading
// order (prev/next), one page a line, indented by nesting, with the title
// the sidebar shows, then the build's diagnostics.
func TestInitTools(t *testing.T) {
	archives, _ := filepath.Glob("testdata/init/*.txtar")
	for _, archive := range archives {
		t.Run(filepath.Base(archive), func(t *testing.T) {
			ar, err := txtar.ParseFile(archive)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeSite(t, archive)
			msg, err := initSite(dir)
			if err != nil {
				t.Fatal(err)
			}
			settings, _ := os.ReadFile(filepath.Join(dir, "zhinan.yaml"))
			res, _, diags := generator.BuildFiles(generator.Options{FS: os.DirFS(dir), Src: "book"})
			got := map[string]string{
				"want/init":        strings.ReplaceAll(msg, dir, "$DIR"),
				"want/zhinan.yaml": string(settings),
				"want/order":       readingOrder(res) + diags.Error(),
			}
			changed := false
			for i, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if *update {
					ar.Files[i].Data, changed = []byte(want), true
				} else if string(f.Data) != want {
					t.Errorf("%s:\n%s\nwant:\n%s", f.Name, want, f.Data)
				}
			}
			if changed {
				os.WriteFile(archive, txtar.Format(ar), 0o644)
			}
		})
	}
}

// readingOrder lists the pages from the first along Next: each with its
// sidebar title and source, indented by its depth in the section tree, with
// the part heading above it when it has one; it checks Prev on the way.
func readingOrder(res *generator.Result) string {
	if res == nil {
		return "no site\n"
	}
	var b strings.Builder
	var prev *site.Page
	for p := res.Site.Home; p != nil; prev, p = p, p.Next {
		if p.Prev != prev {
			fmt.Fprintf(&b, "!! prev of %s is not %s\n", p.File, prev.File)
		}
		depth := 0
		for q := p.Parent; q != nil; q = q.Parent {
			depth++
		}
		if p.Part != "" {
			fmt.Fprintf(&b, "%s== %s\n", strings.Repeat("  ", depth), p.Part)
		}
		fmt.Fprintf(&b, "%s%s (%s)\n", strings.Repeat("  ", depth), p.NavTitle, p.File)
	}
	return b.String()
}
