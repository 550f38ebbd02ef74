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
