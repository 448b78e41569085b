package e2e

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"zhinan/generator"
)

// TestCodeOptions: a block with a title, a marked line and line numbers
// shows them, and the reader copying it, by the button or by selecting the
// block, gets the code without the numbers. No axe violations, light and
// dark.
func TestCodeOptions(t *testing.T) {
	axe := axeScript(t)
	res := codeSite(t)
	srv := serveWithAxe(t, axe, res.Files)
	tb := newTab(t, 375, 812)
	tb.open(t, srv.URL+"/code/")
	const block = `document.querySelectorAll("div.code")[1]`
	if got := eval[string](t, tb, block+`.querySelector(".code-title").textContent`); got != "backup.py" {
		t.Errorf("title %q, want backup.py", got)
	}
	if got := eval[string](t, tb, `[...`+block+`.querySelectorAll(".ln")].map(n => n.textContent).join(",")`); got != " 9,10,11" {
		t.Errorf("line numbers %q, want \" 9,10,11\"", got)
	}
	marked := eval[string](t, tb, `(() => { const l = `+block+`.querySelector(".line.hl");
		return l.textContent + "|" + getComputedStyle(l).backgroundColor; })()`)
	if marked != "10os.remove(\"群.db\")\n|rgb(255, 248, 197)" {
		t.Errorf("marked line and its background: %q", marked)
	}
	want := "import os\nos.remove(\"群.db\")\nprint(\"done\")"
	eval[any](t, tb, `navigator.clipboard.writeText = t => { window.copied = t; return Promise.resolve(); }`)
	eval[any](t, tb, block+`.querySelector("button.copy").click()`)
	waitFor(t, tb, "copied", `window.copied !== undefined`)
	if got := eval[string](t, tb, `window.copied`); got != want {
		t.Errorf("copy button gave %q, want %q", got, want)
	}
	// Selecting the block by hand leaves the numbers out too.
	sel := eval[string](t, tb, `(() => { const r = document.createRange(); r.selectNodeContents(`+block+`.querySelector("pre"));
		const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); })()`)
	if strings.TrimSuffix(sel, "\n") != want {
		t.Errorf("selection gave %q, want %q", sel, want)
	}
	for _, dark := range []bool{false, true} {
		tb.emulateDark(t, dark)
		tb.open(t, srv.URL+"/code/")
		for _, f := range runAxe(t, tb) {
			t.Errorf("/code/ (dark %v): %s", dark, f)
		}
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// mermaidVersion is the Mermaid release .ci/run installs from npm.
const mermaidVersion = "12.4.0"

// TestMermaidDiagram builds a small site with a diagram and the site's own
// copy of Mermaid (what .ci/run installs under .cache/mermaid, or
// $ZHINAN_MERMAID), opens it from file://, and checks the diagram is drawn:
// an <svg> with the nodes' words, in the dark theme when the system is dark.
// No axe violations. Without the script the test is skipped, except with
// CI=true, where it fails.
func TestMermaidDiagram(t *testing.T) {
	script := npmScript(t, "ZHINAN_MERMAID", "mermaid", mermaidVersion, "mermaid", "node_modules/mermaid/dist/mermaid.min.js")
	axe := axeScript(t)
	fsys := fstest.MapFS{
		"content/_index.md":                        {Data: []byte("# 图示站\n\n见 [流程](flow.md)。\n")},
		"content/flow.md":                          {Data: []byte("# 解散流程\n\n```mermaid\ngraph TD\n  A[群主] -->|解散| B{\"确认 & 通知?\"}\n  B --> C[完成]\n```\n")},
		"node_modules/mermaid/dist/mermaid.min.js": {Data: script},
	}
	res, diags := build(t, generator.Options{FS: fsys})
	if res == nil || len(diags) > 0 {
		t.Fatalf("building the diagram site: %v", diags)
	}
	dir := writeSite(t, res.Files)
	// From the disk, as a reader who unpacked the site would.
	file := newTab(t, 375, 812)
	file.open(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/flow/index.html"}).String())
	waitFor(t, file, "diagram drawn from file://", `!!document.querySelector("pre.mermaid svg")`)
	for _, p := range file.take() {
		t.Errorf("file://: %s", p)
	}
	// Served, in both themes, with axe (which cannot run from file://).
	srv := serveWithAxe(t, axe, res.Files)
	for _, dark := range []bool{false, true} {
		tb := newTab(t, 375, 812)
		tb.emulateDark(t, dark)
		tb.open(t, srv.URL+"/flow/")
		waitFor(t, tb, "diagram drawn", `!!document.querySelector("pre.mermaid svg")`)
		words := eval[string](t, tb, `document.querySelector("pre.mermaid svg").textContent`)
		for _, w := range []string{"群主", "解散", "确认 & 通知?", "完成"} {
			if !strings.Contains(words, w) {
				t.Errorf("dark %v: the diagram lacks %q: %q", dark, w, words)
			}
		}
		want := "default"
		if dark {
			want = "dark"
		}
		if got := eval[string](t, tb, `mermaid.mermaidAPI.getConfig().theme`); got != want {
			t.Errorf("dark %v: mermaid theme %q, want %q", dark, got, want)
		}
		for _, f := range runAxe(t, tb) {
			t.Errorf("dark %v: %s", dark, f)
		}
		for _, p := range tb.take() {
			t.Errorf("dark %v: %s", dark, p)
		}
	}
}
