package slump

import (
	"math"
	"testing"
)

// The oracle: 21 days of effort 5 x 60 min, then 7 days of effort
// 5 x 100 min; on the 28th day fitness = 178.256693, fatigue = 428.011585,
// form = -245.604221.
func TestFitnessFatigueOracle(t *testing.T) {
	first := NewDate(2026, 1, 1)
	var loads []Load
	for i := range 28 {
		m := 60
		if i >= 21 {
			m = 100
		}
		loads = append(loads, Load{Date: first.AddDays(i), Effort: 5, Minutes: Int(m)})
	}
	day := first.AddDays(27)
	got := FitnessFatigue(loads, DefaultFormBands(), day, day)
	if len(got) != 1 {
		t.Fatalf("%d days", len(got))
	}
	d := got[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"fitness", d.Fitness, 178.256693}, {"fatigue", d.Fatigue, 428.011585}, {"form", d.Form, -245.604221}} {
		if math.Abs(c.got-c.want) > 1e-6 {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	if d.HasBand {
		t.Errorf("a band after 28 days of journal: %v (fitness is still building)", d.Band)
	}
}

// Fitness from the last FitnessLookback days is within 1e-6 of the whole
// journal's, even with the heaviest loads before.
func TestFitnessLookback(t *testing.T) {
	first := NewDate(2010, 1, 1)
	day := NewDate(2026, 3, 1)
	var all []Load
	for d := first; !d.After(day); d = d.AddDays(1) {
		all = append(all, Load{Date: d, Effort: MaxEffort, Minutes: Int(MaxMinutes)}) // 14,400 AU a day
	}
	// The last 100 days easy, so the history matters as much as it can.
	for i := len(all) - 100; i < len(all); i++ {
		all[i].Effort, all[i].Minutes = 1, Int(1)
	}
	full := FitnessFatigue(all, DefaultFormBands(), day, day)[0]
	bounded := FitnessFatigue(all[len(all)-FitnessLookback:], DefaultFormBands(), day, day)[0]
	if d := math.Abs(full.Fitness - bounded.Fitness); d > 1e-6 {
		t.Errorf("fitness from %d days differs by %g", FitnessLookback, d)
	}
	if d := math.Abs(full.Form - bounded.Form); d > 1e-6 {
		t.Errorf("form from %d days differs by %g", FitnessLookback, d)
	}
}

func TestFormBands(t *testing.T) {
	b := DefaultFormBands()
	for pct, want := range map[float64]FormBand{
		25: BandTransition, 20.01: BandTransition, 20: BandFresh, 8: BandFresh, 5: BandNeutral, 0: BandNeutral,
		-10: BandNeutral, -10.01: BandOptimal, -30: BandOptimal, -30.01: BandHighRisk, -80: BandHighRisk,
	} {
		if got := b.Band(pct); got != want {
			t.Errorf("Band(%v) = %s, want %s", pct, got, want)
		}
	}
}

// A day without a check-in, or with an effort but no minutes, counts 0
// and is counted as unknown.
func TestFitnessUnknownDays(t *testing.T) {
	first := NewDate(2026, 1, 1)
	loads := []Load{
		{Date: first, Effort: 5, Minutes: Int(60)},
		{Date: first.AddDays(1), Effort: 6}, // no minutes
		{Date: first.AddDays(2), Effort: 0}, // rest: known 0
		// first+3 not logged
		{Date: first.AddDays(4), Effort: 5, Minutes: Int(60)},
	}
	got := FitnessFatigue(loads, DefaultFormBands(), first.AddDays(4), first.AddDays(4))
	if len(got) != 1 || got[0].UnknownDays != 2 {
		t.Errorf("unknown days = %+v, want 2", got)
	}
}
