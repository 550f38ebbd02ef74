package slump

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no time zone: the key of a
// check-in. The zero Date is "no date"; use IsZero to test for it. Dates are
// comparable with ==.
type Date struct {
	t time.Time // always midnight UTC, so == and arithmetic are exact
}

// DateLayout is the text form of a Date, as stored and as typed: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// NewDate returns the given day. Out-of-range values are normalised the way
// time.Date does (January 32 becomes February 1).
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location, so a check-in at
// 23:30 local time belongs to that local day.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// The days laceup takes. A check-in, a --date, a --week and every row of an
// import must fall from EarliestDay to LatestDay(today): CheckDay is the one
// rule, and every reader of a date as of today applies it.
//
// The earliest is 1 January 1900, a design choice: no runner's journal goes
// back further, it is a Monday (1900-W01 starts on it, so a week is in
// range whole or not at all), and it is far above the zero Date, 0001-01-01,
// which means "no date" and would otherwise print as "".
//
// The latest is tomorrow: today and one day's grace for time zones. A
// runner who checked in "today" east of here (in UTC+14, say, before a
// flight west to UTC-11) holds a day that is tomorrow here; it imports, can
// be edited and is shown and counted like any other (see Day.Future). Two
// days ahead is a mistake.

// EarliestDay returns the first day laceup takes: 1900-01-01.
func EarliestDay() Date { return NewDate(1900, time.January, 1) }

// lastDay is the last day YYYY-MM-DD can write: 9999-12-31.
func lastDay() Date { return NewDate(9999, time.December, 31) }

// LatestDay returns the last day laceup takes as of today: tomorrow, one
// day's grace for a check-in made in a time zone ahead of this one (never
// after 9999-12-31, the last day YYYY-MM-DD can write).
func LatestDay(today Date) Date {
	if d := today.AddDays(1); d.Before(lastDay()) {
		return d
	}
	return lastDay()
}

// CheckDay checks that d is a day laceup takes as of today, from
// EarliestDay to LatestDay(today); otherwise it returns a *FieldError for
// "date" naming that range, the same for every way a date comes in:
// "date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's
// grace for time zones (got 2026-03-17)".
func CheckDay(d, today Date) error {
	if d.Before(EarliestDay()) || d.After(LatestDay(today)) {
		return &FieldError{Field: FieldDate, Got: d.t.Format(DateLayout), // the zero Date too: "0001-01-01"
			Want: fmt.Sprintf("a day from %s to %s, today plus a day's grace for time zones", EarliestDay(), LatestDay(today))}
	}
	return nil
}

// parseDate reads the form YYYY-MM-DD alone: any day of the years 0000 to
// 9999, 0001-01-01 as the zero Date.
func parseDate(s string) (Date, bool) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	return Date{t}, err == nil
}

// ParseDate reads a YYYY-MM-DD date. It rejects anything else, including
// impossible days such as 2026-02-30, and days before EarliestDay (the zero
// Date among them): a *FieldError for "date" that names the days it takes,
// 1900-01-01 to 9999-12-31. A date that comes in as of a day, as a check-in
// or an import does, is read with ParseDateAsOf, which says the range as of
// that day.
func ParseDate(s string) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	if d.Before(EarliestDay()) {
		return Date{}, &FieldError{Field: FieldDate, Got: strings.TrimSpace(s),
			Want: fmt.Sprintf("a day from %s to %s", EarliestDay(), lastDay())}
	}
	return d, nil
}

// ParseDateAsOf reads a YYYY-MM-DD date as ParseDate does and checks it as
// CheckDay does: a day from EarliestDay to LatestDay(today), or CheckDay's
// *FieldError. A text not in the form is ParseDate's error. It is how an
// import reads its dates.
func ParseDateAsOf(s string, today Date) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return ParseDate(s)
	}
	if err := CheckDay(d, today); err != nil {
		return Date{}, err
	}
	return d, nil
}

// ParseDay reads a date the way a runner types it on the command line:
// "today", "yesterday" or YYYY-MM-DD, relative to today, and checks it as
// CheckDay does (a *FieldError). An empty string is not a date (ParseDate's
// error).
func ParseDay(s string, today Date) (Date, error) {
	var d Date
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "today":
		d = today
	case "yesterday":
		d = today.AddDays(-1)
	default:
		return ParseDateAsOf(s, today)
	}
	if err := CheckDay(d, today); err != nil {
		return Date{}, err
	}
	return d, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String returns the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Time returns midnight UTC of the day, for formatting.
func (d Date) Time() time.Time { return d.t }

// AddDays returns the day n days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// DaysSince returns the number of days from e to d: positive when d is later.
func (d Date) DaysSince(e Date) int {
	return int((d.t.Unix() - e.t.Unix()) / 86400)
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// ParsePastDay reads a day as ParseDay does, for a --date flag: a day from
// EarliestDay to LatestDay(today) (today, or tomorrow for a time zone ahead,
// and every earlier day since 1900-01-01). Both errors are a *FieldError for
// "date": CheckDay's, or one that says the form.
func ParsePastDay(s string, today Date) (Date, error) {
	date, err := ParseDay(s, today)
	var fe *FieldError
	if err != nil && !errors.As(err, &fe) {
		return Date{}, &FieldError{Field: FieldDate, Got: strconv.Quote(s),
			Want: "a date in the form YYYY-MM-DD, today or yesterday"}
	}
	return date, err
}
