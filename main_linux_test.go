//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// asUser runs the binary in home as a user whom file modes stop: this
// user, or, when the tests run as root, nobody (uid 65534), for whom home
// is made reachable.
func asUser(t *testing.T, home string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"), "TZ=UTC")
	if os.Geteuid() == 0 {
		os.Chmod(filepath.Dir(binary), 0o755) // nobody may run it
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running laceup: %v", err)
	}
	return result{code, stdout.String(), stderr.String()}
}

// userHome returns a folder the user of asUser owns.
func userHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	if os.Geteuid() == 0 {
		for dir := home; dir != os.TempDir() && dir != "/"; dir = filepath.Dir(dir) {
			os.Chmod(dir, 0o755) // reachable; the files inside stay private
		}
		if err := os.Chown(home, 65534, 65534); err != nil {
			t.Skip("chown:", err)
		}
	}
	return home
}

// Item 9: reading (meter, history, export, backup) works from a read-only
// folder or file; writing there fails naming the folder or the file; and no
// command leaves a -wal or -shm file whose mode breaks the next one.
func TestBinaryReadOnlyJournal(t *testing.T) {
	home := userHome(t)
	dir := filepath.Join(home, "sync")
	db := filepath.Join(dir, "journal.db")
	if r := asUser(t, home, "demo", "--db", db, "--days", "30", "--ending", "recovered"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	reads := [][]string{{"meter"}, {"history"}, {"export"}, {"backup", filepath.Join(home, "copy.db")}}

	// A read-only file: read, then made writable again, written.
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	for _, args := range reads {
		if r := asUser(t, home, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Errorf("laceup %v of a read-only journal: exit %d, %s", args, r.code, r.stderr)
		}
	}
	r := asUser(t, home, append([]string{"--db", db}, saveArgs...)...)
	if r.code != 1 || !strings.Contains(r.stderr, db+" can be read but not written: the file is read-only (mode 0400)") {
		t.Errorf("checkin into a read-only journal: exit %d, %q", r.code, r.stderr)
	}
	assertFiles(t, dir, "journal.db")
	os.Chmod(db, 0o600)
	if r := asUser(t, home, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
		t.Errorf("checkin once the journal is writable again: exit %d, %s", r.code, r.stderr)
	}

	// A read-only folder: read, not written.
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	os.Remove(filepath.Join(home, "copy.db"))
	for _, args := range reads {
		if r := asUser(t, home, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Errorf("laceup %v in a read-only folder: exit %d, %s", args, r.code, r.stderr)
		}
	}
	r = asUser(t, home, append([]string{"--db", db}, saveArgs...)...)
	if r.code != 1 || !strings.Contains(r.stderr, "its folder "+dir+" is read-only") {
		t.Errorf("checkin in a read-only folder: exit %d, %q", r.code, r.stderr)
	}
	assertFiles(t, dir, "journal.db")

	// Through a link in a writable folder, the folder that counts is the
	// journal's own: read, not written.
	link := filepath.Join(home, "journal.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	if r := asUser(t, home, "--db", link, "meter"); r.code != 0 {
		t.Errorf("meter through a link into a read-only folder: exit %d, %s", r.code, r.stderr)
	}
	r = asUser(t, home, append([]string{"--db", link}, saveArgs...)...)
	if r.code != 1 || !strings.Contains(r.stderr, "its folder "+dir+" is read-only") {
		t.Errorf("checkin through a link into a read-only folder: exit %d, %q", r.code, r.stderr)
	}
	// And a link in a read-only folder to a writable journal is written.
	os.Chmod(dir, 0o755)
	os.Remove(link)
	other := filepath.Join(home, "ro")
	os.Mkdir(other, 0o755)
	os.Chown(other, os.Getuid(), os.Getgid())
	if err := os.Symlink(db, filepath.Join(other, "journal.db")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(other, 0o555)
	if r := asUser(t, home, append([]string{"--db", filepath.Join(other, "journal.db")}, saveArgs...)...); r.code != 0 {
		t.Errorf("checkin through a link in a read-only folder: exit %d, %s", r.code, r.stderr)
	}
}

// assertFiles fails unless dir holds exactly names.
func assertFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// Item 11: a disk with no room for the -shm file. meter still reads the
// journal; checkin fails naming the file and the cause; once there is
// room again, checkin works. (Needs root, to mount a small file system.)
func TestBinaryDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
		t.Skip("mount tmpfs:", err)
	}
	defer syscall.Unmount(dir, 0)
	home := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	if r := runBinary(t, home, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	f.Write(make([]byte, 512<<10)) // until the disk is full
	f.Close()
	before := fileHash(t, db)
	if r := runBinary(t, home, "--db", db, "meter"); r.code != 0 || !strings.Contains(r.stdout, "Slump meter for") {
		t.Errorf("meter on a full disk: exit %d, %s", r.code, r.stderr)
	}
	r := runBinary(t, home, append([]string{"--db", db}, append(saveArgs, "--date", "yesterday")...)...)
	if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "disk full") {
		t.Errorf("checkin on a full disk: exit %d, %q; want 1 naming the journal and the full disk", r.code, r.stderr)
	}
	if fileHash(t, db) != before {
		t.Error("the journal changed")
	}
	os.Remove(filler)
	if r := runBinary(t, home, append([]string{"--db", db}, append(saveArgs, "--date", "yesterday")...)...); r.code != 0 {
		t.Errorf("checkin once there is room: exit %d, %s", r.code, r.stderr)
	}
}
