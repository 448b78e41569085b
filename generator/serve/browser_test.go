package serve

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zhinan/generator"
	"zhinan/generator/config"
	"zhinan/generator/rebuild"
	"zhinan/generator/watch"
	"zhinan/internal/chromium"
)

// browser starts a headless Chromium, or skips the test when there is none
// (fails instead when CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	chromium.Require(t)
	opts := chromium.Options(t.TempDir())
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// liveSite writes a small site and runs the serve loop on it; it returns
// the site root, the URL and the hub.
func liveSite(t *testing.T, files map[string]string) (string, string, *Hub) {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	url, hub := startLoop(t, root, func(r rebuild.Rebuild) { t.Log(rebuild.Summary(r)) })
	return root, url, hub
}

// startLoop runs the serve loop on the site at root exactly as "zhinan
// serve" does, behind an httptest server, until the test ends. It returns
// after the first build, with the URL and the hub.
func startLoop(tb testing.TB, root string, seen func(rebuild.Rebuild)) (string, *Hub) {
	tb.Helper()
	w, err := watch.New(root, watch.Options{Debounce: Debounce})
	if err != nil {
		tb.Fatal(err)
	}
	hub := NewHub()
	srv := New(hub)
	ts := httptest.NewServer(srv)
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan rebuild.Rebuild, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b := generator.NewBuilder(generator.Options{Src: root, BaseURL: "/", Links: config.LinksWarn})
		rebuild.Loop{Source: w, Builder: b, Apply: func(r rebuild.Rebuild) {
			srv.Apply(r)
			seen(r)
			if r.First {
				first <- r
			}
		}}.Run(ctx)
	}()
	tb.Cleanup(func() { cancel(); w.Close(); <-done; srv.Close(); ts.Close() })
	if r := <-first; r.Result == nil {
		tb.Fatalf("first build failed:\n%v", r.Diags)
	}
	return ts.URL, hub
}

// eventually evaluates expr until it is true, or fails after limit.
func eventually(t *testing.T, ctx context.Context, limit time.Duration, what, expr string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v (last error: %v)", what, limit, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func js(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr)); err != nil {
		t.Fatal(err)
	}
}

func waitSubscribed(t *testing.T, hub *Hub) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); hub.Subscribers() == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page never connected to the event stream")
		}
	}
}

func TestBrowserLiveReload(t *testing.T) {
	ctx := browser(t)
	long := strings.Repeat("填充段落，让页面可以滚动。\n\n", 200)
	root, url, hub := liveSite(t, map[string]string{
		"content/_index.md":         "---\ntitle: 首页\n---\n\n[页面](page.md)\n",
		"content/page.md":           "---\ntitle: 页面\n---\n\nfirst version\n\n" + long,
		"templates/assets/site.css": "body { background-color: rgb(255, 255, 255); }\n",
	})
	edit := func(name, text string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/page/")); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, 2*time.Second, "first version shown", `document.body.innerText.includes("first version")`)
	waitSubscribed(t, hub)

	// A Markdown edit reloads the page, keeping the scroll position.
	js(t, ctx, `window.scrollTo(0, 600); window.marker = 1; 0`)
	edit("content/page.md", "---\ntitle: 页面\n---\n\nsecond version\n\n"+long)
	took := eventually(t, ctx, time.Second, "edited text shown", `document.body.innerText.includes("second version")`)
	t.Logf("Markdown edit visible after %v", took)
	eventually(t, ctx, time.Second, "scroll position kept", `window.marker === undefined && Math.abs(window.scrollY - 600) < 5`)
	waitSubscribed(t, hub)

	// A stylesheet edit is applied without reloading.
	js(t, ctx, `window.marker = 2; 0`)
	edit("templates/assets/site.css", "body { background-color: rgb(1, 2, 3); }\n")
	took = eventually(t, ctx, time.Second, "new style applied",
		`getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
	t.Logf("stylesheet edit visible after %v", took)
	eventually(t, ctx, 100*time.Millisecond, "no reload for css", `window.marker === 2`)

	// A broken page shows the overlay; fixing it removes the overlay.
	edit("content/page.md", "---\ntitel: 页面\n---\n\nbroken <script>\n")
	eventually(t, ctx, time.Second, "overlay shown",
		`(document.getElementById("zhinan-error")||{}).textContent.includes("content/page.md:2:1:")`)
	edit("content/page.md", "---\ntitle: 页面\n---\n\nthird version\n")
	eventually(t, ctx, 2*time.Second, "overlay gone after the fix",
		`document.body.innerText.includes("third version") && !document.getElementById("zhinan-error")`)
}

// A broken link in one page does not freeze the preview: an edit to another
// page reaches the browser, and the broken page shows its problem.
func TestBrowserBrokenLinkDoesNotFreeze(t *testing.T) {
	ctx := browser(t)
	root, url, hub := liveSite(t, map[string]string{
		"content/_index.md": "---\ntitle: 首页\n---\n\n[甲](a.md) [乙](b.md)\n",
		"content/a.md":      "---\ntitle: 甲\n---\n\n甲页正文。\n",
		"content/b.md":      "---\ntitle: 乙\n---\n\nb first\n",
	})
	edit := func(name, text string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("content/a.md", "---\ntitle: 甲\n---\n\n见[还没写的页](todo.md)。\n")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/b/")); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, 5*time.Second, "b shown", `document.body.innerText.includes("b first")`)
	waitSubscribed(t, hub)
	edit("content/b.md", "---\ntitle: 乙\n---\n\nb second\n")
	took := eventually(t, ctx, 5*time.Second, "edit of b shown while a has a broken link",
		`document.body.innerText.includes("b second")`)
	t.Logf("edit of b visible after %v", took)

	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/a/")); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, 5*time.Second, "a shows its problem in the overlay",
		`(document.getElementById("zhinan-error")||{}).textContent.includes('content/a.md:5:') &&
		 document.getElementById("zhinan-error").textContent.includes('broken link "todo.md"') &&
		 document.querySelector("details[open]") !== null`)
	eventually(t, ctx, time.Second, "the broken link is marked in the page",
		`(document.querySelector("a.broken-link")||{}).title === "broken link: no page content/todo.md"`)
}
