package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type raceOut struct {
	Date     string `json:"date"`
	Name     string `json:"name"`
	DaysToGo int    `json:"days_to_go"`
}

func raceListJSON(t *testing.T, home string) []raceOut {
	t.Helper()
	r := laceup(t, home, nil, "race", "list", "--json")
	if r.code != 0 {
		t.Fatalf("race list --json: exit %d: %s", r.code, r.stderr)
	}
	var out []raceOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("race list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

func TestRaceAddListRemove(t *testing.T) {
	home := t.TempDir()
	// No journal yet: no races, and no journal made.
	if r := laceup(t, home, nil, "race", "list"); r.code != 0 || r.stdout != "no races yet\n" {
		t.Errorf("race list without a journal: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	if r := laceup(t, home, nil, "race", "list", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("race list --json without a journal: exit %d, %q", r.code, r.stdout)
	}
	if _, err := os.Stat(defaultDB(home)); !os.IsNotExist(err) {
		t.Error("race list created a journal")
	}

	for _, tt := range []struct {
		args []string
		out  string
	}{
		{[]string{"race", "add", "2027-04-19", "--name", "Boston"}, "Added the race of 2027-04-19: Boston (in 145 days).\n"},
		{[]string{"race", "add", "--name", " Chicago ", day(-3)}, "Added the race of 2026-11-22: Chicago (3 days ago).\n"},
		{[]string{"race", "add", day(0)}, "Added the race of 2026-11-25 (today).\n"},
		{[]string{"race", "add", "2027-04-19", "--name", "Boston Marathon"}, "Updated the race of 2027-04-19: Boston Marathon (in 145 days).\n"},
	} {
		if r := laceup(t, home, nil, tt.args...); r.code != 0 || r.stdout != tt.out {
			t.Errorf("laceup %v: exit %d, %q, want %q; stderr %q", tt.args, r.code, r.stdout, tt.out, r.stderr)
		}
	}
	want := "2026-11-22  Chicago  (3 days ago)\n2026-11-25  (today)\n2027-04-19  Boston Marathon  (in 145 days)\n"
	if r := laceup(t, home, nil, "race", "list"); r.code != 0 || r.stdout != want {
		t.Errorf("race list: exit %d:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	got := raceListJSON(t, home)
	wantJSON := []raceOut{{"2026-11-22", "Chicago", -3}, {"2026-11-25", "", 0}, {"2027-04-19", "Boston Marathon", 145}}
	if len(got) != len(wantJSON) {
		t.Fatalf("race list --json = %+v", got)
	}
	for i := range got {
		if got[i] != wantJSON[i] {
			t.Errorf("race %d = %+v, want %+v", i, got[i], wantJSON[i])
		}
	}

	r := laceup(t, home, nil, "race", "remove", day(-3))
	if r.code != 0 || r.stdout != "Removed the race of 2026-11-22. To add it again:\n  laceup race add 2026-11-22 --name Chicago\n" {
		t.Errorf("race remove: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	if r := laceup(t, home, nil, "race", "remove", day(-3)); r.code != 2 || !strings.Contains(r.stderr, "no race on 2026-11-22") {
		t.Errorf("race remove again: exit %d, %q", r.code, r.stderr)
	}
	if got := raceListJSON(t, home); len(got) != 2 || got[0].Date != day(0) {
		t.Errorf("after remove: %+v", got)
	}
}

// The meter of a day shows the next race, in JSON and in text; a race
// already run is not the next one.
func TestMeterShowsNextRace(t *testing.T) {
	home := t.TempDir()
	if r := laceup(t, home, nil, "checkin", "--mood", "4", "--motivation", "4", "--sleep", "8", "--effort", "3"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	next := func(args ...string) (map[string]any, string) {
		t.Helper()
		r := laceup(t, home, nil, append([]string{"meter", "--json"}, args...)...)
		var m map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatalf("meter --json: %v\n%s", err, r.stdout)
		}
		v, ok := m["next_race"]
		if !ok {
			t.Fatalf("meter --json has no next_race:\n%s", r.stdout)
		}
		nr, _ := v.(map[string]any)
		return nr, laceup(t, home, nil, append([]string{"meter"}, args...)...).stdout
	}
	if nr, text := next(); nr != nil || strings.Contains(text, "Next race") {
		t.Errorf("without a race: next_race %v, text:\n%s", nr, text)
	}
	laceup(t, home, nil, "race", "add", day(-2), "--name", "Parkrun")
	laceup(t, home, nil, "race", "add", "2026-12-07", "--name", "Turkey Trot")
	laceup(t, home, nil, "race", "add", "2027-04-19", "--name", "Boston")
	nr, text := next()
	if nr == nil || nr["date"] != "2026-12-07" || nr["name"] != "Turkey Trot" || nr["days_to_go"] != 12.0 {
		t.Errorf("next_race = %v, want Turkey Trot in 12 days", nr)
	}
	if !strings.Contains(text, "Next race: Turkey Trot, Mon 7 Dec 2026, in 12 days.\n") {
		t.Errorf("meter text:\n%s", text)
	}
	// On race day, and the meter of a day before the first race.
	if nr, text := next("--date", day(-2)); nr == nil || nr["name"] != "Parkrun" || nr["days_to_go"] != 0.0 ||
		!strings.Contains(text, "Next race: Parkrun, Mon 23 Nov 2026, today.") {
		t.Errorf("on race day: %v\n%s", nr, text)
	}
}

// Bad input exits 2 naming the field and its range, and changes nothing.
func TestRaceBadInput(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "j.db")
	laceup(t, home, nil, "--db", db, "race", "add", "2027-04-19", "--name", "Boston")
	before := fileHash(t, db)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"race", "add", "soon"}, `date: must be a day from 1900-01-01 to 9999-12-31 in the form YYYY-MM-DD (got "soon")`},
		{[]string{"race", "add", "2027-02-30"}, "date: must be a day from 1900-01-01 to 9999-12-31"},
		{[]string{"race", "add", "1899-12-31"}, "date: must be a day from 1900-01-01 to 9999-12-31"},
		{[]string{"race", "add", "today"}, "date: must be a day from 1900-01-01 to 9999-12-31"},
		{[]string{"race", "add", "2027-04-19", "--name", strings.Repeat("x", 81)}, "name: must be at most 80 characters (got 81 characters)"},
		{[]string{"race", "add", "2027-04-19", "--name", "Boston\x1b[2J"}, "name: must be text without control characters"},
		{[]string{"race", "add", "2027-04-19", "--name", "Boston\nMarathon"}, "name: must be text without control characters"},
		{[]string{"race", "add"}, "race add: give the race's date"},
		{[]string{"race", "add", "2027-04-19", "2027-04-20"}, `race add: unexpected argument "2027-04-20"`},
		{[]string{"race", "add", "2027-04-19", "--pace", "4:00"}, "race add: unknown flag --pace"},
		{[]string{"race", "remove", "2027-04-20"}, "race remove: no race on 2027-04-20"},
		{[]string{"race", "remove", "yesterday"}, "date: must be a day from 1900-01-01 to 9999-12-31"},
		{[]string{"race", "remove"}, "race remove: give the race's date"},
		{[]string{"race", "list", "extra"}, `race list: unexpected argument "extra"`},
		{[]string{"race", "list", "--csv"}, "race list: unknown flag --csv"},
		{[]string{"race"}, "race: give add, list or remove"},
		{[]string{"race", "rm", "2027-04-19"}, `race: unknown subcommand "rm"; give add, list or remove`},
	} {
		r := laceup(t, home, nil, append([]string{"--db", db}, tt.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("laceup %q: exit %d, stderr %q, stdout %q; want exit 2 and %q", tt.args, r.code, r.stderr, r.stdout, tt.want)
		}
	}
	if fileHash(t, db) != before {
		t.Error("bad input changed the journal")
	}
	// A bad race makes no journal either, nor does removing from none.
	for _, args := range [][]string{{"race", "add", "soon"}, {"race", "remove", "2027-04-19"}} {
		if r := laceup(t, home, nil, args...); r.code != 2 {
			t.Errorf("laceup %v: exit %d", args, r.code)
		}
	}
	if _, err := os.Stat(defaultDB(home)); !os.IsNotExist(err) {
		t.Error("bad input created a journal")
	}
}

// laceup race --help, laceup help race and each subcommand's --help print
// the race help; the top help lists the command.
func TestRaceHelp(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"help", "race"}, {"race", "--help"}, {"race", "-h"}, {"race", "add", "--help"},
		{"race", "list", "-h"}, {"race", "remove", "--help"}} {
		r := laceup(t, home, nil, args...)
		if r.code != 0 || r.stdout != raceHelp {
			t.Errorf("laceup %v: exit %d, %q, %q", args, r.code, r.stdout, r.stderr)
		}
	}
	top := laceup(t, home, nil, "--help").stdout
	if !strings.Contains(top, "  race      add, list or remove the races you are training for\n") {
		t.Errorf("--help lacks race:\n%s", top)
	}
	for _, w := range []string{"race add YYYY-MM-DD [--name TEXT]", "race list [--json]", "race remove YYYY-MM-DD", "days_to_go"} {
		if !strings.Contains(raceHelp, w) {
			t.Errorf("race help lacks %q", w)
		}
	}
	if r := laceup(t, home, nil, "rcae"); r.code != 2 || !strings.Contains(r.stderr, `did you mean "race"?`) {
		t.Errorf("laceup rcae: exit %d, %q", r.code, r.stderr)
	}
}

// Adding a race again without --name keeps its name (as checkin keeps the
// answers left out); --name "" clears it; a stray argument is named.
func TestRaceAddKeepsTheName(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "journal.db")
	d := day(18)
	for _, args := range [][]string{{"race", "add", d, "--name", "Boston"}, {"race", "add", d}} {
		if r := laceup(t, home, nil, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	if r := laceup(t, home, nil, "--db", db, "race", "list"); !strings.Contains(r.stdout, "Boston") {
		t.Errorf("race add without --name erased the name:\n%s", r.stdout)
	}
	if r := laceup(t, home, nil, "--db", db, "race", "add", d, "--name", ""); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := laceup(t, home, nil, "--db", db, "race", "list"); strings.Contains(r.stdout, "Boston") {
		t.Errorf("--name \"\" kept the name:\n%s", r.stdout)
	}
	if r := laceup(t, home, nil, "--db", db, "race", "add", d, "extra"); r.code != 2 || !strings.Contains(r.stderr, `unexpected argument "extra"`) {
		t.Errorf("race add D extra: exit %d, %q", r.code, r.stderr)
	}
}
