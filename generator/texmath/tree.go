package texmath

import "strings"

// node is one MathML element. Token elements (mi, mn, mo, mtext) hold text;
// the others hold kids. attrs are name, value pairs, written in order.
type node struct {
	tag   string
	text  string
	attrs []string
	kids  []*node

	// What the parser needs to know about the atom, not written out.
	limits int8 // for scripts: 1 under/over, -1 sub/sup, 0 as the operator decides
	fn     bool // a function name (sin, log): a thin space follows unless a fence does
	open   bool // an opening fence (after which a function needs no space)
}

func leaf(tag, text string, attrs ...string) *node {
	return &node{tag: tag, text: text, attrs: attrs}
}

func elem(tag string, kids ...*node) *node { return &node{tag: tag, kids: kids} }

// row makes one node of a list: the node itself when there is one, an mrow
// otherwise (an empty mrow when there is none).
func row(kids []*node) *node {
	if len(kids) == 1 {
		return kids[0]
	}
	return elem("mrow", kids...)
}

func (n *node) with(attrs ...string) *node {
	n.attrs = append(n.attrs, attrs...)
	return n
}

func space(width string) *node { return leaf("mspace", "", "width", width) }

// write appends the MathML of n to b.
func (n *node) write(b *strings.Builder) {
	b.WriteByte('<')
	b.WriteString(n.tag)
	for i := 0; i+1 < len(n.attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(n.attrs[i])
		b.WriteString(`="`)
		escape(b, n.attrs[i+1])
		b.WriteByte('"')
	}
	if n.tag == "mspace" {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	escape(b, n.text)
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.tag)
	b.WriteByte('>')
}

// escape writes s with the characters HTML gives a meaning to escaped.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '"':
			rep = "&quot;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}
