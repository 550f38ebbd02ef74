package garmin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/laceup/laceup/slump"
)

const (
	activitiesFile = "runner@example.com_0_summarizedActivities.json"
	oldSleepFile   = "2025-12-20_2026-01-16_90210_sleepData.json"
	newSleepFile   = "2026-01-15_2026-02-11_90210_sleepData.json"
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

func day(s string) slump.Date {
	d, err := slump.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// show writes a session with its pointers followed, for a readable diff.
func show(s Session) string {
	p := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	rpe := "nil"
	if s.RPE != nil {
		rpe = fmt.Sprint(*s.RPE)
	}
	return fmt.Sprintf("%s/%s day=%s start=%s sport=%q name=%q moving=%s elapsed=%s dist=%s rpe=%s",
		s.Source, s.SourceID, s.Day, s.Start.Format(time.RFC3339Nano), s.Sport, s.Name,
		p(s.MovingMinutes), p(s.ElapsedMinutes), p(s.DistanceMeters), rpe)
}

func sameSessions(t *testing.T, got, want []Session) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d", len(got), len(want))
	}
	for i := range want {
		if g, w := show(got[i]), show(want[i]); g != w {
			t.Errorf("session %d:\n got %s\nwant %s", i, g, w)
		}
		if got[i].Start.Location() != time.UTC {
			t.Errorf("session %d: Start in %v, want UTC", i, got[i].Start.Location())
		}
	}
}

func TestReadSummarizedActivitiesExport(t *testing.T) {
	got, err := ReadSummarizedActivities(bytes.NewReader(mustRead(t, activitiesFile)))
	if err != nil {
		t.Fatal(err)
	}
	want := []Session{
		{Source: "garmin", SourceID: "19374602113", Day: day("2026-01-12"), Start: utc("2026-01-12T06:05:12Z"),
			Sport: "running", Name: "Berlin Running", MovingMinutes: f64(3098000.0 / 60000),
			ElapsedMinutes: f64(3200500.0 / 60000), DistanceMeters: f64(1002345.6 / 100), RPE: intp(6)},
		// A double day: an unrated easy run in the morning, rated intervals in the evening.
		{Source: "garmin", SourceID: "19385520481", Day: day("2026-01-14"), Start: utc("2026-01-14T05:30:00Z"),
			Sport: "running", Name: "Easy shakeout", MovingMinutes: f64(1799000.0 / 60000),
			ElapsedMinutes: f64(1830000.0 / 60000), DistanceMeters: f64(501230.0 / 100)},
		{Source: "garmin", SourceID: "19389913377", Day: day("2026-01-14"), Start: utc("2026-01-14T17:10:45Z"),
			Sport: "track_running", Name: "Track 6x800", MovingMinutes: f64(2950000.0 / 60000),
			ElapsedMinutes: f64(4105000.0 / 60000), DistanceMeters: f64(10200), RPE: intp(8)},
		// workoutRpe null: unknown, not 0.
		{Source: "garmin", SourceID: "19392210654", Day: day("2026-01-15"), Start: utc("2026-01-15T18:02:03Z"),
			Sport: "treadmill_running", Name: "Treadmill Running", MovingMinutes: f64(45),
			ElapsedMinutes: f64(45), DistanceMeters: f64(8000)},
		{Source: "garmin", SourceID: "19400031209", Day: day("2026-01-16"), Start: utc("2026-01-16T09:00:00Z"),
			Sport: "road_biking", Name: "Berlin Road Cycling", MovingMinutes: f64(5210000.0 / 60000),
			ElapsedMinutes: f64(95), DistanceMeters: f64(45120), RPE: intp(4)},
		// activityType as an object; no movingDuration, elapsedDuration or distance.
		{Source: "garmin", SourceID: "19401177342", Day: day("2026-01-16"), Start: utc("2026-01-16T16:45:00Z"),
			Sport: "strength_training", Name: "Strength", MovingMinutes: f64(40), ElapsedMinutes: f64(40), RPE: intp(5)},
		// 22:30 in New York is 03:30 UTC the next day: the day is the local one.
		{Source: "garmin", SourceID: "19410098812", Day: day("2026-01-17"), Start: utc("2026-01-18T03:30:00Z"),
			Sport: "running", Name: "New York Running", MovingMinutes: f64(2441000.0 / 60000),
			ElapsedMinutes: f64(2500000.0 / 60000), DistanceMeters: f64(7040.6), RPE: intp(7)},
	}
	sameSessions(t, got, want)

	var runs []string
	perDay := map[slump.Date]int{}
	for _, s := range got {
		perDay[s.Day]++
		if s.Running() {
			runs = append(runs, s.SourceID)
		}
	}
	if want := "19374602113 19385520481 19389913377 19392210654 19410098812"; strings.Join(runs, " ") != want {
		t.Errorf("runs %v, want %s", runs, want)
	}
	if perDay[day("2026-01-14")] != 2 {
		t.Errorf("2026-01-14 has %d sessions, want the double day's 2", perDay[day("2026-01-14")])
	}
}

func TestRunning(t *testing.T) {
	for key, want := range map[string]bool{
		"running": true, "trail_running": true, "treadmill_running": true, "track_running": true,
		"indoor_running": true, "street_running": true, "virtual_run": true, "ultra_run": true, "obstacle_run": true,
		"walking": false, "hiking": false, "cycling": false, "road_biking": false, "strength_training": false,
		"Running": false, "": false,
	} {
		if got := (Session{Source: Source, Sport: key}).Running(); got != want {
			t.Errorf("%q: Running() = %v, want %v", key, got, want)
		}
	}
}

// one returns a summarizedActivities document holding one activity with
// the keys given (JSON text without braces) after the required ones.
func one(keys string) string {
	a := `"activityId": 111, "startTimeLocal": 1699996400000, "startTimeGmt": 1700000000000`
	if keys != "" {
		a += ", " + keys
	}
	return `[{"summarizedActivitiesExport": [{` + a + `}]}]`
}

func TestReadSummarizedActivitiesForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Session
	}{
		{"the research note's record", `[{"summarizedActivitiesExport":[{"activityId":111,"name":"Morning Run","activityType":"running",
			"sportType":"RUNNING","beginTimestamp":1700000000000,"startTimeGmt":1700000000000,
			"startTimeLocal":1699996400000,"duration":1800000.0,"movingDuration":1780000.0,
			"distance":500000.0,"avgHr":140.0,"workoutRpe":60,"workoutFeel":50}]}]`,
			[]Session{{Source: "garmin", SourceID: "111", Day: day("2023-11-14"), Start: utc("2023-11-14T22:13:20Z"),
				Sport: "running", Name: "Morning Run", MovingMinutes: f64(1780000.0 / 60000), ElapsedMinutes: f64(30),
				DistanceMeters: f64(5000), RPE: intp(6)}}},
		{"only the required keys", one(""),
			[]Session{{Source: "garmin", SourceID: "111", Day: day("2023-11-14"), Start: utc("2023-11-14T22:13:20Z")}}},
		{"the object without its array, with a byte order mark", "\uFEFF" + `{"summarizedActivitiesExport": [{"activityId": 7,
			"startTimeLocal": 0, "beginTimestamp": 3600000, "sportType": "RUNNING", "activityType": null}]}`,
			[]Session{{Source: "garmin", SourceID: "7", Day: day("1970-01-01"), Start: utc("1970-01-01T01:00:00Z"), Sport: "running"}}},
		{"an id as a string, other keys skipped", `[{"other": {"a": [1, 2]}, "summarizedActivitiesExport": [{"activityId": "11194200380",
			"startTimeLocal": 1699996400000, "startTimeGmt": 1700000000000, "summarizedDiveInfo": {"summarizedDiveGases": []}}]},
			{"more": true}]`,
			[]Session{{Source: "garmin", SourceID: "11194200380", Day: day("2023-11-14"), Start: utc("2023-11-14T22:13:20Z")}}},
		{"an empty export", `[{"summarizedActivitiesExport": []}]`, []Session{}},
		{"two exports in one file", `[{"summarizedActivitiesExport": [{"activityId": 1, "startTimeLocal": 0, "startTimeGmt": 0}]},
			{"summarizedActivitiesExport": [{"activityId": 2, "startTimeLocal": 86400000, "startTimeGmt": 86400000}]}]`,
			[]Session{{Source: "garmin", SourceID: "1", Day: day("1970-01-01"), Start: utc("1970-01-01T00:00:00Z")},
				{Source: "garmin", SourceID: "2", Day: day("1970-01-02"), Start: utc("1970-01-02T00:00:00Z")}}},
		{"durations only in duration", one(`"duration": 600000, "movingDuration": null`),
			[]Session{{Source: "garmin", SourceID: "111", Day: day("2023-11-14"), Start: utc("2023-11-14T22:13:20Z"),
				MovingMinutes: f64(10), ElapsedMinutes: f64(10)}}},
		{"a zero distance is a distance", one(`"distance": 0, "name": "caf\u00e9 \ud83c\udfc3"`),
			[]Session{{Source: "garmin", SourceID: "111", Day: day("2023-11-14"), Start: utc("2023-11-14T22:13:20Z"),
				Name: "café 🏃", DistanceMeters: f64(0)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSummarizedActivities(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("nil sessions, want a slice (empty for an empty export)")
			}
			sameSessions(t, got, tt.want)
		})
	}
}

func TestWorkoutRpe(t *testing.T) {
	for raw, want := range map[string]int{"10": 1, "10.0": 1, "60": 6, "64": 6, "65": 7, "95": 10, "100": 10, "1e2": 10} {
		got, err := ReadSummarizedActivities(strings.NewReader(one(`"workoutRpe": ` + raw)))
		if err != nil {
			t.Fatalf("workoutRpe %s: %v", raw, err)
		}
		if got[0].RPE == nil || *got[0].RPE != want {
			t.Errorf("workoutRpe %s: RPE %v, want %d", raw, got[0].RPE, want)
		}
	}
	for _, raw := range []string{"null", "", "0"} {
		keys := `"workoutRpe": ` + raw
		if raw == "" {
			keys = ""
		}
		got, err := ReadSummarizedActivities(strings.NewReader(one(keys)))
		if err != nil {
			t.Fatal(err)
		}
		if got[0].RPE != nil {
			t.Errorf("workoutRpe %q: RPE %d, want nil: an empty rating is unknown, never 0", raw, *got[0].RPE)
		}
	}
}

func TestReadSummarizedActivitiesRefused(t *testing.T) {
	tests := []struct {
		name, in string
		index    int    // EntryError.Index
		notShape bool   // wraps ErrNotSummarizedActivities
		want     string // the whole message
	}{
		{"a laceup export", string(mustRead(t, "laceup-export.json")), -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got no "summarizedActivitiesExport" key`},
		{"a sleepData file", string(mustRead(t, newSleepFile)), -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got no "summarizedActivitiesExport" key`},
		{"an empty file", "", -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got an empty file`},
		{"an empty array", "[]", -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got no "summarizedActivitiesExport" key`},
		{"a string", `"hello"`, -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got a string`},
		{"an array of arrays", `[[1]]`, -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got an array holding an array`},
		{"the export not an array", `[{"summarizedActivitiesExport": {"activityId": 1}}]`, -1, true,
			`not a Garmin summarizedActivities export: want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}], got "summarizedActivitiesExport" holding an object`},
		{"not JSON", "activityId,name\n1,run\n", -1, false, `invalid JSON near byte 1: invalid character 'a' looking for beginning of value`},
		{"cut short", one("")[:60], 0, false, `entry 1: invalid JSON: the file ends in the middle of the document; is it cut short?`},
		{"data after the document", one("") + ` {}`, -1, false, `an object after the document, which ends at byte 119; the file must hold one JSON document`},
		{"an activity not an object", `[{"summarizedActivitiesExport": [{"activityId": 1, "startTimeLocal": 0, "startTimeGmt": 0}, 5]}]`, 1, false,
			`entry 2: an activity must be an object, not a number`},
		{"an activity that is null", `[{"summarizedActivitiesExport": [null]}]`, 0, false,
			`entry 1: an activity must be an object, not null`},
		{"an activity that is an array", `[{"summarizedActivitiesExport": [[{"activityId": 1}]]}]`, 0, false,
			`entry 1: an activity must be an object, not an array`},
		{"no activityId", `[{"summarizedActivitiesExport": [{"name": "x", "startTimeLocal": 0}]}]`, 0, false,
			`entry 1: activityId: missing; every activity of the export has one`},
		{"a fractional activityId", `[{"summarizedActivitiesExport": [{"activityId": 1.5}]}]`, 0, false,
			`entry 1: activityId: must be a whole number (got 1.5)`},
		{"no startTimeLocal", `[{"summarizedActivitiesExport": [{"activityId": 9, "startTimeGmt": 0}]}]`, 0, false,
			`entry 1 (activityId 9): startTimeLocal: missing; it gives the activity's day`},
		{"no start in UTC", `[{"summarizedActivitiesExport": [{"activityId": 9, "startTimeLocal": 0}]}]`, 0, false,
			`entry 1 (activityId 9): startTimeGmt: missing, and so is beginTimestamp; one gives the activity's start`},
		{"a start after 9999", one(`"startTimeLocal": 1e20`), 0, false,
			`entry 1 (activityId 111): startTimeLocal: must be milliseconds since 1970, up to the year 9999 (got 1e20)`},
		{"a start as text", one(`"startTimeGmt": "2026-01-14T07:00:00"`), 0, false,
			`entry 1 (activityId 111): startTimeGmt: must be a number (got "2026-01-14T07:00:00")`},
		{"a negative duration", one(`"movingDuration": -5`), 0, false,
			`entry 1 (activityId 111): movingDuration: must not be negative (got -5)`},
		{"an overflowing distance", one(`"distance": 1e400`), 0, false,
			`entry 1 (activityId 111): distance: must be a number (got 1e400)`},
		{"workoutRpe over 100", one(`"workoutRpe": 150`), 0, false,
			`entry 1 (activityId 111): workoutRpe: must be from 10 to 100, the CR-10 rating times ten (got 150)`},
		{"workoutRpe on the CR-10 scale itself", one(`"workoutRpe": 6`), 0, false,
			`entry 1 (activityId 111): workoutRpe: must be from 10 to 100, the CR-10 rating times ten (got 6)`},
		{"workoutRpe as text", one(`"workoutRpe": "60"`), 0, false,
			`entry 1 (activityId 111): workoutRpe: must be a number (got "60")`},
		{"a name that is a number", one(`"name": 5`), 0, false, `entry 1 (activityId 111): name: must be a string (got 5)`},
		{"an activityType of another kind", one(`"activityType": 1`), 0, false,
			`entry 1 (activityId 111): activityType: must be a key such as "running", or an object with a "typeKey" (got 1)`},
		{"a hidden character in a bad value", one("\"name\": [\"\u202e\"]"), 0, false,
			`entry 1 (activityId 111): name: must be a string (got an array)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSummarizedActivities(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; got %d sessions", len(got))
			}
			if got != nil {
				t.Errorf("sessions returned with the error: %v", got)
			}
			var ee *EntryError
			if !errors.As(err, &ee) {
				t.Fatalf("%T %v, want an *EntryError", err, err)
			}
			if ee.Index != tt.index {
				t.Errorf("Index %d, want %d", ee.Index, tt.index)
			}
			if errors.Is(err, ErrNotSummarizedActivities) != tt.notShape {
				t.Errorf("errors.Is(ErrNotSummarizedActivities) = %v, want %v", !tt.notShape, tt.notShape)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestReadErrorIsNotBadContent(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`[{"summarizedActivitiesExport": [`), iotest.ErrReader(boom))
	_, err := ReadSummarizedActivities(r)
	var ee *EntryError
	if !errors.Is(err, boom) || errors.As(err, &ee) {
		t.Errorf("got %v, want the read error, not an *EntryError", err)
	}
	_, err = ReadSleep(io.MultiReader(strings.NewReader(`[`), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) || errors.As(err, &ee) {
		t.Errorf("sleep: got %v, want the read error, not an *EntryError", err)
	}
}

// bigExport returns a summarizedActivities file of n activities, the
// fixture's repeated with new ids, one a day, as Garmin writes it (one line).
func bigExport(t testing.TB, n int) []byte {
	t.Helper()
	fixture := mustRead(t, activitiesFile)
	start := bytes.Index(fixture, []byte(`{"activityId"`))
	end := bytes.LastIndex(fixture, []byte("]}]"))
	acts := bytes.Split(fixture[start:end], []byte(`, {"activityId": `))
	var b bytes.Buffer
	b.WriteString(`[{"summarizedActivitiesExport": [`)
	for i := range n {
		a := acts[i%len(acts)]
		a = a[bytes.IndexByte(a, ','):] // after the id
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"activityId": %d`, 20000000000+i)
		b.Write(a)
	}
	b.WriteString("]}]")
	return b.Bytes()
}

// A 10-year export holds about 3,000 activities; the import of one has 2
// seconds (issue 13), of which reading the file takes a few milliseconds.
func TestReadLargeExport(t *testing.T) {
	data := bigExport(t, 3000)
	begin := time.Now()
	got, err := ReadSummarizedActivities(bytes.NewReader(data))
	took := time.Since(begin)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3000 || got[2999].SourceID != "20000002999" {
		t.Fatalf("got %d sessions, the last %s", len(got), got[len(got)-1].SourceID)
	}
	if took > 2*time.Second {
		t.Errorf("reading %d KB took %v", len(data)/1024, took)
	}
}

func BenchmarkReadSummarizedActivities3000(b *testing.B) {
	data := bigExport(b, 3000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadSummarizedActivities(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
