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

// textWriter gathers plain text from inline nodes.
type textWriter struct {
	b   bytes.Buffer
	src []byte
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
		// A soft break follows the rule of the HTML (softbreak.go), so
		// search text and page agree on where words are.
		if n.HardLineBreak() || n.SoftLineBreak() && (isCode(n.Parent()) || keepsSoftBreak(n, tw.src)) {
			tw.b.WriteByte(' ')
		}
	case *ast.String:
		tw.b.Write(n.Value)
	case *ast.AutoLink:
		tw.b.Write(n.Label(tw.src))
		return true
	case *ast.RawHTML:
		if out, ok := outOf(n); ok {
			tw.b.Write(out.text)
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
func collectParts(root ast.Node, src []byte) []Part {
	parts := []Part{{}}
	tw := &textWriter{src: src}
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
			if out, ok := outOf(n); ok {
				tw.b.Write(out.text)
			}
		case *tabNode:
			tw.b.WriteString(n.Label) // the panel's label, then its blocks
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

// collapse trims s and turns each run of white space into one space. It
// runs over the text of every page, so it returns s itself when s needs no
// change (the common case) and otherwise makes one copy.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next word
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n]) // as written: invalid UTF-8 stays as it was
		}
		i += n
	}
	return b.String()
}

// collapsed reports whether collapse would leave s as it is: no white space
// at either end, and none inside but single ASCII spaces.
func collapsed(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// isWide reports whether r is an East Asian character or full-width mark,
// after which a list item or row is closed with 「；」 rather than ";".
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
