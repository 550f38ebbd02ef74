package slump

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// MaxSlumpStreak is the longest SlumpStreak and SignStreak the meter counts:
// a streak of this many days (3 weeks) may have gone on longer.
const MaxSlumpStreak = 21

// The model's numbers. The README's "The slump meter" gives the source of
// each one or says it is a design choice; the thresholds a runner may change
// are in Config.
const (
	weekDays = 7  // the signals look at the 7 days ending on the reading's date
	restDays = 14 // the stronger no_rest_day rule looks back 14 days

	// scoreSpan is how many days, ending on a day, that day's own score
	// reads: its week and the 28 days of its baselines, which also hold the
	// 4 weeks of the usual strain; the load ratio needs 28 and the rest
	// rule 14.
	scoreSpan = weekDays + baselineDays

	// windowDays is how many days a Reading reads: the score span of the
	// oldest day it looks back on. The furthest is whether the signs came
	// with the training (see chooseTip): a training-load cause on a day of
	// the sign streak, up to MaxSlumpStreak days, or of the causeDays
	// before it; the load spike of such a day reads its score span. That
	// is 67 days back, further than the day's own streaks (54) and the
	// break rules (65).
	windowDays = MaxSlumpStreak - 1 + causeDays - 1 + scoreSpan

	hardEffortsPerWeek = 2 // article: at most 2 hard efforts a week (Config's default; the demo journal plans with it)

	minCheckins    = 3 // check-ins in the 7 days before the meter reads the week: fewer is unknown
	minForAverage  = 2 // nights a sleep average needs, and days a baseline's week: one is a day, not a pattern
	minSignAnswers = 3 // answers to mood, motivation or legs in the week before they can make a sign, as many as the meter needs to read a week

	veryShortSleepGap = 100 // hundredths of an hour: very short is an hour under the target (6 h: Prather 2015)

	lowAnswer      = 2  // an answer of 2 or less out of 5 is low
	lowAverage     = 20 // tenths of a point: an average of 2.0 or less
	veryLowAverage = 15 // an average of 1.5 or less
	recentAnswers  = 3  // the last 3 answers of an item all low: a sign now, which a week's average can hide
	recentSpan     = 4  // ... given within the last 4 days
	persistDays    = 4  // persistent: low days on at least this many of the week's days (most of them)

	deepStreak       = 3              // signs on this many logged days running make them deep, as persistent does
	deepSpan         = deepStreak + 2 // ... within this many calendar days: a day or two not logged does not end them
	currentDays      = 3              // signs are current when the latest check-in of this many days has a low answer
	breakDays        = 3              // rest days in a row that make the article's break (3-5 days)
	maxBreakDays     = 5              // the article's longest break
	easeBackDays     = 7              // days after a break, or after 3 days ill, that never say step_away
	maxRestRun       = 14             // RestRun is counted up to this
	causeDays        = 14             // a training-load cause in the last 14 days makes a break the remedy
	escalateDays     = 14             // see_a_professional: signs this many days running ...
	escalateRest     = 3              // ... with this many rest days a week or more back, as many as the shortest break
	unloggedGap      = 3              // this many days in a row without a check-in end a streak: unknown is not a sign
	monotonousDays   = 5              // training days in the week, at least, for the stand-in for monotony ...
	monotonousSpan   = 2              // ... whose efforts differ by at most this much
	fewTrainingDay   = 3              // at most this many training days: runs are being skipped
	monotonyMinRatio = 0.8            // monotony needs the week's load at least this share of the 4-week average (design choice)
)

// Signal points (design choices; the README says why each is what it is).
const (
	pointsLow         = 30 // a sign: an item averaging 2.0 or less, or low on its last 3 answers: the watch band alone
	pointsVeryLow     = 35 // averaging 1.5 or less
	pointsBelowUsual  = 15 // z <= -1.0 against the runner's usual: a mild sign, not yet the watch band
	pointsWellBelow   = 25 // z <= -1.5
	pointsFarBelow    = 30 // z <= -2.0: as far from the usual as an average of 2 is from 4
	pointsPersistent  = 30 // low days on most of the week: a pattern, not a bad day
	pointsHardBase    = 10 // plus 10 per hard effort above the rule
	pointsHardStep    = 10
	pointsHardMax     = 40
	pointsNoRest      = 20
	pointsNoRest14    = 30
	pointsShortSleep  = 15
	pointsVeryShort   = 25
	pointsSleepUsual  = 5  // sleep 1.0 usual spreads below the runner's usual
	pointsSleepUsual2 = 10 // 1.5 spreads below
	pointsMonotony    = 10
	pointsMonoStrain  = 15 // monotonous, and strain above the runner's usual
	pointsLoadSpike   = 10 // descriptive: never enough for the watch band, never the tip
	pointsFormRisk    = 10 // form in high_risk on 7 of 10 days, with signs: explains, never the tip

	// realSign is the fewest points of a sign that counts as one for the
	// streaks, for deep signs and for breaks: a sign of fewer (a step below
	// the runner's usual) is a small dip, shown and scored but no more.
	realSign = pointsWellBelow

	// causesCap is the most a reading scores without a full sign (one of
	// pointsLow or more) that is also deep (persistent, or signs 3 logged
	// days running): causes alone, a mild dip, or a first day or two of
	// signs reach at most the watch level. Only signs that last make a
	// slump.
	causesCap = SlumpFrom - 1
)

// The signals, in their fixed order for ties: the signs, then the causes.
const (
	sigMotivation = iota
	sigMood
	sigLegs
	sigPersistent
	sigHard
	sigRest
	sigSleep
	sigMonotony
	sigLoadSpike
	sigFormRisk
	nSignals
	nSigns = sigPersistent + 1
)

func signalID(k int) string {
	return [nSignals]string{SignalLowMotivation, SignalLowMood, SignalHeavyLegs, SignalPersistent,
		SignalHardEfforts, SignalNoRestDay, SignalShortSleep, SignalMonotony, SignalLoadSpike, SignalFormHighRisk}[k]
}

// isLoadCause reports whether signal k is a cause in the training itself:
// too many hard efforts, no rest, alike days or a load spike. Signs without
// one are not about the training load.
func isLoadCause(k int) bool {
	return k == sigHard || k == sigRest || k == sigMonotony || k == sigLoadSpike
}

// isBreakCause reports whether signal k is one of the article's causes in
// the training that a complete break answers: too many hard efforts, or no
// rest. Alike days call for variety (mix_it_up), and a load spike only
// describes.
func isBreakCause(k int) bool { return k == sigHard || k == sigRest }

// Meter computes the slump meter with one runner's settings: every
// reading, week and tip it gives uses the same Config. NewMeter makes one;
// the zero Meter uses DefaultConfig. A Meter does no I/O and never reads the
// clock: the day is always a parameter.
type Meter struct {
	cfg Config // clamped; the zero Config stands for DefaultConfig
}

// NewMeter returns the meter for cfg. It trusts cfg to be valid (see
// Config.Validate): an invalid field is clamped into its range, never an
// error.
func NewMeter(cfg Config) Meter { return Meter{cfg: cfg.clamped()} }

// Config returns the meter's settings, each in its allowed range.
func (m Meter) Config() Config {
	if m.cfg == (Config{}) {
		return DefaultConfig()
	}
	return m.cfg
}

// Window returns the range of days whose check-ins Meter.Reading reads for
// day, both ends included: to is day and from is 67 days earlier. A day's
// score reads its 7 days and the 28 before them (the personal baselines and
// the 4 weeks of the usual strain); the streaks, the break and easing-back
// rules need that for days up to 33 days before day (see windowDays). A
// store can load only these rows:
// Reading gives the same reading for them as for the whole journal, except
// Metrics.ACWREWMA, whose series starts at the first check-in (pass the
// journal's loads for it).
func Window(day Date) (from, to Date) {
	return day.AddDays(-(windowDays - 1)), day
}

// Reading computes the reading for day from the check-ins. The history may
// be in any order and may hold any days: check-ins outside Window(day), and
// any with a zero Date, are ignored. When a date appears more than once the
// last one in history wins, as if the runner had edited that day. Reading
// trusts the values to be in range (see Checkin.Validate).
//
// loads is the journal's load series for fitness, fatigue and form and the
// EWMA ratio, which start at the first check-in: the loads of every
// check-in up to day, in any order (later ones are ignored; the last of a
// date wins); or, as a store's Snapshot and Period give it, the model's
// state at the end of a day before Window(day) (StateLoad) and the loads
// after it. A state of a day in the window leaves the figures of the days
// before it unknown: the caller's to avoid. loads must agree with history
// on the days they share. When loads is nil the series is taken from
// history, so a Reading from the rows of Window(day) alone starts it at the
// window's first check-in. Every other figure comes from history alone.
func (m Meter) Reading(history []Checkin, loads []Load, day Date) Reading {
	return m.reading(history, sourceOf(history, loads), day)
}

// reading is Reading with the load series src.
func (m Meter) reading(history []Checkin, src loadSource, day Date) Reading {
	var slot [windowDays]int // on the stack
	var memo [windowDays]dayMemo
	var pre [windowDays + 1]cumul
	var risk [windowDays]bool
	from, _ := Window(day)
	s := series{cfg: m.Config(), history: history, slot: slot[:], memo: memo[:], pre: pre[:], highRisk: risk[:]}
	s.index(from)
	e := newEWMASeries(src, day)
	ratio, ok := 0.0, false
	e.run(day, func(_ Date, r float64, good bool) { ratio, ok = r, good })
	var fd *FitnessDay
	e.fitness(m.Config().FormBands(), from, func(d FitnessDay) {
		risk[d.Date.DaysSince(from)] = d.HasBand && d.Band == BandHighRisk
		if d.Date == day {
			fd = &d
		}
	})
	r := s.reading(windowDays-1, day, ratio, ok)
	r.Metrics.setFitness(fd)
	return r
}

// sourceOf is the load series of loads, or of history when loads is nil.
func sourceOf(history []Checkin, loads []Load) loadSource {
	if loads != nil {
		return loadSource{loads: loads, useLoads: true}
	}
	return loadSource{checkins: history}
}

// series is the check-ins of a range of days indexed by date, with what has
// been computed of each day so far. Reading and Readings both read through
// it, so they cannot disagree.
//
// The first day of the range is passed to the methods that need it rather
// than kept here: a Date holds a pointer, and keeping one would make
// Reading's series escape to the heap.
type series struct {
	cfg     Config
	history []Checkin // as given
	slot    []int     // one per day of the range: 1 + the index in history of its check-in, 0 for none
	memo    []dayMemo // per day: its own evaluation, once computed
	pre     []cumul   // pre[i]: the sums over the days before slot i, so any range's sums are a difference
	// highRisk, per day, is whether the runner's form was in the
	// high_risk band (see FitnessFatigue); nil when not computed.
	highRisk []bool
}

// cumul is the loads and the baseline items summed over a run of days.
type cumul struct {
	load  weekLoad
	items itemSums
}

// dayMemo is what later days need of a day's reading: whether it had signs,
// causes, deep signs, the slump level, and whether the signs were current.
// The fields up to lowNow are the day's own (see base); deep, score and
// slump read the days before (see day).
type dayMemo struct {
	done       bool // the day's own fields
	deepDone   bool // deep, score and slump
	unknown    bool // fewer than 3 check-ins in its week
	sum        int  // the points of its signals
	full       bool // a sign of pointsLow or more fired
	signs      bool // a sign of realSign or more fired
	moodSign   bool // ... of low_mood or low_motivation
	loadCause  bool // a training-load cause fired
	breakCause bool // hard_efforts or no_rest_day fired
	persistent bool
	lowNow     bool // the latest eligible answer day (the day, or the day before) has a low answer
	deep       bool // persistent, or signs on deepStreak logged days running
	score      int
	slump      bool // the slump level
}

// newSeries indexes the check-ins of from..to, both included.
func newSeries(cfg Config, history []Checkin, from, to Date) *series {
	n := to.DaysSince(from) + 1
	s := &series{cfg: cfg, history: history, slot: make([]int, n), memo: make([]dayMemo, n), pre: make([]cumul, n+1)}
	s.index(from)
	return s
}

// index fills the slots, reading the history once: when a date appears more
// than once the last one wins; check-ins outside the range or with a zero
// Date are ignored.
func (s *series) index(from Date) {
	first := from.Time().Unix() / 86400 // dates as day numbers: one conversion per check-in
	for i := range s.history {
		d := s.history[i].Date
		if j := d.Time().Unix()/86400 - first; !d.IsZero() && j >= 0 && j < int64(len(s.slot)) {
			s.slot[j] = i + 1
		}
	}
	for i, j := range s.slot {
		s.pre[i+1] = s.pre[i]
		if j > 0 {
			c := &s.history[j-1]
			t := c.Training(s.cfg)
			s.pre[i+1].load.add(min(max(t.Load, 0), maxLoadAU), t.Known, true)
			s.pre[i+1].items.add(c)
		}
	}
}

// checkin returns the check-in of slot i, and false if that day has none
// or i is before the range.
func (s *series) checkin(i int) (Checkin, bool) {
	if i < 0 {
		return Checkin{}, false
	}
	if j := s.slot[i]; j > 0 {
		return s.history[j-1], true
	}
	return Checkin{}, false
}

// weekLoad returns the load of the 7 days ending on slot end.
func (s *series) weekLoad(end int) weekLoad {
	return s.pre[end+1].load.minus(s.pre[end+1-weekDays].load)
}

// isRest reports whether slot i is a logged rest day: effort 0, or a sick or
// injured day, which counts as rest whatever was done.
func (s *series) isRest(i int) bool {
	c, ok := s.checkin(i)
	return ok && isRest(c)
}

func isRest(c Checkin) bool {
	return (c.Effort == RestEffort && c.DayType != DayRace) || c.DayType.Unwell() // a race day is never a rest day
}

// isUnwell reports whether slot i is a logged sick or injured day.
func (s *series) isUnwell(i int) bool {
	c, ok := s.checkin(i)
	return ok && c.DayType.Unwell()
}

// isHard reports whether c counts as a hard effort: from the runner's hard
// effort up, or a race (whatever its effort); never a sick or injured day.
func isHard(c Checkin, cfg Config) bool {
	return !c.DayType.Unwell() && (cfg.IsHard(c.Effort) || c.DayType == DayRace)
}

// eval is everything the signals of one day are computed from, and their
// points.
type eval struct {
	st           weekStats
	load         weekLoad
	usualStrain  float64
	hasUsual     bool
	acwr         float64
	hasACWR      bool
	base         [nItems]Baseline
	hasBase      [nItems]bool
	recentLow    [nItems]bool  // the item's last 3 answers are low (mood, motivation, legs)
	points       [nSignals]int // 0 for a signal that does not fire
	highRiskDays int           // of the formStretch days ending on the day, those with form in high_risk
	restHint     bool          // rest days are missing, but unlogged days could hold them
	travelHint   bool          // short nights on travel days, left out of short_sleep
}

// evaluate computes the signals of the day of slot k, which must be at
// least scoreSpan-1.
func (s *series) evaluate(k int) eval {
	var e eval
	e.st = s.stats(k)
	e.load = s.weekLoad(k)
	for j := max(0, k-formStretch+1); j <= k && s.highRisk != nil; j++ {
		if s.highRisk[j] {
			e.highRiskDays++
		}
	}

	// The usual strain: the median of the weeks ending 7, 14, 21, 28 days
	// before.
	var strains [strainWeeks]float64
	n := 0
	for j := 1; j <= strainWeeks; j++ {
		if w := s.weekLoad(k - weekDays*j); w.complete() {
			strains[n] = w.strain()
			n++
		}
	}
	if n >= minStrainWeek {
		e.usualStrain, e.hasUsual = median(strains[:n]), true
	}

	// The coupled rolling ratio, once the journal reaches 28 days back (a
	// check-in on day k-27 or in the week before it) and each of the 4
	// weeks has enough known loads.
	covered := false
	for i := k - scoreSpan + 1; i <= k-acwrDays+1; i++ {
		if _, ok := s.checkin(i); ok {
			covered = true
			break
		}
	}
	var acute, chronic int64
	for j := range acwrDays / weekDays {
		w := s.weekLoad(k - weekDays*j)
		covered = covered && w.known >= acwrCoverage
		chronic += w.sum
		if j == 0 {
			acute = w.sum
		}
	}
	if covered && chronic > 0 {
		e.acwr, e.hasACWR = float64(acwrDays/weekDays*acute)/float64(chronic), true
	}

	// Personal baselines: the week against the 28 days before it.
	recent := s.pre[k+1].items.minus(s.pre[k+1-weekDays].items)
	usual := s.pre[k+1-weekDays].items.minus(s.pre[k+1-scoreSpan].items)
	for item := range nItems {
		e.base[item], e.hasBase[item] = baseline(item, recent, usual)
	}
	for _, item := range []int{itemMood, itemMotivation, itemLegs} {
		e.recentLow[item] = s.recentLow(k, item)
	}

	e.points = s.points(&e)
	return e
}

// answer returns c's answer to a 1-5 item, and false when it has none: a
// sick or injured day answers nothing the meter reads as a sign.
func answer(c Checkin, item int) (int, bool) {
	if c.DayType.Unwell() {
		return 0, false
	}
	switch item {
	case itemMood:
		return c.Mood, true
	case itemMotivation:
		return c.Motivation, true
	case itemLegs:
		if c.Legs != nil {
			return *c.Legs, true
		}
	}
	return 0, false
}

// recentLow reports whether the last recentAnswers answers to item, all
// given within the recentSpan days ending on slot k, are low.
func (s *series) recentLow(k, item int) bool {
	n := 0
	for i := k; i > k-recentSpan && n < recentAnswers; i-- {
		c, ok := s.checkin(i)
		if !ok {
			continue
		}
		v, ok := answer(c, item)
		if !ok {
			continue
		}
		if v > lowAnswer {
			return false
		}
		n++
	}
	return n == recentAnswers
}

// points returns the points of every signal for e, and sets its hints.
func (s *series) points(e *eval) [nSignals]int {
	var p [nSignals]int
	st, cfg := e.st, s.cfg

	// The signs: the article's lost motivation and daunting lacing up,
	// feeling low, and legs heavy and flat, each from the week's average,
	// its last 3 answers, or the runner's usual; and a pattern of low days.
	for _, it := range []struct{ sig, item int }{{sigMotivation, itemMotivation}, {sigMood, itemMood}, {sigLegs, itemLegs}} {
		a := st.items[it.item]
		if a.n < minSignAnswers {
			continue // too few answers this week to read a sign in
		}
		if a.sum*10 <= lowAverage*a.n {
			p[it.sig] = pointsLow
			if a.sum*10 <= veryLowAverage*a.n {
				p[it.sig] = pointsVeryLow
			}
		}
		if e.recentLow[it.item] {
			p[it.sig] = max(p[it.sig], pointsLow)
		}
		p[it.sig] = max(p[it.sig], [...]int{0, pointsBelowUsual, pointsWellBelow, pointsFarBelow}[e.base[it.item].flag(e.hasBase[it.item])])
	}
	if st.lowDays >= persistDays {
		p[sigPersistent] = pointsPersistent
	}

	// The causes: the article's too many hard efforts, no complete rest day
	// and too little sleep, and the training load of the sports scientists.
	if n := st.hard; n > cfg.HardEffortsPerWeek {
		p[sigHard] = min(pointsHardMax, pointsHardBase+pointsHardStep*(n-cfg.HardEffortsPerWeek))
	}
	// No rest day only when the logged days leave no room for the rest
	// days still missing: an unlogged day may have been one.
	if missing := cfg.RestDaysPerWeek - st.rest; missing > 0 {
		if weekDays-st.logged < missing {
			p[sigRest] = pointsNoRest
			if missing14 := cfg.RestDaysPerWeek - st.rest14; missing14 > 0 && restDays-st.logged14 < missing14 {
				p[sigRest] = pointsNoRest14
			}
		} else {
			e.restHint = true
		}
	}
	if n := st.sleepN; n >= minForAverage {
		target := sleepTarget(cfg)
		if st.sleep < target*n {
			p[sigSleep] = pointsShortSleep
			if st.sleep < (target-veryShortSleepGap)*n {
				p[sigSleep] = pointsVeryShort
			}
		}
	}
	p[sigSleep] = max(p[sigSleep], [...]int{0, pointsSleepUsual, pointsSleepUsual2, pointsSleepUsual2}[e.base[itemSleep].flag(e.hasBase[itemSleep])])
	e.travelHint = st.travelShort > 0

	// Alike days at a load well below the last 4 weeks' (a taper, easy
	// days after a race or a break) are recovery, not monotony: a week of
	// identical easy runs has no spread, so its monotony is the cap.
	lowLoad := e.hasACWR && e.acwr < monotonyMinRatio
	if m, ok := e.load.monotony(); e.load.complete() && ok && m > cfg.MonotonyLimit && !lowLoad {
		p[sigMonotony] = pointsMonotony
		if e.hasUsual && e.load.strain() > e.usualStrain {
			p[sigMonotony] = pointsMonoStrain
		}
	}
	if e.hasACWR && e.acwr >= cfg.ACWRLimit {
		p[sigLoadSpike] = pointsLoadSpike
	}
	// Form: a long stretch in high_risk explains signs, never makes one.
	if e.highRiskDays >= formStretchN && slices.ContainsFunc(p[:nSigns], func(v int) bool { return v >= realSign }) {
		p[sigFormRisk] = pointsFormRisk
	}
	return p
}

// score returns the score of a day whose points add up to sum: at most
// MaxScore, and at most causesCap unless a full sign fired and the signs
// are deep.
func score(sum int, full, deep bool) int {
	if !full || !deep {
		return min(sum, causesCap)
	}
	return min(sum, MaxScore)
}

// sleepTarget returns the config's sleep target in hundredths of an hour.
func sleepTarget(cfg Config) int { return int(math.Round(cfg.SleepTargetHours * 100)) }

// base returns the own fields of slot k's memo (see dayMemo), computing
// them once. k must be at least scoreSpan-1.
func (s *series) base(k int) dayMemo {
	if s.memo[k].done {
		return s.memo[k]
	}
	e := s.evaluate(k)
	m := dayMemo{done: true, unknown: e.st.logged < minCheckins}
	if !m.unknown {
		for sig, v := range e.points {
			m.sum += v
			switch {
			case v == 0:
			case sig < nSigns:
				m.full = m.full || v >= pointsLow
				m.signs = m.signs || v >= realSign
				m.moodSign = m.moodSign || v >= realSign && (sig == sigMood || sig == sigMotivation)
			default:
				m.loadCause = m.loadCause || isLoadCause(sig)
				m.breakCause = m.breakCause || isBreakCause(sig)
			}
		}
		m.persistent = e.points[sigPersistent] > 0
		m.lowNow = s.lowNow(k)
	}
	s.memo[k] = m
	return m
}

// day returns slot k's memo whole: its own fields, and whether its signs
// are deep (persistent, or signs on deepStreak logged days running), its
// score and the slump level, which need deep. k must be at least
// scoreSpan+deepSpan-2.
func (s *series) day(k int) dayMemo {
	m := s.base(k)
	if !m.deepDone {
		m.deep = !m.unknown && (m.persistent || m.signs && s.signsRunning(k))
		if !m.unknown {
			m.score = score(m.sum, m.full, m.deep)
			m.slump = m.score >= SlumpFrom
		}
		m.deepDone = true
		s.memo[k] = m
	}
	return m
}

// signsRunning reports whether the last deepStreak logged days, within the
// deepSpan days ending on slot k, all had signs.
func (s *series) signsRunning(k int) bool {
	n := 0
	for i := k; i > k-deepSpan && n < deepStreak; i-- {
		if _, ok := s.checkin(i); !ok {
			continue
		}
		if d := s.base(i); d.unknown || !d.signs {
			return false
		}
		n++
	}
	return n == deepStreak
}

// loggedWithin reports whether one of the n days ending on slot k has a
// check-in.
func (s *series) loggedWithin(k, n int) bool {
	for i := k; i > k-n; i-- {
		if _, ok := s.checkin(i); ok {
			return true
		}
	}
	return false
}

// lowNow reports whether the latest check-in of the currentDays ending on
// slot k with answers the meter reads has a low one: the signs are still
// there now, not only in the week's past.
func (s *series) lowNow(k int) bool {
	for i := k; i > k-currentDays; i-- {
		c, ok := s.checkin(i)
		if !ok || c.DayType.Unwell() {
			continue
		}
		for _, item := range []int{itemMood, itemMotivation, itemLegs} {
			if v, ok := answer(c, item); ok && v <= lowAnswer {
				return true
			}
		}
		return false
	}
	return false
}

// streak counts the days back from slot k for which in holds: calendar days
// from the oldest day of the run to k, at most limit. A day without a
// check-in neither ends the run nor starts it, but unloggedGap of them in a
// row end it; an unknown day ends it. Slot k itself counts when in holds
// for it, logged or not. k must be at least scoreSpan+limit-2.
func (s *series) streak(k, limit int, in func(dayMemo) bool) (days, from int) {
	from, gap := k+1, 0
	for i := k; i > k-limit; i-- {
		if _, ok := s.checkin(i); !ok && i < k {
			if gap++; gap >= unloggedGap {
				break
			}
			continue
		}
		gap = 0
		if d := s.day(i); d.unknown || !in(d) {
			break
		}
		from = i
	}
	return k - from + 1, from
}

// calledForBreak reports whether slot k's reading called for the article's
// break, as its tip step_away does: deep signs, low mood or motivation among
// them, current, and one of the article's causes (hard efforts, no rest) in
// the causeDays ending on it. Heavy legs alone in a hard block call for
// fewer hard efforts or a rest day, not a break.
func (s *series) calledForBreak(k int) bool {
	d := s.day(k)
	return d.signs && d.moodSign && d.deep && d.lowNow && s.causeWithin(k, causeDays, true)
}

// reading returns the reading of day, the day of slot i, which must be at
// least windowDays-1, with the EWMA ratio of that day.
func (s *series) reading(i int, day Date, ewma float64, ewmaOK bool) Reading {
	e := s.evaluate(i)
	r := Reading{
		Date:    day,
		Week:    e.st.summary(day.AddDays(-(weekDays - 1)), day),
		Metrics: e.metrics(),
		Signals: []Signal{},
		Hints:   []Hint{},
	}
	if e.hasACWR && ewmaOK {
		r.Metrics.ACWREWMA = &ewma
	}
	for k := 0; k <= i && k < maxRestRun && s.isRest(i-k); k++ {
		r.RestRun++
	}
	if s.day(i).unknown {
		r.Level = LevelUnknown
		r.Tip, _ = tipFor(s.cfg, TipKeepCheckingIn)
		r.Headline = fmt.Sprintf("Not enough check-ins to read yet: %d of the last 7 days logged, the meter needs %d.",
			e.st.logged, minCheckins)
		return r
	}
	d := s.day(i)
	r.Score = d.score
	r.Level = LevelOf(r.Score)
	r.Signals = s.signals(e)
	r.Hints = s.hints(e)
	r.DeepSlump = d.deep
	if d.slump {
		r.SlumpStreak, _ = s.streak(i, MaxSlumpStreak, func(d dayMemo) bool { return d.slump })
	}
	if d.signs {
		var from int
		r.SignStreak, from = s.streak(i, MaxSlumpStreak, func(d dayMemo) bool { return d.signs })
		for k := from; k <= i-weekDays; k++ {
			if s.isRest(k) {
				r.SlumpRestDays++
			}
		}
	}
	r.Break = s.followUp(i, day, r)
	easing, fromIllness := s.easing(i)
	id, breakDay := s.chooseTip(i, e, r, easing)
	r.Tip, _ = tipFor(s.cfg, id)
	eased := !slices.ContainsFunc(r.Signals, func(sg Signal) bool { return sg.Kind == KindSign })
	if breakDay > 0 {
		r.Tip = breakTip(id, breakDay, eased)
	}
	r.Headline = headline(r, breakDay, fromIllness)
	return r
}

// followUp returns the follow-up of the latest break (see isBreak): a run
// of logged rest days (effort 0, sick or injured) that goes on on slot i,
// or that ended at most easeBackDays before it; nil if there is none. A run
// that has ended counts only if it lasted breakDays or more; one still
// going counts from its first day. The follow-up starts at most maxRestRun
// days back.
func (s *series) followUp(i int, day Date, r Reading) *BreakFollowUp {
	for end := i; end >= i-easeBackDays; end-- {
		if !s.isRest(end) || end < i && s.isRest(end+1) {
			continue // not the last day of a run of rest days
		}
		start := s.runStart(end)
		ongoing := end == i
		if end-start+1 < breakDays && !ongoing || !s.isBreak(start, end) {
			continue
		}
		for start > end-maxRestRun+1 && s.isRest(start-1) {
			start-- // a run longer than runStart looks back
		}
		startDate := day.AddDays(start - i)
		before := startDate.AddDays(-1)
		b := &BreakFollowUp{
			Start: startDate, End: day.AddDays(end - i), Days: end - start + 1, Ongoing: ongoing,
			Before: s.breakPoint(start-1, before, before.AddDays(-(weekDays - 1))),
			After:  s.breakPoint(i, day, startDate),
		}
		b.After.Score, b.After.Level = r.Score, r.Level
		return b
	}
	return nil
}

// breakPoint returns the meter of slot k (day) and the mood and motivation
// averaged over from..day.
func (s *series) breakPoint(k int, day, from Date) BreakPoint {
	d := s.day(k)
	p := BreakPoint{Date: day, Score: d.score, Level: LevelOf(d.score), From: from}
	if d.unknown {
		p.Level = LevelUnknown
	}
	var mood, motivation int
	for j := k - day.DaysSince(from); j <= k; j++ {
		if c, ok := s.checkin(j); ok {
			p.Days++
			mood += c.Mood
			motivation += c.Motivation
		}
	}
	if p.Days > 0 {
		m, v := float64(mood)/float64(p.Days), float64(motivation)/float64(p.Days)
		p.AvgMood, p.AvgMotivation = &m, &v
	}
	return p
}

// easing reports whether slot i is within easeBackDays after a break, or
// after any run of breakDays rest days or more that was called for (see
// called), or after breakDays or more sick or injured days in a row; or is
// a rest day in a run that began then: the first days back, which get
// ease_back and never step_away. unwell says the run was of days sick or
// injured.
func (s *series) easing(i int) (ok, unwell bool) {
	if s.isRest(i) {
		if ok, unwell := s.easedFrom(s.runStart(i)); ok {
			return true, unwell
		}
	}
	return s.easedFrom(i)
}

// easedFrom reports whether a run of rest days that makes the days after it
// easing back (see easing) ended within easeBackDays before slot i, and
// whether it was one of breakDays or more sick or injured days.
func (s *series) easedFrom(i int) (ok, unwell bool) {
	for end := i - 1; end >= i-easeBackDays; end-- {
		if !s.isRest(end) || s.isRest(end+1) {
			continue // not the last day of a run of rest days that has ended
		}
		start := s.runStart(end)
		run, unwell := 0, 0 // the longest run of sick or injured days in it
		for k := start; k <= end; k++ {
			if run++; !s.isUnwell(k) {
				run = 0
			}
			unwell = max(unwell, run)
		}
		if unwell >= breakDays {
			return true, true
		}
		if end-start+1 >= breakDays && s.called(start, end) {
			return true, false
		}
	}
	return false, false
}

// restLook is how far back runStart looks for the first day of a run of
// rest days: a run longer than that is a break whatever came before it.
const restLook = maxBreakDays + 2

// runStart returns the first day of the run of rest days ending on slot
// end, looking back at most restLook days.
func (s *series) runStart(end int) int {
	start := end
	for start > end-restLook+1 && s.isRest(start-1) {
		start--
	}
	return start
}

// isBreak reports whether the rest days start..end (a whole run, end the
// reading's day when it goes on) are the article's break: called for (see
// called), and not in the easing back after an earlier one (rest days then
// are part of coming back, not a new break). A run of 1 or 2 days counts
// only while it goes on.
func (s *series) isBreak(start, end int) bool {
	eased, _ := s.easedFrom(start)
	return s.called(start, end) && !eased
}

// called reports whether the rest days start..end followed a day that
// called for a break (see calledForBreak), or had one among them, so that a
// break counts from its first rest day even when the runner stopped before
// the meter said step_away. A run of restLook days or more counts whatever
// came before it.
func (s *series) called(start, end int) bool {
	if end-start+1 >= restLook {
		return true
	}
	for k := start - 1; k <= end; k++ {
		if s.calledForBreak(k) {
			return true
		}
	}
	return false
}

// causeWithin reports whether a training-load cause (with breakOnly, one of
// the article's causes a break answers) fired on any day of the n ending on
// slot i.
func (s *series) causeWithin(i, n int, breakOnly bool) bool {
	for k := i; k > i-n; k-- {
		if d := s.base(k); !d.unknown && (d.breakCause || !breakOnly && d.loadCause) {
			return true
		}
	}
	return false
}

// chooseTip returns the id of the tip for the reading r of slot i, and the
// day of the break when the runner is on one (then the tip is breakTip's).
// easing says slot i is easing back (see easing).
func (s *series) chooseTip(i int, e eval, r Reading, easing bool) (id string, breakDay int) {
	d := s.day(i)
	latest := -1 // the latest logged day, the reading's or the day before
	for k := i; k >= i-1; k-- {
		if _, ok := s.checkin(k); ok {
			latest = k
			break
		}
	}
	p := e.points
	strongestSign, strongestCause := -1, -1
	for k, v := range p {
		if v == 0 {
			continue
		}
		if k < nSigns && (strongestSign < 0 || v > p[strongestSign]) {
			strongestSign = k
		}
		if k >= nSigns && k != sigLoadSpike && k != sigFormRisk && (strongestCause < 0 || v > p[strongestCause]) {
			strongestCause = k // the load spike describes; it never picks the tip
		}
	}
	// A training-load cause during the signs, or in the causeDays before
	// they began: the signs came with the training. Asked only of signs
	// that have lasted 14 days.
	inTraining := func() bool { return s.causeWithin(i, r.SignStreak+causeDays-1, false) }
	switch {
	case !s.loggedWithin(i, currentDays):
		// No check-in for 3 days: the meter cannot say how you are now.
		return TipKeepCheckingIn, 0
	case d.signs && (r.SignStreak >= escalateDays && r.SlumpRestDays >= escalateRest &&
		(p[sigMood] >= realSign || p[sigLegs] >= realSign) || r.SignStreak >= MaxSlumpStreak && p[sigMood] >= realSign) && inTraining():
		// Fatigue or low mood through two weeks and the rest taken a week
		// or more ago, or low mood for three weeks, rest or not: more than
		// a break can fix.
		return TipSeeAProfessional, 0
	case r.Break != nil && r.Break.Ongoing && r.Break.Days <= maxBreakDays && d.signs && s.causeWithin(i, causeDays, false):
		// The article's break, under way (sick or not): say which day it is.
		return TipStepAway, r.Break.Days
	case r.Break != nil && r.Break.Ongoing:
		// A break whose signs have eased, or longer than the article's:
		// rest as needed, and come back gradually.
		return TipEaseBack, r.Break.Days
	case latest >= 0 && s.isUnwell(latest):
		// Sick or injured: training advice is paused.
		return TipGetWell, 0
	case easing:
		// The first days back after a break or after being ill.
		return TipEaseBack, 0
	case d.signs && p[sigMood] >= realSign && r.SignStreak >= escalateDays && !inTraining():
		// Low mood for two weeks with nothing in the training to explain
		// it: this may not be about running.
		return TipBeyondTraining, 0
	case s.calledForBreak(i):
		// A slump in training: the article's 3-5 day break.
		return TipStepAway, 0
	case strongestSign >= 0 && strongestCause >= 0:
		// Signs with a cause to act on: the cause's own remedy.
		return causeTip(strongestCause), 0
	case strongestSign == sigLegs:
		// Heavy legs without a load to blame: a rest day.
		return TipTakeRestDay, 0
	case strongestSign >= 0 && !e.load.complete() && e.st.monotonous():
		// Alike days, by their efforts when the loads are not all known.
		return TipMixItUp, 0
	case strongestSign >= 0 && r.Level == LevelOK && e.st.training > fewTrainingDay:
		// A small dip with the runs still going: a small lift.
		return TipNewGear, 0
	case strongestSign >= 0:
		// Motivation or mood down, runs skipped or more than a small dip:
		// the article's running buddy.
		return TipRunningBuddy, 0
	case strongestCause >= 0:
		// Causes alone: risk is building; the cause's own remedy.
		return causeTip(strongestCause), 0
	}
	return TipListenToBody, 0
}

// causeTip returns the tip for a cause.
func causeTip(sig int) string {
	switch sig {
	case sigHard:
		return TipCapHardEfforts
	case sigRest:
		return TipTakeRestDay
	case sigSleep:
		return TipSleepMore
	}
	return TipMixItUp // monotony
}

// headline says the reading in one line of plain words.
func headline(r Reading, breakDay int, fromIllness bool) string {
	var sign, cause *Signal
	for k := range r.Signals {
		sg := &r.Signals[k]
		switch {
		case sg.Kind == KindSign && sign == nil:
			sign = sg
		case sg.Kind == KindCause && cause == nil && sg.ID != SignalLoadSpike:
			cause = sg
		}
	}
	switch {
	case r.Tip.ID == TipGetWell:
		return "You logged being unwell: training advice is paused."
	case breakDay > 0 && r.Tip.ID == TipStepAway:
		return fmt.Sprintf("Day %d of your break: keep resting.", breakDay)
	case breakDay > 0 && sign == nil:
		return fmt.Sprintf("Day %d of your break: the signs have eased.", breakDay)
	case breakDay > 0:
		return fmt.Sprintf("Day %d of your break.", breakDay)
	case r.Tip.ID == TipEaseBack && fromIllness:
		return "Back from being unwell: ease into it."
	case r.Tip.ID == TipEaseBack:
		return "Back from a break: ease into it."
	case sign != nil && r.Level == LevelSlump:
		return "Signs of a slump: " + sign.Short + "."
	case sign != nil && r.Level == LevelOK:
		return "A small dip: " + sign.Short + ", a little."
	case sign != nil:
		return "Early signs of a slump: " + sign.Short + "."
	case cause != nil:
		return "No signs of a slump, but risk is building: " + cause.Short + "."
	}
	return "All clear: training and recovery look balanced."
}

// metrics returns the figures of e for a Reading.
func (e eval) metrics() Metrics {
	m := Metrics{LoadKnownDays: e.load.known, LoadUnknownDays: e.load.unknown}
	if e.load.ok() {
		load := int(e.load.sum)
		m.WeeklyLoad = &load
	}
	if e.load.complete() {
		strain := e.load.strain()
		m.Strain = &strain
		if mono, ok := e.load.monotony(); ok {
			m.Monotony = &mono
		}
	}
	if e.hasUsual {
		u := e.usualStrain
		m.UsualStrain = &u
	}
	if e.hasACWR {
		a := e.acwr
		m.ACWR = &a
	}
	for item, p := range []**Baseline{&m.Sleep, &m.Mood, &m.Motivation, &m.Legs} {
		if e.hasBase[item] {
			b := e.base[item]
			*p = &b
		}
	}
	return m
}

// weekStats is what the signals are computed from: the 7 days ending on a
// slot, plus the rest-day count over the 14 days ending on it.
type weekStats struct {
	logged, hard, rest, minutes        int
	training, minTraining, maxTraining int // training days (not rest) and their effort range
	unwell, travel                     int // sick or injured days; travel days
	sleep, sleepN                      int // sum in hundredths of an hour, and nights, leaving out travel and unwell days
	travelShort                        int // travel nights under the sleep target
	restSessions                       int // logged rest days with a recorded session (Training.RestConflict)
	items                              [nItems]struct{ sum, n int }
	lowDays                            int          // days with a low answer (mood, motivation or legs)
	lowItems                           [nItems]bool // the items with a low answer on one of those days
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
		if isRest(c) {
			st.rest14++
		}
		if i > end-weekDays {
			st.add(c, s.cfg)
		}
	}
	return st
}

// add counts one logged day into the week's statistics (not the 14-day
// ones); cfg says which efforts are hard and the sleep target.
func (st *weekStats) add(c Checkin, cfg Config) {
	st.logged++
	switch {
	case isRest(c):
		st.rest++
	case st.training == 0:
		st.training, st.minTraining, st.maxTraining = 1, c.Effort, c.Effort
	default:
		st.training++
		st.minTraining = min(st.minTraining, c.Effort)
		st.maxTraining = max(st.maxTraining, c.Effort)
	}
	t := c.Training(cfg)
	st.hard += t.Hard
	if t.RestConflict {
		st.restSessions++
	}
	if c.Minutes != nil {
		st.minutes += *c.Minutes
	}
	switch {
	case c.DayType.Unwell():
		st.unwell++
		return // it answers nothing the meter reads of the runner
	case c.DayType == DayTravel:
		st.travel++
		if hundredths(c.SleepHours) < sleepTarget(cfg) {
			st.travelShort++
		}
	default:
		st.sleep += hundredths(c.SleepHours)
		st.sleepN++
	}
	low := false
	for _, item := range []int{itemMood, itemMotivation, itemLegs} {
		if v, ok := answer(c, item); ok {
			st.items[item].sum += v
			st.items[item].n++
			if v <= lowAnswer {
				low, st.lowItems[item] = true, true
			}
		}
	}
	if low {
		st.lowDays++
	}
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
		UnwellDays:  st.unwell,
		TravelDays:  st.travel,
	}
	if st.sleepN > 0 {
		sleep := float64(st.sleep) / 100 / float64(st.sleepN)
		w.AvgSleepHours = &sleep
	}
	for item, p := range [nItems]**float64{itemMood: &w.AvgMood, itemMotivation: &w.AvgMotivation, itemLegs: &w.AvgLegs} {
		if a := st.items[item]; p != nil && a.n > 0 {
			v := float64(a.sum) / float64(a.n)
			*p = &v
		}
	}
	return w
}

// monotonous reports whether the week's training days all feel alike: enough
// of them, at nearly the same effort. It stands in for Foster's monotony
// when the minutes are not logged.
func (st weekStats) monotonous() bool {
	return st.training >= monotonousDays && st.maxTraining-st.minTraining <= monotonousSpan
}

// signals returns the signals that fire for e, strongest first, each with
// its kind and its explanation.
func (s *series) signals(e eval) []Signal {
	signals := []Signal{} // never nil: "no signals" is an empty list
	st, cfg := e.st, s.cfg
	for k, points := range e.points {
		if points == 0 {
			continue
		}
		sg := Signal{ID: signalID(k), Kind: KindCause, Points: points}
		if k < nSigns {
			sg.Kind = KindSign
		}
		switch k {
		case sigMotivation:
			sg.Detail, sg.Short = itemDetail(e, itemMotivation, "motivation", "lacing up feels daunting"), "your motivation is down"
		case sigMood:
			sg.Detail, sg.Short = itemDetail(e, itemMood, "mood", "you have been feeling low"), "your mood is down"
		case sigLegs:
			sg.Detail, sg.Short = itemDetail(e, itemLegs, "legs", "heavy and flat, easy paces feel hard"), "your legs feel heavy"
		case sigPersistent:
			var items []string
			for item, name := range [nItems]string{itemMood: "mood", itemMotivation: "motivation", itemLegs: "legs"} {
				if st.lowItems[item] {
					items = append(items, name)
				}
			}
			sg.Detail = fmt.Sprintf("%s %d/5 or lower on %d of %s: a pattern, not a bad day",
				orList(items), lowAnswer, st.lowDays, plural(st.logged-st.unwell, "day"))
			sg.Short = "low most days of the week"
		case sigHard:
			sg.Detail = fmt.Sprintf("%s in the last 7 days; the rule of thumb is %d", plural(st.hard, "hard effort"), cfg.HardEffortsPerWeek)
			if cfg.HardEffort != HardEffort { // the runner's own threshold, said where it is not the usual 7
				sg.Detail = fmt.Sprintf("%s (effort %d or more) in the last 7 days; the rule of thumb is %d",
					plural(st.hard, "hard effort"), cfg.HardEffort, cfg.HardEffortsPerWeek)
			}
			sg.Short = fmt.Sprintf("%s in 7 days", plural(st.hard, "hard effort"))
		case sigRest:
			sg.Detail, sg.Short = restDetail(st, cfg.RestDaysPerWeek, points == pointsNoRest14), "no complete rest day"
		case sigSleep:
			sg.Detail = sleepDetail(st, cfg, e.base[itemSleep], e.base[itemSleep].flag(e.hasBase[itemSleep]) > 0)
			sg.Short = "short sleep"
		case sigMonotony:
			m, _ := e.load.monotony()
			sg.Detail = fmt.Sprintf("training monotony %.2f this week, above %g: your days are too alike", ShownScale(m, 2), cfg.MonotonyLimit)
			if points == pointsMonoStrain {
				sg.Detail += fmt.Sprintf("; strain %.0f is above your usual %.0f", e.load.strain(), e.usualStrain)
			}
			sg.Short = "days too alike"
		case sigLoadSpike:
			sg.Detail = fmt.Sprintf("load spike vs your last 4 weeks: this week's load is %.2f times your 4-week average "+
				"(a description, not an injury predictor)", ShownScale(e.acwr, 2))
			sg.Short = "a load spike"
		case sigFormRisk:
			sg.Detail = fmt.Sprintf("form in the high-risk band on %d of the last %d days: more fatigue than your fitness carries",
				e.highRiskDays, formStretch)
			sg.Short = "form in high risk"
		}
		signals = append(signals, sg)
	}
	// Stable: equal points keep the fixed order they were added in.
	slices.SortStableFunc(signals, func(a, b Signal) int { return b.Points - a.Points })
	return signals
}

// hints returns the notes that explain the reading without points.
func (s *series) hints(e eval) []Hint {
	hints := []Hint{}
	st := e.st
	if e.restHint {
		hints = append(hints, Hint{ID: HintRestNotLogged, Detail: fmt.Sprintf(
			"no complete rest day logged in the last 7 days (%d of them logged): log rest days too, as effort 0", st.logged)})
	}
	if e.travelHint {
		hints = append(hints, Hint{ID: HintTravelSleep, Detail: fmt.Sprintf(
			"%s short on travel: expected on the road, left out of your sleep average; catch up when you are home",
			plural(st.travelShort, "night"))})
	}
	if st.restSessions > 0 {
		hints = append(hints, Hint{ID: HintRestDaySession, Detail: fmt.Sprintf(
			"%s logged as complete rest, yet a session was recorded: kept as rest, your word wins; the session is not counted (laceup activities list shows it)",
			plural(st.restSessions, "day"))})
	}
	if st.unwell > 0 {
		hints = append(hints, Hint{ID: HintUnwellDays, Detail: fmt.Sprintf(
			"%s sick or injured in the last 7 days: counted as rest, left out of your averages and your usual",
			plural(st.unwell, "day"))})
	}
	return hints
}

// itemDetail explains a sign of item: its average over the week, its last
// answers and the runner's usual, as far as each has fired.
func itemDetail(e eval, item int, name, low string) string {
	a := e.st.items[item]
	d := ""
	if a.n > 0 {
		avg := ShownScale(float64(a.sum)/float64(a.n), 1)
		d = fmt.Sprintf("%s averaged %.1f/5 over %s", name, avg, plural(a.n, "day"))
	}
	lowAvg := a.n >= minSignAnswers && a.sum*10 <= lowAverage*a.n
	switch {
	case lowAvg:
		d += ": " + low
	case e.recentLow[item]:
		d += fmt.Sprintf("; %d/5 or lower on each of your last %d answers: %s", lowAnswer, recentAnswers, low)
	}
	if b := e.base[item]; e.base[item].flag(e.hasBase[item]) > 0 {
		usual := math.Round(b.Mean*10) / 10
		shown := ShownScale(b.Recent, 1)
		sep := ", "
		if lowAvg || e.recentLow[item] {
			sep = "; "
		}
		d += fmt.Sprintf("%s%.1f below your usual %.1f", sep, max(usual-shown, 0), usual)
	}
	return d
}

func restDetail(st weekStats, need int, fourteen bool) string {
	days, logged := 7, st.logged
	rest := st.rest
	if fourteen {
		days, logged, rest = 14, st.logged14, st.rest14
	}
	if rest == 0 {
		return fmt.Sprintf("no complete rest day in %d days (%d logged); aim for at least %d a week", days, logged, need)
	}
	return fmt.Sprintf("only %s in %d days (%d logged); aim for at least %d a week",
		plural(rest, "complete rest day"), days, logged, need)
}

func sleepDetail(st weekStats, cfg Config, b Baseline, below bool) string {
	n := st.sleepN
	target := sleepTarget(cfg)
	d := fmt.Sprintf("averaging %s h of sleep over %s", hoursDown(st.sleep, n), plural(n, "night"))
	if st.travel > 0 {
		d += " (travel nights apart)"
	}
	if st.sleep < target*n {
		if target == 700 {
			d += "; adults need 7 or more"
		} else {
			d += fmt.Sprintf("; your target is %g h", float64(target)/100)
		}
	}
	if below {
		shown := float64(st.sleep/(10*n)) / 10 // as hoursDown shows it
		usual := math.Round(b.Mean*10) / 10
		d += fmt.Sprintf(", %.1f h below your usual %.1f h", max(usual-shown, 0), usual)
	}
	return d
}

// orList returns "a", "a or b", "a, b or c".
func orList(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + " or " + items[n-1]
	}
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
