package slump

import "slices"

// streaks returns the check-in streaks as of today, from the dates of the
// journal's check-ins: the dates of loads, in any order (a date twice counts
// once, and dates after today are ignored). A streak is a run of
// consecutive calendar days with a check-in (a rest day checked in counts
// like any other).
//
// current is the run that ends today, or yesterday while today has no
// check-in yet (a streak is not broken until the day is over); 0
// otherwise. longest is the longest run ending on or before today (at least
// current), and longestEnd its last day; of runs of equal length, the most
// recent. No check-in up to today gives 0, 0 and the zero Date.
func streaks(loads []Load, today Date) (current, longest int, longestEnd Date) {
	last := today.Time().Unix() / 86400
	days := make([]int64, 0, len(loads))
	for _, l := range loads {
		if n := l.Date.Time().Unix() / 86400; !l.Date.IsZero() && l.State == nil && n <= last {
			days = append(days, n)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	run, end := 0, int64(0)
	for i, d := range days {
		if i > 0 && d == days[i-1]+1 {
			run++
		} else {
			run = 1
		}
		if run >= longest {
			longest, end = run, d
		}
	}
	if n := len(days); n > 0 && last-days[n-1] <= 1 {
		current = run
	}
	if longest > 0 {
		longestEnd = today.AddDays(int(end - last))
	}
	return current, longest, longestEnd
}
