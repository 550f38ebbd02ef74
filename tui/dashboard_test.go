package tui

import (
	"fmt"
	"slices"
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
	// 80x24 holds every signal of this week, each on one line.
	for _, sig := range r.Signals {
		assertContains(t, v, strings.Join(strings.Fields(sig.Detail)[:4], " "))
	}
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
		keys []string
	}{
		{"dashboard_slump_80x24", slumpWeek(), 80, 24, nil},
		{"dashboard_slump_120x40", slumpWeek(), 120, 40, nil},
		{"dashboard_ok_80x24", []slump.Checkin{
			ck(today.AddDays(-3), 4, 4, 8, 0), ck(today.AddDays(-2), 4, 5, 7.5, 7),
			ck(today.AddDays(-1), 5, 4, 8, 3), ck(today, 4, 4, 7, 5)}, 80, 24, nil},
		{"dashboard_empty_80x24", nil, 80, 24, nil},
		{"dashboard_first_day_80x24", []slump.Checkin{ck(today, 1, 1, 3, 10)}, 80, 24, nil},
		{"dashboard_sick_80x24", sickWeek(), 80, 24, nil},
		{"dashboard_causes_only_80x24", happyHardWeek(), 80, 24, nil},
		{"dashboard_break_80x24", breakDays(), 80, 24, nil},
		{"dashboard_every_signal_80x24", everySignal(), 80, 24, nil},
		{"dashboard_every_signal_120x40", everySignal(), 120, 40, nil},
		{"dashboard_every_signal_60x20", everySignal(), 60, 20, nil},
		{"dashboard_every_signal_40x12", everySignal(), 40, 12, nil},
		{"dashboard_every_signal_39x12", everySignal(), 39, 12, nil},
		{"dashboard_every_signal_help_80x24", everySignal(), 80, 24, []string{"?"}},
		{"dashboard_every_signal_signals_view_80x24", everySignal(), 80, 24, []string{"s"}},
		{"dashboard_every_signal_signals_view_60x20", everySignal(), 60, 20, []string{"s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, newFakeJournal(tt.days...), Options{})
			if s.m.screen == checkinScreen {
				s.keys("esc")
			}
			s.send(tea.WindowSizeMsg{Width: tt.w, Height: tt.h}).keys(tt.keys...)
			assertFits(t, s.view(), tt.w, tt.h)
			golden(t, s.view())
		})
	}
}

func TestDashboardHelpShowsOnlyItsKeys(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{})
	v := s.view()
	assertContains(t, v, "c edit today", "? more keys", "q quit")
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

// everySignal is a runner deep in a slump with every signal firing: four
// ordinary weeks, then seven hard days alike (no rest, a load spike), short
// nights (one of them on the road), and low mood, motivation and legs.
func everySignal() []slump.Checkin {
	var cs []slump.Checkin
	for i := 34; i >= 7; i-- {
		c := ck(today.AddDays(-i), 4, 4, 8, []int{0, 3, 5, 3, 7, 3, 4}[i%7])
		c.Minutes, c.Legs = slump.Int(40), slump.Int(4)
		cs = append(cs, c)
	}
	for i := 6; i >= 0; i-- {
		c := ck(today.AddDays(-i), 1, 1, 5, 8)
		c.Minutes, c.Legs = slump.Int(90), slump.Int(1)
		c.Note = "hamstring nagging on every stride, legs flat"
		if i == 3 {
			c.DayType, c.SleepHours = slump.DayTravel, 4
		}
		cs = append(cs, c)
	}
	return cs
}

// The journal fires every signal the meter has, so the dashboard has the
// most to fit.
func TestEverySignalFires(t *testing.T) {
	r := slump.NewMeter(slump.DefaultConfig()).Reading(everySignal(), nil, today)
	fired := map[string]bool{}
	for _, s := range r.Signals {
		fired[s.ID] = true
	}
	for _, id := range []string{slump.SignalHardEfforts, slump.SignalNoRestDay, slump.SignalShortSleep, slump.SignalLowMotivation,
		slump.SignalLowMood, slump.SignalMonotony, slump.SignalLoadSpike, slump.SignalPersistent, slump.SignalHeavyLegs} {
		if !fired[id] {
			t.Errorf("%s does not fire; the journal's signals: %v", id, fired)
		}
	}
	if r.Level != slump.LevelSlump || len(r.Hints) == 0 {
		t.Errorf("level %s, %d hints; want a slump with a note", r.Level, len(r.Hints))
	}
}

// sizes are the terminals every screen is drawn in: the usual, a large
// one, a split pane, the minimum, and below it.
var sizes = []struct{ w, h int }{
	{80, 24}, {120, 40}, {60, 20}, {100, 30}, {40, 12}, {50, 16},
	{39, 12}, {40, 11}, {30, 8}, {10, 3}, {1, 1}, {0, 0},
}

func small(w, h int) bool { return w < minWidth || h < minHeight }

// assertTooSmall checks the one line shown below the minimum size.
func assertTooSmall(t *testing.T, v string, w, h int) {
	t.Helper()
	if w == 0 || h == 0 {
		if v != "" {
			t.Errorf("%dx%d: %q, want nothing", w, h, v)
		}
		return
	}
	assertFits(t, v, w, h)
	if strings.Contains(v, "\n") {
		t.Errorf("%dx%d: %q, want one line", w, h, v)
	}
	if need, now := fmt.Sprintf("%dx%d", minWidth, minHeight), fmt.Sprintf("%dx%d", w, h); w >= 30 &&
		(!strings.Contains(v, need) || !strings.Contains(v, now)) {
		t.Errorf("%dx%d: %q does not say the size needed (%s) and the size now (%s)", w, h, v, need, now)
	}
}

// At every size the dashboard of a deep slump fits, and keeps the header
// (the day, the streak), the gauge with score and level, and the tip's
// title: with the short help or the full one, a warning, in the overview
// or the signals view. Below the minimum size it is one line saying the
// size needed and the size now.
func TestDashboardByPriority(t *testing.T) {
	for _, size := range sizes {
		for _, keys := range [][]string{nil, {"?"}, {"s"}, {"s", "?"}} {
			for _, warn := range []bool{false, true} {
				name := fmt.Sprintf("%dx%d%v warning %v", size.w, size.h, keys, warn)
				t.Run(name, func(t *testing.T) {
					var opts Options
					if warn {
						opts.Warnings = []string{"journal /j.db is readable by other users (mode 0644): chmod 600 /j.db"}
					}
					s := newSession(t, newFakeJournal(everySignal()...), opts).keys(keys...)
					s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
					v := s.view()
					if small(size.w, size.h) {
						assertTooSmall(t, v, size.w, size.h)
						return
					}
					assertFits(t, v, size.w, size.h)
					assertContains(t, v, "Wed", "25 Nov", "streak 35", "100/100 SLUMP", "Tip · Step away")
				})
			}
		}
	}
}

// At 80x24 the overview shows the strongest signals and says how many
// more there are; s shows every one of them, and s or esc goes back.
func TestDashboardSignalsView(t *testing.T) {
	r := slump.NewMeter(slump.DefaultConfig()).Reading(everySignal(), nil, today)
	s := newSession(t, newFakeJournal(everySignal()...), Options{})
	v := s.view()
	shown := 0
	for _, sig := range r.Signals {
		if strings.Contains(v, strings.Join(strings.Fields(sig.Detail)[:3], " ")) {
			shown++
		}
	}
	hidden := len(r.Signals) + len(r.Hints) - shown
	if shown < 3 || hidden <= 0 {
		t.Fatalf("the overview shows %d signals of %d:\n%s", shown, len(r.Signals), v)
	}
	assertContains(t, v, fmt.Sprintf("+%d more: s shows them all", hidden), "s all signals")
	for _, back := range []string{"s", "esc"} {
		v = s.keys("s").view()
		assertFits(t, v, 80, 24)
		assertContains(t, v, "100/100 SLUMP", "Tip · Step away", "s/esc overview")
		if strings.Contains(v, "more:") {
			t.Errorf("the signals view hides some:\n%s", v)
		}
		s.keys(back)
		if s.m.dash.view.all || s.m.screen != dashboardScreen {
			t.Errorf("%s did not go back to the overview", back)
		}
	}
	// At 120x40 the overview shows every signal in full.
	s.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, sig := range r.Signals {
		assertContains(t, s.view(), sig.Detail[:min(len(sig.Detail), 90)])
	}
}

// The signals view shows every signal and note in full, the training
// load too: what does not fit scrolls, with ↑/↓ (or k/j) in the help only
// while there is more to see that way. The header, the gauge and the
// tip's title stay.
func TestDashboardSignalsViewScrolls(t *testing.T) {
	r := slump.NewMeter(slump.DefaultConfig()).Reading(everySignal(), nil, today)
	flat := func(s string) string {
		s = strings.NewReplacer("│", " ", "…", " … ").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {60, 20}, {45, 14}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			s := newSession(t, newFakeJournal(everySignal()...), Options{})
			s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h}).keys("s")
			keys := s.m.dash.keys.Scroll
			if keys.Up.Enabled() || !keys.Down.Enabled() {
				t.Fatalf("at the top: up %v, down %v", keys.Up.Enabled(), keys.Down.Enabled())
			}
			// The lines under "Why", one more each step down.
			window := func(v string) []string {
				lines := strings.Split(v, "\n")
				from := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Why ·") }) + 1
				to := slices.IndexFunc(lines, func(l string) bool {
					l = strings.TrimSpace(l)
					return strings.HasPrefix(l, "↑ ") || strings.HasPrefix(l, "↓ ")
				})
				if from == 0 || to < from {
					t.Fatalf("no window of reasons:\n%s", v)
				}
				return lines[from:to]
			}
			var seen []string
			for i := 0; ; i++ {
				v := s.view()
				assertFits(t, v, size.w, size.h)
				assertContains(t, v, "100/100 SLUMP", "Tip · Step away")
				if strings.Contains(v, "…") || strings.Contains(v, "more:") {
					t.Fatalf("the signals view cuts a signal:\n%s", v)
				}
				if down := s.m.dash.keys.Scroll.Down.Enabled(); down != strings.Contains(v, "↓") {
					t.Errorf("↓ enabled %v, in the view %v:\n%s", down, !down, v)
				}
				if w := window(v); i == 0 {
					seen = w
				} else {
					seen = append(seen, w[len(w)-1])
				}
				if !s.m.dash.keys.Scroll.Down.Enabled() || i > 100 {
					break
				}
				s.keys([]string{"j", "down"}[i%2])
			}
			if !s.m.dash.keys.Scroll.Up.Enabled() || s.m.dash.keys.Scroll.Down.Enabled() {
				t.Error("at the bottom: up disabled or down enabled")
			}
			// Each reason in full: its words in order, across the lines it wraps on.
			var reasons []string
			for _, sig := range r.Signals {
				reasons = append(reasons, sig.Detail)
			}
			for _, h := range r.Hints {
				reasons = append(reasons, h.Detail)
			}
			for _, d := range reasons {
				if !strings.Contains(flat(strings.Join(seen, "\n")), flat(d)) {
					t.Errorf("never shown in full: %q", d)
				}
			}
			assertContains(t, strings.Join(seen, "\n"), "Training load", "monotony")
			bottom := s.view()
			s.keys("k", "up")
			if s.view() == bottom {
				t.Error("k and up do not scroll back")
			}
			s.keys("s")
			if s.m.dash.keys.Scroll.Up.Enabled() || s.m.dash.keys.Scroll.Down.Enabled() || strings.Contains(s.view(), "scroll") {
				t.Errorf("the overview offers to scroll:\n%s", s.view())
			}
		})
	}
	// At 120x40 everything fits: nothing to scroll.
	s := newSession(t, newFakeJournal(everySignal()...), Options{})
	s.send(tea.WindowSizeMsg{Width: 120, Height: 40}).keys("s")
	if k := s.m.dash.keys.Scroll; k.Up.Enabled() || k.Down.Enabled() || strings.Contains(s.view(), "scroll") {
		t.Errorf("120x40 offers to scroll:\n%s", s.view())
	}
}

// Without signals there is nothing more to see: s is neither offered nor
// working.
func TestDashboardNoSignalsNoSignalsKey(t *testing.T) {
	for name, days := range map[string][]slump.Checkin{
		"empty": nil, "first day": {ck(today, 4, 4, 7.5, 3)},
		"ok": {ck(today.AddDays(-2), 4, 4, 8, 0), ck(today.AddDays(-1), 4, 5, 7.5, 3), ck(today, 4, 4, 8, 3)},
	} {
		s := newSession(t, newFakeJournal(days...), Options{})
		if s.m.screen == checkinScreen {
			s.keys("esc")
		}
		s.keys("?")
		if v := s.view(); strings.Contains(v, "all signals") {
			t.Errorf("%s: help offers s:\n%s", name, v)
		}
		if s.keys("s"); s.m.dash.view.all {
			t.Errorf("%s: s opened the signals view", name)
		}
	}
}

// Today is checked in and yesterday is not: the dashboard says so, f is
// in the help and opens yesterday's form; once yesterday is saved the
// offer is gone.
func TestDashboardOffersYesterday(t *testing.T) {
	j := newFakeJournal(ck(today.AddDays(-2), 4, 4, 7.5, 3), ck(today, 4, 4, 7.5, 3))
	s := newSession(t, j, Options{})
	assertContains(t, s.view(), "Yesterday is missing: f to fill it in")
	assertContains(t, s.keys("?").view(), "f fill in yesterday")
	s.keys("?", "f")
	yesterday := today.AddDays(-1)
	if s.m.screen != checkinScreen || s.m.form.date != yesterday || s.m.form.editing {
		t.Fatalf("f: screen %v, form for %s (editing %v); want yesterday's new check-in", s.m.screen, s.m.form.date, s.m.form.editing)
	}
	s.keys("4", "enter", "4", "enter", "7", "enter", "0", "ctrl+s")
	if _, ok := j.days[yesterday]; !ok || s.m.screen != dashboardScreen {
		t.Fatalf("after saving: screen %v, yesterday saved %v", s.m.screen, ok)
	}
	v := s.view()
	assertContains(t, v, "Saved your check-in for yesterday.")
	if strings.Contains(v, "Yesterday is missing") || s.m.dash.keys.Yesterday.Enabled() {
		t.Errorf("yesterday is filled in and still offered:\n%s", v)
	}
}

func TestDashboardOffersYesterdayOnlyWhenTodayIsDone(t *testing.T) {
	for name, days := range map[string][]slump.Checkin{
		"both done":           {ck(today.AddDays(-1), 4, 4, 7.5, 3), ck(today, 4, 4, 7.5, 3)},
		"today not done":      {ck(today.AddDays(-2), 4, 4, 7.5, 3)},
		"only yesterday done": {ck(today.AddDays(-1), 4, 4, 7.5, 3)},
	} {
		s := newSession(t, newFakeJournal(days...), Options{})
		if s.m.screen == checkinScreen {
			s.keys("esc")
		}
		v := s.keys("?").view()
		if strings.Contains(v, "Yesterday is missing") || strings.Contains(v, "fill in yesterday") {
			t.Errorf("%s: offers yesterday:\n%s", name, v)
		}
		if s.keys("f"); s.m.screen != dashboardScreen {
			t.Errorf("%s: f opened screen %v", name, s.m.screen)
		}
	}
}
