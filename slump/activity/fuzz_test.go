package activity

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// FuzzReadStravaCSV: ReadStravaCSV never panics; it refuses with a *RowError
// naming a line of the file and returns nothing with it, or returns
// activities that keep every promise of Activity. Its seeds are the fixtures
// and a few small files; to search further:
//
//	go test -run '^$' -fuzz FuzzReadStravaCSV -fuzztime 30s ./slump/activity
func FuzzReadStravaCSV(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(header + `1,"Mar 14, 2026, 7:05:00 AM",Run,Run,600,2.0,,600.0,590.0,2000.0,,4.0,` + "\n"))
	f.Add([]byte(header + "1,\"Mar 14, 2026, 7:05:00 AM\",\"Two\nlines\",Run,,,,,,,,12,\n"))
	f.Add([]byte("id,date,name,type,elapsed_time,distance\n1,2018-09-12 15:02:23,x,Run,60,1000\n"))
	f.Add([]byte("\uFEFFAktivitäts-ID,Aktivitätsdatum,Aktivitätsart,Distanz\n1,\"21.07.2026, 15:09:27\",Lauf,\"2,81\"\n"))

	loc, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		acts, err := ReadStravaCSV(bytes.NewReader(data), loc)
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%T), want a *RowError", err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; re.Line < 1 || re.Line > lines {
				t.Fatalf("error at line %d in a file of %d lines: %v", re.Line, lines, err)
			}
			if acts != nil {
				t.Fatalf("%d activities returned with the error %v", len(acts), err)
			}
			return
		}
		ids := make(map[string]bool)
		for _, a := range acts {
			if a.Source != SourceStrava || !wholeNumber(a.SourceID) || ids[a.SourceID] {
				t.Fatalf("source %q, id %q (seen before: %v)", a.Source, a.SourceID, ids[a.SourceID])
			}
			ids[a.SourceID] = true
			if a.Start.Location() != time.UTC || a.Day != slump.DateOf(a.Start.In(loc)) || a.Day.Before(slump.EarliestDay()) {
				t.Fatalf("start %v, day %s", a.Start, a.Day)
			}
			if a.RPE != nil && (*a.RPE < 1 || *a.RPE > 10) {
				t.Fatalf("RPE %d", *a.RPE)
			}
			for _, v := range []*float64{a.MovingMinutes, a.ElapsedMinutes, a.DistanceMeters} {
				if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0) {
					t.Fatalf("value %v", *v)
				}
			}
		}
	})
}
