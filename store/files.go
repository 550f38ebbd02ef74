package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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

// WriteFile writes a private file (mode 0600, whatever the umask) at path
// with what write writes, replacing any file there: through a temporary
// file in the same folder, synced to disk and renamed into place only when
// complete, so path is never half a file, even after a crash or a full
// disk. Check the path with CheckOutput first.
func WriteFile(path string, write func(io.Writer) error) error {
	return writeAtomically("export", path, path, true, func(f *os.File) error {
		if err := write(f); err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
		return nil
	})
}

// writeAtomically creates an empty temporary file beside path (mode 0600),
// lets fill write it, syncs it and only then gives it path's name. With
// overwrite false an existing path is kept and *ExistsError returned. Errors
// of the file system start with op and shown, the path as the user knows
// it, and name the file that failed; fill's errors are returned as they are.
// No temporary file is left behind.
func writeAtomically(op, shown, path string, overwrite bool, fill func(*os.File) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, shown, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
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
