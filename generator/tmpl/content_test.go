package tmpl

import (
	"html/template"
	"testing"
	"testing/fstest"

	"zhinan/templates"
)

// TestOwnContentOnly: the default theme reads each page's HTML only where
// that page is made; every other way a theme can reach a page's HTML is
// seen, so a build keeps the HTML for it.
func TestOwnContentOnly(t *testing.T) {
	funcs := template.FuncMap{"t": func(string) string { return "" }, "tf": func(string, ...any) string { return "" },
		"href": func(string) template.HTMLAttr { return "" }, "date": func(any) string { return "" }, "pair": func(a, b any) []any { return nil }}
	for _, name := range []string{"date", "iso", "add", "join"} {
		funcs[name] = func(...any) string { return "" }
	}
	for _, c := range []struct {
		name, file, text string
		want             bool
	}{
		{"default theme", "", "", true},
		{"own content in a layout", "templates/page.html", `{{define "main"}}{{.Page.Content}}{{$.Page.Content}}{{end}}{{template "base" .}}`, true},
		{"children's content", "templates/section.html", `{{define "main"}}{{range .Page.Children}}{{.Content}}{{end}}{{end}}{{template "base" .}}`, false},
		{"with the page", "templates/page.html", `{{define "main"}}{{with .Page}}{{.Content}}{{end}}{{end}}{{template "base" .}}`, false},
		{"a variable", "templates/page.html", `{{define "main"}}{{$p := .Page}}{{$p.Content}}{{end}}{{template "base" .}}`, false},
		{"the document", "templates/page.html", `{{define "main"}}{{.Page.Doc.HTML}}{{end}}{{template "base" .}}`, false},
		{"a chain", "templates/page.html", `{{define "main"}}{{(.Page).Content}}{{end}}{{template "base" .}}`, false},
		{"in a partial", "templates/partials/extra.html", `{{define "extra"}}{{range .Site.Pages}}{{.Content}}{{end}}{{end}}`, false},
		{"the alias layout", "templates/alias.html", `{{.Page.Content}}`, false},
	} {
		site := fstest.MapFS{}
		if c.file != "" {
			site[c.file] = &fstest.MapFile{Data: []byte(c.text)}
		}
		set, diags := Load(templates.FS, site, funcs)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", c.name, diags)
		}
		if got := set.OwnContentOnly(); got != c.want {
			t.Errorf("%s: OwnContentOnly() = %v, want %v", c.name, got, c.want)
		}
	}
}
