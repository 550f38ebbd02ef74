package garmin

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func showNight(n Night) string {
	score := "nil"
	if n.Score != nil {
		score = fmt.Sprint(*n.Score)
	}
	return fmt.Sprintf("%s deep=%d light=%d rem=%d score=%s", n.Day, n.DeepSeconds, n.LightSeconds, n.RemSeconds, score)
}

func sameNights(t *testing.T, got, want []Night) {
	t.Helper()
	var g, w []string
	for _, n := range got {
		g = append(g, showNight(n))
	}
	for _, n := range want {
		w = append(w, showNight(n))
	}
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("nights\n got %s\nwant %s", strings.Join(g, "\n     "), strings.Join(w, "\n     "))
	}
}

func mustReadSleep(t *testing.T, name string) []Night {
	t.Helper()
	ns, err := ReadSleep(bytes.NewReader(mustRead(t, name)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ns
}

var (
	jan12    = Night{Day: day("2026-01-12"), DeepSeconds: 5400, LightSeconds: 15480, RemSeconds: 5760, Score: intp(84)}
	jan13    = Night{Day: day("2026-01-13"), DeepSeconds: 4860, LightSeconds: 20340, Score: intp(78)} // no remSleepSeconds
	jan14    = Night{Day: day("2026-01-14"), DeepSeconds: 3600, LightSeconds: 11100, RemSeconds: 3900, Score: intp(61)}
	jan15Old = Night{Day: day("2026-01-15"), DeepSeconds: 3000, LightSeconds: 10500, RemSeconds: 3600, Score: intp(55)}
	jan16Old = Night{Day: day("2026-01-16"), DeepSeconds: 6000, LightSeconds: 15600, RemSeconds: 5400}
	jan15New = Night{Day: day("2026-01-15"), DeepSeconds: 5100, LightSeconds: 16200, RemSeconds: 5700, Score: intp(80)}
	jan16New = Night{Day: day("2026-01-16"), DeepSeconds: 6000, LightSeconds: 15600, RemSeconds: 5400, Score: intp(86)}
	jan18    = Night{Day: day("2026-01-18"), DeepSeconds: 6300, LightSeconds: 17100, RemSeconds: 6000, Score: intp(90)}
)

func TestReadSleep(t *testing.T) {
	sameNights(t, mustReadSleep(t, oldSleepFile), []Night{jan12, jan13, jan14, jan15Old, jan16Old})
	// 2026-01-17 has no stages (off the wrist): left out, not a night without sleep.
	sameNights(t, mustReadSleep(t, newSleepFile), []Night{jan15New, jan16New, jan18})

	for _, tt := range []struct {
		n    Night
		want float64
	}{{jan12, 7.4}, {jan13, 7}, {jan15New, 7.5}, {Night{}, 0}} {
		if got := tt.n.Hours(); got != tt.want {
			t.Errorf("%s: Hours() = %v, want %v", showNight(tt.n), got, tt.want)
		}
	}
}

func TestMergeNightsNewestWins(t *testing.T) {
	old, new := mustReadSleep(t, oldSleepFile), mustReadSleep(t, newSleepFile)
	sameNights(t, MergeNights(old, new), []Night{jan12, jan13, jan14, jan15New, jan16New, jan18})
	// Given the other way round, the older file is taken as the newer.
	sameNights(t, MergeNights(new, old), []Night{jan12, jan13, jan14, jan15Old, jan16Old, jan18})
	if got := MergeNights(); got == nil || len(got) != 0 {
		t.Errorf("MergeNights() = %v, want an empty slice", got)
	}
	// Within one file, the later entry for a day wins.
	sameNights(t, MergeNights([]Night{jan15Old, jan12, jan15New}), []Night{jan12, jan15New})
}

func TestReadSleepForms(t *testing.T) {
	got, err := ReadSleep(strings.NewReader("\uFEFF" + `[
		{"calendarDate": "2026-03-01", "deepSleepSeconds": 3600.4, "lightSleepSeconds": 0, "remSleepSeconds": null, "sleepScores": {"overallScore": null}},
		{"calendarDate": "2026-03-02", "deepSleepSeconds": 0, "lightSleepSeconds": 0, "remSleepSeconds": 0},
		{"calendarDate": "2026-03-03", "remSleepSeconds": 3600},
		{"calendarDate": "2026-03-04", "lightSleepSeconds": 20000, "sleepScores": {"overallScore": 99.6}}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	sameNights(t, got, []Night{
		{Day: day("2026-03-01"), DeepSeconds: 3600},
		// 03-02 (all zero) and 03-03 (no deep or light sleep) were not measured.
		{Day: day("2026-03-04"), LightSeconds: 20000, Score: intp(100)},
	})
	if got, err := ReadSleep(strings.NewReader("[]")); err != nil || got == nil || len(got) != 0 {
		t.Errorf("an empty range: %v, %v; want no nights and no error", got, err)
	}
}

func TestReadSleepRefused(t *testing.T) {
	const want = `not a Garmin sleepData export: want [{"calendarDate": "2026-01-14", "deepSleepSeconds": ..., "lightSleepSeconds": ...}, ...], got `
	tests := []struct {
		name, in string
		index    int
		notShape bool
		want     string
	}{
		{"a summarizedActivities file", string(mustRead(t, activitiesFile)), -1, true, want + `an entry without "calendarDate"`},
		{"a laceup export", string(mustRead(t, "laceup-export.json")), -1, true, want + `an entry without "calendarDate"`},
		{"an object", `{"calendarDate": "2026-01-14"}`, -1, true, want + `an object`},
		{"an array of numbers", `[1, 2]`, -1, true, want + `an array holding 1`},
		{"an empty file", ``, -1, true, want + `an empty file`},
		{"cut short", `[{"calendarDate": "2026-01-14", "deepSl`, 0, false,
			`entry 1: invalid JSON: the file ends in the middle of the document; is it cut short?`},
		{"a later night without a date", `[{"calendarDate": "2026-01-14"}, {"deepSleepSeconds": 60}]`, 1, false,
			`entry 2: calendarDate: missing; every night of the export has one`},
		{"an impossible date", `[{"calendarDate": "2026-02-30", "deepSleepSeconds": 60}]`, 0, false,
			`entry 1: calendarDate: "2026-02-30" is not a date in the form YYYY-MM-DD`},
		{"a date as a number", `[{"calendarDate": 20260214}]`, 0, false,
			`entry 1: calendarDate: must be a string (got 20260214)`},
		{"negative seconds", `[{"calendarDate": "2026-01-14", "deepSleepSeconds": -1}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): deepSleepSeconds: must not be negative (got -1)`},
		{"more than a day", `[{"calendarDate": "2026-01-14", "lightSleepSeconds": 86401}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): lightSleepSeconds: must be at most 86400, a day (got 86401)`},
		{"stages adding up to 30 hours", `[{"calendarDate": "2026-01-14", "deepSleepSeconds": 36000, "lightSleepSeconds": 43200, "remSleepSeconds": 28800}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): deepSleepSeconds + lightSleepSeconds + remSleepSeconds: must be at most 86400, a day (got 108000)`},
		{"seconds as text", `[{"calendarDate": "2026-01-14", "remSleepSeconds": "1h"}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): remSleepSeconds: must be a number (got "1h")`},
		{"a score over 100", `[{"calendarDate": "2026-01-14", "sleepScores": {"overallScore": 101}}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): sleepScores.overallScore: must be from 0 to 100 (got 101)`},
		{"scores not an object", `[{"calendarDate": "2026-01-14", "sleepScores": 80}]`, 0, false,
			`entry 1 (calendarDate 2026-01-14): sleepScores: must be an object (got 80)`},
		{"data after the array", `[] x`, -1, false, `invalid JSON near byte 4: invalid character 'x' looking for beginning of value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSleep(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; got %d nights", len(got))
			}
			if got != nil {
				t.Errorf("nights returned with the error: %v", got)
			}
			var ee *EntryError
			if !errors.As(err, &ee) {
				t.Fatalf("%T %v, want an *EntryError", err, err)
			}
			if ee.Index != tt.index {
				t.Errorf("Index %d, want %d", ee.Index, tt.index)
			}
			if errors.Is(err, ErrNotSleepData) != tt.notShape {
				t.Errorf("errors.Is(ErrNotSleepData) = %v, want %v", !tt.notShape, tt.notShape)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}
