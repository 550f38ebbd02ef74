package slump

import (
	"fmt"
	"math"
	"slices"
)

// MaxSlumpStreak is the longest SlumpStreak the meter counts: a streak of
// this many days (3 weeks) may have gone on longer. A slump that long calls
// for see_a_professional, rest or no rest; so does one of 14 days despite
// rest days (see Reading.SlumpRestDays).
const MaxSlumpStreak = 21

// The model's numbers. The README's "The slump meter" gives the source of each one; the ones marked
// there as design choices can be tuned, the others come from the article,
// the sleep literature or the load-monitoring papers. The thresholds a
// runner may change are in Config.
const (
	weekDays = 7  // the signals look at the 7 days ending on the reading's date
	restDays = 14 // the stronger no_rest_day rule looks back 14 days

	// scoreSpan is how many days, ending on a day, that day's own score
	// reads: its week and the 28 days of its baselines, which also hold the
	// 4 weeks of the usual strain; the load ratio needs 28 and the rest
	// rule 14.
	scoreSpan = weekDays + baselineDays

	// windowDays is how many days Meter reads: the score span of the oldest
	// day the streak reaches (MaxSlumpStreak-1 days before the date). A
	// break's follow-up reaches less far: its day before is at most
	// followUpDays+1 days back and needs the scores of the 2 days before it.
	windowDays = scoreSpan + MaxSlumpStreak - 1

	hardEffortsPerWeek = 2 // article: at most 2 hard efforts a week (Config's default; the demo journal plans with it)

	minLoggedForAverage = 2  // one night is a bad night, not a pattern
	minLoggedForRest    = 4  // of 7 days, before "no rest day" is believed
	minLoggedForRest14  = 10 // of 14 days, for the stronger version

	veryShortSleepGap = 100 // hundredths of an hour: very short is an hour under the target (6 h: Prather 2015)

	lowAverage     = 20 // tenths of a point: an average of 2.0 or less out of 5
	veryLowAverage = 15 // an average of 1.5 or less
	lowDay         = 2  // a day of motivation 2 or less is a low day

	deepSlumpStreak  = 3  // days in the slump band in a row
	deepSlumpSignals = 4  // of the article's 5 signals, firing at once
	breakDays        = 3  // complete rest days in a row that make the article's break
	maxRestRun       = 14 // RestRun is counted up to this
	persistDays      = 3  // persistent: the slump level this many days running
	hooperDays       = 4  // persistent: low motivation on this many of the last 7 days (most of them)
	escalateDays     = 14 // see_a_professional: the slump band this many days running ...
	escalateRest     = 3  // ... with this many rest days a week or more back, as many as the shortest break
	followUpDays     = 10 // a break's follow-up lasts while its first day is at most this many days back

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
	pointsBaseline          = 5  // an item 1.0 usual spreads below the runner's usual (z <= -1.0)
	pointsBaselineStrong    = 10 // 1.5 spreads below (z <= -1.5)
	pointsMonotony          = 10
	pointsMonotonyStrain    = 15 // monotonous, and strain above the runner's usual
	pointsLoadSpike         = 10 // never enough for the watch band on its own
	pointsPersistent        = 30 // a pattern is a warning sign on its own: the watch band
)

// The signals, in their fixed order for ties.
const (
	sigHard = iota
	sigRest
	sigSleep
	sigMotivation
	sigMood
	sigMonotony
	sigLoadSpike
	sigPersistent
	nSignals
	nArticleSignals = sigMood + 1 // the article's five signals, counted for a deep slump
)

func signalID(k int) string {
	return [nSignals]string{SignalHardEfforts, SignalNoRestDay, SignalShortSleep, SignalLowMotivation,
		SignalLowMood, SignalMonotony, SignalLoadSpike, SignalPersistent}[k]
}

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
// day, both ends included: to is day and from is 54 days earlier. A day's
// score reads its 7 days and the 28 before them (the personal baselines and
// the 4 weeks of the usual strain); SlumpStreak needs that for each of the
// MaxSlumpStreak-1 days before day. A store can load only these rows:
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
// loads is the journal's load series for the EWMA ratio, which starts at
// the first check-in: the loads of every check-in up to day, in any order
// (later ones are ignored; the last of a date wins). It must agree with
// history on the days they share. When loads is nil the series is taken
// from history, so a Reading from the rows of Window(day) alone starts it at
// the window's first check-in. Every other figure comes from history alone.
func (m Meter) Reading(history []Checkin, loads []Load, day Date) Reading {
	var slot [windowDays]int // on the stack
	var memo [windowDays]dayMemo
	var pre [windowDays + 1]cumul
	from, _ := Window(day)
	s := series{cfg: m.Config(), history: history, slot: slot[:], memo: memo[:], pre: pre[:]}
	s.index(from)
	e := newEWMASeries(sourceOf(history, loads), day)
	ratio, ok := 0.0, false
	e.run(day, func(_ Date, r float64, good bool) { ratio, ok = r, good })
	return s.reading(windowDays-1, day, ratio, ok)
}

func sourceOf(history []Checkin, loads []Load) loadSource {
	if loads != nil {
		return loadSource{loads: loads, useLoads: true}
	}
	return loadSource{checkins: history}
}

// series is the check-ins of a range of days indexed by date, with the
// scores computed so far. Reading and Readings both read through it, so they
// cannot disagree.
//
// The first day of the range is passed to the methods that need it rather
// than kept here: a Date holds a pointer, and keeping one would make Reading's
// series escape to the heap.
type series struct {
	cfg     Config
	history []Checkin // as given
	slot    []int     // one per day of the range: 1 + the index in history of its check-in, 0 for none
	memo    []dayMemo // per day: its score, once computed
	pre     []cumul   // pre[i]: the sums over the days before slot i, so any range's sums are a difference
}

// cumul is the loads and the baseline items summed over a run of days.
type cumul struct {
	load  weekLoad
	items itemSums
}

// dayMemo is a day's own score without the persistent signal (the base
// score), and whether its week has low motivation on most days.
type dayMemo struct {
	done   bool
	base   int
	hooper int // days of the week with motivation <= 2
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
			au, known := Load{Effort: c.Effort, Minutes: c.Minutes}.Value()
			s.pre[i+1].load.add(min(max(au, 0), maxLoadAU), known, true)
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

// isRest reports whether slot i is a logged complete rest day.
func (s *series) isRest(i int) bool {
	c, ok := s.checkin(i)
	return ok && c.Effort == RestEffort
}

// eval is everything the signals of one day are computed from, and their
// points (persistent apart: it needs the days before).
type eval struct {
	st          weekStats
	load        weekLoad
	usualStrain float64
	hasUsual    bool
	acwr        float64
	hasACWR     bool
	base        [nItems]Baseline
	hasBase     [nItems]bool
	points      [nSignals]int // 0 for a signal that does not fire; points[sigPersistent] is set by reading
}

// evaluate computes the signals of the day of slot k, which must be at
// least scoreSpan-1.
func (s *series) evaluate(k int) eval {
	var e eval
	e.st = s.stats(k)
	e.load = s.weekLoad(k)

	// The usual strain: the median of the weeks ending 7, 14, 21, 28 days
	// before.
	var strains [strainWeeks]float64
	n := 0
	for j := 1; j <= strainWeeks; j++ {
		if w := s.weekLoad(k - weekDays*j); w.ok() {
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

	e.points = s.points(e)
	return e
}

// points returns the points of every signal but persistent for e.
func (s *series) points(e eval) [nSignals]int {
	var p [nSignals]int
	st, cfg := e.st, s.cfg
	if n := st.hard; n > cfg.HardEffortsPerWeek {
		p[sigHard] = min(pointsHardMax, pointsHardBase+pointsHardStep*(n-cfg.HardEffortsPerWeek))
	}
	if r := cfg.RestDaysPerWeek; st.rest < r && st.logged >= minLoggedForRest {
		p[sigRest] = pointsNoRest
		if st.rest14 < r && st.logged14 >= minLoggedForRest14 {
			p[sigRest] = pointsNoRest14
		}
	}
	if n := st.logged; n >= minLoggedForAverage {
		target := sleepTarget(cfg)
		if st.sleep < target*n {
			p[sigSleep] = pointsShortSleep
			if st.sleep < (target-veryShortSleepGap)*n {
				p[sigSleep] = pointsVeryShortSleep
			}
		}
		if st.motivation*10 <= lowAverage*n {
			p[sigMotivation] = pointsLowMotivation
			if st.motivation*10 <= veryLowAverage*n {
				p[sigMotivation] = pointsVeryLowMotivation
			}
		}
		if st.mood*10 <= lowAverage*n {
			p[sigMood] = pointsLowMood
			if st.mood*10 <= veryLowAverage*n {
				p[sigMood] = pointsVeryLowMood
			}
		}
	}
	p[sigSleep] = max(p[sigSleep], baselinePoints(e.base[itemSleep], e.hasBase[itemSleep]))
	p[sigMood] = max(p[sigMood], baselinePoints(e.base[itemMood], e.hasBase[itemMood]))
	p[sigMotivation] = max(p[sigMotivation], baselinePoints(e.base[itemMotivation], e.hasBase[itemMotivation]))

	if m, ok := e.load.monotony(); e.load.ok() && ok && m > cfg.MonotonyLimit {
		p[sigMonotony] = pointsMonotony
		if e.hasUsual && e.load.strain() > e.usualStrain {
			p[sigMonotony] = pointsMonotonyStrain
		}
	}
	if e.hasACWR && e.acwr >= cfg.ACWRLimit {
		p[sigLoadSpike] = pointsLoadSpike
	}
	return p
}

// sleepTarget returns the config's sleep target in hundredths of an hour.
func sleepTarget(cfg Config) int { return int(math.Round(cfg.SleepTargetHours * 100)) }

// sumPoints returns the score of a set of points: their sum, at most
// MaxScore.
func sumPoints(p [nSignals]int) int {
	score := 0
	for _, v := range p {
		score += v
	}
	return min(score, MaxScore)
}

// base returns the base score of slot k (all signals but persistent) and
// its count of low-motivation days, computing them once.
func (s *series) base(k int) dayMemo {
	if !s.memo[k].done {
		e := s.evaluate(k)
		s.memo[k] = dayMemo{done: true, base: sumPoints(e.points), hooper: e.st.lowMotivation}
	}
	return s.memo[k]
}

// persistent reports why the persistent signal fires for slot k: the base
// score in the slump band on k and the 2 days before (k must then be at
// least scoreSpan+1), and low motivation on most days of its week.
func (s *series) persistent(k int) (streak bool, lowDays int) {
	m := s.base(k)
	if m.hooper >= hooperDays {
		lowDays = m.hooper
	}
	streak = true
	for j := range persistDays {
		if s.base(k-j).base < SlumpFrom {
			streak = false
			break
		}
	}
	return streak, lowDays
}

// inSlump reports whether the full score of slot k (with persistent) is in
// the slump band. It needs only day k's own span: below the band the
// slump-level part of persistent cannot fire, so only low motivation can
// lift the score into it.
func (s *series) inSlump(k int) bool {
	m := s.base(k)
	return m.base >= SlumpFrom || m.hooper >= hooperDays && m.base+pointsPersistent >= SlumpFrom
}

// fullScore returns the score of slot k with persistent, and whether
// persistent fires. k must be at least scoreSpan+1.
func (s *series) fullScore(k int) (int, bool) {
	streak, low := s.persistent(k)
	if streak || low > 0 {
		return min(MaxScore, s.base(k).base+pointsPersistent), true
	}
	return s.base(k).base, false
}

// deep reports whether slot k's reading is a deep slump: in the slump band
// 3 days running, 4 of the article's signals, or persistent. k must be at
// least scoreSpan+1.
func (s *series) deep(k int) bool {
	if _, p := s.fullScore(k); p {
		return true
	}
	streak := 0
	for streak < deepSlumpStreak && s.inSlump(k-streak) {
		streak++
	}
	if streak >= deepSlumpStreak {
		return true
	}
	e := s.evaluate(k)
	n := 0
	for _, v := range e.points[:nArticleSignals] {
		if v > 0 {
			n++
		}
	}
	return n >= deepSlumpSignals
}

// reading returns the reading of day, the day of slot i, which must be at
// least windowDays-1, with the EWMA ratio of that day.
func (s *series) reading(i int, day Date, ewma float64, ewmaOK bool) Reading {
	e := s.evaluate(i)
	streak, lowDays := s.persistent(i)
	if streak || lowDays > 0 {
		e.points[sigPersistent] = pointsPersistent
	}
	signals := s.signals(e, streak, lowDays)
	score := sumPoints(e.points)
	r := Reading{
		Date:    day,
		Score:   score,
		Level:   LevelOf(score),
		Signals: signals,
		Week:    e.st.summary(day.AddDays(-(weekDays - 1)), day),
		Metrics: e.metrics(),
	}
	if e.hasACWR && ewmaOK {
		r.Metrics.ACWREWMA = &ewma
	}
	for k := 0; k < MaxSlumpStreak && s.inSlump(i-k); k++ {
		r.SlumpStreak++
		if k >= weekDays && s.isRest(i-k) {
			r.SlumpRestDays++
		}
	}
	articleSignals := 0
	for _, v := range e.points[:nArticleSignals] {
		if v > 0 {
			articleSignals++
		}
	}
	r.DeepSlump = r.SlumpStreak >= deepSlumpStreak || articleSignals >= deepSlumpSignals || e.points[sigPersistent] > 0
	for k := 0; k <= i && k < maxRestRun && s.isRest(i-k); k++ {
		r.RestRun++
	}
	r.Break = s.followUp(i, day, r)
	r.Tip, _ = tipFor(s.cfg, chooseTip(r, e.st))
	return r
}

// followUp returns the follow-up of the latest break that began at most
// followUpDays before slot i, has 3 rest days done and followed a deep
// slump; nil if there is none.
func (s *series) followUp(i int, day Date, r Reading) *BreakFollowUp {
	for start := i - breakDays + 1; start >= i-followUpDays; start-- {
		if !s.isRest(start) || s.isRest(start-1) {
			continue // not the first day of a run of rest days
		}
		end := start
		for end < i && s.isRest(end+1) {
			end++
		}
		if end-start+1 < breakDays || !s.deep(start-1) {
			continue
		}
		startDate := day.AddDays(start - i)
		before := startDate.AddDays(-1)
		b := &BreakFollowUp{
			Start: startDate, End: day.AddDays(end - i), Days: end - start + 1, Ongoing: end == i,
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
	score, _ := s.fullScore(k)
	p := BreakPoint{Date: day, Score: score, Level: LevelOf(score), From: from}
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

// metrics returns the figures of e for a Reading.
func (e eval) metrics() Metrics {
	m := Metrics{LoadKnownDays: e.load.known, LoadUnknownDays: e.load.unknown}
	if e.load.ok() {
		load, strain := int(e.load.sum), e.load.strain()
		m.WeeklyLoad, m.Strain = &load, &strain
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
	for item, p := range []**Baseline{&m.Sleep, &m.Mood, &m.Motivation} {
		if e.hasBase[item] {
			b := e.base[item]
			*p = &b
		}
	}
	return m
}

// weekStats is what the article's signals are computed from: the 7 days
// ending on a slot, plus the rest-day count over the 14 days ending on it.
type weekStats struct {
	logged, hard, rest, minutes        int
	training, minTraining, maxTraining int // training days (effort > 0) and their effort range
	sleep                              int // sum, in hundredths of an hour
	mood, motivation                   int // sums
	lowMotivation                      int // days with motivation <= 2
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
			st.add(c, s.cfg)
		}
	}
	return st
}

// add counts one logged day into the week's statistics (not the 14-day
// ones); cfg says which efforts are hard.
func (st *weekStats) add(c Checkin, cfg Config) {
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
	if cfg.IsHard(c.Effort) {
		st.hard++
	}
	if c.Minutes != nil {
		st.minutes += *c.Minutes
	}
	st.sleep += hundredths(c.SleepHours)
	st.mood += c.Mood
	st.motivation += c.Motivation
	if c.Motivation <= lowDay {
		st.lowMotivation++
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

// signals returns the signals that fire for e, strongest first, each with
// its explanation.
func (s *series) signals(e eval, streak bool, lowDays int) []Signal {
	signals := []Signal{} // never nil: "no signals" is an empty list
	st, cfg := e.st, s.cfg
	for k, points := range e.points {
		if points == 0 {
			continue
		}
		var d string
		switch k {
		case sigHard:
			d = fmt.Sprintf("%s in the last 7 days; the rule of thumb is %d",
				plural(st.hard, "hard effort"), cfg.HardEffortsPerWeek)
			if cfg.HardEffort != HardEffort { // the runner's own threshold, said where it is not the usual 7
				d = fmt.Sprintf("%s (effort %d or more) in the last 7 days; the rule of thumb is %d",
					plural(st.hard, "hard effort"), cfg.HardEffort, cfg.HardEffortsPerWeek)
			}
		case sigRest:
			d = restDetail(st, cfg.RestDaysPerWeek, points == pointsNoRest14)
		case sigSleep:
			d = sleepDetail(st, cfg, e.base[itemSleep], baselinePoints(e.base[itemSleep], e.hasBase[itemSleep]) > 0)
		case sigMotivation:
			d = scaleDetail("motivation", st.motivation, st.logged, "lacing up feels daunting",
				e.base[itemMotivation], baselinePoints(e.base[itemMotivation], e.hasBase[itemMotivation]) > 0)
		case sigMood:
			d = scaleDetail("mood", st.mood, st.logged, "you have been feeling low",
				e.base[itemMood], baselinePoints(e.base[itemMood], e.hasBase[itemMood]) > 0)
		case sigMonotony:
			m, _ := e.load.monotony()
			d = fmt.Sprintf("training monotony %.2f this week, above %g: your days are too alike", ShownScale(m, 2), cfg.MonotonyLimit)
			if points == pointsMonotonyStrain {
				d += fmt.Sprintf("; strain %.0f is above your usual %.0f", e.load.strain(), e.usualStrain)
			}
		case sigLoadSpike:
			d = fmt.Sprintf("load spike vs your last 4 weeks: this week's load is %.2f times your 4-week average "+
				"(a description, not an injury predictor)", ShownScale(e.acwr, 2))
		case sigPersistent:
			d = persistentDetail(streak, lowDays)
		}
		signals = append(signals, Signal{ID: signalID(k), Points: points, Detail: d})
	}
	// Stable: equal points keep the fixed order they were added in.
	slices.SortStableFunc(signals, func(a, b Signal) int { return b.Points - a.Points })
	return signals
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
	n := st.logged
	target := sleepTarget(cfg)
	d := fmt.Sprintf("averaging %s h of sleep over %s", hoursDown(st.sleep, n), plural(n, "night"))
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

func scaleDetail(name string, sum, n int, low string, b Baseline, below bool) string {
	avg := ShownScale(float64(sum)/float64(n), 1)
	d := fmt.Sprintf("%s averaged %.1f/5 over %s", name, avg, plural(n, "day"))
	if sum*10 <= lowAverage*n {
		d += ": " + low
	}
	if below {
		usual := math.Round(b.Mean*10) / 10
		sep := ", "
		if sum*10 <= lowAverage*n {
			sep = "; "
		}
		d += fmt.Sprintf("%s%.1f below your usual %.1f", sep, max(usual-avg, 0), usual)
	}
	return d
}

func persistentDetail(streak bool, lowDays int) string {
	switch {
	case streak && lowDays > 0:
		return fmt.Sprintf("slump band %d days running, motivation 2/5 or lower on %d of 7 days", persistDays, lowDays)
	case streak:
		return fmt.Sprintf("in the slump band %d days running: a pattern, not a bad day", persistDays)
	}
	return fmt.Sprintf("motivation 2/5 or lower on %d of 7 days: a pattern, not a bad day", lowDays)
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
// of them, at nearly the same effort. It stands in for Foster's monotony
// when the minutes are not logged.
func (st weekStats) monotonous() bool {
	return st.training >= monotonousTrainingDays && st.maxTraining-st.minTraining <= monotonousEffortSpan
}

// chooseTip returns the id of the tip for a reading whose week is st.
func chooseTip(r Reading, st weekStats) string {
	switch {
	case r.SlumpStreak >= escalateDays && r.SlumpRestDays >= escalateRest, r.SlumpStreak >= MaxSlumpStreak:
		// Two weeks in the slump band, and the rest taken a week or more
		// ago has not lifted it; or three weeks, rest or no rest: more than
		// a break can fix. (Rest days older than the streak's 21 days no
		// longer count, but by then the streak is 21 days long: once
		// given, this tip stays while the slump does.)
		return TipSeeAProfessional
	case r.DeepSlump && r.RestRun < breakDays && (r.Break == nil || r.Break.Ongoing):
		// No break yet, or its first days: keep going, 3 days at least.
		return TipStepAway
	case r.DeepSlump:
		// The break is taken or just over: the week still carries the days
		// before it, so the score lags; ease back in and watch how you
		// respond.
		return TipListenToBody
	}
	// The strongest signal, load_spike apart: the ratio describes, it does
	// not predict, so it never picks the tip.
	var top Signal
	for _, s := range r.Signals {
		if s.ID != SignalLoadSpike {
			top = s
			break
		}
	}
	switch top.ID {
	case "":
		return TipListenToBody
	case SignalHardEfforts:
		return TipCapHardEfforts
	case SignalNoRestDay:
		return TipTakeRestDay
	case SignalShortSleep:
		return TipSleepMore
	case SignalMonotony:
		return TipMixItUp
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
