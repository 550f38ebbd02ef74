package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// benchToday is the last day of the benchmark journal, a Saturday.
var benchToday = slump.NewDate(2026, 3, 14)

// tenYears returns a journal of ten years of daily check-ins up to
// benchToday (3650 days) with a few missed days, as a runner who has used
// laceup since 2016 would have: 3646 check-ins, the longest run ending on
// 2023-06-30 and the current one starting on 2025-12-25.
func tenYears(b *testing.B) *Store {
	b.Helper()
	s := mustOpen(b)
	saveDays(b, s, daysBetween(benchToday.AddDays(-3649), benchToday, func(d slump.Date) bool { return benchMissed[d] }))
	if n, err := s.Count(context.Background()); err != nil || n != 3646 {
		b.Fatalf("Count() = %d, %v; want 3646", n, err)
	}
	keepStates(b, s)
	return s
}

// keepStates makes the load model's states a journal written by laceup up
// to benchToday has (saveDays writes the rows alone).
func keepStates(b *testing.B, s *Store) {
	b.Helper()
	now := benchToday.Time().Add(20 * time.Hour)
	s.SetClock(func() time.Time { return now })
	if err := s.write(context.Background(), func(*sql.Tx) error { return nil }); err != nil {
		b.Fatal(err)
	}
}

// benchMissed are the days without a check-in in the benchmark journal.
var benchMissed = map[slump.Date]bool{
	slump.NewDate(2017, 8, 1): true, slump.NewDate(2019, 2, 11): true,
	slump.NewDate(2023, 7, 1): true, slump.NewDate(2025, 12, 24): true,
}

// benchRange reads what a screen showing weeks ending on Sunday last reads:
// the check-ins of the weeks and the slump.Window of their first day, so
// the meter of every day shown can be computed.
func benchRange(b *testing.B, weeks int) {
	s := tenYears(b)
	ctx := context.Background()
	last := benchToday.AddDays(-6) // Sunday 2026-03-08, the last whole week
	from, _ := slump.Window(last.AddDays(-7*weeks + 1))
	want := 0
	for d := from; !d.After(last); d = d.AddDays(1) {
		if !benchMissed[d] {
			want++
		}
	}
	for b.Loop() {
		cs, err := s.Range(ctx, from, last)
		if err != nil || len(cs) != want {
			b.Fatalf("Range(%s, %s) = %d check-ins, %v; want %d", from, last, len(cs), err, want)
		}
	}
}

// BenchmarkWeek is the history screen: one ISO week and the 19 days before
// it (26 days) from a ten-year journal.
func BenchmarkWeek(b *testing.B) { benchRange(b, 1) }

// BenchmarkTwelveWeeks is the trends screen: twelve ISO weeks and the 19
// days before them (103 days) from a ten-year journal.
func BenchmarkTwelveWeeks(b *testing.B) { benchRange(b, 12) }

// journal: Open a ten-year journal, read the 20 days the meter needs, Close.
func BenchmarkOpenClose(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	saveDays(b, s, daysBetween(benchToday.AddDays(-3649), benchToday, nil))
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	to := benchToday
	from := to.AddDays(-19)
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if cs, err := s.Range(ctx, from, to); err != nil || len(cs) != 20 {
			b.Fatalf("Range = %d, %v", len(cs), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuickCheck is PRAGMA quick_check on a ten-year journal, which
// the first write of a Store runs (see Store.write).
func BenchmarkQuickCheck(b *testing.B) {
	s := tenYears(b)
	ctx := context.Background()
	for b.Loop() {
		if err := s.quickCheck(ctx, s.db); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSnapshot is what laceup meter and the dashboard read: a day's
// window (slump.Window, 68 days) from the day after the load model's last
// state before it, that state, and the streaks, in one read transaction;
// and, for a journal without states (only read since laceup kept them),
// the window and 1,000 days of loads instead.
func BenchmarkSnapshot(b *testing.B) {
	b.Run("10 years", func(b *testing.B) { benchSnapshot(b, tenYears(b), 0) })
	b.Run("10 years, 3,650 sessions", func(b *testing.B) {
		s := tenYears(b)
		var as []activity.Activity
		for d := benchToday.AddDays(-3649); !d.After(benchToday); d = d.AddDays(1) {
			rpe := slump.Int(1 + d.Time().YearDay()%10)
			if d.Weekday() == time.Monday {
				rpe = nil
			}
			as = append(as, session(d.String(), d, rpe, 50))
		}
		if _, err := s.ImportActivities(context.Background(), as); err != nil {
			b.Fatal(err)
		}
		benchSnapshot(b, s, 0)
	})
	b.Run("10 years without states", func(b *testing.B) {
		s := tenYears(b)
		if _, err := s.db.Exec("DELETE FROM load_states"); err != nil {
			b.Fatal(err)
		}
		benchSnapshot(b, s, slump.FitnessLookback-2) // 2 of its days missed
	})
	b.Run("60 days", func(b *testing.B) {
		s := mustOpen(b)
		saveDays(b, s, daysBetween(benchToday.AddDays(-59), benchToday, nil))
		keepStates(b, s)
		benchSnapshot(b, s, 60) // no state before its window
	})
}

// benchSnapshot reads the snapshot of benchToday, which holds loads loads
// (the 1,000 days of slump.FitnessLookback at most) or, when loads is 0,
// the state of the Sunday before its window: whatever the journal's age,
// its cost stops growing with the journal.
func benchSnapshot(b *testing.B, s *Store, loads int) {
	ctx := context.Background()
	from, to := slump.Window(benchToday)
	window, err := s.Range(ctx, from, to)
	if err != nil || len(window) < 60 {
		b.Fatalf("the window holds %d check-ins, %v", len(window), err)
	}
	sunday := from.AddDays(-1) // the last Sunday before the window
	for sunday.Time().Weekday() != time.Sunday {
		sunday = sunday.AddDays(-1)
	}
	want := len(window)
	if loads == 0 {
		extra, err := s.Range(ctx, sunday.AddDays(1), from.AddDays(-1))
		if err != nil {
			b.Fatal(err)
		}
		want += len(extra)
	}
	for b.Loop() {
		snap, err := s.Snapshot(ctx, benchToday)
		switch {
		case err != nil:
			b.Fatal(err)
		case loads > 0 && (len(snap.Checkins) != want || len(snap.Loads) != loads):
			b.Fatalf("Snapshot = %d check-ins, %d loads; want %d, %d", len(snap.Checkins), len(snap.Loads), want, loads)
		case loads == 0 && (len(snap.Checkins) != want || len(snap.Loads) != want+1 || snap.Loads[0].State == nil || snap.Loads[0].Date != sunday):
			b.Fatalf("Snapshot = %d check-ins, %d loads from %+v; want %d, the state of %s and theirs", len(snap.Checkins), len(snap.Loads), snap.Loads[:min(1, len(snap.Loads))], want, sunday)
		}
	}
}
