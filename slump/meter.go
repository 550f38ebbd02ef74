package slump

import (
	"fmt"
	"slices"
)

// MaxSlumpStreak is the longest SlumpStreak the meter counts: a streak of
// this many days may have gone on longer.
const MaxSlumpStreak = 7

// The model's numbers. doc.go gives the source of each one; the ones marked
// there as design choices can be tuned, the others come from the article or
// the sleep literature.
const (
	weekDays = 7  // the signals look at the 7 days ending on the reading's date
	restDays = 14 // the stronger no_rest_day rule looks back 14 days

	// windowDays is how many days Meter reads: the 14-day look-back of the
	// oldest day a streak can reach (MaxSlumpStreak-1 days before the date).
	windowDays = MaxSlumpStreak - 1 + restDays

	hardEffortsPerWeek = 2 // article: at most 2 hard efforts a week

	minLoggedForAverage = 2  // one night is a bad night, not a pattern
	minLoggedForRest    = 4  // of 7 days, before "no rest day" is believed
	minLoggedForRest14  = 10 // of 14 days, for the stronger version

	shortSleep     = 700 // hundredths of an hour: below 7 h (AASM/SRS 2015)
	veryShortSleep = 600 // below 6 h (Prather 2015)

	lowAverage     = 20 // tenths of a point: an average of 2.0 or less out of 5
	veryLowAverage = 15 // an average of 1.5 or less

	deepSlumpStreak  = 3 // days in the slump band in a row
	deepSlumpSignals = 4 // signals firing at once
	breakDays        = 3 // complete rest days in a row that make the article's break
	maxRestRun       = 14

	monotonousTrainingDays = 5 // training days in the week, at least
	monotonousEffortSpan   = 2 // their efforts differ by at most this much
	fewTrainingDays        = 3 // at most this many: runs are being skipped
)

// Signal points (design choices).
const (
	pointsHardBase          = 10 // plus 10 per hard effort above the rule
	pointsHardStep          = 10
	pointsHardMax           = 40
	pointsNoRest            = 20
	pointsNoRest14          = 30
	pointsShortSleep        = 15
	pointsVeryShortSleep    = 25
	pointsLowMotivation     = 20
	pointsVeryLowMotivation = 25
	pointsLowMood           = 15
	pointsVeryLowMood       = 20
)

// Window returns the range of days whose check-ins Meter reads for day, both
// ends included: to is day and from is 19 days earlier. The signals need the
// 7 days ending on day and the rest-day rule 14; SlumpStreak needs the same
// for each of the MaxSlumpStreak-1 days before day. A store can load only
// these rows: Meter gives the same reading for them as for the whole journal.
func Window(day Date) (from, to Date) {
	return day.AddDays(-(windowDays - 1)), day
}

// Meter computes the reading for day from the check-ins. The history may be
// in any order and may hold any days: check-ins outside Window(day), and any
// with a zero Date, are ignored. When a date appears more than once the last
// one in history wins, as if the runner had edited that day. Meter trusts the
// values to be in range (see Checkin.Validate); it does no I/O and does not
// look at the clock.
func Meter(history []Checkin, day Date) Reading {
	var slot, scores [windowDays]int // on the stack: Meter allocates only its result
	from, _ := Window(day)
	s := series{history: history, slot: slot[:], scores: scores[:]}
	s.index(from)
	return s.reading(windowDays-1, day)
}

// series is the check-ins of a range of days indexed by date, with the
// scores computed so far. Meter and Readings both read through it, so they
// cannot disagree.
//
// The first day of the range is passed to the methods that need it rather
// than kept here: a Date holds a pointer, and keeping one would make Meter's
// series escape to the heap.
type series struct {
	history []Checkin // as given
	slot    []int     // one per day of the range: 1 + the index in history of its check-in, 0 for none
	scores  []int     // per day: the score of the week ending on it, -1 until computed
}

// newSeries indexes the check-ins of from..to, both included.
func newSeries(history []Checkin, from, to Date) *series {
	n := to.DaysSince(from) + 1
	s := &series{history: history, slot: make([]int, n), scores: make([]int, n)}
	s.index(from)
	return s
}

// index fills the slots, reading the history once: when a date appears more
// than once the last one wins; check-ins outside the range or with a zero
// Date are ignored.
func (s *series) index(from Date) {
	to := from.AddDays(len(s.slot) - 1)
	for i, c := range s.history {
		if c.Date.IsZero() || c.Date.Before(from) || c.Date.After(to) {
			continue
		}
		s.slot[c.Date.DaysSince(from)] = i + 1
	}
	for i := range s.scores {
		s.scores[i] = -1
	}
}

// checkin returns the check-in of slot i, and false if that day has none.
func (s *series) checkin(i int) (Checkin, bool) {
	if j := s.slot[i]; j > 0 {
		return s.history[j-1], true
	}
	return Checkin{}, false
}

// score returns the score of the week ending on slot i (i >= restDays-1),
// computing it once.
func (s *series) score(i int) int {
	if s.scores[i] < 0 {
		s.scores[i] = scoreOf(s.stats(i).signals())
	}
	return s.scores[i]
}

// reading returns the reading of day, the day of slot i, which must be at
// least windowDays-1 so that the streak's oldest day has its 14-day
// look-back.
func (s *series) reading(i int, day Date) Reading {
	st := s.stats(i)
	signals := st.signals()
	score := scoreOf(signals)
	s.scores[i] = score
	r := Reading{
		Date:    day,
		Score:   score,
		Level:   LevelOf(score),
		Signals: signals,
		Week:    st.summary(day.AddDays(-(weekDays - 1)), day),
	}
	for k := 0; k < MaxSlumpStreak && s.score(i-k) >= SlumpFrom; k++ {
		r.SlumpStreak++
	}
	r.DeepSlump = r.SlumpStreak >= deepSlumpStreak || len(signals) >= deepSlumpSignals
	for k := 0; k <= i && k < maxRestRun; k++ {
		c, ok := s.checkin(i - k)
		if !ok || c.Effort != RestEffort {
			break
		}
		r.RestRun++
	}
	r.Tip, _ = TipByID(chooseTip(r, st))
	return r
}

// weekStats is what the signals are computed from: the 7 days ending on a
// slot, plus the rest-day count over the 14 days ending on it.
type weekStats struct {
	logged, hard, rest, minutes        int
	training, minTraining, maxTraining int // training days (effort > 0) and their effort range
	sleep                              int // sum, in hundredths of an hour
	mood, motivation                   int // sums
	logged14, rest14                   int
}

// stats returns the statistics of the week ending on slot end, which must be
// at least restDays-1.
func (s *series) stats(end int) weekStats {
	var st weekStats
	for i := end - restDays + 1; i <= end; i++ {
		c, ok := s.checkin(i)
		if !ok {
			continue
		}
		st.logged14++
		if c.Effort == RestEffort {
			st.rest14++
		}
		if i > end-weekDays {
			st.add(c)
		}
	}
	return st
}

// add counts one logged day into the week's statistics (not the 14-day
// ones).
func (st *weekStats) add(c Checkin) {
	st.logged++
	switch {
	case c.Effort == RestEffort:
		st.rest++
	case st.training == 0:
		st.training, st.minTraining, st.maxTraining = 1, c.Effort, c.Effort
	default:
		st.training++
		st.minTraining = min(st.minTraining, c.Effort)
		st.maxTraining = max(st.maxTraining, c.Effort)
	}
	if c.Effort >= HardEffort {
		st.hard++
	}
	if c.Minutes != nil {
		st.minutes += *c.Minutes
	}
	st.sleep += hundredths(c.SleepHours)
	st.mood += c.Mood
	st.motivation += c.Motivation
}

// hundredths returns hours of sleep in hundredths of an hour, the precision
// ParseSleep keeps, so that averages compare with the thresholds exactly.
func hundredths(hours float64) int {
	switch {
	case !(hours >= MinSleepHours): // also NaN
		return MinSleepHours * 100
	case hours > MaxSleepHours:
		return MaxSleepHours * 100
	}
	return int(hours*100 + 0.5)
}

// signals returns the signals that fire for the week, strongest first.
func (st weekStats) signals() []Signal {
	signals := []Signal{} // never nil: "no signals" is an empty list
	add := func(id string, points int, format string, args ...any) {
		signals = append(signals, Signal{ID: id, Points: points, Detail: fmt.Sprintf(format, args...)})
	}

	if n := st.hard; n > hardEffortsPerWeek {
		add(SignalHardEfforts, min(pointsHardMax, pointsHardBase+pointsHardStep*(n-hardEffortsPerWeek)),
			"%s in the last 7 days; the rule of thumb is %d", plural(n, "hard effort"), hardEffortsPerWeek)
	}

	if st.rest == 0 && st.logged >= minLoggedForRest {
		if st.rest14 == 0 && st.logged14 >= minLoggedForRest14 {
			add(SignalNoRestDay, pointsNoRest14,
				"no complete rest day in 14 days (%d logged); aim for at least 1 a week", st.logged14)
		} else {
			add(SignalNoRestDay, pointsNoRest,
				"no complete rest day in 7 days (%d logged); aim for at least 1 a week", st.logged)
		}
	}

	if n := st.logged; n >= minLoggedForAverage {
		if st.sleep < shortSleep*n {
			points := pointsShortSleep
			if st.sleep < veryShortSleep*n {
				points = pointsVeryShortSleep
			}
			add(SignalShortSleep, points, "averaging %s h of sleep over %s; adults need 7 or more",
				hoursDown(st.sleep, n), plural(n, "night"))
		}
		if st.motivation*10 <= lowAverage*n {
			points := pointsLowMotivation
			if st.motivation*10 <= veryLowAverage*n {
				points = pointsVeryLowMotivation
			}
			add(SignalLowMotivation, points, "motivation averaged %.1f/5 over %s: lacing up feels daunting",
				ShownScale(float64(st.motivation)/float64(n), 1), plural(n, "day"))
		}
		if st.mood*10 <= lowAverage*n {
			points := pointsLowMood
			if st.mood*10 <= veryLowAverage*n {
				points = pointsVeryLowMood
			}
			add(SignalLowMood, points, "mood averaged %.1f/5 over %s: you have been feeling low",
				ShownScale(float64(st.mood)/float64(n), 1), plural(n, "day"))
		}
	}

	// Stable: equal points keep the fixed order they were added in.
	slices.SortStableFunc(signals, func(a, b Signal) int { return b.Points - a.Points })
	return signals
}

// scoreOf returns the score of a set of signals: the sum of their points,
// at most MaxScore.
func scoreOf(signals []Signal) int {
	score := 0
	for _, s := range signals {
		score += s.Points
	}
	return min(score, MaxScore)
}

// summary returns the logged days counted in st as the WeekSummary of
// from..to.
func (st weekStats) summary(from, to Date) WeekSummary {
	w := WeekSummary{
		Start:       from,
		End:         to,
		Checkins:    st.logged,
		HardEfforts: st.hard,
		RestDays:    st.rest,
		Minutes:     st.minutes,
	}
	if n := float64(st.logged); n > 0 {
		sleep := float64(st.sleep) / 100 / n
		mood := float64(st.mood) / n
		motivation := float64(st.motivation) / n
		w.AvgSleepHours, w.AvgMood, w.AvgMotivation = &sleep, &mood, &motivation
	}
	return w
}

// monotonous reports whether the week's training days all feel alike: enough
// of them, at nearly the same effort.
func (st weekStats) monotonous() bool {
	return st.training >= monotonousTrainingDays && st.maxTraining-st.minTraining <= monotonousEffortSpan
}

// chooseTip returns the id of the tip for a reading whose week is st.
func chooseTip(r Reading, st weekStats) string {
	switch {
	case r.DeepSlump && r.RestRun < breakDays:
		return TipStepAway
	case r.DeepSlump:
		// The break is taken: the week still carries the hard days before
		// it, so the score lags; ease back in and watch how you respond.
		return TipListenToBody
	case len(r.Signals) == 0:
		return TipListenToBody
	}
	switch r.Signals[0].ID {
	case SignalHardEfforts:
		return TipCapHardEfforts
	case SignalNoRestDay:
		return TipTakeRestDay
	case SignalShortSleep:
		return TipSleepMore
	}
	// Low motivation or low mood is the strongest signal.
	lowMotivation := slices.ContainsFunc(r.Signals, func(s Signal) bool { return s.ID == SignalLowMotivation })
	switch {
	case st.monotonous():
		return TipMixItUp
	case lowMotivation && st.training <= fewTrainingDays:
		return TipRunningBuddy
	case r.Level == LevelOK:
		return TipNewGear
	}
	return TipRunningBuddy
}

// plural returns "1 night", "2 nights".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// hoursDown formats the average of n sleep values (sum in hundredths of an
// hour) with one decimal, rounded down, so an average just under 7 h reads
// 6.9 h rather than a misleading 7.0 h.
func hoursDown(sum, n int) string {
	tenths := sum / (10 * n)
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}
