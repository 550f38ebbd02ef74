package store

// Tests with other processes: the test binary runs itself again as a child
// (TestMain sees LACEUP_STORE_CHILD) to be a second laceup writing to the
// same journal, or one killed in the middle of an import.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

func TestMain(m *testing.M) {
	if role := os.Getenv("LACEUP_STORE_CHILD"); role != "" {
		if err := runChild(role, os.Getenv("LACEUP_STORE_DB")); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Import children import importBatch(childFirst, childN) with replace.
var childFirst = slump.NewDate(2016, 3, 15)

const childN = 3000

// runChild is the child process. Roles:
//
//	import N: import, printing "row N" to stdout once row N is written (then
//	          waiting to be killed), or, with N = -1, "ready" just before
//	          the import and "done" after it.
//	save K:   wait for stdin to be closed, then save saveBatch(K) one at a time;
//	          print "done".
func runChild(role, path string) error {
	ctx := context.Background()
	name, arg, _ := strings.Cut(role, " ")
	n, err := strconv.Atoi(arg)
	if err != nil {
		return err
	}
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	switch name {
	case "import":
		// A tiny page cache: SQLite writes the transaction's pages to the
		// -wal file as it goes, not only at commit, so a kill leaves
		// uncommitted pages there for the next Open to ignore.
		if _, err := s.db.Exec("PRAGMA cache_size = 4"); err != nil {
			return err
		}
		cs := importBatch(childFirst, childN)
		if n >= 0 {
			s.afterImport = func(i int) error {
				if i == n {
					fmt.Println("row", n)
					time.Sleep(time.Minute) // until killed
				}
				return nil
			}
		} else {
			fmt.Println("ready")
		}
		if _, err := s.Import(ctx, cs, true); err != nil {
			return err
		}
		fmt.Println("done")
	case "save":
		if _, err := io.ReadAll(os.Stdin); err != nil { // until the parent closes it
			return err
		}
		for _, c := range saveBatch(n) {
			if err := s.Save(ctx, c); err != nil {
				return err
			}
		}
		fmt.Println("done")
	default:
		return fmt.Errorf("unknown role %q", role)
	}
	return nil
}

// child starts the test binary as a child process in role on the journal
// at path, and returns it with its stdout.
func child(t *testing.T, role, path string) (*exec.Cmd, *bufio.Reader, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LACEUP_STORE_CHILD="+role, "LACEUP_STORE_DB="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, bufio.NewReader(stdout), stdin
}

func readLine(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	return strings.TrimSpace(line)
}

// TestImportKilled kills (SIGKILL) a process importing 3000 check-ins at
// many moments, and checks the journal afterwards holds all of that import
// or none of it: never part.
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	ctx := context.Background()
	// The journal before: 50 days the import replaces and one it does not
	// touch.
	base := journalFile(t, 0)
	s := mustOpenPath(t, base)
	old := importBatch(childFirst, 50)
	for i := range old {
		old[i].Note = "before the import"
	}
	if _, err := s.Import(ctx, old, false); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, checkin(childFirst.AddDays(-1)))
	none, err := s.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	all := append([]slump.Checkin{none[0]}, importBatch(childFirst, childN)...)
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}

	// Killed at a known row (inside the transaction, after some pages went
	// to the -wal file), and after a delay: before, during or after the
	// commit.
	kills := []string{"row 0", "row 1500", "row 2999"}
	for _, d := range []int{0, 2, 5, 10, 20, 40, 80} {
		kills = append(kills, fmt.Sprintf("%d ms", d))
	}
	outcomes := map[string]int{}
	for _, kill := range kills {
		t.Run(kill, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			if err := os.WriteFile(path, baseBytes, 0o600); err != nil {
				t.Fatal(err)
			}
			var cmd *exec.Cmd
			if row, ok := strings.CutPrefix(kill, "row "); ok {
				var out *bufio.Reader
				cmd, out, _ = child(t, "import "+row, path)
				if line := readLine(t, out); line != kill {
					t.Fatalf("child said %q", line)
				}
			} else {
				var out *bufio.Reader
				cmd, out, _ = child(t, "import -1", path)
				if line := readLine(t, out); line != "ready" {
					t.Fatalf("child said %q", line)
				}
				ms, _ := strconv.Atoi(strings.TrimSuffix(kill, " ms"))
				time.Sleep(time.Duration(ms) * time.Millisecond)
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if fi, err := os.Stat(path + "-wal"); strings.HasPrefix(kill, "row 1") && (err != nil || fi.Size() == 0) {
				t.Errorf("no uncommitted pages in the -wal file (%v): the test tests less than it should", err)
			}

			s := mustOpenPath(t, path)
			got, err := s.All(ctx)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case equalCheckins(got, none):
				outcomes["none"]++
			case equalCheckins(got, all):
				outcomes["all"]++
			default:
				t.Fatalf("after the kill the journal holds %d check-ins: neither all of the import (%d) nor none (%d)",
					len(got), len(all), len(none))
			}
			if err := s.quickCheck(ctx, s.db); err != nil {
				t.Error(err)
			}
			if strings.HasPrefix(kill, "row") && !equalCheckins(got, none) {
				t.Error("killed inside the transaction, yet the import was saved")
			}
		})
	}
	t.Logf("outcomes: %v", outcomes)
}

func equalCheckins(a, b []slump.Checkin) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// saveBatch is what writer k saves in TestConcurrentSaves: 20 days of its
// own, interleaved with 10 days every writer saves, each check-in marked
// with k in every field.
func saveBatch(k int) []slump.Checkin {
	var cs []slump.Checkin
	for i := range 30 {
		d := slump.NewDate(2026, 1, 1).AddDays(i) // shared
		if i%3 != 0 {
			d = slump.NewDate(2025, 1, 1).AddDays(100*k + i) // its own
		}
		cs = append(cs, writerCheckin(d, k))
	}
	return cs
}

func writerCheckin(d slump.Date, k int) slump.Checkin {
	return slump.Checkin{Date: d, Mood: 1 + k%5, Motivation: 1 + (k+1)%5, SleepHours: float64(k),
		Effort: k % 11, Minutes: slump.Int(k), SleepQuality: slump.Int(1 + (k+2)%5),
		Note: fmt.Sprintf("writer %d, %s", k, d)}
}

// assertAllSaved checks that the journal holds every check-in of writers
// 0 to n-1: each writer's own days as it saved them, and each shared day
// whole as one of the writers saved it.
func assertAllSaved(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	all, err := s.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := n*20 + 10; len(all) != want {
		t.Errorf("%d check-ins, want %d", len(all), want)
	}
	got := map[slump.Date]slump.Checkin{}
	for _, c := range all {
		got[c.Date] = c
	}
	for k := range n {
		for _, c := range saveBatch(k) {
			if !c.Date.Before(slump.NewDate(2026, 1, 1)) {
				g := got[c.Date]
				var from int
				if _, err := fmt.Sscanf(g.Note, "writer %d,", &from); err != nil || !equal(g, writerCheckin(c.Date, from)) {
					t.Errorf("shared day %s is %+v: not one writer's check-in", c.Date, g)
				}
			} else if !equal(got[c.Date], c) {
				t.Errorf("writer %d's %s is %+v, want %+v", k, c.Date, got[c.Date], c)
			}
		}
	}
}

// TestConcurrentSaves has several laceups save at the same moment, to the
// same days and to different days: every save lands, whole.
func TestConcurrentSaves(t *testing.T) {
	t.Run("stores", func(t *testing.T) {
		// Separate connections in one process.
		path := journalFile(t, 0)
		const n = 4
		start := make(chan struct{})
		var wg sync.WaitGroup
		for k := range n {
			s := mustOpenPath(t, path)
			wg.Go(func() {
				<-start
				for _, c := range saveBatch(k) {
					if err := s.Save(context.Background(), c); err != nil {
						t.Errorf("writer %d: %v", k, err)
						return
					}
				}
			})
		}
		close(start)
		wg.Wait()
		assertAllSaved(t, mustOpenPath(t, path), n)
	})
	t.Run("processes", func(t *testing.T) {
		if testing.Short() {
			t.Skip("starts processes")
		}
		path := journalFile(t, 0)
		const n = 4
		type proc struct {
			cmd *exec.Cmd
			out *bufio.Reader
			in  io.WriteCloser
		}
		var ps []proc
		for k := range n {
			cmd, out, in := child(t, "save "+strconv.Itoa(k), path)
			ps = append(ps, proc{cmd, out, in})
		}
		time.Sleep(100 * time.Millisecond) // let them all open the journal
		for _, p := range ps {
			p.in.Close() // go
		}
		for k, p := range ps {
			if line := readLine(t, p.out); line != "done" {
				t.Errorf("writer %d said %q", k, line)
			}
			if err := p.cmd.Wait(); err != nil {
				t.Errorf("writer %d: %v", k, err)
			}
		}
		assertAllSaved(t, mustOpenPath(t, path), n)
	})
}
