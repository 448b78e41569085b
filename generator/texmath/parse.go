package texmath

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a formula the converter cannot turn into MathML: a command or
// environment it does not cover, or TeX that is not well formed.
type Error struct {
	Offset int    // byte offset in the TeX where the problem is
	Cmd    string // the command (`\foo`) or environment (`foo`) at fault, "" if none
	Msg    string // lower case, subject quoted: `unsupported command "\foo"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s at byte %d", e.Msg, e.Offset) }

// Convert returns tex as a MathML <math> element: block display when
// display is set, inline otherwise. The TeX is kept in an annotation.
func Convert(tex string, display bool) (string, error) {
	var b strings.Builder
	b.Grow(len(tex) * 6)
	if err := Append(&b, tex, display); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Append writes Convert's result to b; on error b is left as it was.
func Append(b *strings.Builder, tex string, display bool) (err error) {
	p := &parser{src: tex, display: display}
	root, err := p.top()
	if err != nil {
		return err
	}
	if display {
		b.WriteString(`<math display="block">`)
	} else {
		b.WriteString(`<math>`)
	}
	b.WriteString(`<semantics>`)
	root.write(b)
	b.WriteString(`<annotation encoding="application/x-tex">`)
	escape(b, tex)
	b.WriteString(`</annotation></semantics></math>`)
	return nil
}

// maxDepth bounds nesting, so that a hostile formula cannot exhaust the stack.
const maxDepth = 100

// parser reads TeX math. Errors are raised as panics of *Error inside the
// parser and returned by top; nothing else is recovered.
type parser struct {
	src     string
	pos     int
	depth   int
	display bool // display style: large operators take their limits under and over
	font    font // the font of letters and digits (\mathbb, \rm, …)
	inText  int  // how many \text{…$…$…} enclose the current position
}

func (p *parser) top() (root *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			root, err = nil, e
		}
	}()
	rows := p.rows()
	if p.pos < len(p.src) {
		p.failf(p.pos, p.peekCommand(), `unexpected "%s"`, p.found())
	}
	if len(rows) == 1 && len(rows[0]) == 1 {
		return row(rows[0][0]), nil
	}
	// Rows outside any environment: lay them out as gathered does, or as
	// aligned when they have columns.
	class := ""
	for _, r := range rows {
		if len(r) > 1 {
			class = "tex-align"
		}
	}
	return table(rows, class, true), nil
}

func (p *parser) failf(off int, cmd, format string, args ...any) {
	panic(&Error{Offset: off, Cmd: cmd, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) eof() bool { return p.pos >= len(p.src) }

// skipSpace skips white space and % comments.
func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		case '%':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// peekCommand returns the command at pos ("\frac", "\{") without reading it,
// "" if there is none.
func (p *parser) peekCommand() string {
	if p.pos >= len(p.src) || p.src[p.pos] != '\\' {
		return ""
	}
	i := p.pos + 1
	if i >= len(p.src) {
		return `\`
	}
	if !isLetter(p.src[i]) {
		_, n := utf8.DecodeRuneInString(p.src[i:])
		return p.src[p.pos : i+n]
	}
	for i < len(p.src) && isLetter(p.src[i]) {
		i++
	}
	return p.src[p.pos:i]
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// enter guards the recursion depth; every recursive rule calls it, and
// leave when it returns.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.failf(p.pos, "", "formula nested too deeply")
	}
}

func (p *parser) leave() { p.depth-- }

// stops says whether the command or character at pos ends a list.
func (p *parser) stops() bool {
	switch c := p.src[p.pos]; c {
	case '}', '&':
		return true
	case '$':
		return p.inText > 0
	case '\\':
		switch p.peekCommand() {
		case `\\`, `\newline`, `\right`, `\end`, `\middle`, `\cr`:
			return true
		}
	}
	return false
}

// list parses atoms with their scripts up to the end of the group, cell or
// formula, then spaces function names from what follows them.
func (p *parser) list() []*node {
	p.enter()
	defer p.leave()
	var out []*node
	for {
		p.skipSpace()
		if p.eof() || p.stops() {
			break
		}
		switch cmd := p.peekCommand(); cmd {
		case `\over`, `\choose`, `\atop`, `\above`, `\brack`, `\brace`:
			return p.infixFrac(cmd, out)
		}
		if sw, ok := switches[p.peekCommand()]; ok {
			start := p.pos
			p.pos += len(p.peekCommand())
			out = append(out, sw(p, start)...)
			break
		}
		a := p.atom()
		if a == nil {
			continue
		}
		out = append(out, p.scripts(a))
	}
	return spaceFunctions(out)
}

// infixFrac handles {a \over b}: what came before is the numerator, the rest
// of the group the denominator.
func (p *parser) infixFrac(cmd string, num []*node) []*node {
	p.pos += len(cmd)
	if cmd == `\above` {
		p.dimension()
	}
	den := p.list()
	f := elem("mfrac", row(spaceFunctions(num)), row(den))
	if cmd == `\over` || cmd == `\above` {
		return []*node{f}
	}
	f.with("linethickness", "0")
	switch cmd {
	case `\choose`:
		return []*node{fenced("(", ")", f)}
	case `\brack`:
		return []*node{fenced("[", "]", f)}
	case `\brace`:
		return []*node{fenced("{", "}", f)}
	}
	return []*node{f}
}

// spaceFunctions puts a thin space between a function name and an ordinary
// atom after it (\sin x), but not before a fence or an operator (\sin(x)).
func spaceFunctions(l []*node) []*node {
	var out []*node // made only when a space is due
	for i, n := range l {
		if out != nil {
			out = append(out, n)
		}
		if !n.fn || i+1 == len(l) {
			continue
		}
		next := l[i+1]
		if next.tag == "mo" || next.tag == "mspace" || next.open || next.tag == "mrow" && len(next.kids) > 0 && next.kids[0].open {
			continue
		}
		if out == nil {
			out = append(make([]*node, 0, len(l)+4), l[:i+1]...)
		}
		out = append(out, space("0.1667em"))
	}
	if out == nil {
		return l
	}
	return out
}

// group parses {…}, the brace at pos.
func (p *parser) group() *node {
	return row(p.groupList())
}

func (p *parser) groupList() []*node {
	start := p.pos
	p.pos++ // {
	kids := p.list()
	if p.eof() || p.src[p.pos] != '}' {
		if !p.eof() && p.src[p.pos] != '}' {
			p.failf(p.pos, "", `unexpected "%s" in a group`, p.found())
		}
		p.failf(start, "", `missing "}"`)
	}
	p.pos++
	return kids
}

// found names what is at pos, for an error message.
func (p *parser) found() string {
	if c := p.peekCommand(); c != "" {
		return c
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return string(r)
}

// atom parses one atom without its scripts; nil when what was read makes
// nothing (\label{x}, \hline).
func (p *parser) atom() *node {
	p.enter()
	defer p.leave()
	c := p.src[p.pos]
	switch {
	case c == '{':
		return p.group()
	case c == '^' || c == '_' || c == '\'':
		return elem("mrow") // a script with no base: {}^{14}C
	case c == '\\':
		return p.command()
	case isDigit(c) || c == '.' && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]):
		return p.number()
	case isLetter(c):
		return p.letters()
	case c == '~':
		p.pos++
		return leaf("mtext", "\u00a0")
	case c == '$' || c == '#':
		p.failf(p.pos, "", `unexpected "%s"`, string(c))
	case c < utf8.RuneSelf:
		p.pos++
		return punct(c)
	}
	return p.nonASCII()
}

// punct makes the operator of an ASCII character.
func punct(c byte) *node {
	switch c {
	case '-':
		return leaf("mo", "−")
	case '*':
		return leaf("mo", "∗")
	case '(', '[':
		n := leaf("mo", string(c), "stretchy", "false")
		n.open = true
		return n
	case ')', ']', '|':
		return leaf("mo", string(c), "stretchy", "false")
	}
	return leaf("mo", string(c))
}

// number reads digits with at most one decimal point between them.
func (p *parser) number() *node {
	start := p.pos
	dot := false
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '.' && !dot && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]) {
			dot = true
		} else if !isDigit(c) {
			break
		}
		p.pos++
	}
	return leaf("mn", p.font.apply(p.src[start:p.pos]))
}

// letters reads one letter as an identifier, or in an upright font (\mathrm,
// \operatorname) a run of them as one word.
func (p *parser) letters() *node {
	start := p.pos
	p.pos++
	if p.font.word() {
		for p.pos < len(p.src) && isLetter(p.src[p.pos]) {
			p.pos++
		}
	}
	s := p.src[start:p.pos]
	if p.font == fontRoman && len(s) == 1 {
		return leaf("mi", s, "mathvariant", "normal")
	}
	return leaf("mi", p.font.apply(s))
}

// nonASCII reads a character typed as itself: a run of Han characters is
// text, a letter an identifier, a digit a number, anything else an operator.
func (p *parser) nonASCII() *node {
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	start := p.pos
	p.pos += n
	switch {
	case r == utf8.RuneError && n == 1:
		p.failf(start, "", "invalid UTF-8")
	case isWideText(r):
		for p.pos < len(p.src) {
			r, n := utf8.DecodeRuneInString(p.src[p.pos:])
			if !isWideText(r) {
				break
			}
			p.pos += n
		}
		return leaf("mtext", p.src[start:p.pos])
	case unicode.IsLetter(r):
		return leaf("mi", string(r))
	case unicode.IsDigit(r):
		return leaf("mn", string(r))
	}
	return leaf("mo", string(r))
}

func isWideText(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
