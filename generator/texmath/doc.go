// Package texmath converts TeX math, as books written for MathJax and KaTeX
// use it, to MathML Core, the MathML that Chromium and Firefox lay out
// without a script. It is written for zhinan and is not a TeX engine: it
// reads the commands listed here and reports anything else as an error.
//
//	out, err := texmath.Convert(`\frac{a}{b}`, false)
//	// <math><semantics><mfrac><mi>a</mi><mi>b</mi></mfrac>
//	// <annotation encoding="application/x-tex">\frac{a}{b}</annotation></semantics></math>
//
// The output is one <math> element (display="block" for display math)
// holding <semantics>: the formula, then the TeX as written in an
// <annotation encoding="application/x-tex">, so the source is kept for
// copying and for tools. Elements used: mi, mn, mo, mtext, mspace, mrow,
// mfrac, msqrt, mroot, msub, msup, msubsup, munder, mover, munderover,
// mtable, mtr, mtd, mphantom. mathvariant is only ever "normal" (an upright
// single letter), the one value MathML Core keeps: other alphabets are
// written with the Unicode mathematical alphanumeric symbols (ℝ, 𝐱, 𝒜).
//
// # What is covered
//
//   - Letters become <mi> (one each; in \mathrm and \operatorname a word is
//     one <mi>), numbers such as 3.14 <mn>, other characters <mo>. Han text
//     typed in a formula is <mtext>. - is the minus sign −, * is ∗, ' a prime.
//   - Scripts: x_i, x^2, x_i^2, x^{10}, primes f', {}^{14}C. \limits and
//     \nolimits.
//   - Fractions: \frac \dfrac \tfrac \cfrac, {a \over b}; binomials: \binom
//     \dbinom \tbinom, {n \choose k}, \brack, \brace, \atop. Roots: \sqrt{x},
//     \sqrt[n]{x}. Numeric arguments without braces: \frac12, \sqrt2.
//   - Large operators, which take their limits under and over in display
//     style and beside in text style: \sum \prod \coprod \bigcup \bigcap
//     \bigsqcup \bigvee \bigwedge \bigoplus \bigotimes \bigodot \biguplus;
//     integrals (limits always beside): \int \iint \iiint \iiiint \oint
//     \oiint \oiiint. Function names: \sin \cos \tan \cot \sec \csc, their
//     hyperbolic and arc forms, \log \ln \lg \exp \deg \dim \arg \ker \hom
//     \sgn; with limits: \lim \max \min \sup \inf \det \gcd \Pr \limsup
//     \liminf \argmax \argmin. A function name is followed by a thin space
//     unless a fence or an operator comes next. \operatorname{…} and
//     \operatorname*{…}, \mathop, \mathbin, \mathrel, \mathord and kin.
//   - Fonts: \mathbb \mathcal \mathscr \mathfrak \mathrm \mathup \mathbf
//     \mathit \mathsf \mathtt \mathnormal \boldsymbol \bm \pmb \Bbb, and the
//     switches \rm \bf \it \cal \sf \tt.
//   - Text: \text \textrm \textnormal \textup \mbox \hbox, and \textbf
//     \textit \emph \textsf \texttt (set with a CSS font style); inside,
//     $…$ is math again, and \{ \} \$ \% \& \_ \# \ldots \quad are known.
//   - Accents: \hat \widehat \check \widecheck \tilde \widetilde \bar
//     \overline \underline \vec \overrightarrow \overleftarrow
//     \overleftrightarrow \underrightarrow \underleftarrow \dot \ddot \dddot
//     \breve \acute \grave \mathring \overbrace \underbrace (scripts go
//     over and under them) \overparen \underparen; \overset \underset
//     \stackrel; \xrightarrow[below]{above} and its kin.
//   - Delimiters: \left … \middle … \right with ( ) [ ] \{ \} | \| / < >
//     \langle \rangle \lfloor \rfloor \lceil \rceil \lvert \rvert \lVert
//     \rVert \vert \Vert \uparrow \downarrow and ".", which stretch; fixed
//     sizes \big \Big \bigg \Bigg with l, r and m. Fences written bare, such
//     as ( or \{, do not stretch, as in TeX.
//   - Symbols: Greek (upper case upright, as in TeX; \var forms), the common
//     binary operators, relations and negated relations, arrows, dots (\ldots
//     \cdots \vdots \ddots \dots), \infty \partial \nabla \emptyset \forall
//     \exists and other ordinary symbols; see symbols.go for the full list.
//     \not before a relation gives its negated character (≠, ∉) or a slash.
//   - Spacing: \, \: \; \! \quad \qquad \enspace \thinspace \medspace, "\ ",
//     ~, \hspace{1em}, \kern, \mkern (mu are converted to em).
//   - \pmod \bmod \mod \pod; \boxed, \fbox and \textcircled (a border in a style
//     attribute); \phantom \hphantom \vphantom; \tag{…} (written after the
//     formula); \color{…} and \textcolor{…}{…} (the colour is dropped, the
//     content kept), \colorbox; \displaystyle \textstyle \scriptstyle
//     \scriptscriptstyle; the size switches \small … \Huge are ignored, and
//     so are \label \nonumber \notag \hline \hdashline \strut \relax.
//   - Environments: matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix
//     smallmatrix, array{…} and subarray{…} (l, c and r columns; p, m and b
//     columns are set left; | and @{…} are read but not drawn), cases dcases
//     rcases, aligned align align* alignat alignat* alignedat split eqnarray
//     flalign (columns alternately right and left), gathered gather gather*
//     multline equation equation*. Rows end with \\, \newline or \cr, optionally with
//     a length: \\[2pt] (a bracket after \\ that holds no length starts the
//     next row, as in MathJax). Rows and & outside any environment are laid
//     out as gathered, or as aligned when they have columns.
//
// Everything else, \def and \newcommand included, is an *Error that names
// the command or environment and its byte offset in the TeX; Convert never
// panics on any input, and bounds nesting depth.
//
// # What the page must provide
//
// Tables that align columns carry a class, because Chromium does not read
// MathML's columnalign: the theme's stylesheet sets tex-align tables
// (aligned and kin) with odd columns to the right and even ones to the left,
// and tex-cases tables (cases) to the left. Array columns carry their
// text-align in a style attribute.
package texmath
