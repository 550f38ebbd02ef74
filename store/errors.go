package store

import (
	"errors"
	"fmt"
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
