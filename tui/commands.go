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
		streak  int             // consecutive days checked in, up to today
		longest int             // the longest streak ever
		start   bool
	}
	// weekLoadedMsg carries one ISO week for the history screen: each day
	// with its check-in and meter, and the week's summary.
	weekLoadedMsg struct {
		week    slump.Week
		days    []slump.Day // Monday first
		summary slump.WeekSummary
	}
	// trendsLoadedMsg carries the 12 weeks ending on last: every day with
	// its check-in and meter, and each week's summary.
	trendsLoadedMsg struct {
		last  slump.Week
		days  []slump.Day
		weeks [trendWeeks]slump.WeekSummary
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

// loadDashboard reads only the days the meter needs for today, and the
// narrow load series of its EWMA.
func loadDashboard(j Journal, cfg slump.Config, today slump.Date, start bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		from, to := slump.Window(today)
		history, err := j.Range(ctx, from, to)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		loads, err := j.Loads(ctx, today)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		msg := dashboardLoadedMsg{reading: slump.MeterWith(cfg, history, loads, today), history: history, start: start}
		if msg.streak, msg.longest, _, err = j.Streaks(ctx, today); err != nil {
			return errMsg{err: err, fatal: true}
		}
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

// loadWeek reads one week and the days before it that its meters need:
// 26 days, whatever the size of the journal.
// The scores do not depend on the EWMA, so the load series is not read.
func loadWeek(j Journal, cfg slump.Config, w slump.Week, today slump.Date) tea.Cmd {
	return func() tea.Msg {
		history, err := loadSpan(j, w.Start(), w.End())
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		return weekLoadedMsg{
			week:    w,
			days:    slump.DaysWith(cfg, history, nil, w.Start(), w.End(), today),
			summary: slump.SummarizeWith(cfg, history, w.Start(), w.End()),
		}
	}
}

// loadTrends reads the 12 weeks ending on last, and the days before them
// that the first meters need.
func loadTrends(j Journal, cfg slump.Config, last slump.Week, today slump.Date) tea.Cmd {
	return func() tea.Msg {
		first := last.AddWeeks(-(trendWeeks - 1))
		history, err := loadSpan(j, first.Start(), last.End())
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		msg := trendsLoadedMsg{last: last, days: slump.DaysWith(cfg, history, nil, first.Start(), last.End(), today)}
		for i := range msg.weeks {
			w := first.AddWeeks(i)
			msg.weeks[i] = slump.SummarizeWith(cfg, history, w.Start(), w.End())
		}
		return msg
	}
}

// loadSpan reads the check-ins that the readings of from..to need.
func loadSpan(j Journal, from, to slump.Date) ([]slump.Checkin, error) {
	ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
	defer cancel()
	start, end := slump.SeriesWindow(from, to)
	return j.Range(ctx, start, end)
}
