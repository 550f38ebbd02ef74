package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/laceup/laceup/store/settings"
	"github.com/laceup/laceup/tui"
)

// The tests of this file are issue 11's command-line items, tried as a
// runner or a script would.

// laceup status: one line for a prompt, JSON for scripts, exit 3 with
// --check when today has no check-in; a missing journal is a reminder,
// not an error (a prompt runs it before every command).
func TestStatus(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
	}{
		{[]string{"status"}, 0, "laceup: not checked in today\n"},
		{[]string{"status", "--check"}, 3, "laceup: not checked in today\n"},
	} {
		r := laceup(t, home, nil, append([]string{"--db", db}, tc.args...)...)
		if r.code != tc.code || r.stdout != tc.stdout || r.stderr != "" {
			t.Errorf("%v with no journal: exit %d, %q, %q", tc.args, r.code, r.stdout, r.stderr)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("status created the journal")
	}
	// An empty file (made by touch, or an earlier failed open) stays empty.
	empty := filepath.Join(home, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if r := laceup(t, home, nil, "--db", empty, "status"); r.code != 0 || r.stdout != "laceup: not checked in today\n" {
		t.Errorf("status of an empty file: exit %d, %q", r.code, r.stdout)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Errorf("status wrote %d bytes to an empty file", fi.Size())
	}
	if r := laceup(t, home, nil, "demo", "--db", db, "--days", "60"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	meter := meterJSONOf(t, home, "--db", db)
	r := laceup(t, home, nil, "--db", db, "status", "--check")
	if want := "laceup " + itoa(*meter.Score) + " " + meter.Level + "\n"; r.code != 0 || r.stdout != want {
		t.Errorf("status --check on a day with a check-in: exit %d, %q; want 0, %q", r.code, r.stdout, want)
	}
	r = laceup(t, home, nil, "--db", db, "status", "--json")
	var st struct {
		Date      string  `json:"date"`
		CheckedIn bool    `json:"checked_in"`
		Score     *int    `json:"score"`
		Level     *string `json:"level"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || !st.CheckedIn || st.Score == nil || *st.Score != *meter.Score ||
		*st.Level != meter.Level || st.Date != day(0) {
		t.Errorf("status --json = %s (%v)", r.stdout, err)
	}
	if r := laceup(t, home, nil, "--db", db, "delete", "--date", "today", "--yes"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := laceup(t, home, nil, "--db", db, "status", "--check"); r.code != 3 || r.stdout != "laceup: not checked in today\n" {
		t.Errorf("status --check after deleting today: exit %d, %q", r.code, r.stdout)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// laceup delete: --yes or a terminal to confirm; exit 2 for a day without
// a check-in; prints the command that restores the day, which does.
func TestDelete(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	save := []string{"--db", db, "checkin", "--date", day(-2), "--mood", "4", "--motivation", "3", "--sleep", "7:30",
		"--effort", "6", "--minutes", "45", "--sleep-quality", "4", "--legs", "2", "--day-type", "travel",
		"--note", "it's \"hilly\"\n\tsecond line, $HOME `ls` \\ 走った 🏃"}
	if r := laceup(t, home, nil, save...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	before := laceup(t, home, nil, "--db", db, "export").stdout
	r := laceup(t, home, nil, "--db", db, "delete", "--date", day(-2))
	if r.code != 2 || !strings.Contains(r.stderr, "pass --yes") {
		t.Errorf("delete without a terminal or --yes: exit %d, %q", r.code, r.stderr)
	}
	r = laceup(t, home, nil, "--db", db, "delete", "--date", day(-3), "--yes")
	if r.code != 2 || !strings.Contains(r.stderr, day(-3)+" has no check-in") {
		t.Errorf("delete of a day without a check-in: exit %d, %q", r.code, r.stderr)
	}
	if r := laceup(t, home, nil, "--db", db, "delete", "--yes"); r.code != 2 || !strings.Contains(r.stderr, "--date") {
		t.Errorf("delete without --date: exit %d, %q", r.code, r.stderr)
	}
	r = laceup(t, home, nil, "--db", db, "delete", "--date", day(-2), "--yes")
	if r.code != 0 || !strings.Contains(r.stdout, "Deleted the check-in of "+day(-2)) {
		t.Fatalf("delete --yes: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	// The export holds the day only as a deletion (for --merge newer).
	if out := laceup(t, home, nil, "--db", db, "export").stdout; !strings.Contains(out, day(-2)+",,,,,,,,,,"+stamp) {
		t.Errorf("export holds the day as more than a deletion:\n%s", out)
	}
	// The printed command, run by a shell, restores the day exactly.
	_, restore, ok := strings.Cut(r.stdout, "To restore it:\n")
	if !ok || !strings.HasPrefix(strings.TrimSpace(restore), "laceup --db ") {
		t.Fatalf("no restore command in %q", r.stdout)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("a line of %d columns: %s", n, line)
		}
	}
	args := shellWords(t, restore)[1:] // after "laceup"
	if r := laceup(t, home, nil, args...); r.code != 0 {
		t.Fatalf("the restore command %q: exit %d, %s", restore, r.code, r.stderr)
	}
	if after := laceup(t, home, nil, "--db", db, "export").stdout; after != before {
		t.Errorf("restored:\n%s\nwant:\n%s", after, before)
	}
}

// shellWords splits the command as bash reads it (quotes, $'...',
// backslash-newline continuations), with bash itself.
func shellWords(t *testing.T, command string) []string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the restore command with")
	}
	out, err := exec.Command(bash, "-c", "set -- "+command+"\nprintf '%s\\0' \"$@\"").Output()
	if err != nil {
		t.Fatalf("bash: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// A mistyped command is answered with the command it was close to.
func TestDidYouMean(t *testing.T) {
	home := t.TempDir()
	for typo, want := range map[string]string{"histroy": "history", "chekin": "checkin", "stauts": "status", "hist": "history", "expotr": "export"} {
		r := laceup(t, home, nil, typo)
		if r.code != 2 || !strings.Contains(r.stderr, `did you mean "`+want+`"?`) {
			t.Errorf("laceup %s: exit %d, %q; want a suggestion of %s", typo, r.code, r.stderr, want)
		}
	}
	if r := laceup(t, home, nil, "help", "histroy"); r.code != 2 || !strings.Contains(r.stderr, `did you mean "history"?`) {
		t.Errorf("laceup help histroy: exit %d, %q", r.code, r.stderr)
	}
	if r := laceup(t, home, nil, "xyzzy"); r.code != 2 || strings.Contains(r.stderr, "did you mean") {
		t.Errorf("laceup xyzzy: %q", r.stderr)
	}
	// Subcommands too.
	for args, want := range map[[2]string]string{{"activities", "remov"}: "remove", {"activities", "lst"}: "list", {"race", "ad"}: "add"} {
		if r := laceup(t, home, nil, args[0], args[1]); r.code != 2 || !strings.Contains(r.stderr, `did you mean "`+want+`"?`) {
			t.Errorf("laceup %s %s: exit %d, %q", args[0], args[1], r.code, r.stderr)
		}
	}
	if r := laceup(t, home, nil, "race", "zzz"); r.code != 2 || !strings.Contains(r.stderr, "give add, list or remove") {
		t.Errorf("laceup race zzz: %q", r.stderr)
	}
}

// The demo's endings: the default ends in a slump, so the dashboard shows
// signals and step_away; break shows the follow-up of a break.
func TestDemoEndings(t *testing.T) {
	home := t.TempDir()
	for ending, want := range map[string]struct {
		level, tip string
		signals    bool
	}{
		"":          {"slump", "step_away", true},
		"slump":     {"slump", "step_away", true},
		"break":     {"watch", "ease_back", true},
		"recovered": {"ok", "", false},
	} {
		db := filepath.Join(home, "demo-"+ending+".db")
		args := []string{"demo", "--db", db}
		if ending != "" {
			args = append(args, "--ending", ending)
		}
		r := laceup(t, home, nil, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "laceup --db "+db) {
			t.Fatalf("demo %v: exit %d, %q %q", args, r.code, r.stdout, r.stderr)
		}
		m := meterJSONOf(t, home, "--db", db)
		if (want.level != "" && m.Level != want.level) || (want.tip != "" && m.Tip.ID != want.tip) || (len(m.Signals) > 0) != want.signals {
			t.Errorf("demo ending %q: level %s, tip %s, %d signals; want %+v", ending, m.Level, m.Tip.ID, len(m.Signals), want)
		}
	}
	if r := laceup(t, home, nil, "demo", "--db", filepath.Join(home, "x.db"), "--ending", "happy"); r.code != 2 ||
		!strings.Contains(r.stderr, "ending: must be one of slump, break or recovered") {
		t.Errorf("demo --ending happy: exit %d, %q", r.code, r.stderr)
	}
}

// Command-line text fits 80 columns: the meter of every day of a demo
// journal (every ending), its history, the demo's message and every help.
func TestTextFits80Columns(t *testing.T) {
	home := t.TempDir()
	check := func(what, out string) {
		t.Helper()
		for _, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 && !strings.Contains(line, home) {
				t.Errorf("%s: a line of %d columns:\n%s", what, n, line)
			}
		}
	}
	for _, ending := range []string{"slump", "break", "recovered"} {
		db := filepath.Join(home, ending+".db")
		r := laceup(t, home, nil, "demo", "--db", db, "--ending", ending, "--days", "90")
		check("demo", r.stdout)
		for i := 0; i > -90; i-- {
			check("meter "+day(i), laceup(t, home, nil, "--db", db, "meter", "--date", day(i)).stdout)
		}
		for i := 0; i > -90; i -= 7 {
			check("history "+day(i), laceup(t, home, nil, "--db", db, "history", "--date", day(i)).stdout)
		}
	}
	check("help", laceup(t, home, nil, "--help").stdout)
	for _, c := range commands() {
		check("help "+c.name, laceup(t, home, nil, "help", c.name).stdout)
	}
}

// A CSV file with the core columns only, in another order, imports.
func TestImportCoreColumns(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	csv := filepath.Join(home, "mine.csv")
	if err := os.WriteFile(csv, []byte("Date,Effort,Sleep_Hours,Mood,Motivation\n"+day(-1)+",6,7h30,4,3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := laceup(t, home, nil, "--db", db, "import", csv)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if out := laceup(t, home, nil, "--db", db, "export").stdout; !strings.Contains(out, day(-1)+",4,3,7.5,6,,,,,normal") {
		t.Errorf("export:\n%s", out)
	}
}

// The themes config.toml accepts are the themes the screens have.
func TestThemesAgree(t *testing.T) {
	a, b := slices.Sorted(slices.Values(settings.Themes())), slices.Sorted(slices.Values(tui.Themes()))
	if !slices.Equal(a, b) {
		t.Errorf("settings.Themes() = %v, tui.Themes() = %v", a, b)
	}
}

// BenchmarkMeterCommand runs laceup meter --json in process on a 10-year
// and a 60-day demo journal: what the command costs beyond the process's
// start-up, which the README measures with the built binary.
func BenchmarkMeterCommand(b *testing.B) {
	for _, days := range []int{3650, 60} {
		b.Run(strconv.Itoa(days)+" days", func(b *testing.B) {
			home := b.TempDir()
			db := filepath.Join(home, "journal.db")
			if r := laceup(b, home, nil, "demo", "--db", db, "--days", strconv.Itoa(days)); r.code != 0 {
				b.Fatal(r.stderr)
			}
			for b.Loop() {
				if r := laceup(b, home, nil, "--db", db, "meter", "--json"); r.code != 0 {
					b.Fatal(r.stderr)
				}
			}
		})
	}
}
