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
//	"legs2"                legs answered 2 (Legs is nil otherwise)
//	"sick" "injured" "travel" "race"   the day type (a normal day otherwise)
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

// replaced returns h with its check-in i changed to the ordinary day of
// that date changed by spec.
func (h history) replaced(i int, spec string) history {
	out := slices.Clone(h)
	out[i] = checkin(out[i].Date, spec)
	return out
}

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
		if t := DayType(tok); slices.Contains(DayTypes(), t) {
			c.DayType = t
			if t == DayNormal {
				c.DayType = ""
			}
		} else if v, ok := strings.CutPrefix(tok, "run"); ok {
			// run<rating or ?>x<minutes>@<hour, UTC>[/<source>]: an
			// imported session (from Strava unless a source is named).
			rpe, rest, _ := strings.Cut(v, "x")
			mins, rest, _ := strings.Cut(rest, "@")
			hour, source, ok := strings.Cut(rest, "/")
			if !ok {
				source = "strava"
			}
			s := Session{Source: source, Start: c.Date.Time().Add(time.Duration(atoi(hour)) * time.Hour)}
			if rpe != "?" {
				s.RPE = Int(atoi(rpe))
			}
			if mins != "?" {
				m := float64(atoi(mins))
				s.Minutes = &m
			}
			c.Sessions = append(c.Sessions, s)
		} else if v, ok := strings.CutPrefix(tok, "legs"); ok {
			c.Legs = Int(atoi(v))
		} else if v, ok := strings.CutPrefix(tok, "mood"); ok {
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
		legs  = SignalHeavyLegs
		mono  = SignalMonotony
		spike = SignalLoadSpike
		pers  = SignalPersistent
	)
	// A usual of 4 weeks: mood, motivation and legs 4 or 5, 8 h of sleep.
	usual := days(-34, slices.Repeat([]string{"e3 mood4 mot4 legs4", "e0 mood5 mot5 legs5", "e4 mood4 mot5 legs4", "e3 mood5 mot4 legs5"}, 7)...)
	return []meterCase{
		// Too few check-ins to read: unknown, never a green ok.
		{"empty history", nil, today, 0, LevelUnknown, nil, TipKeepCheckingIn},
		{"2 check-ins in the week are unknown", week("-", "-", "-", "-", "e8 mood1 mot1", "-", "e8 mood1 mot1"), today, 0,
			LevelUnknown, nil, TipKeepCheckingIn},
		{"3 check-ins are read", week("-", "-", "-", "-", "e3", "e0", "e4"), today, 0, LevelOK, nil, TipListenToBody},
		{"a calm week", week(calm...), today, 0, LevelOK, nil, TipListenToBody},

		// hard_efforts: a cause. More than 2 days of effort >= 7, or races.
		{"2 hard efforts are the rule of thumb",
			week("e8", "e3", "e7", "e0", "e3", "e4", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"3 hard efforts: 20 points",
			week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{"effort 6 is not a hard effort",
			week("e8", "e6", "e7", "e0", "e6", "e6", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"a race is a hard effort, whatever its effort",
			week("e8", "e3", "e7", "e0", "e5 race", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{"4 hard efforts: 30 points, risk is building",
			week("e8", "e7", "e7", "e0", "e9", "e3", "e3"), today, 30, LevelWatch, []string{hard}, TipCapHardEfforts},
		{"5 hard efforts: 40 points",
			week("e8", "e7", "e7", "e0", "e9", "e10", "e3"), today, 40, LevelWatch, []string{hard}, TipCapHardEfforts},
		{"6 hard efforts: still 40 points",
			week("e8", "e8", "e0", "e8", "e8", "e8", "e8"), today, 40, LevelWatch, []string{hard}, TipCapHardEfforts},

		// no_rest_day: a cause, only when the logged days leave no room for
		// the rest day still missing.
		{"7 logged days without a rest day: 20 points",
			week("e3", "e4", "e3", "e5", "e3", "e4", "e3"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{"one rest day is enough",
			week("e3", "e4", "e3", "e0", "e3", "e4", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"a sick day is rest",
			week("e3", "e4", "e3", "e2 sick", "e3", "e4", "e3"), today, 0, LevelOK, nil, TipListenToBody},
		{"6 logged days without a rest day: the 7th may have been one",
			week("-", "e3", "e4", "e3", "e5", "e3", "e4"), today, 0, LevelOK, nil, TipListenToBody},
		{"no rest day in 14 days, all logged: 30 points",
			days(-13, repeat(14, "e3")...), today, 30, LevelWatch, []string{rest}, TipTakeRestDay},
		{"no rest day in 14 days, 13 logged: 20 points",
			days(-13, append([]string{"-"}, repeat(13, "e3")...)...), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{"a rest day 13 days ago keeps it at 20 points",
			days(-13, append([]string{"e0"}, repeat(13, "e3")...)...), today, 20, LevelOK, []string{rest}, TipTakeRestDay},

		// short_sleep: a cause, over the nights that count.
		{"7.0 h of sleep is enough", with("s7"), today, 0, LevelOK, nil, TipListenToBody},
		{"6.99 h of sleep is short: 15 points", with("s6.99"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{"6.0 h of sleep is short, not very short", with("s6"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{"5.99 h of sleep is very short: 25 points", with("s5.99"), today, 25, LevelOK, []string{sleep}, TipSleepMore},
		{"one short night in a good week is not a pattern",
			week("-", "-", "-", "-", "e3", "e3", "e0 s6"), today, 0, LevelOK, nil, TipListenToBody},
		{"days without a check-in don't count in the average",
			week("-", "-", "-", "-", "e3 s6.5", "e3 s7.5", "e0 s7.5"), today, 0, LevelOK, nil, TipListenToBody},
		{"travel nights are left out", with("s5 travel"), today, 0, LevelOK, nil, TipListenToBody},

		// The signs: low_motivation, low_mood, heavy_legs from the week's
		// average or the last 3 answers, 30 points alone: the watch level.
		{"motivation averaging 2.0: 30 points",
			week("e3 mot1", "e5 mot3", "e0 mot1", "e4 mot3", "e3 mot1", "-", "e0 mot3"), today, 30, LevelWatch, []string{mot}, TipRunningBuddy},
		{"motivation averaging 2.17 does not fire",
			week("e3 mot1", "e5 mot3", "e0 mot1", "e4 mot3", "e3 mot1", "-", "e0 mot4"), today, 0, LevelOK, nil, TipListenToBody},
		{"motivation averaging 1.5: 35 points",
			week("-", "-", "-", "e3 mot1", "e5 mot1", "e0 mot1", "e4 mot3"), today, 35, LevelWatch, []string{mot}, TipRunningBuddy},
		{"motivation low on each of the last 3 answers: 30 points, though the week averages 3.4",
			week("e3 mot5", "e6 mot5", "e0 mot5", "e4 mot4", "e2 mot2", "e5 mot2", "e0 mot1"), today, 30, LevelWatch, []string{mot}, TipRunningBuddy},
		{"one day of low motivation does not fire",
			week("-", "-", "-", "-", "e3", "e0", "e3 mot1"), today, 0, LevelOK, nil, TipListenToBody},
		{"mood averaging 2.0: 30 points", with("mood2"), today, 60, LevelSlump, []string{mood, pers}, TipRunningBuddy},
		{"mood averaging 2.14 does not fire, nor do 3 low days",
			week("e3 mood1", "e5 mood1", "e0 mood1", "e4 mood3", "e3 mood3", "e6 mood3", "e0 mood3"), today, 0, LevelOK, nil, TipListenToBody},
		{"heavy legs, no load to blame: a rest day",
			week("e3 legs1", "e5 legs1", "-", "e0 legs1", "e4 legs3", "-", "e3 legs3"), today, 30, LevelWatch,
			[]string{legs}, TipTakeRestDay},
		{"legs not answered are not heavy", with(""), today, 0, LevelOK, nil, TipListenToBody},
		{"sick days answer nothing the signs read; after 3 of them, ease back",
			week("e3", "e4", "e0 sick mood1 mot1", "e0 sick mood1 mot1", "e0 sick mood1 mot1", "e3", "e4"), today, 0, LevelOK, nil, TipEaseBack},

		// persistent: a low answer on most days of the week.
		{"persistent: motivation 2 on 4 of 7 days, at an average of 2.43",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot3", "e6 mot3", "e0 mot3"), today, 30, LevelWatch,
			[]string{pers}, TipRunningBuddy},
		{"3 low days of 7 are not most days",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot3", "e3 mot3", "e6 mot3", "e0 mot3"), today, 0, LevelOK, nil, TipListenToBody},

		// The runner's usual: a mild dip is 15 points (ok, a small lift);
		// far below it is a sign at full strength.
		{"a mild dip below the usual: new gear",
			join(usual, week("e3 mood3 mot4 legs4", "e0 mood3 mot5 legs5", "e6 mood4 mot4 legs4", "e2 mood4 mot5 legs4", "e5 mood3 mot4 legs4",
				"e4 mood4 mot4 legs5", "e3 mood3 mot4 legs4")), today, 15, LevelOK, []string{mood}, TipNewGear},
		{"far below the usual: a sign, never new gear",
			join(usual, week("e3 mood3 mot3", "e0 mood3 mot3", "e4 mood3 mot3", "e3 mood3 mot3", "e5 mood3 mot3", "e4 mood3 mot3",
				"e3 mood3 mot3")), today, 50, LevelWatch, []string{mot, mood}, TipMixItUp},

		// Causes alone reach at most the watch level; a full sign lifts the
		// cap, and signs with a training-load cause call for a break.
		{"causes alone stop at 59",
			week("e8", "e8", "e8", "e8", "e8", "e8", "e8").withAll("s4"), today, 59, LevelWatch, []string{hard, sleep, rest}, TipCapHardEfforts},
		{"a sign with the causes: 100 and step_away",
			week("e8", "e8", "e8", "e8", "e8", "e8", "e8").withAll("s4 mood1"), today, 100, LevelSlump,
			[]string{hard, mood, pers, sleep, rest}, TipStepAway},
		{"a deep slump with no training-load cause: never step_away",
			with("mood1 mot1"), today, 100, LevelSlump, []string{mot, mood, pers}, TipRunningBuddy},

		// Every other tip, one row each, named after it.
		{TipStepAway + " on day 2 of the break: keep going",
			week("e8", "e8", "e8", "e8", "e8", "e0", "e0").withAll("s5.5 mood2 mot1"),
			today, 100, LevelSlump, []string{hard, mot, mood, pers, sleep}, TipStepAway},
		{TipEaseBack + " the first days after a 3-day break",
			days(-10, slices.Concat(repeat(5, "e8 s5.5 mood2 mot1"), repeat(3, "e0 s8 mood3 mot3"), repeat(3, "e3 s8 mood4 mot4"))...),
			today, 0, LevelOK, nil, TipEaseBack},
		{TipSeeAProfessional + ": 16 days of signs, a week after 3 rest days",
			days(-15, slices.Concat(repeat(5, "e8 s5 mood1 mot1"), repeat(3, "e0 s5 mood1 mot1"), repeat(8, "e2 s5 mood1 mot1"))...),
			today, 100, LevelSlump, []string{mot, mood, pers, sleep, rest}, TipSeeAProfessional},
		{TipBeyondTraining + ": low mood for 2 weeks on light training, rest days logged",
			days(-15, slices.Repeat([]string{"e0 mood2 mot3", "e3 mood2 mot3", "e2 mood2 mot3", "e3 mood2 mot3"}, 4)...),
			today, 60, LevelSlump, []string{mood, pers}, TipBeyondTraining},
		{TipGetWell + ": a sick day", week(calm...).withAll("").replaced(6, "e0 sick mood2 mot2"), today, 0, LevelOK, nil, TipGetWell},
		{TipKeepCheckingIn + ": no check-in for 3 days", week("e3", "e0", "e4", "e3", "-", "-", "-"), today, 0, LevelOK, nil, TipKeepCheckingIn},
		{TipCapHardEfforts, week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{TipTakeRestDay, week("e3", "e4", "e3", "e5", "e3", "e4", "e3"), today, 20, LevelOK, []string{rest}, TipTakeRestDay},
		{TipSleepMore, with("s6.5"), today, 15, LevelOK, []string{sleep}, TipSleepMore},
		{TipMixItUp + ": low motivation in a week of 5 runs at effort 3-5",
			week("e3 mot1", "e4 mot3", "e3 mot1", "e0 mot3", "e4 mot1", "e5 mot3", "-"), today, 30, LevelWatch, []string{mot}, TipMixItUp},
		{TipMixItUp + ": 6 runs of the same load and a rest day are a monotonous week (monotony 2.45)",
			week("e4 min60", "e4 min60", "e4 min60", "e0", "e4 min60", "e4 min60", "e4 min60"), today, 10, LevelOK,
			[]string{mono}, TipMixItUp},
		{"monotony needs every day's load: one run without minutes",
			week("e4 min60", "e4 min60", "e4", "e0", "e4 min60", "e4 min60", "e4 min60"), today, 0, LevelOK, nil, TipListenToBody},
		{"monotony needs every day's load: one day not logged",
			week("e4 min60", "e4 min60", "-", "e0", "e4 min60", "e4 min60", "e4 min60"), today, 0, LevelOK, nil, TipListenToBody},
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
			week("e3 mot1", "e0 mot3", "-", "e0 mot1", "e4 mot3", "-", "e0 mot1"), today, 30, LevelWatch, []string{mot}, TipRunningBuddy},

		// Which check-ins count.
		{"check-ins after the day are ignored",
			join(week(calm...), days(1, repeat(7, "e9 s3 mood1 mot1")...)), today, 0, LevelOK, nil, TipListenToBody},
		{"check-ins before the week don't count for the signals",
			join(days(-13, repeat(7, "e9 s3 mood1 mot1")...), week(calm...)), today, 0, LevelOK, nil, TipListenToBody},
		{"the reading date is a parameter",
			week("e8", "e3", "e7", "e0", "e7", "e4", "e3"), today.AddDays(7), 0, LevelUnknown, nil, TipKeepCheckingIn},
		{"input in any order",
			reversed(week("e8", "e3", "e7", "e0", "e7", "e4", "e3")), today, 20, LevelOK, []string{hard}, TipCapHardEfforts},
		{"the last check-in of a date wins",
			join(week("e8", "e8", "e3", "e3", "e3", "e3", "e0"), days(0, "e8")), today, 40, LevelWatch,
			[]string{hard, rest}, TipCapHardEfforts},
		{"the last check-in of a date wins, the other way round",
			join(week("e8", "e8", "e3", "e3", "e3", "e3", "e8"), days(0, "e0")), today, 0, LevelOK, nil, TipListenToBody},
		{"a check-in with no date is ignored",
			join(week("-", "-", "-", "-", "e3", "e4", "e0 s4"), []Checkin{checkin(Date{}, "e0 s4")}), today, 15, LevelOK, []string{sleep},
			TipSleepMore},
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

// Every tip can be given: the table above has a row for each, but taper,
// which a race gives (see race_test.go).
func TestEveryTipIsReachable(t *testing.T) {
	given := map[string]bool{TipTaper: true}
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
		{"no rest day in 7 days", week("e3", "e3", "e4", "e3", "e5", "e3", "e4"), SignalNoRestDay,
			"no complete rest day in 7 days (7 logged); aim for at least 1 a week"},
		{"no rest day in 14 days", days(-13, repeat(14, "e3")...), SignalNoRestDay,
			"no complete rest day in 14 days (14 logged); aim for at least 1 a week"},
		{"short sleep", week("-", "-", "e0 s6", "e3 s6.5", "e3 s6", "e0 s6.5", "e3 s6"), SignalShortSleep,
			"averaging 6.2 h of sleep over 5 nights; adults need 7 or more"},
		{"sleep just under 7 h never reads 7.0", with("s6.99"), SignalShortSleep,
			"averaging 6.9 h of sleep over 7 nights; adults need 7 or more"},
		{"low motivation", week("-", "-", "-", "e3 mot2", "e0 mot2", "e3 mot2", "e0 mot1"), SignalLowMotivation,
			"motivation averaged 1.8/5 over 4 days: lacing up feels daunting"},
		{"low mood", week("-", "-", "-", "-", "e0 mood2", "e3 mood2", "e0 mood2"), SignalLowMood,
			"mood averaged 2.0/5 over 3 days: you have been feeling low"},
		{"low mood on the last 3 answers", week("e3", "e3", "e4", "e0", "e0 mood2", "e3 mood1", "e0 mood2"), SignalLowMood,
			"mood averaged 3.0/5 over 7 days; 2/5 or lower on each of your last 3 answers: you have been feeling low"},
		{"heavy legs", week("e3 legs2", "e3 legs1", "-", "e0", "e0 legs2", "e3", "e0 legs3"), SignalHeavyLegs,
			"legs averaged 2.0/5 over 4 days: heavy and flat, easy paces feel hard"},
		{"persistent: low motivation most days",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot3", "e6 mot3", "e0 mot3"), SignalPersistent,
			"motivation 2/5 or lower on 4 of 7 days: a pattern, not a bad day"},
		{"persistent: mood or motivation", week("e3 mot2", "e5 mood2", "e0 mot2", "e4 mood1", "e3 mot3", "e6 mot3", "e0 mot3"), SignalPersistent,
			"mood or motivation 2/5 or lower on 4 of 7 days: a pattern, not a bad day"},
		{"persistent: sick days are left out", week("e3 mot2", "e5 mot2", "e0 sick", "e4 mot2", "e3 mot2", "e6 mot3", "e0 mot3"), SignalPersistent,
			"motivation 2/5 or lower on 4 of 6 days: a pattern, not a bad day"},
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
	slumpDay := "e0 s5 mood1 mot1" // 100 points, signs only
	tests := []struct {
		name       string
		history    []Checkin
		wantStreak int
		wantDeep   bool
	}{
		{"not in the slump band", week(calm...), 0, false},
		// The first day read has signs, not yet deep: watch at most.
		{"the first day of signs is no slump yet", days(-2, slumpDay, slumpDay, slumpDay), 0, false},
		{"the second: persistent, deep, the slump level", days(-3, repeat(4, slumpDay)...), 1, true},
		{"counted up to 21 days", days(-23, repeat(24, slumpDay)...), MaxSlumpStreak, true},
		{"20 days", days(-22, repeat(23, slumpDay)...), 20, true},
		{"13 days", days(-15, repeat(16, slumpDay)...), 13, true},
		{"a day not logged neither breaks nor extends it", days(-6, slumpDay, slumpDay, slumpDay, slumpDay, "-", slumpDay, slumpDay), 4, true},
		{"3 days not logged in a row end it",
			days(-9, slices.Concat(repeat(3, slumpDay), repeat(3, "-"), repeat(4, slumpDay))...), 4, true},
		// Motivation 2 on 4 of 7 days: persistent, 30 points, deep at the
		// watch level.
		{"persistent at the watch level is deep",
			week("e3 mot2", "e5 mot2", "e0 mot2", "e4 mot2", "e3 mot3", "e6 mot3", "e0 mot3"), 0, true},
		// Causes alone: never the slump level, never deep.
		{"causes alone are never a slump", days(-13, repeat(14, "e8 s4")...), 0, false},
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
			if r.SignStreak < r.SlumpStreak {
				t.Errorf("SignStreak %d shorter than SlumpStreak %d", r.SignStreak, r.SlumpStreak)
			}
		})
	}
}

// Window reaches back to day -67. After three weeks of low mood on light
// training, see_a_professional or beyond_training depends on whether a
// training-load cause fired during the signs or in the 14 days before
// them, back to day -33. Day -33 has a load spike (a heavy day -39 against
// the 4 weeks before) only when the journal reaches 28 days back from it,
// which here takes a check-in on day -67.
func TestWindowStartMatters(t *testing.T) {
	var build []string // days -59..-33: light runs with minutes and a rest day every 4th
	for i := range 27 {
		build = append(build, []string{"e2 min30", "e4 min40", "e3 min30", "e0 min0"}[i%4]+" s8 mood4 mot4")
	}
	build[20] = "e10 min300 s8 mood4 mot4" // day -39
	var low []string                       // days -32..0: low mood on light training, no load known
	for i := range 33 {
		low = append(low, []string{"e3", "e3", "e0"}[i%3]+" s8 mood2 mot3")
	}
	rest := slices.Concat(repeat(7, "-"), build, low)
	with := meterOf(days(-67, slices.Concat([]string{"e3 min30 s8 mood4 mot4"}, rest)...), today)
	without := meterOf(days(-67, slices.Concat([]string{"-"}, rest)...), today)
	if with.Tip.ID != TipSeeAProfessional || without.Tip.ID != TipBeyondTraining {
		t.Errorf("tips %s with a check-in on day -67 and %s without; want see_a_professional and beyond_training\n%s",
			with.Tip.ID, without.Tip.ID, describe(with))
	}
	if from, _ := Window(today); from != today.AddDays(-67) {
		t.Errorf("Window starts on %s, want day -67", from)
	}
}

// A break's follow-up reaches back to the day before it, up to 21 days
// back: its score reads back to day -55. Here a 14-day break (days
// -20..-7) follows a week a step below the usual, which is a sign only when
// day -55 is the 14th logged day of day -21's baseline.
func TestFollowUpReachesBack(t *testing.T) {
	usual := slices.Concat(repeat(13, "e3 s8 mood5 mot5"), repeat(14, "-")) // days -54..-28
	dip := append(repeat(6, "e3 s8 mood4 mot5"), "e0 s8 mood4 mot5")        // days -27..-21
	brk := repeat(14, "e0 s8 mood4 mot4")                                   // days -20..-7
	after := repeat(7, "e3 s8 mood4 mot4")                                  // days -6..0
	rest := slices.Concat(usual, dip, brk, after)
	with := meterOf(days(-55, slices.Concat([]string{"e3 s8 mood5 mot5"}, rest)...), today)
	without := meterOf(days(-55, slices.Concat([]string{"-"}, rest)...), today)
	if with.Break == nil || without.Break == nil {
		t.Fatalf("no break follow-up: %+v, %+v", with.Break, without.Break)
	}
	if with.Break.Start != today.AddDays(-20) || with.Break.Days != 14 {
		t.Errorf("break from %s, %d days; want day -20, 14 days", with.Break.Start, with.Break.Days)
	}
	if with.Break.Before.Score != 15 || without.Break.Before.Score != 0 {
		t.Errorf("the day before the break scores %d with a check-in on day -55 and %d without; want 15 and 0",
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
	if r.Score != 0 || r.Level != LevelUnknown || r.Tip.ID != TipKeepCheckingIn || r.CheckinsLast7Days() != 0 ||
		r.SlumpStreak != 0 || r.DeepSlump || r.Headline == "" {
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
		{"2026-03-15", "2026-01-07"},
		{"2026-01-05", "2025-10-30"},
		{"2024-03-10", "2024-01-03"}, // leap year
	}
	for _, tc := range tests {
		day := mustDate(t, tc.day)
		from, to := Window(day)
		if from.String() != tc.from || to != day {
			t.Errorf("Window(%s) = %s, %s; want %s, %s", day, from, to, tc.from, day)
		}
		if n := to.DaysSince(from) + 1; n != 68 {
			t.Errorf("Window(%s) holds %d days, want 68", day, n)
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
		if want := n < 3; r.Sparse() != want {
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
