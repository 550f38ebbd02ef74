package slump

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string // "" when the input must be rejected
		wantErr bool
	}{
		{in: "2026-03-15", want: "2026-03-15"},
		{in: " 2026-03-15\n", want: "2026-03-15"},
		{in: "2024-02-29", want: "2024-02-29"}, // leap year
		{in: "2026-02-29", wantErr: true},
		{in: "2026-02-30", wantErr: true},
		{in: "2026-04-31", wantErr: true},
		{in: "2026-13-01", wantErr: true},
		{in: "2026-3-5", wantErr: true},
		{in: "15/03/2026", wantErr: true},
		{in: "2026-03-15T10:00:00Z", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		switch {
		case tc.wantErr && err == nil:
			t.Errorf("ParseDate(%q) = %s, want an error", tc.in, d)
		case !tc.wantErr && err != nil:
			t.Errorf("ParseDate(%q): %v", tc.in, err)
		case !tc.wantErr && d.String() != tc.want:
			t.Errorf("ParseDate(%q) = %s, want %s", tc.in, d, tc.want)
		case tc.wantErr && !d.IsZero():
			t.Errorf("ParseDate(%q) returned %s with its error, want the zero Date", tc.in, d)
		}
	}
	_, err := ParseDate("2026-02-30")
	if want := `"2026-02-30" is not a date in the form YYYY-MM-DD`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestParseDay(t *testing.T) {
	today := NewDate(2026, time.January, 1)
	tests := []struct {
		in, want string
	}{
		{"today", "2026-01-01"},
		{" Today ", "2026-01-01"},
		{"yesterday", "2025-12-31"},
		{"YESTERDAY", "2025-12-31"},
		{"2025-06-30", "2025-06-30"},
	}
	for _, tc := range tests {
		d, err := ParseDay(tc.in, today)
		if err != nil || d.String() != tc.want {
			t.Errorf("ParseDay(%q) = %s, %v; want %s", tc.in, d, err, tc.want)
		}
	}
	for _, bad := range []string{"", " ", "tomorrow", "last week", "2025-02-29"} {
		if d, err := ParseDay(bad, today); err == nil {
			t.Errorf("ParseDay(%q) = %s, want an error", bad, d)
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2025-12-31", 1, "2026-01-01"},
		{"2026-01-01", -1, "2025-12-31"},
		{"2026-01-05", -19, "2025-12-17"},
		{"2025-03-15", 365, "2026-03-15"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2024-02-29", 1, "2024-03-01"},
		{"2026-03-28", 2, "2026-03-30"}, // the night the clocks change in Europe
		{"2026-03-15", 0, "2026-03-15"},
	}
	for _, tc := range tests {
		if got := mustDate(t, tc.from).AddDays(tc.n); got.String() != tc.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestDaysSince(t *testing.T) {
	tests := []struct {
		d, e string
		want int
	}{
		{"2026-01-01", "2025-12-31", 1},
		{"2025-12-31", "2026-01-01", -1},
		{"2026-03-15", "2026-03-15", 0},
		{"2024-03-01", "2024-02-01", 29},
		{"2026-03-01", "2025-03-01", 365},
		{"2025-03-01", "2024-03-01", 365},
		{"2024-03-01", "2023-03-01", 366},
	}
	for _, tc := range tests {
		if got := mustDate(t, tc.d).DaysSince(mustDate(t, tc.e)); got != tc.want {
			t.Errorf("%s.DaysSince(%s) = %d, want %d", tc.d, tc.e, got, tc.want)
		}
	}
}

func TestDateOf(t *testing.T) {
	// 23:30 in New York is already the next day in UTC: the check-in belongs
	// to the runner's own day.
	ny := time.FixedZone("EST", -5*60*60)
	if got := DateOf(time.Date(2026, time.March, 15, 23, 30, 0, 0, ny)); got.String() != "2026-03-15" {
		t.Errorf("DateOf(23:30 EST) = %s, want 2026-03-15", got)
	}
	tokyo := time.FixedZone("JST", 9*60*60)
	if got := DateOf(time.Date(2026, time.March, 15, 0, 30, 0, 0, tokyo)); got.String() != "2026-03-15" {
		t.Errorf("DateOf(00:30 JST) = %s, want 2026-03-15", got)
	}
}

func TestDate(t *testing.T) {
	if got := NewDate(2026, time.January, 32); got.String() != "2026-02-01" {
		t.Errorf("NewDate(2026, January, 32) = %s, want 2026-02-01", got)
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q", zero.IsZero(), zero.String())
	}
	a, b := mustDate(t, "2026-03-14"), mustDate(t, "2026-03-15")
	if !a.Before(b) || a.After(b) || !b.After(a) || b.Before(a) || a.Before(a) || a.After(a) {
		t.Error("Before/After disagree with the calendar")
	}
	if NewDate(2026, time.March, 15) != b || a.AddDays(1) != b {
		t.Error("equal days are not == ")
	}
	if b.Weekday() != time.Sunday {
		t.Errorf("2026-03-15 is a %s, want Sunday", b.Weekday())
	}
	if tm := b.Time(); tm.Location() != time.UTC || tm.Hour() != 0 {
		t.Errorf("Time() = %v, want midnight UTC", tm)
	}
}

// One rule for every way a date comes in: a day from EarliestDay to
// LatestDay(today), tomorrow, in the same words everywhere.
func TestDayRange(t *testing.T) {
	today := NewDate(2026, time.March, 15)
	answers := map[string]string{FieldMood: "3", FieldMotivation: "3", FieldSleepHours: "7", FieldEffort: "3"}
	const want = "date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got %s)"
	entries := map[string]func(s string) error{
		"ParseDay":      func(s string) error { _, err := ParseDay(s, today); return err },
		"ParsePastDay":  func(s string) error { _, err := ParsePastDay(s, today); return err },
		"ParseDateAsOf": func(s string) error { _, err := ParseDateAsOf(s, today); return err },
		"ParseAnswers": func(s string) error { // and so Validate
			d, ok := parseDate(s)
			if !ok {
				t.Fatalf("parseDate(%q) failed", s)
			}
			_, err := ParseAnswers(d, today, answers)
			return err
		},
	}
	tests := []struct {
		in string
		ok bool
	}{
		{"0000-01-01", false},
		{"0001-01-01", false}, // the zero Date
		{"0001-01-02", false},
		{"1899-12-31", false},
		{"1900-01-01", true},
		{"2026-03-15", true}, // today
		{"2026-03-16", true}, // tomorrow: a day's grace for time zones
		{"2026-03-17", false},
		{"9999-12-31", false},
	}
	for _, tc := range tests {
		for name, parse := range entries {
			if name == "ParseAnswers" && tc.in == "0001-01-01" {
				continue // the zero Date is "no date" to Validate (TestFieldErrorMessages); every reader refuses it first
			}
			err := parse(tc.in)
			switch {
			case tc.ok && err != nil:
				t.Errorf("%s(%s): %v", name, tc.in, err)
			case !tc.ok && (err == nil || err.Error() != fmt.Sprintf(want, tc.in)):
				t.Errorf("%s(%s) = %v, want %q", name, tc.in, err, fmt.Sprintf(want, tc.in))
			}
			var fe *FieldError
			if !tc.ok && !errors.As(err, &fe) {
				t.Errorf("%s(%s): %T, want a *FieldError", name, tc.in, err)
			}
		}
	}
	// ParseDate knows no today: it refuses the days before 1900 alone.
	for _, s := range []string{"0000-01-01", "0001-01-01", "1899-12-31"} {
		var fe *FieldError
		if d, err := ParseDate(s); !errors.As(err, &fe) || !d.IsZero() ||
			err.Error() != "date: must be a day from 1900-01-01 to 9999-12-31 (got "+s+")" {
			t.Errorf("ParseDate(%s) = %s, %v", s, d, err)
		}
	}
	for _, s := range []string{"1900-01-01", "9999-12-31"} {
		if d, err := ParseDate(s); err != nil || d.String() != s {
			t.Errorf("ParseDate(%s) = %s, %v", s, d, err)
		}
	}
	// "yesterday" on the first day there is.
	if _, err := ParseDay("yesterday", EarliestDay()); err == nil || err.Error() != "date: must be a day from 1900-01-01 to 1900-01-02, today plus a day's grace for time zones (got 1899-12-31)" {
		t.Errorf("yesterday of 1900-01-01: %v", err)
	}
	// The weeks: 1900-W01 starts on 1900-01-01, a Monday.
	for s, want := range map[string]string{
		"1900-W01": "",
		"2026-W12": "", // tomorrow, Monday, is in it
		"1899-W52": "week: must be a week from 1900-W01 to 2026-W12, the week of tomorrow (got 1899-W52)",
		"0000-W01": "week: must be a week from 1900-W01 to 2026-W12, the week of tomorrow (got 0000-W01)",
		"2026-W13": "week: must be a week from 1900-W01 to 2026-W12, the week of tomorrow (got 2026-W13)",
	} {
		_, err := ParsePastWeek(s, today)
		if got := fmt.Sprint(err); want == "" && err != nil || want != "" && got != want {
			t.Errorf("ParsePastWeek(%s) = %v, want %q", s, err, want)
		}
	}
}

func TestLatestDay(t *testing.T) {
	for today, want := range map[Date]string{
		NewDate(2026, time.March, 15):    "2026-03-16",
		NewDate(2026, time.December, 31): "2027-01-01",
		NewDate(9999, time.December, 30): "9999-12-31",
		NewDate(9999, time.December, 31): "9999-12-31", // the last day YYYY-MM-DD can write
	} {
		if got := LatestDay(today).String(); got != want {
			t.Errorf("LatestDay(%s) = %s, want %s", today, got, want)
		}
	}
	if got := EarliestDay(); got.String() != "1900-01-01" || got.Weekday() != time.Monday || WeekOf(got).String() != "1900-W01" {
		t.Errorf("EarliestDay() = %s, a %s in %s; want 1900-01-01, the Monday of 1900-W01", got, got.Weekday(), WeekOf(got))
	}
}
