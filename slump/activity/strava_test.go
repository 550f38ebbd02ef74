package activity

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below on a machine without tzdata; in the test binary only

	"github.com/laceup/laceup/slump"
)

// The fixtures in testdata are activities.csv files in the shapes of real
// exports (the research note on import formats gives the sources):
//
//	strava_103.csv   the 2025-2026 header, 103 columns; its first row is a
//	                 real 2026 row (Dean-Sabroso/StraVisdis), media shortened
//	strava_79.csv    the 2020-2021 header, 79 columns, with Strava's
//	                 "translation missing" HTML in five names (DillM94/Strava)
//	strava_de.csv    a German account's header, 92 columns
//	                 (geo-activity-playground #191, #348), decimal commas
//	strava_2019.csv  the 10-column Title-case header of mid-2019, one
//	                 Distance in km (hugovk/strava-tools PR #2)
//	strava_2018.csv  the 10-column lowercase header before it, metres

// want is what a test expects of an Activity; minutes and metres of -1
// mean absent, an rpe of 0 means unrated.
type want struct {
	id, day, start, sport, name string
	moving, elapsed, meters     float64
	rpe                         int
	running                     bool
}

func readFixture(t *testing.T, name string, loc *time.Location) []Activity {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	acts, err := ReadStravaCSV(bytes.NewReader(data), loc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return acts
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func checkActivities(t *testing.T, got []Activity, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("%d activities, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		a := got[i]
		t.Run(w.id, func(t *testing.T) {
			if a.Source != SourceStrava || a.SourceID != w.id || a.Day.String() != w.day || a.Sport != w.sport || a.Name != w.name {
				t.Errorf("got %s %s day %s %q %q, want strava %s day %s %q %q", a.Source, a.SourceID, a.Day, a.Sport, a.Name, w.id, w.day, w.sport, w.name)
			}
			if got := a.Start.Format(time.RFC3339); got != w.start || a.Start.Location() != time.UTC {
				t.Errorf("start %s (%v), want %s in UTC", got, a.Start.Location(), w.start)
			}
			checkFloat(t, "moving minutes", a.MovingMinutes, w.moving)
			checkFloat(t, "elapsed minutes", a.ElapsedMinutes, w.elapsed)
			checkFloat(t, "metres", a.DistanceMeters, w.meters)
			switch {
			case w.rpe == 0 && a.RPE != nil:
				t.Errorf("RPE %d, want none (unrated)", *a.RPE)
			case w.rpe != 0 && (a.RPE == nil || *a.RPE != w.rpe):
				t.Errorf("RPE %v, want %d", fmtPtr(a.RPE), w.rpe)
			}
			if a.Running() != w.running {
				t.Errorf("Running() = %v, want %v", a.Running(), w.running)
			}
		})
	}
}

func checkFloat(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	switch {
	case want < 0 && got != nil:
		t.Errorf("%s %v, want none", what, *got)
	case want >= 0 && (got == nil || math.Abs(*got-want) > 1e-9):
		t.Errorf("%s %v, want %v", what, fmtPtr(got), want)
	}
}

func fmtPtr[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestReadStravaCSV103(t *testing.T) {
	checkActivities(t, readFixture(t, "strava_103.csv", time.UTC), []want{
		// The real row: Relative Effort 129 and Perceived Relative Effort 34
		// are Strava's scores; the rating is Perceived Exertion, 3.0.
		{"18087157972", "2026-04-13", "2026-04-13T04:51:23Z", "Run", "Morning Run", 4167.0 / 60, 4180.0 / 60, 10809.5, 3, true},
		// A name with a line break, a description with commas and quotes,
		// unrated: its Relative Effort of 87 is no rating.
		{"18102233445", "2026-04-14", "2026-04-14T10:02:11Z", "Run", "Nike Run Club: First \nSpeed Run", 2655.0 / 60, 2710.0 / 60, 7021.3, 0, true},
		{"17800000001", "2026-03-14", "2026-03-14T06:30:00Z", "Trail Run", "Night Run, the long way home", 59, 60, 9500, 8, true},
		// U+202F before AM.
		{"17800000002", "2026-03-14", "2026-03-14T11:30:00Z", "Virtual Run", "Morning Run 🏃", 30, 30, 5000, 5, true},
		{"17800000003", "2026-03-15", "2026-03-15T17:15:00Z", "Swim", "Pool", 35, 40, 1500, 4, false},
		// A manual entry: only the first Elapsed Time (s) and Distance (km).
		{"17800000004", "2026-03-16", "2026-03-16T13:00:00Z", "Run", "Treadmill (manual)", -1, 30, 5250, 0, true},
		{"17800000005", "2026-03-17", "2026-03-17T16:20:00Z", "Ride", "Afternoon Ride", 85, 90, 40210.7, 0, false},
	})
}

// TestStravaLocalDay: Activity Date is UTC; the day is the runner's.
func TestStravaLocalDay(t *testing.T) {
	for _, tc := range []struct {
		zone string
		days map[string]string // Activity ID -> day
	}{
		// 06:30 UTC is 23:30 the day before in Los Angeles (PDT, UTC-7).
		{"America/Los_Angeles", map[string]string{"17800000001": "2026-03-13", "17800000002": "2026-03-14", "18087157972": "2026-04-12"}},
		// 11:30 UTC is 00:30 the next day in Auckland (NZDT, UTC+13).
		{"Pacific/Auckland", map[string]string{"17800000001": "2026-03-14", "17800000002": "2026-03-15", "18087157972": "2026-04-13"}},
		{"UTC", map[string]string{"17800000001": "2026-03-14", "17800000002": "2026-03-14", "18087157972": "2026-04-13"}},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			loc := mustZone(t, tc.zone)
			for _, a := range readFixture(t, "strava_103.csv", loc) {
				if a.Day != slump.DateOf(a.Start.In(loc)) || a.Start.Location() != time.UTC {
					t.Errorf("%s: day %s, start %v: want the start's day in %s and the start in UTC", a.SourceID, a.Day, a.Start, tc.zone)
				}
				if d, ok := tc.days[a.SourceID]; ok && a.Day.String() != d {
					t.Errorf("%s at %s UTC: day %s in %s, want %s", a.SourceID, a.Start.Format("2006-01-02 15:04"), a.Day, tc.zone, d)
				}
			}
		})
	}
}

func TestReadStravaCSV79(t *testing.T) {
	checkActivities(t, readFixture(t, "strava_79.csv", time.UTC), []want{
		// Relative Effort 48 and Perceived Relative Effort 44 beside a
		// Perceived Exertion of 6 written "6".
		{"4607368527", "2021-01-12", "2021-01-12T08:46:54Z", "Run", "Rainy Run", 1688.0 / 60, 1711.0 / 60, 5632.5, 6, true},
		{"4619922125", "2021-01-14", "2021-01-14T16:04:29Z", "Run", "Very nice, very light :)", 2067.0 / 60, 2497.0 / 60, 5017.100098, 1, true},
		{"4666542076", "2021-01-23", "2021-01-23T10:42:14Z", "Run", "Morning Run", 2446.0 / 60, 2473.0 / 60, 7699.5, 0, true},
		{"3005534889", "2020-01-12", "2020-01-12T14:26:39Z", "Workout", "Afternoon Activity", 3029.0 / 60, 5360.0 / 60, 4291, 0, false},
	})
}

func TestReadStravaCSVGerman(t *testing.T) {
	checkActivities(t, readFixture(t, "strava_de.csv", time.UTC), []want{
		// Decimal commas in every number; Relative Leistung 12 is no rating.
		{"19404735112", "2026-07-21", "2026-07-21T15:09:27Z", "Lauf", "Lauf am Nachmittag", 22.5, 1390.0 / 60, 2810.5, 4, true},
		{"19404735113", "2026-07-22", "2026-07-22T05:40:00Z", "Radfahrt", "Feierabendrunde, mit Hund", 3400.0 / 60, 60, 20400, 0, false},
		{"19404735114", "2026-07-23", "2026-07-23T06:05:00Z", "Traillauf", "Traillauf am Morgen", 80, 5000.0 / 60, 12300, 7, true},
	})
}

func TestReadStravaCSVOldExports(t *testing.T) {
	t.Run("2019", func(t *testing.T) {
		// One Distance, in km (PR #2: "they also changed distance from m to km").
		// No Moving Time: the elapsed time stands for it.
		checkActivities(t, readFixture(t, "strava_2019.csv", time.UTC), []want{
			{"1836776031", "2018-09-12", "2018-09-12T15:02:23Z", "Ride", "Evening Ride", 783.0 / 60, 783.0 / 60, 3680, 0, false},
			{"1836776099", "2018-09-13", "2018-09-13T06:10:00Z", "Run", "Morning Run", 1900.0 / 60, 1900.0 / 60, 5010, 0, true},
		})
	})
	t.Run("2018", func(t *testing.T) {
		checkActivities(t, readFixture(t, "strava_2018.csv", time.UTC), []want{
			{"1836776031", "2018-09-12", "2018-09-12T15:02:23Z", "Ride", "Evening Ride", 783.0 / 60, 783.0 / 60, 3681, 0, false},
			{"1836776099", "2018-09-13", "2018-09-13T06:10:00Z", "Run", "Morning Run", 1900.0 / 60, 1900.0 / 60, 5012.4, 0, true},
		})
	})
}

// header is a short English header with the columns that matter, in the
// order of the real one: both copies of the repeated names.
const header = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Relative Effort,Elapsed Time,Moving Time,Distance,Relative Effort,Perceived Exertion,Perceived Relative Effort\n"

func readString(s string) ([]Activity, error) {
	return ReadStravaCSV(strings.NewReader(s), time.UTC)
}

func TestStravaValues(t *testing.T) {
	for _, tc := range []struct {
		name, row string
		want      want
	}{
		{"Relative Effort alone is no rating", `1,"Mar 14, 2026, 7:05:00 AM",Run,Run,600,2.0,150,600.0,590.0,2000.0,150.0,,75.0`,
			want{"1", "2026-03-14", "2026-03-14T07:05:00Z", "Run", "Run", 590.0 / 60, 10, 2000, 0, true}},
		{"second copies win", `2,"Mar 14, 2026, 7:05:00 AM",Run,Run,9999,99.9,,300.0,300,5000,,2.0,`,
			want{"2", "2026-03-14", "2026-03-14T07:05:00Z", "Run", "Run", 5, 5, 5000, 2, true}},
		{"an empty second copy falls back to the first", `3,"Mar 14, 2026, 7:05:00 AM",Run,Run,600,4.5,,,,,,10,`,
			want{"3", "2026-03-14", "2026-03-14T07:05:00Z", "Run", "Run", -1, 10, 4500, 10, true}},
		{"a swim's first Distance is metres", `4,"Mar 14, 2026, 7:05:00 AM",Swim,Swim,1800,1000,,,,,,,`,
			want{"4", "2026-03-14", "2026-03-14T07:05:00Z", "Swim", "Swim", -1, 30, 1000, 0, false}},
		{"a rowing's too", `5,"Mar 14, 2026, 7:05:00 AM",Row,Rowing,600,2000,,,,,,,`,
			want{"5", "2026-03-14", "2026-03-14T07:05:00Z", "Rowing", "Row", -1, 10, 2000, 0, false}},
		{"en-GB date", `6,"22 May 2024, 08:19:26",Run,Run,,,,,,,,,`,
			want{"6", "2024-05-22", "2024-05-22T08:19:26Z", "Run", "Run", -1, -1, -1, 0, true}},
		{"en-GB September", `7,"2 Sept 2024, 18:00:00",Run,Run,,,,,,,,,`,
			want{"7", "2024-09-02", "2024-09-02T18:00:00Z", "Run", "Run", -1, -1, -1, 0, true}},
		{"narrow no-break space before PM", "8,\"Apr 13, 2026, 4:51:23\u202fPM\",Run,Run,,,,,,,,,",
			want{"8", "2026-04-13", "2026-04-13T16:51:23Z", "Run", "Run", -1, -1, -1, 0, true}},
		{"a walk is no run", `9,"Apr 13, 2026, 4:51:23 PM",Walk,Walk,60,,,,,,,1.0,`,
			want{"9", "2026-04-13", "2026-04-13T16:51:23Z", "Walk", "Walk", -1, 1, -1, 1, false}},
		{"spaces around a name are kept", `10,"Apr 13, 2026, 4:51:23 PM",  Intervals ,Run,,,,,,,,,`,
			want{"10", "2026-04-13", "2026-04-13T16:51:23Z", "Run", "  Intervals ", -1, -1, -1, 0, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acts, err := readString(header + tc.row + "\n")
			if err != nil {
				t.Fatal(err)
			}
			checkActivities(t, acts, []want{tc.want})
		})
	}
}

func TestStravaByteOrderMarkAndLineEndings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "strava_103.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := readFixture(t, "strava_103.csv", time.UTC)
	for name, in := range map[string][]byte{
		"BOM":  append([]byte("\uFEFF"), data...),
		"CRLF": bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")),
	} {
		got, err := ReadStravaCSV(bytes.NewReader(in), time.UTC)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(want) || got[0].SourceID != want[0].SourceID || got[1].Name != want[1].Name {
			t.Errorf("%s: read %d activities, first %q, name %q", name, len(got), got[0].SourceID, got[1].Name)
		}
	}
}

func TestStravaHeaderOnly(t *testing.T) {
	acts, err := readString(header)
	if err != nil || len(acts) != 0 {
		t.Fatalf("got %d activities, %v; want none and no error", len(acts), err)
	}
}

func TestStravaRefused(t *testing.T) {
	const ok = `1,"Mar 14, 2026, 7:05:00 AM",Morning Run,Run,600,2.0,,600.0,590.0,2000.0,,4.0,` + "\n"
	for _, tc := range []struct {
		name, in string
		line     int
		field    string
		says     string
	}{
		{"empty file", "", 1, "", "empty"},
		{"unknown header", "Date,Distance,Time\n2026-03-14,5,1800\n", 1, "",
			`not a Strava activities.csv: its header needs the columns "Activity ID", "Activity Date" and "Activity Type" (or, in a German export, "Aktivitäts-ID", "Aktivitätsdatum" and "Aktivitätsart"; in an export from before mid-2019, "id", "date" and "type"); the header found: "Date", "Distance", "Time"`},
		{"a needed column missing", "Activity ID,Activity Date,Activity Name\n1,\"Mar 14, 2026, 7:05:00 AM\",Run\n", 1, "",
			`it lacks "Activity Type"`},
		{"a header in French", "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité\n", 1, "", `the header found: "ID de l'activité"`},
		{"broken quote", header + ok + "2,\"Mar 15, 2026, 7:05:00 AM,Run,Run,600,2.0,,,,,,,\n" + strings.Replace(ok, "1,", "3,", 1), 3, "", "is not closed properly by line 4"},
		{"file cut inside a quoted name", header + ok + "2,\"Mar 15, 2026, 7:05:00 AM\",\"Nike Run Club: First \nSpe", 3, "", "a file cut short"},
		{"file cut inside a row", header + ok + "2,\"Mar 15, 2026, 7:05:00 AM\",Morning R", 3, "", "has 3 fields where the header has 13"},
		{"bare quote", header + ok + "2,\"Mar 15, 2026, 7:05:00 AM\",The \"fast\" one,Run,,,,,,,,,\n", 3, "", "double quote inside a field"},
		{"text after a closing quote", header + ok + "2,\"Mar 15, 2026, 7:05:00 AM\"x,Run,Run,,,,,,,,,\n", 3, "", "text after its closing quote"},
		{"too many fields", header + "1,\"Mar 14, 2026, 7:05:00 AM\",Run, 5k,Run,,,,,,,,,\n", 2, "", "has 14 fields where the header has 13"},
		{"rating out of range", header + strings.Replace(ok, ",4.0,", ",11,", 1), 2, "Perceived Exertion", `must be a whole number from 1 to 10, or empty (got "11")`},
		{"rating not whole", header + strings.Replace(ok, ",4.0,", ",3.5,", 1), 2, "Perceived Exertion", `(got "3.5")`},
		{"rating a word", header + strings.Replace(ok, ",4.0,", ",hard,", 1), 2, "Perceived Exertion", `(got "hard")`},
		{"bad date", header + strings.Replace(ok, "Mar 14, 2026", "14/03/2026", 1), 2, "Activity Date", `(got "14/03/2026, 7:05:00 AM")`},
		{"date before 1900", header + strings.Replace(ok, "2026", "1899", 1), 2, "Activity Date", "must be a day from 1900-01-01 on"},
		{"bad id", header + "x1" + ok[1:], 2, "Activity ID", `must be Strava's id of the activity, a whole number (got "x1")`},
		{"id twice", header + ok + ok, 3, "Activity ID", "1 is also the id of the activity on line 2"},
		{"negative moving time", header + strings.Replace(ok, ",590.0,", ",-590.0,", 1), 2, "Moving Time", `(got "-590.0")`},
		{"NaN distance", header + strings.Replace(ok, ",2000.0,", ",NaN,", 1), 2, "Distance (2nd)", `must be a number of metres from 0 to 100000000 (got "NaN")`},
		{"a hexadecimal elapsed time", header + strings.Replace(ok, ",600.0,", ",0x1p4,", 1), 2, "Elapsed Time (2nd)", `(got "0x1p4")`},
		{"a first distance with a comma in English", header + "1,\"Mar 14, 2026, 7:05:00 AM\",Run,Run,600,\"2,5\",,,,,,,\n", 2, "Distance", `must be a number of kilometres from 0 to 100000 (got "2,5")`},
		{"a duration of years", header + strings.Replace(ok, ",600.0,", ",99999999,", 1), 2, "Elapsed Time (2nd)", "from 0 to 2678400 (31 days)"},
		{"the line of a field after a line break", header + "1,\"Mar 14, 2026, 7:05:00 AM\",\"Two\nlines\",Run,,,,,,,,12,\n", 3, "Perceived Exertion", `(got "12")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acts, err := readString(tc.in)
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%T), want a *RowError", err, err)
			}
			if acts != nil {
				t.Errorf("%d activities returned with the error", len(acts))
			}
			if re.Line != tc.line || re.Field != tc.field || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q (line %d, field %q), want line %d, field %q, saying %q", err, re.Line, re.Field, tc.line, tc.field, tc.says)
			}
		})
	}
}

// TestStravaHeaderError: an unknown header is a *HeaderError in the
// *RowError, with the columns each known header needs.
func TestStravaHeaderError(t *testing.T) {
	_, err := readString("Activity ID,Date,Type\n1,2,3\n")
	var he *HeaderError
	if !errors.As(err, &he) {
		t.Fatalf("error %v (%T), want a *HeaderError", err, err)
	}
	if len(he.Need) != 3 || strings.Join(he.Need[0].Columns, ",") != "Activity ID,Activity Date,Activity Type" ||
		strings.Join(he.Missing, ",") != "Activity Date,Activity Type" {
		t.Errorf("need %v, missing %v", he.Need, he.Missing)
	}
	if want := `line 1: not a Strava activities.csv: its header needs the columns "Activity ID", "Activity Date" and "Activity Type" ` +
		`(or, in a German export, "Aktivitäts-ID", "Aktivitätsdatum" and "Aktivitätsart"; in an export from before mid-2019, "id", "date" and "type"); ` +
		`it lacks "Activity Date" and "Activity Type"; the header found: "Activity ID", "Date", "Type"`; err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
}

// errReader fails after its data.
type errReader struct{ r *strings.Reader }

var errDisk = errors.New("disk on fire")

func (e errReader) Read(p []byte) (int, error) {
	if e.r.Len() == 0 {
		return 0, errDisk
	}
	return e.r.Read(p)
}

func TestStravaReadErrorIsNotARowError(t *testing.T) {
	_, err := ReadStravaCSV(errReader{strings.NewReader(header)}, time.UTC)
	var re *RowError
	if !errors.Is(err, errDisk) || errors.As(err, &re) {
		t.Fatalf("error %v (%T), want the read error as it is", err, err)
	}
}

func TestRunning(t *testing.T) {
	for _, tc := range []struct {
		source, sport string
		want          bool
	}{
		{SourceStrava, "Run", true}, {SourceStrava, "Trail Run", true}, {SourceStrava, "Virtual Run", true},
		{SourceStrava, "Lauf", true}, {SourceStrava, "Traillauf", true}, {SourceStrava, "Virtueller Lauf", true},
		{SourceStrava, "Walk", false}, {SourceStrava, "Hike", false}, {SourceStrava, "Ride", false},
		{SourceStrava, "Workout", false}, {SourceStrava, "run", false}, {SourceStrava, "running", false},
		{SourceGarmin, "running", true}, {SourceGarmin, "treadmill_running", true}, {SourceGarmin, "trail_running", true},
		{SourceGarmin, "track_running", true}, {SourceGarmin, "indoor_running", true}, {SourceGarmin, "street_running", true},
		{SourceGarmin, "virtual_run", true}, {SourceGarmin, "ultra_run", true}, {SourceGarmin, "obstacle_run", true}, {SourceGarmin, "Run", false}, {SourceGarmin, "walking", false},
		{SourceGarmin, "cycling", false},
		{SourceFIT, "running", true}, {SourceFIT, "cycling", false}, {SourceFIT, "Run", false},
		{"", "Run", false}, {"polar", "running", false},
	} {
		if got := (Activity{Source: tc.source, Sport: tc.sport}).Running(); got != tc.want {
			t.Errorf("%s %q: Running() = %v, want %v", tc.source, tc.sport, got, tc.want)
		}
	}
}

// tenYears is an activities.csv of n activities on the 103-column header,
// built from the fixture's rows: a 10-year export holds about 3,000.
func tenYears(tb testing.TB, n int) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "strava_103.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	head, rest, _ := bytes.Cut(data, []byte("\n"))
	row, _, _ := bytes.Cut(rest, []byte("\n")) // the real 2026 row
	var b bytes.Buffer
	b.Write(head)
	b.WriteByte('\n')
	day := time.Date(2016, 4, 13, 4, 51, 23, 0, time.UTC)
	for i := range n {
		r := bytes.Replace(row, []byte("18087157972"), fmt.Appendf(nil, "%d", 18087157972+i), 1)
		r = bytes.Replace(r, []byte("Apr 13, 2026, 4:51:23 AM"), []byte(day.Add(time.Duration(i)*29*time.Hour).Format("Jan 2, 2006, 3:04:05 PM")), 1)
		b.Write(r)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestTenYears(t *testing.T) {
	acts, err := ReadStravaCSV(bytes.NewReader(tenYears(t, 3000)), mustZone(t, "Europe/Berlin"))
	if err != nil || len(acts) != 3000 {
		t.Fatalf("%d activities, %v", len(acts), err)
	}
}

// BenchmarkReadStravaCSV reads a 10-year export: 3,000 activities, 103
// columns (about 1 MB).
func BenchmarkReadStravaCSV(b *testing.B) {
	data := tenYears(b, 3000)
	loc := time.FixedZone("UTC+2", 2*3600)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadStravaCSV(bytes.NewReader(data), loc); err != nil {
			b.Fatal(err)
		}
	}
}

// A rating of 0, which the scale (from 1) never gives, is unrated, as
// Garmin's and FIT's 0 are: never 0, and not a reason to refuse the file.
func TestStravaRatingZeroIsUnrated(t *testing.T) {
	acts, err := readString(header + `7,"Mar 14, 2026, 7:05:00 AM",Run,Run,600,4.5,,600,590,4500,,0.0,` + "\n")
	if err != nil || len(acts) != 1 || acts[0].RPE != nil {
		t.Fatalf("got %+v, %v; want one unrated activity", acts, err)
	}
}
