package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests of this file are the faults adversarial testing found (issue
// 10): each failed before its fix.

// TestNegativeSchemaVersion: a journal whose user_version is negative is
// refused like any file that is not a journal, untouched (it panicked).
func TestNegativeSchemaVersion(t *testing.T) {
	path := journalFile(t, 10)
	raw := rawDB(t, path)
	mustExec(t, raw, "PRAGMA user_version = -1")
	raw.Close()
	before := hashFile(t, path)
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNotJournal) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "-1") {
		t.Errorf("Open(user_version -1) = %v, want a not-a-journal error naming the file", err)
	}
	if hashFile(t, path) != before {
		t.Error("the refused file changed")
	}
}

// TestDanglingLink: a journal path that is a link to nothing (a sync
// folder not mounted) is an error naming the link and its target, at once
// (it recursed until the stack overflowed), and creates nothing.
func TestDanglingLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "Dropbox", "laceup", "journal.db")
	link := filepath.Join(dir, "journal.db")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("symlink:", err)
	}
	_, err := Open(context.Background(), link)
	if err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), target) ||
		!strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Open(dangling link) = %v, want an error naming the link and its target", err)
	}
	if DanglingLink(link) == nil || DanglingLink(dir) != nil {
		t.Error("DanglingLink disagrees with Open")
	}
	assertOnlyFiles(t, dir, "journal.db")
}

// TestJournalDeleted: a Store whose journal was deleted refuses to write
// (the TUI said "Saved" and the row went nowhere) and creates no new file.
func TestJournalDeleted(t *testing.T) {
	for _, idle := range []bool{false, true} {
		ctx := context.Background()
		path := journalFile(t, 10)
		s := mustOpenPath(t, path)
		if idle {
			s.CloseWhenIdle()
		}
		mustSave(t, s, checkin(day(t, "2026-03-14")))
		for _, side := range []string{"", "-wal", "-shm"} {
			os.Remove(path + side)
		}
		err := s.Save(ctx, checkin(day(t, "2026-03-15")))
		var me *MovedError
		if !errors.As(err, &me) || !me.Deleted || !errors.Is(err, ErrMoved) || !strings.Contains(err.Error(), path) {
			t.Errorf("idle %v: Save after the journal was deleted = %v, want a *MovedError", idle, err)
		}
		if _, err := s.Snapshot(ctx, day(t, "2026-03-15")); !errors.Is(err, ErrMoved) {
			t.Errorf("idle %v: Snapshot = %v, want ErrMoved", idle, err)
		}
		if _, err := os.Lstat(path); err == nil {
			t.Errorf("idle %v: a file was created at %s", idle, path)
		}
	}
}

// TestJournalReplaced: the journal replaced by a rename (a backup restored
// with mv) while a long-running Store (the TUI's) has it open. The Store
// refuses to write; another laceup's write to the new file lands in it and
// stays there after the first Store closes. (Before, both writes went to
// the old file's -wal, hiding the new file's content.)
func TestJournalReplaced(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	tuiStore := mustOpenPath(t, path)
	tuiStore.CloseWhenIdle()
	mustSave(t, tuiStore, checkin(day(t, "2026-03-01")))

	backup := filepath.Join(dir, "backup.db")
	b := mustOpenPath(t, backup)
	mustSave(t, b, checkin(day(t, "2026-02-01")))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, tuiStore, checkin(day(t, "2026-03-02"))) // after the backup was made
	if err := os.Rename(backup, path); err != nil {
		t.Fatal(err)
	}

	err := tuiStore.Save(ctx, checkin(day(t, "2026-03-03")))
	var me *MovedError
	if !errors.As(err, &me) || me.Deleted || !strings.Contains(err.Error(), "replaced by another file") {
		t.Fatalf("Save after the journal was replaced = %v, want a *MovedError", err)
	}
	t.Log(err)
	cli, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, cli, checkin(day(t, "2026-03-04")))
	if err := cli.Close(); err != nil {
		t.Fatal(err)
	}
	if err := tuiStore.Close(); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path)
	got, err := s.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, c := range got {
		dates = append(dates, c.Date.String())
	}
	if strings.Join(dates, " ") != "2026-02-01 2026-03-04" {
		t.Errorf("the restored journal holds %v, want the backup's day and the later save", dates)
	}
}

// TestDamagedRows: rows SQLite reads but that break the table's rules (a
// value out of range, a key out of order) are reported as damage with the
// rescue steps, never returned as check-ins, nor as days not logged.
func TestDamagedRows(t *testing.T) {
	ctx := context.Background()
	t.Run("value out of range", func(t *testing.T) {
		path := journalFile(t, 100)
		raw := rawDB(t, path)
		mustExec(t, raw, "PRAGMA ignore_check_constraints = ON")
		mustExec(t, raw, "UPDATE checkins SET mood = 9 WHERE date = '2016-04-01'")
		raw.Close()
		s := mustOpenPath(t, path)
		_, err := s.All(ctx)
		assertCorrupt(t, err, path)
		_, err = s.Snapshot(ctx, day(t, "2016-04-02"))
		assertCorrupt(t, err, path)
	})
	t.Run("key out of order", func(t *testing.T) {
		// The date of one row overwritten on disk with a later one: a walk
		// of the key from before it stopped there, and the days after it
		// read as not logged.
		path := journalFile(t, 400)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(string(b), "2016-06-01")
		if i < 0 {
			t.Fatal("no 2016-06-01 in the file")
		}
		overwrite(t, path, int64(i), []byte("2029-06-01"))
		s := mustOpenPath(t, path)
		_, err = s.Snapshot(ctx, day(t, "2016-06-10"))
		assertCorrupt(t, err, path)
		_, err = s.Range(ctx, day(t, "2016-05-20"), day(t, "2016-06-20"))
		assertCorrupt(t, err, path)
		// The meter of a later day continues from a load state kept before
		// the damage and reads only its window; without the states, its
		// walk of the loads past the damaged key finds it.
		if _, err := s.db.ExecContext(ctx, "DELETE FROM load_states"); err != nil {
			t.Fatal(err)
		}
		_, err = s.Snapshot(ctx, day(t, "2017-01-10"))
		assertCorrupt(t, err, path)
		_, err = s.Loads(ctx, day(t, "2017-01-10"), day(t, "2017-01-10"))
		assertCorrupt(t, err, path)
		t.Log(err)
	})
}

// TestBackupChecksSource: a journal that fails quick_check is not copied
// (the copy would be damaged too), even when VACUUM INTO could read it.
func TestBackupChecksSource(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 100)
	raw := rawDB(t, path)
	mustExec(t, raw, "PRAGMA ignore_check_constraints = ON")
	mustExec(t, raw, "UPDATE checkins SET effort = 42 WHERE date = '2016-04-01'")
	raw.Close()
	s := mustOpenPath(t, path)
	dir := t.TempDir()
	err := s.Backup(ctx, filepath.Join(dir, "backup.db"), false)
	assertCorrupt(t, err, path)
	assertOnlyFiles(t, dir)
}

// TestBackupStaleJournal: backup --force over a file with a leftover
// rollback journal beside it gives a sound copy (SQLite rolled the stale
// journal into it on first open: malformed).
func TestBackupStaleJournal(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.Import(ctx, importBatch(day(t, "2024-01-01"), 300), false); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	// An old backup, edited in rollback-journal mode by a program that
	// was killed mid-transaction: its hot -journal is beside it.
	old := mustOpenPath(t, filepath.Join(t.TempDir(), "old.db"))
	if _, err := old.Import(ctx, importBatch(day(t, "2020-01-01"), 500), false); err != nil {
		t.Fatal(err)
	}
	if err := old.Backup(ctx, dest, false); err != nil {
		t.Fatal(err)
	}
	// A real hot journal: another rollback-mode database mid-transaction,
	// its -journal copied while the transaction is open, as a crash
	// would leave it.
	other := filepath.Join(t.TempDir(), "other.db")
	if err := old.Backup(ctx, other, false); err != nil {
		t.Fatal(err)
	}
	raw := rawDB(t, other)
	raw.SetMaxOpenConns(1)
	mustExec(t, raw, "PRAGMA journal_mode = DELETE")
	mustExec(t, raw, "PRAGMA cache_size = 1") // spill to the file: the journal holds the old pages
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE checkins SET note = 'rewritten ' || date"); err != nil {
		t.Fatal(err)
	}
	hot, err := os.ReadFile(other + "-journal")
	if err != nil || len(hot) < 4096 {
		t.Fatalf("no hot journal: %d bytes, %v", len(hot), err)
	}
	tx.Rollback()
	if err := os.WriteFile(dest+"-journal", hot, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest, true); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "backup.db")
	if err := checkCopy(ctx, dest); err != nil {
		t.Fatal(err)
	}
	b := mustOpenPath(t, dest)
	if got, want := dump(t, b), dump(t, s); got != want {
		t.Error("the backup differs from the journal")
	}
	if err := b.quickCheck(ctx, b.db); err != nil {
		t.Error(err)
	}
}

// TestBackupKilledLeavesNoTemp: a temporary file of a backup killed while
// writing is removed by the next backup to the same file.
func TestBackupKilledLeavesNoTemp(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	dir := t.TempDir()
	left := filepath.Join(dir, ".backup.db.2718281828.tmp")
	orphan := filepath.Join(dir, ".backup.db.31415.tmp-journal") // SQLite's, its temporary file gone
	for _, p := range []string{left, left + "-journal", orphan} {
		if err := os.WriteFile(p, []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour - time.Minute) // for the age rule where there is no flock
	os.Chtimes(left, old, old)
	if err := s.Backup(context.Background(), filepath.Join(dir, "backup.db"), false); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "backup.db")
}

// TestOldDaysAreNotDamage: a day before 1900, which laceup accepts no
// longer but an older laceup saved, still reads (as the journal's own).
func TestOldDaysAreNotDamage(t *testing.T) {
	path := journalFile(t, 10)
	raw := rawDB(t, path)
	mustExec(t, raw, `INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, created_at, updated_at)
		VALUES ('0000-01-01', 3, 3, 7, 3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
	raw.Close()
	s := mustOpenPath(t, path)
	all, err := s.All(context.Background())
	if err != nil || len(all) != 11 || all[0].Date.String() != "0000-01-01" {
		t.Fatalf("All() = %d check-ins, %v", len(all), err)
	}
	if _, err := s.Snapshot(context.Background(), day(t, "2016-03-20")); err != nil {
		t.Error(err)
	}
}

// TestBackupStaleWAL: a -wal file left beside the name a new backup takes
// (from another database of that name, deleted without it) is not read
// into the copy.
func TestBackupStaleWAL(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.Import(ctx, importBatch(day(t, "2024-01-01"), 30), false); err != nil {
		t.Fatal(err)
	}
	// Another journal's -wal with commits in it, copied while it is open.
	other := filepath.Join(t.TempDir(), "other.db")
	o := mustOpenPath(t, other)
	mustExec(t, o.db, "PRAGMA wal_autocheckpoint = 0")
	if _, err := o.Import(ctx, importBatch(day(t, "2010-01-01"), 300), false); err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(other + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no -wal: %v", err)
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(dest+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest, false); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "backup.db")
	b := mustOpenPath(t, dest)
	if dump(t, b) != dump(t, s) {
		t.Error("the backup holds another database's rows")
	}
}

// TestBackupThroughALink: a destination that is a link gets the copy in
// the file it points to, and stays a link; a link to nothing is refused.
func TestBackupThroughALink(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	dir := t.TempDir()
	real := filepath.Join(dir, "real.db")
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink("real.db", link); err != nil {
		t.Skip(err)
	}
	if err := s.Backup(ctx, link, false); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b := mustOpenPath(t, real); dump(t, b) != dump(t, s) {
		t.Error("the file the link points to is not the copy")
	}
	dangling := filepath.Join(dir, "dangling.db")
	os.Symlink(filepath.Join(dir, "a", "b.db"), dangling)
	if err := s.Backup(ctx, dangling, true); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Backup(dangling link) = %v", err)
	}
}

// TestJournalReplacedDuringImport: a backup restored with mv while a long
// import is writing. The import is refused before it commits, and the
// restored file reads as the backup it is, also once the importing Store
// has closed (a commit would have gone to the old file's -wal, which
// SQLite leaves beside the new file, to be read into it).
func TestJournalReplacedDuringImport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	b := mustOpenPath(t, backup)
	mustSave(t, b, checkin(day(t, "2026-02-01")))
	want := dump(t, b)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	s.afterImport = func(i int) error {
		if i == 200 {
			return os.Rename(backup, path)
		}
		return nil
	}
	_, err = s.Import(ctx, importBatch(day(t, "2016-01-01"), 2000), false)
	if !errors.Is(err, ErrMoved) {
		t.Errorf("Import while the journal was replaced = %v, want ErrMoved", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r := mustOpenPath(t, path)
	if got := dump(t, r); got != want {
		t.Errorf("the restored journal holds:\n%s\nwant the backup's:\n%s", got, want)
	}
}
