//go:build unix

package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	// the user has already chosen one for: Warnings reports it.
	path := journalFile(t, 1)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path)
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	want := []string{"journal " + path + " is readable by other users (mode 0640): chmod 600 " + path}
	if got := s.Warnings(); !slices.Equal(got, want) {
		t.Errorf("Warnings() = %q, want %q", got, want)
	}
}

func TestOpenAdoptsEmptyFile(t *testing.T) {
	// An empty file becomes a new journal, private as if laceup created it.
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o664); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", filepath.Base(p), fi.Mode().Perm(), err)
		}
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("Warnings() = %q, want none", w)
	}
}

func TestWarnings(t *testing.T) {
	old := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(old) })
	tests := []struct {
		name string
		file os.FileMode
		dir  os.FileMode
		want []string // %[1]s is the journal, %[2]s its folder
	}{
		{"private", 0o600, 0o700, nil},
		{"folder others may read", 0o600, 0o755, nil},
		{"readable", 0o644, 0o700, []string{"journal %[1]s is readable by other users (mode 0644): chmod 600 %[1]s"}},
		{"group writable", 0o620, 0o700, []string{"journal %[1]s is writable by other users (mode 0620): chmod 600 %[1]s"}},
		{"everything open", 0o666, 0o777, []string{
			"journal %[1]s is readable and writable by other users (mode 0666): chmod 600 %[1]s",
			"the journal's folder %[2]s is writable by other users (mode 0777): chmod 700 %[2]s"}},
		{"shared folder", 0o600, os.ModeSticky | 0o777, []string{
			"the journal's folder %[2]s is shared with other users (mode 1777): keep the journal in a folder of your own"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := journalFile(t, 1)
			dir := filepath.Dir(path)
			if err := os.Chmod(path, tt.file); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.dir); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			s := mustOpenPath(t, path)
			if _, err := s.Count(context.Background()); err != nil { // the -wal and -shm files exist
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, fmt.Sprintf(w, path, dir))
			}
			if got := s.Warnings(); !slices.Equal(got, want) {
				t.Errorf("Warnings() =\n%q\nwant\n%q", got, want)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != tt.file {
				t.Errorf("the journal's mode changed to %v", fi.Mode().Perm())
			}
		})
	}
	t.Run("looser -wal file", func(t *testing.T) {
		path := journalFile(t, 1)
		os.Chmod(filepath.Dir(path), 0o700)
		s := mustOpenPath(t, path)
		mustSave(t, s, checkin(day(t, "2026-03-14")))
		if err := os.Chmod(path+"-wal", 0o644); err != nil {
			t.Fatal(err)
		}
		want := []string{"journal file " + path + "-wal is readable by other users (mode 0644): chmod 600 " + path + "-wal"}
		if got := s.Warnings(); !slices.Equal(got, want) {
			t.Errorf("Warnings() = %q, want %q", got, want)
		}
	})
	t.Run("quoted path", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "it's mine")
		path := filepath.Join(dir, "journal.db") // Open creates dir 0700
		s := mustOpenPath(t, path)
		os.Chmod(path, 0o604)
		want := []string{"journal " + path + " is readable by other users (mode 0604): chmod 600 '" +
			strings.ReplaceAll(path, "'", `'\''`) + "'"}
		if got := s.Warnings(); !slices.Equal(got, want) {
			t.Errorf("Warnings() = %q, want %q", got, want)
		}
	})
}

func TestNotRegularFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	assertNotJournal(t, path, "not a regular file")
}

func TestBackupIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(old) })
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14")))
	root := t.TempDir()
	dest := filepath.Join(root, "backups", "laceup.db")
	if err := s.Backup(context.Background(), dest, false); err != nil {
		t.Fatal(err)
	}
	for p, mode := range map[string]os.FileMode{filepath.Dir(dest): 0o700 | os.ModeDir, dest: 0o600} {
		if fi, err := os.Stat(p); err != nil || fi.Mode()&(os.ModePerm|os.ModeDir) != mode {
			t.Errorf("%s: %v, %v; want mode %v", p, fi.Mode(), err, mode)
		}
	}
	// Forced over a file others could read: the new file is private too.
	if err := os.Chmod(dest, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(context.Background(), dest, true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
		t.Errorf("forced backup: mode %v, want 0600", fi.Mode().Perm())
	}
}
