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
	"syscall"
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
	// Uploaded is the number of zips under a Garmin export's
	// DI-Connect-Uploaded-Files folder: the original FIT files of the
	// activities its summarizedActivities lists, again.
	Uploaded int
}

// Walk calls visit with each file laceup reads at path (a file, a folder,
// followed when it is a link, or a .zip), one at a time, in name order. A
// path holding none of them, or one that cannot be imported (missing, not
// a regular file or folder, too large, a damaged zip), is an *Error; an
// error reading a file is returned as it is; visit's error ends the walk.
func Walk(ctx context.Context, path string, visit func(File) error) (Found, error) {
	var found Found
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
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
	case strings.EqualFold(filepath.Ext(path), ".zip") || isZip(path):
		err = walkZip(path, &found, seen)
	default:
		err = readOne(path, fi.Size(), func() (io.ReadCloser, error) { return os.Open(path) }, seen)
	}
	if err != nil {
		return found, err
	}
	if n == 0 && found.Uploaded > 0 && found.Originals == 0 {
		return found, &Error{Path: path, Reason: fmt.Sprintf("it holds only %s of a Garmin export's uploaded files, the originals of its activities: import the export itself", plural(found.Uploaded))}
	}
	if n == 0 && found.Originals > 0 {
		return found, &Error{Path: path, Reason: fmt.Sprintf("it holds only %s under a Strava export's activities/, the originals of the sessions its activities.csv lists: import the export itself", plural(found.Originals))}
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
	strava := map[string]bool{} // the activities.csv files of the folder that are Strava's, by path
	isStrava := func(csvPath string) bool {
		is, ok := strava[csvPath]
		if !ok {
			rel, err := filepath.Rel(real, csvPath)
			if err == nil && !strings.HasPrefix(rel, "..") {
				is = headOf(func() (io.ReadCloser, error) { return os.Open(csvPath) })
			}
			strava[csvPath] = is
		}
		return is
	}
	return filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		shown := filepath.Join(root, strings.TrimPrefix(p, real))
		if original(p, isStrava) {
			found.Originals++
			return nil
		}
		if strings.EqualFold(filepath.Ext(p), ".zip") {
			// An export downloaded into the folder and not unzipped: read
			// it, unless it is a Garmin export's uploaded originals.
			if strings.EqualFold(filepath.Base(filepath.Dir(p)), "DI-Connect-Uploaded-Files") {
				found.Uploaded++
				return nil
			}
			return walkZip(shown, found, visit)
		}
		if !wanted(p) {
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
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	strava := map[string]bool{}
	isStrava := func(csvPath string) bool {
		name := filepath.ToSlash(csvPath)
		is, ok := strava[name]
		if !ok {
			if f := entries[name]; f != nil {
				is = headOf(f.Open)
			}
			strava[name] = is
		}
		return is
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if f.FileInfo().IsDir() {
			continue
		}
		if original(f.Name, isStrava) {
			found.Originals++
			continue
		}
		if !wanted(f.Name) {
			continue
		}
		entry := name + ":" + f.Name
		if f.UncompressedSize64 > MaxFile {
			return &Error{Path: entry, Reason: fmt.Sprintf("it unzips to more than %d MB", MaxFile>>20)}
		}
		err := readOne(entry, int64(f.UncompressedSize64), f.Open, visit)
		if errors.Is(err, zip.ErrAlgorithm) {
			return &Error{Path: entry, Reason: "it is compressed in a way laceup cannot read (only stored and deflated entries): unzip it and import the folder"}
		}
		if re := (*readError)(nil); errors.As(err, &re) {
			// Reading an entry's bytes fails only on the archive's own
			// damage (a bad checksum, a cut or corrupt deflate stream,
			// offsets past its end): the zip file itself was read.
			return &Error{Path: entry, Reason: "the archive is damaged or cut short (" + re.err.Error() + ")"}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// original reports whether the file at p (a path, or a zip entry's name)
// is one of the originals a Strava export keeps beside its activities.csv:
// any file (.fit, .fit.gz, .gpx, .tcx, .gpx.gz...) under activities/ next
// to an activities.csv that is Strava's (strava says whether the csv at a
// path is, and is false for one outside what is imported).
func original(p string, strava func(csv string) bool) bool {
	slashed := filepath.ToSlash(p)
	dir := path.Dir(slashed)
	if path.Base(dir) != "activities" {
		return false
	}
	return strava(filepath.FromSlash(path.Join(path.Dir(dir), "activities.csv")))
}

// headOf reports whether the file open opens starts with a Strava
// activities.csv header.
func headOf(open func() (io.ReadCloser, error)) bool {
	rc, err := open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head, _ := io.ReadAll(io.LimitReader(rc, sniff))
	return stravaHeader(head)
}

// isZip reports whether the file at p starts as a zip archive does, so an
// export saved without its .zip is read as one.
func isZip(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	magic := make([]byte, 4)
	_, err = io.ReadFull(f, magic)
	return err == nil && string(magic) == "PK\x03\x04"
}

// readError is a file whose bytes could not be read.
type readError struct {
	name string
	err  error
}

func (e *readError) Error() string { return "cannot read " + e.name + ": " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// plural is "1 file" or "2 files".
func plural(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

// readOne reads one file of size bytes (as its folder or zip says) and
// visits it if its first bytes or its name tell a kind laceup reads.
func readOne(name string, size int64, open func() (io.ReadCloser, error), visit func(File) error) error {
	if size > MaxFile {
		return &Error{Path: name, Reason: fmt.Sprintf("it is %d MB, more than any export's file laceup reads", size>>20)}
	}
	rc, err := open()
	if err != nil {
		return &readError{name, err}
	}
	defer rc.Close()
	// ReadAll, not ReadFull: a deflate stream cut short says
	// io.ErrUnexpectedEOF, which must not pass for a short file.
	head, err := io.ReadAll(io.LimitReader(rc, sniff))
	if err != nil {
		return &readError{name, err}
	}
	n := len(head)
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
			return &readError{name, err}
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
