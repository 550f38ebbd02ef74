package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/creack/pty"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/demo"
	"github.com/laceup/laceup/store"
	"github.com/laceup/laceup/tui"
)

// The command line is tested in process: laceup below runs the app of run()
// with a fixed clock and environment, so no test depends on the day it
// runs or on the machine's home. A thin end-to-end suite (TestBinary...)
// runs the built binary: built once, without cgo, by TestMain.

// binary is laceup built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "laceup-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "laceup")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // laceup must build without cgo
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixedClock is the clock of every in-process run: Wednesday 25 November
// 2026, 07:30 UTC.
func fixedClock() time.Time { return time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC) }

// stamp is fixedClock as an export's updated_at.
const stamp = "2026-11-25T07:30:00Z"

type result struct {
	code           int
	stdout, stderr string
}

// homeEnv is the environment of a run in home: its XDG folders there, no
// LACEUP_DB or LACEUP_CONFIG, then env's KEY=VALUE pairs.
func homeEnv(home string, env []string) []string {
	return append([]string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
	}, env...)
}

// laceup runs the command line in process as the binary would run it, in
// home (see homeEnv), with standard input empty (no terminal) and the clock
// fixed (fixedClock).
func laceup(t testing.TB, home string, env []string, args ...string) result {
	t.Helper()
	vars := map[string]string{}
	for _, kv := range homeEnv(home, env) {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string { return vars[k] }, now: fixedClock}
	code := a.run(context.Background(), args)
	return result{code, stdout.String(), stderr.String()}
}

func defaultDB(home string) string { return filepath.Join(home, "data", "laceup", "journal.db") }

// day is the fixed clock's day plus offset days.
func day(offset int) string { return slump.DateOf(fixedClock()).AddDays(offset).String() }

type meterOut struct {
	Date              string `json:"date"`
	Score             *int   `json:"score"`
	Level             string `json:"level"`
	CheckinsLast7Days *int   `json:"checkins_last_7_days"`
	Headline          string `json:"headline"`
	Signals           []struct {
		ID     string `json:"id"`
		Kind   string `json:"kind"`
		Points int    `json:"points"`
		Detail string `json:"detail"`
	} `json:"signals"`
	Hints []struct {
		ID     string `json:"id"`
		Detail string `json:"detail"`
	} `json:"hints"`
	Tip struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Text  string `json:"text"`
	} `json:"tip"`
}

func meterJSONOf(t *testing.T, home string, args ...string) meterOut {
	t.Helper()
	r := laceup(t, home, nil, append([]string{"meter", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("meter --json: exit %d: %s", r.code, r.stderr)
	}
	var m meterOut
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("meter --json is not JSON: %v\n%s", err, r.stdout)
	}
	return m
}

func TestCheckinThenMeterJSON(t *testing.T) {
	home := t.TempDir()
	r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "3", "--sleep", "7.5", "--effort", "6",
		"--minutes", "50", "--sleep-quality", "4", "--note", "easy tempo, calves tight")
	if r.code != 0 {
		t.Fatalf("checkin: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Saved your check-in for "+day(0)) || !strings.Contains(r.stdout, "Slump meter") {
		t.Errorf("checkin output:\n%s", r.stdout)
	}
	// One day is too few to read: unknown, never a green ok.
	m := meterJSONOf(t, home)
	if m.Date != day(0) || m.Score == nil || *m.Score != 0 || m.Level != "unknown" || m.CheckinsLast7Days == nil ||
		*m.CheckinsLast7Days != 1 || m.Signals == nil || m.Tip.ID != "keep_checking_in" || m.Tip.Text == "" ||
		m.Hints == nil || !strings.Contains(m.Headline, "1 of the last 7 days logged") {
		t.Errorf("meter after one easy day: %+v", m)
	}

	// A hard week: five hard efforts, no rest, short sleep.
	for i := 6; i >= 0; i-- {
		effort := "8"
		if i == 2 || i == 4 {
			effort = "4"
		}
		r := laceup(t, home, nil, "checkin", "--date", day(-i), "--mood", "3", "--motivation", "3",
			"--sleep", "6.5", "--effort", effort)
		if r.code != 0 {
			t.Fatalf("checkin --date %s: exit %d: %s", day(-i), r.code, r.stderr)
		}
	}
	m = meterJSONOf(t, home, "--date", "today")
	ids := map[string]bool{}
	for i, s := range m.Signals {
		ids[s.ID] = true
		if s.Detail == "" || s.Points <= 0 || s.Kind != "cause" {
			t.Errorf("signal %+v lacks points or detail, or is not a cause", s)
		}
		if i > 0 && s.Points > m.Signals[i-1].Points {
			t.Errorf("signals not strongest first: %+v", m.Signals)
		}
	}
	if !ids["hard_efforts"] || !ids["no_rest_day"] || !ids["short_sleep"] || *m.CheckinsLast7Days != 7 {
		t.Errorf("hard week signals = %v, checkins %d", ids, *m.CheckinsLast7Days)
	}
	// Causes alone, mood and motivation fine: risk is building, never a
	// slump.
	if m.Level != "watch" || *m.Score < 30 || *m.Score >= 60 || !strings.Contains(m.Headline, "risk is building") {
		t.Errorf("hard week scored %d (%s): %q", *m.Score, m.Level, m.Headline)
	}
	if m.Tip.ID != "cap_hard_efforts" {
		t.Errorf("hard week tip = %s, want cap_hard_efforts", m.Tip.ID)
	}

	// Yesterday's meter sees only the days up to yesterday.
	if y := meterJSONOf(t, home, "--date", "yesterday"); y.Date != day(-1) || *y.CheckinsLast7Days != 6 {
		t.Errorf("meter --date yesterday: date %s, %d check-ins", y.Date, *y.CheckinsLast7Days)
	}
}

func TestCheckinAgainEditsTheDay(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "1", "--motivation", "1", "--sleep", "4", "--effort", "9")
	laceup(t, home, nil, "checkin", "--date", day(-1), "--mood", "1", "--motivation", "1", "--sleep", "4", "--effort", "9")
	laceup(t, home, nil, "checkin", "--date", day(-2), "--mood", "1", "--motivation", "1", "--sleep", "4", "--effort", "9")
	before := meterJSONOf(t, home)
	r := laceup(t, home, nil, "checkin", "--mood", "5", "--motivation", "5", "--sleep", "9", "--effort", "0")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	after := meterJSONOf(t, home)
	if *after.CheckinsLast7Days != 3 {
		t.Errorf("checking in twice for today made %d check-ins, want 3 days", *after.CheckinsLast7Days)
	}
	if *after.Score >= *before.Score {
		t.Errorf("editing today to a great rest day did not lower the meter: %d -> %d", *before.Score, *after.Score)
	}
}

// legs and the kind of day go in by flag, come out in the export and
// history, and a bad value is refused, naming the field and what it
// accepts, with the journal unchanged.
func TestCheckinLegsAndDayType(t *testing.T) {
	home := t.TempDir()
	r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "3", "--sleep", "7", "--effort", "5",
		"--legs", "2", "--day-type", "Race")
	if r.code != 0 {
		t.Fatalf("checkin: exit %d: %s", r.code, r.stderr)
	}
	before := laceup(t, home, nil, "export").stdout
	if !strings.HasSuffix(before, day(0)+",4,3,7,5,,,,2,race,"+stamp+"\n") {
		t.Errorf("export after --legs 2 --day-type Race:\n%s", before)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--day-type", "flu"}, `day type (--day-type): must be one of normal, sick, injured, travel or race (got "flu")`},
		{[]string{"--legs", "6"}, `legs: must be a whole number from 1 to 5 (got "6")`},
		{[]string{"--legs", "0"}, `legs: must be a whole number from 1 to 5 (got "0")`},
	} {
		args := append([]string{"checkin", "--mood", "1", "--motivation", "1", "--sleep", "3", "--effort", "9"}, tc.args...)
		r := laceup(t, home, nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if after := laceup(t, home, nil, "export").stdout; after != before {
		t.Errorf("a refused check-in changed the journal:\n%s", after)
	}
	// Checking in again keeps them unless given; --day-type normal resets.
	laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "7", "--effort", "5")
	if got := laceup(t, home, nil, "export").stdout; !strings.HasSuffix(got, ",2,race,"+stamp+"\n") {
		t.Errorf("checking in again lost legs or the day type:\n%s", got)
	}
	laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "7", "--effort", "5", "--day-type", "normal")
	if got := laceup(t, home, nil, "export").stdout; !strings.HasSuffix(got, ",2,normal,"+stamp+"\n") {
		t.Errorf("--day-type normal did not reset the day type:\n%s", got)
	}
	h := laceup(t, home, nil, "history", "--json")
	if !strings.Contains(h.stdout, `"legs": 2`) || !strings.Contains(h.stdout, `"day_type": "normal"`) {
		t.Errorf("history --json lacks legs and day_type:\n%s", h.stdout)
	}
}

func TestCheckinAgainKeepsOptionalAnswers(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "5",
		"--minutes", "40", "--sleep-quality", "4", "--note", "hill reps")
	r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "7", "--effort", "6", "--minutes", "50")
	if r.code != 0 || !strings.Contains(r.stdout, "Updated your check-in") {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	h := laceup(t, home, nil, "history", "--json").stdout
	for _, want := range []string{`"mood": 4`, `"minutes": 50`, `"sleep_quality": 4`, `"note": "hill reps"`} {
		if !strings.Contains(h, want) {
			t.Errorf("after editing, history lacks %s:\n%s", want, h)
		}
	}
	laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "7", "--effort", "6", "--note", "")
	if h := laceup(t, home, nil, "history", "--json").stdout; !strings.Contains(h, `"note": ""`) {
		t.Errorf("--note \"\" did not clear the note:\n%s", h)
	}
}

func TestBadInputExits2AndChangesNothing(t *testing.T) {
	home := t.TempDir()
	if r := laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "3"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	db := defaultDB(home)
	core := func(extra ...string) []string {
		return append([]string{"checkin", "--mood", "3", "--motivation", "2", "--sleep", "7", "--effort", "4"}, extra...)
	}
	set := func(flag, value string) []string {
		args := core()
		for i := range args {
			if args[i] == flag {
				args[i+1] = value
			}
		}
		return args
	}
	tests := []struct {
		name  string
		args  []string
		wants []string // all in the one line on stderr
	}{
		{"mood 9", set("--mood", "9"), []string{"mood", "1 to 5", `"9"`}},
		{"mood word", set("--mood", "great"), []string{"mood", "1 to 5"}},
		{"motivation 0", set("--motivation", "0"), []string{"motivation", "1 to 5"}},
		{"sleep -1", set("--sleep", "-1"), []string{"sleep: must be", "0 to 24"}},
		{"sleep 24.5", set("--sleep", "24.5"), []string{"sleep: must be", "0 to 24"}},
		{"sleep 7:75", set("--sleep", "7:75"), []string{"sleep: must be", "like 7.5 or 7:30"}},
		{"effort 11", set("--effort", "11"), []string{"effort", "0 to 10", `"11"`}},
		{"minutes 2000", core("--minutes", "2000"), []string{"minutes", "0 to 1440"}},
		{"sleep quality 6", core("--sleep-quality", "6"), []string{"sleep quality (--sleep-quality)", "1 to 5"}},
		{"minutes blank", core("--minutes", " "), []string{`minutes: must be a whole number from 0 to 1440 (got "")`}},
		{"sleep quality blank", core("--sleep-quality", "  "), []string{`sleep quality (--sleep-quality): must be a whole number from 1 to 5 (got "")`}},
		{"note too long", core("--note", strings.Repeat("x", 2001)), []string{"note", "2000 characters"}},
		{"malformed date", core("--date", "2026-02-30"), []string{"date", "YYYY-MM-DD"}},
		{"future date", core("--date", day(2)), []string{"date", "to " + day(1), "a day's grace"}},
		{"before 1900", core("--date", "0000-01-01"), []string{"date", "from 1900-01-01"}},
		{"unknown flag", core("--pace", "5:00"), []string{"checkin: unknown flag --pace"}},
		{"flag without value", []string{"checkin", "--mood"}, []string{"--mood needs a value"}},
		{"sleep names the field as the runner knows it", set("--sleep", "25"), []string{"laceup: sleep: must be hours from 0 to 24", "0 to 24"}},
		{"missing core flags", []string{"checkin", "--mood", "3", "--sleep", "7"}, []string{"missing --motivation", "--effort"}},
		{"stray argument", core("extra"), []string{"unexpected argument"}},
		{"no flags, no terminal", []string{"checkin"}, []string{"no terminal", "--mood"}},
		{"meter future date", []string{"meter", "--date", day(2)}, []string{"date", "to " + day(1), "a day's grace"}},
		{"meter bad date", []string{"meter", "--date", "soon"}, []string{"date", "YYYY-MM-DD"}},
		{"unknown command", []string{"chekin"}, []string{"unknown command", "chekin"}},
		{"help for unknown command", []string{"help", "nope"}, []string{"unknown command", "nope"}},
		{"dashboard, no terminal", nil, []string{"no terminal", "laceup checkin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fileHash(t, db)
			r := laceup(t, home, nil, tt.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2; stderr: %s", r.code, r.stderr)
			}
			lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
			if len(lines) != 1 {
				t.Errorf("want one line on stderr, got %d:\n%s", len(lines), r.stderr)
			}
			for _, w := range tt.wants {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, r.stderr)
				}
			}
			if after := fileHash(t, db); after != before {
				t.Error("the journal changed")
			}
		})
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestJournalLocation(t *testing.T) {
	home := t.TempDir()
	args := []string{"checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "0"}

	// Default: the XDG data dir, folder 0700, file 0600.
	if r := laceup(t, home, nil, args...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	assertMode(t, filepath.Dir(defaultDB(home)), 0o700)
	assertMode(t, defaultDB(home), 0o600)

	// LACEUP_DB overrides the default; --db overrides LACEUP_DB.
	envDB := filepath.Join(home, "env", "j.db")
	flagDB := filepath.Join(home, "flag dir #1", "j.db")
	if r := laceup(t, home, []string{"LACEUP_DB=" + envDB}, args...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	assertMode(t, envDB, 0o600)
	if r := laceup(t, home, []string{"LACEUP_DB=" + envDB}, append(args, "--db", flagDB)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	assertMode(t, flagDB, 0o600)
	if r := laceup(t, home, []string{"LACEUP_DB=" + envDB}, "--db", flagDB, "meter", "--json"); r.code != 0 ||
		!strings.Contains(r.stdout, `"checkins_last_7_days": 1`) {
		t.Errorf("global --db before the command: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", path, got, want)
	}
}

func TestJournalErrorsNameTheFile(t *testing.T) {
	home := t.TempDir()
	notDB := filepath.Join(home, "notes.txt")
	if err := os.WriteFile(notDB, []byte("these are my running notes, not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, notDB)
	missing := filepath.Join(home, "typo", "journl.db")
	if r := laceup(t, home, nil, "--db", missing, "meter"); r.code != 1 || !strings.Contains(r.stderr, missing) {
		t.Errorf("meter on a missing journal: exit %d, %q; want 1 naming the file", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Error("meter created a journal (or its folder) at a mistyped path")
	}
	r := laceup(t, home, nil, "--db", notDB, "meter")
	if r.code != 1 || !strings.Contains(r.stderr, notDB) {
		t.Errorf("opening a text file: exit %d, stderr %q; want 1 and the file named", r.code, r.stderr)
	}
	if fileHash(t, notDB) != before {
		t.Error("laceup changed a file that is not a journal")
	}
}

func TestHelpAndVersion(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "checkin"}, {"help", "meter"},
		{"checkin", "--help"}, {"meter", "-h"}, {"--version"}} {
		r := laceup(t, home, nil, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("laceup %v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	top := laceup(t, home, nil, "--help").stdout
	for _, w := range []string{"checkin", "meter", "--db", "LACEUP_DB", "Megan Sloan"} {
		if !strings.Contains(top, w) {
			t.Errorf("--help lacks %q", w)
		}
	}
	if v := laceup(t, home, nil, "--version").stdout; !strings.HasPrefix(v, "laceup ") {
		t.Errorf("--version = %q", v)
	}
	if _, err := os.Stat(defaultDB(home)); !os.IsNotExist(err) {
		t.Error("help created a journal")
	}
}

type historyOut struct {
	Week  string `json:"week"`
	Start string `json:"start"`
	End   string `json:"end"`
	Days  []struct {
		Date    string          `json:"date"`
		Checkin *map[string]any `json:"checkin"`
		Score   *int            `json:"score"`
		Level   *string         `json:"level"`
	} `json:"days"`
	Summary map[string]any `json:"summary"`
}

func historyJSONOf(t *testing.T, home string, args ...string) historyOut {
	t.Helper()
	r := laceup(t, home, nil, append([]string{"history", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("history --json %v: exit %d: %s", args, r.code, r.stderr)
	}
	var h historyOut
	if err := json.Unmarshal([]byte(r.stdout), &h); err != nil {
		t.Fatalf("history --json is not JSON: %v\n%s", err, r.stdout)
	}
	return h
}

func TestDemoThenHistory(t *testing.T) {
	home := t.TempDir()
	// The runner's own journal, which demo must never touch.
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	before := fileHash(t, defaultDB(home))

	r := laceup(t, home, nil, "demo")
	demoDB := filepath.Join(home, "data", "laceup", "demo.db")
	if r.code != 0 || !strings.Contains(r.stdout, demoDB) || !strings.Contains(r.stdout, "laceup --db "+demoDB) {
		t.Fatalf("demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if fileHash(t, defaultDB(home)) != before {
		t.Fatal("demo changed the runner's journal")
	}
	assertMode(t, demoDB, 0o600)

	// Every week of the demo: the JSON agrees with the rows in the file.
	s, err := store.Open(context.Background(), demoDB)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Range(context.Background(), slump.NewDate(2000, 1, 1), slump.NewDate(2100, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 110 || len(all) > 120 {
		t.Fatalf("the default demo holds %d check-ins, want about 120 days with a few missed", len(all))
	}
	levels := map[string]bool{}
	today := slump.DateOf(fixedClock())
	for w := slump.WeekOf(all[0].Date); !w.Start().After(today); w = w.AddWeeks(1) {
		h := historyJSONOf(t, home, "--db", demoDB, "--week", w.String())
		want := slump.NewMeter(slump.DefaultConfig()).Summarize(all, w.Start(), w.End())
		if h.Week != w.String() || h.Start != w.Start().String() || h.End != w.End().String() || len(h.Days) != 7 {
			t.Fatalf("week %s: header %s %s %s, %d days", w, h.Week, h.Start, h.End, len(h.Days))
		}
		if int(h.Summary["checkins"].(float64)) != want.Checkins ||
			int(h.Summary["hard_efforts"].(float64)) != want.HardEfforts ||
			int(h.Summary["rest_days"].(float64)) != want.RestDays {
			t.Errorf("week %s summary %v, rows say %+v", w, h.Summary, want)
		}
		readings := slump.NewMeter(slump.DefaultConfig()).Readings(all, nil, w.Start(), w.End())
		for i, d := range h.Days {
			logged := d.Checkin != nil
			if logged != (d.Score != nil) || logged != (d.Level != nil) {
				t.Errorf("%s: checkin/score/level must be null together: %+v", d.Date, d)
			}
			if logged {
				levels[*d.Level] = true
				if *d.Score != readings[i].Score {
					t.Errorf("%s: score %d, meter says %d", d.Date, *d.Score, readings[i].Score)
				}
			}
		}
	}
	for _, l := range []string{"ok", "watch", "slump"} {
		if !levels[l] {
			t.Errorf("the demo never reaches level %s", l)
		}
	}

	// Deterministic: the same seed writes the same journal.
	first := laceup(t, home, nil, "--db", demoDB, "history", "--json", "--date", today.AddDays(-30).String()).stdout
	if r := laceup(t, home, nil, "demo", "--seed", "1"); r.code != 0 {
		t.Fatalf("demo again: exit %d: %s", r.code, r.stderr)
	}
	if again := laceup(t, home, nil, "--db", demoDB, "history", "--json", "--date", today.AddDays(-30).String()).stdout; again != first {
		t.Error("demo --seed 1 wrote a different journal the second time")
	}
}

func TestDemoRefusesRealJournals(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	before := fileHash(t, defaultDB(home))
	for _, args := range [][]string{
		{"demo", "--db", defaultDB(home)},
		{"--db", defaultDB(home), "demo"},
	} {
		r := laceup(t, home, nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, defaultDB(home)) {
			t.Errorf("laceup %v: exit %d, %q; want 2 naming the journal", args, r.code, r.stderr)
		}
	}
	// A journal kept as demo.db and reached through a link in LACEUP_DB is
	// still the runner's: the default demo file is not replaced then.
	linked := filepath.Join(home, "data", "laceup", "demo.db")
	if err := os.Rename(defaultDB(home), linked); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(home, "journal-link.db")
	if err := os.Symlink(linked, link); err != nil {
		t.Fatal(err)
	}
	if r := laceup(t, home, []string{"LACEUP_DB=" + link}, "demo"); r.code != 2 || !strings.Contains(r.stderr, "is your journal") {
		t.Errorf("demo over the journal behind LACEUP_DB's link: exit %d, %q", r.code, r.stderr)
	}
	if fileHash(t, linked) != before {
		t.Fatal("demo replaced the journal behind a link")
	}
	if err := os.Rename(linked, defaultDB(home)); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(home, "other.db")
	laceup(t, home, nil, "--db", other, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	if r := laceup(t, home, nil, "demo", "--db", other); r.code != 2 || !strings.Contains(r.stderr, "already holds 1 check-ins") {
		t.Errorf("demo into a journal with check-ins: exit %d, %q", r.code, r.stderr)
	}
	if r := laceup(t, home, []string{"LACEUP_DB=" + other}, "demo", "--db", other); r.code != 2 {
		t.Errorf("demo into $LACEUP_DB: exit %d", r.code)
	}
	if fileHash(t, defaultDB(home)) != before {
		t.Error("the journal changed")
	}
	if r := laceup(t, home, nil, "demo", "--days", "0"); r.code != 2 || !strings.Contains(r.stderr, "days") {
		t.Errorf("demo --days 0: exit %d, %q", r.code, r.stderr)
	}
}

func TestHistoryCommand(t *testing.T) {
	home := t.TempDir()
	for i := 0; i < 10; i++ {
		laceup(t, home, nil, "checkin", "--date", day(-i), "--mood", "4", "--motivation", "3", "--sleep", "7.5",
			"--effort", []string{"0", "8", "3"}[i%3], "--note", "line one\nline \x1b[2Jtwo")
	}
	h := historyJSONOf(t, home)
	if h.Week != slump.WeekOf(slump.DateOf(fixedClock())).String() {
		t.Errorf("default week %s", h.Week)
	}
	for _, key := range []string{"checkins", "hard_efforts", "rest_days", "avg_sleep_hours", "avg_mood", "avg_motivation"} {
		if _, ok := h.Summary[key]; !ok {
			t.Errorf("summary lacks %s: %v", key, h.Summary)
		}
	}
	if d := h.Days[0]; d.Checkin != nil {
		for _, key := range []string{"mood", "motivation", "sleep_hours", "effort", "minutes", "sleep_quality", "note"} {
			if _, ok := (*d.Checkin)[key]; !ok {
				t.Errorf("checkin lacks %s", key)
			}
		}
	}
	if byDate := historyJSONOf(t, home, "--date", day(-7)); byDate.Week != slump.WeekOf(mustDate(t, day(-7))).String() {
		t.Errorf("--date %s gave week %s", day(-7), byDate.Week)
	}
	// An empty week: averages are null, every day null.
	empty := historyJSONOf(t, home, "--week", "2020-W53")
	if empty.Start != "2020-12-28" || empty.End != "2021-01-03" || empty.Summary["avg_sleep_hours"] != nil {
		t.Errorf("2020-W53: %s..%s, summary %v", empty.Start, empty.End, empty.Summary)
	}
	// Text: fits 80 columns, notes printed without control characters.
	r := laceup(t, home, nil, "history", "--date", day(-3))
	for _, line := range strings.Split(r.stdout, "\n") {
		if len([]rune(line)) > 80 {
			t.Errorf("history line wider than 80: %q", line)
		}
	}
	if strings.ContainsAny(r.stdout, "\x1b\r") || !strings.Contains(r.stdout, "line one line [2Jtwo") {
		t.Errorf("history text notes:\n%s", r.stdout)
	}
	for _, bad := range [][]string{{"history", "--week", "2026-W99"}, {"history", "--week", "soon"},
		{"history", "--week", "2099-W01"}, {"history", "--week", "2026-W01", "--date", "today"}} {
		if r := laceup(t, home, nil, bad...); r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("laceup %v: exit %d, %q; want 2 and one line", bad, r.code, r.stderr)
		}
	}
}

func mustDate(t *testing.T, s string) slump.Date {
	t.Helper()
	d, err := slump.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// An export from laceup before legs and day_type (8 CSV columns, JSON
// without those keys) still imports: every day normal, legs not given.
func TestImportOldExports(t *testing.T) {
	home := t.TempDir()
	dir := t.TempDir()
	csv := filepath.Join(dir, "old.csv")
	js := filepath.Join(dir, "old.json")
	os.WriteFile(csv, []byte("date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n"+
		day(-1)+",4,3,7.5,6,50,,\"tempo, calves tight\"\n"), 0o600)
	os.WriteFile(js, []byte(`[{"date": "`+day(0)+`", "mood": 3, "motivation": 3, "sleep_hours": 7, "effort": 0,
		"minutes": null, "sleep_quality": 4, "note": ""}]`), 0o600)
	for _, f := range []string{csv, js} {
		if r := laceup(t, home, nil, "import", f); r.code != 0 || !strings.Contains(r.stdout, "1 added") {
			t.Fatalf("import %s: exit %d: %s %s", filepath.Base(f), r.code, r.stdout, r.stderr)
		}
	}
	want := "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note,legs,day_type,updated_at\n" +
		day(-1) + ",4,3,7.5,6,50,,\"tempo, calves tight\",,normal," + stamp + "\n" +
		day(0) + ",3,3,7,0,,4,,,normal," + stamp + "\n"
	if got := laceup(t, home, nil, "export").stdout; got != want {
		t.Errorf("old exports imported as\n%s\nwant\n%s", got, want)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	home := t.TempDir()
	notes := []string{"comma, \"quotes\" and\nnew lines", "tabs\there · émoji 🏃‍♀️", "  leading spaces", ""}
	for i, note := range notes {
		args := []string{"checkin", "--date", day(-i), "--mood", "4", "--motivation", "3", "--sleep", "7.25", "--effort", "5"}
		if note != "" {
			args = append(args, "--note", note)
		}
		if i%2 == 0 {
			args = append(args, "--minutes", "45", "--sleep-quality", "3")
		}
		if i > 0 { // legs and the kind of day round-trip too
			args = append(args, "--legs", strconv.Itoa(i+1), "--day-type", []string{"", "sick", "race", "travel"}[i])
		}
		if r := laceup(t, home, nil, args...); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	for _, format := range []string{"csv", "json"} {
		t.Run(format, func(t *testing.T) {
			first := laceup(t, home, nil, "export", "--format", format)
			if first.code != 0 {
				t.Fatal(first.stderr)
			}
			if format == "csv" && !strings.HasPrefix(first.stdout, "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note,legs,day_type,updated_at\n") {
				t.Errorf("CSV header:\n%s", first.stdout)
			}
			file := filepath.Join(t.TempDir(), "journal."+format)
			if r := laceup(t, home, nil, "export", "--out", file); r.code != 0 {
				t.Fatal(r.stderr)
			}
			assertMode(t, file, 0o600)
			if b, _ := os.ReadFile(file); string(b) != first.stdout {
				t.Error("export --out (format from the extension) differs from export --format")
			}
			fresh := filepath.Join(t.TempDir(), "new.db")
			r := laceup(t, home, nil, "--db", fresh, "import", file)
			if r.code != 0 || !strings.Contains(r.stdout, "4 added, 0 replaced, 0 skipped") {
				t.Fatalf("import: exit %d: %s %s", r.code, r.stdout, r.stderr)
			}
			again := laceup(t, home, nil, "--db", fresh, "export", "--format", format)
			if again.stdout != first.stdout {
				t.Errorf("export, import, export is not byte-identical:\n%s\n---\n%s", first.stdout, again.stdout)
			}
			// Importing again skips every day, unless --replace.
			if r := laceup(t, home, nil, "--db", fresh, "import", file); !strings.Contains(r.stdout, "0 added, 0 replaced, 4 skipped") {
				t.Errorf("second import: %s %s", r.stdout, r.stderr)
			}
			// Change a day, then import --replace (flags after the file work too).
			laceup(t, home, nil, "--db", fresh, "checkin", "--date", day(-1), "--mood", "1", "--motivation", "1", "--sleep", "4", "--effort", "9")
			if r := laceup(t, home, nil, "--db", fresh, "import", file, "--replace"); !strings.Contains(r.stdout, "0 added, 1 replaced, 3 skipped") {
				t.Errorf("import --replace: %s %s", r.stdout, r.stderr)
			}
			if again := laceup(t, home, nil, "--db", fresh, "export", "--format", format); again.stdout != first.stdout {
				t.Error("import --replace did not restore the changed day")
			}
		})
	}
}

func TestImportRefusesBadFilesWhole(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	before := fileHash(t, defaultDB(home))
	dir := t.TempDir()
	header := "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n"
	tests := []struct {
		name, file, content string
		wants               []string
	}{
		{"mood out of range", "a.csv", header + day(-3) + ",4,3,7,2,,,\n" + day(-2) + ",9,3,7,2,,,\n", []string{"line 3", "mood", "1 to 5"}},
		{"sleep out of range", "b.csv", header + day(-2) + ",4,3,25,2,,,\n", []string{"line 2", "sleep: must be", "0 to 24"}},
		{"future date", "c.csv", header + day(3) + ",4,3,7,2,,,\n", []string{"line 2", "date", "a day's grace"}},
		{"malformed date", "d.csv", header + "2026-02-30,4,3,7,2,,,\n", []string{"line 2", "date"}},
		{"wrong header", "e.csv", "day,mood\n" + day(-2) + ",4\n", []string{"line 1", "date,mood,motivation"}},
		{"json effort", "f.json", `[{"date":"` + day(-2) + `","mood":4,"motivation":3,"sleep_hours":7,"effort":11,"minutes":null,"sleep_quality":null,"note":""}]`, []string{"effort", "0 to 10"}},
		{"invalid UTF-8", "g.csv", header + day(-2) + ",4,3,7,2,,,bad \xff note\n", []string{"line 2", "note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			r := laceup(t, home, nil, "import", path)
			if r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("exit %d, stderr %q; want 2 and one line", r.code, r.stderr)
			}
			for _, w := range append(tt.wants, path, "nothing was imported") {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, r.stderr)
				}
			}
			if fileHash(t, defaultDB(home)) != before {
				t.Error("a refused import changed the journal")
			}
		})
	}
	if r := laceup(t, home, nil, "import", filepath.Join(dir, "missing.csv")); r.code != 2 || !strings.Contains(r.stderr, "missing.csv") {
		t.Errorf("import of a missing file: exit %d, %q", r.code, r.stderr)
	}
}

func TestBackup(t *testing.T) {
	home := t.TempDir()
	for i := 0; i < 5; i++ {
		laceup(t, home, nil, "checkin", "--date", day(-i), "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	}
	dest := filepath.Join(t.TempDir(), "copies", "journal-backup.db")
	if r := laceup(t, home, nil, "backup", dest); r.code != 0 {
		t.Fatalf("backup: exit %d: %s", r.code, r.stderr)
	}
	assertMode(t, dest, 0o600)
	want := laceup(t, home, nil, "export").stdout
	if got := laceup(t, home, nil, "--db", dest, "export").stdout; got != want {
		t.Errorf("the backup holds other check-ins:\n%s\n---\n%s", got, want)
	}
	before := fileHash(t, dest)
	if r := laceup(t, home, nil, "backup", dest); r.code != 2 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("backup over an existing file: exit %d, %q", r.code, r.stderr)
	}
	if fileHash(t, dest) != before {
		t.Error("a refused backup changed the existing file")
	}
	if r := laceup(t, home, nil, "backup", dest, "--force"); r.code != 0 {
		t.Errorf("backup --force: exit %d: %s", r.code, r.stderr)
	}
}

func TestLooseJournalPermissionsAreReported(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	if err := os.Chmod(defaultDB(home), 0o644); err != nil {
		t.Fatal(err)
	}
	r := laceup(t, home, nil, "meter")
	if r.code != 0 || !strings.Contains(r.stderr, "warning") || !strings.Contains(r.stderr, defaultDB(home)) {
		t.Errorf("meter on a 0644 journal: exit %d, stderr %q; want a warning naming the file", r.code, r.stderr)
	}
	assertMode(t, defaultDB(home), 0o644) // reported, not silently changed
}

func TestExportRefusesToOverwriteTheJournal(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	before := fileHash(t, defaultDB(home))
	for _, out := range []string{defaultDB(home), defaultDB(home) + "-wal"} {
		if r := laceup(t, home, nil, "export", "--out", out); r.code != 2 || !strings.Contains(r.stderr, "is your journal") {
			t.Errorf("export --out %s: exit %d, %q", out, r.code, r.stderr)
		}
	}
	if fileHash(t, defaultDB(home)) != before {
		t.Error("the journal changed")
	}
}

func TestMeterJSONMetrics(t *testing.T) {
	home := t.TempDir()
	// 35 days: 28 steady days of 30 minutes at effort 5 with a rest day a
	// week, then a week of long hard days: a load spike.
	for i := 34; i >= 0; i-- {
		effort, minutes := "5", "30"
		if i%7 == 0 {
			effort, minutes = "0", "0"
		}
		if i < 7 && i%7 != 0 {
			effort, minutes = "6", "90"
		}
		r := laceup(t, home, nil, "checkin", "--date", day(-i), "--mood", "4", "--motivation", "4", "--sleep", "7.5",
			"--effort", effort, "--minutes", minutes)
		if r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	r := laceup(t, home, nil, "meter", "--json")
	var m struct {
		Metrics map[string]any `json:"metrics"`
		Signals []struct {
			ID string `json:"id"`
		} `json:"signals"`
		Break any `json:"break"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	for _, key := range []string{"weekly_load", "monotony", "strain", "acwr", "acwr_ewma", "baseline"} {
		if v, ok := m.Metrics[key]; !ok || v == nil {
			t.Errorf("metrics.%s = %v (present %v)", key, v, ok)
		}
	}
	if got, want := m.Metrics["weekly_load"].(float64), float64(6*6*90); got != want {
		t.Errorf("weekly_load = %v, want %v", got, want)
	}
	if acwr := m.Metrics["acwr"].(float64); acwr < 1.5 {
		t.Errorf("acwr = %v after tripling the load", acwr)
	}
	ids := map[string]bool{}
	for _, s := range m.Signals {
		ids[s.ID] = true
	}
	if !ids["load_spike"] {
		t.Errorf("signals %v lack load_spike", ids)
	}
}

func TestConfigFile(t *testing.T) {
	home := t.TempDir()
	cfgDir := filepath.Join(home, "config", "laceup")
	if err := os.MkdirAll(cfgDir, 0o700); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(cfgDir, "config.toml")
	for i := 0; i < 7; i++ {
		laceup(t, home, nil, "checkin", "--date", day(-i), "--mood", "4", "--motivation", "4", "--sleep", "6.5", "--effort", "3")
	}
	write := func(s string) {
		if err := os.WriteFile(cfgFile, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A runner whose normal is 6 h: short_sleep no longer fires at 6.5 h.
	if m := meterJSONOf(t, home); !hasSignal(m, "short_sleep") {
		t.Fatal("with the defaults, 6.5 h should fire short_sleep")
	}
	write("# my settings\nsleep_target_hours = 6\n")
	if m := meterJSONOf(t, home); hasSignal(m, "short_sleep") {
		t.Error("sleep_target_hours = 6 still fires short_sleep at 6.5 h")
	}
	// The words follow the settings: a sleep target of 8 h is the target the
	// tip quotes, and 1 hard effort a week is the rule the meter names.
	write("sleep_target_hours = 8\n")
	if r := laceup(t, home, nil, "meter"); !strings.Contains(r.stdout, "Tip: Sleep 8 hours or more") ||
		!strings.Contains(r.stdout, "Aim for at least 8 hours") || !strings.Contains(r.stdout, "your target is 8 h") ||
		strings.Contains(strings.Split(r.stdout, "—")[0], "7 hours") { // the source may cite the 7 h of the sleep literature
		t.Errorf("sleep_target_hours = 8:\n%s", r.stdout)
	}
	laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "8", "--effort", "8")
	laceup(t, home, nil, "checkin", "--date", "yesterday", "--mood", "4", "--motivation", "4", "--sleep", "8", "--effort", "8")
	write("hard_efforts_per_week = 1\n")
	if r := laceup(t, home, nil, "meter"); !strings.Contains(r.stdout, "the rule of thumb is 1") ||
		!strings.Contains(r.stdout, "Tip: Keep it to 1 hard effort a week") || !strings.Contains(r.stdout, "Pick the one") {
		t.Errorf("hard_efforts_per_week = 1:\n%s", r.stdout)
	}
	bad := []struct{ content, wants string }{
		{"\n\nhard_effort = 15\n", "line 3"},
		{"sleep_target = 6\n", `unknown key "sleep_target"`},
		{"hard_effort = \"seven\"\n", "line 1"},
		{"hard_effort = \n", "line 1"},
		{"sleep_target_hours = 7\nhard_effort = \"seven\"\n", "line 2: hard_effort: must be a whole number"},
		{"\n[section]\nhard_effort = 7\n", "line 2"},
		{"\xff\xfe", "not UTF-8"},
	}
	for _, b := range bad {
		write(b.content)
		r := laceup(t, home, nil, "meter")
		if r.code != 2 || !strings.Contains(r.stderr, cfgFile) || !strings.Contains(r.stderr, b.wants) {
			t.Errorf("config %q: exit %d, %q; want 2 naming the file and %s", b.content, r.code, r.stderr, b.wants)
		}
	}
}

func hasSignal(m meterOut, id string) bool {
	for _, s := range m.Signals {
		if s.ID == id {
			return true
		}
	}
	return false
}

// BenchmarkFirstScreen is what the terminal UI does before its first
// screen on a 10-year journal: open the journal, load today's meter (and
// streak), draw the dashboard. (Process start-up is measured with the
// binary; see the README.)
func BenchmarkFirstScreen(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "journal.db")
	now := time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC)
	s, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(ctx, demo.Journal(1, 3650, slump.DateOf(now)), false); err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		var m tea.Model = tui.New(tui.Options{Journal: s, Path: path, Now: func() time.Time { return now }})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = m.Update(m.Init()())
		if !strings.Contains(m.View(), "Slump meter") {
			b.Fatalf("first screen:\n%s", m.View())
		}
		s.Close()
	}
}

func TestOutputPathsThatAreNotFiles(t *testing.T) {
	home := t.TempDir()
	laceup(t, home, nil, "checkin", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "2")
	before := fileHash(t, defaultDB(home))
	dir := t.TempDir()
	for _, args := range [][]string{{"export", "--out", dir}, {"backup", dir}, {"backup", defaultDB(home), "--force"}} {
		if r := laceup(t, home, nil, args...); r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("laceup %v: exit %d, %q; want 2 and one line", args, r.code, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left in %s: %v", dir, entries)
	}
	if fileHash(t, defaultDB(home)) != before {
		t.Error("the journal changed")
	}
	if r := laceup(t, home, nil, "history", "--week", "2026-W99"); r.code != 2 || strings.Count(r.stderr, "2026-W99") != 1 {
		t.Errorf("history --week 2026-W99: exit %d, %q", r.code, r.stderr)
	}
}

// transcript runs each command in home and writes what it printed, with
// home written as $HOME, so the text does not depend on the temp dir.
func transcript(t testing.TB, home string, cmds [][]string) string {
	var b strings.Builder
	for _, args := range cmds {
		r := laceup(t, home, nil, args...)
		fmt.Fprintf(&b, "$ laceup %s\n[exit %d]\n%s--- stderr\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return strings.ReplaceAll(b.String(), home, "$HOME")
}

var transcriptDir = flag.String("transcript", "", "write the transcripts of TestOutputsUnchanged to this folder, to diff them")

// TestOutputsUnchanged pins what every command prints, byte for byte, on the
// demo journal (seed 1, 120 days to 25 November 2026) and for bad input:
// refactoring must not change a byte of it. Each group of commands has the
// sha256 of its transcript. A deliberate change of output changes hashes:
// run with -transcript DIR before and after, diff, and update them.
func TestOutputsUnchanged(t *testing.T) {
	home := t.TempDir()
	j := filepath.Join(home, "demo.db")
	if r := laceup(t, home, nil, "demo", "--db", j, "--ending", "recovered"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	today := slump.DateOf(fixedClock())
	first := today.AddDays(-119)
	var meterText, meterJSON, historyText, historyJSON [][]string
	for d := first; !d.After(today); d = d.AddDays(1) {
		meterText = append(meterText, []string{"--db", j, "meter", "--date", d.String()})
		meterJSON = append(meterJSON, []string{"meter", "--db", j, "--json", "--date", d.String()})
	}
	for w := slump.WeekOf(first); !w.Start().After(today); w = w.AddWeeks(1) {
		historyText = append(historyText, []string{"history", "--db", j, "--week", w.String()})
		historyJSON = append(historyJSON, []string{"history", "--db", j, "--json", "--week", w.String()})
	}
	historyText = append(historyText, []string{"history", "--db", j}, []string{"history", "--db", j, "--date", "2026-09-01"})

	copyDB := filepath.Join(home, "copy.db")
	fresh := filepath.Join(home, "fresh.db")
	csvFile := filepath.Join(home, "all.csv")
	jsonFile := filepath.Join(home, "all.json")
	writes := [][]string{
		{"backup", "--db", j, copyDB},
		{"--db", copyDB, "checkin", "--mood", "2", "--motivation", "1", "--sleep", "5.5", "--effort", "8", "--minutes", "70"},
		{"--db", copyDB, "checkin", "--date", "yesterday", "--mood", "3", "--motivation", "3", "--sleep", "7", "--effort", "0", "--note", "rest, \"finally\"\nsecond line"},
		{"--db", copyDB, "checkin", "--date", "2026-11-01", "--mood", "5", "--motivation", "5", "--sleep", "9", "--effort", "3", "--sleep-quality", "5"},
		{"--db", copyDB, "export", "--out", csvFile},
		{"--db", copyDB, "export", "--format", "json", "--out", jsonFile},
		{"--db", fresh, "import", csvFile},
		{"--db", fresh, "import", jsonFile},
		{"--db", fresh, "import", jsonFile, "--replace"},
		{"--db", fresh, "meter"},
		{"--db", fresh, "history", "--json"},
		{"demo", "--days", "30", "--seed", "7", "--ending", "recovered"},
		{"--db", filepath.Join(home, "data", "laceup", "demo.db"), "meter", "--json"},
	}
	exports := [][]string{
		{"export", "--db", j},
		{"export", "--db", j, "--format", "json"},
	}
	help := [][]string{{"--help"}, {"-h"}, {"help"}, {"--version"}, {"version"}}
	for _, cmd := range []string{"checkin", "meter", "history", "export", "import", "backup", "demo", "status", "delete", "race", "year", "activities", "version", "help"} {
		help = append(help, []string{"help", cmd}, []string{cmd, "--help"})
	}

	core := func(extra ...string) []string {
		return append([]string{"--db", j, "checkin", "--mood", "3", "--motivation", "2", "--sleep", "7", "--effort", "4"}, extra...)
	}
	bad := [][]string{
		core("--mood", "9"), core("--mood", "great"), core("--motivation", "0"), core("--sleep", "-1"),
		core("--sleep", "24.5"), core("--sleep", "7h75"), core("--effort", "11"), core("--effort", "+3"), core("--minutes", "2000"),
		core("--minutes", "x"), core("--sleep-quality", "6"), core("--note", strings.Repeat("x", 2001)),
		core("--date", "2026-02-30"), core("--date", "2026-11-27"), core("--date", "tomorrow"), core("--pace", "5:00"),
		{"checkin", "--mood"}, {"checkin", "--mood", "3", "--sleep", "7"}, core("extra"), {"checkin"}, {"checkin", "--date", "yesterday"},
		{"meter", "--db", j, "--date", "2026-11-27"}, {"meter", "--db", j, "--date", "soon"}, {"meter", "--db", j, "extra"},
		{"meter", "--db", filepath.Join(home, "typo", "j.db")},
		{"chekin"}, {"help", "nope"}, {}, {"--nope"}, {"--db"},
		{"history", "--db", j, "--week", "2026-W99"}, {"history", "--db", j, "--week", "soon"},
		{"history", "--db", j, "--week", "2099-W01"}, {"history", "--db", j, "--week", "2026-W01", "--date", "today"},
		{"history", "--db", j, "--date", "2027-01-01"},
		{"export", "--db", j, "--format", "xml"}, {"export", "--db", j, "--out", home}, {"export", "--db", j, "--out", j},
		{"export", "--db", j, "--out", j + "-wal"},
		{"import", "--db", j}, {"import", "--db", j, "a", "b"}, {"import", "--db", j, filepath.Join(home, "missing.csv")},
		{"import", "--db", j, "--format", "yaml", csvFile},
		{"backup", "--db", j}, {"backup", "--db", j, copyDB}, {"backup", "--db", j, home}, {"backup", "--db", j, j},
		{"demo", "--days", "0"}, {"demo", "--days", "36501"}, {"demo", "--seed", "-1"}, {"demo", "--db", j},
		{"demo", "--db", defaultDB(home)},
	}
	badFiles := map[string]string{
		"mood.csv":    CSVHeaderForTest + "2026-11-20,4,3,7,2,,,\n2026-11-21,9,3,7,2,,,\n",
		"future.csv":  CSVHeaderForTest + "2026-11-28,4,3,7,2,,,\n",
		"header.csv":  "day,mood\n2026-11-20,4\n",
		"effort.json": `[{"date":"2026-11-20","mood":4,"motivation":3,"sleep_hours":7,"effort":11,"minutes":null,"sleep_quality":null,"note":""}]`,
		"utf8.csv":    CSVHeaderForTest + "2026-11-20,4,3,7,2,,,bad \xff note\n",
		"dup.json":    `[{"date":"2026-11-20","mood":4,"motivation":3,"sleep_hours":7,"effort":1},{"date":"2026-11-20","mood":4,"motivation":3,"sleep_hours":7,"effort":1}]`,
	}
	names := make([]string, 0, len(badFiles))
	for name := range badFiles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(home, name)
		if err := os.WriteFile(path, []byte(badFiles[name]), 0o600); err != nil {
			t.Fatal(err)
		}
		bad = append(bad, []string{"import", "--db", j, path})
	}

	// Settings files: bad ones are refused, a good one with the defaults
	// spelled out changes nothing.
	cfgDir := filepath.Join(home, "config", "laceup")
	if err := os.MkdirAll(cfgDir, 0o700); err != nil {
		t.Fatal(err)
	}
	var configs []string
	for _, content := range []string{
		"\n\nhard_effort = 15\n", "sleep_target = 6\n", "hard_effort = \"seven\"\n", "hard_effort = \n",
		"sleep_target_hours = 7\nhard_effort = \"seven\"\n", "\n[section]\nhard_effort = 7\n", "\xff\xfe",
		"hard_effort = 7\nhard_efforts_per_week = 2\nrest_days_per_week = 1\nsleep_target_hours = 7.0\nmonotony_limit = 2.0\nacwr_limit = 1.5\n",
	} {
		if err := os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		configs = append(configs, transcript(t, home, [][]string{{"--db", j, "meter"}}))
	}
	os.Remove(filepath.Join(cfgDir, "config.toml"))

	// A hand-made journal whose weeks hit the other tips: hard efforts,
	// short sleep, a motivation dip on light training, alike days, a mild
	// dip, a load spike, and days without minutes.
	mixed := filepath.Join(home, "mixed.csv")
	if err := os.WriteFile(mixed, []byte(mixedJournalCSV(today.AddDays(-69), 70)), 0o600); err != nil {
		t.Fatal(err)
	}
	mixedDB := filepath.Join(home, "mixed.db")
	var mixedCmds [][]string
	mixedCmds = append(mixedCmds, []string{"--db", mixedDB, "import", mixed})
	for d := today.AddDays(-69); !d.After(today); d = d.AddDays(1) {
		mixedCmds = append(mixedCmds, []string{"--db", mixedDB, "meter", "--date", d.String()},
			[]string{"--db", mixedDB, "meter", "--json", "--date", d.String()})
	}
	for w := slump.WeekOf(today.AddDays(-69)); !w.Start().After(today); w = w.AddWeeks(1) {
		mixedCmds = append(mixedCmds, []string{"--db", mixedDB, "history", "--week", w.String()})
	}

	groups := []struct {
		name string
		text string
		want string
	}{
		{"meter text, every day", transcript(t, home, meterText), "9789cb6f5d966fd8c10552fcba32fbe8a0f651d6473402d7115049fe3cc16c39"},
		{"meter json, every day", transcript(t, home, meterJSON), "cbfff040221d0d6317f4654a6e35cb933a7875dcb29d6c8b773107035c8a73a3"},
		{"history text, every week", transcript(t, home, historyText), "9bdb4aa805dc92211ac6af44918f89ad836ec5a5264443a1f07415034e2a59c6"},
		{"history json, every week", transcript(t, home, historyJSON), "2aabc29f04dba74d2fda28d0af743d68b7ba0340c812ea5f9e3e67a7531054f7"},
		{"export", transcript(t, home, exports), "21c38fa07332efdd1e0f0dbb8e2424fb8276ebcb1b6c5a8cecac1ff1a2f08109"},
		{"writes", transcript(t, home, writes), "ba95b1eaf35b78bbcc53910ee78981bd5423403a42b559524efba0840c18543e"},
		{"help", transcript(t, home, help), "5583b4188ca778bab49b0424f542804fafec0b12f5b8f0d74d299eab4fb75fdd"},
		{"bad input", transcript(t, home, bad), "644b57330de791d1747b14b80c18a1a7ccc250765b9ce0442953cf3ab6fe3e15"},
		{"settings", strings.Join(configs, ""), "677f1c268a551e6a366985153c2592186ef75ab7c4d94ff87e1e7f6231eb06c2"},
		{"mixed journal", transcript(t, home, mixedCmds), "fa976525ff7fbb57b526ace02de45a6716b81e23774ef975c1e18a899e68830c"},
	}
	for _, g := range groups {
		sum := fmt.Sprintf("%x", sha256.Sum256([]byte(g.text)))
		if *transcriptDir != "" {
			name := strings.NewReplacer(" ", "_", ",", "").Replace(g.name) + ".txt"
			if err := os.WriteFile(filepath.Join(*transcriptDir, name), []byte(g.text), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if sum != g.want {
			t.Errorf("%s: output changed: sha256 %s, want %s (run with -transcript DIR to see it)", g.name, sum, g.want)
		}
	}
}

const CSVHeaderForTest = "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note\n"

// mixedJournalCSV writes n days from first as an export: four ordinary
// weeks, then a week each of too many hard efforts, short sleep, a
// motivation dip on light training, alike days, a mild dip, and a load
// spike, the rest ordinary; some days without minutes, a few not logged.
func mixedJournalCSV(first slump.Date, n int) string {
	var b strings.Builder
	b.WriteString(CSVHeaderForTest)
	for i := range n {
		d := first.AddDays(i)
		week, wd := i/7, i%7
		mood, motivation, sleep, effort, minutes := 4, 4, "7.5", []int{0, 7, 3, 7, 3, 4, 5}[wd], []int{0, 50, 40, 55, 40, 60, 100}[wd]
		switch week {
		case 4: // hard efforts
			effort = []int{0, 8, 7, 8, 3, 7, 8}[wd]
		case 5: // short sleep
			sleep = []string{"6", "5.5", "6.25", "6", "5.75", "6.5", "6"}[wd]
		case 6: // a motivation dip on light training
			motivation, effort, minutes = 2, []int{0, 3, 0, 2, 0, 3, 0}[wd], 30
		case 7: // alike days, no rest
			effort, minutes = 5, 60
		case 8: // a mild dip
			mood, motivation = 2, 3
		case 9: // a load spike
			minutes *= 3
		}
		if i%11 == 5 {
			continue // not logged
		}
		min := strconv.Itoa(minutes)
		if i%9 == 4 {
			min = "" // minutes not given
		}
		fmt.Fprintf(&b, "%s,%d,%d,%s,%d,%s,,\n", d, mood, motivation, sleep, effort, min)
	}
	return b.String()
}

// --- The built binary, end to end ---

// runBinary runs the built laceup in home (see homeEnv) with standard input
// empty, and returns what it printed. Its clock is the real one: the tests
// give explicit past dates.
func runBinary(t *testing.T, home string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(homeEnv(home, nil), "PATH="+os.Getenv("PATH"), "TZ=UTC")
	var stdout, stderr bytes.Buffer
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

// The exit statuses of the binary: 0 done, 1 a fault naming the file, 2 bad
// input on one line with nothing changed.
func TestBinaryExitStatuses(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	notes := filepath.Join(home, "notes.txt")
	if err := os.WriteFile(notes, []byte("not a journal\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	save := []string{"--db", db, "checkin", "--date", "2020-03-02", "--mood", "4", "--motivation", "3", "--sleep", "7.5", "--effort", "6"}
	if r := runBinary(t, home, save...); r.code != 0 || !strings.Contains(r.stdout, "Saved your check-in for 2020-03-02.") {
		t.Fatalf("checkin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before := fileHash(t, db)
	tests := []struct {
		args   []string
		code   int
		stdout string // a part of it
		stderr string // all of it
	}{
		{[]string{"--version"}, 0, "laceup 0.1.0\n", ""},
		{[]string{"--db", db, "meter", "--date", "2020-03-02", "--json"}, 0, `"date": "2020-03-02"`, ""},
		{append(slices.Clone(save[:len(save)-2]), "--effort", "11"), 2, "", "laceup: effort: must be a whole number from 0 to 10 (got \"11\")\n"},
		{[]string{"--db", db, "history", "--week", "2020-W99"}, 2, "", "laceup: history: --week: \"2020-W99\" is not a week in the form YYYY-Www: 2020 has weeks W01 to W53\n"},
		{[]string{"--db", db}, 2, "", "laceup: no terminal to show the dashboard on; use 'laceup checkin --mood N --motivation N --sleep H --effort N' to check in and 'laceup meter' to read the meter\n"},
		{[]string{"--db", notes, "meter", "--date", "2020-03-02"}, 1, "", "laceup: " + notes + " is not a laceup journal: it is not a SQLite database\n"},
	}
	for _, tt := range tests {
		r := runBinary(t, home, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || r.stderr != tt.stderr {
			t.Errorf("laceup %v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
	if fileHash(t, db) != before {
		t.Error("a refused command changed the journal")
	}
}

// terminal is laceup running on a pseudo-terminal of 80x24.
type terminal struct {
	t      *testing.T
	cmd    *exec.Cmd
	tty    *os.File
	mu     sync.Mutex
	screen bytes.Buffer
}

// onTerminal starts the binary in home on a pseudo-terminal, answering the
// terminal's queries as a terminal would. env adds KEY=VALUE pairs.
func onTerminal(t *testing.T, home string, env []string, args ...string) *terminal {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no pseudo-terminals")
	}
	cmd := exec.Command(binary, args...)
	cmd.Env = append(homeEnv(home, env), "PATH="+os.Getenv("PATH"), "TZ=UTC", "TERM=xterm-256color", "NO_COLOR=1")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, tty: tty}
	t.Cleanup(func() {
		tty.Close()
		cmd.Process.Kill()
	})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			// Answer the terminal queries (the background colour and the
			// cursor position) as a terminal would, or laceup waits for them.
			if bytes.Contains(buf[:n], []byte("\x1b]11;?")) {
				io.WriteString(tty, "\x1b]11;rgb:0000/0000/0000\x1b\\")
			}
			if bytes.Contains(buf[:n], []byte("\x1b[6n")) {
				io.WriteString(tty, "\x1b[1;1R")
			}
			term.mu.Lock()
			term.screen.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return term
}

// waitFor waits until the terminal has shown text.
func (term *terminal) waitFor(text string) {
	term.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(term.output(), text) {
			return
		}
	}
	term.t.Fatalf("the terminal never showed %q; it showed:\n%q", text, term.output())
}

// output is all the terminal has shown so far.
func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.screen.String()
}

// typeKeys types keys on the terminal.
func (term *terminal) typeKeys(keys string) { io.WriteString(term.tty, keys) }

// exit waits for laceup to end and returns its exit status.
func (term *terminal) exit() int {
	term.t.Helper()
	done := make(chan error, 1)
	go func() { done <- term.cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		} else if err != nil {
			term.t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		term.cmd.Process.Kill()
		term.t.Fatal("laceup did not end")
	}
	return -1
}

// A check-in typed on a real terminal (a pseudo-terminal): the form for a
// past day, answered as a runner would, lands in the journal.
func TestBinaryCheckinOnATerminal(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	term := onTerminal(t, home, nil, "--db", db, "checkin", "--date", "2020-03-02")
	term.waitFor("How was your mood that day?")
	for _, answer := range []string{"4", "3", "7.5", "6"} {
		term.typeKeys(answer + "\r")
	}
	term.waitFor("How did your legs feel?")
	term.typeKeys("3\r")
	term.waitFor("What kind of day was")
	term.typeKeys("t") // one key, no enter
	term.waitFor("How many minutes did you train?")
	term.typeKeys("45\r\r")
	term.waitFor("Anything to note?")
	term.typeKeys("easy tempo\r")
	term.waitFor("Saved your check-in for Mon 2 Mar 2020.")
	term.typeKeys("q")
	if code := term.exit(); code != 0 {
		t.Fatalf("laceup on a terminal: exit %d", code)
	}
	r := runBinary(t, home, "--db", db, "export")
	if want := "\n2020-03-02,4,3,7.5,6,45,,easy tempo,3,travel,"; r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("the journal holds:\n%s\nwant the row %q", r.stdout, want)
	}
}
