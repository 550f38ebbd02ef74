package tui

import (
	"sort"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/laceup/laceup/slump"
)

// styles holds every look of the UI, built once. No colour literal appears
// outside this file.
//
// Colours are chosen per profile and background, never left to lipgloss's
// nearest-colour guess (which gave watch and slump the same colour in 256
// colours on light terminals, and bright red for both in 16 colours): each
// role has an exact truecolor, 256-colour and 16-colour value for light and
// dark terminals, and the four levels (ok, watch, slump, unknown) differ in
// every one of the six (tui/styles_test.go checks it). Meaning never rests
// on colour alone: the level words, the `!` marks and the symbols say it
// too, and with NO_COLOR set (or on a terminal without colour) lipgloss
// drops the colours and every screen still makes sense.
type styles struct {
	app      lipgloss.Style // outer padding of every screen
	title    lipgloss.Style
	subtle   lipgloss.Style // hints, units, secondary text: readable on light and dark
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
	help     help.Styles                    // the key help under every screen
}

// The themes a runner may choose with `theme` in config.toml.
const (
	ThemeDefault    = "default"
	ThemeColorblind = "colorblind"
)

// Themes lists the names New knows, sorted.
func Themes() []string {
	names := make([]string, 0, len(themes))
	for name := range themes {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// palette is a theme: one colour per role. unknown is neutral, bold.
type palette struct {
	subtle, neutral, accent, faint, ok, watch, slump lipgloss.CompleteAdaptiveColor
}

// tone is one role's colour: truecolor, 256-colour and 16-colour values on
// a light background, then the same on a dark one.
func tone(lightTrue, light256, light16, darkTrue, dark256, dark16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: lightTrue, ANSI256: light256, ANSI: light16},
		Dark:  lipgloss.CompleteColor{TrueColor: darkTrue, ANSI256: dark256, ANSI: dark16},
	}
}

// The 16-colour values are palette slots, whose colours the terminal
// decides: the levels use four different hues (never red and bright red),
// the normal rather than the bright slots (which some palettes, such as
// Solarized, use for greys: its bright black is the dark background), and
// no yellow on light backgrounds (xterm's yellow on white is unreadable).
// The neutral of an unknown level is the slot of the text colour: 7 on
// dark, 0 on light. Hint text and the gauge's empty cells take no slot at
// all in 16 colours (see newStyles). Hint text on light backgrounds is at
// least 4.5:1 against white in truecolor and 256 colours (WCAG AA).
var (
	subtle  = tone("#6B6B6B", "242", "", "#8A8A8A", "245", "")
	neutral = tone("#6B6B6B", "242", "0", "#8A8A8A", "245", "7")
	accent  = tone("#5A3FD6", "56", "4", "#9D8CFF", "141", "5")
	faint   = tone("#D0D0D0", "252", "", "#3A3A3A", "237", "")

	themes = map[string]palette{
		ThemeDefault: {
			subtle: subtle, neutral: neutral, accent: accent, faint: faint,
			ok:    tone("#1E8A3C", "28", "2", "#4FD67A", "78", "2"),
			watch: tone("#B26B00", "130", "5", "#F2B53A", "214", "3"),
			slump: tone("#C0312B", "160", "1", "#FF6B5E", "203", "1"),
		},
		// Blue for ok, yellow-orange for watch, vermilion for slump: the
		// hues of Okabe & Ito's colour-universal-design palette (Okabe M,
		// Ito K, "Color Universal Design (CUD): how to make figures and
		// presentations that are friendly to colorblind people", 2008,
		// https://jfly.uni-koeln.de/color/), which stay apart for protan and
		// deutan vision: blue against yellows that differ in lightness. On
		// light backgrounds the orange and vermilion are darkened to read
		// on white. No green, and no red against green, in any profile.
		ThemeColorblind: {
			subtle: subtle, neutral: neutral, accent: accent, faint: faint,
			ok:    tone("#0072B2", "25", "4", "#56B4E9", "74", "6"),
			watch: tone("#A88400", "136", "5", "#F0E442", "221", "3"),
			slump: tone("#9E2A00", "124", "1", "#D55E00", "166", "1"),
		},
	}
)

// newStyles builds the styles of a theme for the terminal of r: its colour
// profile (truecolor, 256, 16 or none) and background. An unknown theme is
// the default one; store/settings refuses other names.
func newStyles(r *lipgloss.Renderer, theme string) styles {
	p, ok := themes[theme]
	if !ok {
		p = themes[ThemeDefault]
	}
	hint := r.NewStyle().Foreground(p.subtle)
	gaugeOff := r.NewStyle().Foreground(p.faint)
	if r.ColorProfile() == termenv.ANSI {
		// The terminal picks the 16 colours, and no slot is a grey that
		// reads on every palette (bright black is Solarized's background,
		// white is a light terminal's): hints are the text colour, faint,
		// and the gauge's empty cells the text colour, told apart by ░.
		hint = r.NewStyle().Faint(true)
		gaugeOff = r.NewStyle()
	}
	return styles{
		app:      r.NewStyle().Padding(1, 2),
		title:    r.NewStyle().Bold(true).Foreground(p.accent),
		subtle:   hint,
		label:    r.NewStyle().Bold(true),
		value:    r.NewStyle().Bold(true),
		selected: r.NewStyle().Bold(true).Foreground(p.accent),
		errText:  r.NewStyle().Foreground(p.slump),
		okText:   r.NewStyle().Foreground(p.ok),
		tipTitle: r.NewStyle().Bold(true),
		tipBox: r.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).
			BorderForeground(p.accent).PaddingLeft(1),
		hard:     r.NewStyle().Bold(true).Foreground(p.slump),
		rest:     r.NewStyle().Foreground(p.ok),
		missing:  hint,
		points:   r.NewStyle().Foreground(p.watch),
		gaugeOff: gaugeOff,
		level: map[slump.Level]lipgloss.Style{
			slump.LevelOK:    r.NewStyle().Bold(true).Foreground(p.ok),
			slump.LevelWatch: r.NewStyle().Bold(true).Foreground(p.watch),
			slump.LevelSlump: r.NewStyle().Bold(true).Foreground(p.slump),
			// Too few check-ins to read: neutral, never the green of ok.
			slump.LevelUnknown: r.NewStyle().Bold(true).Foreground(p.neutral),
		},
		// bubbles' own help colours are a light grey on light terminals
		// (#B2B2B2, 2:1 on white): keys bold, descriptions as hints.
		help: help.Styles{
			ShortKey: r.NewStyle().Bold(true), ShortDesc: hint, ShortSeparator: hint,
			FullKey: r.NewStyle().Bold(true), FullDesc: hint, FullSeparator: hint,
			Ellipsis: hint,
		},
	}
}
