package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// wholeLoads returns the loads of every check-in of the journal, with
// their sessions: the series from the first check-in, read without the
// states.
func wholeLoads(t *testing.T, s *Store) []slump.Load {
	t.Helper()
	all, err := s.Range(context.Background(), slump.EarliestDay(), slump.NewDate(2100, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	return slump.LoadsOf(all)
}

// storedStates returns the load states in the journal, oldest first.
func storedStates(t *testing.T, s *Store) []slump.LoadState {
	t.Helper()
	rows, err := s.db.Query(`SELECT day FROM load_states WHERE model = ? ORDER BY day`, slump.LoadModel)
	if err != nil {
		t.Fatal(err)
	}
	var days []slump.Date
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		days = append(days, day(t, d))
	}
	rows.Close()
	var out []slump.LoadState
	for _, d := range days {
		st, err := loadStateBefore(context.Background(), s.db, d.AddDays(1))
		if err != nil || st == nil || st.Day != d {
			t.Fatalf("state of %s reads %+v, %v", d, st, err)
		}
		out = append(out, *st)
	}
	return out
}

// Every write keeps the load model's states true to the journal: after any
// mix of check-ins saved, edited, deleted and imported, sessions imported
// and removed (some recorded twice, across midnight), and days passing,
// each state is the one computed from the first check-in, there is one for
// every Sunday from the journal's 7th day to yesterday, and the meter of
// any day reads as it does from the whole journal's loads. The triggers
// of migration 0008 remove the states a change reaches; keepLoadStates
// adds the missing ones.
func TestLoadStatesKeptThroughEveryWrite(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(17, 19))
	first := day(t, "2026-01-01")
	now := time.Date(2026, 2, 1, 20, 0, 0, 0, time.UTC)
	s := mustOpen(t)
	s.SetClock(fakeClock(&now))
	m := slump.NewMeter(slump.DefaultConfig())
	ids := 0
	for step := range 300 {
		today := slump.DateOf(now)
		d := first.AddDays(rng.IntN(max(1, today.DaysSince(first)+1)))
		switch rng.IntN(9) {
		case 0, 1, 2:
			c := checkin(d)
			c.Effort = rng.IntN(11)
			if rng.IntN(4) == 0 {
				c.Minutes = nil
			} else {
				c.Minutes = slump.Int(rng.IntN(150))
			}
			mustSave(t, s, c)
		case 3:
			if _, _, err := s.Delete(ctx, d); err != nil {
				t.Fatal(err)
			}
		case 4:
			batch := importBatch(d, 1+rng.IntN(6))
			for i := range batch {
				if batch[i].Date.After(today) {
					batch = batch[:i]
					break
				}
			}
			if _, err := s.Import(ctx, batch, rng.IntN(2) == 0); err != nil {
				t.Fatal(err)
			}
		case 5, 6:
			// A session, and sometimes its copy from another source a
			// minute later.
			start := d.Time().Add(time.Duration(rng.IntN(24*60)) * time.Minute)
			var as []activity.Activity
			for k, src := range []string{activity.SourceFIT, activity.SourceStrava}[:1+rng.IntN(2)] {
				ids++
				// Each dated in a zone of its own, UTC-12 to UTC+14: copies
				// up to 2 days apart (slump.CopyDays).
				begin := start.Add(time.Duration(k) * time.Minute)
				zone := time.Duration(rng.IntN(27)-12) * time.Hour
				a := session(fmt.Sprint(ids), slump.DateOf(begin.Add(zone)), slump.Int(1+rng.IntN(10)), float64(10+rng.IntN(90)))
				a.Source, a.Start = src, begin
				as = append(as, a)
			}
			if _, _, err := s.ImportRecordings(ctx, as, nil); err != nil {
				t.Fatal(err)
			}
		case 7:
			if _, err := s.RemoveActivities(ctx, d, d.AddDays(rng.IntN(3)), "", ""); err != nil {
				t.Fatal(err)
			}
		case 8:
			now = now.Add(time.Duration(1+rng.IntN(4)) * 24 * time.Hour)
			if _, err := s.AddRace(ctx, slump.Race{Date: today, Name: "parkrun"}); err != nil { // a write that changes no load
				t.Fatal(err)
			}
		}
		if step%15 != 14 {
			continue
		}
		today = slump.DateOf(now)
		loads := wholeLoads(t, s)
		states := storedStates(t, s)
		for _, st := range states {
			want := slump.LoadStates(loads, st.Day, func(d slump.Date) bool { return d == st.Day })
			if len(want) != 1 || want[0] != st {
				t.Fatalf("step %d: the stored state of %s is %+v, from the whole journal %+v", step, st.Day, st, want)
			}
		}
		var sundays []slump.Date
		if len(loads) > 0 {
			for d := loads[0].Date.AddDays(6); d.Before(today); d = d.AddDays(1) {
				if d.Time().Weekday() == time.Sunday {
					sundays = append(sundays, d)
				}
			}
		}
		var have []slump.Date
		for _, st := range states {
			have = append(have, st.Day)
		}
		if !reflect.DeepEqual(have, sundays) {
			t.Fatalf("step %d, today %s: states of %v, want every Sunday from the 7th day to yesterday: %v", step, today, have, sundays)
		}
		for _, at := range []slump.Date{today, today.AddDays(-1), first.AddDays(75), first.AddDays(40)} {
			snap, err := s.Snapshot(ctx, at)
			if err != nil {
				t.Fatal(err)
			}
			from, to := slump.Window(at)
			window, err := s.Range(ctx, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := m.ReadingOf(snap), m.ReadingOf(slump.Snapshot{Day: at, Checkins: window, Loads: loads, Races: snap.Races}); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d, meter of %s (loads from %+v): got\n%+v\nfrom the whole journal\n%+v", step, at, snap.Loads[:min(1, len(snap.Loads))], got, want)
			}
			// And the series the history, trends and year screens read.
			series, err := s.Loads(ctx, at.AddDays(-20), at)
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.Period(ctx, at.AddDays(-20), at)
			if err != nil {
				t.Fatal(err)
			}
			want := m.Readings(p.Checkins, loads, at.AddDays(-20), at)
			if got := m.Readings(p.Checkins, series, at.AddDays(-20), at); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d, readings of 21 days to %s from Loads differ from the whole journal's", step, at)
			}
			if got := m.Readings(p.Checkins, p.Loads, at.AddDays(-20), at); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d, readings of 21 days to %s from Period differ from the whole journal's", step, at)
			}
		}
	}
	if len(storedStates(t, s)) < 5 {
		t.Error("too few states were kept to test them")
	}
}

// A journal from before the states gets them with laceup's first write
// (until then the meter reads the loads, as before), and a change made
// with the sqlite3 shell removes those it reaches.
func TestLoadStatesMigration(t *testing.T) {
	path := journalFile(t, 200)
	raw := rawDB(t, path)
	for _, q := range []string{"DROP TABLE load_states", "DROP TRIGGER load_states_checkin_insert",
		"DROP TRIGGER load_states_checkin_update", "DROP TRIGGER load_states_checkin_delete",
		"DROP TRIGGER load_states_activity_insert", "DROP TRIGGER load_states_activity_update",
		"DROP TRIGGER load_states_activity_delete", "DROP TRIGGER load_states_activity_replace",
		"DROP TRIGGER load_states_activity_rekey", "PRAGMA user_version = 7"} {
		mustExec(t, raw, q)
	}
	raw.Close()
	s := mustOpenPath(t, path)
	if states := storedStates(t, s); len(states) != 0 {
		t.Fatalf("%d states after the migration alone, want none until a write", len(states))
	}
	if _, err := s.AddRace(context.Background(), slump.Race{Date: day(t, "2016-05-01"), Name: "10k"}); err != nil {
		t.Fatal(err)
	}
	states := storedStates(t, s)
	if len(states) < 25 {
		t.Fatalf("%d states after the first write, want one a week", len(states))
	}
	last := states[len(states)-1].Day
	mid := states[10].Day // the journal's 200 days are in 2016
	raw = rawDB(t, path)
	mustExec(t, raw, "UPDATE checkins SET minutes = 5 WHERE date = ?", mid.AddDays(-2).String())
	mustExec(t, raw, "UPDATE checkins SET note = 'a note changes no load' WHERE date = ?", states[0].Day.String())
	raw.Close()
	after := storedStates(t, s)
	if len(after) != 10 || after[len(after)-1].Day != mid.AddDays(-7) || after[0] != states[0] {
		t.Errorf("after an edit of %s in the shell, %d states, %s to %s; want 10, up to %s",
			mid.AddDays(-2), len(after), after[0].Day, after[len(after)-1].Day, mid.AddDays(-7))
	}
	// The next write of laceup makes them again.
	if _, err := s.AddRace(context.Background(), slump.Race{Date: mid, Name: "10k"}); err != nil {
		t.Fatal(err)
	}
	again := storedStates(t, s)
	if len(again) != len(states) || again[len(again)-1].Day != last || again[9] != states[9] || again[10] == states[10] {
		t.Errorf("after the next write, %d states up to %s, want %d up to %s, the 11th changed", len(again), again[len(again)-1].Day, len(states), last)
	}
}

// dailyJournal returns a journal of n daily check-ins from first on, day i
// with the effort and minutes load(i) gives, saved in one import by a
// store whose clock reads 20:00 on the day today days after first (so the
// states of every Sunday before it are kept); and that clock.
func dailyJournal(t *testing.T, first slump.Date, n, today int, load func(i int) (effort, minutes int)) (*Store, *time.Time) {
	t.Helper()
	now := first.AddDays(today).Time().Add(20 * time.Hour)
	s := mustOpen(t)
	s.SetClock(fakeClock(&now))
	cs := make([]slump.Checkin, n)
	for i := range cs {
		cs[i] = checkin(first.AddDays(i))
		effort, minutes := load(i)
		cs[i].Effort, cs[i].Minutes = effort, slump.Int(minutes)
	}
	if _, err := s.Import(context.Background(), cs, false); err != nil {
		t.Fatal(err)
	}
	return s, &now
}

// Each trigger of migration 0008 removes the state of the very day a change
// reaches, and a session's change reaches the day before: a Strava copy of
// a Sunday-night run counts on the Sunday until the watch's FIT record,
// dated Monday by its clock, takes it over, and again when that record is
// removed. After each change every state is the one computed from the
// first check-in.
func TestLoadStatesTriggers(t *testing.T) {
	ctx := context.Background()
	first := day(t, "2026-03-02") // a Monday
	s, _ := dailyJournal(t, first, 60, 70, func(int) (int, int) { return 5, 60 })
	sunday := first.AddDays(27) // 2026-03-29, a state's day
	// shell is a change made in the sqlite3 shell: the triggers remove the
	// states it reaches, the next write of laceup makes them again.
	shell := func(what, query string, args ...any) {
		t.Helper()
		if _, err := s.db.ExecContext(ctx, query, args...); err != nil {
			t.Fatal(err)
		}
		loads := wholeLoads(t, s)
		for _, st := range storedStates(t, s) {
			if want := slump.LoadStates(loads, st.Day, func(d slump.Date) bool { return d == st.Day }); len(want) != 1 || want[0] != st {
				t.Fatalf("%s in the shell: the state of %s is %+v, from the whole journal %+v", what, st.Day, st, want)
			}
		}
		if _, err := s.AddRace(ctx, slump.Race{Date: first, Name: "a write"}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(what string) {
		t.Helper()
		loads := wholeLoads(t, s)
		states := storedStates(t, s)
		if len(states) != 10 {
			t.Fatalf("%s: %d states, want 10 (the Sundays from 2026-03-08 to 2026-05-10)", what, len(states))
		}
		for _, st := range states {
			if want := slump.LoadStates(loads, st.Day, func(d slump.Date) bool { return d == st.Day }); len(want) != 1 || want[0] != st {
				t.Fatalf("%s: the state of %s is %+v, from the whole journal %+v", what, st.Day, st, want)
			}
		}
	}
	check("60 days")
	edit := checkin(sunday)
	edit.Effort, edit.Minutes = 8, slump.Int(120)
	mustSave(t, s, edit)
	check("the Sunday edited")
	if _, _, err := s.Delete(ctx, sunday); err != nil {
		t.Fatal(err)
	}
	check("the Sunday deleted")
	mustSave(t, s, edit)
	check("the Sunday checked in again")
	late := sunday.Time().Add(23*time.Hour + 59*time.Minute)
	strava := session("s1", sunday, slump.Int(9), 100)
	strava.Start = late
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{strava}, nil); err != nil {
		t.Fatal(err)
	}
	check("a Sunday-night run from Strava")
	fit := session("f1", sunday.AddDays(1), slump.Int(9), 101)
	fit.Source, fit.Start = activity.SourceFIT, late.Add(time.Minute)
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{fit}, nil); err != nil {
		t.Fatal(err)
	}
	check("its FIT record, dated Monday")
	fit.RPE = slump.Int(7)
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{fit}, nil); err != nil {
		t.Fatal(err)
	}
	check("the FIT record rated again")
	moved := fit
	moved.Start = late.Add(3 * time.Hour) // an edited export: a session of its own
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{moved}, nil); err != nil {
		t.Fatal(err)
	}
	check("the FIT record moved hours later")
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{fit}, nil); err != nil {
		t.Fatal(err)
	}
	check("the FIT record back")
	if snap, err := s.Snapshot(ctx, sunday.AddDays(1)); err != nil || len(snap.Checkins) == 0 {
		t.Fatal(err)
	}
	if _, err := s.RemoveActivities(ctx, sunday.AddDays(1), sunday.AddDays(1), activity.SourceFIT, ""); err != nil {
		t.Fatal(err)
	}
	check("the FIT record removed")
	if _, err := s.RemoveActivities(ctx, sunday, sunday, "", ""); err != nil {
		t.Fatal(err)
	}
	check("the Strava copy removed")

	// Copies dated 2 days apart: the watch on UTC+14 dates its record on
	// the Sunday, Strava imported on UTC-12 dates the copy on the Tuesday;
	// the copy's higher rating counts on the Sunday (slump.CopyDays).
	at := sunday.Time().Add(-13 * time.Hour) // 11:00 UTC on Saturday: Sunday on UTC+14, Friday on UTC-12
	watch := session("f2", sunday, slump.Int(3), 60)
	watch.Source, watch.Start = activity.SourceFIT, at
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{watch}, nil); err != nil {
		t.Fatal(err)
	}
	check("a watch's record")
	far := session("s2", sunday.AddDays(-2), slump.Int(10), 61)
	far.Start = at.Add(30 * time.Second)
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{far}, nil); err != nil {
		t.Fatal(err)
	}
	check("its copy dated 2 days before")
	if _, err := s.RemoveActivities(ctx, sunday.AddDays(-2), sunday.AddDays(-2), "", ""); err != nil {
		t.Fatal(err)
	}
	check("that copy removed")
	far.Day = sunday.AddDays(2) // on the other side, as a zone 2 days later would date it
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{far}, nil); err != nil {
		t.Fatal(err)
	}
	check("its copy dated 2 days after")
	if _, err := s.RemoveActivities(ctx, sunday.AddDays(2), sunday.AddDays(2), "", ""); err != nil {
		t.Fatal(err)
	}
	check("that copy removed")
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{far}, nil); err != nil {
		t.Fatal(err)
	}
	far.RPE = slump.Int(8)
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{far}, nil); err != nil {
		t.Fatal(err)
	}
	check("that copy rated again")
	shell("that copy rated again", `UPDATE activities SET rpe = 7 WHERE source = 'strava' AND source_id = 's2'`)
	check("after the next write")

	// Changes in the shell, replace included (no DELETE trigger fires).
	shell("a session moved 5 weeks on by INSERT OR REPLACE", `INSERT OR REPLACE INTO activities (source, source_id, day, start, sport, name, moving_minutes, rpe)
		VALUES ('strava', 's2', ?, ?, 'Run', 'moved', 90, 10)`, sunday.AddDays(35).String(), sunday.AddDays(35).Time().Add(8*time.Hour).Format(time.RFC3339))
	check("after the next write")
	shell("another session given the moved one's key by UPDATE OR REPLACE",
		`UPDATE OR REPLACE activities SET source = 'strava', source_id = 's2' WHERE source = 'fit' AND source_id = 'f2'`)
	check("after the next write")
	shell("a check-in's minutes", `UPDATE checkins SET minutes = 15 WHERE date = ?`, sunday.AddDays(-8).String())
	check("after the next write")

	// What changes no load removes no state: a session imported again as
	// it was, a check-in's note edited with its other answers as they were.
	unchanged := func(what, query string, args ...any) {
		t.Helper()
		before := len(storedStates(t, s))
		if _, err := s.db.ExecContext(ctx, query, args...); err != nil {
			t.Fatal(err)
		}
		if after := len(storedStates(t, s)); after != before {
			t.Errorf("%s: %d states, then %d", what, before, after)
		}
	}
	unchanged("a session imported again", `INSERT INTO activities (source, source_id, day, start, sport, name, moving_minutes, rpe)
		SELECT source, source_id, day, start, sport, 'renamed', moving_minutes, rpe FROM activities WHERE true
		ON CONFLICT (source, source_id) DO NOTHING`)
	unchanged("a session renamed", `UPDATE activities SET name = 'renamed'`)
	unchanged("a note edited", `UPDATE checkins SET effort = effort, minutes = minutes, note = 'edited' WHERE date = ?`, sunday.AddDays(-20).String())
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{watch, far}, nil); err != nil {
		t.Fatal(err)
	}
	check("sessions imported again")
}

// The meter reads the sessions of its days and slump.CopyDays either side:
// a watch's record dated the Saturday before the state it continues from
// takes the copy dated the Monday after it, as the whole journal's reading
// does.
func TestSnapshotSessionsAcrossTheState(t *testing.T) {
	ctx := context.Background()
	first := day(t, "2026-01-05") // a Monday
	s, _ := dailyJournal(t, first, 120, 120, func(int) (int, int) { return 4, 50 })
	sunday := first.AddDays(6 + 7*6)        // 2026-02-22
	at := sunday.Time().Add(-2 * time.Hour) // 22:00 UTC on Saturday: Saturday on UTC-12, Monday on UTC+14
	watch := session("f1", sunday.AddDays(-1), slump.Int(2), 70)
	watch.Source, watch.Start = activity.SourceFIT, at
	copied := session("s1", sunday.AddDays(1), slump.Int(9), 71)
	copied.Start = at.Add(20 * time.Second)
	if _, _, err := s.ImportRecordings(ctx, []activity.Activity{watch, copied}, nil); err != nil {
		t.Fatal(err)
	}
	m := slump.NewMeter(slump.DefaultConfig())
	loads := wholeLoads(t, s)
	d := sunday.AddDays(68) // its window starts the Monday after the Sunday
	snap, err := s.Snapshot(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Loads) == 0 || snap.Loads[0].State == nil || snap.Loads[0].Date != sunday {
		t.Fatalf("the snapshot of %s continues from %+v, want the state of %s", d, snap.Loads[:min(1, len(snap.Loads))], sunday)
	}
	from, to := slump.Window(d)
	window, err := s.Range(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := m.ReadingOf(slump.Snapshot{Day: d, Checkins: window, Loads: loads, Races: snap.Races})
	if got := m.ReadingOf(snap); !reflect.DeepEqual(got, want) {
		t.Errorf("meter of %s from the state:\n%+v\nfrom the whole journal:\n%+v", d, got, want)
	}
	// With only an older state (the newer ones removed by a change in the
	// shell), the window's check-ins and the loads since that state.
	if _, err := s.db.ExecContext(ctx, "DELETE FROM load_states WHERE day > ?", sunday.AddDays(-14).String()); err != nil {
		t.Fatal(err)
	}
	if snap, err = s.Snapshot(ctx, d); err != nil {
		t.Fatal(err)
	}
	if len(snap.Loads) == 0 || snap.Loads[0].State == nil || snap.Loads[0].Date != sunday.AddDays(-14) || len(snap.Checkins) != len(window) {
		t.Fatalf("the snapshot of %s holds %d check-ins and continues from %+v, want %d and the state of %s",
			d, len(snap.Checkins), snap.Loads[:min(1, len(snap.Loads))], len(window), sunday.AddDays(-14))
	}
	if got := m.ReadingOf(snap); !reflect.DeepEqual(got, want) {
		t.Errorf("meter of %s from an older state:\n%+v\nfrom the whole journal:\n%+v", d, got, want)
	}
}

// Period and Loads continue from a state up to slump.FitnessLookback days
// before the first day asked, however long the range: the readings of a
// week ending 1,003 days after the state are the whole journal's.
func TestPeriodFromAnOldState(t *testing.T) {
	ctx := context.Background()
	first := day(t, "2023-01-02") // a Monday
	s, _ := dailyJournal(t, first, 1100, 1100, func(i int) (int, int) { return 1 + i%9, 20 + i%70 })
	state := first.AddDays(6 + 7*2) // a Sunday
	if _, err := s.db.ExecContext(ctx, "DELETE FROM load_states WHERE day > ?", state.String()); err != nil {
		t.Fatal(err)
	}
	from := state.AddDays(1000 - 3) // 997 days after the state, its window 930
	to := from.AddDays(6)
	p, err := s.Period(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Loads) == 0 || p.Loads[0].State == nil || p.Loads[0].Date != state {
		t.Fatalf("Period continues from %+v, want the state of %s", p.Loads[:min(1, len(p.Loads))], state)
	}
	m := slump.NewMeter(slump.DefaultConfig())
	all := wholeLoads(t, s)
	if got, want := m.Readings(p.Checkins, p.Loads, from, to), m.Readings(p.Checkins, all, from, to); !reflect.DeepEqual(got, want) {
		t.Errorf("the week from the state of %s differs from the whole journal's", state)
	}
	if loads, err := s.Loads(ctx, from, to); err != nil || !reflect.DeepEqual(loads, p.Loads) {
		t.Errorf("Loads = %d loads from %+v, %v; want Period's", len(loads), loads[:min(1, len(loads))], err)
	}
}
