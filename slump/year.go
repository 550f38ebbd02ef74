package slump

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// YearReading is one calendar year as the year screen and laceup year show
// it: every day from 1 January to 31 December with its check-in and
// reading (see Day), and how many of the days up to today read at each
// level.
type YearReading struct {
	Year   int
	Days   []Day // 365 or 366, 1 January first; a day after today without a check-in is Future
	Counts YearCounts
}

// YearCounts counts the days of a year up to today (the days that are not
// Future): those with a check-in by the level of their reading, and those
// without one.
type YearCounts struct {
	OK, Watch, Slump, Unknown int
	NoCheckin                 int
}

// Total is the number of days counted.
func (c YearCounts) Total() int { return c.OK + c.Watch + c.Slump + c.Unknown + c.NoCheckin }

// YearSpan returns the first and last day of a calendar year.
func YearSpan(year int) (from, to Date) {
	return NewDate(year, time.January, 1), NewDate(year, time.December, 31)
}

// Year returns the days of a calendar year as of today, each as Days gives
// it, and their counts. Pass the check-ins of SeriesWindow(YearSpan(year))
// and the loads up to 31 December, as a store's Period returns them;
// history and loads are taken as by Readings. Only
// the days up to today (and a later one with a check-in) are scored, so
// this year costs as many readings as it has days so far.
func (m Meter) Year(history []Checkin, loads []Load, year int, today Date) YearReading {
	from, to := YearSpan(year)
	y := YearReading{Year: year, Days: m.Days(history, loads, from, to, today)}
	for _, d := range y.Days {
		switch {
		case d.Future(today):
		case d.Reading == nil:
			y.Counts.NoCheckin++
		case d.Reading.Level == LevelOK:
			y.Counts.OK++
		case d.Reading.Level == LevelWatch:
			y.Counts.Watch++
		case d.Reading.Level == LevelSlump:
			y.Counts.Slump++
		default:
			y.Counts.Unknown++
		}
	}
	return y
}

// DayMark is what the year's calendar marks a day with besides its level.
type DayMark int

// The marks, by precedence: a race day is marked a race whatever its
// effort, a sick or injured day (which counts as rest) as such, and any
// other day with effort 0 as a rest day.
const (
	MarkNone    DayMark = iota
	MarkRest            // a complete rest day (effort 0)
	MarkSick            // day type sick
	MarkInjured         // day type injured
	MarkRace            // day type race
)

// Mark returns the day's mark: a race from the check-in's day type or the
// races table (Day.Race), else the check-in's kind of day; MarkNone for a
// day without a check-in or a race. This is the one place that decides
// what a day is marked.
func (d Day) Mark() DayMark {
	c := d.Checkin
	switch {
	case d.Race != nil && (c == nil || !c.DayType.Unwell()):
		return MarkRace
	case c == nil:
		return MarkNone
	case c.DayType == DayRace:
		return MarkRace
	case c.DayType == DaySick:
		return MarkSick
	case c.DayType == DayInjured:
		return MarkInjured
	case c.Effort == RestEffort:
		return MarkRest
	}
	return MarkNone
}

// ParsePastYear reads a year for --year: four digits (surrounding blank
// space ignored), from 1900, the year of EarliestDay, to today's year. A
// later year has no day to read yet. Otherwise it returns a *FieldError for
// "year" naming that range.
func ParsePastYear(s string, today Date) (int, error) {
	first, last := EarliestDay().Time().Year(), today.Time().Year()
	t := strings.TrimSpace(s)
	y, _ := strconv.Atoi(t)
	if len(t) != 4 || !isDigits(t) || y < first || y > last {
		return 0, &FieldError{Field: "year", Got: strconv.Quote(s),
			Want: fmt.Sprintf("a year from %d to %d, this year", first, last)}
	}
	return y, nil
}
