package slump

import (
	"math"
	"testing"
)

// usualThen returns 28 days (-34..-7) of the usual spec, the first one
// alternating with alt when alt is not empty, then the week's 7 specs.
func usualThen(usual, alt string, weekSpecs ...string) []Checkin {
	specs := repeat(28, usual)
	if alt != "" {
		for i := 0; i < len(specs); i += 2 {
			specs[i] = alt
		}
	}
	return join(days(-34, specs...), week(weekSpecs...))
}

func TestBaselines(t *testing.T) {
	tests := []struct {
		name        string
		history     []Checkin
		item        string // sleep, mood, motivation or legs
		mean, sd, z float64
		days        int
		recent      float64
		points      int    // points of the item's signal
		detail      string // "" when it does not fire
	}{
		// Sample SD: mood alternating 3 and 5 over 28 days has SD
		// sqrt(28/27) = 1.0184, so a week at 3 is z = -0.982: not flagged
		// (the population SD, 1, would give exactly -1.0).
		{"the sample SD", usualThen("e3 mood5", "e3 mood3", repeat(7, "e3 mood3")...), "mood",
			4, math.Sqrt(28.0 / 27), -1 / math.Sqrt(28.0/27), 28, 3, 0, ""},
		{"a step below a steady usual: the floor of 1 point, z -1.0", usualThen("e3 mood4", "", repeat(7, "e3 mood3")...), "mood",
			4, 0, -1, 28, 3, 15, "mood averaged 3.0/5 over 7 days, 1.0 below your usual 4.0"},
		{"1.5 points below: z -1.5", usualThen("e3 mot4", "", "e3 mot2", "e3 mot3", "e0 mot2", "e3 mot3", "e3 mot2", "-", "e0 mot3"),
			"motivation", 4, 0, -1.5, 28, 2.5, 25, "motivation averaged 2.5/5 over 6 days, 1.5 below your usual 4.0"},
		{"half an hour under a steady 8 h: the floor of 0.5 h, z -1.0", usualThen("e3 s8", "", repeat(7, "e3 s7.5")...), "sleep",
			8, 0, -1, 28, 7.5, 5, "averaging 7.5 h of sleep over 7 nights, 0.5 h below your usual 8.0 h"},
		{"7.25 h under a steady 8 h: z -1.5", usualThen("e3 s8", "", repeat(7, "e3 s7.25")...), "sleep",
			8, 0, -1.5, 28, 7.25, 10, "averaging 7.2 h of sleep over 7 nights, 0.8 h below your usual 8.0 h"},
		{"the fixed rule and the usual together", usualThen("e3 mood4", "", repeat(7, "e3 mood2")...), "mood",
			4, 0, -2, 28, 2, 30, "mood averaged 2.0/5 over 7 days: you have been feeling low; 2.0 below your usual 4.0"},
		{"6.5 h is this runner's usual: the fixed rule stays in force", usualThen("e3 s6.5", "", repeat(7, "e3 s6.5")...), "sleep",
			6.5, 0, 0, 28, 6.5, 15, "averaging 6.5 h of sleep over 7 nights; adults need 7 or more"},
		{"legs two steps below their usual: z -2.0", usualThen("e3 legs4", "", repeat(7, "e3 legs2")...), "legs",
			4, 0, -2, 28, 2, 30, "legs averaged 2.0/5 over 7 days: heavy and flat, easy paces feel hard; 2.0 below your usual 4.0"},
		{"a sick week says nothing of the usual", usualThen("e3 mood4", "e0 sick mood1", repeat(7, "e3 mood3")...), "mood",
			4, 0, -1, 14, 3, 15, "mood averaged 3.0/5 over 7 days, 1.0 below your usual 4.0"},
		{"above the usual", usualThen("e3 mood3", "", repeat(7, "e3 mood5")...), "mood", 3, 0, 2, 28, 5, 0, ""},
		{"14 logged days are enough", join(days(-34, append(repeat(14, "e3 mood4"), repeat(14, "-")...)...), week(repeat(7, "e3 mood3")...)),
			"mood", 4, 0, -1, 14, 3, 15, "mood averaged 3.0/5 over 7 days, 1.0 below your usual 4.0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := meterOf(tc.history, today)
			b := map[string]*Baseline{"sleep": r.Metrics.Sleep, "mood": r.Metrics.Mood, "motivation": r.Metrics.Motivation, "legs": r.Metrics.Legs}[tc.item]
			if b == nil {
				t.Fatalf("no %s baseline", tc.item)
			}
			if math.Abs(b.Mean-tc.mean) > 1e-9 || math.Abs(b.SD-tc.sd) > 1e-9 || math.Abs(b.Z-tc.z) > 1e-9 ||
				b.Days != tc.days || math.Abs(b.Recent-tc.recent) > 1e-9 {
				t.Errorf("baseline %+v; want mean %v, SD %v, z %v, %d days, recent %v", *b, tc.mean, tc.sd, tc.z, tc.days, tc.recent)
			}
			id := map[string]string{"sleep": SignalShortSleep, "mood": SignalLowMood, "motivation": SignalLowMotivation, "legs": SignalHeavyLegs}[tc.item]
			var got Signal
			for _, s := range r.Signals {
				if s.ID == id {
					got = s
				}
			}
			if got.Points != tc.points || got.Detail != tc.detail {
				t.Errorf("%s %d %q; want %d %q", id, got.Points, got.Detail, tc.points, tc.detail)
			}
		})
	}
}

func TestBaselinesNeedData(t *testing.T) {
	tests := []struct {
		name    string
		history []Checkin
	}{
		{"13 logged days of 28", join(days(-34, append(repeat(13, "e3 mood4"), repeat(15, "-")...)...), week(repeat(7, "e3 mood1")...))},
		{"1 logged day in the week", join(days(-34, repeat(28, "e3 mood4")...), week("-", "-", "-", "-", "-", "-", "e3 mood1"))},
		{"the usual days are the 28 before the week, not older",
			join(days(-40, repeat(14, "e3 mood4")...), week(repeat(7, "e3 mood1")...))}, // days -40..-27: 8 of them
	}
	for _, tc := range tests {
		m := meterOf(tc.history, today).Metrics
		if m.Sleep != nil || m.Mood != nil || m.Motivation != nil {
			t.Errorf("%s: baselines %v %v %v, want none", tc.name, m.Sleep, m.Mood, m.Motivation)
		}
	}
}
