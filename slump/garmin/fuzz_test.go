package garmin

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// seeds adds the fixtures and a few small documents to f's corpus.
func seeds(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "[]", "{}", "[{}]", "null", one(""), one(`"workoutRpe": 65, "activityType": {"typeKey": "x"}`),
		`[{"calendarDate": "2026-01-14", "deepSleepSeconds": 1, "sleepScores": {"overallScore": 5}}]`} {
		f.Add([]byte(s))
	}
}

// checkErr checks that a reader's error is one of its own, with nothing
// returned beside it.
func checkErr(t *testing.T, n int, got bool, err error) {
	var ee *EntryError
	if !errors.As(err, &ee) {
		t.Fatalf("%T %v, want an *EntryError", err, err)
	}
	if got {
		t.Fatalf("%d values returned with %v", n, err)
	}
}

func FuzzReadSummarizedActivities(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadSummarizedActivities(bytes.NewReader(data))
		if err != nil {
			checkErr(t, len(got), got != nil, err)
			return
		}
		for _, s := range got {
			if s.Source != Source || s.SourceID == "" || s.Day.IsZero() || s.Start.Location() != time.UTC {
				t.Errorf("bad session %s", show(s))
			}
			if s.RPE != nil && (*s.RPE < 1 || *s.RPE > 10) {
				t.Errorf("RPE %d outside 1-10", *s.RPE)
			}
			for _, v := range []*float64{s.MovingMinutes, s.ElapsedMinutes, s.DistanceMeters} {
				if v != nil && !(*v >= 0) {
					t.Errorf("negative or NaN amount in %s", show(s))
				}
			}
		}
	})
}

func FuzzReadSleep(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadSleep(bytes.NewReader(data))
		if err != nil {
			checkErr(t, len(got), got != nil, err)
			return
		}
		for _, n := range got {
			if h := n.Hours(); !(h > 0 && h <= 72) {
				t.Errorf("Hours() = %v for %s", h, showNight(n))
			}
			if n.Score != nil && (*n.Score < 0 || *n.Score > 100) {
				t.Errorf("score %d", *n.Score)
			}
		}
		merged := MergeNights(got, got)
		for i := 1; i < len(merged); i++ {
			if !merged[i-1].Day.Before(merged[i].Day) {
				t.Fatalf("merged nights not one per day, oldest first: %s then %s", merged[i-1].Day, merged[i].Day)
			}
		}
	})
}
