package e2e

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"zhinan/generator"
)

// languageSite is a small site in Chinese (the default) and English, a
// folder each, with a deep page in both and one page only in Chinese.
func languageSite(t *testing.T) *built {
	t.Helper()
	page := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"zhinan.yaml":                     page("title: 群聊指南\nlanguages:\n  - {code: zh-CN, name: 简体中文}\n  - {code: en, name: English, content: content.en}\n"),
		"content/_index.md":               page("# 群聊指南\n\n从[解散群聊](guide/steps/dissolve.md)开始。\n"),
		"content/guide/_index.md":         page("# 指南\n\n栏目。\n"),
		"content/guide/steps/dissolve.md": page("---\ntitle: 解散群聊\n---\n## 群主操作\n\n群主在聊天信息里解散群聊。另见[备份](backup.md)。\n"),
		"content/guide/steps/backup.md":   page("---\ntitle: 备份聊天记录\n---\n先备份。\n"),
		"content.en/_index.md":            page("# Group chat guide\n\nStart with [dissolving a group](guide/steps/dissolve.md).\n"),
		"content.en/guide/_index.md":      page("# Guide\n\nA section.\n"),
		"content.en/guide/steps/dissolve.md": page("---\ntitle: Dissolve a group\n---\n## What the owner does\n\n" +
			"The owner dissolves the group in Group Info (聊天信息). See also [backup](backup.md), not translated yet.\n"),
	}
	res, diags := build(t, generator.Options{FS: fsys})
	if res == nil || diags.HasErrors() {
		t.Fatalf("building the language site: %v", diags)
	}
	return res
}

// On a deep page, the language switcher leads to the same page in the
// other language, and the English page has no accessibility violations,
// with the switcher closed and open, on a phone and a desktop, light and
// dark.
func TestLanguageSwitch(t *testing.T) {
	browser(t)
	res := languageSite(t)
	srv := serve(t, res.Files)
	tb := newTab(t, 1280, 800)
	tb.open(t, srv.URL+"/guide/steps/dissolve/")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".lang-switch summary"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.lang-switch a[hreflang="en"]`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(`html[lang="en"] h1`)); err != nil {
		t.Fatal(err)
	}
	if p := eval[string](t, tb, `location.pathname`); p != "/en/guide/steps/dissolve/" {
		t.Errorf("the English link led to %s", p)
	}
	if h1 := eval[string](t, tb, `document.querySelector("h1").textContent`); h1 != "Dissolve a group" {
		t.Errorf("after switching, h1 = %q", h1)
	}
	// And back, through the Chinese link of the English page.
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".lang-switch summary")),
		chromedp.Click(chromedp.CSS(`.lang-switch a[hreflang="zh-CN"]`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(`html[lang="zh-CN"] h1`)); err != nil {
		t.Fatal(err)
	}
	if p := eval[string](t, tb, `location.pathname`); p != "/guide/steps/dissolve/" {
		t.Errorf("the Chinese link led to %s", p)
	}
	for _, p := range tb.take() {
		t.Error(p)
	}
}

func TestLanguageAccessibility(t *testing.T) {
	axe := axeScript(t)
	browser(t)
	res := languageSite(t)
	srv := serveWithAxe(t, axe, res.Files)
	for _, v := range []struct {
		w, h int64
		dark bool
	}{{375, 812, false}, {1280, 800, false}, {1280, 800, true}} {
		tb := newTab(t, v.w, v.h)
		tb.emulateDark(t, v.dark)
		for _, p := range []string{"/en/guide/steps/dissolve/", "/en/", "/guide/steps/backup/"} {
			tb.open(t, srv.URL+p)
			for _, f := range runAxe(t, tb) {
				t.Errorf("%dx%d dark=%v %s: %s", v.w, v.h, v.dark, p, f)
			}
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".lang-switch summary"))); err != nil {
				t.Fatal(err)
			}
			for _, f := range runAxe(t, tb) {
				t.Errorf("%dx%d dark=%v %s with the switcher open: %s", v.w, v.h, v.dark, p, f)
			}
		}
		for _, p := range tb.take() {
			t.Error(p)
		}
	}
}
