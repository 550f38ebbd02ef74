package slump

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// loadsOn is a load (effort 3, no minutes) on each of days.
func loadsOn(days []Date) []Load {
	ls := make([]Load, len(days))
	for i, d := range days {
		ls[i] = Load{Date: d, Effort: 3}
	}
	return ls
}

// daysBetween returns every day from first to last, both included, except
// those skip reports (skip may be nil).
func daysBetween(first, last Date, skip func(Date) bool) []Date {
	var days []Date
	for d := first; !d.After(last); d = d.AddDays(1) {
		if skip == nil || !skip(d) {
			days = append(days, d)
		}
	}
	return days
}

// shuffled returns the days in a random order, with a few twice: Streaks
// takes them in any order.
func shuffled(rng *rand.Rand, days []Date) []Date {
	out := slices.Clone(days)
	for i := 0; i < len(days)/50; i++ {
		out = append(out, days[rng.IntN(len(days))])
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// refStreaks is the plain reading of Streaks' doc comment: walk the days in
// order, counting runs.
func refStreaks(days []Date, today Date) (current, longest int, longestEnd Date) {
	sorted := slices.SortedFunc(slices.Values(days), func(a, b Date) int { return a.DaysSince(b) })
	run := 0
	var prev Date
	for _, d := range slices.Compact(sorted) {
		if d.After(today) {
			break
		}
		if !prev.IsZero() && d.DaysSince(prev) == 1 {
			run++
		} else {
			run = 1
		}
		if run >= longest {
			longest, longestEnd = run, d
		}
		prev = d
	}
	if !prev.IsZero() && today.DaysSince(prev) <= 1 {
		current = run
	}
	return current, longest, longestEnd
}

func TestStreaks(t *testing.T) {
	today := NewDate(2026, 3, 14)
	ago := func(n ...int) []Date { // days n days before today (negative: after)
		var ds []Date
		for _, k := range n {
			ds = append(ds, today.AddDays(-k))
		}
		return ds
	}
	span := func(from, to int) []int { // from to to days ago, both included
		var ns []int
		for k := from; k >= to; k-- {
			ns = append(ns, k)
		}
		return ns
	}
	tests := []struct {
		name             string
		days             []Date
		today            Date // today if zero
		current, longest int
		longestEnd       Date // zero if none
	}{
		{name: "empty journal"},
		{name: "only today", days: ago(0), current: 1, longest: 1, longestEnd: today},
		{name: "only yesterday: not broken until today is over", days: ago(1),
			current: 1, longest: 1, longestEnd: today.AddDays(-1)},
		{name: "only the day before yesterday: broken", days: ago(2),
			longest: 1, longestEnd: today.AddDays(-2)},
		{name: "run up to yesterday", days: ago(span(5, 1)...),
			current: 5, longest: 5, longestEnd: today.AddDays(-1)},
		{name: "gap of one day", days: ago(0, 1, 3, 4, 5),
			current: 2, longest: 3, longestEnd: today.AddDays(-3)},
		{name: "equal runs: the most recent is longest", days: ago(0, 1, 3, 4),
			current: 2, longest: 2, longestEnd: today},
		{name: "longest in the past", days: ago(append(span(100, 80), span(2, 0)...)...),
			current: 3, longest: 21, longestEnd: today.AddDays(-80)},
		{name: "current is the longest", days: ago(append(span(30, 25), span(9, 0)...)...),
			current: 10, longest: 10, longestEnd: today},
		{name: "future days ignored", days: ago(-1, -2, -5, 1, 0),
			current: 2, longest: 2, longestEnd: today},
		{name: "a run through today is cut at today", days: ago(span(2, -5)...),
			current: 3, longest: 3, longestEnd: today},
		{name: "a longer future run does not count", days: ago(append(span(-1, -30), 5)...),
			longest: 1, longestEnd: today.AddDays(-5)},
		{name: "only future days", days: ago(-1, -2), current: 0, longest: 0},
		{name: "across a year end", days: daysBetween(NewDate(2025, 12, 29), NewDate(2026, 1, 2), nil),
			today: NewDate(2026, 1, 3), current: 5, longest: 5, longestEnd: NewDate(2026, 1, 2)},
		{name: "across February 29", days: daysBetween(NewDate(2024, 2, 27), NewDate(2024, 3, 2), nil),
			today: NewDate(2024, 3, 2), current: 5, longest: 5, longestEnd: NewDate(2024, 3, 2)},
		{name: "February 28 to March 1 is a gap in a leap year",
			days:  []Date{NewDate(2024, 2, 28), NewDate(2024, 3, 1)},
			today: NewDate(2024, 3, 1), current: 1, longest: 1, longestEnd: NewDate(2024, 3, 1)},
		{name: "across 1970-01-01", days: daysBetween(NewDate(1969, 12, 30), NewDate(1970, 1, 2), nil),
			today: NewDate(1970, 1, 3), current: 4, longest: 4, longestEnd: NewDate(1970, 1, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := tt.today
			if day.IsZero() {
				day = today
			}
			cur, long, end := streaks(loadsOn(tt.days), day)
			if cur != tt.current || long != tt.longest || end != tt.longestEnd {
				t.Errorf("streaks(%s) = %d, %d, %q; want %d, %d, %q",
					day, cur, long, end, tt.current, tt.longest, tt.longestEnd)
			}
			// The reference agrees with the table, so it can be trusted below.
			if c, l, e := refStreaks(tt.days, day); c != tt.current || l != tt.longest || e != tt.longestEnd {
				t.Errorf("refStreaks = %d, %d, %q; the table says %d, %d, %q",
					c, l, e, tt.current, tt.longest, tt.longestEnd)
			}
		})
	}
}

func TestStreaksTenYears(t *testing.T) {
	today := NewDate(2026, 3, 14)
	first := today.AddDays(-3649)
	gaps := map[Date]bool{ // a few missed days; the longest run ends 2023-06-30
		NewDate(2017, 8, 1): true, NewDate(2019, 2, 11): true, NewDate(2019, 2, 12): true,
		NewDate(2023, 7, 1): true, NewDate(2025, 12, 24): true,
	}
	journals := map[string][]Date{
		"daily with a few gaps": daysBetween(first, today, func(d Date) bool { return gaps[d] }),
		"daily, and a week ahead": daysBetween(first, today.AddDays(7),
			func(d Date) bool { return gaps[d] || d == today }),
	}
	// Irregular journals: each day kept with probability p, so runs of many
	// lengths, and some days after today.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range []float64{0.5, 0.8, 0.95, 0.99} {
		journals[fmt.Sprintf("random p=%.2f", p)] = daysBetween(first, today.AddDays(30),
			func(Date) bool { return rng.Float64() >= p })
	}
	for name, days := range journals {
		t.Run(name, func(t *testing.T) {
			for _, day := range []Date{today, today.AddDays(-1), NewDate(2023, 7, 2), first, first.AddDays(-1)} {
				cur, long, end := streaks(loadsOn(shuffled(rng, days)), day)
				wc, wl, we := refStreaks(days, day)
				if cur != wc || long != wl || end != we {
					t.Errorf("streaks(%s) = %d, %d, %q; the reference says %d, %d, %q", day, cur, long, end, wc, wl, we)
				}
			}
		})
	}
}
