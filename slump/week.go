package slump

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: Monday to Sunday, numbered within its
// week-numbering year. Week 1 is the week that holds the year's first
// Thursday (equivalently, 4 January), so the days around New Year may belong
// to a week of the neighbouring year: 2024-12-30 is in 2025-W01 and
// 2027-01-01 in 2026-W53. A year has 52 or 53 weeks (WeeksInYear). Weeks are
// comparable with ==.
type Week struct {
	Year int // the ISO week-numbering year, which can differ from the calendar year of some of its days
	Num  int // 1 to WeeksInYear(Year)
}

// WeekOf returns the ISO week that holds d.
func WeekOf(d Date) Week {
	y, n := d.Time().ISOWeek()
	return Week{Year: y, Num: n}
}

// WeeksInYear returns the number of ISO weeks of a week-numbering year: 53
// when the year starts on a Thursday, or is a leap year starting on a
// Wednesday; otherwise 52. 28 December is always in the last week.
func WeeksInYear(year int) int {
	return WeekOf(NewDate(year, time.December, 28)).Num
}

// ParseWeek reads a week in the form YYYY-Www, such as "2026-W47" (a
// lowercase w is accepted too, and surrounding blank space is ignored). It
// rejects anything else, including week 00 and week numbers past the last
// week of that year (2021-W53: 2021 has 52 weeks); the error says the form
// and, for a bad number, the weeks the year has.
func ParseWeek(s string) (Week, error) {
	t := strings.TrimSpace(s)
	if len(t) != 8 || t[4] != '-' || (t[5] != 'W' && t[5] != 'w') || !isDigits(t[:4]) || !isDigits(t[6:]) {
		return Week{}, fmt.Errorf("%q is not a week in the form YYYY-Www, such as 2026-W47", s)
	}
	year, _ := strconv.Atoi(t[:4])
	num, _ := strconv.Atoi(t[6:])
	if last := WeeksInYear(year); num < 1 || num > last {
		return Week{}, fmt.Errorf("%q is not a week in the form YYYY-Www: %04d has weeks W01 to W%02d", s, year, last)
	}
	return Week{Year: year, Num: num}, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// String returns the week as YYYY-Www, zero-padded: "2026-W47", "2027-W01".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Start returns the Monday of the week.
//
// Start, End, Days and AddWeeks expect a valid week, as WeekOf and ParseWeek
// return. For any other Num they count weeks from W01 of Year, so 2021-W53
// is 2022-W01 and W00 is the last week of the year before.
func (w Week) Start() Date {
	jan4 := NewDate(w.Year, time.January, 4) // always in week 1
	monday := jan4.AddDays(-((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDays(7 * (w.Num - 1))
}

// End returns the Sunday of the week, its last day.
func (w Week) End() Date { return w.Start().AddDays(6) }

// Days returns the seven days of the week, Monday first.
func (w Week) Days() [7]Date {
	var days [7]Date
	start := w.Start()
	for i := range days {
		days[i] = start.AddDays(i)
	}
	return days
}

// AddWeeks returns the week n weeks after w (before, for negative n),
// crossing years as the calendar does: 2026-W53 plus one is 2027-W01.
func (w Week) AddWeeks(n int) Week { return WeekOf(w.Start().AddDays(7 * n)) }

// ParsePastWeek reads a week as ParseWeek does (whose error it returns
// for a text not in the form) and checks that it holds a day laceup takes
// as of today (see CheckDay): a week from 1900-W01, which starts on
// EarliestDay, to the week of LatestDay(today), which is next week on a
// Sunday. Otherwise it returns a *FieldError for "week" naming that range.
func ParsePastWeek(s string, today Date) (Week, error) {
	w, err := ParseWeek(s)
	if err != nil {
		return w, err
	}
	first, last := WeekOf(EarliestDay()), WeekOf(LatestDay(today))
	if w.Start().Before(first.Start()) || w.Start().After(last.Start()) {
		return Week{}, &FieldError{Field: "week", Got: w.String(),
			Want: fmt.Sprintf("a week from %s to %s, the week of tomorrow", first, last)}
	}
	return w, nil
}
