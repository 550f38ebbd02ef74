package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// assertOnlyFiles fails if dir holds files other than names, such as a
// temporary file Backup left behind.
func assertOnlyFiles(t testing.TB, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.Import(ctx, importBatch(day(t, "2024-01-01"), 500), false); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "backups", "laceup")
	dest := filepath.Join(dir, "journal #1?.db")
	if err := s.Backup(ctx, dest, false); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "journal #1?.db")
	want := dump(t, s)
	b := mustOpenPath(t, dest)
	if got := dump(t, b); got != want {
		t.Error("the backup's rows differ from the journal's")
	}
	b.Close()
	before := hashFile(t, dest)

	// An existing file is refused, and left as it was...
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	err := s.Backup(ctx, dest, false)
	var ee *ExistsError
	if !errors.As(err, &ee) || ee.Path != dest || !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), dest) {
		t.Fatalf("Backup(existing) = %v, want an *ExistsError naming %s", err, dest)
	}
	if hashFile(t, dest) != before {
		t.Error("the refused backup file changed")
	}
	// ...unless forced.
	if err := s.Backup(ctx, dest, true); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "journal #1?.db")
	b = mustOpenPath(t, dest)
	if got := dump(t, b); got != dump(t, s) {
		t.Error("the forced backup's rows differ from the journal's")
	}
}

func TestBackupRefuses(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	dir := t.TempDir()
	inUse := filepath.Join(dir, "in-use.db")
	mustSave(t, mustOpenPath(t, inUse), checkin(day(t, "2026-03-14"))) // open: its -wal file exists
	tests := []struct {
		name, dest string
		force      bool
		want       string
	}{
		{"empty name", "", true, "the destination file name is empty"},
		{"the journal", s.Path(), true, "is your journal; write to another file"},
		{"the journal's -wal file", s.Path() + "-wal", true, "is your journal; write to another file"},
		{"a folder", dir, true, "is a folder; give a file name"},
		{"a database in use", inUse, true, "it is a database in use (in-use.db-wal exists beside it)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Backup(ctx, tt.dest, tt.force)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.dest) {
				t.Errorf("Backup(%q) = %v, want an error naming the file and saying %q", tt.dest, err, tt.want)
			}
		})
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("the journal: Count() = %d, %v", n, err)
	}
}

func TestBackupCorrupt(t *testing.T) {
	path := journalFile(t, 3650)
	pageSize, leaves := leafPages(t, path)
	for n, content := range leaves { // damage one page of check-ins
		overwrite(t, path, (n-1)*pageSize+content, []byte(strings.Repeat("\xff", 64)))
		break
	}
	s := mustOpenPath(t, path)
	dir := t.TempDir()
	err := s.Backup(context.Background(), filepath.Join(dir, "backup.db"), false)
	assertCorrupt(t, err, path)
	assertOnlyFiles(t, dir)
}

// TestBackupWhileWriting backs up a journal another Store (another
// connection, as another laceup would be) keeps writing to: every backup
// is a sound journal holding the check-ins of one moment.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 1000)
	s := mustOpenPath(t, path)
	writer := mustOpenPath(t, path)
	first := day(t, "2016-03-15").AddDays(1000)
	var (
		saved atomic.Int64
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	wg.Go(func() {
		for i := 0; !stop.Load(); i++ {
			c := checkin(first.AddDays(i))
			c.Note = strings.Repeat("new day ", 100)
			if err := writer.Save(ctx, c); err != nil {
				t.Errorf("Save: %v", err)
				return
			}
			saved.Add(1)
		}
	})
	dir := t.TempDir()
	var prev int
	for i := range 8 {
		dest := filepath.Join(dir, "backup-"+string(rune('a'+i))+".db")
		low := int(saved.Load())
		if err := s.Backup(ctx, dest, false); err != nil {
			stop.Store(true)
			wg.Wait()
			t.Fatal(err)
		}
		high := int(saved.Load())
		b := mustOpenPath(t, dest)
		all, err := b.All(ctx)
		if err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		// The check-ins of one moment: the first 1000, then the writer's
		// days in order, with no gap. The writer counts a save after it
		// commits, so the backup may hold one more than it has counted.
		n := len(all) - 1000
		if n < low || n > high+1 || n < prev {
			t.Errorf("backup %d holds %d new days; %d to %d were saved meanwhile", i, n, low, high)
		}
		for j, c := range all {
			if want := day(t, "2016-03-15").AddDays(j); c.Date != want {
				t.Fatalf("backup %d: check-in %d is of %s, want %s", i, j, c.Date, want)
			}
		}
		prev = n
		b.Close()
	}
	stop.Store(true)
	wg.Wait()
	if prev == 0 {
		t.Log("the writer saved nothing during the backups")
	}
	t.Logf("%d saves during the backups", saved.Load())
}
