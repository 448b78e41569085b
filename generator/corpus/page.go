package corpus

import (
	"fmt"
	"strings"
)

// pageFile writes page p, the i-th of its section; all is every page of the
// site, for links. dense adds the links of shape Dense to the introduction.
func pageFile(p *page, i int, all []*page, seed int64, dense bool) []byte {
	t := &text{rng: rngFor(seed, uint64(2*(p.num+1)+1))}
	var b strings.Builder
	b.Grow(4096)
	frontMatter(&b, t, p, i)

	// The prose budget is spread over the introduction and the sections;
	// the links, table, code, callout and list go into the sections.
	budget := 1500 + t.rng.IntN(1500)
	var h2 []int
	for j, h := range p.headings {
		if h.level == 2 {
			h2 = append(h2, j)
		}
	}
	blocks := make([][]string, len(p.headings))
	for k, extra := range []string{table(t), code(t), note(t), list(t)} {
		j := h2[k%len(h2)]
		blocks[j] = append(blocks[j], extra)
	}
	linked := make([]string, len(p.headings)+1) // a link sentence per prose part (0 is the introduction)
	for n := 2 + t.rng.IntN(3); n > 0; n-- {
		k := t.rng.IntN(len(linked))
		linked[k] += link(t, p, all)
	}
	if dense {
		linked[0] += overviewLinks(p, all)
	}
	share := budget / (len(p.headings) + 1)
	prose(&b, t, share, linked[0])
	for j, h := range p.headings {
		b.WriteString(strings.Repeat("#", h.level) + " " + h.text + "\n\n")
		prose(&b, t, share, linked[j+1])
		for _, extra := range blocks[j] {
			b.WriteString(extra)
		}
	}
	return []byte(b.String())
}

// overviewLinks is a sentence linking p to its section's index page and to
// the site's first page. It uses no randomness, so a Dense page is the Huge
// page of the same number with this sentence added.
func overviewLinks(p *page, all []*page) string {
	s := "本节概览见[本节目录](_index.md)。"
	if first := all[0]; first != p {
		s += fmt.Sprintf("入门请先读[%s](%s)。", first.title, relPath(p.dir, first.path()))
	}
	return s
}

func frontMatter(b *strings.Builder, t *text, p *page, i int) {
	fmt.Fprintf(b, "---\ntitle: %s\ndescription: %s\nweight: %d\n", p.title, t.description(), (i+1)*10)
	tags := map[string]bool{}
	b.WriteString("tags: [")
	for n := 1 + t.rng.IntN(3); n > 0; n-- {
		tag := t.pick(tagWords)
		if !tags[tag] {
			if len(tags) > 0 {
				b.WriteString(", ")
			}
			tags[tag] = true
			b.WriteString(tag)
		}
	}
	fmt.Fprintf(b, "]\nplatforms: [%s]\nlast_checked: 2026-01-02\n---\n\n", t.pick(platformWords))
}

// prose is sentences of about size bytes in all, the link sentences after
// the first one, in two paragraphs when there is much to say.
func prose(b *strings.Builder, t *text, size int, links string) {
	start := b.Len()
	t.sentence(b)
	b.WriteString(links)
	broken := size < 600
	for b.Len()-start < size {
		if !broken && b.Len()-start > size/2 {
			if !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
			broken = true
		}
		t.sentence(b)
		if t.chance(0.4) {
			b.WriteByte('\n')
		}
	}
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

// link is a sentence with a relative link to another page, sometimes to one
// of its headings.
func link(t *text, from *page, all []*page) string {
	to := all[t.rng.IntN(len(all))]
	for to == from && len(all) > 1 {
		to = all[t.rng.IntN(len(all))]
	}
	dest := relPath(from.dir, to.path())
	label := to.title
	if t.chance(0.5) {
		h := to.headings[t.rng.IntN(len(to.headings))]
		dest += "#" + id(h.text)
		label = strings.ReplaceAll(h.text, " ", "")
	}
	lead := t.pick([]string{"详见", "参见", "具体步骤见", "另请参阅", "可以先看"})
	return fmt.Sprintf("%s[%s](%s)。", lead, label, dest)
}

func table(t *text) string {
	var b strings.Builder
	b.WriteString("| 平台 | 操作 | 说明 |\n| --- | --- | --- |\n")
	for n := 3 + t.rng.IntN(3); n > 0; n-- {
		fmt.Fprintf(&b, "| %s | %s%s | %s |\n", t.pick(platformWords), t.pick(verbs), t.pick(nouns), t.short())
	}
	b.WriteString("\n")
	return b.String()
}

func code(t *text) string {
	if t.chance(0.5) {
		return fmt.Sprintf("```bash\n# %s%s\nzhinan export --group \"%s\" --out backup/%d\nls -l backup/%d | wc -l\n```\n\n",
			t.pick(verbs), t.pick(nouns), t.pick(nouns), t.rng.IntN(100), t.rng.IntN(100))
	}
	name := fmt.Sprintf("step%d", t.rng.IntN(10))
	return fmt.Sprintf("```go\n// %s %s%s。\nfunc %s(group string, days int) error {\n"+
		"\tif days > %d {\n\t\treturn fmt.Errorf(\"%s：%%s\", group)\n\t}\n\tfmt.Println(\"%s\", group)\n\treturn nil\n}\n```\n\n",
		name, t.pick(verbs), t.pick(nouns), name, t.rng.IntN(180), t.short(), t.short())
}

func note(t *text) string {
	var b strings.Builder
	b.WriteString("> [!NOTE]\n> ")
	t.sentence(&b)
	b.WriteString("\n> ")
	t.sentence(&b)
	b.WriteString("\n\n")
	return b.String()
}

func list(t *text) string {
	var b strings.Builder
	for k, n := 1, 3+t.rng.IntN(4); k <= n; k++ {
		fmt.Fprintf(&b, "%d. ", k)
		t.sentence(&b)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return b.String()
}
