package search

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFastStoredScore: the table gives the stored score the logarithm
// gives, at and around every step, at every interval's ends, and at random.
func TestFastStoredScore(t *testing.T) {
	check := func(s float64) {
		if got, want := fastStoredScore(s), storedScore(s); got != want {
			t.Fatalf("fastStoredScore(%v) = %d, want %d", s, got, want)
		}
	}
	around := func(s float64) {
		for d := -64; d <= 64; d++ {
			if x := math.Float64frombits(uint64(int64(math.Float64bits(s)) + int64(d))); x > 0 {
				check(x)
			}
		}
	}
	steps := 0
	for i, b := range scoreTable {
		around(float64(i) / scoreBuckets)
		if !math.IsInf(b.step, 1) {
			around(b.step)
			steps++
		}
	}
	if steps < 50 {
		t.Errorf("%d steps in the table, want the ~66 up to s=%d", steps, scoreTableTo)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		check(math.Exp(rng.Float64()*14 - 7))
	}
	for _, s := range []float64{math.SmallestNonzeroFloat64, 1e-9, 0.5, 1, scoreTableTo, 1e12, math.Inf(1)} {
		check(s)
	}
}
