package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// OutputError is returned for a file laceup was asked to write (an export
// or a backup) that it must not write: the journal itself or one of its
// -wal, -shm or -journal files, which writing would destroy, or a folder.
// Nothing was written.
type OutputError struct {
	Path   string // as given
	Folder bool   // a folder; otherwise the journal or one of its files
}

func (e *OutputError) Error() string {
	if e.Folder {
		return fmt.Sprintf("%s is a folder; give a file name", e.Path)
	}
	return fmt.Sprintf("%s is your journal; write to another file", e.Path)
}

// CheckOutput returns an *OutputError if out names the journal at journal,
// one of its -wal, -shm or -journal files (by name, or as the same file
// under another name), or a folder; nil otherwise, also when out does not
// exist yet. It reads nothing but the two paths' file information.
func CheckOutput(out, journal string) error {
	o, err1 := filepath.Abs(out)
	j, err2 := filepath.Abs(journal)
	if err1 != nil || err2 != nil {
		return nil
	}
	oi, err := os.Stat(o)
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if o == j+suffix {
			return &OutputError{Path: out}
		}
		if ji, err2 := os.Stat(j + suffix); err == nil && err2 == nil && os.SameFile(oi, ji) {
			return &OutputError{Path: out}
		}
	}
	if err == nil && oi.IsDir() {
		return &OutputError{Path: out, Folder: true}
	}
	return nil
}

// WriteOutput writes what write writes to the file at path, as an export
// does (check the path with CheckOutput first):
//   - a new file is created private (mode 0600, whatever the umask) and
//     complete: through a temporary file in the same folder, synced to disk
//     and linked into place only when whole, so path is never half a file,
//     even after a crash, a full disk or ctrl-c;
//   - an existing regular file is refused with an *ExistsError unless force;
//     with force it is replaced the same way, whole or not at all (through a
//     symbolic link, the file it points to is replaced and the link kept);
//   - anything else is written through, never replaced: a FIFO, a terminal,
//     /dev/null, and /dev/stdout or another /dev/fd/N or /proc/self/fd/N
//     link (appended to, as a shell's >> would: the stream may already hold
//     output). Opening a FIFO waits for a reader, until ctx is done.
func WriteOutput(ctx context.Context, path string, force bool, write func(io.Writer) error) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target, err := linkTarget("export", path)
		if err != nil {
			return err
		}
		if dir := filepath.Dir(target); target == path {
			if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
				// Not created: a synced folder or a drive that is not
				// mounted would get a stray copy on the local disk.
				return fmt.Errorf("export %s: its folder %s does not exist (a synced folder or drive not mounted?); create it first: mkdir -p %s", path, dir, dir)
			}
		}
		return writeAtomically("export", path, target, false, fillWith(path, write))
	case err != nil:
		return fmt.Errorf("export %s: %w", path, pathErr(err))
	case fi.IsDir():
		return &OutputError{Path: path, Folder: true}
	case !fi.Mode().IsRegular() || isFdLink(path):
		return writeThrough(ctx, path, fi.Mode().IsRegular(), write)
	case !force:
		return &ExistsError{Path: path}
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("export %s: %w", path, pathErr(err))
	}
	return writeAtomically("export", path, target, true, fillWith(path, write))
}

func fillWith(path string, write func(io.Writer) error) func(*os.File) error {
	return func(f *os.File) error {
		if err := write(f); err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
		return nil
	}
}

// linkTarget returns the file a symbolic link at path finally points to,
// which an output written "through the link" creates or replaces so that
// the link stays; path itself if it is not a link. A link whose target's
// folder does not exist is an error naming what is missing (a sync folder
// or drive not mounted, say).
func linkTarget(op, path string) (string, error) {
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		return target, nil
	}
	missing := missingTarget(path)
	if fi, err := os.Stat(filepath.Dir(missing)); err == nil && fi.IsDir() && !strings.HasSuffix(missing, "(a loop of links)") {
		return missing, nil // a new file in a folder that exists
	}
	return "", fmt.Errorf("%s %s: it is a link to %s, which does not exist", op, path, missing)
}

// missingTarget follows the chain of links at path to the first name that
// does not exist, the one a message should name.
func missingTarget(path string) string {
	for range 40 {
		target, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		if _, err := os.Lstat(target); err != nil {
			return target
		}
		path = target
	}
	return path + " (a loop of links)"
}

// isFdLink reports whether path is, or links through a chain of links
// to, one of this process's open files: /dev/stdout (a link to
// /proc/self/fd/1), /dev/fd/1, /proc/self/fd/1. That is the stream itself,
// to write to or read from, never to replace.
func isFdLink(path string) bool {
	for range 40 {
		if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil && isFdDir(dir) {
			return true
		}
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		target, err := os.Readlink(path)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return false
}

// isFdDir reports whether dir, with its links resolved, is a folder of a
// process's open files: /proc/PID/fd, or /dev/fd where it is a folder of
// its own (macOS, the BSDs).
func isFdDir(dir string) bool {
	if dir == "/dev/fd" {
		return true
	}
	rest, ok := strings.CutPrefix(dir, "/proc/")
	pid, ok2 := strings.CutSuffix(rest, "/fd")
	return ok && ok2 && pid != "" && (pid == "self" || strings.Trim(pid, "0123456789") == "")
}

// writeThrough opens the existing file at path for writing, without
// creating or replacing it, and writes to it; appending if it is a regular
// file (see WriteOutput). The open, which for a FIFO waits for a reader,
// gives up when ctx is done.
func writeThrough(ctx context.Context, path string, regular bool, write func(io.Writer) error) error {
	flags := os.O_WRONLY
	if regular {
		flags |= os.O_APPEND
	}
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(path, flags, 0)
		ch <- opened{f, err}
	}()
	var o opened
	select {
	case o = <-ch:
	case <-ctx.Done():
		go func() { // close it if the open ever returns
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return ctx.Err()
	}
	if o.err != nil {
		return fmt.Errorf("export %s: %w", path, pathErr(o.err))
	}
	if err := write(o.f); err != nil {
		o.f.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := o.f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

// writeAtomically creates an empty temporary file beside path (mode 0600),
// lets fill write it, syncs it and only then gives it path's name. With
// overwrite false an existing path is kept and *ExistsError returned. Errors
// of the file system start with op and shown, the path as the user knows
// it, and name the file that failed; fill's errors are returned as they are.
// No temporary file is left behind: a process killed while writing one
// leaves it, and the next writeAtomically of the same path removes it (see
// cleanTemps).
func writeAtomically(op, shown, path string, overwrite bool, fill func(*os.File) error) error {
	dir := filepath.Dir(path)
	cleanTemps(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, shown, err)
	}
	unlock := lockTemp(tmp.Name())
	defer unlock()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		for _, side := range tempSidecars { // SQLite's, if VACUUM INTO failed
			os.Remove(tmp.Name() + side)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s %s: %w", op, shown, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s %s: %w", op, shown, err)
	}
	if overwrite {
		err = os.Rename(tmp.Name(), path)
	} else {
		// A hard link, unlike a rename, fails if path appeared meanwhile.
		err = os.Link(tmp.Name(), path)
		switch {
		case errors.Is(err, fs.ErrExist):
			return &ExistsError{Path: path}
		case err != nil: // a file system without hard links
			if _, serr := os.Lstat(path); serr == nil {
				return &ExistsError{Path: path}
			}
			err = os.Rename(tmp.Name(), path)
		default:
			os.Remove(tmp.Name()) //nolint:errcheck // path is complete; this is only the extra name
		}
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, shown, err)
	}
	done = true
	syncDir(dir) // make the new name durable; best effort
	return nil
}

// tempSidecars are the files SQLite may create beside a temporary file
// that VACUUM INTO writes (see Backup).
var tempSidecars = []string{"-journal", "-wal", "-shm"}

// isTemp reports whether name is one of writeAtomically's temporary files
// for the file base: "." + base + "." + digits + ".tmp", as os.CreateTemp
// names them, or one of SQLite's files beside one ("...tmp-journal"). It
// returns the temporary file's own name.
func isTemp(name, base string) (temp string, ok bool) {
	temp = name
	for _, side := range tempSidecars {
		if t, cut := strings.CutSuffix(name, side); cut {
			temp = t
			break
		}
	}
	mid, ok := strings.CutPrefix(temp, "."+base+".")
	if !ok {
		return "", false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	return temp, ok && mid != "" && strings.Trim(mid, "0123456789") == ""
}

// cleanTemps removes the temporary files for base in dir that a killed
// writeAtomically left behind: those no live process holds locked (see
// lockTemp), and SQLite's files beside them. Best effort: a file it cannot
// remove stays.
func cleanTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		temp, ok := isTemp(e.Name(), base)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if temp == e.Name() {
			removeIfAbandoned(filepath.Join(dir, temp), tempSidecars)
		} else if !exists(filepath.Join(dir, temp)) {
			os.Remove(filepath.Join(dir, e.Name())) //nolint:errcheck // best effort: its temporary file is gone
		}
	}
}

// Create opens the journal at path to be filled anew, as laceup demo does.
// With replace, the journal there, if any, is deleted first with its -wal
// and -shm files; without, a journal that holds check-ins is refused with
// a *NotEmptyError. Never call it with replace on a runner's journal.
func Create(ctx context.Context, path string, replace bool) (*Store, error) {
	if replace {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("journal %s: replace it: %w", path, err)
			}
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	n, err := s.Count(ctx)
	if err == nil && n > 0 {
		err = &NotEmptyError{Path: s.Path(), Checkins: n}
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// NotEmptyError is returned by Create for a journal that holds check-ins
// already. It is left as it was.
type NotEmptyError struct {
	Path     string
	Checkins int
}

func (e *NotEmptyError) Error() string {
	return fmt.Sprintf("%s already holds %d check-ins", e.Path, e.Checkins)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // not supported everywhere
		d.Close()
	}
}

// InputError is returned by ReadInput for a file laceup was asked to read
// that it will not: not a regular file, or too large. Bad input: nothing
// was read or changed.
type InputError struct {
	Path   string
	Reason string
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %s", e.Path, e.Reason) }

// ReadInput reads the whole file at path, at most limit bytes, for an
// import or a settings file. It refuses, with an *InputError, what is not
// a regular file (a FIFO with no writer would hang, /dev/zero never ends)
// and a file larger than limit (what names it in the message: "an import
// file may be (64 MB)"). It opens without waiting (O_NONBLOCK), so even a
// FIFO is refused at once. One exception: a link to a stream this process
// already has open, such as /dev/stdin or the /dev/fd/63 of a shell's
// <(...), is read as ReadStream reads, until ctx is done. Other errors name
// the file too.
func ReadInput(ctx context.Context, path string, limit int64, what string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return nil, fmt.Errorf("cannot read %s: %w", path, pe.Err) // "no such file or directory"
	} else if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", path, pathErr(err))
	case fi.IsDir():
		return nil, &InputError{Path: path, Reason: "it is a folder; give a file"}
	case !fi.Mode().IsRegular() && isFdLink(path):
		if err := setBlocking(f); err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", path, err)
		}
		return ReadStream(ctx, f, path, limit, what)
	case !fi.Mode().IsRegular():
		return nil, &InputError{Path: path, Reason: "it is not a regular file (a FIFO, a device or a socket); give a file"}
	case fi.Size() > limit:
		return nil, &InputError{Path: path, Reason: fmt.Sprintf("it is %s, more than %s", sizeText(fi.Size()), what)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, pathErr(err))
	}
	if int64(len(data)) > limit { // it grew while being read
		return nil, &InputError{Path: path, Reason: "it is more than " + what}
	}
	return data, nil
}

// ReadStream reads r (standard input, named name) whole, at most limit
// bytes, as ReadInput reads a file. It gives up when ctx is done, for a
// terminal or a pipe that never ends.
func ReadStream(ctx context.Context, r io.Reader, name string, limit int64, what string) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		ch <- result{data, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case res := <-ch:
		switch {
		case res.err != nil:
			return nil, fmt.Errorf("cannot read %s: %w", name, res.err)
		case int64(len(res.data)) > limit:
			return nil, &InputError{Path: name, Reason: "it is more than " + what}
		}
		return res.data, nil
	}
}

// sizeText is n bytes for a message: "12 bytes", "3.4 MB".
func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
