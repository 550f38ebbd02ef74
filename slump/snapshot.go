package slump

// Snapshot is what the meter of one day needs of a journal, as it was at
// one moment: a store reads it in one read transaction, so a check-in saved
// meanwhile is either in all of it or in none.
type Snapshot struct {
	Day      Date      // the day of the reading
	Checkins []Checkin // the check-ins of Window(Day), oldest first, and any after Loads' state
	// Loads is the series of fitness, fatigue and form and of the EWMA
	// ratio, oldest first: the model's state at the end of a day before
	// Window(Day) (StateLoad) and the loads of the days after it, which a
	// store keeps as check-ins are written, so that the meter reads no
	// more days than its window whatever the journal's age; or else the
	// loads of the check-ins up to Day, of FitnessLookback days at least.
	Loads []Load
	Races []Race // the races from the start of Window(Day) on, oldest first: the one ahead, and the ones just run
	// Streak and Longest are the check-in streaks as of Day (see
	// Streaks), when the store read them (StreaksRead); else Streaks counts
	// them from the dates of Loads (after its state, if it starts with one).
	Streak, Longest int
	StreaksRead     bool
}

// Period is what the readings of the days from From to To need of a
// journal (Meter.Weeks, Meter.Year, Meter.Readings), as it was at one
// moment: a store reads it in one read transaction.
type Period struct {
	From, To Date
	// Checkins are those of SeriesWindow(From, To), oldest first, race
	// days marked (MarkRaces), and any after the state Loads starts with.
	Checkins []Checkin
	// Loads is the load series, as Snapshot's: the model's state at the
	// end of a day before the Window of From and the loads after it, or
	// the loads of FitnessLookback days before From on.
	Loads []Load
	Races []Race // every race of the journal, oldest first
}

// Streaks returns the check-in streaks as of the snapshot's day, counted
// from the dates of its loads. A streak is a run of consecutive days with a
// check-in (a rest day checked in counts like any other). current is the
// run that ends on Day, or the day before while Day has no check-in yet (a
// streak is not broken until the day is over), else 0; longest is the
// longest run up to Day.
func (s Snapshot) Streaks() (current, longest int) {
	if s.StreaksRead {
		return s.Streak, s.Longest
	}
	current, longest, _ = streaks(s.Loads, s.Day)
	return current, longest
}

// Checkin returns the check-in of the snapshot's day, and nil if it has
// none.
func (s Snapshot) Checkin() *Checkin {
	for i := range s.Checkins {
		if s.Checkins[i].Date == s.Day {
			return &s.Checkins[i]
		}
	}
	return nil
}

// ReadingOf returns the reading of the snapshot's day.
func (m Meter) ReadingOf(s Snapshot) Reading {
	history := MarkRaces(s.Checkins, s.Races)
	r := m.Reading(history, s.Loads, s.Day)
	r.NextRace = NextRace(s.Races, s.Day)
	m.raceContext(&r, history, s.Races)
	return r
}
