package texmath

import "testing"

// benchFormulas are formulas of the kinds a math-heavy book is made of.
var benchFormulas = []string{
	`O(n^2)`, `a_i`, `n`, `\frac{n(n+1)}{2}`, `\sum_{i=1}^{n} \binom{n}{i} x^i`, `\gcd(a, b) = 1`,
	`f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}`, `\varphi(n) = n \prod_{p \mid n} \left(1 - \frac{1}{p}\right)`,
	`\begin{aligned} a &= b + c \\ &= d \end{aligned}`, `x \in \mathbb{Z}`, `\lim_{n\to\infty} \left(1+\frac1n\right)^n = e`,
	`\operatorname{lcm}(a,b) \equiv 0 \pmod{p}`,
}

func BenchmarkConvert(b *testing.B) {
	n := 0
	for _, f := range benchFormulas {
		n += len(f)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range benchFormulas {
			if _, err := Convert(f, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
