package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCodeOptions: a block with a title, a marked line and line numbers
// shows them, and the reader copying it, by the button or by selecting the
// block, gets the code without the numbers. No axe violations, light and
// dark.
func TestCodeOptions(t *testing.T) {
	axe := axeScript(t)
	res := codeSite(t)
	static := serve(t, res.Files).Config.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_axe.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(axe)
			return
		}
		static.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
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
