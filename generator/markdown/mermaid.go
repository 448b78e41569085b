package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// diagrams keeps a fenced block in the language mermaid as a diagram:
//
//	<pre class="mermaid">graph TD; A--&gt;B</pre>
//
// which Mermaid's script, where the page loads it, replaces with the
// drawing, and which shows as the diagram's source, as code, where it does
// not (no script, or none found for the site). The page is marked
// (Doc.HasDiagram) from the tree, so that only pages with a diagram load the
// script, which weighs megabytes.
type diagrams struct{}

// kindDiagram is the node kind of a Mermaid diagram.
var kindDiagram = ast.NewNodeKind("Diagram")

// diagramNode is a Mermaid diagram; its lines are the source.
type diagramNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*diagramNode) Kind() ast.NodeKind { return kindDiagram }

// IsRaw implements ast.Node: the lines are not Markdown.
func (*diagramNode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *diagramNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (diagrams) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(diagramTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(diagramRenderer{}, 100)))
}

type diagramTransformer struct{}

func (diagramTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var found []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil // a paragraph or heading: no block inside
		}
		if f, ok := n.(*ast.FencedCodeBlock); ok {
			if f.Info != nil && strings.EqualFold(parseFenceInfo(string(f.Info.Segment.Value(reader.Source()))).lang, "mermaid") {
				found = append(found, f)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, f := range found {
		d := &diagramNode{}
		d.SetLines(f.Lines())
		d.SetPos(f.Pos())
		f.Parent().ReplaceChild(f.Parent(), f, d)
	}
	if st := stateOf(pc); st != nil && len(found) > 0 {
		st.diagram = true
	}
}

type diagramRenderer struct{}

func (diagramRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindDiagram, renderDiagram)
}

func renderDiagram(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<pre class="mermaid">`)
		_, _ = w.Write(util.EscapeHTML([]byte(codeText(node, src))))
		_, _ = w.WriteString("</pre>\n")
	}
	return ast.WalkSkipChildren, nil
}
