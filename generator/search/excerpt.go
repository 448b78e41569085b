package search

// bestPart picks the part a result links to: among the parts holding a
// match (mask bits; the last bit stands for every part from p.Parts−1 on),
// the one that holds the most distinct matching terms, those of its
// heading counting p.Heading times, the first one on a tie. So a question
// that a heading asks (an FAQ entry) links to that heading, not to the
// first paragraph that happens to hold the same words. -1 means the match
// is in the title only.
func bestPart(parts []Part, title string, mask uint32, m matcher, p *params) int {
	if mask == 0 || len(parts) == 0 {
		return -1
	}
	best, bestScore := -1, -1.0
	for i := range parts {
		if mask&(1<<min(i, p.Parts-1)) == 0 {
			continue
		}
		heading := parts[i].Heading
		if parts[i].Anchor == "" {
			heading = title // the top of the page is headed by its title
		}
		s := p.Heading*float64(distinctMatches(heading, m)) + float64(distinctMatches(parts[i].Text, m))
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// distinctMatches counts the distinct tokens of s that match the query.
func distinctMatches(s string, m matcher) int {
	seen := make(map[string]bool)
	for _, t := range Tokenize(s) {
		if !seen[t.Text] && m.match(t.Text) {
			seen[t.Text] = true
		}
	}
	return len(seen)
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
