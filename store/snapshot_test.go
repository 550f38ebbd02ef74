package store

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/laceup/laceup/slump"
)

// A snapshot is what Range, Loads and Streaks give, read at one moment.
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

	snap, err := s.Snapshot(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	from, to := slump.Window(today)
	checkins, _ := s.Range(ctx, from, to)
	loads, _ := s.Loads(ctx, today)
	want := slump.Snapshot{Day: today, Checkins: checkins, Loads: loads}
	if !reflect.DeepEqual(snap, want) {
		t.Errorf("Snapshot = %+v\nwant %+v", snap, want)
	}
	cur, longest := snap.Streaks()
	if len(snap.Checkins) != 66 || len(snap.Loads) != 78 || cur != 10 || longest != 49 {
		t.Errorf("Snapshot holds %d check-ins, %d loads, streaks %d and %d; want 66, 78, 10, 49",
			len(snap.Checkins), len(snap.Loads), cur, longest)
	}
	if c := snap.Checkin(); c == nil || c.Date != today {
		t.Errorf("Snapshot.Checkin() = %v, want today's", c)
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

// Span reads exactly the days the readings of a range need.
func TestSpan(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	w := slump.WeekOf(day(t, "2026-11-25"))
	start, end := slump.SeriesWindow(w.Start(), w.End())
	for d := start.AddDays(-3); !d.After(end.AddDays(3)); d = d.AddDays(1) {
		mustSave(t, s, checkin(d))
	}
	got, err := s.Span(ctx, w.Start(), w.End())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 74 || got[0].Date != start || got[len(got)-1].Date != end ||
		!slices.IsSortedFunc(got, func(a, b slump.Checkin) int { return a.Date.DaysSince(b.Date) }) {
		t.Errorf("Span of %s: %d days from %s to %s; want 74 from %s to %s, oldest first",
			w, len(got), got[0].Date, got[len(got)-1].Date, start, end)
	}
}

// A check-in on a race's date comes from Span marked as a race day, so the
// history counts it as the dashboard does; the stored row is unchanged.
func TestSpanMarksRaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-03-14")
	mustSave(t, s, checkin(d))
	if _, err := s.AddRace(ctx, slump.Race{Date: d, Name: "City 10k"}); err != nil {
		t.Fatal(err)
	}
	span, err := s.Span(ctx, d, d)
	if err != nil || len(span) != 1 || span[0].DayType != slump.DayRace {
		t.Fatalf("Span = %+v, %v; want the day marked as a race", span, err)
	}
	if c, _, _ := s.Get(ctx, d); c.DayType != "" {
		t.Errorf("the stored check-in changed: %q", c.DayType)
	}
}
