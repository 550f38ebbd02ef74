package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/laceup/laceup/slump"
)

// TestProgramCheckinLoop runs the real bubbletea program, keys going
// through its input reader: a runner answers the four core questions, how
// the legs felt and the kind of day (one key), skips the rest, sees the
// dashboard and quits.
func TestProgramCheckinLoop(t *testing.T) {
	j := newFakeJournal()
	m := New(Options{Journal: j, Now: fixedNow, Path: "journal.db"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))

	waitFor(t, tm, "How is your mood today?")
	for _, answer := range []string{"4", "2", "6.5", "8"} {
		tm.Type(answer)
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	}
	waitFor(t, tm, "How did your legs feel?")
	tm.Type("2")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "What kind of day was it?")
	tm.Type("r") // one key: no enter
	waitFor(t, tm, "How many minutes did you train?")
	for range 3 {
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	}
	waitFor(t, tm, "Saved your check-in for today.")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(Model)
	if final.Err() != nil {
		t.Fatal(final.Err())
	}
	c, ok := j.days[today]
	if !ok || c.Mood != 4 || c.Motivation != 2 || c.SleepHours != 6.5 || c.Effort != 8 || c.Legs == nil || *c.Legs != 2 ||
		c.DayType != slump.DayRace {
		t.Errorf("saved %+v (ok %v)", c, ok)
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}
