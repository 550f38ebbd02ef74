package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// historyModel is the weekly history: one ISO week, Monday to Sunday, as a
// grid of the days with the week summed up against the article's rules.
type historyModel struct {
	week     slump.Week
	today    slump.Date
	loaded   bool
	days     [7]slump.Day // Monday first
	summary  slump.WeekSummary
	selected int // 0 = Monday
	cfg      slump.Config
	keys     historyKeys
}

func newHistoryModel(w slump.Week, today slump.Date, cfg slump.Config) historyModel {
	h := historyModel{week: w, today: today, cfg: cfg, keys: defaultHistoryKeys()}
	h.selected = min(6, max(0, today.DaysSince(w.Start())))
	return h
}

// withWeek fills the model from a load; a load for another week (the runner
// has moved on) is ignored.
func (h historyModel) withWeek(msg weekLoadedMsg) historyModel {
	if msg.week != h.week {
		return h
	}
	h.loaded, h.summary = true, msg.summary
	copy(h.days[:], msg.days)
	return h
}

// selectedDate is the day the cursor is on.
func (h historyModel) selectedDate() slump.Date { return h.week.Start().AddDays(h.selected) }

// thisWeek reports whether the model shows the week of today.
func (h historyModel) thisWeek() bool { return h.week == slump.WeekOf(h.today) }

// move goes to another week, keeping the same weekday selected (but never a
// day after today).
func (h historyModel) move(w slump.Week) historyModel {
	next := newHistoryModel(w, h.today, h.cfg)
	next.selected = h.selected
	if last := h.today.DaysSince(w.Start()); last < next.selected {
		next.selected = max(0, last)
	}
	return next
}

// updateKeys disables the keys that would do nothing, so help never lies.
func (h *historyModel) updateKeys() {
	h.keys.Next.SetEnabled(!h.thisWeek())
	h.keys.ThisWeek.SetEnabled(!h.thisWeek())
	h.keys.Edit.SetEnabled(!h.selectedDate().After(h.today))
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
	header := fmt.Sprintf("  %-10s %4s %6s %6s %-8s %5s  %-9s", "Day", "Mood", "Motiv", "Sleep", "Effort", "Min", "Meter")
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
	c := h.days[i].Checkin
	switch {
	case day.After(h.today):
		return marker + name + st.missing.Render("  future")
	case c == nil:
		return marker + name + st.missing.Render(fmt.Sprintf(" %4s %6s %6s %-8s %5s  %-9s", "·", "·", "·", "·", "·", "no check-in"))
	}
	effort := fmt.Sprintf("%-8s", strconv.Itoa(c.Effort))
	switch {
	case c.Effort == slump.RestEffort:
		effort = st.rest.Render(fmt.Sprintf("%-8s", "0 rest"))
	case c.Effort >= h.cfg.HardEffort:
		effort = st.hard.Render(fmt.Sprintf("%-8s", strconv.Itoa(c.Effort)+" hard"))
	}
	line := marker + name + fmt.Sprintf(" %4d %6d %6s ", c.Mood, c.Motivation, formatHours(c.SleepHours)) +
		effort + fmt.Sprintf(" %5s  ", optInt(c.Minutes)) + h.meterCell(st, i)
	if wide {
		line += fmt.Sprintf(" %7s  ", optInt(c.SleepQuality))
		if c.Note != "" {
			line += st.subtle.Render(truncate(slump.Printable(c.Note, false), max(10, width-lipgloss.Width(line))))
		}
	}
	return line
}

// meterCell is a day's score coloured by its level, padded to 9 cells.
func (h historyModel) meterCell(st styles, i int) string {
	r := h.days[i].Reading
	if r == nil {
		return fmt.Sprintf("%-9s", "")
	}
	return st.level[r.Level].Render(fmt.Sprintf("%3d %-5s", r.Score, r.Level))
}

// summaryView compares the week with the article's rules.
func (h historyModel) summaryView(st styles, width int) string {
	s := h.summary
	rule := func(ok bool) string {
		if ok {
			return st.okText.Render("✓")
		}
		return st.errText.Render("✗")
	}
	// A week still under way may yet get its rest day: no verdict until then.
	restMark := rule(s.RestDays >= h.cfg.RestDaysPerWeek)
	if s.RestDays < h.cfg.RestDaysPerWeek && (s.Checkins == 0 || !s.End.Before(h.today)) {
		restMark = ""
	}
	sleep := "sleep –"
	if s.AvgSleepHours != nil {
		target := h.cfg.SleepTargetHours
		sleep = fmt.Sprintf("sleep %s h of %g %s", sleepAvg(s.AvgSleepHours), target, rule(*s.AvgSleepHours >= target))
	}
	first := strings.Join([]string{
		fmt.Sprintf("hard efforts %d/%d %s", s.HardEfforts, h.cfg.HardEffortsPerWeek, rule(s.HardEfforts <= h.cfg.HardEffortsPerWeek)),
		strings.TrimSpace(fmt.Sprintf("rest days %d/%d %s", s.RestDays, h.cfg.RestDaysPerWeek, restMark)),
		sleep,
	}, " · ")
	second := strings.Join([]string{
		"mood " + scaleAvg(s.AvgMood),
		"motivation " + scaleAvg(s.AvgMotivation),
		fmt.Sprintf("check-ins %d/7", s.Checkins),
		"meter " + h.sparkline(st),
	}, " · ")
	if s.Minutes > 0 {
		second += fmt.Sprintf(" · %d min", s.Minutes)
	}
	w := lipgloss.NewStyle().Width(max(20, width))
	return st.label.Render("The week") + "\n" + w.Render(first) + "\n" + w.Render(second)
}

// sparkline draws the meter across the week, one cell a day: higher blocks
// for higher scores, "·" for a day without a check-in, blank for the future.
func (h historyModel) sparkline(st styles) string {
	var b strings.Builder
	for _, d := range h.days {
		switch {
		case d.Date.After(h.today):
			b.WriteString(" ")
		case d.Reading == nil:
			b.WriteString(st.missing.Render("·"))
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
	c := h.days[h.selected].Checkin
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

func optInt(v *int) string {
	if v == nil {
		return "–"
	}
	return strconv.Itoa(*v)
}
