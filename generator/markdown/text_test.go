package markdown

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzCollapse: collapse is the plain definition, words joined by one space.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "群\u3000主", "a\u00a0b", "\n群 主\n", "x\u2028y", "\xff a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
