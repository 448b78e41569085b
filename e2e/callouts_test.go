package e2e

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"zhinan/generator"
	"zhinan/generator/markdown"
)

// calloutPage holds a callout of every kind the theme colours, aliases,
// unknown kinds and every form of the three dialects.
func calloutPage() string {
	var b strings.Builder
	b.WriteString("---\ntitle: 提示框\n---\n\n")
	for _, k := range markdown.CalloutKinds {
		b.WriteString("!!! " + k + "\n    " + k + " 的正文，有[链接](_index.md)和`代码`。\n\n")
	}
	for _, k := range []string{"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"} {
		b.WriteString("> [!" + k + "]\n> 提醒正文。\n\n")
	}
	b.WriteString("!!! hint \"别名\"\n    hint 即 tip。\n\n!!! custom-kind \"未知类型\"\n    中性样式。\n\n" +
		"!!! note \"\"\n    没有标题栏。\n\n??? question \"点击展开\"\n    折叠的正文。\n\n" +
		"??? bug \"按回车展开\"\n    另一段折叠的正文。\n\n???+ example \"已展开\"\n    展开的正文。\n\n" +
		"::: tip 容器标题\n容器正文。\n:::\n\n:::danger[Docusaurus]\n正文。\n:::\n\n" +
		"::: details 详情\n```go\npackage main\n```\n:::\n\n" +
		":::: warning 外层\n::: info 内层\n正文。\n:::\n::::\n\n" +
		"1. 第一步\n\n    !!! note \"列表中\"\n        正文。\n")
	return b.String()
}

// TestCallouts: a page with every kind of callout has no axe-core
// violations in the light and the dark theme, a folded admonition opens on
// a click and on Enter, and folded callouts print open.
func TestCallouts(t *testing.T) {
	axe := axeScript(t)
	browser(t)
	res, diags := build(t, generator.Options{FS: fstest.MapFS{
		"content/_index.md":   {Data: []byte("# 站点\n\n见 [提示框](callouts.md)。\n")},
		"content/callouts.md": {Data: []byte(calloutPage())},
	}})
	if len(diags) > 0 {
		t.Fatalf("building the callout site: %v", diags)
	}
	srv := serveWithAxe(t, axe, res.Files)
	page := srv.URL + "/callouts/"

	for _, dark := range []bool{false, true} {
		tb := newTab(t, 1280, 800)
		tb.emulateDark(t, dark)
		tb.open(t, page)
		if n := eval[int](t, tb, `document.querySelectorAll(".callout").length`); n < len(markdown.CalloutKinds)+10 {
			t.Fatalf("%d callouts on the page", n)
		}
		for _, v := range runAxe(t, tb) {
			t.Errorf("dark=%v: %s", dark, v)
		}
		for _, p := range tb.take() {
			t.Errorf("dark=%v: %s", dark, p)
		}
	}

	tb := newTab(t, 375, 812)
	tb.open(t, page)
	isOpen := func(sel string) bool {
		return eval[bool](t, tb, `document.querySelector(`+jsString(sel)+`).open`)
	}
	if isOpen("details.callout-question") || isOpen("details.callout-bug") || !isOpen("details.callout-example") {
		t.Fatal("??? should start closed and ???+ open")
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("details.callout-question > summary"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tb, "the clicked admonition opens", `document.querySelector("details.callout-question").open`)
	if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS("details.callout-bug > summary")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tb, "the admonition opens on Enter", `document.querySelector("details.callout-bug").open`)
	if v := eval[bool](t, tb, `getComputedStyle(document.querySelector("details.callout-bug p:not(.callout-title)")).display !== "none"`); !v {
		t.Error("the opened body is not shown")
	}
	// Printed, a folded callout shows its body: it grows.
	const folded = `document.querySelector("details.callout-details:not([open])").getBoundingClientRect().height`
	screen := eval[float64](t, tb, folded)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if printed := eval[float64](t, tb, folded); printed < screen+20 {
		t.Errorf("a folded callout is %.0f px high on screen and %.0f px printed: its body does not print", screen, printed)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}
