package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbles/key"
	bubbletea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// fullHelpKeys returns the enabled keys of the FullHelp of the session's
// screen.
func fullHelpKeys(s *session) []tea.Binding {
	s.t.Helper()
	switch s.m.screen {
	case dashboardScreen:
		return helpKeys(s.m.dash.keys.FullHelp())
	case historyScreen:
		return helpKeys(s.m.hist.keys.FullHelp())
	case meterScreen:
		return helpKeys(s.m.day.keys.FullHelp())
	case trendsScreen:
		return helpKeys(s.m.trends.keys.FullHelp())
	case yearScreen:
		return helpKeys(s.m.year.keys.FullHelp())
	}
	s.t.Fatalf("screen %v", s.m.screen)
	return nil
}

// assertShowsKey wants the key and its description side by side (the
// full help lines keys up in a column, so blanks may come between).
func assertShowsKey(t *testing.T, v, k, desc string) {
	t.Helper()
	if !regexp.MustCompile(regexp.QuoteMeta(k) + ` +` + regexp.QuoteMeta(desc) + `( |$)`).MatchString(v) {
		t.Errorf("the help lacks %q %q:\n%s", k, desc, v)
	}
}

// The full help (?) shows every key of the screen in full at every size
// from the minimum, taking its rows from the screen (the history's grid
// shows fewer days), never cutting a key off or replacing the screen with
// "laceup needs"; "?" then says "close".
func TestFullHelpShowsEveryKey(t *testing.T) {
	noYesterday := func() *fakeJournal {
		j := newFakeJournal(everySignal()...)
		delete(j.days, today.AddDays(-1))
		return j
	}
	states := map[string][]string{
		"dashboard":               nil,
		"dashboard, signals view": {"s"},
		"history, this week":      {"w"},
		"history, last week":      {"w", "h"},
		"history, asking":         {"w", "h", "d"},
		"meter of a day":          {"w", "up", "m"},
		"trends":                  {"t"},
		"trends, earlier":         {"t", "left"},
		"year":                    {"y"},
		"year, earlier":           {"y", "left"},
	}
	for name, keys := range states {
		for _, size := range []struct{ w, h int }{{40, 12}, {45, 14}, {50, 16}, {60, 20}, {80, 24}} {
			t.Run(fmt.Sprintf("%s %dx%d", name, size.w, size.h), func(t *testing.T) {
				s := newSession(t, noYesterday(), Options{}).keys(keys...)
				s.send(bubbletea.WindowSizeMsg{Width: size.w, Height: size.h}).keys("?")
				v := s.view()
				assertFits(t, v, size.w, size.h)
				if strings.Contains(v, "laceup needs") {
					t.Errorf("the help replaced the screen:\n%s", v)
				}
				for _, b := range fullHelpKeys(s) {
					desc := b.Help().Desc
					if b.Help().Key == "?" {
						desc = "close"
					}
					assertShowsKey(t, v, b.Help().Key, desc)
				}
				if strings.Contains(v, "more keys") {
					t.Errorf("the open help still offers more keys:\n%s", v)
				}
			})
		}
	}
}

// The dashboard's full help lists what its short line leaves out (f, and
// the keys a narrow terminal drops); when the short line already holds
// every key, ? says so instead of promising more.
func TestHelpMoreKeysOnlyWhenThereAreMore(t *testing.T) {
	j := newFakeJournal(everySignal()...)
	delete(j.days, today.AddDays(-1))
	s := newSession(t, j, Options{})
	v := s.view()
	assertContains(t, v, "? more keys")
	if strings.Contains(v, "f fill in yesterday") {
		t.Fatalf("the short help lists f:\n%s", v)
	}
	v = s.keys("?").view()
	assertContains(t, v, "f fill in yesterday", "? close", "q quit", "y year")

	// Yesterday done: at 120 columns the short line holds every key.
	s = newSession(t, newFakeJournal(everySignal()...), Options{})
	s.send(bubbletea.WindowSizeMsg{Width: 120, Height: 40})
	assertContains(t, s.view(), "? all keys", "q quit")
	// At 60 it drops some, and ? offers them.
	s.send(bubbletea.WindowSizeMsg{Width: 60, Height: 20})
	v = s.view()
	assertContains(t, v, "? more keys")
	if strings.Contains(v, "q quit") {
		t.Errorf("60 columns hold every key, the test needs a narrower one:\n%s", v)
	}
	assertContains(t, s.keys("?").view(), "q quit", "? close")
}

// The history shows fewer days, around the selected one, when the full
// help takes its rows.
func TestHistoryGridGivesWayToTheHelp(t *testing.T) {
	last := slump.WeekOf(today).AddWeeks(-1)
	s := newSession(t, newFakeJournal(everySignal()...), Options{}).openWeek(last)
	s.selectDay(last.Start().AddDays(6))
	s.send(bubbletea.WindowSizeMsg{Width: 40, Height: 12}).keys("?")
	v := s.view()
	assertFits(t, v, 40, 12)
	assertContains(t, v, "› Sun 22 Nov")
	if strings.Contains(v, "Mon 16 Nov") {
		t.Errorf("the farthest day from the selected one stays:\n%s", v)
	}
}
