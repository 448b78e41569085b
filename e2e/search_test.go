package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSearchBox drives search in the default theme: reading a page loads
// neither the client nor the index; "/" focuses the box and loads them;
// what is typed before the client has loaded is searched all the same; and
// Enter opens the first result at its heading.
func TestSearchBox(t *testing.T) {
	res := realSite(t)
	// search.js comes late, as over a slow network: the reader is already
	// typing when it arrives.
	static := siteHandler(res.Files)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/assets/search.js" {
			time.Sleep(300 * time.Millisecond)
		}
		static.ServeHTTP(w, r)
	}))
	defer srv.Close()
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+guide)
	loaded := `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("search")).join(" ")`
	if got := eval[string](t, tb, loaded); got != "" {
		t.Errorf("reading a page loaded %q, want no search files", got)
	}
	// "/" as a browser sends it: one keyDown whose text is typed unless the
	// page cancels it (chromedp.KeyEvent sends the text as a separate char
	// event, which no preventDefault can stop).
	slash := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		key := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key); err != nil {
			return err
		}
		key.Type, key.Text = input.DispatchKeyEventTypeKeyUp, ""
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key)
		return err
	})
	if err := chromedp.Do(tb.ctx, slash, chromedp.KeyEvent("解散")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, tb, `document.activeElement.id`); got != "search-input" {
		t.Fatalf("'/' focused %q, want search-input", got)
	}
	waitFor(t, tb, "all results", `document.querySelectorAll('#search-results[aria-busy=false][data-query="解散"] a.search-result').length > 0`)
	if got := eval[string](t, tb, loaded); !strings.Contains(got, "/assets/search.js") || !strings.Contains(got, "/search/manifest.js") {
		t.Errorf("after '/' and typing, search files loaded: %q", got)
	}
	first := eval[string](t, tb, `document.querySelector("#search-results a.search-result .search-result-title").textContent`)
	if !strings.Contains(first, "解散") {
		t.Errorf("first result %q, want a page about 解散", first)
	}
	if got := eval[string](t, tb, `document.querySelector("#search-results mark").textContent`); got != "解散" {
		t.Errorf("first highlight %q, want 解散", got)
	}
	want := eval[string](t, tb, `document.querySelector("#search-results a.search-result").href`)
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	// Poll by hand: an evaluation fails while the navigation is under way.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		at, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && at == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter: at %q (%v), want %q", at, err, want)
		}
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// TestSearchUnderAnotherPath serves the built site under a folder its
// base_url does not name (a mirror, a preview deploy, a copy on an intranet
// share): the result links must still lead to the pages, as every other
// link of the site does.
func TestSearchUnderAnotherPath(t *testing.T) {
	res := realSite(t)
	const mirror = "/mirror/zhinan"
	static := siteHandler(res.Files)
	srv := httptest.NewServer(http.StripPrefix(mirror, static))
	defer srv.Close()
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+mirror+guide)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#search-input")), chromedp.KeyEvent("解散")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tb, "all results", `document.querySelectorAll('#search-results[aria-busy=false][data-query="解散"] a.search-result').length > 0`)
	links := eval[[]string](t, tb, `[...document.querySelectorAll("#search-results a.search-result")].map(a => a.href)`)
	for _, l := range links {
		if !strings.HasPrefix(l, srv.URL+mirror+"/") {
			t.Errorf("result link %q leaves the site's folder %s", l, mirror)
			continue
		}
		resp, err := http.Get(l)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("result link %q: %s", l, resp.Status)
		}
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}
