package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// dump returns every row of the journal, timestamps included, one line
// each, to compare a journal before and after.
func dump(t testing.TB, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT date, mood, motivation, sleep_hours, effort, ifnull(minutes, '-'),
		ifnull(sleep_quality, '-'), note, created_at, updated_at FROM checkins ORDER BY date`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var f [10]string
		if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &f[8], &f[9]); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%q\n", f)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// importBatch returns n valid check-ins for consecutive days from first,
// every field varying, some optional fields absent.
func importBatch(first slump.Date, n int) []slump.Checkin {
	cs := make([]slump.Checkin, n)
	for i := range cs {
		c := slump.Checkin{
			Date: first.AddDays(i), Mood: 1 + i%5, Motivation: 1 + (i/5)%5,
			SleepHours: float64(i%97) / 4, Effort: i % 11,
			Note: fmt.Sprintf("import %d, \"quoted\"\nsecond line ✓", i),
		}
		if i%3 != 0 {
			c.Minutes = slump.Int(i % 1441)
		}
		if i%4 != 0 {
			c.SleepQuality = slump.Int(1 + i%5)
		}
		cs[i] = c
	}
	return cs
}

func assertCheckins(t testing.TB, got, want []slump.Checkin) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d check-ins, want %d", len(got), len(want))
	}
	for i := range want {
		if !equal(got[i], want[i]) {
			t.Fatalf("check-in %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestAll(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	all, err := s.All(ctx)
	if err != nil || all == nil || len(all) != 0 {
		t.Fatalf("All() of an empty journal = %v, %v; want an empty slice", all, err)
	}
	cs := importBatch(day(t, "2025-12-20"), 30)
	for _, i := range []int{17, 3, 29, 0, 11, 5, 22} { // out of order
		mustSave(t, s, cs[i])
	}
	all, err = s.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertCheckins(t, all, []slump.Checkin{cs[0], cs[3], cs[5], cs[11], cs[17], cs[22], cs[29]})
}

func TestImport(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 14, 7, 0, 0, 0, time.UTC)
	s.now = fakeClock(&at)
	first := day(t, "2016-03-15")
	cs := importBatch(first, 3650)

	res, err := s.Import(ctx, cs, false)
	if err != nil || res != (ImportResult{Added: 3650}) {
		t.Fatalf("Import into an empty journal = %+v, %v; want 3650 added", res, err)
	}
	all, err := s.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertCheckins(t, all, cs)

	// Again: every day is already there.
	at = at.Add(time.Hour)
	before := dump(t, s)
	for _, replace := range []bool{false, true} {
		res, err = s.Import(ctx, cs, replace)
		if err != nil || res != (ImportResult{Skipped: 3650}) {
			t.Errorf("Import(same, replace=%v) = %+v, %v; want 3650 skipped", replace, res, err)
		}
	}
	if dump(t, s) != before {
		t.Error("importing the same check-ins again changed the journal")
	}

	// Two days changed and one new: kept without replace, replaced with it.
	edit := []slump.Checkin{cs[10], cs[3000], checkin(first.AddDays(-1))}
	edit[0].Mood, edit[0].Note = 1+edit[0].Mood%5, "edited"
	edit[1].Minutes, edit[1].SleepQuality = nil, slump.Int(5)
	res, err = s.Import(ctx, edit, false)
	if err != nil || res != (ImportResult{Added: 1, Skipped: 2}) {
		t.Errorf("Import(edits) = %+v, %v; want 1 added, 2 skipped", res, err)
	}
	if got, _, _ := s.Get(ctx, cs[10].Date); !equal(got, cs[10]) {
		t.Errorf("without replace the day changed to %+v", got)
	}
	at = at.Add(time.Hour)
	res, err = s.Import(ctx, edit, true)
	if err != nil || res != (ImportResult{Replaced: 2, Skipped: 1}) {
		t.Errorf("Import(edits, replace) = %+v, %v; want 2 replaced, 1 skipped", res, err)
	}
	for _, c := range edit {
		if got, _, _ := s.Get(ctx, c.Date); !equal(got, c) {
			t.Errorf("after replace Get(%s) = %+v, want %+v", c.Date, got, c)
		}
	}
	var created, updated string
	if err := s.db.QueryRow("SELECT created_at, updated_at FROM checkins WHERE date = ?", cs[10].Date.String()).
		Scan(&created, &updated); err != nil {
		t.Fatal(err)
	}
	if created != "2026-03-14T07:00:00Z" || updated != "2026-03-14T09:00:00Z" {
		t.Errorf("replaced day: created_at %s, updated_at %s; want the first import's and the replace's", created, updated)
	}
	if n, _ := s.Count(ctx); n != 3651 {
		t.Errorf("Count() = %d, want 3651", n)
	}
	if res, err := s.Import(ctx, nil, true); err != nil || res != (ImportResult{}) {
		t.Errorf("Import(nil) = %+v, %v", res, err)
	}
}

func TestImportInvalid(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cs := importBatch(day(t, "2026-01-01"), 10)
	mustSave(t, s, cs[0])
	before := dump(t, s)

	tests := []struct {
		name  string
		edit  func([]slump.Checkin)
		check func(error) bool
	}{
		{"mood out of range at 7", func(cs []slump.Checkin) { cs[7].Mood = 6 },
			func(err error) bool {
				var ie *ImportError
				return errors.As(err, &ie) && ie.Index == 7 && ie.Date == cs[7].Date && isField(err, slump.FieldMood) &&
					err.Error() == "check-in at index 7 (2026-01-08): mood: must be a whole number from 1 to 5 (got 6)"
			}},
		{"no date at 4", func(cs []slump.Checkin) { cs[4].Date = slump.Date{} },
			func(err error) bool {
				var ie *ImportError
				return errors.As(err, &ie) && ie.Index == 4 && isField(err, slump.FieldDate)
			}},
		{"NUL in a note", func(cs []slump.Checkin) { cs[9].Note = "a\x00b" },
			func(err error) bool { return isField(err, slump.FieldNote) }},
		{"invalid UTF-8", func(cs []slump.Checkin) { cs[2].Note = "caf\xe9" },
			func(err error) bool { return isField(err, slump.FieldNote) }},
		{"same day at 2 and 6", func(cs []slump.Checkin) { cs[6].Date = cs[2].Date },
			func(err error) bool {
				var de *DuplicateDayError
				return errors.As(err, &de) && de.First == 2 && de.Second == 6 && de.Date == cs[2].Date &&
					err.Error() == "check-ins at index 2 and 6 are both for 2026-01-03: a day has one check-in"
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := append([]slump.Checkin(nil), cs...)
			bad[8].Mood = 1 + bad[8].Mood%5 // a valid change before the bad one
			tt.edit(bad)
			for _, replace := range []bool{false, true} {
				res, err := s.Import(ctx, bad, replace)
				if !tt.check(err) || res != (ImportResult{}) {
					t.Errorf("Import(replace=%v) = %+v, %v", replace, res, err)
				}
			}
			if dump(t, s) != before {
				t.Error("the journal changed")
			}
		})
	}
}

func TestSaveRefusesNUL(t *testing.T) {
	s := mustOpen(t)
	c := checkin(day(t, "2026-03-14"))
	c.Note = "before\x00after"
	if err := s.Save(context.Background(), c); !isField(err, slump.FieldNote) {
		t.Fatalf("Save(note with NUL) = %v, want a *slump.FieldError for note", err)
	}
	if n, _ := s.Count(context.Background()); n != 0 {
		t.Errorf("Count() = %d, want 0", n)
	}
}

// TestImportAllOrNothing makes the import transaction fail after half of
// the check-ins are written, in each way it can fail: the journal is left
// exactly as it was.
func TestImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	first := day(t, "2020-01-01")
	cs := importBatch(first, 2000)
	errInjected := errors.New("injected failure")
	tests := []struct {
		name  string
		setup func(t *testing.T, s *Store) context.Context
		want  func(error) bool
	}{
		{"injected failure", func(t *testing.T, s *Store) context.Context {
			s.afterImport = func(i int) error {
				if i == 1000 {
					return errInjected
				}
				return nil
			}
			return ctx
		}, func(err error) bool { return errors.Is(err, errInjected) }},
		{"context cancelled", func(t *testing.T, s *Store) context.Context {
			ctx, cancel := context.WithCancel(ctx)
			t.Cleanup(cancel)
			s.afterImport = func(i int) error {
				if i == 1000 {
					cancel()
				}
				return nil
			}
			return ctx
		}, func(err error) bool { return errors.Is(err, context.Canceled) }},
		{"disk full", func(t *testing.T, s *Store) context.Context {
			// The journal may not grow by more than a few pages: SQLite
			// returns SQLITE_FULL as it would on a full disk.
			pages := pragmaInt(t, s.db, "page_count")
			mustExec(t, s.db, fmt.Sprintf("PRAGMA max_page_count = %d", pages+5))
			return ctx
		}, func(err error) bool {
			return errors.Is(err, ErrDiskFull) && strings.Contains(err.Error(), "disk or journal full")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s := mustOpenPath(t, path)
			// Days the import replaces (0-99) and days it does not touch.
			if _, err := s.Import(ctx, cs[:100], false); err != nil {
				t.Fatal(err)
			}
			mustSave(t, s, checkin(first.AddDays(-10)))
			edited := append([]slump.Checkin(nil), cs...)
			for i := range 100 {
				edited[i].Note = "edited"
			}
			before := dump(t, s)
			ictx := tt.setup(t, s)
			res, err := s.Import(ictx, edited, true)
			if !tt.want(err) || res != (ImportResult{}) {
				t.Fatalf("Import = %+v, %v", res, err)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "nothing was imported") {
				t.Errorf("message %q should name the journal and say nothing was imported", err)
			}
			s.afterImport = nil
			if dump(t, s) != before {
				t.Fatal("the failed import changed the journal")
			}
			s.Close()
			// And as another laceup sees it, after the -wal file is folded in.
			s2 := mustOpenPath(t, path)
			if dump(t, s2) != before {
				t.Error("the failed import changed the journal on disk")
			}
			if res, err := s2.Import(ctx, edited, true); err != nil || res != (ImportResult{Added: 1900, Replaced: 100}) {
				t.Errorf("the same import afterwards = %+v, %v; want 1900 added, 100 replaced", res, err)
			}
		})
	}
}

func BenchmarkImport(b *testing.B) {
	cs := importBatch(benchToday.AddDays(-3649), 3650)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b)
		b.StartTimer()
		if res, err := s.Import(ctx, cs, false); err != nil || res.Added != 3650 {
			b.Fatal(res, err)
		}
	}
}
