package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/laceup/laceup/slump"
)

// loadsQuery reads the training load of every day from a date on: only
// the date, effort and minutes columns, in date order (one walk of the
// primary key, as rangeQuery), packed by SQLite into one text value,
// "date,effort,minutes;..." with minutes empty when absent. One row instead
// of a thousand: scanning a row through database/sql costs more than the
// SQL itself. It reads one row past the last day asked for (none, for
// today's meter), so that loads can check the walk is in date order: a key
// damaged on disk into a later date would otherwise end the walk early,
// silently (see rangeQuery).
const loadsQuery = `SELECT ifnull(group_concat(date || ',' || effort || ',' || ifnull(minutes, ''), ';'), '')
FROM (SELECT date, effort, minutes FROM checkins WHERE date >= ? ORDER BY date LIMIT ?)`

// Loads returns the load series that fitness, fatigue and form and the
// EWMA ratio of every day from from to to run over, oldest first: the
// load model's last state before the slump.Window of from (migration 0008,
// slump.StateLoad) and the loads of the check-ins after it up to and
// including to; or, without a state recent enough, the loads from
// slump.FitnessLookback days before from (within 1e-6 of the whole
// journal's). It reads three narrow columns of those rows and one more,
// whatever the journal's age.
func (s *Store) Loads(ctx context.Context, from, to slump.Date) ([]slump.Load, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var ls []slump.Load
	err := s.reading(func(db *sql.DB) (err error) {
		ls, err = s.loads(ctx, db, from, to)
		return err
	})
	return ls, err
}

func (s *Store) loads(ctx context.Context, q queryer, from, to slump.Date) ([]slump.Load, error) {
	if from.IsZero() || to.IsZero() {
		return nil, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	start, _ := slump.Window(from)
	st, err := s.recentState(ctx, q, start, from)
	if err != nil {
		return nil, err
	}
	out, _, err := s.loadsSince(ctx, q, st, from, to)
	return out, err
}

// loadsSince is the load series of the readings of from..to and the
// sessions it read: the state st and the loads after it up to to, or when
// st is nil those of slump.FitnessLookback days before from on.
func (s *Store) loadsSince(ctx context.Context, q queryer, st *slump.LoadState, from, to slump.Date) ([]slump.Load, daySessions, error) {
	if st == nil {
		return s.loadsAndSessions(ctx, q, from, to)
	}
	out, ss, err := s.loadsBetween(ctx, q, st.Day.AddDays(1), to)
	if err != nil {
		return nil, daySessions{}, err
	}
	return append(append(make([]slump.Load, 0, len(out)+1), slump.StateLoad(*st)), out...), ss, nil
}

// loadsAndSessions is the load series of slump.FitnessLookback days before
// from up to to, and the sessions it read (those of its days and
// slump.CopyDays either side), for the check-ins of a range within its
// days.
func (s *Store) loadsAndSessions(ctx context.Context, q queryer, from, to slump.Date) ([]slump.Load, daySessions, error) {
	if from.IsZero() || to.IsZero() {
		return nil, daySessions{}, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	return s.loadsBetween(ctx, q, from.AddDays(-(slump.FitnessLookback - 1)), to)
}

// loadsBetween is loadsAndSessions for the check-ins from start to to.
func (s *Store) loadsBetween(ctx context.Context, q queryer, start, to slump.Date) ([]slump.Load, daySessions, error) {
	const op = "read training loads"
	var packed string
	limit := max(0, to.DaysSince(start)+1) + 1 // one row past to, to check the order there
	if err := q.QueryRowContext(ctx, loadsQuery, start.String(), limit).Scan(&packed); err != nil {
		return nil, daySessions{}, s.wrap(op, err)
	}
	if packed == "" {
		return nil, daySessions{}, nil
	}
	out := make([]slump.Load, 0, strings.Count(packed, ";")+1)
	last, end := "", to.String()
	for rec := range strings.SplitSeq(packed, ";") {
		date, _, _ := strings.Cut(rec, ",")
		if date <= last { // YYYY-MM-DD text sorts as the days do
			return nil, daySessions{}, s.wrap(op, damaged(fmt.Errorf("check-in of %q comes after %s", date, last)))
		}
		last = date
		if date > end {
			continue // only checked for order
		}
		l, err := parseLoad(rec)
		if err != nil {
			return nil, daySessions{}, s.wrap(op, damaged(fmt.Errorf("bad row %q: %w", rec, err)))
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return out, daySessions{}, nil
	}
	ss, err := sessionsOf(ctx, q, out[0].Date, out[len(out)-1].Date)
	if err != nil {
		return nil, daySessions{}, s.wrap(op, err)
	}
	attachSessions(ss, len(out), func(i int) string { return out[i].Date.String() },
		func(i int, s []slump.Session) { out[i].Sessions = s })
	return out, ss, nil
}

// parseLoad reads one "date,effort,minutes" record of loadsQuery.
func parseLoad(rec string) (slump.Load, error) {
	date, rest, ok1 := strings.Cut(rec, ",")
	effort, minutes, ok2 := strings.Cut(rest, ",")
	if !ok1 || !ok2 {
		return slump.Load{}, errors.New("want date,effort,minutes")
	}
	var l slump.Load
	var err error
	if l.Date, err = storedDate(date); err != nil {
		return l, err
	}
	if l.Effort, err = strconv.Atoi(effort); err != nil {
		return l, err
	}
	if minutes != "" {
		m, err := strconv.Atoi(minutes)
		if err != nil {
			return l, err
		}
		l.Minutes = &m
	}
	return l, nil
}
