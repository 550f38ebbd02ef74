package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// slumpWeek is a week that fires every signal: 5 hard efforts, no rest day,
// short sleep, low mood and motivation, and a note that tries to rewrite
// the terminal.
func slumpWeek() []slump.Checkin {
	var cs []slump.Checkin
	for i := 6; i >= 0; i-- {
		effort := 8
		if i%3 == 1 {
			effort = 4
		}
		c := ck(today.AddDays(-i), 1, 1, 5.5, effort)
		c.Minutes = slump.Int(70)
		cs = append(cs, c)
	}
	cs[6].Note = "legs \x1b[2J\x1b]0;pwned\x07flat\r\nagain, hamstring nagging on every stride for the whole of the long run and beyond"
	return cs
}

func TestDashboardShowsMeterSignalsAndTip(t *testing.T) {
	j := newFakeJournal(slumpWeek()...)
	s := newSession(t, j, Options{})
	r := slump.NewMeter(slump.DefaultConfig()).Reading(slumpWeek(), nil, today)
	v := s.view()
	assertContains(t, v, "Slump meter", "SLUMP", r.Headline, r.Tip.Title, "7 of the last 7 days logged", "hard efforts 5/2", "rest days 0/1")
	// 80x24 holds the strongest signals, and says how many more there are.
	assertContains(t, v, "sign   +35  motivation averaged", "… and 3 more: laceup meter lists them all")
	s.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	v = s.view()
	for _, sig := range r.Signals {
		// details may wrap; their first words are on one line
		first := strings.Join(strings.Fields(sig.Detail)[:3], " ")
		assertContains(t, v, first)
	}
}

func TestDashboardNeverPrintsControlCharacters(t *testing.T) {
	s := newSession(t, newFakeJournal(slumpWeek()...), Options{})
	s.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	v := s.view()
	for _, bad := range []string{"\x1b", "\x07", "\r"} {
		if strings.Contains(v, bad) {
			t.Errorf("dashboard prints %q from a note", bad)
		}
	}
	assertContains(t, v, "legs [2J]0;pwnedflat again")
}

func TestDashboardFits(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {100, 30}, {120, 40}} {
		s := newSession(t, newFakeJournal(slumpWeek()...), Options{})
		s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
		assertFits(t, s.view(), size.w, size.h)
	}
}

func TestDashboardGoldens(t *testing.T) {
	tests := []struct {
		name string
		days []slump.Checkin
		w, h int
	}{
		{"dashboard_slump_80x24", slumpWeek(), 80, 24},
		{"dashboard_slump_120x40", slumpWeek(), 120, 40},
		{"dashboard_ok_80x24", []slump.Checkin{
			ck(today.AddDays(-3), 4, 4, 8, 0), ck(today.AddDays(-2), 4, 5, 7.5, 7),
			ck(today.AddDays(-1), 5, 4, 8, 3), ck(today, 4, 4, 7, 5)}, 80, 24},
		{"dashboard_empty_80x24", nil, 80, 24},
		{"dashboard_first_day_80x24", []slump.Checkin{ck(today, 1, 1, 3, 10)}, 80, 24},
		{"dashboard_sick_80x24", sickWeek(), 80, 24},
		{"dashboard_causes_only_80x24", happyHardWeek(), 80, 24},
		{"dashboard_break_80x24", breakDays(), 80, 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, newFakeJournal(tt.days...), Options{})
			if s.m.screen == checkinScreen {
				s.keys("esc")
			}
			s.send(tea.WindowSizeMsg{Width: tt.w, Height: tt.h})
			golden(t, s.view())
		})
	}
}

func TestDashboardHelpShowsOnlyItsKeys(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{})
	v := s.view()
	assertContains(t, v, "c check in / edit today", "? more keys", "q quit")
	if strings.Contains(v, "shift+tab") || strings.Contains(v, "esc") {
		t.Errorf("dashboard help lists form keys:\n%s", v)
	}
	s.keys("?")
	if !s.m.help.ShowAll {
		t.Error("? did not open the full help")
	}
	s.keys("?")
	if s.m.help.ShowAll {
		t.Error("? did not close the full help")
	}
}

func TestDashboardResizes(t *testing.T) {
	s := newSession(t, newFakeJournal(slumpWeek()...), Options{})
	wide := s.send(tea.WindowSizeMsg{Width: 120, Height: 40}).view()
	narrow := s.send(tea.WindowSizeMsg{Width: 80, Height: 24}).view()
	if wide == narrow {
		t.Error("the dashboard did not redraw for the new size")
	}
	assertFits(t, narrow, 80, 24)
}

// sickWeek is an ordinary week whose last 3 days were spent sick in bed.
func sickWeek() []slump.Checkin {
	var cs []slump.Checkin
	for i, e := range []int{3, 0, 5, 3, 0, 0, 0} {
		c := ck(today.AddDays(i-6), 4, 4, 7.5, e)
		if i >= 4 {
			c.Mood, c.Motivation, c.SleepHours, c.DayType = 2, 1, 9, slump.DaySick
		}
		cs = append(cs, c)
	}
	return cs
}

// happyHardWeek is a block of hard training with no sign of a slump: 4
// hard efforts, a rest day, good sleep, mood and legs.
func happyHardWeek() []slump.Checkin {
	var cs []slump.Checkin
	for i, e := range []int{8, 3, 8, 0, 8, 3, 8} {
		c := ck(today.AddDays(i-6), 5, 5, 8.5, e)
		c.Legs = slump.Int(4)
		cs = append(cs, c)
	}
	return cs
}

// breakDays is 9 days deep in a slump from too much hard training, then
// the second day of a break.
func breakDays() []slump.Checkin {
	var cs []slump.Checkin
	for i := 10; i >= 0; i-- {
		c := ck(today.AddDays(-i), 1, 1, 5.5, 8)
		c.Legs = slump.Int(1)
		if i <= 1 {
			c.Effort, c.Mood, c.Motivation, c.SleepHours = 0, 2, 2, 9
		}
		cs = append(cs, c)
	}
	return cs
}
