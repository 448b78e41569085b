package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves screenshots to look at when ZHINAN_SHOTS names a
// folder (outside the repository): the home page, a guide with a table and
// callouts, and search results for 解散, at both widths, in both themes.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ZHINAN_SHOTS")
	if dir == "" {
		t.Skip("set ZHINAN_SHOTS=/tmp/shots to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	res := realSite(t)
	srv := serve(t, res.Files)
	shoot := func(tb *tab, name string) {
		buf, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	}
	for _, size := range [][2]int64{{375, 812}, {1280, 800}} {
		for _, dark := range []bool{false, true} {
			tb := newTab(t, size[0], size[1])
			tb.emulateDark(t, dark)
			theme := map[bool]string{false: "light", true: "dark"}[dark]
			at := fmt.Sprintf("%dx%d-%s", size[0], size[1], theme)
			tb.open(t, srv.URL+"/")
			shoot(tb, "home-"+at)
			tb.open(t, srv.URL+guide)
			shoot(tb, "guide-"+at)
			eval[any](t, tb, `document.querySelector(".table-wrap").scrollIntoView()`)
			shoot(tb, "guide-table-"+at)
			eval[any](t, tb, `document.querySelector(".callout-important, .callout-warning").scrollIntoView()`)
			shoot(tb, "guide-callout-"+at)
			tb.open(t, srv.URL+"/platforms/ios/")
			shoot(tb, "steps-"+at)
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#search-input")), chromedp.SendKeys(chromedp.CSS("#search-input"), "解散")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, tb, "search results", `document.querySelectorAll('#search-results[aria-busy=false][data-query="解散"] a').length > 0`)
			shoot(tb, "search-"+at)
			tb.open(t, srv.URL+"/checklist/")
			shoot(tb, "checklist-"+at)
		}
	}
}
