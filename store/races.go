package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/laceup/laceup/slump"
)

// racesQuery reads the races from a date on (every race from ""), in date
// order: races is a WITHOUT ROWID table keyed by date, so this is a seek
// and a walk of the primary key with no sort (as rangeQuery).
const racesQuery = `SELECT date, name FROM races WHERE date >= ? ORDER BY date`

// AddRace saves a race: a day without one gets it, and a day that has one
// takes r's name (created_at kept, updated_at set to now). It reports
// whether the day had a race before.
//
// AddRace first checks r with r.Validate: a date from 1900-01-01 to
// 9999-12-31, past or future, and a name of at most 80 characters without
// control characters. An invalid race is not written and AddRace returns
// the *slump.FieldError itself, unwrapped.
func (s *Store) AddRace(ctx context.Context, r slump.Race) (existed bool, err error) {
	if err := r.Validate(); err != nil {
		return false, err
	}
	now := s.now().UTC().Format(timeLayout)
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM races WHERE date = ?)`, r.Date.String()).Scan(&existed); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO races (date, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
			ON CONFLICT (date) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
			r.Date.String(), r.Name, now)
		return err
	})
	if err != nil {
		return false, s.wrap("save the race of "+r.Date.String(), err)
	}
	return existed, nil
}

// Races returns every race of the journal, past and future, oldest first;
// none (an empty slice) when there is none.
func (s *Store) Races(ctx context.Context) ([]slump.Race, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var rs []slump.Race
	err := s.reading(func(db *sql.DB) (err error) {
		rs, err = s.races(ctx, db, slump.Date{})
		return err
	})
	if err == nil && rs == nil {
		rs = []slump.Race{}
	}
	return rs, err
}

// RemoveRace removes the race of day d and returns it, with ok false (and
// nothing changed) if the day has none. It reads and deletes in one write
// transaction, so what it returns is exactly what was removed.
func (s *Store) RemoveRace(ctx context.Context, d slump.Date) (r slump.Race, ok bool, err error) {
	if d.IsZero() {
		return r, false, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM races WHERE date = ?`, d.String()).Scan(&name)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		r, ok = slump.Race{Date: d, Name: name}, true
		_, err = tx.ExecContext(ctx, `DELETE FROM races WHERE date = ?`, d.String())
		return err
	})
	if err != nil {
		return slump.Race{}, false, s.wrap("remove the race of "+d.String(), err)
	}
	return r, ok, nil
}

// races reads the races dated from on (every race for the zero Date),
// oldest first, nil when there is none. Dates out of order are a damaged page, as in
// query.
func (s *Store) races(ctx context.Context, q queryer, from slump.Date) ([]slump.Race, error) {
	const op = "read races"
	rows, err := q.QueryContext(ctx, racesQuery, from.String())
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	var out []slump.Race
	for rows.Next() {
		var date, name string
		if err := rows.Scan(&date, &name); err != nil {
			return nil, s.wrap(op, damaged(err))
		}
		d, err := storedDate(date)
		if err == nil && len(out) > 0 && !d.After(out[len(out)-1].Date) {
			err = fmt.Errorf("race of %s comes after %s", d, out[len(out)-1].Date)
		}
		if err != nil {
			return nil, s.wrap(op, damaged(err))
		}
		out = append(out, slump.Race{Date: d, Name: name})
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(op, err)
	}
	return out, nil
}
