package e2e

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"zhinan/generator"
)

// tabSite builds a small site with tabs: two pages with platform tabs
// (the second opens on iOS, has a set without Android and a long Android
// panel, so choosing Android there would move the page), a code group, a
// nested set and a set with many labels.
func tabSite(t *testing.T) *built {
	t.Helper()
	long := strings.Repeat("    安卓的一步。\n\n", 12)
	fsys := fstest.MapFS{
		"content/_index.md": {Data: []byte("# 标签页站\n\n见 [第一页](a.md) 和 [第二页](b.md)。\n")},
		"content/a.md": {Data: []byte("---\ntitle: 第一页\n---\n\n## 步骤\n\n" +
			"=== \"iOS\"\n\n    在 iPhone 上打开设置。\n\n=== \"Android\"\n\n    在安卓手机上打开设置。\n\n" +
			"=== \"Windows\"\n\n    在电脑上打开设置。\n\n" +
			"再一组：\n\n=== \"iOS\"\n\n    第二组 iOS。\n\n=== \"Android\"\n\n    第二组 Android。\n\n" +
			"::: code-group\n```sh [npm]\nnpm install\n```\n```sh [pnpm]\npnpm install\n```\n:::\n")},
		"content/b.md": {Data: []byte("---\ntitle: 第二页\n---\n\n## 步骤\n\n" +
			"=== \"iOS\"\n\n    短。\n\n=== \"Android\"\n\n" + long + "\n" +
			"没有安卓的一组：\n\n=== \"企业微信手机\"\n\n    手机。\n\n=== \"企业微信电脑\"\n\n    电脑。\n\n嵌套：\n\n" +
			"=== \"外层\"\n\n    === \"iOS\"\n\n        内层 iOS。\n\n    === \"Android\"\n\n        内层 Android。\n\n" +
			"=== \"另一个外层\"\n\n    另一个。\n\n很多标签：\n\n" +
			"=== \"iOS\"\n    1\n=== \"Android\"\n    2\n=== \"Windows\"\n    3\n=== \"Mac\"\n    4\n" +
			"=== \"企业微信手机\"\n    5\n=== \"企业微信电脑\"\n    6\n=== \"HarmonyOS 鸿蒙\"\n    7\n" +
			"\n## 后记\n\n" + strings.Repeat("结尾的文字。\n\n", 40))},
	}
	res, diags := build(t, generator.Options{FS: fsys})
	if len(diags) > 0 {
		t.Fatalf("building the tab site: %v", diags)
	}
	return res
}

// selected lists the label of the selected tab of every set, in page order.
const selected = `[...document.querySelectorAll(".tab-list")].map(l => {
	const t = l.querySelector("[aria-selected=true]"), p = document.getElementById(t.getAttribute("aria-controls"));
	return t.textContent + (p.checkVisibility() ? "" : "(hidden)");
}).join(" ")`

// TestLinkedTabs: choosing Android selects it in every set of the page
// that has it, and the next page opens on Android, without moving.
func TestLinkedTabs(t *testing.T) {
	srv := serve(t, tabSite(t).Files)
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+"/b/")
	if got, want := eval[string](t, tb, selected), "iOS 企业微信手机 外层 iOS iOS"; got != want {
		t.Errorf("b before choosing: %q, want %q", got, want)
	}
	tb.open(t, srv.URL+"/a/")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".tab-list button:nth-child(2)"))); err != nil {
		t.Fatal(err)
	}
	if got, want := eval[string](t, tb, selected), "Android Android npm"; got != want {
		t.Errorf("a after choosing Android: %q, want %q", got, want)
	}
	tb.open(t, srv.URL+"/b/")
	if got, want := eval[string](t, tb, selected), "Android 企业微信手机 外层 Android Android"; got != want {
		t.Errorf("b after choosing Android on a: %q, want %q", got, want)
	}
	cls := layoutShift(t, tb, 300)
	if cls > 0.001 {
		t.Errorf("b opened on Android: cumulative layout shift %.4f, want 0", cls)
	}
	// A later choice ranks first; a set without it keeps the earlier one.
	clickTab(t, tb, "企业微信电脑")
	tb.open(t, srv.URL+"/b/")
	if got, want := eval[string](t, tb, selected), "Android 企业微信电脑 外层 Android 企业微信电脑"; got != want {
		t.Errorf("b after choosing 企业微信电脑: %q, want %q", got, want)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// TestTabKeyboard: arrow keys, Home and End move the focus along a tab list
// and select the tab focused; Tab leaves the list for the panel.
func TestTabKeyboard(t *testing.T) {
	srv := serve(t, tabSite(t).Files)
	tb := newTab(t, 375, 812)
	tb.open(t, srv.URL+"/a/")
	focused := `document.activeElement.textContent + " " + document.activeElement.getAttribute("aria-selected") + " " +
		document.activeElement.tabIndex + " " + document.querySelector(".tab-panel.selected").id`
	eval[any](t, tb, `document.querySelector(".tab-list [aria-selected=true]").focus()`)
	for _, step := range []struct{ key, want string }{
		{"ArrowRight", "Android true 0 tab-android"},
		{"ArrowRight", "Windows true 0 tab-windows"},
		{"ArrowRight", "iOS true 0 tab-ios"}, // wraps
		{"ArrowLeft", "Windows true 0 tab-windows"},
		{"Home", "iOS true 0 tab-ios"},
		{"End", "Windows true 0 tab-windows"},
	} {
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys[step.key])); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, tb, focused); got != step.want {
			t.Fatalf("after %s: focus on %q, want %q", step.key, got, step.want)
		}
	}
	// Only the selected tab is in the Tab order; the next stop is its panel.
	if got := eval[string](t, tb, `[...document.querySelector(".tab-list").children].map(b => b.tabIndex).join(",")`); got != "-1,-1,0" {
		t.Errorf("tabindex of the tabs: %s, want -1,-1,0", got)
	}
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, tb, `document.activeElement.id + " " + getComputedStyle(document.activeElement).outlineStyle`); got != "tab-windows solid" {
		t.Errorf("Tab from the tab list: focus on %q, want the Windows panel with a visible outline", got)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// clickTab clicks the first tab labelled label.
func clickTab(t *testing.T, tb *tab, label string) {
	t.Helper()
	eval[any](t, tb, `[...document.querySelectorAll("[role=tab]")].find(b => b.textContent === `+jsString(label)+`).click()`)
}

var keys = map[string]string{"ArrowRight": kb.ArrowRight, "ArrowLeft": kb.ArrowLeft, "Home": kb.Home, "End": kb.End}

// TestTabsWithoutScript: with JavaScript off every panel shows, under its
// label, and the tab buttons do not.
func TestTabsWithoutScript(t *testing.T) {
	srv := serve(t, tabSite(t).Files)
	tb := newTab(t, 375, 812)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, srv.URL+"/b/")
	got := eval[string](t, tb, `[...document.querySelectorAll(".tab-panel")].filter(p => !p.checkVisibility()).length + " hidden panels, " +
		[...document.querySelectorAll(".tab-label")].filter(l => l.checkVisibility()).length + " labels, " +
		[...document.querySelectorAll(".tab-list")].filter(l => l.checkVisibility()).length + " tab lists shown"`)
	if want := "0 hidden panels, 15 labels, 0 tab lists shown"; got != want {
		t.Errorf("without script: %s, want %s", got, want)
	}
}

// TestTabsAccessible runs axe-core on the tab pages, on a phone in the dark
// theme and on a desktop in the light one, after choosing a tab; and the long tab list scrolls inside
// the page on a phone instead of widening it.
func TestTabsAccessible(t *testing.T) {
	axe := axeScript(t)
	srv := serveWithAxe(t, axe, tabSite(t).Files)
	// Two of the four combinations: each width and each theme once.
	for _, v := range []struct {
		w    int64
		dark bool
	}{{375, true}, {1280, false}} {
		tb := newTab(t, v.w, 800)
		tb.emulateDark(t, v.dark)
		where := fmt.Sprintf("%d dark=%v", v.w, v.dark)
		for _, p := range []string{"/a/", "/b/"} {
			tb.open(t, srv.URL+p)
			clickTab(t, tb, "Android")
			for _, f := range runAxe(t, tb) {
				t.Errorf("%s %s: %s", where, p, f)
			}
			if over := eval[int](t, tb, `document.documentElement.scrollWidth - innerWidth`); over > 0 {
				t.Errorf("%s %s: page %dpx wider than the window", where, p, over)
			}
		}
		for _, p := range tb.take() {
			t.Errorf("%s: %s", where, p)
		}
	}
}

// TestTabReveal: a link to a heading or a panel inside a hidden tab shows
// that tab, on load and on a link within the page.
func TestTabReveal(t *testing.T) {
	srv := serve(t, tabSite(t).Files)
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+"/a/#tab-windows")
	if got := eval[string](t, tb, selected); got != "Windows iOS npm" {
		t.Errorf("a#tab-windows: %q, want Windows selected", got)
	}
	eval[any](t, tb, `location.hash = "#tab-android-1"`) // the second set's Android
	waitFor(t, tb, "second set shows Android", `document.querySelectorAll(".tab-list")[1].children[1].getAttribute("aria-selected") === "true"`)
	for _, p := range tb.take() {
		t.Error(p)
	}
}
