package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// exchangeToday is the "today" of the exchange tests: 2026-03-15.
var exchangeToday = slump.NewDate(2026, time.March, 15)

// hostileNote holds what would act on a terminal printed raw: an OSC
// sequence, the C1 CSI, a bidi override and isolate, a zero-width space and
// the line separator, between new lines and tabs.
const hostileNote = "\x1b]0;pwned\x07 \u009b31m\n\t\u202eevil\u202c \u2066iso\u2069 zero\u200bwidth \u2028 DEL \x7f\t"

// richCheckins returns check-ins, oldest first, with every kind of value an
// export must carry through unchanged.
func richCheckins() []slump.Checkin {
	notes := []string{
		"",
		"easy, then 6x400m",
		`she said "go", so I went`,
		"line one\nline two\n\nline four",
		"windows\r\nline end, and a lone\rcarriage return",
		"trailing carriage return\r",
		"🏃‍♀️ 10 km — café ☕ 日本語 عربى",
		"\ttabbed\tcells\t",
		"  leading and trailing spaces  ",
		" ",
		`\.`,
		`"`,
		",",
		`""`,
		"<b>&amp;</b> \u2028 \u2029 \ufeff",
		"=1+2",
		"\x1b[31mred\x1b[0m and a bell \a",
		hostileNote,
		`back\slash \u0041 not an escape`,
		strings.Repeat("é", slump.MaxNoteRunes),
		"\n",
	}
	sleeps := []float64{0, 24, 7.25, 7.5, 7, 0.01, 23.99, 6.1, 8.33}
	first := exchangeToday.AddDays(-(len(notes) - 1))
	cs := make([]slump.Checkin, len(notes))
	for i, note := range notes {
		c := slump.Checkin{
			Date:       first.AddDays(i),
			Mood:       slump.MinMood + i%slump.MaxMood,
			Motivation: slump.MaxMotivation - i%slump.MaxMotivation,
			SleepHours: sleeps[i%len(sleeps)],
			Effort:     i % (slump.MaxEffort + 1),
			Note:       note,
		}
		switch i % 4 {
		case 1:
			c.Minutes = slump.Int(0)
		case 2:
			c.Minutes, c.SleepQuality = slump.Int(slump.MaxMinutes), slump.Int(slump.MinSleepQuality)
		case 3:
			c.SleepQuality = slump.Int(slump.MaxSleepQuality)
		}
		if i%3 == 0 {
			c.Legs = slump.Int(slump.MinLegs + i%slump.MaxLegs)
		}
		c.DayType = []slump.DayType{"", slump.DaySick, slump.DayInjured, slump.DayTravel, slump.DayRace}[i%5]
		cs[i] = c
	}
	return cs
}

// sameCheckins reports how got differs from want, or "" when it does not.
func sameCheckins(got, want []slump.Checkin) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d check-ins, want %d", len(got), len(want))
	}
	for i := range got {
		if g, w := describeCheckin(got[i]), describeCheckin(want[i]); g != w {
			return fmt.Sprintf("check-in %d:\n got %s\nwant %s", i, g, w)
		}
	}
	return ""
}

func describeCheckin(c slump.Checkin) string {
	opt := func(v *int) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("{%s mood %d motivation %d sleep %v (signbit %v) effort %d minutes %s quality %s note %q}",
		c.Date, c.Mood, c.Motivation, c.SleepHours, math.Signbit(c.SleepHours), c.Effort,
		opt(c.Minutes), opt(c.SleepQuality), c.Note)
}

type exchangeFormat struct {
	name  string
	write func(*bytes.Buffer, []slump.Checkin) error
	read  func([]byte, slump.Date) ([]slump.Checkin, error)
}

func exchangeFormats() []exchangeFormat {
	return []exchangeFormat{
		{"CSV", func(b *bytes.Buffer, cs []slump.Checkin) error { return WriteCSV(b, cs) },
			func(data []byte, today slump.Date) ([]slump.Checkin, error) {
				return ReadCSV(bytes.NewReader(data), today)
			}},
		{"JSON", func(b *bytes.Buffer, cs []slump.Checkin) error { return WriteJSON(b, cs) },
			func(data []byte, today slump.Date) ([]slump.Checkin, error) {
				return ReadJSON(bytes.NewReader(data), today)
			}},
	}
}

func TestWriteCSV(t *testing.T) {
	cs := []slump.Checkin{
		{Date: slump.NewDate(2026, time.March, 14), Mood: 3, Motivation: 4, SleepHours: 7.5, Effort: 6,
			Minutes: slump.Int(45), SleepQuality: slump.Int(4), Note: `tempo, "felt good"`},
		{Date: slump.NewDate(2026, time.March, 15), Mood: 2, Motivation: 2, SleepHours: 7, Effort: 0, Legs: slump.Int(2), DayType: slump.DaySick},
		{Date: slump.NewDate(2026, time.March, 16), Mood: 2, Motivation: 2, SleepHours: math.Copysign(0, -1), Effort: 0,
			Minutes: slump.Int(0), Note: "two\nlines", Legs: slump.Int(5), DayType: slump.DayRace},
	}
	want := CSVHeader + "\n" +
		`2026-03-14,3,4,7.5,6,45,4,"tempo, ""felt good""",,normal,` + "\n" +
		"2026-03-15,2,2,7,0,,,,2,sick,\n" +
		"2026-03-16,2,2,0,0,0,,\"two\nlines\",5,race,\n"
	var b bytes.Buffer
	if err := WriteCSV(&b, cs); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("WriteCSV:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	if err := WriteCSV(&b, nil); err != nil || b.String() != CSVHeader+"\n" {
		t.Errorf("WriteCSV(nil) = %q, %v; want the header line only", b.String(), err)
	}
}

func TestWriteJSON(t *testing.T) {
	cs := []slump.Checkin{
		{Date: slump.NewDate(2026, time.March, 14), Mood: 3, Motivation: 4, SleepHours: 7.5, Effort: 6,
			Minutes: slump.Int(45), SleepQuality: slump.Int(4), Note: "tempo, \"felt good\" <3 & more\n\ttab"},
		{Date: slump.NewDate(2026, time.March, 15), Mood: 2, Motivation: 2, SleepHours: 7, Effort: 0, Legs: slump.Int(1), DayType: slump.DayTravel},
	}
	want := `[
  {
    "date": "2026-03-14",
    "mood": 3,
    "motivation": 4,
    "sleep_hours": 7.5,
    "effort": 6,
    "minutes": 45,
    "sleep_quality": 4,
    "note": "tempo, \"felt good\" <3 & more\n\ttab",
    "legs": null,
    "day_type": "normal",
    "updated_at": null
  },
  {
    "date": "2026-03-15",
    "mood": 2,
    "motivation": 2,
    "sleep_hours": 7,
    "effort": 0,
    "minutes": null,
    "sleep_quality": null,
    "note": "",
    "legs": 1,
    "day_type": "travel",
    "updated_at": null
  }
]
`
	var b bytes.Buffer
	if err := WriteJSON(&b, cs); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("WriteJSON:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	if err := WriteJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("WriteJSON(nil) = %q, %v; want []", b.String(), err)
	}
}

// TestWriteJSONEscapesHostileText: the JSON export writes no character that
// could act on a terminal, and still reads back as the exact note.
func TestWriteJSONEscapesHostileText(t *testing.T) {
	cs := []slump.Checkin{{Date: exchangeToday, Mood: 3, Motivation: 3, SleepHours: 7, Effort: 3, Note: hostileNote}}
	var b bytes.Buffer
	if err := WriteJSON(&b, cs); err != nil {
		t.Fatal(err)
	}
	want := `"note": "\u001b]0;pwned\u0007 \u009b31m\n\t\u202eevil\u202c \u2066iso\u2069 zero\u200bwidth \u2028 DEL \u007f\t",`
	if !strings.Contains(b.String(), want) {
		t.Errorf("WriteJSON:\n%s\nwant the line %s", b.String(), want)
	}
	for _, r := range strings.TrimSuffix(b.String(), "\n") {
		if r != '\n' && (slump.TerminalControl(r) || r == '\u200b') {
			t.Errorf("WriteJSON wrote %U raw", r)
		}
	}
	got, err := ReadJSON(&b, exchangeToday)
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameCheckins(got, cs); diff != "" {
		t.Error(diff)
	}
}

// TestRoundTrip: export, import, export again gives the same bytes and the
// same check-ins, in both formats and across them.
func TestRoundTrip(t *testing.T) {
	rich := richCheckins()
	for _, c := range rich {
		if err := c.Validate(exchangeToday); err != nil {
			t.Fatalf("the rich set is not valid: %v", err)
		}
	}
	exports := map[string][]byte{}
	for _, f := range exchangeFormats() {
		t.Run(f.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := f.write(&first, rich); err != nil {
				t.Fatal(err)
			}
			got, err := f.read(first.Bytes(), exchangeToday)
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			if diff := sameCheckins(got, rich); diff != "" {
				t.Fatalf("import of the export: %s", diff)
			}
			if err := f.write(&second, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("export, import, export is not byte-identical:\n%q\n%q", first.Bytes(), second.Bytes())
			}
			exports[f.name] = first.Bytes()
		})
	}

	// Through the other format and back.
	fromCSV, err := ReadCSV(bytes.NewReader(exports["CSV"]), exchangeToday)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, fromCSV); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), exports["JSON"]) {
		t.Errorf("CSV import exported as JSON differs from the JSON export")
	}
}

func TestReadInAnyOrder(t *testing.T) {
	rich := richCheckins()
	shuffled := slices.Clone(rich)
	for i := range shuffled { // a fixed permutation: odd days first, backwards
		j := (i*7 + 3) % len(shuffled)
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	slices.Reverse(shuffled)
	for _, f := range exchangeFormats() {
		var b bytes.Buffer
		if err := f.write(&b, shuffled); err != nil {
			t.Fatal(err)
		}
		got, err := f.read(b.Bytes(), exchangeToday)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if diff := sameCheckins(got, rich); diff != "" {
			t.Errorf("%s: not sorted oldest first: %s", f.name, diff)
		}
	}
}

func TestReadCSVTolerates(t *testing.T) {
	day := slump.NewDate(2026, time.March, 14)
	want := []slump.Checkin{
		{Date: day.AddDays(-1), Mood: 2, Motivation: 3, SleepHours: 7.5, Effort: 0},
		{Date: day, Mood: 3, Motivation: 4, SleepHours: 6.25, Effort: 6, Minutes: slump.Int(45), SleepQuality: slump.Int(4),
			Note: "two\nlines, \"quoted\""},
	}
	lf := CSVHeaderV1 + "\n" +
		"2026-03-13,2,3,7.5,0,,,\n" +
		"2026-03-14,3,4,6.25,6,45,4,\"two\nlines, \"\"quoted\"\"\"\n"
	tests := []struct {
		name string
		in   string
		want []slump.Checkin
	}{
		{"LF line ends", lf, want},
		{"no final line end", strings.TrimSuffix(lf, "\n"), want},
		{"a UTF-8 BOM", utf8BOM + lf, want},
		{"CRLF line ends, LF in the note", strings.ReplaceAll(strings.ReplaceAll(lf, "\n", "\r\n"), "two\r\n", "two\n"), want},
		{"blank lines", strings.ReplaceAll(lf, "0,,,\n", "0,,,\n\n\r\n\n") + "\n\n", want},
		{"rows in reverse order", CSVHeaderV1 + "\n" +
			"2026-03-14,3,4,6.25,6,45,4,\"two\nlines, \"\"quoted\"\"\"\n" +
			"2026-03-13,2,3,7.5,0,,,\n", want},
		{"quoted header and values", `"date","mood","motivation","sleep_hours","effort","minutes","sleep_quality","note"` + "\n" +
			`"2026-03-13","2","3","7.5","0","","",""` + "\n" +
			"2026-03-14,3,4,6.25,6,45,4,\"two\nlines, \"\"quoted\"\"\"\n", want},
		{"spaces around values, as the command line allows", CSVHeaderV1 + "\n" +
			" 2026-03-13 , 2 ,3 , 7.5,0 ,  , ,\n" +
			"2026-03-14,3,4,6.25,6,45,4,\"two\nlines, \"\"quoted\"\"\"\n", want},
		{"a decimal comma and more than hundredths", CSVHeaderV1 + "\n" +
			"2026-03-13,2,3,\"7,5\",0,,,\n" +
			"2026-03-14,3,4,6.254,6,45,4,\"two\nlines, \"\"quoted\"\"\"\n", want},
		{"the header only", CSVHeaderV1 + "\n", []slump.Checkin{}},
		{"the header only, no line end", CSVHeaderV1, []slump.Checkin{}},
		{"notes kept exactly, CRLF inside quotes included", CSVHeaderV1 + "\r\n" +
			"2026-03-13,2,3,7.5,0,,,  unquoted leading spaces\t\r\n" +
			"2026-03-14,3,4,6.25,6,45,4,\"crlf\r\ninside\rquotes\r\"\r\n",
			[]slump.Checkin{
				{Date: day.AddDays(-1), Mood: 2, Motivation: 3, SleepHours: 7.5, Effort: 0, Note: "  unquoted leading spaces\t"},
				{Date: day, Mood: 3, Motivation: 4, SleepHours: 6.25, Effort: 6, Minutes: slump.Int(45), SleepQuality: slump.Int(4),
					Note: "crlf\r\ninside\rquotes\r"},
			}},
		{"today, sleep 0 and 24", CSVHeaderV1 + "\n2026-03-15,1,1,0,0,,,\n2026-03-14,5,5,24,10,1440,5,\n",
			[]slump.Checkin{
				{Date: day, Mood: 5, Motivation: 5, SleepHours: 24, Effort: 10, Minutes: slump.Int(1440), SleepQuality: slump.Int(5)},
				{Date: exchangeToday, Mood: 1, Motivation: 1, SleepHours: 0, Effort: 0},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCSV(strings.NewReader(tc.in), exchangeToday)
			if err != nil {
				t.Fatalf("ReadCSV: %v", err)
			}
			if got == nil {
				t.Errorf("ReadCSV returned nil, want an empty slice")
			}
			if diff := sameCheckins(got, tc.want); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// csvFile is a CSV export with the given rows after the header.
func csvFile(rows ...string) string {
	return CSVHeaderV1 + "\n" + strings.Join(rows, "\n") + "\n"
}

const okRow = "2026-03-14,3,4,7.5,6,45,4,ok"

// csvRow is okRow with cell i replaced.
func csvRow(i int, cell string) string {
	cells := strings.Split(okRow, ",")
	cells[i] = cell
	return strings.Join(cells, ",")
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		line  int
		field string // the *slump.FieldError's field, "" when the error is not about one field
		want  string // the whole message, or a part of it when it starts with "…"
	}{
		{"an empty file", "", 1, "", "line 1: the file is empty; the first line must be the header " + CSVHeader},
		{"an empty first line", "\n" + csvFile(okRow), 1, "", "…must be the header " + CSVHeader + ", not an empty line"},
		{"no header", okRow + "\n", 1, "",
			`line 1: the header is missing: the first line must be ` + CSVHeader + ` (got "` + okRow + `")`},
		{"another header", "date,mood\n", 1, "",
			`line 1: the header lacks motivation, sleep_hours, effort; the columns are ` + CSVHeader + `, the first five needed, the others optional, in any order (got "date,mood")`},
		{"an unknown column", "date,mood,motivation,sleep_hours,effort,pace\n", 1, "", `…a column laceup does not know, "pace"`},
		{"a column twice", "date,mood,motivation,sleep_hours,effort,mood\n", 1, "", "…the column mood twice"},

		{"mood 9", csvFile(csvRow(1, "9")), 2, slump.FieldMood, `line 2: mood: must be a whole number from 1 to 5 (got "9")`},
		{"mood 0", csvFile(csvRow(1, "0")), 2, slump.FieldMood, `line 2: mood: must be a whole number from 1 to 5 (got "0")`},
		{"mood empty", csvFile(csvRow(1, "")), 2, slump.FieldMood, `line 2: mood: must be a whole number from 1 to 5 (got "")`},
		{"mood 3.5", csvFile(csvRow(1, "3.5")), 2, slump.FieldMood, `line 2: mood: must be a whole number from 1 to 5 (got "3.5")`},
		{"mood +3", csvFile(csvRow(1, "+3")), 2, slump.FieldMood, `…(got "+3")`},
		{"a long mood", csvFile(csvRow(1, strings.Repeat("x", 100))), 2, slump.FieldMood,
			`line 2: mood: must be a whole number from 1 to 5 (got "` + strings.Repeat("x", maxCell) + `…")`},
		{"motivation 6", csvFile(csvRow(2, "6")), 2, slump.FieldMotivation, `line 2: motivation: must be a whole number from 1 to 5 (got "6")`},
		{"sleep 24.5", csvFile(csvRow(3, "24.5")), 2, slump.FieldSleepHours,
			`line 2: sleep: must be hours from 0 to 24, like 7.5 or 7:30 (got "24.5")`},
		{"sleep -1", csvFile(csvRow(3, "-1")), 2, slump.FieldSleepHours, `…(got "-1")`},
		{"sleep 1e1", csvFile(csvRow(3, "1e1")), 2, slump.FieldSleepHours, `…(got "1e1")`},
		{"sleep empty", csvFile(csvRow(3, "")), 2, slump.FieldSleepHours, `…(got "")`},
		{"effort 11", csvFile(csvRow(4, "11")), 2, slump.FieldEffort, `line 2: effort: must be a whole number from 0 to 10 (got "11")`},
		{"effort -1", csvFile(csvRow(4, "-1")), 2, slump.FieldEffort, `…from 0 to 10 (got "-1")`},
		{"minutes 1441", csvFile(csvRow(5, "1441")), 2, slump.FieldMinutes, `line 2: minutes: must be a whole number from 0 to 1440 (got "1441")`},
		{"minutes abc", csvFile(csvRow(5, "abc")), 2, slump.FieldMinutes, `…(got "abc")`},
		{"sleep quality 6", csvFile(csvRow(6, "6")), 2, slump.FieldSleepQuality, `line 2: sleep quality: must be a whole number from 1 to 5 (got "6")`},
		{"sleep quality 0", csvFile(csvRow(6, "0")), 2, slump.FieldSleepQuality, `…(got "0")`},

		{"date empty", csvFile(csvRow(0, "")), 2, slump.FieldDate, `line 2: date: must be a date in the form YYYY-MM-DD (got "")`},
		{"an impossible date", csvFile(csvRow(0, "2026-02-30")), 2, slump.FieldDate, `…(got "2026-02-30")`},
		{"a European date", csvFile(csvRow(0, "14/03/2026")), 2, slump.FieldDate, `…(got "14/03/2026")`},
		{"today as a word", csvFile(csvRow(0, "today")), 2, slump.FieldDate, `…(got "today")`},
		{"the zero date", csvFile(csvRow(0, "0001-01-01")), 2, slump.FieldDate, `…(got 0001-01-01)`},
		{"the day after tomorrow", csvFile(csvRow(0, "2026-03-17")), 2, slump.FieldDate,
			`line 2: date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got 2026-03-17)`},
		{"no header, an old date", "1899-12-31,3,4,7.5,6,45,4,ok\n", 1, "", "line 1: the header is missing…"},

		{"a NUL byte in the note", csvFile(csvRow(7, "ab\x00c")), 2, slump.FieldNote,
			`line 2: note: must be text without NUL bytes (got a NUL byte at character 3)`},
		{"invalid UTF-8 in the note", csvFile(csvRow(7, "caf\xe9")), 2, slump.FieldNote, `line 2: note: must be valid UTF-8 text`},
		{"a note of 2001 characters", csvFile(csvRow(7, strings.Repeat("é", slump.MaxNoteRunes+1))), 2, slump.FieldNote,
			`line 2: note: must be at most 2000 characters (got 2001 characters)`},

		{"7 fields", csvFile("2026-03-14,3,4,7.5,6,45,4"), 2, "", "line 2: has 7 fields, want 8 (" + CSVHeaderV1 + ")…"},
		{"an unquoted comma in the note", csvFile(csvRow(7, "easy, slow")), 2, "", "…has 9 fields, want 8"},
		{"one field", csvFile(okRow, "x"), 3, "", "…has 1 field, want 8"},
		{"no closing quote", csvFile(okRow, csvRow(7, "\"never\nclosed")), 3, "",
			"line 3: a quoted field starts here and has no closing quote"},
		{"a quote inside an unquoted note", csvFile(csvRow(7, `say "hi"`)), 2, "", "…a quote in a field that does not start with one"},
		{"text after a closing quote", csvFile(csvRow(7, `"hi" there`)), 2, "", `…' ' after the closing quote of a field`},
		{"text after a closing quote, lines later", csvFile(csvRow(7, "\"a\nb\nc\"d")), 4, "", `line 4: 'd' after the closing quote…`},

		{"a duplicate date", csvFile(okRow, csvRow(0, "2026-03-13"), csvRow(0, " 2026-03-14")), 4, "",
			"line 4: date: 2026-03-14 is also on line 2; a day has at most one check-in"},
		{"the first bad row is reported", csvFile(okRow, csvRow(1, "9"), csvRow(4, "11")), 3, slump.FieldMood, "…mood"},
		{"lines counted across notes with line breaks", csvFile(
			csvRow(7, "\"one\ntwo\nthree\""), csvRow(0, "2026-03-13")+",\"x\ny\"", csvRow(1, "0")), 5, "", "line 5: has 9 fields…"},
		{"lines counted across notes with line breaks, one field wrong", csvFile(
			csvRow(7, "\"one\ntwo\nthree\""), "", csvRow(0, "2026-03-12"), csvRow(1, "0")), 7, slump.FieldMood, "line 7: mood…"},
		{"lines counted with CRLF line ends", strings.ReplaceAll(csvFile(okRow, "", csvRow(0, "2026-03-10"), csvRow(2, "0")), "\n", "\r\n"),
			5, slump.FieldMotivation, "line 5: motivation…"},
		{"lines counted after a BOM", utf8BOM + csvFile(csvRow(2, "0")), 2, slump.FieldMotivation, "line 2: motivation…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCSV(strings.NewReader(tc.in), exchangeToday)
			if got != nil {
				t.Errorf("ReadCSV returned %d check-ins with the error, want none", len(got))
			}
			checkRowError(t, err, tc.line, -1, tc.field, tc.want)
		})
	}
}

// checkRowError checks that err is a *RowError at line or index, for field
// (when not ""), with the message want: the whole message, or the part after
// "…" when want starts with it, or the part before "…" when it ends with it.
func checkRowError(t *testing.T, err error, line, index int, field, want string) {
	t.Helper()
	var re *RowError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%slump.T), want a *RowError", err, err)
	}
	if re.Line != line || re.Index != index {
		t.Errorf("line %d, index %d; want line %d, index %d (%v)", re.Line, re.Index, line, index, err)
	}
	var fe *slump.FieldError
	switch {
	case field != "" && !errors.As(err, &fe):
		t.Errorf("error %v does not wrap a *slump.FieldError, want one for %s", err, field)
	case field != "" && fe.Field != field:
		t.Errorf("error %v is about %s, want %s", err, fe.Field, field)
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(want, "…"):
		if !strings.Contains(msg, strings.TrimPrefix(want, "…")) {
			t.Errorf("message %q\ndoes not contain %q", msg, strings.TrimPrefix(want, "…"))
		}
	case strings.HasSuffix(want, "…"):
		if !strings.HasPrefix(msg, strings.TrimSuffix(want, "…")) {
			t.Errorf("message %q\ndoes not start with %q", msg, strings.TrimSuffix(want, "…"))
		}
	case msg != want:
		t.Errorf("message %q\n         want %q", msg, want)
	}
}

// jsonEntry is a valid JSON entry for 2026-03-14 changed by the key-value
// pairs: a key's value replaced (or added at the end), or the key left out
// when the value is "".
func jsonEntry(kv ...string) string {
	keys := []string{"date", "mood", "motivation", "sleep_hours", "effort"}
	vals := map[string]string{"date": `"2026-03-14"`, "mood": "3", "motivation": "4", "sleep_hours": "7.5", "effort": "6"}
	for i := 0; i < len(kv); i += 2 {
		if _, ok := vals[kv[i]]; !ok {
			keys = append(keys, kv[i])
		}
		vals[kv[i]] = kv[i+1]
	}
	var parts []string
	for _, k := range keys {
		if vals[k] != "" {
			parts = append(parts, fmt.Sprintf("%q: %s", k, vals[k]))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func jsonFile(entries ...string) string {
	return "[\n" + strings.Join(entries, ",\n") + "\n]\n"
}

func TestReadJSONValues(t *testing.T) {
	day := slump.NewDate(2026, time.March, 14)
	base := slump.Checkin{Date: day, Mood: 3, Motivation: 4, SleepHours: 7.5, Effort: 6}
	with := func(change func(*slump.Checkin)) []slump.Checkin {
		c := base
		change(&c)
		return []slump.Checkin{c}
	}
	tests := []struct {
		name string
		in   string
		want []slump.Checkin
	}{
		{"required keys only", jsonFile(jsonEntry()), []slump.Checkin{base}},
		{"optional values null", jsonFile(jsonEntry("minutes", "null", "sleep_quality", "null", "note", "null")), []slump.Checkin{base}},
		{"empty note", jsonFile(jsonEntry("note", `""`)), []slump.Checkin{base}},
		{"optional values set", jsonFile(jsonEntry("minutes", "0", "sleep_quality", "5", "note", `"x"`)),
			with(func(c *slump.Checkin) { c.Minutes, c.SleepQuality, c.Note = slump.Int(0), slump.Int(5), "x" })},
		{"whole numbers written as decimals", jsonFile(jsonEntry("mood", "3.0", "effort", "6e0", "minutes", "4.5e1")),
			with(func(c *slump.Checkin) { c.Minutes = slump.Int(45) })},
		{"minutes -0", jsonFile(jsonEntry("minutes", "-0")), with(func(c *slump.Checkin) { c.Minutes = slump.Int(0) })},
		{"sleep rounded to the hundredth", jsonFile(jsonEntry("sleep_hours", "7.254")), with(func(c *slump.Checkin) { c.SleepHours = 7.25 })},
		{"sleep with an exponent", jsonFile(jsonEntry("sleep_hours", "75e-1")), []slump.Checkin{base}},
		{"sleep -0", jsonFile(jsonEntry("sleep_hours", "-0.0")), with(func(c *slump.Checkin) { c.SleepHours = 0 })},
		{"sleep underflowing to 0", jsonFile(jsonEntry("sleep_hours", "1e-400")), with(func(c *slump.Checkin) { c.SleepHours = 0 })},
		{"sleep just under 24", jsonFile(jsonEntry("sleep_hours", "23.999")), with(func(c *slump.Checkin) { c.SleepHours = 24 })},
		{"keys in another order", `[{"effort": 6, "note": "n", "sleep_hours": 7.5, "motivation": 4, "mood": 3, "date": "2026-03-14"}]`,
			with(func(c *slump.Checkin) { c.Note = "n" })},
		{"an escaped key", `[{"date": "2026-03-14", "mo\u006fd": 3, "motivation": 4, "sleep_hours": 7.5, "effort": 6}]`, []slump.Checkin{base}},
		{"escapes in the note", jsonFile(jsonEntry("note", `"\ud83c\udfc3 \u00e9\t\r\n\"\\ud800 \u2028 \/"`)),
			with(func(c *slump.Checkin) { c.Note = "🏃 é\t\r\n\"\\ud800 \u2028 /" })},
		{"an escaped NUL is not the only escape", jsonFile(jsonEntry("note", `"\\u0000"`)),
			with(func(c *slump.Checkin) { c.Note = `\u0000` })},
		{"a BOM and CRLF line ends", utf8BOM + strings.ReplaceAll(jsonFile(jsonEntry()), "\n", "\r\n"), []slump.Checkin{base}},
		{"an empty array", "[]", []slump.Checkin{}},
		{"in any order", jsonFile(jsonEntry("date", `"2026-03-15"`), jsonEntry("date", `"2026-03-13"`), jsonEntry()),
			[]slump.Checkin{
				{Date: day.AddDays(-1), Mood: 3, Motivation: 4, SleepHours: 7.5, Effort: 6},
				base,
				{Date: day.AddDays(1), Mood: 3, Motivation: 4, SleepHours: 7.5, Effort: 6},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadJSON(strings.NewReader(tc.in), exchangeToday)
			if err != nil {
				t.Fatalf("ReadJSON: %v", err)
			}
			if diff := sameCheckins(got, tc.want); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestReadJSONErrors(t *testing.T) {
	long := `"` + strings.Repeat("x", 100) + `"`
	tests := []struct {
		name  string
		in    string
		index int
		field string
		want  string // as in TestReadCSVErrors
	}{
		{"an empty file", "", -1, "", `the file must be a JSON array of check-ins ([{"date": "2026-03-15", ...}, ...]), and it is empty`},
		{"blank space only", " \n", -1, "", "…and it is empty"},
		{"an object", jsonEntry(), -1, "", "the file must be a JSON array of check-ins…"},
		{"an object, named", jsonEntry(), -1, "", "…, not an object"},
		{"null", "null", -1, "", "…, not null"},
		{"a CSV file", csvFile(okRow), -1, "", "invalid JSON at line 1, column 1: invalid character 'd' looking for beginning of value"},
		{"an array not closed", "[" + jsonEntry(), -1, "", "invalid JSON: the file ends before the array is closed"},
		{"a second array", "[]\n[]", -1, "", "…an array after the array, at line 2"},
		{"data after the array", "[] x", -1, "", "…invalid JSON at line 1, column 4: invalid character 'x'"},

		{"a syntax error in the second entry", jsonFile(jsonEntry(), `{"date": "2026-03-13", "mood": 3,, }`), 1, "",
			"entry 2 (index 1): invalid JSON at line 3, column 34: invalid character ','…"},
		{"a missing comma between entries", jsonFile(jsonEntry() + " " + jsonEntry("date", `"2026-03-13"`)), 1, "",
			"…invalid character '{' after array element"},
		{"an entry that is a number", "[1]", 0, "",
			"entry 1 (index 0): must be an object with the keys date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type, updated_at, deleted, not a number"},
		{"an entry that is an array", "[[]]", 0, "", "…, not an array"},
		{"an unknown key", jsonFile(jsonEntry("moood", "3")), 0, "",
			`entry 1 (index 0): unknown key "moood"; the keys are date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, legs, day_type, updated_at, deleted`},
		{"a key in capitals", jsonFile(jsonEntry("slump.Mood", "3")), 0, "", `…unknown key "slump.Mood"`},
		{"a key twice", `[{"mood": 3, "mood": 3}]`, 0, "", `entry 1 (index 0): the key "mood" appears twice`},

		{"mood 9", jsonFile(jsonEntry("mood", "9")), 0, slump.FieldMood, `entry 1 (index 0): mood: must be a whole number from 1 to 5 (got 9)`},
		{"mood missing", jsonFile(jsonEntry("mood", "")), 0, slump.FieldMood,
			`entry 1 (index 0): mood: must be a whole number from 1 to 5 (got nothing: the key is missing)`},
		{"mood null", jsonFile(jsonEntry("mood", "null")), 0, slump.FieldMood, `…(got null)`},
		{"mood 3.5", jsonFile(jsonEntry("mood", "3.5")), 0, slump.FieldMood, `…(got 3.5)`},
		{"mood as a string", jsonFile(jsonEntry("mood", `"3"`)), 0, slump.FieldMood,
			`entry 1 (index 0): mood: must be a whole number from 1 to 5, written as a JSON number (without quotes) (got "3")`},
		{"mood true", jsonFile(jsonEntry("mood", "true")), 0, slump.FieldMood, `…(got true)`},
		{"mood an object", jsonFile(jsonEntry("mood", `{"v": 3}`)), 0, slump.FieldMood, `…(got {"v": 3})`},
		{"mood huge", jsonFile(jsonEntry("mood", "1e400")), 0, slump.FieldMood, `…(got 1e400)`},
		{"mood a long number", jsonFile(jsonEntry("mood", strings.Repeat("9", 100))), 0, slump.FieldMood,
			`…(got ` + strings.Repeat("9", maxCell) + `…)`},
		{"motivation 0", jsonFile(jsonEntry("motivation", "0")), 0, slump.FieldMotivation, `…motivation: must be a whole number from 1 to 5 (got 0)`},
		{"motivation missing", jsonFile(jsonEntry("motivation", "")), 0, slump.FieldMotivation, `…the key is missing)`},
		{"sleep 24.01", jsonFile(jsonEntry("sleep_hours", "24.01")), 0, slump.FieldSleepHours,
			`entry 1 (index 0): sleep_hours: must be hours from 0 to 24, like 7.5 or 7:30 (got 24.01)`},
		{"sleep -0.001", jsonFile(jsonEntry("sleep_hours", "-0.001")), 0, slump.FieldSleepHours, `…(got -0.001)`},
		{"sleep as a string", jsonFile(jsonEntry("sleep_hours", `"7.5"`)), 0, slump.FieldSleepHours, `…written as a JSON number (without quotes) (got "7.5")`},
		{"sleep null", jsonFile(jsonEntry("sleep_hours", "null")), 0, slump.FieldSleepHours, `…(got null)`},
		{"sleep missing", jsonFile(jsonEntry("sleep_hours", "")), 0, slump.FieldSleepHours, `…the key is missing)`},
		{"effort 10.5", jsonFile(jsonEntry("effort", "10.5")), 0, slump.FieldEffort, `…effort: must be a whole number from 0 to 10 (got 10.5)`},
		{"effort missing", jsonFile(jsonEntry("effort", "")), 0, slump.FieldEffort, `…the key is missing)`},
		{"minutes 1441", jsonFile(jsonEntry("minutes", "1441")), 0, slump.FieldMinutes, `…minutes: must be a whole number from 0 to 1440 (got 1441)`},
		{"minutes 45.5", jsonFile(jsonEntry("minutes", "45.5")), 0, slump.FieldMinutes, `…(got 45.5)`},
		{"minutes as a string", jsonFile(jsonEntry("minutes", `""`)), 0, slump.FieldMinutes, `…(got "")`},
		{"sleep quality -0", jsonFile(jsonEntry("sleep_quality", "-0")), 0, slump.FieldSleepQuality, `…(got -0)`},

		{"date missing", jsonFile(jsonEntry("date", "")), 0, slump.FieldDate,
			`entry 1 (index 0): date: must be a date in the form "YYYY-MM-DD" (got nothing: the key is missing)`},
		{"date a number", jsonFile(jsonEntry("date", "20260314")), 0, slump.FieldDate, `…(got 20260314)`},
		{"date null", jsonFile(jsonEntry("date", "null")), 0, slump.FieldDate, `…(got null)`},
		{"date too long", jsonFile(jsonEntry("date", long)), 0, slump.FieldDate, `…(got "xxx`},
		{"date without zeros", jsonFile(jsonEntry("date", `"2026-3-14"`)), 0, slump.FieldDate,
			`entry 1 (index 0): date: must be a date in the form YYYY-MM-DD (got "2026-3-14")`},
		{"the day after tomorrow", jsonFile(jsonEntry("date", `"2026-03-17"`)), 0, slump.FieldDate,
			`entry 1 (index 0): date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got 2026-03-17)`},

		{"note a number", jsonFile(jsonEntry("note", "5")), 0, slump.FieldNote, `entry 1 (index 0): note: must be text (a JSON string) or null (got 5)`},
		{"note an escaped NUL", jsonFile(jsonEntry("note", `"ab\u0000"`)), 0, slump.FieldNote,
			`entry 1 (index 0): note: must be text without NUL bytes (got a NUL byte at character 3)`},
		{"note invalid UTF-8", jsonFile(jsonEntry("note", "\"caf\xe9\"")), 0, slump.FieldNote, `entry 1 (index 0): note: must be valid UTF-8 text`},
		{"note a lone high surrogate", jsonFile(jsonEntry("note", `"a\ud83c b"`)), 0, slump.FieldNote,
			`entry 1 (index 0): note: must be valid Unicode text, without a lone surrogate escape ("\ud800") (got \ud83c)`},
		{"note a lone low surrogate", jsonFile(jsonEntry("note", `"\\\udfc3"`)), 0, slump.FieldNote, `…(got \udfc3)`},
		{"note two high surrogates", jsonFile(jsonEntry("note", `"\ud83c\ud83c\udfc3"`)), 0, slump.FieldNote, `…(got \ud83c)`},
		{"note of 2001 characters", jsonFile(jsonEntry("note", `"`+strings.Repeat("é", slump.MaxNoteRunes+1)+`"`)), 0, slump.FieldNote,
			`…note: must be at most 2000 characters (got 2001 characters)`},

		{"a duplicate date", jsonFile(jsonEntry(), jsonEntry("date", `"2026-03-13"`), jsonEntry("date", `" 2026-03-14"`)), 2, "",
			"entry 3 (index 2): date: 2026-03-14 is also in entry 1 (index 0); a day has at most one check-in"},
		{"the first bad entry is reported", jsonFile(jsonEntry(), jsonEntry("mood", "0"), jsonEntry("effort", "11")), 1, slump.FieldMood, "…mood"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadJSON(strings.NewReader(tc.in), exchangeToday)
			if got != nil {
				t.Errorf("ReadJSON returned %d check-ins with the error, want none", len(got))
			}
			checkRowError(t, err, 0, tc.index, tc.field, tc.want)
		})
	}
}

// TestReadDateRange: both formats take a day from 1900-01-01 to tomorrow
// (a check-in exported east of here, where it was already tomorrow) and
// refuse every other in slump.CheckDay's words, as the command line does.
func TestReadDateRange(t *testing.T) {
	const want = "date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got %s)"
	tests := []struct {
		date string
		ok   bool
	}{
		{"0000-01-01", false},
		{"0001-01-01", false}, // the zero Date
		{"1899-12-31", false},
		{"1900-01-01", true},
		{"2026-03-15", true}, // today
		{"2026-03-16", true}, // tomorrow
		{"2026-03-17", false},
		{"9999-12-31", false},
	}
	for _, tc := range tests {
		for _, format := range []string{"csv", "json"} {
			in := csvFile(csvRow(0, tc.date))
			if format == "json" {
				in = jsonFile(jsonEntry("date", `"`+tc.date+`"`))
			}
			got, err := Read([]byte(in), format, false, exchangeToday)
			if tc.ok {
				if err != nil || len(got) != 1 || got[0].Date.String() != tc.date {
					t.Errorf("%s %s: %v, %v", format, tc.date, got, err)
				}
				continue
			}
			var fe *slump.FieldError
			if !errors.As(err, &fe) || fe.Error() != fmt.Sprintf(want, tc.date) || got != nil {
				t.Errorf("%s %s: %v, want %q", format, tc.date, err, fmt.Sprintf(want, tc.date))
			}
		}
	}
}

// failingReader fails on every read.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadFailure(t *testing.T) {
	for _, f := range []func() error{
		func() error { _, err := ReadCSV(failingReader{}, exchangeToday); return err },
		func() error { _, err := ReadJSON(failingReader{}, exchangeToday); return err },
	} {
		err := f()
		var re *RowError
		if err == nil || errors.As(err, &re) || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("error %v, want the read error, not a *RowError", err)
		}
	}
}

func TestRowErrorMessage(t *testing.T) {
	fe := &slump.FieldError{Field: slump.FieldMood, Got: `"9"`, Want: "a whole number from 1 to 5"}
	tests := []struct {
		err  *RowError
		want string
	}{
		{&RowError{Line: 12, Index: -1, Err: fe}, `line 12: mood: must be a whole number from 1 to 5 (got "9")`},
		{&RowError{Index: 0, Err: fe}, `entry 1 (index 0): mood: must be a whole number from 1 to 5 (got "9")`},
		{&RowError{Index: 41, Err: fe}, `entry 42 (index 41): mood: must be a whole number from 1 to 5 (got "9")`},
		{&RowError{Index: -1, Err: errors.New("not an array")}, `not an array`},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, tc.err.Err) {
			t.Errorf("errors.Is(%v, its Err) = false", tc.err)
		}
	}
}

// tenYears returns 3650 consecutive daily check-ins ending on exchangeToday,
// every optional field used, a note with a comma and quotes every third day.
func tenYears() []slump.Checkin {
	const days = 3650
	first := exchangeToday.AddDays(-(days - 1))
	cs := make([]slump.Checkin, days)
	for i := range cs {
		c := slump.Checkin{Date: first.AddDays(i), Mood: 1 + i%5, Motivation: 1 + (i/3)%5,
			SleepHours: 5 + float64(i%17)/4, Effort: i % 11}
		if i%4 != 0 {
			c.Minutes = slump.Int(20 + i%120)
		}
		if i%5 != 0 {
			c.SleepQuality = slump.Int(1 + (i/2)%5)
		}
		if i%3 == 0 {
			c.Note = fmt.Sprintf(`day %d: easy, "conversational" pace, legs fine`, i)
		}
		if i%3 == 0 {
			c.Legs = slump.Int(slump.MinLegs + i%slump.MaxLegs)
		}
		c.DayType = []slump.DayType{"", slump.DaySick, slump.DayInjured, slump.DayTravel, slump.DayRace}[i%5]
		cs[i] = c
	}
	return cs
}

func BenchmarkReadCSV10Years(b *testing.B) {
	var file bytes.Buffer
	if err := WriteCSV(&file, tenYears()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(file.Len()))
	b.ReportAllocs()
	for b.Loop() {
		cs, err := ReadCSV(bytes.NewReader(file.Bytes()), exchangeToday)
		if err != nil || len(cs) != 3650 {
			b.Fatalf("ReadCSV: %d check-ins, %v", len(cs), err)
		}
	}
}

func BenchmarkReadJSON10Years(b *testing.B) {
	var file bytes.Buffer
	if err := WriteJSON(&file, tenYears()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(file.Len()))
	b.ReportAllocs()
	for b.Loop() {
		cs, err := ReadJSON(bytes.NewReader(file.Bytes()), exchangeToday)
		if err != nil || len(cs) != 3650 {
			b.Fatalf("ReadJSON: %d check-ins, %v", len(cs), err)
		}
	}
}

func BenchmarkWriteCSV10Years(b *testing.B) {
	cs := tenYears()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(&bytes.Buffer{}, cs); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ name, path, want, err string }{
		{"", "", "csv", ""},
		{"", "journal.JSON", "json", ""},
		{"", "journal.csv", "csv", ""},
		{"", "journal.txt", "csv", ""},
		{" Json ", "journal.csv", "json", ""},
		{"  ", "journal.json", "json", ""},
		{"xml", "journal.csv", "", `format: must be csv or json (got "xml")`},
	}
	for _, tt := range tests {
		got, err := Format(tt.name, tt.path)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("Format(%q, %q) = %q, %v; want %q, %q", tt.name, tt.path, got, err, tt.want, tt.err)
		}
	}
}

func TestRead(t *testing.T) {
	var csvOut, jsonOut bytes.Buffer
	rich := richCheckins()
	if err := WriteCSV(&csvOut, rich); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&jsonOut, rich); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		data   []byte
		format string
		sniff  bool
		ok     bool
	}{
		{csvOut.Bytes(), "csv", true, true},
		{jsonOut.Bytes(), "json", false, true},
		{jsonOut.Bytes(), "csv", true, true},   // a .csv name, JSON inside
		{jsonOut.Bytes(), "csv", false, false}, // --format csv was said: read as CSV, refused
	} {
		got, err := Read(tt.data, tt.format, tt.sniff, exchangeToday)
		if ok := err == nil && sameCheckins(got, rich) == ""; ok != tt.ok {
			t.Errorf("Read(%s, sniff %v): %v, %v; want ok %v", tt.format, tt.sniff, sameCheckins(got, rich), err, tt.ok)
		}
	}
}

// The header is the date and the fields of the one table, in order.
func TestHeaderIsTheFieldTable(t *testing.T) {
	if got := strings.Join(keys(), ","); got != CSVHeader {
		t.Errorf("keys() = %s, CSVHeader = %s", got, CSVHeader)
	}
}

// Legs and the day type go out and come back in both formats; an export of
// laceup before them (8 columns, or JSON without the keys) still imports.
func TestLegsAndDayType(t *testing.T) {
	csvFile := strings.TrimSuffix(CSVHeader, ",updated_at") + "\n" +
		"2026-03-10,3,3,7,0,,,,,\n" + // no legs, no day type: a normal day
		"2026-03-11,2,2,9,0,,,flu,1,sick\n" +
		"2026-03-12,4,4,5.5,3,40,,,4, Travel \n" +
		"2026-03-13,5,5,8,9,200,,,5,race\n"
	got, err := ReadCSV(strings.NewReader(csvFile), exchangeToday)
	want := []slump.Checkin{
		{Date: slump.NewDate(2026, 3, 10), Mood: 3, Motivation: 3, SleepHours: 7},
		{Date: slump.NewDate(2026, 3, 11), Mood: 2, Motivation: 2, SleepHours: 9, Note: "flu", Legs: slump.Int(1), DayType: slump.DaySick},
		{Date: slump.NewDate(2026, 3, 12), Mood: 4, Motivation: 4, SleepHours: 5.5, Effort: 3, Minutes: slump.Int(40), Legs: slump.Int(4), DayType: slump.DayTravel},
		{Date: slump.NewDate(2026, 3, 13), Mood: 5, Motivation: 5, SleepHours: 8, Effort: 9, Minutes: slump.Int(200), Legs: slump.Int(5), DayType: slump.DayRace},
	}
	if err != nil || sameCheckins(got, want) != "" {
		t.Fatalf("ReadCSV: %v %s", err, sameCheckins(got, want))
	}
	jsonFile := `[{"date":"2026-03-10","mood":3,"motivation":3,"sleep_hours":7,"effort":0},
		{"date":"2026-03-11","mood":2,"motivation":2,"sleep_hours":9,"effort":0,"note":"flu","legs":1,"day_type":"sick"},
		{"date":"2026-03-12","mood":4,"motivation":4,"sleep_hours":5.5,"effort":3,"minutes":40,"legs":4.0,"day_type":"travel"},
		{"date":"2026-03-13","mood":5,"motivation":5,"sleep_hours":8,"effort":9,"minutes":200,"legs":5,"day_type":"race","sleep_quality":null}]`
	if got, err := ReadJSON(strings.NewReader(jsonFile), exchangeToday); err != nil || sameCheckins(got, want) != "" {
		t.Fatalf("ReadJSON: %v %s", err, sameCheckins(got, want))
	}
	old := CSVHeaderV1 + "\n2026-03-10,3,3,7,0,,,\n"
	if got, err := ReadCSV(strings.NewReader(old), exchangeToday); err != nil || sameCheckins(got, want[:1]) != "" {
		t.Errorf("an 8-column export: %v %s", err, sameCheckins(got, want[:1]))
	}
	for _, tt := range []struct{ file, want string }{
		{CSVHeader + "\n2026-03-10,3,3,7,0,,,,6,,\n", `line 2: legs: must be a whole number from 1 to 5 (got "6")`},
		{CSVHeader + "\n2026-03-10,3,3,7,0,,,,,flu,\n", `line 2: day type: must be one of normal, sick, injured, travel or race (got "flu")`},
		{CSVHeader + "\n2026-03-10,3,3,7,0,,,\n", "line 2: has 8 fields, want 11 (" + CSVHeader + ")"},
		{`[{"date":"2026-03-10","mood":3,"motivation":3,"sleep_hours":7,"effort":0,"day_type":1}]`,
			"entry 1 (index 0): day_type: must be one of normal, sick, injured, travel or race, written as a JSON string (got 1)"},
		{`[{"date":"2026-03-10","mood":3,"motivation":3,"sleep_hours":7,"effort":0,"legs":"2"}]`,
			`entry 1 (index 0): legs: must be a whole number from 1 to 5, written as a JSON number (without quotes) (got "2")`},
	} {
		_, err := Read([]byte(tt.file), "csv", true, exchangeToday)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Read(%q) = %v, want %q", tt.file, err, tt.want)
		}
	}
}

// TestReadCSVOptionalColumns: a CSV file reads its columns by name, as
// JSON reads keys: the optional ones may be left out, the columns may come
// in any order, and a spreadsheet's " Mood" or "DATE" is mood and date.
func TestReadCSVOptionalColumns(t *testing.T) {
	today := slump.NewDate(2026, 3, 20)
	tests := []struct {
		name, in string
		want     slump.Checkin
	}{
		{"core columns only", "date,mood,motivation,sleep_hours,effort\n2026-03-10,4,3,7.5,6\n",
			slump.Checkin{Date: slump.NewDate(2026, 3, 10), Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6}},
		{"any order, some optional", "effort,legs,date,note,sleep_hours,motivation,mood\n6,2,2026-03-10,tempo,7:30,3,4\n",
			slump.Checkin{Date: slump.NewDate(2026, 3, 10), Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6, Legs: slump.Int(2), Note: "tempo"}},
		{"a spreadsheet's header", "Date, Mood, Motivation, Sleep_Hours, EFFORT\n2026-03-10,4,3,7.5,6\n",
			slump.Checkin{Date: slump.NewDate(2026, 3, 10), Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCSV(strings.NewReader(tt.in), today)
			if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], tt.want) {
				t.Errorf("ReadCSV = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
