package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/demo"
)

// The demo journal over 400 days: the end of 2025 and this year to today.
var yearJournal = demo.Journal(1, 400, today)

func TestYearText(t *testing.T) {
	for _, tt := range []struct {
		name string
		year int
	}{{"this_year", 2026}, {"last_year", 2025}} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			WriteYearText(&b, meter.Year(yearJournal, nil, tt.year, today), today)
			for i, l := range strings.Split(b.String(), "\n") {
				if n := utf8.RuneCountInString(l); n > Width {
					t.Errorf("line %d is %d columns: %q", i+1, n, l)
				}
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestYearJSON(t *testing.T) {
	y := meter.Year(yearJournal, nil, 2026, today)
	var b bytes.Buffer
	if err := WriteYearJSON(&b, y, today); err != nil {
		t.Fatal(err)
	}
	var got YearJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Days) != 329 || got.Days[0].Date != "2026-01-01" || got.Days[328].Date != "2026-11-25" {
		t.Fatalf("%d days, %s to %s; want 1 January to today", len(got.Days), got.Days[0].Date, got.Days[len(got.Days)-1].Date)
	}
	c := got.Counts
	if c.OK+c.Watch+c.Slump+c.Unknown+c.NoCheckin != len(got.Days) {
		t.Errorf("counts %+v do not add up to %d days", c, len(got.Days))
	}
	// The head of the file, as scripts read it.
	b.Truncate(0)
	y.Days = y.Days[:3]
	if err := WriteYearJSON(&b, y, today); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
}

// A day after today is left out unless it has a check-in (dated ahead in
// another time zone); a day too early to read has no score.
func TestYearJSONDays(t *testing.T) {
	tomorrow := today.AddDays(1)
	h := append(append([]slump.Checkin(nil), yearJournal...), slump.Checkin{Date: tomorrow, Mood: 3, Motivation: 3, SleepHours: 7, Effort: 4})
	got := NewYearJSON(meter.Year(h, nil, 2026, today), today)
	if last := got.Days[len(got.Days)-1]; last.Date != tomorrow.String() || last.Level == nil {
		t.Errorf("the last day is %+v, want tomorrow's check-in", last)
	}
	first := NewYearJSON(meter.Year([]slump.Checkin{{Date: today, Mood: 3, Motivation: 3, SleepHours: 7, Effort: 4, DayType: slump.DayRace}}, nil, 2026, today), today)
	d := first.Days[len(first.Days)-1]
	if d.Score != nil || d.Level == nil || *d.Level != "unknown" || d.DayType == nil || *d.DayType != "race" {
		t.Errorf("a first day: %+v, want no score, level unknown, day type race", d)
	}
}

func TestYearWeeks(t *testing.T) {
	for year, want := range map[int]int{2026: 53, 2025: 53, 2023: 53, 2024: 53, 2012: 54, 2040: 54, 2017: 53, 1900: 53} {
		if got := YearWeeks(year); got != want {
			t.Errorf("%d: %d weeks, want %d", year, got, want)
		}
	}
	// Every day of every year lands in a column and on its weekday's row.
	for year := 1900; year <= 2100; year++ {
		from, to := slump.YearSpan(year)
		if YearColumn(year, from) != 0 || YearColumn(year, to) != YearWeeks(year)-1 || YearLabelWidth+YearWeeks(year) > 58 {
			t.Fatalf("%d: columns %d to %d of %d", year, YearColumn(year, from), YearColumn(year, to), YearWeeks(year))
		}
	}
}

// The calendar puts each day on its weekday and in its week's column, and
// a narrow one keeps the weeks asked for, with the month under way named.
func TestYearGrid(t *testing.T) {
	y := meter.Year(yearJournal, nil, 2026, today)
	lines := YearGrid(y, today, YearLayout{Weeks: YearWeeks(2026), Cell: 1}, YearPaint{})
	if len(lines) != 8 || !strings.HasPrefix(lines[0], "    Jan") || !strings.HasPrefix(lines[1], "Mon ") {
		t.Fatalf("calendar:\n%s", strings.Join(lines, "\n"))
	}
	// 1 January 2026 is a Thursday: the first column holds it from Thursday on.
	for row, want := range []string{" ", " ", " ", "·", "·", "·", "·"} {
		if got := string([]rune(lines[row+1])[YearLabelWidth]); got != want && !(want == "·" && got != " ") {
			t.Errorf("row %d, 1st column: %q, want %q", row, got, want)
		}
	}
	// Today, Wednesday 25 November, ends its row; the days after it are blank.
	col := YearColumn(2026, today)
	if wed := []rune(lines[3]); len(wed) != YearLabelWidth+col+1 {
		t.Errorf("Wednesday's row ends at column %d, want today's, %d: %q", len(wed)-YearLabelWidth-1, col, lines[3])
	}
	if thu := []rune(lines[4]); len(thu) != YearLabelWidth+col {
		t.Errorf("Thursday's row runs past today: %q", lines[4])
	}
	// Two columns a day: each marked day shows its level's glyph too.
	wide := strings.Join(YearGrid(y, today, YearLayout{Weeks: YearWeeks(2026), Cell: 2}, YearPaint{}), "\n")
	if !strings.Contains(wide, glyphOK+"R") {
		t.Errorf("two columns a day, no ▂R:\n%s", wide)
	}
	// From column 31 (Monday 3 August): August, then September 4 weeks on.
	narrow := YearGrid(y, today, YearLayout{First: 31, Weeks: 18, Cell: 1}, YearPaint{})
	if !strings.HasPrefix(narrow[0], "    Aug Sep") {
		t.Errorf("from 3 August: months %q, want Aug first", narrow[0])
	}
	for _, l := range narrow {
		if utf8.RuneCountInString(l) > YearLabelWidth+18 {
			t.Errorf("18 weeks drawn wider: %q", l)
		}
	}
}

// Painted, each run of one level is painted once, and no text is lost.
func TestYearGridPaint(t *testing.T) {
	y := meter.Year(yearJournal, nil, 2026, today)
	lay := YearLayout{Weeks: YearWeeks(2026), Cell: 1}
	calls := 0
	paint := YearPaint{
		Level:   func(l slump.Level, s string) string { calls++; return "<" + string(l) + ">" + s + "</>" },
		Missing: func(s string) string { calls++; return "<none>" + s + "</>" },
		Label:   func(s string) string { return s },
	}
	plain := YearGrid(y, today, lay, YearPaint{})
	for i, l := range YearGrid(y, today, lay, paint) {
		stripped := l
		for _, tag := range []string{"<ok>", "<watch>", "<slump>", "<unknown>", "<none>", "</>"} {
			stripped = strings.ReplaceAll(stripped, tag, "")
		}
		if stripped != plain[i] {
			t.Errorf("line %d painted %q, plain %q", i, stripped, plain[i])
		}
	}
	if calls == 0 || calls > 7*YearWeeks(2026)/2 {
		t.Errorf("%d paint calls for %d days: want runs", calls, len(y.Days))
	}
}
