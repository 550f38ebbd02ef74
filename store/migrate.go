package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
)

// applicationID is PRAGMA application_id of every laceup journal: "lace" in
// ASCII. Migration 0001 sets it. A SQLite file with another non-zero
// application_id belongs to another program and is refused.
const applicationID = 0x6c616365

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded SQL file. Migration i (counting from 1) brings
// the schema from version i-1 to version i.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded SQL files in order, read the first time
// a journal needs migrating: a command that reads a journal of the newest
// version only needs their number (schemaVersion), and a process that runs
// once pays for every page it touches.
var migrations = sync.OnceValue(func() []migration { return mustLoadMigrations(migrationFS) })

// schemaVersion is the newest schema version this laceup knows: the number
// of migrations, counted from their names (TestSchemaVersionCountsMigrations
// holds it to len(migrations())).
var schemaVersion = sync.OnceValue(func() int {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	return len(names)
})

func mustLoadMigrations(fsys fs.FS) []migration {
	ms, err := loadMigrations(fsys)
	if err != nil {
		panic(err) // the files are compiled in: a bad name is a build mistake
	}
	return ms
}

// loadMigrations reads migrations/NNNN_name.sql in name order and checks that
// the numbers run 1, 2, 3... with no gap.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	ms := make([]migration, 0, len(names))
	for i, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		if n, err := strconv.Atoi(num); err != nil || n != i+1 {
			return nil, fmt.Errorf("store: migration %s: want the number %04d", name, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: i + 1, name: path.Base(name), sql: string(b)})
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("store: no migrations embedded")
	}
	return ms, nil
}

// SchemaVersion is the newest journal schema version this laceup knows:
// the PRAGMA user_version of a journal it has opened.
func SchemaVersion() int { return schemaVersion() }

// queryer is what *sql.DB, *sql.Conn and *sql.Tx have in common.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// fileState is what decides whether laceup may use a SQLite database.
type fileState struct {
	appID   uint32
	version int
	objects []string // tables, indexes, views and triggers, by name
}

func readState(ctx context.Context, q queryer) (fileState, error) {
	var st fileState
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&st.appID); err != nil {
		return st, err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&st.version); err != nil {
		return st, err
	}
	rows, err := q.QueryContext(ctx,
		`SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return st, err
		}
		st.objects = append(st.objects, name)
	}
	return st, rows.Err()
}

// check returns nil when laceup may open (and migrate) a database in state
// st, and otherwise a *SchemaTooNewError or *NotJournalError naming path.
// objects is only consulted when appID is 0, so a state read from the file
// header alone (objects unknown) is conclusive whenever appID is not 0.
func (st fileState) check(path string) error {
	switch {
	case st.appID == applicationID && st.version < 0:
		return &NotJournalError{Path: path,
			Reason: fmt.Sprintf("its schema version is %d, which no laceup writes", st.version)}
	case st.appID == applicationID:
		if st.version > schemaVersion() {
			return &SchemaTooNewError{Path: path, Have: st.version, Want: schemaVersion()}
		}
		return nil
	case st.appID != 0:
		return &NotJournalError{Path: path,
			Reason: fmt.Sprintf("it is another program's SQLite database (application_id %#x)", st.appID)}
	case len(st.objects) > 0:
		names := st.objects
		more := ""
		if len(names) > 3 {
			names, more = names[:3], fmt.Sprintf(" and %d more", len(st.objects)-3)
		}
		return &NotJournalError{Path: path,
			Reason: fmt.Sprintf("it is a SQLite database with other tables (%s%s)", strings.Join(names, ", "), more)}
	case st.version != 0:
		return &NotJournalError{Path: path,
			Reason: fmt.Sprintf("it is another program's SQLite database (user_version %d)", st.version)}
	}
	return nil // an empty database: laceup makes it a journal
}

// migrate applies the migrations the journal lacks, one transaction each.
// Every transaction starts with BEGIN IMMEDIATE (the _txlock DSN parameter)
// and reads the state again inside it, so two laceups opening the same new
// journal at once cannot both apply a migration, and the state it checks is
// the committed one, not a possibly stale file header.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, s.wrap("open", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	st, err := readState(ctx, tx)
	if err != nil {
		return false, s.wrap("read schema version", err)
	}
	if err := st.check(s.path); err != nil {
		return false, err
	}
	if st.version >= schemaVersion() {
		return true, nil
	}
	m := migrations()[st.version]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, s.wrap("migrate to schema version "+strconv.Itoa(m.version)+" ("+m.name+")", err)
	}
	// PRAGMA takes no bound parameters; m.version is an int from this package.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return false, s.wrap("set schema version", err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.wrap("migrate to schema version "+strconv.Itoa(m.version), err)
	}
	return false, nil
}
