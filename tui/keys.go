package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// dashboardKeys are the keys of the dashboard. The help view lists exactly
// these, so it never shows a key that does nothing on this screen.
type dashboardKeys struct {
	Checkin   key.Binding
	Yesterday key.Binding // only when today is checked in and yesterday is not
	Signals   key.Binding // the signals view and back; only when there are signals
	Scroll    scrollKeys
	History   key.Binding
	Trends    key.Binding
	Year      key.Binding
	Help      key.Binding
	Quit      key.Binding
}

// scrollKeys scroll the signals view, each only when there is more to see
// that way.
type scrollKeys struct {
	Up   key.Binding
	Down key.Binding
	Help key.Binding // help only: Up and Down in one entry
}

func defaultScrollKeys() scrollKeys {
	return scrollKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up"), key.WithDisabled()),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down"), key.WithDisabled()),
		Help: key.NewBinding(key.WithKeys("up", "k", "down", "j"), key.WithHelp("↑/↓", "scroll"), key.WithDisabled()),
	}
}

// update enables the keys that scroll v and words the help for them.
func (k *scrollKeys) update(v meterView) {
	up, down := v.canScroll(-1), v.canScroll(1)
	k.Up.SetEnabled(up)
	k.Down.SetEnabled(down)
	k.Help.SetEnabled(up || down)
	switch {
	case up && down:
		k.Help.SetKeys("up", "k", "down", "j")
		k.Help.SetHelp("↑/↓", "scroll")
	case up:
		k.Help.SetKeys("up", "k")
		k.Help.SetHelp("↑", "scroll")
	case down:
		k.Help.SetKeys("down", "j")
		k.Help.SetHelp("↓", "scroll")
	}
}

// scroll moves v one line the way k asks, and reports whether k is a
// scroll key.
func (k scrollKeys) scroll(msg tea.KeyMsg, v *meterView) bool {
	switch {
	case key.Matches(msg, k.Up):
		v.offset--
	case key.Matches(msg, k.Down):
		v.offset++
	default:
		return false
	}
	v.offset = max(0, min(v.offset, v.last))
	return true
}

func defaultDashboardKeys() dashboardKeys {
	return dashboardKeys{
		Checkin:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "check in")),
		Yesterday: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fill in yesterday")),
		Signals:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "all signals")),
		Scroll:    defaultScrollKeys(),
		History:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "history")),
		Trends:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "trends")),
		Year:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "year")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp leaves out f: the dashboard says it in words when it applies.
// While the signals view scrolls, its keys come first.
func (k dashboardKeys) ShortHelp() []key.Binding {
	if k.Scroll.Help.Enabled() {
		return []key.Binding{k.Scroll.Help, k.Signals, k.Checkin, k.History, k.Trends, k.Year, k.Help, k.Quit}
	}
	return []key.Binding{k.Checkin, k.Signals, k.History, k.Trends, k.Year, k.Help, k.Quit}
}

func (k dashboardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Checkin, k.Yesterday, k.Signals}, {k.Scroll.Up, k.Scroll.Down}, {k.History, k.Trends}, {k.Year}, {k.Help, k.Quit}}
}

// meterKeys are the keys of the meter of a day opened from the history.
type meterKeys struct {
	Signals key.Binding // the signals view and back; only when there are signals
	Scroll  scrollKeys
	Back    key.Binding
	Help    key.Binding
	Quit    key.Binding
}

func defaultMeterKeys() meterKeys {
	return meterKeys{
		Signals: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "all signals")),
		Scroll:  defaultScrollKeys(),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the week")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k meterKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Scroll.Help, k.Signals, k.Back, k.Help, k.Quit}
}

func (k meterKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Signals, k.Back}, {k.Scroll.Up, k.Scroll.Down}, {k.Help, k.Quit}}
}

// historyKeys are the keys of the weekly history. While a deletion waits
// for its answer only Yes and No are enabled.
type historyKeys struct {
	Prev     key.Binding
	Next     key.Binding
	ThisWeek key.Binding
	Up       key.Binding
	Down     key.Binding
	Week     key.Binding // help only: Prev and Next in one entry, when both apply
	Day      key.Binding // help only: Up and Down in one entry
	Edit     key.Binding
	Meter    key.Binding
	Delete   key.Binding // only on a day with a check-in
	Yes      key.Binding // only while a deletion waits for its answer
	No       key.Binding
	Back     key.Binding
	Help     key.Binding
	Quit     key.Binding
}

func defaultHistoryKeys() historyKeys {
	return historyKeys{
		Prev:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "prev week")),
		Next:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next week")),
		ThisWeek: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "this week")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous day")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next day")),
		Week:     key.NewBinding(key.WithKeys("left", "right", "h", "l"), key.WithHelp("←/→", "week")),
		Day:      key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "day")),
		Edit:     key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "edit")),
		Meter:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "meter")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete it"), key.WithDisabled()),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep it"), key.WithDisabled()),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp shows ←/→ in one entry only when there is a next week, and ←
// alone otherwise. On a narrow terminal the last keys give way first (the
// root keeps ?).
func (k historyKeys) ShortHelp() []key.Binding {
	week := k.Week
	if !k.Next.Enabled() {
		week = k.Prev
	}
	return []key.Binding{week, k.Edit, k.Meter, k.Delete, k.Back, k.Day, k.ThisWeek, k.Help, k.Yes, k.No}
}

func (k historyKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next, k.ThisWeek}, {k.Up, k.Down, k.Edit},
		{k.Meter, k.Delete, k.Back}, {k.Help, k.Quit}, {k.Yes, k.No}}
}

// trendsKeys are the keys of the 12-week trends.
type trendsKeys struct {
	Prev   key.Binding
	Next   key.Binding
	Latest key.Binding
	Back   key.Binding
	Help   key.Binding
	Quit   key.Binding
}

func defaultTrendsKeys() trendsKeys {
	return trendsKeys{
		Prev:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "earlier")),
		Next:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "later")),
		Latest: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "up to this week")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k trendsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Prev, k.Next, k.Latest, k.Back, k.Help}
}

func (k trendsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next, k.Latest}, {k.Back, k.Help, k.Quit}}
}

// yearKeys are the keys of the year at a glance. Next is disabled on this
// year, Prev on 1900.
type yearKeys struct {
	Prev key.Binding
	Next key.Binding
	Back key.Binding
	Help key.Binding
	Quit key.Binding
}

func defaultYearKeys() yearKeys {
	return yearKeys{
		Prev: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "earlier year")),
		Next: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "later year")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k yearKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Prev, k.Next, k.Back, k.Help}
}

func (k yearKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next}, {k.Back, k.Help, k.Quit}}
}

// formKeys are the keys of the check-in form.
type formKeys struct {
	Next   key.Binding
	Back   key.Binding
	Up     key.Binding
	Down   key.Binding
	Adjust key.Binding // help only: Up and Down in one entry
	Save   key.Binding
	Cancel key.Binding
	Quit   key.Binding
}

func defaultFormKeys() formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next")),
		Back:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Up:     key.NewBinding(key.WithKeys("up", "right"), key.WithHelp("↑/→", "more")),
		Down:   key.NewBinding(key.WithKeys("down", "left"), key.WithHelp("↓/←", "less")),
		Adjust: key.NewBinding(key.WithKeys("up", "down", "left", "right"), key.WithHelp("↑/↓", "adjust")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

func (k formKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Back, k.Adjust, k.Save, k.Cancel}
}

func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Back}, {k.Up, k.Down}, {k.Save, k.Cancel, k.Quit}}
}
