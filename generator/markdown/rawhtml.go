package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rawHTML handles HTML written in Markdown, node by node, as goldmark parses
// it (an HTML block, or one inline tag): links and images in it are resolved
// like Markdown ones, then, unless unsafe is set, it is sanitised by policy
// (sanitize.go) and its tags balanced within the Markdown element that holds
// them. The result is kept on the node and written by the renderer; the
// final page HTML is never post-processed. With unsafe set the HTML is kept
// as written, comments included.
type rawHTML struct{ unsafe bool }

func (e rawHTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(rawHTMLTransformer(e), 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// htmlKey is the node attribute holding a raw HTML node's htmlOut.
const htmlKey = "zhinan-raw-html"

// htmlOut is what a raw HTML node becomes.
type htmlOut struct {
	html []byte // what to write
	text []byte // what a reader sees of it, for search
}

func outOf(n ast.Node) (htmlOut, bool) {
	v, ok := n.AttributeString(htmlKey)
	out, _ := v.(htmlOut)
	return out, ok
}

func (e rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, e.render)
	reg.Register(ast.KindRawHTML, e.render)
}

func (e rawHTML) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	if out, ok := outOf(n); ok {
		_, _ = w.Write(out.html)
	} else {
		// Not seen by the transformer (cannot happen in Render): never trust it.
		_, _ = w.Write(util.EscapeHTML(bytes.Join(rawSegments(n, src), nil)))
	}
	return ast.WalkSkipChildren, nil
}

type rawHTMLTransformer rawHTML

// container is one Markdown element holding raw HTML, with the elements
// that HTML left open in it.
type container struct {
	node   ast.Node
	inline bool // it holds inline HTML (a paragraph, …), not HTML blocks
	open   tagStack
}

func (t rawHTMLTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := reader.Source()
	byNode := map[ast.Node]*container{}
	var order []*container // in document order, so the output is deterministic
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || (n.Kind() != ast.KindRawHTML && n.Kind() != ast.KindHTMLBlock) {
			return ast.WalkContinue, nil
		}
		segs := rawSegments(n, src)
		h := st.rewriteLinks(bytes.Join(segs, nil), sourceOffset(n, segs, src), t.unsafe)
		if t.unsafe {
			n.SetAttributeString(htmlKey, htmlOut{html: h, text: visibleText(h)})
			return ast.WalkSkipChildren, nil
		}
		if raw, ok := n.(*ast.RawHTML); ok {
			dropScriptText(raw, src)
		}
		c := byNode[n.Parent()]
		if c == nil {
			c = &container{node: n.Parent(), inline: n.Kind() == ast.KindRawHTML}
			byNode[n.Parent()] = c
			order = append(order, c)
		}
		out, txt := c.open.balance(sanitize(h))
		if len(bytes.TrimSpace(out)) == 0 {
			out = nil // a comment, a script: leave no blank line behind
		}
		n.SetAttributeString(htmlKey, htmlOut{html: out, text: txt})
		return ast.WalkSkipChildren, nil
	})
	// Close what is still open where its container ends: a <sup> at the end
	// of its paragraph, a <details> at the end of the list item or page.
	for _, c := range order {
		if len(c.open) == 0 {
			continue
		}
		end := []byte(c.open.closeFrom(0))
		var n ast.Node
		if c.inline {
			n = ast.NewRawHTML()
		} else {
			n = ast.NewHTMLBlock(ast.HTMLBlockType7)
			end = append(end, '\n')
		}
		n.SetAttributeString(htmlKey, htmlOut{html: end})
		c.node.AppendChild(c.node, n)
	}
}

// dropScriptText removes the Markdown text between an inline <script> or
// <style> tag and its end tag (or the end of the element): inline, the
// sanitiser sees the tags one by one, and the code between them, parsed as
// Markdown text, would otherwise be shown to readers.
func dropScriptText(n *ast.RawHTML, src []byte) {
	if name := rawTagName(n, src); name != atom.Script && name != atom.Style {
		return
	}
	if seg := n.Segments.At(0); bytes.HasPrefix(seg.Value(src), []byte("</")) {
		return
	}
	name := rawTagName(n, src)
	for next := n.NextSibling(); next != nil; next = n.NextSibling() {
		if end, ok := next.(*ast.RawHTML); ok && rawTagName(end, src) == name {
			return
		}
		n.Parent().RemoveChild(n.Parent(), next)
	}
}

// rawSegments is the source of a raw HTML node, piece by piece (the lines of
// a block, closing line included; the segments of an inline tag).
func rawSegments(n ast.Node, src []byte) [][]byte {
	var segs [][]byte
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			segs = append(segs, seg.Value(src))
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			segs = append(segs, seg.Value(src))
		}
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine.Value(src))
		}
	}
	return segs
}

// sourceOffset returns a function mapping an offset in the joined segments
// of n to an offset in src, for the positions of links.
func sourceOffset(n ast.Node, segs [][]byte, src []byte) func(int) int {
	var starts []int
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			starts = append(starts, n.Segments.At(i).Start)
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			starts = append(starts, n.Lines().At(i).Start)
		}
		if n.HasClosure() {
			starts = append(starts, n.ClosureLine.Start)
		}
	}
	return func(off int) int {
		for i, s := range segs {
			if off < len(s) || i == len(segs)-1 {
				return starts[i] + off
			}
			off -= len(s)
		}
		return -1
	}
}

// rewriteLinks resolves the href of each <a> and the src of each <img> in h
// through the page's Resolver, as Markdown links are (external links get
// rel="noopener", internal images loading="lazy"), and returns h with those
// tags written anew and everything else byte for byte. at maps an offset in
// h to one in the source: a link's position is that of its tag's '<'.
func (st *state) rewriteLinks(h []byte, at func(int) int, unsafe bool) []byte {
	if !mayLink(h) {
		return h
	}
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(h))
	off := 0
	for {
		tt := z.Next()
		raw := append([]byte(nil), z.Raw()...)
		if tt == html.ErrorToken {
			out.Write(raw) // an unfinished tag at the end: the sanitiser drops it
			return out.Bytes()
		}
		start := off
		off += len(raw)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		if st.linkTag(&tok, at(start), unsafe) {
			out.WriteString(tok.String())
		} else {
			out.Write(raw)
		}
	}
}

// mayLink reports whether h may hold an <a> or <img> tag: most raw HTML
// does not, and need not be tokenized for links.
func mayLink(h []byte) bool {
	for i := bytes.IndexByte(h, '<'); i >= 0 && i+1 < len(h); {
		if c := h[i+1] | 0x20; c == 'a' || c == 'i' {
			return true
		}
		j := bytes.IndexByte(h[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// linkTag resolves the URL of an <a> or <img> tag that starts at source
// offset pos, records an <a>'s anchor, and reports whether it changed the tag.
func (st *state) linkTag(tok *html.Token, pos int, unsafe bool) bool {
	key := "href"
	switch tok.DataAtom {
	case atom.A:
		if st.anchor(tok, unsafe) {
			st.linkURL(tok, pos, key)
			return true
		}
	case atom.Img:
		key = "src"
	default:
		return false
	}
	return st.linkURL(tok, pos, key)
}

// anchor records the name or id of an <a> (<a name="第一节"></a>, as books
// mark places) as a fragment that links may point at, and reports whether it
// changed the tag: unless unsafe, an id becomes a name, which a browser
// scrolls to just the same but which cannot take an ID the theme uses.
func (st *state) anchor(tok *html.Token, unsafe bool) bool {
	changed := false
	for i, a := range tok.Attr {
		if a.Namespace != "" || a.Val == "" || a.Key != "name" && a.Key != "id" {
			continue
		}
		if st != nil {
			st.anchors = append(st.anchors, a.Val)
		}
		if a.Key == "id" && !unsafe && attrIndex(tok, "name") < 0 {
			tok.Attr[i].Key = "name"
			changed = true
		}
	}
	return changed
}

// linkURL resolves the URL in attribute key of a tag at source offset pos,
// and reports whether it changed the tag.
func (st *state) linkURL(tok *html.Token, pos int, key string) bool {
	i := attrIndex(tok, key)
	if i < 0 || tok.Attr[i].Val == "" {
		return false
	}
	if dest := strings.ToLower(strings.TrimSpace(tok.Attr[i].Val)); isExternal(dest) {
		switch {
		case tok.DataAtom != atom.A:
			return false
		case strings.HasPrefix(dest, "data:"):
			// Only images may be data: URLs (the sanitiser lets data
			// images through); a data: page would be a page of its own.
			tok.Attr = append(tok.Attr[:i], tok.Attr[i+1:]...)
			return true
		case strings.HasPrefix(dest, "http:") || strings.HasPrefix(dest, "https:") || strings.HasPrefix(dest, "//"):
			return setDefault(tok, "rel", "noopener")
		}
		return false
	}
	href, _, _ := st.resolveAt(pos, []byte(tok.Attr[i].Val))
	tok.Attr[i].Val = string(href)
	if tok.DataAtom == atom.Img {
		setDefault(tok, "loading", "lazy")
	}
	return true
}

func attrIndex(tok *html.Token, key string) int {
	for i, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return i
		}
	}
	return -1
}

// setDefault adds the attribute unless the tag has it, and reports whether it did.
func setDefault(tok *html.Token, key, val string) bool {
	if attrIndex(tok, key) >= 0 {
		return false
	}
	tok.Attr = append(tok.Attr, html.Attribute{Key: key, Val: val})
	return true
}
