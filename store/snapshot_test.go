package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// A snapshot is what Range, Loads and Streaks give, read at one moment: the
// check-ins from the day after the load model's last state before the
// window (migration 0008), and that state, or without a state the window
// and the loads of slump.FitnessLookback days. Both read as the whole
// journal does.
func TestSnapshot(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	today := day(t, "2026-11-25")
	// 80 days up to today, but for 10 and 30 days back (66 of the 68 days
	// of the window logged); one without minutes.
	for i := range 80 {
		if i == 10 || i == 30 {
			continue
		}
		c := checkin(today.AddDays(-i))
		if i == 3 {
			c.Minutes = nil
		}
		mustSave(t, s, c)
	}
	mustSave(t, s, checkin(today.AddDays(2))) // after the day: not in its snapshot

	from, to := slump.Window(today)
	window, _ := s.Range(ctx, from, to)
	all, _ := s.Range(ctx, today.AddDays(-100), today)
	m := slump.NewMeter(slump.DefaultConfig())
	whole := m.ReadingOf(slump.Snapshot{Day: today, Checkins: window, Loads: slump.LoadsOf(all)})

	snap, err := s.Snapshot(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	// The journal starts on 2026-09-07: the Sunday before the window (which
	// starts on 2026-09-19) is its 7th day, the first with a state.
	if len(snap.Loads) == 0 || snap.Loads[0].State == nil {
		t.Fatalf("the snapshot's loads start with %+v, want a state", snap.Loads[:min(1, len(snap.Loads))])
	}
	state := snap.Loads[0].State
	if state.Day != day(t, "2026-09-13") || state.First != day(t, "2026-09-07") {
		t.Fatalf("load state %+v, want that of 2026-09-13, the journal starting on 2026-09-07", state)
	}
	checkins, _ := s.Range(ctx, state.Day.AddDays(1), to)
	want := slump.Snapshot{Day: today, Checkins: checkins, Loads: append([]slump.Load{slump.StateLoad(*state)}, slump.LoadsOf(checkins)...),
		Streak: 10, Longest: 49, StreaksRead: true}
	if !reflect.DeepEqual(snap, want) {
		t.Errorf("Snapshot = %+v\nwant %+v", snap, want)
	}
	cur, longest := snap.Streaks()
	if len(snap.Checkins) != 71 || len(snap.Loads) != 72 || cur != 10 || longest != 49 {
		t.Errorf("Snapshot holds %d check-ins, %d loads, streaks %d and %d; want 71, 72, 10, 49",
			len(snap.Checkins), len(snap.Loads), cur, longest)
	}
	if c := snap.Checkin(); c == nil || c.Date != today {
		t.Errorf("Snapshot.Checkin() = %v, want today's", c)
	}
	if got := m.ReadingOf(snap); !reflect.DeepEqual(got, whole) {
		t.Errorf("from the state the meter reads\n%+v\nfrom the whole journal\n%+v", got, whole)
	}
	// Loads starts the same way.
	if loads, err := s.Loads(ctx, today, today); err != nil || !reflect.DeepEqual(loads, snap.Loads) {
		t.Errorf("Loads = %+v, %v; want the snapshot's %+v", loads, err, snap.Loads)
	}

	// Without states (a journal only read since laceup had them), the loads.
	if _, err := s.db.ExecContext(ctx, "DELETE FROM load_states"); err != nil {
		t.Fatal(err)
	}
	snap, err = s.Snapshot(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	loads, _ := s.Loads(ctx, today, today)
	want = slump.Snapshot{Day: today, Checkins: window, Loads: loads, Streak: 10, Longest: 49, StreaksRead: true}
	if !reflect.DeepEqual(snap, want) {
		t.Errorf("Snapshot without states = %+v\nwant %+v", snap, want)
	}
	if len(snap.Checkins) != 66 || len(snap.Loads) != 78 {
		t.Errorf("Snapshot without states holds %d check-ins, %d loads; want 66, 78", len(snap.Checkins), len(snap.Loads))
	}
	if got := m.ReadingOf(snap); !reflect.DeepEqual(got, whole) {
		t.Errorf("from the loads the meter reads\n%+v\nfrom the whole journal\n%+v", got, whole)
	}
}

// A check-in saved by another laceup while a snapshot is read is in none
// of it: the check-ins and the loads (and so the streaks) all come from the
// moment the snapshot began.
func TestSnapshotIsOneMoment(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	other := mustOpenPath(t, s.Path())
	today := day(t, "2026-11-25")
	mustSave(t, s, checkin(today.AddDays(-1)))
	s.betweenReads = func() { mustSave(t, other, checkin(today)) }
	snap, err := s.Snapshot(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Checkins) != 1 || len(snap.Loads) != 1 || snap.Checkin() != nil {
		t.Errorf("a save during the snapshot shows in part of it: %d check-ins, %d loads",
			len(snap.Checkins), len(snap.Loads))
	}
	s.betweenReads = nil
	if snap, err = s.Snapshot(ctx, today); err != nil || len(snap.Checkins) != 2 || len(snap.Loads) != 2 {
		t.Errorf("the next snapshot: %d check-ins, %d loads, %v; want 2, 2", len(snap.Checkins), len(snap.Loads), err)
	}
}

// Period reads exactly the days the readings of a range need: from the
// day after the load model's state of the Sunday before them, whose
// check-ins are then the loads; without states, the days of the series
// window and the loads of slump.FitnessLookback days.
func TestPeriod(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	now := time.Date(2026, 12, 1, 20, 0, 0, 0, time.UTC)
	s.SetClock(fakeClock(&now))
	w := slump.WeekOf(day(t, "2026-11-25"))
	start, end := slump.SeriesWindow(w.Start(), w.End())
	for d := start.AddDays(-30); !d.After(end.AddDays(3)); d = d.AddDays(1) {
		mustSave(t, s, checkin(d))
	}
	sunday := start.AddDays(-1)
	for sunday.Time().Weekday() != time.Sunday {
		sunday = sunday.AddDays(-1)
	}
	sorted := func(cs []slump.Checkin) bool {
		return slices.IsSortedFunc(cs, func(a, b slump.Checkin) int { return a.Date.DaysSince(b.Date) })
	}
	p, err := s.Period(ctx, w.Start(), w.End())
	if err != nil {
		t.Fatal(err)
	}
	if n := end.DaysSince(sunday); len(p.Checkins) != n || p.Checkins[0].Date != sunday.AddDays(1) || p.Checkins[n-1].Date != end || !sorted(p.Checkins) {
		t.Errorf("Period of %s: %d days from %s to %s; want %d from %s to %s, oldest first",
			w, len(p.Checkins), p.Checkins[0].Date, p.Checkins[len(p.Checkins)-1].Date, n, sunday.AddDays(1), end)
	}
	if len(p.Loads) != len(p.Checkins)+1 || p.Loads[0].State == nil || p.Loads[0].Date != sunday {
		t.Errorf("Period's loads: %d from %+v; want the state of %s and %d loads", len(p.Loads), p.Loads[:min(1, len(p.Loads))], sunday, len(p.Checkins))
	}
	m := slump.NewMeter(slump.DefaultConfig())
	all, _ := s.Range(ctx, start.AddDays(-30), end)
	want := m.Weeks(all, slump.LoadsOf(all), w, 1, w.End())
	if got := m.Weeks(p.Checkins, p.Loads, w, 1, w.End()); !reflect.DeepEqual(got, want) {
		t.Errorf("the week from the Period:\n%+v\nfrom the whole journal:\n%+v", got, want)
	}

	if _, err := s.db.ExecContext(ctx, "DELETE FROM load_states"); err != nil {
		t.Fatal(err)
	}
	if p, err = s.Period(ctx, w.Start(), w.End()); err != nil {
		t.Fatal(err)
	}
	if len(p.Checkins) != 74 || p.Checkins[0].Date != start || p.Checkins[73].Date != end || !sorted(p.Checkins) {
		t.Errorf("Period of %s without states: %d days from %s to %s; want 74 from %s to %s",
			w, len(p.Checkins), p.Checkins[0].Date, p.Checkins[len(p.Checkins)-1].Date, start, end)
	}
	if len(p.Loads) != end.DaysSince(start.AddDays(-30))+1 || p.Loads[0].State != nil {
		t.Errorf("Period's loads without states: %d, from %+v; want those of the %d days", len(p.Loads), p.Loads[0], end.DaysSince(start.AddDays(-30))+1)
	}
	if got := m.Weeks(p.Checkins, p.Loads, w, 1, w.End()); !reflect.DeepEqual(got, want) {
		t.Errorf("the week from the Period without states:\n%+v\nfrom the whole journal:\n%+v", got, want)
	}
}

// A check-in on a race's date comes from Period marked as a race day, so
// the history counts it as the dashboard does; the stored row is
// unchanged.
func TestPeriodMarksRaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-03-14")
	mustSave(t, s, checkin(d))
	if _, err := s.AddRace(ctx, slump.Race{Date: d, Name: "City 10k"}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Period(ctx, d, d)
	if err != nil || len(p.Checkins) != 1 || p.Checkins[0].DayType != slump.DayRace || len(p.Races) != 1 {
		t.Fatalf("Period = %+v, %v; want the day marked as a race, and the race", p, err)
	}
	if c, _, _ := s.Get(ctx, d); c.DayType != "" {
		t.Errorf("the stored check-in changed: %q", c.DayType)
	}
}

// TestRunsKeepTheStreaks: the runs table the triggers keep gives, for any
// day, the streaks that counting every date gives, through saves, deletes
// and imports in any order, and in a journal migrated with check-ins in it.
func TestRunsKeepTheStreaks(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	first := day(t, "2026-01-01")
	s := mustOpen(t)
	for step := range 400 {
		d := first.AddDays(rng.IntN(90))
		switch rng.IntN(5) {
		case 0, 1:
			mustSave(t, s, checkin(d))
		case 2:
			if _, _, err := s.Delete(ctx, d); err != nil {
				t.Fatal(err)
			}
		case 3:
			batch := importBatch(d, 1+rng.IntN(6))
			if _, err := s.Import(ctx, batch, rng.IntN(2) == 0); err != nil {
				t.Fatal(err)
			}
		case 4:
			mustSave(t, s, checkin(d.AddDays(1)))
		}
		if step%20 != 19 {
			continue
		}
		all, err := s.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []slump.Date{first, first.AddDays(30), first.AddDays(60), first.AddDays(89), first.AddDays(120)} {
			snap, err := s.Snapshot(ctx, at)
			if err != nil {
				t.Fatal(err)
			}
			var loads []slump.Load
			for _, c := range all {
				loads = append(loads, slump.LoadOf(c))
			}
			wantCur, wantLongest := slump.Snapshot{Day: at, Loads: loads}.Streaks()
			if cur, longest := snap.Streaks(); cur != wantCur || longest != wantLongest {
				t.Fatalf("step %d, %s: runs give streaks %d and %d, the dates %d and %d", step, at, cur, longest, wantCur, wantLongest)
			}
		}
	}
}

// Migration 0004 fills the runs from the check-ins a journal holds.
func TestRunsMigration(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 0)
	s := mustOpenPath(t, path)
	first := day(t, "2026-01-01")
	for _, n := range []int{0, 1, 2, 5, 6, 7, 8, 20, 22, 23, 24, 25, 40} {
		mustSave(t, s, checkin(first.AddDays(n)))
	}
	s.Close()
	raw := rawDB(t, path)
	for _, q := range []string{"DROP TRIGGER runs_insert", "DROP TRIGGER runs_delete", "DROP TRIGGER runs_update",
		"DROP TABLE runs", "DROP TABLE load_states", "DROP TRIGGER load_states_checkin_insert",
		"DROP TRIGGER load_states_checkin_update", "DROP TRIGGER load_states_checkin_delete", "DROP TRIGGER tombstones_clear", "DROP TABLE tombstones", "DROP TABLE activities", "DROP TABLE nights",
		"PRAGMA user_version = 3"} {
		mustExec(t, raw, q)
	}
	raw.Close()
	s = mustOpenPath(t, path)
	for _, at := range []int{2, 8, 9, 10, 25, 30, 40, 41, 42} {
		snap, err := s.Snapshot(ctx, first.AddDays(at))
		if err != nil {
			t.Fatal(err)
		}
		wantCur, wantLongest := slump.Snapshot{Day: snap.Day, Loads: snap.Loads}.Streaks()
		if cur, longest := snap.Streaks(); cur != wantCur || longest != wantLongest {
			t.Errorf("day %d: %d, %d; want %d, %d", at, cur, longest, wantCur, wantLongest)
		}
	}
}
