package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// raceTimes returns the created_at and updated_at of the race of d.
func raceTimes(t *testing.T, s *Store, d string) (created, updated string) {
	t.Helper()
	if err := s.db.QueryRow(`SELECT created_at, updated_at FROM races WHERE date = ?`, d).Scan(&created, &updated); err != nil {
		t.Fatalf("race of %s: %v", d, err)
	}
	return created, updated
}

func TestRaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if rs, err := s.Races(ctx); err != nil || rs == nil || len(rs) != 0 {
		t.Fatalf("Races() of a new journal = %#v, %v; want an empty slice", rs, err)
	}
	at := time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC)
	s.now = fakeClock(&at)
	boston := slump.Race{Date: day(t, "2027-04-19"), Name: "Boston"}
	chicago := slump.Race{Date: day(t, "2026-10-11"), Name: "Chicago"} // past races too
	for _, r := range []slump.Race{boston, chicago, {Date: day(t, "2027-01-01")}} {
		if existed, err := s.AddRace(ctx, r); err != nil || existed {
			t.Fatalf("AddRace(%+v) = %v, %v; want a new race", r, existed, err)
		}
	}
	// Adding a day that has a race renames it: created_at is kept.
	at = at.Add(time.Hour)
	boston.Name = "Boston Marathon"
	if existed, err := s.AddRace(ctx, boston); err != nil || !existed {
		t.Fatalf("AddRace(the same day) = %v, %v; want it to exist", existed, err)
	}
	if created, updated := raceTimes(t, s, "2027-04-19"); created != "2026-11-25T07:30:00Z" || updated != "2026-11-25T08:30:00Z" {
		t.Errorf("renamed race: created_at %s, updated_at %s", created, updated)
	}
	want := []slump.Race{chicago, {Date: day(t, "2027-01-01")}, boston}
	if rs, err := s.Races(ctx); err != nil || !reflect.DeepEqual(rs, want) {
		t.Errorf("Races() = %+v, %v; want %+v, oldest first", rs, err, want)
	}

	got, ok, err := s.RemoveRace(ctx, chicago.Date)
	if err != nil || !ok || got != chicago {
		t.Fatalf("RemoveRace = %+v, %v, %v; want %+v", got, ok, err, chicago)
	}
	if got, ok, err := s.RemoveRace(ctx, chicago.Date); ok || err != nil || got != (slump.Race{}) {
		t.Errorf("RemoveRace(a day without a race) = %+v, %v, %v", got, ok, err)
	}
	if rs, _ := s.Races(ctx); !reflect.DeepEqual(rs, want[1:]) {
		t.Errorf("after removing: %+v", rs)
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("races wrote %d check-ins", n)
	}
}

// A bad race is refused with the *slump.FieldError itself, and nothing is
// written; the edges of the ranges are taken.
func TestAddRaceRefusesBadRaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	bad := []struct {
		name  string
		race  slump.Race
		field string
	}{
		{"no date", slump.Race{Name: "x"}, slump.FieldDate},
		{"before 1900", slump.Race{Date: slump.NewDate(1899, 12, 31)}, slump.FieldDate},
		{"81 characters", slump.Race{Date: day(t, "2027-04-19"), Name: strings.Repeat("a", 81)}, "name"},
		{"escape", slump.Race{Date: day(t, "2027-04-19"), Name: "Boston\x1b[2J"}, "name"},
		{"new line", slump.Race{Date: day(t, "2027-04-19"), Name: "Boston\nMarathon"}, "name"},
		{"NUL", slump.Race{Date: day(t, "2027-04-19"), Name: "Bos\x00ton"}, "name"},
		{"bidi", slump.Race{Date: day(t, "2027-04-19"), Name: "\u202enotsoB"}, "name"},
		{"bad UTF-8", slump.Race{Date: day(t, "2027-04-19"), Name: "Bost\xffon"}, "name"},
	}
	for _, tt := range bad {
		_, err := s.AddRace(ctx, tt.race)
		var fe *slump.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || err != error(fe) {
			t.Errorf("%s: AddRace = %v, want a bare *slump.FieldError for %s", tt.name, err, tt.field)
		}
	}
	if rs, _ := s.Races(ctx); len(rs) != 0 {
		t.Errorf("bad races were written: %+v", rs)
	}
	good := []slump.Race{
		{Date: slump.EarliestDay(), Name: strings.Repeat("a", 80)},
		{Date: slump.NewDate(9999, 12, 31), Name: strings.Repeat("é", 80)}, // 80 characters, 160 bytes
		{Date: day(t, "2027-04-19"), Name: "Île-de-France 10 km 🏃"},
	}
	for _, r := range good {
		if _, err := s.AddRace(ctx, r); err != nil {
			t.Errorf("AddRace(%q) = %v", r.Name, err)
		}
	}
	if rs, _ := s.Races(ctx); len(rs) != len(good) || rs[2] != good[1] {
		t.Errorf("Races() = %+v", rs)
	}
}

// The table holds only what a race allows, even written from the shell.
func TestRacesTableChecks(t *testing.T) {
	s := mustOpen(t)
	const insert = `INSERT INTO races (date, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')`
	for _, tt := range []struct {
		date string
		name any
	}{
		{"2027-02-30", "x"}, {"2027-4-19", "x"}, {"2027-04-19", nil}, {"2027-04-19", strings.Repeat("a", 81)},
		{"2027-04-19", []byte("a blob")},
	} {
		if _, err := s.db.Exec(insert, tt.date, tt.name); err == nil {
			t.Errorf("inserted %q, %v; want a constraint error", tt.date, tt.name)
		}
	}
	mustExec(t, s.db, insert, "2027-04-19", strings.Repeat("é", 80))
}

// Snapshot reads the races from the start of the day's window on, oldest
// first, in the same transaction as the check-ins; the meter takes the
// next race from them.
func TestSnapshotRaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-11-25")
	from, _ := slump.Window(d)
	mustSave(t, s, checkin(d))
	races := []slump.Race{
		{Date: from.AddDays(-1), Name: "too early"},
		{Date: from, Name: "window start"},
		{Date: d.AddDays(-3), Name: "just run"},
		{Date: d.AddDays(12), Name: "Boston"},
		{Date: d.AddDays(200), Name: "later"},
	}
	for _, r := range races {
		if _, err := s.AddRace(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := s.Snapshot(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snap.Races, races[1:]) {
		t.Errorf("Snapshot.Races = %+v, want %+v", snap.Races, races[1:])
	}
	next := slump.NewMeter(slump.DefaultConfig()).ReadingOf(snap).NextRace
	if next == nil || next.Race != races[3] || next.DaysToGo != 12 {
		t.Errorf("NextRace = %+v, want Boston in 12 days", next)
	}
	// On race day the race is the next one, 0 days to go.
	snap, _ = s.Snapshot(ctx, d.AddDays(12))
	if next := slump.NewMeter(slump.DefaultConfig()).ReadingOf(snap).NextRace; next == nil || next.DaysToGo != 0 || next.Name != "Boston" {
		t.Errorf("NextRace on race day = %+v", next)
	}
}

// A journal of schema version 2 (before races) opens as it is and is
// migrated: its check-ins keep every answer, and it has no race until one
// is added.
func TestMigrateFromVersion2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "journal.db")
	raw := rawDB(t, path)
	mustExec(t, raw, migrations()[0].sql)
	mustExec(t, raw, migrations()[1].sql)
	mustExec(t, raw, "PRAGMA user_version = 2")
	mustExec(t, raw, `INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at, legs, day_type)
		VALUES ('2026-03-13', 4, 3, 7.5, 6, 45, 4, 'old day', '2026-03-13T07:00:00Z', '2026-03-13T07:00:00Z', 2, 'race')`)
	mustExec(t, raw, "PRAGMA journal_mode = WAL")
	raw.Close()

	s := mustOpenPath(t, path)
	if v := pragmaInt(t, s.db, "user_version"); v != int64(SchemaVersion()) || SchemaVersion() != 8 {
		t.Fatalf("user_version = %d after Open, schema version %d", v, SchemaVersion())
	}
	old, ok, err := s.Get(ctx, day(t, "2026-03-13"))
	want := checkin(day(t, "2026-03-13"))
	want.Note, want.Legs, want.DayType = "old day", slump.Int(2), slump.DayRace
	if err != nil || !ok || !equal(old, want) {
		t.Errorf("the old day reads %+v, %v, %v; want %+v", old, ok, err, want)
	}
	if rs, err := s.Races(ctx); err != nil || len(rs) != 0 {
		t.Errorf("Races() = %+v, %v; want none", rs, err)
	}
	if _, err := s.AddRace(ctx, slump.Race{Date: day(t, "2027-04-19"), Name: "Boston"}); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, day(t, "2027-04-01"))
	if err != nil || len(snap.Races) != 1 {
		t.Errorf("Snapshot after migrating = %+v, %v", snap.Races, err)
	}
}
