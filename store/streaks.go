package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/laceup/laceup/slump"
)

// streaksQuery finds the runs of consecutive days (gaps and islands): in
// date order, a day's number minus its row number is the same for every day
// of a run and grows at each gap, so it names the run (the island). Runs
// are grouped by it; only one row, the longest run, comes back to Go.
//
// EXPLAIN QUERY PLAN shows
//
//	SEARCH checkins USING PRIMARY KEY (date<?)
//
// and no sort for the window's ORDER BY date: checkins is a WITHOUT ROWID
// table, its rows stored in the B-tree of its primary key in date order, so
// the walk of the key up to today (check-ins after today are never read)
// is already in window order. Of each row SQLite decodes only the date, the
// key; the leaf pages still hold the whole rows, as there is no narrower
// index to read. The plan's temporary B-trees sort (island, date) pairs
// for the GROUP BY and the runs for the ORDER BY, never whole check-ins.
//
// On a ten-year journal this takes a few milliseconds (BenchmarkStreaks),
// about half of it SQLite's window function, the rest mostly the GROUP BY.
//
// ?1 is today, ?2 yesterday: at most one run ends on or after yesterday,
// since a run ending yesterday and one ending today would be the same run.
const streaksQuery = `
	WITH islands AS (
		SELECT date, unixepoch(date) / 86400 - row_number() OVER (ORDER BY date) AS island
		FROM checkins WHERE date <= ?1
	), runs AS (
		SELECT count(*) AS len, max(date) AS last FROM islands GROUP BY island
	)
	SELECT coalesce((SELECT len FROM runs WHERE last >= ?2), 0), len, last
	FROM runs ORDER BY len DESC, last DESC LIMIT 1`

// Streaks returns the current and the longest check-in streak as of today:
// runs of consecutive calendar days with a check-in (a rest day that was
// checked in counts like any other).
//
// The current streak is the run that ends today, or yesterday if today has
// no check-in yet (a streak is not broken until the day is over); 0
// otherwise. Check-ins after today are ignored. longest is the longest run
// ending on or before today (>= current), and longestEnd its last day; of
// runs of equal length, the most recent. An empty journal gives 0, 0 and the
// zero Date.
//
// A zero today is a *slump.FieldError. Streaks reads the date column of
// every check-in up to today, in SQL; it loads no check-in into Go.
func (s *Store) Streaks(ctx context.Context, today slump.Date) (current, longest int, longestEnd slump.Date, err error) {
	return s.streaks(ctx, s.db, today)
}

func (s *Store) streaks(ctx context.Context, q queryer, today slump.Date) (current, longest int, longestEnd slump.Date, err error) {
	if today.IsZero() {
		return 0, 0, slump.Date{}, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	var last string
	err = q.QueryRowContext(ctx, streaksQuery, today.String(), today.AddDays(-1).String()).
		Scan(&current, &longest, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, slump.Date{}, nil // no check-in up to today
	}
	if err == nil {
		longestEnd, err = slump.ParseDate(last) // cannot fail: the CHECK on date
	}
	if err != nil {
		return 0, 0, slump.Date{}, s.wrap("read streaks as of "+today.String(), err)
	}
	return current, longest, longestEnd, nil
}
