package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// dashboardModel shows the slump meter of today: the gauge, the signals
// that moved it, the tip, and the last 7 days at a glance.
type dashboardModel struct {
	sh      shared
	reading slump.Reading
	snap    slump.Snapshot // what the reading was computed from: the day strip, today's answers, the streaks
	keys    dashboardKeys
}

func newDashboardModel(sh shared) dashboardModel {
	return dashboardModel{sh: sh, keys: defaultDashboardKeys()}
}

func (d dashboardModel) withData(msg dashboardLoadedMsg) dashboardModel {
	d.reading, d.snap = msg.reading, msg.snapshot
	return d
}

// Update handles the dashboard's keys.
func (d dashboardModel) Update(msg tea.Msg) (dashboardModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.keys.Quit):
		return d, tea.Quit
	case key.Matches(k, d.keys.Help):
		return d, send(toggleHelpMsg{})
	case key.Matches(k, d.keys.Checkin):
		// Load the day afresh: the dashboard may date from before midnight.
		return d, loadDay(d.sh, d.sh.today())
	case key.Matches(k, d.keys.History):
		return d, send(showMsg{screen: historyScreen})
	case key.Matches(k, d.keys.Trends):
		return d, send(showMsg{screen: trendsScreen})
	}
	return d, nil
}

// View draws the dashboard in the given width and height. On a short
// terminal it first leaves out today's answers (the day strip shows them in
// brief) and the training load, then the blank lines between sections, then
// the weakest signals (laceup meter lists them all).
func (d dashboardModel) View(st styles, width, height int) string {
	r := d.reading
	header := st.title.Render("laceup") + st.subtle.Render(" · "+r.Date.Time().Format("Monday 2 January 2006")) +
		d.streakView(st)
	top := header + "\n" + d.gaugeView(st, width) + "\n" + lipgloss.NewStyle().Width(max(20, width)).Render(r.Headline)
	layout := func(optional, rows int, sep string) string {
		sections := []string{top}
		if b := d.breakView(st, width); b != "" {
			sections = append(sections, b)
		}
		if r.Level != slump.LevelUnknown { // the headline says why there is nothing to read
			sections = append(sections, d.signalsView(st, width, rows))
		}
		sections = append(sections, d.tipView(st, width), d.weekView(st, width))
		// Optional, least important last.
		sections = append(sections, nonEmpty([]string{d.todayView(st, width), d.loadView(st, width)}[:optional])...)
		return strings.Join(sections, sep)
	}
	rows := len(r.Signals) + len(r.Hints)
	for optional := 2; optional >= 0; optional-- {
		if out := layout(optional, rows, "\n\n"); lipgloss.Height(out) <= height {
			return out
		}
	}
	for n := rows; n > 0; n-- {
		if out := layout(0, n, "\n"); lipgloss.Height(out) <= height {
			return out
		}
	}
	return layout(0, 1, "\n")
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// breakView shows, during and after a break taken in a deep slump, the
// meter, mood and motivation before it and now, so the runner can see
// whether it helped.
func (d dashboardModel) breakView(st styles, width int) string {
	b := d.reading.Break
	if b == nil {
		return ""
	}
	state := fmt.Sprintf("%d rest %s so far", b.Days, report.Days(b.Days))
	if !b.Ongoing {
		state = fmt.Sprintf("%d rest %s, %s – %s", b.Days, report.Days(b.Days),
			b.Start.Time().Format("2 Jan"), b.End.Time().Format("2 Jan"))
	}
	arrow := func(before, after string) string { return before + " → " + after }
	line := strings.Join([]string{
		"meter " + arrow(strconv.Itoa(b.Before.Score), strconv.Itoa(b.After.Score)),
		"mood " + arrow(report.Scale(b.Before.AvgMood), report.Scale(b.After.AvgMood)),
		"motivation " + arrow(report.Scale(b.Before.AvgMotivation), report.Scale(b.After.AvgMotivation)),
	}, " · ")
	return st.label.Render("Your break") + st.subtle.Render(" · "+state) + "\n" +
		lipgloss.NewStyle().PaddingLeft(2).Width(max(20, width)).Render(line)
}

// loadView is the training load of the last 7 days (Foster's session RPE:
// effort x minutes) and how it compares with the runner's last 4 weeks.
func (d dashboardModel) loadView(st styles, width int) string {
	m := d.reading.Metrics
	var parts []string
	if m.WeeklyLoad != nil {
		parts = append(parts, fmt.Sprintf("load %d", *m.WeeklyLoad))
	}
	if m.Monotony != nil {
		parts = append(parts, "monotony "+report.Monotony(*m.Monotony))
	}
	if m.Strain != nil {
		strain := "strain " + report.Strain(*m.Strain)
		if m.UsualStrain != nil {
			strain += " (usual " + report.Strain(*m.UsualStrain) + ")"
		}
		parts = append(parts, strain)
	}
	if m.ACWR != nil {
		parts = append(parts, "spike vs last 4 weeks ×"+report.Ratio(*m.ACWR))
	}
	var notes []string
	if m.LoadUnknownDays > 0 {
		notes = append(notes, fmt.Sprintf("%d %s without minutes: load unknown", m.LoadUnknownDays, report.Days(m.LoadUnknownDays)))
	}
	if m.ACWR != nil {
		notes = append(notes, "the ratio describes, it does not predict injury")
	}
	if len(parts) == 0 && len(notes) == 0 {
		return ""
	}
	w := lipgloss.NewStyle().Width(max(20, width))
	out := st.label.Render("Training load") + st.subtle.Render(" · effort × minutes, last 7 days")
	if len(parts) > 0 {
		out += "\n" + w.Render(strings.Join(parts, " · "))
	}
	if len(notes) > 0 {
		out += "\n" + w.Render(st.subtle.Render(strings.Join(notes, "; ")))
	}
	return out
}

// streakView is the check-in streak: consecutive days with a check-in (a
// rest day checked in counts) and the longest one.
func (d dashboardModel) streakView(st styles) string {
	streak, longest := d.snap.Streaks()
	if longest == 0 {
		return ""
	}
	out := st.subtle.Render(" · ") + st.label.Render(fmt.Sprintf("streak %d %s", streak, report.Days(streak)))
	if longest > streak {
		out += st.subtle.Render(fmt.Sprintf(" (longest %d)", longest))
	} else {
		out += st.subtle.Render(" (your longest)")
	}
	return out
}

// gaugeView is the meter as a bar with its score and level. A reading of
// unknown level (too few check-ins) gets an empty, neutral gauge and no
// score: never a green OK.
func (d dashboardModel) gaugeView(st styles, width int) string {
	r := d.reading
	barWidth := min(40, max(10, width-34))
	filled := (r.Score*barWidth + slump.MaxScore/2) / slump.MaxScore
	style := st.level[r.Level]
	if r.Tip.ID == slump.TipGetWell {
		style = st.level[slump.LevelUnknown] // advice paused: no green while you are unwell
	}
	score := fmt.Sprintf("%3d/100", r.Score)
	if r.Level == slump.LevelUnknown {
		filled, score = 0, "  ?/100"
	}
	bar := style.Render(strings.Repeat("█", filled)) + st.gaugeOff.Render(strings.Repeat("░", barWidth-filled))
	return fmt.Sprintf("%s  %s  %s %s",
		st.label.Render("Slump meter"), bar,
		style.Render(score),
		style.Render(strings.ToUpper(string(r.Level))))
}

// signalsView lists what moved the meter: the signs, then the causes, then
// the notes that move no points, at most rows of them (the strongest).
func (d dashboardModel) signalsView(st styles, width, rows int) string {
	r := d.reading
	title := st.label.Render("Why") + st.subtle.Render(fmt.Sprintf(" · %d of the last 7 days logged", r.Week.Checkins))
	lines := []string{title}
	var note string
	switch n := r.Week.Checkins; {
	case n == 0:
		note = "No check-ins in the last 7 days yet: the meter has nothing to go on."
	case r.Sparse():
		note = "The meter needs 3 check-ins in 7 days to see a pattern: until then it says nothing."
	case len(r.Signals) == 0 && len(r.Hints) == 0:
		note = "Nothing is pushing the meter up."
	}
	if note != "" {
		lines = append(lines, lipgloss.NewStyle().PaddingLeft(2).Width(max(20, width)).Render(st.subtle.Render(note)))
	}
	// Signs first, then causes, then the notes that move no points: each
	// line says which it is.
	row := func(kind, pts, detail string) string {
		text := lipgloss.NewStyle().Width(max(20, width-15)).Render(detail)
		return lipgloss.JoinHorizontal(lipgloss.Top, "  ", st.subtle.Render(fmt.Sprintf("%-5s", kind)), "  ", pts, "  ", text)
	}
	shown := r.Signals[:min(rows, len(r.Signals))] // strongest first
	for _, kind := range []string{slump.KindSign, slump.KindCause} {
		for _, s := range shown {
			if s.Kind == kind {
				lines = append(lines, row(kind, st.points.Render(fmt.Sprintf("+%2d", s.Points)), s.Detail))
			}
		}
	}
	for _, h := range r.Hints[:min(max(rows-len(shown), 0), len(r.Hints))] {
		lines = append(lines, row("note", "   ", h.Detail))
	}
	if hidden := len(r.Signals) + len(r.Hints) - rows; hidden > 0 {
		lines = append(lines, st.subtle.Render(fmt.Sprintf("  … and %d more: laceup meter lists them all", hidden)))
	}
	return strings.Join(lines, "\n")
}

func (d dashboardModel) tipView(st styles, width int) string {
	t := d.reading.Tip
	body := lipgloss.JoinVertical(lipgloss.Left,
		lipgloss.NewStyle().Width(max(20, width-4)).Render(t.Text),
		st.subtle.Width(max(20, width-4)).Render("— "+t.Source),
	)
	return st.label.Render("Tip · ") + st.tipTitle.Render(t.Title) + "\n" + st.tipBox.Render(body)
}

// weekView is a strip of the last 7 days (R = rest day, · = no check-in,
// hard efforts highlighted) and the week against the article's rules.
func (d dashboardModel) weekView(st styles, width int) string {
	r := d.reading
	cfg := d.sh.meter.Config()
	byDate := make(map[slump.Date]slump.Checkin, len(d.snap.Checkins))
	for _, c := range d.snap.Checkins {
		byDate[c.Date] = c
	}
	var days, efforts []string
	unwell := false
	for i := 6; i >= 0; i-- {
		day := r.Date.AddDays(-i)
		days = append(days, fmt.Sprintf("%3s", day.Time().Format("Mon")[:2]))
		c, ok := byDate[day]
		switch {
		case !ok:
			efforts = append(efforts, st.missing.Render(fmt.Sprintf("%3s", "·")))
		case c.DayType == slump.DaySick:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "S")))
			unwell = true
		case c.DayType == slump.DayInjured:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "I")))
			unwell = true
		case c.Effort == slump.RestEffort:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "R")))
		case cfg.IsHard(c.Effort) || c.DayType == slump.DayRace:
			efforts = append(efforts, st.hard.Render(fmt.Sprintf("%3d", c.Effort)))
		default:
			efforts = append(efforts, fmt.Sprintf("%3d", c.Effort))
		}
	}
	w := r.Week
	facts := []string{
		fmt.Sprintf("hard efforts %d/%d", w.HardEfforts, cfg.HardEffortsPerWeek),
		fmt.Sprintf("rest days %d/%d", w.RestDays, cfg.RestDaysPerWeek),
		"sleep " + report.Sleep(w.AvgSleepHours) + " h",
		"mood " + report.Scale(w.AvgMood),
		"motivation " + report.Scale(w.AvgMotivation),
	}
	if w.AvgLegs != nil {
		facts = append(facts, "legs "+report.Scale(w.AvgLegs))
	}
	legend := "   R rest day · · no check-in"
	if unwell {
		legend = "   R rest · S sick · I injured · · none"
	}
	minutes := ""
	if w.Minutes > 0 {
		minutes = st.subtle.Render(fmt.Sprintf("   %d min in all", w.Minutes))
	}
	return strings.Join([]string{
		st.label.Render("Last 7 days ") + st.subtle.Render(strings.Join(days, " ")+legend),
		st.subtle.Render("effort     ") + " " + strings.Join(efforts, " ") + minutes,
		lipgloss.NewStyle().Width(max(20, width)).Render(strings.Join(facts, " · ")),
	}, "\n")
}

func (d dashboardModel) todayView(st styles, width int) string {
	c := d.snap.Checkin()
	if c == nil {
		return st.label.Render("Today") + "  " + st.subtle.Render("no check-in yet: press c")
	}
	parts := []string{
		"mood " + strconv.Itoa(c.Mood),
		"motivation " + strconv.Itoa(c.Motivation),
		"sleep " + report.Hours(c.SleepHours) + " h",
		"effort " + strconv.Itoa(c.Effort),
	}
	if c.Legs != nil {
		parts = append(parts, "legs "+strconv.Itoa(*c.Legs))
	}
	if c.DayType != "" {
		parts = append(parts, string(c.DayType))
	}
	if c.Minutes != nil {
		parts = append(parts, strconv.Itoa(*c.Minutes)+" min")
	}
	if c.SleepQuality != nil {
		parts = append(parts, "sleep quality "+strconv.Itoa(*c.SleepQuality))
	}
	out := lipgloss.NewStyle().Width(max(20, width)).Render(st.label.Render("Today") + "  " + strings.Join(parts, " · "))
	if c.Note != "" {
		note := truncate(slump.Printable(c.Note, false), max(20, width-4))
		out += "\n  " + st.subtle.Render("“"+note+"”")
	}
	return out
}

// truncate cuts s to at most n cells, ending with an ellipsis when cut. It
// understands styled text, so no colour sequence is cut in half.
func truncate(s string, n int) string {
	return ansi.Truncate(s, n, "…")
}
