package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeVersion is the axe-core release .ci/run installs from npm.
const axeVersion = "4.14.1"

// axeScript returns axe-core's browser script: $ZHINAN_AXE, or what
// .ci/run installs under .cache/axe. Without it the test is skipped, except
// with CI=true, where it fails.
func axeScript(t *testing.T) []byte {
	t.Helper()
	return npmScript(t, "ZHINAN_AXE", "axe-core", axeVersion, "axe", "node_modules/axe-core/axe.min.js")
}

// npmScript reads the browser script of the npm package pkg@version: the
// file $env names, or file under .cache/dir, where .ci/run installs it.
// Without it the test is skipped, except with CI=true, where it fails.
func npmScript(t *testing.T, env, pkg, version, dir, file string) []byte {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join("..", ".cache", dir, filepath.FromSlash(file))
	}
	b, err := os.ReadFile(p)
	if err != nil {
		msg := fmt.Sprintf("%s missing (%v): npm install --prefix .cache/%s %s@%s", pkg, err, dir, pkg, version)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return b
}

// serveWithAxe serves files as serve does, and axe, axe-core's script,
// at /_axe.js, where runAxe loads it from.
func serveWithAxe(t *testing.T, axe []byte, files map[string][]byte) *httptest.Server {
	t.Helper()
	static := siteHandler(files)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_axe.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(axe)
			return
		}
		static.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// runAxe runs axe-core's default rules on the tab's page as it is now and
// returns one line per violating element.
func runAxe(t *testing.T, tb *tab) []string {
	t.Helper()
	raw := eval[string](t, tb, `(async () => {
		if (!window.axe) await new Promise((ok, fail) => {
			const s = document.createElement("script");
			s.src = "/_axe.js"; s.onload = ok; s.onerror = fail;
			document.head.appendChild(s);
		});
		const r = await axe.run(document, {resultTypes: ["violations"]});
		return JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
			nodes: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? ": " + n.failureSummary.split("\n").slice(1, 2).join("").trim() : ""))})));
	})()`)
	var vs []struct {
		ID, Impact string
		Nodes      []string
	}
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	var out []string
	for _, v := range vs {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("%s (%s): %s", v.ID, v.Impact, n))
		}
	}
	return out
}

// TestAccessibility runs axe-core on every page of the guide site at a
// phone and a desktop size, in the light and the dark theme, and on a page
// with search results and the phone menu open: no violations.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	browser(t)
	res := realSite(t)
	srv := serveWithAxe(t, axe, res.Files)
	pages, _ := pageURLs(res)
	report := func(t *testing.T, where string, found []string) {
		t.Helper()
		for _, f := range found {
			t.Errorf("%s: %s", where, f)
		}
	}
	for _, v := range []struct {
		w, h int64
		dark bool
	}{{375, 812, false}, {375, 812, true}, {1280, 800, false}, {1280, 800, true}} {
		name := fmt.Sprintf("%dx%d", v.w, v.h)
		if v.dark {
			name += "-dark"
		}
		t.Run(name, func(t *testing.T) {
			tb := newTab(t, v.w, v.h)
			tb.emulateDark(t, v.dark)
			for _, p := range pages {
				tb.open(t, srv.URL+p)
				report(t, p, runAxe(t, tb))
			}
			// Search results open (and, on a phone, the menu).
			tb.open(t, srv.URL+guide)
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#search-input")), chromedp.KeyEvent("解散")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, tb, "search results", `document.querySelectorAll('#search-results[aria-busy=false] a.search-result').length > 0`)
			report(t, guide+" with search results", runAxe(t, tb))
			if v.w < 600 {
				tb.open(t, srv.URL+guide)
				if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#sidebar > summary"))); err != nil {
					t.Fatal(err)
				}
				report(t, guide+" with the menu open", runAxe(t, tb))
			}
			t.Logf("%d pages checked, and search results and menu open", len(pages))
			tb.take()
		})
	}
}
