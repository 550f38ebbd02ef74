package main

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
			// The form is still there with the typed note: one more key
			// extends it.
			term.typeKeys("!")
			term.waitFor("kept on screen!")
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
	term.waitFor("Z\r\n") // the whole export, to the end of its row (its updated_at)
	term.exit()
	clean("export on a terminal", term.output())
	// --out /dev/stdout on a terminal is the terminal too.
	term = onTerminal(t, home, nil, "--db", db, "export", "--out", "/dev/stdout")
	term.waitFor("Z\r\n")
	term.exit()
	clean("export --out /dev/stdout on a terminal", term.output())
}

// Item 2: three laceups adding different optional answers to the same day
// at the same moment all keep theirs (a read, then a write in another
// transaction, lost one in 39 of 40 trials).
func TestBinaryConcurrentPartialEdits(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	base := []string{"--db", db, "checkin", "--date", "2020-03-02", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "3"}
	for trial := range 8 {
		date := fmt.Sprintf("2020-03-%02d", trial+2)
		args := append(slices.Clone(base), "--date", date)
		if r := runBinary(t, home, args...); r.code != 0 {
			t.Fatal(r.stderr)
		}
		extras := [][]string{{"--note", "tempo"}, {"--minutes", "50"}, {"--sleep-quality", "4"}}
		done := make(chan result, len(extras))
		for _, extra := range extras {
			go func() { done <- runBinary(t, home, append(slices.Clone(args), extra...)...) }()
		}
		for range extras {
			if r := <-done; r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
		}
		r := runBinary(t, home, "--db", db, "export")
		if want := date + ",3,3,7,3,50,4,tempo,,normal"; !strings.Contains(r.stdout, want) {
			t.Fatalf("trial %d: the journal holds\n%s\nwant the row %s", trial, r.stdout, want)
		}
	}
}
