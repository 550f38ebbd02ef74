package slump

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSummarize(t *testing.T) {
	w11 := WeekOf(today) // 2026-W11, Monday 9 to Sunday 15 March
	theWeek := week("e8 s6 mood3 mot2 min60", "-", "e0 s8 mood4 mot4", "e7 s7.5 mood5 mot3 min45", "-",
		"e3 s6.5 mood2 mot3", "e0 s9 mood4 mot3 min0")
	bad := "e9 s3 mood1 mot1 min100"
	tests := []struct {
		name     string
		history  []Checkin
		from, to Date
		want     []int     // check-ins, hard efforts, rest days, minutes
		avg      []float64 // sleep, mood, motivation; nil when the averages must be nil
	}{
		{"an ISO week", theWeek, w11.Start(), w11.End(), []int{5, 2, 2, 105}, []float64{7.4, 3.6, 3.0}},
		{"days outside the range are ignored",
			join(days(-13, repeat(7, bad)...), theWeek, days(1, repeat(7, bad)...)), w11.Start(), w11.End(),
			[]int{5, 2, 2, 105}, []float64{7.4, 3.6, 3.0}},
		{"any order", reversed(theWeek), w11.Start(), w11.End(), []int{5, 2, 2, 105}, []float64{7.4, 3.6, 3.0}},
		{"two weeks", join(days(-13, repeat(7, bad)...), theWeek), w11.Start().AddDays(-7), w11.End(),
			[]int{12, 9, 2, 805}, []float64{(37 + 21) / 12.0, (18 + 7) / 12.0, (15 + 7) / 12.0}},
		{"one day", theWeek, today.AddDays(-3), today.AddDays(-3), []int{1, 1, 0, 45}, []float64{7.5, 5, 3}},
		{"a day without a check-in", theWeek, today.AddDays(-2), today.AddDays(-2), []int{0, 0, 0, 0}, nil},
		{"an empty week", theWeek, w11.AddWeeks(1).Start(), w11.AddWeeks(1).End(), []int{0, 0, 0, 0}, nil},
		{"no history", nil, w11.Start(), w11.End(), []int{0, 0, 0, 0}, nil},
		{"to before from is an empty range", theWeek, w11.End(), w11.Start(), []int{0, 0, 0, 0}, nil},
		{"the last check-in of a date wins",
			join(days(0, bad), theWeek, days(0, "e3 s7 mood3 mot3 min30"), days(-6, "e5 s8 mood4 mot4")),
			w11.Start(), w11.End(), []int{5, 1, 1, 75}, []float64{(8 + 8 + 7.5 + 6.5 + 7) / 5.0, 18 / 5.0, 17 / 5.0}},
		{"a check-in with no date is ignored", join(theWeek, []Checkin{checkin(Date{}, bad)}), w11.Start(), w11.End(),
			[]int{5, 2, 2, 105}, []float64{7.4, 3.6, 3.0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := defaults.Summarize(tc.history, tc.from, tc.to)
			if s.Start != tc.from || s.End != tc.to {
				t.Errorf("Start, End = %s, %s; want %s, %s", s.Start, s.End, tc.from, tc.to)
			}
			if got := []int{s.Checkins, s.HardEfforts, s.RestDays, s.Minutes}; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("check-ins, hard efforts, rest days, minutes = %v, want %v", got, tc.want)
			}
			avgs := []*float64{s.AvgSleepHours, s.AvgMood, s.AvgMotivation}
			for i, name := range []string{"sleep", "mood", "motivation"} {
				switch {
				case tc.avg == nil && avgs[i] != nil:
					t.Errorf("average %s = %v, want nil", name, *avgs[i])
				case tc.avg != nil && (avgs[i] == nil || *avgs[i] < tc.avg[i]-1e-9 || *avgs[i] > tc.avg[i]+1e-9):
					t.Errorf("average %s = %v, want %v", name, deref(avgs[i]), tc.avg[i])
				}
			}
		})
	}
}

// The summary of the 7 days ending on a date is the meter's week, exactly.
func TestSummarizeIsTheMetersWeek(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for i := range 2000 {
		h := randomHistory(rng, true)
		day := today.AddDays(-rng.IntN(40))
		want := meterOf(h, day).Week
		if got := defaults.Summarize(h, day.AddDays(-6), day); !reflect.DeepEqual(got, want) {
			t.Fatalf("history %d, %s: Summarize gives\n%+v\nthe meter's week is\n%+v", i, day, got, want)
		}
	}
}

func TestSeriesWindow(t *testing.T) {
	tests := []struct{ from, to, wantFrom string }{
		{"2026-03-15", "2026-03-15", "2026-01-07"},
		{"2025-12-22", "2026-03-15", "2025-10-16"},
		{"2026-01-05", "2026-01-04", "2025-10-30"},
	}
	for _, tc := range tests {
		from, to := mustDate(t, tc.from), mustDate(t, tc.to)
		gotFrom, gotTo := SeriesWindow(from, to)
		if wantFrom, _ := Window(from); gotFrom.String() != tc.wantFrom || gotFrom != wantFrom || gotTo != to {
			t.Errorf("SeriesWindow(%s, %s) = %s, %s; want %s, %s", from, to, gotFrom, gotTo, tc.wantFrom, to)
		}
	}
}

func TestReadingsRanges(t *testing.T) {
	h := randomJournal(rand.New(rand.NewPCG(7, 120)), 120, false)
	tests := []struct {
		name     string
		from, to Date
		wantLen  int
	}{
		{"one day", today, today, 1},
		{"a week", WeekOf(today).Start(), WeekOf(today).End(), 7},
		{"12 weeks", WeekOf(today).AddWeeks(-11).Start(), WeekOf(today).End(), 84},
		{"before the journal", today.AddDays(-400), today.AddDays(-300), 101},
		{"after today", today.AddDays(1), today.AddDays(3), 3},
		{"to the day before from", today, today.AddDays(-1), 0},
		{"to long before from", today, today.AddDays(-100), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := readingsOf(h, tc.from, tc.to)
			if len(rs) != tc.wantLen {
				t.Fatalf("Readings gives %d days, want %d", len(rs), tc.wantLen)
			}
			if tc.wantLen == 0 && rs != nil {
				t.Errorf("Readings = %#v, want nil for an empty range", rs)
			}
			for i, r := range rs {
				if want := meterOf(h, tc.from.AddDays(i)); !reflect.DeepEqual(r, want) {
					t.Fatalf("day %d (%s):\n%+v\nMeter gives\n%+v", i, r.Date, r, want)
				}
			}
		})
	}
}

// Readings is Meter, day by day, on any history, and reads only
// SeriesWindow (given the journal's loads for the EWMA ratio).
func TestReadingsAreMeter(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	cfg := DefaultConfig()
	for i := range 600 {
		h := randomHistory(rng, true)
		if i%2 == 0 {
			h = randomJournal(rng, 60+rng.IntN(80), true)
		}
		from := today.AddDays(-45 + rng.IntN(55))
		to := from.AddDays(rng.IntN(40) - 5) // sometimes before from
		rs := readingsOf(h, from, to)
		if to.Before(from) {
			if rs != nil {
				t.Fatalf("history %d: readingsOf(%s, %s) = %d readings, want nil", i, from, to, len(rs))
			}
			continue
		}
		if n := to.DaysSince(from) + 1; len(rs) != n {
			t.Fatalf("history %d: readingsOf(%s, %s) = %d readings, want %d", i, from, to, len(rs), n)
		}
		for j, r := range rs {
			if want := meterOf(h, from.AddDays(j)); !reflect.DeepEqual(r, want) {
				t.Fatalf("history %d, day %d (%s): Readings gives\n%+v\nMeter gives\n%+v", i, j, from.AddDays(j), r, want)
			}
		}
		start, end := SeriesWindow(from, to)
		windowed := inRange(h, start, end)
		if got := NewMeter(cfg).Readings(windowed, LoadsOf(h), from, to); !reflect.DeepEqual(got, rs) {
			t.Fatalf("history %d: Readings of SeriesWindow(%s, %s) with the loads differ from the whole history's", i, from, to)
		}
		for j, r := range readingsOf(windowed, from, to) {
			if !formCauseIn(h, start, to) && !formCauseIn(windowed, start, to) && !reflect.DeepEqual(withoutEWMA(r), withoutEWMA(rs[j])) {
				t.Fatalf("history %d: Readings of SeriesWindow(%s, %s) differ from the whole history's on %s", i, from, to, r.Date)
			}
		}
	}
}

// The trends screen: 12 weeks of readings from a 10-year journal, given the
// whole journal or only the rows of SeriesWindow (what the store loads).
func BenchmarkReadings12Weeks(b *testing.B) {
	h := randomJournal(rand.New(rand.NewPCG(1, 3650)), 3650, false)
	to := WeekOf(today).End()
	from := WeekOf(today).AddWeeks(-11).Start()
	start, end := SeriesWindow(from, to)
	var windowed []Checkin
	for _, c := range h {
		if !c.Date.Before(start) && !c.Date.After(end) {
			windowed = append(windowed, c)
		}
	}
	b.Run("10 years", func(b *testing.B) {
		for b.Loop() {
			readingsOf(h, from, to)
		}
	})
	b.Run("window", func(b *testing.B) {
		for b.Loop() {
			readingsOf(windowed, from, to)
		}
	})
}

// The history screen: one week's summary from a 10-year journal.
func BenchmarkSummarizeWeek(b *testing.B) {
	h := randomJournal(rand.New(rand.NewPCG(1, 3650)), 3650, false)
	w := WeekOf(today)
	b.Run("10 years", func(b *testing.B) {
		for b.Loop() {
			defaults.Summarize(h, w.Start(), w.End())
		}
	})
	b.Run("week", func(b *testing.B) {
		var rows []Checkin
		for _, c := range h {
			if WeekOf(c.Date) == w {
				rows = append(rows, c)
			}
		}
		for b.Loop() {
			defaults.Summarize(rows, w.Start(), w.End())
		}
	})
}

func TestDays(t *testing.T) {
	h := week("e3", "-", "e8", "e0", "-", "e4", "e3")
	from, to := today.AddDays(-6), today.AddDays(3)
	got := daysOf(h, from, to, today)
	if len(got) != 10 {
		t.Fatalf("%d days, want 10", len(got))
	}
	readings := readingsOf(h, from, today)
	for i, d := range got {
		if d.Date != from.AddDays(i) {
			t.Errorf("day %d is %s", i, d.Date)
		}
		logged := i != 1 && i != 4 && i <= 6
		if (d.Checkin != nil) != logged || (d.Reading != nil) != logged {
			t.Errorf("%s: checkin %v, reading %v; want both %v", d.Date, d.Checkin != nil, d.Reading != nil, logged)
		}
		if logged && (d.Checkin.Date != d.Date || !reflect.DeepEqual(*d.Reading, readings[i])) {
			t.Errorf("%s: check-in of %s, reading %+v, want %+v", d.Date, d.Checkin.Date, *d.Reading, readings[i])
		}
	}
	if daysOf(h, today, today.AddDays(-1), today) != nil {
		t.Error("an empty range has days")
	}
}

// A check-in after today (tomorrow, made in a time zone ahead) is a day of
// the range like any other: with its reading, counted by Summarize, never
// Future; a day after today without one is Future.
func TestDaysAfterToday(t *testing.T) {
	h := append(week("e3", "-", "e8", "e0", "-", "e4", "e3"), days(1, "e5")...) // and tomorrow
	from, to := today.AddDays(-6), today.AddDays(3)
	got := daysOf(h, from, to, today)
	readings := readingsOf(h, from, today.AddDays(1))
	tomorrow := got[7]
	if tomorrow.Checkin == nil || tomorrow.Checkin.Date != today.AddDays(1) || tomorrow.Reading == nil ||
		!reflect.DeepEqual(*tomorrow.Reading, readings[7]) || tomorrow.Future(today) {
		t.Errorf("tomorrow = %+v, future %v; want its check-in and reading %+v, not future", tomorrow, tomorrow.Future(today), readings[7])
	}
	if n := defaults.Summarize(h, from, to).Checkins; n != 6 {
		t.Errorf("Summarize counts %d check-ins, want 6", n)
	}
	for i, d := range got {
		future := i > 7 // the days after tomorrow
		if d.Future(today) != future || future && (d.Checkin != nil || d.Reading != nil) {
			t.Errorf("%s: future %v, check-in %v; want future %v", d.Date, d.Future(today), d.Checkin != nil, future)
		}
	}
	// A week wholly after today holds its check-in too.
	if got := daysOf(h, today.AddDays(1), today.AddDays(2), today); got[0].Checkin == nil || got[0].Reading == nil || !got[1].Future(today) {
		t.Errorf("a range after today: %+v", got)
	}
}
