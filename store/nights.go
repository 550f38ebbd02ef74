package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// Night is one night a watch measured: the day the runner woke up, the
// sleep (deep + light + REM, time awake left out) and the watch's score.
type Night struct {
	Day          slump.Date
	Source       string // "garmin"
	SleepSeconds int
	Score        *int // 0-100; nil when the watch gave none
}

// Hours is the night's sleep in hours.
func (n Night) Hours() float64 { return float64(n.SleepSeconds) / 3600 }

// ImportNights saves nights, all in one transaction, one per day: a day
// the journal has is replaced when the night differs, so importing the
// same file again changes nothing. Pass them oldest file first: of two
// nights of one day, the later wins. It never writes a check-in.
func (s *Store) ImportNights(ctx context.Context, ns []Night) (ActivitiesResult, error) {
	_, res, err := s.ImportRecordings(ctx, nil, ns)
	return res, err
}

// ImportRecordings saves sessions (as ImportActivities) and nights (as
// ImportNights) in one transaction: all of them, or none.
func (s *Store) ImportRecordings(ctx context.Context, as []activity.Activity, ns []Night) (sessions, nights ActivitiesResult, err error) {
	if err := checkActivities(as); err != nil {
		return sessions, nights, err
	}
	for i, n := range ns {
		switch {
		case n.Source != "garmin":
			return sessions, nights, fmt.Errorf("night %d (%s): unknown source %q", i+1, n.Day, n.Source)
		case n.Day.Before(slump.EarliestDay()):
			return sessions, nights, &slump.FieldError{Field: "day", Got: n.Day.String(), Want: "a day from 1900-01-01 on"}
		case n.SleepSeconds < 1 || n.SleepSeconds > 86400:
			return sessions, nights, fmt.Errorf("night %s: %d seconds of sleep", n.Day, n.SleepSeconds)
		case n.Score != nil && (*n.Score < 0 || *n.Score > 100):
			return sessions, nights, &slump.FieldError{Field: "score", Got: fmt.Sprint(*n.Score), Want: "a whole number from 0 to 100"}
		}
	}
	err = s.write(ctx, func(tx *sql.Tx) (err error) {
		if sessions, err = importActivities(ctx, tx, as); err != nil {
			return err
		}
		nights = ActivitiesResult{}
		for _, n := range ns {
			args := []any{n.Day.String(), n.Source, n.SleepSeconds, nullInt(n.Score)}
			added, err := rowsAffected(tx.ExecContext(ctx, `
				INSERT INTO nights (day, source, sleep_seconds, score) VALUES (?1, ?2, ?3, ?4)
				ON CONFLICT (day) DO NOTHING`, args...))
			if err != nil {
				return err
			}
			if added == 1 {
				nights.Added++
				continue
			}
			changed, err := rowsAffected(tx.ExecContext(ctx, `
				UPDATE nights SET source = ?2, sleep_seconds = ?3, score = ?4
				WHERE day = ?1 AND (source IS NOT ?2 OR sleep_seconds IS NOT ?3 OR score IS NOT ?4)`, args...))
			if err != nil {
				return err
			}
			if changed == 1 {
				nights.Updated++
			} else {
				nights.Unchanged++
			}
		}
		return nil
	})
	if err != nil {
		return ActivitiesResult{}, ActivitiesResult{}, s.wrap(fmt.Sprintf("import %d sessions and %d nights (nothing was imported)", len(as), len(ns)), err)
	}
	return sessions, nights, nil
}

// NightOf returns the night measured before day d woke up; ok is false
// when there is none.
func (s *Store) NightOf(ctx context.Context, d slump.Date) (n Night, ok bool, err error) {
	if err := s.check(); err != nil {
		return Night{}, false, err
	}
	err = s.reading(func(db *sql.DB) error {
		var score sql.NullInt64
		err := db.QueryRowContext(ctx, `SELECT source, sleep_seconds, score FROM nights WHERE day = ?`, d.String()).
			Scan(&n.Source, &n.SleepSeconds, &score)
		switch {
		case err == sql.ErrNoRows:
			return nil
		case err != nil:
			return damaged(err)
		}
		n.Day, n.Score, ok = d, intPtr(score), true
		return nil
	})
	if err != nil {
		return Night{}, false, s.wrap(fmt.Sprintf("read the night before %s", d), err)
	}
	return n, ok, nil
}

// Recorded returns what was imported for day d: its sessions (each
// session recorded twice once, slump.Merge) and the night before
// it, read in one transaction.
func (s *Store) Recorded(ctx context.Context, d slump.Date) (activity.Day, error) {
	var day activity.Day
	err := s.read(ctx, "read the sessions of "+d.String(), func(tx *sql.Tx) error {
		// A copy of one of the day's sessions may be dated days off (see
		// slump.CopyDays): the day's are those whose home copy is dated on it.
		as, err := activitiesOf(ctx, tx, d.AddDays(-slump.CopyDays), d.AddDays(slump.CopyDays))
		if err != nil {
			return s.wrap("read the sessions of "+d.String(), err)
		}
		for _, a := range activity.Distinct(as) {
			if a.Day == d {
				day.Sessions = append(day.Sessions, a)
			}
		}
		var secs int
		switch err := tx.QueryRowContext(ctx, `SELECT sleep_seconds FROM nights WHERE day = ?`, d.String()).Scan(&secs); {
		case err == sql.ErrNoRows:
		case err != nil:
			return s.wrap("read the night before "+d.String(), damaged(err))
		default:
			h := float64(secs) / 3600
			day.SleepHours = &h
		}
		return nil
	})
	return day, err
}
