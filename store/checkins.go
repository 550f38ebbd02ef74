package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/laceup/laceup/slump"
)

// timeLayout is the form of created_at and updated_at: RFC 3339 in UTC to
// the second, e.g. 2026-03-14T07:05:00Z, which sorts as text.
const timeLayout = "2006-01-02T15:04:05Z"

const selectCheckins = `SELECT date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note FROM checkins`

// Save inserts the check-in of c.Date, or replaces the answers of the one
// already saved for that day. created_at is kept on replace; updated_at is
// set to now.
//
// Save first checks c with c.Validate(c.Date): every field must be in range
// (whether the date is in the future is the caller's to check, as only the
// caller knows today). An invalid check-in is not written and Save returns
// the *slump.FieldError itself, unwrapped, so it reads the same as anywhere
// else. The note is stored as given: clean it with slump.CleanNote first.
func (s *Store) Save(ctx context.Context, c slump.Checkin) error {
	if err := c.Validate(c.Date); err != nil {
		return err
	}
	now := s.now().UTC().Format(timeLayout)
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (date) DO UPDATE SET
			mood = excluded.mood,
			motivation = excluded.motivation,
			sleep_hours = excluded.sleep_hours,
			effort = excluded.effort,
			minutes = excluded.minutes,
			sleep_quality = excluded.sleep_quality,
			note = excluded.note,
			updated_at = excluded.updated_at`,
		c.Date.String(), c.Mood, c.Motivation, c.SleepHours, c.Effort,
		nullInt(c.Minutes), nullInt(c.SleepQuality), c.Note, now, now)
	if err != nil {
		return s.wrap("save check-in of "+c.Date.String(), err)
	}
	return nil
}

// Get returns the check-in of day d, with ok false if there is none.
func (s *Store) Get(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error) {
	if d.IsZero() {
		return c, false, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	c, err = scanCheckin(s.db.QueryRowContext(ctx, selectCheckins+` WHERE date = ?`, d.String()))
	if err == sql.ErrNoRows {
		return slump.Checkin{}, false, nil
	}
	if err != nil {
		return slump.Checkin{}, false, s.wrap("read check-in of "+d.String(), err)
	}
	return c, true, nil
}

// rangeQuery reads the check-ins of a date range, both ends included.
//
// EXPLAIN QUERY PLAN shows
//
//	SEARCH checkins USING PRIMARY KEY (date>? AND date<?)
//
// checkins is a WITHOUT ROWID table: its rows are stored in the B-tree of
// its primary key, date, in date order. So BETWEEN on date is a seek to
// from and a walk of the leaves until to (the rows of a week in a ten-year
// journal are a page or two), and ORDER BY date needs no sort. This holds
// because date is TEXT with the default BINARY collation, YYYY-MM-DD text
// sorts as the days do, and the bounds are bound as text.
const rangeQuery = selectCheckins + ` WHERE date BETWEEN ? AND ? ORDER BY date`

// Range returns the check-ins dated from to to, both included, oldest
// first; none (an empty slice) if from is after to. It reads only those
// rows: one walk of the primary key (see rangeQuery).
func (s *Store) Range(ctx context.Context, from, to slump.Date) ([]slump.Checkin, error) {
	if from.IsZero() || to.IsZero() {
		return nil, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	op := fmt.Sprintf("read check-ins from %s to %s", from, to)
	out := make([]slump.Checkin, 0, max(0, min(to.DaysSince(from)+1, 400)))
	rows, err := s.db.QueryContext(ctx, rangeQuery, from.String(), to.String())
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCheckin(rows)
		if err != nil {
			return nil, s.wrap(op, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(op, err)
	}
	return out, nil
}

// Count returns the number of check-ins in the journal.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM checkins`).Scan(&n); err != nil {
		return 0, s.wrap("count check-ins", err)
	}
	return n, nil
}

// scanCheckin reads one row of selectCheckins.
func scanCheckin(row interface{ Scan(...any) error }) (slump.Checkin, error) {
	var (
		c                     slump.Checkin
		date                  string
		minutes, sleepQuality sql.NullInt64
	)
	err := row.Scan(&date, &c.Mood, &c.Motivation, &c.SleepHours, &c.Effort, &minutes, &sleepQuality, &c.Note)
	if err != nil {
		return slump.Checkin{}, err
	}
	if c.Date, err = slump.ParseDate(date); err != nil {
		return slump.Checkin{}, err // cannot happen: the CHECK on date
	}
	c.Minutes = intPtr(minutes)
	c.SleepQuality = intPtr(sleepQuality)
	return c, nil
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}
