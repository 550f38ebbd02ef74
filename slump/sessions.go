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
	Source  string    // "fit", "garmin" or "strava": which copy of a session stands for it (Copies)
	Start   time.Time // when it started: copies of one session start within SameSession (Copies)
	RPE     *int      // the runner's rating, CR-10 1-10; nil when not rated
	Minutes *float64  // moving minutes; nil when the source does not say
}

// SameSession is how close the start of a session must be to the one
// before it for the two to be one session recorded twice: a watch's FIT
// file and its copy in Garmin Connect or on Strava start within seconds of
// each other, while two sessions of a double day are hours apart. A design
// choice.
const SameSession = 2 * time.Minute

// CopyDays is how many days apart the copies of one session may be dated:
// each is dated in its own time zone (a watch's clock, an import's --tz),
// and the zones run from UTC-12 to UTC+14, 26 hours apart. Whatever reads
// the sessions of some days reads this many days either side for their
// copies.
const CopyDays = 2

// Copies groups the sessions recorded more than once and says which copy
// stands for each group. In start order, a session is another copy of the
// group before it when it starts less than SameSession after the group's
// latest session, comes from a source the group does not have yet (a
// source never holds one session twice: the import keeps one row per id),
// and lasts alike (alike); the copies may be dated on different days (a
// watch dates a run by its own clock, Strava by the zone of the import).
// A false start and the run begun a minute later are two sessions.
// home[i] is the index of the copy that stands for i's group: the watch's
// own record (fit, then garmin, then strava), then the earliest, then the
// rated, then the higher rated; its day is the group's day. The order of ss
// does not matter, except between copies alike in all of these.
func Copies(ss []Session) (home []int) {
	home = make([]int, len(ss))
	var group []int
	flush := func() {
		best := group[0]
		for _, i := range group[1:] {
			if homeBefore(ss[i], ss[best]) {
				best = i
			}
		}
		for _, i := range group {
			home[i] = best
		}
		group = group[:0]
	}
	for _, i := range startOrder(ss) {
		if len(group) > 0 && !copyOf(ss[i], ss, group) {
			flush()
		}
		group = append(group, i)
	}
	if len(group) > 0 {
		flush()
	}
	return home
}

// copyOf reports whether s is another copy of the session group holds
// (indexes in ss, by start): see Copies.
func copyOf(s Session, ss []Session, group []int) bool {
	if s.Start.Sub(ss[group[len(group)-1]].Start) >= SameSession {
		return false
	}
	for _, j := range group {
		if ss[j].Source == s.Source || !alike(ss[j].Minutes, s.Minutes) {
			return false
		}
	}
	return true
}

// alike reports whether two copies' moving minutes could be one session's:
// within 5 minutes or a quarter of the longer, or unknown. Apps count
// moving time each their own way (pauses, stops at lights), but not a
// false start of a minute as an hour's run. A design choice.
func alike(a, b *float64) bool {
	if a == nil || b == nil {
		return true
	}
	d := math.Abs(*a - *b)
	return d <= 5 || d <= 0.25*math.Max(*a, *b)
}

// homeBefore reports whether a stands for its group rather than b.
func homeBefore(a, b Session) bool {
	switch {
	case sourceRank(a.Source) != sourceRank(b.Source):
		return sourceRank(a.Source) < sourceRank(b.Source)
	case !a.Start.Equal(b.Start):
		return a.Start.Before(b.Start)
	case (a.RPE != nil) != (b.RPE != nil):
		return a.RPE != nil
	case a.RPE != nil && *a.RPE != *b.RPE:
		return *a.RPE > *b.RPE
	case (a.Minutes != nil) != (b.Minutes != nil):
		return a.Minutes != nil
	}
	return a.Minutes != nil && *a.Minutes > *b.Minutes
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

// Merge returns the sessions counted, one per group of copies (see
// Copies), in start order: the home copy, with the highest rating of the
// group (a session rated on the watch and re-rated on Strava: the harder
// rating is the one that warns) and its own minutes, else those of the
// copy rated highest, else of any copy. home is Copies(ss).
func Merge(ss []Session) (merged []Session, home []int) {
	home = Copies(ss)
	at := make([]int, len(ss)) // at[h]-1: the index in merged of home h's group; 0 for none yet
	for _, i := range startOrder(ss) {
		h := home[i]
		k := at[h] - 1
		if k < 0 {
			k = len(merged)
			at[h] = k + 1
			merged = append(merged, ss[h])
		}
		m, s := &merged[k], ss[i]
		if s.RPE != nil && (m.RPE == nil || *s.RPE > *m.RPE) {
			m.RPE = s.RPE
			if ss[h].Minutes == nil && s.Minutes != nil {
				m.Minutes = s.Minutes
			}
		}
		if m.Minutes == nil && s.Minutes != nil {
			m.Minutes = s.Minutes
		}
	}
	return merged, home
}

// Homes returns the indexes of the copies standing for their groups (home
// from Copies of ss), in the order Merge returns the groups.
func Homes(home []int, ss []Session) []int {
	var out []int
	seen := make([]bool, len(ss))
	for _, i := range startOrder(ss) {
		if h := home[i]; !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// DistinctSessions returns the sessions counted: each session recorded
// twice once, as Merge returns it.
func DistinctSessions(ss []Session) []Session {
	if len(ss) < 2 {
		return ss
	}
	merged, _ := Merge(ss)
	return merged
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
