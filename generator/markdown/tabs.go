package markdown

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tabs reads MkDocs Material content tabs (pymdownx.tabbed):
//
//	=== "iOS"
//
//	    Steps on an iPhone: any Markdown, indented by four spaces.
//
//	=== "Android"
//
//	    ...
//
// Consecutive tabs form one tab set; "===!" starts a new set even right
// after another, "===+" selects that tab when the page opens. code-group
// (codegroup.go) makes the same tab sets from VitePress's syntax; the
// renderer here writes both.
type tabs struct{}

func (tabs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(tabParser{}, 90)),
		// After the heading IDs (100), so a heading keeps its ID and a
		// panel takes the next free one.
		parser.WithASTTransformers(util.Prioritized(tabTransformer{}, 150)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tabRenderer{}, 100)))
}

var (
	kindTabSet = ast.NewNodeKind("TabSet")
	kindTab    = ast.NewNodeKind("Tab")
)

// tabSetNode is one set of tabs; its children are tabNodes.
type tabSetNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*tabSetNode) Kind() ast.NodeKind { return kindTabSet }

// Dump implements ast.Node.
func (n *tabSetNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// tabNode is one tab: its label and, as children, the blocks of its panel.
type tabNode struct {
	ast.BaseBlock
	Label    string // as the reader sees it, never "" once in a set
	Selected bool   // shown when the page opens ("===+", else the first of its set)
	NewSet   bool   // "===!": starts a set
	ID       string // the panel's element ID
	TabID    string // the tab button's element ID
	indent   int    // columns before "===": the body is indented 4 more
}

// Kind implements ast.Node.
func (*tabNode) Kind() ast.NodeKind { return kindTab }

// Dump implements ast.Node.
func (n *tabNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.Label, "Selected": strconv.FormatBool(n.Selected)}, nil)
}

// tabLine parses the line that opens a tab: "===", then at most one "!"
// and one "+" in either order, at least one space, and the label in double
// quotes, nothing after but spaces. Anything else ("===", a setext
// underline; === Label, without quotes) is not a tab, as in pymdownx.
func tabLine(line []byte) (label string, newSet, selected, ok bool) {
	line = bytes.TrimRight(line, " \t\r\n")
	if !bytes.HasPrefix(line, []byte("===")) {
		return "", false, false, false
	}
	rest := line[3:]
	for len(rest) > 0 && (rest[0] == '!' && !newSet || rest[0] == '+' && !selected) {
		newSet, selected = newSet || rest[0] == '!', selected || rest[0] == '+'
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] != ' ' && rest[0] != '\t' {
		return "", false, false, false
	}
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) < 2 || rest[0] != '"' || rest[len(rest)-1] != '"' {
		return "", false, false, false
	}
	return collapse(string(unescape(rest[1 : len(rest)-1]))), newSet, selected, true
}

type tabParser struct{}

func (tabParser) Trigger() []byte { return []byte{'='} }

func (tabParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	indent, pos := util.IndentWidth(line, reader.LineOffset())
	if indent > 3 {
		return nil, parser.NoChildren
	}
	label, newSet, selected, ok := tabLine(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	sawTabs(pc)
	return &tabNode{Label: label, NewSet: newSet, Selected: selected, indent: indent}, parser.HasChildren
}

// Continue keeps in the tab blank lines and lines indented four columns
// more than its "===" (the body), as a list item keeps its own; a line
// indented less ends it, unless it continues a paragraph of the body
// (goldmark's lazy continuation, as in a list item).
func (tabParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	return continueIndented(reader, node.(*tabNode).indent)
}

func (tabParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph is true as in pymdownx: a tab right after a line
// of text starts there, and the next tab ends a paragraph of the one before.
func (tabParser) CanInterruptParagraph() bool { return true }

func (tabParser) CanAcceptIndentedLine() bool { return false }

// sawTabs notes in the page's state that it has tabs, so the transformers
// do not walk the pages that have none (most).
func sawTabs(pc parser.Context) {
	if st := stateOf(pc); st != nil {
		st.tabs = true
	}
}

// tabTransformer puts each run of consecutive tabs into a tab set, then
// gives every tab of every set (code groups included) its label, IDs and
// initial selection.
type tabTransformer struct{}

func (tabTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st != nil && !st.tabs {
		return
	}
	var loose []*tabNode // tabs not yet in a set, in document order
	var sets []*tabSetNode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *tabNode:
			if _, ok := n.Parent().(*tabSetNode); !ok {
				loose = append(loose, n)
			}
		case *tabSetNode:
			sets = append(sets, n)
		}
		return ast.WalkContinue, nil
	})
	made := map[*tabSetNode]bool{} // only a set made here takes more tabs, not a code group
	for _, t := range loose {
		prev, ok := t.PreviousSibling().(*tabSetNode)
		if !ok || !made[prev] || t.NewSet {
			prev = &tabSetNode{}
			prev.SetPos(t.Pos())
			t.Parent().InsertBefore(t.Parent(), t, prev)
			sets = append(sets, prev)
			made[prev] = true
		}
		prev.AppendChild(prev, t) // detaches t from its parent
	}
	ids := newIDSet()
	if st != nil {
		ids = st.ids
	}
	// Sets in document order, so IDs are numbered as the reader meets them
	// (code groups were found in the walk, the other sets made after it).
	sort.SliceStable(sets, func(i, j int) bool { return sets[i].Pos() < sets[j].Pos() })
	for _, s := range sets {
		prepareSet(s, ids)
	}
	if st != nil {
		st.tabSets = len(sets)
	}
}

// prepareSet fills in labels left empty (with the tab's number), the IDs
// and the selected tab: the first marked "===+", else the first.
func prepareSet(s *tabSetNode, ids *idSet) {
	chosen, _ := s.FirstChild().(*tabNode)
	for c := s.FirstChild(); c != nil; c = c.NextSibling() {
		if t := c.(*tabNode); t.Selected {
			chosen = t
			break
		}
	}
	i := 0
	for c := s.FirstChild(); c != nil; c = c.NextSibling() {
		t := c.(*tabNode)
		i++
		if t.Label == "" {
			t.Label = strconv.Itoa(i)
		}
		t.ID = ids.unique("tab-" + slug(t.Label))
		t.TabID = ids.unique(t.ID + "-tab")
		t.Selected = t == chosen
	}
}

// tabRenderer writes a tab set as
//
//	<div class="tabs">
//	<div class="tab-list" role="tablist"><button type="button" role="tab" id="tab-ios-tab" aria-controls="tab-ios" aria-selected="true" tabindex="0">iOS</button>…</div>
//	<div class="tab-panel selected" id="tab-ios" role="tabpanel" aria-labelledby="tab-ios-tab">
//	<p class="tab-label">iOS</p>
//	…the tab's blocks…
//	</div>
//	…
//	</div>
//
// Every panel is in the HTML, so search and readers without the script
// have them all: the theme hides the tab list and shows each panel under its
// label until the script runs (html.js), then shows the buttons and only the
// selected panel (templates/assets/site.css, site.js).
type tabRenderer struct{}

func (tabRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTabSet, renderTabSet)
	reg.Register(kindTab, renderTab)
}

func renderTabSet(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="tabs">` + "\n" + `<div class="tab-list" role="tablist">`)
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		t := c.(*tabNode)
		_, _ = w.WriteString(`<button type="button" role="tab" id="`)
		_, _ = w.Write(util.EscapeHTML([]byte(t.TabID)))
		_, _ = w.WriteString(`" aria-controls="`)
		_, _ = w.Write(util.EscapeHTML([]byte(t.ID)))
		if t.Selected {
			_, _ = w.WriteString(`" aria-selected="true" tabindex="0">`)
		} else {
			_, _ = w.WriteString(`" aria-selected="false" tabindex="-1">`)
		}
		_, _ = w.Write(util.EscapeHTML([]byte(t.Label)))
		_, _ = w.WriteString(`</button>`)
	}
	_, _ = w.WriteString("</div>\n")
	return ast.WalkContinue, nil
}

func renderTab(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	t := node.(*tabNode)
	_, _ = w.WriteString(`<div class="tab-panel`)
	if t.Selected {
		_, _ = w.WriteString(` selected`)
	}
	_, _ = w.WriteString(`" id="`)
	_, _ = w.Write(util.EscapeHTML([]byte(t.ID)))
	_, _ = w.WriteString(`" role="tabpanel" aria-labelledby="`)
	_, _ = w.Write(util.EscapeHTML([]byte(t.TabID)))
	_, _ = w.WriteString(`">` + "\n" + `<p class="tab-label">`)
	_, _ = w.Write(util.EscapeHTML([]byte(t.Label)))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
