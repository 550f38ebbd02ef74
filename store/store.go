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
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite" // the "sqlite" driver, and *sqlite.Error
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open journal. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	file os.FileInfo      // the journal file when opened, to know it again (see readHeader and check)
	now  func() time.Time // the clock for created_at and updated_at

	// mu guards readOnly and ro.
	mu sync.Mutex
	// readOnly, when not empty, says why the journal can only be read (see
	// openReadOnly and reading); every write returns a *ReadOnlyError with
	// it.
	readOnly string
	// ro, once a read found the journal could no longer be opened for
	// writing (its folder made read-only, the disk full), is the read-only
	// pool reads go through instead of db (see reading).
	ro *sql.DB

	// checked is set once PRAGMA quick_check has found the journal sound
	// (see write).
	checked atomic.Bool

	// afterImport, if set (by tests), is called inside Import's transaction
	// after each check-in is written; an error from it aborts the import.
	afterImport func(i int) error
	// betweenReads, if set (by tests), is called inside Snapshot's read
	// transaction between its first and its second statement.
	betweenReads func()
}

// openStores lists the Stores of this process, to know which files they have
// open (see readHeader).
var openStores struct {
	sync.Mutex
	stores []*Store
}

func register(s *Store) {
	openStores.Lock()
	openStores.stores = append(openStores.stores, s)
	openStores.Unlock()
}

func unregister(s *Store) {
	openStores.Lock()
	openStores.stores = slices.DeleteFunc(openStores.stores, func(o *Store) bool { return o == s })
	openStores.Unlock()
}

// pragmas are set on every connection. busy_timeout makes a statement wait
// up to 5 s for a lock another laceup process holds instead of failing at
// once; synchronous(NORMAL) is durable enough with WAL (a power cut can lose
// the last commit, never corrupt the file); _txlock=immediate makes every
// transaction take the write lock when it begins, so it cannot fail halfway
// with SQLITE_BUSY. journal_mode(WAL) is not among them: see useWAL. Nor is
// foreign_keys: no table has a foreign key (TestNoForeignKeys), and the
// pragma cost every connection almost a millisecond of a meter's 8; a
// migration that adds one sets it here.
const pragmas = "_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens the journal at path, creating it if needed, and migrates it to
// the newest schema version.
//
// A missing file is created with mode 0600, and its missing parent folders
// with mode 0700, before SQLite opens it; SQLite gives the -wal and -shm
// files it creates beside the journal the same mode. An empty file is taken
// as a new journal and, if its mode lets others in, set to 0600; Open
// changes the mode of no other file (see Warnings).
//
// Open refuses, leaving the file's bytes exactly as they were:
//   - a folder or other non-regular file, a file that is not a SQLite
//     database, and another program's SQLite database (one with tables, a
//     user_version or an application_id but not laceup's), with a
//     *NotJournalError (errors.Is(err, ErrNotJournal));
//   - a journal whose schema version is newer than this laceup knows, with a
//     *SchemaTooNewError (errors.Is(err, ErrNewerSchema));
//   - a damaged journal, with a *CorruptError (errors.Is(err, ErrCorrupt)):
//     one cut short (found from its header, before SQLite opens it), one
//     whose schema SQLite cannot read, and one that needs migrating and
//     fails PRAGMA quick_check. Damage elsewhere is found by the method that
//     reads the damaged page, with the same error.
//
// An up-to-date journal, the usual case, costs one read query beyond
// SQLite's own opening: Open writes nothing to it. Every error names the
// file.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("journal path is empty")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	// A link to the journal: SQLite opens the file it points to, and puts
	// the -wal and -shm files beside that file, in that folder; so does
	// every check of Open, and every message names it.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	h, err := prepare(ctx, abs, 0)
	if err != nil {
		return nil, err
	}
	if why := whyReadOnly(abs, h.file); why != "" {
		return openReadOnly(ctx, abs, h, why)
	}
	// mode=rw: a connection never creates the file (prepare did), so one
	// opened after the journal was deleted fails instead of starting an
	// empty journal (see Store.check).
	db, err := sql.Open("sqlite", uri(abs)+"?mode=rw&"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", abs, err)
	}
	// One connection: a journal is one person's, and one connection
	// serialises this process's reads and writes, so SQLITE_BUSY can only
	// come from another process (and busy_timeout waits for it). No method
	// holds the connection while calling another, so this cannot deadlock.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, file: h.file, now: time.Now}
	// Registered before SQLite opens the file (sql.Open connects lazily,
	// in init), so no other Open of this process reads the header with
	// os.Open once SQLite holds locks on it (see readHeader).
	register(s)
	if err := s.init(ctx, h); err != nil {
		unregister(s)
		db.Close()
		if why := sidecarsFailed(abs, err); why != "" {
			// No room (or no right) to create the -wal or -shm file: the
			// journal can still be read, if the file alone holds it.
			return openReadOnly(ctx, abs, h, why)
		}
		return nil, err
	}
	return s, nil
}

// whyReadOnly returns why laceup may not write to the journal at path (a
// file that exists), or "" if it may: SQLite writes to the file, and
// creates, writes and removes the -wal and -shm files beside it. A -wal or
// -shm file of the user's own that is not writable (left by a read-only
// open of a read-only journal that has since been made writable) is made
// writable again, to the journal's mode: it would block every write while
// the journal and its folder are fine.
func whyReadOnly(path string, fi os.FileInfo) string {
	dir := filepath.Dir(path)
	if !writable(dir) {
		return fmt.Sprintf("its folder %s is read-only", dir)
	}
	if !writable(path) {
		if fi.Mode().Perm()&0o200 == 0 {
			return fmt.Sprintf("the file is read-only (mode %04o)", fi.Mode().Perm())
		}
		return "the file cannot be written (a read-only file system, or the immutable attribute)"
	}
	for _, side := range []string{"-wal", "-shm"} {
		p := path + side
		sfi, err := os.Lstat(p)
		if err != nil || !sfi.Mode().IsRegular() || writable(p) {
			continue
		}
		if os.Chmod(p, fi.Mode().Perm()|0o600) == nil && writable(p) {
			continue
		}
		return fmt.Sprintf("%s is read-only (mode %04o) and not yours to change", p, sfi.Mode().Perm())
	}
	return ""
}

// sidecarsFailed returns why, if err says SQLite could not create or grow
// the journal's -wal or -shm file, and "" for any other error.
func sidecarsFailed(path string, err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return ""
	}
	switch code := se.Code(); {
	case code&0xff == sqlite3.SQLITE_CANTOPEN, code&0xff == sqlite3.SQLITE_FULL, isShmError(code):
		return fmt.Sprintf("SQLite could not create its %s and %s files beside it (is the disk full?)",
			filepath.Base(path)+"-wal", filepath.Base(path)+"-shm")
	}
	return ""
}

// isShmError reports SQLite's extended I/O errors of the -shm file, such as
// SQLITE_IOERR_SHMSIZE (4874) when the disk has no room for it.
func isShmError(code int) bool {
	switch code {
	case sqlite3.SQLITE_IOERR_SHMOPEN, sqlite3.SQLITE_IOERR_SHMSIZE, sqlite3.SQLITE_IOERR_SHMMAP, sqlite3.SQLITE_IOERR_SHMLOCK:
		return true
	}
	return false
}

// openReadOnly opens the journal at path for reading only, why being the
// reason it cannot be written. It opens the file with mode=ro, which
// creates no -wal or -shm file if it cannot, and, when no -wal file holds
// commits, with immutable=1, which reads the file alone without them: no
// process can be writing to a journal this process may not write to (a
// different user could, but then the folder is shared, which Warnings
// reports). It refuses a journal that needs migrating, which needs writing.
func openReadOnly(ctx context.Context, path string, h header, why string) (*Store, error) {
	switch {
	case h.empty, h.state.appID != applicationID:
		return nil, &ReadOnlyError{Path: path, Reason: why + ", so laceup cannot make it a journal"}
	case h.state.version < schemaVersion():
		return nil, &ReadOnlyError{Path: path, Reason: fmt.Sprintf(
			"%s, so laceup cannot bring it up to date (schema version %d to %d) to read it", why, h.state.version, schemaVersion())}
	}
	db, err := openReadOnlyDB(path)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, file: h.file, now: time.Now, readOnly: why}
	register(s)
	var st fileState
	err = db.QueryRowContext(ctx, stateQuery).Scan(&st.appID, &st.version)
	if err == nil {
		err = st.check(path)
	}
	if err == nil && st.version < schemaVersion() {
		err = &ReadOnlyError{Path: path, Reason: why + ", so laceup cannot bring it up to date to read it"}
	}
	if err != nil {
		unregister(s)
		db.Close()
		return nil, wrapErr(path, "open for reading ("+why+")", err)
	}
	return s, nil
}

// openReadOnlyDB opens the journal at path for reading only: mode=ro,
// which creates no -wal or -shm file if it cannot, and, when no -wal file
// holds commits, immutable=1, which reads the file alone without them (see
// openReadOnly).
func openReadOnlyDB(path string) (*sql.DB, error) {
	query := "?mode=ro&_pragma=busy_timeout(5000)"
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		query += "&immutable=1"
	}
	db, err := sql.Open("sqlite", uri(path)+query)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// reading runs fn, a read, with the journal's pool. If it fails because
// SQLite can no longer open the journal for writing (its folder or file
// made read-only, or the disk full, since Open: a Store that closes its
// connection when idle opens it anew for every read), the Store turns
// read-only, as Open would have opened it now, and fn runs again with a
// read-only pool: the screens keep showing the journal, and a write says
// why it cannot be saved.
func (s *Store) reading(fn func(*sql.DB) error) error {
	s.mu.Lock()
	db := s.db
	if s.ro != nil {
		db = s.ro
	}
	s.mu.Unlock()
	err := fn(db)
	if err == nil || db != s.db {
		return err
	}
	why := s.whyNotWritable(err)
	if why == "" {
		return err
	}
	ro, oerr := openReadOnlyDB(s.path)
	if oerr != nil {
		return err
	}
	s.mu.Lock()
	if s.ro == nil {
		s.ro, s.readOnly = ro, why
	} else {
		ro.Close()
		ro = s.ro
	}
	s.mu.Unlock()
	return fn(ro)
}

// whyNotWritable returns why, if err says SQLite could not open the
// journal for writing, or "" for any other error.
func (s *Store) whyNotWritable(err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_READONLY && sidecarsFailed(s.path, err) == "" {
		return ""
	}
	if fi, serr := os.Stat(s.path); serr == nil {
		if why := whyReadOnly(s.path, fi); why != "" {
			return why
		}
	}
	if why := sidecarsFailed(s.path, err); why != "" {
		return why
	}
	return "SQLite can no longer open it for writing"
}

// check returns a *MovedError if the journal's path no longer names the
// file Open opened. Every method calls it first, and write again inside
// its transaction, so laceup never saves to a file the runner no longer
// sees, nor reads another file's -wal into this one.
func (s *Store) check() error {
	fi, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &MovedError{Path: s.path, Deleted: true}
	case err == nil && !os.SameFile(fi, s.file):
		return &MovedError{Path: s.path}
	}
	return nil // another error: SQLite's own reports it
}

// ReadOnly returns why the journal can only be read, or "" if it can be
// written.
func (s *Store) ReadOnly() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly
}

// CloseWhenIdle makes the Store close its connection to the journal after
// every operation, as a long-running program such as the terminal UI
// should: between operations this process holds no lock and no -wal or
// -shm file of the journal, so a journal deleted, or replaced by another
// file (a backup restored with mv, a sync tool), is seen at the next
// operation (see check) and never mixed with a -wal file this process
// kept open. Each operation then opens the file anew: a fraction of a
// millisecond.
func (s *Store) CloseWhenIdle() { s.db.SetMaxIdleConns(0) }

// stateQuery reads the journal's application_id and user_version in one
// statement, from the committed state (the -wal file included), which the
// file header may not show yet.
//
// It names the checkins table too, which makes SQLite read and parse the
// whole schema (the pragma functions alone do not): damage there is found
// at Open, not by the first command's query.
const stateQuery = `SELECT a.application_id, v.user_version FROM pragma_application_id a, pragma_user_version v
WHERE NOT EXISTS (SELECT 1 FROM checkins WHERE 0)`

// init checks the journal SQLite has opened and brings it up to date.
//
// For a journal whose header says it is laceup's, of the newest schema
// version and in WAL mode, one read (stateQuery) confirms it: no write lock,
// no transaction, no PRAGMA journal_mode. Anything else goes through
// migrate and useWAL, after PRAGMA quick_check if the file has content, so
// laceup never writes to a damaged database.
func (s *Store) init(ctx context.Context, h header) error {
	if h.wal && h.state.appID == applicationID && h.state.version == schemaVersion() {
		var st fileState
		if err := s.db.QueryRowContext(ctx, stateQuery).Scan(&st.appID, &st.version); err != nil {
			return s.wrap("open", err)
		}
		if st.appID == applicationID && st.version == schemaVersion() {
			return nil
		}
		// Changed since the header was written (a newer laceup has it
		// open, say): the full check below decides.
	}
	if !h.empty {
		if err := s.quickCheck(ctx, s.db); err != nil {
			return err
		}
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if h.wal {
		return nil
	}
	return s.useWAL(ctx)
}

// quickCheck runs PRAGMA quick_check and returns a *CorruptError if it
// finds damage. It reads every page: about 2 ms on a ten-year journal, so
// it runs only before the first write of a Store (see Store.write and
// init), never for a command that only reads.
func (s *Store) quickCheck(ctx context.Context, q queryer) error {
	var res string
	if err := q.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return s.wrap("check the journal", err)
	}
	if res != "ok" {
		return &CorruptError{Path: s.path, Err: fmt.Errorf("PRAGMA quick_check: %s", res)}
	}
	s.checked.Store(true)
	return nil
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
	unregister(s)
	s.mu.Lock()
	if s.ro != nil {
		s.ro.Close()
	}
	s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return s.wrap("close", err)
	}
	return nil
}

// Path returns the absolute path of the journal file.
func (s *Store) Path() string { return s.path }

// wrap adds the journal's path and what was being done to an error, and
// turns SQLite's reports of damage into a *CorruptError.
func (s *Store) wrap(op string, err error) error {
	return wrapErr(s.path, op, err)
}

func wrapErr(path, op string, err error) error {
	var (
		ce *CorruptError
		me *MovedError
		re *ReadOnlyError
	)
	switch {
	case errors.As(err, &ce) && ce.Path == "":
		return &CorruptError{Path: path, Err: ce.Err}
	case errors.As(err, &ce):
		return ce
	case errors.As(err, &me):
		return me
	case errors.As(err, &re):
		return re
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		if isShmError(se.Code()) {
			return fmt.Errorf("journal %s: %s: cannot create or grow %s beside it, SQLite's shared-memory file (is the disk full? check with df %s): %w",
				path, op, filepath.Base(path)+"-shm", ShellQuote(filepath.Dir(path)), err)
		}
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &CorruptError{Path: path, Err: err}
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("journal %s: %s: %w (free some space and try again): %w", path, op, ErrDiskFull, err)
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("journal %s: %s: %w (check that you may write to the file and to its folder, %s): %w",
				path, op, ErrReadOnly, filepath.Dir(path), err)
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("journal %s: %s: cannot open the journal or create its -wal and -shm files beside it (check that you may write to its folder, %s): %w",
				path, op, filepath.Dir(path), err)
		}
	}
	return fmt.Errorf("journal %s: %s: %w", path, op, err)
}

// header is what prepare learned about a journal file without SQLite.
type header struct {
	empty bool      // a new or empty file: laceup makes it a journal
	wal   bool      // the file is in WAL mode
	state fileState // application_id and user_version (objects unknown)
	file  os.FileInfo
}

// prepare makes sure path is a file laceup may open with SQLite read-write,
// without writing to an existing file: it creates a missing file (and its
// folder), and refuses anything that is not an empty file, a laceup journal
// it can read, or an empty SQLite database. It reads the database header
// (https://sqlite.org/fileformat.html#the_database_header) to tell, without
// SQLite, what the file is, whether it was cut short, and whether Open may
// take the short way (see Store.init).
func prepare(ctx context.Context, path string, tries int) (header, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := danglingLink(path); err != nil {
			return header{}, err
		}
		return create(ctx, path, tries)
	case err != nil:
		return header{}, fmt.Errorf("journal %s: %w", path, pathErr(err))
	case fi.IsDir():
		return header{}, &NotJournalError{Path: path, Reason: "it is a folder, not a file"}
	case !fi.Mode().IsRegular():
		return header{}, &NotJournalError{Path: path, Reason: "it is not a regular file"}
	case fi.Size() == 0:
		// A new journal, e.g. created by an earlier Open that failed, or by
		// the user: made private, as if laceup had created it. (Best effort:
		// if it is someone else's file, Warnings reports its mode.)
		if fi.Mode().Perm() != 0o600 {
			os.Chmod(path, 0o600) //nolint:errcheck // see above
			fi, _ = os.Stat(path)
		}
		return header{empty: true, file: fi}, nil
	}

	h, n, err := readHeader(path, fi)
	if errors.Is(err, errInUse) {
		// Another Store of this process has the file open, so it is a
		// journal; the first query checks it (see Store.init).
		return header{wal: true, state: fileState{appID: applicationID, version: schemaVersion()}, file: fi}, nil
	}
	magic := []byte("SQLite format 3\x00")
	short := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	switch {
	case short && n >= len(magic) && bytes.HasPrefix(h[:], magic):
		return header{}, &CorruptError{Path: path,
			Err: fmt.Errorf("it was cut short: %d bytes, less than a database header", n)}
	case short || (err == nil && !bytes.HasPrefix(h[:], magic)):
		return header{}, &NotJournalError{Path: path, Reason: "it is not a SQLite database"}
	case err != nil:
		return header{}, fmt.Errorf("journal %s: %w", path, pathErr(err))
	}
	hd := header{
		wal:  h[18] == 2 && h[19] == 2,
		file: fi,
		state: fileState{
			appID:   binary.BigEndian.Uint32(h[68:72]),
			version: int(int32(binary.BigEndian.Uint32(h[60:64]))),
		},
	}
	if hd.state.appID != 0 {
		// Conclusive for a file of another program or a newer laceup. For a
		// laceup journal, init checks again, with SQLite, in case the header
		// is stale (commits still in the -wal file).
		if err := hd.state.check(path); err != nil {
			return header{}, err
		}
	}
	if err := checkSize(path, h[:], fi.Size()); err != nil {
		return header{}, err
	}
	if hd.state.appID != 0 {
		return hd, nil
	}

	// No application_id: an empty database, or another program's. Only
	// SQLite can list the tables; ask it read-only (mode=ro opens the file
	// O_RDONLY), so a refused file cannot change.
	query := "?mode=ro&_pragma=busy_timeout(5000)"
	if hd.wal && !exists(path+"-wal") {
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
		return header{}, fmt.Errorf("journal %s: %w", path, err)
	}
	defer db.Close()
	// One read transaction, so the answers come from one snapshot even if
	// another laceup is migrating the file meanwhile.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return header{}, wrapErr(path, "read", err)
	}
	defer tx.Rollback() //nolint:errcheck // read only
	st, err := readState(ctx, tx)
	if err != nil {
		return header{}, wrapErr(path, "read", err)
	}
	return hd, st.check(path)
}

// checkSize returns a *CorruptError if the database header h says the file
// has more pages than its size holds: the file was cut short (copied in
// part, or truncated). It trusts the header's page count only when SQLite
// does (the "version-valid-for" number matches the change counter), and
// only when no -wal or -journal file is beside the database: SQLite reads
// those first, and they may hold the pages a crash kept out of the file.
func checkSize(path string, h []byte, size int64) error {
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return &CorruptError{Path: path, Err: fmt.Errorf("its header is damaged (page size %d)", pageSize)}
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if !bytes.Equal(h[24:28], h[92:96]) || pages*pageSize <= size {
		return nil
	}
	for _, side := range []string{"-wal", "-journal"} {
		if fi, err := os.Lstat(path + side); err == nil && fi.Size() > 0 {
			return nil
		}
	}
	return &CorruptError{Path: path,
		Err: fmt.Errorf("it was cut short: %d bytes, its header says %d", size, pages*pageSize)}
}

// errInUse is returned by readHeader for a file a Store of this process
// has open.
var errInUse = errors.New("open in this process")

// readHeader reads the first 100 bytes of the file fi at path, the SQLite
// database header, unless a Store of this process has the file open: then
// it returns errInUse and does not open the file, as closing any descriptor
// of a file drops every POSIX lock the process holds on it, the other
// Store's included. It holds openStores' lock while it has the file open,
// so no Store of this process can open it meanwhile (see Open).
func readHeader(path string, fi os.FileInfo) (h [100]byte, n int, err error) {
	openStores.Lock()
	defer openStores.Unlock()
	for _, s := range openStores.stores {
		if os.SameFile(s.file, fi) {
			return h, 0, errInUse
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return h, 0, err
	}
	n, err = io.ReadFull(f, h[:])
	f.Close()
	return h, n, err
}

// danglingLink returns an error naming the link and its target if path,
// which os.Stat did not find, is a symbolic link to nothing: the journal
// linked into a sync folder or a drive that is not mounted, say. Creating a
// journal there would fail, or start an empty one where the runner's
// journal is missing.
func danglingLink(path string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	return fmt.Errorf("journal %s is a link to %s, which does not exist: is the drive or sync folder it points into mounted? (laceup does not create a journal through a broken link)",
		path, missingTarget(path))
}

// DanglingLink returns the error Open gives for a path that is a symbolic
// link to nothing, or nil: for a command that looks for a journal without
// creating one.
func DanglingLink(path string) error { return danglingLink(path) }

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// create creates a new, empty journal file with mode 0600, and its missing
// folders with mode 0700, whatever the umask.
func create(ctx context.Context, path string, tries int) (header, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return header{}, fmt.Errorf("journal %s: create its folder: %w", path, err)
	}
	fi, err := createFile(path)
	if errors.Is(err, fs.ErrExist) && tries < 3 {
		return prepare(ctx, path, tries+1) // another process was quicker
	}
	if err != nil {
		return header{}, fmt.Errorf("journal %s: cannot create it (check that you may write to its folder, %s): %w",
			path, dir, pathErr(err))
	}
	return header{empty: true, file: fi}, nil
}

// createFile creates the empty file, mode 0600, holding openStores' lock
// while the file is open, for the reason readHeader does.
func createFile(path string) (os.FileInfo, error) {
	openStores.Lock()
	defer openStores.Unlock()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fi, err
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
