package slump

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestVerdict(t *testing.T) {
	w := WeekOf(today) // Monday 9 to Sunday 15 March 2026: today is its Sunday
	last := w.AddWeeks(-1)
	sum := func(wk Week, hard, rest, checkins int, sleep, mood, motivation float64) WeekSummary {
		s := WeekSummary{Start: wk.Start(), End: wk.End(), Checkins: checkins, HardEfforts: hard, RestDays: rest}
		if checkins > 0 {
			s.AvgSleepHours, s.AvgMood, s.AvgMotivation = &sleep, &mood, &motivation
		}
		return s
	}
	tests := []struct {
		name string
		s    WeekSummary
		want Verdict
	}{
		{"a good week", sum(last, 2, 1, 7, 7.5, 4, 4), Verdict{HardEfforts: RuleMet, RestDays: RuleMet, Sleep: RuleMet}},
		{"too hard, no rest, short sleep, low", sum(last, 3, 0, 7, 6.9, 2, 1.5),
			Verdict{HardEfforts: RuleMissed, RestDays: RuleMissed, Sleep: RuleMissed, LowMood: true, LowMotivation: true}},
		{"this week may yet get its rest day", sum(w, 1, 0, 6, 7, 3, 3), Verdict{HardEfforts: RuleMet, RestDays: RulePending, Sleep: RuleMet}},
		{"an empty past week is not judged short of rest", sum(last, 0, 0, 0, 0, 0, 0), Verdict{HardEfforts: RuleMet, RestDays: RulePending}},
		{"mood just above 2 is not low", sum(last, 0, 1, 7, 7, 2.01, 2.01), Verdict{HardEfforts: RuleMet, RestDays: RuleMet, Sleep: RuleMet}},
	}
	for _, tt := range tests {
		if got := defaults.Verdict(tt.s, today); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	// The runner's settings decide.
	cfg := DefaultConfig()
	cfg.HardEffortsPerWeek, cfg.RestDaysPerWeek, cfg.SleepTargetHours = 3, 2, 6
	got := NewMeter(cfg).Verdict(sum(last, 3, 1, 7, 6.5, 3, 3), today)
	if want := (Verdict{HardEfforts: RuleMet, RestDays: RuleMissed, Sleep: RuleMet}); got != want {
		t.Errorf("with 3 hard efforts, 2 rest days, 6 h: %+v, want %+v", got, want)
	}
}

// Weeks is Days, Summarize and Verdict, a week at a time.
func TestWeeks(t *testing.T) {
	h := randomJournalFor(40)
	first := WeekOf(today).AddWeeks(-2)
	ws := defaults.Weeks(h, nil, first, 3, today)
	if len(ws) != 3 {
		t.Fatalf("%d weeks, want 3", len(ws))
	}
	days := daysOf(h, first.Start(), first.AddWeeks(2).End(), today)
	for i, wk := range ws {
		w := first.AddWeeks(i)
		sum := defaults.Summarize(h, w.Start(), w.End())
		if wk.Week != w || !reflect.DeepEqual(wk.Days, days[7*i:7*i+7]) || !reflect.DeepEqual(wk.Summary, sum) ||
			wk.Verdict != defaults.Verdict(sum, today) {
			t.Errorf("week %d (%s) differs from Days, Summarize and Verdict", i, w)
		}
	}
	if defaults.Weeks(h, nil, first, 0, today) != nil {
		t.Error("Weeks of 0 weeks is not nil")
	}
}

// randomJournalFor is a random journal of span days to today, the same on
// every run.
func randomJournalFor(span int) []Checkin {
	return randomJournal(rand.New(rand.NewPCG(uint64(span), 1)), span, false)
}
