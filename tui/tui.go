// Package tui is laceup's terminal user interface: the daily check-in form,
// the dashboard with the slump meter, the weekly history and the trends.
// It talks to the journal through the small Journal interface below, so
// every screen can be tested without a disk; all I/O happens in tea.Cmds,
// never inside Update.
//
// The root Model handles only what every screen shares: quitting, the
// window size, errors, the help toggle and moving between screens. Each
// screen (checkin.go, dashboard.go, history.go, daymeter.go, trends.go)
// owns its state, its keys and its Update; it asks the root to move with a
// message (editMsg, showMsg, showDayMsg). The dashboard and the meter of a
// day opened from the history draw a reading with one renderer
// (meterview.go). Every screen fits the terminal by priority; below
// minWidth x minHeight (layout.go) the root shows one line saying the size
// needed. Numbers are formatted by tui/report, as on the command line.
package tui

import (
	"context"
	"fmt"
	"slices"
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
	// Get returns the check-in of one day; ok is false when there is none.
	Get(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error)
	// Save inserts the check-in, or replaces the one of the same day.
	Save(ctx context.Context, c slump.Checkin) error
	// Delete deletes the check-in of day d and returns it; ok is false when
	// the day had none (and nothing was deleted).
	Delete(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error)
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
	// Theme is the colour palette, one of Themes(); "" means the default.
	Theme string
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
	meterScreen // the meter of a day, opened from the history
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
	day        dayMeterModel
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
	st := newStyles(lipgloss.DefaultRenderer(), opts.Theme)
	h := help.New()
	h.Styles = st.help
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
		if m.screen == historyScreen || m.screen == meterScreen {
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

	case showDayMsg:
		m.day, m.screen = newDayMeterModel(m.sh, msg.date), meterScreen
		return m, m.day.load()

	case dayLoadedMsg:
		m.day = m.day.withData(msg)
		return m, nil

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

	case deletedMsg:
		m.status, m.statusErr = deletedStatus(msg), false
		return m, m.show(showMsg{screen: historyScreen, resume: true})
	}

	var cmd tea.Cmd
	switch m.screen {
	case checkinScreen:
		m.form, cmd = m.form.Update(msg)
	case dashboardScreen:
		m.dash, cmd = m.dash.Update(msg)
	case historyScreen:
		m.hist, cmd = m.hist.Update(msg)
	case meterScreen:
		m.day, cmd = m.day.Update(msg)
	case trendsScreen:
		m.trends, cmd = m.trends.Update(msg)
	}
	return m, cmd
}

// show switches to the screen msg asks for and loads what it shows.
func (m *Model) show(msg showMsg) tea.Cmd {
	today := m.sh.today()
	switch {
	case msg.screen == historyScreen && msg.resume:
		m.hist, m.screen = m.hist.move(m.hist.week), historyScreen
		return m.hist.load()
	case msg.screen == historyScreen:
		h := newHistoryModel(m.sh, slump.WeekOf(today), today)
		m.hist, m.screen = h, historyScreen
		return h.load()
	case msg.screen == trendsScreen:
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
	return m.show(showMsg{screen: m.formReturn, resume: true})
}

// openForm shows the check-in form for day d, prefilled when the day has a
// check-in; saving or leaving it goes back to returnTo.
func (m *Model) openForm(d slump.Date, existing *slump.Checkin, returnTo screen) {
	m.form = newCheckinModel(d, existing, m.sh.today(), m.sh.meter.Config())
	m.form.setWidth(m.width)
	m.screen, m.formReturn = checkinScreen, returnTo
	m.status = ""
}

// View draws the current screen with the status line and key help in the
// terminal's size. A terminal of padFrom rows or more gets a blank line
// above and below. Below minWidth x minHeight, or when a screen cannot fit
// even at its smallest, it is one line saying the size needed and the size
// now: never a screen cut in the middle.
func (m Model) View() string {
	if m.width < minWidth || m.height < minHeight {
		return tooSmall(minWidth, minHeight, m.width, m.height)
	}
	width := m.width - 4
	var keys help.KeyMap
	switch m.screen {
	case checkinScreen:
		keys = m.form.keys
	case dashboardScreen:
		keys = m.dash.keys
	case historyScreen:
		keys = m.hist.keys
	case meterScreen:
		keys = m.day.keys
	case trendsScreen:
		keys = m.trends.keys
	}
	var footer []string
	if m.warning != "" {
		footer = append(footer, m.st.errText.Width(width).Render(slump.Printable(m.warning, false)))
	}
	if m.status != "" {
		style := m.st.okText
		if m.statusErr {
			style = m.st.errText
		}
		footer = append(footer, style.Width(width).Render(slump.Printable(m.status, false)))
	}
	if keys != nil {
		footer = append(footer, m.helpView(keys))
	}
	below := 0 // the footer and the blank line above it
	if len(footer) > 0 {
		below = 1 + lipgloss.Height(strings.Join(footer, "\n"))
	}
	pad := 1
	if m.height < padFrom {
		pad = 0
	}
	body := m.body(width, m.height-2*pad-below)
	if h := lipgloss.Height(body); h > m.height-2*pad-below && pad > 0 {
		pad = 0 // a screen that cannot shrink (the form) takes the padding first
		body = m.body(width, m.height-below)
	}
	if h := lipgloss.Height(body) + below + 2*pad; h > m.height {
		return tooSmall(m.width, h, m.width, m.height)
	}
	parts := []string{body}
	if len(footer) > 0 {
		parts = append(append(parts, ""), footer...)
	}
	out := m.st.app.PaddingTop(pad).PaddingBottom(pad).Render(lipgloss.JoinVertical(lipgloss.Left, parts...))
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if lipgloss.Width(l) > m.width {
			lines[i] = truncate(l, m.width)
		}
	}
	return strings.Join(lines, "\n")
}

// helpView is the key help of a screen. The short help gives up its last
// keys when it is too wide for the terminal, but never "?", which shows
// them all.
func (m Model) helpView(keys help.KeyMap) string {
	if m.help.ShowAll {
		return m.help.View(keys)
	}
	var short []key.Binding
	for _, b := range keys.ShortHelp() {
		if b.Enabled() {
			short = append(short, b)
		}
	}
	unlimited := m.help
	unlimited.Width = 0
	for len(short) > 1 && lipgloss.Width(unlimited.ShortHelpView(short)) > m.help.Width {
		drop := len(short) - 1
		if slices.Contains(short[drop].Keys(), "?") {
			drop--
		}
		short = slices.Delete(short, drop, drop+1)
	}
	return m.help.ShortHelpView(short)
}

// body draws the current screen in width x height, without the footer.
func (m Model) body(width, height int) string {
	switch m.screen {
	case loadingScreen:
		return m.st.subtle.Render("Opening your journal…")
	case fatalScreen:
		return m.fatalView()
	case checkinScreen:
		return m.form.View(m.st)
	case dashboardScreen:
		return m.dash.View(m.st, width, height)
	case historyScreen:
		return m.hist.View(m.st, width, height)
	case meterScreen:
		return m.day.View(m.st, width, height)
	case trendsScreen:
		return m.trends.View(m.st, width, height)
	}
	return ""
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

// deletedStatus says what a deletion deleted: the day and its answers.
func deletedStatus(msg deletedMsg) string {
	day := msg.date.Time().Format("Mon 2 Jan 2006")
	if !msg.existed {
		return fmt.Sprintf("%s had no check-in: nothing was deleted.", day)
	}
	deleted := strings.Join(answers(msg.checkin), ", ")
	if msg.checkin.Note != "" {
		deleted += " and a note"
	}
	return fmt.Sprintf("Deleted the check-in of %s: %s.", day, deleted)
}

// dayName names a day the way a runner says it: "today", "yesterday", or
// "Mon 23 Nov 2026".
func dayName(d, today slump.Date) string {
	if name := relativeDay(d, today); name != "that day" {
		return name
	}
	return d.Time().Format("Mon 2 Jan 2006")
}
