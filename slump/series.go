package slump

import "slices"

// Summarize describes the check-ins of the days from..to, both included, the
// way Reading.Week describes the 7 days ending on a reading's date: pass a
// Week's Start and End for an ISO week, Monday to Sunday. The history may be
// in any order; check-ins outside the range or with a zero Date are ignored,
// and of two check-ins for one date the later in history wins, as in
// Reading. Start and End are from and to; the counts are over the logged
// days (hard efforts from the Config's hard effort), and the averages are
// nil when no day of the range has a check-in. When to is before from the
// range is empty: the summary has zero counts.
//
// m.Summarize(h, d.AddDays(-6), d) equals m.Reading(h, nil, d).Week.
func (m Meter) Summarize(history []Checkin, from, to Date) WeekSummary {
	cfg := m.Config()
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
		st.add(history[i], cfg)
	}
	return st.summary(from, to)
}

// SeriesWindow returns the range of days, both ends included, whose
// check-ins Readings of from..to reads: from Window(from)'s first day (73
// days before from) to to. A store can load only these rows; as for
// Reading, Metrics.ACWREWMA then starts at the first check-in of those rows
// unless Readings gets the journal's loads. When to is before from,
// Readings reads nothing, whatever the range.
func SeriesWindow(from, to Date) (Date, Date) {
	start, _ := Window(from)
	return start, to
}

// Readings returns the meter of every day from from to to, both included,
// oldest first: m.Readings(history, loads, from, to)[i] is exactly
// m.Reading(history, loads, from.AddDays(i)). Both compute through the same
// code: the check-ins of SeriesWindow(from, to) indexed by date, and the
// load series run once for the EWMA. Readings builds that index once,
// reading the history a single time, and scores each day once (where
// per-day Reading calls would rescan the history and rescore the streak
// days). history and loads are taken as by Reading (a state that loads
// start with must be of a day before the Window of from). When to is before from
// the range is empty and Readings returns nil.
func (m Meter) Readings(history []Checkin, loads []Load, from, to Date) []Reading {
	if to.Before(from) {
		return nil
	}
	start, end := SeriesWindow(from, to)
	s := newSeries(m.Config(), history, start, end)
	first := from.DaysSince(start) // windowDays-1
	n := len(s.slot) - first
	ratios := make([]float64, n)
	ok := make([]bool, n)
	e := newEWMASeries(sourceOf(history, loads), to)
	e.run(from, func(day Date, r float64, good bool) {
		j := day.DaysSince(from)
		ratios[j], ok[j] = r, good
	})
	fds := make([]*FitnessDay, n)
	s.highRisk = make([]bool, len(s.slot))
	e.fitness(m.Config().FormBands(), start, func(d FitnessDay) {
		i := d.Date.DaysSince(start)
		s.highRisk[i] = d.HasBand && d.Band == BandHighRisk
		if j := i - first; j >= 0 {
			fds[j] = &d
		}
	})
	out := make([]Reading, 0, n)
	for j, day := 0, from; j < n; j, day = j+1, day.AddDays(1) {
		r := s.reading(first+j, day, ratios[j], ok[j])
		r.Metrics.setFitness(fds[j])
		out = append(out, r)
	}
	return out
}

// Day is one calendar day of a range as the history screens show it: its
// check-in and that day's reading, both nil for a day without a check-in.
type Day struct {
	Date    Date
	Checkin *Checkin
	Reading *Reading
	// Race is the race of the day in the races table, when it has one and
	// the caller gave the races (MarkRaceDays): a race run without a
	// check-in is still a race day on the calendar.
	Race *Race
}

// MarkRaceDays sets the Race of each of days that has one in races.
func MarkRaceDays(days []Day, races []Race) {
	at := make(map[Date]*Race, len(races))
	for i := range races {
		at[races[i].Date] = &races[i]
	}
	for i := range days {
		days[i].Race = at[days[i].Date]
	}
}

// Future reports whether the day is still to come as of today: after today
// and without a check-in. A day with a check-in is never future: it is
// shown and counted in its week like any other, even after today (a
// check-in made in a time zone ahead of this one can be dated tomorrow: see
// LatestDay).
func (d Day) Future(today Date) bool { return d.Checkin == nil && d.Date.After(today) }

// Days returns every day from from to to, both included, oldest first, each
// with its check-in and, when it has one, its reading: what a week of
// history or 12 weeks of trends show. Pass the check-ins of
// SeriesWindow(from, to); history and loads are taken as by Readings. Every
// check-in of the range is there, as Summarize counts it, a day after today
// too (see Day.Future).
func (m Meter) Days(history []Checkin, loads []Load, from, to, today Date) []Day {
	if to.Before(from) {
		return nil
	}
	last := to // the last day read: today, or a later one with a check-in
	if today.Before(last) {
		last = today
	}
	byDate := make(map[Date]Checkin)
	for _, c := range history {
		if !c.Date.Before(from) && !c.Date.After(to) {
			byDate[c.Date] = c
			if c.Date.After(last) {
				last = c.Date
			}
		}
	}
	readings := m.Readings(history, loads, from, last)
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
