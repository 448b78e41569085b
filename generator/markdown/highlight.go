package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlighting renders code blocks. A fenced block whose language chroma
// knows is highlighted with CSS classes (see [StyleCSS]):
//
//	<div class="code"><pre class="chroma"><code class="language-go">...spans...</code></pre></div>
//
// Other fenced and indented blocks are escaped as they are:
//
//	<div class="code"><pre><code class="language-foo">...</code></pre></div>
//
// The info string may also ask for a title, highlighted lines and line
// numbers (codeinfo.go). A title comes first in the div, as
// <div class="code-title">a.py</div>, unless the block carries the
// attribute "notitle" (a tab set shows it as the tab's label instead).
// Highlighted lines and line numbers need chroma's lines: such a block is
// written by chroma, with its plain-text lexer for a language it does not
// know, as <span class="line hl"> for a highlighted line and with
// <span class="ln">N</span> before each line. The numbers cannot be selected
// (chroma's CSS) and the copy button leaves them out (site.js), so a reader
// copying the code gets the code.
type highlighting struct{}

// Styles of highlighted code, light and dark.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// formatter writes chroma tokens as spans with classes, without the
// surrounding <pre>, which renderCode writes itself.
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

func (highlighting) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)))
}

type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
	reg.Register(ast.KindCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	fi := fenceInfo{start: 1}
	if f, ok := node.(*ast.FencedCodeBlock); ok && f.Info != nil {
		// The info string is Markdown text: "foo\+bar" is foo+bar and
		// "f&ouml;" föö, as the CommonMark spec says (examples 24, 34).
		fi = parseFenceInfo(string(unescape(f.Info.Segment.Value(src))))
	}
	code := codeText(node, src)
	_, _ = w.WriteString(`<div class="code">`)
	if _, notitle := node.AttributeString("notitle"); fi.title != "" && !notitle {
		_, _ = w.WriteString(`<div class="code-title">`)
		_, _ = w.Write(util.EscapeHTML([]byte(fi.title)))
		_, _ = w.WriteString(`</div>`)
	}
	if spans, ok := highlight(fi, code); ok {
		_, _ = w.WriteString(`<pre class="chroma"><code class="language-`)
		_, _ = w.Write(util.EscapeHTML([]byte(fi.lang)))
		_, _ = w.WriteString(`">`)
		_, _ = w.WriteString(spans)
		_, _ = w.WriteString("</code></pre></div>\n")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<pre><code")
	if fi.lang != "" {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML([]byte(fi.lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML([]byte(code)))
	_, _ = w.WriteString("</code></pre></div>\n")
	return ast.WalkSkipChildren, nil
}

// highlight is code in chroma's spans for fi's language and options, false
// when chroma does not know the language (and no line is to be marked or
// numbered) or fails on the code. Highlighting is most of what rendering
// costs on a site with much code (four fifths of a build of doocs/leetcode,
// 8,300 pages with 48,000 code blocks), and real sites repeat their code: a
// translation shows the same programs, a guide the same commands. So
// answers are kept in a memo (see spanMemo), and a block met again,
// in this build or the next one of serve, is not highlighted again. The
// key holds the options: the same code with other lines marked is another
// answer.
func highlight(fi fenceInfo, code string) (string, bool) {
	lexer := lexerFor(fi.lang)
	if lexer == nil {
		if !fi.decorated() {
			return "", false
		}
		lexer = plainLexer
	}
	key := fi.lang + "\x00" + fi.key() + "\x00" + code
	if spans, ok := memo.get(key); ok {
		return spans, true
	}
	f := formatter
	if fi.decorated() {
		f = lineFormatter(fi)
	}
	var buf bytes.Buffer
	it, err := lexer.Tokenise(nil, code)
	if err == nil {
		err = f.Format(&buf, styles.Get(lightStyle), it)
	}
	if err != nil {
		return "", false
	}
	spans := buf.String()
	memo.put(key, spans)
	return spans, true
}

// plainLexer writes code chroma has no lexer for as one text token a line.
var plainLexer = chroma.Coalesce(lexers.Fallback)

// lineFormatter writes chroma's lines for a block with options: each line
// in <span class="line">, with class "hl" too when it is marked, and its
// number in <span class="ln"> when numbers are asked for. Highlighted
// lines count from the block's first line, whatever number it shows.
func lineFormatter(fi fenceInfo) *chromahtml.Formatter {
	shift := 0
	if fi.numbers {
		shift = fi.start - 1
	}
	ranges := make([][2]int, len(fi.lines))
	for i, r := range fi.lines {
		ranges[i] = [2]int{r[0] + shift, r[1] + shift}
	}
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(noPre{}),
		chromahtml.WithLineNumbers(fi.numbers), chromahtml.BaseLineNumber(fi.start),
		chromahtml.HighlightLines(ranges))
}

// noPre writes no <pre>: renderCode writes its own.
type noPre struct{}

func (noPre) Start(code bool, styleAttr string) string { return "" }
func (noPre) End(code bool) string                     { return "" }

// memo holds highlighted code blocks, about memoBytes of them at most.
var memo = spanMemo{limit: memoBytes}

// memoBytes bounds the memo. 16 MB already caught every repeat in a build
// of doocs/leetcode (a block and its repeat are some pages apart, see
// parallel.For); twice that leaves room for serve, where the next build
// finds the blocks of the last.
const memoBytes = 32 << 20

// spanMemo maps a block (language and code) to its spans, in two
// generations: new answers go into the young one; when it holds half the
// limit, it becomes the old one and the oldest answers go. So the memo
// stays bounded and keeps the blocks met lately, which is where repeats
// are (a page's translation is its neighbour), without the bookkeeping of
// an LRU list.
type spanMemo struct {
	mu         sync.Mutex
	young, old map[string]string
	size       int // bytes of keys and values in young
	limit      int
}

func (m *spanMemo) get(key string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.young[key]; ok {
		return v, true
	}
	v, ok := m.old[key]
	return v, ok
}

func (m *spanMemo) put(key, spans string) {
	n := len(key) + len(spans)
	if n > m.limit/8 {
		return // one huge block would push out everything else
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.young == nil || m.size+n > m.limit/2 {
		m.old, m.young, m.size = m.young, make(map[string]string), 0
	}
	m.young[key] = spans
	m.size += n
}

// codeText is the text of a code block, lines joined as written.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// lexerFor returns chroma's lexer for a fence's language, nil when there is
// no language or chroma does not know it. Plain-text languages count as
// unknown: they need no highlighting. Answers are cached: for a name chroma
// does not know, lexers.Get tries every lexer's file patterns.
func lexerFor(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if v, ok := lexerCache.Load(lang); ok {
		l, _ := v.(chroma.Lexer) // nil for an unknown language
		return l
	}
	l := lexers.Get(lang)
	if l != nil && l.Config().Name == "plaintext" {
		l = nil
	}
	if l != nil {
		l = chroma.Coalesce(l)
	}
	if len(lang) <= 32 { // fence info is free text; keep the cache small
		lexerCache.Store(lang, l)
	}
	return l
}

// lexerCache maps a fence language to its coalesced lexer (or a nil Lexer).
var lexerCache sync.Map

// StyleCSS returns the stylesheet for highlighted code: chroma's classes in
// the light style "github" by default, and in the dark style "github-dark"
// under both `@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) ... }`
// and `:root[data-theme=dark] ...`, so a theme toggle that sets data-theme on
// <html> wins over the system setting. The result is the same on every call.
func StyleCSS() []byte { return bytes.Clone(styleCSS()) }

var styleCSS = sync.OnceValue(func() []byte {
	light, dark := cssRules(lightStyle), cssRules(darkStyle)
	// A token the dark style leaves alone must not keep its light colours.
	darkSel := map[string]bool{}
	for _, r := range dark {
		darkSel[r.sel] = true
	}
	for _, r := range light {
		if !darkSel[r.sel] && strings.HasPrefix(r.sel, ".chroma .") {
			dark = append(dark, cssRule{r.sel, "color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit"})
		}
	}
	var b bytes.Buffer
	b.WriteString("/* Highlighted code: chroma " + lightStyle + " (light), " + darkStyle + " (dark). */\n")
	writeRules(&b, light, "")
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	writeRules(&b, dark, "  :root:not([data-theme=light]) ")
	b.WriteString("}\n")
	writeRules(&b, dark, ":root[data-theme=dark] ")
	return b.Bytes()
})

type cssRule struct{ sel, body string }

// cssRules returns chroma's CSS for a style, one rule per token class.
func cssRules(style string) []cssRule {
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	var buf bytes.Buffer
	_ = f.WriteCSS(&buf, styles.Get(style))
	var rules []cssRule
	for _, line := range strings.Split(buf.String(), "\n") {
		sel, body, ok := strings.Cut(line, "{")
		if !ok {
			continue
		}
		body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), "}"))
		sel = strings.TrimSpace(sel)
		if own, ok := lineRules[style][sel]; ok {
			body = own
		}
		rules = append(rules, cssRule{sel, body})
	}
	return rules
}

// lineRules replace chroma's rules for marked lines (.hl) and line numbers
// (.ln): its grey numbers are too faint to read (under the 4.5:1 contrast
// WCAG asks for), and its dark style marks a line in a grey on which the
// token colours are faint. A marked line is a pale yellow (light) or dark
// amber (dark) band, as on GitHub.
var lineRules = map[string]map[string]string{
	lightStyle: {
		".chroma .hl": "background-color: #fff8c5",
		".chroma .ln": "white-space: pre; -webkit-user-select: none; user-select: none; margin-right: 0.4em; padding: 0 0.4em 0 0.4em; color: #57606a",
	},
	darkStyle: {
		".chroma .hl": "background-color: #2e2a18",
		".chroma .ln": "white-space: pre; -webkit-user-select: none; user-select: none; margin-right: 0.4em; padding: 0 0.4em 0 0.4em; color: #9198a1",
	},
}

// writeRules writes rules one per line, every selector prefixed.
//
// Rules with the same declarations are written as one, where the first of
// them was: chroma gives dozens of token classes the same few colours, and
// grouping them takes the file from 15 kB to 11 kB, which pages
// with code pay for (the page budget is 50 kB). The order of the others does
// not matter, as every token span has one class.
func writeRules(b *bytes.Buffer, rules []cssRule, prefix string) {
	var bodies []string
	sels := map[string][]string{}
	for _, r := range rules {
		if _, ok := sels[r.body]; !ok {
			bodies = append(bodies, r.body)
		}
		sels[r.body] = append(sels[r.body], prefix+r.sel)
	}
	for _, body := range bodies {
		b.WriteString(strings.Join(sels[body], ",") + " { " + body + " }\n")
	}
}
