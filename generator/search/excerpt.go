package search

// bestPart picks the part a result links to: the first part whose mask bit
// is set, where the last bit stands for every part from maxParts-1 on and is
// narrowed down by looking for a match in the text. -1 means the match is in
// the title only.
func bestPart(parts []Part, mask uint32, m matcher, maxParts int) int {
	if mask == 0 || len(parts) == 0 {
		return -1
	}
	for i := range parts {
		if mask&(1<<min(i, maxParts-1)) == 0 {
			continue
		}
		if i < maxParts-1 {
			return i
		}
		for j := i; j < len(parts); j++ {
			if hasMatch(parts[j].Heading, m) || hasMatch(parts[j].Text, m) {
				return j
			}
		}
		return i
	}
	return -1
}

func hasMatch(s string, m matcher) bool {
	for _, t := range Tokenize(s) {
		if m.match(t.Text) {
			return true
		}
	}
	return false
}

// excerpt cuts about p.Excerpt runes of text around the first match of a
// term the reader typed (else of a synonym) and returns it with the rune
// ranges of every match inside it.
func excerpt(text string, m matcher, p *params) (string, [][2]int) {
	excerptLen, excerptBefore := p.Excerpt, p.Before
	var spans [][2]int
	first := -1 // the first typed match, else the first match
	for _, t := range Tokenize(text) {
		if m.match(t.Text) {
			if first < 0 && m.typed(t.Text) {
				first = t.Start
			}
			spans = append(spans, [2]int{t.Start, t.End})
		}
	}
	if first < 0 && len(spans) > 0 {
		first = spans[0][0]
	}
	rs := []rune(text)
	start := 0
	if first >= 0 {
		start = max(first-excerptBefore, 0)
	}
	end := min(start+excerptLen, len(rs))
	start = max(end-excerptLen, 0)
	out := string(rs[start:end])
	shift := -start
	if start > 0 {
		out = "…" + out
		shift++
	}
	if end < len(rs) {
		out += "…"
	}
	var hl [][2]int
	for _, s := range spans {
		a, b := max(s[0], start), min(s[1], end)
		if a >= b {
			continue
		}
		a, b = a+shift, b+shift
		if n := len(hl); n > 0 && a <= hl[n-1][1] {
			hl[n-1][1] = max(hl[n-1][1], b)
			continue
		}
		hl = append(hl, [2]int{a, b})
	}
	return out, hl
}

// excerptText is the text a result's excerpt is cut from: that of part p
// (0 for the top of the page) or, when it has none (a heading followed at
// once by another, a page opening with a heading), the first text after
// it, else the last before it, else the part's heading, else the title, so
// that no result is shown without an excerpt.
func excerptText(parts []Part, p int, title string) string {
	for i := p; i < len(parts); i++ {
		if parts[i].Text != "" {
			return parts[i].Text
		}
	}
	for i := min(p, len(parts)) - 1; i >= 0; i-- {
		if parts[i].Text != "" {
			return parts[i].Text
		}
	}
	if p < len(parts) && parts[p].Heading != "" {
		return parts[p].Heading
	}
	return title
}
