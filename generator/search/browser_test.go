package search

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"zhinan/internal/chromium"
)

const xssTitle = `<img src=x onerror=alert(1)>`

var browserDocs = []Doc{
	{URL: "/", Title: "首页", Parts: []Part{{Text: "欢迎阅读本指南。"}}},
	{URL: "/guide/dissolve/", Title: "解散微信群", Section: "操作步骤", Parts: []Part{
		{Text: "本页说明如何操作。"},
		{Anchor: "准备", Heading: "准备", Text: "先备份聊天记录。"},
		{Anchor: "解散群聊", Heading: "解散群聊", Text: "群主打开群聊，点击解散，确认后群聊被解散。"},
	}},
	{URL: "/xss/", Title: xssTitle, Section: "测试", Parts: []Part{{Text: "这里也提到解散。"}}},
}

// writeSite writes a tiny static site using the theme's search markup.
func writeSite(t *testing.T, dir string) {
	t.Helper()
	files := withClient(t, Build(browserDocs, WithBase("/")))
	for _, d := range browserDocs {
		root := strings.Repeat("../", strings.Count(d.URL, "/")-1)
		if root == "" {
			root = "./"
		}
		var body strings.Builder
		for _, p := range d.Parts {
			if p.Anchor != "" {
				fmt.Fprintf(&body, "<h2 id=%q>%s</h2>", p.Anchor, p.Heading)
			}
			fmt.Fprintf(&body, "<p>%s</p><div style=\"height:2000px\"></div>", p.Text)
		}
		files[strings.TrimPrefix(d.URL, "/")+"index.html"] = fmt.Appendf(nil, `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>page</title></head><body>
`+searchForm+`
<main>%s</main>
<script src="%sassets/search-core.js" data-root="%s" defer></script>
<script src="%sassets/search.js" defer></script></body></html>`, body.String(), root, root, root)
	}
	writeFiles(t, dir, files)
}

// withClient adds the client's two scripts to an index's files, and an
// index.html holding the search box (a page of the site may replace it).
func withClient(tb testing.TB, files map[string][]byte) map[string][]byte {
	tb.Helper()
	for name, path := range map[string]string{"assets/search-core.js": searchJS, "assets/search.js": searchBoxJS} {
		js, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		files[name] = js
	}
	files["index.html"] = []byte(`<!doctype html><meta charset="utf-8"><title>q</title>` + searchForm +
		`<script src="assets/search-core.js" data-root="./" defer></script><script src="assets/search.js" defer></script>`)
	return files
}

// writeFiles writes files (slash paths) under dir.
func writeFiles(tb testing.TB, dir string, files map[string][]byte) {
	tb.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// searchForm is the markup search.js expects (see the package doc).
const searchForm = `<form class="search" role="search"><input type="search" id="search-input" placeholder="搜索指南" autocomplete="off" aria-label="搜索" data-none="没有找到与“{}”相关的内容，试试更短的词或换个说法。" data-failed="搜索暂时不可用：{}"><div id="search-results" role="listbox" hidden></div></form>`

func newBrowser(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	chromium.Require(t)
	opts := chromium.Options(t.TempDir(), extra...)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelCtx := chromedp.NewContext(ctx)
	t.Cleanup(cancelCtx)
	return ctx
}

const locationJS = `location.pathname + "|" + decodeURIComponent(location.hash)`

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// do runs steps, failing the test with what on error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitFor polls a JavaScript condition until it is true, riding out
// navigations (which fail evaluations in between).
func waitFor(cond string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(10 * time.Second)
		var last error
		for time.Now().Before(deadline) {
			ok, err := chromedp.Evaluate[bool](cond)(ctx, t)
			if err == nil && ok {
				return nil
			}
			last = err
			time.Sleep(50 * time.Millisecond)
		}
		return fmt.Errorf("timed out waiting for %s (last error %v)", cond, last)
	})
}

// doneFor matches once the list holds all its results for query q: the
// list says which query it shows (a slow machine may search for the first
// character typed before the second arrives), and it is aria-busy while
// later rows are still loading.
func doneFor(q string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`#search-results[aria-busy=false][data-query=%q] a.search-result`, q))
}

func TestBrowserSearch(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	writeSite(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	input := chromedp.CSS("#search-input")
	do(t, ctx, "loading the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(input), chromedp.Click(input))
	do(t, ctx, "typing 解散", chromedp.SendKeys(input, "解散"), chromedp.WaitVisible(doneFor("解散")))
	titles := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results .search-result-title")).map(e => e.textContent)`)
	if len(titles) != 2 || titles[0] != "解散微信群" || titles[1] != xssTitle {
		t.Errorf("result titles %q, want [解散微信群 %s] as text", titles, xssTitle)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#search-results img, #search-results script").length`); n != 0 {
		t.Errorf("%d elements injected into the results", n)
	}
	if got := eval[string](t, ctx, `document.querySelector("#search-results mark").textContent`); got != "解散" {
		t.Errorf("first <mark> = %q, want 解散", got)
	}
	do(t, ctx, "arrows and Enter",
		chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp),
		chromedp.KeyEvent(kb.Enter),
		waitFor(locationJS+` === "/guide/dissolve/|#解散群聊"`))
	do(t, ctx, "Escape closes", chromedp.SendKeys(input, "群主"), chromedp.WaitVisible(doneFor("群主")), chromedp.KeyEvent(kb.Escape),
		waitFor(`document.getElementById("search-results").hidden`))
	// Enter right after typing, before the debounced search has run.
	do(t, ctx, "Enter before results", chromedp.SendKeys(input, kb.Backspace+kb.Backspace+"提到"+kb.Enter),
		waitFor(`location.pathname === "/xss/"`))
}

func TestBrowserSearchFileURL(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	writeSite(t, dir)
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "xss", "index.html"))}).String()
	input := chromedp.CSS("#search-input")
	do(t, ctx, "searching from file://", chromedp.Navigate(page), chromedp.WaitReady(input),
		chromedp.SendKeys(input, "群主"), chromedp.WaitVisible(doneFor("群主")))
	href := eval[string](t, ctx, `document.querySelector("#search-results a.search-result").href`)
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "file" {
		t.Fatalf("result link %q is not a file:// URL", href)
	}
	if _, err := os.Stat(u.Path); err != nil || !strings.HasSuffix(u.Path, "/guide/dissolve/index.html") {
		t.Errorf("result link %q does not point to an existing guide/dissolve/index.html: %v", href, err)
	}
	do(t, ctx, "Enter from file://", chromedp.KeyEvent(kb.Enter), waitFor(`decodeURIComponent(location.hash) === "#解散群聊"`))
	// Enter opened another page: wait for its box, not the old page's.
	do(t, ctx, "no results", chromedp.WaitReady(input), chromedp.SendKeys(input, "无此内容"),
		chromedp.WaitVisible(chromedp.CSS(`#search-results[data-query="无此内容"] .search-empty`)))
	if got := eval[string](t, ctx, `document.querySelector("#search-results .search-empty").textContent`); !strings.Contains(got, "没有找到与“无此内容”相关的内容") {
		t.Errorf("no-results message = %q", got)
	}
}

// TestBrowserSearchRowsInOrder: with more results than the first screen
// (whose page files are fetched first), the box ends up showing exactly
// the ranking query() gives, in order, each row once.
func TestBrowserSearchRowsInOrder(t *testing.T) {
	ctx := newBrowser(t)
	docs := genCorpus(corpusOptions{pages: 300, bodyRunes: 300, seed: 3})
	dir := t.TempDir()
	writeFiles(t, dir, withClient(t, Build(docs, WithBase("/"))))
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	word := bigramsByDF(docs)[20] // in far more than ten pages
	input := chromedp.CSS("#search-input")
	do(t, ctx, "typing "+word, chromedp.Navigate(srv.URL+"/index.html"), chromedp.WaitReady(input),
		chromedp.Click(input), chromedp.SendKeys(input, word), chromedp.WaitVisible(doneFor(word)))
	shown := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results a.search-result")).map(a => a.getAttribute("href"))`)
	want, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		fmt.Sprintf(`window.__zhinanSearch.query(%q, 10).then(rs => rs.map(r => r.href))`, word), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 10 || strings.Join(shown, " ") != strings.Join(want, " ") {
		t.Errorf("rows shown:\n%q\nwant the ranking:\n%q", shown, want)
	}
}
