package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOutput(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, checkin(day(t, "2026-03-14"))) // the -wal and -shm files exist
	dir := t.TempDir()
	link := filepath.Join(dir, "link.db")
	if err := os.Link(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(mustGetwd(t), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out string
		folder    bool
	}{
		{"the journal", s.Path(), false},
		{"its -wal file", s.Path() + "-wal", false},
		{"its -shm file", s.Path() + "-shm", false},
		{"its -journal file, not there", s.Path() + "-journal", false},
		{"the journal by a relative path", rel, false},
		{"the journal under another name", link, false},
		{"a folder", dir, true},
	}
	for _, tt := range tests {
		err := CheckOutput(tt.out, s.Path())
		var oe *OutputError
		if !errors.As(err, &oe) || oe.Path != tt.out || oe.Folder != tt.folder {
			t.Errorf("%s: CheckOutput(%q) = %v, want an *OutputError (folder %v)", tt.name, tt.out, err, tt.folder)
		}
	}
	for _, ok := range []string{filepath.Join(dir, "new.csv"), filepath.Join(dir, "missing", "x.csv")} {
		if err := CheckOutput(ok, s.Path()); err != nil {
			t.Errorf("CheckOutput(%q) = %v, want nil", ok, err)
		}
	}
	if got := (&OutputError{Path: "j.db"}).Error(); got != "j.db is your journal; write to another file" {
		t.Errorf("message %q", got)
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("the file holds %q, want new", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", fi.Mode().Perm())
	}
	// A failed write leaves the old file and no temporary file.
	failed := errors.New("disk on fire")
	err := WriteFile(path, func(w io.Writer) error { io.WriteString(w, "half"); return failed })
	if !errors.Is(err, failed) {
		t.Errorf("WriteFile = %v, want the write's error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("after a failed write the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	// A missing folder is an error naming the file; nothing is created.
	missing := filepath.Join(dir, "no", "such.csv")
	if err := WriteFile(missing, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("WriteFile into a missing folder = %v", err)
	}
}

func TestCreate(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	s := mustOpenPath(t, path)
	mustSave(t, s, checkin(day(t, "2026-03-14")))

	// Without replace, a journal with check-ins is refused and kept.
	_, err := Create(ctx, path, false)
	var ne *NotEmptyError
	if !errors.As(err, &ne) || ne.Checkins != 1 || !strings.Contains(err.Error(), path) {
		t.Fatalf("Create over a journal with check-ins = %v, want a *NotEmptyError naming it", err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Fatalf("the refused journal holds %d check-ins", n)
	}
	s.Close()

	// With replace, it starts empty: the old -wal and -shm files are gone
	// too, so they cannot bring old pages back.
	os.WriteFile(path+"-wal", []byte("stale"), 0o600)
	fresh, err := Create(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if n, err := fresh.Count(ctx); err != nil || n != 0 {
		t.Errorf("a replaced journal holds %d check-ins, %v", n, err)
	}
	// An empty journal is fine without replace.
	other, err := Create(ctx, filepath.Join(dir, "new.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
}
