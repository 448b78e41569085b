package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alerts renders GitHub-style alerts as callouts. A blockquote whose first
// line is exactly [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]
// (any case) becomes
//
//	<div class="callout callout-warning" role="note">
//	<p class="callout-title">注意</p>
//	...the rest of the blockquote...
//	</div>
//
// Any other [!FOO] stays a blockquote.
//
// The callout titles are the site's words (Options.Words.Callouts).
type alerts struct{ titles map[string]string }

// alertKinds are the alert kinds GitHub knows.
var alertKinds = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}

// kindAlert is the node kind of a GitHub-style alert.
var kindAlert = ast.NewNodeKind("Alert")

// alertNode is a callout made from a blockquote; it holds the blockquote's blocks.
type alertNode struct {
	ast.BaseBlock
	Alert string // "note", "tip", "important", "warning" or "caution"
}

// Kind implements ast.Node.
func (*alertNode) Kind() ast.NodeKind { return kindAlert }

// Dump implements ast.Node.
func (n *alertNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Alert": n.Alert}, nil)
}

func (e alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, 300)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(alertRenderer{e.titles}, 100)))
}

type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		if kind := alertKind(q, reader.Source()); kind != "" {
			toAlert(q, kind)
		}
	}
}

// alertKind returns the alert type of a blockquote, "" if it is not one.
func alertKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(src))
	if len(line) < 4 || !bytes.HasPrefix(line, []byte("[!")) || line[len(line)-1] != ']' {
		return ""
	}
	kind := string(bytes.ToLower(line[2 : len(line)-1]))
	if !alertKinds[kind] {
		return ""
	}
	return kind
}

// toAlert replaces q by an Alert holding q's blocks, minus the marker line.
func toAlert(q *ast.Blockquote, kind string) {
	p := q.FirstChild().(*ast.Paragraph)
	end := p.Lines().At(0).Stop
	for c := p.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		next := c.NextSibling()
		p.RemoveChild(p, c)
		c = next
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	} else {
		lines := p.Lines()
		rest := text.NewSegments()
		for i := 1; i < lines.Len(); i++ {
			rest.Append(lines.At(i))
		}
		p.SetLines(rest)
	}
	a := &alertNode{Alert: kind}
	a.SetPos(q.Pos())
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		a.AppendChild(a, c) // AppendChild detaches c from q
		c = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, a)
}

type alertRenderer struct{ titles map[string]string }

func (r alertRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAlert, r.renderAlert)
}

func (r alertRenderer) renderAlert(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	a := node.(*alertNode)
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="callout callout-` + a.Alert + `" role="note">` + "\n")
	_, _ = w.WriteString(`<p class="callout-title">` + string(util.EscapeHTML([]byte(r.titles[a.Alert]))) + "</p>\n")
	return ast.WalkContinue, nil
}
