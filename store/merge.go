package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/exchange"
)

// Records returns every day of the journal as an export writes it, oldest
// first: each check-in with its updated_at, and each deleted day (a
// tombstone) with the time it was deleted.
func (s *Store) Records(ctx context.Context) ([]exchange.Record, error) {
	cs, err := s.All(ctx)
	if err != nil {
		return nil, err
	}
	var out []exchange.Record
	err = s.read(ctx, "read the days' times", func(tx *sql.Tx) error {
		times := make(map[string]time.Time, len(cs))
		rows, err := tx.QueryContext(ctx, `SELECT date, updated_at FROM checkins`)
		if err != nil {
			return s.wrap("read updated_at", err)
		}
		for rows.Next() {
			var d, t string
			if err := rows.Scan(&d, &t); err != nil {
				rows.Close()
				return s.wrap("read updated_at", damaged(err))
			}
			times[d], _ = time.Parse(timeLayout, t)
		}
		if err := rows.Close(); err != nil {
			return s.wrap("read updated_at", err)
		}
		out = make([]exchange.Record, 0, len(cs))
		for _, c := range cs {
			out = append(out, exchange.Record{Checkin: c, UpdatedAt: times[c.Date.String()]})
		}
		rows, err = tx.QueryContext(ctx, `SELECT date, deleted_at FROM tombstones ORDER BY date`)
		if err != nil {
			return s.wrap("read deleted days", err)
		}
		defer rows.Close()
		for rows.Next() {
			var d, t string
			if err := rows.Scan(&d, &t); err != nil {
				return s.wrap("read deleted days", damaged(err))
			}
			date, err := storedDate(d)
			if err != nil {
				return s.wrap("read deleted days", damaged(err))
			}
			at, _ := time.Parse(timeLayout, t)
			out = append(out, exchange.Record{Checkin: slump.Checkin{Date: date}, UpdatedAt: at, Deleted: true})
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	exchange.SortRecords(out)
	return out, nil
}

// ImportRecords imports records as Import imports check-ins, each with its
// updated_at when the record has one (else now), so that export, import
// into an empty journal and export again give the same bytes. Deleted days
// are left out (Merge applies them); it returns how many there were.
func (s *Store) ImportRecords(ctx context.Context, rs []exchange.Record, replace bool) (ImportResult, int, error) {
	var cs []slump.Checkin
	var times []time.Time
	deleted := 0
	for _, r := range rs {
		if r.Deleted {
			deleted++
			continue
		}
		cs = append(cs, r.Checkin)
		times = append(times, r.UpdatedAt)
	}
	for i, c := range cs {
		if err := validate(c); err != nil {
			return ImportResult{}, deleted, &ImportError{Index: i, Date: c.Date, Err: err}
		}
	}
	var res ImportResult
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		res, err = s.importTx(ctx, tx, cs, times, replace)
		return err
	})
	if err != nil {
		return ImportResult{}, deleted, s.wrap(fmt.Sprintf("import %d check-ins (nothing was imported)", len(cs)), err)
	}
	return res, deleted, nil
}

// SetClock sets the clock of created_at, updated_at and deleted_at (the
// command line passes its own, which tests fix).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// MergeResult counts what Merge did.
type MergeResult struct {
	Added   int // days the journal did not have
	Updated int // days whose copy in the file was edited later
	Deleted int // days deleted in the file after they were last edited here
	Kept    int // days whose copy here is as new or newer
}

// Merge merges records read from another journal's export into this one,
// day by day, keeping whichever copy was edited later (import --merge
// newer): a check-in edited later replaces this journal's (its updated_at
// kept, so both journals end the same), a deletion made later deletes the
// day here too (and is kept as a tombstone), a day this journal edited as
// late or later is kept. A record without updated_at (an export of an older
// laceup) is older than any copy here. Copies edited in the same second
// are told apart by their content, the same way on every machine, so two
// journals merging each other's exports end identical. All in one
// transaction; every check-in is validated first (as Import does).
func (s *Store) Merge(ctx context.Context, rs []exchange.Record) (MergeResult, error) {
	var res MergeResult
	for i, r := range rs {
		if r.Deleted {
			continue
		}
		if err := validate(r.Checkin); err != nil {
			return res, &ImportError{Index: i, Date: r.Date, Err: err}
		}
	}
	now := s.now().UTC().Truncate(time.Second)
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range rs {
			local, err := s.localRecord(ctx, tx, r.Date)
			if err != nil {
				return err
			}
			switch {
			case local == nil && r.Deleted:
				res.Kept++ // nothing here to delete; remember the deletion
				err = s.putTombstone(ctx, tx, r.Date, r.UpdatedAt)
			case local == nil:
				res.Added++
				err = s.putCheckin(ctx, tx, r, now)
			case !newer(r, *local):
				res.Kept++
			case r.Deleted:
				if !local.Deleted {
					res.Deleted++
				} else {
					res.Kept++
				}
				if _, err = tx.ExecContext(ctx, `DELETE FROM checkins WHERE date = ?`, r.Date.String()); err == nil {
					err = s.putTombstone(ctx, tx, r.Date, r.UpdatedAt)
				}
			default:
				if local.Deleted {
					res.Added++
				} else {
					res.Updated++
				}
				err = s.putCheckin(ctx, tx, r, now)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return MergeResult{}, s.wrap("merge", err)
	}
	return res, nil
}

// newer reports whether the record r from another journal wins over this
// journal's copy local: edited later, or in the same second with content
// that sorts after (a rule both journals apply alike).
func newer(r, local exchange.Record) bool {
	switch {
	case r.UpdatedAt.IsZero():
		return false
	case !r.UpdatedAt.Equal(local.UpdatedAt):
		return r.UpdatedAt.After(local.UpdatedAt)
	}
	return exchange.RowKey(r) > exchange.RowKey(local)
}

// localRecord returns this journal's copy of day d: its check-in and
// updated_at, its tombstone, or nil.
func (s *Store) localRecord(ctx context.Context, tx *sql.Tx, d slump.Date) (*exchange.Record, error) {
	c, err := scanCheckin(tx.QueryRowContext(ctx, selectCheckins+` WHERE date = ?`, d.String()))
	if err == nil {
		var t string
		if err := tx.QueryRowContext(ctx, `SELECT updated_at FROM checkins WHERE date = ?`, d.String()).Scan(&t); err != nil {
			return nil, err
		}
		at, _ := time.Parse(timeLayout, t)
		return &exchange.Record{Checkin: c, UpdatedAt: at}, nil
	}
	if err != sql.ErrNoRows {
		return nil, err
	}
	var t string
	err = tx.QueryRowContext(ctx, `SELECT deleted_at FROM tombstones WHERE date = ?`, d.String()).Scan(&t)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	at, _ := time.Parse(timeLayout, t)
	return &exchange.Record{Checkin: slump.Checkin{Date: d}, UpdatedAt: at, Deleted: true}, nil
}

// putCheckin saves r's check-in with r's updated_at (now when unknown),
// replacing the day's check-in or tombstone.
func (s *Store) putCheckin(ctx context.Context, tx *sql.Tx, r exchange.Record, now time.Time) error {
	at := r.UpdatedAt
	if at.IsZero() {
		at = now
	}
	c, t := r.Checkin, at.UTC().Format(timeLayout)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type, created_at, updated_at)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
		ON CONFLICT (date) DO UPDATE SET
			mood = excluded.mood, motivation = excluded.motivation, sleep_hours = excluded.sleep_hours,
			effort = excluded.effort, minutes = excluded.minutes, sleep_quality = excluded.sleep_quality,
			note = excluded.note, legs = excluded.legs, day_type = excluded.day_type, updated_at = excluded.updated_at`,
		c.Date.String(), c.Mood, c.Motivation, c.SleepHours, c.Effort, nullInt(c.Minutes), nullInt(c.SleepQuality),
		c.Note, nullInt(c.Legs), string(c.DayType.Of()), t)
	if err != nil {
		return fmt.Errorf("check-in of %s: %w", c.Date, err)
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM tombstones WHERE date = ?`, c.Date.String())
	return err
}

func (s *Store) putTombstone(ctx context.Context, tx *sql.Tx, d slump.Date, at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO tombstones (date, deleted_at) VALUES (?1, ?2)
		ON CONFLICT (date) DO UPDATE SET deleted_at = excluded.deleted_at`, d.String(), at.UTC().Format(timeLayout))
	return err
}
