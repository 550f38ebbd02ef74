package slump

import "slices"

// Summarize describes the check-ins of the days from..to, both included, the
// way Reading.Week describes the 7 days ending on a reading's date: pass a
// Week's Start and End for an ISO week, Monday to Sunday. The history may be
// in any order; check-ins outside the range or with a zero Date are ignored,
// and of two check-ins for one date the later in history wins, as in Meter.
// Start and End are from and to; the counts are over the logged days, and
// the averages are nil when no day of the range has a check-in. When to is
// before from the range is empty: the summary has zero counts. Hard efforts
// are efforts of HardEffort (7) or more: it is
// SummarizeWith(DefaultConfig(), history, from, to).
//
// Summarize(h, d.AddDays(-6), d) equals Meter(h, d).Week.
func Summarize(history []Checkin, from, to Date) WeekSummary {
	return SummarizeWith(DefaultConfig(), history, from, to)
}

// SummarizeWith is Summarize counting hard efforts from cfg.HardEffort, as
// MeterWith with cfg does: SummarizeWith(cfg, h, d.AddDays(-6), d) equals
// MeterWith(cfg, h, nil, d).Week.
func SummarizeWith(cfg Config, history []Checkin, from, to Date) WeekSummary {
	hard := cfg.clamped().HardEffort
	var in []int // indexes in history of the check-ins in range
	for i, c := range history {
		if !c.Date.IsZero() && !c.Date.Before(from) && !c.Date.After(to) {
			in = append(in, i)
		}
	}
	// By date, keeping history order within a date, so the last of a date
	// is the last of its run.
	slices.SortStableFunc(in, func(i, j int) int { return history[i].Date.DaysSince(history[j].Date) })
	var st weekStats
	for k, i := range in {
		if k+1 < len(in) && history[in[k+1]].Date == history[i].Date {
			continue
		}
		st.add(history[i], hard)
	}
	return st.summary(from, to)
}

// SeriesWindow returns the range of days, both ends included, whose
// check-ins Readings(history, from, to) reads: from Window(from)'s first day
// (54 days before from) to to. A store can load only these rows; as for
// Meter, Metrics.ACWREWMA then starts at the first check-in of those rows
// unless ReadingsWith gets the journal's loads. When to is before from,
// Readings reads nothing, whatever the range.
func SeriesWindow(from, to Date) (Date, Date) {
	start, _ := Window(from)
	return start, to
}

// Readings returns the meter of every day from from to to, both included,
// oldest first: Readings(history, from, to)[i] is exactly
// Meter(history, from.AddDays(i)). It is
// ReadingsWith(DefaultConfig(), history, nil, from, to).
func Readings(history []Checkin, from, to Date) []Reading {
	return ReadingsWith(DefaultConfig(), history, nil, from, to)
}

// ReadingsWith returns the meter of every day from from to to, both
// included, oldest first: ReadingsWith(cfg, history, loads, from, to)[i] is
// exactly MeterWith(cfg, history, loads, from.AddDays(i)). Both compute
// through the same code: the check-ins of SeriesWindow(from, to) indexed by
// date, and the load series run once for the EWMA. ReadingsWith builds that
// index once, reading the history a single time, and scores each day once
// (where per-day MeterWith calls would rescan the history and rescore the
// streak days). history, loads and cfg are taken as by MeterWith. When to
// is before from the range is empty and ReadingsWith returns nil.
func ReadingsWith(cfg Config, history []Checkin, loads []Load, from, to Date) []Reading {
	if to.Before(from) {
		return nil
	}
	start, end := SeriesWindow(from, to)
	s := newSeries(cfg, history, start, end)
	first := from.DaysSince(start) // windowDays-1
	n := len(s.slot) - first
	ratios := make([]float64, n)
	ok := make([]bool, n)
	newEWMASeries(sourceOf(history, loads), to).run(from, func(day Date, r float64, good bool) {
		j := day.DaysSince(from)
		ratios[j], ok[j] = r, good
	})
	out := make([]Reading, 0, n)
	for j, day := 0, from; j < n; j, day = j+1, day.AddDays(1) {
		out = append(out, s.reading(first+j, day, ratios[j], ok[j]))
	}
	return out
}

// Day is one calendar day of a range as the history screens show it: its
// check-in and that day's reading, both nil for a day without a check-in.
type Day struct {
	Date    Date
	Checkin *Checkin
	Reading *Reading
}

// Days returns every day from from to to, both included, oldest first, each
// with its check-in and, when it has one, its reading: what a week of
// history or 12 weeks of trends show. Pass the check-ins of
// SeriesWindow(from, to); the history is taken as by Meter. A day after
// today has neither, as it cannot have been checked in. It is
// DaysWith(DefaultConfig(), history, nil, from, to, today).
func Days(history []Checkin, from, to, today Date) []Day {
	return DaysWith(DefaultConfig(), history, nil, from, to, today)
}

// DaysWith is Days with the readings of ReadingsWith(cfg, history, loads,
// ...).
func DaysWith(cfg Config, history []Checkin, loads []Load, from, to, today Date) []Day {
	if to.Before(from) {
		return nil
	}
	byDate := make(map[Date]Checkin)
	for _, c := range history {
		if !c.Date.Before(from) && !c.Date.After(to) && !c.Date.After(today) {
			byDate[c.Date] = c
		}
	}
	last := to
	if today.Before(last) {
		last = today
	}
	readings := ReadingsWith(cfg, history, loads, from, last)
	out := make([]Day, 0, to.DaysSince(from)+1)
	for i, d := 0, from; !d.After(to); i, d = i+1, d.AddDays(1) {
		day := Day{Date: d}
		if c, ok := byDate[d]; ok {
			day.Checkin, day.Reading = &c, &readings[i]
		}
		out = append(out, day)
	}
	return out
}
