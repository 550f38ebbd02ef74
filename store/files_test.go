package store

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteOutput(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := WriteOutput(ctx, path, false, writeString("first")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", fi.Mode().Perm())
	}
	// An existing file is refused without force, and kept.
	err := WriteOutput(ctx, path, false, writeString("second"))
	if ee := (*ExistsError)(nil); !errors.As(err, &ee) {
		t.Errorf("WriteOutput(existing) = %v, want an *ExistsError", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("the refused file holds %q", b)
	}
	if err := WriteOutput(ctx, path, true, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("the file holds %q, want new", b)
	}
	// A failed write leaves the old file and no temporary file.
	failed := errors.New("disk on fire")
	err = WriteOutput(ctx, path, true, func(w io.Writer) error { io.WriteString(w, "half"); return failed })
	if !errors.Is(err, failed) {
		t.Errorf("WriteOutput = %v, want the write's error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("after a failed write the file holds %q", b)
	}
	assertOnlyFiles(t, dir, "export.csv")
	// A missing folder is an error naming the file; nothing is created.
	missing := filepath.Join(dir, "no", "such.csv")
	if err := WriteOutput(ctx, missing, false, writeString("")); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("WriteOutput into a missing folder = %v", err)
	}

	// Through a link to a file, force replaces the file and keeps the link.
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("export.csv", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutput(ctx, link, true, writeString("via link")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(path); string(b) != "via link" {
		t.Errorf("the linked file holds %q", b)
	}
	// A link to a new file in a folder that exists creates the file; a
	// link into a folder that does not exist (not mounted) is refused, not
	// replaced by a file.
	fresh := filepath.Join(dir, "fresh.csv")
	os.Symlink("new.csv", fresh)
	if err := WriteOutput(ctx, fresh, false, writeString("new file")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "new.csv")); string(b) != "new file" {
		t.Errorf("through a link to a new file: %q", b)
	}
	dangling := filepath.Join(dir, "dangling.csv")
	os.Symlink(filepath.Join(dir, "unmounted", "x.csv"), dangling)
	if err := WriteOutput(ctx, dangling, true, writeString("x")); err == nil || !strings.Contains(err.Error(), "unmounted/x.csv, which does not exist") {
		t.Errorf("WriteOutput(dangling link) = %v", err)
	}
	if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced")
	}
}

// TestTempLeftovers: a temporary file of a killed writer (no one holds
// its lock) is removed by the next write of the same file; one a live
// writer holds is not, nor a file of another name.
func TestTempLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	abandoned := filepath.Join(dir, ".backup.db.123456.tmp")
	live := filepath.Join(dir, ".backup.db.654321.tmp")
	other := filepath.Join(dir, ".other.db.123456.tmp")
	for _, p := range []string{abandoned, live, other} {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	unlock := lockTemp(live)
	if err := WriteOutput(context.Background(), path, false, writeString("whole")); err != nil {
		t.Fatal(err)
	}
	want := []string{".backup.db.654321.tmp", ".other.db.123456.tmp", "backup.db"}
	if runtime.GOOS == "windows" { // by age there: none is old
		want = []string{".backup.db.123456.tmp", ".backup.db.654321.tmp", ".other.db.123456.tmp", "backup.db"}
	}
	assertOnlyFiles(t, dir, want...)
	unlock()
	for name, want := range map[string]bool{
		".backup.db.1.tmp": true, ".backup.db..tmp": false, ".backup.db.12a.tmp": false,
		"backup.db.1.tmp": false, ".backup.db.1.tmp.x": false, ".backup.db.1.tmp-journal": true,
	} {
		if _, got := isTemp(name, "backup.db"); got != want {
			t.Errorf("isTemp(%q) = %v", name, got)
		}
	}
}
