package store

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/laceup/laceup/slump"
)

// ErrNewerSchema matches, with errors.Is, the error Open returns for a
// journal written by a newer laceup. Use errors.As with *SchemaTooNewError
// for the details.
var ErrNewerSchema = errors.New("journal written by a newer laceup")

// ErrNotJournal matches, with errors.Is, the error Open returns for a path
// that is not a laceup journal: a folder, a file that is not a SQLite
// database, or another program's SQLite database. Use errors.As with
// *NotJournalError for the details.
var ErrNotJournal = errors.New("not a laceup journal")

// SchemaTooNewError is returned by Open when the journal's schema version
// is higher than any this laceup knows. The file is left as it was.
type SchemaTooNewError struct {
	Path string
	Have int // the journal's schema version (PRAGMA user_version)
	Want int // the newest schema version this laceup knows
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("journal %s was written by a newer laceup (schema version %d; this laceup knows up to %d): upgrade laceup to open it",
		e.Path, e.Have, e.Want)
}

// Is reports whether target is ErrNewerSchema.
func (e *SchemaTooNewError) Is(target error) bool { return target == ErrNewerSchema }

// NotJournalError is returned by Open when the path is not a laceup journal
// and laceup will not make it one. The file is left as it was.
type NotJournalError struct {
	Path   string
	Reason string // e.g. "it is not a SQLite database"
}

func (e *NotJournalError) Error() string {
	return fmt.Sprintf("%s is not a laceup journal: %s", e.Path, e.Reason)
}

// Is reports whether target is ErrNotJournal.
func (e *NotJournalError) Is(target error) bool { return target == ErrNotJournal }

// ErrCorrupt matches, with errors.Is, the error any method returns when the
// journal file is damaged. Use errors.As with *CorruptError for the details.
var ErrCorrupt = errors.New("journal is damaged")

// CorruptError is returned, by Open or by any later method, when the journal
// file is damaged: cut short, or with a page SQLite cannot make sense of
// (SQLITE_CORRUPT, SQLITE_NOTADB). laceup has not changed the file: the
// statement that met the damage was rolled back, and Open checks a journal
// it would have to write to (to migrate it) before writing.
type CorruptError struct {
	Path string
	Err  error // what showed the damage: SQLite's error, or what the header check found
}

func (e *CorruptError) Error() string {
	q := ShellQuote(e.Path)
	return fmt.Sprintf("journal %s is damaged (%v); laceup has not changed it. "+
		"To rescue your check-ins, first keep a copy of the file (cp %s %s), "+
		"then read out what SQLite still can (sqlite3 -csv -header %s "+
		"'SELECT date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type FROM checkins ORDER BY date' "+
		"> rescued.csv) and import it into a new journal (laceup --db new.db import rescued.csv); "+
		"your last 'laceup backup' or 'laceup export' is the other way back",
		e.Path, e.Err, q, ShellQuote(e.Path+".damaged"), q)
}

// Is reports whether target is ErrCorrupt.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// Unwrap returns the error that showed the damage.
func (e *CorruptError) Unwrap() error { return e.Err }

// ErrDiskFull is wrapped by the error of a write that failed because the
// disk (or the journal, at SQLite's size limit) is full. Nothing of that
// write was saved.
var ErrDiskFull = errors.New("disk or journal full")

// ErrReadOnly is wrapped by the error of a write to a journal laceup may
// only read: a read-only file, folder or file system. Nothing of that write
// was saved.
var ErrReadOnly = errors.New("journal is read-only")

// ExistsError is returned by Backup when the destination file exists and
// force is false. The file is left as it was.
type ExistsError struct {
	Path string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists: choose another file, or overwrite it with --force", e.Path)
}

// Is reports whether target is fs.ErrExist.
func (e *ExistsError) Is(target error) bool { return target == fs.ErrExist }

// ImportError is returned by Import for a check-in that is not valid. Its
// Err is the *slump.FieldError (errors.As finds it through ImportError).
// Nothing was imported.
type ImportError struct {
	Index int        // the check-in's position in the slice given to Import, from 0
	Date  slump.Date // its date, zero if it has none
	Err   error
}

func (e *ImportError) Error() string {
	if e.Date.IsZero() {
		return fmt.Sprintf("check-in at index %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("check-in at index %d (%s): %v", e.Index, e.Date, e.Err)
}

// Unwrap returns the *slump.FieldError.
func (e *ImportError) Unwrap() error { return e.Err }

// DuplicateDayError is returned by Import when two check-ins are for the
// same day. Nothing was imported.
type DuplicateDayError struct {
	Date          slump.Date
	First, Second int // their positions in the slice given to Import, from 0
}

func (e *DuplicateDayError) Error() string {
	return fmt.Sprintf("check-ins at index %d and %d are both for %s: a day has one check-in",
		e.First, e.Second, e.Date)
}

// ShellQuote returns path as one word for a POSIX shell, quoted only if it
// needs to be, so a command suggested in a message can be pasted as it is.
func ShellQuote(path string) string {
	safe := path != ""
	for _, r := range path {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%", r)) {
			safe = false
			break
		}
	}
	if safe {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

// ErrMoved matches, with errors.Is, the error of a Store whose path no
// longer names the file it opened. Use errors.As with *MovedError for the
// details.
var ErrMoved = errors.New("journal file moved")

// MovedError is returned by every method of a Store, before it reads or
// writes, once the journal's path no longer names the file Open opened: it
// was deleted or moved away, or another file took its name (a backup
// restored with mv, a sync tool). Writing then would save to a file nobody
// sees, or mix the old file's -wal into the new one, so nothing was read
// or written.
type MovedError struct {
	Path    string
	Deleted bool // nothing is at Path now; otherwise another file is
}

func (e *MovedError) Error() string {
	if e.Deleted {
		return fmt.Sprintf("journal %s was deleted or moved away while laceup had it open: nothing was saved. "+
			"Quit laceup, put the file back if it was moved by mistake, and start laceup again", e.Path)
	}
	return fmt.Sprintf("journal %s was replaced by another file while laceup had it open (a restored backup, or a sync tool?): "+
		"nothing was saved, and the file now there is untouched. Quit laceup and start it again to use that file", e.Path)
}

// Is reports whether target is ErrMoved.
func (e *MovedError) Is(target error) bool { return target == ErrMoved }

// ReadOnlyError is returned for a write to a journal laceup opened for
// reading only, because it may not write to the file, to its folder or to
// its -wal or -shm file, or could not create them (a full disk). Reading
// works; nothing of the write was saved. errors.Is(err, ErrReadOnly).
type ReadOnlyError struct {
	Path   string
	Reason string // e.g. "its folder /mnt/sync is read-only"
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("journal %s can be read but not written: %s; nothing was saved", e.Path, e.Reason)
}

// Is reports whether target is ErrReadOnly.
func (e *ReadOnlyError) Is(target error) bool { return target == ErrReadOnly }
