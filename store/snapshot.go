package store

import (
	"context"
	"database/sql"

	"github.com/laceup/laceup/slump"
)

// Snapshot reads what the meter of day needs, in one read transaction, so
// that a check-in saved meanwhile by another laceup is either in all of it
// or in none: the check-ins of slump.Window(day), and the load series of
// the journal up to day (for the EWMA ratio, and the dates the streaks are
// counted from), and the races from the window's start on (the next one,
// and those just run). In WAL mode, which Open puts every journal in, a reader
// neither waits for a writer nor holds one up.
func (s *Store) Snapshot(ctx context.Context, day slump.Date) (slump.Snapshot, error) {
	snap := slump.Snapshot{Day: day}
	err := s.read(ctx, "read the meter of "+day.String(), func(tx *sql.Tx) (err error) {
		from, to := slump.Window(day)
		// The load model continues from its last state before the window
		// (migration 0008). That of the Sunday just before it, kept by the
		// last write, is the usual case: the check-ins read from the day
		// after it are its loads. An older one (changes in the sqlite3
		// shell since laceup last wrote, a read-only journal) needs the
		// loads of the days between it and the window too; without one
		// recent enough, the loads of slump.FitnessLookback days are read.
		st, err := s.recentState(ctx, tx, from, day)
		if err != nil {
			return err
		}
		read := from
		if st != nil && from.DaysSince(st.Day) <= 7 {
			read = st.Day.AddDays(1)
		}
		if snap.Checkins, err = s.checkinsOf(ctx, tx, read, to); err != nil {
			return err
		}
		if snap.Races, err = s.races(ctx, tx, from); err != nil {
			return err
		}
		if s.betweenReads != nil {
			s.betweenReads()
		}
		var ss daySessions
		switch {
		case read != from:
			if ss, err = sessionsOf(ctx, tx, read, to); err != nil {
				return s.wrap("read sessions", err)
			}
		case st != nil:
			var loads []slump.Load
			if loads, ss, err = s.loadsBetween(ctx, tx, st.Day.AddDays(1), day); err != nil {
				return err
			}
			snap.Loads = append(append(make([]slump.Load, 0, len(loads)+1), slump.StateLoad(*st)), loads...)
		default:
			if snap.Loads, ss, err = s.loadsAndSessions(ctx, tx, day, day); err != nil {
				return err
			}
		}
		// The check-ins' sessions are among those read: every check-in
		// read is a load of the series.
		attachSessions(ss, len(snap.Checkins), func(i int) string { return snap.Checkins[i].Date.String() },
			func(i int, s []slump.Session) { snap.Checkins[i].Sessions = s })
		if read != from {
			snap.Loads = make([]slump.Load, 0, len(snap.Checkins)+1)
			snap.Loads = append(snap.Loads, slump.StateLoad(*st))
			for _, c := range snap.Checkins {
				snap.Loads = append(snap.Loads, slump.LoadOf(c))
			}
		}
		snap.Streak, snap.Longest, err = s.streaks(ctx, tx, day)
		snap.StreaksRead = err == nil
		return err
	})
	if err != nil {
		return slump.Snapshot{}, err
	}
	return snap, nil
}

// Span returns the check-ins that the readings of the days from..to need:
// those of slump.SeriesWindow(from, to), oldest first, read in one
// statement (so, from one moment). A week of history needs 80 days, the 12
// weeks of the trends 157, whatever the size of the journal.
//
// A check-in on the date of a race in the races table comes marked as a
// race day (slump.MarkRaces), as the meter of a day reads it (see
// slump.Meter.ReadingOf): the race counts as a hard effort in the history,
// the trends and the year as it does on the dashboard.
func (s *Store) Span(ctx context.Context, from, to slump.Date) ([]slump.Checkin, error) {
	start, end := slump.SeriesWindow(from, to)
	cs, err := s.Range(ctx, start, end)
	if err != nil {
		return nil, err
	}
	races, err := s.Races(ctx)
	if err != nil {
		return nil, err
	}
	return slump.MarkRaces(cs, races), nil
}

// read runs fn in one read-only transaction. Errors from the transaction
// itself are wrapped with op; fn wraps its own.
func (s *Store) read(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.reading(func(db *sql.DB) error {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return s.wrap(op, err)
		}
		defer tx.Rollback() //nolint:errcheck // read only: nothing to commit
		return fn(tx)
	})
}

// streakQuery reads the check-in streaks as of a day ?1 from the runs
// table (migration 0004): current is the run that ends on the day, or the
// day before while the day has no check-in yet, counted up to the day;
// longest is the longest run up to the day, a run still going counted up
// to the day. It reads the runs that start by the day (one per gap in the
// journal), not the days.
const streakQuery = `SELECT
  ifnull((SELECT CAST(julianday(min(end, ?1)) - julianday(start) + 1 AS INTEGER) FROM runs
          WHERE start <= ?1 AND end >= date(?1, '-1 day') ORDER BY start DESC LIMIT 1), 0),
  ifnull((SELECT CAST(max(julianday(min(end, ?1)) - julianday(start) + 1) AS INTEGER) FROM runs WHERE start <= ?1), 0)`

// streaks returns the check-in streaks as of day (see streakQuery and
// slump.Snapshot.Streaks).
func (s *Store) streaks(ctx context.Context, q queryer, day slump.Date) (current, longest int, err error) {
	if err := q.QueryRowContext(ctx, streakQuery, day.String()).Scan(&current, &longest); err != nil {
		return 0, 0, s.wrap("read the check-in streaks", err)
	}
	return current, longest, nil
}
