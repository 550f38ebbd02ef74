package demo

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/laceup/laceup/slump"
)

// demoStream is the second half of the PCG seed of Journal: Journal(seed) is the
// PCG stream (seed, demoStream). Changing it changes every demo journal.
const demoStream = 0x6c616365757021 // "laceup!"

// The shape of the demo story, in days (design choices, to read well on the
// history and trends screens).
const (
	demoBaseline     = 14   // ordinary days before a build-up, at least
	demoTailMin      = 28   // ordinary days after the last break, at least
	demoTailSpan     = 15   // ... and up to demoTailMin+demoTailSpan-1
	demoGapMin       = 120  // ordinary days between two episodes (4 months) ...
	demoGapSpan      = 121  // ... up to 8 months
	demoBuildMin     = 14   // days of the build-up into a slump: 2 ...
	demoBuildSpan    = 8    // ... to 3 weeks
	demoBreakMin     = 3    // days of the break: 3 ...
	demoBreakSpan    = 3    // ... to 5
	demoRecoveryMin  = 10   // days of recovery after the break: 10 ...
	demoRecoverySpan = 5    // ... to 14 (the first 7 easier, mood coming back)
	demoMissBlock    = 25   // each block of this many days misses 0, 1, 1 or 2 check-ins: 4% on average
	demoNoteChance   = 0.25 // of a note on a day, when the last one is ...
	demoNoteGap      = 5    // ... this many days back or more: at most 1 day in 5, about 1 in 8 on average
)

// Journal returns a synthetic journal for trying laceup without a real one: the
// check-ins of the given number of consecutive days ending on today, oldest
// first. The same seed, days and today always give the same journal;
// different seeds give different ones. It returns nil when days < 1 or today
// is the zero slump.Date. The work and the result grow with days (3650, ten years,
// take about a millisecond); the caller bounds it.
//
// The story: ordinary weeks (about 2 hard efforts of effort 7-9, a complete
// rest day, easy runs of effort 2-4 for 30-90 minutes, long runs at the
// weekend up to 150, 7-8.5 h of sleep, mood and motivation mostly 3-5); then
// a build-up of 2-3 weeks into a slump (3-5 hard efforts a week, no rest
// day, sleep drifting down to 5.5-6.5 h, mood and motivation sliding to 1-2),
// deep enough that the meter reaches the slump band and the step_away tip;
// then a complete break of 3-5 consecutive rest days with more sleep and
// mood rising; then easier recovery days and ordinary weeks again, which end
// the journal (the last break ends 4-6 weeks before today, so the last week
// reads ok). Earlier in a longer journal the story repeats: a slump episode
// every 4-8 months. An episode needs two ordinary weeks before it, so a
// journal of fewer than 82 days may be too short for one (under 59 days it
// always is): it then has ordinary weeks only.
//
// About 4% of days have no check-in, as in a real journal (never today,
// never the first day, never during a break), and about 1 day in 8 has a
// short note in plain words (never more than 1 in 5). slump.Sleep is in steps of a
// quarter hour, slump.Minutes is always set (0 on rest days), slump.SleepQuality on
// about 3 days in 4. Every check-in passes Validate(today).
func Journal(seed uint64, days int, today slump.Date) []slump.Checkin {
	return JournalEnding(seed, days, today, Recovered)
}

// Ending is where the story of a demo journal stops, today.
type Ending string

// The endings. Each is the same story as Journal's for a seed, but for
// its last episode: Recovered is Journal's own.
const (
	// Slump ends on the last day of the build-up into a slump: signs and
	// causes on the dashboard, and the step_away tip.
	Slump Ending = "slump"
	// Break ends on the first day after the 3-5 day break: the meter's
	// follow-up of the break.
	Break Ending = "break"
	// Recovered ends 4-6 weeks after the break, on ordinary weeks: the
	// meter reads ok.
	Recovered Ending = "recovered"
)

// Endings returns the endings, in the order of the story.
func Endings() []Ending { return []Ending{Slump, Break, Recovered} }

// JournalEnding is Journal with the story stopping at ending: the journal
// of the same seed, with its last episode moved so that today is the day
// ending names. A journal too short for a whole episode (see Journal) has
// ordinary weeks only, whatever the ending.
func JournalEnding(seed uint64, days int, today slump.Date, ending Ending) []slump.Checkin {
	if days < 1 || today.IsZero() {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, demoStream))
	plan := demoPlan(rng, days, ending)
	demoMisses(rng, plan)

	g := demoGen{rng: rng, sinceRest: 3, lastNote: -demoNoteGap}
	first := today.AddDays(-(days - 1))
	out := make([]slump.Checkin, 0, days)
	for i, p := range plan {
		c := g.day(first.AddDays(i), p)
		if !p.missed {
			out = append(out, c)
		}
	}
	return out
}

// demoPhase is where a day sits in the story.
type demoPhase int

const (
	demoOrdinary demoPhase = iota
	demoBuild              // the build-up into a slump
	demoBreak              // the complete break
	demoRecovery           // the easier days after it
)

type demoDay struct {
	phase    demoPhase
	pos, len int  // the day's position in its phase, and the phase's length (not for ordinary days)
	missed   bool // the runner did not check in
}

// demoPlan lays out the story backwards from today: ordinary days at the
// end, then the last episode (build-up, break, recovery), then 4-8 months of
// ordinary days before it, and so on, as long as a whole episode fits after
// demoBaseline ordinary days.
func demoPlan(rng *rand.Rand, days int, ending Ending) []demoDay {
	plan := make([]demoDay, days)
	end := days // the days from end on are planned
	for first := true; ; first = false {
		gap := demoGapMin + rng.IntN(demoGapSpan)
		if first {
			gap = demoTailMin + rng.IntN(demoTailSpan)
		}
		brk := demoBreakMin + rng.IntN(demoBreakSpan)
		build := demoBuildMin + rng.IntN(demoBuildSpan)
		recovery := demoRecoveryMin + rng.IntN(demoRecoverySpan)
		if first {
			switch ending { // the same draws, so the earlier story stays the same
			case Slump:
				gap = -brk // today is the last day of the build-up
			case Break:
				gap = 1 // today is the first day after the break
			}
		}
		breakEnd := end - gap
		buildStart := breakEnd - brk - build
		if buildStart < demoBaseline {
			return plan
		}
		mark := func(start, n int, phase demoPhase) {
			for j := range min(n, days-start) { // the story may stop in the middle of a phase
				plan[start+j] = demoDay{phase: phase, pos: j, len: n}
			}
		}
		mark(buildStart, build, demoBuild)
		mark(buildStart+build, brk, demoBreak)
		mark(breakEnd, recovery, demoRecovery)
		end = buildStart
	}
}

// demoMisses marks the days without a check-in: in each block of
// demoMissBlock days none, one, one or two consecutive days, never the first
// or last day of the journal and never a day of a break.
func demoMisses(rng *rand.Rand, plan []demoDay) {
	for start := 0; start < len(plan); start += demoMissBlock {
		n := []int{0, 1, 1, 2}[rng.IntN(4)]
		at := start + rng.IntN(demoMissBlock)
		for i := at; i < at+n; i++ {
			if i > 0 && i < len(plan)-1 && plan[i].phase != demoBreak {
				plan[i].missed = true
			}
		}
	}
}

// demoGen generates the days in order, remembering what the runner did
// lately (logged or not), so that ordinary weeks keep the article's rules.
type demoGen struct {
	rng       *rand.Rand
	sinceRest int    // days since the last rest day (1: yesterday)
	hard      [6]int // 1 where one of the last 6 days was a hard effort, by day modulo 6
	n         int    // days generated
	lastNote  int    // the day of the last note
	lowMood   bool   // the last ordinary day had mood 2: the next has more
}

// kinds of training day.
type demoKind int

const (
	demoRest demoKind = iota
	demoEasy
	demoSteady // Saturday's run, or the grey-zone running of a build-up
	demoHard
	demoLong
)

func (g *demoGen) day(d slump.Date, p demoDay) slump.Checkin {
	r := g.rng
	c := slump.Checkin{Date: d}
	var kind demoKind

	switch p.phase {
	case demoOrdinary, demoRecovery:
		kind = g.ordinaryKind(d.Weekday(), p.phase == demoRecovery && p.pos < 7)
		c.SleepHours = 7 + 0.25*float64(r.IntN(7))
		if r.IntN(20) == 0 {
			c.SleepHours = 6.25 + 0.25*float64(r.IntN(3)) // a bad night
		}
		// An ordinary low day never comes twice in a row, and motivation
		// stays at 3 or more: ordinary weeks show no sign of a slump.
		c.Mood = demoPick(r, []int{2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5})
		if c.Mood == 2 && g.lowMood {
			c.Mood = 3
		}
		g.lowMood = c.Mood == 2
		c.Motivation = clamp(c.Mood+[]int{-1, 0, 0, 1}[r.IntN(4)], 3, 5)
		c.Legs = slump.Int(clamp(c.Mood+[]int{-1, 0, 0, 1}[r.IntN(4)], 3, 5))
		if p.phase == demoRecovery {
			// slump.Mood and motivation come back over the recovery days.
			if r.Float64() < 0.5*float64(p.len-p.pos)/float64(p.len) {
				c.Mood = max(c.Mood-1, 2)
				c.Motivation = max(c.Motivation-1, 2)
				*c.Legs = max(*c.Legs-1, 2)
			}
		}

	case demoBuild:
		progress := float64(p.pos) / float64(max(p.len-1, 1))
		kind = g.buildKind(d.Weekday(), progress)
		sleep := 7.5 - 1.5*progress + 0.25*float64(r.IntN(5)-2)
		c.SleepHours = min(max(quarter(sleep), 5.5), 8.5)
		c.Mood = clamp(int(math.Round(3.8-2.5*progress+1.2*(r.Float64()-0.5))), slump.MinMood, slump.MaxMood)
		c.Motivation = clamp(int(math.Round(3.6-2.5*progress+1.2*(r.Float64()-0.5))), slump.MinMotivation, slump.MaxMotivation)
		// The author's story: legs heavy and flat as the build wears on.
		c.Legs = slump.Int(clamp(int(math.Round(3.8-2.8*progress+1.2*(r.Float64()-0.5))), slump.MinLegs, slump.MaxLegs))

	case demoBreak:
		kind = demoRest
		rising := 2 * float64(p.pos) / float64(max(p.len-1, 1))
		c.SleepHours = 8 + 0.25*float64(r.IntN(7))
		c.Mood = clamp(2+int(math.Round(rising))+[]int{0, 0, 1}[r.IntN(3)], slump.MinMood, slump.MaxMood)
		c.Motivation = clamp(2+int(math.Round(rising))-[]int{0, 0, 1}[r.IntN(3)], slump.MinMotivation, slump.MaxMotivation)
		c.Legs = slump.Int(clamp(2+int(math.Round(1.5*rising))+[]int{0, 0, 1}[r.IntN(3)], slump.MinLegs, slump.MaxLegs))
	}

	switch kind {
	case demoRest:
		c.Effort, c.Minutes = slump.RestEffort, slump.Int(0)
	case demoEasy:
		c.Effort, c.Minutes = 2+r.IntN(3), slump.Int(30+5*r.IntN(7))
	case demoSteady:
		c.Effort, c.Minutes = 3+r.IntN(3), slump.Int(40+5*r.IntN(11))
		if p.phase == demoBuild {
			c.Effort = 4 + r.IntN(3)
		}
	case demoHard:
		c.Effort, c.Minutes = slump.HardEffort+r.IntN(3), slump.Int(45+5*r.IntN(8))
		if d.Weekday() == time.Sunday {
			c.Minutes = slump.Int(100 + 5*r.IntN(11)) // a long run raced
		}
	case demoLong:
		c.Effort, c.Minutes = 4+r.IntN(3), slump.Int(90+5*r.IntN(13))
	}
	if r.IntN(4) > 0 {
		c.SleepQuality = slump.Int(clamp(int(c.SleepHours-4)+r.IntN(2)-1+min(c.Mood-3, 0), slump.MinSleepQuality, slump.MaxSleepQuality))
	}
	if r.Float64() < demoNoteChance && g.n-g.lastNote >= demoNoteGap {
		g.lastNote = g.n
		notes := demoNotes(p.phase, kind)
		c.Note = notes[r.IntN(len(notes))]
	}

	g.record(kind)
	return c
}

// ordinaryKind plans a day of an ordinary week: a complete rest day on
// Monday (and now and then an extra one on Friday), hard efforts on Tuesday
// and Thursday, a steady run on Saturday and a long run on Sunday. It never
// allows more than 2 hard efforts in 7 days, more than 7 days between rest
// days, or two rest days in a row. The first week of a recovery is easier:
// no hard efforts and no long run.
func (g *demoGen) ordinaryKind(wd time.Weekday, easier bool) demoKind {
	r := g.rng
	var kind demoKind
	switch wd {
	case time.Monday:
		kind = demoRest
	case time.Tuesday, time.Thursday:
		kind = demoHard
		if r.IntN(8) == 0 {
			kind = demoEasy
		}
	case time.Wednesday:
		kind = demoEasy
		if r.IntN(8) == 0 {
			kind = demoHard
		}
	case time.Friday:
		kind = demoEasy
		if r.IntN(7) == 0 {
			kind = demoRest
		}
	case time.Saturday:
		kind = demoSteady
	case time.Sunday:
		kind = demoLong
	}
	switch {
	case g.sinceRest >= 7:
		kind = demoRest
	case kind == demoRest && g.sinceRest == 1:
		kind = demoEasy
	}
	switch {
	case kind == demoHard && (easier || g.recentHard() >= slump.DefaultConfig().HardEffortsPerWeek):
		kind = demoEasy
	case kind == demoLong && easier:
		kind = demoSteady
	}
	return kind
}

// buildKind plans a day of a build-up: never a rest day; hard efforts on
// Tuesday, Thursday and Saturday, then also Sunday's long run and Wednesday
// as the build-up goes on: 3 to 5 a week.
func (g *demoGen) buildKind(wd time.Weekday, progress float64) demoKind {
	switch {
	case wd == time.Tuesday, wd == time.Thursday, wd == time.Saturday,
		wd == time.Sunday && progress >= 0.3, wd == time.Wednesday && progress >= 0.6:
		return demoHard
	case wd == time.Sunday:
		return demoLong
	}
	return demoSteady
}

func (g *demoGen) recentHard() int {
	n := 0
	for _, h := range g.hard {
		n += h
	}
	return n
}

func (g *demoGen) record(kind demoKind) {
	g.sinceRest++
	if kind == demoRest {
		g.sinceRest = 1
	}
	g.hard[g.n%len(g.hard)] = 0
	if kind == demoHard {
		g.hard[g.n%len(g.hard)] = 1
	}
	g.n++
}

func demoPick(r *rand.Rand, from []int) int { return from[r.IntN(len(from))] }

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// quarter rounds hours to the nearest quarter hour.
func quarter(hours float64) float64 { return math.Round(hours*4) / 4 }

// demoNotes returns the notes a runner might jot down on a day of a phase
// and kind. (A function, not a package variable: the package keeps no
// mutable state.)
func demoNotes(phase demoPhase, kind demoKind) []string {
	switch {
	case phase == demoBuild:
		return []string{"legs heavy", "tired but went anyway", "couldn't get going", "slept badly",
			"dreading tomorrow's session", "everything aches", "no time for a warm-up", "why so slow?"}
	case phase == demoBreak:
		return []string{"no running today", "slept in", "walk in the park with family", "missed running a bit",
			"feeling more human"}
	case phase == demoRecovery && kind != demoRest:
		return []string{"legs fresh again", "enjoyed every minute", "easy jog, no watch", "glad to be back"}
	}
	switch kind {
	case demoRest:
		return []string{"rest day", "rest day, some yoga", "day off, walked the dog", "feet up"}
	case demoEasy:
		return []string{"easy with the club", "new route along the river", "felt smooth", "windy out there",
			"calf niggle", "rain all the way", "easy, chatty pace"}
	case demoSteady:
		return []string{"steady run", "parkrun with a friend", "new shoes feel good", "hilly loop"}
	case demoHard:
		return []string{"intervals 6x800m", "tempo 5k", "hill repeats", "track session, felt strong",
			"fartlek in the park"}
	}
	return []string{"long run, last 5k strong", "long run with friends", "trail long run", "long and slow, lovely"}
}

// MinDays is the fewest days a journal needs for its story to reach
// ending: a build-up of up to 3 weeks after 2 ordinary ones, and for Break
// the break too, with the weeks the meter reads before them. Recovered
// takes any number: a short journal is ordinary weeks.
func MinDays(ending Ending) int {
	if ending == Recovered {
		return 1
	}
	return 60
}
