package texmath

import "strings"

// env says how an environment lays out its rows and columns.
type env struct {
	open, close string // fences around the table, "" for none
	class       string // tex-align: columns alternately right and left; tex-cases: left
	display     bool   // cells in display style (aligned, gathered)
	spec        bool   // a column specification follows: array{cc|l}
	count       bool   // a column count follows: alignedat{2}
	small       bool   // smallmatrix
}

var envs = map[string]env{
	"matrix": {}, "pmatrix": {open: "(", close: ")"}, "bmatrix": {open: "[", close: "]"},
	"Bmatrix": {open: "{", close: "}"}, "vmatrix": {open: "|", close: "|"}, "Vmatrix": {open: "‖", close: "‖"},
	"smallmatrix": {small: true}, "array": {spec: true}, "subarray": {spec: true, small: true},
	"cases": {open: "{", class: "tex-cases"}, "dcases": {open: "{", class: "tex-cases", display: true},
	"rcases":  {close: "}", class: "tex-cases"},
	"aligned": {class: "tex-align", display: true}, "align": {class: "tex-align", display: true},
	"align*": {class: "tex-align", display: true}, "split": {class: "tex-align", display: true},
	"eqnarray": {class: "tex-align", display: true}, "eqnarray*": {class: "tex-align", display: true},
	"flalign": {class: "tex-align", display: true}, "flalign*": {class: "tex-align", display: true},
	"alignat": {class: "tex-align", display: true, count: true}, "alignat*": {class: "tex-align", display: true, count: true},
	"alignedat": {class: "tex-align", display: true, count: true},
	"gathered":  {display: true}, "gather": {display: true}, "gather*": {display: true},
	"multline": {display: true}, "multline*": {display: true},
	"equation": {display: true}, "equation*": {display: true},
}

// begin reads \begin{name} … \end{name}.
func begin(p *parser, cmd string, start int) *node {
	name, nameAt := p.rawArg()
	e, ok := envs[name]
	if !ok {
		p.failf(nameAt, name, `unsupported environment "%s"`, name)
	}
	var aligns string
	if e.spec {
		aligns = p.columns()
	}
	if e.count {
		p.rawArg()
	}
	display := p.display
	p.display = e.display
	rows := p.rows()
	p.display = display
	if p.peekCommand() != `\end` {
		if p.eof() {
			p.failf(start, name, `missing "\end{%s}"`, name)
		}
		p.failf(p.pos, "", `unexpected "%s" in "%s"`, p.found(), name)
	}
	p.pos += len(`\end`)
	if got, at := p.rawArg(); got != name {
		p.failf(at, got, `"\end{%s}" ends "\begin{%s}"`, got, name)
	}
	t := table(rows, e.class, e.display)
	if e.small {
		t.with("scriptlevel", "1")
	}
	alignColumns(t, aligns)
	if e.open == "" && e.close == "" {
		return t
	}
	kids := []*node{t}
	if e.open != "" {
		o := leaf("mo", e.open)
		o.open = true
		kids = append([]*node{o}, kids...)
	}
	if e.close != "" {
		kids = append(kids, leaf("mo", e.close))
	}
	return elem("mrow", kids...)
}

// columns reads an array's column specification, {cc|l}, and returns its
// alignments ("ccl"). Rules (|) and spacing (@{…}) are not drawn.
func (p *parser) columns() string {
	spec, at := p.rawArg()
	var b strings.Builder
	for i := 0; i < len(spec); i++ {
		switch c := spec[i]; c {
		case 'l', 'c', 'r':
			b.WriteByte(c)
		case '|', ':', ' ':
		case 'p', 'm', 'b', '@', '!', '>', '<':
			// these take a {…} argument
			depth := 0
			for i++; i < len(spec); i++ {
				if spec[i] == '{' {
					depth++
				} else if spec[i] == '}' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			if c == 'p' || c == 'm' || c == 'b' {
				b.WriteByte('l')
			}
		default:
			p.failf(at+i, "", `unsupported column type "%s"`, string(c))
		}
	}
	return b.String()
}

// alignColumns aligns the cells of an array's columns that are not centred.
func alignColumns(t *node, aligns string) {
	for _, tr := range t.kids {
		for i, td := range tr.kids {
			if i >= len(aligns) {
				break
			}
			switch aligns[i] {
			case 'l':
				td.with("style", "text-align:left")
			case 'r':
				td.with("style", "text-align:right;text-align:-webkit-right")
			}
		}
	}
}

// rows reads the cells of a table, separated by & and \\, up to what ends
// the table (\end, a closing brace, the end of the formula); the caller
// checks that. A last empty row (a \\ before \end) is dropped.
func (p *parser) rows() [][][]*node {
	var rows [][][]*node
	var cur [][]*node
	for {
		cur = append(cur, p.list())
		if !p.eof() && p.src[p.pos] == '&' {
			p.pos++
			continue
		}
		if cmd := p.peekCommand(); cmd == `\\` || cmd == `\cr` || cmd == `\newline` {
			p.pos += len(cmd)
			p.rowSpacing()
			rows = append(rows, cur)
			cur = nil
			continue
		}
		break
	}
	if len(cur) > 1 || len(cur[0]) > 0 || len(rows) == 0 {
		rows = append(rows, cur)
	}
	return rows
}

// rowSpacing skips the [2pt] that may follow \\. A bracket that does not
// hold a length starts the next row, as in MathJax: \\ [a,b] is an interval.
func (p *parser) rowSpacing() {
	save := p.pos
	p.skipSpace()
	if p.eof() || p.src[p.pos] != '[' || !isLength(p.src[p.pos+1:]) {
		p.pos = save
		return
	}
	p.pos++
	p.dimension()
	p.skipSpace()
	if p.eof() || p.src[p.pos] != ']' {
		p.failf(p.pos, "", `missing "]"`)
	}
	p.pos++
}

// table lays out rows of cells as an <mtable>.
func table(rows [][][]*node, class string, display bool) *node {
	t := elem("mtable")
	for _, r := range rows {
		tr := elem("mtr")
		for _, c := range r {
			tr.kids = append(tr.kids, elem("mtd", spaceFunctions(c)...))
		}
		t.kids = append(t.kids, tr)
	}
	if class != "" {
		t.with("class", class)
	}
	if display {
		t.with("displaystyle", "true")
	}
	return t
}

// isLength says whether s starts with a length and a "]": -2.5pt].
func isLength(s string) bool {
	i := 0
	for i < len(s) && strings.IndexByte("+-.0123456789 ", s[i]) >= 0 {
		i++
	}
	if i == 0 {
		return false
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return j > i && j < len(s) && strings.TrimSpace(s[j:j+1]) == "]"
}
