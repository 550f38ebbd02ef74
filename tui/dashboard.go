package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// dashboardModel shows the slump meter of today (drawn by meterView): the
// gauge, the signals that moved it, the tip, and the last 7 days at a
// glance. When today is checked in and yesterday is not, it offers to fill
// in yesterday.
type dashboardModel struct {
	sh   shared
	view meterView
	keys dashboardKeys
}

func newDashboardModel(sh shared) dashboardModel {
	d := dashboardModel{sh: sh, keys: defaultDashboardKeys()}
	d.view = meterView{cfg: sh.meter.Config(), missing: "no check-in yet: press c"}
	d.updateKeys()
	return d
}

func (d dashboardModel) withData(msg dashboardLoadedMsg) dashboardModel {
	d.view.reading, d.view.snap = msg.reading, msg.snapshot
	d.view.nudge = ""
	if d.yesterdayMissing() {
		d.view.nudge = "Yesterday is missing: f to fill it in"
	}
	if !d.view.hasSignals() {
		d.view.all = false
	}
	d.updateKeys()
	return d
}

// yesterdayMissing reports whether today has a check-in and the day
// before has none: the dashboard then offers to fill it in.
func (d dashboardModel) yesterdayMissing() bool {
	snap := d.view.snap
	if snap.Day.IsZero() || snap.Checkin() == nil {
		return false
	}
	yesterday := snap.Day.AddDays(-1)
	for _, c := range snap.Checkins {
		if c.Date == yesterday {
			return false
		}
	}
	return true
}

// updateKeys disables the keys that would do nothing, so help never lies,
// and words the others for the state of the screen.
func (d *dashboardModel) updateKeys() {
	if d.view.snap.Checkin() == nil {
		d.keys.Checkin.SetHelp("c", "check in")
	} else {
		d.keys.Checkin.SetHelp("c", "edit today")
	}
	d.keys.Yesterday.SetEnabled(d.yesterdayMissing())
	d.keys.Signals.SetEnabled(d.view.hasSignals())
	d.keys.Scroll.update(d.view)
	signalsKey(&d.keys.Signals, d.view.all)
}

// signalsKey is the s binding of a meter (the dashboard's, a day's): it
// opens every signal, and while they are open it and esc go back.
func signalsKey(b *key.Binding, all bool) {
	if all {
		b.SetKeys("s", "esc")
		b.SetHelp("s/esc", "overview")
	} else {
		b.SetKeys("s")
		b.SetHelp("s", "all signals")
	}
}

// Update handles the dashboard's keys.
func (d dashboardModel) Update(msg tea.Msg) (dashboardModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, d.keys.Quit):
		return d, tea.Quit
	case key.Matches(k, d.keys.Help):
		return d, send(toggleHelpMsg{})
	case d.keys.Scroll.scroll(k, &d.view):
	case key.Matches(k, d.keys.Signals):
		d.view.all, d.view.offset = !d.view.all, 0
	case key.Matches(k, d.keys.Checkin):
		// Load the day afresh: the dashboard may date from before midnight.
		d.view.all, cmd = false, loadDay(d.sh, d.sh.today())
	case key.Matches(k, d.keys.Yesterday):
		d.view.all, cmd = false, loadDay(d.sh, d.view.snap.Day.AddDays(-1))
	case key.Matches(k, d.keys.History):
		d.view.all, cmd = false, send(showMsg{screen: historyScreen})
	case key.Matches(k, d.keys.Trends):
		d.view.all, cmd = false, send(showMsg{screen: trendsScreen})
	case key.Matches(k, d.keys.Year):
		d.view.all, cmd = false, send(showMsg{screen: yearScreen})
	}
	d.updateKeys()
	return d, cmd
}

// View draws the dashboard in the given width and height, laid out by
// priority (see meterView.View): the header, the gauge and the tip's title
// always show, the rest as room allows.
func (d dashboardModel) View(st styles, width, height int) string {
	return d.view.View(st, width, height)
}
