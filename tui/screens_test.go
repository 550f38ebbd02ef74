package tui

import (
	"strings"
	"testing"

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
