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
// true, and always refuses a folder and the journal itself or one of its
// files (an *OutputError; see CheckOutput), and a file with a -wal file
// beside it (a database in use, which the stale -wal would
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
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return fmt.Errorf("backup %s: create folder: %w", abs, pathErr(err))
	}
	return writeAtomically("backup", abs, abs, force, func(tmp *os.File) error {
		// VACUUM INTO needs an empty or missing file: the empty temporary
		// one keeps its mode. The name is bound, and is not a URI (it does
		// not start with "file:"), so no character in it is special. It
		// does not sync what it writes; writeAtomically does.
		if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp.Name()); err != nil {
			return s.wrap("back up to "+abs, err)
		}
		return nil
	})
}

// checkDest refuses a destination Backup must not write to: what
// CheckOutput refuses, an existing file unless force, and a database in
// use.
func (s *Store) checkDest(abs string, force bool) error {
	if err := CheckOutput(abs, s.path); err != nil {
		return err
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("backup %s: %w", abs, pathErr(err))
	case os.SameFile(fi, s.file):
		return &OutputError{Path: abs}
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
