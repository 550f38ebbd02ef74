package slump

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// today is the reading date of the tests: Sunday 15 March 2026.
var today = NewDate(2026, time.March, 15)

// days builds a history of consecutive days, the first one start days from
// today (-6 is the first day of today's week). Each spec is one day:
//
//	"-"                    no check-in that day
//	""                     an ordinary day: effort 3, 8 h sleep, mood 4, motivation 4
//	"e8 s6.5 mood2 mot1"   the ordinary day with effort 8, 6.5 h sleep, mood 2, motivation 1
//	"min45"                45 minutes of training (Minutes is nil otherwise)
func days(start int, specs ...string) history {
	var h history
	for i, spec := range specs {
		if spec == "-" {
			continue
		}
		h = append(h, checkin(today.AddDays(start+i), spec))
	}
	return h
}

// week is the history of today's week, day -6 to today: exactly 7 specs.
func week(specs ...string) history {
	if len(specs) != 7 {
		panic(fmt.Sprintf("week needs 7 days, got %d", len(specs)))
	}
	return days(-6, specs...)
}

// repeat returns n copies of spec.
func repeat(n int, spec string) []string {
	return slices.Repeat([]string{spec}, n)
}

// join concatenates histories, in order.
func join(hs ...[]Checkin) []Checkin { return slices.Concat(hs...) }

// history is a list of check-ins built by days or week.
type history []Checkin

// withAll returns h with extra tokens applied to every check-in.
func (h history) withAll(extra string) history {
	out := slices.Clone(h)
	for i := range out {
		apply(&out[i], extra)
	}
	return out
}

// checkin returns the ordinary day d changed by spec.
func checkin(d Date, spec string) Checkin {
	c := Checkin{Date: d, Effort: 3, SleepHours: 8, Mood: 4, Motivation: 4}
	apply(&c, spec)
	return c
}

func apply(c *Checkin, spec string) {
	atoi := func(s string) int {
		v, err := strconv.Atoi(s)
		if err != nil {
			panic(fmt.Sprintf("bad day spec %q: %v", spec, err))
		}
		return v
	}
	for _, tok := range strings.Fields(spec) {
		if v, ok := strings.CutPrefix(tok, "mood"); ok {
			c.Mood = atoi(v)
		} else if v, ok := strings.CutPrefix(tok, "mot"); ok {
			c.Motivation = atoi(v)
		} else if v, ok := strings.CutPrefix(tok, "min"); ok {
			c.Minutes = Int(atoi(v))
		} else if v, ok := strings.CutPrefix(tok, "e"); ok {
			c.Effort = atoi(v)
		} else if v, ok := strings.CutPrefix(tok, "s"); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				panic(fmt.Sprintf("bad day spec %q: %v", spec, err))
			}
			c.SleepHours = f
		} else {
			panic(fmt.Sprintf("bad day spec %q: unknown %q", spec, tok))
		}
	}
}

// calm is a week with nothing wrong: varied training, two rest days.
var calm = []string{"e3", "e5", "e0", "e4", "e3", "e6", "e0"}

// with returns calm's week with extra tokens added to every day.
func with(extra string) history {
	specs := make([]string, len(calm))
	for i, s := range calm {
		specs[i] = s + " " + extra
	}
	return week(specs...)
}

type meterCase struct {
	name        string
	history     []Checkin
	day         Date // the zero Date means today
	wantScore   int
	wantLevel   Level
	wantSignals []string // strongest first
	wantTip     string
}

func meterCases() []meterCase {
	var (
		hard  = SignalHardEfforts
		rest  = SignalNoRestDay
		sleep = SignalShortSleep
		mot   = SignalLowMotivation
		mood  = SignalLowMood
	)
	return []meterCase{
		// Nothing to go on, nothing wrong.
		{"empty history", nil, today, 0, LevelOK, nil, TipListenToBody},
		{"a calm week", week(calm...), today, 0, LevelOK, nil, TipListenToBody},

		// hard_efforts: more than 2 days of effort >= 7.
		{"2 hard efforts are the rule of thumb",
			week("e8", "e3", "e7", "e0", "e3", "e4", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"3 hard efforts: 20 points",
			week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{"effort 6 is not a hard effort",
			week("e8", "e6", "e7", "e0", "e6", "e6", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"4 hard efforts: 30 points",
			week("e8", "e7", "e7", "e0", "e9", "e3", "e3"), today, 30, LevelWatch, []string{hard}, TipCapHardEfforts},
		{"5 hard efforts: 40 points",
			week("e8", "e7", "e7", "e0", "e9", "e10", "e3"), today, 40, LevelWatch, []string{hard}, TipCapHardEfforts},
		{"6 hard efforts: still 40 points",
			week("e8", "e8", "e0", "e8", "e8", "e8", "e8"), today, 40, LevelWatch, []string{hard}, TipCapHardEfforts},

		// no_rest_day: no effort 0 among at least 4 logged days of the week.
		{"a week without a rest day: 20 points",
			week("e3", "e4", "e3", "e5", "e3", "e4", "e3"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{"one rest day is enough",
			week("e3", "e4", "e3", "e0", "e3", "e4", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"4 logged days without a rest day fire",
			week("-", "-", "-", "e3", "e4", "e3", "e5"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{"3 logged days are too few: the others may have been rest days",
			week("-", "-", "-", "-", "e4", "e3", "e5"), today, 0, LevelOK, nil, TipListenToBody},
		{"no rest day in 14 days, 10 logged: 30 points",
			days(-13, append(repeat(4, "-"), repeat(10, "e3")...)...), today, 30, LevelWatch, []string{rest}, TipTakeRestDay},
		{"no rest day in 14 days but only 9 logged: 20 points",
			days(-13, append(repeat(5, "-"), repeat(9, "e3")...)...), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{"a rest day 13 days ago keeps it at 20 points",
			days(-13, append([]string{"e0"}, repeat(13, "e3")...)...), today, 20, LevelOK, []string{rest}, TipTakeRestDay},

		// short_sleep: average over the logged days below 7 h, below 6 h.
		{"7.0 h of sleep is enough", with("s7"), today, 0, LevelOK, nil, TipListenToBody},
		{"6.99 h of sleep is short: 15 points", with("s6.99"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{"6.0 h of sleep is short, not very short", with("s6"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{"5.99 h of sleep is very short: 25 points", with("s5.99"), today, 25, LevelOK, []string{sleep}, TipSleepMore},
		{"one short night is not a pattern",
			week("-", "-", "-", "-", "-", "-", "e0 s4"), today, 0, LevelOK, nil, TipListenToBody},
		{"two short nights are",
			week("-", "-", "-", "-", "-", "e3 s5", "e0 s5"), today, 25, LevelOK, []string{sleep}, TipSleepMore},
		{"days without a check-in don't count in the average",
			week("-", "-", "-", "-", "-", "e3 s6.5", "e0 s7.5"), today, 0, LevelOK, nil, TipListenToBody},

		// low_motivation: average of the logged days <= 2.0, <= 1.5.
		{"motivation averaging 2.0: 20 points", with("mot2"), today, 20, LevelOK, []string{mot}, TipNewGear},
		{"motivation averaging 2.14 does not fire",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot2", "e6 mot2", "e0 mot3"), today, 0, LevelOK, nil, TipListenToBody},
		{"motivation averaging 1.5: 25 points",
			week("e3 mot1", "e5 mot2", "e0 mot1", "e4 mot2", "e3 mot1", "-", "e0 mot2"), today, 25, LevelOK, []string{mot}, TipNewGear},
		{"motivation averaging 1.57: 20 points",
			week("e3 mot1", "e5 mot2", "e0 mot1", "e4 mot2", "e3 mot1", "e6 mot2", "e0 mot2"), today, 20, LevelOK, []string{mot}, TipNewGear},
		{"one day of low motivation does not fire",
			week("-", "-", "-", "-", "-", "-", "e3 mot1"), today, 0, LevelOK, nil, TipListenToBody},

		// low_mood: average of the logged days <= 2.0, <= 1.5.
		{"mood averaging 2.0: 15 points", with("mood2"), today, 15, LevelOK, []string{mood}, TipNewGear},
		{"mood averaging 2.14 does not fire",
			week("e3 mood2", "e5 mood2", "e0 mood2", "e4 mood2", "e3 mood2", "e6 mood2", "e0 mood3"), today, 0, LevelOK, nil, TipListenToBody},
		{"mood averaging 1.5: 20 points",
			week("e3 mood1", "e5 mood2", "e0 mood1", "e4 mood2", "e3 mood1", "-", "e0 mood2"), today, 20, LevelOK, []string{mood}, TipNewGear},
		{"one day of low mood does not fire",
			week("-", "-", "-", "-", "-", "-", "e3 mood1"), today, 0, LevelOK, nil, TipListenToBody},

		// Order of the signals: points, then the fixed order.
		{"hard_efforts before no_rest_day on a tie",
			week("e7", "e7", "e7", "e3", "e3", "e3", "e3"), today, 40, LevelWatch, []string{hard, rest}, TipCapHardEfforts},
		{"no_rest_day before low_motivation on a tie",
			week("e3 mot2", "e4 mot2", "e3 mot2", "e5 mot2", "e3 mot2", "e6 mot2", "e3 mot2"), today, 40, LevelWatch,
			[]string{rest, mot}, TipTakeRestDay},
		{"short_sleep before low_motivation on a tie", with("s5 mot1"), today, 50, LevelWatch,
			[]string{sleep, mot}, TipSleepMore},
		{"the strongest signal leads",
			week("e7", "e7", "e7", "e0", "e3", "e3", "e3").withAll("s5"), today, 45, LevelWatch,
			[]string{sleep, hard}, TipSleepMore},

		// Level bands through the meter (points come in fives: 25/30 and 55/60).
		{"25 points is ok", with("s5"), today, 25, LevelOK, []string{sleep}, TipSleepMore},
		{"30 points is watch",
			week("e8", "e7", "e7", "e0", "e9", "e3", "e3"), today, 30, LevelWatch, []string{hard}, TipCapHardEfforts},
		{"55 points is watch",
			week("e8", "e8", "e0", "e8", "e8", "e8", "e3").withAll("s6.5"), today, 55, LevelWatch,
			[]string{hard, sleep}, TipCapHardEfforts},
		{"60 points is slump",
			week("e8", "e8", "e0", "e8", "e8", "e8", "e3").withAll("mood1"), today, 60, LevelSlump,
			[]string{hard, mood}, TipCapHardEfforts},
		{"the score stops at 100",
			week("e8", "e8", "e8", "e8", "e8", "e8", "e8").withAll("s4 mood1 mot1"), today, 100, LevelSlump,
			[]string{hard, sleep, mot, rest, mood}, TipStepAway},

		// Every tip, one row each, named after it.
		{TipStepAway + " after 3 days in the slump band",
			week("-", "-", "-", "e0 s5 mood1 mot1", "e2 s5 mood1 mot1", "e2 s5 mood1 mot1", "e2 s5 mood1 mot1"),
			today, 70, LevelSlump, []string{sleep, mot, mood}, TipStepAway},
		{TipStepAway + " on day 2 of the break: keep going",
			week("e8", "e8", "e8", "e8", "e8", "e0", "e0").withAll("s5.5 mood2 mot1"),
			today, 100, LevelSlump, []string{hard, sleep, mot, mood}, TipStepAway},
		{TipListenToBody + " once 3 days of the break are done, though the week still scores",
			week("e8", "e8", "e8", "e8", "e0", "e0", "e0").withAll("s5.5 mood2 mot1"),
			today, 95, LevelSlump, []string{hard, sleep, mot, mood}, TipListenToBody},
		{TipStepAway + " with 4 signals on a 2-day slump",
			week("-", "-", "-", "e8 s5 mot1", "e8 s5 mot1", "e8 s5 mot1", "e8 s5 mot1"),
			today, 100, LevelSlump, []string{hard, sleep, mot, rest}, TipStepAway},
		{TipListenToBody, week(calm...), today, 0, LevelOK, nil, TipListenToBody},
		{TipCapHardEfforts, week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{TipTakeRestDay, week("e3", "e4", "e3", "e5", "e3", "e4", "e3"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{TipSleepMore, with("s6.5"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{TipMixItUp + ": low motivation in a week of 6 runs at effort 3-5",
			week("e3", "e4", "e3", "e0", "e4", "e5", "e3").withAll("mot2"), today, 20, LevelOK, []string{mot}, TipMixItUp},
		{TipRunningBuddy + ": low motivation and runs skipped (2 training days)",
			week("e3", "e0", "-", "e0", "e4", "-", "e0").withAll("mot2"), today, 20, LevelOK, []string{mot}, TipRunningBuddy},
		{"3 training days with low motivation are runs skipped",
			week("e3", "e0", "e4", "e0", "e5", "-", "e0").withAll("mot2"), today, 20, LevelOK, []string{mot}, TipRunningBuddy},
		{TipNewGear + ": a mild dip in mood, nothing else wrong", with("mood2"), today, 15, LevelOK, []string{mood}, TipNewGear},
		{TipRunningBuddy + ": low motivation and mood, beyond a mild dip", with("mot2 mood2"), today, 35, LevelWatch,
			[]string{mot, mood}, TipRunningBuddy},
		{"a 2-day slump with 3 signals is not deep yet",
			week("-", "-", "-", "-", "e0 s5 mood1 mot1", "e0 s5 mood1 mot1", "e0 s5 mood1 mot1"),
			today, 70, LevelSlump, []string{sleep, mot, mood}, TipSleepMore},
		{"low mood alone with few runs is still a mild dip",
			week("e3", "e0", "-", "e0", "e4", "-", "e0").withAll("mood2"), today, 15, LevelOK, []string{mood}, TipNewGear},
		{"4 alike training days are not a monotonous week",
			week("e3", "e4", "e0", "e0", "e4", "e0", "e3").withAll("mot2"), today, 20, LevelOK, []string{mot}, TipNewGear},
		{"efforts 3 to 6 are not a monotonous week",
			week("e3", "e4", "e3", "e0", "e4", "e6", "e3").withAll("mot2"), today, 20, LevelOK, []string{mot}, TipNewGear},

		// Which check-ins count.
		{"check-ins after the day are ignored",
			join(week(calm...), days(1, repeat(7, "e9 s3 mood1 mot1")...)), today, 0, LevelOK, nil, TipListenToBody},
		{"check-ins before the week don't count for the signals",
			join(days(-13, repeat(7, "e9 s3 mood1 mot1")...), week(calm...)), today, 0, LevelOK, nil, TipListenToBody},
		{"check-ins before the window are ignored",
			join(days(-26, repeat(7, "e9 s3 mood1 mot1")...), week(calm...)), today, 0, LevelOK, nil, TipListenToBody},
		{"the reading date is a parameter",
			week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today.AddDays(7), 0, LevelOK, nil, TipListenToBody},
		{"input in any order",
			reversed(week("e8", "e3", "e7", "e0", "e7", "e4", "e3")), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{"the last check-in of a date wins",
			join(week("e8", "e8", "e3", "e3", "e3", "e3", "e0"), days(0, "e8")), today, 40, LevelWatch,
			[]string{hard, rest}, TipCapHardEfforts},
		{"the last check-in of a date wins, the other way round",
			join(week("e8", "e8", "e3", "e3", "e3", "e3", "e8"), days(0, "e0")), today, 0, LevelOK, nil, TipListenToBody},
		{"a check-in with no date is ignored",
			join(week("-", "-", "-", "-", "-", "-", "e0 s5"), []Checkin{checkin(Date{}, "e0 s5")}), today, 0, LevelOK, nil,
			TipListenToBody},
	}
}

func reversed(h []Checkin) []Checkin {
	h = slices.Clone(h)
	slices.Reverse(h)
	return h
}

func TestMeter(t *testing.T) {
	for _, tc := range meterCases() {
		t.Run(tc.name, func(t *testing.T) {
			r := Meter(tc.history, tc.day)
			var ids []string
			for _, s := range r.Signals {
				ids = append(ids, s.ID)
			}
			if r.Score != tc.wantScore || r.Level != tc.wantLevel || !slices.Equal(ids, tc.wantSignals) || r.Tip.ID != tc.wantTip {
				t.Errorf("Meter = score %d, level %s, signals %v, tip %s; want %d, %s, %v, %s\n%s",
					r.Score, r.Level, ids, r.Tip.ID, tc.wantScore, tc.wantLevel, tc.wantSignals, tc.wantTip, describe(r))
			}
			if r.Date != tc.day {
				t.Errorf("Date = %s, want %s", r.Date, tc.day)
			}
		})
	}
}

func describe(r Reading) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  streak %d, deep %v, week %+v\n", r.SlumpStreak, r.DeepSlump, r.Week)
	for _, s := range r.Signals {
		fmt.Fprintf(&b, "  %s %d: %s\n", s.ID, s.Points, s.Detail)
	}
	return b.String()
}

// Every tip can be given: the table above has a row for each.
func TestEveryTipIsReachable(t *testing.T) {
	given := map[string]bool{}
	for _, tc := range meterCases() {
		given[tc.wantTip] = true
	}
	for _, tip := range Tips() {
		if !given[tip.ID] {
			t.Errorf("no row of meterCases gives tip %s", tip.ID)
		}
	}
}

func TestSignalDetails(t *testing.T) {
	tests := []struct {
		name    string
		history []Checkin
		id      string
		want    string
	}{
		{"hard efforts", week("e8", "e7", "e7", "e0", "e9", "e3", "e3"), SignalHardEfforts,
			"4 hard efforts in the last 7 days; the rule of thumb is 2"},
		{"no rest day in 7 days", week("-", "e3", "e4", "e3", "e5", "e3", "e4"), SignalNoRestDay,
			"no complete rest day in 7 days (6 logged); aim for at least 1 a week"},
		{"no rest day in 14 days", days(-13, append(repeat(2, "-"), repeat(12, "e3")...)...), SignalNoRestDay,
			"no complete rest day in 14 days (12 logged); aim for at least 1 a week"},
		{"short sleep", week("-", "-", "e0 s6", "e3 s6.5", "e3 s6", "e0 s6.5", "e3 s6"), SignalShortSleep,
			"averaging 6.2 h of sleep over 5 nights; adults need 7 or more"},
		{"sleep just under 7 h never reads 7.0", with("s6.99"), SignalShortSleep,
			"averaging 6.9 h of sleep over 7 nights; adults need 7 or more"},
		{"low motivation", week("-", "-", "-", "e3 mot2", "e0 mot2", "e3 mot2", "e0 mot1"), SignalLowMotivation,
			"motivation averaged 1.8/5 over 4 days: lacing up feels daunting"},
		{"low mood", week("-", "-", "-", "-", "-", "e3 mood2", "e0 mood2"), SignalLowMood,
			"mood averaged 2.0/5 over 2 days: you have been feeling low"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Meter(tc.history, today)
			for _, s := range r.Signals {
				if s.ID == tc.id {
					if s.Detail != tc.want {
						t.Errorf("Detail = %q, want %q", s.Detail, tc.want)
					}
					return
				}
			}
			t.Errorf("signal %s did not fire\n%s", tc.id, describe(r))
		})
	}
}

// Sleep is compared in hundredths of an hour; values Validate would reject
// are clamped rather than trusted.
func TestHundredths(t *testing.T) {
	tests := []struct {
		hours float64
		want  int
	}{{6.99, 699}, {7, 700}, {5.99, 599}, {7.456, 746}, {0, 0}, {24, 2400}, {-1, 0}, {30, 2400}, {math.NaN(), 0}, {math.Inf(1), 2400}}
	for _, tc := range tests {
		if got := hundredths(tc.hours); got != tc.want {
			t.Errorf("hundredths(%v) = %d, want %d", tc.hours, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 hard efforts", 1: "1 hard effort", 3: "3 hard efforts"} {
		if got := plural(n, "hard effort"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSlumpStreak(t *testing.T) {
	slumpDay := "e0 s5 mood1 mot1" // 70 points once 2 days are logged
	tests := []struct {
		name       string
		history    []Checkin
		wantStreak int
		wantDeep   bool
	}{
		{"not in the slump band", week(calm...), 0, false},
		{"first day in the band", days(-1, slumpDay, slumpDay), 1, false},
		{"second day", days(-2, slumpDay, slumpDay, slumpDay), 2, false},
		{"third day: deep", days(-3, slumpDay, slumpDay, slumpDay, slumpDay), 3, true},
		{"counted up to 7 days", days(-13, repeat(14, slumpDay)...), MaxSlumpStreak, true},
		// Days 0 and -1 score 75; day -2 has the rest day of day -8 and 6.0 h of
		// sleep (55); days -3 and -4 also have the 0 h night of day -9 (65).
		{"only consecutive days count",
			days(-9, append([]string{"e8 s0", "e0 s6"}, repeat(8, "e8 s6")...)...), 2, false},
		// Day 0 scores 80 with 4 signals; day -1 has only 3 days logged (50).
		{"4 signals make a 1-day slump deep", days(-3, repeat(4, "e8 s6.5 mood2")...), 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Meter(tc.history, today)
			if r.SlumpStreak != tc.wantStreak || r.DeepSlump != tc.wantDeep {
				t.Errorf("SlumpStreak %d, DeepSlump %v; want %d, %v\n%s",
					r.SlumpStreak, r.DeepSlump, tc.wantStreak, tc.wantDeep, describe(r))
			}
			if (r.SlumpStreak > 0) != (r.Level == LevelSlump) {
				t.Errorf("SlumpStreak %d with level %s", r.SlumpStreak, r.Level)
			}
		})
	}
}

// The streak reaches back to day -6, whose week needs day -19 for the 14-day
// rest rule: a rest day on day -19 costs the streak its seventh day. So
// Window cannot start any later.
func TestStreakNeedsTheWholeWindow(t *testing.T) {
	base := "e3 s6.5 mood2" // short_sleep 15 + low_mood 15 + no_rest_day 20 or 30
	without := Meter(days(-19, repeat(20, base)...), today)
	with := Meter(days(-19, append([]string{"e0 s6.5 mood2"}, repeat(19, base)...)...), today)
	if without.SlumpStreak != 7 || with.SlumpStreak != 6 {
		t.Errorf("SlumpStreak = %d without and %d with a rest day on day -19; want 7 and 6",
			without.SlumpStreak, with.SlumpStreak)
	}
}

func TestWeekSummary(t *testing.T) {
	r := Meter(week("e8 s6 mood3 mot2 min60", "-", "e0 s8 mood4 mot4", "e7 s7.5 mood5 mot3 min45", "-",
		"e3 s6.5 mood2 mot3", "e0 s9 mood4 mot3 min0"), today)
	w := r.Week
	if w.Start != today.AddDays(-6) || w.End != today {
		t.Errorf("week %s to %s, want %s to %s", w.Start, w.End, today.AddDays(-6), today)
	}
	got := []int{w.Checkins, w.HardEfforts, w.RestDays, w.Minutes}
	if want := []int{5, 2, 2, 105}; !slices.Equal(got, want) {
		t.Errorf("check-ins, hard efforts, rest days, minutes = %v, want %v", got, want)
	}
	for _, a := range []struct {
		name string
		got  *float64
		want float64
	}{{"sleep", w.AvgSleepHours, 7.4}, {"mood", w.AvgMood, 3.6}, {"motivation", w.AvgMotivation, 3.0}} {
		if a.got == nil || *a.got < a.want-1e-9 || *a.got > a.want+1e-9 {
			t.Errorf("average %s = %v, want %v", a.name, deref(a.got), a.want)
		}
	}
	if r.CheckinsLast7Days() != 5 {
		t.Errorf("CheckinsLast7Days = %d, want 5", r.CheckinsLast7Days())
	}

	empty := Meter(nil, today).Week
	want := WeekSummary{Start: today.AddDays(-6), End: today}
	if !reflect.DeepEqual(empty, want) {
		t.Errorf("empty week = %+v, want %+v", empty, want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestEmptyHistory(t *testing.T) {
	r := Meter(nil, today)
	if r.Signals == nil || len(r.Signals) != 0 {
		t.Errorf("Signals = %#v, want an empty, non-nil list", r.Signals)
	}
	if r.Score != 0 || r.Level != LevelOK || r.Tip.ID != TipListenToBody || r.CheckinsLast7Days() != 0 ||
		r.SlumpStreak != 0 || r.DeepSlump {
		t.Errorf("Meter(nil) = %+v", r)
	}
}

func TestLevelOf(t *testing.T) {
	tests := []struct {
		score int
		want  Level
	}{{0, LevelOK}, {29, LevelOK}, {30, LevelWatch}, {59, LevelWatch}, {60, LevelSlump}, {100, LevelSlump}}
	for _, tc := range tests {
		if got := LevelOf(tc.score); got != tc.want {
			t.Errorf("LevelOf(%d) = %s, want %s", tc.score, got, tc.want)
		}
	}
}

func TestWindow(t *testing.T) {
	tests := []struct{ day, from string }{
		{"2026-03-15", "2026-02-24"},
		{"2026-01-05", "2025-12-17"},
		{"2024-03-10", "2024-02-20"}, // leap year
	}
	for _, tc := range tests {
		day := mustDate(t, tc.day)
		from, to := Window(day)
		if from.String() != tc.from || to != day {
			t.Errorf("Window(%s) = %s, %s; want %s, %s", day, from, to, tc.from, day)
		}
		if n := to.DaysSince(from) + 1; n != 20 {
			t.Errorf("Window(%s) holds %d days, want 20", day, n)
		}
	}
}

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// randomHistory returns a history of the days around today, some missing,
// with values drawn from ranges picked per history so that every signal
// fires in some of them. With dups, some dates appear twice.
func randomHistory(rng *rand.Rand, dups bool) []Checkin {
	maxMood, maxMot := 1+rng.IntN(5), 1+rng.IntN(5)
	minSleep := rng.IntN(800)
	minEffort := rng.IntN(8)
	pLogged := 0.3 + 0.7*rng.Float64()
	var h []Checkin
	for d := today.AddDays(-40); !d.After(today.AddDays(5)); d = d.AddDays(1) {
		if rng.Float64() > pLogged {
			continue
		}
		n := 1
		if dups && rng.IntN(10) == 0 {
			n = 2
		}
		for range n {
			c := Checkin{
				Date:       d,
				Mood:       1 + rng.IntN(maxMood),
				Motivation: 1 + rng.IntN(maxMot),
				SleepHours: float64(minSleep+rng.IntN(1000-minSleep)) / 100,
				Effort:     minEffort + rng.IntN(11-minEffort),
			}
			if rng.IntN(3) == 0 {
				c.Effort = 0
			}
			if rng.IntN(2) == 0 {
				c.Minutes = Int(rng.IntN(200))
			}
			h = append(h, c)
		}
	}
	rng.Shuffle(len(h), func(i, j int) { h[i], h[j] = h[j], h[i] })
	return h
}

// The store loads only Window(day): the reading must be the same as from the
// whole journal.
func TestMeterReadsOnlyTheWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		h := randomHistory(rng, true)
		day := today.AddDays(-rng.IntN(5))
		from, to := Window(day)
		var windowed []Checkin
		for _, c := range h {
			if !c.Date.Before(from) && !c.Date.After(to) {
				windowed = append(windowed, c)
			}
		}
		full, part := Meter(h, day), Meter(windowed, day)
		if !reflect.DeepEqual(full, part) {
			t.Fatalf("history %d: whole journal gives\n%+v\nthe window gives\n%+v", i, full, part)
		}
	}
}

func TestMeterProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tips := map[string]Tip{}
	for _, tip := range Tips() {
		tips[tip.ID] = tip
	}
	seen := map[string]bool{}
	for i := range 3000 {
		h := randomHistory(rng, true)
		r := Meter(h, today)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("history %d: %s\n%s", i, fmt.Sprintf(format, args...), describe(r))
		}
		sum := 0
		for j, s := range r.Signals {
			seen[s.ID] = true
			sum += s.Points
			if j > 0 && s.Points > r.Signals[j-1].Points {
				fail("signals not strongest first")
			}
			if s.Detail == "" || strings.Contains(s.Detail, "\n") {
				fail("detail %q is not one line", s.Detail)
			}
		}
		switch {
		case r.Score < 0 || r.Score > MaxScore:
			fail("score %d out of 0..100", r.Score)
		case r.Score != min(sum, MaxScore):
			fail("score %d, points add up to %d", r.Score, sum)
		case r.Level != LevelOf(r.Score):
			fail("level %s for score %d", r.Level, r.Score)
		case r.SlumpStreak < 0 || r.SlumpStreak > MaxSlumpStreak:
			fail("streak %d", r.SlumpStreak)
		case (r.SlumpStreak > 0) != (r.Level == LevelSlump):
			fail("streak %d at level %s", r.SlumpStreak, r.Level)
		case r.DeepSlump != (r.SlumpStreak >= 3 || len(r.Signals) >= 4):
			fail("DeepSlump %v", r.DeepSlump)
		case (r.DeepSlump && r.RestRun < 3) != (r.Tip.ID == TipStepAway):
			fail("tip %s with DeepSlump %v after %d rest days", r.Tip.ID, r.DeepSlump, r.RestRun)
		case r.Tip != tips[r.Tip.ID]:
			fail("tip %+v is not one of Tips()", r.Tip)
		case r.Week.Checkins > 7 || r.Week.HardEfforts+r.Week.RestDays > r.Week.Checkins:
			fail("week %+v", r.Week)
		}
		seen[r.Tip.ID] = true
	}
	for _, id := range []string{SignalHardEfforts, SignalNoRestDay, SignalShortSleep, SignalLowMotivation,
		SignalLowMood, TipStepAway, TipListenToBody, TipRunningBuddy, TipNewGear, TipMixItUp} {
		if !seen[id] {
			t.Errorf("random histories never produced %s: the generator is too narrow", id)
		}
	}
}

// Order does not matter when each date appears once.
func TestMeterIgnoresOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 1000 {
		h := randomHistory(rng, false)
		want := Meter(h, today)
		rng.Shuffle(len(h), func(i, j int) { h[i], h[j] = h[j], h[i] })
		if got := Meter(h, today); !reflect.DeepEqual(got, want) {
			t.Fatalf("history %d: shuffled gives\n%+v\nwant\n%+v", i, got, want)
		}
	}
}

// Making one logged day worse never lowers the score, and making it better
// never raises it. (Adding a day is not monotonic: a good day pulls the
// averages up, and logging a day can complete the 4-of-7 coverage rule.)
func TestMeterMonotonic(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Checkin) bool // false when the change does not apply
		worse  bool
	}{
		{"a day becomes a hard effort", func(c *Checkin) bool {
			if c.Effort >= HardEffort {
				return false
			}
			c.Effort = HardEffort
			return true
		}, true},
		{"a day becomes a rest day", func(c *Checkin) bool {
			if c.Effort == RestEffort {
				return false
			}
			c.Effort = RestEffort
			return true
		}, false},
		{"an hour more sleep", func(c *Checkin) bool {
			c.SleepHours = min(c.SleepHours+1, MaxSleepHours)
			return true
		}, false},
		{"lower mood", func(c *Checkin) bool {
			c.Mood = max(c.Mood-1, MinMood)
			return true
		}, true},
		{"lower motivation", func(c *Checkin) bool {
			c.Motivation = max(c.Motivation-1, MinMotivation)
			return true
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, 8))
			for i := range 2000 {
				h := randomHistory(rng, false)
				if len(h) == 0 {
					continue
				}
				before := Meter(h, today)
				j := rng.IntN(len(h))
				if !tc.change(&h[j]) {
					continue
				}
				after := Meter(h, today)
				if tc.worse && after.Score < before.Score || !tc.worse && after.Score > before.Score {
					t.Fatalf("history %d: score %d -> %d after changing %s", i, before.Score, after.Score, h[j].Date)
				}
			}
		})
	}
}

func BenchmarkMeter(b *testing.B) {
	h := make([]Checkin, 0, 3650)
	for i := range 3650 {
		c := checkin(today.AddDays(i-3649), "e5 s7.5 mood3 mot3 min50")
		c.Effort = i % 11
		h = append(h, c)
	}
	from, _ := Window(today)
	b.Run("10 years", func(b *testing.B) {
		for b.Loop() {
			Meter(h, today)
		}
	})
	b.Run("window", func(b *testing.B) {
		w := h[len(h)-1-today.DaysSince(from):]
		for b.Loop() {
			Meter(w, today)
		}
	})
}

func TestSparse(t *testing.T) {
	for n := 0; n <= 7; n++ {
		var history []Checkin
		for i := 0; i < n; i++ {
			history = append(history, Checkin{Date: NewDate(2026, 11, 25).AddDays(-i), Mood: 3, Motivation: 3, SleepHours: 7, Effort: 3})
		}
		r := Meter(history, NewDate(2026, 11, 25))
		if want := n < 4; r.Sparse() != want {
			t.Errorf("%d check-ins: Sparse() = %v, want %v", n, r.Sparse(), want)
		}
	}
}

func TestShownAveragesNeverContradictSignals(t *testing.T) {
	tests := []struct {
		name  string
		avg   float64
		shown func(float64, int) float64
		d     int
		want  float64
	}{
		{"sleep just under 7 stays under", 6.996, ShownSleep, 1, 6.9},
		{"sleep exactly 7", 7, ShownSleep, 1, 7},
		{"sleep sum with float error", (7.1 + 6.9 + 7) / 3, ShownSleep, 2, 7},
		{"sleep 2 decimals", 6.6666, ShownSleep, 2, 6.66},
		{"mood just over 2 stays over", 2.04, ShownScale, 1, 2.1},
		{"mood exactly 2", 2, ShownScale, 1, 2},
		{"mood 1.96 is 2.0", 1.96, ShownScale, 1, 2},
		{"motivation 2 decimals", 2.3333, ShownScale, 2, 2.34},
	}
	for _, tt := range tests {
		if got := tt.shown(tt.avg, tt.d); got != tt.want {
			t.Errorf("%s: %v shown as %v, want %v", tt.name, tt.avg, got, tt.want)
		}
	}
	// End to end: 6 nights averaging 6.9833 h fire short_sleep and read 6.9.
	r := Meter(week("-", "e3 s7", "e3 s7", "e0 s7", "e3 s7", "e3 s7", "e3 s6.9"), today)
	if len(r.Signals) != 1 || r.Signals[0].ID != SignalShortSleep || !strings.Contains(r.Signals[0].Detail, "6.9 h") {
		t.Errorf("signals %+v", r.Signals)
	}
}
