package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laceup/laceup/slump"
)

// stravaZip writes a Strava account export's zip holding the fixture csv
// as activities.csv, and returns its path.
func stravaZip(t *testing.T, fixture string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("slump", "activity", "testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export_12345.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	fit, err := os.ReadFile(filepath.Join("store", "fitfile", "testdata", "run-rpe.fit"))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{"activities.csv": data, "profile.csv": []byte("Athlete ID\n1\n"),
		"activities/1.gpx": []byte("<gpx/>"), "activities/18087157972.fit": fit} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

type sessionOut struct {
	Source   string   `json:"source"`
	SourceID string   `json:"source_id"`
	Day      string   `json:"day"`
	Sport    string   `json:"sport"`
	Name     string   `json:"name"`
	Moving   *float64 `json:"moving_minutes"`
	RPE      *int     `json:"rpe"`
}

func listSessions(t *testing.T, home string, args ...string) []sessionOut {
	t.Helper()
	r := laceup(t, home, nil, append([]string{"activities", "list", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("activities list: exit %d: %s", r.code, r.stderr)
	}
	var out []sessionOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("activities list --json: %v\n%s", err, r.stdout)
	}
	return out
}

// A runner's Strava export, as the zip Strava mails: the runs land on
// their local days, the rides stay out unless asked for, re-importing is
// a no-op, and no check-in is written.
func TestActivitiesImportStrava(t *testing.T) {
	home := t.TempDir()
	zip := stravaZip(t, "strava_103.csv")
	r := laceup(t, home, nil, "activities", "import", zip, "--tz", "Europe/Berlin")
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	want := "Strava export (export_12345.zip): 7 activities, 4 with a perceived exertion; 2 of other sports left out (--all-sports brings them in).\n" +
		"Skipped 2 files under activities/: the originals of the sessions its activities.csv lists.\n" +
		"Sessions: added 5, updated 0, already had 0.\n"
	if got := strings.Join(strings.Fields(r.stdout), " "); got != strings.Join(strings.Fields(want), " ") {
		t.Errorf("import said:\n%s\nwant:\n%s", r.stdout, want)
	}
	again := laceup(t, home, nil, "activities", "import", zip, "--tz", "Europe/Berlin")
	if again.code != 0 || !strings.Contains(again.stdout, "Sessions: added 0, updated 0, already had 5.") {
		t.Errorf("re-import: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	all := laceup(t, home, nil, "activities", "import", zip, "--tz", "Europe/Berlin", "--all-sports")
	if all.code != 0 || !strings.Contains(all.stdout, "Sessions: added 2, updated 0, already had 5.") {
		t.Errorf("--all-sports: exit %d\n%s%s", all.code, all.stdout, all.stderr)
	}
	// 4:51 AM UTC on 13 April is 6:51 in Berlin: the 13th (the reader's
	// own tests check every row and zone).
	got := listSessions(t, home, "--date", "2026-04-13")
	if len(got) != 1 || got[0].SourceID != "18087157972" || got[0].Name != "Morning Run" || got[0].RPE == nil || *got[0].RPE != 3 {
		t.Errorf("2026-04-13: %+v", got)
	}
	if r := laceup(t, home, nil, "export", "--format", "json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("an import of sessions wrote check-ins: %s %s", r.stdout, r.stderr)
	}
}

// A Garmin archive (activities and two overlapping sleep files) and two
// FIT files in one import; then a check-in of a day with two hard sessions
// counts two hard efforts, and the form's source of sleep is the night.
func TestActivitiesImportGarminAndFIT(t *testing.T) {
	home := t.TempDir()
	r := laceup(t, home, nil, "activities", "import", filepath.Join("slump", "garmin", "testdata"),
		filepath.Join("store", "fitfile", "testdata", "run-rpe.fit"), filepath.Join("store", "fitfile", "testdata", "run-no-rpe.fit"))
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"7 activities, 5 rated; 2 of other sports left out", "FIT: 2 files, 2 sessions, 1 rated.",
		"Garmin sleep: 6 nights measured, 2026-01-12 to 2026-01-18.", "Sessions: added 7, updated 0, already had 0.", "Nights: added 6, updated 0, already had 0."} {
		if !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), want) {
			t.Errorf("import did not say %q:\n%s", want, r.stdout)
		}
	}
	again := laceup(t, home, nil, "activities", "import", filepath.Join("slump", "garmin", "testdata"),
		filepath.Join("store", "fitfile", "testdata", "run-rpe.fit"), filepath.Join("store", "fitfile", "testdata", "run-no-rpe.fit"))
	if !strings.Contains(again.stdout, "Sessions: added 0, updated 0, already had 7.") || !strings.Contains(again.stdout, "Nights: added 0, updated 0, already had 6.") {
		t.Errorf("re-import changed something:\n%s%s", again.stdout, again.stderr)
	}
	week := listSessions(t, home, "--week", "2026-W03")
	if len(week) < 3 {
		t.Fatalf("2026-W03 holds %d sessions: %+v", len(week), week)
	}
}

// Bad files: exit 2 naming the file (and the entry where there is one),
// nothing imported, the journal unchanged.
func TestActivitiesImportRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := stravaZip(t, "strava_103.csv")
	zipData, _ := os.ReadFile(good)
	truncated := write("cut.zip", string(zipData[:len(zipData)/2]))
	brokenQuote := write("activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Perceived Exertion\n1,\"Apr 13, 2026, 4:51:23 AM,Morning Run,Run,60,10,5\n")
	os.MkdirAll(filepath.Join(dir, "other"), 0o700)
	unknownHeader := write("other/activities.csv", "Activity ID,When,What\n1,2026-04-13,Run\n")
	notGarmin := write("x_summarizedActivities.json", `{"checkins": []}`)
	os.MkdirAll(filepath.Join(dir, "future"), 0o700)
	future := write("future/activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time\n"+
		`1,"Nov 25, 2026, 11:00:00 AM",Tomorrow's run,Run,3600`+"\n") // the clock says 07:30 UTC
	longNight := write("2026-01-01_2026-01-28_1_sleepData.json",
		`[{"calendarDate": "2026-01-14", "deepSleepSeconds": 36000, "lightSleepSeconds": 43200, "remSleepSeconds": 28800}]`)
	big := filepath.Join(dir, "huge.fit")
	if f, err := os.Create(big); err == nil {
		f.Truncate(10 << 30) // sparse: 10 GB that take no room
		f.Close()
	}
	home := t.TempDir()
	if r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "7", "--effort", "3"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"a truncated zip", []string{truncated}, []string{"cut.zip", "not a zip archive"}},
		{"a broken quote", []string{brokenQuote}, []string{"activities.csv", "line"}},
		{"an unknown header", []string{unknownHeader}, []string{"other/activities.csv", "needs the columns", "Activity Date"}},
		{"a FIT file with a bad CRC", []string{filepath.Join("store", "fitfile", "testdata", "run-rpe-crc-error.fit")}, []string{"run-rpe-crc-error.fit", "checksum"}},
		{"a cut FIT file", []string{filepath.Join("store", "fitfile", "testdata", "run-rpe-truncated.fit")}, []string{"run-rpe-truncated.fit"}},
		{"JSON not of Garmin's shape", []string{notGarmin}, []string{"x_summarizedActivities.json", "not a Garmin"}},
		{"a 10 GB file", []string{big}, []string{"huge.fit", "MB"}},
		{"a good file, then a bad one: nothing", []string{good, brokenQuote}, []string{"activities.csv"}},
		{"no such file", []string{filepath.Join(dir, "nope.zip")}, []string{"nope.zip", "no such file"}},
		{"a session in the future", []string{future}, []string{"activity 1", "start", "future"}},
		{"a night of 30 hours", []string{longNight}, []string{"sleepData.json", "at most 86400"}},
		{"no path", nil, []string{"give the files to read"}},
		{"a bad zone", []string{good, "--tz", "Mars/Olympus"}, []string{"tz", "Mars/Olympus"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fileHash(t, filepath.Join(home, "data", "laceup", "journal.db"))
			r := laceup(t, home, nil, append([]string{"activities", "import"}, tc.args...)...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2: %s", r.code, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("message %q does not name %q", r.stderr, w)
				}
			}
			if got := listSessions(t, home, "--week", "2026-W16"); len(got) != 0 {
				t.Errorf("%d sessions imported", len(got))
			}
			if fileHash(t, filepath.Join(home, "data", "laceup", "journal.db")) != before {
				t.Error("the journal changed")
			}
		})
	}
}

// The week as the meter reads it, once a runner's Strava sessions are in:
// the double day logged as effort 6 holds two sessions rated 8, so the
// week has 3 hard efforts and hard_efforts fires, where the check-ins
// alone hold 1; the rest day with a recorded jog stays a rest day, and
// activities list says the jog is not counted.
func TestSessionsCountInTheMeter(t *testing.T) {
	home := t.TempDir()
	for _, c := range [][]string{
		{"--date", day(-6), "--effort", "3", "--minutes", "40"},
		{"--date", day(-5), "--effort", "6", "--minutes", "90"},
		{"--date", day(-4), "--effort", "3", "--minutes", "40"},
		{"--date", day(-3), "--effort", "7", "--minutes", "50"},
		{"--date", day(-2), "--effort", "0"},
		{"--date", day(-1), "--effort", "4", "--minutes", "60"},
		{"--date", day(0), "--effort", "3", "--minutes", "40"},
	} {
		if r := laceup(t, home, nil, append([]string{"checkin", "--mood", "4", "--motivation", "4", "--sleep", "8"}, c...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	before := meterJSONOf(t, home)
	if hasID(before.Signals, "hard_efforts") {
		t.Fatalf("check-ins alone: hard_efforts fired: %+v", before.Signals)
	}
	at := func(offset int, hour string) string {
		return slump.DateOf(fixedClock()).AddDays(offset).Time().Format("Jan 2, 2006") + ", " + hour
	}
	csv := "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Moving Time,Perceived Exertion\n" +
		`1,"` + at(-5, `6:00:00 AM"`) + ",Intervals,Run,2700,9.1,2700,8\n" +
		`2,"` + at(-5, `5:00:00 PM"`) + ",Hills,Run,2700,8.2,2700,8\n" +
		`3,"` + at(-2, `8:00:00 AM"`) + ",Jog,Run,1800,4.5,1800,3\n"
	path := filepath.Join(t.TempDir(), "activities.csv")
	os.WriteFile(path, []byte(csv), 0o600)
	if r := laceup(t, home, nil, "activities", "import", path, "--tz", "UTC"); r.code != 0 || !strings.Contains(r.stdout, "added 3") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after := meterJSONOf(t, home)
	if !hasID(after.Signals, "hard_efforts") || !strings.Contains(detailOf(after.Signals, "hard_efforts"), "3") {
		t.Errorf("with the sessions: want hard_efforts over 3 hard efforts: %+v", after.Signals)
	}
	if !hasID(after.Hints, "rest_day_session") || hasID(before.Hints, "rest_day_session") {
		t.Errorf("want the rest_day_session hint once the jog is in: %+v", after.Hints)
	}
	if hasID(after.Signals, "no_rest_day") {
		t.Errorf("the logged rest day with a jog stopped being a rest day: %+v", after.Signals)
	}
	h := laceup(t, home, nil, "history", "--date", day(-5))
	flat := strings.Join(strings.Fields(h.stdout), " ")
	for _, want := range []string{"6 hard×2 90", "Sessions:", "Intervals · 45 min · 9.1 km · RPE 8"} {
		if !strings.Contains(flat, want) {
			t.Errorf("history does not show %q:\n%s", want, h.stdout)
		}
	}
	var hj struct {
		Sessions []sessionOut `json:"sessions"`
	}
	if h := laceup(t, home, nil, "history", "--json", "--date", day(-5)); json.Unmarshal([]byte(h.stdout), &hj) != nil || len(hj.Sessions) == 0 {
		t.Errorf("history --json has no sessions: %s", h.stdout)
	}
	r := laceup(t, home, nil, "activities", "list")
	if !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), "Jog · 30 min · 4.5 km · RPE 3 · not counted: you logged a rest day") {
		t.Errorf("activities list does not show the jog against the rest day:\n%s", r.stdout)
	}
}

func hasID[T any](items []T, id string) bool { return detailOf(items, id) != "\x00" }

// detailOf returns the detail of the item with that id, or NUL if none.
func detailOf[T any](items []T, id string) string {
	for _, it := range items {
		b, _ := json.Marshal(it)
		var v struct{ ID, Detail string }
		json.Unmarshal(b, &v)
		if v.ID == id {
			return v.Detail
		}
	}
	return "\x00"
}

// Every header of the years: the 79-column export, a German one and the
// exports from before mid-2019 import, and again change nothing.
func TestActivitiesImportEveryStravaHeader(t *testing.T) {
	for _, fixture := range []string{"strava_79.csv", "strava_de.csv", "strava_2018.csv", "strava_2019.csv"} {
		t.Run(fixture, func(t *testing.T) {
			home := t.TempDir()
			path := filepath.Join("slump", "activity", "testdata", fixture)
			r := laceup(t, home, nil, "activities", "import", path, "--all-sports", "--tz", "Europe/Berlin")
			if r.code != 0 || !strings.Contains(r.stdout, "Strava export ("+fixture+")") {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			var added int
			for _, line := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(line, "Sessions: added ") {
					fmt.Sscanf(line, "Sessions: added %d", &added)
				}
			}
			if added == 0 {
				t.Fatalf("nothing added:\n%s", r.stdout)
			}
			again := laceup(t, home, nil, "activities", "import", path, "--all-sports", "--tz", "Europe/Berlin")
			if want := fmt.Sprintf("Sessions: added 0, updated 0, already had %d.", added); !strings.Contains(again.stdout, want) {
				t.Errorf("re-import: want %q:\n%s%s", want, again.stdout, again.stderr)
			}
		})
	}
}

// One run, two records: the watch's FIT file dates it by the watch's clock
// (Wed 14 Jan), the Strava export by the zone of the import (--tz
// Pacific/Kiritimati: Thu 15 Jan). It counts once, in the week and in the
// list, whichever day the runner checked in.
func TestSessionRecordedTwiceCountsOnce(t *testing.T) {
	home := t.TempDir()
	for d := 12; d <= 18; d++ {
		if r := laceup(t, home, nil, "checkin", "--date", fmt.Sprintf("2026-01-%d", d), "--mood", "4", "--motivation", "4",
			"--sleep", "8", "--effort", "5", "--minutes", "50"); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	csv := "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Moving Time,Perceived Exertion\n" +
		`99,"Jan 14, 2026, 5:11:00 PM",Track 6x800,Run,4100,10.2,2950,8` + "\n"
	path := filepath.Join(t.TempDir(), "activities.csv")
	os.WriteFile(path, []byte(csv), 0o600)
	if r := laceup(t, home, nil, "activities", "import", path, filepath.Join("store", "fitfile", "testdata", "run-rpe.fit"),
		"--tz", "Pacific/Kiritimati"); r.code != 0 || !strings.Contains(r.stdout, "added 2") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var week struct {
		Summary struct {
			HardEfforts int `json:"hard_efforts"`
		} `json:"summary"`
		Sessions []sessionOut `json:"sessions"`
	}
	h := laceup(t, home, nil, "history", "--week", "2026-W03", "--json")
	if err := json.Unmarshal([]byte(h.stdout), &week); err != nil || week.Summary.HardEfforts != 1 || len(week.Sessions) != 2 {
		t.Errorf("week: %d hard efforts, %d sessions listed (%v); want 1 and 2\n%s", week.Summary.HardEfforts, len(week.Sessions), err, h.stdout)
	}
	r := laceup(t, home, nil, "activities", "list", "--date", "2026-01-15")
	if flat := strings.Join(strings.Fields(r.stdout), " "); !strings.Contains(flat, "Strava · Track 6x800 · 49 min · 10.2 km · RPE 8 · a copy of FIT · Track Run: counted once") {
		t.Errorf("the Strava copy is not marked:\n%s", r.stdout)
	}
}

// The same export given twice, or an older and a newer one: each session
// once, the last one given kept, and the counts say so.
func TestActivitiesGivenTwice(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join("slump", "activity", "testdata", "strava_103.csv")
	r := laceup(t, home, nil, "activities", "import", path, path)
	if flat := strings.Join(strings.Fields(r.stdout), " "); r.code != 0 || !strings.Contains(flat, "5 sessions were given more than once (the same id): the last one given is kept.") ||
		!strings.Contains(flat, "Sessions: added 5, updated 0, already had 0.") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// Sessions imported by mistake (--all-sports, the wrong --tz) can be
// removed by day, source and sport; check-ins stay, and importing again
// brings them back.
func TestActivitiesRemove(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join("slump", "activity", "testdata", "strava_103.csv")
	if r := laceup(t, home, nil, "activities", "import", path, "--all-sports"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "8", "--effort", "3"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := laceup(t, home, nil, "activities", "remove", "--all", "--sport", "Rowing"); r.code != 0 || !strings.Contains(r.stdout, "No session matched: nothing was removed") {
		t.Errorf("remove of nothing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := laceup(t, home, nil, "activities", "remove", "--all", "--sport", "ride")
	if r.code != 0 || !strings.Contains(r.stdout, "Removed 1 session; your check-ins are as they were.") {
		t.Fatalf("remove --sport Ride: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if again := laceup(t, home, nil, "activities", "import", path, "--all-sports"); !strings.Contains(again.stdout, "added 1, updated 0, already had 6") {
		t.Errorf("importing again did not bring back exactly the ride:\n%s", again.stdout)
	}
	if r := laceup(t, home, nil, "activities", "remove", "--date", "2026-04-13", "--source", "strava"); r.code != 0 || !strings.Contains(r.stdout, "Removed 1 session;") {
		t.Errorf("remove --date: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, bad := range [][]string{{}, {"--all", "--date", "today"}, {"--all", "--source", "polar"}, {"--week", "2025-W53"}} {
		r := laceup(t, home, nil, append([]string{"activities", "remove"}, bad...)...)
		if r.code != 2 {
			t.Errorf("remove %q: exit %d, want 2: %s", bad, r.code, r.stderr)
		}
	}
	if r := laceup(t, home, nil, "meter", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"checkins_last_7_days": 1`) {
		t.Errorf("the check-in did not stay:\n%s", r.stdout)
	}
}
