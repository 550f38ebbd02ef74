package activity

import (
	"math"

	"github.com/laceup/laceup/slump"
)

// Day is what was recorded for one day: its sessions and the night before
// it, as a watch measured it. The check-in form shows it and offers the
// answers it suggests; the runner's answers are what is saved.
type Day struct {
	Sessions []Activity
	// SleepHours is the night before the day (deep + light + REM sleep);
	// nil when no night was imported.
	SleepHours *float64
}

// Distinct returns the sessions counted, each session recorded twice (the
// watch's FIT file and its Strava copy) once, by the rule of slump.Merge:
// the home copy, with the group's highest rating and its minutes. In start
// order.
func Distinct(as []Activity) []Activity {
	ss := sessionsOf(as)
	merged, home := slump.Merge(ss)
	out := make([]Activity, 0, len(merged))
	for _, i := range slump.Homes(home, ss) {
		out = append(out, as[i])
	}
	for k := range out {
		out[k].RPE, out[k].MovingMinutes = merged[k].RPE, merged[k].Minutes
	}
	return out
}

// Copies returns, for each session of as that is a copy of another one
// standing for it (slump.Copies), the one standing for it, by index.
func Copies(as []Activity) map[int]Activity {
	out := map[int]Activity{}
	for i, h := range slump.Copies(sessionsOf(as)) {
		if h != i {
			out[i] = as[h]
		}
	}
	return out
}

func sessionsOf(as []Activity) []slump.Session {
	ss := make([]slump.Session, len(as))
	for i, a := range as {
		ss[i] = a.Session()
	}
	return ss
}

// Session is what the meter reads of the session.
func (a Activity) Session() slump.Session {
	return slump.Session{Source: a.Source, Start: a.Start, RPE: a.RPE, Minutes: a.MovingMinutes}
}

// Suggested returns the answers the day's recordings suggest, each nil when
// they suggest none: effort, the hardest session's rating (issue 13: the
// day felt at least as hard as its hardest session); minutes, the sum of
// the sessions' moving time, rounded (at most a day); sleep, the night's
// hours, rounded to the minute.
func (d Day) Suggested() (effort, minutes *int, sleep *float64) {
	total, timed := 0.0, false
	for _, a := range Distinct(d.Sessions) {
		if a.RPE != nil && (effort == nil || *a.RPE > *effort) {
			effort = slump.Int(*a.RPE)
		}
		if a.MovingMinutes != nil {
			total, timed = total+*a.MovingMinutes, true
		}
	}
	if timed {
		minutes = slump.Int(min(int(math.Round(total)), slump.MaxMinutes))
	}
	if d.SleepHours != nil {
		h := min(math.Round(*d.SleepHours*60)/60, 24)
		sleep = &h
	}
	return effort, minutes, sleep
}
