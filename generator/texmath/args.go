package texmath

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// scripts reads the sub- and superscripts and primes after base.
func (p *parser) scripts(base *node) *node {
	var sub, sup *node
	primes := ""
	for {
		p.skipSpace()
		if p.eof() {
			break
		}
		switch c := p.src[p.pos]; {
		case c == '\'':
			p.pos++
			primes += "′"
			continue
		case c == '^' || c == '_':
			start := p.pos
			p.pos++
			arg := p.scriptArg()
			if c == '^' {
				if sup != nil {
					p.failf(start, "", "double superscript")
				}
				sup = arg
			} else {
				if sub != nil {
					p.failf(start, "", "double subscript")
				}
				sub = arg
			}
			continue
		}
		if cmd := p.peekCommand(); cmd == `\limits` || cmd == `\nolimits` {
			p.pos += len(cmd)
			base.limits = map[bool]int8{true: 1, false: -1}[cmd == `\limits`]
			continue
		}
		break
	}
	if primes != "" {
		pr := leaf("mo", strings.ReplaceAll(strings.ReplaceAll(primes, "′′′", "‴"), "′′", "″"))
		if sup == nil {
			sup = pr
		} else {
			sup = elem("mrow", pr, sup)
		}
	}
	if sub == nil && sup == nil {
		return base
	}
	return attach(base, sub, sup, base.limits > 1 && p.display || base.limits == 1)
}

// attach puts scripts on base, under and over it or beside it.
func attach(base, sub, sup *node, under bool) *node {
	var n *node
	switch {
	case sub != nil && sup != nil:
		n = elem(pick(under, "munderover", "msubsup"), base, sub, sup)
	case sub != nil:
		n = elem(pick(under, "munder", "msub"), base, sub)
	default:
		n = elem(pick(under, "mover", "msup"), base, sup)
	}
	n.fn = base.fn
	return n
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// scriptArg reads the argument of ^ or _, which is set in a smaller, text style.
func (p *parser) scriptArg() *node {
	display := p.display
	p.display = false
	defer func() { p.display = display }()
	return p.arg()
}

// arg reads a command's argument: a group, a command, or one character
// (\frac12 is \frac{1}{2}).
func (p *parser) arg() *node {
	p.enter()
	defer p.leave()
	p.skipSpace()
	if p.eof() || p.stops() && p.src[p.pos] != '\\' || p.src[p.pos] == '}' {
		p.failf(p.pos, "", "missing argument")
	}
	c := p.src[p.pos]
	switch {
	case c == '{':
		return p.group()
	case isDigit(c):
		p.pos++
		return leaf("mn", p.font.apply(string(c)))
	case c == '\\':
		if p.stops() {
			p.failf(p.pos, p.peekCommand(), `missing argument before "%s"`, p.peekCommand())
		}
		if sw, ok := switches[p.peekCommand()]; ok {
			start := p.pos
			p.pos += len(p.peekCommand())
			return row(sw(p, start))
		}
	}
	a := p.atom()
	if a == nil {
		return elem("mrow")
	}
	return a
}

// rawArg reads a group as text ({red}, {pmatrix}), trimmed, or one character.
func (p *parser) rawArg() (string, int) {
	p.skipSpace()
	start := p.pos
	if p.eof() {
		p.failf(p.pos, "", "missing argument")
	}
	if p.src[p.pos] != '{' {
		_, n := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += n
		return p.src[start:p.pos], start
	}
	depth := 0
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '\\':
			p.pos++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				p.pos++
				return strings.TrimSpace(p.src[start+1 : p.pos-1]), start + 1
			}
		}
		p.pos++
	}
	p.failf(start, "", `missing "}"`)
	return "", 0
}

// optArg reads [..] if there is one, as math.
func (p *parser) optArg() *node {
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '[' {
		return nil
	}
	p.pos++
	var kids []*node
	for {
		p.skipSpace()
		if p.eof() {
			p.failf(p.pos, "", `missing "]"`)
		}
		if p.src[p.pos] == ']' {
			p.pos++
			return row(kids)
		}
		if p.stops() {
			p.failf(p.pos, "", `unexpected "%s" in [...]`, p.found())
		}
		if a := p.atom(); a != nil {
			kids = append(kids, p.scripts(a))
		}
	}
}

// dimension reads a TeX length such as 2pt, -1.5em or 3mu and returns it in
// CSS units (mu become em).
func (p *parser) dimension() string {
	p.skipSpace()
	start := p.pos
	for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || strings.IndexByte("+-. ", p.src[p.pos]) >= 0) {
		p.pos++
	}
	num := strings.ReplaceAll(p.src[start:p.pos], " ", "")
	unitStart := p.pos
	for p.pos < len(p.src) && isLetter(p.src[p.pos]) && p.pos-unitStart < 2 {
		p.pos++
	}
	unit := p.src[unitStart:p.pos]
	if num == "" || strings.Trim(num, "+-.") == "" {
		p.failf(start, "", "missing length")
	}
	switch unit {
	case "em", "ex", "pt", "px", "cm", "mm", "in", "pc":
		return num + unit
	case "mu":
		var f float64
		fmt.Sscan(num, &f)
		return fmt.Sprintf("%.4gem", f/18)
	}
	p.failf(unitStart, "", `unsupported unit "%s"`, unit)
	return ""
}
