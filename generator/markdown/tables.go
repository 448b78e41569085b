package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableWrap puts every GFM table in <div class="table-wrap">, so a wide
// table scrolls sideways on a phone instead of widening the page. The table
// itself is still rendered by goldmark's table extension. The wrapper can
// take the keyboard focus (tabindex), so that a reader without a mouse can
// scroll it too.
type tableWrap struct{}

// kindTableWrap is the node kind of the wrapper around a table.
var kindTableWrap = ast.NewNodeKind("TableWrap")

type tableWrapNode struct{ ast.BaseBlock }

func (*tableWrapNode) Kind() ast.NodeKind { return kindTableWrap }

func (n *tableWrapNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (tableWrap) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(tableWrap{}, 400)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tableWrap{}, 100)))
}

func (tableWrap) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var tables []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == east.KindTable && entering {
			tables = append(tables, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		wrap := &tableWrapNode{}
		wrap.SetPos(t.Pos())
		parent := t.Parent()
		parent.ReplaceChild(parent, t, wrap)
		wrap.AppendChild(wrap, t)
	}
}

func (tableWrap) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, renderTableWrap)
}

func renderTableWrap(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"table-wrap\" tabindex=\"0\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
