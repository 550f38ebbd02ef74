package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Backup writes a copy of the journal to the file dest: a consistent
// snapshot, as of one moment, even while another laceup is writing to the
// journal (SQLite's VACUUM INTO reads it in one read transaction, which in
// WAL mode neither waits for writers nor holds them up). The copy is a
// journal of its own, compacted, that Open opens as it is.
//
// Backup first checks the journal with PRAGMA quick_check and refuses a
// damaged one with a *CorruptError, writing nothing: a copy of damage is no
// backup. The copy is written to a temporary file in dest's folder
// (created with mode 0700 if missing), checked in turn (quick_check, and
// that it holds as many check-ins as the journal did), synced to disk and
// only then given dest's name, so dest is never a partial or damaged copy,
// even after a crash or a full disk; the file is private (mode 0600)
// whatever the umask. A temporary file left by a Backup that was killed is
// removed by the next one (see cleanTemps).
//
// Backup refuses an existing dest with an *ExistsError unless force is
// true, and always refuses a folder and the journal itself or one of its
// files (an *OutputError; see CheckOutput), and a file with a -wal file
// beside it (a database in use, which the stale -wal would damage if it
// were replaced). A rollback journal (-journal file) left beside a dest
// that force replaces belongs to the old file: it is removed, or SQLite
// would roll it into the copy when it first opens it.
func (s *Store) Backup(ctx context.Context, dest string, force bool) error {
	if dest == "" {
		return errors.New("backup: the destination file name is empty")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	// Through a link, the copy replaces the file it points to, and the
	// link stays; a link to nothing is refused.
	target, err := linkTarget("backup", abs)
	if err != nil {
		return err
	}
	if err := s.checkDest(target, force); err != nil {
		return err
	}
	if err := s.check(); err != nil {
		return err
	}
	if err := s.reading(func(db *sql.DB) error { return s.quickCheck(ctx, db) }); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("backup %s: create folder: %w", abs, pathErr(err))
	}
	return writeAtomically("backup", abs, target, force, func(tmp *os.File) error {
		// VACUUM INTO needs an empty or missing file: the empty temporary
		// one keeps its mode. The name is bound, and is not a URI (it does
		// not start with "file:"), so no character in it is special. It
		// does not sync what it writes; writeAtomically does.
		err := s.reading(func(db *sql.DB) error {
			_, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp.Name())
			return err
		})
		if err != nil {
			if werr := s.wrap("back up", err); errors.Is(werr, ErrDiskFull) || isIOError(err) {
				return fmt.Errorf("backup %s: could not write the copy in %s (is the disk full? free some space and try again); nothing was replaced: %w",
					abs, filepath.Dir(target), err)
			}
			return s.wrap("back up to "+abs, err)
		}
		if err := checkCopy(ctx, tmp.Name()); err != nil {
			return fmt.Errorf("backup %s: the copy failed its check, so nothing was replaced: %w", abs, err)
		}
		// SQLite files left beside the name the copy takes belong to
		// another file: SQLite would read them into the copy. (checkDest
		// refused a -wal beside a file that exists: a database in use.)
		for _, side := range []string{"-journal", "-wal", "-shm"} {
			if err := os.Remove(target + side); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("backup %s: remove %s, left from another file: %w", abs, filepath.Base(target)+side, pathErr(err))
			}
		}
		return nil
	})
}

// isIOError reports SQLITE_IOERR, with any extended code: a write that
// failed, as on a full disk.
func isIOError(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_IOERR
}

// checkCopy opens the copy at path read-only, as it is (immutable: it has
// no -wal file and no other process knows it), and checks it is a sound
// laceup journal of the newest schema.
func checkCopy(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", uri(path)+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	var (
		res string
		st  fileState
	)
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("PRAGMA quick_check: %s", res)
	}
	if err := db.QueryRowContext(ctx, stateQuery).Scan(&st.appID, &st.version); err != nil {
		return err
	}
	if st.appID != applicationID || st.version != schemaVersion() {
		return fmt.Errorf("application_id %#x, schema version %d", st.appID, st.version)
	}
	return nil
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
