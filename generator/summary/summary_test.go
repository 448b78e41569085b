package summary

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// outline prints the parsed tree one item a line, indented by depth:
// "[part] title -> dest @line:col".
func outline(s *Summary) string {
	var b strings.Builder
	var walk func(items []*Item, depth int)
	walk = func(items []*Item, depth int) {
		for _, it := range items {
			if it.Part != "" {
				fmt.Fprintf(&b, "%s== %s\n", strings.Repeat("  ", depth), it.Part)
			}
			fmt.Fprintf(&b, "%s%s -> %s @%d:%d\n", strings.Repeat("  ", depth), it.Title, it.Dest, it.Line, it.Col)
			walk(it.Children, depth+1)
		}
	}
	walk(s.Items, 0)
	return b.String()
}

func TestParseMdBook(t *testing.T) {
	src := "# Summary\n\n[介绍](README.md)\n\n# 第一部分\n\n- [第一章](ch1/README.md)\n    - [1.1 安装](ch1/01.1.md)\n    - [1.2 配置](<ch1/my file.md>)\n        - [深入](ch1/deep.md \"title\")\n- [草稿]()\n\n---\n\n# Part two\n\n1. [Chapter *two*](ch2.md)\n\t1. [Tabbed](ch2/a_(b).md)\n\n[Contributors](contributors.md)\n"
	s, diags := Parse("SUMMARY.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := `介绍 -> README.md @3:6
== 第一部分
第一章 -> ch1/README.md @7:9
  1.1 安装 -> ch1/01.1.md @8:16
  1.2 配置 -> ch1/my file.md @9:17
    深入 -> ch1/deep.md @10:16
草稿 ->  @11:8
== Part two
Chapter *two* -> ch2.md @17:20
  Tabbed -> ch2/a_(b).md @18:14
Contributors -> contributors.md @20:16
`
	if got := outline(s); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// GitBook books group chapters under plain-text entries and use "*" and
// "##" part headings; a stray paragraph is a warning with its position.
func TestParseGitBook(t *testing.T) {
	src := "# 目录\n\n* [前言](README.md)\n* 基础\n  * [变量](docs/var.md)\n  * [函数](docs/func.md)\n\n## 进阶\n\n* [并发](docs/go.md)\n这一行不是章节\n* [坏的](docs/bad.md\n"
	s, diags := Parse("SUMMARY.md", []byte(src))
	want := `前言 -> README.md @3:8
基础 ->  @4:3
  变量 -> docs/var.md @5:10
  函数 -> docs/func.md @6:10
== 进阶
并发 -> docs/go.md @10:8
坏的 ->  @12:8
`
	if got := outline(s); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	got := diags.Error()
	for _, w := range []string{`SUMMARY.md:11:1: warning: line is not a chapter`, `SUMMARY.md:12:8: unclosed "(" in chapter link`} {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics:\n%s\nwant %q", got, w)
		}
	}
}

// FuzzParse checks that any input parses without panicking, that every item
// has a position inside the file, and that links come back as written.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"# Summary\n\n[Intro](README.md)\n\n# Part\n\n- [A](a.md)\n    - [B](b/b.md)\n- [Draft]()\n---\n[End](end.md)\n",
		"* [前言](README.md)\n* 基础\n\t* [变量](docs/var.md)\n",
		"- [a](<x y.md>)\n  1. [b](c_(d).md \"t\")\n- [unclosed](x\n- [[nested] `]`](n.md)\n",
		"```\n- [not](code.md)\n```\n- [\\]](e.md)\r\n",
		"\xff\n- [x](\xfe)\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, diags := Parse("SUMMARY.md", src)
		lines := strings.Split(string(src), "\n")
		s.Walk(func(it, _ *Item) {
			if it.Line < 1 || it.Line > len(lines) {
				t.Fatalf("item %q at line %d of %d", it.Title, it.Line, len(lines))
			}
			line := lines[it.Line-1]
			if it.Col < 1 || it.Col > utf8.RuneCountInString(line)+1 {
				t.Fatalf("item %q at column %d of line %q", it.Title, it.Col, line)
			}
			if it.Dest != "" && !strings.Contains(line, it.Dest) {
				t.Fatalf("dest %q not in its line %q", it.Dest, line)
			}
		})
		for _, d := range diags {
			if d.Line < 1 || d.Line > len(lines) || d.Col < 1 {
				t.Fatalf("diagnostic outside the file: %v", d)
			}
		}
	})
}
