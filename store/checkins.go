package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"modernc.org/sqlite"

	"github.com/laceup/laceup/slump"
)

// timeLayout is the form of created_at and updated_at: RFC 3339 in UTC to
// the second, e.g. 2026-03-14T07:05:00Z, which sorts as text.
const timeLayout = "2006-01-02T15:04:05Z"

const selectCheckins = `SELECT date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type FROM checkins`

// Save inserts the check-in of c.Date, or replaces the answers of the one
// already saved for that day. created_at is kept on replace; updated_at is
// set to now.
//
// Save first checks c with c.Validate(c.Date): every field must be in range
// (whether the date is in the future is the caller's to check, as only the
// caller knows today), and the note valid UTF-8 without NUL bytes. An
// invalid check-in is not written and Save returns the *slump.FieldError
// itself, unwrapped, so it reads the same as anywhere else. The note is
// stored as given: clean it with slump.CleanNote first.
func (s *Store) Save(ctx context.Context, c slump.Checkin) error {
	_, err := s.SaveAnswers(ctx, c)
	return err
}

// SaveAnswers saves the check-in of c.Date as checking in again with only
// some answers does: the core answers are c's, and each optional answer
// named in keep (slump.FieldMinutes, slump.FieldSleepQuality,
// slump.FieldNote, slump.FieldLegs, slump.FieldDayType) keeps its saved
// value when the day has a check-in, c's otherwise. It reads and writes the day in one write transaction, so two
// laceups adding different answers to the same day at the same moment
// both keep theirs. It reports whether the day had a check-in before, and
// checks c as Save does.
func (s *Store) SaveAnswers(ctx context.Context, c slump.Checkin, keep ...string) (existed bool, err error) {
	if err := validate(c); err != nil {
		return false, err
	}
	kept := func(field string) bool { return slices.Contains(keep, field) }
	now := s.now().UTC().Format(timeLayout)
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM checkins WHERE date = ?)`, c.Date.String()).Scan(&existed); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type, created_at, updated_at)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?13, ?14, ?9, ?9)
			ON CONFLICT (date) DO UPDATE SET
				mood = excluded.mood,
				motivation = excluded.motivation,
				sleep_hours = excluded.sleep_hours,
				effort = excluded.effort,
				minutes = iif(?10, minutes, excluded.minutes),
				sleep_quality = iif(?11, sleep_quality, excluded.sleep_quality),
				note = iif(?12, note, excluded.note),
				legs = iif(?15, legs, excluded.legs),
				day_type = iif(?16, day_type, excluded.day_type),
				updated_at = excluded.updated_at`,
			c.Date.String(), c.Mood, c.Motivation, c.SleepHours, c.Effort,
			nullInt(c.Minutes), nullInt(c.SleepQuality), c.Note, now,
			kept(slump.FieldMinutes), kept(slump.FieldSleepQuality), kept(slump.FieldNote),
			nullInt(c.Legs), string(c.DayType.Of()), kept(slump.FieldLegs), kept(slump.FieldDayType))
		return err
	})
	if err != nil {
		return false, s.wrap("save check-in of "+c.Date.String(), err)
	}
	return existed, nil
}

// write runs fn in one transaction, begun with BEGIN IMMEDIATE (see
// pragmas), and commits it.
//
// The first write of a Store first runs PRAGMA quick_check in the same
// transaction, and returns a *CorruptError instead of writing if the
// journal is damaged: SQLite itself notices damage only in the pages a
// statement reads, and would otherwise rewrite a damaged page, changing the
// file the user has to rescue. The check reads every page and checks every
// row's constraints (about 5 ms on a ten-year journal), so it is done once
// per Store, not for every save.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if why := s.ReadOnly(); why != "" {
		return &ReadOnlyError{Path: s.path, Reason: why}
	}
	if err := s.check(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	// Again with the write lock held: the file could have been replaced
	// between the check and the lock.
	if err := s.check(); err != nil {
		return err
	}
	if !s.checked.Load() {
		if err := s.quickCheck(ctx, tx); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	// The load model's states the write left out of date are gone (the
	// triggers of migration 0008); the new ones are added here. They only
	// save the meter work, so a failure to add them does not fail the
	// write (the meter then reads the loads instead), unless it ends the
	// transaction, as a full disk does, and the commit then fails as it
	// would for any statement.
	if err := s.keepLoadStates(ctx, tx); err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	// And once more before the commit: a long write (an import of years)
	// leaves time to restore a backup over the journal meanwhile, and a
	// commit then would land in the old file's -wal, which SQLite leaves
	// beside the new file (it does not checkpoint a moved file on close),
	// to be read into it by the next laceup.
	if err := s.check(); err != nil {
		return err
	}
	return tx.Commit()
}

// validate checks c as Save and Import do: c.Validate(c.Date), and no NUL
// byte in the note, which the sqlite3 shell and other C programs would cut
// the note short at. Validate itself does not refuse NUL (yet).
func validate(c slump.Checkin) error {
	if err := c.Validate(c.Date); err != nil {
		return err
	}
	if strings.IndexByte(c.Note, 0) >= 0 {
		return &slump.FieldError{Field: slump.FieldNote, Want: "text without NUL bytes"}
	}
	return nil
}

// ImportResult counts what Import did with the check-ins it was given.
type ImportResult struct {
	Added    int // days that were not in the journal
	Replaced int // days in the journal whose answers were replaced
	Skipped  int // days in the journal that were kept as they were
}

// Import writes check-ins, e.g. read from an export, all in one
// transaction: afterwards the journal holds all of them or, after an error
// or a crash, none.
//
// Import first checks every check-in as Save does (see Save; the future is
// the caller's to check) and that no two are for the same day, and writes
// nothing if one fails: it returns an *ImportError (wrapping the
// *slump.FieldError) or a *DuplicateDayError, each naming the positions in
// cs.
//
// A day not yet in the journal is added. A day already in it is kept as it
// is (Skipped) unless replace is true; then its answers are replaced
// (Replaced; created_at is kept and updated_at set to now), or, if they are
// the same as the imported ones, it is left untouched and counted as
// Skipped, so importing the same file twice changes nothing. On error the
// result is zero: nothing was imported.
func (s *Store) Import(ctx context.Context, cs []slump.Checkin, replace bool) (ImportResult, error) {
	seen := make(map[slump.Date]int, len(cs))
	for i, c := range cs {
		if err := validate(c); err != nil {
			return ImportResult{}, &ImportError{Index: i, Date: c.Date, Err: err}
		}
		if j, dup := seen[c.Date]; dup {
			return ImportResult{}, &DuplicateDayError{Date: c.Date, First: j, Second: i}
		}
		seen[c.Date] = i
	}
	if len(cs) == 0 {
		return ImportResult{}, nil
	}
	var res ImportResult
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		res, err = s.importTx(ctx, tx, cs, nil, replace)
		return err
	})
	if err != nil {
		return ImportResult{}, s.wrap(fmt.Sprintf("import %d check-ins (nothing was imported)", len(cs)), err)
	}
	return res, nil
}

// importTx writes cs in tx, as Import says; updated, when not nil, holds
// each check-in's updated_at (zero: now).
func (s *Store) importTx(ctx context.Context, tx *sql.Tx, cs []slump.Checkin, updated []time.Time, replace bool) (res ImportResult, err error) {
	insert, err := tx.PrepareContext(ctx, `
		INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at, legs, day_type)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)
		ON CONFLICT (date) DO NOTHING`)
	if err != nil {
		return res, err
	}
	defer insert.Close()
	// Only rows that differ: IS NOT compares NULLs as values.
	update, err := tx.PrepareContext(ctx, `
		UPDATE checkins SET mood = ?2, motivation = ?3, sleep_hours = ?4, effort = ?5,
			minutes = ?6, sleep_quality = ?7, note = ?8, updated_at = ?9, legs = ?10, day_type = ?11
		WHERE date = ?1 AND (mood IS NOT ?2 OR motivation IS NOT ?3 OR sleep_hours IS NOT ?4
			OR effort IS NOT ?5 OR minutes IS NOT ?6 OR sleep_quality IS NOT ?7 OR note IS NOT ?8
			OR legs IS NOT ?10 OR day_type IS NOT ?11)`)
	if err != nil {
		return res, err
	}
	defer update.Close()
	now := s.now().UTC().Format(timeLayout)
	for i, c := range cs {
		at := now
		if updated != nil && !updated[i].IsZero() {
			at = updated[i].UTC().Format(timeLayout)
		}
		args := []any{c.Date.String(), c.Mood, c.Motivation, c.SleepHours, c.Effort,
			nullInt(c.Minutes), nullInt(c.SleepQuality), c.Note, at, nullInt(c.Legs), string(c.DayType.Of())}
		n, err := rowsAffected(insert.ExecContext(ctx, args...))
		if err != nil {
			return res, fmt.Errorf("check-in of %s: %w", c.Date, err)
		}
		switch {
		case n == 1:
			res.Added++
		case !replace:
			res.Skipped++
		default:
			n, err := rowsAffected(update.ExecContext(ctx, args...))
			if err != nil {
				return res, fmt.Errorf("check-in of %s: %w", c.Date, err)
			}
			if n == 1 {
				res.Replaced++
			} else {
				res.Skipped++
			}
		}
		if s.afterImport != nil {
			if err := s.afterImport(i); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

func rowsAffected(r sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// Get returns the check-in of day d, with ok false if there is none.
func (s *Store) Get(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error) {
	if d.IsZero() {
		return c, false, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	if err := s.check(); err != nil {
		return c, false, err
	}
	err = s.reading(func(db *sql.DB) (err error) {
		c, err = scanCheckin(db.QueryRowContext(ctx, selectCheckins+` WHERE date = ?`, d.String()))
		return err
	})
	if err == sql.ErrNoRows {
		return slump.Checkin{}, false, nil
	}
	if err != nil {
		return slump.Checkin{}, false, s.wrap("read check-in of "+d.String(), err)
	}
	return c, true, nil
}

// rangeQuery reads the check-ins from a date on, in date order, at most a
// number of them: rangeOf asks for one more than the days of its range,
// and keeps those up to its last day.
//
// EXPLAIN QUERY PLAN shows
//
//	SEARCH checkins USING PRIMARY KEY (date>?)
//
// checkins is a WITHOUT ROWID table: its rows are stored in the B-tree of
// its primary key, date, in date order. So the query is a seek to from and
// a walk of the leaves for at most that many rows (the rows of a week in a
// ten-year journal are a page or two), and ORDER BY date needs no sort.
// This holds because date is TEXT with the default BINARY collation,
// YYYY-MM-DD text sorts as the days do, and the bound is bound as text.
//
// Why not "BETWEEN from AND to": SQLite ends that walk at the first key
// after to, so a key damaged on disk into a later date would silently end
// the range early, and the days after it would read as not logged. Read
// one row past the range, query checks every row comes after the one
// before, which such damage breaks.
const rangeQuery = selectCheckins + ` WHERE date >= ? ORDER BY date LIMIT ?`

// Range returns the check-ins dated from to to, both included, oldest
// first; none (an empty slice) if from is after to. It reads only those
// rows and one more: one walk of the primary key (see rangeQuery).
func (s *Store) Range(ctx context.Context, from, to slump.Date) ([]slump.Checkin, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var cs []slump.Checkin
	err := s.reading(func(db *sql.DB) (err error) {
		cs, err = s.rangeOf(ctx, db, from, to)
		return err
	})
	return cs, err
}

func (s *Store) rangeOf(ctx context.Context, q queryer, from, to slump.Date) ([]slump.Checkin, error) {
	cs, err := s.checkinsOf(ctx, q, from, to)
	if err != nil {
		return nil, err
	}
	if err := withSessions(ctx, q, cs); err != nil {
		return nil, s.wrap(fmt.Sprintf("read check-ins from %s to %s", from, to), err)
	}
	return cs, nil
}

// checkinsOf is rangeOf without the sessions of the days.
func (s *Store) checkinsOf(ctx context.Context, q queryer, from, to slump.Date) ([]slump.Checkin, error) {
	if from.IsZero() || to.IsZero() {
		return nil, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	days := max(0, to.DaysSince(from)+1)
	if days == 0 {
		return []slump.Checkin{}, nil
	}
	op := fmt.Sprintf("read check-ins from %s to %s", from, to)
	cs, err := s.query(ctx, q, op, min(days, 400), rangeQuery, from.String(), days+1)
	for len(cs) > 0 && cs[len(cs)-1].Date.After(to) {
		cs = cs[:len(cs)-1]
	}
	return cs, err
}

// All returns every check-in of the journal, oldest first, e.g. to export
// them. It reads the table in its stored order, the order of date, with no
// sort.
func (s *Store) All(ctx context.Context) ([]slump.Checkin, error) {
	n, err := s.Count(ctx)
	if err != nil {
		return nil, err
	}
	var cs []slump.Checkin
	err = s.reading(func(db *sql.DB) (err error) {
		cs, err = s.query(ctx, db, "read all check-ins", n, selectCheckins+` ORDER BY date`)
		return err
	})
	return cs, err
}

// query returns the check-ins a query of selectCheckins reads, never nil;
// size is a guess at their number.
func (s *Store) query(ctx context.Context, q queryer, op string, size int, query string, args ...any) ([]slump.Checkin, error) {
	out := make([]slump.Checkin, 0, size)
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCheckin(rows)
		if err == nil && len(out) > 0 && !c.Date.After(out[len(out)-1].Date) {
			// Every query reads the primary key in its order: dates out of
			// order are a damaged page, and a range walk would skip days.
			err = fmt.Errorf("check-in of %s comes after %s", c.Date, out[len(out)-1].Date)
		}
		if err != nil {
			return nil, s.wrap(op, damaged(err))
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
	if err := s.check(); err != nil {
		return 0, err
	}
	var n int
	err := s.reading(func(db *sql.DB) error {
		return db.QueryRowContext(ctx, `SELECT count(*) FROM checkins`).Scan(&n)
	})
	if err != nil {
		return 0, s.wrap("count check-ins", err)
	}
	return n, nil
}

// scanCheckin reads one row of selectCheckins.
func scanCheckin(row interface{ Scan(...any) error }) (slump.Checkin, error) {
	var (
		c                           slump.Checkin
		date, dayType               string
		minutes, sleepQuality, legs sql.NullInt64
	)
	err := row.Scan(&date, &c.Mood, &c.Motivation, &c.SleepHours, &c.Effort, &minutes, &sleepQuality, &c.Note, &legs, &dayType)
	if err != nil {
		return slump.Checkin{}, err
	}
	if c.Date, err = storedDate(date); err != nil {
		return slump.Checkin{}, damaged(err) // the CHECK on date keeps it from being saved
	}
	c.Minutes, c.SleepQuality, c.Legs = intPtr(minutes), intPtr(sleepQuality), intPtr(legs)
	if t := slump.DayType(dayType); t != slump.DayNormal {
		c.DayType = t // a normal day is the zero value
	}
	if err := checkRow(c); err != nil {
		return slump.Checkin{}, damaged(fmt.Errorf("check-in of %s: %w", c.Date, err))
	}
	return c, nil
}

// storedDate reads a date column. It takes any date the CHECK on the
// column allows, not only those slump.ParseDate takes today: a journal may
// hold a day before 1900 saved by an older laceup, which is not damage.
func storedDate(s string) (slump.Date, error) {
	t, err := time.Parse(slump.DateLayout, s)
	if err != nil {
		return slump.Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	return slump.DateOf(t), nil
}

// checkRow checks a row read back against the CHECK constraints of the
// checkins table (migrations 0001 and 0002), which no write can break: a
// value out of range there is a damaged page, not a check-in.
func checkRow(c slump.Checkin) error {
	in := func(p *int, lo, hi int) bool { return p == nil || (*p >= lo && *p <= hi) }
	switch {
	case !in(&c.Mood, slump.MinMood, slump.MaxMood), !in(&c.Motivation, slump.MinMotivation, slump.MaxMotivation),
		!in(&c.Effort, slump.MinEffort, slump.MaxEffort), !in(c.Minutes, slump.MinMinutes, slump.MaxMinutes),
		!in(c.SleepQuality, slump.MinSleepQuality, slump.MaxSleepQuality), !in(c.Legs, slump.MinLegs, slump.MaxLegs),
		!(c.SleepHours >= slump.MinSleepHours && c.SleepHours <= slump.MaxSleepHours),
		!slices.Contains(slump.DayTypes(), c.DayType.Of()):
		return errors.New("a value outside the ranges the journal allows")
	}
	return nil
}

// damaged marks an error reading a row as damage to the journal: the
// columns' types (the table is STRICT) and ranges (its CHECKs) hold for
// every row written, so a row that will not scan or breaks them was
// changed on disk. sql.ErrNoRows and SQLite's own errors pass through.
func damaged(err error) error {
	var se *sqlite.Error
	if errors.Is(err, sql.ErrNoRows) || errors.As(err, &se) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &CorruptError{Err: err} // wrap fills in the path
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

// Delete removes the check-in of day d and returns it, with ok false (and
// nothing changed) if the day has none. It reads and deletes in one write
// transaction, so what it returns is exactly what was deleted.
func (s *Store) Delete(ctx context.Context, d slump.Date) (c slump.Checkin, ok bool, err error) {
	if d.IsZero() {
		return c, false, &slump.FieldError{Field: slump.FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanCheckin(tx.QueryRowContext(ctx, selectCheckins+` WHERE date = ?`, d.String()))
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		ok = true
		if _, err = tx.ExecContext(ctx, `DELETE FROM checkins WHERE date = ?`, d.String()); err != nil {
			return err
		}
		// The deletion travels in an export (see Records and Merge).
		_, err = tx.ExecContext(ctx, `INSERT INTO tombstones (date, deleted_at) VALUES (?1, ?2)
			ON CONFLICT (date) DO UPDATE SET deleted_at = excluded.deleted_at`, d.String(), s.now().UTC().Format(timeLayout))
		return err
	})
	if err != nil {
		return slump.Checkin{}, false, s.wrap("delete the check-in of "+d.String(), err)
	}
	return c, ok, nil
}
