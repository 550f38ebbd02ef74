package slump

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzCommandLineValues's seed corpus is in testdata/fuzz/FuzzCommandLineValues/
// and runs with every go test; to search further:
//
//	go test -run '^$' -fuzz FuzzCommandLineValues -fuzztime 30s ./slump

// isHundredths reports whether h is a whole number of hundredths, as
// ParseSleep rounds it, and not -0 (which would export as "-0").
func isHundredths(h float64) bool {
	return math.Round(h*100)/100 == h && !math.Signbit(h)
}

// FuzzCommandLineValues: the parsers of the command line's values never
// panic, and what they accept is in range and reads back the same once
// written the way an export writes it.
func FuzzCommandLineValues(f *testing.F) {
	ints := []struct {
		field  string
		lo, hi int
	}{
		{FieldMood, MinMood, MaxMood},
		{FieldMotivation, MinMotivation, MaxMotivation},
		{FieldEffort, MinEffort, MaxEffort},
		{FieldMinutes, MinMinutes, MaxMinutes},
		{FieldSleepQuality, MinSleepQuality, MaxSleepQuality},
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range ints {
			v, err := ParseInt(r.field, s, r.lo, r.hi)
			if err != nil {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != r.field {
					t.Fatalf("ParseInt(%s, %q): error %v, want a *FieldError for %s", r.field, s, err, r.field)
				}
				continue
			}
			if v < r.lo || v > r.hi {
				t.Fatalf("ParseInt(%s, %q) = %d, out of %d-%d", r.field, s, v, r.lo, r.hi)
			}
			if back, err := ParseInt(r.field, strconv.Itoa(v), r.lo, r.hi); err != nil || back != v {
				t.Fatalf("ParseInt(%s, %q) = %d, which reads back as %d, %v", r.field, s, v, back, err)
			}
		}

		if h, err := ParseSleep(s); err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != FieldSleepHours {
				t.Fatalf("ParseSleep(%q): error %v, want a *FieldError for sleep_hours", s, err)
			}
		} else {
			if !(h >= MinSleepHours && h <= MaxSleepHours) || !isHundredths(h) {
				t.Fatalf("ParseSleep(%q) = %v, want hundredths from 0 to 24", s, h)
			}
			if back, err := ParseSleep(FormatHours(h)); err != nil || back != h {
				t.Fatalf("ParseSleep(%q) = %v, exported as %q, reads back as %v, %v", s, h, FormatHours(h), back, err)
			}
		}

		if d, err := ParseDay(s, today); err == nil {
			if d.Before(EarliestDay()) || d.After(LatestDay(today)) { // the zero Date among them
				t.Fatalf("ParseDay(%q) = %s, outside %s to %s", s, d, EarliestDay(), LatestDay(today))
			}
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("ParseDay(%q) = %s, which reads back as %s, %v", s, d, back, err)
			}
		}

		note := CleanNote(s)
		if !utf8.ValidString(note) || CleanNote(note) != note || note != strings.TrimSpace(note) {
			t.Fatalf("CleanNote(%q) = %q: not valid UTF-8, or not clean", s, note)
		}
		for _, r := range note {
			if unicode.IsControl(r) && r != '\n' && r != '\t' {
				t.Fatalf("CleanNote(%q) = %q keeps the control character %U", s, note, r)
			}
		}
	})
}
