package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite" // the "sqlite" driver, and *sqlite.Error
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open journal. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time // the clock for created_at and updated_at
}

// pragmas are set on every connection. busy_timeout makes a statement wait
// up to 5 s for a lock another laceup process holds instead of failing at
// once; synchronous(NORMAL) is durable enough with WAL (a power cut can lose
// the last commit, never corrupt the file); _txlock=immediate makes every
// transaction take the write lock when it begins, so it cannot fail halfway
// with SQLITE_BUSY. journal_mode(WAL) is not among them: see useWAL.
const pragmas = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens the journal at path, creating it if needed, and migrates it to
// the newest schema version.
//
// A missing file is created with mode 0600, and its missing parent folders
// with mode 0700, before SQLite opens it; SQLite gives the -wal and -shm
// files it creates beside the journal the same mode.
//
// Open refuses, leaving the file's bytes exactly as they were:
//   - a folder or other non-regular file, a file that is not a SQLite
//     database, and another program's SQLite database (one with tables, a
//     user_version or an application_id but not laceup's), with a
//     *NotJournalError (errors.Is(err, ErrNotJournal));
//   - a journal whose schema version is newer than this laceup knows, with a
//     *SchemaTooNewError (errors.Is(err, ErrNewerSchema)).
//
// An empty file is taken as a new journal. Every error names the file.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("journal path is empty")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	if err := prepare(ctx, abs); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri(abs)+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", abs, err)
	}
	// One connection: a journal is one person's, and one connection
	// serialises this process's reads and writes, so SQLITE_BUSY can only
	// come from another process (and busy_timeout waits for it). No method
	// holds the connection while calling another, so this cannot deadlock.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, now: time.Now}
	err = s.migrate(ctx)
	if err == nil {
		err = s.useWAL(ctx)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// useWAL switches the journal to write-ahead logging, which is then a
// property of the file: it happens once, on the first Open of a new
// journal, after migrate has checked the file is laceup's (which is why
// journal_mode is not a DSN pragma: that would write to the file before the
// check). Switching needs an exclusive lock and SQLite returns SQLITE_BUSY
// at once, without busy_timeout, when another connection holds the file,
// as when two laceups open a new journal together; so useWAL retries for
// as long as busy_timeout would wait.
func (s *Store) useWAL(ctx context.Context) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		var mode string
		err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		switch {
		case err == nil && mode == "wal":
			return nil
		case err == nil:
			return s.wrap("switch to WAL", fmt.Errorf("journal_mode is still %s", mode))
		case !isBusy(err) || time.Now().After(deadline):
			return s.wrap("switch to WAL", err)
		}
		select {
		case <-ctx.Done():
			return s.wrap("switch to WAL", ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// isBusy reports whether err is SQLITE_BUSY, possibly extended.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Close closes the journal. With the last connection closed, SQLite folds
// the -wal file into the journal and removes the -wal and -shm files.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return s.wrap("close", err)
	}
	return nil
}

// Path returns the absolute path of the journal file.
func (s *Store) Path() string { return s.path }

// wrap adds the journal's path and what was being done to an error.
func (s *Store) wrap(op string, err error) error {
	return fmt.Errorf("journal %s: %s: %w", s.path, op, err)
}

// prepare makes sure path is a file laceup may open with SQLite read-write,
// without writing to an existing file: it creates a missing file (and its
// folder), and refuses anything that is not an empty file, a laceup journal
// it can read, or an empty SQLite database.
func prepare(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return create(ctx, path)
	case err != nil:
		return fmt.Errorf("journal %s: %w", path, pathErr(err))
	case fi.IsDir():
		return &NotJournalError{Path: path, Reason: "it is a folder, not a file"}
	case !fi.Mode().IsRegular():
		return &NotJournalError{Path: path, Reason: "it is not a regular file"}
	case fi.Size() == 0:
		return nil // a new journal, e.g. created by an earlier Open that failed
	}

	// The header says what the file is without SQLite opening it
	// (https://sqlite.org/fileformat.html#the_database_header).
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, pathErr(err))
	}
	var h [100]byte
	_, err = io.ReadFull(f, h[:])
	f.Close()
	short := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if short || (err == nil && !bytes.HasPrefix(h[:], []byte("SQLite format 3\x00"))) {
		return &NotJournalError{Path: path, Reason: "it is not a SQLite database"}
	}
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, pathErr(err))
	}
	st := fileState{
		appID:   binary.BigEndian.Uint32(h[68:72]),
		version: int(int32(binary.BigEndian.Uint32(h[60:64]))),
	}
	if st.appID != 0 {
		// Conclusive for a file of another program or a newer laceup. For a
		// laceup journal, migrate checks again, inside its transaction, in
		// case the header is stale (commits still in the -wal file).
		return st.check(path)
	}

	// No application_id: an empty database, or another program's. Only
	// SQLite can list the tables; ask it read-only (mode=ro opens the file
	// O_RDONLY), so a refused file cannot change.
	query := "?mode=ro&_pragma=busy_timeout(5000)"
	if h[18] == 2 && h[19] == 2 && !exists(path+"-wal") {
		// A WAL database with no -wal file: the file alone is the whole
		// database, and writers would append to a new -wal file, not to it.
		// With immutable=1 SQLite reads it without creating -wal and -shm
		// files beside another program's database. (Not for a rollback
		// journal database: a writer changes that file in place, and
		// immutable=1 takes no lock. A read-only reader of one creates no
		// files anyway.)
		query += "&immutable=1"
	}
	db, err := sql.Open("sqlite", uri(path)+query)
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	defer db.Close()
	// One read transaction, so the answers come from one snapshot even if
	// another laceup is migrating the file meanwhile.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("journal %s: read: %w", path, err)
	}
	defer tx.Rollback() //nolint:errcheck // read only
	st, err = readState(ctx, tx)
	if err != nil {
		return fmt.Errorf("journal %s: read: %w", path, err)
	}
	return st.check(path)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// create creates a new, empty journal file with mode 0600, and its missing
// folders with mode 0700, whatever the umask.
func create(ctx context.Context, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("journal %s: create folder: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return prepare(ctx, path) // another process was quicker
	}
	if err != nil {
		return fmt.Errorf("journal %s: create: %w", path, pathErr(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("journal %s: create: %w", path, pathErr(err))
	}
	return nil
}

// pathErr drops the path from an *fs.PathError, which the caller's message
// already names.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// uri returns the SQLite URI of an absolute file path, without a query.
// In a URI, '?' starts the query, '#' the fragment and '%' an escape, so
// those three are %-escaped; SQLite decodes %HH in the path.
// (https://sqlite.org/uri.html)
func uri(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x, as SQLite expects
	}
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '?', '#', '%':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
