package sources

import (
	"archive/zip"
	"bytes"
	"context"
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

// Find collects what Walk visits (names and kinds; the bytes are valid
// only during the visit).
func Find(path string) ([]File, error) {
	var out []File
	_, err := Walk(context.Background(), path, func(f File) error {
		out = append(out, File{Name: f.Name, Kind: f.Kind})
		return nil
	})
	return out, err
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
	writeZip(t, zipPath, map[string]string{"activities.csv": stravaHead, "other/1.fit.gz": "gz", "media/1.jpg": "jpg"})

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
	if err != nil || kinds(got) != "export_1.zip:activities.csv=strava 1.fit.gz=fit" {
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
	damaged := filepath.Join(dir, "damaged.zip")
	writeZip(t, damaged, map[string]string{"activities.csv": strings.Repeat(stravaHead, 200)})
	data, _ = os.ReadFile(damaged)
	if i := bytes.Index(data, []byte("PK\x01\x02")); i > 200 { // the compressed data is before the central directory
		for j := 100; j < 140; j++ {
			data[j] ^= 0xff
		}
	}
	os.WriteFile(damaged, data, 0o600)
	stray := filepath.Join(dir, "kudos.csv")
	os.WriteFile(stray, []byte("Kudos Date,Parent Activity ID\n2026-01-01,1\n"), 0o600)
	huge := filepath.Join(dir, "huge.csv")
	if f, err := os.Create(huge); err == nil {
		f.Truncate(MaxFile + 1) // sparse
		f.Close()
	}
	for _, tc := range []struct{ path, want string }{
		{empty, "no Strava activities.csv"},
		{damaged, "damaged or cut short"},
		{stray, "none of the files laceup imports"},
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
	if _, err := Find(filepath.Join(dir, "nope")); !errors.As(err, new(*Error)) || !strings.Contains(err.Error(), "no such file or folder") {
		t.Errorf("a missing path: %v, want bad input naming it", err)
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

// A Strava export keeps the originals of its rows (.fit.gz, .gpx) under
// activities/: they would be each session again, so they are passed over
// and counted, in a zip and in the folder it unzips to; FIT files anywhere
// else are read.
func TestStravaOriginalsSkipped(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"export_1/activities.csv": stravaHead, "export_1/activities/1.fit.gz": "gz",
		"export_1/activities/2.fit": "fit", "export_1/activities/3.gpx": "gpx", "watch/4.fit": "fit"}
	zipPath := filepath.Join(dir, "export.zip")
	writeZip(t, zipPath, files)
	folder := filepath.Join(dir, "unzipped")
	for name, body := range files {
		os.MkdirAll(filepath.Join(folder, filepath.Dir(name)), 0o700)
		os.WriteFile(filepath.Join(folder, name), []byte(body), 0o600)
	}
	for _, p := range []string{zipPath, folder} {
		var got []File
		found, err := Walk(context.Background(), p, func(f File) error { got = append(got, File{Name: f.Name, Kind: f.Kind}); return nil })
		if err != nil || kinds(got) != "activities.csv=strava 4.fit=fit" || found.Originals != 3 {
			t.Errorf("Walk(%s) = %s, %+v, %v; want the csv, the watch's file, and 3 originals skipped", p, kinds(got), found, err)
		}
	}
	// The originals' folder given itself: the csv beside it is not
	// imported, so its files are read.
	got, err := Find(filepath.Join(folder, "export_1", "activities"))
	if err != nil || kinds(got) != "1.fit.gz=fit 2.fit=fit" {
		t.Errorf("the activities/ folder itself: %s, %v", kinds(got), err)
	}
	// A folder named activities beside a csv that is not Strava's is the
	// runner's own: read.
	own := filepath.Join(dir, "own")
	os.MkdirAll(filepath.Join(own, "activities"), 0o700)
	os.WriteFile(filepath.Join(own, "activities.csv"), []byte("date,km\n2026-01-01,5\n"), 0o600)
	os.WriteFile(filepath.Join(own, "activities", "run.fit"), []byte("fit"), 0o600)
	if got, err := Find(own); err != nil || !strings.Contains(kinds(got), "run.fit=fit") {
		t.Errorf("a folder of one's own: %s, %v; want its FIT file read", kinds(got), err)
	}
}

// A zip saved without its .zip is still read as one; a path through a
// file is no such path; an entry cut short in its first bytes is damage,
// never a short file.
func TestWalkZipEdges(t *testing.T) {
	dir := t.TempDir()
	bare := filepath.Join(dir, "export_12345")
	writeZip(t, bare, map[string]string{"activities.csv": stravaHead})
	if got, err := Find(bare); err != nil || kinds(got) != "export_12345:activities.csv=strava" {
		t.Errorf("a zip without .zip: %s, %v", kinds(got), err)
	}
	if _, err := Find(filepath.Join(bare, "x")); !errors.As(err, new(*Error)) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a path through a file: %v", err)
	}
	// A deflated entry whose stream stops early, its directory intact.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("activities.csv")
	w.Write([]byte(stravaHead + strings.Repeat("2,\"Apr 13, 2026, 4:51:23 AM\",Run,Run\n", 50)))
	zw.Close()
	data := buf.Bytes()
	cd := bytes.Index(data, []byte("PK\x01\x02"))
	hdr := 30 + len("activities.csv")
	cut := append(append([]byte{}, data[:hdr+(cd-hdr)/3]...), data[cd:]...) // the directory's offsets now point past the data
	cutPath := filepath.Join(dir, "cut.zip")
	os.WriteFile(cutPath, cut, 0o600)
	if _, err := Find(cutPath); !errors.As(err, new(*Error)) {
		t.Errorf("a zip cut in its data: %v, want an *Error", err)
	}
}

// A link to the export's folder is followed; a folder's name is shown as
// given.
func TestWalkFollowsALinkedFolder(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o700)
	os.WriteFile(filepath.Join(dir, "real", "activities.csv"), []byte(stravaHead), 0o600)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skip(err)
	}
	got, err := Find(link)
	if err != nil || kinds(got) != "activities.csv=strava" || got[0].Name != filepath.Join(link, "activities.csv") {
		t.Errorf("Find(link) = %+v, %v", got, err)
	}
}

// A folder the runner keeps exports in holds them as they were downloaded,
// zipped: each zip is read; a Garmin export's uploaded-files zips are the
// originals of its activities and are passed over.
func TestWalkReadsZipsInAFolder(t *testing.T) {
	dir := t.TempDir()
	imports := filepath.Join(dir, "imports")
	uploaded := filepath.Join(imports, "garmin", "DI_CONNECT", "DI-Connect-Uploaded-Files")
	fitness := filepath.Join(imports, "garmin", "DI_CONNECT", "DI-Connect-Fitness")
	os.MkdirAll(uploaded, 0o700)
	os.MkdirAll(fitness, 0o700)
	writeZip(t, filepath.Join(imports, "export_12345678.zip"), map[string]string{"activities.csv": stravaHead})
	writeZip(t, filepath.Join(uploaded, "UploadedFiles_0-_Part1.zip"), map[string]string{"1.fit": "fit"})
	os.WriteFile(filepath.Join(fitness, "me_0_summarizedActivities.json"), []byte("[]"), 0o600)
	var got []File
	found, err := Walk(context.Background(), imports, func(f File) error { got = append(got, File{Name: f.Name, Kind: f.Kind}); return nil })
	if err != nil || kinds(got) != "export_12345678.zip:activities.csv=strava me_0_summarizedActivities.json=garmin" || found.Uploaded != 1 {
		t.Errorf("Walk = %s, %+v, %v", kinds(got), found, err)
	}
}
