package slump

import (
	"math"
	"slices"
	"testing"
)

// loadDays returns check-ins on consecutive days, the first start days from
// today, with the given daily loads: -1 for no check-in, 0 for a complete
// rest day, otherwise effort 5 (or a divisor of the load) and the minutes
// that multiply to it; 8 h of sleep, mood and motivation 4.
func loadDays(start int, loads ...int) []Checkin {
	var h []Checkin
	for i, au := range loads {
		if au < 0 {
			continue
		}
		c := checkin(today.AddDays(start+i), "e0 min0")
		for e := 5; au > 0 && e >= 1; e-- {
			if au%e == 0 {
				c.Effort, c.Minutes = e, Int(au/e)
				break
			}
		}
		h = append(h, c)
	}
	return h
}

func repeatInt(n, v int) []int { return slices.Repeat([]int{v}, n) }

// near reports whether p is set and within 1e-6 of want.
func near(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) <= 1e-6 }

func TestLoadValue(t *testing.T) {
	tests := []struct {
		name    string
		load    Load
		au      int
		unknown bool
	}{
		{"effort x minutes", Load{Effort: 7, Minutes: Int(60)}, 420, false},
		{"a rest day is 0", Load{Effort: 0}, 0, false},
		{"a rest day is 0 whatever the minutes", Load{Effort: 0, Minutes: Int(30)}, 0, false},
		{"effort without minutes is unknown", Load{Effort: 4}, 0, true},
		{"0 minutes of training is 0", Load{Effort: 4, Minutes: Int(0)}, 0, false},
	}
	for _, tc := range tests {
		au, known := tc.load.Value()
		if au != tc.au || known == tc.unknown {
			t.Errorf("%s: Value() = %d, %v; want %d, %v", tc.name, au, known, tc.au, !tc.unknown)
		}
	}
	c := checkin(today, "e6 min45")
	if l := LoadOf(c); l.Date != today || l.Effort != 6 || *l.Minutes != 45 {
		t.Errorf("LoadOf = %+v", l)
	}
	if ls := LoadsOf([]Checkin{c, checkin(today.AddDays(-1), "e0")}); len(ls) != 2 || ls[1].Minutes != nil {
		t.Errorf("LoadsOf = %+v", ls)
	}
}

// The oracle: daily loads 0,135,420,120,0,450,60.
func TestFosterWeekOracle(t *testing.T) {
	for _, order := range [][]int{{0, 135, 420, 120, 0, 450, 60}, {450, 0, 60, 135, 0, 120, 420}} {
		m := meterOf(loadDays(-6, order...), today).Metrics
		if m.WeeklyLoad == nil || *m.WeeklyLoad != 1185 || !near(m.Monotony, 0.967017) || !near(m.Strain, 1145.914831) {
			t.Errorf("%v: weekly load %v, monotony %v, strain %v; want 1185, 0.967017, 1145.914831",
				order, derefInt(m.WeeklyLoad), deref(m.Monotony), deref(m.Strain))
		}
		if m.LoadKnownDays != 7 || m.LoadUnknownDays != 0 {
			t.Errorf("%d known, %d unknown days", m.LoadKnownDays, m.LoadUnknownDays)
		}
	}
}

func TestMonotony(t *testing.T) {
	a := 250
	tests := []struct {
		name          string
		history       []Checkin
		load          int // -1: nil
		monotony      float64
		strain        float64 // NaN: nil, with load
		known, unkown int
	}{
		// k equal days and 7-k rest days: monotony sqrt(k/(7-k)) whatever
		// the load, with the population SD (the sample SD would give
		// 1.069045, 1.463850, 2.267787).
		{"4 training days", loadDays(-6, a, 0, a, 0, a, 0, a), 4 * a, 1.154701, 1154.700538, 7, 0},
		{"5 training days", loadDays(-6, a, a, 0, a, a, 0, a), 5 * a, 1.581139, 1976.423538, 7, 0},
		{"6 training days", loadDays(-6, a, a, a, 0, a, a, a), 6 * a, math.Sqrt(6), 3674.234614, 7, 0},
		{"7 equal days: the cap, 10", loadDays(-6, repeatInt(7, a)...), 7 * a, 10, 17500, 7, 0},
		{"an all-zero week has no monotony", loadDays(-6, repeatInt(7, 0)...), 0, math.NaN(), 0, 7, 0},
		// The weekly load counts a missing day 0, a lower bound; monotony and
		// strain need all 7 loads: a guessed 0 makes a week look varied, a
		// guessed run makes it look alike.
		{"5 known days: a lower bound on the load, no monotony", loadDays(-6, -1, a, a, 0, a, -1, a), 4 * a, math.NaN(), math.NaN(), 5, 0},
		{"4 known days are too few", loadDays(-6, -1, a, -1, 0, a, -1, a), -1, 0, 0, 4, 0},
		{"days of effort without minutes are unknown",
			join(loadDays(-6, a, a, 0, a, a), week("-", "-", "-", "-", "-", "e4", "e6")), 4 * a, math.NaN(), math.NaN(), 5, 2},
		{"4 known, 1 unknown: too few",
			join(loadDays(-6, a, -1, 0, a, a), week("-", "-", "-", "-", "-", "e4", "-")), -1, 0, 0, 4, 1},
		{"a rest day is 0 whatever its minutes",
			join(loadDays(-6, a, a, a, a, a, a), week("-", "-", "-", "-", "-", "-", "e0 min45")), 6 * a, math.Sqrt(6), 3674.234614, 7, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := meterOf(tc.history, today).Metrics
			if m.LoadKnownDays != tc.known || m.LoadUnknownDays != tc.unkown {
				t.Errorf("%d known, %d unknown days; want %d, %d", m.LoadKnownDays, m.LoadUnknownDays, tc.known, tc.unkown)
			}
			if tc.load < 0 {
				if m.WeeklyLoad != nil || m.Monotony != nil || m.Strain != nil {
					t.Errorf("weekly load %v, monotony %v, strain %v; want nil", derefInt(m.WeeklyLoad), deref(m.Monotony), deref(m.Strain))
				}
				return
			}
			if m.WeeklyLoad == nil || *m.WeeklyLoad != tc.load {
				t.Errorf("weekly load %v, want %d", derefInt(m.WeeklyLoad), tc.load)
			}
			if math.IsNaN(tc.monotony) != (m.Monotony == nil) || m.Monotony != nil && !near(m.Monotony, tc.monotony) {
				t.Errorf("monotony %v, want %v", deref(m.Monotony), tc.monotony)
			}
			if math.IsNaN(tc.strain) != (m.Strain == nil) || m.Strain != nil && !near(m.Strain, tc.strain) {
				t.Errorf("strain %v, want %v", deref(m.Strain), tc.strain)
			}
		})
	}
}

func TestMonotonySignal(t *testing.T) {
	alike := []int{240, 240, 240, 0, 240, 240, 240} // monotony 2.449
	varied := []int{240, 60, 480, 0, 120, 240, 450} // 1.327
	tests := []struct {
		name    string
		history []Checkin
		points  int // 0: does not fire
		detail  string
	}{
		{"monotony 2.45 fires", loadDays(-6, alike...), 10,
			"training monotony 2.45 this week, above 2: your days are too alike"},
		{"monotony 1.33 does not", loadDays(-6, varied...), 0, ""},
		// The 4 weeks before, varied: strain 2111 against 3527 now.
		{"above the usual strain: 15 points",
			loadDays(-34, slices.Concat(varied, varied, varied, varied, alike)...), 15,
			"training monotony 2.45 this week, above 2: your days are too alike; strain 3527 is above your usual 2111"},
		{"the same strain as usual: 10 points",
			loadDays(-34, slices.Concat(alike, alike, alike, alike, alike)...), 10,
			"training monotony 2.45 this week, above 2: your days are too alike"},
		{"2 weeks before are too few for a usual: 10 points",
			loadDays(-20, slices.Concat(varied, varied, alike)...), 10,
			"training monotony 2.45 this week, above 2: your days are too alike"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := meterOf(tc.history, today)
			var got Signal
			for _, s := range r.Signals {
				if s.ID == SignalMonotony {
					got = s
				}
			}
			if got.Points != tc.points || got.Detail != tc.detail {
				t.Errorf("monotony signal %d %q; want %d %q\n%s", got.Points, got.Detail, tc.points, tc.detail, describe(r))
			}
		})
	}
}

// The usual strain is the median of the 4 weeks before.
func TestUsualStrain(t *testing.T) {
	week := func(au int) []int { return []int{au, au, au, 0, au, au, au} } // strain 6 au x sqrt(6)
	h := loadDays(-34, slices.Concat(week(100), week(300), week(200), week(400), week(250))...)
	m := meterOf(h, today).Metrics
	if want := 6 * 250 * math.Sqrt(6); !near(m.UsualStrain, want) {
		t.Errorf("usual strain %v, want %v (the median of 600, 1200, 1800, 2400 x sqrt 6)", deref(m.UsualStrain), want)
	}
	if m := meterOf(loadDays(-20, slices.Concat(week(100), week(300), week(250))...), today).Metrics; m.UsualStrain != nil {
		t.Errorf("usual strain %v from 2 weeks, want nil", *m.UsualStrain)
	}
	if m := meterOf(loadDays(-27, slices.Concat(week(100), week(300), week(200), week(250))...), today).Metrics; !near(m.UsualStrain, 1200*math.Sqrt(6)) {
		t.Errorf("usual strain %v from 3 weeks, want their median", deref(m.UsualStrain))
	}
}

// The oracle: 21 days of load 30, then 7 days of 50.
func TestACWROracle(t *testing.T) {
	h := loadDays(-27, slices.Concat(repeatInt(21, 30), repeatInt(7, 50))...)
	m := meterOf(h, today).Metrics
	if !near(m.ACWR, 1.428571) {
		t.Errorf("coupled rolling ACWR %v, want 1.428571", deref(m.ACWR))
	}
	// By hand: both EWMAs are 30 after 21 days; then a = 50-20*0.75^7 and
	// c = 50-20*(27/29)^7. Williams et al. 2017 report 1.25 for such an
	// athlete, where rolling averages give 1.43.
	want := (50 - 20*math.Pow(0.75, 7)) / (50 - 20*math.Pow(27.0/29, 7))
	if !near(m.ACWREWMA, want) || !near(m.ACWREWMA, 1.249746) {
		t.Errorf("EWMA ACWR %v, want %v", deref(m.ACWREWMA), want)
	}
	if hasSignal(meterOf(h, today), SignalLoadSpike) {
		t.Error("a ratio of 1.43 fires load_spike")
	}
}

// A hand-checked series with rest days, missing days and a first week that
// is not flat, computed with the recursion in Python.
func TestACWRIrregular(t *testing.T) {
	loads := make([]int, 38)
	for i := range loads {
		loads[i] = -1
	}
	for d, au := range map[int]int{0: 200, 1: 0, 2: 300, 4: 450, 5: 60, 6: 0, 7: 240, 9: 350, 10: 0, 11: 180, 13: 420,
		14: 0, 15: 200, 16: 300, 18: 360, 19: 100, 20: 0, 21: 150, 23: 500, 24: 240, 25: 0, 27: 600, 28: 200, 30: 0,
		31: 480, 32: 560, 33: 300, 34: 0, 35: 420, 36: 640, 37: 250} {
		loads[d] = au
	}
	h := loadDays(-37, loads...)
	r := meterOf(h, today)
	m := r.Metrics
	checks := []struct {
		name string
		got  *float64
		want float64
	}{
		{"rolling ACWR", m.ACWR, 1.796610169},
		{"EWMA ACWR", m.ACWREWMA, 1.396996844}, // seed 144.285714: the first 7 days' mean
		{"monotony", m.Monotony, 1.895276131},
		{"strain", m.Strain, 5022.481746},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, deref(c.got), c.want)
		}
	}
	// Each of the 4 weeks before has a day not logged: none has a strain,
	// so there is no usual strain to compare with (with the missing days
	// as 0 it would be the median of 742.57, 958.43, 1122.68 and 990.14).
	if m.UsualStrain != nil {
		t.Errorf("usual strain %v from weeks with a day not logged, want nil", *m.UsualStrain)
	}
	if *m.WeeklyLoad != 2650 || !hasSignal(r, SignalLoadSpike) {
		t.Errorf("weekly load %d, load_spike %v", *m.WeeklyLoad, hasSignal(r, SignalLoadSpike))
	}
	// 10 days earlier, the series is 28 days long: the EWMA at t = 27.
	if m := meterOf(h, today.AddDays(-10)).Metrics; !near(m.ACWREWMA, 1.351855789) {
		t.Errorf("EWMA ACWR on day 27 = %v, want 1.351855789", deref(m.ACWREWMA))
	}
}

// The ratios are shown once 28 days of data exist, with enough known loads
// in each of the 4 weeks.
func TestACWRShownWhen(t *testing.T) {
	tests := []struct {
		name    string
		history []Checkin
		shown   bool
	}{
		{"28 days", loadDays(-27, repeatInt(28, 30)...), true},
		{"27 days", loadDays(-26, repeatInt(27, 30)...), false},
		{"28 days, the first one 35 days back", loadDays(-34, slices.Concat([]int{30}, repeatInt(6, -1), repeatInt(28, 30))...), true},
		{"a week with 2 missing days", loadDays(-27, slices.Concat(repeatInt(14, 30), []int{30, -1, 30, -1, 30, 30, 30}, repeatInt(7, 30))...), true},
		{"a week with 3 missing days", loadDays(-27, slices.Concat(repeatInt(14, 30), []int{30, -1, 30, -1, 30, -1, 30}, repeatInt(7, 30))...), false},
		{"a week with 3 days of unknown load",
			join(loadDays(-27, slices.Concat(repeatInt(21, 30), []int{30, -1, 30, -1, 30, -1, 30})...), days(-5, "e3", "-", "e3", "-", "e3")), false},
		{"no load in 28 days", loadDays(-27, repeatInt(28, 0)...), false},
	}
	for _, tc := range tests {
		m := meterOf(tc.history, today).Metrics
		if (m.ACWR != nil) != tc.shown || (m.ACWREWMA != nil) != tc.shown {
			t.Errorf("%s: ACWR %v, EWMA %v; want shown %v", tc.name, deref(m.ACWR), deref(m.ACWREWMA), tc.shown)
		}
	}
}

// The EWMA runs from the first check-in of the loads given, the rest of
// the reading from the window: a store passes the journal's loads.
func TestEWMAFromTheFirstCheckin(t *testing.T) {
	// The window starts on day -68, in the middle of a block at 400.
	h := loadDays(-99, slices.Concat(repeatInt(30, 100), repeatInt(20, 400), repeatInt(50, 100))...)
	from, to := Window(today)
	window := inRange(h, from, to)
	full, part := meterOf(h, today), meterOf(window, today)
	withLoads := defaults.Reading(window, LoadsOf(h), today)
	if !near(full.Metrics.ACWREWMA, *withLoads.Metrics.ACWREWMA) || near(part.Metrics.ACWREWMA, *full.Metrics.ACWREWMA) {
		t.Errorf("EWMA: journal %v, window with loads %v, window alone %v",
			deref(full.Metrics.ACWREWMA), deref(withLoads.Metrics.ACWREWMA), deref(part.Metrics.ACWREWMA))
	}
	if !near(full.Metrics.ACWR, 1) || !near(part.Metrics.ACWR, 1) {
		t.Errorf("rolling ACWR %v and %v, want 1", deref(full.Metrics.ACWR), deref(part.Metrics.ACWR))
	}
	// Later loads are ignored, and so are loads with no date.
	extra := append(LoadsOf(h), Load{Date: today.AddDays(1), Effort: 10, Minutes: Int(600)}, Load{Effort: 9, Minutes: Int(90)})
	if got := defaults.Reading(window, extra, today); !near(got.Metrics.ACWREWMA, *full.Metrics.ACWREWMA) {
		t.Errorf("EWMA with a later load %v, want %v", deref(got.Metrics.ACWREWMA), *full.Metrics.ACWREWMA)
	}
}

func TestLoadSpikeDetail(t *testing.T) {
	h := join(days(-27, repeat(21, "e3 min10")...), week("e0", "e5 min60", "e2 min50", "e4 min50", "e2 min30", "e4 min60", "e0"))
	r := meterOf(h, today)
	want := "load spike vs your last 4 weeks: this week's load is 2.36 times your 4-week average (a description, not an injury predictor)"
	if len(r.Signals) != 1 || r.Signals[0].Detail != want || r.Signals[0].Points != 10 {
		t.Errorf("signals %+v, want load_spike: %q", r.Signals, want)
	}
}
