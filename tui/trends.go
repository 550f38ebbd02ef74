package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// trendWeeks is how many weeks the trends screen shows.
const trendWeeks = 12

// trendsModel shows the 12 weeks ending on a week: each week against the
// article's rules, and the meter of every day as a heat map.
type trendsModel struct {
	sh     shared
	last   slump.Week // the newest week shown
	today  slump.Date
	loaded bool
	weeks  []slump.WeekReading // the 12 weeks, oldest first, once loaded
	keys   trendsKeys
}

func newTrendsModel(sh shared, last slump.Week, today slump.Date) trendsModel {
	t := trendsModel{sh: sh, last: last, today: today, keys: defaultTrendsKeys()}
	latest := last == slump.WeekOf(today)
	t.keys.Next.SetEnabled(!latest)
	t.keys.Latest.SetEnabled(!latest)
	return t
}

func (t trendsModel) first() slump.Week { return t.last.AddWeeks(-(trendWeeks - 1)) }

// load reads the model's 12 weeks.
func (t trendsModel) load() tea.Cmd {
	last := t.last
	return loadWeeks(t.sh, t.first(), trendWeeks, t.today, func(ws []slump.WeekReading) tea.Msg {
		return trendsLoadedMsg{last: last, weeks: ws}
	})
}

func (t trendsModel) withData(msg trendsLoadedMsg) trendsModel {
	if msg.last != t.last {
		return t
	}
	t.loaded, t.weeks = true, msg.weeks
	return t
}

// Update handles the trends' keys, and moves the 12-week window itself.
func (t trendsModel) Update(msg tea.Msg) (trendsModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return t, nil
	}
	last := t.last
	switch {
	case key.Matches(k, t.keys.Quit):
		return t, tea.Quit
	case key.Matches(k, t.keys.Help):
		return t, send(toggleHelpMsg{})
	case key.Matches(k, t.keys.Back):
		return t, send(showMsg{screen: dashboardScreen})
	case key.Matches(k, t.keys.Prev):
		last = last.AddWeeks(-1)
	case key.Matches(k, t.keys.Next):
		last = last.AddWeeks(1)
	case key.Matches(k, t.keys.Latest):
		last = slump.WeekOf(t.sh.today())
	default:
		return t, nil
	}
	t = newTrendsModel(t.sh, last, t.sh.today())
	return t, t.load()
}

// View draws the trends in the given size. Wider terminals get wider week
// columns with the date each week starts; narrower ones fewer weeks, the
// newest kept (this week is never cut off). A short terminal loses the
// blank lines, then the legend, then the heat map, then the weeks' dates
// and the title.
func (t trendsModel) View(st styles, width, height int) string {
	cell := min(8, max(5, (width-labelWidth)/trendWeeks))
	n := min(trendWeeks, max(1, (width-labelWidth)/cell))
	first := t.last.AddWeeks(-(n - 1))
	title := fitFirst(width,
		st.title.Render("laceup")+st.subtle.Render(" · Trends · ")+
			st.label.Render(fmt.Sprintf("%s – %s", first, t.last))+
			st.subtle.Render(fmt.Sprintf(" · %s – %s", first.Start().Time().Format("2 Jan"), t.last.End().Time().Format("2 Jan 2006"))),
		st.title.Render("laceup")+st.subtle.Render(" · Trends · ")+st.label.Render(fmt.Sprintf("%s – %s", first, t.last)),
		st.subtle.Render("Trends · ")+st.label.Render(fmt.Sprintf("%s – %s", first, t.last)),
	)
	if !t.loaded {
		return title + "\n\n" + st.subtle.Render(fmt.Sprintf("Loading %d weeks…", trendWeeks))
	}
	from := trendWeeks - n // the first week shown, of the 12 loaded
	weekly, heat, legend := t.weekly(st, cell, from, true), t.heatmap(st, cell, from), t.legend(st, width)
	short := t.weekly(st, cell, from, false)
	fitness := strings.Join(t.fitnessRows(st, cell, from), "\n")
	var out string
	for _, sections := range [][]string{
		{title, weekly + "\n" + fitness, heat, legend}, {title, weekly + "\n" + fitness, heat}, {title, weekly, heat},
		{title, weekly + "\n" + fitness}, {title, weekly}, {title, short}, {short},
	} {
		for _, sep := range []string{"\n\n", "\n"} {
			if out = strings.Join(sections, sep); lipgloss.Height(out) <= height {
				return out
			}
		}
	}
	return out
}

const labelWidth = 14

// weekly is one row per measure, one column per week; a week outside the
// article's rule is highlighted. Wide cells get the date each week starts
// when dates is set.
func (t trendsModel) weekly(st styles, cell, from int, dates bool) string {
	header := fmt.Sprintf("%-*s", labelWidth, "")
	starts := header
	for i := from; i < trendWeeks; i++ {
		w := t.first().AddWeeks(i)
		header += fmt.Sprintf("%*s", cell, fmt.Sprintf("W%02d", w.Num))
		starts += fmt.Sprintf("%*s", cell, w.Start().Time().Format("2/1"))
	}
	lines := []string{st.subtle.Render(header)}
	if cell >= 7 && dates {
		lines = append(lines, st.subtle.Render(starts))
	}
	type row struct {
		label string
		cell  func(s slump.WeekSummary, v slump.Verdict) (bar float64, text string, bad bool, ok bool)
	}
	cfg := t.sh.meter.Config()
	// Each row's verdict is slump.Verdict's: a week still under way may yet
	// get its rest day.
	rows := []row{
		{fmt.Sprintf("hard ≤ %d", cfg.HardEffortsPerWeek), func(s slump.WeekSummary, v slump.Verdict) (float64, string, bool, bool) {
			return float64(s.HardEfforts) / 7, strconv.Itoa(s.HardEfforts), v.HardEfforts == slump.RuleMissed, s.Checkins > 0
		}},
		{fmt.Sprintf("rest ≥ %d", cfg.RestDaysPerWeek), func(s slump.WeekSummary, v slump.Verdict) (float64, string, bool, bool) {
			return float64(s.RestDays) / 7, strconv.Itoa(s.RestDays), v.RestDays == slump.RuleMissed, s.Checkins > 0
		}},
		{fmt.Sprintf("sleep h ≥ %g", cfg.SleepTargetHours), func(s slump.WeekSummary, v slump.Verdict) (float64, string, bool, bool) {
			if s.AvgSleepHours == nil {
				return 0, "", false, false
			}
			return (*s.AvgSleepHours - 4) / 6, report.Sleep(s.AvgSleepHours), v.Sleep == slump.RuleMissed, true
		}},
		{"mood", func(s slump.WeekSummary, v slump.Verdict) (float64, string, bool, bool) {
			if s.AvgMood == nil {
				return 0, "", false, false
			}
			return (*s.AvgMood - 1) / 4, report.Scale(s.AvgMood), v.LowMood, true
		}},
		{"motivation", func(s slump.WeekSummary, v slump.Verdict) (float64, string, bool, bool) {
			if s.AvgMotivation == nil {
				return 0, "", false, false
			}
			return (*s.AvgMotivation - 1) / 4, report.Scale(s.AvgMotivation), v.LowMotivation, true
		}},
		{"minutes", func(s slump.WeekSummary, _ slump.Verdict) (float64, string, bool, bool) {
			return float64(s.Minutes) / 600, minutesText(s.Minutes), false, s.Checkins > 0
		}},
	}
	for _, r := range rows {
		line := fmt.Sprintf("%-*s", labelWidth, r.label)
		for _, w := range t.weeks[from:] {
			bar, text, bad, ok := r.cell(w.Summary, w.Verdict)
			if !ok {
				line += st.missing.Render(fmt.Sprintf("%*s", cell, "·"))
				continue
			}
			line += trendCell(st, cell, spark(int(100*min(1, max(0, bar)))), text, bad)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// fitnessRows is the fitness, fatigue and form chart: each week's figures
// on its last day read (Sunday, or today), fitness and fatigue as bars
// against the highest of the weeks shown, form as a percentage of fitness
// with its band's mark (readable without colour): "!" in high_risk, "+"
// fresh or transition, "·" for a week whose fitness is still building.
func (t trendsModel) fitnessRows(st styles, cell, from int) []string {
	last := make([]*slump.Metrics, 0, trendWeeks)
	top := 0.0
	for _, w := range t.weeks[from:] {
		var m *slump.Metrics
		for i := range w.Days {
			if r := w.Days[i].Reading; r != nil && r.Metrics.Fitness != nil {
				m = &r.Metrics
			}
		}
		last = append(last, m)
		if m != nil {
			top = max(top, *m.Fitness, *m.Fatigue)
		}
	}
	row := func(label string, f func(m *slump.Metrics) (bar float64, text string, bad bool, ok bool)) string {
		line := fmt.Sprintf("%-*s", labelWidth, label)
		for _, m := range last {
			bar, text, bad, ok := 0.0, "", false, m != nil
			if ok {
				bar, text, bad, ok = f(m)
			}
			if !ok {
				line += st.missing.Render(fmt.Sprintf("%*s", cell, "·"))
				continue
			}
			line += trendCell(st, cell, spark(int(100*min(1, max(0, bar)))), text, bad)
		}
		return line
	}
	scale := func(v float64) float64 {
		if top <= 0 {
			return 0
		}
		return v / top
	}
	return []string{
		row("fitness", func(m *slump.Metrics) (float64, string, bool, bool) {
			return scale(*m.Fitness), fmt.Sprintf("%.0f", *m.Fitness), false, true
		}),
		row("fatigue", func(m *slump.Metrics) (float64, string, bool, bool) {
			return scale(*m.Fatigue), fmt.Sprintf("%.0f", *m.Fatigue), false, true
		}),
		row("form %", func(m *slump.Metrics) (float64, string, bool, bool) {
			if m.FormPercent == nil {
				return 0, "", false, false
			}
			text := report.Signed(*m.FormPercent)
			if b := *m.FormBand; b == slump.BandFresh || b == slump.BandTransition {
				text += "+"
			}
			// The bar: -50 % (or less) empty, +25 % (or more) full.
			return (*m.FormPercent + 50) / 75, text, *m.FormBand == slump.BandHighRisk, true
		}),
	}
}

// trendCell right-aligns a bar and its value in cell columns, always
// leaving a blank before it. A value outside the rule gets "!" (visible
// without colour too) and, where space is short, gives up its bar.
func trendCell(st styles, cell int, bar, text string, bad bool) string {
	if !bad {
		return fmt.Sprintf("%*s", cell, bar+text)
	}
	c := bar + text + "!"
	if lipgloss.Width(c) >= cell {
		c = text + "!"
	}
	return st.hard.Render(fmt.Sprintf("%*s", cell, c))
}

func minutesText(m int) string {
	if m >= 10000 {
		return fmt.Sprintf("%dk", m/1000)
	}
	return strconv.Itoa(m)
}

// heatmap is the meter of every day: a row per weekday, a column per week
// from the from-th of the 12.
func (t trendsModel) heatmap(st styles, cell, from int) string {
	lines := []string{st.label.Render("Meter per day")}
	for d := range 7 {
		name := t.first().Start().AddDays(d).Time().Format("Mon")
		line := fmt.Sprintf("%-*s", labelWidth, "  "+name)
		for i := from; i < trendWeeks; i++ {
			day := t.weeks[i].Days[d]
			switch r := day.Reading; {
			case day.Future(t.today):
				line += strings.Repeat(" ", cell)
			case r == nil:
				line += st.missing.Render(fmt.Sprintf("%*s", cell, "·"))
			case r.Level == slump.LevelUnknown:
				line += st.level[r.Level].Render(fmt.Sprintf("%*s", cell, "?"))
			default:
				line += st.level[r.Level].Render(fmt.Sprintf("%*s", cell, spark(r.Score)+strconv.Itoa(r.Score)))
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// legend says what the marks and colours mean, in one line, or wrapped
// between its items on a narrow terminal.
func (t trendsModel) legend(st styles, width int) string {
	line := st.subtle.Render("! outside the rule · meter: ") +
		st.level[slump.LevelOK].Render("ok") + st.subtle.Render(" · ") +
		st.level[slump.LevelWatch].Render("watch") + st.subtle.Render(" · ") +
		st.level[slump.LevelSlump].Render("slump") + st.subtle.Render(" · ") +
		st.level[slump.LevelUnknown].Render("? unknown") + st.subtle.Render(" · · no check-in")
	form := st.subtle.Render("form %: ! high risk · + fresh · · fitness still building (90 days)")
	if lipgloss.Width(form) > width {
		form = st.subtle.Render("form %: ! high risk · + fresh")
	}
	if lipgloss.Width(line) <= width {
		return line + "\n" + form
	}
	return wrapItems([]string{
		st.subtle.Render("! outside the rule"),
		st.subtle.Render("meter: ") + st.level[slump.LevelOK].Render("ok"),
		st.level[slump.LevelWatch].Render("watch"),
		st.level[slump.LevelSlump].Render("slump"),
		st.level[slump.LevelUnknown].Render("? unknown"),
		st.subtle.Render("· no check-in"),
	}, st.subtle.Render(" · "), width) + "\n" + form
}
