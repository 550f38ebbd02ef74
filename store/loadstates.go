package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/laceup/laceup/slump"
)

// The load model's states (migration 0008, slump.LoadState): one at the
// end of every Sunday up to yesterday, added as laceup writes and removed by
// triggers when a change reaches back before them. The meter continues the
// model from the last one before its window (Snapshot), so it reads at most
// six days more than its window, whatever the journal's age.

// keptDay reports whether the state of day is kept: Sundays, a design
// choice (52 rows a year; a reader then reads at most 6 days before its
// window that it would not otherwise).
func keptDay(d slump.Date) bool { return d.Time().Weekday() == time.Sunday }

// loadStateQuery reads the newest state of this laceup's load model of a
// day before ?2: a walk back along the primary key from ?2.
const loadStateQuery = `SELECT day, first, fitness, fatigue, acute, chronic, unknown FROM load_states
WHERE day < ?2 AND model = ?1 ORDER BY day DESC LIMIT 1`

// loadStateBefore returns the newest state of a day before day, or nil if
// there is none.
func loadStateBefore(ctx context.Context, q queryer, day slump.Date) (*slump.LoadState, error) {
	var st slump.LoadState
	var d, first string
	var unknown int64
	err := q.QueryRowContext(ctx, loadStateQuery, slump.LoadModel, day.String()).
		Scan(&d, &first, &st.Fitness, &st.Fatigue, &st.Acute, &st.Chronic, &unknown)
	switch {
	case err == sql.ErrNoRows:
		return nil, nil
	case err != nil:
		return nil, damaged(err)
	}
	if st.Day, err = storedDate(d); err != nil {
		return nil, damaged(err)
	}
	if st.First, err = storedDate(first); err != nil {
		return nil, damaged(err)
	}
	if !st.Day.Before(day) || st.Day.Before(st.First) || unknown < 0 {
		return nil, damaged(fmt.Errorf("load state of %s out of order", d))
	}
	st.Unknown = uint64(unknown)
	return &st, nil
}

// recentState returns the newest state before the day before, when it is
// recent enough to read from for the figures of the days from first on:
// within slump.FitnessLookback days of first (reading from an older one
// would read more than the loads without it); else nil.
func (s *Store) recentState(ctx context.Context, q queryer, before, first slump.Date) (*slump.LoadState, error) {
	st, err := loadStateBefore(ctx, q, before)
	if err != nil {
		return nil, s.wrap("read the load model's state", err)
	}
	if st == nil || first.DaysSince(st.Day) > slump.FitnessLookback {
		return nil, nil
	}
	return st, nil
}

// keepLoadStates adds the states of the Sundays up to yesterday that the
// journal lacks, in the transaction of a write, after its changes (and the
// triggers' removals): from the newest state left, or from the first
// check-in if none is left, over the loads since. States of another load
// model go. Most writes find the newest Sunday's state in place and do no
// more than read it.
func (s *Store) keepLoadStates(ctx context.Context, tx *sql.Tx) error {
	yesterday := slump.DateOf(s.now()).AddDays(-1)
	last := yesterday.AddDays(-int(yesterday.Time().Weekday())) // the Sunday of yesterday's week or yesterday
	from, err := loadStateBefore(ctx, tx, last.AddDays(1))
	if err != nil || from != nil && from.Day == last {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM load_states WHERE model <> ?`, slump.LoadModel); err != nil {
		return err
	}
	start, series := slump.EarliestDay(), []slump.Load(nil)
	if from != nil {
		start, series = from.Day.AddDays(1), []slump.Load{slump.StateLoad(*from)}
	}
	loads, _, err := s.loadsBetween(ctx, tx, start, last)
	if err != nil {
		return err
	}
	states := slump.LoadStates(append(series, loads...), last, keptDay)
	if len(states) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO load_states (day, model, first, fitness, fatigue, acute, chronic, unknown)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, st := range states {
		if _, err := stmt.ExecContext(ctx, st.Day.String(), slump.LoadModel, st.First.String(),
			st.Fitness, st.Fatigue, st.Acute, st.Chronic, int64(st.Unknown)); err != nil {
			return err
		}
	}
	return nil
}
