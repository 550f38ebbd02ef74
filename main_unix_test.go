//go:build unix

package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Item 7: what is not a regular file, or too large, is refused at once as
// bad input; standard input is read with "-".
func TestUnboundedReads(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	big := filepath.Join(home, "big.csv")
	f, _ := os.Create(big)
	f.Truncate(65 << 20) // sparse: no disk, and never read
	f.Close()
	bigConfig := filepath.Join(home, "big.toml")
	f, _ = os.Create(bigConfig)
	f.Truncate(2 << 20)
	f.Close()
	fifo := filepath.Join(home, "in.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		env    []string
		args   []string
		stderr string
	}{
		{nil, []string{"import", os.DevNull}, "it is not a regular file"},
		{nil, []string{"import", "/dev/zero"}, "it is not a regular file"},
		{nil, []string{"import", fifo}, "it is not a regular file"},
		{nil, []string{"import", big}, "it is 65.0 MB, more than an import file may be (64 MB"},
		{[]string{"LACEUP_CONFIG=/dev/zero"}, []string{"meter"}, "config /dev/zero: it is not a regular file"},
		{[]string{"LACEUP_CONFIG=" + fifo}, []string{"meter"}, "it is not a regular file"},
		{[]string{"LACEUP_CONFIG=" + bigConfig}, []string{"meter"}, "it is 2.0 MB, more than a settings file may be (1 MB)"},
		{[]string{"LACEUP_CONFIG=" + filepath.Join(home, "nope.toml")}, []string{"meter"}, "no such file"},
	}
	for _, tt := range tests {
		done := make(chan result, 1)
		go func() { done <- laceup(t, home, tt.env, append([]string{"--db", db}, tt.args...)...) }()
		select {
		case r := <-done:
			if r.code != 2 || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("%v laceup %v: exit %d, %q; want 2 and %q", tt.env, tt.args, r.code, r.stderr, tt.stderr)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v laceup %v hung", tt.env, tt.args)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused import created the journal")
	}

	// "-" reads standard input.
	var stdout, stderr strings.Builder
	a := &app{stdin: strings.NewReader("date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n2026-11-20,3,3,7,3,,,\n"),
		stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, now: fixedClock}
	if code := a.run(context.Background(), []string{"--db", db, "import", "-"}); code != 0 ||
		!strings.Contains(stdout.String(), "Imported standard input: 1 added") {
		t.Errorf("import -: exit %d, %q %q", code, stdout.String(), stderr.String())
	}
}

// Item 7: ctrl-c stops a command waiting on its input with exit 130 and
// nothing written.
func TestBinaryInterrupted(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	cmd := exec.Command(binary, "--db", db, "import", "-")
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"))
	in, err := cmd.StdinPipe() // kept open: the import waits for the rest
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(in, "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n2026-11-20,3,3,7,3,,,")
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("ctrl-c did not stop import -")
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("interrupted import: exit %d, %q; want 130", code, stderr.String())
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the interrupted import created the journal")
	}
}

// Item 8: export --out writes through a FIFO and /dev/null, never replacing
// them; an existing regular file needs --force.
func TestExportOutSpecialFiles(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	if r := laceup(t, home, nil, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	fifo := filepath.Join(home, "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if r := laceup(t, home, nil, "--db", db, "export", "--out", fifo); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if s := <-got; !strings.HasPrefix(s, "date,mood") {
		t.Errorf("the FIFO's reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	null, _ := os.Lstat(os.DevNull)
	if r := laceup(t, home, nil, "--db", db, "export", "--out", os.DevNull); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if fi, err := os.Lstat(os.DevNull); err != nil || !os.SameFile(fi, null) {
		t.Fatal(os.DevNull + " was replaced")
	}

	existing := filepath.Join(home, "export.csv")
	os.WriteFile(existing, []byte("mine"), 0o600)
	r := laceup(t, home, nil, "--db", db, "export", "--out", existing)
	if b, _ := os.ReadFile(existing); r.code != 2 || string(b) != "mine" || !strings.Contains(r.stderr, "pass --force") {
		t.Errorf("export over an existing file: exit %d, %q, file %q", r.code, r.stderr, b)
	}
	if r := laceup(t, home, nil, "--db", db, "export", "--out", existing, "--force"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if b, _ := os.ReadFile(existing); !strings.HasPrefix(string(b), "date,mood") {
		t.Errorf("--force wrote %q", b)
	}

	// /dev/stdout and its other names, with the binary's standard output
	// redirected to a file (>>): written to, appended, and the file is the
	// same file after.
	for _, name := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"} {
		if _, err := os.Stat(name); err != nil {
			continue
		}
		out := filepath.Join(home, "stdout.csv")
		os.WriteFile(out, []byte("before\n"), 0o600)
		before, _ := os.Stat(out)
		f, _ := os.OpenFile(out, os.O_WRONLY|os.O_APPEND, 0)
		cmd := exec.Command(binary, "--db", db, "export", "--out", name)
		cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"))
		cmd.Stdout = f
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("export --out %s: %v %s", name, err, stderr.String())
		}
		f.Close()
		after, _ := os.Stat(out)
		if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "before\ndate,mood") || !os.SameFile(before, after) {
			t.Errorf("export --out %s >> file wrote %q (same file: %v)", name, b, os.SameFile(before, after))
		}
	}
	if fi, err := os.Lstat("/dev/stdout"); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("/dev/stdout was replaced")
	}
}

// import reads a stream this process already has open by its name:
// /dev/stdin from a pipe (a FIFO by another name would be refused).
func TestImportDevStdin(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	cmd := exec.Command(binary, "--db", db, "import", "/dev/stdin")
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"))
	cmd.Stdin = strings.NewReader("date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n2026-11-20,3,3,7,3,,,\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "1 added") {
		t.Errorf("import /dev/stdin from a pipe: %v %s", err, out)
	}
}

// ctrl-c ends a command that only reads at once (the handler installed
// beside its start exits), and cancels the context of any other (which
// then rolls back and exits): which commands do which.
func TestInterruptible(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"meter", "--json"}, "exit"},
		{[]string{"status"}, "exit"},
		{[]string{"history"}, "exit"},
		{[]string{"year", "--json"}, "exit"},
		{[]string{"version"}, ""}, // prints and ends: nothing to interrupt
		{append([]string{}, saveArgs...), "cancel"},
		{[]string{"race", "list"}, "cancel"},
		{[]string{"export"}, "cancel"},
		{[]string{"demo", "--days", "60", "--db", filepath.Join(home, "demo.db")}, "cancel"},
	} {
		var stdout, stderr strings.Builder
		rec := &recordInterrupts{}
		a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
			getenv: func(string) string { return "" }, now: fixedClock, interrupts: rec}
		a.run(context.Background(), append([]string{"--db", db}, tt.args...))
		if strings.Join(rec.calls, ",") != tt.want {
			t.Errorf("laceup %v: ctrl-c handled by %v, want %s (%s)", tt.args, rec.calls, tt.want, stderr.String())
		}
	}
}

type recordInterrupts struct{ calls []string }

func (r *recordInterrupts) cancel(ctx context.Context) (context.Context, context.CancelFunc) {
	r.calls = append(r.calls, "cancel")
	return context.WithCancel(ctx)
}

func (r *recordInterrupts) exit(io.Writer) { r.calls = append(r.calls, "exit") }

// ctrl-c ends the meter while it waits for a journal another program has
// locked: exit 130 with the message, long before the lock's 5 s, and the
// journal as it was.
func TestBinaryMeterInterrupted(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	if r := laceup(t, home, nil, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", db+"?_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	if _, err := raw.Exec("BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--db", db, "meter", "--json")
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(stderr.String(), "interrupted") || time.Since(start) > 2*time.Second {
		t.Errorf("interrupted meter: exit %d after %v, %q; want 130 at once", code, time.Since(start), stderr.String())
	}
	if _, err := raw.Exec("ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the interrupted meter changed the journal (%v)", err)
	}
}
