package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"zhinan/internal/chromium"
)

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	browserCancel()
	os.Exit(code)
}

// browser returns the one headless Chromium of the test binary, started on
// first use; it skips the test when Chromium is missing (fails when CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	chromium.Require(t)
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zhinan-e2e-chromium")
		if err != nil {
			browserErr = err
			return
		}
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromium.Options(dir, chromedp.DefaultExecAllocatorOptions[:]...)...)
		ctx, cancelC := chromedp.NewContext(actx)
		browserCtx = ctx
		browserCancel = func() { cancelC(); cancelA(); os.RemoveAll(dir) }
		browserErr = chromedp.Do(ctx) // start the browser
	})
	if browserErr != nil {
		t.Fatalf("starting chromium: %v", browserErr)
	}
	return browserCtx
}

// tab is one browser tab in its own browser context (own localStorage),
// recording the problems a reader would hit: console errors, exceptions,
// failed requests and HTTP errors.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

func newTab(t *testing.T, width, height int64) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext())
	// Generous: one tab visits every page of the site, and under go test ./...
	// the other packages' browsers and builds share the two cores.
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelT(); cancel() })
	tb := &tab{ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("new tab: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				tb.add(fmt.Sprintf("console %s: %s", e.Type, argsText(e.Args)))
			}
		case *runtime.EventExceptionThrown:
			tb.add("exception: " + e.ExceptionDetails.Text + " " + exceptionText(e.ExceptionDetails))
		case *network.EventLoadingFailed:
			tb.add(fmt.Sprintf("request failed: %s (%s)", e.ErrorText, e.Type))
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				tb.add(fmt.Sprintf("HTTP %d %s", int(e.Response.Status), e.Response.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func argsText(args []*runtime.RemoteObject) string {
	var s []string
	for _, a := range args {
		if a.Value != nil {
			s = append(s, string(a.Value))
		} else {
			s = append(s, a.Description)
		}
	}
	return strings.Join(s, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

func (tb *tab) add(p string) {
	tb.mu.Lock()
	tb.problems = append(tb.problems, p)
	tb.mu.Unlock()
}

// take returns and forgets the problems seen so far.
func (tb *tab) take() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// open loads url and waits for the load event.
func (tb *tab) open(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into a T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.60q: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true, or fails.
func waitFor(t *testing.T, tb *tab, what, expr string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// emulateDark makes the tab's system theme dark (or light).
func (tb *tab) emulateDark(t *testing.T, dark bool) {
	t.Helper()
	v := "light"
	if dark {
		v = "dark"
	}
	_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v}}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEveryPage loads every page of the real site at a phone and a desktop
// width (one tab each, in parallel): no horizontal overflow, no console
// errors or exceptions, no failed or 4xx/5xx requests.
func TestEveryPage(t *testing.T) {
	browser(t)
	res := realSite(t)
	srv := serve(t, res.Files)
	pages, aliases := pageURLs(res)
	for _, size := range [][2]int64{{375, 812}, {1280, 800}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, size[0], size[1])
			for _, p := range pages {
				tb.open(t, srv.URL+p)
				over := eval[string](t, tb, `(() => {
					const w = innerWidth, de = document.documentElement;
					if (de.scrollWidth <= w) return "";
					const wide = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > w + 1)
						.map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "")).slice(0, 5);
					return de.scrollWidth + " > " + w + ": " + wide.join(", ");
				})()`)
				if over != "" {
					t.Errorf("%s: horizontal overflow %s", p, over)
				}
				for _, pr := range tb.take() {
					t.Errorf("%s: %s", p, pr)
				}
			}
			for _, a := range aliases {
				tb.open(t, srv.URL+a)
				waitFor(t, tb, a+": redirect", `location.pathname !== `+jsString(a)+` && document.readyState === "complete"`)
				for _, pr := range tb.take() {
					t.Errorf("alias %s: %s", a, pr)
				}
			}
			t.Logf("%d pages and %d aliases checked", len(pages), len(aliases))
		})
	}
}

// TestProblemsAreSeen makes sure the listener of TestEveryPage would see
// a missing file: a page that loads a 404 must be reported.
func TestProblemsAreSeen(t *testing.T) {
	srv := serve(t, map[string][]byte{"index.html": []byte(`<!doctype html><title>x</title><script src="missing.js"></script><script>console.error("boom")</script>`)})
	tb := newTab(t, 375, 812)
	tb.open(t, srv.URL+"/")
	time.Sleep(100 * time.Millisecond)
	got := strings.Join(tb.take(), "\n")
	if !strings.Contains(got, "HTTP 404") || !strings.Contains(got, "boom") {
		t.Errorf("problems seen: %q, want an HTTP 404 and a console error", got)
	}
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
