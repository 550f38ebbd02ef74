//go:build linux

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/laceup/laceup/slump"
)

// Linux ioctls of chattr(1): FS_IOC_GETFLAGS, FS_IOC_SETFLAGS and the
// immutable flag.
const (
	fsIocGetFlags = 0x80086601
	fsIocSetFlags = 0x40086602
	fsImmutableFl = 0x00000010
)

// setImmutable sets or clears the immutable attribute (chattr +i) of path.
func setImmutable(path string, on bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var flags int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), fsIocGetFlags, uintptr(unsafe.Pointer(&flags))); e != 0 {
		return e
	}
	if on {
		flags |= fsImmutableFl
	} else {
		flags &^= fsImmutableFl
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), fsIocSetFlags, uintptr(unsafe.Pointer(&flags))); e != 0 {
		return e
	}
	return nil
}

// makeReadOnly makes path (a file or a folder) read-only for this process
// until the test ends. As root, whom modes do not stop, it sets the
// immutable attribute, which stops root too; otherwise it takes away the
// write permission. It skips the test if neither can be done.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() == 0 {
		if err := setImmutable(path, true); err != nil {
			t.Skipf("running as root, and the file system cannot make %s immutable (chattr +i: %v): no way to make it read-only", path, err)
		}
		t.Cleanup(func() { setImmutable(path, false) })
		return
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, fi.Mode().Perm()&^0o222); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, fi.Mode().Perm()) })
}

func TestReadOnlyJournal(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 100)
	makeReadOnly(t, path)
	before := hashFile(t, path)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(read-only journal) = %v, want it to open for reading", err)
	}
	if n, err := s.Count(ctx); err != nil || n != 100 {
		t.Errorf("Count() = %d, %v; want 100", n, err)
	}
	if _, err := s.Snapshot(ctx, day(t, "2026-01-01")); err != nil {
		t.Errorf("Snapshot = %v", err)
	}
	c := checkin(day(t, "2026-03-14"))
	for name, err := range map[string]error{
		"Save":   s.Save(ctx, c),
		"Import": func() error { _, err := s.Import(ctx, importBatch(day(t, "2026-01-01"), 10), true); return err }(),
		"AddRace": func() error {
			_, err := s.AddRace(ctx, slump.Race{Date: day(t, "2027-04-19"), Name: "Boston"})
			return err
		}(),
		"RemoveRace": func() error { _, _, err := s.RemoveRace(ctx, day(t, "2027-04-19")); return err }(),
	} {
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) ||
			!strings.Contains(err.Error(), "can be read but not written: the file") {
			t.Errorf("%s = %v, want a read-only error naming the journal", name, err)
		}
		t.Log(err)
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
	if hashFile(t, path) != before {
		t.Error("the read-only journal changed")
	}
	// Reading left no -wal or -shm file, whose read-only mode would block
	// every write once the journal is writable again.
	assertOnlyFiles(t, filepath.Dir(path), "journal.db")
}

// TestReadOnlySidecars: a -shm and a -wal file left read-only beside a
// writable journal (by a read-only open of an older laceup, or SQLite's
// copy of a read-only journal's mode) no longer block writing: Open makes
// the user's own files writable again.
func TestReadOnlySidecars(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("as root, modes do not stop writes")
	}
	ctx := context.Background()
	path := journalFile(t, 10)
	for _, side := range []string{"-shm", "-wal"} {
		if err := os.WriteFile(path+side, nil, 0o400); err != nil {
			t.Fatal(err)
		}
	}
	s := mustOpenPath(t, path)
	if err := s.Save(ctx, checkin(day(t, "2026-03-14"))); err != nil {
		t.Fatalf("Save beside read-only -wal and -shm files = %v", err)
	}
}

func TestReadOnlyFolder(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 100)
	dir := filepath.Dir(path)
	makeReadOnly(t, dir)
	before := hashFile(t, path)

	// SQLite cannot create the -wal and -shm files beside the journal:
	// the journal is read as it is, and a write names the folder.
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open in a read-only folder = %v", err)
	}
	if n, err := s.Count(ctx); err != nil || n != 100 {
		t.Errorf("Count() = %d, %v; want 100", n, err)
	}
	if _, err := s.Snapshot(ctx, day(t, "2026-01-01")); err != nil {
		t.Errorf("Snapshot = %v", err)
	}
	backupDir := t.TempDir()
	if err := s.Backup(ctx, filepath.Join(backupDir, "copy.db"), false); err != nil {
		t.Errorf("Backup of a journal in a read-only folder = %v", err)
	}
	err = s.Save(ctx, checkin(day(t, "2026-03-14")))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "its folder "+dir+" is read-only") {
		t.Errorf("Save = %v, want an error naming the read-only folder", err)
	}
	t.Log(err)
	s.Close()
	if hashFile(t, path) != before {
		t.Error("the journal changed")
	}

	// A new journal or a backup cannot be created there either.
	for name, err := range map[string]error{
		"Open(new)": func() error { _, err := Open(ctx, filepath.Join(dir, "new.db")); return err }(),
		"Backup": func() error {
			return mustOpen(t).Backup(ctx, filepath.Join(dir, "backup.db"), false)
		}(),
	} {
		if err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("%s in a read-only folder = %v, want an error naming it", name, err)
		}
		t.Log(err)
	}
	assertOnlyFiles(t, dir, "journal.db")
}

// sharedLocked reports whether /proc/locks lists a POSIX read lock of this
// process on SQLite's SHARED range (bytes 1073741826 to 1073742335) of the
// file at path: the lock that tells other processes the journal is in use.
func sharedLocked(t *testing.T, path string) bool {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ino := fi.Sys().(*syscall.Stat_t).Ino
	b, err := os.ReadFile("/proc/locks")
	if err != nil {
		t.Skip("no /proc/locks:", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 8 && f[1] == "POSIX" && f[3] == "READ" && f[4] == strconv.Itoa(os.Getpid()) &&
			strings.HasSuffix(f[5], ":"+strconv.FormatUint(ino, 10)) && f[6] == "1073741826" {
			return true
		}
	}
	return false
}

// TestSecondStoreKeepsLocks opens a journal a second time in this process.
// Had Open read the file's header with os.Open, closing that descriptor
// would have dropped the first Store's POSIX locks on the file (they belong
// to the process, and any close drops them).
func TestSecondStoreKeepsLocks(t *testing.T) {
	path := journalFile(t, 10)
	a := mustOpenPath(t, path)
	if _, err := a.Count(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !sharedLocked(t, path) {
		t.Fatal("no SHARED lock while the journal is open: the test cannot see what it tests")
	}
	mustOpenPath(t, path)
	if os.Getenv("LACEUP_STORE_STRIP_LOCKS") != "" { // to see this test fail
		os.ReadFile(path)
	}
	if !sharedLocked(t, path) {
		t.Error("opening the journal again dropped the first Store's lock")
	}
}

// TestFolderTurnsReadOnlyWhileOpen: a Store that closes its connection
// when idle (the TUI's) whose folder is made read-only meanwhile keeps
// reading the journal, and a write names the folder. (It failed every
// read: each opens the journal anew, for writing.)
func TestFolderTurnsReadOnlyWhileOpen(t *testing.T) {
	ctx := context.Background()
	path := journalFile(t, 100)
	s := mustOpenPath(t, path)
	s.CloseWhenIdle()
	if _, err := s.Snapshot(ctx, day(t, "2016-05-01")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	makeReadOnly(t, dir)
	snap, err := s.Snapshot(ctx, day(t, "2016-05-01"))
	if err != nil || len(snap.Checkins) == 0 {
		t.Fatalf("Snapshot once the folder is read-only = %d check-ins, %v", len(snap.Checkins), err)
	}
	if _, ok, err := s.Get(ctx, day(t, "2016-04-01")); !ok || err != nil {
		t.Errorf("Get = %v, %v", ok, err)
	}
	err = s.Save(ctx, checkin(day(t, "2016-06-25")))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "its folder "+dir+" is read-only") {
		t.Errorf("Save = %v, want an error naming the read-only folder", err)
	}
	if got := s.ReadOnly(); !strings.Contains(got, dir) {
		t.Errorf("ReadOnly() = %q", got)
	}
}
