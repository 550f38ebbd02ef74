package slump

import "math"

// Level is the meter's verdict, by score band.
type Level string

const (
	LevelOK    Level = "ok"    // score 0-29: training and recovery look balanced
	LevelWatch Level = "watch" // score 30-59: some warning signs; adjust this week
	LevelSlump Level = "slump" // score 60-100: in a slump or digging into one
)

// Score bands: a score at or above WatchFrom is LevelWatch, at or above
// SlumpFrom is LevelSlump.
const (
	WatchFrom = 30
	SlumpFrom = 60
	MaxScore  = 100
)

// LevelOf returns the level of a score.
func LevelOf(score int) Level {
	switch {
	case score >= SlumpFrom:
		return LevelSlump
	case score >= WatchFrom:
		return LevelWatch
	}
	return LevelOK
}

// Signal ids. They are part of laceup's interface (JSON, scripts): never
// rename one.
const (
	SignalHardEfforts   = "hard_efforts"
	SignalNoRestDay     = "no_rest_day"
	SignalShortSleep    = "short_sleep"
	SignalLowMotivation = "low_motivation"
	SignalLowMood       = "low_mood"
)

// Signal is one reason the meter moved: its id, the points it added to the
// score, and a one-line explanation in plain words.
type Signal struct {
	ID     string
	Points int
	Detail string
}

// Tip ids. They are part of laceup's interface: never rename one.
const (
	TipStepAway       = "step_away"
	TipCapHardEfforts = "cap_hard_efforts"
	TipSleepMore      = "sleep_more"
	TipTakeRestDay    = "take_rest_day"
	TipRunningBuddy   = "running_buddy"
	TipMixItUp        = "mix_it_up"
	TipNewGear        = "new_gear"
	TipListenToBody   = "listen_to_body"
)

// Tip is the advice that matches the strongest cause, paraphrased from the
// article with credit in Source.
type Tip struct {
	ID     string
	Title  string // a short imperative line
	Text   string // two or three sentences in plain words
	Source string // who the advice comes from
}

// WeekSummary describes a range of days, counting only the days that have a
// check-in: in a Reading, the 7 days ending on its date; from Summarize, any
// range, such as an ISO week. Averages are nil when no day has data.
type WeekSummary struct {
	Start, End    Date // the range, both included: in a Reading, End is its date and Start 6 days earlier
	Checkins      int  // days with a check-in (0-7 in a Reading)
	HardEfforts   int  // days with effort >= HardEffort
	RestDays      int  // days with effort == RestEffort
	Minutes       int  // training minutes logged
	AvgSleepHours *float64
	AvgMood       *float64
	AvgMotivation *float64
}

// Reading is the meter for one date: the score 0-100, its level, the signals
// that fired (strongest first), the tip, and the week it was computed from.
type Reading struct {
	Date    Date
	Score   int
	Level   Level
	Signals []Signal
	Tip     Tip
	Week    WeekSummary
	// SlumpStreak is the number of consecutive days, ending on Date, whose
	// score was in the slump band (0 when Date is not).
	SlumpStreak int
	// DeepSlump is true when the slump is deep enough to call for a
	// complete break (step_away).
	DeepSlump bool
	// RestRun is the number of complete rest days in a row ending on Date
	// (counted up to 14). Once it reaches 3 the break is under way, and a
	// deep slump no longer gets step_away again.
	RestRun int
}

// CheckinsLast7Days is how many of the 7 days ending on the reading's date
// have a check-in: the meter's coverage.
func (r Reading) CheckinsLast7Days() int { return r.Week.Checkins }

// Sparse reports whether the week has too few check-ins for the meter to see
// a pattern: fewer than the days the no_rest_day rule needs.
func (r Reading) Sparse() bool { return r.Week.Checkins < minLoggedForRest }

// Averages shown to a runner round toward the safe side of their threshold,
// so a number on screen never contradicts a signal: sleep rounds down (a
// shown 7.0 h is never an average that fired short_sleep) and mood and
// motivation round up (a shown 2.0 always fired low_mood or low_motivation).

// ShownSleep rounds an average of hours slept down to the given decimals.
func ShownSleep(avg float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Floor(avg*p+1e-9) / p
}

// ShownScale rounds an average on a 1-5 scale up to the given decimals.
func ShownScale(avg float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Ceil(avg*p-1e-9) / p
}
