package tui

import "github.com/charmbracelet/bubbles/key"

// dashboardKeys are the keys of the dashboard. The help view lists exactly
// these, so it never shows a key that does nothing on this screen.
type dashboardKeys struct {
	Checkin key.Binding
	Help    key.Binding
	Quit    key.Binding
}

func defaultDashboardKeys() dashboardKeys {
	return dashboardKeys{
		Checkin: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "check in / edit today")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k dashboardKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Checkin, k.Help, k.Quit}
}

func (k dashboardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Checkin}, {k.Help, k.Quit}}
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

// fatalKeys: on the full-screen error, any key quits.
type fatalKeys struct{ Quit key.Binding }

func (k fatalKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Quit} }
func (k fatalKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Quit}} }
