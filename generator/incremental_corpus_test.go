package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zhinan/generator/corpus"
)

// TestIncrementalCorpusEqualsClean makes, on corpus sites with long
// sections (lists over several pages, sidebars showing a window), the edits
// whose effects the rebuild patches rather than works out again (links and
// backlinks, heading anchors, titles, tags, the reading order, pages added
// and removed), and checks after each that the incremental build is byte
// for byte a clean build, diagnostics included.
func TestIncrementalCorpusEqualsClean(t *testing.T) {
	// 250 huge pages: sections of 50, listed over two pages.
	t.Run("huge", func(t *testing.T) { testCorpusEdits(t, corpus.Huge, 250) })
	t.Run("deep", func(t *testing.T) { testCorpusEdits(t, corpus.Deep, 150) })
	// 250 dense pages: every page links to its section's index and to the
	// first page, whose backlinks are listed over pages of their own.
	t.Run("dense", func(t *testing.T) { testCorpusEdits(t, corpus.Dense, 250) })
}

var anchorLink = regexp.MustCompile(`\]\(([^)#]+\.md)#([^)]+)\)`)

func testCorpusEdits(t *testing.T, shape corpus.Shape, n int) {
	dir := t.TempDir()
	files := corpus.ShapeFiles(shape, n, 1)
	write := func(rel, text string) string {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return rel
	}
	var names []string
	for name, data := range files {
		write(name, string(data))
		if !strings.HasSuffix(name, "/_index.md") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	// target is a page that another, from, links to at a heading.
	var from, target, heading string
	for _, name := range names {
		if m := anchorLink.FindStringSubmatch(string(files[name])); m != nil {
			from, target, heading = name, path.Join(path.Dir(name), m[1]), m[2]
			break
		}
	}
	if target == "" {
		t.Fatal("no link to a heading in the corpus")
	}
	// edited is an ordinary page in the middle of the site, not from or target.
	edited := names[len(names)/2]
	for edited == from || edited == target {
		edited = names[len(names)/2+1]
	}
	orig, targetOrig := string(files[edited]), string(files[target])
	// link is a link from edited to target's heading.
	link := fmt.Sprintf("\n另见[那一节](%s%s#%s)。\n", strings.Repeat("../", strings.Count(edited, "/")-1),
		strings.TrimPrefix(target, "content/"), heading)
	newPage := path.Dir(edited) + "/p99999.md"
	heading = strings.ReplaceAll(heading, "-", " ")
	if !strings.Contains(targetOrig, "# "+heading+"\n") {
		t.Fatalf("%s has no heading %q", target, heading)
	}

	b := NewBuilder(Options{Src: dir})
	if _, diags := b.Build(All); len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, step := range []struct {
		name string
		edit func() string // returns the path it changed
	}{
		{"body", func() string { return write(edited, orig+"\n编辑后的一句话。\n") }},
		{"title", func() string {
			return write(edited, regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(orig, "title: 改过的标题"))
		}},
		{"tags", func() string {
			return write(edited, regexp.MustCompile(`(?m)^tags: .*$`).ReplaceAllString(orig, "tags: [新标签, 内部群]"))
		}},
		{"link added", func() string { return write(edited, orig+link) }},
		{"link removed", func() string { return write(edited, orig) }},
		{"heading renamed, links to it break", func() string {
			return write(target, strings.Replace(targetOrig, "# "+heading+"\n", "# "+heading+"改\n", 1))
		}},
		{"heading back", func() string { return write(target, targetOrig) }},
		{"weight: the reading order changes", func() string {
			return write(edited, regexp.MustCompile(`(?m)^weight: .*$`).ReplaceAllString(orig, "weight: 1"))
		}},
		{"page added", func() string {
			return write(newPage, "---\ntitle: 新页面\ntags: [内部群]\n---\n\n# 新页面\n\n正文。"+link)
		}},
		{"page removed, links to it break", func() string {
			os.Remove(filepath.Join(dir, filepath.FromSlash(target)))
			return target
		}},
		{"page back", func() string { return write(target, targetOrig) }},
		{"added page removed", func() string {
			os.Remove(filepath.Join(dir, filepath.FromSlash(newPage)))
			return newPage
		}},
	} {
		rel := step.edit()
		equalsClean(t, b, dir, rel, step.name)
	}
}

// equalsClean builds after a change to rel and compares with a clean build.
func equalsClean(t *testing.T, b *Builder, dir, rel, step string) {
	t.Helper()
	got, gotDiags := b.Build(Change{Paths: []string{rel}})
	want, wantDiags := NewBuilder(Options{Src: dir}).Build(All)
	if gotDiags.Error() != wantDiags.Error() {
		t.Fatalf("%s: diagnostics differ:\n%v\nclean:\n%v", step, gotDiags, wantDiags)
	}
	if got == nil || want == nil {
		t.Fatalf("%s: no site (incremental %v, clean %v)", step, got != nil, want != nil)
	}
	names, wantNames := got.Names(), want.Names()
	if strings.Join(names, "\n") != strings.Join(wantNames, "\n") {
		t.Fatalf("%s: files %q, clean build has %q", step, names, wantNames)
	}
	for _, name := range names {
		data, err := got.File(name)
		wdata, werr := want.File(name)
		if fmt.Sprint(err) != fmt.Sprint(werr) || !bytes.Equal(data, wdata) {
			t.Fatalf("%s: %s differs from a clean build (err %v, clean %v)", step, name, err, werr)
		}
	}
	t.Logf("%s: %d files equal, %d diagnostics", step, len(names), len(gotDiags))
}
