package store

import (
	"context"
	"database/sql"

	"github.com/laceup/laceup/slump"
)

// loadsQuery reads the training load of every day up to a date: only the
// date, effort and minutes columns, in date order (one walk of the primary
// key, as rangeQuery).
const loadsQuery = `SELECT date, effort, minutes FROM checkins WHERE date <= ? ORDER BY date`

// Loads returns the daily training loads (effort and minutes) of every
// check-in up to and including to, oldest first: the series the meter's
// EWMA acute:chronic ratio runs over from the first check-in. It reads three
// narrow columns, not whole rows.
func (s *Store) Loads(ctx context.Context, to slump.Date) ([]slump.Load, error) {
	if to.IsZero() {
		return nil, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	const op = "read training loads"
	rows, err := s.db.QueryContext(ctx, loadsQuery, to.String())
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	var out []slump.Load
	for rows.Next() {
		var (
			date    string
			l       slump.Load
			minutes sql.NullInt64
		)
		if err := rows.Scan(&date, &l.Effort, &minutes); err != nil {
			return nil, s.wrap(op, err)
		}
		if l.Date, err = slump.ParseDate(date); err != nil {
			return nil, s.wrap(op, err)
		}
		l.Minutes = intPtr(minutes)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(op, err)
	}
	return out, nil
}
