package demo

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/laceup/laceup/slump"
)

// today is the last day of every test journal: Sunday 15 March 2026.
var today = slump.NewDate(2026, time.March, 15)

// readingsOf is the readings of from..to with the default settings.
func readingsOf(h []slump.Checkin, from, to slump.Date) []slump.Reading {
	return slump.NewMeter(slump.DefaultConfig()).Readings(h, nil, from, to)
}

// BenchmarkJournalTenYears: laceup demo --days 3650 makes this journal.
func BenchmarkJournalTenYears(b *testing.B) {
	for b.Loop() {
		Journal(1, 3650, today)
	}
}

func TestJournalIsDeterministic(t *testing.T) {
	for seed := range uint64(5) {
		a, b := Journal(seed, 120, today), Journal(seed, 120, today)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("seed %d: two calls give different journals", seed)
		}
	}
	seen := map[string]uint64{}
	for seed := range uint64(20) {
		key := describeJournal(Journal(seed, 120, today))
		if other, ok := seen[key]; ok {
			t.Errorf("seeds %d and %d give the same journal", other, seed)
		}
		seen[key] = seed
	}
}

func describeJournal(h []slump.Checkin) string {
	var b strings.Builder
	for _, c := range h {
		b.WriteString(c.Date.String())
		b.WriteString(string(rune('a' + c.Effort + 10*c.Mood)))
	}
	return b.String()
}

func TestJournalSizes(t *testing.T) {
	tests := []struct {
		days int
		want int // check-ins; -1: between 90% and 100% of days
	}{{-5, 0}, {0, 0}, {1, 1}, {2, 2}, {30, -1}, {120, -1}, {400, -1}, {3650, -1}}
	for _, tc := range tests {
		h := Journal(1, tc.days, today)
		switch {
		case tc.want == 0 && h != nil:
			t.Errorf("Journal(%d days) = %d check-ins, want nil", tc.days, len(h))
		case tc.want > 0 && len(h) != tc.want:
			t.Errorf("Journal(%d days) = %d check-ins, want %d", tc.days, len(h), tc.want)
		case tc.want < 0 && (len(h) > tc.days || len(h) < tc.days*9/10):
			t.Errorf("Journal(%d days) = %d check-ins, want 90-100%% of the days", tc.days, len(h))
		}
	}
	if h := Journal(1, 120, slump.Date{}); h != nil {
		t.Errorf("Demo ending on the zero Date = %d check-ins, want nil", len(h))
	}
}

// Every check-in is one a runner could have typed.
func TestJournalIsValid(t *testing.T) {
	for _, days := range []int{1, 2, 7, 30, 84, 120, 365, 3650} {
		for seed := range uint64(10) {
			h := Journal(seed, days, today)
			if len(h) == 0 || h[0].Date != today.AddDays(-(days-1)) || h[len(h)-1].Date != today {
				t.Fatalf("seed %d, %d days: journal runs from %s to %s, want %s to %s", seed, days,
					h[0].Date, h[len(h)-1].Date, today.AddDays(-(days - 1)), today)
			}
			notes := 0
			for i, c := range h {
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("seed %d, %d days, %s: "+format, append([]any{seed, days, c.Date}, args...)...)
				}
				if err := c.Validate(today); err != nil {
					fail("%v", err)
				}
				if i > 0 && !c.Date.After(h[i-1].Date) {
					fail("follows %s", h[i-1].Date)
				}
				if c.SleepHours*4 != math.Trunc(c.SleepHours*4) {
					fail("sleep %v is not in quarter hours", c.SleepHours)
				}
				if c.Minutes == nil || (*c.Minutes == 0) != (c.Effort == slump.RestEffort) {
					fail("effort %d with minutes %v", c.Effort, derefInt(c.Minutes))
				}
				if *c.Minutes > 150 || c.Effort > 9 || (c.Effort > 0 && c.Effort < 2) {
					fail("effort %d for %d minutes", c.Effort, *c.Minutes)
				}
				if c.Note != "" {
					notes++
					if c.Note != slump.CleanNote(c.Note) || strings.Contains(c.Note, "\n") || utf8.RuneCountInString(c.Note) > 40 {
						fail("note %q is not a short line", c.Note)
					}
				}
			}
			if days >= 120 && notes*5 > len(h) {
				t.Errorf("seed %d, %d days: %d notes in %d check-ins, more than 1 in 5", seed, days, notes, len(h))
			}
		}
	}
}

func derefInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// breaks returns the runs of 3 or more consecutive days that are all logged
// rest days, as index ranges [start, end) of h.
func breaks(h []slump.Checkin) [][2]int {
	var out [][2]int
	for i := 0; i < len(h); {
		j := i
		for j < len(h) && h[j].Effort == slump.RestEffort && (j == i || h[j].Date == h[j-1].Date.AddDays(1)) {
			j++
		}
		if j-i >= 3 {
			out = append(out, [2]int{i, j})
		}
		i = max(j, i+1)
	}
	return out
}

// The default journal tells the whole story: ordinary weeks, a build-up
// into a slump that the meter calls (step_away), a 3-5 day break, and a
// recovery that ends the journal with the meter at ok.
func TestJournalStory(t *testing.T) {
	for seed := range uint64(50) {
		h := Journal(seed, 120, today)
		rs := readingsOf(h, h[0].Date, today)
		at := func(i int) slump.Reading { return rs[h[i].Date.DaysSince(h[0].Date)] }

		bs := breaks(h)
		if len(bs) != 1 {
			t.Fatalf("seed %d: %d runs of 3 or more rest days, want 1 break: %v", seed, len(bs), bs)
		}
		start, end := bs[0][0], bs[0][1]
		if n := end - start; n < 3 || n > 5 {
			t.Errorf("seed %d: the break is %d days, want 3-5", seed, n)
		}
		first, last := h[start].Date, h[end-1].Date
		if last.DaysSince(first) != end-start-1 {
			t.Errorf("seed %d: a day of the break %s..%s has no check-in", seed, first, last)
		}
		for i := start; i < end; i++ {
			if *h[i].Minutes != 0 || h[i].SleepHours < 8 {
				t.Errorf("seed %d: break day %s: %d minutes, %v h of sleep", seed, h[i].Date, *h[i].Minutes, h[i].SleepHours)
			}
		}
		if h[end-1].Mood <= h[start].Mood-1 {
			t.Errorf("seed %d: mood falls over the break, %d to %d", seed, h[start].Mood, h[end-1].Mood)
		}

		// The build-up: 2 weeks or more without a rest day, the meter
		// reaching the slump band and step_away before the break is over.
		var hard, rest, stepAway int
		for i := start - 1; i >= 0 && h[i].Date.After(first.AddDays(-15)); i-- {
			if h[i].Effort == slump.RestEffort {
				rest++
			}
			if h[i].Effort >= slump.HardEffort && h[i].Date.After(first.AddDays(-8)) {
				hard++
			}
		}
		for i := start - 1; i >= 0 && h[i].Date.After(first.AddDays(-22)); i-- {
			if r := at(i); r.Level == slump.LevelSlump && r.Tip.ID == slump.TipStepAway {
				stepAway++
			}
		}
		if rest > 0 || hard < 3 || stepAway == 0 {
			t.Errorf("seed %d: the 14 days before the break have %d rest days, the last 7 %d hard efforts, "+
				"and the meter said step_away on %d days of the build-up", seed, rest, hard, stepAway)
		}
		if last.DaysSince(h[start-1].Date) > 7 || h[start-1].Mood > 2 || h[start-1].Motivation > 2 && h[start-2].Motivation > 2 {
			t.Errorf("seed %d: the day before the break (%s) is not deep in the slump: %+v", seed, h[start-1].Date, h[start-1])
		}

		// Ordinary weeks before: the article's rules, logged days only.
		for i := 0; h[i].Date.Before(first.AddDays(-28)); i++ {
			if r := at(i); r.Week.HardEfforts > 2 || r.Level != slump.LevelOK && i >= 7 {
				t.Errorf("seed %d: ordinary day %s reads %d (%s) with %d hard efforts", seed, h[i].Date, r.Score, r.Level,
					r.Week.HardEfforts)
			}
		}

		// The end: recovery and ordinary days, the meter at ok.
		if today.DaysSince(last) < 21 {
			t.Errorf("seed %d: the break ends %s, less than 3 weeks before today", seed, last)
		}
		for _, r := range rs[len(rs)-7:] {
			if r.Level != slump.LevelOK {
				t.Errorf("seed %d: %s, in the last week, reads %d (%s)", seed, r.Date, r.Score, r.Level)
			}
		}
	}
}

// Ten years: a slump episode every 4-8 months, a few missed days. (How
// quick it is to make: BenchmarkJournalTenYears.)
func TestJournalTenYears(t *testing.T) {
	for seed := range uint64(10) {
		h := Journal(seed, 3650, today)
		missed := 3650 - len(h)
		if frac := float64(missed) / 3650; frac < 0.03 || frac > 0.05 {
			t.Errorf("seed %d: %d missed days of 3650 (%.1f%%), want 3-5%%", seed, missed, 100*frac)
		}

		rs := readingsOf(h, h[0].Date, today)
		bs := breaks(h)
		if n := len(bs); n < 3650/(245+21+5+42) || n > 3650/(120+14+3) {
			t.Errorf("seed %d: %d breaks in 10 years", seed, n)
		}
		for i, b := range bs {
			first := h[b[0]].Date
			if i > 0 {
				prev := h[bs[i-1][0]].Date
				if gap := first.DaysSince(prev); gap < 4*30 || gap > 9*31 {
					t.Errorf("seed %d: break on %s %d days after the last", seed, first, gap)
				}
			}
			stepAway := false
			for d := first.AddDays(-21); !d.After(first); d = d.AddDays(1) {
				r := rs[d.DaysSince(h[0].Date)]
				stepAway = stepAway || r.Tip.ID == slump.TipStepAway && r.Level == slump.LevelSlump
			}
			if !stepAway {
				t.Errorf("seed %d: no step_away before the break on %s", seed, first)
			}
		}
		ok := 0
		for _, r := range rs {
			if r.Level == slump.LevelOK {
				ok++
			}
		}
		if ok*100 < len(rs)*75 {
			t.Errorf("seed %d: only %d of %d days read ok", seed, ok, len(rs))
		}
	}
}

// A journal too short for a whole episode is ordinary weeks only; from 82
// days on there is always room for one.
func TestJournalShort(t *testing.T) {
	for seed := range uint64(20) {
		if bs := breaks(Journal(seed, 82, today)); len(bs) != 1 {
			t.Errorf("seed %d: 82 days hold %d breaks, want 1", seed, len(bs))
		}
		h := Journal(seed, 58, today)
		if bs := breaks(h); len(bs) != 0 {
			t.Errorf("seed %d: 58 days hold a break: %v", seed, bs)
		}
		for _, r := range readingsOf(h, h[0].Date, today) {
			if r.Level == slump.LevelSlump {
				t.Errorf("seed %d: %s reads slump in an ordinary journal", seed, r.Date)
			}
		}
	}
}

// Every ending reaches its story from MinDays on, whatever the seed: the
// slump ending reads slump with the step_away tip, the break ending reads
// the break's follow-up.
func TestEndings(t *testing.T) {
	today := slump.NewDate(2026, 11, 25)
	m := slump.NewMeter(slump.DefaultConfig())
	for seed := range uint64(40) {
		for _, days := range []int{MinDays(Slump), 90, 365} {
			h := JournalEnding(seed, days, today, Slump)
			if r := m.Reading(h, nil, today); r.Level != slump.LevelSlump || r.Tip.ID != slump.TipStepAway {
				t.Errorf("seed %d, %d days, ending slump: %s %s", seed, days, r.Level, r.Tip.ID)
			}
			h = JournalEnding(seed, days, today, Break)
			if r := m.Reading(h, nil, today); r.Break == nil {
				t.Errorf("seed %d, %d days, ending break: no break follow-up (%s %s)", seed, days, r.Level, r.Tip.ID)
			}
		}
	}
}
