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

// taskLabels wraps each task-list checkbox and the text after it in a
// <label>, so the checkbox is named by its item's text ("备份聊天记录,
// checkbox, checked") for screen readers; GFM's bare <input> has no name.
type taskLabels struct{}

var kindTaskLabel = ast.NewNodeKind("TaskLabel")

type taskLabelNode struct{ ast.BaseInline }

func (*taskLabelNode) Kind() ast.NodeKind { return kindTaskLabel }

func (n *taskLabelNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (taskLabels) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(taskLabels{}, 450)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskLabels{}, 100)))
}

func (taskLabels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var boxes []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTaskCheckBox {
			boxes = append(boxes, n)
		}
		return ast.WalkContinue, nil
	})
	for _, box := range boxes {
		parent := box.Parent()
		label := &taskLabelNode{}
		for n := box; n != nil; {
			next := n.NextSibling()
			parent.RemoveChild(parent, n)
			label.AppendChild(label, n)
			n = next
		}
		parent.AppendChild(parent, label)
	}
}

func (taskLabels) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTaskLabel, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<label>")
		} else {
			_, _ = w.WriteString("</label>")
		}
		return ast.WalkContinue, nil
	})
}
