package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// ioTimeout bounds one journal operation: SQLite waits up to its busy
// timeout for another laceup, and the UI should never hang longer.
const ioTimeout = 15 * time.Second

type (
	// dashboardLoadedMsg carries what the dashboard shows of today, read
	// at one moment. start is true on the first load of a session.
	dashboardLoadedMsg struct {
		snapshot slump.Snapshot
		reading  slump.Reading
		start    bool
	}
	// dayLoadedMsg carries the meter of one day for the meter screen, read
	// at one moment.
	dayLoadedMsg struct {
		snapshot slump.Snapshot
		reading  slump.Reading
	}
	// weekLoadedMsg carries one ISO week for the history screen.
	weekLoadedMsg struct{ week slump.WeekReading }
	// trendsLoadedMsg carries the 12 weeks ending on last.
	trendsLoadedMsg struct {
		last  slump.Week
		weeks []slump.WeekReading
	}
	// submitMsg is sent by the form when the runner confirms the last
	// question.
	submitMsg struct{ checkin slump.Checkin }
	// cancelMsg is sent by the form on Esc.
	cancelMsg struct{}
	// savedMsg reports a check-in written to the journal.
	savedMsg struct{ checkin slump.Checkin }
	// deletedMsg reports the deletion of a day's check-in: the check-in
	// deleted, or existed false when the day had none (deleted meanwhile
	// by another laceup).
	deletedMsg struct {
		date    slump.Date
		checkin slump.Checkin
		existed bool
	}
	// errMsg reports a failed operation. A fatal one ends the session.
	errMsg struct {
		err   error
		fatal bool
	}

	// editMsg asks the root to open the check-in form for a day, prefilled
	// with its check-in (nil when it has none); the form goes back to the
	// screen it was opened from.
	editMsg struct {
		date    slump.Date
		checkin *slump.Checkin
	}
	// recordedMsg brings what was imported for a day to the form open on it.
	recordedMsg struct {
		date slump.Date
		day  activity.Day
	}
	// showMsg asks the root to move to a screen (the dashboard, the
	// history or the trends), on today; with resume, back to the history
	// as it was left (its week and day), reloaded.
	showMsg struct {
		screen screen
		resume bool
	}
	// showDayMsg asks the root to show the meter of a day.
	showDayMsg struct{ date slump.Date }
	// toggleHelpMsg asks the root to show all keys, or the short help.
	toggleHelpMsg struct{}
)

// send returns a command that delivers msg.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// withTimeout runs f with a context bounded by ioTimeout.
func withTimeout(f func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		return f(ctx)
	}
}

// loadDay reads one day's check-in to open the form on it.
func loadDay(sh shared, d slump.Date) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		c, ok, err := sh.journal.Get(ctx, d)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		msg := editMsg{date: d}
		if ok {
			msg.checkin = &c
		}
		return msg
	})
}

// loadRecorded reads what was imported for day d, for the form. A failed
// read is said on the status line and leaves the form as it is: the
// recordings are help, not the check-in.
func loadRecorded(sh shared, d slump.Date) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		day, err := sh.journal.Recorded(ctx, d)
		if err != nil {
			return errMsg{err: err}
		}
		return recordedMsg{date: d, day: day}
	})
}

// loadDashboard reads today's meter: only the days it needs, the narrow
// load series of its EWMA and the streaks, in one read.
func loadDashboard(sh shared, start bool) tea.Cmd {
	today := sh.today()
	return withTimeout(func(ctx context.Context) tea.Msg {
		snap, r, err := readMeter(ctx, sh, today)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		return dashboardLoadedMsg{snapshot: snap, reading: r, start: start}
	})
}

// loadMeter reads the meter of any day, as loadDashboard reads today's.
func loadMeter(sh shared, day slump.Date) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		snap, r, err := readMeter(ctx, sh, day)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		return dayLoadedMsg{snapshot: snap, reading: r}
	})
}

func readMeter(ctx context.Context, sh shared, day slump.Date) (slump.Snapshot, slump.Reading, error) {
	snap, err := sh.journal.Snapshot(ctx, day)
	if err != nil {
		return slump.Snapshot{}, slump.Reading{}, err
	}
	return snap, sh.meter.ReadingOf(snap), nil
}

// deleteCheckin deletes the check-in of day d; a failure is recoverable
// (a status line), as a failed save is.
func deleteCheckin(sh shared, d slump.Date) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		c, ok, err := sh.journal.Delete(ctx, d)
		if err != nil {
			return errMsg{err: err}
		}
		return deletedMsg{date: d, checkin: c, existed: ok}
	})
}

func saveCheckin(sh shared, c slump.Checkin) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		if err := sh.journal.Save(ctx, c); err != nil {
			return errMsg{err: err}
		}
		return savedMsg{checkin: c}
	})
}

// loadWeeks reads n weeks from first on, the days before them that their
// meters need (74 to 80 days for one week, whatever the size of the journal),
// and the load series the form of each day runs over (form_high_risk is a
// cause, so the scores read it, as the dashboard's do).
func loadWeeks(sh shared, first slump.Week, n int, today slump.Date, done func([]slump.WeekReading) tea.Msg) tea.Cmd {
	return withTimeout(func(ctx context.Context) tea.Msg {
		last := first.AddWeeks(n - 1).End()
		p, err := sh.journal.Period(ctx, first.Start(), last)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		return done(sh.meter.Weeks(p.Checkins, p.Loads, first, n, today))
	})
}
