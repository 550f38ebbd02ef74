// Package tui is laceup's terminal user interface: the daily check-in form
// and the dashboard with the slump meter. It talks to the journal through the
// small Journal interface below, so every screen can be tested without a
// disk; all I/O happens in tea.Cmds, never inside Update.
package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// Journal is what the screens need from storage. *store.Store satisfies it.
type Journal interface {
	// Range returns the check-ins with from <= date <= to, oldest first.
	Range(ctx context.Context, from, to slump.Date) ([]slump.Checkin, error)
	// Get returns the check-in of one day; ok is false when there is none.
	Get(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error)
	// Save inserts the check-in, or replaces the one of the same day.
	Save(ctx context.Context, c slump.Checkin) error
	// Loads returns the daily training loads of every check-in up to to,
	// oldest first: the series the meter's EWMA load ratio runs over.
	Loads(ctx context.Context, to slump.Date) ([]slump.Load, error)
	// Streaks returns the current check-in streak as of today (alive until
	// today is over), the longest one, and the day the longest ended.
	Streaks(ctx context.Context, today slump.Date) (current, longest int, longestEnd slump.Date, err error)
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

type screen int

const (
	loadingScreen screen = iota
	checkinScreen
	dashboardScreen
	historyScreen
	trendsScreen
	fatalScreen
)

// Model is the root model: it routes keys to the current screen and handles
// quitting, resizing, screen switches and errors.
type Model struct {
	opts   Options
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
	if opts.Config == (slump.Config{}) {
		opts.Config = slump.DefaultConfig()
	}
	st := defaultStyles()
	h := help.New()
	h.Styles.ShortKey = st.label
	h.Styles.FullKey = st.label
	m := Model{
		opts:   opts,
		st:     st,
		help:   h,
		screen: loadingScreen,
		width:  80,
		height: 24,
		dash:   newDashboardModel(opts.Config),
	}
	if len(opts.Warnings) > 0 {
		m.warning = "Warning: " + strings.Join(opts.Warnings, "; ")
	}
	return m
}

// Err returns the error that stopped the session, if any.
func (m Model) Err() error { return m.fatal }

func (m Model) today() slump.Date { return slump.DateOf(m.opts.Now()) }

// Init loads what the first screen needs.
func (m Model) Init() tea.Cmd {
	if !m.opts.FormDate.IsZero() {
		return loadDay(m.opts.Journal, m.opts.FormDate)
	}
	return loadDashboard(m.opts.Journal, m.opts.Config, m.today(), true)
}

// Update handles the messages every screen shares, then forwards the rest.
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

	case errMsg:
		if msg.fatal {
			m.fatal, m.screen = msg.err, fatalScreen
			return m, nil
		}
		m.status, m.statusErr = msg.err.Error(), true
		return m, nil

	case dayLoadedMsg:
		m.openForm(msg.date, msg.checkin, dashboardScreen)
		return m, nil

	case dashboardLoadedMsg:
		m.dash = m.dash.withData(msg)
		if msg.start && msg.today == nil {
			m.openForm(msg.reading.Date, nil, dashboardScreen)
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
		return m, saveCheckin(m.opts.Journal, msg.checkin)

	case cancelMsg:
		if m.opts.ExitOnCancel {
			return m, tea.Quit
		}
		m.status, m.statusErr = "Left the check-in without saving.", false
		return m, m.leaveForm()

	case savedMsg:
		m.status, m.statusErr = savedStatus(msg.checkin, m.today()), false
		return m, m.leaveForm()
	}

	var cmd tea.Cmd
	switch m.screen {
	case checkinScreen:
		m.form, cmd = m.form.Update(msg)
	case dashboardScreen:
		m, cmd = m.updateDashboard(msg)
	case historyScreen:
		m, cmd = m.updateHistory(msg)
	case trendsScreen:
		m, cmd = m.updateTrends(msg)
	}
	return m, cmd
}

// leaveForm goes back to the screen the form was opened from and reloads
// it, so it shows what was just saved.
func (m *Model) leaveForm() tea.Cmd {
	m.screen = m.formReturn
	if m.screen == historyScreen {
		return m.showWeek(m.hist.move(m.hist.week))
	}
	return m.showDashboard()
}

func (m *Model) showDashboard() tea.Cmd {
	m.screen = dashboardScreen
	return loadDashboard(m.opts.Journal, m.opts.Config, m.today(), false)
}

// showWeek switches to the history screen on h and loads its week.
func (m *Model) showWeek(h historyModel) tea.Cmd {
	h.today = m.today()
	h.updateKeys()
	m.hist, m.screen = h, historyScreen
	return loadWeek(m.opts.Journal, m.opts.Config, h.week, h.today)
}

// showTrends switches to the trends screen ending on the week last.
func (m *Model) showTrends(last slump.Week) tea.Cmd {
	t := newTrendsModel(last, m.today(), m.opts.Config)
	t.updateKeys()
	m.trends, m.screen = t, trendsScreen
	return loadTrends(m.opts.Journal, m.opts.Config, last, t.today)
}

func (m Model) updateDashboard(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	keys := m.dash.keys
	switch {
	case key.Matches(k, keys.Quit):
		return m, tea.Quit
	case key.Matches(k, keys.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(k, keys.Checkin):
		// Load the day afresh: the dashboard may date from before midnight.
		return m, loadDay(m.opts.Journal, m.today())
	case key.Matches(k, keys.History):
		m.status = ""
		return m, m.showWeek(newHistoryModel(slump.WeekOf(m.today()), m.today(), m.opts.Config))
	case key.Matches(k, keys.Trends):
		m.status = ""
		return m, m.showTrends(slump.WeekOf(m.today()))
	}
	return m, nil
}

func (m Model) updateHistory(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	h, keys := m.hist, m.hist.keys
	m.status = ""
	switch {
	case key.Matches(k, keys.Quit):
		return m, tea.Quit
	case key.Matches(k, keys.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(k, keys.Back):
		return m, m.showDashboard()
	case key.Matches(k, keys.Prev):
		return m, m.showWeek(h.move(h.week.AddWeeks(-1)))
	case key.Matches(k, keys.Next):
		return m, m.showWeek(h.move(h.week.AddWeeks(1)))
	case key.Matches(k, keys.ThisWeek):
		return m, m.showWeek(h.move(slump.WeekOf(m.today())))
	case key.Matches(k, keys.Up):
		m.hist.selected = max(0, h.selected-1)
	case key.Matches(k, keys.Down):
		if !h.week.Start().AddDays(h.selected + 1).After(m.today()) {
			m.hist.selected = min(6, h.selected+1)
		}
	case key.Matches(k, keys.Edit):
		if h.loaded {
			m.openForm(h.selectedDate(), h.days[h.selected].Checkin, historyScreen)
		}
		return m, nil
	}
	m.hist.updateKeys()
	return m, nil
}

func (m Model) updateTrends(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	t, keys := m.trends, m.trends.keys
	switch {
	case key.Matches(k, keys.Quit):
		return m, tea.Quit
	case key.Matches(k, keys.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(k, keys.Back):
		return m, m.showDashboard()
	case key.Matches(k, keys.Prev):
		return m, m.showTrends(t.last.AddWeeks(-1))
	case key.Matches(k, keys.Next):
		return m, m.showTrends(t.last.AddWeeks(1))
	case key.Matches(k, keys.Latest):
		return m, m.showTrends(slump.WeekOf(m.today()))
	}
	return m, nil
}

// openForm shows the check-in form for day d, prefilled when the day has a
// check-in; saving or leaving it goes back to returnTo.
func (m *Model) openForm(d slump.Date, existing *slump.Checkin, returnTo screen) {
	m.form = newCheckinModel(d, existing, m.today(), m.opts.Config.HardEffort)
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
		m.st.subtle.Width(w).Render(fmt.Sprintf("Journal: %s", m.opts.Path)),
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
