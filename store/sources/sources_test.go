package sources

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const stravaHead = "Activity ID,Activity Date,Activity Name,Activity Type\n1,\"Apr 13, 2026, 4:51:23 AM\",Morning Run,Run\n"

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func kinds(files []File) string {
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f.Name)+"="+string(f.Kind))
	}
	return strings.Join(out, " ")
}

// The three shapes of a path (a file, a folder, a zip) and every kind, told
// by name and content; files laceup does not read are passed over.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	garmin := filepath.Join(dir, "garmin", "DI_CONNECT", "DI-Connect-Fitness")
	os.MkdirAll(garmin, 0o700)
	os.WriteFile(filepath.Join(garmin, "me_0_summarizedActivities.json"), []byte("[]"), 0o600)
	os.WriteFile(filepath.Join(garmin, "2026-01-01_2026-01-28_1_sleepData.json"), []byte("[]"), 0o600)
	os.WriteFile(filepath.Join(garmin, "notes.txt"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(garmin, "other.csv"), []byte("a,b\n"), 0o600)
	csv := filepath.Join(dir, "activities.csv")
	os.WriteFile(csv, []byte(stravaHead), 0o600)
	fit := filepath.Join(dir, "run.FIT")
	os.WriteFile(fit, []byte("fit bytes"), 0o600)
	zipPath := filepath.Join(dir, "export_1.zip")
	writeZip(t, zipPath, map[string]string{"activities.csv": stravaHead, "activities/1.fit.gz": "gz", "media/1.jpg": "jpg"})

	for _, tc := range []struct{ path, want string }{
		{csv, "activities.csv=strava"},
		{fit, "run.FIT=fit"},
		{filepath.Join(dir, "garmin"), "2026-01-01_2026-01-28_1_sleepData.json=garmin-sleep me_0_summarizedActivities.json=garmin"},
	} {
		got, err := Find(tc.path)
		if err != nil || kinds(got) != tc.want {
			t.Errorf("Find(%s) = %s, %v; want %s", tc.path, kinds(got), err, tc.want)
		}
	}
	got, err := Find(zipPath)
	if err != nil || !strings.Contains(kinds(got), "activities.csv=strava") || !strings.Contains(kinds(got), "1.fit.gz=fit") || len(got) != 2 {
		t.Errorf("Find(zip) = %s, %v", kinds(got), err)
	}
	if len(got) > 0 && !strings.HasPrefix(got[0].Name, zipPath+":") {
		t.Errorf("an entry's name %q does not say the zip it is in", got[0].Name)
	}
}

// What cannot be imported is an *Error naming the path and why.
func TestFindRefuses(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o700)
	cut := filepath.Join(dir, "cut.zip")
	writeZip(t, cut, map[string]string{"activities.csv": stravaHead})
	data, _ := os.ReadFile(cut)
	os.WriteFile(cut, data[:len(data)/2], 0o600)
	huge := filepath.Join(dir, "huge.csv")
	if f, err := os.Create(huge); err == nil {
		f.Truncate(MaxFile + 1) // sparse
		f.Close()
	}
	for _, tc := range []struct{ path, want string }{
		{empty, "no Strava activities.csv"},
		{cut, "not a zip archive"},
		{huge, "MB"},
		{"/dev/null", "not a regular file"},
	} {
		_, err := Find(tc.path)
		var se *Error
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
			t.Errorf("Find(%s) = %v; want an *Error saying %q", tc.path, err, tc.want)
		}
	}
	if _, err := Find(filepath.Join(dir, "nope")); err == nil || errors.As(err, new(*Error)) {
		t.Errorf("a missing path: %v, want a read error (exit 1), not bad input", err)
	}
}

// A file given by its own path is told by its content, whatever its name.
func TestFindByContent(t *testing.T) {
	dir := t.TempDir()
	fit, err := os.ReadFile(filepath.Join("..", "fitfile", "testdata", "run-rpe.fit"))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"watch-download.bin": string(fit),
		"garmin.json":        `[{"summarizedActivitiesExport": [{"activityId": 1}]}]`,
		"nights.json":        `[{"calendarDate": "2026-01-14", "deepSleepSeconds": 3600}]`,
		"my strava.csv":      stravaHead,
		"old.csv":            "id,date,name,type,elapsed_time\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		got, err := Find(p)
		want := map[string]Kind{"watch-download.bin": FIT, "garmin.json": GarminActivities, "nights.json": GarminSleep,
			"my strava.csv": StravaActivities, "old.csv": StravaActivities}[name]
		if err != nil || len(got) != 1 || got[0].Kind != want {
			t.Errorf("Find(%s) = %s, %v; want %s", name, kinds(got), err, want)
		}
	}
}
