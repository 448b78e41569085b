package search

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFastStoredScore: the table lookup gives the stored score the
// logarithm gives, at every step, on both sides of it, and at random.
func TestFastStoredScore(t *testing.T) {
	check := func(s float64) {
		if got, want := fastStoredScore(s), storedScore(s); got != want {
			t.Fatalf("fastStoredScore(%v) = %d, want %d", s, got, want)
		}
	}
	for _, s := range scoreSteps {
		for d := -64; d <= 64; d++ {
			check(math.Float64frombits(uint64(int64(math.Float64bits(s)) + int64(d))))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		check(math.Exp(rng.Float64()*12 - 6))
	}
	for _, s := range []float64{math.SmallestNonzeroFloat64, 1e-9, 0.5, 1, 1000, 1e12, math.Inf(1)} {
		check(s)
	}
}
