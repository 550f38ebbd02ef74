package slump

import "math"

// Baseline compares one item of the last 7 days (sleep, mood, motivation
// or legs) with the runner's own usual: the 28 days before them. Sick and
// injured days count in neither, and travel nights not for sleep: they say
// nothing of the runner's usual.
type Baseline struct {
	Mean float64 // the usual: the mean of the answers of the 28 days before the week
	SD   float64 // their sample standard deviation (divided by n-1), before the floor
	Days int     // answers behind Mean and SD: 14 to 28

	Recent     float64 // the mean of the answers of the 7 days ending on the reading's date
	RecentDays int     // 2 to 7

	// Z is (Recent-Mean)/max(SD, floor): how many usual spreads below (when
	// negative) or above the usual the week is. The floor is 0.5 h of sleep
	// and 1 point (one step of the scale) of mood, motivation or legs.
	Z float64
}

// Baseline numbers (design choices after Saw et al. 2018; see the README).
const (
	baselineDays    = 28 // the usual is the 28 days before the week
	minBaselineDays = 14 // logged days of those 28 before a usual is believed
	sleepSDFloor    = 50 // hundredths of an hour: 0.5 h
	scaleSDFloor    = 10 // tenths of a point: 1.0, one step of the 1-5 scales

	// z at or below which an item is flagged (Saw et al. 2018: 1.0 and 1.5;
	// 2.0, as far from the usual as an average of 2 out of 5 is from a usual
	// of 4, is laceup's).
	baselineFlag   = -1.0
	baselineStrong = -1.5
	baselineFar    = -2.0
	zEpsilon       = 1e-9 // so a z of exactly -1.0 computed in floating point is flagged
)

// The items a baseline is kept for, in the order of Metrics.
const (
	itemSleep = iota
	itemMood
	itemMotivation
	itemLegs
	nItems
)

// itemSums are the sums of the items over some days, each over the days
// that have its answer: sleep in hundredths of an hour, the 1-5 answers as
// given.
type itemSums struct {
	n          [nItems]int
	sum, sumSq [nItems]int64
}

// add counts the answers of c that tell of the runner's usual: none of a
// sick or injured day, and no night of a travel day.
func (s *itemSums) add(c *Checkin) {
	if c.DayType.Unwell() {
		return
	}
	if c.DayType != DayTravel {
		s.addItem(itemSleep, int64(hundredths(c.SleepHours)))
	}
	s.addItem(itemMood, int64(c.Mood))
	s.addItem(itemMotivation, int64(c.Motivation))
	if c.Legs != nil {
		s.addItem(itemLegs, int64(*c.Legs))
	}
}

func (s *itemSums) addItem(k int, v int64) {
	s.n[k]++
	s.sum[k] += v
	s.sumSq[k] += v * v
}

// minus returns the sums of the days counted in s and not in t.
func (s itemSums) minus(t itemSums) itemSums {
	var d itemSums
	for k := range nItems {
		d.n[k], d.sum[k], d.sumSq[k] = s.n[k]-t.n[k], s.sum[k]-t.sum[k], s.sumSq[k]-t.sumSq[k]
	}
	return d
}

// baseline returns the baseline of item k for a week whose sums are recent,
// against the usual days in usual, and false when either has too few days.
func baseline(k int, recent, usual itemSums) (Baseline, bool) {
	if usual.n[k] < minBaselineDays || recent.n[k] < minForAverage {
		return Baseline{}, false
	}
	scale, floor := 1.0, float64(scaleSDFloor)/10
	if k == itemSleep {
		scale, floor = 100, float64(sleepSDFloor)/100
	}
	n := float64(usual.n[k])
	mean := float64(usual.sum[k]) / n / scale
	// Sample variance from integer sums: (n*sumSq - sum^2) / (n(n-1)).
	v := float64(int64(usual.n[k])*usual.sumSq[k]-usual.sum[k]*usual.sum[k]) / (n * (n - 1)) / (scale * scale)
	sd := math.Sqrt(max(v, 0))
	rec := float64(recent.sum[k]) / float64(recent.n[k]) / scale
	return Baseline{
		Mean: mean, SD: sd, Days: usual.n[k],
		Recent: rec, RecentDays: recent.n[k],
		Z: (rec - mean) / max(sd, floor),
	}, true
}

// flag returns how far below the runner's usual b is: 0 (not below, or no
// baseline), or 1, 2 or 3 for z at or below -1.0, -1.5 and -2.0.
func (b Baseline) flag(ok bool) int {
	switch {
	case !ok:
		return 0
	case b.Z <= baselineFar+zEpsilon:
		return 3
	case b.Z <= baselineStrong+zEpsilon:
		return 2
	case b.Z <= baselineFlag+zEpsilon:
		return 1
	}
	return 0
}
