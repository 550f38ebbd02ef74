package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/laceup/laceup/slump"
)

func TestLoads(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	day := slump.NewDate(2026, 3, 10)
	var saved []slump.Checkin
	for i, spec := range []struct {
		effort  int
		minutes *int
	}{{5, slump.Int(40)}, {0, slump.Int(0)}, {8, nil}, {3, slump.Int(30)}} {
		c := slump.Checkin{Date: day.AddDays(i - 2), Mood: 3, Motivation: 3, SleepHours: 7, Effort: spec.effort, Minutes: spec.minutes}
		if err := s.Save(ctx, c); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, c)
	}
	got, err := s.Loads(ctx, day, day)
	if err != nil {
		t.Fatal(err)
	}
	want := slump.LoadsOf(saved[:3]) // the 4th is after day
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Loads = %+v, want %+v", got, want)
	}
	if empty, err := s.Loads(ctx, day.AddDays(-10), day.AddDays(-10)); err != nil || len(empty) != 0 {
		t.Errorf("Loads before the first check-in = %v, %v", empty, err)
	}
}

func BenchmarkLoads(b *testing.B) {
	s, last := tenYears(b), benchToday
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Loads(ctx, last, last); err != nil {
			b.Fatal(err)
		}
	}
}
