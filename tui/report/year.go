package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/laceup/laceup/slump"
)

// YearJSON is the shape of laceup year --json: one entry per day of the
// year up to today (a day after it only with a check-in, dated ahead in
// another time zone), and the days counted by level.
type YearJSON struct {
	Year   int            `json:"year"`
	Days   []YearDayJSON  `json:"days"`
	Counts YearCountsJSON `json:"counts"`
}

// YearDayJSON is one day of the year. A day without a check-in has score,
// level and day_type null; a day too early to read has level "unknown" and
// score null; day_type is "normal" for an ordinary day.
type YearDayJSON struct {
	Date    string  `json:"date"`
	Score   *int    `json:"score"`
	Level   *string `json:"level"`
	DayType *string `json:"day_type"`
	// Race is the name of the day's race in the races table ("" when it
	// has none), or null on a day without a race there.
	Race *string `json:"race"`
}

// YearCountsJSON counts the days of YearJSON.Days: with a check-in by
// level, and without one.
type YearCountsJSON struct {
	OK        int `json:"ok"`
	Watch     int `json:"watch"`
	Slump     int `json:"slump"`
	Unknown   int `json:"unknown"`
	NoCheckin int `json:"no_checkin"`
}

// NewYearJSON shapes a year for laceup year --json.
func NewYearJSON(y slump.YearReading, today slump.Date) YearJSON {
	c := y.Counts
	out := YearJSON{Year: y.Year, Days: make([]YearDayJSON, 0, c.Total()),
		Counts: YearCountsJSON{OK: c.OK, Watch: c.Watch, Slump: c.Slump, Unknown: c.Unknown, NoCheckin: c.NoCheckin}}
	for _, d := range y.Days {
		if d.Future(today) {
			continue
		}
		day := YearDayJSON{Date: d.Date.String()}
		if d.Race != nil {
			day.Race = &d.Race.Name
		}
		if r := d.Reading; r != nil {
			level, dayType := string(r.Level), string(d.Checkin.DayType.Of())
			day.Level, day.DayType = &level, &dayType
			if r.Level != slump.LevelUnknown {
				day.Score = &r.Score
			}
		}
		out.Days = append(out.Days, day)
	}
	return out
}

// WriteYearJSON prints a year as the indented JSON of laceup year --json.
func WriteYearJSON(w io.Writer, y slump.YearReading, today slump.Date) error {
	return writeJSON(w, NewYearJSON(y, today))
}

// WriteYearText prints a year as the calendar of the year screen, plain
// (one column a day, weeks as columns), with the counts and the legend
// below it: 58 columns at most, within Width.
func WriteYearText(w io.Writer, y slump.YearReading, today slump.Date) {
	fmt.Fprintf(w, "Year %d · %s · the meter of every day\n\n", y.Year, YearRange(y, today, true))
	lay := YearLayout{Weeks: YearWeeks(y.Year), Cell: 1}
	for _, line := range YearGrid(y, today, lay, YearPaint{}) {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, Wrap(strings.Join(YearCountItems(y.Counts, YearPaint{}), " · "), "", Width))
	fmt.Fprint(w, Wrap(strings.Join(YearMarkItems(), " · "), "", Width))
}

// YearRange is the days of the year shown so far: "1 Jan – 25 Nov" (with
// the year when withYear), to 31 Dec for a past year.
func YearRange(y slump.YearReading, today slump.Date, withYear bool) string {
	from, to := slump.YearSpan(y.Year)
	if today.Before(to) {
		to = today
	}
	layout := "2 Jan"
	if withYear {
		layout = "2 Jan 2006"
	}
	return from.Time().Format("2 Jan") + " – " + to.Time().Format(layout)
}

// The marks of the year's calendar: one glyph a level, so that the level
// reads without colour, and a letter for a marked day (see slump.DayMark).
const (
	glyphOK        = "▂"
	glyphWatch     = "▅"
	glyphSlump     = "█"
	glyphUnknown   = "?" // too early to read, as in the trends
	glyphNoCheckin = "·"
)

// YearGlyph is the glyph of a level in the year's calendar.
func YearGlyph(l slump.Level) string {
	switch l {
	case slump.LevelOK:
		return glyphOK
	case slump.LevelWatch:
		return glyphWatch
	case slump.LevelSlump:
		return glyphSlump
	}
	return glyphUnknown
}

// MarkLetter is the letter of a mark in the year's calendar, "" for none:
// R rest, S sick, I injured, * race. (R, S and I are the dashboard's.)
func MarkLetter(m slump.DayMark) string {
	return [...]string{slump.MarkNone: "", slump.MarkRest: "R", slump.MarkSick: "S",
		slump.MarkInjured: "I", slump.MarkRace: "*"}[m]
}

// YearPaint colours the parts of the year's calendar for a screen; a nil
// function (the zero YearPaint: plain text) leaves its text as it is.
type YearPaint struct {
	Level   func(l slump.Level, s string) string // a day with a check-in, by its level
	Missing func(s string) string                // a day without a check-in
	Label   func(s string) string                // month names and weekdays
}

func (p YearPaint) level(l slump.Level, s string) string {
	if p.Level == nil {
		return s
	}
	return p.Level(l, s)
}

func (p YearPaint) missing(s string) string {
	if p.Missing == nil {
		return s
	}
	return p.Missing(s)
}

func (p YearPaint) label(s string) string {
	if p.Label == nil || s == "" {
		return s
	}
	return p.Label(s)
}

// YearLayout is the part of the calendar drawn: the week columns from
// First (0 is the week of 1 January) on, Weeks of them, each day Cell
// columns wide. In 1 column a marked day shows its letter in place of its
// level's glyph (a screen still colours it by level); in 2 it shows both.
type YearLayout struct {
	First, Weeks, Cell int
}

// YearLabelWidth is the width of the weekday labels left of the calendar.
const YearLabelWidth = 4

// yearMonday is the Monday of the week of 1 January: column 0 starts on it.
func yearMonday(year int) slump.Date {
	jan1, _ := slump.YearSpan(year)
	return jan1.AddDays(-((int(jan1.Weekday()) + 6) % 7))
}

// YearColumn is the week column of day d in the calendar of its year.
func YearColumn(year int, d slump.Date) int { return d.DaysSince(yearMonday(year)) / 7 }

// YearWeeks is the number of week columns of a year's calendar, Monday to
// Sunday: 53 (365 days are 52 weeks and a day), or 54 for a leap year that
// starts on a Sunday (2012, 2040).
func YearWeeks(year int) int {
	_, dec31 := slump.YearSpan(year)
	return YearColumn(year, dec31) + 1
}

// YearGrid draws the calendar: a line of month names over the columns
// where each month starts, then a line a weekday, Monday first, each
// YearLabelWidth columns of weekday and lay.Weeks cells. A day outside the
// year or still to come is blank, a day without a check-in "·", a day too
// early to read "?", any other its level's glyph (see YearGlyph) or its
// mark (see MarkLetter). Lines carry no trailing blanks.
func YearGrid(y slump.YearReading, today slump.Date, lay YearLayout, p YearPaint) []string {
	monday := yearMonday(y.Year)
	first := y.Days[0].Date
	width := YearLabelWidth + lay.Weeks*lay.Cell
	months := []rune(strings.Repeat(" ", width))
	next := 0 // the first column a month name may start at
	place := func(col int, m time.Month) {
		at, name := YearLabelWidth+col*lay.Cell, []rune(m.String()[:3])
		if at >= next && at+len(name) <= width {
			copy(months[at:], name)
			next = at + len(name) + 1
		}
	}
	if lay.First > 0 { // the month under way in the first column shown, if its name fits before the next one's
		m := monday.AddDays(7 * lay.First).Time().Month()
		if m == time.December || (YearColumn(y.Year, slump.NewDate(y.Year, m+1, 1))-lay.First)*lay.Cell >= 4 {
			place(0, m)
		}
	}
	for m := time.January; m <= time.December; m++ {
		if col := YearColumn(y.Year, slump.NewDate(y.Year, m, 1)) - lay.First; col >= 0 && col < lay.Weeks {
			place(col, m)
		}
	}
	lines := []string{p.label(strings.TrimRight(string(months), " "))}
	for row := range 7 {
		var b strings.Builder
		b.WriteString(p.label(fmt.Sprintf("%-*s", YearLabelWidth, monday.AddDays(row).Time().Format("Mon"))))
		// Cells of one colour are painted as one run.
		var run strings.Builder
		runLevel, runMissing := slump.Level(""), false
		flush := func() {
			switch {
			case run.Len() == 0:
			case runMissing:
				b.WriteString(p.missing(run.String()))
			default:
				b.WriteString(p.level(runLevel, run.String()))
			}
			run.Reset()
		}
		blanks := 0 // blank cells not yet written: a line ends without them
		for col := lay.First; col < lay.First+lay.Weeks; col++ {
			i := monday.AddDays(7*col + row).DaysSince(first)
			if i < 0 || i >= len(y.Days) || y.Days[i].Future(today) {
				blanks += lay.Cell
				continue
			}
			d := y.Days[i]
			missing, level := d.Reading == nil, slump.Level("")
			if !missing {
				level = d.Reading.Level
			}
			if blanks > 0 || missing != runMissing || level != runLevel {
				flush()
				b.WriteString(strings.Repeat(" ", blanks))
				blanks, runMissing, runLevel = 0, missing, level
			}
			run.WriteString(yearCell(d, lay.Cell))
		}
		flush()
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	return lines
}

// yearCell is one day of the calendar, cell columns wide (1 or 2).
func yearCell(d slump.Day, cell int) string {
	r := d.Reading
	if r == nil && d.Mark() == slump.MarkRace && cell >= 2 {
		return glyphNoCheckin + MarkLetter(slump.MarkRace) + strings.Repeat(" ", cell-2)
	}
	if r == nil && d.Mark() == slump.MarkRace {
		return MarkLetter(slump.MarkRace)
	}
	if r == nil {
		return fmt.Sprintf("%-*s", cell, glyphNoCheckin)
	}
	glyph, mark := YearGlyph(r.Level), MarkLetter(d.Mark())
	switch {
	case cell >= 2:
		return fmt.Sprintf("%-*s", cell, glyph+mark)
	case mark != "":
		return mark
	}
	return glyph
}

// YearCountItems are the year's counts, each with its glyph: "▂ ok 180",
// ..., "· no check-in 59"; with p, each in its level's colour.
func YearCountItems(c slump.YearCounts, p YearPaint) []string {
	item := func(glyph, name string, n int) string { return glyph + " " + name + " " + strconv.Itoa(n) }
	return []string{
		p.level(slump.LevelOK, item(glyphOK, "ok", c.OK)),
		p.level(slump.LevelWatch, item(glyphWatch, "watch", c.Watch)),
		p.level(slump.LevelSlump, item(glyphSlump, "slump", c.Slump)),
		p.level(slump.LevelUnknown, item(glyphUnknown, "too early", c.Unknown)),
		p.missing(item(glyphNoCheckin, "no check-in", c.NoCheckin)),
	}
}

// YearMarkItems are the legend of the marks: "R rest", "S sick",
// "I injured", "* race".
func YearMarkItems() []string {
	return []string{MarkLetter(slump.MarkRest) + " rest", MarkLetter(slump.MarkSick) + " sick",
		MarkLetter(slump.MarkInjured) + " injured", MarkLetter(slump.MarkRace) + " race"}
}
