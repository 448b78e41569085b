package markdown

import (
	"bytes"
	"errors"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"zhinan/generator/texmath"
)

// mathExt renders TeX math as MathML at build time (package texmath):
// $…$ and \(…\) inline, $$…$$ and \[…\] as display math, either as a block
// of their own lines or inside a paragraph. Dollars follow pandoc's rule: the
// opening $ is not followed by a space, the closing $ is not preceded by a
// space nor followed by a digit, so "$5 和 $10" stays text. Code spans and
// code blocks are parsed first and never hold math. A formula the converter
// does not cover stays visible as TeX in <code class="math-error">, with a
// warning at its position.
type mathExt struct{}

var (
	kindMath      = ast.NewNodeKind("Math")
	kindMathBlock = ast.NewNodeKind("MathBlock")
)

// mathNode is a formula inside a paragraph.
type mathNode struct {
	ast.BaseInline
	formula
}

// mathBlock is a display formula on lines of its own.
type mathBlock struct {
	ast.BaseBlock
	formula
	closer string // "$$" or `\]`
	closed bool
}

// formula is what both kinds of math hold once parsed.
type formula struct {
	TeX     string // between the delimiters
	Source  string // with the delimiters, shown when the TeX cannot be converted
	Display bool
	HTML    string // the MathML; "" when the converter failed
}

func (*mathNode) Kind() ast.NodeKind  { return kindMath }
func (*mathBlock) Kind() ast.NodeKind { return kindMathBlock }

// IsRaw keeps goldmark from parsing the block's lines as Markdown.
func (*mathBlock) IsRaw() bool { return true }

func (n *mathNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"TeX": n.TeX}, nil)
}

func (n *mathBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"TeX": n.TeX}, nil)
}

func (mathExt) Extend(m goldmark.Markdown) {
	// Before the escape handling of '\' (which is not a parser) and before
	// the code span parser (100) sees nothing of ours: it triggers on '`'.
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(mathInlineParser{}, 150)),
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, 750)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathRenderer{}, 100)))
}

// convert fills f.HTML, or reports why it cannot at the source position
// that at gives for a byte offset in the TeX.
func (f *formula) convert(st *state, at func(int) int) {
	html, err := texmath.Convert(f.TeX, f.Display)
	if err == nil {
		f.HTML = html
		return
	}
	var e *texmath.Error
	if st == nil || !errors.As(err, &e) {
		return
	}
	line, col := st.lines.pos(at(e.Offset))
	st.diags.Warn(st.file, line, col, "math not rendered: %s", e.Msg)
}

type mathInlineParser struct{}

func (mathInlineParser) Trigger() []byte { return []byte{'$', '\\'} }

func (mathInlineParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	open, closer, display := opener(line, false)
	if open == "" {
		return nil
	}
	start := seg.Start
	block.Advance(len(open))
	segs, ok := scanMath(block, closer, open == "$")
	if !ok {
		return nil
	}
	n := &mathNode{}
	n.Display = display
	var tex strings.Builder
	for _, s := range segs {
		tex.Write(s.Value(block.Source()))
	}
	n.TeX = tex.String()
	_, end := block.Position()
	n.Source = string(block.Source()[start:end.Start])
	n.convert(stateOf(pc), func(off int) int { return texOffset(segs, off) })
	return n
}

// opener says which delimiter line starts with: "$", "$$", `\(` or `\[`,
// the closing one, and whether it is display math. Inline (block false)
// leaves out \[: in a paragraph that is CommonMark's escaped bracket far
// more often than math (\[1\] in a link).
func opener(line []byte, block bool) (open, closer string, display bool) {
	switch {
	case bytes.HasPrefix(line, []byte("$$")):
		return "$$", "$$", true
	case bytes.HasPrefix(line, []byte("$")):
		// pandoc: no space just inside the opening dollar
		if len(line) < 2 || util.IsSpace(line[1]) {
			return "", "", false
		}
		return "$", "$", false
	case bytes.HasPrefix(line, []byte(`\(`)):
		return `\(`, `\)`, false
	case block && bytes.HasPrefix(line, []byte(`\[`)):
		return `\[`, `\]`, true
	}
	return "", "", false
}

// scanMath advances block past the closing delimiter and returns the
// segments of the TeX before it, which may run over several lines of the
// paragraph. A backslash hides the character after it (\$ is a dollar in
// TeX). For a single $ the closer follows pandoc's rule, and a $ that
// cannot close makes the whole not math.
func scanMath(block text.Reader, closer string, pandoc bool) ([]text.Segment, bool) {
	src := block.Source()
	var segs []text.Segment
	for {
		line, seg := block.PeekLine()
		if line == nil {
			return nil, false
		}
		for i := 0; i < len(line); i++ {
			if !bytes.HasPrefix(line[i:], []byte(closer)) {
				if line[i] == '\\' {
					i++
				}
				continue
			}
			if pandoc && !pandocCloser(src, seg.Start+i) {
				// No formula holds a bare $: this one is money
				// ("$5 和 $10 … US$"), and so is the first.
				return nil, false
			}
			if i > 0 || len(segs) > 0 {
				segs = append(segs, text.NewSegment(seg.Start, seg.Start+i))
				block.Advance(i + len(closer))
				return segs, !empty(segs, src)
			}
			return nil, false // $$ with nothing inside, \(\)
		}
		segs = append(segs, seg)
		block.AdvanceLine()
	}
}

// pandocCloser says whether the $ at src[i] may close inline math: not
// after a space, not before a digit.
func pandocCloser(src []byte, i int) bool {
	if util.IsSpace(src[i-1]) {
		return false
	}
	return i+1 >= len(src) || src[i+1] < '0' || src[i+1] > '9'
}

// empty says whether TeX holds nothing but space and line breaks (\\), as
// in CommonMark's own escapes \[\\\]: that is no formula.
func empty(segs []text.Segment, src []byte) bool {
	for _, s := range segs {
		v := bytes.ReplaceAll(s.Value(src), []byte(`\\`), nil)
		if !util.IsBlank(v) {
			return false
		}
	}
	return true
}

// texOffset maps a byte offset in the TeX joined from segs to the source.
func texOffset(segs []text.Segment, off int) int {
	for _, s := range segs {
		if off < s.Len() {
			return s.Start + off
		}
		off -= s.Len()
	}
	if len(segs) == 0 {
		return -1
	}
	return segs[len(segs)-1].Stop
}

type mathBlockParser struct{}

func (mathBlockParser) Trigger() []byte { return []byte{'$', '\\'} }

// Open starts display math at a line that begins with $$ or \[ and either
// ends with the closing delimiter or is followed, before any blank line, by
// a line that ends with it; otherwise the line is left to the paragraph
// (and its inline math).
func (mathBlockParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	open, closer, display := opener(line[pos:], true)
	if !display {
		return nil, parser.NoChildren
	}
	rest := bytes.TrimRight(line[pos+len(open):], " \t\r\n")
	n := &mathBlock{closer: closer}
	n.Display = true
	start := seg.Start - seg.Padding + pos
	n.SetPos(start)
	if i := bytes.Index(rest, []byte(closer)); i >= 0 {
		if i+len(closer) != len(rest) {
			return nil, parser.NoChildren // $$a$$ and more: inline math in a paragraph
		}
		rest = rest[:i]
		if util.IsBlank(rest) {
			return nil, parser.NoChildren // $$ $$ holds no formula
		}
		n.closed = true
	} else if !closedBelow(reader.Source()[seg.Stop:], closer) {
		return nil, parser.NoChildren
	}
	if len(rest) > 0 {
		n.Lines().Append(text.NewSegment(start+len(open), start+len(open)+len(rest)))
	}
	reader.AdvanceToEOL()
	if n.closed {
		return n, parser.Close
	}
	return n, parser.NoChildren
}

// closedBelow says whether a line ending with closer comes before a blank line.
func closedBelow(src []byte, closer string) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		t := bytes.TrimRight(line, " \t\r")
		if util.IsBlank(t) {
			return false
		}
		if bytes.HasSuffix(t, []byte(closer)) {
			return true
		}
	}
	return false
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	n := node.(*mathBlock)
	line, seg := reader.PeekLine()
	if line == nil || util.IsBlank(line) {
		return parser.Close
	}
	start := seg.Start - seg.Padding
	t := bytes.TrimRight(line, " \t\r\n")
	if bytes.HasSuffix(t, []byte(n.closer)) {
		n.Lines().Append(text.NewSegment(start, start+len(t)-len(n.closer)))
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(text.NewSegment(start, seg.Stop))
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	n := node.(*mathBlock)
	src := reader.Source()
	var segs []text.Segment
	var tex strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		segs = append(segs, s)
		tex.Write(s.Value(src))
	}
	n.TeX = strings.TrimRight(tex.String(), " \t\r\n")
	open := "$$"
	if n.closer != "$$" {
		open = `\[`
	}
	n.Source = open + n.TeX
	if n.closed {
		n.Source += n.closer
	}
	st := stateOf(pc)
	if !n.closed {
		if st != nil {
			line, col := st.lines.pos(n.Pos())
			st.diags.Warn(st.file, line, col, `math not rendered: no closing "%s"`, n.closer)
		}
		return
	}
	n.convert(st, func(off int) int { return texOffset(segs, off) })
}

func (mathBlockParser) CanInterruptParagraph() bool { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMath, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			node.(*mathNode).render(w, "span")
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindMathBlock, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			node.(*mathBlock).render(w, "div")
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

// render writes the MathML, a display formula in a box that scrolls
// sideways when it is wider than the column (and can take the focus, so a
// reader without a mouse can scroll it), or the TeX as code. The box is a
// div for a block, a span inside a paragraph (which cannot hold a div).
func (f *formula) render(w util.BufWriter, box string) {
	if f.Display {
		_, _ = w.WriteString(`<` + box + ` class="math-display" tabindex="0">`)
	}
	if f.HTML != "" {
		_, _ = w.WriteString(f.HTML)
	} else {
		_, _ = w.WriteString(`<code class="math-error">`)
		_, _ = w.Write(util.EscapeHTML([]byte(f.Source)))
		_, _ = w.WriteString(`</code>`)
	}
	if f.Display {
		_, _ = w.WriteString(`</` + box + `>`)
	}
}
