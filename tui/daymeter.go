package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

// dayMeterModel is the meter of one day, opened from the history with m:
// the day's reading drawn as the dashboard draws today's (meterView), its
// signals, tip and 7 days. Esc goes back to the week.
type dayMeterModel struct {
	sh     shared
	day    slump.Date
	loaded bool
	view   meterView
	keys   meterKeys
}

func newDayMeterModel(sh shared, day slump.Date) dayMeterModel {
	m := dayMeterModel{sh: sh, day: day, keys: defaultMeterKeys()}
	m.view = meterView{cfg: sh.meter.Config(), title: "Meter", missing: "no check-in that day"}
	m.updateKeys()
	return m
}

// load reads the day's meter.
func (m dayMeterModel) load() tea.Cmd { return loadMeter(m.sh, m.day) }

// withData fills the model from a load; a load of another day is ignored.
func (m dayMeterModel) withData(msg dayLoadedMsg) dayMeterModel {
	if msg.snapshot.Day != m.day {
		return m
	}
	m.loaded, m.view.reading, m.view.snap = true, msg.reading, msg.snapshot
	m.view.over = m.day.Before(m.sh.today())
	m.updateKeys()
	return m
}

// updateKeys disables the keys that would do nothing, so help never lies:
// s only when there are signals; in the signals view esc goes back to the
// overview first.
func (m *dayMeterModel) updateKeys() {
	m.keys.Signals.SetEnabled(m.loaded && m.view.hasSignals())
	m.keys.Scroll.update(m.view)
	m.keys.Back.SetEnabled(!m.view.all)
	signalsKey(&m.keys.Signals, m.view.all)
}

// Update handles the meter's keys.
func (m dayMeterModel) Update(msg tea.Msg) (dayMeterModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(k, m.keys.Help):
		return m, send(toggleHelpMsg{})
	case m.keys.Scroll.scroll(k, &m.view):
	case key.Matches(k, m.keys.Signals):
		m.view.all, m.view.offset = !m.view.all, 0
	case key.Matches(k, m.keys.Back):
		return m, send(showMsg{screen: historyScreen, resume: true})
	}
	m.updateKeys()
	return m, nil
}

// View draws the day's meter, laid out as the dashboard is.
func (m dayMeterModel) View(st styles, width, height int) string {
	if !m.loaded {
		return fitFirst(width, st.title.Render("laceup")+st.subtle.Render(" · Meter · "+m.day.Time().Format("Mon 2 Jan 2006"))) +
			"\n\n" + st.subtle.Render("Loading the meter…")
	}
	return m.view.View(st, width, height)
}
