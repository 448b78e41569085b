package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// admonitions parses the admonitions of Python-Markdown and MkDocs Material
// (and pymdownx.details) into callouts (callout.go):
//
//	!!! note "标题"          ??? tip            ???+ warning ""
//	    正文，缩进四格           折叠的正文          展开的折叠，没有标题
//
// The first word after !!! (??? folded, ???+ folded and open) is the type;
// further words are classes of Material's ("inline end") and are dropped.
// A title in double quotes replaces the default one; "" means no title bar.
// The body is every following line indented by four columns (or a tab)
// more than the !!! line, blank lines included; it ends at the first line
// that is not.
type admonitions struct{}

func (admonitions) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(admonitionParser{}, 90)))
}

type admonitionParser struct{}

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (admonitionParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	h, ok := parseAdmonitionLine(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	c := openingCallout(reader, line, seg, pos, h.kind, h.title)
	c.Folded = line[pos] == '?'
	c.Open = h.open
	c.indent = pc.BlockIndent()
	c.Untitled = h.titled && h.title[0] == h.title[1]
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

// Continue takes blank lines and lines indented four columns past the
// admonition's own (continueIndented).
func (admonitionParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	return continueIndented(reader, node.(*calloutNode).indent)
}

// continueIndented continues a block whose body is indented four columns
// more than its opening line, at indent columns (an admonition, a tab):
// it keeps blank lines and lines indented that far, giving the children
// what follows the indentation, and closes the block at the first line
// indented less.
func continueIndented(reader text.Reader, indent int) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	body := indent + 4
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w < body {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), body)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (admonitionParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph: Python-Markdown finds !!! at the start of any line
// of a block, so an admonition may follow a line of text directly.
func (admonitionParser) CanInterruptParagraph() bool { return true }

func (admonitionParser) CanAcceptIndentedLine() bool { return false }

// admonitionLine is an admonition's first line: byte ranges within it.
type admonitionLine struct {
	kind, title [2]int
	titled      bool // a quoted title, maybe empty
	open        bool // ???+
}

// parseAdmonitionLine reads "!!! type classes "title"" (or ???, ???+), the
// line with its indentation removed, as Python-Markdown's pattern does:
// word characters and '-' for the type and classes, an optional title in
// double quotes, and nothing else.
func parseAdmonitionLine(line []byte) (h admonitionLine, ok bool) {
	line = bytes.TrimRight(line, " \t\r\n")
	if len(line) < 3 || line[0] != line[1] || line[1] != line[2] {
		return h, false
	}
	i := 3
	if line[0] == '?' && i < len(line) && line[i] == '+' {
		h.open = true
		i++
	}
	for word := 0; ; word++ {
		start := i
		i = skipBlanks(line, i)
		if word > 0 && (i == start || i == len(line)) {
			break
		}
		ws := i
		i = wordEnd(line, i)
		if i == ws {
			if word == 0 {
				return h, false // a type is required
			}
			break
		}
		if word == 0 {
			h.kind = [2]int{ws, i}
		}
	}
	switch rest := line[i:]; {
	case len(rest) == 0:
	case len(rest) >= 2 && rest[0] == '"' && rest[len(rest)-1] == '"':
		h.titled, h.title = true, [2]int{i + 1, len(line) - 1}
	default:
		return h, false
	}
	return h, true
}
