package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const guide = "/data/chat-history/" // a guide with a table, callouts and a table of contents

// TestThemeToggle: the toggle switches to dark, the choice survives a
// navigation (applied before paint: the first style seen is dark), and it
// switches back.
func TestThemeToggle(t *testing.T) {
	res := realSite(t)
	srv := serve(t, res.Files)
	tb := newTab(t, 1280, 800)
	tb.emulateDark(t, false)
	tb.open(t, srv.URL+"/")
	bg := `getComputedStyle(document.body).backgroundColor`
	if got := eval[string](t, tb, bg); got != "rgb(255, 255, 255)" {
		t.Fatalf("light page background %s", got)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, tb, `document.documentElement.dataset.theme + " " + localStorage.getItem("zhinan-theme") + " " + document.getElementById("theme-toggle").getAttribute("aria-pressed")`); got != "dark dark true" {
		t.Errorf("after a click: theme, stored, pressed = %s", got)
	}
	// The next page must be dark from its first style: record the body
	// colour as soon as the DOM exists, before site.js runs.
	tb.open(t, srv.URL+guide)
	if got := eval[string](t, tb, `document.documentElement.dataset.theme + " " + `+bg); got != "dark rgb(13, 17, 23)" {
		t.Errorf("after navigating: %s, want dark rgb(13, 17, 23)", got)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	tb.open(t, srv.URL+"/")
	if got := eval[string](t, tb, `localStorage.getItem("zhinan-theme") + " " + `+bg); got != "light rgb(255, 255, 255)" {
		t.Errorf("after switching back and navigating: %s", got)
	}
	// With a dark system and no choice, the page follows the system.
	tb.emulateDark(t, true)
	eval[any](t, tb, `localStorage.clear()`)
	tb.open(t, srv.URL+"/")
	if got := eval[string](t, tb, bg); got != "rgb(13, 17, 23)" {
		t.Errorf("dark system, no choice: background %s", got)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// TestMenu: on a phone the content comes first and the menu is closed; the
// menu opens by click and by keyboard, and Escape closes it. On a desktop
// the navigation shows without a click.
func TestMenu(t *testing.T) {
	res := realSite(t)
	srv := serve(t, res.Files)
	phone := newTab(t, 375, 812)
	phone.open(t, srv.URL+guide)
	navShown := `document.querySelector("#sidebar nav").checkVisibility()`
	if eval[bool](t, phone, navShown) {
		t.Error("phone: the navigation shows before the menu is opened")
	}
	if top := eval[float64](t, phone, `document.querySelector("main h1").getBoundingClientRect().bottom`); top > 400 {
		t.Errorf("phone: the title ends at y=%v, want the content near the top", top)
	}
	if err := chromedp.Do(phone.ctx, chromedp.Click(chromedp.CSS("#sidebar > summary"))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, phone, navShown+` && document.querySelector("#sidebar nav a[aria-current=page]").checkVisibility()`) {
		t.Error("phone: clicking the menu button does not show the navigation and the current page")
	}
	if err := chromedp.Do(phone.ctx, chromedp.Focus(chromedp.CSS("#sidebar nav a")), chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, phone, navShown+` + " " + document.activeElement.tagName`); got != "false SUMMARY" {
		t.Errorf("phone: after Escape, nav shown and focus = %s, want false SUMMARY", got)
	}
	if err := chromedp.Do(phone.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, phone, navShown) {
		t.Error("phone: Enter on the menu button does not open it")
	}
	desk := newTab(t, 1280, 800)
	desk.open(t, srv.URL+guide)
	if !eval[bool](t, desk, navShown+` && getComputedStyle(document.querySelector("#sidebar > summary")).display === "none"`) {
		t.Error("desktop: the navigation is not shown, or the menu button is")
	}
	// Keyboard: the first Tab reaches the skip link, which moves to main.
	if err := chromedp.Do(desk.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, desk, `document.activeElement.className + " " + getComputedStyle(document.activeElement).outlineStyle`); got != "skip solid" {
		t.Errorf("first Tab: focus on %q, want the skip link with a visible outline", got)
	}
	for _, p := range append(phone.take(), desk.take()...) {
		t.Error(p)
	}
}

// TestCopyButton: a code block gets a copy button that puts the code on the
// clipboard; the highlighting stylesheet loads on that page.
func TestCopyButton(t *testing.T) {
	res := codeSite(t)
	srv := serve(t, res.Files)
	tb := newTab(t, 375, 812)
	tb.open(t, srv.URL+"/code/")
	waitFor(t, tb, "chroma.css loaded", `[...document.styleSheets].some(s => s.href && s.href.endsWith("/assets/chroma.css"))`)
	// Headless Chromium has no system clipboard: record what the page writes.
	eval[any](t, tb, `navigator.clipboard.writeText = t => { window.copied = t; return Promise.resolve(); }`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("div.code button.copy"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tb, "copied", `window.copied !== undefined`)
	want := "package main\n\nfunc main() {\n\tprintln(\"解散\") // 注释\n}"
	if got := eval[string](t, tb, `window.copied`); got != want {
		t.Errorf("clipboard got %q, want %q", got, want)
	}
	if got := eval[string](t, tb, `document.querySelector("button.copy").textContent`); got != "已复制" {
		t.Errorf("button says %q after copying", got)
	}
	// Task lists: a checkbox and no bullet.
	if got := eval[string](t, tb, `getComputedStyle(document.querySelector(".content li:has(> label > input)")).listStyleType`); got != "none" {
		t.Errorf("task list item list-style-type %q, want none", got)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

// TestNoLayoutShift: a guide page does not move once shown, at both widths.
func TestNoLayoutShift(t *testing.T) {
	res := realSite(t)
	srv := serve(t, res.Files)
	for _, w := range []int64{375, 1280} {
		tb := newTab(t, w, 800)
		tb.open(t, srv.URL+guide)
		cls := layoutShift(t, tb, 500)
		t.Logf("width %d: cumulative layout shift %.4f", w, cls)
		if cls > 0.001 {
			t.Errorf("width %d: cumulative layout shift %.4f, want 0", w, cls)
		}
	}
}

// layoutShift returns the cumulative layout shift of the tab's page, not
// caused by input, from its loading until ms milliseconds from now.
func layoutShift(t *testing.T, tb *tab, ms int) float64 {
	t.Helper()
	return eval[float64](t, tb, fmt.Sprintf(`new Promise(done => {
		let sum = 0;
		new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
			.observe({type: "layout-shift", buffered: true});
		setTimeout(() => done(sum), %d);
	})`, ms))
}

// TestPrintChecklist: the checklist prints on at most two A4 pages, without
// the navigation.
func TestPrintChecklist(t *testing.T) {
	res := realSite(t)
	srv := serve(t, res.Files)
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+"/checklist/")
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Count(string(pdf), "/Type /Page") - strings.Count(string(pdf), "/Type /Pages")
	t.Logf("checklist: %d A4 pages, %d bytes of PDF", pages, len(pdf))
	if pages < 1 || pages > 2 {
		t.Errorf("checklist prints on %d pages, want 1 or 2", pages)
	}
	if dir := os.Getenv("ZHINAN_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "checklist.pdf"), pdf, 0o644)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := eval[string](t, tb, `[".site-header", "#sidebar", ".toc", ".prevnext", ".site-footer"]
		.filter(s => { const e = document.querySelector(s); return e && e.checkVisibility() }).join(" ")`)
	if shown != "" {
		t.Errorf("printed checklist shows %s", shown)
	}
}
