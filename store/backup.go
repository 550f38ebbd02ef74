package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a copy of the journal to the file dest: a consistent
// snapshot, as of one moment, even while another laceup is writing to the
// journal (SQLite's VACUUM INTO reads it in one read transaction, which in
// WAL mode neither waits for writers nor holds them up). The copy is a
// journal of its own, compacted, that Open opens as it is.
//
// The copy is written to a temporary file in dest's folder (created with
// mode 0700 if missing), synced to disk and only then given dest's name,
// so dest is never a partial copy, even after a crash or a full disk; the
// file is private (mode 0600) whatever the umask.
//
// Backup refuses an existing dest with an *ExistsError unless force is
// true, and always refuses a folder, the journal itself, and a file with a
// -wal file beside it (a database in use, which the stale -wal would
// damage if it were replaced). A damaged journal is refused with a
// *CorruptError and no file is written.
func (s *Store) Backup(ctx context.Context, dest string, force bool) error {
	if dest == "" {
		return errors.New("backup: the destination file name is empty")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	if err := s.checkDest(abs, force); err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("backup %s: create folder: %w", abs, pathErr(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("backup %s: create a temporary file in %s: %w", abs, dir, pathErr(err))
	}
	tmpPath := tmp.Name()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpPath)
		}
	}()
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup %s: %w", abs, pathErr(err))
	}

	// VACUUM INTO needs an empty or missing file: the empty temporary one
	// keeps its mode. The name is bound, and is not a URI (it does not
	// start with "file:"), so no character in it is special.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmpPath); err != nil {
		return s.wrap("back up to "+abs, err)
	}
	// VACUUM INTO does not sync what it writes.
	if err := syncFile(tmpPath); err != nil {
		return fmt.Errorf("backup %s: %w", abs, err)
	}
	if force {
		err = os.Rename(tmpPath, abs)
	} else {
		// A hard link, unlike a rename, fails if dest appeared meanwhile.
		err = os.Link(tmpPath, abs)
		switch {
		case errors.Is(err, fs.ErrExist):
			return &ExistsError{Path: abs}
		case err != nil: // a file system without hard links
			if _, serr := os.Lstat(abs); serr == nil {
				return &ExistsError{Path: abs}
			}
			err = os.Rename(tmpPath, abs)
		default:
			os.Remove(tmpPath) //nolint:errcheck // dest is complete; this is only the extra name
		}
	}
	if err != nil {
		return fmt.Errorf("backup %s: %w", abs, err)
	}
	done = true
	syncDir(dir) // make the new name durable; best effort
	return nil
}

// checkDest refuses a destination Backup must not write to.
func (s *Store) checkDest(abs string, force bool) error {
	for _, own := range []string{s.path, s.path + "-wal", s.path + "-shm", s.path + "-journal"} {
		if abs == own {
			return fmt.Errorf("backup %s: that is the journal itself; give another file", abs)
		}
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("backup %s: %w", abs, pathErr(err))
	case fi.IsDir():
		return fmt.Errorf("backup %s: it is a folder; give a file name, e.g. %s",
			abs, filepath.Join(abs, "laceup-backup.db"))
	case os.SameFile(fi, s.file):
		return fmt.Errorf("backup %s: that is the journal itself; give another file", abs)
	case !force:
		return &ExistsError{Path: abs}
	case !fi.Mode().IsRegular():
		return fmt.Errorf("backup %s: it is not a regular file", abs)
	case exists(abs + "-wal"):
		return fmt.Errorf("backup %s: it is a database in use (%s exists beside it); give another file",
			abs, filepath.Base(abs)+"-wal")
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // not supported everywhere
		d.Close()
	}
}
