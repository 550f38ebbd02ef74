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
	SignalMonotony      = "monotony"   // Foster's training monotony above the limit (2.0)
	SignalLoadSpike     = "load_spike" // 7-day load 1.5 times the 28-day average or more: descriptive only
	SignalPersistent    = "persistent" // the slump level 3 days running, or low motivation most days of the week
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
	TipStepAway         = "step_away"
	TipCapHardEfforts   = "cap_hard_efforts"
	TipSleepMore        = "sleep_more"
	TipTakeRestDay      = "take_rest_day"
	TipRunningBuddy     = "running_buddy"
	TipMixItUp          = "mix_it_up"
	TipNewGear          = "new_gear"
	TipListenToBody     = "listen_to_body"
	TipSeeAProfessional = "see_a_professional"
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
	HardEfforts   int  // days that count as a hard effort under the meter's Config (Config.IsHard)
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
	// score was in the slump band (0 when Date is not), counted up to
	// MaxSlumpStreak (21).
	SlumpStreak int
	// DeepSlump is true when the slump is deep enough to call for a
	// complete break (step_away): 3 days or more in the slump band, 4 of
	// the article's 5 signals at once, or the persistent signal.
	DeepSlump bool
	// RestRun is the number of complete rest days in a row ending on Date
	// (counted up to 14). Once it reaches 3 the break is under way, and a
	// deep slump no longer gets step_away again.
	RestRun int
	// SlumpRestDays is the number of complete rest days among the
	// SlumpStreak days that lie before the reading's week (7 or more days
	// back), so that the week shows how the runner is since resting. A
	// streak of 14 days with 3 or more of them is a slump that rest has
	// not lifted: the tip is see_a_professional.
	SlumpRestDays int
	// Metrics are the training-load figures and personal baselines behind
	// the signals, each nil when it cannot be computed.
	Metrics Metrics
	// Break is the follow-up of a break the meter called for, nil when
	// there is none (see BreakFollowUp).
	Break *BreakFollowUp
}

// Metrics are the numbers behind the load and baseline signals of a
// reading. A nil field is not computable for that date; the comment of each
// says when. Loads are Foster's session RPE, effort x minutes, in arbitrary
// units (AU); the README's "The model in full" explains every rule.
type Metrics struct {
	// LoadKnownDays is how many of the 7 days ending on the date have a
	// known load: logged rest days (0) and logged training days with
	// minutes. LoadUnknownDays is how many logged days have an effort but
	// no minutes: their load is unknown ("2 days without minutes").
	LoadKnownDays, LoadUnknownDays int
	// WeeklyLoad is the sum of the 7 daily loads, days of unknown load
	// counting 0. Nil when fewer than 5 of the 7 days have a known load;
	// so are Monotony and Strain.
	WeeklyLoad *int
	// Monotony is mean/SD of the 7 daily loads (population SD), at most
	// 10. Nil also for an all-zero week.
	Monotony *float64
	// Strain is WeeklyLoad x Monotony; 0 for an all-zero week.
	Strain *float64
	// UsualStrain is the runner's own usual: the median strain of the 4
	// weeks before (ending 7, 14, 21 and 28 days before the date). Nil
	// when fewer than 3 of them have a strain.
	UsualStrain *float64
	// ACWR is the 7-day load against the 28-day daily average (coupled
	// rolling: 4 x the 7-day sum / the 28-day sum, days without a known
	// load counting 0). ACWREWMA is the ratio of the acute (N = 7) and
	// chronic (N = 28) exponentially weighted averages of the daily load
	// series from the first check-in. Both are nil until 28 days of data
	// exist (a check-in 28 days back, on day Date-27, or in the week before
	// it), when one of the 4 weeks ending on the date has fewer than 5
	// known loads, or when the chronic load is 0; ACWREWMA is nil whenever
	// ACWR is. Descriptive only: a load spike against the last 4 weeks, not
	// an injury predictor (Impellizzeri et al. 2020).
	ACWR, ACWREWMA *float64
	// Sleep (hours), Mood and Motivation (1-5) compare the week with the
	// runner's usual. Nil until 14 of the 28 days before the week are
	// logged, or when fewer than 2 days of the week are.
	Sleep, Mood, Motivation *Baseline
}

// BreakFollowUp shows whether a break helped: the meter on the day before
// it (the day it called for step_away) against the meter now. A reading
// has one when the days before it hold a break, 3 or more complete rest
// days in a row, that began at most 10 days before the reading's date,
// has at least 3 days done, and followed a day whose reading was a deep
// slump. Of several, the latest counts.
type BreakFollowUp struct {
	Start   Date // the first rest day of the break
	End     Date // its last rest day so far
	Days    int  // rest days in the break: End-Start+1
	Ongoing bool // End is the reading's date: the break goes on

	// Before is the day before the break: its score, and its mood and
	// motivation averaged over the 7 days ending on it. After is the
	// reading's date: its score, and mood and motivation averaged over the
	// days from Start to it.
	Before, After BreakPoint
}

// BreakPoint is the meter and the runner's mood and motivation at one end
// of a break's follow-up.
type BreakPoint struct {
	Date          Date
	Score         int
	Level         Level
	From          Date     // the first day of the averages
	Days          int      // logged days behind the averages
	AvgMood       *float64 // nil when no day of From..Date is logged
	AvgMotivation *float64
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
