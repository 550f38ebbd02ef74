package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// Each screen's Update handles its own keys, and asks the root to move
// between screens with a message; these tests drive a screen alone.

func testShared(j Journal) shared {
	return shared{journal: j, now: fixedNow, meter: slump.NewMeter(slump.DefaultConfig())}
}

// msgOf runs cmd and returns its message (nil for no command).
func msgOf(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestDashboardUpdate(t *testing.T) {
	j := newFakeJournal(ck(today, 4, 4, 7.5, 3))
	d := newDashboardModel(testShared(j))
	for key, want := range map[string]tea.Msg{
		"w": showMsg{screen: historyScreen},
		"t": showMsg{screen: trendsScreen},
		"?": toggleHelpMsg{},
		"q": tea.QuitMsg{},
		"x": nil,
	} {
		_, cmd := d.Update(keyMsg(key))
		if got := msgOf(cmd); got != want {
			t.Errorf("%s: %#v, want %#v", key, got, want)
		}
	}
	_, cmd := d.Update(keyMsg("c"))
	if e, ok := msgOf(cmd).(editMsg); !ok || e.date != today || e.checkin == nil || e.checkin.Mood != 4 {
		t.Errorf("c: %#v, want today's check-in to edit", msgOf(cmd))
	}
}

func TestHistoryUpdate(t *testing.T) {
	j := newFakeJournal(ck(today.AddDays(-7), 3, 3, 7, 0))
	sh := testShared(j)
	h := newHistoryModel(sh, slump.WeekOf(today), today)
	if h.keys.Next.Enabled() || h.keys.ThisWeek.Enabled() {
		t.Error("this week: next and this-week keys are offered")
	}
	h, cmd := h.Update(keyMsg("h"))
	last := slump.WeekOf(today).AddWeeks(-1)
	if h.week != last || !h.keys.Next.Enabled() {
		t.Fatalf("h: week %s, next enabled %v", h.week, h.keys.Next.Enabled())
	}
	loaded, ok := msgOf(cmd).(weekLoadedMsg)
	if !ok || loaded.week.Week != last {
		t.Fatalf("h loads %#v, want the week %s", msgOf(cmd), last)
	}
	h = h.withWeek(loaded)
	if _, cmd := h.Update(keyMsg("e")); msgOf(cmd).(editMsg).date != h.selectedDate() {
		t.Errorf("e: %#v", msgOf(cmd))
	}
	if _, cmd := h.Update(keyMsg("esc")); msgOf(cmd) != (showMsg{screen: dashboardScreen}) {
		t.Errorf("esc: %#v", msgOf(cmd))
	}
	// Up and down move within a past week, to its Sunday.
	for range 7 {
		h, _ = h.Update(keyMsg("down"))
	}
	if h.selected != 6 {
		t.Errorf("down in a past week reaches %d, want Sunday (6)", h.selected)
	}
	// In this week, never past today (a Wednesday).
	this := newHistoryModel(sh, slump.WeekOf(today), today)
	for range 7 {
		this, _ = this.Update(keyMsg("down"))
	}
	if want := today.DaysSince(slump.WeekOf(today).Start()); this.selected != want || want != 2 {
		t.Errorf("down in this week reaches %d, want today (%d)", this.selected, want)
	}
	// A stale load, for a week the runner has left, is ignored.
	if got := h.withWeek(weekLoadedMsg{week: slump.WeekReading{Week: last.AddWeeks(-5)}}); got.wk.Week != last {
		t.Error("a stale week replaced the shown one")
	}
}

func TestTrendsUpdate(t *testing.T) {
	tr := newTrendsModel(testShared(newFakeJournal()), slump.WeekOf(today), today)
	if tr.keys.Next.Enabled() || tr.keys.Latest.Enabled() {
		t.Error("the latest weeks: next and latest keys are offered")
	}
	tr, cmd := tr.Update(keyMsg("left"))
	if tr.last != slump.WeekOf(today).AddWeeks(-1) || !tr.keys.Next.Enabled() {
		t.Fatalf("left: last %s", tr.last)
	}
	if loaded, ok := msgOf(cmd).(trendsLoadedMsg); !ok || loaded.last != tr.last || len(loaded.weeks) != trendWeeks {
		t.Fatalf("left loads %#v", msgOf(cmd))
	}
	tr, _ = tr.Update(keyMsg("t"))
	if tr.last != slump.WeekOf(today) {
		t.Errorf("t: last %s, want this week", tr.last)
	}
	if _, cmd := tr.Update(keyMsg("esc")); msgOf(cmd) != (showMsg{screen: dashboardScreen}) {
		t.Errorf("esc: %#v", msgOf(cmd))
	}
}

// The form's words follow the runner's settings: the sleep hint quotes
// the target, and the effort scale marks hard efforts from the runner's
// threshold.
func TestFormFollowsTheSettings(t *testing.T) {
	cfg := slump.DefaultConfig()
	cfg.SleepTargetHours, cfg.HardEffort = 6, 6
	s := newSession(t, newFakeJournal(), Options{Config: cfg})
	s.keys("4", "enter", "3", "enter")
	assertContains(t, s.view(), "Your target is 6 h.")
	if strings.Contains(s.view(), "Adults need 7") {
		t.Error("the sleep hint quotes 7 h to a runner whose target is 6")
	}
	s.keys("7", "enter")
	assertContains(t, s.view(), " 6  hard effort", " 7  very hard · hard effort")
	if v := s.view(); strings.Contains(v, " 5  hard ·") {
		t.Errorf("effort 5 is marked a hard effort from 6:\n%s", v)
	}
}

func TestDashboardUpdateSignalsAndYesterday(t *testing.T) {
	j := newFakeJournal(everySignal()...)
	delete(j.days, today.AddDays(-1))
	sh := testShared(j)
	d := newDashboardModel(sh)
	if d.keys.Yesterday.Enabled() || d.keys.Signals.Enabled() {
		t.Error("before loading: f or s enabled")
	}
	d = d.withData(msgOf(loadDashboard(sh, false)).(dashboardLoadedMsg))
	if !d.keys.Yesterday.Enabled() || !d.keys.Signals.Enabled() {
		t.Fatal("yesterday missing and signals: f or s disabled")
	}
	if _, cmd := d.Update(keyMsg("f")); msgOf(cmd) != (editMsg{date: today.AddDays(-1)}) {
		t.Errorf("f: %#v, want the form for yesterday", msgOf(cmd))
	}
	d, cmd := d.Update(keyMsg("s"))
	if !d.view.all || cmd != nil || d.keys.Signals.Help().Desc != "overview" {
		t.Errorf("s: all %v, cmd %v, help %q", d.view.all, cmd, d.keys.Signals.Help().Desc)
	}
	if d, _ = d.Update(keyMsg("esc")); d.view.all {
		t.Error("esc in the signals view stayed there")
	}
	if d, _ = d.Update(keyMsg("esc")); d.view.all {
		t.Error("esc in the overview opened the signals view")
	}
}

func TestHistoryUpdateMeterAndDelete(t *testing.T) {
	j := newFakeJournal(ck(today, 4, 4, 7.5, 3))
	sh := testShared(j)
	h := newHistoryModel(sh, slump.WeekOf(today), today)
	h = h.withWeek(msgOf(h.load()).(weekLoadedMsg))
	if _, cmd := h.Update(keyMsg("m")); msgOf(cmd) != (showDayMsg{date: today}) {
		t.Errorf("m: %#v", msgOf(cmd))
	}
	h, cmd := h.Update(keyMsg("d"))
	if !h.confirm || cmd != nil || !h.keys.Yes.Enabled() || h.keys.Edit.Enabled() || h.keys.Back.Enabled() {
		t.Fatalf("d: confirm %v, cmd %v", h.confirm, cmd)
	}
	if got, cmd := h.Update(keyMsg("esc")); got.confirm || cmd != nil {
		t.Errorf("esc while asking: confirm %v, %#v; want the question gone, the screen kept", got.confirm, msgOf(cmd))
	}
	h, cmd = h.Update(keyMsg("y"))
	if del, ok := msgOf(cmd).(deletedMsg); !ok || h.confirm || del.date != today || !del.existed || del.checkin.Mood != 4 {
		t.Errorf("y: %#v", msgOf(cmd))
	}
	if _, ok := j.days[today]; ok {
		t.Error("y did not delete")
	}
}

func TestDayMeterUpdate(t *testing.T) {
	j := newFakeJournal(everySignal()...)
	sh := testShared(j)
	m := newDayMeterModel(sh, today.AddDays(-2))
	if m.keys.Signals.Enabled() {
		t.Error("s enabled before loading")
	}
	if got := m.withData(dayLoadedMsg{snapshot: slump.Snapshot{Day: today}}); got.loaded {
		t.Error("a load of another day was taken")
	}
	m = m.withData(msgOf(m.load()).(dayLoadedMsg))
	if !m.loaded || m.view.reading.Date != today.AddDays(-2) || !m.keys.Signals.Enabled() {
		t.Fatalf("loaded %v, reading of %s", m.loaded, m.view.reading.Date)
	}
	if _, cmd := m.Update(keyMsg("esc")); msgOf(cmd) != (showMsg{screen: historyScreen, resume: true}) {
		t.Errorf("esc: %#v", msgOf(cmd))
	}
	m, _ = m.Update(keyMsg("s"))
	if _, cmd := m.Update(keyMsg("esc")); cmd != nil {
		t.Errorf("esc in the signals view: %#v, want the overview", msgOf(cmd))
	}
	for key, want := range map[string]tea.Msg{"?": toggleHelpMsg{}, "q": tea.QuitMsg{}} {
		if _, cmd := m.Update(keyMsg(key)); msgOf(cmd) != want {
			t.Errorf("%s: %#v", key, msgOf(cmd))
		}
	}
}

// helpBindings returns the keys the help of the session's screen shows,
// short and full.
func helpBindings(s *session) []key.Binding {
	var km help.KeyMap
	switch s.m.screen {
	case dashboardScreen:
		km = s.m.dash.keys
	case historyScreen:
		km = s.m.hist.keys
	case meterScreen:
		km = s.m.day.keys
	case trendsScreen:
		km = s.m.trends.keys
	default:
		s.t.Fatalf("screen %v", s.m.screen)
	}
	all := km.ShortHelp()
	for _, col := range km.FullHelp() {
		all = append(all, col...)
	}
	var out []key.Binding
	for _, b := range all {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// Every key the help shows, each of its keys, does something: it changes
// the screen, asks for something or quits. The screens are tried in the
// states that change their keys.
func TestEveryKeyInTheHelpWorks(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	noYesterday := func() *fakeJournal {
		j := newFakeJournal(everySignal()...)
		delete(j.days, today.AddDays(-1))
		return j
	}
	states := map[string]func(t *testing.T) *session{
		"dashboard": func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}) },
		"dashboard, signals view": func(t *testing.T) *session {
			return newSession(t, noYesterday(), Options{}).keys("s")
		},
		"dashboard, not checked in": func(t *testing.T) *session {
			return newSession(t, newFakeJournal(ck(today.AddDays(-1), 4, 4, 7, 3)), Options{}).keys("esc")
		},
		"history, this week":        func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("w") },
		"history, last week":        func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("w", "left") },
		"history, a day missing":    func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("w", "up") },
		"history, asking to delete": func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("w", "d") },
		"meter of a day":            func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("w", "up", "up", "m") },
		"meter of a day, signals": func(t *testing.T) *session {
			return newSession(t, noYesterday(), Options{}).keys("w", "up", "up", "m", "s")
		},
		"trends":             func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("t") },
		"trends, earlier":    func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).keys("t", "left") },
		"history, full help": func(t *testing.T) *session { return newSession(t, noYesterday(), Options{}).openWeek(last).keys("?") },
	}
	for name, state := range states {
		t.Run(name, func(t *testing.T) {
			for _, b := range helpBindings(state(t)) {
				for _, k := range b.Keys() {
					s := state(t)
					before, screen := s.view(), s.m.screen
					if s.keys(k); !s.quit && s.view() == before && s.m.screen == screen {
						t.Errorf("%s (%q in the help, %q) does nothing:\n%s", k, b.Help().Key, b.Help().Desc, before)
					}
				}
			}
		})
	}
}

// The meter of a day and the form fit every size too, or say the size
// they need.
func TestMeterScreenAndFormFit(t *testing.T) {
	for _, size := range sizes {
		for name, keys := range map[string][]string{
			"meter": {"w", "up", "m"}, "meter signals": {"w", "up", "m", "s"}, "form": {"c"}, "form effort": {"c", "enter", "enter", "enter"},
		} {
			s := newSession(t, newFakeJournal(everySignal()...), Options{}).keys(keys...)
			s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
			v := s.view()
			if small(size.w, size.h) {
				assertTooSmall(t, v, size.w, size.h)
				continue
			}
			assertFits(t, v, size.w, size.h)
			if strings.HasPrefix(name, "meter") && !strings.Contains(v, "laceup needs") {
				assertContains(t, v, "24 Nov", "SLUMP", "Tip · ")
			}
		}
	}
}
