package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/demo"
	"github.com/laceup/laceup/store"
	"github.com/laceup/laceup/tui"
)

type yearOut struct {
	Year int `json:"year"`
	Days []struct {
		Date    string  `json:"date"`
		Score   *int    `json:"score"`
		Level   *string `json:"level"`
		DayType *string `json:"day_type"`
		Race    *string `json:"race"`
	} `json:"days"`
	Counts map[string]int `json:"counts"`
}

// demoYear writes 400 days of the demo journal, to the fixed clock's day,
// and returns its path.
func demoYear(t *testing.T, home string) string {
	t.Helper()
	j := filepath.Join(home, "demo.db")
	if r := laceup(t, home, nil, "demo", "--db", j, "--days", "400"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	return j
}

func yearJSONOf(t *testing.T, home string, args ...string) yearOut {
	t.Helper()
	r := laceup(t, home, nil, append([]string{"year", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("year --json %v: exit %d: %s", args, r.code, r.stderr)
	}
	var y yearOut
	if err := json.Unmarshal([]byte(r.stdout), &y); err != nil {
		t.Fatalf("year --json is not JSON: %v\n%s", err, r.stdout)
	}
	return y
}

// laceup year --json: a day each from 1 January to today, the levels and
// scores of the meter, null for a day without a check-in, and counts that
// add up.
func TestYearJSON(t *testing.T) {
	home := t.TempDir()
	j := demoYear(t, home)
	for _, tt := range []struct {
		args       []string
		year, days int
		last       string
	}{
		{nil, 2026, 329, day(0)},
		{[]string{"--year", "2026"}, 2026, 329, day(0)},
		{[]string{"--year", "2025"}, 2025, 365, "2025-12-31"},
		{[]string{"--year", "2024"}, 2024, 366, "2024-12-31"},
	} {
		y := yearJSONOf(t, home, append([]string{"--db", j}, tt.args...)...)
		if y.Year != tt.year || len(y.Days) != tt.days || y.Days[0].Date != slump.NewDate(tt.year, 1, 1).String() || y.Days[len(y.Days)-1].Date != tt.last {
			t.Fatalf("%v: year %d, %d days, want %d days to %s", tt.args, y.Year, len(y.Days), tt.days, tt.last)
		}
		tally := map[string]int{}
		for _, d := range y.Days {
			switch {
			case d.Level == nil:
				if d.Score != nil || d.DayType != nil {
					t.Errorf("%s: no check-in, yet score %v, day type %v", d.Date, d.Score, d.DayType)
				}
				tally["no_checkin"]++
			case *d.Level == "unknown":
				if d.Score != nil || d.DayType == nil {
					t.Errorf("%s: unknown with score %v, day type %v", d.Date, d.Score, d.DayType)
				}
				tally["unknown"]++
			default:
				if d.Score == nil || d.DayType == nil {
					t.Errorf("%s: %s without a score or a day type", d.Date, *d.Level)
				}
				tally[*d.Level]++
			}
		}
		for _, k := range []string{"ok", "watch", "slump", "unknown", "no_checkin"} {
			if y.Counts[k] != tally[k] {
				t.Errorf("%v: counts[%s] = %d, the days hold %d", tt.args, k, y.Counts[k], tally[k])
			}
		}
	}
	// The demo's 400 days start on 23 October 2025: 2024 is all no check-in;
	// this year reads every level, as the meter does on each day.
	if y := yearJSONOf(t, home, "--db", j, "--year", "2024"); y.Counts["no_checkin"] != 366 {
		t.Errorf("2024: counts %v, want 366 days without a check-in", y.Counts)
	}
	y := yearJSONOf(t, home, "--db", j)
	if y.Counts["ok"] == 0 || y.Counts["slump"] == 0 {
		t.Errorf("2026: counts %v, want ok and slump days", y.Counts)
	}
	for _, i := range []int{0, 40, 200, len(y.Days) - 1} {
		d := y.Days[i]
		m := meterJSONOf(t, home, "--db", j, "--date", d.Date)
		if d.Level == nil || *d.Level != m.Level || (d.Score != nil) != (m.Level != "unknown") || d.Score != nil && *d.Score != *m.Score {
			t.Errorf("%s: year says %v %v, meter %v %s", d.Date, d.Score, d.Level, m.Score, m.Level)
		}
	}
}

// laceup year: the calendar in 80 columns, plain, with the counts.
func TestYearText(t *testing.T) {
	home := t.TempDir()
	j := demoYear(t, home)
	for _, args := range [][]string{{"year"}, {"year", "--year", "2025"}, {"year", "--year", "1900"}} {
		r := laceup(t, home, nil, append([]string{"--db", j}, args...)...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		for i, l := range lines {
			if n := utf8.RuneCountInString(l); n > 79 || strings.ContainsRune(l, '\x1b') {
				t.Errorf("%v: line %d is %d columns or coloured: %q", args, i+1, n, l)
			}
		}
		if len(lines) != 13 || !strings.HasPrefix(lines[0], "Year ") || !strings.HasPrefix(lines[2], "    Jan") ||
			!strings.HasPrefix(lines[3], "Mon ") || !strings.HasPrefix(lines[9], "Sun ") {
			t.Errorf("%v: not a calendar:\n%s", args, r.stdout)
		}
	}
	r := laceup(t, home, nil, "--db", j, "year")
	y := yearJSONOf(t, home, "--db", j)
	for _, want := range []string{"Year 2026 · 1 Jan – 25 Nov 2026", "▂ ok ", "█ slump ", "R rest · S sick · I injured · * race"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("year lacks %q:\n%s", want, r.stdout)
		}
	}
	if c := y.Counts; !strings.Contains(r.stdout, "· no check-in "+itoa(c["no_checkin"])) || !strings.Contains(r.stdout, "▂ ok "+itoa(c["ok"])) {
		t.Errorf("the counts differ from --json's %v:\n%s", c, r.stdout)
	}
}

// A bad --year is exit 2, naming the field and its range, and opens
// nothing; a journal that is not there is exit 1.
func TestYearBadInput(t *testing.T) {
	home := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"year", "--year", "2027"}, `laceup: year: must be a year from 1900 to 2026, this year (got "2027")`},
		{[]string{"year", "--year", "1899"}, `laceup: year: must be a year from 1900 to 2026, this year (got "1899")`},
		{[]string{"year", "--year", "last"}, `laceup: year: must be a year from 1900 to 2026, this year (got "last")`},
		{[]string{"year", "--year", ""}, `laceup: year: must be a year from 1900 to 2026, this year (got "")`},
		{[]string{"year", "2026"}, `laceup: year: unexpected argument "2026"`},
		{[]string{"year", "--week", "2026-W01"}, "--week"},
	} {
		r := laceup(t, home, nil, tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	if r := laceup(t, home, nil, "year"); r.code != 1 || !strings.Contains(r.stderr, "no journal at") {
		t.Errorf("no journal: exit %d, %q", r.code, r.stderr)
	}
	if r := laceup(t, home, nil, "yaer"); r.code != 2 || !strings.Contains(r.stderr, `did you mean "year"?`) {
		t.Errorf("yaer: exit %d, %q", r.code, r.stderr)
	}
}

// laceup year --help, laceup help year and the top help, every line
// within 80 columns.
func TestYearHelp(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"year", "--help"}, {"help", "year"}, {"year", "-h"}} {
		r := laceup(t, home, nil, args...)
		if r.code != 0 || r.stdout != yearHelp {
			t.Errorf("%v: exit %d, %q", args, r.code, r.stdout)
		}
	}
	top := laceup(t, home, nil, "--help").stdout
	if !strings.Contains(top, "  year      the meter of every day of a year, as a calendar or JSON\n") {
		t.Errorf("--help lacks year:\n%s", top)
	}
	for _, text := range []string{yearHelp, top} {
		for _, l := range strings.Split(text, "\n") {
			if utf8.RuneCountInString(l) > 80 {
				t.Errorf("help line over 80 columns: %q", l)
			}
		}
	}
}

// BenchmarkYearScreen is the year screen on a 10-year journal, as
// BenchmarkFirstScreen is the dashboard: open the journal, the dashboard,
// y, load the year and draw it. The year's own part is the difference.
func BenchmarkYearScreen(b *testing.B) {
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
	for b.Loop() {
		s, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		var m tea.Model = tui.New(tui.Options{Journal: s, Path: path, Now: func() time.Time { return now }})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = m.Update(m.Init()())
		m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
		for cmd != nil {
			m, cmd = m.Update(cmd())
		}
		if !strings.Contains(m.View(), "Year 2026") || !strings.Contains(m.View(), "no check-in") {
			b.Fatalf("year screen:\n%s", m.View())
		}
		s.Close()
	}
}

// A race in the races table on a day without a check-in (run, not logged)
// is still a race day of the calendar: * in the grid, its name in the
// JSON; a race on a sick day shows the sick day.
func TestYearRaceWithoutCheckin(t *testing.T) {
	home := t.TempDir()
	for _, d := range []int{-10, -9, -8, -6} {
		if r := laceup(t, home, nil, "checkin", "--date", day(d), "--mood", "4", "--motivation", "4", "--sleep", "8", "--effort", "3"); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	for _, race := range [][]string{{day(-7), "--name", "Parkrun"}, {day(-6)}} {
		if r := laceup(t, home, nil, append([]string{"race", "add"}, race...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	y := yearJSONOf(t, home)
	for _, d := range y.Days {
		switch d.Date {
		case day(-7):
			if d.Race == nil || *d.Race != "Parkrun" || d.Level != nil {
				t.Errorf("the race without a check-in: %+v", d)
			}
		case day(-6):
			if d.Race == nil || *d.Race != "" || d.DayType == nil || *d.DayType != "race" {
				t.Errorf("the race with a check-in: %+v", d)
			}
		case day(-8):
			if d.Race != nil {
				t.Errorf("a day without a race: %+v", d)
			}
		}
	}
	r := laceup(t, home, nil, "year")
	if strings.Count(r.stdout, "*") != 3 { // the two race days and the legend
		t.Errorf("want 2 race marks in the grid:\n%s", r.stdout)
	}
}
