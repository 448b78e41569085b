package diag

import "testing"

func TestSeverity(t *testing.T) {
	var l List
	l.Add("content/b.md", 3, 1, "broken link %q", "x.md")
	l.Warn("content/a.md", 2, 5, "page %q not checked for %d days", "a", 200)
	if got, want := l.Count(), "1 error, 1 warning"; got != want {
		t.Errorf("Count = %q, want %q", got, want)
	}
	l.Sort()
	if got, want := l.Error(), "content/a.md:2:5: warning: page \"a\" not checked for 200 days\ncontent/b.md:3:1: broken link \"x.md\""; got != want {
		t.Errorf("Error =\n%s\nwant\n%s", got, want)
	}
	if !l.HasErrors() || l.Warnings().HasErrors() || len(l.Errors()) != 1 {
		t.Errorf("HasErrors/Errors/Warnings disagree on %v", l)
	}
	for _, c := range []struct {
		l    List
		want string
	}{
		{nil, "no problems"},
		{List{{}, {}}, "2 errors"},
		{List{{Severity: Warning}, {Severity: Warning}, {}}, "1 error, 2 warnings"},
	} {
		if got := c.l.Count(); got != c.want {
			t.Errorf("Count(%v) = %q, want %q", c.l, got, c.want)
		}
	}
}
