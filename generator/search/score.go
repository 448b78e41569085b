package search

import "math"

// storedScore is the stored form q of a score s > 0:
// max(1, round(scoreScale·ln(1+s))).
func storedScore(s float64) uint32 {
	return max(uint32(math.Round(scoreScale*math.Log1p(s))), 1)
}

// scoreSteps[k] is the least s whose storedScore is k+2: storedScore
// rises by one at each step, so the stored score of s is 1 plus the number
// of steps at or below it. Build looks it up for every posting, which is
// cheaper than a logarithm; a test checks both agree.
var scoreSteps = func() []float64 {
	var steps []float64
	for k := uint32(2); k <= 96; k++ {
		// Binary search over the bit patterns of positive floats, whose
		// order is that of the floats.
		lo, hi := math.Float64bits(0), math.Float64bits(math.Exp(float64(k)/scoreScale))
		for lo < hi {
			mid := lo + (hi-lo)/2
			if storedScore(math.Float64frombits(mid)) >= k {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		steps = append(steps, math.Float64frombits(lo))
	}
	return steps
}()

// fastStoredScore is storedScore by scoreSteps.
func fastStoredScore(s float64) uint32 {
	steps := scoreSteps
	if !(s < steps[len(steps)-1]) { // past the table (or NaN)
		return storedScore(s)
	}
	lo, hi := 0, len(steps)-1 // the answer, the steps at or below s, is in [lo, hi]
	for lo < hi {
		mid := (lo + hi) / 2
		if steps[mid] <= s {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return uint32(lo) + 1
}
