//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOpenCreatesPrivateFiles(t *testing.T) {
	// With umask 0 a file created with the usual 0666 would be world
	// writable: the modes must come from Open, not from the umask.
	old := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(old) })

	root := t.TempDir()
	path := filepath.Join(root, "data", "laceup", "journal.db")
	s := mustOpenPath(t, path)
	mustSave(t, s, checkin(day(t, "2026-03-14")))

	want := map[string]os.FileMode{
		filepath.Join(root, "data"):           0o700 | os.ModeDir,
		filepath.Join(root, "data", "laceup"): 0o700 | os.ModeDir,
		path:                                  0o600,
		path + "-wal":                         0o600, // exist while the journal is open
		path + "-shm":                         0o600,
	}
	for p, mode := range want {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("stat: %v", err)
			continue
		}
		if got := fi.Mode() & (os.ModePerm | os.ModeDir); got != mode {
			t.Errorf("%s: mode %v, want %v", filepath.Base(p), got, mode)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// SQLite removes the -wal and -shm files with the last connection.
	assertNoSidecars(t, path)
}

func TestOpenKeepsExistingMode(t *testing.T) {
	// Open creates files private but does not change the mode of a journal
	// the user has already chosen one for.
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := os.WriteFile(path, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
}

func TestNotRegularFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	assertNotJournal(t, path, "not a regular file")
}
