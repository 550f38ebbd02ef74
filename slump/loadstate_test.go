package slump

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// withSessions gives some training days of h imported sessions, rated or
// not, timed or not, some recorded twice, so that their loads come from
// the sessions (Load.Value).
func withSessions(rng *rand.Rand, h []Checkin) []Checkin {
	for i := range h {
		if h[i].Effort == RestEffort || rng.IntN(3) > 0 {
			continue
		}
		start := h[i].Date.Time().Add(time.Duration(6+rng.IntN(12)) * time.Hour)
		for n := 1 + rng.IntN(2); n > 0; n-- {
			s := Session{Source: []string{"fit", "garmin", "strava"}[rng.IntN(3)], Start: start}
			if rng.IntN(5) > 0 {
				s.RPE = Int(1 + rng.IntN(10))
			}
			if rng.IntN(5) > 0 {
				m := float64(10 + rng.IntN(120))
				s.Minutes = &m
			}
			h[i].Sessions = append(h[i].Sessions, s)
			if rng.IntN(4) == 0 { // the same session from another source
				c := s
				c.Source, c.Start = "strava", s.Start.Add(30*time.Second)
				h[i].Sessions = append(h[i].Sessions, c)
			}
			start = start.Add(5 * time.Hour)
		}
	}
	return h
}

// stateAt returns the model's state at the end of day, computed from the
// first check-in of h, or nil if the model keeps none for it.
func stateAt(h []Checkin, day Date) *LoadState {
	states := LoadStates(LoadsOf(h), day, func(d Date) bool { return d == day })
	if len(states) == 0 {
		return nil
	}
	return &states[0]
}

// A reading continued from the model's state at the end of any day before
// its window, reading only the check-ins after that day, is exactly the
// reading computed from the first check-in: every figure, fitness,
// fatigue, form and the EWMA ratio included. This is what lets a store
// read the meter's window and one stored state instead of years of loads.
func TestReadingFromALoadState(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	m := NewMeter(DefaultConfig())
	tried := 0
	for i := range 600 {
		h := withSessions(rng, randomJournal(rng, 80+rng.IntN(400), i%3 == 0))
		day := today.AddDays(-rng.IntN(5))
		from, _ := Window(day)
		want := m.ReadingOf(Snapshot{Day: day, Checkins: inRange(h, from, day), Loads: LoadsOf(h)})
		at := from.AddDays(-1 - rng.IntN(60))
		state := stateAt(h, at)
		if state == nil {
			continue
		}
		tried++
		after := inRange(h, at.AddDays(1), day)
		got := m.ReadingOf(Snapshot{Day: day, Checkins: after, Loads: append([]Load{StateLoad(*state)}, LoadsOf(after)...)})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("journal %d, state of %s: from the first check-in\n%+v\nfrom the state\n%+v", i, at, want, got)
		}
		// Loads before the state, and an earlier state, are ignored; so is a
		// state of the day or later.
		loads := append(append(append([]Load{}, LoadsOf(h)...), StateLoad(*state)), StateLoad(LoadState{Day: day, First: day}))
		if s0 := stateAt(h, at.AddDays(-10)); s0 != nil {
			loads = append(loads, StateLoad(*s0))
		}
		if got := m.ReadingOf(Snapshot{Day: day, Checkins: inRange(h, from, day), Loads: loads}); !reflect.DeepEqual(got, want) {
			t.Fatalf("journal %d, state of %s among the loads:\n%+v\nwant\n%+v", i, at, got, want)
		}
		// A state continued from an earlier state is the state itself.
		before := at.AddDays(-1 - rng.IntN(200))
		if s0 := stateAt(h, before); s0 != nil {
			next := LoadStates(append([]Load{StateLoad(*s0)}, LoadsOf(inRange(h, before.AddDays(1), at))...), at, func(d Date) bool { return d == at })
			if len(next) != 1 || next[0] != *state {
				t.Fatalf("journal %d: continued from %s to %s gives %+v, want %+v", i, before, at, next, *state)
			}
		}
	}
	if tried < 400 {
		t.Errorf("only %d journals had a state before the window", tried)
	}
}

// LoadStates keeps the days asked for, from the 7th day of the series on
// (the EWMAs start at the mean of the first 7 days), and each equals the
// state computed for that day alone.
func TestLoadStates(t *testing.T) {
	h := loadDays(-39, repeatInt(40, 300)...) // 40 days, ending today
	first, last := h[0].Date, today
	all := LoadStates(LoadsOf(h), last, func(Date) bool { return true })
	if len(all) != 40-(ewmaSeedDays-1) {
		t.Fatalf("%d states, want %d (none for the first %d days)", len(all), 40-(ewmaSeedDays-1), ewmaSeedDays-1)
	}
	if all[0].Day != first.AddDays(ewmaSeedDays-1) || all[0].First != first {
		t.Errorf("first state is of %s (first %s), want %s (first %s)", all[0].Day, all[0].First, first.AddDays(ewmaSeedDays-1), first)
	}
	for _, s := range all {
		if one := stateAt(h, s.Day); one == nil || *one != s {
			t.Errorf("state of %s: %+v among all, %+v alone", s.Day, s, one)
		}
	}
	if got := LoadStates(nil, last, func(Date) bool { return true }); got != nil {
		t.Errorf("no loads: %+v, want none", got)
	}
}

// The unknown days a state carries count as FitnessDay.UnknownDays does:
// a gap before the state leaves the window 42 days after it, not before.
func TestLoadStateUnknownDays(t *testing.T) {
	// 60 days logged, 10 not, 60 logged: the gap ends 61 days before the last day.
	days := append(append(repeatInt(60, 200), repeatInt(10, -1)...), repeatInt(60, 200)...)
	h := loadDays(1-len(days), days...) // ending today
	first, last := h[0].Date, today
	want := FitnessFatigue(LoadsOf(h), DefaultFormBands(), first, last)
	for _, at := range []int{59, 62, 69, 80, 100} {
		state := stateAt(h, first.AddDays(at))
		loads := append([]Load{StateLoad(*state)}, LoadsOf(inRange(h, first.AddDays(at+1), last))...)
		e := newEWMASeries(loadSource{loads: loads, useLoads: true}, last)
		i := at + 1
		e.fitness(DefaultFormBands(), first.AddDays(at+1), func(d FitnessDay) {
			if d != want[i] {
				t.Errorf("state of day %d: day %d is %+v, want %+v", at, i, d, want[i])
			}
			i++
		})
		if i != len(days) {
			t.Errorf("state of day %d: the model ran to day %d, want %d", at, i, len(days))
		}
	}
}
