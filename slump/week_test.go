package slump

import (
	"strings"
	"testing"
	"time"
)

func TestWeekOf(t *testing.T) {
	tests := []struct {
		day  string
		want Week
	}{
		{"2026-11-16", Week{2026, 47}}, // Monday
		{"2026-11-22", Week{2026, 47}}, // Sunday
		{"2026-11-23", Week{2026, 48}},
		{"2026-03-15", Week{2026, 11}},
		{"2025-12-29", Week{2026, 1}}, // 2026-W01 starts in December
		{"2026-01-04", Week{2026, 1}},
		{"2026-12-31", Week{2026, 53}},
		{"2027-01-01", Week{2026, 53}}, // New Year's Day in last year's week
		{"2027-01-03", Week{2026, 53}},
		{"2027-01-04", Week{2027, 1}},
		{"2024-12-29", Week{2024, 52}},
		{"2024-12-30", Week{2025, 1}}, // December in next year's week 1
		{"2020-12-31", Week{2020, 53}},
		{"2021-01-03", Week{2020, 53}},
		{"2021-01-04", Week{2021, 1}},
		{"2024-02-29", Week{2024, 9}},
	}
	for _, tc := range tests {
		if got := WeekOf(mustDate(t, tc.day)); got != tc.want {
			t.Errorf("WeekOf(%s) = %s, want %s", tc.day, got, tc.want)
		}
	}
}

func TestWeeksInYear(t *testing.T) {
	for year, want := range map[int]int{
		2004: 53, 2009: 53, 2015: 53, 2020: 53, 2026: 53, 2032: 53, 2037: 53,
		2019: 52, 2021: 52, 2024: 52, 2025: 52, 2027: 52, 2028: 52,
	} {
		if got := WeeksInYear(year); got != want {
			t.Errorf("WeeksInYear(%d) = %d, want %d", year, got, want)
		}
	}
	// Against a count of the distinct weeks of each year, day by day.
	count := map[int]map[int]bool{}
	for d := NewDate(1899, time.December, 1); d.Before(NewDate(2101, time.February, 1)); d = d.AddDays(1) {
		w := WeekOf(d)
		if count[w.Year] == nil {
			count[w.Year] = map[int]bool{}
		}
		count[w.Year][w.Num] = true
	}
	for year := 1900; year <= 2100; year++ {
		if got, want := WeeksInYear(year), len(count[year]); got != want {
			t.Errorf("WeeksInYear(%d) = %d, the calendar has %d", year, got, want)
		}
	}
}

func TestParseWeek(t *testing.T) {
	tests := []struct {
		in      string
		want    Week
		wantErr string // "" when the input is valid
	}{
		{in: "2026-W47", want: Week{2026, 47}},
		{in: "2026-w47", want: Week{2026, 47}},
		{in: " 2026-W47\n", want: Week{2026, 47}},
		{in: "2026-W01", want: Week{2026, 1}},
		{in: "2026-W53", want: Week{2026, 53}},
		{in: "2020-W53", want: Week{2020, 53}},
		{in: "0987-W05", want: Week{987, 5}},

		{in: "2021-W53", wantErr: `"2021-W53" is not a week in the form YYYY-Www: 2021 has weeks W01 to W52`},
		{in: "2026-W54", wantErr: `"2026-W54" is not a week in the form YYYY-Www: 2026 has weeks W01 to W53`},
		{in: "2026-W00", wantErr: `"2026-W00" is not a week in the form YYYY-Www: 2026 has weeks W01 to W53`},
		{in: "2026-W99", wantErr: `"2026-W99" is not a week in the form YYYY-Www: 2026 has weeks W01 to W53`},
		{in: "2026W47", wantErr: `"2026W47" is not a week in the form YYYY-Www, such as 2026-W47`},
		{in: "2026-W7", wantErr: `"2026-W7" is not a week in the form YYYY-Www, such as 2026-W47`},
		{in: "", wantErr: `"" is not a week in the form YYYY-Www, such as 2026-W47`},
		{in: "2026-47", wantErr: "such as 2026-W47"},
		{in: "26-W047", wantErr: "such as 2026-W47"},
		{in: "2026-X47", wantErr: "such as 2026-W47"},
		{in: "2026-W+7", wantErr: "such as 2026-W47"},
		{in: "+026-W47", wantErr: "such as 2026-W47"},
		{in: "2026-W4x", wantErr: "such as 2026-W47"},
		{in: "2026-W047", wantErr: "such as 2026-W47"},
		{in: "2026-11-16", wantErr: "such as 2026-W47"},
		{in: "2026-W47-1", wantErr: "such as 2026-W47"},
		{in: "２026-W47", wantErr: "such as 2026-W47"}, // a fullwidth digit
	}
	for _, tc := range tests {
		got, err := ParseWeek(tc.in)
		switch {
		case tc.wantErr == "" && (err != nil || got != tc.want):
			t.Errorf("ParseWeek(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || got != Week{}):
			t.Errorf("ParseWeek(%q) = %s, %v; want the zero Week and an error with %q", tc.in, got, err, tc.wantErr)
		}
	}
}

func TestWeekString(t *testing.T) {
	tests := []struct {
		w    Week
		want string
	}{
		{Week{2026, 47}, "2026-W47"},
		{Week{2027, 1}, "2027-W01"},
		{Week{987, 5}, "0987-W05"},
	}
	for _, tc := range tests {
		if got := tc.w.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.w, got, tc.want)
		}
	}
}

func TestWeekDays(t *testing.T) {
	tests := []struct {
		w          Week
		start, end string
	}{
		{Week{2026, 47}, "2026-11-16", "2026-11-22"},
		{Week{2026, 1}, "2025-12-29", "2026-01-04"},
		{Week{2026, 53}, "2026-12-28", "2027-01-03"},
		{Week{2025, 1}, "2024-12-30", "2025-01-05"},
		{Week{2020, 53}, "2020-12-28", "2021-01-03"},
		{Week{2024, 9}, "2024-02-26", "2024-03-03"}, // across 29 February
	}
	for _, tc := range tests {
		if got := tc.w.Start(); got.String() != tc.start {
			t.Errorf("%s.Start() = %s, want %s", tc.w, got, tc.start)
		}
		if got := tc.w.End(); got.String() != tc.end {
			t.Errorf("%s.End() = %s, want %s", tc.w, got, tc.end)
		}
		days := tc.w.Days()
		if days[0] != tc.w.Start() || days[6] != tc.w.End() {
			t.Errorf("%s.Days() = %v, want %s to %s", tc.w, days, tc.start, tc.end)
		}
	}
	// Out-of-range numbers count on from W01 (documented, not an input).
	if got := (Week{2021, 53}).Start(); got != (Week{2022, 1}).Start() {
		t.Errorf("2021-W53 starts %s, want 2022-W01's Monday", got)
	}
}

func TestAddWeeks(t *testing.T) {
	tests := []struct {
		w    Week
		n    int
		want Week
	}{
		{Week{2026, 47}, 0, Week{2026, 47}},
		{Week{2026, 47}, 1, Week{2026, 48}},
		{Week{2026, 53}, 1, Week{2027, 1}},
		{Week{2027, 1}, -1, Week{2026, 53}},
		{Week{2021, 52}, 1, Week{2022, 1}},
		{Week{2021, 1}, -1, Week{2020, 53}},
		{Week{2026, 11}, -11, Week{2025, 52}},
		{Week{2026, 11}, 52, Week{2027, 10}},       // 2026 has 53 weeks
		{Week{2026, 11}, -52 * 10, Week{2016, 12}}, // 2016-03-21
	}
	for _, tc := range tests {
		if got := tc.w.AddWeeks(tc.n); got != tc.want {
			t.Errorf("%s.AddWeeks(%d) = %s, want %s", tc.w, tc.n, got, tc.want)
		}
	}
}

// Every week of 1970-2100: its days, its text form and its neighbours agree
// with WeekOf and the calendar.
func TestWeekRoundTrips(t *testing.T) {
	w := WeekOf(NewDate(1970, time.January, 1))
	end := WeekOf(NewDate(2100, time.December, 31))
	for n := 0; w != end; n++ {
		start := w.Start()
		switch {
		case WeekOf(start) != w || WeekOf(w.End()) != w:
			t.Fatalf("%s: runs from %s (in %s) to %s (in %s)", w, start, WeekOf(start), w.End(), WeekOf(w.End()))
		case start.Weekday() != time.Monday || w.End().Weekday() != time.Sunday:
			t.Fatalf("%s: %s to %s is not Monday to Sunday", w, start, w.End())
		case w.Num < 1 || w.Num > WeeksInYear(w.Year):
			t.Fatalf("%s: number out of 1..%d", w, WeeksInYear(w.Year))
		}
		for i, d := range w.Days() {
			if d != start.AddDays(i) {
				t.Fatalf("%s: daysOf()[%d] = %s, want %s", w, i, d, start.AddDays(i))
			}
		}
		if got, err := ParseWeek(w.String()); err != nil || got != w {
			t.Fatalf("ParseWeek(%q) = %s, %v", w.String(), got, err)
		}
		next := w.AddWeeks(1)
		if next.Start() != w.End().AddDays(1) || next.AddWeeks(-1) != w {
			t.Fatalf("%s: next week %s starts %s", w, next, next.Start())
		}
		if far := w.AddWeeks(n % 700); far.Start() != start.AddDays(7*(n%700)) || far.AddWeeks(-(n%700)) != w {
			t.Fatalf("%s.AddWeeks(%d) = %s", w, n%700, far)
		}
		w = next
	}
}
