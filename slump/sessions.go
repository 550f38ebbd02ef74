package slump

import (
	"math"
	"slices"
	"time"
)

// Session is a training session imported from a watch or an app (laceup
// activities import) as the meter reads it: when it started, the runner's
// own rating and the minutes of moving time. The check-in stays the
// runner's own words; sessions only refine how the day's training load and
// hard efforts are counted (see Checkin.Training).
type Session struct {
	Start   time.Time // when it started; two sessions within SameSession are one recorded twice
	RPE     *int      // the runner's rating, CR-10 1-10; nil when not rated
	Minutes *float64  // moving minutes; nil when the source does not say
}

// SameSession is how close the starts of two sessions of one day must be
// for them to be one session recorded twice: a watch's FIT file and its
// copy in Garmin Connect or on Strava start within seconds of each other,
// while two sessions of a double day are hours apart. A design choice.
const SameSession = 2 * time.Minute

// DistinctSessions returns the sessions of one day with every session
// recorded twice counted once, by start: of a pair within SameSession,
// the one with a rating (else with minutes; else the first given) is
// kept. The order is by start.
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

// DistinctIndexes is DistinctSessions as the indexes in ss of the sessions
// kept, in start order.
func DistinctIndexes(ss []Session) []int {
	order := make([]int, len(ss))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ss[a].Start.Compare(ss[b].Start) })
	var out []int
	for _, i := range order {
		if len(out) == 0 || ss[i].Start.Sub(ss[out[len(out)-1]].Start) >= SameSession {
			out = append(out, i)
			continue
		}
		last, s := &out[len(out)-1], ss[i]
		if kept := ss[*last]; kept.RPE == nil && s.RPE != nil || kept.RPE == nil && kept.Minutes == nil && s.Minutes != nil {
			*last = i
		}
	}
	return out
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
