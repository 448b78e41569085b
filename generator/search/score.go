package search

import "math"

// storedScore is the stored form q of a score s > 0:
// max(1, round(scoreScale·ln(1+s))).
func storedScore(s float64) uint32 {
	return max(uint32(math.Round(scoreScale*math.Log1p(s))), 1)
}

// Build computes a stored score for every posting, and a logarithm costs
// more than all else it does per posting, so fastStoredScore reads it from
// a table: storedScore rises by one at each of a few dozen steps, at least
// 0.098 apart, so an interval of width 1/scoreBuckets holds one step at most;
// scoreTable[i] is the stored score at the start of interval i and the step
// inside it, if any. A test checks it against storedScore at and around
// every step.
const (
	scoreBuckets = 16  // intervals per unit of s
	scoreTableTo = 256 // s covered by the table; beyond, the logarithm
)

type scoreBucket struct {
	q    uint32  // stored score at the start of the interval
	step float64 // s from which it is q+1 (+Inf if it stays q)
}

var scoreTable = func() []scoreBucket {
	t := make([]scoreBucket, scoreBuckets*scoreTableTo)
	for i := range t {
		lo, hi := float64(i)/scoreBuckets, float64(i+1)/scoreBuckets
		q := storedScore(lo)
		if i == 0 {
			q = 1
		}
		t[i] = scoreBucket{q, math.Inf(1)}
		if storedScore(math.Nextafter(hi, 0)) > q {
			t[i].step = leastWithScore(q+1, lo, hi)
		}
	}
	return t
}()

// leastWithScore is the least s in [lo, hi) whose stored score is at least
// q, by binary search over the bit patterns of positive floats, whose order
// is that of the floats.
func leastWithScore(q uint32, lo, hi float64) float64 {
	a, b := math.Float64bits(lo), math.Float64bits(hi)
	for a < b {
		mid := a + (b-a)/2
		if storedScore(math.Float64frombits(mid)) >= q {
			b = mid
		} else {
			a = mid + 1
		}
	}
	return math.Float64frombits(a)
}

// fastStoredScore is storedScore by scoreTable.
func fastStoredScore(s float64) uint32 {
	if !(s >= 0 && s < scoreTableTo) { // past the table (or NaN)
		return storedScore(s)
	}
	b := &scoreTable[int(s*scoreBuckets)]
	if s >= b.step {
		return b.q + 1
	}
	return b.q
}
