package store

import (
	"context"
	"sync"
	"testing"

	"github.com/laceup/laceup/slump"
)

func TestSaveAnswers(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	d := day(t, "2026-03-14")
	core := slump.Checkin{Date: d, Mood: 3, Motivation: 3, SleepHours: 7, Effort: 4}

	// A new day: keep has nothing to keep; the answers given are saved.
	first := core
	first.Minutes, first.Note, first.Legs, first.DayType = slump.Int(40), "hills", slump.Int(2), slump.DayRace
	existed, err := s.SaveAnswers(ctx, first, slump.FieldSleepQuality)
	if err != nil || existed {
		t.Fatalf("SaveAnswers on a new day = %v, %v", existed, err)
	}
	if got, _, _ := s.Get(ctx, d); !equal(got, first) {
		t.Fatalf("saved %+v, want %+v", got, first)
	}

	// Again with new core answers and sleep quality: minutes and note kept.
	again := core
	again.Mood, again.SleepQuality = 5, slump.Int(4)
	existed, err = s.SaveAnswers(ctx, again, slump.FieldMinutes, slump.FieldNote, slump.FieldLegs, slump.FieldDayType)
	if err != nil || !existed {
		t.Fatalf("SaveAnswers on a saved day = %v, %v", existed, err)
	}
	want := again
	want.Minutes, want.Note, want.Legs, want.DayType = slump.Int(40), "hills", slump.Int(2), slump.DayRace
	if got, _, _ := s.Get(ctx, d); !equal(got, want) {
		t.Fatalf("after the edit %+v, want %+v", got, want)
	}

	// Nothing kept: a note given as "" clears it, minutes not given are
	// cleared too.
	if _, err := s.SaveAnswers(ctx, core); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Get(ctx, d); !equal(got, core) {
		t.Fatalf("with nothing kept %+v, want %+v", got, core)
	}

	// An invalid check-in writes nothing.
	bad := core
	bad.Mood = 9
	if _, err := s.SaveAnswers(ctx, bad); !isField(err, slump.FieldMood) {
		t.Errorf("SaveAnswers(mood 9) = %v, want the mood FieldError", err)
	}
}

// Three laceups add a different answer to the same day at the same moment:
// each keeps the others', so all three land.
func TestSaveAnswersConcurrently(t *testing.T) {
	ctx := context.Background()
	path := mustOpen(t).Path()
	d := day(t, "2026-03-14")
	stores := []*Store{mustOpenPath(t, path), mustOpenPath(t, path), mustOpenPath(t, path)}
	for trial := range 20 {
		date := d.AddDays(-trial)
		core := slump.Checkin{Date: date, Mood: 3, Motivation: 3, SleepHours: 7, Effort: 4}
		mustSave(t, stores[0], core)
		edits := []struct {
			set  func(*slump.Checkin)
			keep []string
		}{
			{func(c *slump.Checkin) { c.Note = "note" }, []string{slump.FieldMinutes, slump.FieldSleepQuality}},
			{func(c *slump.Checkin) { c.Minutes = slump.Int(50) }, []string{slump.FieldSleepQuality, slump.FieldNote}},
			{func(c *slump.Checkin) { c.SleepQuality = slump.Int(2) }, []string{slump.FieldMinutes, slump.FieldNote}},
		}
		var wg sync.WaitGroup
		for i, e := range edits {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := core
				e.set(&c)
				if _, err := stores[i].SaveAnswers(ctx, c, e.keep...); err != nil {
					t.Errorf("SaveAnswers: %v", err)
				}
			}()
		}
		wg.Wait()
		got, _, err := stores[0].Get(ctx, date)
		if err != nil || got.Note != "note" || got.Minutes == nil || *got.Minutes != 50 || got.SleepQuality == nil || *got.SleepQuality != 2 {
			t.Fatalf("trial %d: %+v, %v; want every answer kept", trial, got, err)
		}
	}
}
