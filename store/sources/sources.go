// Package sources finds the files of a training export that laceup
// activities import reads: a Strava account export (its .zip, the folder
// it unzips to, or its activities.csv), a Garmin "Export Your Data"
// archive (.zip or folder: *_summarizedActivities.json, *_sleepData.json),
// and FIT files (.fit, .fit.gz, or a folder of them). It tells them apart
// by name and content, and reads them with limits, so a zip bomb or a
// device is refused rather than read. Parsing them is the packages'
// slump/activity, slump/garmin and store/fitfile.
package sources

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what a file found holds.
type Kind string

// The kinds.
const (
	StravaActivities Kind = "strava"       // Strava's activities.csv
	GarminActivities Kind = "garmin"       // Garmin's *_summarizedActivities.json
	GarminSleep      Kind = "garmin-sleep" // Garmin's *_sleepData.json
	FIT              Kind = "fit"          // a .fit or .fit.gz file
)

// File is one file found: where (a path, or a path inside a zip), what it
// holds, and its bytes.
type File struct {
	Name string
	Kind Kind
	Data []byte
}

// Limits: one file of an export is read up to MaxFile bytes, a whole
// export (the files laceup reads in it) up to MaxTotal. A 10-year Strava
// activities.csv is a few MB; a Garmin archive's activity files some tens.
const (
	MaxFile  = 256 << 20
	MaxTotal = 1 << 30
)

// Error is a path laceup cannot import from: bad input, nothing imported.
type Error struct {
	Path   string
	Reason string
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }

// Find returns the files laceup reads at path: a file, a folder (walked)
// or a .zip (its entries). A path holding none of them is an *Error
// saying what was looked for.
func Find(path string) ([]File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("cannot read %s: %w", path, pe.Err)
		}
		return nil, err
	}
	if fi.Mode().IsRegular() && fi.Size() > MaxTotal || !fi.IsDir() && !strings.EqualFold(filepath.Ext(path), ".zip") && fi.Size() > MaxFile {
		return nil, &Error{Path: path, Reason: fmt.Sprintf("it is %d MB, more than any export laceup reads", fi.Size()>>20)}
	}
	var files []File
	total := int64(0)
	add := func(name string, r io.Reader) error {
		data, err := io.ReadAll(io.LimitReader(r, MaxFile+1))
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", name, err)
		}
		if int64(len(data)) > MaxFile {
			return &Error{Path: name, Reason: fmt.Sprintf("it is more than %d MB, more than any export's file", MaxFile>>20)}
		}
		if total += int64(len(data)); total > MaxTotal {
			return &Error{Path: path, Reason: fmt.Sprintf("its files come to more than %d MB", MaxTotal>>20)}
		}
		if kind, ok := kindOf(name, data); ok {
			files = append(files, File{Name: name, Kind: kind, Data: data})
		}
		return nil
	}
	switch {
	case fi.IsDir():
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !d.Type().IsRegular() || !wanted(p) {
				return err
			}
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return add(p, f)
		})
	case !fi.Mode().IsRegular():
		return nil, &Error{Path: path, Reason: "it is not a regular file or a folder"}
	case strings.EqualFold(filepath.Ext(path), ".zip"):
		err = readZip(path, add)
	default:
		var f *os.File
		if f, err = os.Open(path); err == nil {
			err = add(path, f)
			f.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &Error{Path: path, Reason: "no Strava activities.csv, Garmin *_summarizedActivities.json or *_sleepData.json, and no .fit or .fit.gz file in it"}
	}
	return files, nil
}

// readZip calls add for each entry of the zip at path that laceup reads.
func readZip(path string, add func(string, io.Reader) error) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return &Error{Path: path, Reason: "it is not a zip archive laceup can read (" + err.Error() + ")"}
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !wanted(f.Name) {
			continue
		}
		if f.UncompressedSize64 > MaxFile {
			return &Error{Path: path + ":" + f.Name, Reason: fmt.Sprintf("it unzips to more than %d MB", MaxFile>>20)}
		}
		rc, err := f.Open()
		if err != nil {
			return &Error{Path: path + ":" + f.Name, Reason: err.Error()}
		}
		err = add(path+":"+f.Name, rc)
		rc.Close()
		if err != nil {
			if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
				return &Error{Path: path + ":" + f.Name, Reason: "the archive is damaged or cut short (" + err.Error() + ")"}
			}
			return err
		}
	}
	return nil
}

// wanted reports whether a file of this name, in a folder or a zip, may be
// one laceup reads: its content decides (kindOf). Garmin's archive holds
// hundreds of other JSON files, so of those only the two names are read.
func wanted(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	return strings.HasSuffix(base, ".csv") ||
		strings.HasSuffix(base, "_summarizedactivities.json") || strings.HasSuffix(base, "_sleepdata.json") ||
		strings.HasSuffix(base, ".fit") || strings.HasSuffix(base, ".fit.gz")
}

// kindOf tells what a file holds, from its first bytes and, where they
// do not settle it, its name: a FIT file says ".FIT" at byte 8 (its
// header), Garmin's JSON names its keys (activityId; calendarDate with
// the sleep stages), Strava's CSV header its columns. A file renamed
// keeps its kind; one whose bytes are damaged keeps the kind of its name,
// so its reader says what is wrong with it.
func kindOf(name string, data []byte) (Kind, bool) {
	base := strings.ToLower(filepath.Base(name))
	head := data[:min(len(data), 4096)]
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(data) >= 12 && string(data[8:12]) == ".FIT":
		return FIT, true
	case len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') && bytes.Contains(head, []byte(`"activityId"`)):
		return GarminActivities, true
	case len(trimmed) > 0 && trimmed[0] == '[' && bytes.Contains(head, []byte(`"calendarDate"`)) && bytes.Contains(head, []byte(`SleepSeconds"`)):
		return GarminSleep, true
	case bytes.Contains(firstLine(head), []byte("Activity ID")) || bytes.Contains(firstLine(head), []byte("Aktivitäts-ID")) ||
		bytes.HasPrefix(head, []byte("id,date,name,type")):
		return StravaActivities, true
	case strings.HasSuffix(base, ".fit") || strings.HasSuffix(base, ".fit.gz"):
		return FIT, true
	case strings.HasSuffix(base, "_summarizedactivities.json"):
		return GarminActivities, true
	case strings.HasSuffix(base, "_sleepdata.json"):
		return GarminSleep, true
	case base == "activities.csv":
		return StravaActivities, true // its reader names the columns it lacks
	}
	return "", false
}

// firstLine is the first line of b, where a CSV's header is.
func firstLine(b []byte) []byte {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return line
}
