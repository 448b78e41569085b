package texmath

import (
	"strings"
	"unicode/utf8"
)

// textCommands read their argument as text, in the given CSS font style.
var textCommands = map[string]string{
	`\text`: "", `\textrm`: "", `\textnormal`: "", `\textup`: "", `\mbox`: "", `\hbox`: "",
	`\textbf`: "font-weight:bold", `\textit`: "font-style:italic", `\emph`: "font-style:italic",
	`\textsf`: "font-family:sans-serif", `\texttt`: "font-family:monospace",
}

func textArg(style string) cmdFunc {
	return func(p *parser, _ string, _ int) *node { return row(p.textGroup(style)) }
}

// textEscapes are the characters a backslash writes in text.
var textEscapes = map[string]string{
	`\{`: "{", `\}`: "}", `\$`: "$", `\%`: "%", `\&`: "&", `\_`: "_", `\#`: "#",
	`\ `: "\u00a0", `\\`: "\u00a0", `\textbackslash`: `\`, `\ldots`: "…", `\dots`: "…",
	`\textasciitilde`: "~", `\LaTeX`: "LaTeX", `\TeX`: "TeX",
}

// textGroup reads the group at pos as text: words in <mtext> (spaces made
// non-breaking, so MathML does not trim them), $…$ inside as math again.
func (p *parser) textGroup(style string) []*node {
	p.enter()
	defer p.leave()
	p.skipSpace()
	if p.eof() || p.src[p.pos] == '}' {
		p.failf(p.pos, "", "missing argument")
	}
	if p.src[p.pos] != '{' {
		_, n := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += n
		return []*node{styled(p.src[p.pos-n:p.pos], style)}
	}
	start := p.pos
	p.pos++
	var out []*node
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, styled(buf.String(), style))
			buf.Reset()
		}
	}
	for !p.eof() {
		switch c := p.src[p.pos]; c {
		case '}':
			p.pos++
			flush()
			return out
		case '{':
			flush()
			out = append(out, p.textGroup(style)...)
		case '$':
			flush()
			out = append(out, p.inlineMath())
		case ' ', '\t', '\n', '\r', '~':
			p.pos++
			buf.WriteString("\u00a0")
		case '\\':
			flush()
			out = append(out, p.textCommand()...)
		default:
			_, n := utf8.DecodeRuneInString(p.src[p.pos:])
			buf.WriteString(p.src[p.pos : p.pos+n])
			p.pos += n
		}
	}
	p.failf(start, "", `missing "}"`)
	return nil
}

func styled(s, style string) *node {
	n := leaf("mtext", s)
	if style != "" {
		n.with("style", style)
	}
	return n
}

// textCommand reads a command inside text.
func (p *parser) textCommand() []*node {
	start := p.pos
	name := p.peekCommand()
	p.pos += len(name)
	if s, ok := textEscapes[name]; ok {
		return []*node{leaf("mtext", s)}
	}
	if w, ok := spaces[name]; ok {
		return []*node{space(w)}
	}
	if style, ok := textCommands[name]; ok {
		return p.textGroup(style)
	}
	switch name {
	case `\textcolor`:
		p.rawArg()
		return p.textGroup("")
	case `\color`:
		p.rawArg()
		return nil
	}
	p.failf(start, name, `unsupported command "%s" in text`, name)
	return nil
}

// inlineMath reads $…$ inside text.
func (p *parser) inlineMath() *node {
	start := p.pos
	p.pos++
	p.inText++
	kids := p.list()
	p.inText--
	if p.eof() || p.src[p.pos] != '$' {
		p.failf(start, "", `missing closing "$"`)
	}
	p.pos++
	return row(kids)
}

// switches change the style of what follows them in their group.
var switches map[string]func(p *parser, start int) []*node

func init() {
	switches = map[string]func(p *parser, start int) []*node{
		`\displaystyle`: style(true, "0"), `\textstyle`: style(false, "0"),
		`\scriptstyle`: style(false, "1"), `\scriptscriptstyle`: style(false, "2"),
		`\rm`: fontSwitch(fontRoman), `\bf`: fontSwitch(fontBold), `\it`: fontSwitch(fontItalic),
		`\cal`: fontSwitch(fontScript), `\sf`: fontSwitch(fontSans), `\tt`: fontSwitch(fontMono),
		`\color`: func(p *parser, _ int) []*node {
			p.rawArg()
			return p.list()
		},
	}
	for _, size := range []string{`\tiny`, `\small`, `\normalsize`, `\large`, `\Large`, `\LARGE`, `\huge`, `\Huge`} {
		switches[size] = func(p *parser, _ int) []*node { return p.list() }
	}
}

func style(display bool, level string) func(p *parser, start int) []*node {
	return func(p *parser, _ int) []*node {
		saved := p.display
		p.display = display
		kids := p.list()
		p.display = saved
		return []*node{elem("mrow", kids...).with("displaystyle", pick(display, "true", "false"), "scriptlevel", level)}
	}
}

func fontSwitch(f font) func(p *parser, start int) []*node {
	return func(p *parser, _ int) []*node {
		saved := p.font
		p.font = f
		defer func() { p.font = saved }()
		return p.list()
	}
}
