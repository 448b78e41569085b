package texmath

import "strings"

// command reads the command at pos: a symbol, or one of commands.
func (p *parser) command() *node {
	start := p.pos
	name := p.peekCommand()
	p.pos += len(name)
	if s, ok := symbols[name]; ok {
		return s.node(p.font)
	}
	if w, ok := spaces[name]; ok {
		return space(w)
	}
	if f, ok := commands[name]; ok {
		return f(p, name, start)
	}
	if name == `\` {
		p.failf(start, name, `"\" at the end of the formula`)
	}
	if _, ok := switches[name]; ok {
		// A switch as the argument of a script: x^\displaystyle. TeX accepts
		// it but it is surely a slip.
		p.failf(start, name, `"%s" cannot be an argument`, name)
	}
	p.failf(start, name, `unsupported command "%s"`, name)
	return nil
}

// cmdFunc reads the arguments of a command whose name has been read.
type cmdFunc func(p *parser, name string, start int) *node

var commands map[string]cmdFunc

func init() {
	commands = map[string]cmdFunc{
		`\frac`: frac(""), `\dfrac`: frac("true"), `\tfrac`: frac("false"), `\cfrac`: frac("true"),
		`\binom`: binom(""), `\dbinom`: binom("true"), `\tbinom`: binom("false"),
		`\sqrt`: sqrt, `\left`: left, `\begin`: begin, `\not`: not, `\boxed`: boxed, `\textcircled`: circled,
		`\overset`: overset("mover"), `\stackrel`: overset("mover"), `\underset`: overset("munder"),
		`\pmod`: pmod, `\bmod`: bmod, `\mod`: mod, `\pod`: pmod,
		`\textcolor`: textcolor, `\colorbox`: colorbox, `\fbox`: colorbox,
		`\phantom`: phantom, `\hphantom`: phantom, `\vphantom`: phantom,
		`\label`: ignoreArg, `\nonumber`: nothing, `\notag`: nothing, `\tag`: tag,
		`\hline`: nothing, `\hdashline`: nothing, `\limits`: nothing, `\nolimits`: nothing,
		`\mathstrut`: nothing, `\strut`: nothing, `\relax`: nothing, `\allowbreak`: nothing,
		`\hspace`: hspace, `\kern`: kern, `\mkern`: kern, `\hskip`: kern, `\mskip`: kern,
		`\substack`: substack, `\operatorname`: operatorname, `\mathop`: mathop,
		`\mathbin`: mathclass, `\mathrel`: mathclass, `\mathord`: mathclass, `\mathopen`: mathclass,
		`\mathclose`: mathclass, `\mathpunct`: mathclass, `\mathinner`: mathclass,
	}
	for name, f := range fontCommands {
		commands[name] = fontArg(f)
	}
	for name, style := range textCommands {
		commands[name] = textArg(style)
	}
	for name, a := range accents {
		commands[name] = accent(a)
	}
	for name, a := range arrowsWithText {
		commands[name] = xarrow(a)
	}
	for name, size := range bigs {
		commands[name] = big(size)
	}
}

func nothing(*parser, string, int) *node { return nil }

func ignoreArg(p *parser, _ string, _ int) *node {
	p.rawArg()
	return nil
}

// frac makes \frac and its display (\dfrac) and text (\tfrac) forms.
func frac(displaystyle string) cmdFunc {
	return func(p *parser, _ string, _ int) *node {
		display := p.display
		p.display = false
		num, den := p.arg(), p.arg()
		p.display = display
		f := elem("mfrac", num, den)
		if displaystyle != "" {
			f.with("displaystyle", displaystyle)
		}
		return f
	}
}

func binom(displaystyle string) cmdFunc {
	return func(p *parser, name string, start int) *node {
		f := frac(displaystyle)(p, name, start)
		return fenced("(", ")", f.with("linethickness", "0"))
	}
}

// fenced puts n between two stretchy fences.
func fenced(open, close string, kids ...*node) *node {
	o := leaf("mo", open)
	o.open = true
	return elem("mrow", append(append([]*node{o}, kids...), leaf("mo", close))...)
}

func sqrt(p *parser, _ string, _ int) *node {
	index := p.optArg()
	body := p.arg()
	if index == nil {
		return elem("msqrt", body)
	}
	return elem("mroot", body, index)
}

// accentMark is what an accent command puts over or under its argument.
type accentMark struct {
	mark    string
	under   bool
	stretch bool // spans its argument (\overline, \widehat)
	limits  bool // scripts go over or under it (\overbrace{x}^{n})
}

func accent(a accentMark) cmdFunc {
	return func(p *parser, _ string, _ int) *node {
		body := p.arg()
		mo := leaf("mo", a.mark)
		if a.stretch {
			mo.with("stretchy", "true")
		} else {
			mo.with("stretchy", "false")
		}
		var n *node
		if a.under {
			n = elem("munder", body, mo).with("accentunder", "true")
		} else {
			n = elem("mover", body, mo).with("accent", "true")
		}
		if a.limits {
			n.limits = 1
		}
		return n
	}
}

func overset(tag string) cmdFunc {
	return func(p *parser, _ string, _ int) *node {
		display := p.display
		p.display = false
		script := p.arg()
		p.display = display
		return elem(tag, p.arg(), script)
	}
}

// xarrow makes \xrightarrow[below]{above}.
func xarrow(arrow string) cmdFunc {
	return func(p *parser, _ string, _ int) *node {
		display := p.display
		p.display = false
		defer func() { p.display = display }()
		below := p.optArg()
		above := p.arg()
		mo := leaf("mo", arrow, "stretchy", "true", "minsize", "2em")
		if below == nil {
			return elem("mover", mo, above)
		}
		return elem("munderover", mo, below, above)
	}
}

func fontArg(f font) cmdFunc {
	return func(p *parser, _ string, _ int) *node {
		saved := p.font
		p.font = f
		defer func() { p.font = saved }()
		return p.arg()
	}
}

// operatorname makes a function name; \operatorname* takes limits as \lim does.
func operatorname(p *parser, _ string, _ int) *node {
	star := p.star()
	n := fontArg(fontRoman)(p, "", 0)
	if n.tag == "mrow" && len(n.kids) > 0 {
		n = word(n)
	}
	n.fn = true
	if star {
		n.limits = 2
	}
	return n
}

// word joins the identifiers of \operatorname{arg\,max} into one where it can.
func word(n *node) *node {
	var b strings.Builder
	for _, k := range n.kids {
		if k.tag != "mi" && k.tag != "mn" && !(k.tag == "mo" && (k.text == "−" || k.text == "*")) {
			return n
		}
		b.WriteString(k.text)
	}
	return leaf("mi", strings.ReplaceAll(b.String(), "−", "-"))
}

// star reads the * of a starred command (\operatorname*, \tag*).
func (p *parser) star() bool {
	if p.pos < len(p.src) && p.src[p.pos] == '*' {
		p.pos++
		return true
	}
	return false
}

func mathop(p *parser, _ string, _ int) *node {
	n := p.arg()
	n.limits = 2
	return n
}

func mathclass(p *parser, _ string, _ int) *node { return p.arg() }

func not(p *parser, name string, start int) *node {
	p.skipSpace()
	if p.eof() {
		p.failf(start, name, `nothing after "\not"`)
	}
	a := p.atom()
	if a == nil || a.tag != "mo" && a.tag != "mi" {
		p.failf(start, name, `"\not" before something that is not a symbol`)
	}
	if neg, ok := negations[a.text]; ok {
		a.text = neg
	} else {
		a.text += "\u0338"
	}
	return a
}

func boxed(p *parser, _ string, _ int) *node {
	return elem("mrow", p.arg()).with("style", "border:1px solid;padding:0.2em")
}

// circled draws \textcircled{1} as its text in a round border: MathML
// Core has no <menclose>, and U+20DD (combining enclosing circle) is drawn
// by few fonts.
func circled(p *parser, _ string, _ int) *node {
	return elem("mrow", row(p.textGroup(""))).with("style", "border:1px solid;border-radius:50%;padding:0 0.25em")
}

func colorbox(p *parser, name string, _ int) *node {
	if name == `\colorbox` {
		p.rawArg()
	}
	n := row(p.textGroup(""))
	if name == `\fbox` {
		n = elem("mrow", n).with("style", "border:1px solid;padding:0.2em")
	}
	return n
}

func textcolor(p *parser, _ string, _ int) *node {
	p.rawArg()
	return p.arg()
}

func phantom(p *parser, _ string, _ int) *node { return elem("mphantom", p.arg()) }

func tag(p *parser, _ string, _ int) *node {
	p.star()
	t := p.textGroup("")
	return elem("mrow", append(append([]*node{space("2em"), leaf("mtext", "(")}, t...), leaf("mtext", ")"))...)
}

func pmod(p *parser, name string, _ int) *node {
	kids := []*node{space("1em"), leaf("mo", "(", "stretchy", "false")}
	if name == `\pmod` {
		kids = append(kids, leaf("mi", "mod"), space("0.3333em"))
	}
	return elem("mrow", append(kids, p.arg(), leaf("mo", ")", "stretchy", "false"))...)
}

func bmod(*parser, string, int) *node {
	return leaf("mo", "mod", "lspace", "0.2222em", "rspace", "0.2222em")
}

func mod(p *parser, _ string, _ int) *node {
	return elem("mrow", space("1em"), leaf("mi", "mod"), space("0.3333em"), p.arg())
}

func hspace(p *parser, _ string, _ int) *node {
	p.star()
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '{' {
		p.failf(p.pos, "", `missing "{" after "\hspace"`)
	}
	p.pos++
	w := p.dimension()
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '}' {
		p.failf(p.pos, "", `missing "}"`)
	}
	p.pos++
	return space(w)
}

func kern(p *parser, _ string, _ int) *node {
	p.skipSpace()
	if !p.eof() && p.src[p.pos] == '{' {
		return hspace(p, "", 0)
	}
	return space(p.dimension())
}

// big makes \big( and its kin: a fence of a fixed size.
func big(size string) cmdFunc {
	return func(p *parser, name string, start int) *node {
		d := p.delim(name, start)
		if d == "" {
			return space("0em")
		}
		n := leaf("mo", d, "stretchy", "true", "minsize", size, "maxsize", size)
		n.open = strings.HasSuffix(name, "l") || opens[d]
		return n
	}
}

// left reads \left( … \middle| … \right).
func left(p *parser, name string, start int) *node {
	var kids []*node
	if d := p.delim(name, start); d != "" {
		o := leaf("mo", d)
		o.open = true
		kids = append(kids, stretchy(o))
	}
	for {
		kids = append(kids, p.list()...)
		cmd := p.peekCommand()
		if cmd != `\middle` && cmd != `\right` {
			p.failf(start, name, `missing "\right" for "\left"`)
		}
		p.pos += len(cmd)
		d := p.delim(cmd, p.pos-len(cmd))
		if cmd == `\right` {
			if d != "" {
				kids = append(kids, stretchy(leaf("mo", d)))
			}
			n := elem("mrow", kids...)
			return n
		}
		if d != "" {
			kids = append(kids, leaf("mo", d, "stretchy", "true"))
		}
	}
}

// stretchy marks a fence stretchy unless the operator dictionary does.
func stretchy(n *node) *node {
	if !strings.Contains("()[]{}|‖⟨⟩⌊⌋⌈⌉", n.text) {
		n.with("stretchy", "true")
	}
	return n
}

// delim reads the delimiter after \left, \right, \middle or \big.
func (p *parser) delim(cmd string, start int) string {
	p.skipSpace()
	if p.eof() {
		p.failf(start, cmd, `missing delimiter after "%s"`, cmd)
	}
	tok := p.peekCommand()
	if tok == "" {
		tok = p.found()
	}
	d, ok := delims[tok]
	if !ok {
		p.failf(p.pos, tok, `unsupported delimiter "%s" after "%s"`, tok, cmd)
	}
	p.pos += len(tok)
	return d
}

// substack reads \substack{i<n\\j<m}: lines set small under a \sum.
func substack(p *parser, name string, start int) *node {
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '{' {
		p.failf(start, name, `missing "{" after "\substack"`)
	}
	p.pos++
	rows := p.rows()
	if p.eof() || p.src[p.pos] != '}' {
		p.failf(start, name, `missing "}"`)
	}
	p.pos++
	if len(rows) == 1 && len(rows[0]) == 1 {
		return row(rows[0][0])
	}
	return table(rows, "", false)
}
