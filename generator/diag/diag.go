// Package diag holds positioned diagnostics: what went wrong, in which file, at
// which line and column. A build collects every diagnostic it meets in a List,
// sorts it and reports it whole, so an editor sees all problems at once
// (in the manner of go/scanner.ErrorList).
//
// A diagnostic prints as "file:line:col: message". The message is lower case and
// quotes its subject: `content/x.md:12:5: broken link "y.md#z": no heading "z" in content/y.md`.
// Line and column are 1-based; 0 means unknown and is left out of the text.
//
// A diagnostic is an error unless its Severity says Warning. Errors stop a
// build from writing anything; warnings are printed ("warning: " after the
// position) and counted, and the output is written all the same.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity uint8

const (
	Error   Severity = iota // the zero value: the build fails
	Warning                 // reported and counted; the build goes on
)

// Kind sorts diagnostics that a site may treat differently: broken links
// are errors or warnings as the site's links setting says.
type Kind uint8

const (
	General    Kind = iota // the zero value: any problem
	BrokenLink             // a link or image to a page, heading or file that is not there
)

// Diag is one problem at one place.
type Diag struct {
	File     string // slash path relative to the site root, e.g. "content/x.md"
	Line     int    // 1-based; 0 if unknown
	Col      int    // 1-based; 0 if unknown
	Msg      string
	Severity Severity
	Kind     Kind
}

func (d Diag) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is a set of diagnostics. Its zero value is ready to use. It is not safe
// for concurrent use; give each goroutine its own List and Merge them.
type List []Diag

// Add appends a diagnostic with a formatted message.
func (l *List) Add(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diag{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Warn appends a warning with a formatted message.
func (l *List) Warn(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diag{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Severity: Warning})
}

// AddLink appends a broken-link error; Demote can make it a warning.
func (l *List) AddLink(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diag{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Kind: BrokenLink})
}

// Demote makes every diagnostic of kind k a warning, in place.
func (l List) Demote(k Kind) {
	for i := range l {
		if l[i].Kind == k {
			l[i].Severity = Warning
		}
	}
}

// Merge appends all of other.
func (l *List) Merge(other List) { *l = append(*l, other...) }

// Sort orders by file, line, column, then message, and drops exact duplicates.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the diagnostics that are errors.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns the diagnostics that are warnings.
func (l List) Warnings() List { return l.only(Warning) }

func (l List) only(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Count says how many errors and warnings there are: "2 errors, 31
// warnings", "1 error", "no problems".
func (l List) Count() string {
	e, w := 0, 0
	for _, d := range l {
		if d.Severity == Warning {
			w++
		} else {
			e++
		}
	}
	plural := func(n int, what string) string {
		if n == 1 {
			return "1 " + what
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	switch {
	case e == 0 && w == 0:
		return "no problems"
	case w == 0:
		return plural(e, "error")
	case e == 0:
		return plural(w, "warning")
	}
	return plural(e, "error") + ", " + plural(w, "warning")
}

// Error prints every diagnostic, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns the sorted list as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	c := append(List(nil), l...)
	c.Sort()
	return c
}

// Error makes one diagnostic an error.
func (d *Diag) Error() string { return d.String() }
