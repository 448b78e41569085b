package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// rawHTML renders HTML written in Markdown. With unsafe set it is passed
// through as written. Otherwise readers see it as text, escaped: an HTML
// block becomes a paragraph of its escaped lines and inline HTML is escaped
// in place. HTML comments are the exception: they are dropped, as a browser
// would hide them (an author's "<!-- TODO -->" is not for readers).
// goldmark's own "<!-- raw HTML omitted -->" is never written.
type rawHTML struct{ unsafe bool }

func (e rawHTML) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (e rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, e.renderBlock)
	reg.Register(ast.KindRawHTML, e.renderInline)
}

// htmlBlockText is the whole source of an HTML block, closing line included.
func htmlBlockText(n *ast.HTMLBlock, src []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return b.Bytes()
}

// rawInlineText is the source of an inline HTML node.
func rawInlineText(n *ast.RawHTML, src []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

// isComment reports whether s is one HTML comment and nothing else.
func isComment(s []byte) bool {
	s = bytes.TrimSpace(s)
	return bytes.HasPrefix(s, []byte("<!--")) && bytes.HasSuffix(s, []byte("-->")) &&
		bytes.Index(s, []byte("-->")) == len(s)-3
}

func (e rawHTML) renderBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	s := htmlBlockText(node.(*ast.HTMLBlock), src)
	switch {
	case e.unsafe:
		_, _ = w.Write(s)
	case !isComment(s):
		_, _ = w.WriteString("<p>")
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(s, "\n")))
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkSkipChildren, nil
}

func (e rawHTML) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	s := rawInlineText(node.(*ast.RawHTML), src)
	switch {
	case e.unsafe:
		_, _ = w.Write(s)
	case !isComment(s):
		_, _ = w.Write(util.EscapeHTML(s))
	}
	return ast.WalkSkipChildren, nil
}
