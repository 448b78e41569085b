package generator

import (
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator/diag"
)

// diagramSite is a site with a diagram on two pages and none on a third.
func diagramSite() fstest.MapFS {
	diagram := "```mermaid\ngraph TD\n  A[群主] --> B[解散]\n```\n"
	return fstest.MapFS{
		"content/_index.md": {Data: []byte("# 首页\n\n见 [流程](flow.md)、[步骤](steps.md)、[说明](plain.md)。\n")},
		"content/flow.md":   {Data: []byte("# 流程\n\n" + diagram)},
		"content/steps.md":  {Data: []byte("# 步骤\n\n" + diagram)},
		"content/plain.md":  {Data: []byte("# 说明\n\n没有图。\n")},
	}
}

func warnings(l diag.List) []string {
	var out []string
	for _, d := range l {
		if d.Severity == diag.Warning {
			out = append(out, d.String())
		}
	}
	return out
}

// TestMermaidCopied: with the site's own Mermaid (where npm puts it, or
// where mermaid: says), the script is copied to assets/ and only the pages
// with a diagram load it; no warning.
func TestMermaidCopied(t *testing.T) {
	for _, tc := range []struct{ name, config, file string }{
		{"npm", "", "node_modules/mermaid/dist/mermaid.min.js"},
		{"setting", "mermaid: vendor/m.js\n", "vendor/m.js"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := diagramSite()
			fsys[tc.file] = &fstest.MapFile{Data: []byte("/* mermaid */")}
			if tc.config != "" {
				fsys["zhinan.yaml"] = &fstest.MapFile{Data: []byte(tc.config)}
			}
			_, files, diags := BuildFiles(Options{FS: fsys})
			if w := warnings(diags); files == nil || len(w) > 0 {
				t.Fatalf("build: %v", diags)
			}
			if string(files["assets/mermaid.min.js"]) != "/* mermaid */" {
				t.Errorf("assets/mermaid.min.js = %q", files["assets/mermaid.min.js"])
			}
			for page, want := range map[string]bool{"flow/index.html": true, "steps/index.html": true, "plain/index.html": false, "index.html": false} {
				html := string(files[page])
				if got := strings.Contains(html, `<script src="../assets/mermaid.min.js" defer></script>`); got != want && page != "index.html" {
					t.Errorf("%s loads mermaid: %v, want %v", page, got, want)
				}
				if page == "index.html" && strings.Contains(html, "mermaid") {
					t.Errorf("the home page mentions mermaid")
				}
			}
			if !strings.Contains(string(files["flow/index.html"]), `<pre class="mermaid">graph TD`) {
				t.Errorf("no diagram element in flow/index.html")
			}
		})
	}
}

// TestMermaidMissing: without a copy the diagrams show as code, nothing is
// copied or loaded, and the site gets one warning, not one per page.
func TestMermaidMissing(t *testing.T) {
	_, files, diags := BuildFiles(Options{FS: diagramSite()})
	if files == nil {
		t.Fatalf("build: %v", diags)
	}
	w := warnings(diags)
	if len(w) != 1 || !strings.Contains(w[0], `2 pages have Mermaid diagrams, shown as code: to draw them, run "npm install mermaid"`) {
		t.Errorf("warnings: %q", w)
	}
	if _, ok := files["assets/mermaid.min.js"]; ok {
		t.Error("assets/mermaid.min.js written without a copy")
	}
	if html := string(files["flow/index.html"]); strings.Contains(html, "<script src=\"../assets/mermaid") || !strings.Contains(html, `<pre class="mermaid">`) {
		t.Errorf("flow/index.html: script loaded or diagram missing")
	}
	fsys := diagramSite()
	fsys["zhinan.yaml"] = &fstest.MapFile{Data: []byte("mermaid: vendor/none.js\n")}
	_, _, diags = BuildFiles(Options{FS: fsys})
	if w := warnings(diags); len(w) != 1 || !strings.Contains(w[0], `zhinan.yaml: warning: mermaid "vendor/none.js": no such file`) {
		t.Errorf("warnings with a wrong path: %q", w)
	}
}
