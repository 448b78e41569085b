package texmath

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// inner is the MathML of tex without the <math>, <semantics> and annotation
// around it.
func inner(t *testing.T, tex string, display bool) string {
	t.Helper()
	out, err := Convert(tex, display)
	if err != nil {
		t.Fatalf("%s: %v", tex, err)
	}
	open := "<math><semantics>"
	if display {
		open = `<math display="block"><semantics>`
	}
	end := "<annotation encoding=\"application/x-tex\">"
	if !strings.HasPrefix(out, open) || !strings.Contains(out, end) {
		t.Fatalf("%s: no <math>, <semantics> or annotation in %s", tex, out)
	}
	return out[len(open):strings.Index(out, end)]
}

// TestConvert lists every construct the package doc promises, inline.
func TestConvert(t *testing.T) {
	for _, c := range []struct{ tex, want string }{
		{`x`, `<mi>x</mi>`},
		{`12.5`, `<mn>12.5</mn>`},
		{`x_1`, `<msub><mi>x</mi><mn>1</mn></msub>`},
		{`x^2`, `<msup><mi>x</mi><mn>2</mn></msup>`},
		{`x_i^2`, `<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>`},
		{`f'`, `<msup><mi>f</mi><mo>′</mo></msup>`},
		{`f''(x)`, `<mrow><msup><mi>f</mi><mo>″</mo></msup><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>`},
		{`f'^2`, `<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>`},
		{`{}^{14}C`, `<mrow><msup><mrow></mrow><mn>14</mn></msup><mi>C</mi></mrow>`},
		{`a+b-c`, `<mrow><mi>a</mi><mo>+</mo><mi>b</mi><mo>−</mo><mi>c</mi></mrow>`},
		{`a*b`, `<mrow><mi>a</mi><mo>∗</mo><mi>b</mi></mrow>`},
		{`\frac{a}{b}`, `<mfrac><mi>a</mi><mi>b</mi></mfrac>`},
		{`\dfrac12`, `<mfrac displaystyle="true"><mn>1</mn><mn>2</mn></mfrac>`},
		{`\tfrac{1}{2}`, `<mfrac displaystyle="false"><mn>1</mn><mn>2</mn></mfrac>`},
		{`\binom{n}{k}`, `<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>`},
		{`{a \over b}`, `<mfrac><mi>a</mi><mi>b</mi></mfrac>`},
		{`{n \choose k}`, `<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>`},
		{`\sqrt{x}`, `<msqrt><mi>x</mi></msqrt>`},
		{`\sqrt[3]{x}`, `<mroot><mi>x</mi><mn>3</mn></mroot>`},
		{`\sum_{i=1}^n i`, `<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><mi>i</mi></mrow>`},
		{`\prod_i x_i`, `<mrow><msub><mo>∏</mo><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub></mrow>`},
		{`\int_0^1 f`, `<mrow><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi></mrow>`},
		{`\lim_{x\to0} f`, `<mrow><msub><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></msub><mspace width="0.1667em"/><mi>f</mi></mrow>`},
		{`\max_i a_i`, `<mrow><msub><mi>max</mi><mi>i</mi></msub><mspace width="0.1667em"/><msub><mi>a</mi><mi>i</mi></msub></mrow>`},
		{`\sum\limits_i`, `<munder><mo>∑</mo><mi>i</mi></munder>`},
		{`\sum\nolimits_i`, `<msub><mo>∑</mo><mi>i</mi></msub>`},
		{`\mathbb{R}`, `<mi>ℝ</mi>`},
		{`\mathcal{L}`, `<mi>ℒ</mi>`},
		{`\mathrm{d}x`, `<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>`},
		{`\mathrm{max}`, `<mi>max</mi>`},
		{`\mathbf{v}`, `<mi>𝐯</mi>`},
		{`\mathit{x}`, `<mi>𝑥</mi>`},
		{`\boldsymbol{\alpha}`, `<mi>𝜶</mi>`},
		{`\mathsf{A}`, `<mi>𝖠</mi>`},
		{`\mathtt{a}`, `<mi>𝚊</mi>`},
		{`\mathfrak{g}`, `<mi>𝔤</mi>`},
		{`\operatorname{lcm}(a,b)`, `<mrow><mi>lcm</mi><mo stretchy="false">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy="false">)</mo></mrow>`},
		{`\operatorname*{argmax}_x`, `<msub><mi>argmax</mi><mi>x</mi></msub>`},
		{`\text{if } x`, `<mrow><mtext>if </mtext><mi>x</mi></mrow>`},
		{`\textbf{b}`, `<mtext style="font-weight:bold">b</mtext>`},
		{`\mbox{a b}`, `<mtext>a b</mtext>`},
		{`\text{当 $x>0$ 时}`, `<mrow><mtext>当 </mtext><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow><mtext> 时</mtext></mrow>`},
		{`\hat{x}`, `<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>`},
		{`\bar x`, `<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>`},
		{`\vec{v}`, `<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>`},
		{`\tilde a`, `<mover accent="true"><mi>a</mi><mo stretchy="false">~</mo></mover>`},
		{`\dot x`, `<mover accent="true"><mi>x</mi><mo stretchy="false">˙</mo></mover>`},
		{`\overline{AB}`, `<mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">‾</mo></mover>`},
		{`\underline{x}`, `<munder accentunder="true"><mi>x</mi><mo stretchy="true">_</mo></munder>`},
		{`\overbrace{a+b}^{n}`, `<mover><mover accent="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏞</mo></mover><mi>n</mi></mover>`},
		{`\underbrace{a+b}_{n}`, `<munder><munder accentunder="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏟</mo></munder><mi>n</mi></munder>`},
		{`\left(\frac{a}{b}\right)`, `<mrow><mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo></mrow>`},
		{`\left.\frac{a}{b}\right|`, `<mrow><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>|</mo></mrow>`},
		{`\left\{x \middle| x>0\right\}`, `<mrow><mo>{</mo><mi>x</mi><mo stretchy="true">|</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn><mo>}</mo></mrow>`},
		{`\big(`, `<mo stretchy="true" minsize="1.2em" maxsize="1.2em">(</mo>`},
		{`\Bigg]`, `<mo stretchy="true" minsize="2.470em" maxsize="2.470em">]</mo>`},
		{`\langle x\rangle`, `<mrow><mo stretchy="false">⟨</mo><mi>x</mi><mo stretchy="false">⟩</mo></mrow>`},
		{`\alpha\Gamma\omega`, `<mrow><mi>α</mi><mi mathvariant="normal">Γ</mi><mi>ω</mi></mrow>`},
		{`\pm\times\div\cdot`, `<mrow><mo>±</mo><mo>×</mo><mo>÷</mo><mo>⋅</mo></mrow>`},
		{`\leq\geq\neq\approx\equiv`, `<mrow><mo>≤</mo><mo>≥</mo><mo>≠</mo><mo>≈</mo><mo>≡</mo></mrow>`},
		{`\to\Rightarrow\iff\mapsto`, `<mrow><mo>→</mo><mo>⇒</mo><mo>⟺</mo><mo>↦</mo></mrow>`},
		{`\ldots\cdots\vdots\ddots`, `<mrow><mo>…</mo><mo>⋯</mo><mo>⋮</mo><mo>⋱</mo></mrow>`},
		{`a\,b\;c\quad d\qquad e\!f`, `<mrow><mi>a</mi><mspace width="0.1667em"/><mi>b</mi><mspace width="0.2778em"/><mi>c</mi><mspace width="1em"/><mi>d</mi><mspace width="2em"/><mi>e</mi><mspace width="-0.1667em"/><mi>f</mi></mrow>`},
		{`\not\in`, `<mo>∉</mo>`},
		{`\not\sim`, `<mo>≁</mo>`},
		{`a \pmod{p}`, `<mrow><mi>a</mi><mrow><mspace width="1em"/><mo stretchy="false">(</mo><mi>mod</mi><mspace width="0.3333em"/><mi>p</mi><mo stretchy="false">)</mo></mrow></mrow>`},
		{`a \bmod b`, `<mrow><mi>a</mi><mo lspace="0.2222em" rspace="0.2222em">mod</mo><mi>b</mi></mrow>`},
		{`\{x\}`, `<mrow><mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo></mrow>`},
		{`\lvert x\rvert`, `<mrow><mo stretchy="false">|</mo><mi>x</mi><mo stretchy="false">|</mo></mrow>`},
		{`a\mid b`, `<mrow><mi>a</mi><mo>∣</mo><mi>b</mi></mrow>`},
		{`\|x\|`, `<mrow><mo stretchy="false">‖</mo><mi>x</mi><mo stretchy="false">‖</mo></mrow>`},
		{`\displaystyle\sum_i x`, `<mrow displaystyle="true" scriptlevel="0"><munder><mo>∑</mo><mi>i</mi></munder><mi>x</mi></mrow>`},
		{`\color{red}{x}`, `<mi>x</mi>`},
		{`\color{red} x+y`, `<mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow>`},
		{`\textcolor{blue}{y}`, `<mi>y</mi>`},
		{`\boxed{x}`, `<mrow style="border:1px solid;padding:0.2em"><mi>x</mi></mrow>`},
		{`\textcircled{1}`, `<mrow style="border:1px solid;border-radius:50%;padding:0 0.25em"><mtext>1</mtext></mrow>`},
		{`\begin{matrix}a\newline b\end{matrix}`, `<mtable><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>`},
		{`\begin{matrix}a&b\\c&d\end{matrix}`, `<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>`},
		{`\begin{pmatrix}1\end{pmatrix}`, `<mrow><mo>(</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo>)</mo></mrow>`},
		{`\begin{bmatrix}1\end{bmatrix}`, `<mrow><mo>[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo>]</mo></mrow>`},
		{`\begin{vmatrix}1\end{vmatrix}`, `<mrow><mo>|</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo>|</mo></mrow>`},
		{`\begin{array}{c|l}a&b\end{array}`, `<mtable><mtr><mtd><mi>a</mi></mtd><mtd style="text-align:left"><mi>b</mi></mtd></mtr></mtable>`},
		{`\begin{cases}1&x>0\\0&\text{else}\end{cases}`, `<mrow><mo>{</mo><mtable class="tex-cases"><mtr><mtd><mn>1</mn></mtd><mtd><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mtext>else</mtext></mtd></mtr></mtable></mrow>`},
		{`\begin{aligned}a&=b\\&=c\end{aligned}`, `<mtable class="tex-align" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd></mtd><mtd><mo>=</mo><mi>c</mi></mtd></mtr></mtable>`},
		{`\begin{align*}a&=b\end{align*}`, `<mtable class="tex-align" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr></mtable>`},
		{`\begin{gathered}a\\b\end{gathered}`, `<mtable displaystyle="true"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>`},
		{`a\\b`, `<mtable displaystyle="true"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>`},
		{`a&=b\\c&=d`, `<mtable class="tex-align" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mo>=</mo><mi>d</mi></mtd></mtr></mtable>`},
		{`\sin x`, `<mrow><mi>sin</mi><mspace width="0.1667em"/><mi>x</mi></mrow>`},
		{`\sin(x)`, `<mrow><mi>sin</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>`},
		{`\log_2 n`, `<mrow><msub><mi>log</mi><mn>2</mn></msub><mspace width="0.1667em"/><mi>n</mi></mrow>`},
		{`x \in \mathbb{Z}`, `<mrow><mi>x</mi><mo>∈</mo><mi>ℤ</mi></mrow>`},
		{`α+β`, `<mrow><mi>α</mi><mo>+</mo><mi>β</mi></mrow>`},
		{`x_{最大}`, `<msub><mi>x</mi><mtext>最大</mtext></msub>`},
		{`5\%`, `<mrow><mn>5</mn><mo>%</mo></mrow>`},
		{`\xrightarrow{f}`, `<mover><mo stretchy="true" minsize="2em">→</mo><mi>f</mi></mover>`},
		{`\overset{!}{=}`, `<mover><mo>=</mo><mo>!</mo></mover>`},
		{`\substack{i<n\\j<m}`, `<mtable><mtr><mtd><mi>i</mi><mo>&lt;</mo><mi>n</mi></mtd></mtr><mtr><mtd><mi>j</mi><mo>&lt;</mo><mi>m</mi></mtd></mtr></mtable>`},
		{`\tag{1}`, `<mrow><mspace width="2em"/><mtext>(</mtext><mtext>1</mtext><mtext>)</mtext></mrow>`},
		{`\hspace{1em}`, `<mspace width="1em"/>`},
		{`\mathbb{1}`, `<mn>𝟙</mn>`},
	} {
		if got := inner(t, c.tex, false); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.tex, got, c.want)
		}
	}
}

// TestDisplay: in display math large operators and \lim take their limits
// under and over; in a fraction or a script they do not.
func TestDisplay(t *testing.T) {
	for _, c := range []struct{ tex, want string }{
		{`\sum_{i=1}^n i`, `<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>i</mi></mrow>`},
		{`\lim_{x\to0}`, `<munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>`},
		{`\int_0^1`, `<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>`},
		{`\frac{\sum_i a}{2}`, `<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><mi>a</mi></mrow><mn>2</mn></mfrac>`},
		{`\textstyle\sum_i`, `<mrow displaystyle="false" scriptlevel="0"><msub><mo>∑</mo><mi>i</mi></msub></mrow>`},
	} {
		if got := inner(t, c.tex, true); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.tex, got, c.want)
		}
	}
}

func TestAnnotation(t *testing.T) {
	out, err := Convert(`a<b`, true)
	want := `<math display="block"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>` +
		`<annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>`
	if err != nil || out != want {
		t.Errorf("got %s, %v\nwant %s", out, err, want)
	}
}

// TestErrors: what the converter does not cover is an error naming the
// command and its byte offset, never a panic.
func TestErrors(t *testing.T) {
	for _, c := range []struct {
		tex    string
		offset int
		cmd    string
		msg    string
	}{
		{`x+\foo{y}`, 2, `\foo`, `unsupported command "\foo"`},
		{`\begin{tikzcd}a\end{tikzcd}`, 7, "tikzcd", `unsupported environment "tikzcd"`},
		{`\frac{a}{b`, 8, "", `missing "}"`},
		{`\left( x`, 0, `\left`, `missing "\right" for "\left"`},
		{`\begin{matrix}a\end{pmatrix}`, 20, "pmatrix", `"\end{pmatrix}" ends "\begin{matrix}"`},
		{`x^1^2`, 3, "", "double superscript"},
		{`x}`, 1, "", `unexpected "}"`},
		{`\frac{a}`, 8, "", "missing argument"},
		{`\text{\foo}`, 6, `\foo`, `unsupported command "\foo" in text`},
		{`\left\foo x\right)`, 5, `\foo`, `unsupported delimiter "\foo" after "\left"`},
		{`\begin{array}{cx}a\end{array}`, 15, "", `unsupported column type "x"`},
		{`a\def\b{c}`, 1, `\def`, `unsupported command "\def"`},
		{`\hspace{3furlongs}`, 9, "", `unsupported unit "fu"`},
		{strings.Repeat("{", 500), 0, "", "formula nested too deeply"},
	} {
		_, err := Convert(c.tex, false)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%.40s: got %v, want an *Error", c.tex, err)
			continue
		}
		if c.tex[0] == '{' { // the depth: only the message matters
			e.Offset = 0
		}
		if e.Offset != c.offset || e.Cmd != c.cmd || e.Msg != c.msg {
			t.Errorf("%s: got %d %q %q, want %d %q %q", c.tex, e.Offset, e.Cmd, e.Msg, c.offset, c.cmd, c.msg)
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		`\frac{a}{b}`, `\left(\begin{matrix}a&b\\c\end{matrix}\right.`, `x_{i}^{2}'`, `\text{a $b$ c}`,
		`\sqrt[3]{\mathbb{R}}`, `\begin{array}{c|l}a&b\\[2pt]c\end{array}`, `\not\in`, `{a\over b}`,
		`\hspace{1em}\kern3mu`, `\operatorname*{arg\,max}_x`, `\big(\Bigg]`, `\color{red}x`,
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		out, err := Convert(tex, display)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(tex) {
				t.Fatalf("%q: bad error %v", tex, err)
			}
			return
		}
		if utf8.ValidString(tex) && !utf8.ValidString(out) {
			t.Fatalf("%q: invalid UTF-8 out of valid input", tex)
		}
		if !strings.HasSuffix(out, "</annotation></semantics></math>") {
			t.Fatalf("%q: bad output %s", tex, out)
		}
	})
}
