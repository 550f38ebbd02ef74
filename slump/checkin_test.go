package slump

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	today := NewDate(2026, time.March, 15)
	valid := Checkin{Date: today, Mood: 3, Motivation: 3, SleepHours: 7.5, Effort: 4}
	tests := []struct {
		name      string
		change    func(*Checkin)
		wantField string // "" when the check-in is valid
	}{
		{"the base check-in", func(*Checkin) {}, ""},
		{"all optional fields", func(c *Checkin) {
			c.Minutes, c.SleepQuality, c.Note = Int(45), Int(4), "easy 8k"
		}, ""},

		{"no date", func(c *Checkin) { c.Date = Date{} }, FieldDate},
		{"yesterday", func(c *Checkin) { c.Date = today.AddDays(-1) }, ""},
		{"tomorrow: a day's grace for time zones", func(c *Checkin) { c.Date = today.AddDays(1) }, ""},
		{"the day after tomorrow", func(c *Checkin) { c.Date = today.AddDays(2) }, FieldDate},
		{"1900-01-01", func(c *Checkin) { c.Date = NewDate(1900, time.January, 1) }, ""},
		{"1899-12-31", func(c *Checkin) { c.Date = NewDate(1899, time.December, 31) }, FieldDate},
		{"year 0000", func(c *Checkin) { c.Date = NewDate(0, time.January, 1) }, FieldDate},

		{"mood 0", func(c *Checkin) { c.Mood = 0 }, FieldMood},
		{"mood 1", func(c *Checkin) { c.Mood = 1 }, ""},
		{"mood 5", func(c *Checkin) { c.Mood = 5 }, ""},
		{"mood 6", func(c *Checkin) { c.Mood = 6 }, FieldMood},

		{"motivation 0", func(c *Checkin) { c.Motivation = 0 }, FieldMotivation},
		{"motivation 1", func(c *Checkin) { c.Motivation = 1 }, ""},
		{"motivation 5", func(c *Checkin) { c.Motivation = 5 }, ""},
		{"motivation 6", func(c *Checkin) { c.Motivation = 6 }, FieldMotivation},

		{"sleep -0.01", func(c *Checkin) { c.SleepHours = -0.01 }, FieldSleepHours},
		{"sleep 0", func(c *Checkin) { c.SleepHours = 0 }, ""},
		{"sleep 24", func(c *Checkin) { c.SleepHours = 24 }, ""},
		{"sleep 24.01", func(c *Checkin) { c.SleepHours = 24.01 }, FieldSleepHours},
		{"sleep NaN", func(c *Checkin) { c.SleepHours = math.NaN() }, FieldSleepHours},
		{"sleep +Inf", func(c *Checkin) { c.SleepHours = math.Inf(1) }, FieldSleepHours},

		{"effort -1", func(c *Checkin) { c.Effort = -1 }, FieldEffort},
		{"effort 0", func(c *Checkin) { c.Effort = 0 }, ""},
		{"effort 10", func(c *Checkin) { c.Effort = 10 }, ""},
		{"effort 11", func(c *Checkin) { c.Effort = 11 }, FieldEffort},

		{"minutes -1", func(c *Checkin) { c.Minutes = Int(-1) }, FieldMinutes},
		{"minutes 0", func(c *Checkin) { c.Minutes = Int(0) }, ""},
		{"minutes 1440", func(c *Checkin) { c.Minutes = Int(1440) }, ""},
		{"minutes 1441", func(c *Checkin) { c.Minutes = Int(1441) }, FieldMinutes},

		{"sleep quality 0", func(c *Checkin) { c.SleepQuality = Int(0) }, FieldSleepQuality},
		{"sleep quality 1", func(c *Checkin) { c.SleepQuality = Int(1) }, ""},
		{"sleep quality 5", func(c *Checkin) { c.SleepQuality = Int(5) }, ""},
		{"sleep quality 6", func(c *Checkin) { c.SleepQuality = Int(6) }, FieldSleepQuality},

		{"note of 2000 characters", func(c *Checkin) { c.Note = strings.Repeat("é", 2000) }, ""},
		{"note of 2001 characters", func(c *Checkin) { c.Note = strings.Repeat("é", 2001) }, FieldNote},
		{"note with invalid UTF-8", func(c *Checkin) { c.Note = "ok \xff" }, FieldNote},

		{"the first wrong field is reported", func(c *Checkin) { c.Mood, c.Effort = 0, 11 }, FieldMood},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := valid
			tc.change(&c)
			err := c.Validate(today)
			if tc.wantField == "" {
				if err != nil {
					t.Errorf("Validate: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tc.wantField {
				t.Errorf("Validate = %v, want a *FieldError for %s", err, tc.wantField)
			}
		})
	}
}

func TestFieldErrorMessages(t *testing.T) {
	today := NewDate(2026, time.March, 15)
	tests := []struct {
		c    Checkin
		want string
	}{
		{Checkin{Date: today, Mood: 6, Motivation: 3, Effort: 3},
			"mood: must be a whole number from 1 to 5 (got 6)"},
		{Checkin{Date: today.AddDays(2), Mood: 3, Motivation: 3, Effort: 3},
			"date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got 2026-03-17)"},
		{Checkin{Date: NewDate(0, time.January, 1), Mood: 3, Motivation: 3, Effort: 3},
			"date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got 0000-01-01)"},
		{Checkin{Mood: 3, Motivation: 3, Effort: 3},
			"date: must be a date in the form YYYY-MM-DD"},
		{Checkin{Date: today, Mood: 3, Motivation: 3, SleepHours: 25, Effort: 3},
			"sleep: must be hours from 0 to 24, like 7.5 or 7:30 (got 25)"},
	}
	for _, tc := range tests {
		if err := tc.c.Validate(today); err == nil || err.Error() != tc.want {
			t.Errorf("Validate = %v, want %q", err, tc.want)
		}
	}
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{in: "3", want: 3},
		{in: " 5 ", want: 5},
		{in: "1", want: 1},
		{in: "0", wantErr: `mood: must be a whole number from 1 to 5 (got "0")`},
		{in: "6", wantErr: `mood: must be a whole number from 1 to 5 (got "6")`},
		{in: "3.5", wantErr: `mood: must be a whole number from 1 to 5 (got "3.5")`},
		{in: "abc", wantErr: `mood: must be a whole number from 1 to 5 (got "abc")`},
		{in: "", wantErr: `mood: must be a whole number from 1 to 5 (got "")`},
	}
	for _, tc := range tests {
		got, err := ParseInt(FieldMood, tc.in, MinMood, MaxMood)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("ParseInt(%q) = %d, %v; want error %q", tc.in, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseInt(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

func TestParseSleep(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"7", 7},
		{"7.5", 7.5},
		{"7,5", 7.5},
		{" 6.25 ", 6.25},
		{"7.456", 7.46},
		{".5", 0.5},
		{"7.", 7},
		{"0", 0},
		{"24", 24},
		// Hours and minutes, as a watch or a sleep app shows them.
		{"7:30", 7.5},
		{"7h30", 7.5},
		{"7h30m", 7.5},
		{"7 h 30", 7.5},
		{"7H", 7},
		{"7h", 7},
		{"6:45", 6.75},
		{"7:20", 7.33},
		{"0:05", 0.08},
		{"24:00", 24},
		{"7.5h", 7.5},
		{"7,25 h", 7.25},
	}
	for _, tc := range tests {
		if got, err := ParseSleep(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseSleep(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"24.01", "-1", "NaN", "Inf", "seven", "7h60", ":30", "24:01", "25h", "7h30h", "7:3:0", "h30", "7,5,0", "", "0x7p0", "1e1", "+7", "7 .5", ".", "7.5.", "٧"} {
		got, err := ParseSleep(bad)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldSleepHours {
			t.Errorf("ParseSleep(%q) = %v, %v; want a sleep_hours error", bad, got, err)
		}
	}
}

func TestCleanNote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"easy 8k", "easy 8k"},
		{"  legs heavy\n\n", "legs heavy"},
		{"line 1\r\nline 2", "line 1\nline 2"},
		{"line 1\rline 2", "line 1\nline 2"},
		{"tab\tkept", "tab\tkept"},
		{"nul\x00byte", "nulbyte"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"c1\u009bcsi", "c1csi"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"héllo 🏃", "héllo 🏃"},
	}
	for _, tc := range tests {
		if got := CleanNote(tc.in); got != tc.want {
			t.Errorf("CleanNote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct {
		in           string
		keepNewlines bool
		want         string
	}{
		{"plain", false, "plain"},
		{"clear\x1b[2Jscreen", false, "clear[2Jscreen"},             // ESC: CSI sequence
		{"\x1b]0;pwned\x07title", false, "]0;pwnedtitle"},           // ESC: OSC with BEL
		{"\x1b]8;;http://x\x1b\\link", false, "]8;;http://x\\link"}, // OSC 8 with ST
		{"over\rwrite", false, "overwrite"},                         // CR
		{"c1\u009b2Jcsi", false, "c12Jcsi"},                         // C1 CSI, U+009B
		{"raw\x9b2J", false, "raw\uFFFD2J"},                         // byte 0x9b alone is invalid UTF-8
		{"bell\x07", false, "bell"},
		{"a\u2028b\u2029c", false, "abc"},
		{"two\nlines", false, "two lines"},
		{"two\nlines", true, "two\nlines"},
		{"tab\there", true, "tab here"},
		{"héllo 🏃", false, "héllo 🏃"},
		{"evil\u202etxt.exe\u2066x\u2069", false, "eviltxt.exex"}, // bidi overrides
	}
	for _, tc := range tests {
		got := Printable(tc.in, tc.keepNewlines)
		if got != tc.want {
			t.Errorf("Printable(%q, %v) = %q, want %q", tc.in, tc.keepNewlines, got, tc.want)
		}
		if strings.ContainsAny(got, "\x1b\r\x07\u009b") {
			t.Errorf("Printable(%q) = %q still holds a control character", tc.in, got)
		}
	}
}

func TestInt(t *testing.T) {
	p, q := Int(5), Int(5)
	if *p != 5 || p == q {
		t.Errorf("Int(5) = %v, %v: want distinct pointers to 5", p, q)
	}
}

func TestValidateRefusesNUL(t *testing.T) {
	c := Checkin{Date: NewDate(2026, 3, 1), Mood: 3, Motivation: 3, SleepHours: 7, Effort: 2, Note: "ok\x00then"}
	var fe *FieldError
	if err := c.Validate(c.Date); !errors.As(err, &fe) || fe.Field != FieldNote || !strings.Contains(err.Error(), "character 3") {
		t.Errorf("Validate with a NUL byte = %v", err)
	}
	if _, err := ParseDate("0001-01-01"); err == nil {
		t.Error("ParseDate accepts the zero date")
	}
}
