package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// softBreak marks a soft line break in text before it is collapsed: it is
// dropped between two East Asian characters (as the CJK extension does when
// rendering) and becomes a space elsewhere.
const softBreak = '\n'

// textWriter gathers plain text from inline nodes.
type textWriter struct {
	b    bytes.Buffer
	src  []byte
	html bool // include the text of raw HTML (it is shown escaped to readers)
}

// inline writes the text of an inline node and reports whether it handled
// the node's children too.
func (tw *textWriter) inline(n ast.Node) (skipChildren bool) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(tw.src)
		if n.IsRaw() || isCode(n.Parent()) {
			tw.b.Write(v)
		} else {
			tw.b.Write(unescape(v))
		}
		if n.SoftLineBreak() {
			tw.b.WriteByte(softBreak)
		} else if n.HardLineBreak() {
			tw.b.WriteByte(' ')
		}
	case *ast.String:
		tw.b.Write(n.Value)
	case *ast.AutoLink:
		tw.b.Write(n.Label(tw.src))
		return true
	case *ast.RawHTML:
		if s := rawInlineText(n, tw.src); tw.html && !isComment(s) {
			tw.b.Write(s)
		}
		return true
	}
	return false
}

func isCode(n ast.Node) bool { return n != nil && n.Kind() == ast.KindCodeSpan }

func unescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// plainText returns the text of a node's inline content, whitespace
// collapsed: what a reader sees, without markup.
func plainText(n ast.Node, src []byte) string {
	tw := &textWriter{src: src}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c != n && tw.inline(c) {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return collapse(tw.b.String())
}

// collectParts splits the plain text of a document at its headings. Blocks
// are separated by spaces so words of adjacent blocks are not glued together.
func collectParts(root ast.Node, src []byte, html bool) []Part {
	parts := []Part{{}}
	tw := &textWriter{src: src, html: html}
	flush := func() {
		parts[len(parts)-1].Text = collapse(tw.b.String())
		tw.b.Reset()
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok {
			if !entering {
				return ast.WalkContinue, nil
			}
			flush()
			parts = append(parts, Part{Anchor: headingID(h), Heading: plainText(h, src)})
			return ast.WalkSkipChildren, nil
		}
		if n.Type() != ast.TypeBlock {
			if entering && tw.inline(n) {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if entering {
			tw.separate(n)
		}
		if !bytes.HasSuffix(tw.b.Bytes(), []byte("；")) {
			tw.b.WriteByte(' ') // blocks apart, so their words are not glued together
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			tw.b.WriteString(codeText(n, src))
		case *ast.HTMLBlock:
			if s := htmlBlockText(n, src); html && !isComment(s) {
				tw.b.Write(s)
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
	return parts
}

// separate writes what a reader sees between n and the block before it
// in a list or a table, so that search excerpts read as the page does
// rather than as one string of words: 「；」 between list items and table
// rows ("; " after Latin text; nothing after a closing punctuation mark),
// and " | " between the cells of a row.
func (tw *textWriter) separate(n ast.Node) {
	if n.PreviousSibling() == nil {
		return
	}
	switch n.Kind() {
	case extast.KindTableCell:
		tw.b.WriteString(" |")
	case ast.KindListItem, extast.KindTableRow:
		tw.b.Truncate(len(bytes.TrimRightFunc(tw.b.Bytes(), unicode.IsSpace)))
		last, _ := utf8.DecodeLastRune(tw.b.Bytes())
		switch {
		case last == utf8.RuneError || unicode.IsPunct(last) && !unicode.In(last, unicode.Ps, unicode.Pi):
		case isWide(last):
			tw.b.WriteString("；")
		default:
			tw.b.WriteString(";")
		}
	}
}

// collapse trims s and turns each run of white space into one space, except
// that a run made only of soft line breaks between two East Asian characters
// disappears.
func collapse(s string) string {
	var b strings.Builder
	var prev rune // last rune written, 0 at the start
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i += size
			continue
		}
		onlySoft := true
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			onlySoft = onlySoft && r == softBreak
			j += size
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if prev != 0 && j < len(s) && !(onlySoft && isWide(prev) && isWide(next)) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// isWide reports whether r is an East Asian character: no space is needed
// between two of them.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
