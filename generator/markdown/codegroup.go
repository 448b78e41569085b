package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// codeGroups reads VitePress code groups:
//
//	::: code-group
//	```js [config.js]
//	…
//	```
//	```ts [config.ts]
//	…
//	```
//	:::
//
// Each fenced block becomes a tab labelled by what its info string holds in
// brackets, else by its language, so a code group is a tab set like
// MkDocs's "===" ones (tabs.go), rendered and linked the same way.
type codeGroups struct{}

func (codeGroups) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// 50: before any other parser of ":::" lines (the callout
		// containers), so "::: code-group" is always a code group and
		// never a callout of an unknown kind "code-group".
		parser.WithBlockParsers(util.Prioritized(codeGroupParser{}, 50)),
		// Before tabTransformer (150), which gives the tabs their IDs.
		parser.WithASTTransformers(util.Prioritized(codeGroupTransformer{}, 140)),
	)
}

var kindCodeGroup = ast.NewNodeKind("CodeGroup")

// codeGroupNode holds the blocks of a code group until codeGroupTransformer
// turns it into a tab set.
type codeGroupNode struct {
	ast.BaseBlock
	colons int // length of the opening ":::" run; the closing one is at least as long
}

// Kind implements ast.Node.
func (*codeGroupNode) Kind() ast.NodeKind { return kindCodeGroup }

// Dump implements ast.Node.
func (n *codeGroupNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// colonRun returns the number of ':' that line starts with and what
// follows them, spaces trimmed.
func colonRun(line []byte) (int, []byte) {
	n := colons(line)
	return n, bytes.TrimSpace(line[n:])
}

type codeGroupParser struct{}

func (codeGroupParser) Trigger() []byte { return []byte{':'} }

// Open accepts ":::", or more colons, then "code-group" and nothing else,
// spaces between allowed (":::code-group" too, as markdown-it reads it).
func (codeGroupParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	indent, pos := util.IndentWidth(line, reader.LineOffset())
	if indent > 3 {
		return nil, parser.NoChildren
	}
	n, rest := colonRun(line[pos:])
	if n < 3 || string(rest) != "code-group" {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	sawTabs(pc)
	return &codeGroupNode{colons: n}, parser.HasChildren
}

// Continue ends the group at a line of at least as many colons as opened
// it, unless a fenced block inside is still open: a ":::" line in the
// code is code.
func (codeGroupParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if open := pc.OpenedBlocks(); len(open) > 0 {
		if _, ok := open[len(open)-1].Node.(*ast.FencedCodeBlock); ok && open[len(open)-1].Node != node {
			return parser.Continue | parser.HasChildren
		}
	}
	line, _ := reader.PeekLine()
	indent, pos := util.IndentWidth(line, reader.LineOffset())
	if indent <= 3 && pos < len(line) {
		if n, rest := colonRun(line[pos:]); n >= node.(*codeGroupNode).colons && len(rest) == 0 {
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

func (codeGroupParser) Close(ast.Node, text.Reader, parser.Context) {}

func (codeGroupParser) CanInterruptParagraph() bool { return true }

func (codeGroupParser) CanAcceptIndentedLine() bool { return false }

// codeGroupTransformer turns each code group into a tab set with a tab per
// fenced block. Other blocks written in the group go into the tab of the
// fence before them (the first tab, before the first fence). A group
// without any fenced block is left as its blocks, without a frame.
type codeGroupTransformer struct{}

func (codeGroupTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if st := stateOf(pc); st != nil && !st.tabs {
		return
	}
	var groups []*codeGroupNode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if g, ok := n.(*codeGroupNode); ok && entering {
			groups = append(groups, g)
		}
		return ast.WalkContinue, nil
	})
	for _, g := range groups {
		toTabSet(g, reader.Source())
	}
}

func toTabSet(g *codeGroupNode, src []byte) {
	set := &tabSetNode{}
	set.SetPos(g.Pos())
	var before []ast.Node // blocks before the first fence
	var tab *tabNode
	for c := g.FirstChild(); c != nil; {
		next := c.NextSibling()
		if f, ok := c.(*ast.FencedCodeBlock); ok {
			// The label is the tab's: the code renderer must not show
			// it again as a title above the block.
			f.SetAttributeString("notitle", true)
			tab = &tabNode{Label: fenceLabel(f, src)}
			tab.SetPos(f.Pos())
			set.AppendChild(set, tab)
			for _, b := range before {
				tab.AppendChild(tab, b)
			}
			before = nil
		}
		if tab == nil {
			before = append(before, c)
		} else {
			tab.AppendChild(tab, c) // detaches c from g
		}
		c = next
	}
	parent := g.Parent()
	if tab == nil {
		for _, b := range before {
			parent.InsertBefore(parent, g, b)
		}
		parent.RemoveChild(parent, g)
		return
	}
	parent.ReplaceChild(parent, g, set)
}

// fenceLabel is what the info string of f holds between its first '[' and
// its last ']' (VitePress's rule), else its language without line marks
// ("js{1,3}" is js), else "" (the tab's number, later).
func fenceLabel(f *ast.FencedCodeBlock, src []byte) string {
	if f.Info == nil {
		return ""
	}
	info := f.Info.Segment.Value(src)
	if i, j := bytes.IndexByte(info, '['), bytes.LastIndexByte(info, ']'); i >= 0 && j > i {
		return collapse(string(unescape(info[i+1 : j])))
	}
	lang := f.Language(src)
	if i := bytes.IndexAny(lang, "{[:"); i >= 0 {
		lang = lang[:i]
	}
	return string(unescape(lang))
}
