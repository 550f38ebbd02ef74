package tui

import "github.com/charmbracelet/bubbles/key"

// dashboardKeys are the keys of the dashboard. The help view lists exactly
// these, so it never shows a key that does nothing on this screen.
type dashboardKeys struct {
	Checkin   key.Binding
	Yesterday key.Binding // only when today is checked in and yesterday is not
	Signals   key.Binding // the signals view and back; only when there are signals
	History   key.Binding
	Trends    key.Binding
	Help      key.Binding
	Quit      key.Binding
}

func defaultDashboardKeys() dashboardKeys {
	return dashboardKeys{
		Checkin:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "check in")),
		Yesterday: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "fill in yesterday")),
		Signals:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "all signals")),
		History:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "history")),
		Trends:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "trends")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp leaves out y: the dashboard says it in words when it applies.
func (k dashboardKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Checkin, k.Signals, k.History, k.Trends, k.Help, k.Quit}
}

func (k dashboardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Checkin, k.Yesterday, k.Signals}, {k.History, k.Trends}, {k.Help, k.Quit}}
}

// meterKeys are the keys of the meter of a day opened from the history.
type meterKeys struct {
	Signals key.Binding // the signals view and back; only when there are signals
	Back    key.Binding
	Help    key.Binding
	Quit    key.Binding
}

func defaultMeterKeys() meterKeys {
	return meterKeys{
		Signals: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "all signals")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the week")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k meterKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Signals, k.Back, k.Help, k.Quit}
}

func (k meterKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Signals, k.Back}, {k.Help, k.Quit}}
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
