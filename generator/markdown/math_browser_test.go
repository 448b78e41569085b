package markdown

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zhinan/internal/chromium"
)

// TestBrowserMath lays out rendered math in Chromium with the theme's
// stylesheet: a formula has a width, a display fraction is taller than a
// line, aligned columns line up at the relation, and a display formula wider
// than the column scrolls inside its box instead of widening the page; and
// axe-core, when .cache/axe holds it, finds no violation.
func TestBrowserMath(t *testing.T) {
	chromium.Require(t)
	css, err := os.ReadFile("../../templates/assets/site.css")
	if err != nil {
		t.Fatal(err)
	}
	src := "行内 $x^2$ 与分数：\n\n$$\\frac{a+b}{c}$$\n\n" +
		"$$\n\\begin{aligned}x &= 1 \\\\ yyyyyy &= 2\\end{aligned}\n$$\n\n" +
		"$$" + strings.Repeat("a_1 + ", 80) + "z$$\n\n未支持 $\\foo$。\n"
	h := New(Options{}).Render("content/x.md", "x.md", []byte(src), nil).HTML
	page := `<!doctype html><html lang="zh"><meta charset="utf-8"><title>math</title><style>` + string(css) +
		`</style><body style="width:320px;margin:0"><main class="content"><h1>数学</h1>` + h + `</main></body></html>`
	files := map[string][]byte{}
	axe, axeErr := os.ReadFile("../../.cache/axe/node_modules/axe-core/axe.min.js")
	if axeErr == nil {
		page = strings.Replace(page, "</body>", `<script src="axe.min.js"></script></body>`, 1)
		files["axe.min.js"] = axe
	}
	files["math.html"] = []byte(page)
	ctx := openFiles(t, files, "math.html")
	type layout struct {
		InlineWidth, FracHeight, FontSize float64
		CellRights                        []float64
		BoxScroll, BoxClient, PageWidth   float64
		ViewWidth                         float64
	}
	l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`(() => {
		const r = e => e.getBoundingClientRect();
		const maths = document.querySelectorAll("math");
		const p = document.querySelector("p");
		const cells = document.querySelectorAll("mtable.tex-align mtd:nth-child(odd)");
		const boxes = document.querySelectorAll(".math-display");
		const wide = boxes[boxes.length - 1];
		return {
			InlineWidth: r(maths[0]).width,
			FracHeight: r(document.querySelector("mfrac")).height,
			FontSize: parseFloat(getComputedStyle(p).fontSize),
			CellRights: Array.from(cells).map(c => Math.max(...Array.from(c.children).map(k => r(k).right))),
			BoxScroll: wide.scrollWidth, BoxClient: wide.clientWidth,
			PageWidth: document.documentElement.scrollWidth, ViewWidth: window.innerWidth,
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", l)
	if l.InlineWidth <= 0 {
		t.Errorf("inline formula is %.1f px wide", l.InlineWidth)
	}
	if l.FracHeight <= 1.5*l.FontSize {
		t.Errorf("display fraction is %.1f px tall, the font %.1f px: not laid out as a fraction", l.FracHeight, l.FontSize)
	}
	if len(l.CellRights) != 2 || l.CellRights[0]-l.CellRights[1] > 1 || l.CellRights[1]-l.CellRights[0] > 1 {
		t.Errorf("left column of aligned not right-aligned: right edges %v", l.CellRights)
	}
	if l.BoxScroll <= l.BoxClient {
		t.Errorf("wide formula does not scroll in its box: scroll width %.0f, box %.0f", l.BoxScroll, l.BoxClient)
	}
	if l.PageWidth > l.ViewWidth {
		t.Errorf("wide formula widens the page to %.0f px (window %.0f px)", l.PageWidth, l.ViewWidth)
	}
	if axeErr != nil {
		t.Logf("axe-core not run: %v", axeErr)
		return
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.flatMap(v => v.nodes.map(n => v.id + ": " + n.target.join(" "))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("axe: %s", f)
	}
}
