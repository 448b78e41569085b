package markdown

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// fakeSite resolves links the way the site package does, over a fixed set of
// pages and files. Page URLs are directory-style: "a/b.md" -> "/a/b/".
type fakeSite struct {
	pages map[string]bool
	files map[string]bool
}

var testSite = fakeSite{
	pages: map[string]bool{"page.md": true, "a.md": true, "data/backup.md": true, "群聊.md": true},
	files: map[string]bool{"img/a.png": true},
}

func (s fakeSite) Resolve(from, dest string) (Ref, error) {
	p, frag, _ := strings.Cut(dest, "#")
	frag, err := url.PathUnescape(frag)
	if err != nil {
		return Ref{}, fmt.Errorf("bad fragment %q", frag)
	}
	if p == "" {
		return Ref{Href: "#" + frag, Page: from, Fragment: frag}, nil
	}
	if p, err = url.PathUnescape(p); err != nil {
		return Ref{}, fmt.Errorf("bad path %q", p)
	}
	if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(from), p)
	}
	p = strings.TrimPrefix(p, "/")
	switch {
	case s.pages[p]:
		href := "/" + strings.TrimSuffix(p, ".md") + "/"
		if frag != "" {
			href += "#" + frag
		}
		return Ref{Href: href, Page: p, Fragment: frag}, nil
	case s.files[p]:
		return Ref{Href: "/" + p}, nil
	}
	return Ref{}, fmt.Errorf("no page %q", p)
}

// sections renders a Doc into the text of each section a golden file can hold.
func sections(d *Doc) map[string]string {
	var hs, ls, ds, ps strings.Builder
	fmt.Fprintf(&hs, "title: %s\n", d.Title)
	for _, h := range d.Headings {
		fmt.Fprintf(&hs, "%d: h%d #%s %s\n", h.Line, h.Level, h.ID, h.Text)
	}
	for _, a := range d.Anchors {
		fmt.Fprintf(&hs, "anchor #%s\n", a)
	}
	for _, l := range d.Links {
		fmt.Fprintf(&ls, "%d:%d %s -> %s page=%q fragment=%q\n", l.Line, l.Col, l.Dest, l.Ref.Href, l.Ref.Page, l.Ref.Fragment)
	}
	for _, x := range d.Diags {
		fmt.Fprintln(&ds, x)
	}
	for _, p := range d.Parts {
		fmt.Fprintf(&ps, "#%s [%s] %s\n", p.Anchor, p.Heading, p.Text)
	}
	return map[string]string{
		"output.html": string(d.HTML), "headings": hs.String(), "links": ls.String(),
		"diags": ds.String(), "parts": ps.String(),
		"flags": fmt.Sprintf("code: %v\ndiagram: %v\n", d.HasCode, d.HasDiagram),
	}
}

// TestGolden renders the input.md of each testdata/*.txtar and compares the
// result with the archive's other sections. Sections an archive lacks are not
// checked, except output.html, which is always. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	r := New(Options{Words: zhWords})
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			for _, f := range ar.Files {
				if f.Name == "input.md" {
					input = f.Data
				}
			}
			if input == nil {
				t.Fatal("no input.md section")
			}
			got := sections(r.Render("content/page.md", "page.md", input, testSite))
			if *update {
				rewrite(t, file, ar, got)
				return
			}
			checked := false
			for _, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				checked = checked || f.Name == "output.html"
				// Diff by lines: readable, and never splits a Chinese character.
				if diff := cmp.Diff(strings.SplitAfter(string(f.Data), "\n"), strings.SplitAfter(want, "\n")); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", f.Name, diff)
				}
			}
			if !checked {
				t.Error("no output.html section; run go test -update")
			}
		})
	}
}

func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	has := map[string]bool{}
	for i, f := range ar.Files {
		has[f.Name] = true
		if want, ok := got[f.Name]; ok {
			ar.Files[i].Data = []byte(want)
		}
	}
	if !has["output.html"] {
		ar.Files = append(ar.Files, txtar.File{Name: "output.html", Data: []byte(got["output.html"])})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}
