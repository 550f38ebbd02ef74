package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// ActivitiesResult counts what ImportActivities did.
type ActivitiesResult struct {
	Added     int // sessions the journal did not have
	Updated   int // sessions it had, changed in the file
	Unchanged int // sessions it had as they are
}

// ImportActivities saves sessions, all in one transaction: a session the
// journal has (the same source and source id) is updated when the file
// changed it, so importing the same file again changes nothing. It never
// writes a check-in.
func (s *Store) ImportActivities(ctx context.Context, as []activity.Activity) (ActivitiesResult, error) {
	res, _, err := s.ImportRecordings(ctx, as, nil)
	return res, err
}

// checkActivities checks every session before anything is written.
func checkActivities(as []activity.Activity) error {
	for i, a := range as {
		if err := checkActivity(a); err != nil {
			return fmt.Errorf("session %d (%s %s): %w", i+1, a.Source, a.SourceID, err)
		}
	}
	return nil
}

// importActivities writes sessions in tx and counts what it did.
func importActivities(ctx context.Context, tx *sql.Tx, as []activity.Activity) (ActivitiesResult, error) {
	var res ActivitiesResult
	for _, a := range as {
		args := []any{a.Source, a.SourceID, a.Day.String(), a.Start.UTC().Format(timeLayout), a.Sport, a.Name,
			nullFloat(a.MovingMinutes), nullFloat(a.ElapsedMinutes), nullFloat(a.DistanceMeters), nullInt(a.RPE)}
		n, err := rowsAffected(tx.ExecContext(ctx, `
			INSERT INTO activities (source, source_id, day, start, sport, name, moving_minutes, elapsed_minutes, distance_m, rpe)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
			ON CONFLICT (source, source_id) DO NOTHING`, args...))
		if err != nil {
			return res, err
		}
		if n == 1 {
			res.Added++
			continue
		}
		n, err = rowsAffected(tx.ExecContext(ctx, `
			UPDATE activities SET day = ?3, start = ?4, sport = ?5, name = ?6, moving_minutes = ?7,
				elapsed_minutes = ?8, distance_m = ?9, rpe = ?10
			WHERE source = ?1 AND source_id = ?2 AND (day IS NOT ?3 OR start IS NOT ?4 OR sport IS NOT ?5
				OR name IS NOT ?6 OR moving_minutes IS NOT ?7 OR elapsed_minutes IS NOT ?8
				OR distance_m IS NOT ?9 OR rpe IS NOT ?10)`, args...))
		if err != nil {
			return res, err
		}
		if n == 1 {
			res.Updated++
		} else {
			res.Unchanged++
		}
	}
	return res, nil
}

// checkActivity checks a session against the table's rules, so a bad one
// is reported by the file's session, not as SQLite's constraint error.
func checkActivity(a activity.Activity) error {
	nonNeg := func(p *float64) bool { return p == nil || *p >= 0 }
	switch {
	case a.Source != activity.SourceStrava && a.Source != activity.SourceGarmin && a.Source != activity.SourceFIT:
		return fmt.Errorf("unknown source %q", a.Source)
	case a.SourceID == "" || len(a.SourceID) > 100:
		return fmt.Errorf("its id must be 1 to 100 characters")
	case a.Day.Before(slump.EarliestDay()):
		return &slump.FieldError{Field: "day", Got: a.Day.String(), Want: "a day from 1900-01-01 on"}
	case !nonNeg(a.MovingMinutes), !nonNeg(a.ElapsedMinutes), !nonNeg(a.DistanceMeters):
		return fmt.Errorf("a negative time or distance")
	case a.RPE != nil && (*a.RPE < 1 || *a.RPE > 10):
		return &slump.FieldError{Field: "rpe", Got: fmt.Sprint(*a.RPE), Want: "a whole number from 1 to 10"}
	}
	return nil
}

// Activities returns the sessions of the days from..to, by day and start.
func (s *Store) Activities(ctx context.Context, from, to slump.Date) ([]activity.Activity, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var out []activity.Activity
	err := s.reading(func(db *sql.DB) (err error) {
		out, err = activitiesOf(ctx, db, from, to)
		return err
	})
	if err != nil {
		return nil, s.wrap(fmt.Sprintf("read the sessions from %s to %s", from, to), err)
	}
	return out, nil
}

func activitiesOf(ctx context.Context, q queryer, from, to slump.Date) ([]activity.Activity, error) {
	rows, err := q.QueryContext(ctx, `SELECT source, source_id, day, start, sport, name, moving_minutes, elapsed_minutes, distance_m, rpe
		FROM activities WHERE day BETWEEN ? AND ? ORDER BY day, start, source, source_id`, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []activity.Activity
	for rows.Next() {
		var (
			a                     activity.Activity
			day, start            string
			moving, elapsed, dist sql.NullFloat64
			rpe                   sql.NullInt64
		)
		if err := rows.Scan(&a.Source, &a.SourceID, &day, &start, &a.Sport, &a.Name, &moving, &elapsed, &dist, &rpe); err != nil {
			return nil, damaged(err)
		}
		if a.Day, err = storedDate(day); err != nil {
			return nil, damaged(err)
		}
		if a.Start, err = time.Parse(timeLayout, start); err != nil {
			return nil, damaged(err)
		}
		a.MovingMinutes, a.ElapsedMinutes, a.DistanceMeters = floatPtr(moving), floatPtr(elapsed), floatPtr(dist)
		a.RPE = intPtr(rpe)
		out = append(out, a)
	}
	return out, rows.Err()
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}

// sessionsQuery reads what the meter needs of the sessions of a range of
// days from the covering index activities_meter (migration 0007: no row
// lookups, no sort; EXPLAIN QUERY PLAN says SEARCH activities USING
// COVERING INDEX activities_meter), packed into one text value as
// loadsQuery does: "day,start,rpe,moving_minutes;..." with an empty field
// for NULL.
const sessionsQuery = `SELECT ifnull(group_concat(day || ',' || source || ',' || unixepoch(start) || ',' || ifnull(rpe, '') || ',' ||
	ifnull(CAST(round(moving_minutes * 60000) AS INTEGER), ''), ';'), '')
FROM (SELECT day, source, start, rpe, moving_minutes FROM activities WHERE day BETWEEN ? AND ? ORDER BY day, start)`

// daySessions are sessions and their days (YYYY-MM-DD), in day order.
type daySessions struct {
	days []string
	ss   []slump.Session
}

// sessionsOf returns the sessions of the days from..to, by day and start,
// as the meter reads them (slump.Checkin.Training), each session recorded
// twice counted once (slump.Merge), on its home copy's day: the copies of
// a day's sessions may be dated up to slump.CopyDays days before or after
// (a watch dates a run by its own clock, Strava by the zone of the
// import), so those days are read too. It allocates a few slices whatever the number
// of sessions: the meter reads those of 1,000 days in a process that runs
// once, where every allocation is a fresh page.
func sessionsOf(ctx context.Context, q queryer, from, to slump.Date) (daySessions, error) {
	var packed string
	if err := q.QueryRowContext(ctx, sessionsQuery, from.AddDays(-slump.CopyDays).String(), to.AddDays(slump.CopyDays).String()).Scan(&packed); err != nil {
		return daySessions{}, err
	}
	if packed == "" {
		return daySessions{}, nil
	}
	n := strings.Count(packed, ";") + 1
	all := daySessions{days: make([]string, 0, n), ss: make([]slump.Session, 0, n)}
	rpes, minutes := make([]int, 0, n), make([]float64, 0, n) // the values pointed to, one allocation each
	for rec := range strings.SplitSeq(packed, ";") {
		day, rest, _ := strings.Cut(rec, ",")
		source, rest, _ := strings.Cut(rest, ",")
		start, rest, _ := strings.Cut(rest, ",")
		rpe, ms, ok := strings.Cut(rest, ",")
		unix, err := strconv.ParseInt(start, 10, 64)
		if !ok || err != nil {
			return daySessions{}, damaged(fmt.Errorf("bad session %q", rec))
		}
		s := slump.Session{Source: source, Start: time.Unix(unix, 0).UTC()}
		if rpe != "" {
			v, err := strconv.Atoi(rpe)
			if err != nil || v < 1 || v > 10 {
				return daySessions{}, damaged(fmt.Errorf("bad session %q: rpe", rec))
			}
			rpes = append(rpes, v)
			s.RPE = &rpes[len(rpes)-1]
		}
		if ms != "" {
			v, err := strconv.ParseInt(ms, 10, 64)
			if err != nil || v < 0 {
				return daySessions{}, damaged(fmt.Errorf("bad session %q: moving_minutes", rec))
			}
			minutes = append(minutes, float64(v)/60000)
			s.Minutes = &minutes[len(minutes)-1]
		}
		all.days, all.ss = append(all.days, day), append(all.ss, s)
	}
	merged, home := slump.Merge(all.ss)
	homes := slump.Homes(home, all.ss)
	// Back in day order, as attachSessions walks them: a group's day is
	// its home's, which need not be its first copy's.
	order := make([]int, len(merged))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(all.days[homes[a]], all.days[homes[b]]) })
	out := daySessions{days: make([]string, len(merged)), ss: make([]slump.Session, len(merged))}
	for k, m := range order {
		out.days[k], out.ss[k] = all.days[homes[m]], merged[m]
	}
	return out, nil
}

// attachSessions calls set(i, sessions) for each of n days in date order
// (date(i) gives the i-th as YYYY-MM-DD) that has sessions in ds: one walk
// of both. The sessions given are a part of ds's, capped so that an
// append copies them.
func attachSessions(ds daySessions, n int, date func(int) string, set func(int, []slump.Session)) {
	j := 0
	for i := 0; i < n && j < len(ds.days); i++ {
		d := date(i)
		for j < len(ds.days) && ds.days[j] < d {
			j++
		}
		k := j
		for k < len(ds.days) && ds.days[k] == d {
			k++
		}
		if k > j {
			set(i, ds.ss[j:k:k])
		}
		j = k
	}
}

// withSessions gives each check-in of cs (in date order) the sessions of
// its day.
func withSessions(ctx context.Context, q queryer, cs []slump.Checkin) error {
	if len(cs) == 0 {
		return nil
	}
	ss, err := sessionsOf(ctx, q, cs[0].Date, cs[len(cs)-1].Date)
	if err != nil {
		return err
	}
	attachSessions(ss, len(cs), func(i int) string { return cs[i].Date.String() },
		func(i int, s []slump.Session) { cs[i].Sessions = s })
	return nil
}

// RemoveActivities deletes the sessions of the days from..to, of one
// source and one sport (ASCII letters in any case) when those are not "",
// and says how many. Check-ins
// and nights are untouched; importing the files again brings the sessions
// back.
func (s *Store) RemoveActivities(ctx context.Context, from, to slump.Date, source, sport string) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		n, err = rowsAffected(tx.ExecContext(ctx, `DELETE FROM activities WHERE day BETWEEN ?1 AND ?2
			AND (?3 = '' OR source = ?3) AND (?4 = '' OR lower(sport) = lower(?4))`, from.String(), to.String(), source, sport))
		return err
	})
	if err != nil {
		return 0, s.wrap(fmt.Sprintf("remove the sessions from %s to %s", from, to), err)
	}
	return int(n), nil
}
