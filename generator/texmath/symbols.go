package texmath

import "strings"

// sym is a command that stands for one character or word.
type sym struct {
	text string
	kind byte // see the kinds in init
}

// node makes the element of a symbol in font f.
func (s sym) node(f font) *node {
	switch s.kind {
	case 'i': // identifier: lower-case Greek, ∞, ∂
		if f == fontRoman {
			return leaf("mi", s.text, "mathvariant", "normal")
		}
		return leaf("mi", f.apply(s.text))
	case 'u': // upright identifier: upper-case Greek
		if f != fontNone && f != fontRoman {
			return leaf("mi", f.apply(s.text))
		}
		return leaf("mi", s.text, "mathvariant", "normal")
	case 'l', 'n': // large operator: limits under and over in display, or always beside (integrals)
		n := leaf("mo", s.text)
		if s.kind == 'l' {
			n.limits = 2
		}
		return n
	case 'f', 'F': // function name; F takes limits as \lim does
		n := leaf("mi", s.text)
		n.fn = true
		if s.kind == 'F' {
			n.limits = 2
		}
		return n
	case '(': // opening fence, not stretched unless under \left
		n := leaf("mo", s.text, "stretchy", "false")
		n.open = true
		return n
	case ')':
		return leaf("mo", s.text, "stretchy", "false")
	case 't':
		return leaf("mtext", s.text)
	}
	return leaf("mo", s.text)
}

var symbols = map[string]sym{}

// table lists "name char" pairs of one kind.
func addSymbols(kind byte, table string) {
	f := strings.Fields(table)
	for i := 0; i+1 < len(f); i += 2 {
		symbols[`\`+f[i]] = sym{strings.ReplaceAll(f[i+1], "~", " "), kind}
	}
}

func init() {
	addSymbols('i', `alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ
		vartheta ϑ iota ι kappa κ varkappa ϰ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ
		sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω digamma ϝ
		infty ∞ partial ∂ nabla ∇ emptyset ∅ varnothing ∅ ell ℓ hbar ℏ hslash ℏ aleph ℵ beth ℶ
		Re ℜ Im ℑ wp ℘ imath ı jmath ȷ mho ℧ eth ð Bbbk 𝕜 complement ∁ forall ∀ exists ∃ nexists ∄
		top ⊤ bot ⊥ angle ∠ measuredangle ∡ triangle △ prime ′ backprime ‵ degree ° dagger † ddagger ‡
		S § P ¶ checkmark ✓ square □ Box □ blacksquare ■ lozenge ◊ blacktriangle ▲ clubsuit ♣
		diamondsuit ♢ heartsuit ♡ spadesuit ♠ flat ♭ sharp ♯ natural ♮ surd √ bigstar ★ maltese ✠
		circledS Ⓢ yen ¥ pounds £ copyright © textdegree ° infin ∞ varDelta 𝛥`)
	addSymbols('u', `Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
		varGamma Γ varTheta Θ varLambda Λ varXi Ξ varPi Π varSigma Σ varUpsilon Υ varPhi Φ varPsi Ψ
		varOmega Ω`)
	addSymbols('o', `pm ± mp ∓ times × div ÷ cdot ⋅ cdotp ⋅ centerdot ⋅ ast ∗ star ⋆ circ ∘ bullet ∙
		oplus ⊕ ominus ⊖ otimes ⊗ oslash ⊘ odot ⊙ circledast ⊛ circledcirc ⊚ boxplus ⊞ boxminus ⊟
		boxtimes ⊠ cup ∪ cap ∩ sqcup ⊔ sqcap ⊓ vee ∨ lor ∨ wedge ∧ land ∧ setminus ∖ smallsetminus ∖
		wr ≀ diamond ⋄ bigtriangleup △ bigtriangledown ▽ triangleleft ◃ triangleright ▹ uplus ⊎ amalg ⨿
		ltimes ⋉ rtimes ⋊ bowtie ⋈ Join ⋈ bigcirc ◯ dotplus ∔ intercal ⊺ barwedge ⊼ veebar ⊻ curlyvee ⋎
		curlywedge ⋏ divideontimes ⋇ And & neg ¬ lnot ¬ colon : ldotp . mid ∣ nmid ∤
		leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ equiv ≡ approx ≈ approxeq ≊ cong ≅ ncong ≇ sim ∼ nsim ≁
		simeq ≃ backsim ∽ propto ∝ varpropto ∝ in ∈ isin ∈ notin ∉ ni ∋ owns ∋ notni ∌ subset ⊂ supset ⊃
		subseteq ⊆ supseteq ⊇ subsetneq ⊊ supsetneq ⊋ nsubseteq ⊈ nsupseteq ⊉ subseteqq ⫅ supseteqq ⫆
		sqsubset ⊏ sqsupset ⊐ sqsubseteq ⊑ sqsupseteq ⊒ ll ≪ gg ≫ lll ⋘ ggg ⋙ prec ≺ succ ≻ preceq ⪯
		succeq ⪰ perp ⊥ parallel ∥ nparallel ∦ vdash ⊢ dashv ⊣ models ⊨ vDash ⊨ Vdash ⊩ doteq ≐
		asymp ≍ leqslant ⩽ geqslant ⩾ lesssim ≲ gtrsim ≳ lessapprox ⪅ gtrapprox ⪆ triangleq ≜
		coloneqq ≔ eqqcolon ≕ coloneq ≔ lt < gt > leqq ≦ geqq ≧ nleq ≰ ngeq ≱ nless ≮ ngtr ≯ neqq ≠
		lneq ⪇ gneq ⪈ lneqq ≨ gneqq ≩ smile ⌣ frown ⌢ between ≬ therefore ∴ because ∵ Colon ∷
		eqsim ≂ circeq ≗ bumpeq ≏ Bumpeq ≎ doteqdot ≑ risingdotseq ≓ fallingdotseq ≒ trianglelefteq ⊴
		trianglerighteq ⊵ lhd ⊲ rhd ⊳ unlhd ⊴ unrhd ⊵ vartriangleleft ⊲ vartriangleright ⊳ multimap ⊸
		to → rightarrow → gets ← leftarrow ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔
		iff ⟺ implies ⟹ impliedby ⟸ mapsto ↦ longmapsto ⟼ longrightarrow ⟶ longleftarrow ⟵
		Longrightarrow ⟹ Longleftarrow ⟸ longleftrightarrow ⟷ Longleftrightarrow ⟺ uparrow ↑
		downarrow ↓ updownarrow ↕ Uparrow ⇑ Downarrow ⇓ Updownarrow ⇕ nearrow ↗ searrow ↘ swarrow ↙
		nwarrow ↖ hookrightarrow ↪ hookleftarrow ↩ rightharpoonup ⇀ rightharpoondown ⇁ leftharpoonup ↼
		leftharpoondown ↽ rightleftharpoons ⇌ leftrightharpoons ⇋ leadsto ⇝ rightsquigarrow ⇝
		twoheadrightarrow ↠ twoheadleftarrow ↞ circlearrowleft ↺ circlearrowright ↻ curvearrowleft ↶
		curvearrowright ↷ leftrightarrows ⇆ rightleftarrows ⇄ rightrightarrows ⇉ leftleftarrows ⇇
		nrightarrow ↛ nleftarrow ↚ nRightarrow ⇏ nLeftarrow ⇍ nleftrightarrow ↮ nLeftrightarrow ⇎
		Lleftarrow ⇚ Rrightarrow ⇛ upuparrows ⇈ downdownarrows ⇊ restriction ↾ dashrightarrow ⇢
		dashleftarrow ⇠ longleftrightarrows ⟷ uparrow ↑
		ldots … dots … dotsc … dotso … dotsb ⋯ dotsm ⋯ dotsi ⋯ cdots ⋯ vdots ⋮ ddots ⋱ iddots ⋰
		# # $ $ % % & & _ _ backslash \ setminus ∖ lbrack [ rbrack ]
		sslash ⫽ diagup ╱ diagdown ╲ blacktriangleleft ◀ blacktriangleright ▶ triangledown ▿
		bigtriangleup △ lessdot ⋖ gtrdot ⋗ lessgtr ≶ gtrless ≷ lesseqgtr ⋚ gtreqless ⋛ preccurlyeq ≼
		succcurlyeq ≽ precsim ≾ succsim ≿ nprec ⊀ nsucc ⊁ subsetneqq ⫋ supsetneqq ⫌ Subset ⋐ Supset ⋑
		nvdash ⊬ nvDash ⊭ pitchfork ⋔ shortmid ∣ shortparallel ∥ approxident ≋ varsubsetneq ⊊
		varsupsetneq ⊋ lesseqqgtr ⪋ gtreqqless ⪌ npreceq ⋠ nsucceq ⋡ nleqslant ⪇ ngeqslant ⪈
		lessgtr ≶ nshortmid ∤`)
	addSymbols('t', `LaTeX LaTeX TeX TeX`)
	addSymbols('l', `sum ∑ prod ∏ coprod ∐ bigcup ⋃ bigcap ⋂ bigsqcup ⨆ bigvee ⋁ bigwedge ⋀
		bigoplus ⨁ bigotimes ⨂ bigodot ⨀ biguplus ⨄`)
	addSymbols('n', `int ∫ iint ∬ iiint ∭ iiiint ⨌ oint ∮ oiint ∯ oiiint ∰ intop ∫ smallint ∫`)
	addSymbols('f', `sin sin cos cos tan tan cot cot sec sec csc csc sinh sinh cosh cosh tanh tanh
		coth coth arcsin arcsin arccos arccos arctan arctan arccot arccot log log ln ln lg lg exp exp
		deg deg dim dim arg arg ker ker hom hom sgn sgn sh sh ch ch th th cth cth tg tg ctg ctg
		arctg arctg arcctg arcctg`)
	addSymbols('F', `lim lim max max min min sup sup inf inf det det gcd gcd Pr Pr limsup lim~sup
		liminf lim~inf argmax arg~max argmin arg~min injlim inj~lim projlim proj~lim`)
	addSymbols('(', `{ { lbrace { langle ⟨ lfloor ⌊ lceil ⌈ lvert | lVert ‖ lgroup ⟮ ulcorner ⌜ llcorner ⌞`)
	addSymbols(')', `vert | Vert ‖ | ‖ } } rbrace } rangle ⟩ rfloor ⌋ rceil ⌉ rvert | rVert ‖ rgroup ⟯ urcorner ⌝ lrcorner ⌟`)
}

// spaces are the spacing commands and their widths.
var spaces = map[string]string{
	`\,`: "0.1667em", `\thinspace`: "0.1667em", `\:`: "0.2222em", `\>`: "0.2222em", `\medspace`: "0.2222em",
	`\;`: "0.2778em", `\thickspace`: "0.2778em", `\enspace`: "0.5em", `\quad`: "1em", `\qquad`: "2em",
	`\ `: "0.25em", "\\\n": "0.25em", "\\\t": "0.25em", `\space`: "0.25em", `\!`: "-0.1667em", `\negthinspace`: "-0.1667em",
	`\negmedspace`: "-0.2222em", `\negthickspace`: "-0.2778em",
}

// fontCommands set the font of their argument.
var fontCommands = map[string]font{
	`\mathrm`: fontRoman, `\mathup`: fontRoman, `\mathbf`: fontBold, `\mathit`: fontItalic,
	`\boldsymbol`: fontBoldItalic, `\bm`: fontBoldItalic, `\pmb`: fontBoldItalic,
	`\mathcal`: fontScript, `\mathscr`: fontScript, `\mathfrak`: fontFraktur, `\mathbb`: fontDouble,
	`\Bbb`: fontDouble, `\mathsf`: fontSans, `\mathtt`: fontMono, `\mathnormal`: fontNone,
}

var accents = map[string]accentMark{
	`\hat`: {mark: "^"}, `\widehat`: {mark: "^", stretch: true}, `\check`: {mark: "ˇ"},
	`\widecheck`: {mark: "ˇ", stretch: true}, `\tilde`: {mark: "~"}, `\widetilde`: {mark: "~", stretch: true},
	`\bar`: {mark: "¯"}, `\overline`: {mark: "‾", stretch: true}, `\underline`: {mark: "_", under: true, stretch: true},
	`\vec`: {mark: "→"}, `\overrightarrow`: {mark: "→", stretch: true}, `\overleftarrow`: {mark: "←", stretch: true},
	`\overleftrightarrow`: {mark: "↔", stretch: true}, `\underrightarrow`: {mark: "→", under: true, stretch: true},
	`\underleftarrow`: {mark: "←", under: true, stretch: true}, `\dot`: {mark: "˙"}, `\ddot`: {mark: "¨"},
	`\dddot`: {mark: "⃛"}, `\breve`: {mark: "˘"}, `\acute`: {mark: "´"}, `\grave`: {mark: "`"},
	`\mathring`: {mark: "˚"}, `\overbrace`: {mark: "⏞", stretch: true, limits: true},
	`\underbrace`: {mark: "⏟", under: true, stretch: true, limits: true},
	`\overparen`:  {mark: "⏜", stretch: true}, `\underparen`: {mark: "⏝", under: true, stretch: true},
}

var arrowsWithText = map[string]string{
	`\xrightarrow`: "→", `\xleftarrow`: "←", `\xRightarrow`: "⇒", `\xLeftarrow`: "⇐",
	`\xleftrightarrow`: "↔", `\xLeftrightarrow`: "⇔", `\xmapsto`: "↦", `\xlongequal`: "=",
	`\xhookrightarrow`: "↪", `\xrightleftharpoons`: "⇌", `\xtwoheadrightarrow`: "↠",
}

// bigs are \big and its kin with their sizes. (A function, not init: the
// command table is made from it in an init of an earlier file.)
var bigs = func() map[string]string {
	m := map[string]string{}
	for name, size := range map[string]string{"big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em"} {
		for _, suffix := range []string{"", "l", "r", "m"} {
			m[`\`+name+suffix] = size
		}
	}
	return m
}()

// delims are what may follow \left, \right, \middle and \big; "" is none.
var delims = map[string]string{
	"(": "(", ")": ")", "[": "[", "]": "]", `\{`: "{", `\}`: "}", `\lbrace`: "{", `\rbrace`: "}",
	`\lbrack`: "[", `\rbrack`: "]", "|": "|", `\|`: "‖", `\vert`: "|", `\Vert`: "‖", `\lvert`: "|",
	`\rvert`: "|", `\lVert`: "‖", `\rVert`: "‖", `\mid`: "|", ".": "", "/": "/", `\backslash`: "\\",
	"<": "⟨", ">": "⟩", `\langle`: "⟨", `\rangle`: "⟩", `\lfloor`: "⌊", `\rfloor`: "⌋",
	`\lceil`: "⌈", `\rceil`: "⌉", `\uparrow`: "↑", `\downarrow`: "↓", `\updownarrow`: "↕",
	`\Uparrow`: "⇑", `\Downarrow`: "⇓", `\lgroup`: "⟮", `\rgroup`: "⟯", "⟨": "⟨", "⟩": "⟩",
}

// opens are the opening fences.
var opens = map[string]bool{"(": true, "[": true, "{": true, "⟨": true, "⌊": true, "⌈": true, "⟮": true}

// negations are the characters with a negated form of their own (\not=).
var negations = map[string]string{
	"=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅",
	"⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≃": "≄", "≅": "≇", "≈": "≉", "∣": "∤", "∥": "∦",
	"≺": "⊀", "≻": "⊁", "⊢": "⊬", "⊨": "⊭", "∃": "∄",
}
