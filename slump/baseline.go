package slump

import "math"

// Baseline compares one item of the last 7 days (sleep, mood or
// motivation) with the runner's own usual: the 28 days before them.
type Baseline struct {
	Mean float64 // the usual: the mean of the logged days of the 28 days before the week
	SD   float64 // their sample standard deviation (divided by n-1), before the floor
	Days int     // logged days behind Mean and SD: 14 to 28

	Recent     float64 // the mean of the logged days of the 7 days ending on the reading's date
	RecentDays int     // 2 to 7

	// Z is (Recent-Mean)/max(SD, floor): how many usual spreads below (when
	// negative) or above the usual the week is. The floor is 0.5 h of sleep
	// and 1 point (one step of the scale) of mood or motivation.
	Z float64
}

// Baseline numbers (design choices after Saw et al. 2018; see the README).
const (
	baselineDays    = 28 // the usual is the 28 days before the week
	minBaselineDays = 14 // logged days of those 28 before a usual is believed
	sleepSDFloor    = 50 // hundredths of an hour: 0.5 h
	scaleSDFloor    = 10 // tenths of a point: 1.0, one step of the 1-5 scales

	// z at or below which an item is flagged (Saw et al. 2018: 1.0 and 1.5).
	baselineFlag   = -1.0
	baselineStrong = -1.5
	zEpsilon       = 1e-9 // so a z of exactly -1.0 computed in floating point is flagged
)

// The items a baseline is kept for, in the order of Metrics.
const (
	itemSleep = iota
	itemMood
	itemMotivation
	nItems
)

// itemSums are the sums of the three items over some logged days: sleep in
// hundredths of an hour, mood and motivation as given.
type itemSums struct {
	n          int
	sum, sumSq [nItems]int64
}

func (s *itemSums) add(c *Checkin) {
	s.n++
	for k, v := range [nItems]int64{int64(hundredths(c.SleepHours)), int64(c.Mood), int64(c.Motivation)} {
		s.sum[k] += v
		s.sumSq[k] += v * v
	}
}

// minus returns the sums of the days counted in s and not in t.
func (s itemSums) minus(t itemSums) itemSums {
	d := itemSums{n: s.n - t.n}
	for k := range nItems {
		d.sum[k], d.sumSq[k] = s.sum[k]-t.sum[k], s.sumSq[k]-t.sumSq[k]
	}
	return d
}

// baseline returns the baseline of item k for a week whose sums are recent,
// against the usual days in usual, and false when either has too few days.
func baseline(k int, recent, usual itemSums) (Baseline, bool) {
	if usual.n < minBaselineDays || recent.n < minLoggedForAverage {
		return Baseline{}, false
	}
	scale, floor := 1.0, float64(scaleSDFloor)/10
	if k == itemSleep {
		scale, floor = 100, float64(sleepSDFloor)/100
	}
	n := float64(usual.n)
	mean := float64(usual.sum[k]) / n / scale
	// Sample variance from integer sums: (n*sumSq - sum^2) / (n(n-1)).
	v := float64(int64(usual.n)*usual.sumSq[k]-usual.sum[k]*usual.sum[k]) / (n * (n - 1)) / (scale * scale)
	sd := math.Sqrt(max(v, 0))
	rec := float64(recent.sum[k]) / float64(recent.n) / scale
	return Baseline{
		Mean: mean, SD: sd, Days: usual.n,
		Recent: rec, RecentDays: recent.n,
		Z: (rec - mean) / max(sd, floor),
	}, true
}

// baselinePoints returns the points a baseline adds to its signal: 0, or
// the points of the -1.0 or the -1.5 flag.
func baselinePoints(b Baseline, ok bool) int {
	switch {
	case !ok:
		return 0
	case b.Z <= baselineStrong+zEpsilon:
		return pointsBaselineStrong
	case b.Z <= baselineFlag+zEpsilon:
		return pointsBaseline
	}
	return 0
}
