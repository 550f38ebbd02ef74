package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// yearModel shows a calendar year at a glance: a cell a day, weeks as
// columns and weekdays as rows, each day in its level's colour and glyph
// with its mark (rest, sick, injured, race), and the days counted by level.
// The calendar itself is report.YearGrid's, as laceup year prints it.
type yearModel struct {
	sh     shared
	year   int
	today  slump.Date
	loaded bool
	data   slump.YearReading // once loaded
	keys   yearKeys
}

// yearLoadedMsg carries a year's days and counts.
type yearLoadedMsg struct {
	year int
	data slump.YearReading
}

func newYearModel(sh shared, year int, today slump.Date) yearModel {
	y := yearModel{sh: sh, year: year, today: today, keys: defaultYearKeys()}
	y.keys.Prev.SetEnabled(year > slump.EarliestDay().Time().Year())
	y.keys.Next.SetEnabled(year < today.Time().Year())
	return y
}

// load reads the year: its check-ins and the 67 days before 1 January that
// the first days' readings need, and the load series the form of each day
// runs over (form_high_risk is a cause: the scores read it, as loadWeeks's
// do).
func (y yearModel) load() tea.Cmd {
	sh, year, today := y.sh, y.year, y.today
	return withTimeout(func(ctx context.Context) tea.Msg {
		from, to := slump.YearSpan(year)
		p, err := sh.journal.Period(ctx, from, to)
		if err != nil {
			return errMsg{err: err, fatal: true}
		}
		data := sh.meter.Year(p.Checkins, p.Loads, year, today)
		slump.MarkRaceDays(data.Days, p.Races)
		return yearLoadedMsg{year: year, data: data}
	})
}

// withData fills the model from a load; a load of another year (the
// runner has moved on) is ignored.
func (y yearModel) withData(msg yearLoadedMsg) yearModel {
	if msg.year != y.year {
		return y
	}
	y.loaded, y.data = true, msg.data
	return y
}

// Update handles the year's keys: ←/→ move a year, up to this one.
func (y yearModel) Update(msg tea.Msg) (yearModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return y, nil
	}
	year := y.year
	switch {
	case key.Matches(k, y.keys.Quit):
		return y, tea.Quit
	case key.Matches(k, y.keys.Help):
		return y, send(toggleHelpMsg{})
	case key.Matches(k, y.keys.Back):
		return y, send(showMsg{screen: dashboardScreen})
	case key.Matches(k, y.keys.Prev):
		year--
	case key.Matches(k, y.keys.Next):
		year++
	default:
		return y, nil
	}
	y = newYearModel(y.sh, year, y.sh.today())
	return y, y.load()
}

// View draws the year in the given size. The calendar takes a column a
// day (the mark of a marked day in place of its level's glyph, the colour
// still its level's), or two (glyph and mark) where the terminal is wide
// enough for every week. A narrow terminal shows the newest weeks that fit,
// up to today's. A short one loses the blank lines, then the legend, then
// the counts, then the month names: never a weekday.
func (y yearModel) View(st styles, width, height int) string {
	weeks := report.YearWeeks(y.year)
	cell := 1
	if report.YearLabelWidth+2*weeks <= width {
		cell = 2
	}
	n := max(1, min(weeks, (width-report.YearLabelWidth)/cell))
	from, to := slump.YearSpan(y.year)
	if y.today.Before(to) {
		to = y.today
	}
	first := max(0, min(weeks-n, report.YearColumn(y.year, to)-n+1))
	shownFrom := from
	if first > 0 {
		shownFrom = from.AddDays(-((int(from.Weekday()) + 6) % 7) + 7*first)
	}
	span := fmt.Sprintf("%s – %s", shownFrom.Time().Format("2 Jan"), to.Time().Format("2 Jan"))
	name := fmt.Sprintf("Year %d", y.year)
	title := fitFirst(width,
		st.title.Render("laceup")+st.subtle.Render(" · ")+st.label.Render(name)+st.subtle.Render(" · "+span),
		st.title.Render("laceup")+st.subtle.Render(" · ")+st.label.Render(name),
		st.label.Render(name),
	)
	if !y.loaded {
		return title + "\n\n" + st.subtle.Render(fmt.Sprintf("Loading %d…", y.year))
	}
	paint := report.YearPaint{
		Level:   func(l slump.Level, s string) string { return st.level[l].Render(s) },
		Missing: func(s string) string { return st.missing.Render(s) },
		Label:   func(s string) string { return st.subtle.Render(s) },
	}
	lines := report.YearGrid(y.data, y.today, report.YearLayout{First: first, Weeks: n, Cell: cell}, paint)
	grid, days := strings.Join(lines, "\n"), strings.Join(lines[1:], "\n")
	counts := wrapItems(report.YearCountItems(y.data.Counts, paint), st.subtle.Render(" · "), width)
	marks := report.YearMarkItems()
	for i, m := range marks {
		marks[i] = st.subtle.Render(m)
	}
	legend := wrapItems(marks, st.subtle.Render(" · "), width)
	var out string
	for _, sections := range [][]string{{title, grid, counts, legend}, {title, grid, counts}, {title, grid}} {
		for _, sep := range []string{"\n\n", "\n"} {
			if out = strings.Join(sections, sep); lipgloss.Height(out) <= height {
				return out
			}
		}
	}
	return title + "\n" + days
}
