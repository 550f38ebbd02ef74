package tui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// styles holds every look of the UI, built once. Colours are adaptive, so
// the screens read on light and dark terminals; with NO_COLOR set lipgloss
// drops the colours and every screen still makes sense from its text and
// symbols alone. No colour literal appears outside this file.
type styles struct {
	app      lipgloss.Style // outer padding of every screen
	title    lipgloss.Style
	subtle   lipgloss.Style
	label    lipgloss.Style
	value    lipgloss.Style
	selected lipgloss.Style
	errText  lipgloss.Style
	okText   lipgloss.Style
	tipTitle lipgloss.Style
	tipBox   lipgloss.Style
	hard     lipgloss.Style
	rest     lipgloss.Style
	missing  lipgloss.Style
	points   lipgloss.Style
	gaugeOff lipgloss.Style
	level    map[slump.Level]lipgloss.Style // gauge fill and level badge
}

var (
	colorSubtle = lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	colorAccent = lipgloss.AdaptiveColor{Light: "#5A3FD6", Dark: "#9D8CFF"}
	colorOK     = lipgloss.AdaptiveColor{Light: "#1E8A3C", Dark: "#4FD67A"}
	colorWatch  = lipgloss.AdaptiveColor{Light: "#B26B00", Dark: "#F2B53A"}
	colorSlump  = lipgloss.AdaptiveColor{Light: "#C0312B", Dark: "#FF6B5E"}
	colorFaint  = lipgloss.AdaptiveColor{Light: "#D0D0D0", Dark: "#3A3A3A"}
)

func defaultStyles() styles {
	return styles{
		app:      lipgloss.NewStyle().Padding(1, 2),
		title:    lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		subtle:   lipgloss.NewStyle().Foreground(colorSubtle),
		label:    lipgloss.NewStyle().Bold(true),
		value:    lipgloss.NewStyle().Bold(true),
		selected: lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		errText:  lipgloss.NewStyle().Foreground(colorSlump),
		okText:   lipgloss.NewStyle().Foreground(colorOK),
		tipTitle: lipgloss.NewStyle().Bold(true),
		tipBox: lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).
			BorderForeground(colorAccent).PaddingLeft(1),
		hard:     lipgloss.NewStyle().Bold(true).Foreground(colorSlump),
		rest:     lipgloss.NewStyle().Foreground(colorOK),
		missing:  lipgloss.NewStyle().Foreground(colorSubtle),
		points:   lipgloss.NewStyle().Foreground(colorWatch),
		gaugeOff: lipgloss.NewStyle().Foreground(colorFaint),
		level: map[slump.Level]lipgloss.Style{
			slump.LevelOK:    lipgloss.NewStyle().Bold(true).Foreground(colorOK),
			slump.LevelWatch: lipgloss.NewStyle().Bold(true).Foreground(colorWatch),
			slump.LevelSlump: lipgloss.NewStyle().Bold(true).Foreground(colorSlump),
			// Too few check-ins to read: neutral, never the green of ok.
			slump.LevelUnknown: lipgloss.NewStyle().Bold(true).Foreground(colorSubtle),
		},
	}
}
