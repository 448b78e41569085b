package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// containers parses the ::: containers of VitePress, VuePress and
// Docusaurus into callouts (callout.go):
//
//	::: tip 标题          :::tip          :::tip[标题]          ::: details 标题
//	正文                  正文            正文                  正文
//	:::                   :::             :::                   :::
//
// The fence is three or more colons; the kind is the first word (any word),
// and what follows it is the title, or Docusaurus's [title] written right
// after the kind. "details" is folded. The container ends at a line of at
// least as many colons and nothing else, or with the block that holds it,
// as markdown-it-container does: the first such line closes the outermost
// open container it is long enough for, so nested containers need longer
// fences outside (::::) than inside (:::).
//
// "::: code-group" is not a callout: the tabs extension reads it.
type containers struct{}

func (containers) Extend(m goldmark.Markdown) {
	// Before the definition list (101), whose ": " also starts with a colon.
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(containerParser{}, 90)))
}

type containerParser struct{}

func (containerParser) Trigger() []byte { return []byte{':'} }

func (containerParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	h, ok := parseContainerLine(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	c := openingCallout(reader, line, seg, pos, h.kind, h.title)
	c.Folded = c.Name == "details"
	c.Open = h.open
	c.fence = h.fence
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

func (containerParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w < 4 && isContainerEnd(line[pos:], node.(*calloutNode).fence) {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (containerParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph: a container may start right under a line of text,
// as markdown-it-container allows.
func (containerParser) CanInterruptParagraph() bool { return true }

func (containerParser) CanAcceptIndentedLine() bool { return false }

// containerLine is an opening fence: byte ranges within the line.
type containerLine struct {
	fence       int
	kind, title [2]int
	open        bool // {open} after the title
}

// parseContainerLine reads an opening fence, the line with its indentation
// removed: ":::", the kind, then a title or [title]. A line of colons alone
// closes rather than opens, and code-group belongs to the tabs.
func parseContainerLine(line []byte) (h containerLine, ok bool) {
	h.fence = colons(line)
	if h.fence < 3 {
		return h, false
	}
	i := skipBlanks(line, h.fence)
	h.kind[0] = i
	i = wordEnd(line, i)
	h.kind[1] = i
	kind := line[h.kind[0]:h.kind[1]]
	if len(kind) == 0 || string(kind) == "code-group" {
		return h, false
	}
	rest := bytes.TrimRight(line[i:], " \t\r\n")
	switch {
	case len(rest) == 0:
		h.title = [2]int{i, i}
	case rest[0] == '[': // Docusaurus: :::tip[标题]
		end := bytes.LastIndexByte(rest, ']')
		if end < 0 {
			return h, false
		}
		h.title = [2]int{i + 1, i + end}
	case rest[0] == ' ' || rest[0] == '\t':
		if t, found := bytes.CutSuffix(rest, []byte("{open}")); found { // VitePress: ::: details 标题 {open}
			rest, h.open = t, true
		}
		h.title = [2]int{i, i + len(rest)}
	case rest[0] == '{': // attributes of a Docusaurus directive: the default title
		h.title = [2]int{i, i}
	default:
		return h, false
	}
	return h, true
}

// isContainerEnd reports whether line (indentation removed) closes a
// container whose fence has n colons: at least n colons, then only spaces.
func isContainerEnd(line []byte, n int) bool {
	i := colons(line)
	return i >= 3 && i >= n && len(bytes.TrimRight(line[i:], " \t\r\n")) == 0
}

// colons counts the ':' that line starts with: the fence of a container
// or a code group (codegroup.go).
func colons(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ':' {
		n++
	}
	return n
}

// skipBlanks returns the index of the first byte at or after i in line
// that is not a space or a tab.
func skipBlanks(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

// wordEnd returns the end of the run of word runes (isWordRune) that
// starts at i in line: the type of an admonition or a container.
func wordEnd(line []byte, i int) int {
	for i < len(line) {
		r, n := utf8.DecodeRune(line[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// isWordRune reports whether r may be part of a type name: a letter, a
// digit, '_' or '-' (Python's \w plus '-', which admonitions use too).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' || r == '-'
}
