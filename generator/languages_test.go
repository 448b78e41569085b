package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// TestLanguageSites builds the multilingual sites of testdata/languages
// with the default theme. Their archives are as TestSites' (want/files,
// want/diagnostics, want/<path>), and want/key/<path> holds what an HTML
// page says about languages (keyLines): <html lang>, its hreflang links,
// the switcher and the links to untranslated pages.
func TestLanguageSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/languages/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var opts Options
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "base-url:"); ok {
					opts.BaseURL = strings.TrimSpace(v)
				}
			}
			opts.FS = fsys
			res, out, diags := BuildFiles(opts)
			got := map[string]string{"want/diagnostics": ""}
			if len(diags) > 0 {
				got["want/diagnostics"] = diags.Error() + "\n"
			}
			if res == nil || out == nil {
				t.Fatalf("no site: %v", diags)
			}
			var names []string
			for name, b := range out {
				if !strings.Contains(name, "assets/") && !strings.Contains(name, "search/") {
					names = append(names, name)
				}
				got["want/"+name] = string(b)
				if strings.HasSuffix(name, ".html") {
					got["want/key/"+name] = keyLines(t, b)
				}
			}
			slices.Sort(names)
			got["want/files"] = strings.Join(names, "\n") + "\n"
			compareArchive(t, file, ar, got)
		})
	}
}

// compareArchive checks (or with -update rewrites) an archive's want/ files.
func compareArchive(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	changed := false
	for i, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		g, ok := got[f.Name]
		switch {
		case !ok:
			t.Errorf("%s: the build made no %s", file, f.Name)
		case *update:
			ar.Files[i].Data, changed = []byte(g), true
		default:
			if diff := cmp.Diff(string(f.Data), g); diff != "" {
				t.Errorf("%s: %s differs (-want +got):\n%s", file, f.Name, diff)
			}
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// keyLines is what a page says about languages, one thing a line.
func keyLines(t *testing.T, page []byte) string {
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node, inSwitch bool)
	walk = func(n *html.Node, inSwitch bool) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, x := range n.Attr {
				a[x.Key] = x.Val
			}
			switch {
			case n.Data == "html":
				fmt.Fprintf(&b, "html lang=%s\n", a["lang"])
			case n.Data == "title":
				fmt.Fprintf(&b, "title %q\n", text(n))
			case n.Data == "link" && a["hreflang"] != "":
				fmt.Fprintf(&b, "hreflang %s %s\n", a["hreflang"], a["href"])
			case n.Data == "details" && a["class"] == "lang-switch":
				inSwitch = true
			case n.Data == "summary" && inSwitch:
				fmt.Fprintf(&b, "switch %q\n", text(n))
			case n.Data == "a" && inSwitch:
				fmt.Fprintf(&b, "  %s -> %s lang=%s%s\n", text(n), a["href"], a["lang"], flags(a))
			case n.Data == "a" && a["class"] == "untranslated-link":
				fmt.Fprintf(&b, "untranslated %q -> %s (%s)\n", text(n), a["href"], a["title"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSwitch)
		}
	}
	walk(doc, false)
	return b.String()
}

func flags(a map[string]string) string {
	var s string
	if a["aria-current"] != "" {
		s += " current"
	}
	if a["class"] == "untranslated" {
		s += " untranslated"
	}
	return s
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
