// Package sources finds the files of a training export that laceup
// activities import reads: a Strava account export (its .zip, the folder
// it unzips to, or its activities.csv), a Garmin "Export Your Data"
// archive (.zip or folder: *_summarizedActivities.json, *_sleepData.json),
// and FIT files (.fit, .fit.gz, or a folder of them). It tells them apart
// by content first and name second, and hands them over one at a time,
// each read with a limit, so memory holds one file and a zip bomb or a
// device is refused rather than read. Parsing them is the packages'
// slump/activity, slump/garmin and store/fitfile.
package sources

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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

// File is one file found: where (a path, or zip:entry), what it holds, and
// its bytes, valid only during the call that is given it.
type File struct {
	Name string
	Kind Kind
	Data []byte
}

// Limits on one file: a FIT file (after gunzip, see store/fitfile) up to
// MaxFIT, the others up to MaxFile. A 10-year Strava activities.csv is a
// few MB, a Garmin archive's activity file some tens.
const (
	MaxFile = 256 << 20
	MaxFIT  = 64 << 20
)

// sniff is how many bytes tell a file's kind.
const sniff = 4096

// Error is a path laceup cannot import from: bad input, nothing imported.
type Error struct {
	Path   string
	Reason string
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }

// Found says what Walk passed over on purpose.
type Found struct {
	// Originals is the number of files under the activities/ folder of a
	// Strava export: the originals of the sessions its activities.csv
	// lists, which would be each session a second time.
	Originals int
}

// Walk calls visit with each file laceup reads at path (a file, a folder,
// followed when it is a link, or a .zip), one at a time, in name order. A
// path holding none of them, or one that cannot be imported (missing, not
// a regular file or folder, too large, a damaged zip), is an *Error; an
// error reading a file is returned as it is; visit's error ends the walk.
func Walk(ctx context.Context, path string, visit func(File) error) (Found, error) {
	var found Found
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return found, &Error{Path: path, Reason: "no such file or folder"}
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return found, fmt.Errorf("cannot read %s: %w", path, pe.Err)
		}
		return found, err
	}
	n := 0
	seen := func(f File) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		return visit(f)
	}
	switch {
	case fi.IsDir():
		err = walkDir(path, &found, seen)
	case !fi.Mode().IsRegular():
		return found, &Error{Path: path, Reason: "it is not a regular file or a folder"}
	case strings.EqualFold(filepath.Ext(path), ".zip"):
		err = walkZip(path, &found, seen)
	default:
		err = readOne(path, fi.Size(), func() (io.ReadCloser, error) { return os.Open(path) }, seen)
	}
	if err != nil {
		return found, err
	}
	if n == 0 {
		reason := "no Strava activities.csv, Garmin *_summarizedActivities.json or *_sleepData.json, and no .fit or .fit.gz file in it"
		if !fi.IsDir() && !strings.EqualFold(filepath.Ext(path), ".zip") {
			reason = "it is none of the files laceup imports: a Strava activities.csv, a Garmin *_summarizedActivities.json or *_sleepData.json, a .fit or .fit.gz file, or a .zip or folder holding them"
		}
		return found, &Error{Path: path, Reason: reason}
	}
	return found, nil
}

// walkDir visits the files of a folder, following the folder itself when
// it is a link but no link inside it (a link may lead out of the export, or
// round in a loop).
func walkDir(root string, found *Found, visit func(File) error) error {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", root, err)
	}
	return filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || !wanted(p) {
			return err
		}
		shown := filepath.Join(root, strings.TrimPrefix(p, real))
		if original(p, func(csv string) bool { _, err := os.Stat(csv); return err == nil }) {
			found.Originals++
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return readOne(shown, info.Size(), func() (io.ReadCloser, error) { return os.Open(p) }, visit)
	})
}

// walkZip visits the entries of a zip, by name.
func walkZip(name string, found *Found, visit func(File) error) error {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return &Error{Path: name, Reason: "it is not a zip archive laceup can read (" + err.Error() + ")"}
	}
	defer zr.Close()
	entries := map[string]bool{}
	for _, f := range zr.File {
		entries[f.Name] = true
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if f.FileInfo().IsDir() || !wanted(f.Name) {
			continue
		}
		if original(f.Name, func(csv string) bool { return entries[filepath.ToSlash(csv)] }) {
			found.Originals++
			continue
		}
		entry := name + ":" + f.Name
		if f.UncompressedSize64 > MaxFile {
			return &Error{Path: entry, Reason: fmt.Sprintf("it unzips to more than %d MB", MaxFile>>20)}
		}
		err := readOne(entry, int64(f.UncompressedSize64), f.Open, visit)
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrAlgorithm) ||
			errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, new(flate.CorruptInputError)) {
			return &Error{Path: entry, Reason: "the archive is damaged or cut short (" + err.Error() + ")"}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// original reports whether the file at p (a path, or a zip entry's name)
// is one of the originals a Strava export keeps beside its activities.csv:
// a .fit, .fit.gz, .gpx or .tcx under activities/ next to that csv (exists
// says whether it does).
func original(p string, exists func(csv string) bool) bool {
	slashed := filepath.ToSlash(p)
	dir := path.Dir(slashed)
	if path.Base(dir) != "activities" {
		return false
	}
	return exists(filepath.FromSlash(path.Join(path.Dir(dir), "activities.csv")))
}

// readOne reads one file of size bytes (as its folder or zip says) and
// visits it if its first bytes or its name tell a kind laceup reads.
func readOne(name string, size int64, open func() (io.ReadCloser, error), visit func(File) error) error {
	if size > MaxFile {
		return &Error{Path: name, Reason: fmt.Sprintf("it is %d MB, more than any export's file laceup reads", size>>20)}
	}
	rc, err := open()
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	defer rc.Close()
	head := make([]byte, sniff)
	n, err := io.ReadFull(rc, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	head = head[:n]
	kind, ok := kindOf(name, head)
	if !ok {
		return nil
	}
	limit := int64(MaxFile)
	if kind == FIT {
		limit = MaxFIT
	}
	tooLarge := &Error{Path: name, Reason: fmt.Sprintf("it is more than %d MB, more than any such file", limit>>20)}
	if size > limit {
		return tooLarge // as its folder or zip says: a zip may say less, which the limit below catches
	}
	var buf bytes.Buffer
	buf.Grow(int(min(max(size, int64(n)), limit)) + 1)
	buf.Write(head)
	if n == sniff {
		if _, err := buf.ReadFrom(io.LimitReader(rc, limit+1-int64(n))); err != nil {
			return fmt.Errorf("cannot read %s: %w", name, err)
		}
	}
	if int64(buf.Len()) > limit {
		return tooLarge
	}
	return visit(File{Name: name, Kind: kind, Data: buf.Bytes()})
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

// stravaIDs are the first columns a Strava activities.csv's header must
// name exactly, in an English or German export, and before mid-2019.
var stravaIDs = [][2]string{{"Activity ID", "Activity Date"}, {"Aktivitäts-ID", "Aktivitätsdatum"}, {"id", "date"}}

// kindOf tells what a file holds, from its first bytes and, where they
// do not settle it, its name: a FIT file says ".FIT" at byte 8 (its
// header), Garmin's JSON names its keys (activityId; calendarDate with
// the sleep stages), a Strava csv's header its columns, exactly. A file
// renamed keeps its kind; one whose bytes are damaged keeps the kind of
// its name, so its reader says what is wrong with it.
func kindOf(name string, head []byte) (Kind, bool) {
	base := strings.ToLower(filepath.Base(name))
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(head) >= 12 && string(head[8:12]) == ".FIT":
		return FIT, true
	case len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') && bytes.Contains(head, []byte(`"activityId"`)):
		return GarminActivities, true
	case len(trimmed) > 0 && trimmed[0] == '[' && bytes.Contains(head, []byte(`"calendarDate"`)) && bytes.Contains(head, []byte(`SleepSeconds"`)):
		return GarminSleep, true
	case stravaHeader(head):
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

// stravaHeader reports whether head starts with a csv header naming
// Strava's id and date columns (a kudos.csv's "Parent Activity ID" does
// not).
func stravaHeader(head []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("\n"))
	fields, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return false
	}
	for _, ids := range stravaIDs {
		if slices.Contains(fields, ids[0]) && slices.Contains(fields, ids[1]) {
			return true
		}
	}
	return false
}
