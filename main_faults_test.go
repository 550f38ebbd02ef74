package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests of this file are the faults adversarial testing found (issue
// 10), tried as a runner or a script would: each ends with a clear message
// naming the file or the field, the right exit status (1 fault, 2 bad
// input, 130 interrupted), and the journal as it was or holding exactly
// what was reported saved.

var saveArgs = []string{"checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "3"}

// Item 1: the journal deleted, or replaced by a restored backup, while the
// form is open: the save is refused with what happened, the answers stay
// on screen, and nothing is written anywhere.
func TestBinaryJournalGoneWhileTheFormIsOpen(t *testing.T) {
	for _, how := range []string{"deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			home := t.TempDir()
			db := filepath.Join(home, "journal.db")
			backup := filepath.Join(home, "backup.db")
			if r := runBinary(t, home, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
				t.Fatal(r.stderr)
			}
			if r := runBinary(t, home, "--db", db, "backup", backup); r.code != 0 {
				t.Fatal(r.stderr)
			}
			term := onTerminal(t, home, nil, "--db", db, "checkin", "--date", "2020-03-02")
			term.waitFor("How was your mood that day?")
			if how == "deleted" {
				os.Remove(db)
			} else if err := os.Rename(backup, db); err != nil {
				t.Fatal(err)
			}
			var restored [32]byte
			if how == "replaced" {
				restored = fileHash(t, db)
			}
			for _, answer := range []string{"4", "3", "7.5", "6", "", "n", "", "", "kept on screen"} {
				term.typeKeys(answer + "\r")
			}
			want := map[string]string{"deleted": "was deleted or moved away", "replaced": "was replaced by another file"}[how]
			term.waitFor(want)
			if !strings.Contains(term.output(), "kept on screen") {
				t.Error("the typed note is no longer on screen")
			}
			term.typeKeys("\x03") // ctrl+c
			term.exit()
			switch how {
			case "deleted":
				if _, err := os.Lstat(db); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("a file was created at %s: %v", db, err)
				}
			case "replaced":
				// The restored file is as it was, and takes a check-in.
				if fileHash(t, db) != restored {
					t.Error("the restored journal changed")
				}
				if r := runBinary(t, home, append([]string{"--db", db}, append(saveArgs, "--date", "2020-03-03")...)...); r.code != 0 {
					t.Fatal(r.stderr)
				}
				r := runBinary(t, home, "--db", db, "export")
				if strings.Contains(r.stdout, "2020-03-02") || !strings.Contains(r.stdout, "2020-03-03") {
					t.Errorf("the restored journal holds:\n%s", r.stdout)
				}
			}
		})
	}
}

// Item 5: a dangling symlink as the journal (a sync folder not mounted).
func TestDanglingSymlinkJournal(t *testing.T) {
	home := t.TempDir()
	target := filepath.Join(home, "Dropbox", "journal.db")
	link := filepath.Join(home, "journal.db")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	csv := filepath.Join(home, "in.csv")
	os.WriteFile(csv, []byte("date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n2026-11-20,3,3,7,3,,,\n"), 0o600)
	for _, args := range [][]string{saveArgs, {"meter"}, {"import", csv}, {"export"}, {"history"}, {"demo"}} {
		r := runBinary(t, home, append([]string{"--db", link}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, link) || !strings.Contains(r.stderr, target) {
			t.Errorf("laceup %v through a dangling link: exit %d, %q; want 1 naming the link and its target", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a journal was created through the link")
	}
}

// Item 6: a negative user_version.
func TestNegativeUserVersion(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	if r := laceup(t, home, nil, append([]string{"--db", db}, saveArgs...)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = -1"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before := fileHash(t, db)
	for _, args := range [][]string{{"meter"}, saveArgs} {
		r := laceup(t, home, nil, append([]string{"--db", db}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, db+" is not a laceup journal") {
			t.Errorf("laceup %v: exit %d, %q", args, r.code, r.stderr)
		}
	}
	if fileHash(t, db) != before {
		t.Error("the refused file changed")
	}
}

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
	if runtime.GOOS != "windows" {
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
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
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT")
	}
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
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
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

	// /dev/stdout of the binary redirected to a file: written to, and
	// /dev/stdout is still the link it was.
	out := filepath.Join(home, "stdout.csv")
	f, _ := os.Create(out)
	cmd := exec.Command(binary, "--db", db, "export", "--out", "/dev/stdout")
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"))
	cmd.Stdout = f
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "date,mood") {
		t.Errorf("export --out /dev/stdout wrote %q", b)
	}
	if fi, err := os.Lstat("/dev/stdout"); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("/dev/stdout was replaced")
	}
}

// Item 11: damage in the middle of the file, values SQLite reads but the
// journal's rules forbid: export and meter report the damage with the
// rescue steps (export showed a raw "Scan error", meter days as missing).
func TestDamageReported(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	if r := laceup(t, home, nil, "demo", "--db", db, "--days", "60"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA ignore_check_constraints = ON", "UPDATE checkins SET mood = 77 WHERE date = '" + day(-3) + "'"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	for _, args := range [][]string{{"export"}, {"meter"}, {"history"}} {
		r := laceup(t, home, nil, append([]string{"--db", db}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "journal "+db+" is damaged") || !strings.Contains(r.stderr, "rescued.csv") ||
			strings.Contains(r.stderr, "Scan error") {
			t.Errorf("laceup %v of a damaged journal: exit %d, %q", args, r.code, r.stderr)
		}
	}
}

// Item 10: text someone else wrote (an imported note, a file name) never
// reaches the terminal as control or bidi characters; files, pipes and
// JSON keep it exact.
func TestHostileTextNeutralised(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	note := "title\x1b]0;pwned\x07 \u202eevil\u202c c1\u009b2J tab\tline\nend"
	name := filepath.Join(home, "run\x1b[2Jlog\u202e.csv")
	csvNote := `"` + strings.ReplaceAll(note, `"`, `""`) + `"`
	if err := os.WriteFile(name, []byte("date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n"+day(-1)+",3,3,7,3,,,"+csvNote+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := laceup(t, home, nil, "--db", db, "import", name)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	clean := func(what, s string) {
		t.Helper()
		for _, bad := range []string{"\x1b]0;", "\x1b[2J", "\u202e", "\u009b", "\a"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s holds %q raw:\n%q", what, bad, s)
			}
		}
	}
	clean("import's message", r.stdout)

	// JSON: escaped, and exact once decoded.
	r = laceup(t, home, nil, "--db", db, "history", "--json", "--date", day(-1))
	clean("history --json", r.stdout)
	var wk struct {
		Days []struct {
			Checkin *struct{ Note string } `json:"checkin"`
		} `json:"days"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &wk); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range wk.Days {
		found = found || (d.Checkin != nil && d.Checkin.Note == note)
	}
	if !found {
		t.Error("history --json does not decode to the exact note")
	}
	// export to a file or a pipe: exact.
	if r := laceup(t, home, nil, "--db", db, "export"); !strings.Contains(r.stdout, csvNote) {
		t.Errorf("export to a pipe changed the note:\n%q", r.stdout)
	}
	// export to a terminal: neutralised.
	term := onTerminal(t, home, nil, "--db", db, "export")
	term.exit()
	out := term.output()
	if !strings.Contains(out, "title") || !strings.Contains(out, "end") {
		t.Fatalf("the terminal showed %q", out)
	}
	clean("export on a terminal", out)
}
