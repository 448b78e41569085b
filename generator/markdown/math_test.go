package markdown

import (
	"strings"
	"testing"
)

// TestDollarRules: which dollars open and close math, by pandoc's rule.
func TestDollarRules(t *testing.T) {
	for _, c := range []struct {
		src  string
		math int // formulas rendered
	}{
		{"$x$", 1},
		{"$x$ and $y$", 2},
		{"$5 和 $10", 0},
		{"$20,000 and $30,000", 0},
		{"$ x$", 0},            // space after the opener
		{"$x $", 0},            // space before the closer
		{"$x$5", 0},            // digit after the closer
		{`\$x$`, 0},            // escaped opener
		{`$x\$$`, 1},           // escaped dollar inside
		{"$$x$$", 1},           // display inside a paragraph
		{"a $$x$$ b", 1},       //
		{"$$ $$", 0},           // nothing inside
		{`\(x\)`, 1},           //
		{`\(x`, 0},             // not closed
		{`\\(x\\)`, 0},         // an escaped backslash, then a parenthesis
		{`\[x\]`, 1},           // a block of its own
		{`a \[x\] b`, 0},       // in a paragraph \[ is CommonMark's escaped bracket
		{`[a \[1\]](a.md)`, 0}, //
		{"`$x$`", 0},           // code span
		{"$a\nb$", 1},          // over a soft line break
		{"$a\n\nb$", 0},        // not over a paragraph break
		{"$`x`$", 1},           // math first: the backquotes are TeX
		{"<span title=\"$x$\">", 0},
	} {
		d := New(Options{}).Render("content/x.md", "x.md", []byte(c.src), nil)
		if got := strings.Count(d.HTML, "<math"); got != c.math {
			t.Errorf("%q: %d formulas, want %d\n%s", c.src, got, c.math, d.HTML)
		}
	}
}

// FuzzMath: the delimiter scanning never panics, and every warning it gives
// has a position in the file.
func FuzzMath(f *testing.F) {
	for _, s := range []string{
		"$x$ $$y$$ \\(z\\)\n\n$$\na\n$$\n", "\\[\n\\begin{aligned}a&=b\\end{aligned}\n\\]\n", "- $a$\n  $$\n  b\n  $$\n",
		"> $$\n> x\n> $$\n", "$5 和 $10", "$\\foo$ $$\n\\bar\n$$", "`$x$` $`y`$", "$a\nb$ $$\nc", "| $a|b$ |\n|---|\n",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := r.Render("content/f.md", "f.md", []byte(s), nil)
		for _, x := range d.Diags {
			if strings.Contains(x.Msg, "internal error") {
				t.Fatalf("%q: %s", s, x)
			}
			if strings.HasPrefix(x.Msg, "math") && (x.Line < 1 || x.Col < 1) {
				t.Fatalf("%q: warning without a position: %s", s, x)
			}
		}
	})
}
