package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// weekOf returns check-ins for the given days of week w (0 = Monday), with
// efforts as listed; other fields vary a little so the grid is realistic.
func weekOf(w slump.Week, efforts map[int]int) []slump.Checkin {
	var cs []slump.Checkin
	for i, day := range w.Days() {
		e, ok := efforts[i]
		if !ok {
			continue
		}
		c := ck(day, 3+i%2, 2+i%3, 6.5+float64(i%3)*0.5, e)
		c.Minutes = slump.Int(30 + 10*i)
		cs = append(cs, c)
	}
	return cs
}

// openWeek shows the history screen on week w, as if navigated there.
func (s *session) openWeek(w slump.Week) *session {
	s.t.Helper()
	if s.m.screen == checkinScreen {
		s.keys("esc") // today not checked in yet: the session starts on the form
	}
	s.keys("w")
	s.m.hist = s.m.hist.move(w)
	s.run(s.m.hist.load())
	return s
}

func TestHistoryFromDashboard(t *testing.T) {
	j := newFakeJournal(ck(today, 4, 4, 7.5, 3))
	s := newSession(t, j, Options{}).keys("w")
	if s.m.screen != historyScreen {
		t.Fatalf("w opened screen %v", s.m.screen)
	}
	thisWeek := slump.WeekOf(today)
	assertContains(t, s.view(), "History · "+thisWeek.String(), "Wed 25 Nov", "future", "check-ins 1/7")
	if got := s.m.hist.selectedDate(); got != today {
		t.Errorf("selected %s, want today", got)
	}
	if s.m.hist.keys.Next.Enabled() || s.m.hist.keys.ThisWeek.Enabled() {
		t.Error("next week and this week are enabled on this week")
	}
	s.keys("?")
	if v := s.view(); strings.Contains(v, "next week") || !strings.Contains(v, "prev week") {
		t.Errorf("full help on this week:\n%s", v)
	}
	s.keys("esc")
	if s.m.screen != dashboardScreen {
		t.Errorf("esc went to %v, want the dashboard", s.m.screen)
	}
}

func TestHistoryNavigation(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{}).keys("w")
	this := slump.WeekOf(today)
	steps := []struct {
		key  string
		want slump.Week
	}{
		{"left", this.AddWeeks(-1)}, {"h", this.AddWeeks(-2)}, {"right", this.AddWeeks(-1)},
		{"l", this}, {"right", this}, // no weeks in the future
		{"h", this.AddWeeks(-1)}, {"h", this.AddWeeks(-2)}, {"t", this},
	}
	for _, st := range steps {
		s.keys(st.key)
		if s.m.hist.week != st.want {
			t.Fatalf("after %s: week %s, want %s", st.key, s.m.hist.week, st.want)
		}
		if !s.m.hist.loaded {
			t.Fatalf("after %s: week not loaded", st.key)
		}
	}
	// Days: up/k and down/j, never past today.
	s.keys("down", "j")
	if got := s.m.hist.selectedDate(); got != today {
		t.Errorf("down moved past today to %s", got)
	}
	s.keys("up", "k")
	if got := s.m.hist.selectedDate(); got != today.AddDays(-2) {
		t.Errorf("up, k selected %s, want %s", got, today.AddDays(-2))
	}
	s.keys("left")
	if s.m.hist.selected != 0 {
		s.keys("down", "down", "down", "down", "down", "down", "down")
		if s.m.hist.selected != 6 {
			t.Errorf("in a past week down should reach Sunday, got %d", s.m.hist.selected)
		}
	}
}

func TestHistoryBackfillUpdatesTheWeek(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	j := newFakeJournal(weekOf(last, map[int]int{0: 8, 1: 8, 2: 3, 4: 8})...)
	s := newSession(t, j, Options{}).openWeek(last)
	assertContains(t, s.view(), "check-ins 4/7", "rest days 0/1 ✗", "hard efforts 3/2 ✗")

	// Thursday is missing: fill it in as a rest day.
	s.keys("up", "up", "up", "up", "up", "up", "down", "down", "down")
	thursday := last.Start().AddDays(3)
	if got := s.m.hist.selectedDate(); got != thursday {
		t.Fatalf("selected %s, want Thursday %s", got, thursday)
	}
	s.keys("enter")
	if s.m.screen != checkinScreen || s.m.form.date != thursday || s.m.form.editing {
		t.Fatalf("enter on a missing day: screen %v, form date %s, editing %v", s.m.screen, s.m.form.date, s.m.form.editing)
	}
	assertContains(t, s.view(), "Check-in for Thursday", "How was your mood that day?")
	s.keys("4", "enter", "4", "enter", "8", "enter", "0", "ctrl+s")
	if _, ok := j.days[thursday]; !ok {
		t.Fatal("the filled-in day was not saved")
	}
	if s.m.screen != historyScreen || s.m.hist.week != last {
		t.Fatalf("after saving: screen %v week %s, want the history of %s", s.m.screen, s.m.hist.week, last)
	}
	v := s.view()
	assertContains(t, v, "check-ins 5/7", "rest days 1/1 ✓", "0 rest")
	if s.m.hist.day(3).Reading == nil || s.m.hist.day(3).Checkin == nil {
		t.Error("the filled-in day has no check-in or meter on the grid")
	}
}

func TestHistoryEditPrefillsAndEscReturns(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	cs := weekOf(last, map[int]int{0: 5})
	cs[0].Note = "tempo on the track"
	j := newFakeJournal(cs...)
	s := newSession(t, j, Options{}).openWeek(last)
	for s.m.hist.selected > 0 {
		s.keys("k")
	}
	s.keys("e")
	if !s.m.form.editing {
		t.Fatal("e on a day with a check-in did not open it for editing")
	}
	s.keys("esc")
	if s.m.screen != historyScreen || j.saves != 0 {
		t.Errorf("esc from the form: screen %v, saves %d; want the history, nothing saved", s.m.screen, j.saves)
	}
}

func TestHistoryCannotEditTheFuture(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{}).keys("w")
	s.m.hist.selected = 6 // Sunday, after today
	s.m.hist.updateKeys()
	s.keys("enter")
	if s.m.screen != historyScreen {
		t.Error("enter on a future day opened the form")
	}
}

// A check-in dated tomorrow (made in a time zone ahead) is shown, counted,
// and can be reached and edited; the days after it without one stay future.
func TestHistoryCheckinTomorrow(t *testing.T) {
	tomorrow := ck(today.AddDays(1), 2, 4, 6.5, 5)
	tomorrow.Note = "flew in from Kiritimati"
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3), tomorrow), Options{}).keys("w")
	v := s.view()
	assertContains(t, v, "check-ins 2/7")
	for _, line := range strings.Split(v, "\n") {
		switch {
		case strings.Contains(line, "Thu 26 Nov") && (strings.Contains(line, "future") || !strings.Contains(line, "6.5")):
			t.Errorf("tomorrow's row %q: want its answers, not future", line)
		case strings.Contains(line, "Fri 27 Nov") && !strings.Contains(line, "future"):
			t.Errorf("the day after tomorrow %q: want future", line)
		}
	}
	s.keys("down", "down", "down")
	if got := s.m.hist.selectedDate(); got != tomorrow.Date {
		t.Fatalf("down selected %s, want tomorrow's check-in %s and no further", got, tomorrow.Date)
	}
	assertContains(t, s.view(), "flew in from Kiritimati")
	s.keys("e")
	if s.m.screen != checkinScreen || !s.m.form.editing || s.m.form.date != tomorrow.Date {
		t.Errorf("e on tomorrow's check-in: screen %v, editing %v, date %s", s.m.screen, s.m.form.editing, s.m.form.date)
	}
}

func TestHistoryNoteInFullWithoutControlCharacters(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	cs := weekOf(last, map[int]int{2: 4})
	cs[0].Note = "first line \x1b[31mred\x1b[0m\nsecond line\rover\x07 and the end of a long note about a calf niggle"
	s := newSession(t, newFakeJournal(cs...), Options{}).openWeek(last)
	s.m.hist.selected = 2
	v := s.view()
	assertContains(t, v, "Note · Wed", "first line [31mred[0m", "second lineover and the end", "calf niggle")
	for _, bad := range []string{"\x1b", "\r", "\x07"} {
		if strings.Contains(v, bad) {
			t.Errorf("history prints %q from a note", bad)
		}
	}
}

func TestHistoryGoldens(t *testing.T) {
	this := slump.WeekOf(today)
	last := this.AddWeeks(-1)
	w53, _ := slump.ParseWeek("2020-W53") // Mon 28 Dec 2020 - Sun 3 Jan 2021: ISO week 53 across a year
	full := weekOf(last, map[int]int{0: 3, 1: 8, 2: 0, 3: 4, 4: 7, 5: 9, 6: 2})
	full[5].Note = "long run along the river, legs heavy after 25 km"
	tests := []struct {
		name string
		days []slump.Checkin
		week slump.Week
	}{
		{"this_week_partial", weekOf(this, map[int]int{0: 4, 2: 7}), this},
		{"full_week", full, last},
		{"empty_week", nil, last.AddWeeks(-3)},
		{"week53_across_new_year", weekOf(w53, map[int]int{0: 5, 3: 0, 4: 8, 6: 3}), w53},
	}
	for _, tt := range tests {
		sizes := []struct{ w, h int }{{80, 24}, {120, 40}}
		if tt.name == "full_week" {
			sizes = append(sizes, struct{ w, h int }{60, 20}, struct{ w, h int }{40, 12})
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", tt.name, size.w, size.h), func(t *testing.T) {
				s := newSession(t, newFakeJournal(append(tt.days, ck(today, 4, 4, 7, 3))...), Options{})
				s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
				s.openWeek(tt.week)
				assertFits(t, s.view(), size.w, size.h)
				golden(t, s.view())
			})
		}
	}
}

func TestHistoryUsesTheRunnersSettings(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	cfg := slump.DefaultConfig()
	cfg.HardEffort, cfg.HardEffortsPerWeek, cfg.SleepTargetHours = 5, 3, 6.5
	s := newSession(t, newFakeJournal(weekOf(last, map[int]int{0: 5, 1: 6, 2: 0, 4: 5})...), Options{Config: cfg}).openWeek(last)
	assertContains(t, s.view(), "hard efforts 3/3 ✓", "5 hard", "sleep 7.0 h of 6.5 ✓")
	s.keys("esc", "t")
	if s.m.screen != trendsScreen || s.m.trends.sh.meter.Config() != cfg || !strings.Contains(s.view(), "hard ≤ 3") {
		t.Error("the trends screen lost the settings")
	}
}

// select moves the history's cursor to day d of the shown week.
func (s *session) selectDay(d slump.Date) *session {
	s.t.Helper()
	for s.m.hist.selectedDate().After(d) {
		s.keys("up")
	}
	for s.m.hist.selectedDate().Before(d) {
		s.keys("down")
	}
	if got := s.m.hist.selectedDate(); got != d {
		s.t.Fatalf("selected %s, want %s", got, d)
	}
	return s
}

// m on a day shows that day's meter as the dashboard shows today's; esc
// goes back to the same week and day; enter and e still edit.
func TestHistoryMeterOfADay(t *testing.T) {
	j := newFakeJournal(everySignal()...)
	s := newSession(t, j, Options{}).keys("w", "left")
	day := today.AddDays(-9) // Monday 16 November, before the slump week
	s.selectDay(day)
	s.keys("m")
	if s.m.screen != meterScreen || s.m.day.day != day {
		t.Fatalf("m: screen %v, day %s; want the meter of %s", s.m.screen, s.m.day.day, day)
	}
	r := slump.NewMeter(slump.DefaultConfig()).Reading(everySignal(), nil, day)
	v := s.view()
	assertFits(t, v, 80, 24)
	assertContains(t, v, "laceup · Meter · Monday 16 November 2026", fmt.Sprintf("%3d/100 %s", r.Score, strings.ToUpper(string(r.Level))),
		"Tip · "+r.Tip.Title, "Last 7 days", "esc back to the week")
	s.keys("esc")
	if s.m.screen != historyScreen || s.m.hist.week != slump.WeekOf(today).AddWeeks(-1) || s.m.hist.selectedDate() != day {
		t.Fatalf("esc: screen %v, week %s, day %s; want the history as it was", s.m.screen, s.m.hist.week, s.m.hist.selectedDate())
	}
	// Today's meter from the history reads as the dashboard's.
	s.keys("t").selectDay(today).keys("m")
	dash := newSession(t, j, Options{}).view()
	lineOf := func(v, prefix string) string {
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) {
				return strings.TrimSpace(l)
			}
		}
		return ""
	}
	for _, prefix := range []string{"Slump meter", "Why", "sign", "cause", "Tip", "effort", "hard efforts"} {
		if got, want := lineOf(s.view(), prefix), lineOf(dash, prefix); got != want || got == "" {
			t.Errorf("the meter of today reads %q, the dashboard %q", got, want)
		}
	}
	// s shows every signal of that day, esc goes back to its overview, then to the week.
	s.keys("s")
	assertContains(t, s.view(), "s/esc overview", "↓ scroll")
	for s.m.day.keys.Scroll.Down.Enabled() {
		s.keys("j")
	}
	assertContains(t, s.view(), "load spike vs your last 4 weeks", "↑ scroll")
	s.keys("esc")
	if s.m.screen != meterScreen || s.m.day.view.all {
		t.Fatalf("esc in the signals view: screen %v, all %v; want the day's overview", s.m.screen, s.m.day.view.all)
	}
	s.keys("esc")
	for _, edit := range []string{"enter", "e"} {
		s.keys(edit)
		if s.m.screen != checkinScreen || s.m.form.date != today || !s.m.form.editing {
			t.Fatalf("%s: screen %v, form %s; want today's check-in to edit", edit, s.m.screen, s.m.form.date)
		}
		s.keys("esc")
	}
}

// A day without a check-in has a meter too (its 7 days may have a
// pattern); a future day has none.
func TestHistoryMeterOfDayWithoutCheckin(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	s := newSession(t, newFakeJournal(weekOf(last, map[int]int{0: 3, 1: 8, 2: 0, 4: 7})...), Options{}).openWeek(last)
	s.selectDay(last.Start().AddDays(3)).keys("m")
	assertContains(t, s.view(), "Thu 19 Nov  no check-in that day", "3 of the last 7 days logged")
	s.keys("esc", "t")
	s.m.hist.selected = 6 // Sunday, after today
	s.m.hist.updateKeys()
	if s.keys("m"); s.m.screen != historyScreen {
		t.Error("m on a future day left the history")
	}
}

// d asks before deleting a day's check-in: n or esc keep it, y deletes it
// and says what was deleted; the week shows the day as missing.
func TestHistoryDelete(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	cs := weekOf(last, map[int]int{0: 3, 1: 8, 2: 0})
	cs[1].Note = "intervals"
	j := newFakeJournal(append(cs, ck(today, 4, 4, 7, 3))...)
	s := newSession(t, j, Options{}).openWeek(last)
	tuesday := last.Start().AddDays(1)
	s.selectDay(tuesday)
	for _, cancel := range []string{"n", "esc"} {
		s.keys("d")
		v := s.view()
		assertContains(t, v, "Delete the check-in of Tue 17 Nov? y/n", "y delete it", "n/esc keep it")
		for _, other := range []string{"e edit", "m meter", "d delete", "more keys"} {
			if strings.Contains(v, other) {
				t.Errorf("while asking, help offers %q:\n%s", other, v)
			}
		}
		s.keys("k", "q") // no other key does anything meanwhile
		if s.quit || s.m.hist.selectedDate() != tuesday {
			t.Fatalf("a key other than y or n acted while asking: quit %v, day %s", s.quit, s.m.hist.selectedDate())
		}
		s.keys(cancel)
		if s.m.screen != historyScreen || j.deletes != 0 || strings.Contains(s.view(), "Delete the check-in") {
			t.Fatalf("%s: screen %v, %d deleted; want the question gone and nothing deleted", cancel, s.m.screen, j.deletes)
		}
	}
	s.keys("d", "y")
	if _, ok := j.days[tuesday]; ok || j.deletes != 1 {
		t.Fatalf("y did not delete Tuesday (%d deletions)", j.deletes)
	}
	if s.m.screen != historyScreen || s.m.hist.week != last || s.m.hist.selectedDate() != tuesday || s.m.hist.day(1).Checkin != nil {
		t.Fatalf("after deleting: screen %v week %s day %s; want the week reloaded", s.m.screen, s.m.hist.week, s.m.hist.selectedDate())
	}
	v := s.view()
	if want := "Deleted the check-in of Tue 17 Nov 2026: mood 4, motivation 3, sleep 7 h, effort 8, 40 min and a note."; s.m.status != want {
		t.Errorf("status %q, want %q", s.m.status, want)
	}
	assertContains(t, v, "Deleted the check-in of Tue 17 Nov 2026", "check-ins 2/7")
	// The day has no check-in now: d is neither offered nor working.
	if strings.Contains(v, "d delete") {
		t.Errorf("help offers d on a day without a check-in:\n%s", v)
	}
	if s.keys("d"); s.m.hist.confirm {
		t.Error("d on a day without a check-in asks to delete it")
	}
}

func TestHistoryDeleteFailureIsAStatus(t *testing.T) {
	j := newFakeJournal(ck(today, 4, 4, 7, 3))
	j.saveErr = errors.New("journal /j.db: database is locked")
	s := newSession(t, j, Options{}).keys("w", "d", "y")
	if s.m.screen != historyScreen || s.m.fatal != nil {
		t.Fatalf("screen %v, fatal %v", s.m.screen, s.m.fatal)
	}
	assertContains(t, s.view(), "database is locked")
	if _, ok := j.days[today]; !ok {
		t.Error("the check-in is gone")
	}
}

// The help never shows → when there is no next week, nor t.
func TestHistoryHelpWithoutNextWeek(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7, 3)), Options{}).keys("w")
	for _, help := range []string{"short", "full"} {
		v := s.view()
		if strings.Contains(v, "→") || strings.Contains(v, "this week") {
			t.Errorf("%s help in this week offers the next week:\n%s", help, v)
		}
		assertContains(t, v, "←")
		s.keys("?")
	}
	s.keys("left")
	assertContains(t, s.view(), "←/→ week")
}

// No size wraps a ✓ or ✗ away from the rule it marks.
func TestHistoryNoLoneMark(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	s := newSession(t, newFakeJournal(weekOf(last, map[int]int{0: 3, 1: 8, 2: 8, 3: 4, 4: 7, 5: 9, 6: 2})...), Options{}).openWeek(last)
	for w := minWidth; w <= 120; w++ {
		v := s.send(tea.WindowSizeMsg{Width: w, Height: 40}).view()
		assertFits(t, v, w, 40)
		for _, line := range strings.Split(v, "\n") {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "✗") || strings.HasPrefix(l, "✓") {
				t.Errorf("width %d: a mark starts a line: %q", w, line)
			}
		}
	}
}

// The history fits every size: the columns that fit, most important
// first; the title and the grid (with the full help open, the days around
// the selected one); one line below the minimum.
func TestHistoryFits(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	full := weekOf(last, map[int]int{0: 3, 1: 8, 2: 0, 3: 4, 4: 7, 5: 9, 6: 2})
	full[5].Note = strings.Repeat("long run along the river, legs heavy after 25 km. ", 8)
	for _, size := range sizes {
		for _, keys := range [][]string{nil, {"?"}, {"d"}} {
			t.Run(fmt.Sprintf("%dx%d%v", size.w, size.h, keys), func(t *testing.T) {
				s := newSession(t, newFakeJournal(full...), Options{}).openWeek(last)
				s.selectDay(last.Start().AddDays(5)).keys(keys...)
				s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
				v := s.view()
				if small(size.w, size.h) {
					assertTooSmall(t, v, size.w, size.h)
					return
				}
				assertFits(t, v, size.w, size.h)
				if len(keys) > 0 && keys[0] == "?" {
					// The full help takes rows from the grid: the selected day stays.
					assertContains(t, v, "› Sat 21 Nov", "Meter", "Mood")
					assertShowsKey(t, v, "q", "quit")
					assertShowsKey(t, v, "?", "close")
					return
				}
				assertContains(t, v, "2026-W47", "Mon 16 Nov", "Sun 22 Nov", "Meter", "Mood")
				if len(keys) > 0 && keys[0] == "d" {
					assertContains(t, v, "Sat 21 Nov? y/n")
				}
			})
		}
	}
}

func TestDayMeterGoldens(t *testing.T) {
	for _, tt := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"slump_day_80x24", 80, 24, []string{"w", "up", "m"}},
		{"slump_day_signals_80x24", 80, 24, []string{"w", "up", "m", "s"}},
		{"day_before_the_slump_80x24", 80, 24, []string{"w", "left", "up", "m"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, newFakeJournal(everySignal()...), Options{})
			s.send(tea.WindowSizeMsg{Width: tt.w, Height: tt.h}).keys(tt.keys...)
			if s.m.screen != meterScreen {
				t.Fatalf("screen %v", s.m.screen)
			}
			assertFits(t, s.view(), tt.w, tt.h)
			golden(t, s.view())
		})
	}
}

// The meter of a past day shows the streak as of that day, and none on a
// day without a check-in (a deleted one here): a streak that does not
// reach a day that is over is not that day's.
func TestHistoryMeterStreakOfThatDay(t *testing.T) {
	j := newFakeJournal(everySignal()...) // 35 days in a row, up to today
	gone := today.AddDays(-3)
	delete(j.days, gone)
	s := newSession(t, j, Options{}).openWeek(slump.WeekOf(gone)).selectDay(gone).keys("m")
	if s.m.screen != meterScreen || s.m.day.day != gone {
		t.Fatalf("m: screen %v, day %s", s.m.screen, s.m.day.day)
	}
	v := s.view()
	assertContains(t, v, "Sunday 22 November 2026")
	if strings.Contains(v, "streak") {
		t.Errorf("a day without a check-in shows a streak:\n%s", v)
	}
	s.keys("esc").selectDay(gone.AddDays(-1)).keys("m") // the last day of the 31 before it
	assertContains(t, s.view(), "Saturday 21 November 2026", "streak 31 days (your longest)")
	s.keys("esc", "t").selectDay(gone.AddDays(1)).keys("m") // a new run of 1, the longest before it 31
	assertContains(t, s.view(), "streak 1 day (longest 31)")
	// Today without a check-in yet keeps yesterday's streak: the day is not over.
	delete(j.days, today)
	s = newSession(t, j, Options{}).keys("esc", "w").selectDay(today).keys("m")
	assertContains(t, s.view(), "streak 2 days")
}
