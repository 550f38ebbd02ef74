package slump

import "math"

// Level is the meter's verdict, by score band; or unknown, when the week
// has too few check-ins to read.
type Level string

const (
	LevelUnknown Level = "unknown" // fewer than 3 check-ins in the 7 days: the meter does not guess (score 0)
	LevelOK      Level = "ok"      // score 0-29: training and recovery look balanced
	LevelWatch   Level = "watch"   // score 30-59: risk is building, or early signs; adjust this week
	LevelSlump   Level = "slump"   // score 60-100: signs of a slump that have lasted (only they reach it)
)

// Score bands: a score at or above WatchFrom is LevelWatch, at or above
// SlumpFrom is LevelSlump.
const (
	WatchFrom = 30
	SlumpFrom = 60
	MaxScore  = 100
)

// LevelOf returns the level of a score (never LevelUnknown, which is not a
// score's).
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
	SignalMonotony      = "monotony"       // Foster's training monotony above the limit (2.0)
	SignalLoadSpike     = "load_spike"     // 7-day load 1.5 times the 28-day average or more: descriptive only
	SignalFormHighRisk  = "form_high_risk" // form in the high_risk band on 7 of the last 10 days, with signs present: explains them
	SignalPersistent    = "persistent"     // a low answer on most days of the week: a pattern
	SignalHeavyLegs     = "heavy_legs"     // legs heavy and flat, easy paces feeling hard
)

// The kinds of signal. Signs (low_motivation, low_mood, heavy_legs,
// persistent) are how a slump shows: only signs make a slump. Causes
// (hard_efforts, no_rest_day, short_sleep, monotony, load_spike) are what
// digs one: they explain and warn, and alone reach at most the watch level.
const (
	KindSign  = "sign"
	KindCause = "cause"
)

// Signal is one reason the meter moved: its id, its kind (KindSign or
// KindCause), the points it added to the score, a one-line explanation in
// plain words, and a few words for a headline ("your legs feel heavy").
type Signal struct {
	ID     string
	Kind   string
	Points int
	Detail string
	Short  string
}

// Hint ids. A hint explains a reading without points. They are part of
// laceup's interface: never rename one.
const (
	HintRestNotLogged  = "rest_day_not_logged" // rest days missing, but unlogged days may have been them
	HintTravelSleep    = "travel_sleep"        // short nights on travel days, left out of short_sleep
	HintUnwellDays     = "unwell_days"         // sick or injured days: rest, out of the averages
	HintHardAfterRace  = "hard_after_race"     // a hard effort in the 7 days after a race: recovery comes first
	HintRestAfterRace  = "rest_after_race"     // rest in the 7 days after a race: recovery as planned
	HintTaper          = "taper"               // a race in the next 14 days: falling load is the plan
	HintRestDaySession = "rest_day_session"    // a logged rest day with a recorded session: kept as rest
)

// Hint is a note on a reading that moves no points: its id and the note.
type Hint struct {
	ID     string
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
	TipKeepCheckingIn   = "keep_checking_in" // too few check-ins to read the week
	TipGetWell          = "get_well"         // sick or injured: training advice is paused
	TipEaseBack         = "ease_back"        // the first days back after a break or being ill
	TipBeyondTraining   = "beyond_training"  // low mood for two weeks, nothing in the training to explain it
	TipTaper            = "taper"            // signs in the 14 days before a race: the taper is the plan
)

// Tip is the advice that matches the reading, paraphrased from the article
// (or from the source it names) with credit in Source.
type Tip struct {
	ID     string
	Title  string // a short imperative line
	Text   string // two or three sentences in plain words
	Source string // who the advice comes from
}

// WeekSummary describes a range of days, counting only the days that have a
// check-in: in a Reading, the 7 days ending on its date; from Summarize, any
// range, such as an ISO week. The averages are the meter's: they leave out
// sick and injured days, and sleep leaves out travel nights; each is nil
// when no day has its answer.
type WeekSummary struct {
	Start, End    Date // the range, both included: in a Reading, End is its date and Start 6 days earlier
	Checkins      int  // days with a check-in (0-7 in a Reading)
	HardEfforts   int  // hard efforts under the meter's Config (Config.IsHard), and races
	RestDays      int  // complete rest days (effort 0), and sick or injured days
	Minutes       int  // training minutes logged
	UnwellDays    int  // sick or injured days
	TravelDays    int  // travel days
	AvgSleepHours *float64
	AvgMood       *float64
	AvgMotivation *float64
	AvgLegs       *float64
}

// Reading is the meter for one date: the score 0-100, its level, the signals
// that fired (strongest first), the hints, the tip, a headline, and the week
// it was computed from. A reading of level unknown has score 0, no signals
// and the tip keep_checking_in.
type Reading struct {
	Date     Date
	Score    int
	Level    Level
	Signals  []Signal
	Hints    []Hint
	Tip      Tip
	Headline string // the reading in one line of plain words
	Week     WeekSummary
	// SlumpStreak is the number of days, ending on Date, whose readings
	// were at the slump level (0 when Date's is not), counted up to
	// MaxSlumpStreak (21). A day without a check-in neither breaks nor
	// extends it; 3 of them in a row, or a day of unknown level, end it.
	SlumpStreak int
	// SignStreak is the number of days, ending on Date, whose readings had
	// a sign of 25 points or more (a smaller one is a small dip), counted
	// as SlumpStreak is: how long the signs have lasted.
	SignStreak int
	// DeepSlump is true when the signs have lasted: a low answer on most
	// days of the week (persistent), or signs on each of the last 3 logged
	// days. The slump level needs it, and so does a break (step_away,
	// when the training is the cause).
	DeepSlump bool
	// RestRun is the number of rest days (effort 0, sick or injured) in a
	// row ending on Date, counted up to 14.
	RestRun int
	// SlumpRestDays is the number of rest days among the SignStreak days
	// that lie before the reading's week (7 or more days back), so that the
	// week shows how the runner is since resting. Signs that came with the
	// training, for 14 days with 3 or more of them and fatigue or low mood
	// among them (or low mood for 21 days), are more than a break can fix:
	// the tip is see_a_professional.
	SlumpRestDays int
	// Metrics are the training-load figures and personal baselines behind
	// the signals, each nil when it cannot be computed.
	Metrics Metrics
	// Break is the follow-up of a break the meter called for, nil when
	// there is none (see BreakFollowUp).
	Break *BreakFollowUp
	// NextRace is the first race on Date or after it, nil when none is
	// entered (see Snapshot.Races).
	NextRace *RaceAhead
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
	// counting 0: a lower bound. Nil when fewer than 5 of the 7 days have
	// a known load.
	WeeklyLoad *int
	// Monotony is mean/SD of the 7 daily loads (population SD), at most
	// 10. Nil unless all 7 days have a known load (a logged rest day is a
	// known 0): a guessed day could make any week look alike. Nil also for
	// an all-zero week.
	Monotony *float64
	// Strain is WeeklyLoad x Monotony, nil when Monotony is; 0 for an
	// all-zero week.
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
	// Fitness, Fatigue and Form are TrainingPeaks' chronic and acute
	// training load and their balance, on Foster's session load (effort x
	// minutes) over calendar days from the first check-in (see
	// FitnessFatigue). FormPercent is Form as a percentage of Fitness, and
	// FormBand its band (see FormBands). Nil without a check-in up to the
	// date; FormPercent and FormBand are also nil before 42 days of
	// journal, while fitness is still building.
	Fitness, Fatigue, Form, FormPercent *float64
	FormBand                            *FormBand
	// FitnessUnknownDays is how many of the 42 days ending on the date
	// the model counts a load of 0 for want of a known one (no check-in,
	// or an effort without minutes), from the first check-in on.
	FitnessUnknownDays *int
	// Sleep (hours), Mood, Motivation and Legs (1-5) compare the week with
	// the runner's usual. Nil until 14 of the 28 days before the week have
	// the answer (sick and injured days, and travel nights for sleep, do
	// not count), or when fewer than 2 days of the week do.
	Sleep, Mood, Motivation, Legs *Baseline
}

// BreakFollowUp shows whether a break helped: the meter on the day before
// it against the meter now. A break is a run of logged rest days (effort
// 0, sick or injured) that began on a day whose reading called for one (a
// deep slump with signs, and a training-load cause in the 14 days before),
// or the day after such a day; a run of 7 rest days or more is a break
// whatever came before it. A reading has the follow-up from the break's first day while it goes on,
// and after it, if it lasted 3 days or more, for the 7 days of easing back
// after its last. Of several, the latest counts.
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

// Sparse reports whether the week has too few check-ins for the meter to
// read it: the level is then unknown.
func (r Reading) Sparse() bool { return r.Week.Checkins < minCheckins }

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
