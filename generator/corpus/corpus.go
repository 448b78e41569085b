package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Shape is how the pages of a corpus are grouped into sections.
type Shape string

// The shapes, after the sites people build: many small sections (a guide),
// a few huge flat ones (a knowledge base), one flat folder (an archive), and
// sections nested four folders deep (a book of parts and chapters).
const (
	Small Shape = "small" // sections of 50 to 100 pages (the last may hold fewer)
	Huge  Shape = "huge"  // five sections of n/5 pages each
	Flat  Shape = "flat"  // one section holding every page
	Deep  Shape = "deep"  // sections of 50 to 100 pages, four folders deep, four folders per folder
	// Dense is Huge with dense cross-links: every page also links to its
	// section's index page and to the site's first page, so a few pages
	// are linked from thousands (a knowledge base's overview pages).
	Dense Shape = "dense"
)

// Shapes lists every shape, Small first.
var Shapes = []Shape{Small, Huge, Flat, Deep, Dense}

// ParseShape returns the shape named s.
func ParseShape(s string) (Shape, error) {
	for _, sh := range Shapes {
		if string(sh) == s {
			return sh, nil
		}
	}
	return "", fmt.Errorf("unknown corpus shape %q (want small, huge, flat, deep or dense)", s)
}

// page is what other pages need to know about a page before its body is
// written: where it is, its title and its headings.
type page struct {
	dir      string // its section's folder relative to content/: "s003" or "s000/s000/s001/s004"
	num      int
	title    string
	headings []heading
}

type heading struct {
	level int // 2 or 3
	text  string
}

// path is the page's file relative to content/.
func (p *page) path() string { return fmt.Sprintf("%s/p%05d.md", p.dir, p.num) }

// id is the ID zhinan (and GitHub) give to the heading text: the text has
// no punctuation and no upper case, so spaces to "-" is the whole slug.
func id(text string) string { return strings.ReplaceAll(text, " ", "-") }

// rngFor gives every part of the corpus its own stream, so one page's text
// does not depend on how much randomness the pages before it used.
func rngFor(seed int64, part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), part*0x9E3779B97F4A7C15+1))
}

// plan splits n pages into sections of the shape's sizes, puts each in its
// folder, and gives each page a title and headings.
func plan(shape Shape, n int, seed int64) (sections [][]*page) {
	rng := rngFor(seed, 0)
	for num := 0; num < n; {
		var size int
		switch shape {
		case Huge, Dense:
			size = n / 5
			if len(sections) == 4 || size == 0 {
				size = n - num
			}
		case Flat:
			size = n
		default:
			size = 50 + rng.IntN(51)
		}
		size = min(size, n-num)
		dir := sectionDir(shape, len(sections))
		sec := make([]*page, size)
		for i := range sec {
			t := &text{rng: rngFor(seed, uint64(2*(num+1)))}
			sec[i] = &page{dir: dir, num: num, title: title(t), headings: headings(t)}
			num++
		}
		sections = append(sections, sec)
	}
	return sections
}

// sectionDir is the folder of the s-th section. Deep sections are grouped
// four to a folder, those four to a folder, and those four to a top folder:
// s000/s000/s000/s000 ... s000/s000/s000/s003, s000/s000/s001/s004 ...
func sectionDir(shape Shape, s int) string {
	if shape == Deep {
		return fmt.Sprintf("s%03d/s%03d/s%03d/s%03d", s/64, s/16, s/4, s)
	}
	return fmt.Sprintf("s%03d", s)
}

// relPath is the link from a page in folder fromDir to the file to (both
// relative to content/).
func relPath(fromDir, to string) string {
	if rest, ok := strings.CutPrefix(to, fromDir+"/"); ok && !strings.Contains(rest, "/") {
		return rest
	}
	return strings.Repeat("../", strings.Count(fromDir, "/")+1) + to
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

// Files returns a site of n pages of shape Small made from seed, by slash
// path relative to the site root ("content/s000/p00000.md"). See the package
// doc for its shape.
func Files(n int, seed int64) map[string][]byte { return ShapeFiles(Small, n, seed) }

// ShapeFiles is Files for any shape.
func ShapeFiles(shape Shape, n int, seed int64) map[string][]byte {
	sections := plan(shape, n, seed)
	var all []*page
	for _, sec := range sections {
		all = append(all, sec...)
	}
	files := map[string][]byte{"content/_index.md": home(sections, seed)}
	for s, sec := range sections {
		dir := sec[0].dir
		files["content/"+dir+"/_index.md"] = sectionPage(s, sec, seed, uint64(2*s+1)<<40)
		// The folders above a deep section get an index page too, titled
		// after their first section.
		for d := path.Dir(dir); d != "."; d = path.Dir(d) {
			name := "content/" + d + "/_index.md"
			if _, ok := files[name]; !ok {
				files[name] = sectionPage(s, sec, seed, uint64(2*s+1)<<40|uint64(strings.Count(d, "/")+1)<<36)
			}
		}
		for i, p := range sec {
			files["content/"+p.path()] = pageFile(p, i, all, seed, shape == Dense)
		}
	}
	return files
}

// Write writes Files(n, seed) under dir, creating folders as needed. Files
// already in dir that the corpus does not have are left alone.
func Write(dir string, n int, seed int64) error { return WriteShape(dir, Small, n, seed) }

// WriteShape is Write for any shape.
func WriteShape(dir string, shape Shape, n int, seed int64) error {
	for name, data := range ShapeFiles(shape, n, seed) {
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
	last := ""
	for s, sec := range sections {
		top, _, _ := strings.Cut(sec[0].dir, "/")
		if top == last {
			continue
		}
		last = top
		fmt.Fprintf(&b, "- [第 %d 部分：%s](%s/_index.md)\n", s+1, sec[0].title, top)
	}
	return []byte(b.String())
}

// sectionPage is the index page of the s-th section (or of a folder above
// it, with another part for its randomness).
func sectionPage(s int, sec []*page, seed int64, part uint64) []byte {
	t := &text{rng: rngFor(seed, part)}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: 第 %d 部分：%s\ndescription: %s\nweight: %d\n---\n\n",
		s+1, sec[0].title, t.description(), (s+1)*10)
	t.paragraph(&b, 400)
	return []byte(b.String())
}
