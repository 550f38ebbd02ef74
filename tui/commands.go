package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// ioTimeout bounds one journal operation: SQLite waits up to its busy
// timeout for another laceup, and the UI should never hang longer.
const ioTimeout = 15 * time.Second

type (
	// dayLoadedMsg carries one day's check-in (nil when there is none), to
	// open the form for that day.
	dayLoadedMsg struct {
		date    slump.Date
		checkin *slump.Checkin
	}
	// dashboardLoadedMsg carries the meter for a day and that day's
	// check-in. start is true on the first load of a session.
	dashboardLoadedMsg struct {
		reading slump.Reading
		today   *slump.Checkin
		history []slump.Checkin // the check-ins the reading was computed from
		start   bool
	}
	// submitMsg is sent by the form when the runner confirms the last
	// question.
	submitMsg struct{ checkin slump.Checkin }
	// cancelMsg is sent by the form on Esc.
	cancelMsg struct{}
	// savedMsg reports a check-in written to the journal.
	savedMsg struct{ checkin slump.Checkin }
	// errMsg reports a failed operation. A fatal one ends the session.
	errMsg struct {
		err   error
		fatal bool
	}
)

func loadDay(j Journal, d slump.Date) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		c, ok, err := j.Get(ctx, d)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		msg := dayLoadedMsg{date: d}
		if ok {
			msg.checkin = &c
		}
		return msg
	}
}

// loadDashboard reads only the days the meter needs for today.
func loadDashboard(j Journal, today slump.Date, start bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		from, to := slump.Window(today)
		history, err := j.Range(ctx, from, to)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		msg := dashboardLoadedMsg{reading: slump.Meter(history, today), history: history, start: start}
		for i := range history {
			if history[i].Date == today {
				msg.today = &history[i]
			}
		}
		return msg
	}
}

func saveCheckin(j Journal, c slump.Checkin) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		if err := j.Save(ctx, c); err != nil {
			return errMsg{err: err}
		}
		return savedMsg{checkin: c}
	}
}
