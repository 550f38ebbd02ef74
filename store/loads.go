package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/laceup/laceup/slump"
)

// loadsQuery reads the training load of every day up to a date: only the
// date, effort and minutes columns, in date order (one walk of the primary
// key, as rangeQuery), packed by SQLite into one text value,
// "date,effort,minutes;..." with minutes empty when absent. One row instead
// of thousands: scanning a row through database/sql costs more than the
// SQL itself, and a ten-year journal has 3,650 of them.
const loadsQuery = `SELECT ifnull(group_concat(date || ',' || effort || ',' || ifnull(minutes, ''), ';'), '')
FROM (SELECT date, effort, minutes FROM checkins WHERE date <= ? ORDER BY date)`

// Loads returns the daily training loads (effort and minutes) of every
// check-in up to and including to, oldest first: the series the meter's
// EWMA acute:chronic ratio runs over from the first check-in. It reads three
// narrow columns, not whole rows.
func (s *Store) Loads(ctx context.Context, to slump.Date) ([]slump.Load, error) {
	return s.loads(ctx, s.db, to)
}

func (s *Store) loads(ctx context.Context, q queryer, to slump.Date) ([]slump.Load, error) {
	if to.IsZero() {
		return nil, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	const op = "read training loads"
	var packed string
	if err := q.QueryRowContext(ctx, loadsQuery, to.String()).Scan(&packed); err != nil {
		return nil, s.wrap(op, err)
	}
	if packed == "" {
		return nil, nil
	}
	out := make([]slump.Load, 0, strings.Count(packed, ";")+1)
	for rec := range strings.SplitSeq(packed, ";") {
		l, err := parseLoad(rec)
		if err != nil {
			return nil, s.wrap(op, fmt.Errorf("bad row %q: %w", rec, err))
		}
		out = append(out, l)
	}
	return out, nil
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
	if l.Date, err = slump.ParseDate(date); err != nil {
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
