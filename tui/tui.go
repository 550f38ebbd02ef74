// Package tui is laceup's terminal user interface: the daily check-in form,
// the dashboard with the slump meter, the weekly history, the trends and
// the year at a glance. It talks to the journal through the small Journal
// interface below, so every screen can be tested without a disk; all I/O
// happens in tea.Cmds, never inside Update.
//
// The root Model handles only what every screen shares: quitting, the
// window size, errors, the help toggle and moving between screens. Each
// screen (checkin.go, dashboard.go, history.go, daymeter.go, trends.go,
// year.go) owns its state, its keys and its Update; it asks the root to
// move with a message (editMsg, showMsg, showDayMsg). The dashboard and
// the meter of a day opened from the history draw a reading with one
// renderer (meterview.go). Every screen fits the terminal by priority; below
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
	"github.com/laceup/laceup/slump/activity"
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
	// Period returns what the readings of the days from..to need, read at
	// one moment: the check-ins of slump.SeriesWindow(from, to), the load
	// series and the races (see slump.Period).
	Period(ctx context.Context, from, to slump.Date) (slump.Period, error)
	// Recorded returns what was imported for day d (laceup activities
	// import): its sessions and the night before it.
	Recorded(ctx context.Context, d slump.Date) (activity.Day, error)
	// Races returns the races of the races table, oldest first.
	Races(ctx context.Context) ([]slump.Race, error)
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
	yearScreen
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
	year       yearModel

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
// to the current screen, and tells the screen that scrolls (the signals
// view) how much room it has.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m.fitScreen(), cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
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
		return m, m.openForm(msg.date, msg.checkin, ret)

	case recordedMsg:
		if m.screen == checkinScreen && m.form.date == msg.date {
			m.form.setRecorded(msg.day)
		}
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
			return m, m.openForm(msg.snapshot.Day, nil, dashboardScreen)
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

	case yearLoadedMsg:
		m.year = m.year.withData(msg)
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
	case yearScreen:
		m.year, cmd = m.year.Update(msg)
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
	case msg.screen == yearScreen:
		y := newYearModel(m.sh, today.Time().Year(), today)
		m.year, m.screen = y, yearScreen
		return y.load()
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
// check-in; saving or leaving it goes back to returnTo. It returns the read
// of what was recorded that day, which the form shows when it arrives.
func (m *Model) openForm(d slump.Date, existing *slump.Checkin, returnTo screen) tea.Cmd {
	m.form = newCheckinModel(d, existing, m.sh.today(), m.sh.meter.Config())
	m.form.setWidth(m.width)
	m.screen, m.formReturn = checkinScreen, returnTo
	m.status = ""
	return loadRecorded(m.sh, d)
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
	width, height, pad := m.bodySize()
	below := m.height - 2*pad - height // the footer and the blank line above it
	footer := m.footer(width)
	body := m.body(width, height)
	if h := lipgloss.Height(body); h > height && pad > 0 {
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

// bodySize is the width and height a screen is drawn in, inside the
// padding (pad lines above and below) and above the footer.
func (m Model) bodySize() (width, height, pad int) {
	width = m.width - 4
	below := 0 // the footer and the blank line above it
	if footer := m.footer(width); len(footer) > 0 {
		below = 1 + lipgloss.Height(strings.Join(footer, "\n"))
	}
	pad = 1
	if m.height < padFrom {
		pad = 0
	}
	return width, m.height - 2*pad - below, pad
}

// footer is what shows under every screen: the journal's warning, the
// status line and the key help.
func (m Model) footer(width int) []string {
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
	case yearScreen:
		keys = m.year.keys
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
	return footer
}

// fitScreen tells the meter's screens the room their signals view has, so
// that the scroll keys show in the help when there is more to see (which
// may take a row of the full help, so twice).
func (m Model) fitScreen() Model {
	if m.width < minWidth || m.height < minHeight {
		return m
	}
	for range 2 {
		width, height, _ := m.bodySize()
		switch m.screen {
		case dashboardScreen:
			m.dash.view = m.dash.view.fit(m.st, width, height)
			m.dash.updateKeys()
		case meterScreen:
			m.day.view = m.day.view.fit(m.st, width, height)
			m.day.updateKeys()
		}
	}
	return m
}

// helpView is the key help of a screen. The short help gives up its last
// keys when it is too wide for the terminal, but never "?", which then
// offers "more keys" (or "all keys" when the line already holds every
// key). The full help, after ?, shows every key of the screen's FullHelp:
// in the screen's own columns when they fit side by side, else wrapped
// into as many columns as fit and as many rows as it takes; ? then says
// "close".
func (m Model) helpView(keys help.KeyMap) string {
	full := helpKeys(keys.FullHelp())
	if m.help.ShowAll {
		return m.fullHelpView(keys.FullHelp())
	}
	var short []key.Binding
	for _, b := range keys.ShortHelp() {
		if b.Enabled() {
			short = append(short, b)
		}
	}
	unlimited := m.help
	unlimited.Width = 0
	fits := func(bs []key.Binding) bool { return lipgloss.Width(unlimited.ShortHelpView(bs)) <= m.help.Width }
	if covers(short, full) && fits(relabelHelp(short, "all keys")) {
		return m.help.ShortHelpView(relabelHelp(short, "all keys"))
	}
	short = relabelHelp(short, "more keys")
	for len(short) > 1 && !fits(short) {
		drop := len(short) - 1
		if slices.Contains(short[drop].Keys(), "?") {
			drop--
		}
		short = slices.Delete(short, drop, drop+1)
	}
	return m.help.ShortHelpView(short)
}

// fullHelpView lays out every enabled key of groups in width: as the
// screen groups them when the groups fit side by side, else in the
// fewest rows whose columns fit.
func (m Model) fullHelpView(groups [][]key.Binding) string {
	var cols [][]key.Binding
	for _, g := range groups {
		if col := relabelHelp(helpKeys([][]key.Binding{g}), "close"); len(col) > 0 {
			cols = append(cols, col)
		}
	}
	h := m.help
	h.Width = 0 // no "…": every key shows
	if v := h.FullHelpView(cols); lipgloss.Width(v) <= m.help.Width {
		return v
	}
	all := slices.Concat(cols...)
	h.FullSeparator = "   "
	for rows := 1; rows < len(all); rows++ {
		var packed [][]key.Binding
		for b := range slices.Chunk(all, rows) {
			packed = append(packed, b)
		}
		if v := h.FullHelpView(packed); lipgloss.Width(v) <= m.help.Width {
			return v
		}
	}
	return h.FullHelpView([][]key.Binding{all})
}

// helpKeys returns the enabled bindings of groups, in order.
func helpKeys(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				out = append(out, b)
			}
		}
	}
	return out
}

// covers reports whether the keys of shown include every key of all.
func covers(shown, all []key.Binding) bool {
	have := map[string]bool{}
	for _, b := range shown {
		for _, k := range b.Keys() {
			have[k] = true
		}
	}
	for _, b := range all {
		for _, k := range b.Keys() {
			if !have[k] {
				return false
			}
		}
	}
	return true
}

// relabelHelp returns the bindings with the help of "?" saying desc.
func relabelHelp(bs []key.Binding, desc string) []key.Binding {
	out := slices.Clone(bs)
	for i, b := range out {
		if slices.Contains(b.Keys(), "?") {
			out[i].SetHelp(b.Help().Key, desc)
		}
	}
	return out
}

// body draws the current screen in width x height, without the footer.
func (m Model) body(width, height int) string {
	switch m.screen {
	case loadingScreen:
		return m.st.subtle.Render("Opening your journal…")
	case fatalScreen:
		return m.fatalView()
	case checkinScreen:
		return m.form.View(m.st, width, height)
	case dashboardScreen:
		return m.dash.View(m.st, width, height)
	case historyScreen:
		return m.hist.View(m.st, width, height)
	case meterScreen:
		return m.day.View(m.st, width, height)
	case trendsScreen:
		return m.trends.View(m.st, width, height)
	case yearScreen:
		return m.year.View(m.st, width, height)
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
