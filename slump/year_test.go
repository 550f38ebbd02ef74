package slump

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// A year is Days over 1 January to 31 December, counted up to today: every
// day once, by its level or as no check-in; the days still to come not at
// all.
func TestYear(t *testing.T) {
	for i := range 20 {
		h := randomJournal(rand.New(rand.NewPCG(uint64(i), 400)), 400, false)
		for _, year := range []int{2025, 2026} {
			from, to := YearSpan(year)
			y := defaults.Year(h, nil, year, today)
			if want := daysOf(h, from, to, today); y.Year != year || !reflect.DeepEqual(y.Days, want) {
				t.Fatalf("journal %d, %d: the days are not Days(1 Jan, 31 Dec)", i, year)
			}
			var want YearCounts
			count := map[Level]*int{LevelOK: &want.OK, LevelWatch: &want.Watch, LevelSlump: &want.Slump, LevelUnknown: &want.Unknown}
			for _, d := range y.Days {
				switch {
				case d.Future(today):
				case d.Checkin == nil:
					want.NoCheckin++
				default:
					*count[d.Reading.Level]++
				}
			}
			if y.Counts != want {
				t.Errorf("journal %d, %d: counts %+v, want %+v", i, year, y.Counts, want)
			}
			days := 365 // every day up to today, and a later one with a check-in
			if year == 2026 {
				days = today.DaysSince(from) + 1
				for _, d := range y.Days {
					if d.Date.After(today) && d.Checkin != nil {
						days++
					}
				}
			}
			if y.Counts.Total() != days {
				t.Errorf("journal %d, %d: %d days counted, want %d", i, year, y.Counts.Total(), days)
			}
		}
	}
	if n := len(defaults.Year(nil, nil, 2024, today).Days); n != 366 {
		t.Errorf("2024 has %d days, want 366", n)
	}
}

func TestDayMark(t *testing.T) {
	c := func(effort int, dt DayType) *Checkin { return &Checkin{Effort: effort, DayType: dt} }
	for _, tt := range []struct {
		c    *Checkin
		want DayMark
	}{
		{nil, MarkNone},
		{c(5, ""), MarkNone},
		{c(5, DayTravel), MarkNone},
		{c(0, ""), MarkRest},
		{c(0, DayTravel), MarkRest},
		{c(0, DaySick), MarkSick},
		{c(3, DaySick), MarkSick},
		{c(0, DayInjured), MarkInjured},
		{c(9, DayRace), MarkRace},
		{c(0, DayRace), MarkRace},
	} {
		if got := (Day{Checkin: tt.c}).Mark(); got != tt.want {
			t.Errorf("%+v: mark %d, want %d", tt.c, got, tt.want)
		}
	}
}

func TestParsePastYear(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"2026", 2026}, {" 1900 ", 1900}, {"2000", 2000}} {
		if got, err := ParsePastYear(tt.in, today); err != nil || got != tt.want {
			t.Errorf("%q: %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"2027", "1899", "0000", "26", "+2026", "2026-01", "", "year", "02026"} {
		_, err := ParsePastYear(in, today)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "year" {
			t.Errorf("%q: %v, want a FieldError for year", in, err)
			continue
		}
		if want := `year: must be a year from 1900 to 2026, this year (got "` + in + `")`; err.Error() != want {
			t.Errorf("%q: %q, want %q", in, err, want)
		}
	}
	// On New Year's Day the new year is this year.
	if y, err := ParsePastYear("2027", NewDate(2027, time.January, 1)); err != nil || y != 2027 {
		t.Errorf("2027 on 1 January 2027: %d, %v", y, err)
	}
}

// The year screen and laceup year on a 10-year journal: the rows the store
// loads for a year (SeriesWindow of 1 January to 31 December), scored up to
// today; and a whole past year.
func BenchmarkYear(b *testing.B) {
	h := randomJournal(rand.New(rand.NewPCG(1, 3650)), 3650, false)
	for _, bench := range []struct {
		name string
		year int
	}{{"this year, to 15 March", today.Time().Year()}, {"a whole year", today.Time().Year() - 1}} {
		start, end := SeriesWindow(YearSpan(bench.year))
		var span []Checkin
		for _, c := range h {
			if !c.Date.Before(start) && !c.Date.After(end) {
				span = append(span, c)
			}
		}
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				defaults.Year(span, nil, bench.year, today)
			}
		})
	}
}
