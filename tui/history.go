package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// historyModel is the weekly history: one ISO week, Monday to Sunday, as a
// grid of the days with the week summed up against the article's rules.
type historyModel struct {
	sh       shared
	week     slump.Week
	today    slump.Date
	loaded   bool
	wk       slump.WeekReading // the days (Monday first), the summary and the verdict, once loaded
	selected int               // 0 = Monday
	keys     historyKeys
}

// newHistoryModel shows week w as of today, with today (or the week's
// nearest day to it) selected.
func newHistoryModel(sh shared, w slump.Week, today slump.Date) historyModel {
	h := historyModel{sh: sh, week: w, today: today, keys: defaultHistoryKeys()}
	h.selected = min(6, max(0, today.DaysSince(w.Start())))
	h.updateKeys()
	return h
}

// load reads the model's week.
func (h historyModel) load() tea.Cmd {
	return loadWeeks(h.sh, h.week, 1, h.today, func(ws []slump.WeekReading) tea.Msg { return weekLoadedMsg{week: ws[0]} })
}

// withWeek fills the model from a load; a load for another week (the runner
// has moved on) is ignored.
func (h historyModel) withWeek(msg weekLoadedMsg) historyModel {
	if msg.week.Week != h.week {
		return h
	}
	h.loaded, h.wk = true, msg.week
	h.updateKeys()
	return h
}

// day returns the i-th day of the loaded week (0 = Monday).
func (h historyModel) day(i int) slump.Day {
	if !h.loaded {
		return slump.Day{Date: h.week.Start().AddDays(i)}
	}
	return h.wk.Days[i]
}

// selectedDate is the day the cursor is on.
func (h historyModel) selectedDate() slump.Date { return h.week.Start().AddDays(h.selected) }

// thisWeek reports whether the model shows the week of today.
func (h historyModel) thisWeek() bool { return h.week == slump.WeekOf(h.today) }

// move goes to another week as of today, keeping the same weekday selected
// (but never a day after today: the week is not loaded yet, so every day
// after today is future).
func (h historyModel) move(w slump.Week) historyModel {
	next := newHistoryModel(h.sh, w, h.sh.today())
	next.selected = h.selected
	if last := next.today.DaysSince(w.Start()); last < next.selected {
		next.selected = max(0, last)
	}
	next.updateKeys()
	return next
}

// Update handles the history's keys, and moves from week to week itself.
func (h historyModel) Update(msg tea.Msg) (historyModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return h, nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, h.keys.Quit):
		return h, tea.Quit
	case key.Matches(k, h.keys.Help):
		cmd = send(toggleHelpMsg{})
	case key.Matches(k, h.keys.Back):
		return h, send(showMsg{screen: dashboardScreen})
	case key.Matches(k, h.keys.Prev):
		h = h.move(h.week.AddWeeks(-1))
		return h, h.load()
	case key.Matches(k, h.keys.Next):
		h = h.move(h.week.AddWeeks(1))
		return h, h.load()
	case key.Matches(k, h.keys.ThisWeek):
		h = h.move(slump.WeekOf(h.sh.today()))
		return h, h.load()
	case key.Matches(k, h.keys.Up):
		h.selected = max(0, h.selected-1)
	case key.Matches(k, h.keys.Down):
		if h.selected < 6 && !h.day(h.selected+1).Future(h.sh.today()) {
			h.selected++
		}
	case key.Matches(k, h.keys.Edit):
		if !h.loaded {
			return h, nil
		}
		return h, send(editMsg{date: h.selectedDate(), checkin: h.wk.Days[h.selected].Checkin})
	}
	h.updateKeys()
	return h, cmd
}

// updateKeys disables the keys that would do nothing, so help never lies.
// The cursor and the form reach every day that is not future
// (slump.Day.Future): today, the days before it, and a day after it that
// holds a check-in (made in a time zone ahead), which can be read and edited.
func (h *historyModel) updateKeys() {
	h.keys.Next.SetEnabled(!h.thisWeek())
	h.keys.ThisWeek.SetEnabled(!h.thisWeek())
	h.keys.Edit.SetEnabled(!h.day(h.selected).Future(h.today))
}

// View draws the week in the given size. Wider terminals get more columns
// (sleep quality, the start of each note), not a stretched grid.
func (h historyModel) View(st styles, width, height int) string {
	start, end := h.week.Start(), h.week.End()
	title := st.title.Render("laceup") + st.subtle.Render(" · History · ") + st.label.Render(h.week.String()) +
		st.subtle.Render(fmt.Sprintf(" · %s – %s", start.Time().Format("Mon 2 Jan"), end.Time().Format("Mon 2 Jan 2006")))
	if !h.loaded {
		return title + "\n\n" + st.subtle.Render("Loading the week…")
	}
	wide := width >= 110
	blocks := []string{title, h.grid(st, wide, width), h.summaryView(st, width)}
	used := lipgloss.Height(strings.Join(blocks, "\n\n"))
	if note := h.noteView(st, width, height-used-2); note != "" {
		blocks = append(blocks, note)
	}
	return strings.Join(blocks, "\n\n")
}

func (h historyModel) grid(st styles, wide bool, width int) string {
	header := fmt.Sprintf("  %-10s %4s %6s %4s %6s %-9s %5s  %-11s", "Day", "Mood", "Motiv", "Legs", "Sleep", "Effort", "Min", "Meter")
	if wide {
		header += fmt.Sprintf(" %7s  %s", "Quality", "Note")
	}
	lines := []string{st.subtle.Render(header)}
	for i, day := range h.week.Days() {
		lines = append(lines, h.row(st, i, day, wide, width))
	}
	return strings.Join(lines, "\n")
}

func (h historyModel) row(st styles, i int, day slump.Date, wide bool, width int) string {
	marker, dayStyle := "  ", lipgloss.NewStyle()
	if i == h.selected {
		marker, dayStyle = st.selected.Render("› "), st.selected
	}
	name := dayStyle.Render(fmt.Sprintf("%-10s", day.Time().Format("Mon 2 Jan")))
	c := h.day(i).Checkin
	switch {
	case h.day(i).Future(h.today):
		return marker + name + st.missing.Render("  future")
	case c == nil:
		return marker + name + st.missing.Render(fmt.Sprintf(" %4s %6s %4s %6s %-9s %5s  %-11s", "·", "·", "·", "·", "·", "·", "no check-in"))
	}
	cfg := h.sh.meter.Config()
	effort := report.Effort(c.Effort, cfg)
	if c.DayType != "" {
		effort = fmt.Sprintf("%d %s", c.Effort, c.DayType)
	}
	effort = fmt.Sprintf("%-9s", effort)
	switch {
	case c.Effort == slump.RestEffort || c.DayType.Unwell():
		effort = st.rest.Render(effort)
	case cfg.IsHard(c.Effort) || c.DayType == slump.DayRace:
		effort = st.hard.Render(effort)
	}
	line := marker + name + fmt.Sprintf(" %4d %6d %4s %6s ", c.Mood, c.Motivation, report.Optional(c.Legs), report.Hours(c.SleepHours)) +
		effort + fmt.Sprintf(" %5s  ", report.Optional(c.Minutes)) + h.meterCell(st, i)
	if wide {
		line += fmt.Sprintf(" %7s  ", report.Optional(c.SleepQuality))
		if c.Note != "" {
			line += st.subtle.Render(truncate(slump.Printable(c.Note, false), max(10, width-lipgloss.Width(line))))
		}
	}
	return line
}

// meterCell is a day's score coloured by its level, padded to 11 cells; a
// day whose week had too few check-ins is unknown, with no score.
func (h historyModel) meterCell(st styles, i int) string {
	r := h.day(i).Reading
	switch {
	case r == nil:
		return fmt.Sprintf("%-11s", "")
	case r.Level == slump.LevelUnknown:
		return st.level[r.Level].Render(fmt.Sprintf("%3s %-7s", "?", r.Level))
	}
	return st.level[r.Level].Render(fmt.Sprintf("%3d %-7s", r.Score, r.Level))
}

// summaryView compares the week with the article's rules, as
// slump.Verdict judges it: ✓ met, ✗ missed, nothing while it may yet be
// met.
func (h historyModel) summaryView(st styles, width int) string {
	s, v, cfg := h.wk.Summary, h.wk.Verdict, h.sh.meter.Config()
	mark := func(r slump.RuleState) string {
		switch r {
		case slump.RuleMet:
			return st.okText.Render("✓")
		case slump.RuleMissed:
			return st.errText.Render("✗")
		}
		return ""
	}
	sleep := "sleep –"
	if s.AvgSleepHours != nil {
		sleep = fmt.Sprintf("sleep %s h of %g %s", report.Sleep(s.AvgSleepHours), cfg.SleepTargetHours, mark(v.Sleep))
	}
	first := strings.Join([]string{
		fmt.Sprintf("hard efforts %d/%d %s", s.HardEfforts, cfg.HardEffortsPerWeek, mark(v.HardEfforts)),
		strings.TrimSpace(fmt.Sprintf("rest days %d/%d %s", s.RestDays, cfg.RestDaysPerWeek, mark(v.RestDays))),
		sleep,
	}, " · ")
	second := strings.Join([]string{
		"mood " + report.Scale(s.AvgMood),
		"motivation " + report.Scale(s.AvgMotivation),
		"legs " + report.Scale(s.AvgLegs),
		fmt.Sprintf("check-ins %d/7", s.Checkins),
		"meter " + h.sparkline(st),
	}, " · ")
	if s.Minutes > 0 {
		second += fmt.Sprintf(" · %d min", s.Minutes)
	}
	if s.UnwellDays > 0 {
		second += fmt.Sprintf(" · %d %s sick or injured", s.UnwellDays, report.Days(s.UnwellDays))
	}
	w := lipgloss.NewStyle().Width(max(20, width))
	return st.label.Render("The week") + "\n" + w.Render(first) + "\n" + w.Render(second)
}

// sparkline draws the meter across the week, one cell a day: higher blocks
// for higher scores, "?" for a day too early to read, "·" for a day
// without a check-in, blank for a future one (slump.Day.Future).
func (h historyModel) sparkline(st styles) string {
	var b strings.Builder
	for _, d := range h.wk.Days {
		switch {
		case d.Future(h.today):
			b.WriteString(" ")
		case d.Reading == nil:
			b.WriteString(st.missing.Render("·"))
		case d.Reading.Level == slump.LevelUnknown:
			b.WriteString(st.level[slump.LevelUnknown].Render("?"))
		default:
			b.WriteString(st.level[d.Reading.Level].Render(spark(d.Reading.Score)))
		}
	}
	return b.String()
}

// spark is the block for a score 0-100.
func spark(score int) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	i := score * (len(blocks) - 1) / slump.MaxScore
	return string(blocks[max(0, min(len(blocks)-1, i))])
}

// noteView shows the selected day's note, wrapped, in at most room lines.
func (h historyModel) noteView(st styles, width, room int) string {
	c := h.day(h.selected).Checkin
	if c == nil || c.Note == "" || room < 2 {
		return ""
	}
	title := st.label.Render("Note") + st.subtle.Render(" · "+h.selectedDate().Time().Format("Mon 2 Jan"))
	body := lipgloss.NewStyle().Width(max(20, width)).Render(slump.Printable(c.Note, true))
	lines := strings.Split(body, "\n")
	if len(lines) > room-1 {
		hidden := len(lines) - (room - 2)
		lines = append(lines[:room-2], st.subtle.Render(fmt.Sprintf("… %d more lines: a taller terminal shows the whole note", hidden)))
	}
	return title + "\n" + strings.Join(lines, "\n")
}
