package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/width"
)

// softBreaks renders text with one rule for soft line breaks (a line ending
// inside a paragraph), the one search text follows too (text.go): the break
// disappears between two East Asian wide characters, full-width punctuation
// included, as CSS Text 3 transforms segment breaks, and is kept as a line
// ending, which a browser shows as a space, everywhere else.
//
// goldmark's CJK extension has the right idea but decides on the two Text
// nodes around the break only: when the next node is anything else (a link,
// emphasis, code) it drops the break in every language, so "guide,⏎[and"
// renders "guide,and" (yuin/goldmark#582). Here the characters on both sides
// are found through inline elements.
type softBreaks struct{}

func (softBreaks) Extend(m goldmark.Markdown) {
	r := textRenderer{w: html.NewWriter(html.WithEscapedSpace())}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

type textRenderer struct{ w html.Writer }

func (r textRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
}

// renderText is goldmark's, with keepsSoftBreak deciding soft breaks.
func (r textRenderer) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	v := n.Segment.Value(src)
	if n.IsRaw() {
		r.w.RawWrite(w, v)
		return ast.WalkContinue, nil
	}
	if beforeHardBreak(n, src) {
		v = bytes.TrimRight(v, " \t")
	}
	r.w.Write(w, v)
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak() && keepsSoftBreak(n, src):
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// beforeHardBreak reports whether n ends where a hard line break is: the
// spaces that make the break are not text. (With GFM, goldmark leaves them
// in a Text of their own before an empty one with the break: CommonMark
// examples 226, 635.)
func beforeHardBreak(n *ast.Text, src []byte) bool {
	if n.HardLineBreak() {
		return true
	}
	next, ok := n.NextSibling().(*ast.Text)
	return ok && next.HardLineBreak() && len(next.Segment.Value(src)) == 0
}

// keepsSoftBreak reports whether the soft line break after n stays (as a
// space to the reader) rather than disappearing.
func keepsSoftBreak(n *ast.Text, src []byte) bool {
	return !joinsLines(runeBefore(n, src), runeAfter(n, src))
}

// joinsLines reports whether a line break between the characters before and
// after it disappears, by the segment break transformation rules of CSS Text
// 3 (§4.1.3): next to a zero-width space; between two characters of East
// Asian Width F, W or H that are not Hangul (Korean separates words with
// spaces); and between such a character and punctuation or a symbol of
// ambiguous width (“ ” ‘ ’ … ·), the rule for Chinese and Japanese text.
// 0 (no character: the start or end of the paragraph, an image) joins nothing.
func joinsLines(before, after rune) bool {
	if before == 0 || after == 0 {
		return false
	}
	if before == '\u200b' || after == '\u200b' {
		return true
	}
	wb, wa := wideNotHangul(before), wideNotHangul(after)
	return wb && wa || wb && ambiguousPunct(after) || wa && ambiguousPunct(before)
}

func wideNotHangul(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianFullwidth, width.EastAsianWide, width.EastAsianHalfwidth:
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

func ambiguousPunct(r rune) bool {
	return width.LookupRune(r).Kind() == width.EastAsianAmbiguous && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// runeBefore is the last character a reader sees before the soft break
// that ends n, looking back through inline elements (emphasis, links, code,
// raw HTML tags) to the start of the paragraph; 0 if there is none or an
// image, <br> or footnote mark comes first.
func runeBefore(n *ast.Text, src []byte) rune {
	if v := n.Segment.Value(src); len(v) > 0 {
		r, _ := utf8.DecodeLastRune(v)
		return r
	}
	for x := prevInline(n); x != nil; x = prevInline(x) {
		if r, done := edgeRune(x, src, true); done {
			return r
		}
	}
	return 0
}

// runeAfter is the first character a reader sees after the soft break that
// ends n, looking forward as runeBefore looks back.
func runeAfter(n *ast.Text, src []byte) rune {
	for x := nextInline(n); x != nil; x = nextInline(x) {
		if r, done := edgeRune(x, src, false); done {
			return r
		}
	}
	return 0
}

// edgeRune gives the last (or first) character of a leaf inline node, and
// whether the search stops here: it goes on through empty text and raw HTML.
func edgeRune(x ast.Node, src []byte, last bool) (rune, bool) {
	var v []byte
	switch x := x.(type) {
	case *ast.Text:
		v = x.Segment.Value(src)
	case *ast.String:
		v = x.Value
	case *ast.AutoLink:
		v = x.Label(src)
	case *ast.RawHTML:
		// A tag such as <b> or </a> is looked through; an <img> or <br>
		// is a thing of its own, like a Markdown image.
		return 0, voidElement(rawTagName(x, src))
	default:
		return 0, true // an image, a footnote mark: not a character
	}
	if len(v) == 0 {
		return 0, false
	}
	if last {
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	r, _ := utf8.DecodeRune(v)
	return r, true
}

// rawTagName is the element an inline HTML tag opens or closes, 0 for a
// comment or an unknown element.
func rawTagName(n *ast.RawHTML, src []byte) atom.Atom {
	if n.Segments.Len() == 0 {
		return 0
	}
	seg := n.Segments.At(0)
	v := bytes.TrimPrefix(bytes.TrimPrefix(seg.Value(src), []byte("<")), []byte("/"))
	end := 0
	for end < len(v) && (v[end] >= 'a' && v[end] <= 'z' || v[end] >= 'A' && v[end] <= 'Z' || v[end] >= '0' && v[end] <= '9') {
		end++
	}
	return atom.Lookup(bytes.ToLower(v[:end]))
}

// opaque inline nodes are seen as one thing, not through: their children,
// if any, are not text beside the break.
func opaque(x ast.Node) bool {
	switch x.(type) {
	case *ast.Image, *ast.AutoLink:
		return true
	}
	return x.FirstChild() == nil
}

// prevInline is the leaf inline node before x in the same block, or nil.
func prevInline(x ast.Node) ast.Node {
	for x.PreviousSibling() == nil {
		x = x.Parent()
		if x == nil || x.Type() == ast.TypeBlock {
			return nil
		}
	}
	x = x.PreviousSibling()
	for !opaque(x) {
		x = x.LastChild()
	}
	return x
}

// nextInline is the leaf inline node after x in the same block, or nil.
func nextInline(x ast.Node) ast.Node {
	for x.NextSibling() == nil {
		x = x.Parent()
		if x == nil || x.Type() == ast.TypeBlock {
			return nil
		}
	}
	x = x.NextSibling()
	for !opaque(x) {
		x = x.FirstChild()
	}
	return x
}
