// Package tmpl loads a site's theme: the default theme embedded in the binary,
// overridden file by file by the site's own templates/ folder.
//
// A theme is a folder of html/template files plus assets:
//
//	templates/base.html          the skeleton: {{define "base"}} ... {{block "main" .}}{{end}} ... {{end}}
//	templates/home.html          the home page        } each starts with {{template "base" .}}
//	templates/section.html       a section's overview } and fills blocks with
//	templates/page.html          a guide              } {{define "main"}} ... {{end}}
//	templates/taxonomy.html      the list of all tags or platforms
//	templates/term.html          the pages with one tag or platform
//	templates/alias.html         a redirect from an old URL
//	templates/404.html           the not-found page
//	templates/partials/*.html    {{define "name"}} snippets shared by all layouts
//	templates/assets/**          copied to assets/ in the output (CSS, JS, icons); scripts and style sheets minified (see Minify)
//
// Every layout is parsed together with base.html and all partials, under its
// path, so a template error reads "templates/page.html:12:3: ...". A page can
// pick another layout with front matter `layout: name` (templates/name.html).
package tmpl

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zhinan/generator/diag"
)

// Dir is the folder of a site that overrides the default theme.
const Dir = "templates"

// Set is a parsed theme.
type Set struct {
	layouts map[string]*template.Template // by layout name ("page")
	assets  map[string][]byte             // by path under assets/ ("site.css")
	files   map[string][]byte             // every file by path under the theme, to count columns in errors
}

// Load reads the theme: every file of theme (the default, rooted at its
// templates folder) unless site (rooted at the site root) has the same file
// under templates/. All parse errors are returned at once.
func Load(theme, site fs.FS, funcs template.FuncMap) (*Set, diag.List) {
	files, diags := overlay(theme, site)
	set := &Set{layouts: map[string]*template.Template{}, assets: map[string][]byte{}, files: files}
	var shared []string
	for name := range files {
		if strings.HasPrefix(name, "assets/") {
			set.assets[strings.TrimPrefix(name, "assets/")] = Minify(name, files[name])
		} else if name == "base.html" || strings.HasPrefix(name, "partials/") {
			shared = append(shared, name)
		}
	}
	sort.Strings(shared)
	for _, name := range sortedNames(files) {
		if !strings.HasSuffix(name, ".html") || strings.Contains(name, "/") || name == "base.html" {
			continue
		}
		t, d := parseLayout(name, shared, files, funcs)
		if d != nil {
			diags = append(diags, *d)
			continue
		}
		set.layouts[strings.TrimSuffix(name, ".html")] = t
	}
	diags.Sort()
	return set, diags
}

// parseLayout parses one layout together with the shared files (base and
// partials). The layout is the root template, so executing it runs the file.
func parseLayout(name string, shared []string, files map[string][]byte, funcs template.FuncMap) (*template.Template, *diag.Diag) {
	t := template.New(Dir + "/" + name).Funcs(funcs)
	for _, f := range shared {
		if _, err := t.New(Dir + "/" + f).Parse(string(files[f])); err != nil {
			d := toDiag(err, Dir+"/"+f, files)
			return nil, &d
		}
	}
	if _, err := t.Parse(string(files[name])); err != nil {
		d := toDiag(err, Dir+"/"+name, files)
		return nil, &d
	}
	return t, nil
}

// overlay merges the two trees: a site file replaces the theme file of the same path.
func overlay(theme, site fs.FS) (map[string][]byte, diag.List) {
	files := map[string][]byte{}
	var diags diag.List
	read := func(fsys fs.FS, root string) {
		fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(p, ".go") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				diags.Add(path.Join(Dir, p), 0, 0, "%v", err)
				return nil
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			files[rel] = b
			return nil
		})
	}
	read(theme, ".")
	if site != nil {
		if _, err := fs.Stat(site, Dir); err == nil {
			read(site, Dir)
		}
	}
	return files, diags
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Has reports whether the theme has a layout.
func (s *Set) Has(layout string) bool { return s.layouts[layout] != nil }

// Assets are the theme's files under assets/, by path below it.
func (s *Set) Assets() map[string][]byte { return s.assets }

// Execute runs a layout. An error is a diagnostic pointing into the template.
func (s *Set) Execute(w io.Writer, layout string, data any) *diag.Diag {
	t := s.layouts[layout]
	if t == nil {
		return &diag.Diag{File: Dir + "/" + layout + ".html", Msg: fmt.Sprintf("missing template %q", Dir+"/"+layout+".html")}
	}
	if bb, ok := w.(*bytes.Buffer); ok {
		// Straight into the caller's buffer, which it sized for the page:
		// a buffer of our own would grow page by page and be copied.
		n := bb.Len()
		if err := t.Execute(bb, data); err != nil {
			bb.Truncate(n)
			d := toDiag(err, Dir+"/"+layout+".html", s.files)
			return &d
		}
		return nil
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		d := toDiag(err, Dir+"/"+layout+".html", s.files)
		return &d
	}
	_, err := w.Write(buf.Bytes())
	if err != nil {
		return &diag.Diag{File: Dir + "/" + layout + ".html", Msg: err.Error()}
	}
	return nil
}

var templateErr = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// toDiag turns "template: templates/page.html:12:3: executing ..." into a
// positioned diagnostic. files (by path under templates/) turn the template
// package's 0-based byte column into the 1-based character column every
// diagnostic uses.
func toDiag(err error, file string, files map[string][]byte) diag.Diag {
	msg := err.Error()
	m := templateErr.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil {
		return diag.Diag{File: file, Msg: strings.TrimPrefix(msg, "template: ")}
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		col, _ = strconv.Atoi(m[3])
		col = runeColumn(files[strings.TrimPrefix(m[1], Dir+"/")], line, col)
	}
	return diag.Diag{File: m[1], Line: line, Col: col, Msg: m[4]}
}

// runeColumn converts a 0-based byte offset in a 1-based line of src into a
// 1-based column in characters. Without the line it trusts the byte count.
func runeColumn(src []byte, line, byteCol int) int {
	for i := 1; i < line && src != nil; i++ {
		_, src, _ = bytes.Cut(src, []byte("\n"))
	}
	text, _, _ := bytes.Cut(src, []byte("\n"))
	if src == nil || byteCol > len(text) {
		return byteCol + 1
	}
	return utf8.RuneCount(text[:byteCol]) + 1
}
