package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// twelveWeeks is a block of ordinary weeks, a hard block with no rest and
// short sleep, and a missing week.
func twelveWeeks() []slump.Checkin {
	this := slump.WeekOf(today)
	var cs []slump.Checkin
	for i := range trendWeeks {
		w := this.AddWeeks(i - (trendWeeks - 1))
		switch {
		case i == 3: // a week off from the journal
		case i >= 6 && i <= 8: // the hard block
			for d, day := range w.Days() {
				c := ck(day, 2, 1+d%2, 5.75, 8-d%3*3)
				c.Minutes = slump.Int(70)
				cs = append(cs, c)
			}
		default:
			cs = append(cs, weekOf(w, map[int]int{0: 3, 1: 8, 2: 0, 3: 4, 4: 7, 5: 9, 6: 2})...)
		}
	}
	var out []slump.Checkin
	for _, c := range cs {
		if !c.Date.After(today) {
			out = append(out, c)
		}
	}
	return out
}

func TestTrendsShowWeeksAgainstTheRules(t *testing.T) {
	s := newSession(t, newFakeJournal(twelveWeeks()...), Options{}).keys("t")
	if s.m.screen != trendsScreen || !s.m.trends.loaded {
		t.Fatalf("t opened screen %v (loaded %v)", s.m.screen, s.m.trends.loaded)
	}
	this := slump.WeekOf(today)
	v := s.view()
	assertContains(t, v, fmt.Sprintf("%s – %s", this.AddWeeks(-11), this), "hard ≤ 2", "rest ≥ 1", "sleep h ≥ 7",
		"mood", "motivation", "minutes", "Meter per day")
	// The hard block breaks the rules: flagged with "!" so it shows without colour.
	if !strings.Contains(v, "!") {
		t.Errorf("no week is flagged:\n%s", v)
	}
	for i, wk := range s.m.trends.weeks {
		w := wk.Summary
		want := slump.NewMeter(slump.DefaultConfig()).Summarize(twelveWeeks(), this.AddWeeks(i-11).Start(), this.AddWeeks(i-11).End())
		if w.Checkins != want.Checkins || w.HardEfforts != want.HardEfforts || w.RestDays != want.RestDays {
			t.Errorf("week %d: %+v, want %+v", i, w, want)
		}
	}
	if s.m.trends.weeks[3].Summary.Checkins != 0 {
		t.Error("the missing week has check-ins")
	}
}

func TestTrendsNavigation(t *testing.T) {
	s := newSession(t, newFakeJournal(twelveWeeks()...), Options{}).keys("t")
	this := slump.WeekOf(today)
	for _, st := range []struct {
		key  string
		want slump.Week
	}{{"left", this.AddWeeks(-1)}, {"h", this.AddWeeks(-2)}, {"right", this.AddWeeks(-1)},
		{"l", this}, {"right", this}, {"left", this.AddWeeks(-1)}, {"t", this}} {
		s.keys(st.key)
		if s.m.trends.last != st.want || !s.m.trends.loaded {
			t.Fatalf("after %s: last week %s (loaded %v), want %s", st.key, s.m.trends.last, s.m.trends.loaded, st.want)
		}
	}
	s.keys("esc")
	if s.m.screen != dashboardScreen {
		t.Errorf("esc went to %v", s.m.screen)
	}
}

func TestTrendsGoldens(t *testing.T) {
	for _, tt := range []struct {
		name string
		days []slump.Checkin
	}{{"twelve_weeks", twelveWeeks()}, {"empty", []slump.Checkin{ck(today, 4, 4, 7, 3)}}} {
		for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {60, 20}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", tt.name, size.w, size.h), func(t *testing.T) {
				s := newSession(t, newFakeJournal(tt.days...), Options{})
				s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h}).keys("t")
				assertFits(t, s.view(), size.w, size.h)
				golden(t, s.view())
			})
		}
	}
}

// A narrow terminal shows fewer weeks, the newest: this week, the only one
// with data in a new journal, is never cut off.
func TestTrendsKeepTheNewestWeeks(t *testing.T) {
	this := slump.WeekOf(today)
	for _, size := range []struct{ w, h, weeks int }{{80, 24, 12}, {60, 20, 8}, {40, 12, 4}} {
		s := newSession(t, newFakeJournal(ck(today, 4, 4, 7, 3)), Options{})
		s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h}).keys("t")
		v := s.view()
		assertFits(t, v, size.w, size.h)
		first := this.AddWeeks(-(size.weeks - 1))
		assertContains(t, v, fmt.Sprintf("W%02d", this.Num), fmt.Sprintf("W%02d", first.Num), fmt.Sprintf("%s – %s", first, this))
		if older := this.AddWeeks(-size.weeks); strings.Contains(v, fmt.Sprintf("W%02d", older.Num)) {
			t.Errorf("%dx%d shows %s, more than %d weeks:\n%s", size.w, size.h, older, size.weeks, v)
		}
		// This week's column holds today's check-in: a value, not a gap.
		for _, line := range strings.Split(v, "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == "hard" && f[len(f)-1] != "▁0" {
				t.Errorf("%dx%d: this week's hard efforts cut off: %q", size.w, size.h, line)
			}
		}
	}
}

func TestTrendsFit(t *testing.T) {
	for _, size := range sizes {
		for _, keys := range [][]string{nil, {"?"}} {
			s := newSession(t, newFakeJournal(twelveWeeks()...), Options{}).keys("t")
			s.keys(keys...).send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
			v := s.view()
			if small(size.w, size.h) {
				assertTooSmall(t, v, size.w, size.h)
				continue
			}
			assertFits(t, v, size.w, size.h)
			assertContains(t, v, fmt.Sprintf("W%02d", slump.WeekOf(today).Num), "hard ≤ 2", "minutes")
		}
	}
}

// The fitness, fatigue and form chart: 10 steady weeks, then 2 weeks of
// double load. Form falls into high_risk, marked "!" (readable without
// colour); fitness and fatigue are numbers under their bars.
func TestTrendsFitnessChart(t *testing.T) {
	var days []slump.Checkin
	for i := 12*7 + 60; i >= 0; i-- {
		d := today.AddDays(-i)
		c := ck(d, 4, 4, 7.5, 5)
		m := 60
		if i < 14 {
			m = 150
		}
		c.Minutes = &m
		days = append(days, c)
	}
	s := newSession(t, newFakeJournal(days...), Options{})
	s.send(tea.WindowSizeMsg{Width: 100, Height: 40}).keys("t")
	v := s.view()
	assertContains(t, v, "fitness", "fatigue", "form %", "!")
	var form string
	for _, line := range strings.Split(v, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "form %") && !strings.Contains(line, "high risk") {
			form = line
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(form), "!") || strings.Count(form, "!") > 3 {
		t.Errorf("form row %q: want the last weeks in high risk (!), the steady ones not", form)
	}
}
