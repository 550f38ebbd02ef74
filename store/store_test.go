package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/laceup/laceup/slump"
)

// mustOpen opens a new journal in a temporary folder and closes it when the
// test ends.
func mustOpen(t testing.TB) *Store {
	t.Helper()
	return mustOpenPath(t, filepath.Join(t.TempDir(), "laceup", "journal.db"))
}

// mustOpenPath opens the journal at path and closes it when the test ends.
func mustOpenPath(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// mustSave saves c or fails the test.
func mustSave(t testing.TB, s *Store, c slump.Checkin) {
	t.Helper()
	if err := s.Save(context.Background(), c); err != nil {
		t.Fatalf("Save(%s): %v", c.Date, err)
	}
}

// rawDB opens path with the driver directly, as another program would:
// no pragmas, no migrations. It is closed when the test ends.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", uri(path))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t testing.TB, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func pragmaInt(t testing.TB, db *sql.DB, name string) int64 {
	t.Helper()
	var v int64
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// hashFile returns the SHA-256 of the file's bytes.
func hashFile(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func day(t testing.TB, s string) slump.Date {
	t.Helper()
	d, err := slump.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkin returns a valid check-in of day d with every field set.
func checkin(d slump.Date) slump.Checkin {
	return slump.Checkin{
		Date: d, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6,
		Minutes: slump.Int(45), SleepQuality: slump.Int(4), Note: "easy 8k",
	}
}

// fakeClock returns a clock for Store.now that reads *at.
func fakeClock(at *time.Time) func() time.Time { return func() time.Time { return *at } }

// equal compares check-ins by value, following the optional pointers.
func equal(a, b slump.Checkin) bool {
	eqp := func(x, y *int) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return a.Date == b.Date && a.Mood == b.Mood && a.Motivation == b.Motivation &&
		a.SleepHours == b.SleepHours && a.Effort == b.Effort && a.Note == b.Note &&
		eqp(a.Minutes, b.Minutes) && eqp(a.SleepQuality, b.SleepQuality) && eqp(a.Legs, b.Legs) && a.DayType == b.DayType
}

func TestOpenMigrates(t *testing.T) {
	s := mustOpen(t)
	if !filepath.IsAbs(s.Path()) || filepath.Base(s.Path()) != "journal.db" {
		t.Errorf("Path() = %q, want an absolute path ending in journal.db", s.Path())
	}
	ctx := context.Background()
	if got := pragmaInt(t, s.db, "user_version"); got != int64(SchemaVersion()) {
		t.Errorf("user_version = %d, want %d", got, SchemaVersion())
	}
	if got := pragmaInt(t, s.db, "application_id"); got != applicationID {
		t.Errorf("application_id = %#x, want %#x", got, applicationID)
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	for name, want := range map[string]int64{"busy_timeout": 5000, "synchronous": 1} {
		if got := pragmaInt(t, s.db, name); got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Errorf("Count() = %d, %v; want 0, nil", n, err)
	}
}

// No table has a foreign key, so connections do not set foreign_keys (see
// pragmas): a migration that adds one must set it, and this test says so.
func TestNoForeignKeys(t *testing.T) {
	s := mustOpen(t)
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema t, pragma_foreign_key_list(t.name) WHERE t.type = 'table'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d foreign keys in the schema: set _pragma=foreign_keys(1) in pragmas for them to be enforced", n)
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	ctx := context.Background()
	d := day(t, "2026-03-14")
	for i := range 3 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		if i == 0 {
			mustSave(t, s, checkin(d))
		}
		if n, err := s.Count(ctx); err != nil || n != 1 {
			t.Errorf("Open #%d: Count() = %d, %v; want 1", i+1, n, err)
		}
		if v := pragmaInt(t, s.db, "user_version"); v != int64(SchemaVersion()) {
			t.Errorf("Open #%d: user_version = %d", i+1, v)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenConcurrently(t *testing.T) {
	// Several laceups opening the same new journal at once: each migration
	// runs once, in a BEGIN IMMEDIATE transaction, and every Open succeeds.
	path := filepath.Join(t.TempDir(), "journal.db")
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), path)
			if err == nil {
				err = s.Save(context.Background(), checkin(day(t, "2026-03-14")))
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open #%d: %v", i, err)
		}
	}
	if v := pragmaInt(t, rawDB(t, path), "user_version"); v != int64(SchemaVersion()) {
		t.Errorf("user_version = %d", v)
	}
}

func TestSaveUpsert(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 14, 7, 5, 0, 0, time.FixedZone("CET", 3600))
	s.now = fakeClock(&at)

	d := day(t, "2026-03-14")
	first := checkin(d)
	mustSave(t, s, first)

	at = at.Add(90 * time.Minute)
	edit := slump.Checkin{Date: d, Mood: 2, Motivation: 1, SleepHours: 5.25, Effort: 9, Note: "legs heavy"}
	mustSave(t, s, edit)

	got, ok, err := s.Get(ctx, d)
	if err != nil || !ok {
		t.Fatalf("Get = %v, %v", ok, err)
	}
	if !equal(got, edit) {
		t.Errorf("Get = %+v, want the edit %+v", got, edit)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count() = %d after editing one day, want 1", n)
	}
	var created, updated string
	err = s.db.QueryRowContext(ctx, "SELECT created_at, updated_at FROM checkins WHERE date = ?", "2026-03-14").
		Scan(&created, &updated)
	if err != nil {
		t.Fatal(err)
	}
	if created != "2026-03-14T06:05:00Z" || updated != "2026-03-14T07:35:00Z" {
		t.Errorf("created_at, updated_at = %s, %s; want 2026-03-14T06:05:00Z, 2026-03-14T07:35:00Z", created, updated)
	}
}

func TestGetMissing(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	c, ok, err := s.Get(context.Background(), day(t, "2026-03-13"))
	if err != nil || ok || !equal(c, slump.Checkin{}) {
		t.Errorf("Get(missing day) = %+v, %v, %v; want zero, false, nil", c, ok, err)
	}
	if _, _, err := s.Get(context.Background(), slump.Date{}); !isField(err, slump.FieldDate) {
		t.Errorf("Get(zero date) err = %v, want a date FieldError", err)
	}
}

func TestRange(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	// Saved out of order; some with the optional fields left out.
	days := map[string]slump.Checkin{}
	for i, ds := range []string{"2026-03-05", "2026-03-01", "2026-03-04", "2026-03-02", "2026-02-28", "2026-03-08"} {
		c := checkin(day(t, ds))
		if i%2 == 0 {
			c.Minutes, c.SleepQuality, c.Note = nil, nil, ""
		}
		c.Mood = 1 + i%5
		days[ds] = c
		mustSave(t, s, c)
	}
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2026-03-01", "2026-03-05", []string{"2026-03-01", "2026-03-02", "2026-03-04", "2026-03-05"}},
		{"2026-03-02", "2026-03-04", []string{"2026-03-02", "2026-03-04"}},
		{"2026-03-03", "2026-03-03", nil},
		{"2026-03-04", "2026-03-04", []string{"2026-03-04"}},
		{"2026-02-01", "2026-12-31", []string{"2026-02-28", "2026-03-01", "2026-03-02", "2026-03-04", "2026-03-05", "2026-03-08"}},
		{"2026-03-05", "2026-03-01", nil}, // from after to
		{"2025-01-01", "2025-12-31", nil},
	}
	for _, tt := range tests {
		got, err := s.Range(ctx, day(t, tt.from), day(t, tt.to))
		if err != nil {
			t.Fatalf("Range(%s, %s): %v", tt.from, tt.to, err)
		}
		if got == nil {
			t.Errorf("Range(%s, %s) = nil, want an empty slice", tt.from, tt.to)
		}
		var dates []string
		for i, c := range got {
			dates = append(dates, c.Date.String())
			if want := days[c.Date.String()]; !equal(c, want) {
				t.Errorf("Range(%s, %s)[%d] = %+v, want %+v", tt.from, tt.to, i, c, want)
			}
		}
		if strings.Join(dates, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Range(%s, %s) dates = %v, want %v", tt.from, tt.to, dates, tt.want)
		}
	}
	if _, err := s.Range(ctx, slump.Date{}, day(t, "2026-03-01")); !isField(err, slump.FieldDate) {
		t.Errorf("Range(zero, d) err = %v, want a date FieldError", err)
	}
}

func TestRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	notes := []string{
		"",
		"plain",
		"Ünïcödé — 走る 🏃‍♀️ ok",
		"line one\nline two\n\ttabbed",
		`it's "quoted" \ back\slash %d %s ? # ;`,
		"Robert'); DROP TABLE checkins;--",
		strings.Repeat("é", slump.MaxNoteRunes),
	}
	d := day(t, "2026-01-01")
	var want []slump.Checkin
	for i, note := range notes {
		c := checkin(d.AddDays(i))
		c.Note = note
		c.SleepHours = []float64{0, 24, 7.25, 6.33, 8, 0.01, 12.5}[i]
		c.Effort = i % 11
		if i%3 == 0 {
			c.Minutes = nil
		}
		if i%2 == 0 {
			c.SleepQuality = nil
		}
		mustSave(t, s, c)
		want = append(want, c)
	}
	got, err := s.Range(ctx, d, d.AddDays(len(notes)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("Range returned %d check-ins, want %d", len(got), len(want))
	}
	for i := range want {
		if !equal(got[i], want[i]) {
			t.Errorf("round trip %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// Whole hours are still REAL, blank optional fields NULL, an empty note ''.
	var typ string
	var minutesNull, noteEmpty bool
	err = s.db.QueryRowContext(ctx,
		"SELECT typeof(sleep_hours), minutes IS NULL, note = '' FROM checkins WHERE date = '2026-01-01'").
		Scan(&typ, &minutesNull, &noteEmpty)
	if err != nil || typ != "real" || !minutesNull || !noteEmpty {
		t.Errorf("stored: typeof(sleep_hours) = %q, minutes IS NULL = %v, note = '' %v, %v; want real, true, true",
			typ, minutesNull, noteEmpty, err)
	}
}

func isField(err error, field string) bool {
	var fe *slump.FieldError
	return errors.As(err, &fe) && fe.Field == field
}

func TestSaveInvalid(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	d := day(t, "2026-03-14")
	saved := checkin(d)
	mustSave(t, s, saved)
	var before string
	if err := s.db.QueryRow("SELECT updated_at FROM checkins").Scan(&before); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	s.now = fakeClock(&later)

	tests := []struct {
		field string
		edit  func(*slump.Checkin)
	}{
		{slump.FieldDate, func(c *slump.Checkin) { c.Date = slump.Date{} }},
		{slump.FieldMood, func(c *slump.Checkin) { c.Mood = 0 }},
		{slump.FieldMood, func(c *slump.Checkin) { c.Mood = 6 }},
		{slump.FieldMotivation, func(c *slump.Checkin) { c.Motivation = 6 }},
		{slump.FieldSleepHours, func(c *slump.Checkin) { c.SleepHours = -0.5 }},
		{slump.FieldSleepHours, func(c *slump.Checkin) { c.SleepHours = 24.01 }},
		{slump.FieldSleepHours, func(c *slump.Checkin) { c.SleepHours = math.NaN() }},
		{slump.FieldEffort, func(c *slump.Checkin) { c.Effort = 11 }},
		{slump.FieldMinutes, func(c *slump.Checkin) { c.Minutes = slump.Int(1441) }},
		{slump.FieldMinutes, func(c *slump.Checkin) { c.Minutes = slump.Int(-1) }},
		{slump.FieldSleepQuality, func(c *slump.Checkin) { c.SleepQuality = slump.Int(0) }},
		{slump.FieldNote, func(c *slump.Checkin) { c.Note = strings.Repeat("x", slump.MaxNoteRunes+1) }},
		{slump.FieldNote, func(c *slump.Checkin) { c.Note = "bad \xff utf-8" }},
	}
	for _, tt := range tests {
		c := saved
		c.Mood = 1 // a valid change, which must not be written either
		tt.edit(&c)
		err := s.Save(ctx, c)
		if !isField(err, tt.field) {
			t.Errorf("Save(bad %s) = %v, want a *slump.FieldError for %s", tt.field, err, tt.field)
		}
		// The same invalid answers on a new day.
		c.Date = d.AddDays(-1)
		tt.edit(&c)
		if err := s.Save(ctx, c); !isField(err, tt.field) {
			t.Errorf("Save(bad %s, new day) = %v, want a *slump.FieldError", tt.field, err)
		}
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count() = %d after invalid saves, want 1", n)
	}
	got, _, _ := s.Get(ctx, d)
	if !equal(got, saved) {
		t.Errorf("after invalid saves Get = %+v, want %+v", got, saved)
	}
	var after string
	if err := s.db.QueryRow("SELECT updated_at FROM checkins").Scan(&after); err != nil || after != before {
		t.Errorf("updated_at changed from %s to %s (%v)", before, after, err)
	}
}

func TestFutureDateIsCallersJob(t *testing.T) {
	// Save validates ranges only: whether a day is in the future depends on
	// the caller's today.
	s := mustOpen(t)
	d := slump.DateOf(time.Now()).AddDays(3)
	mustSave(t, s, checkin(d))
}

func TestSchemaChecks(t *testing.T) {
	// The CHECK constraints hold rows written by hand, e.g. in the shell.
	s := mustOpen(t)
	const insert = `INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at)
		VALUES (?, ?, 3, ?, 5, ?, NULL, '', 'x', 'x')`
	if _, err := s.db.Exec(insert, "2026-03-14", 3, 7.5, 30); err != nil {
		t.Fatalf("a good row: %v", err)
	}
	bad := []struct {
		name    string
		date    any
		mood    any
		sleep   any
		minutes any
	}{
		{"impossible day", "2026-02-30", 3, 7, nil},
		{"short date", "2026-3-14", 3, 7, nil},
		{"date with time", "2026-03-15T00:00", 3, 7, nil},
		{"mood 6", "2026-03-16", 6, 7, nil},
		{"mood as text", "2026-03-16", "three", 7, nil},
		{"sleep 25", "2026-03-16", 3, 25, nil},
		{"minutes 1441", "2026-03-16", 3, 7, 1441},
		{"null mood", "2026-03-16", nil, 7, nil},
	}
	for _, tt := range bad {
		if _, err := s.db.Exec(insert, tt.date, tt.mood, tt.sleep, tt.minutes); err == nil {
			t.Errorf("%s: inserted, want a constraint error", tt.name)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s := mustOpenPath(t, path)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	s.Close()
	raw := rawDB(t, path)
	mustExec(t, raw, "PRAGMA user_version = 99")
	raw.Close()
	before := hashFile(t, path)

	_, err := Open(context.Background(), path)
	var tooNew *SchemaTooNewError
	if !errors.As(err, &tooNew) || !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want a *SchemaTooNewError", err)
	}
	if tooNew.Path != path || tooNew.Have != 99 || tooNew.Want != SchemaVersion() {
		t.Errorf("error = %+v", tooNew)
	}
	want := fmt.Sprintf("journal %s was written by a newer laceup (schema version 99; this laceup knows up to %d): upgrade laceup to open it", path, SchemaVersion())
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	if hashFile(t, path) != before {
		t.Error("the refused journal's bytes changed")
	}
	assertNoSidecars(t, path)
}

func TestNewerSchemaInWALRefused(t *testing.T) {
	// The newer version is committed in the -wal file only (another laceup
	// has the journal open), so the file header still says version 1:
	// migrate's check inside its transaction refuses it.
	path := filepath.Join(t.TempDir(), "journal.db")
	s := mustOpenPath(t, path)
	s.Close()
	raw := rawDB(t, path)
	mustExec(t, raw, "PRAGMA wal_autocheckpoint = 0")
	mustExec(t, raw, "PRAGMA user_version = 99")
	before := hashFile(t, path)

	_, err := Open(context.Background(), path)
	var tooNew *SchemaTooNewError
	if !errors.As(err, &tooNew) || tooNew.Have != 99 {
		t.Fatalf("Open = %v, want a *SchemaTooNewError with Have 99", err)
	}
	if hashFile(t, path) != before {
		t.Error("the refused journal's bytes changed")
	}
}

// assertNoSidecars fails if SQLite left -wal, -shm or -journal files.
func assertNoSidecars(t testing.TB, path string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s exists", filepath.Base(path+suffix))
		}
	}
}

// assertNotJournal checks that Open refuses path with a *NotJournalError
// whose message names the file and contains reason, and that the file's
// bytes are unchanged.
func assertNotJournal(t *testing.T, path, reason string) {
	t.Helper()
	var before [32]byte
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	regular := fi.Mode().IsRegular()
	if regular {
		before = hashFile(t, path)
	}
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded, want a *NotJournalError", filepath.Base(path))
	}
	var nj *NotJournalError
	if !errors.As(err, &nj) || !errors.Is(err, ErrNotJournal) || nj.Path != path {
		t.Errorf("Open = %#v, want a *NotJournalError for %s", err, path)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, reason) {
		t.Errorf("message %q should name %s and say %q", msg, path, reason)
	}
	if regular && hashFile(t, path) != before {
		t.Error("the refused file's bytes changed")
	}
}

func TestNotSQLiteRefused(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"notes.txt":  "my runs\n2026-03-14 easy 8k\n",
		"short.db":   "SQLite format 3",
		"zeros.db":   strings.Repeat("\x00", 4096),
		"almost.db":  "SQLite format 4\x00" + strings.Repeat("\x00", 4080),
		"journal.db": "{\"checkins\": []}\n",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			assertNotJournal(t, path, "it is not a SQLite database")
			assertNoSidecars(t, path)
		})
	}
}

func TestForeignSQLiteRefused(t *testing.T) {
	tests := []struct {
		name   string
		setup  []string
		reason string
	}{
		{"other tables", []string{"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
			"INSERT INTO notes (body) VALUES ('keep me')"}, "with other tables (notes)"},
		{"other tables in WAL", []string{"PRAGMA journal_mode = WAL", "CREATE TABLE a (x)", "CREATE TABLE b (x)",
			"CREATE INDEX a_x ON a (x)", "CREATE TABLE c (x)", "CREATE VIEW v AS SELECT 1"}, "(a, a_x, b and 2 more)"},
		{"someone else's checkins", []string{"CREATE TABLE checkins (id INTEGER)"}, "other tables (checkins)"},
		{"other application_id", []string{"PRAGMA application_id = 42", "CREATE TABLE t (x)"}, "application_id 0x2a"},
		{"application_id only", []string{"PRAGMA application_id = 42"}, "application_id 0x2a"},
		{"user_version only", []string{"PRAGMA user_version = 3"}, "user_version 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			raw := rawDB(t, path)
			for _, q := range tt.setup {
				mustExec(t, raw, q)
			}
			raw.Close()
			assertNotJournal(t, path, tt.reason)
			assertNoSidecars(t, path)
			var n int
			if err := rawDB(t, path).QueryRow(
				"SELECT count(*) FROM sqlite_schema WHERE name = 'checkins' AND sql LIKE '%mood%'").Scan(&n); err != nil || n != 0 {
				t.Errorf("laceup's table was added (%d, %v)", n, err)
			}
		})
	}
}

func TestEmptyFilesAccepted(t *testing.T) {
	t.Run("empty file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		mustSave(t, mustOpenPath(t, path), checkin(day(t, "2026-03-14")))
	})
	t.Run("empty SQLite database", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		raw := rawDB(t, path)
		mustExec(t, raw, "CREATE TABLE scratch (x)")
		mustExec(t, raw, "DROP TABLE scratch")
		raw.Close()
		mustSave(t, mustOpenPath(t, path), checkin(day(t, "2026-03-14")))
	})
}

func TestFolderRefused(t *testing.T) {
	dir := t.TempDir()
	assertNotJournal(t, dir, "it is a folder, not a file")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Open wrote into the folder: %v", entries)
	}
}

func TestUnusablePaths(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(file, "journal.db"), ""} {
		_, err := Open(context.Background(), path)
		if err == nil {
			t.Errorf("Open(%q) succeeded", path)
			continue
		}
		if !strings.Contains(err.Error(), "journal "+path) {
			t.Errorf("Open(%q) = %q, want the path named", path, err)
		}
	}
}

func TestSpecialCharactersInPath(t *testing.T) {
	// Unescaped, '?' would start the URI query and '#' its fragment, and
	// SQLite would open a file at a shorter path.
	root := t.TempDir()
	dir := filepath.Join(root, "my runs #1 ?x=1&y%20 'q'")
	path := filepath.Join(dir, "journal 100%.db")
	s := mustOpenPath(t, path)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("journal not at its path: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "journal 100%.db") {
			t.Errorf("stray file %q beside the journal", e.Name())
		}
	}
	s.Close()
	if top, _ := os.ReadDir(root); len(top) != 1 {
		t.Errorf("files beside the journal's folder: %v", top)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("SQLite did not write the journal at its path (%v)", err)
	}
	s2 := mustOpenPath(t, path)
	if n, err := s2.Count(context.Background()); err != nil || n != 1 {
		t.Errorf("reopened Count() = %d, %v; want 1", n, err)
	}
}

func TestRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	s := mustOpenPath(t, filepath.Join("sub", "journal.db"))
	if !filepath.IsAbs(s.Path()) {
		t.Errorf("Path() = %q, want absolute", s.Path())
	}
	if _, err := os.Stat(filepath.Join("sub", "journal.db")); err != nil {
		t.Error(err)
	}
}

func TestURI(t *testing.T) {
	tests := map[string]string{
		"/home/ann/.local/share/laceup/journal.db": "file:///home/ann/.local/share/laceup/journal.db",
		"/tmp/a b/#1?/100%.db":                     "file:///tmp/a b/%231%3F/100%25.db",
	}
	for path, want := range tests {
		if got := uri(path); got != want {
			t.Errorf("uri(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestSQLiteShellReadsJournal(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("no sqlite3 shell")
	}
	path := filepath.Join(t.TempDir(), "journal.db")
	s := mustOpenPath(t, path)
	c := checkin(day(t, "2026-03-14"))
	c.Note = "it's fine"
	mustSave(t, s, c)
	mustSave(t, s, slump.Checkin{Date: day(t, "2026-03-15"), Mood: 2, Motivation: 2, SleepHours: 8, Effort: 0})
	s.Close()
	out, err := exec.Command(sqlite3, "-readonly", path,
		"SELECT date, mood, sleep_hours, typeof(sleep_hours), ifnull(minutes, '-'), note FROM checkins ORDER BY date").
		CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	want := "2026-03-14|4|7.5|real|45|it's fine\n2026-03-15|2|8.0|real|-|\n"
	if string(out) != want {
		t.Errorf("sqlite3 printed:\n%s\nwant:\n%s", out, want)
	}
}

func TestLoadMigrations(t *testing.T) {
	ms, err := loadMigrations(migrationFS)
	if err != nil || len(ms) != SchemaVersion() || ms[0].name != "0001_checkins.sql" {
		t.Fatalf("loadMigrations(embedded) = %v, %v", ms, err)
	}
	bad := map[string]fstest.MapFS{
		"gap":       {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"no number": {"migrations/first.sql": {}},
		"none":      {},
	}
	for name, fsys := range bad {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func BenchmarkRange(b *testing.B) {
	s := mustOpen(b)
	ctx := context.Background()
	last := slump.NewDate(2026, 3, 14)
	first := last.AddDays(-3649) // ten years, a check-in every day
	for d := first; !d.After(last); d = d.AddDays(1) {
		c := checkin(d)
		c.Mood = 1 + d.DaysSince(first)%5
		mustSave(b, s, c)
	}
	if n, _ := s.Count(ctx); n != 3650 {
		b.Fatalf("Count() = %d", n)
	}
	for _, days := range []int{7, 28} {
		b.Run(strconv.Itoa(days)+"days", func(b *testing.B) {
			from := last.AddDays(-days - 400) // a week in the middle
			to := from.AddDays(days - 1)
			for b.Loop() {
				cs, err := s.Range(ctx, from, to)
				if err != nil || len(cs) != days {
					b.Fatalf("Range = %d, %v", len(cs), err)
				}
			}
		})
	}
}

// A journal of schema version 1, from before legs and day_type, opens as
// it is and is migrated: its days keep every answer, with no legs answer
// and a normal day; new days take both, and races can be added.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	raw := rawDB(t, path)
	mustExec(t, raw, migrations()[0].sql)
	mustExec(t, raw, "PRAGMA user_version = 1")
	mustExec(t, raw, `INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at)
		VALUES ('2026-03-13', 4, 3, 7.5, 6, 45, 4, 'old day', '2026-03-13T07:00:00Z', '2026-03-13T07:00:00Z')`)
	mustExec(t, raw, "PRAGMA journal_mode = WAL")
	raw.Close()

	s := mustOpenPath(t, path)
	if v := pragmaInt(t, s.db, "user_version"); v != int64(SchemaVersion()) || SchemaVersion() != 8 {
		t.Fatalf("user_version = %d after Open, schema version %d", v, SchemaVersion())
	}
	old, ok, err := s.Get(ctx, day(t, "2026-03-13"))
	want := checkin(day(t, "2026-03-13"))
	want.Note = "old day"
	if err != nil || !ok || !equal(old, want) || old.Legs != nil || old.DayType != "" {
		t.Errorf("the old day reads %+v, %v, %v; want %+v", old, ok, err, want)
	}
	c := checkin(day(t, "2026-03-14"))
	c.Legs, c.DayType = slump.Int(2), slump.DaySick
	mustSave(t, s, c)
	if got, _, _ := s.Get(ctx, c.Date); got.Legs == nil || *got.Legs != 2 || got.DayType != slump.DaySick {
		t.Errorf("a new day reads %+v", got)
	}
	// The columns hold only what the answers allow, even from the shell.
	for _, bad := range []string{"UPDATE checkins SET legs = 6", "UPDATE checkins SET day_type = 'flu'", "UPDATE checkins SET day_type = NULL"} {
		if _, err := s.db.Exec(bad); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	if _, err := s.AddRace(ctx, slump.Race{Date: day(t, "2027-04-19"), Name: "Boston"}); err != nil {
		t.Errorf("AddRace after migrating from version 1: %v", err)
	}
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c := checkin(day(t, "2026-03-14"))
	c.Note = "tempo\nwith a line"
	mustSave(t, s, c)
	mustSave(t, s, checkin(day(t, "2026-03-15")))
	got, ok, err := s.Delete(ctx, c.Date)
	if err != nil || !ok || !equal(got, c) {
		t.Fatalf("Delete = %+v, %v, %v; want the saved check-in", got, ok, err)
	}
	if _, ok, _ := s.Get(ctx, c.Date); ok {
		t.Error("the day is still there")
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count() = %d, want 1: only that day is gone", n)
	}
	before := dump(t, s)
	if _, ok, err := s.Delete(ctx, c.Date); ok || err != nil {
		t.Errorf("Delete(a day with no check-in) = %v, %v", ok, err)
	}
	if dump(t, s) != before {
		t.Error("deleting a day with no check-in changed the journal")
	}
}

// The schema version, counted from the migrations' names, is the number
// of migrations read.
func TestSchemaVersionCountsMigrations(t *testing.T) {
	if SchemaVersion() != len(migrations()) || SchemaVersion() < 7 {
		t.Errorf("SchemaVersion() = %d, %d migrations", SchemaVersion(), len(migrations()))
	}
}
