package tui

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	xgolden "github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/laceup/laceup/slump"
)

// A terminal the tests render for: a colour profile and a background.
type terminal struct {
	name    string
	profile termenv.Profile
	dark    bool
}

// terminals are the six a runner may have: truecolor, 256 and 16 colours,
// each on a dark and a light background.
var terminals = []terminal{
	{"truecolor_dark", termenv.TrueColor, true}, {"truecolor_light", termenv.TrueColor, false},
	{"ansi256_dark", termenv.ANSI256, true}, {"ansi256_light", termenv.ANSI256, false},
	{"ansi16_dark", termenv.ANSI, true}, {"ansi16_light", termenv.ANSI, false},
}

var levels = []slump.Level{slump.LevelOK, slump.LevelWatch, slump.LevelSlump, slump.LevelUnknown}

// stylesFor builds a theme's styles as a terminal of that profile and
// background would get them.
func stylesFor(theme string, term terminal) styles {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(term.profile))
	r.SetColorProfile(term.profile)
	r.SetHasDarkBackground(term.dark)
	return newStyles(r, theme)
}

// sgrColour is a foreground colour as an SGR sequence sets it: the profile's
// form and value, such as "256:130", "16:9" or "rgb:#b26b00".
type sgrColour string

var sgrSeq = regexp.MustCompile("\x1b\\[([0-9;]*)m")

// foreground returns the foreground colour that the SGR sequences of s set
// (the last one), and false when none sets one.
func foreground(t *testing.T, s string) (sgrColour, bool) {
	t.Helper()
	var fg sgrColour
	for _, m := range sgrSeq.FindAllStringSubmatch(s, -1) {
		ps := strings.Split(m[1], ";")
		for i := 0; i < len(ps); i++ {
			n, err := strconv.Atoi(ps[i])
			if err != nil {
				continue
			}
			switch {
			case n == 38 && i+2 < len(ps) && ps[i+1] == "5":
				fg = sgrColour("256:" + ps[i+2])
				i += 2
			case n == 38 && i+4 < len(ps) && ps[i+1] == "2":
				r, _ := strconv.Atoi(ps[i+2])
				g, _ := strconv.Atoi(ps[i+3])
				b, _ := strconv.Atoi(ps[i+4])
				fg = sgrColour(fmt.Sprintf("rgb:#%02x%02x%02x", r, g, b))
				i += 4
			case n >= 30 && n <= 37:
				fg = sgrColour(fmt.Sprintf("16:%d", n-30))
			case n >= 90 && n <= 97:
				fg = sgrColour(fmt.Sprintf("16:%d", n-90+8))
			}
		}
	}
	return fg, fg != ""
}

// xterm16 is xterm's default 16-colour palette: a 16-colour terminal picks
// its own, so the tests only use it where they must guess.
var xterm16 = [16]string{
	"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
	"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
}

// rgb is the colour an SGR colour shows on xterm.
func (c sgrColour) rgb(t *testing.T) [3]float64 {
	t.Helper()
	kind, v, _ := strings.Cut(string(c), ":")
	switch kind {
	case "rgb":
		return hexRGB(t, v)
	case "16":
		n, _ := strconv.Atoi(v)
		return hexRGB(t, xterm16[n])
	}
	n, _ := strconv.Atoi(v)
	switch {
	case n < 16:
		return hexRGB(t, xterm16[n])
	case n < 232: // the 6x6x6 cube
		step := func(i int) float64 {
			if i == 0 {
				return 0
			}
			return float64(55 + 40*i)
		}
		n -= 16
		return [3]float64{step(n / 36), step(n / 6 % 6), step(n % 6)}
	default: // the grey ramp
		g := float64(8 + 10*(n-232))
		return [3]float64{g, g, g}
	}
}

func hexRGB(t *testing.T, hex string) [3]float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad colour %q", hex)
	}
	return [3]float64{float64(v >> 16), float64(v >> 8 & 0xff), float64(v & 0xff)}
}

// linear is an sRGB channel (0-255) in linear light (0-1).
func linear(c float64) float64 {
	c /= 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// luminance is WCAG 2's relative luminance.
func luminance(c [3]float64) float64 {
	return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
}

// contrast is WCAG 2's contrast ratio, from 1 to 21.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// lab is CIE L*a*b* (D65) of linear RGB.
func lab(l [3]float64) [3]float64 {
	x := (0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047
	y := 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	z := (0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// vision maps linear RGB to what a viewer sees: normal vision, or the
// dichromacies of Machado, Oliveira & Fernandes 2009 (severity 1.0,
// https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html).
type vision struct {
	name string
	m    [3][3]float64
}

var visions = []vision{
	{"normal", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
}

func (v vision) see(c [3]float64) [3]float64 {
	l := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	var out [3]float64
	for i := range 3 {
		out[i] = min(1, max(0, v.m[i][0]*l[0]+v.m[i][1]*l[1]+v.m[i][2]*l[2]))
	}
	return lab(out)
}

// deltaE is the CIE76 colour difference: about 2.3 is just noticeable;
// colours 20 apart are told apart at a glance.
func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

var (
	white = [3]float64{255, 255, 255}
	black = [3]float64{0, 0, 0}
)

func background(term terminal) [3]float64 {
	if term.dark {
		return black
	}
	return white
}

// TestLevelColoursDiffer renders every level under every profile and
// background, reads the colour from the escape codes, and wants the four
// levels apart: different codes; in 16 colours different hues (never red
// and bright red, whose look the terminal decides); in 256 colours and
// truecolor far apart to the eye (and, in the colour-blind theme, for
// protan and deutan vision too) and readable on the background.
func TestLevelColoursDiffer(t *testing.T) {
	for _, theme := range Themes() {
		for _, term := range terminals {
			t.Run(theme+"/"+term.name, func(t *testing.T) {
				st := stylesFor(theme, term)
				fg := map[slump.Level]sgrColour{}
				for _, l := range levels {
					c, ok := foreground(t, st.level[l].Render(string(l)))
					if !ok {
						t.Fatalf("%s renders without a colour", l)
					}
					fg[l] = c
				}
				for i, a := range levels {
					for _, b := range levels[i+1:] {
						if fg[a] == fg[b] {
							t.Errorf("%s and %s are both %s", a, b, fg[a])
							continue
						}
						if term.profile == termenv.ANSI {
							na, _ := strconv.Atoi(strings.TrimPrefix(string(fg[a]), "16:"))
							nb, _ := strconv.Atoi(strings.TrimPrefix(string(fg[b]), "16:"))
							if na%8 == nb%8 {
								t.Errorf("%s (%s) and %s (%s) are one hue, normal and bright", a, fg[a], b, fg[b])
							}
							continue
						}
						for _, v := range visions {
							if v.name != "normal" && theme != ThemeColorblind {
								continue
							}
							if d := deltaE(v.see(fg[a].rgb(t)), v.see(fg[b].rgb(t))); d < 20 {
								t.Errorf("%s (%s) and %s (%s) are too alike for %s vision: ΔE %.1f < 20", a, fg[a], b, fg[b], v.name, d)
							}
						}
					}
				}
				if term.profile == termenv.ANSI {
					return
				}
				for _, l := range levels {
					if c := contrast(fg[l].rgb(t), background(term)); c < 3 {
						t.Errorf("%s (%s) has contrast %.2f:1 on the background, want 3:1 (bold text)", l, fg[l], c)
					}
				}
			})
		}
	}
}

// TestHintsReadable wants hint text (the muted lines, the key help, an
// unknown level) readable on both backgrounds: 4.5:1 (WCAG AA) in
// truecolor and 256 colours; in 16 colours, where the terminal picks the
// colour, a slot that is dark on xterm's palette (3.5:1 on white), never
// white, grey 7 or yellow on a light background.
func TestHintsReadable(t *testing.T) {
	for _, theme := range Themes() {
		for _, term := range terminals {
			t.Run(theme+"/"+term.name, func(t *testing.T) {
				st := stylesFor(theme, term)
				hints := map[string]lipgloss.Style{
					"subtle": st.subtle, "missing": st.missing, "unknown": st.level[slump.LevelUnknown],
					"help key": st.help.ShortKey, "help text": st.help.ShortDesc, "help separator": st.help.ShortSeparator,
					"full help text": st.help.FullDesc, "help ellipsis": st.help.Ellipsis,
				}
				want := 4.5
				if term.profile == termenv.ANSI {
					want = 3.5
				}
				for name, style := range hints {
					c, ok := foreground(t, style.Render("hint"))
					if !ok {
						continue // the terminal's own text colour
					}
					if r := contrast(c.rgb(t), background(term)); r < want {
						t.Errorf("%s (%s) has contrast %.2f:1 on the background, want %.1f:1", name, c, r, want)
					}
				}
			})
		}
	}
}

// TestNoColor: NO_COLOR (the Ascii profile) drops every escape code, and
// the screens still say the level in words and mark the weeks outside the
// rules with "!".
func TestNoColor(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	r.SetColorProfile(termenv.Ascii)
	for _, theme := range Themes() {
		st := newStyles(r, theme)
		for _, l := range levels {
			if got := st.level[l].Render(string(l)); got != string(l) {
				t.Errorf("%s: level %s renders as %q without colour", theme, l, got)
			}
		}
		s := colourSession(t, theme, slumpWeek(), st)
		v := s.view()
		assertContains(t, v, "SLUMP")
		s = colourSession(t, theme, twelveWeeks(), st)
		v += s.send(tea.WindowSizeMsg{Width: 120, Height: 40}).keys("t").view()
		// The legend names every level; "!" marks what is outside a rule.
		assertContains(t, v, "ok", "watch", "slump", "? unknown", "!")
		if strings.Contains(v, "\x1b") {
			t.Errorf("%s: an escape code without colour:\n%q", theme, v)
		}
	}
}

func TestThemes(t *testing.T) {
	if got, want := Themes(), []string{ThemeColorblind, ThemeDefault}; !slices.Equal(got, want) {
		t.Errorf("Themes() = %v, want %v", got, want)
	}
	// An unknown theme (settings refuses one) is the default.
	term := terminals[3]
	a, b := stylesFor("solarized", term), stylesFor(ThemeDefault, term)
	for _, l := range levels {
		if a.level[l].Render("x") != b.level[l].Render("x") {
			t.Errorf("an unknown theme's %s differs from the default's", l)
		}
	}
}

// colourSession is a session on the days, drawn with st.
func colourSession(t *testing.T, theme string, days []slump.Checkin, st styles) *session {
	t.Helper()
	s := newSession(t, newFakeJournal(days...), Options{Theme: theme})
	if s.m.screen == checkinScreen {
		s.keys("esc")
	}
	s.m.st, s.m.help.Styles = st, st.help
	return s
}

// TestColourGoldens keeps the slump dashboard and the twelve weeks of
// trends (every level, the legend, the key help) as each terminal gets
// them, escape codes and all; no_color is NO_COLOR. Regenerate with
// `go test ./tui -run TestColourGoldens -update` and read the diff.
func TestColourGoldens(t *testing.T) {
	type run struct {
		name, theme string
		st          styles
	}
	var runs []run
	for _, theme := range Themes() {
		for _, term := range terminals {
			runs = append(runs, run{theme + "_" + term.name, theme, stylesFor(theme, term)})
		}
	}
	ascii := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	ascii.SetColorProfile(termenv.Ascii)
	runs = append(runs, run{"no_color", ThemeDefault, newStyles(ascii, ThemeDefault)})
	for _, r := range runs {
		t.Run(r.name+"_dashboard_slump_80x24", func(t *testing.T) {
			s := colourSession(t, r.theme, slumpWeek(), r.st)
			xgolden.RequireEqualEscape(t, []byte(s.view()), true)
		})
		t.Run(r.name+"_trends_120x40", func(t *testing.T) {
			s := colourSession(t, r.theme, twelveWeeks(), r.st)
			s.send(tea.WindowSizeMsg{Width: 120, Height: 40}).keys("t")
			xgolden.RequireEqualEscape(t, []byte(s.view()), true)
		})
	}
}

// In 16 colours the terminal's palette decides every slot, and some make
// a grey of one: bright black (8) is Solarized dark's background, white
// (7) a light terminal's. Hint text (the muted lines, the key help, "·"
// for a day without a check-in) is then the text colour, faint; an
// unknown level is the text's own slot (7 on dark, 0 on light); and the
// gauge's empty cells are ░ in the text colour, which no palette hides.
func TestSixteenColoursStayVisible(t *testing.T) {
	for _, theme := range Themes() {
		for _, term := range terminals {
			if term.profile != termenv.ANSI {
				continue
			}
			t.Run(theme+"/"+term.name, func(t *testing.T) {
				st := stylesFor(theme, term)
				hidden := map[bool]map[string]bool{ // slots that a common palette makes the background, or a grey on it
					true:  {"16:0": true, "16:8": true},
					false: {"16:7": true, "16:15": true, "16:8": true},
				}[term.dark]
				for name, style := range map[string]lipgloss.Style{
					"subtle": st.subtle, "missing": st.missing, "help text": st.help.ShortDesc,
					"help separator": st.help.ShortSeparator, "full help text": st.help.FullDesc,
					"full help separator": st.help.FullSeparator, "help ellipsis": st.help.Ellipsis,
				} {
					if c, ok := foreground(t, style.Render("hint")); ok {
						t.Errorf("%s is palette slot %s, want the text colour", name, c)
					}
					if !style.GetFaint() {
						t.Errorf("%s is not faint: it would read as body text", name)
					}
				}
				for name, style := range map[string]lipgloss.Style{
					"unknown": st.level[slump.LevelUnknown], "gauge's empty cells": st.gaugeOff,
					"help key": st.help.ShortKey, "label": st.label,
				} {
					if c, ok := foreground(t, style.Render("x")); ok && hidden[string(c)] {
						t.Errorf("%s is slot %s, which a common palette hides on this background", name, c)
					}
				}
			})
		}
	}
}

// The gauge of an unknown reading is all empty cells: ░, visible without
// colour, and in 256 colours and truecolor told apart from the background.
func TestGaugeEmptyCellsVisible(t *testing.T) {
	v := meterView{reading: slump.Reading{Date: today, Level: slump.LevelUnknown}}
	for _, theme := range Themes() {
		for _, term := range terminals {
			st := stylesFor(theme, term)
			g := v.gauge(st, 76)
			if plain := ansi.Strip(g); !strings.Contains(plain, strings.Repeat("░", 40)) {
				t.Errorf("%s/%s: the empty gauge is %q, want 40 ░", theme, term.name, plain)
			}
			c, ok := foreground(t, st.gaugeOff.Render("░"))
			switch {
			case term.profile == termenv.ANSI && ok:
				t.Errorf("%s/%s: the gauge's empty cells are slot %s, want the text colour", theme, term.name, c)
			case term.profile != termenv.ANSI && (!ok || contrast(c.rgb(t), background(term)) < 1.4):
				t.Errorf("%s/%s: the gauge's empty cells (%s) barely differ from the background", theme, term.name, c)
			}
		}
	}
}
