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
		mono  = SignalMonotony
		spike = SignalLoadSpike
		pers  = SignalPersistent
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

		// low_motivation: average of the logged days <= 2.0, <= 1.5. (Issue 4:
		// motivation 2 or lower on 4 or more of the 7 days also fires
		// persistent, so these weeks keep 3 low days at most.)
		{"motivation averaging 2.0: 20 points",
			week("e3 mot1", "e5 mot3", "e0 mot1", "e4 mot3", "e3 mot1", "-", "e0 mot3"), today, 20, LevelOK, []string{mot}, TipNewGear},
		{"motivation averaging 2.17 does not fire",
			week("e3 mot1", "e5 mot3", "e0 mot1", "e4 mot3", "e3 mot1", "-", "e0 mot4"), today, 0, LevelOK, nil, TipListenToBody},
		{"motivation averaging 1.5: 25 points",
			week("-", "-", "-", "e3 mot1", "e5 mot1", "e0 mot1", "e4 mot3"), today, 25, LevelOK, []string{mot}, TipRunningBuddy},
		{"motivation averaging 1.75: 20 points",
			week("-", "-", "-", "e3 mot1", "e5 mot1", "e0 mot2", "e4 mot3"), today, 20, LevelOK, []string{mot}, TipRunningBuddy},
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
			week("e3 mot1", "e4 mot3", "e3 mot1", "e5 mot3", "e3 mot1", "-", "e6 mot3"), today, 40, LevelWatch,
			[]string{rest, mot}, TipTakeRestDay},
		{"short_sleep before low_motivation on a tie",
			week("-", "-", "-", "e3 s5 mot1", "e0 s5 mot1", "e4 s5 mot1", "e0 s5 mot3"), today, 50, LevelWatch,
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
			[]string{hard, pers, sleep, mot, rest, mood}, TipStepAway},

		// Every tip, one row each, named after it. (Issue 4: persistent
		// joins the slumps that last, and raises them.)
		{TipStepAway + " after 3 days in the slump band",
			week("-", "-", "-", "e0 s5 mood1 mot1", "e2 s5 mood1 mot1", "e2 s5 mood1 mot1", "e2 s5 mood1 mot1"),
			today, 100, LevelSlump, []string{pers, sleep, mot, mood}, TipStepAway},
		{TipStepAway + " on day 2 of the break: keep going",
			week("e8", "e8", "e8", "e8", "e8", "e0", "e0").withAll("s5.5 mood2 mot1"),
			today, 100, LevelSlump, []string{hard, pers, sleep, mot, mood}, TipStepAway},
		{TipListenToBody + " once 3 days of the break are done, though the week still scores",
			week("e8", "e8", "e8", "e8", "e0", "e0", "e0").withAll("s5.5 mood2 mot1"),
			today, 100, LevelSlump, []string{hard, pers, sleep, mot, mood}, TipListenToBody},
		{TipStepAway + " with 4 signals on a 2-day slump",
			week("-", "-", "-", "e8 s5 mood1", "e8 s5 mood1", "e8 s5 mood1", "e8 s5 mood1"),
			today, 95, LevelSlump, []string{hard, sleep, rest, mood}, TipStepAway},
		{TipStepAway + ": motivation 2 or lower on 4 of 7 days persists (Hooper), even at an average of 2.14",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot3", "e6 mot3", "e0 mot3"), today, 30, LevelWatch,
			[]string{pers}, TipStepAway},
		{TipStepAway + ": low motivation every day",
			with("mot2"), today, 50, LevelWatch, []string{pers, mot}, TipStepAway},
		{"3 low days of 7 are not most days",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot3", "e3 mot3", "e6 mot3", "e0 mot3"), today, 0, LevelOK, nil, TipListenToBody},
		{TipSeeAProfessional + ": 14 days in the slump band, a week after 3 rest days",
			days(-15, slices.Concat(repeat(5, "e8 s5 mood1 mot1"), repeat(3, "e0 s5 mood1 mot1"), repeat(8, "e2 s5 mood1 mot1"))...),
			today, 100, LevelSlump, []string{pers, sleep, mot, rest, mood}, TipSeeAProfessional},
		{TipListenToBody + ": 14 days in the slump band, the 4 rest days still in the week",
			days(-15, append(repeat(12, "e8 s5 mood1 mot1"), repeat(4, "e0 s5 mood1 mot1")...)...),
			today, 100, LevelSlump, []string{pers, sleep, mot, hard, mood}, TipListenToBody},
		{TipStepAway + ": 14 days in the slump band with 2 rest days, not yet a break",
			days(-15, append(repeat(14, "e8 s5 mood1 mot1"), repeat(2, "e0 s5 mood1 mot1")...)...),
			today, 100, LevelSlump, []string{hard, pers, sleep, mot, mood}, TipStepAway},
		{TipListenToBody + ": 13 days in the slump band with a break under way",
			days(-13, append(repeat(10, "e8 s5 mood1 mot1"), repeat(4, "e0 s5 mood1 mot1")...)...),
			today, 100, LevelSlump, []string{pers, sleep, mot, hard, mood}, TipListenToBody},
		{TipListenToBody, week(calm...), today, 0, LevelOK, nil, TipListenToBody},
		{TipCapHardEfforts, week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{TipTakeRestDay, week("e3", "e4", "e3", "e5", "e3", "e4", "e3"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{TipSleepMore, with("s6.5"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{TipMixItUp + ": low motivation in a week of 5 runs at effort 3-5",
			week("e3 mot1", "e4 mot3", "e3 mot1", "e0 mot3", "e4 mot1", "e5 mot3", "-"), today, 20, LevelOK, []string{mot}, TipMixItUp},
		{TipMixItUp + ": 6 runs of the same load and a rest day are a monotonous week (monotony 2.45)",
			week("e4 min60", "e4 min60", "e4 min60", "e0", "e4 min60", "e4 min60", "e4 min60"), today, 10, LevelOK,
			[]string{mono}, TipMixItUp},
		{"runs of varied load are not monotonous (monotony 1.33)",
			week("e4 min60", "e2 min30", "e6 min80", "e0", "e3 min40", "e4 min60", "e5 min90"), today, 0, LevelOK, nil,
			TipListenToBody},
		{TipListenToBody + ": a load spike alone is 10 points and never picks the tip",
			join(days(-27, repeat(21, "e3 min10")...), week("e0", "e5 min60", "e2 min50", "e4 min50", "e2 min30", "e4 min60", "e0")),
			today, 10, LevelOK, []string{spike}, TipListenToBody},
		{TipCapHardEfforts + " leads a load spike",
			join(days(-27, repeat(21, "e3 min10")...), week("e0", "e7 min40", "e2 min50", "e7 min30", "e2 min30", "e8 min30", "e0")),
			today, 30, LevelWatch, []string{hard, spike}, TipCapHardEfforts},
		{TipRunningBuddy + ": low motivation and runs skipped (2 training days)",
			week("e3 mot1", "e0 mot3", "-", "e0 mot1", "e4 mot3", "-", "e0 mot1"), today, 20, LevelOK, []string{mot}, TipRunningBuddy},
		{"3 training days with low motivation are runs skipped",
			week("e3 mot1", "e0 mot3", "e4 mot1", "e0 mot3", "e5 mot1", "-", "e0 mot3"), today, 20, LevelOK, []string{mot}, TipRunningBuddy},
		{TipNewGear + ": a mild dip in mood, nothing else wrong", with("mood2"), today, 15, LevelOK, []string{mood}, TipNewGear},
		{TipRunningBuddy + ": low motivation and mood, beyond a mild dip",
			week("e3 mood2 mot1", "e5 mood2 mot3", "e0 mood2 mot1", "e4 mood2 mot3", "e3 mood2 mot1", "-", "e0 mood2 mot3"),
			today, 35, LevelWatch, []string{mot, mood}, TipRunningBuddy},
		{"a 2-day slump with 3 signals is not deep yet",
			week("-", "-", "-", "-", "e0 s5 mood1 mot1", "e0 s5 mood1 mot1", "e0 s5 mood1 mot1"),
			today, 70, LevelSlump, []string{sleep, mot, mood}, TipSleepMore},
		{"low mood alone with few runs is still a mild dip",
			week("e3", "e0", "-", "e0", "e4", "-", "e0").withAll("mood2"), today, 15, LevelOK, []string{mood}, TipNewGear},
		{"4 alike training days are not a monotonous week",
			week("e3 mot1", "e4 mot3", "e0 mot1", "e0 mot3", "e4 mot1", "-", "e3 mot3"), today, 20, LevelOK, []string{mot}, TipNewGear},
		{"efforts 3 to 6 are not a monotonous week",
			week("e3 mot1", "e4 mot3", "e3 mot1", "e0 mot3", "e4 mot1", "e6 mot3", "-"), today, 20, LevelOK, []string{mot}, TipNewGear},

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
			r := meterOf(tc.history, tc.day)
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
	for _, tip := range defaults.Tips() {
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
		{"persistent: low motivation most days (Hooper)",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot3", "e6 mot3", "e0 mot3"), SignalPersistent,
			"motivation 2/5 or lower on 4 of 7 days: a pattern, not a bad day"},
		{"persistent: the slump level 3 days running", days(-4, repeat(5, "e8 s5 mood1")...), SignalPersistent,
			"in the slump band 3 days running: a pattern, not a bad day"},
		{"persistent: both", days(-4, repeat(5, "e8 s5 mood1 mot2")...), SignalPersistent,
			"slump band 3 days running, motivation 2/5 or lower on 5 of 7 days"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := meterOf(tc.history, today)
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
		{"counted up to 21 days", days(-21, repeat(22, slumpDay)...), MaxSlumpStreak, true},
		{"20 days", days(-20, repeat(21, slumpDay)...), 20, true},
		{"13 days", days(-13, repeat(14, slumpDay)...), 13, true},
		// Days 0 and -1 score 75; day -2 has the rest day of day -8 and 6.0 h of
		// sleep (55); days -3 and -4 also have the 0 h night of day -9 (65).
		{"only consecutive days count",
			days(-9, append([]string{"e8 s0", "e0 s6"}, repeat(8, "e8 s6")...)...), 2, false},
		// Day 0 scores 80 with 4 signals; day -1 has only 3 days logged (50).
		{"4 signals make a 1-day slump deep", days(-3, repeat(4, "e8 s6.5 mood2")...), 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := meterOf(tc.history, today)
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

// The streak reaches back to day -20, whose score reads its own 35 days,
// back to day -54: so Window cannot start any later. Here day -54 is the
// 14th logged day of day -20's baseline: with it, mood and sleep are below
// the runner's usual on day -20, whose score (20 for low motivation, 15
// more from the baselines, 30 for persistent: motivation 2 on most days)
// then reaches the slump band, and the streak its 21st day.
func TestWindowStartMatters(t *testing.T) {
	usual := repeat(13, "e3 s8 mood5 mot5") // days -53..-41
	gap := repeat(14, "-")                  // days -40..-27
	// Days -26..-20: motivation 2, mood 3, 7.3 h of sleep on average: low
	// motivation and persistent, nothing more by the article's rules.
	first := []string{"e3 s9 mood3 mot2", "e3 s7 mood3 mot2", "e3 s7 mood3 mot2", "e0 s7 mood3 mot2",
		"e3 s7 mood3 mot2", "e3 s7 mood3 mot2", "e3 s7 mood3 mot2"}
	// Days -19..0: short sleep as well, in the slump band whatever the usual.
	later := append([]string{"e3 s5 mood3 mot2"}, repeat(19, "e3 s6 mood3 mot2")...)
	for i := 4; i < len(later); i += 7 {
		later[i] = "e0 s6 mood3 mot2"
	}
	rest := slices.Concat(gap, first, later)
	with := meterOf(days(-54, slices.Concat([]string{"e3 s8 mood5 mot5"}, usual, rest)...), today)
	without := meterOf(days(-54, slices.Concat([]string{"-"}, usual, rest)...), today)
	if with.SlumpStreak != 21 || without.SlumpStreak != 20 {
		t.Errorf("SlumpStreak = %d with a check-in on day -54 and %d without; want 21 and 20\n%s",
			with.SlumpStreak, without.SlumpStreak, describe(with))
	}
	if with.Tip.ID != TipSeeAProfessional || without.Tip.ID == TipSeeAProfessional {
		t.Errorf("tips %s and %s; want see_a_professional after 21 days only", with.Tip.ID, without.Tip.ID)
	}
	if from, _ := Window(today); from != today.AddDays(-54) {
		t.Errorf("Window starts on %s, want day -54", from)
	}
}

// A break's follow-up reaches back to the scores of day -13 (its day
// before is at most day -11): here day -47 is the 14th logged day of day
// -13's baseline, and decides whether day -11 gets persistent.
func TestFollowUpReachesBack(t *testing.T) {
	usual := repeat(13, "e3 s8 mood5 mot5") // days -46..-34
	gap := repeat(14, "-")                  // days -33..-20
	// Days -19..-11: 3 hard efforts in every week, no rest day (40 points),
	// mood, motivation and sleep a step below the usual (30 more once the
	// usual is known).
	var build []string
	for _, e := range []string{"e7", "e3", "e7", "e3", "e7", "e3", "e3", "e7", "e3"} {
		build = append(build, e+" s7 mood3 mot3")
	}
	brk := repeat(3, "e0 s8 mood4 mot4")   // days -10..-8: the break
	after := repeat(8, "e3 s8 mood4 mot4") // days -7..0
	rest := slices.Concat(gap, build, brk, after)
	with := meterOf(days(-47, slices.Concat([]string{"e3 s8 mood5 mot5"}, usual, rest)...), today)
	without := meterOf(days(-47, slices.Concat([]string{"-"}, usual, rest)...), today)
	if with.Break == nil || without.Break == nil {
		t.Fatalf("no break follow-up: %+v, %+v", with.Break, without.Break)
	}
	if with.Break.Before.Score != 100 || without.Break.Before.Score != 70 {
		t.Errorf("the day before the break scores %d with a check-in on day -47 and %d without; want 100 and 70",
			with.Break.Before.Score, without.Break.Before.Score)
	}
}

func TestWeekSummary(t *testing.T) {
	r := meterOf(week("e8 s6 mood3 mot2 min60", "-", "e0 s8 mood4 mot4", "e7 s7.5 mood5 mot3 min45", "-",
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

	empty := meterOf(nil, today).Week
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
	r := meterOf(nil, today)
	if r.Signals == nil || len(r.Signals) != 0 {
		t.Errorf("Signals = %#v, want an empty, non-nil list", r.Signals)
	}
	if r.Score != 0 || r.Level != LevelOK || r.Tip.ID != TipListenToBody || r.CheckinsLast7Days() != 0 ||
		r.SlumpStreak != 0 || r.DeepSlump {
		t.Errorf("meterOf(nil) = %+v", r)
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
		{"2026-03-15", "2026-01-20"},
		{"2026-01-05", "2025-11-12"},
		{"2024-03-10", "2024-01-16"}, // leap year
	}
	for _, tc := range tests {
		day := mustDate(t, tc.day)
		from, to := Window(day)
		if from.String() != tc.from || to != day {
			t.Errorf("Window(%s) = %s, %s; want %s, %s", day, from, to, tc.from, day)
		}
		if n := to.DaysSince(from) + 1; n != 55 {
			t.Errorf("Window(%s) holds %d days, want 55", day, n)
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

func TestSparse(t *testing.T) {
	for n := 0; n <= 7; n++ {
		var history []Checkin
		for i := 0; i < n; i++ {
			history = append(history, Checkin{Date: NewDate(2026, 11, 25).AddDays(-i), Mood: 3, Motivation: 3, SleepHours: 7, Effort: 3})
		}
		r := meterOf(history, NewDate(2026, 11, 25))
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
	r := meterOf(week("-", "e3 s7", "e3 s7", "e0 s7", "e3 s7", "e3 s7", "e3 s6.9"), today)
	if len(r.Signals) != 1 || r.Signals[0].ID != SignalShortSleep || !strings.Contains(r.Signals[0].Detail, "6.9 h") {
		t.Errorf("signals %+v", r.Signals)
	}
}

// defaults is the meter with the default settings.
var defaults = NewMeter(DefaultConfig())

// meterOf is the reading of day with the default settings, the EWMA series
// taken from h.
func meterOf(h []Checkin, day Date) Reading { return defaults.Reading(h, nil, day) }

// readingsOf is the readings of from..to with the default settings.
func readingsOf(h []Checkin, from, to Date) []Reading { return defaults.Readings(h, nil, from, to) }

// daysOf is the days of from..to with the default settings.
func daysOf(h []Checkin, from, to, today Date) []Day { return defaults.Days(h, nil, from, to, today) }

func derefInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
