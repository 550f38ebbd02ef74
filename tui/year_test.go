package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// aYear is a journal of this year: nothing in January, then daily
// check-ins from 9 February (the first days too early to read) with a rest
// day every Monday, a race on 19 April, a week sick and two days injured in
// June, a hard block into a slump in September, and a fortnight not logged
// in October.
func aYear() []slump.Checkin {
	var cs []slump.Checkin
	for d := slump.NewDate(2026, 2, 9); !d.After(today); d = d.AddDays(1) {
		if !d.Before(slump.NewDate(2026, 10, 5)) && d.Before(slump.NewDate(2026, 10, 19)) {
			continue
		}
		c := ck(d, 4, 4, 7.5, 4+d.Time().Day()%3)
		c.Minutes = slump.Int(50)
		switch {
		case d == slump.NewDate(2026, 4, 19):
			c.DayType, c.Effort = slump.DayRace, 9
		case !d.Before(slump.NewDate(2026, 6, 8)) && d.Before(slump.NewDate(2026, 6, 15)):
			c.DayType, c.Effort = slump.DaySick, 0
		case d == slump.NewDate(2026, 6, 22) || d == slump.NewDate(2026, 6, 23):
			c.DayType, c.Effort = slump.DayInjured, 0
		case d.Weekday() == 1: // Monday
			c.Effort = 0
		case !d.Before(slump.NewDate(2026, 9, 1)) && d.Before(slump.NewDate(2026, 9, 29)):
			c.Mood, c.Motivation, c.SleepHours, c.Effort = 2, 1, 5.5, 8
		}
		cs = append(cs, c)
	}
	return cs
}

func TestYearOpensFromTheDashboard(t *testing.T) {
	s := newSession(t, newFakeJournal(aYear()...), Options{}).keys("y")
	if s.m.screen != yearScreen || !s.m.year.loaded || s.m.year.year != 2026 {
		t.Fatalf("y opened screen %v (loaded %v, year %d)", s.m.screen, s.m.year.loaded, s.m.year.year)
	}
	want := slump.NewMeter(slump.DefaultConfig()).Year(aYear(), slump.LoadsOf(aYear()), 2026, today)
	if got := s.m.year.data.Counts; got != want.Counts {
		t.Errorf("counts %+v, want %+v", got, want.Counts)
	}
	c := want.Counts
	if c.Total() != today.DaysSince(slump.NewDate(2026, 1, 1))+1 || c.OK == 0 || c.Slump == 0 || c.Unknown == 0 || c.NoCheckin < 31+8+14 {
		t.Errorf("counts %+v: want every level, 329 days in all", c)
	}
	v := s.view()
	assertContains(t, v, "Year 2026", "Jan", "Dec", "Mon", "Sun", "*", "S", "I", "R", "?", "·",
		fmt.Sprintf("▂ ok %d", c.OK), fmt.Sprintf("█ slump %d", c.Slump), fmt.Sprintf("· no check-in %d", c.NoCheckin),
		"R rest", "* race", "←/h earlier year", "esc back")
	if strings.Contains(v, "later year") {
		t.Errorf("this year offers a later one:\n%s", v)
	}
	if s.keys("esc"); s.m.screen != dashboardScreen {
		t.Errorf("esc went to %v", s.m.screen)
	}
}

func TestYearNavigation(t *testing.T) {
	s := newSession(t, newFakeJournal(aYear()...), Options{}).keys("y")
	for _, st := range []struct {
		key  string
		want int
	}{{"left", 2025}, {"h", 2024}, {"right", 2025}, {"l", 2026}, {"right", 2026}, {"l", 2026}, {"left", 2025}} {
		s.keys(st.key)
		if s.m.year.year != st.want || !s.m.year.loaded || s.m.year.data.Year != st.want {
			t.Fatalf("after %s: year %d (loaded %v, data %d), want %d", st.key, s.m.year.year, s.m.year.loaded, s.m.year.data.Year, st.want)
		}
	}
	v := s.view()
	assertContains(t, v, "Year 2025", "1 Jan – 31 Dec", "→/l later year", fmt.Sprintf("· no check-in %d", 365))
}

func TestYearUpdate(t *testing.T) {
	sh := testShared(newFakeJournal(aYear()...))
	y := newYearModel(sh, 2026, today)
	if y.keys.Next.Enabled() || !y.keys.Prev.Enabled() {
		t.Fatal("this year: → enabled or ← disabled")
	}
	for key, want := range map[string]tea.Msg{
		"esc": showMsg{screen: dashboardScreen},
		"?":   toggleHelpMsg{},
		"q":   tea.QuitMsg{},
		"x":   nil,
		"l":   nil, // no later year than this one
	} {
		if got, cmd := y.Update(keyMsg(key)); msgOf(cmd) != want || got.year != 2026 {
			t.Errorf("%s: %#v (year %d), want %#v", key, msgOf(cmd), got.year, want)
		}
	}
	prev, cmd := y.Update(keyMsg("left"))
	msg, ok := msgOf(cmd).(yearLoadedMsg)
	if prev.year != 2025 || !ok || msg.year != 2025 || !prev.keys.Next.Enabled() {
		t.Fatalf("left: year %d, %#v", prev.year, msgOf(cmd))
	}
	if stale := prev.withData(yearLoadedMsg{year: 2024}); stale.loaded {
		t.Error("a load of another year was taken")
	}
	if first := newYearModel(sh, 1900, today); first.keys.Prev.Enabled() {
		t.Error("1900: ← enabled")
	} else if got, cmd := first.Update(keyMsg("left")); cmd != nil || got.year != 1900 {
		t.Errorf("1900: left moved to %d", got.year)
	}
}

// The dashboard's y is the year; filling in yesterday moved to f.
func TestDashboardYearKey(t *testing.T) {
	d := newDashboardModel(testShared(newFakeJournal(ck(today, 4, 4, 7.5, 3))))
	if _, cmd := d.Update(keyMsg("y")); msgOf(cmd) != (showMsg{screen: yearScreen}) {
		t.Errorf("y: %#v, want the year", msgOf(cmd))
	}
}

func TestYearGoldens(t *testing.T) {
	for _, tt := range []struct {
		name string
		days []slump.Checkin
		keys []string
	}{
		{"a_year", aYear(), nil},
		{"last_year", aYear(), []string{"left"}},
		{"empty", []slump.Checkin{ck(today, 4, 4, 7, 3)}, nil},
		{"help", aYear(), []string{"?"}},
	} {
		for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {60, 20}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", tt.name, size.w, size.h), func(t *testing.T) {
				s := newSession(t, newFakeJournal(tt.days...), Options{})
				s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h}).keys("y").keys(tt.keys...)
				v := s.view()
				assertFits(t, v, size.w, size.h)
				// Every weekday stays, whatever the size.
				assertContains(t, v, "Mon", "Wed", "Sun")
				golden(t, v)
			})
		}
	}
}

// Every size from the smallest up fits, and shows today's column; a
// terminal wide enough for two columns a day shows each marked day's level
// too.
func TestYearFits(t *testing.T) {
	for _, size := range sizes {
		for _, keys := range [][]string{nil, {"?"}} {
			s := newSession(t, newFakeJournal(aYear()...), Options{}).keys("y")
			s.keys(keys...).send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
			v := s.view()
			if small(size.w, size.h) {
				assertTooSmall(t, v, size.w, size.h)
				continue
			}
			assertFits(t, v, size.w, size.h)
			assertContains(t, v, "Year 2026", "Mon", "Sun")
			// Today, a Wednesday, is the last cell of its row.
			for _, line := range strings.Split(v, "\n") {
				if f := strings.Fields(line); len(f) > 0 && f[0] == "Wed" && !strings.HasSuffix(line, "▂") && !strings.HasSuffix(strings.TrimRight(line, " "), "▂") {
					t.Errorf("%dx%d: today is cut off: %q", size.w, size.h, line)
				}
			}
		}
	}
	wide := newSession(t, newFakeJournal(aYear()...), Options{}).send(tea.WindowSizeMsg{Width: 120, Height: 40}).keys("y").view()
	assertContains(t, wide, "▂R", "▂S", "▂I", "?R")
}

// The screen's calendar is the one laceup year prints, coloured: without
// colour its lines are report.YearGrid's.
func TestYearScreenIsTheReportsGrid(t *testing.T) {
	s := newSession(t, newFakeJournal(aYear()...), Options{}).keys("y")
	y := s.m.year.data
	lines := report.YearGrid(y, today, report.YearLayout{Weeks: report.YearWeeks(2026), Cell: 1}, report.YearPaint{})
	v := s.view()
	for _, l := range lines {
		if !strings.Contains(v, "  "+l) {
			t.Errorf("the screen lacks %q:\n%s", l, v)
		}
	}
}

// In colour each level's cells take the level's colour; ? and · theirs.
func TestYearColours(t *testing.T) {
	for _, term := range terminals {
		st := stylesFor(ThemeDefault, term)
		s := colourSession(t, ThemeDefault, aYear(), st).keys("y")
		v := s.view()
		for _, l := range levels {
			if want := st.level[l].Render(report.YearGlyph(l)); !strings.Contains(v, strings.TrimSuffix(want, "\x1b[0m")) {
				t.Errorf("%s: no %s cell in its colour", term.name, l)
			}
		}
		if lipgloss.Width(v) > 80 {
			t.Errorf("%s: wider than 80", term.name)
		}
	}
}
