package store

import (
	"context"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

func session(id string, d slump.Date, rpe *int, minutes float64) activity.Activity {
	return activity.Activity{Source: activity.SourceStrava, SourceID: id, Day: d,
		Start: time.Date(2026, 3, 14, 7, 5, 0, 0, time.UTC), Sport: "Run", Name: "Morning Run",
		MovingMinutes: &minutes, RPE: rpe}
}

// Importing the same sessions again changes nothing; an edited one is
// updated; an unrated session stays unrated (NULL, never 0); no check-in
// is written.
func TestImportActivities(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-03-14")
	as := []activity.Activity{session("1", d, slump.Int(6), 52), session("2", d, nil, 30.5)}
	if res, err := s.ImportActivities(ctx, as); err != nil || res != (ActivitiesResult{Added: 2}) {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	if res, err := s.ImportActivities(ctx, as); err != nil || res != (ActivitiesResult{Unchanged: 2}) {
		t.Fatalf("the same again = %+v, %v", res, err)
	}
	as[0].RPE = slump.Int(7)
	if res, err := s.ImportActivities(ctx, as); err != nil || res != (ActivitiesResult{Updated: 1, Unchanged: 1}) {
		t.Fatalf("an edited export = %+v, %v", res, err)
	}
	got, err := s.Activities(ctx, d, d)
	if err != nil || len(got) != 2 || *got[0].RPE != 7 || got[1].RPE != nil || *got[1].MovingMinutes != 30.5 {
		t.Fatalf("Activities = %+v, %v", got, err)
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("an import of sessions wrote %d check-ins", n)
	}
	bad := session("3", d, slump.Int(11), 10)
	if _, err := s.ImportActivities(ctx, append(as, bad)); err == nil {
		t.Error("a rating of 11 was imported")
	}
	if got, _ := s.Activities(ctx, d, d); len(got) != 2 {
		t.Errorf("a refused import left %d sessions", len(got))
	}
}

// The meter's reads give each check-in the sessions of its day, and the
// load series too, so the rule of slump.Checkin.Training sees them; a day
// with sessions but no check-in stays unknown (no check-in appears).
func TestReadsCarrySessions(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-03-14")
	c := checkin(d)
	c.Effort, c.Minutes = 6, slump.Int(90)
	mustSave(t, s, c)
	as := []activity.Activity{session("am", d, slump.Int(8), 45), session("pm", d, slump.Int(8), 45),
		session("lone", d.AddDays(1), slump.Int(5), 30)}
	as[1].Start = as[1].Start.Add(10 * time.Hour)
	if _, err := s.ImportActivities(ctx, as); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, d.AddDays(1))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Checkins) != 1 || len(snap.Checkins[0].Sessions) != 2 || len(snap.Loads) != 1 || len(snap.Loads[0].Sessions) != 2 {
		t.Fatalf("Snapshot = %+v", snap)
	}
	if tr := snap.Checkins[0].Training(slump.DefaultConfig()); tr.Load != 720 || tr.Hard != 2 {
		t.Errorf("Training = %+v, want the sessions' 720 AU and 2 hard efforts", tr)
	}
	if au, _ := snap.Loads[0].Value(); au != 720 {
		t.Errorf("load = %d, want 720", au)
	}
	p, err := s.Period(ctx, d, d.AddDays(1))
	if err != nil || len(p.Checkins) != 1 || len(p.Checkins[0].Sessions) != 2 {
		t.Fatalf("Period = %+v, %v", p, err)
	}
}

// Nights: one per wake-up day; the same file again changes nothing, a
// changed night replaces the old; none is a check-in.
func TestImportNights(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-01-14")
	ns := []Night{{Day: d, Source: "garmin", SleepSeconds: 7*3600 + 1800, Score: slump.Int(81)}, {Day: d.AddDays(1), Source: "garmin", SleepSeconds: 6 * 3600}}
	if res, err := s.ImportNights(ctx, ns); err != nil || res != (ActivitiesResult{Added: 2}) {
		t.Fatalf("first = %+v, %v", res, err)
	}
	ns[1].SleepSeconds += 600
	if res, err := s.ImportNights(ctx, ns); err != nil || res != (ActivitiesResult{Updated: 1, Unchanged: 1}) {
		t.Fatalf("again, one changed = %+v, %v", res, err)
	}
	n, ok, err := s.NightOf(ctx, d)
	if err != nil || !ok || n.Hours() != 7.5 || *n.Score != 81 {
		t.Fatalf("NightOf = %+v, %v, %v", n, ok, err)
	}
	if _, ok, err := s.NightOf(ctx, d.AddDays(-1)); ok || err != nil {
		t.Errorf("a day without a night: %v, %v", ok, err)
	}
	if _, err := s.ImportNights(ctx, []Night{{Day: d, Source: "garmin", SleepSeconds: 0}}); err == nil {
		t.Error("a night of 0 seconds was taken")
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("%d check-ins after importing nights", n)
	}
}
