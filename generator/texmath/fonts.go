package texmath

import "strings"

// font is the alphabet letters and digits are written in. MathML Core keeps
// mathvariant only for "normal", so every other alphabet is spelled with
// the Unicode mathematical alphanumeric symbols (U+1D400…), as the spec
// asks; \mathrm and \operatorname are upright words in plain <mi>.
type font uint8

const (
	fontNone       font = iota // italic letters, upright digits: the browser's default
	fontRoman                  // \mathrm, \rm, \operatorname: upright, letters run together
	fontBold                   // \mathbf, \bf
	fontItalic                 // \mathit, \it
	fontBoldItalic             // \boldsymbol, \bm
	fontScript                 // \mathcal, \mathscr, \cal
	fontFraktur                // \mathfrak
	fontDouble                 // \mathbb
	fontSans                   // \mathsf, \sf
	fontMono                   // \mathtt, \tt
)

// alphabet gives, for a font, the code points of 'A', 'a', '0', 'Α' and 'α'
// in the mathematical alphanumeric block; 0 means "not in this font".
var alphabet = [...][5]rune{
	fontBold:       {0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8, 0x1D6C2},
	fontItalic:     {0x1D434, 0x1D44E, 0, 0x1D6E2, 0x1D6FC},
	fontBoldItalic: {0x1D468, 0x1D482, 0x1D7CE, 0x1D71C, 0x1D736},
	fontScript:     {0x1D49C, 0x1D4B6, 0, 0, 0},
	fontFraktur:    {0x1D504, 0x1D51E, 0, 0, 0},
	fontDouble:     {0x1D538, 0x1D552, 0x1D7D8, 0, 0},
	fontSans:       {0x1D5A0, 0x1D5BA, 0x1D7E2, 0, 0},
	fontMono:       {0x1D670, 0x1D68A, 0x1D7F6, 0, 0},
}

// holes are the letters Unicode had encoded before the block (ℝ, ℬ, ℎ): the
// block leaves their places empty.
var holes = map[[2]rune]rune{
	{rune(fontItalic), 'h'}: 'ℎ',
	{rune(fontScript), 'B'}: 'ℬ', {rune(fontScript), 'E'}: 'ℰ', {rune(fontScript), 'F'}: 'ℱ',
	{rune(fontScript), 'H'}: 'ℋ', {rune(fontScript), 'I'}: 'ℐ', {rune(fontScript), 'L'}: 'ℒ',
	{rune(fontScript), 'M'}: 'ℳ', {rune(fontScript), 'R'}: 'ℛ', {rune(fontScript), 'e'}: 'ℯ',
	{rune(fontScript), 'g'}: 'ℊ', {rune(fontScript), 'o'}: 'ℴ',
	{rune(fontFraktur), 'C'}: 'ℭ', {rune(fontFraktur), 'H'}: 'ℌ', {rune(fontFraktur), 'I'}: 'ℑ',
	{rune(fontFraktur), 'R'}: 'ℜ', {rune(fontFraktur), 'Z'}: 'ℨ',
	{rune(fontDouble), 'C'}: 'ℂ', {rune(fontDouble), 'H'}: 'ℍ', {rune(fontDouble), 'N'}: 'ℕ',
	{rune(fontDouble), 'P'}: 'ℙ', {rune(fontDouble), 'Q'}: 'ℚ', {rune(fontDouble), 'R'}: 'ℝ',
	{rune(fontDouble), 'Z'}: 'ℤ',
}

// word says whether letters in this font run together into one identifier.
func (f font) word() bool { return f == fontRoman }

// apply spells s in font f. Characters the font has no form for are kept.
func (f font) apply(s string) string {
	if f == fontNone || f == fontRoman || int(f) >= len(alphabet) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(f.rune(r))
	}
	return b.String()
}

func (f font) rune(r rune) rune {
	if h, ok := holes[[2]rune{rune(f), r}]; ok {
		return h
	}
	a := alphabet[f]
	var base, off rune
	switch {
	case 'A' <= r && r <= 'Z':
		base, off = a[0], r-'A'
	case 'a' <= r && r <= 'z':
		base, off = a[1], r-'a'
	case '0' <= r && r <= '9':
		base, off = a[2], r-'0'
	case 'Α' <= r && r <= 'Ω':
		base, off = a[3], r-'Α'
	case 'α' <= r && r <= 'ω':
		base, off = a[4], r-'α'
	}
	if base == 0 {
		return r
	}
	return base + off
}
