package slump

import (
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

// ParseDate reads a YYYY-MM-DD date. It rejects anything else, including
// impossible days such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil || t.IsZero() { // 0001-01-01 is the zero Date: "no date"
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// ParseDay reads a date the way a runner types it on the command line:
// "today", "yesterday" or YYYY-MM-DD, relative to today. An empty string is
// not a date.
func ParseDay(s string, today Date) (Date, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "today":
		return today, nil
	case "yesterday":
		return today.AddDays(-1), nil
	}
	return ParseDate(s)
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

// ParsePastDay reads a day as ParseDay does and checks that it is today or
// an earlier day, as every day a runner can check in or look back on is.
// Both errors are a *FieldError for "date".
func ParsePastDay(s string, today Date) (Date, error) {
	date, err := ParseDay(s, today)
	if err != nil {
		return date, &FieldError{Field: FieldDate, Got: strconv.Quote(s),
			Want: "a date in the form YYYY-MM-DD, today or yesterday"}
	}
	if date.After(today) {
		return date, &FieldError{Field: FieldDate, Got: date.String(),
			Want: fmt.Sprintf("today (%s) or an earlier day, not a future one", today)}
	}
	return date, nil
}
