package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/laceup/laceup/slump"
)

// Snapshot reads what the meter of day needs, in one read transaction, so
// that a check-in saved meanwhile by another laceup is either in all of it
// or in none: the check-ins of slump.Window(day) and the load series (see
// series), the races from the window's start on (the next one, and those
// just run), and the streaks. In WAL mode, which Open puts every journal
// in, a reader neither waits for a writer nor holds one up.
func (s *Store) Snapshot(ctx context.Context, day slump.Date) (slump.Snapshot, error) {
	snap := slump.Snapshot{Day: day}
	err := s.read(ctx, "read the meter of "+day.String(), func(tx *sql.Tx) (err error) {
		if snap.Checkins, snap.Loads, err = s.series(ctx, tx, day, day); err != nil {
			return err
		}
		from, _ := slump.Window(day)
		if snap.Races, err = s.races(ctx, tx, from); err != nil {
			return err
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

// Period reads what the readings of the days from..to need, in one read
// transaction (see slump.Period): the check-ins of slump.SeriesWindow(from,
// to) and the load series (see series), every race, and the check-ins'
// race days marked (a check-in on the date of a race counts as a hard
// effort in the history, the trends and the year as it does on the
// dashboard). A week of history reads 74 to 80 days, the 12 weeks of the
// trends 151 to 157, a year 432 to 439, whatever the size of the journal.
func (s *Store) Period(ctx context.Context, from, to slump.Date) (slump.Period, error) {
	p := slump.Period{From: from, To: to}
	if from.IsZero() || to.IsZero() {
		return p, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	err := s.read(ctx, fmt.Sprintf("read %s to %s", from, to), func(tx *sql.Tx) (err error) {
		var cs []slump.Checkin
		if cs, p.Loads, err = s.series(ctx, tx, from, to); err != nil {
			return err
		}
		if p.Races, err = s.races(ctx, tx, slump.Date{}); err != nil {
			return err
		}
		p.Checkins = slump.MarkRaces(cs, p.Races)
		return nil
	})
	if err != nil {
		return slump.Period{From: from, To: to}, err
	}
	return p, nil
}

// stateNear is how many days before a window the load model's state may
// end for the check-ins read from the day after it to be the loads: the
// Sunday just before the window, which every write keeps.
const stateNear = 7

// series reads, in the read transaction tx, the check-ins of
// slump.SeriesWindow(from, to) with their sessions, and the load series
// of the readings of from..to. The model continues from its last state
// before the window (migration 0008): that of the Sunday just before it is
// the usual case, and the check-ins are then read from the day after it
// and are the loads; an older one (changes in the sqlite3 shell since
// laceup last wrote, a read-only journal) needs the loads of the days
// between it and the window too; without one recent enough, the loads of
// slump.FitnessLookback days are read.
func (s *Store) series(ctx context.Context, tx *sql.Tx, from, to slump.Date) ([]slump.Checkin, []slump.Load, error) {
	start, end := slump.SeriesWindow(from, to)
	st, err := s.recentState(ctx, tx, start, from)
	if err != nil {
		return nil, nil, err
	}
	near := st != nil && start.DaysSince(st.Day) <= stateNear
	read := start
	if near {
		read = st.Day.AddDays(1)
	}
	cs, err := s.checkinsOf(ctx, tx, read, end)
	if err != nil {
		return nil, nil, err
	}
	if s.betweenReads != nil {
		s.betweenReads()
	}
	var loads []slump.Load
	var ss daySessions
	if near {
		if ss, err = sessionsOf(ctx, tx, read, end); err != nil {
			err = s.wrap("read sessions", err)
		}
	} else {
		loads, ss, err = s.loadsSince(ctx, tx, st, from, to)
	}
	if err != nil {
		return nil, nil, err
	}
	// The check-ins' sessions are among those read: every check-in read is
	// a load of the series.
	attachSessions(ss, len(cs), func(i int) string { return cs[i].Date.String() },
		func(i int, s []slump.Session) { cs[i].Sessions = s })
	if near {
		loads = make([]slump.Load, 0, len(cs)+1)
		loads = append(loads, slump.StateLoad(*st))
		for _, c := range cs {
			loads = append(loads, slump.LoadOf(c))
		}
	}
	return cs, loads, nil
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
