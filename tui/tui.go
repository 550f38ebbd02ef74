// Package tui is laceup's terminal user interface: the daily check-in form,
// the dashboard with the slump meter, the weekly history and the trends.
// It talks to the journal through the small Journal interface below, so
// every screen can be tested without a disk; all I/O happens in tea.Cmds,
// never inside Update.
//
// The root Model handles only what every screen shares: quitting, the
// window size, errors, the help toggle and moving between screens. Each
// screen (checkin.go, dashboard.go, history.go, trends.go) owns its state,
// its keys and its Update; it asks the root to move with a message
// (editMsg, showMsg). Numbers are formatted by tui/report, as on the
// command line.
package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// Journal is what the screens need from storage. *store.Store satisfies it.
type Journal interface {
	// Get returns the check-in of one day; ok is false when there is none.
	Get(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error)
	// Save inserts the check-in, or replaces the one of the same day.
	Save(ctx context.Context, c slump.Checkin) error
	// Snapshot returns what the meter of day needs, read at one moment:
	// the check-ins of its window, the load series and the streaks.
	Snapshot(ctx context.Context, day slump.Date) (slump.Snapshot, error)
	// Span returns the check-ins that the readings of from..to need (those
	// of slump.SeriesWindow(from, to)), oldest first.
	Span(ctx context.Context, from, to slump.Date) ([]slump.Checkin, error)
}

// Options configure a session of the UI.
type Options struct {
	Journal Journal
	// Path is the journal file, shown when it cannot be read or written.
	Path string
	// Now is the clock; the UI takes "today" from it each time it loads.
	Now func() time.Time
	// FormDate, when set, opens the check-in form for that day (prefilled if
	// the day has a check-in) instead of the usual start: today's form when
	// today has no check-in yet, else the dashboard.
	FormDate slump.Date
	// ExitOnCancel makes Esc on the form quit instead of showing the
	// dashboard (for `laceup checkin`).
	ExitOnCancel bool
	// Config holds the runner's thresholds; the zero Config means the
	// defaults.
	Config slump.Config
	// Warnings about the journal (such as loose file permissions) are shown
	// on the first screen.
	Warnings []string
}

// shared is what every screen works with: the journal, the meter with the
// runner's settings, and the clock.
type shared struct {
	journal Journal
	meter   slump.Meter
	now     func() time.Time
}

func (sh shared) today() slump.Date { return slump.DateOf(sh.now()) }

type screen int

const (
	loadingScreen screen = iota
	checkinScreen
	dashboardScreen
	historyScreen
	trendsScreen
	fatalScreen
)

// Model is the root model: it routes messages to the current screen and
// handles quitting, resizing, screen switches and errors.
type Model struct {
	opts   Options
	sh     shared
	st     styles
	help   help.Model
	screen screen
	width  int
	height int

	form       checkinModel
	formReturn screen // where the form goes back to: the dashboard or the history
	dash       dashboardModel
	hist       historyModel
	trends     trendsModel

	status    string // one-line message under the screen
	statusErr bool
	warning   string // about the journal itself; stays on every screen
	fatal     error  // shown full screen; any key quits
}

// New returns the root model for a session.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	st := defaultStyles()
	h := help.New()
	h.Styles.ShortKey = st.label
	h.Styles.FullKey = st.label
	sh := shared{journal: opts.Journal, now: opts.Now}
	if opts.Config != (slump.Config{}) {
		sh.meter = slump.NewMeter(opts.Config)
	}
	m := Model{
		opts:   opts,
		sh:     sh,
		st:     st,
		help:   h,
		screen: loadingScreen,
		width:  80,
		height: 24,
		dash:   newDashboardModel(sh),
	}
	if len(opts.Warnings) > 0 {
		m.warning = "Warning: " + strings.Join(opts.Warnings, "; ")
	}
	return m
}

// Err returns the error that stopped the session, if any.
func (m Model) Err() error { return m.fatal }

// Init loads what the first screen needs.
func (m Model) Init() tea.Cmd {
	if !m.opts.FormDate.IsZero() {
		return loadDay(m.sh, m.opts.FormDate)
	}
	return loadDashboard(m.sh, true)
}

// Update handles the messages every screen shares, then forwards the rest
// to the current screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width - 4
		m.form.setWidth(m.width)
		return m, nil

	case tea.KeyMsg:
		if msg.String() == "ctrl+c" || m.screen == fatalScreen {
			return m, tea.Quit
		}
		if m.screen == historyScreen {
			m.status = "" // a key in the history: the last save's message has been seen
		}

	case errMsg:
		if msg.fatal {
			m.fatal, m.screen = msg.err, fatalScreen
			return m, nil
		}
		m.status, m.statusErr = msg.err.Error(), true
		return m, nil

	case toggleHelpMsg:
		m.help.ShowAll = !m.help.ShowAll
		return m, nil

	case editMsg:
		ret := m.screen
		if ret != historyScreen {
			ret = dashboardScreen
		}
		m.openForm(msg.date, msg.checkin, ret)
		return m, nil

	case showMsg:
		m.status = ""
		return m, m.show(msg)

	case dashboardLoadedMsg:
		m.dash = m.dash.withData(msg)
		if msg.start && msg.snapshot.Checkin() == nil {
			m.openForm(msg.snapshot.Day, nil, dashboardScreen)
			return m, nil
		}
		if m.screen == loadingScreen {
			m.screen = dashboardScreen
		}
		return m, nil

	case weekLoadedMsg:
		m.hist = m.hist.withWeek(msg)
		return m, nil

	case trendsLoadedMsg:
		m.trends = m.trends.withData(msg)
		return m, nil

	case submitMsg:
		m.status = ""
		return m, saveCheckin(m.sh, msg.checkin)

	case cancelMsg:
		if m.opts.ExitOnCancel {
			return m, tea.Quit
		}
		m.status, m.statusErr = "Left the check-in without saving.", false
		return m, m.leaveForm()

	case savedMsg:
		m.status, m.statusErr = savedStatus(msg.checkin, m.sh.today()), false
		return m, m.leaveForm()
	}

	var cmd tea.Cmd
	switch m.screen {
	case checkinScreen:
		m.form, cmd = m.form.Update(msg)
	case dashboardScreen:
		m.dash, cmd = m.dash.Update(msg)
	case historyScreen:
		m.hist, cmd = m.hist.Update(msg)
	case trendsScreen:
		m.trends, cmd = m.trends.Update(msg)
	}
	return m, cmd
}

// show switches to the screen msg asks for and loads what it shows.
func (m *Model) show(msg showMsg) tea.Cmd {
	today := m.sh.today()
	switch msg.screen {
	case historyScreen:
		h := newHistoryModel(m.sh, slump.WeekOf(today), today)
		m.hist, m.screen = h, historyScreen
		return h.load()
	case trendsScreen:
		t := newTrendsModel(m.sh, slump.WeekOf(today), today)
		m.trends, m.screen = t, trendsScreen
		return t.load()
	}
	m.screen = dashboardScreen
	return loadDashboard(m.sh, false)
}

// leaveForm goes back to the screen the form was opened from and reloads
// it, so it shows what was just saved.
func (m *Model) leaveForm() tea.Cmd {
	if m.formReturn == historyScreen {
		m.hist, m.screen = m.hist.move(m.hist.week), historyScreen
		return m.hist.load()
	}
	return m.show(showMsg{screen: dashboardScreen})
}

// openForm shows the check-in form for day d, prefilled when the day has a
// check-in; saving or leaving it goes back to returnTo.
func (m *Model) openForm(d slump.Date, existing *slump.Checkin, returnTo screen) {
	m.form = newCheckinModel(d, existing, m.sh.today(), m.sh.meter.Config())
	m.form.setWidth(m.width)
	m.screen, m.formReturn = checkinScreen, returnTo
	m.status = ""
}

// View draws the current screen with the status line and key help.
func (m Model) View() string {
	var body string
	var keys help.KeyMap
	switch m.screen {
	case loadingScreen:
		return m.st.app.Render(m.st.subtle.Render("Opening your journal…"))
	case fatalScreen:
		return m.st.app.Render(m.fatalView())
	case checkinScreen:
		body, keys = m.form.View(m.st), m.form.keys
	case dashboardScreen:
		keys = m.dash.keys
	case historyScreen:
		keys = m.hist.keys
	case trendsScreen:
		keys = m.trends.keys
	}
	var footer []string
	if m.warning != "" {
		footer = append(footer, m.st.errText.Width(m.width-4).Render(slump.Printable(m.warning, false)))
	}
	if m.status != "" {
		style := m.st.okText
		if m.statusErr {
			style = m.st.errText
		}
		footer = append(footer, style.Width(m.width-4).Render(slump.Printable(m.status, false)))
	}
	footer = append(footer, m.help.View(keys))
	// 2 lines of padding and 1 blank line above the footer
	room := m.height - 3 - lipgloss.Height(strings.Join(footer, "\n"))
	switch m.screen {
	case dashboardScreen:
		body = m.dash.View(m.st, m.width-4, room)
	case historyScreen:
		body = m.hist.View(m.st, m.width-4, room)
	case trendsScreen:
		body = m.trends.View(m.st, m.width-4, room)
	}
	return m.st.app.Render(lipgloss.JoinVertical(lipgloss.Left, append([]string{body, ""}, footer...)...))
}

func (m Model) fatalView() string {
	w := m.width - 4
	return lipgloss.JoinVertical(lipgloss.Left,
		m.st.errText.Bold(true).Render("laceup cannot continue"),
		"",
		lipgloss.NewStyle().Width(w).Render(slump.Printable(m.fatal.Error(), true)),
		"",
		m.st.subtle.Width(w).Render("Journal: "+slump.PrintableName(m.opts.Path)),
		"",
		m.st.subtle.Render("Press any key to quit."),
	)
}

func savedStatus(c slump.Checkin, today slump.Date) string {
	return fmt.Sprintf("Saved your check-in for %s.", dayName(c.Date, today))
}

// dayName names a day the way a runner says it: "today", "yesterday", or
// "Mon 23 Nov 2026".
func dayName(d, today slump.Date) string {
	if name := relativeDay(d, today); name != "that day" {
		return name
	}
	return d.Time().Format("Mon 2 Jan 2006")
}
