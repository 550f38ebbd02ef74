package slump

import "math/bits"

// FormBand is the band of the runner's form, as a percentage of fitness.
// The ids are a stable interface.
type FormBand string

// The bands, from the freshest to the most fatigued.
const (
	BandTransition FormBand = "transition" // fresh for so long that fitness is being lost
	BandFresh      FormBand = "fresh"      // rested: race-ready
	BandNeutral    FormBand = "neutral"    // the grey zone: maintaining
	BandOptimal    FormBand = "optimal"    // productive training
	BandHighRisk   FormBand = "high_risk"  // more fatigue than the runner's fitness carries
)

// The fitness, fatigue and form model (TrainingPeaks' Performance Manager,
// as Intervals.icu and Garmin draw it), on Foster's session load. The
// README's "Where the numbers come from" gives the sources.
const (
	fitnessDays  = 42 // fitness: the chronic training load's time constant, 6 weeks (Banister; TrainingPeaks' CTL)
	fatigueDays  = 7  // fatigue: the acute training load's, 1 week (TrainingPeaks' ATL)
	formStretch  = 10 // form_high_risk reads this many days ending on the date ... (design choice)
	formStretchN = 7  // ... and fires when this many of them were in high_risk, with signs present

	// fitnessSettleDays is how long fitness is "still building": both
	// figures start at 0, and after 42 days fitness has reached only 63 %
	// of an unchanged routine's level (1 - (41/42)^42), so form reads about
	// -60 %, high risk, in a routine that never changed. After 90 days it
	// is at 88 % and form reads as the routine is. The band waits for it
	// (the issue asks for none before 42 days; 90 is a design choice).
	fitnessSettleDays = 90
)

// FormBands are the thresholds of the form bands, as a percentage of
// fitness: above Transition is transition, above Fresh fresh, from
// Optimal up to Fresh neutral (Optimal itself is neutral), from HighRisk up
// to Optimal optimal, below HighRisk high_risk. The defaults are
// Intervals.icu's form zones drawn as a percentage of fitness (+20, +5,
// -10, -30). sRPE loads are 5-10 times a TSS, so TrainingPeaks' zones in
// TSS points (+25, +5, -10, -30) do not transfer; as a percentage they do,
// whatever the unit. Not validated on session-RPE loads: a design choice,
// settable in config.toml.
type FormBands struct {
	Transition, Fresh, Optimal, HighRisk float64
}

// DefaultFormBands returns the default thresholds.
func DefaultFormBands() FormBands {
	return FormBands{Transition: 20, Fresh: 5, Optimal: -10, HighRisk: -30}
}

// Band returns the band of form as pct percent of fitness.
func (b FormBands) Band(pct float64) FormBand {
	switch {
	case pct > b.Transition:
		return BandTransition
	case pct > b.Fresh:
		return BandFresh
	case pct >= b.Optimal:
		return BandNeutral
	case pct >= b.HighRisk:
		return BandOptimal
	}
	return BandHighRisk
}

// FitnessDay is the model on one day.
type FitnessDay struct {
	Date Date
	// Fitness and Fatigue at the end of the day, its load included;
	// Form is Fitness - Fatigue of the day before: what the runner brings
	// into the day.
	Fitness, Fatigue, Form float64
	// Percent is Form as a percentage of the day before's Fitness, and
	// Band its band; HasBand is false while fitness is still building
	// (before fitnessDays days of journal) or is 0.
	Percent float64
	Band    FormBand
	HasBand bool
	// UnknownDays is how many of the fitnessDays days ending on Date count
	// a load of 0 because it is not known: no check-in, or an effort
	// without minutes.
	UnknownDays int
}

// FitnessFatigue runs the model over the loads (any order; later ones of
// a date win; a day without a load, or whose load is unknown, is 0) on
// calendar days from the first load on, both starting at 0 the day before
// it:
//
//	fitness(d) = fitness(d-1) + (load(d) - fitness(d-1)) / 42
//	fatigue(d) = fatigue(d-1) + (load(d) - fatigue(d-1)) / 7
//	form(d)    = fitness(d-1) - fatigue(d-1)
//
// and returns the days from from to to (none before the first load). To
// read a day within 1e-6 of the whole journal's figures, the loads need
// cover only the fitnessLookback days before it (see FitnessLookback).
func FitnessFatigue(loads []Load, bands FormBands, from, to Date) []FitnessDay {
	var out []FitnessDay
	newEWMASeries(loadSource{loads: loads, useLoads: true}, to).fitness(bands, from, func(d FitnessDay) { out = append(out, d) })
	return out
}

// FitnessLookback is how many days of loads before a day its fitness
// needs: the fitness of a day whose loads start this many days earlier is
// within 1e-6 of the whole journal's, whatever came before (the weight of
// the days before is (41/42)^days, and a fitness is at most 14,400 AU:
// 14,400 x (41/42)^1000 < 5e-7). Fatigue forgets faster.
const FitnessLookback = 1000

// fitness runs the model over the series and calls visit for every day
// from from on.
func (e ewmaSeries) fitness(bands FormBands, from Date, visit func(FitnessDay)) {
	if e.first.IsZero() {
		return
	}
	_, age0 := e.origin()
	skip := max(0, from.DaysSince(e.first))
	e.walk(func(t int, s *LoadState, form, before float64) {
		if t < skip {
			return
		}
		// UnknownDays: of the fitnessDays days ending on t, from the first check-in on.
		d := FitnessDay{Date: e.first.AddDays(t), Fitness: s.Fitness, Fatigue: s.Fatigue, Form: form,
			UnknownDays: bits.OnesCount64(s.Unknown)}
		if age0+t >= fitnessSettleDays-1 && before > 0 {
			d.Percent = form / before * 100
			d.Band, d.HasBand = bands.Band(d.Percent), true
		}
		visit(d)
	})
}

// setFitness sets the fitness figures of the metrics from d, the model on
// the reading's day; none when d is nil (no check-in up to the day).
func (m *Metrics) setFitness(d *FitnessDay) {
	if d == nil {
		return
	}
	fit, fat, form, unknown := d.Fitness, d.Fatigue, d.Form, d.UnknownDays
	m.Fitness, m.Fatigue, m.Form, m.FitnessUnknownDays = &fit, &fat, &form, &unknown
	if d.HasBand {
		pct, band := d.Percent, d.Band
		m.FormPercent, m.FormBand = &pct, &band
	}
}
