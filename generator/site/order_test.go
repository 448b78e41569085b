package site

import (
	"slices"
	"testing"
)

func TestNaturalOrder(t *testing.T) {
	got := []string{"11.10", "10", "2", "11.9", "01.1", "1.2", "b", "A", "11.2", "ch10", "ch2", "群聊", "1.10", "1.9"}
	slices.SortFunc(got, naturalCompare)
	want := []string{"01.1", "1.2", "1.9", "1.10", "2", "10", "11.2", "11.9", "11.10", "A", "b", "ch2", "ch10", "群聊"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// FuzzNaturalCompare checks that the order is a total order: antisymmetric,
// zero only for equal strings, and transitive on any three.
func FuzzNaturalCompare(f *testing.F) {
	f.Add("11.9", "11.10", "011.9")
	f.Add("a01", "a1", "A1")
	f.Add("", "0", "00")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		ab, ba := naturalCompare(a, b), naturalCompare(b, a)
		if ab != -ba || (ab == 0) != (a == b) {
			t.Fatalf("compare(%q, %q) = %d, reversed %d", a, b, ab, ba)
		}
		if ab < 0 && naturalCompare(b, c) < 0 && naturalCompare(a, c) >= 0 {
			t.Fatalf("%q < %q < %q but not %q < %q", a, b, c, a, c)
		}
	})
}
