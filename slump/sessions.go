package slump

import (
	"math"
	"slices"
	"time"
)

// Session is a training session imported from a watch or an app (laceup
// activities import) as the meter reads it: where it comes from, when it
// started, the runner's own rating and the minutes of moving time. The
// check-in stays the runner's own words; sessions only refine how the
// day's training load and hard efforts are counted (see Checkin.Training).
type Session struct {
	Source  string    // "fit", "garmin" or "strava": which of two copies of one session is kept (DistinctIndexes)
	Start   time.Time // when it started; two sessions within SameSession are one recorded twice
	RPE     *int      // the runner's rating, CR-10 1-10; nil when not rated
	Minutes *float64  // moving minutes; nil when the source does not say
}

// SameSession is how close the starts of two sessions must be for them to
// be one session recorded twice: a watch's FIT file and its copy in Garmin
// Connect or on Strava start within seconds of each other, while two
// sessions of a double day are hours apart. A design choice.
const SameSession = 2 * time.Minute

// DistinctSessions returns the sessions with every session recorded twice
// counted once (see DistinctIndexes), in start order.
func DistinctSessions(ss []Session) []Session {
	if len(ss) < 2 {
		return ss
	}
	idx := DistinctIndexes(ss)
	out := make([]Session, len(idx))
	for i, j := range idx {
		out[i] = ss[j]
	}
	return out
}

// DistinctIndexes returns the indexes in ss of the sessions kept when every
// session recorded twice is counted once, in start order. Sessions
// starting less than SameSession after the first of a run of them are
// copies of it, whatever their day (a watch dates a session by its own
// clock, Strava by the zone of the import). Of the copies the one kept is
// the first of: rated; rated higher (the runner re-rated it, and the
// harder rating is the one that warns); with minutes; from the watch
// itself (fit, then garmin, then strava: the watch's day is where the
// runner was); the earliest. The order of ss does not matter.
func DistinctIndexes(ss []Session) []int {
	keptFor := KeptFor(ss)
	var out []int
	for _, i := range startOrder(ss) {
		if keptFor[i] == i {
			out = append(out, i)
		}
	}
	return out
}

// KeptFor returns, for each session of ss, the index of the session kept
// in its place by DistinctIndexes: its own index when it is kept.
func KeptFor(ss []Session) []int {
	keptFor := make([]int, len(ss))
	var run []int // the copies of one session, by start
	flush := func() {
		best := run[0]
		for _, i := range run[1:] {
			if better(ss[i], ss[best]) {
				best = i
			}
		}
		for _, i := range run {
			keptFor[i] = best
		}
		run = run[:0]
	}
	for _, i := range startOrder(ss) {
		if len(run) > 0 && ss[i].Start.Sub(ss[run[0]].Start) >= SameSession {
			flush()
		}
		run = append(run, i)
	}
	if len(run) > 0 {
		flush()
	}
	return keptFor
}

// startOrder is the indexes of ss by start, ties in the order given.
func startOrder(ss []Session) []int {
	order := make([]int, len(ss))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ss[a].Start.Compare(ss[b].Start) })
	return order
}

// better reports whether a is kept over b, of two copies of one session.
func better(a, b Session) bool {
	switch {
	case (a.RPE != nil) != (b.RPE != nil):
		return a.RPE != nil
	case a.RPE != nil && *a.RPE != *b.RPE:
		return *a.RPE > *b.RPE
	case (a.Minutes != nil) != (b.Minutes != nil):
		return a.Minutes != nil
	case sourceRank(a.Source) != sourceRank(b.Source):
		return sourceRank(a.Source) < sourceRank(b.Source)
	}
	return a.Start.Before(b.Start)
}

// sourceRank orders the sources from the watch's own record outwards.
func sourceRank(source string) int {
	switch source {
	case "fit":
		return 0
	case "garmin":
		return 1
	case "strava":
		return 2
	}
	return 3
}

// Training is what the meter counts of one logged day's training.
type Training struct {
	// Load is the day's session-RPE load in arbitrary units; Known is
	// false when it cannot be told (effort without minutes).
	Load  int
	Known bool
	// FromSessions: Load is the sum over the day's rated sessions, not the
	// check-in's effort x minutes.
	FromSessions bool
	// Hard is the day's hard efforts: one per session rated at or above the
	// hard effort, else one when the check-in is hard (see isHard).
	Hard int
	// RestConflict: the runner logged a complete rest day, yet sessions
	// were recorded that day. The day stays a rest day; whoever shows the
	// day shows the sessions.
	RestConflict bool
}

// Training returns what the meter counts of the check-in's training,
// following Foster's session RPE (load = rating x minutes, per session):
//
//   - A day logged as a complete rest day (effort 0, not a race) stays a
//     rest day: load 0, no hard effort, whatever was recorded; a session
//     recorded that day sets RestConflict.
//   - The load is the sum of rating x moving minutes over the day's
//     sessions when every session is rated and has its minutes; else, as
//     without sessions, the check-in's effort x minutes (see Load.Value).
//   - Each session rated at or above cfg's hard effort is one hard effort,
//     so a double day of two hard sessions is two; when none is, the
//     check-in decides (one, when its effort is hard or the day is a race).
//     A sick or injured day has none.
//
// Sessions recorded twice count once (DistinctSessions).
func (c Checkin) Training(cfg Config) Training {
	ss := DistinctSessions(c.Sessions)
	var t Training
	if c.Effort == RestEffort && c.DayType != DayRace {
		return Training{Known: true, RestConflict: len(ss) > 0}
	}
	if au, ok := sessionsLoad(ss); ok {
		t.Load, t.Known, t.FromSessions = au, true, true
	} else {
		t.Load, t.Known = Load{Effort: c.Effort, Minutes: c.Minutes}.Value()
	}
	if c.DayType.Unwell() {
		return t
	}
	for _, s := range ss {
		if s.RPE != nil && cfg.IsHard(*s.RPE) {
			t.Hard++
		}
	}
	if t.Hard == 0 && isHard(c, cfg) {
		t.Hard = 1
	}
	return t
}

// sessionsLoad is the load of a day's sessions, and false unless there
// are some and every one is rated and has its minutes.
func sessionsLoad(ss []Session) (au int, ok bool) {
	if len(ss) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, s := range ss {
		if s.RPE == nil || s.Minutes == nil {
			return 0, false
		}
		sum += float64(*s.RPE) * *s.Minutes
	}
	return min(int(math.Round(sum)), maxLoadAU), true
}
