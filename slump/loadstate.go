package slump

// LoadState is the load model at the end of a day: all that fitness,
// fatigue and form, the EWMA ratio and the count of unknown loads carry
// from the days before. A reading whose loads start with the state of a
// day before its window (StateLoad) computes exactly what it would from
// the first check-in, given only the days after that day: the meter's
// cost does not grow with the journal's age. A store keeps these as the
// check-ins are written; LoadModel says which model made them.
type LoadState struct {
	Day   Date // the state at the end of this day, its load included
	First Date // the series' first day: the journal's first check-in
	// Fitness and Fatigue, and the acute and chronic EWMAs of the ratio.
	Fitness, Fatigue, Acute, Chronic float64
	// Unknown has bit i set when day Day-i (i < 42, on or after First)
	// counts a load of 0 for want of a known one: the days that
	// FitnessDay.UnknownDays counts.
	Unknown uint64
}

// LoadModel is the version of the load model a LoadState belongs to: a
// laceup that computes loads or the model differently (Load.Value, the
// EWMAs, the unknown days) has another, and ignores states kept by this
// one. It changes with every such change.
const LoadModel = 1

// unknownMask keeps the fitnessDays days of LoadState.Unknown.
const unknownMask = 1<<fitnessDays - 1

// LoadStates runs the load model over loads up to last (from the state
// they start with, if any, else from the first load) and returns its state
// at the end of every day for which keep is true, oldest first. A state is
// only made from the 7th day of the journal on: the EWMAs start at the
// mean load of the first 7 days, so the state of an earlier day would
// depend on the days after it.
func LoadStates(loads []Load, last Date, keep func(Date) bool) []LoadState {
	e := newEWMASeries(loadSource{loads: loads, useLoads: true}, last)
	if e.first.IsZero() {
		return nil
	}
	var out []LoadState
	first, age0 := e.origin()
	e.walk(func(t int, s *LoadState, _, _ float64) {
		if age0+t < ewmaSeedDays-1 {
			return
		}
		if d := e.first.AddDays(t); keep(d) {
			s.Day, s.First = d, first
			out = append(out, *s)
		}
	})
	return out
}
