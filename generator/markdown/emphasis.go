package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/width"
)

// cjkEmphasis parses * and _ emphasis by CommonMark's rules with the
// CJK-friendly amendment (github.com/tats-u/markdown-cjk-friendly, the rule
// markdown-it-cjk-friendly and remark-cjk-friendly implement, which
// VitePress, Rspress and Docusaurus sites are written for).
//
// CommonMark decides whether a run of * or _ may open or close emphasis by the
// characters on either side (the "flanking" rules): a run followed by
// punctuation opens only after a space or punctuation, and one preceded by
// punctuation closes only before a space or punctuation. Chinese puts no
// space around its full-width punctuation, so 这一步**很重要。**然后 keeps its
// asterisks: the closing run follows 。 and comes before 然. The amendment
// treats punctuation that is itself a CJK character as an ordinary character
// on the other side of a CJK character: the closing run here is preceded by
// CJK punctuation, which no longer stops it closing, and a run next to a CJK
// character counts as flanking from that side. Between non-CJK characters
// nothing changes (FuzzEmphasisASCII checks it against goldmark's own parser).
//
// goldmark's parser for * and _ is not replaced but shadowed: this one is
// registered before it for the same trigger characters and never declines,
// so goldmark's never runs.
type cjkEmphasis struct{}

func (cjkEmphasis) Extend(m goldmark.Markdown) {
	// goldmark's own emphasis parser has priority 500; lower runs first.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(emphasisParser{}, 499)))
}

type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 || line[0] != '*' && line[0] != '_' {
		return nil
	}
	c, n := line[0], 1
	for n < len(line) && line[n] == c {
		n++
	}
	b1 := block.PrecendingCharacter()
	b2 := '\n'
	if isVariationSelector(b1) {
		// The amendment looks through a variation selector to the character
		// it modifies (禰󠄀**, 大塚︀**): find the one before it in the source.
		src := block.Source()
		if _, size := utf8.DecodeLastRune(src[:segment.Start]); size > 0 && size <= segment.Start {
			if r, sz := utf8.DecodeLastRune(src[:segment.Start-size]); sz > 0 {
				b2 = r
			}
		}
	}
	a1, a2 := '\n', '\n' // the end of a line counts as white space
	if n < len(line) {
		var size int
		a1, size = utf8.DecodeRune(line[n:])
		if n+size < len(line) {
			a2, _ = utf8.DecodeRune(line[n+size:])
		}
	}
	canOpen, canClose := delimiterFlags(c, b2, b1, a1, a2)
	d := parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// emphasisDelimiters pairs runs of the same character into emphasis, as
// goldmark's own (unexported) processor does.
type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// delimiterFlags says whether a run of c (* or _) can open and close
// emphasis, given the two characters before it (b2 b1, b1 next to the run)
// and the two after it (a1 a2, a1 next to the run). '\n' stands for the
// start or end of the line.
func delimiterFlags(c byte, b2, b1, a1, a2 rune) (canOpen, canClose bool) {
	before, after := precedingClass(b2, b1), followingClass(a1, a2)
	left, right := flanking(before, after)
	if c == '_' {
		// Rules 2 and 6 (open) and 3 and 7 (close): _ inside a word is
		// no delimiter, unless punctuation is on the other side of it.
		return left && (!right || before&classPunct != 0), right && (!left || after&classPunct != 0)
	}
	return left, right
}

// flanking is the amendment's definition of a left- and a right-flanking
// delimiter run:
//
//   - left-flanking: not followed by white space, and either not followed by
//     non-CJK punctuation, or preceded by white space, non-CJK punctuation,
//     a CJK character or an ideographic variation selector;
//   - right-flanking: not preceded by white space, and either not preceded
//     by non-CJK punctuation, or followed by white space, non-CJK
//     punctuation or a CJK character.
//
// CommonMark's own definition is the same with "non-CJK punctuation" read as
// any punctuation and without the CJK and selector cases.
func flanking(before, after charClass) (left, right bool) {
	left = after&classSpace == 0 &&
		(!after.nonCJKPunct() || before&(classSpace|classCJK|classIVS) != 0 || before.nonCJKPunct())
	right = before&classSpace == 0 &&
		(!before.nonCJKPunct() || after&(classSpace|classCJK) != 0 || after.nonCJKPunct())
	return left, right
}

// charClass is what the flanking rules need to know about a character: a
// set of the class bits below (0 for a letter, a digit and the like).
type charClass uint8

const (
	classSpace charClass = 1 << iota // Unicode white space, or the start or end of a line
	classPunct                       // Unicode punctuation: general category P or S
	classCJK                         // a CJK character (see isCJK)
	classIVS                         // an ideographic variation selector, U+E0100-U+E01EF
)

func (c charClass) nonCJKPunct() bool { return c&(classPunct|classCJK) == classPunct }

// classOf classifies one character. Space and punctuation are goldmark's
// tests, so that text without CJK characters is read exactly as goldmark
// reads it.
func classOf(r rune) charClass {
	if util.IsSpaceRune(r) {
		return classSpace
	}
	var c charClass
	if util.IsPunctRune(r) {
		c = classPunct
	}
	if isCJK(r) {
		c |= classCJK
	}
	if 0xE0100 <= r && r <= 0xE01EF {
		c |= classIVS
	}
	return c
}

// precedingClass classifies what precedes a run: b1, or, when b1 is a
// non-emoji variation selector, the character b2 it modifies, so that a CJK
// sequence (a CJK character and a selector) counts as CJK and a
// punctuation sequence as punctuation. A selector after white space is
// left unspecified by the amendment; here it counts as a letter.
func precedingClass(b2, b1 rune) charClass {
	if !isVariationSelector(b1) {
		return classOf(b1)
	}
	c := classOf(b2)
	switch {
	case c&classSpace != 0:
		return 0
	case b1 == 0xFE01 && isQuote(b2):
		return classPunct | classCJK // a CJK ambiguous punctuation sequence, “︁
	}
	return c &^ classIVS
}

// followingClass classifies what follows a run: a1, except that a quotation
// mark with the selector U+FE01 (its full-width form) is CJK punctuation.
func followingClass(a1, a2 rune) charClass {
	if a2 == 0xFE01 && isQuote(a1) {
		return classPunct | classCJK
	}
	return classOf(a1)
}

// isVariationSelector reports a non-emoji general-use variation selector,
// U+FE00-U+FE0E (U+FE0F asks for emoji presentation and is not one).
func isVariationSelector(r rune) bool { return 0xFE00 <= r && r <= 0xFE0E }

// isQuote reports the quotation marks ‘ ’ “ ”, of ambiguous East Asian
// width, which Unicode gives a full-width form with U+FE01.
func isQuote(r rune) bool { return r == 0x2018 || r == 0x2019 || r == 0x201C || r == 0x201D }

// isCJK reports a CJK character as the amendment defines it: East Asian
// width W (wide), F (full-width) or H (half-width) and not an emoji shown as
// one by default, or a Hangul character. Code points Unicode reserves for
// ideographs count as wide before they are assigned, as UAX #11 says.
func isCJK(r rune) bool {
	if r < 0x1100 { // nothing before Hangul Jamo is wide
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return !emojiPresentation(r)
	}
	return 0x1100 <= r && r <= 0x11FF || // Hangul Jamo, some of them narrow
		0xD7B0 <= r && r <= 0xD7C6 || 0xD7CB <= r && r <= 0xD7FB || // Hangul Jamo Extended-B
		0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0xF900 <= r && r <= 0xFAFF || 0x20000 <= r && r <= 0x3FFFD
}

// emojiPresentation reports a wide character that Unicode shows as an emoji
// by default (property Emoji_Presentation), which the amendment does not
// count as CJK. Every such character is wide: below U+1F000 they are listed
// in emojiBMP; from U+1F000 to U+1FAFF every wide character is one, except
// most of the enclosed ideographs 🈀-🉥.
func emojiPresentation(r rune) bool {
	if r < 0x1F000 {
		return r >= 0x231A && r <= 0x2B55 && inRanges(r, emojiBMP)
	}
	if r > 0x1FAFF {
		return false
	}
	if 0x1F200 <= r && r <= 0x1F265 {
		// Enclosed ideographs: squared 🈁 🈚 🈯 and 🈲-🈺 (but not 🈷), 🉐 🉑
		// are emoji, the rest are ideographs in a box.
		return r == 0x1F201 || r == 0x1F21A || r == 0x1F22F || 0x1F232 <= r && r <= 0x1F23A && r != 0x1F237 ||
			r == 0x1F250 || r == 0x1F251
	}
	return true // wide symbols from U+1F000 to U+1FAFF are all emoji
}

// emojiBMP lists the wide characters below U+1F000 with emoji presentation
// by default (from Unicode's emoji-data.txt): ⌚⌛ ⏩-⏬ ⏰ ⏳ ◽◾ ☔☕ ♈-♓ ♿
// ⚓ ⚡ ⚪⚫ ⚽⚾ ⛄⛅ ⛎ ⛔ ⛪ ⛲⛳ ⛵ ⛺ ⛽ ✅ ✊✋ ✨ ❌ ❎ ❓-❕ ❗ ➕-➗ ➰ ➿ ⬛⬜ ⭐ ⭕.
var emojiBMP = [][2]rune{
	{0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
	{0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
	{0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
	{0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
	{0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD},
	{0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
	{0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
	{0x2B55, 0x2B55},
}

func inRanges(r rune, ranges [][2]rune) bool {
	for _, rg := range ranges {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
}
