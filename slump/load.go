package slump

import (
	"math"
	"slices"
)

// Load is what Foster's session-RPE training load needs of a day: the date,
// the effort (CR-10), the minutes of training and the day's sessions; or,
// with State set, the load model's state at the end of a day. A store
// reads these narrow columns for fitness, fatigue and form and the EWMA
// load ratio, which run from the first check-in (see Meter.Reading).
type Load struct {
	Date     Date
	Effort   int
	Minutes  *int      // nil when not logged
	Sessions []Session // the day's imported sessions (see Checkin.Training)
	// State, when set, makes this not a day's load but the load model's
	// state at the end of Date, standing for every day up to it: the
	// series continues from the state, and the loads on or before Date are
	// ignored. A store's series may start so (see LoadState), and then
	// holds the days after it only. Of two, the later one counts; one of
	// the last day asked for or later is ignored. A reading's figures need
	// the state of a day before its Window (Readings': before that of its
	// first day), as fitness is drawn for every day of it.
	State *LoadState
}

// StateLoad returns the load that stands for the days up to st.Day with
// the model's state st (see Load.State).
func StateLoad(st LoadState) Load { return Load{Date: st.Day, State: &st} }

// LoadOf returns the load fields of a check-in.
func LoadOf(c Checkin) Load {
	return Load{Date: c.Date, Effort: c.Effort, Minutes: c.Minutes, Sessions: c.Sessions}
}

// LoadsOf returns the load fields of every check-in, in the same order.
func LoadsOf(history []Checkin) []Load {
	out := make([]Load, len(history))
	for i, c := range history {
		out[i] = LoadOf(c)
	}
	return out
}

// Value returns the day's session-RPE load in arbitrary units and whether
// it is known: a complete rest day (effort 0) is 0 whatever the minutes and
// the sessions; a day whose sessions are all rated is the sum of rating x
// moving minutes over them (see Checkin.Training); else effort x minutes,
// and a day with effort but no minutes has an unknown load, returned as 0,
// false. A state (State set) is no day's load: 0, false.
func (l Load) Value() (au int, known bool) {
	switch {
	case l.State != nil:
		return 0, false
	case l.Effort == RestEffort:
		return 0, true
	case len(l.Sessions) > 0:
		if au, ok := sessionsLoad(DistinctSessions(l.Sessions)); ok {
			return au, true
		}
	}
	if l.Minutes == nil {
		return 0, false
	}
	return l.Effort * *l.Minutes, true
}

// The load model's numbers; the README's "Where the numbers come from" gives their sources.
const (
	minKnownLoads = 5     // of the 7 days, before weekly load, monotony and strain are computed (issue 4)
	monotonyCap   = 10    // monotony = min(mean/SD, 10): a week of equal loads is maximally monotonous (Fellrnr, after Foster)
	acwrDays      = 28    // the chronic window: 4 weeks (Hulin 2016, Williams 2017)
	acuteEWMADays = 7     // N of the acute EWMA (Williams 2017)
	chronicEWMA   = 28    // N of the chronic EWMA
	strainWeeks   = 4     // the usual strain: median of the 4 weeks before (issue 4: the runner's own 4-week median)
	minStrainWeek = 3     // of those 4 weeks, computable, before the median is believed (design choice)
	ewmaSeedDays  = 7     // both EWMAs start at the mean daily load of the first 7 days (issue 4)
	loadWeekDays  = 7     // the week of weekly load, monotony and strain
	acwrCoverage  = 5     // known loads in each of the 4 weeks before a ratio is shown (the 5-of-7 rule)
	maxLoadAU     = 14400 // MaxEffort x MaxMinutes: a bound used to clamp untrusted input
)

// weekLoad is the load of 7 days: the sums of the known loads and their
// squares (unknown and unlogged days count as 0) and how many days are
// known or unknown.
type weekLoad struct {
	known, unknown int   // days with a known load; logged days with effort but no minutes
	sum, sumSq     int64 // over the known loads
}

func (w *weekLoad) add(au int, known, logged bool) {
	switch {
	case known:
		w.known++
		w.sum += int64(au)
		w.sumSq += int64(au) * int64(au)
	case logged:
		w.unknown++
	}
}

// minus returns the load of the days counted in w and not in v.
func (w weekLoad) minus(v weekLoad) weekLoad {
	return weekLoad{known: w.known - v.known, unknown: w.unknown - v.unknown, sum: w.sum - v.sum, sumSq: w.sumSq - v.sumSq}
}

// ok reports whether enough days are known for weekly load, monotony and
// strain.
func (w weekLoad) ok() bool { return w.known >= minKnownLoads }

// monotony returns min(mean/SD, 10) of the 7 daily loads with the
// population SD, and false for an all-zero week. It is computed in integers
// as sum/sqrt(7*sumSq - sum^2), which is mean/SD with both scaled by 7.
func (w weekLoad) monotony() (float64, bool) {
	if w.sum == 0 {
		return 0, false
	}
	d := loadWeekDays*w.sumSq - w.sum*w.sum // 49 x the population variance, >= 0
	if d <= 0 {
		return monotonyCap, true
	}
	return min(float64(w.sum)/math.Sqrt(float64(d)), monotonyCap), true
}

// strain returns weekly load x monotony; 0 for an all-zero week.
func (w weekLoad) strain() float64 {
	m, ok := w.monotony()
	if !ok {
		return 0
	}
	return float64(w.sum) * m
}

// median returns the median of a few values (it sorts them).
func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// loadSource is the load series a reading's EWMA is computed from: the
// loads a store passed, or else the check-ins of the history.
type loadSource struct {
	loads    []Load
	checkins []Checkin
	useLoads bool
}

// each calls f with every load, in order (by value: a pointer to a Load
// made here would be allocated for each).
func (s loadSource) each(f func(l Load)) {
	if s.useLoads {
		for _, l := range s.loads {
			f(l)
		}
		return
	}
	for i := range s.checkins {
		c := &s.checkins[i]
		f(Load{Date: c.Date, Effort: c.Effort, Minutes: c.Minutes, Sessions: c.Sessions})
	}
}

// ewmaSeries is the daily load series from the first check-in on or before
// its last day (or from the day after the state it continues), one value
// per calendar day: unknown loads and days without a check-in are 0, and of
// two loads for one date the later in the source wins.
type ewmaSeries struct {
	first Date       // the series' first day
	au    []int64    // au[t] is the load of first+t
	known []bool     // known[t]: first+t has a check-in whose load is known
	from  *LoadState // the state at the end of the day before first, or nil: the series starts at the first check-in
}

// unknown reports whether day t counts a load of 0 for want of a known one.
func (e ewmaSeries) unknown(t int) bool { return !e.known[t] }

func newEWMASeries(src loadSource, last Date) ewmaSeries {
	// Dates as day numbers: one conversion per load.
	lastDay := last.Time().Unix() / 86400
	firstDay, found := int64(0), false
	var st *LoadState // the latest state before the last day, if any
	src.each(func(l Load) {
		if l.State != nil && l.Date.Before(last) && (st == nil || st.Day.Before(l.Date)) {
			st = l.State
		}
	})
	if st != nil {
		firstDay, found = st.Day.Time().Unix()/86400+1, true
	} else {
		src.each(func(l Load) {
			d := l.Date
			if n := d.Time().Unix() / 86400; !d.IsZero() && l.State == nil && n <= lastDay && (!found || n < firstDay) {
				firstDay, found = n, true
			}
		})
	}
	if !found {
		return ewmaSeries{}
	}
	au := make([]int64, lastDay-firstDay+1)
	known := make([]bool, len(au))
	src.each(func(l Load) {
		if n := l.Date.Time().Unix() / 86400; !l.Date.IsZero() && l.State == nil && n <= lastDay && n >= firstDay {
			v, ok := l.Value()
			au[n-firstDay] = int64(min(max(v, 0), maxLoadAU))
			known[n-firstDay] = ok
		}
	})
	return ewmaSeries{first: last.AddDays(-int(lastDay - firstDay)), au: au, known: known, from: st}
}

// origin returns the series' first day of journal (the state's First, or
// the series' own first day) and the age of e.first in days since it.
func (e ewmaSeries) origin() (Date, int) {
	if e.from == nil {
		return e.first, 0
	}
	return e.from.First, e.first.DaysSince(e.from.First)
}

// walk runs the model over the series, from the state it continues or
// from the start (fitness and fatigue at 0, both EWMAs at the mean daily
// load of the first 7 days), and calls visit after every day t with the
// model at its end (s.Day and s.First not set), and the form and fitness
// it started the day with. Every figure of the model is computed here and
// nowhere else, so a reading continued from a state is exactly the
// reading from the first check-in.
func (e ewmaSeries) walk(visit func(t int, s *LoadState, form, before float64)) {
	const (
		la = 2.0 / (acuteEWMADays + 1)
		lc = 2.0 / (chronicEWMA + 1)
	)
	var s LoadState
	if e.from != nil {
		s = *e.from
	} else {
		var seed int64
		for t := 0; t < ewmaSeedDays && t < len(e.au); t++ {
			seed += e.au[t]
		}
		s.Acute = float64(seed) / ewmaSeedDays
		s.Chronic = s.Acute
	}
	for t, v := range e.au {
		x := float64(v)
		form, before := s.Fitness-s.Fatigue, s.Fitness
		s.Acute = la*x + (1-la)*s.Acute
		s.Chronic = lc*x + (1-lc)*s.Chronic
		s.Fitness += (x - s.Fitness) / fitnessDays
		s.Fatigue += (x - s.Fatigue) / fatigueDays
		s.Unknown = s.Unknown << 1 & unknownMask
		if e.unknown(t) {
			s.Unknown |= 1
		}
		visit(t, &s, form, before)
	}
}

// run computes the acute (N = 7) and chronic (N = 28) EWMAs of Williams et
// al. 2017, EWMA_t = lambda*load_t + (1-lambda)*EWMA_(t-1) with lambda =
// 2/(N+1), both starting before the first day at the mean daily load of the
// first 7 days, and calls visit for every day from from on with the ratio
// acute/chronic, ok false while the series is shorter than 28 days or the
// chronic EWMA is 0.
func (e ewmaSeries) run(from Date, visit func(day Date, ratio float64, ok bool)) {
	if e.first.IsZero() {
		return
	}
	_, age0 := e.origin()
	skip := max(0, from.DaysSince(e.first))
	e.walk(func(t int, s *LoadState, _, _ float64) {
		if t < skip {
			return
		}
		ok := age0+t >= acwrDays-1 && s.Chronic > 0
		ratio := 0.0
		if ok {
			ratio = s.Acute / s.Chronic
		}
		visit(e.first.AddDays(t), ratio, ok)
	})
}

// complete reports whether every day of the week has a known load (a logged
// rest day is a known 0): what monotony and strain need, as a guess could
// make any week look alike.
func (w weekLoad) complete() bool { return w.known == loadWeekDays }
