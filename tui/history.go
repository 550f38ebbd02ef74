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

// historyModel is the weekly history: one ISO week, Monday to Sunday, as a
// grid of the days with the week summed up against the article's rules.
type historyModel struct {
	sh       shared
	week     slump.Week
	today    slump.Date
	loaded   bool
	wk       slump.WeekReading // the days (Monday first), the summary and the verdict, once loaded
	selected int               // 0 = Monday
	confirm  bool              // the deletion of the selected day's check-in waits for y or n
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
// While a deletion waits for its answer, only y and n (or esc) do
// anything.
func (h historyModel) Update(msg tea.Msg) (historyModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return h, nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, h.keys.Yes):
		h.confirm, cmd = false, deleteCheckin(h.sh, h.selectedDate())
	case key.Matches(k, h.keys.No):
		h.confirm = false
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
		h.selected++
	case key.Matches(k, h.keys.Edit):
		return h, send(editMsg{date: h.selectedDate(), checkin: h.wk.Days[h.selected].Checkin})
	case key.Matches(k, h.keys.Meter):
		return h, send(showDayMsg{date: h.selectedDate()})
	case key.Matches(k, h.keys.Delete):
		h.confirm = true
	}
	h.updateKeys()
	return h, cmd
}

// updateKeys disables the keys that would do nothing, so help never lies.
// The cursor, the form and the meter reach every day that is not future
// (slump.Day.Future): today, the days before it, and a day after it that
// holds a check-in (made in a time zone ahead), which can be read, edited
// and deleted. A day can be deleted only when it has a check-in; while
// its deletion waits for y or n, no other key applies.
func (h *historyModel) updateKeys() {
	day := h.day(h.selected)
	open := h.loaded && !day.Future(h.today)
	for _, b := range []*key.Binding{&h.keys.Prev, &h.keys.Back, &h.keys.Help, &h.keys.Quit} {
		b.SetEnabled(!h.confirm)
	}
	up := !h.confirm && h.selected > 0
	down := !h.confirm && h.selected < 6 && !h.day(h.selected+1).Future(h.today)
	h.keys.Up.SetEnabled(up)
	h.keys.Down.SetEnabled(down)
	h.keys.Day.SetEnabled(up || down)
	switch {
	case up && down:
		h.keys.Day.SetKeys("up", "down", "k", "j")
		h.keys.Day.SetHelp("↑/↓", "day")
	case up:
		h.keys.Day.SetKeys("up", "k")
		h.keys.Day.SetHelp("↑", "day")
	case down:
		h.keys.Day.SetKeys("down", "j")
		h.keys.Day.SetHelp("↓", "day")
	}
	h.keys.Next.SetEnabled(!h.confirm && !h.thisWeek())
	h.keys.Week.SetEnabled(!h.confirm && !h.thisWeek())
	h.keys.ThisWeek.SetEnabled(!h.confirm && !h.thisWeek())
	h.keys.Edit.SetEnabled(!h.confirm && open)
	h.keys.Meter.SetEnabled(!h.confirm && open)
	h.keys.Delete.SetEnabled(!h.confirm && open && day.Checkin != nil)
	h.keys.Yes.SetEnabled(h.confirm)
	h.keys.No.SetEnabled(h.confirm)
	if day.Checkin == nil {
		h.keys.Edit.SetHelp("enter/e", "fill in")
	} else {
		h.keys.Edit.SetHelp("enter/e", "edit")
	}
}

// View draws the week in the given size. Wider terminals get more columns
// (sleep quality, the start of each note), not a stretched grid; narrower
// ones fewer (see gridColumns). The title and the grid show, and a
// deletion's question under them; a short terminal loses the blank lines,
// then the week's averages, then its rules, then the note; one shorter
// than the grid (with the full help open) shows fewer days, those nearest
// the selected one, and at the last no title.
func (h historyModel) View(st styles, width, height int) string {
	start, end := h.week.Start(), h.week.End()
	title := fitFirst(width,
		st.title.Render("laceup")+st.subtle.Render(" · History · ")+st.label.Render(h.week.String())+
			st.subtle.Render(fmt.Sprintf(" · %s – %s", start.Time().Format("Mon 2 Jan"), end.Time().Format("Mon 2 Jan 2006"))),
		st.title.Render("laceup")+st.subtle.Render(" · History · ")+st.label.Render(h.week.String()),
		st.subtle.Render("History · ")+st.label.Render(h.week.String()),
	)
	if !h.loaded {
		return title + "\n\n" + st.subtle.Render("Loading the week…")
	}
	var question []string
	if h.confirm {
		day := h.selectedDate().Time().Format("Mon 2 Jan")
		q := fitFirst(width, fmt.Sprintf("Delete the check-in of %s? y/n", day), fmt.Sprintf("Delete %s? y/n", day))
		question = append(question, st.errText.Bold(true).Render(q))
	}
	// A terminal too short for the grid (the full help takes its rows)
	// shows the days nearest the selected one, then drops the title.
	days := 7
	for days > 1 && 2+days+len(question) > height {
		days--
	}
	top := []string{title}
	if 2+days+len(question) > height {
		top = nil
	}
	top = append(append(top, h.grid(st, width, days)), question...)
	rules, averages := h.summaryView(st, width)
	for _, try := range []struct {
		sep     string
		summary []string
	}{
		{"\n\n", []string{st.label.Render("The week"), rules, averages}},
		{"\n", []string{st.label.Render("The week"), rules, averages}},
		{"\n", []string{st.label.Render("The week"), rules}},
		{"\n", nil},
	} {
		blocks := top
		if try.summary != nil {
			blocks = append(append([]string{}, top...), strings.Join(try.summary, "\n"))
		}
		out := strings.Join(blocks, try.sep)
		used := lipgloss.Height(out)
		if used > height && try.summary != nil {
			continue
		}
		if note := h.noteView(st, width, height-used-len(try.sep)); note != "" {
			out += try.sep + note
		}
		return out
	}
	return ""
}

// gridColumn is one column of the week's grid after the day's name.
type gridColumn struct {
	head  string
	gap   int  // blanks before it
	width int  // cells
	left  bool // aligned left
	none  string
	cell  func(st styles, i int, c slump.Checkin) string // padded to width
}

// gridColumns returns the columns that fit in width, in the order they
// are shown: the meter, mood and motivation first, the minutes last; a
// wide terminal adds sleep quality and the start of each note.
func (h historyModel) gridColumns(width int) []gridColumn {
	cfg := h.sh.meter.Config()
	pad := func(w int, v string) string { return fmt.Sprintf("%*s", w, v) }
	all := []gridColumn{
		{head: "Mood", gap: 1, width: 4, none: "·", cell: func(_ styles, _ int, c slump.Checkin) string { return pad(4, strconv.Itoa(c.Mood)) }},
		{head: "Motiv", gap: 1, width: 6, none: "·", cell: func(_ styles, _ int, c slump.Checkin) string { return pad(6, strconv.Itoa(c.Motivation)) }},
		{head: "Legs", gap: 1, width: 4, none: "·", cell: func(_ styles, _ int, c slump.Checkin) string { return pad(4, report.Optional(c.Legs)) }},
		{head: "Sleep", gap: 1, width: 6, none: "·", cell: func(_ styles, _ int, c slump.Checkin) string { return pad(6, report.Hours(c.SleepHours)) }},
		{head: "Effort", gap: 1, width: 9, left: true, none: "·", cell: func(st styles, _ int, c slump.Checkin) string {
			effort := report.DayEffort(c, cfg)
			if c.DayType != "" {
				effort = fmt.Sprintf("%d %s", c.Effort, c.DayType)
			}
			effort = fmt.Sprintf("%-9s", effort)
			switch {
			case c.Effort == slump.RestEffort || c.DayType.Unwell():
				return st.rest.Render(effort)
			case c.Training(cfg).Hard > 0:
				return st.hard.Render(effort)
			}
			return effort
		}},
		{head: "Min", gap: 1, width: 5, none: "·", cell: func(_ styles, _ int, c slump.Checkin) string { return pad(5, report.Optional(c.Minutes)) }},
		{head: "Meter", gap: 2, width: 11, left: true, none: "no check-in", cell: func(st styles, i int, _ slump.Checkin) string { return h.meterCell(st, i) }},
	}
	// Which to keep when the width is short, most important first.
	const meter, mood, motiv, legs, sleep, effort, minutes = 6, 0, 1, 2, 3, 4, 5
	keep := make([]bool, len(all))
	used := 12 // the cursor and the day's name
	for _, i := range []int{meter, mood, motiv, effort, sleep, legs, minutes} {
		if used+all[i].gap+all[i].width > width {
			break
		}
		keep[i], used = true, used+all[i].gap+all[i].width
	}
	var out []gridColumn
	for i, c := range all {
		if keep[i] {
			out = append(out, c)
		}
	}
	if width >= 110 && len(out) == len(all) {
		out = append(out,
			gridColumn{head: "Quality", gap: 1, width: 7, cell: func(_ styles, _ int, c slump.Checkin) string {
				return pad(7, report.Optional(c.SleepQuality))
			}},
			gridColumn{head: "Note", gap: 2, left: true, width: width - used - 1 - 7 - 2, cell: func(st styles, _ int, c slump.Checkin) string {
				if c.Note == "" {
					return ""
				}
				return st.subtle.Render(truncate(slump.Printable(c.Note, false), max(10, width-used-1-7-2)))
			}},
		)
	}
	return out
}

// grid is the header and n of the week's days: all 7, or the n nearest
// the selected day.
func (h historyModel) grid(st styles, width, n int) string {
	cols := h.gridColumns(width)
	header := fmt.Sprintf("  %-10s", "Day")
	for _, c := range cols {
		header += strings.Repeat(" ", c.gap) + align(c.head, c.width, c.left)
	}
	lines := []string{st.subtle.Render(header)}
	first := max(0, min(7-n, h.selected-(n-1)/2))
	for i, day := range h.week.Days() {
		if i >= first && i < first+n {
			lines = append(lines, h.row(st, cols, i, day))
		}
	}
	return strings.Join(lines, "\n")
}

// align pads s to w cells, on the right when left is true.
func align(s string, w int, left bool) string {
	if left {
		return fmt.Sprintf("%-*s", w, s)
	}
	return fmt.Sprintf("%*s", w, s)
}

func (h historyModel) row(st styles, cols []gridColumn, i int, day slump.Date) string {
	marker, dayStyle := "  ", lipgloss.NewStyle()
	if i == h.selected {
		marker, dayStyle = st.selected.Render("› "), st.selected
	}
	line := marker + dayStyle.Render(fmt.Sprintf("%-10s", day.Time().Format("Mon 2 Jan")))
	c := h.day(i).Checkin
	if h.day(i).Future(h.today) {
		return line + st.missing.Render("  future")
	}
	var missing string
	for _, col := range cols {
		switch {
		case c != nil:
			line += strings.Repeat(" ", col.gap) + col.cell(st, i, *c)
		case col.none != "":
			missing += strings.Repeat(" ", col.gap) + align(col.none, col.width, col.left)
		}
	}
	if c == nil {
		line += st.missing.Render(missing)
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
// slump.Verdict judges it (✓ met, ✗ missed, nothing while it may yet be
// met), and sums up its answers: two blocks, each wrapped between its
// items so that no mark is left alone on a line.
func (h historyModel) summaryView(st styles, width int) (rules, averages string) {
	s, v, cfg := h.wk.Summary, h.wk.Verdict, h.sh.meter.Config()
	mark := func(r slump.RuleState) string {
		switch r {
		case slump.RuleMet:
			return " " + st.okText.Render("✓")
		case slump.RuleMissed:
			return " " + st.errText.Render("✗")
		}
		return ""
	}
	sleep := "sleep –"
	if s.AvgSleepHours != nil {
		sleep = fmt.Sprintf("sleep %s h of %g", report.Sleep(s.AvgSleepHours), cfg.SleepTargetHours) + mark(v.Sleep)
	}
	pad := lipgloss.NewStyle().Width(max(20, width)) // lines as wide as the grid's terminal
	rules = wrapItems([]string{
		fmt.Sprintf("hard efforts %d/%d", s.HardEfforts, cfg.HardEffortsPerWeek) + mark(v.HardEfforts),
		fmt.Sprintf("rest days %d/%d", s.RestDays, cfg.RestDaysPerWeek) + mark(v.RestDays),
		sleep,
	}, " · ", width)
	rules = pad.Render(rules)
	items := []string{
		"mood " + report.Scale(s.AvgMood),
		"motivation " + report.Scale(s.AvgMotivation),
		"legs " + report.Scale(s.AvgLegs),
		fmt.Sprintf("check-ins %d/7", s.Checkins),
		"meter " + h.sparkline(st),
	}
	if s.Minutes > 0 {
		items = append(items, fmt.Sprintf("%d min", s.Minutes))
	}
	if s.UnwellDays > 0 {
		items = append(items, fmt.Sprintf("%d %s sick or injured", s.UnwellDays, report.Days(s.UnwellDays)))
	}
	if n := h.sessions(); n > 0 {
		// The sessions of the days checked in, each recorded twice once:
		// the ones the meter reads. laceup activities list has them all.
		items = append(items, fmt.Sprintf("%d imported %s", n, map[bool]string{true: "session", false: "sessions"}[n == 1]))
	}
	return rules, pad.Render(wrapItems(items, " · ", width))
}

// sessions counts the imported sessions of the week's check-ins (the
// store gives each check-in its day's, each recorded twice once).
func (h historyModel) sessions() int {
	n := 0
	for _, d := range h.wk.Days {
		if d.Checkin != nil {
			n += len(d.Checkin.Sessions)
		}
	}
	return n
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
