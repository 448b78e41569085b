package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// page is what other pages need to know about a page before its body is
// written: where it is, its title and its headings.
type page struct {
	section  int
	num      int
	title    string
	headings []heading
}

type heading struct {
	level int // 2 or 3
	text  string
}

// path is the page's file relative to content/.
func (p *page) path() string { return fmt.Sprintf("s%03d/p%05d.md", p.section, p.num) }

// id is the ID zhinan (and GitHub) give to the heading text: the text has
// no punctuation and no upper case, so spaces to "-" is the whole slug.
func id(text string) string { return strings.ReplaceAll(text, " ", "-") }

// rngFor gives every part of the corpus its own stream, so one page's text
// does not depend on how much randomness the pages before it used.
func rngFor(seed int64, part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), part*0x9E3779B97F4A7C15+1))
}

// plan splits n pages into sections of 50 to 100 and gives each page a
// title and headings.
func plan(n int, seed int64) (sections [][]*page) {
	rng := rngFor(seed, 0)
	for num := 0; num < n; {
		size := min(50+rng.IntN(51), n-num)
		sec := make([]*page, size)
		for i := range sec {
			t := &text{rng: rngFor(seed, uint64(2*(num+1)))}
			sec[i] = &page{section: len(sections), num: num, title: title(t), headings: headings(t)}
			num++
		}
		sections = append(sections, sec)
	}
	return sections
}

func title(t *text) string {
	var b strings.Builder
	if t.chance(0.3) {
		b.WriteString(t.pick([]string{"如何", "怎样", "为什么", "何时"}))
	}
	b.WriteString(t.pick(platformWords))
	b.WriteString(t.short())
	if t.chance(0.5) {
		b.WriteString("与")
		b.WriteString(t.pick(nouns))
	}
	return b.String()
}

// headings are three to five "##", each with zero to two "###" (one on
// average), all distinct.
func headings(t *text) []heading {
	seen := map[string]bool{}
	var hs []heading
	add := func(level int) {
		for {
			h := t.heading()
			if !seen[h] {
				seen[h] = true
				hs = append(hs, heading{level, h})
				return
			}
		}
	}
	for n := 3 + t.rng.IntN(3); n > 0; n-- {
		add(2)
		for m := t.rng.IntN(3); m > 0 && t.chance(0.7); m-- {
			add(3)
		}
	}
	return hs
}

// Files returns a site of n pages made from seed, by slash path relative to
// the site root ("content/s000/p00000.md"). See the package doc for its shape.
func Files(n int, seed int64) map[string][]byte {
	sections := plan(n, seed)
	var all []*page
	for _, sec := range sections {
		all = append(all, sec...)
	}
	files := map[string][]byte{"content/_index.md": home(sections, seed)}
	for s, sec := range sections {
		files[fmt.Sprintf("content/s%03d/_index.md", s)] = sectionPage(s, sec, seed)
		for i, p := range sec {
			files["content/"+p.path()] = pageFile(p, i, all, seed)
		}
	}
	return files
}

// Write writes Files(n, seed) under dir, creating folders as needed. Files
// already in dir that the corpus does not have are left alone.
func Write(dir string, n int, seed int64) error {
	for name, data := range Files(n, seed) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func home(sections [][]*page, seed int64) []byte {
	t := &text{rng: rngFor(seed, 1)}
	var b strings.Builder
	b.WriteString("---\ntitle: 群聊解散指南（测试语料）\ndescription: 一个由程序生成的中文测试站点。\n---\n\n")
	t.paragraph(&b, 300)
	b.WriteString("## 全部章节\n\n")
	for s, sec := range sections {
		fmt.Fprintf(&b, "- [第 %d 部分：%s](s%03d/_index.md)\n", s+1, sec[0].title, s)
	}
	return []byte(b.String())
}

func sectionPage(s int, sec []*page, seed int64) []byte {
	t := &text{rng: rngFor(seed, uint64(2*s+1)<<40)}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: 第 %d 部分：%s\ndescription: %s\nweight: %d\n---\n\n",
		s+1, sec[0].title, t.description(), (s+1)*10)
	t.paragraph(&b, 400)
	return []byte(b.String())
}
