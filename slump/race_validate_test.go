package slump

import (
	"errors"
	"strings"
	"testing"
)

func TestRaceValidate(t *testing.T) {
	day := NewDate(2027, 4, 19)
	for _, tt := range []struct {
		name  string
		race  Race
		field string // "" when valid
		msg   string
	}{
		{"named", Race{Date: day, Name: "Boston"}, "", ""},
		{"no name", Race{Date: day}, "", ""},
		{"first day", Race{Date: EarliestDay()}, "", ""},
		{"last day", Race{Date: NewDate(9999, 12, 31)}, "", ""},
		{"80 characters", Race{Date: day, Name: strings.Repeat("é", 80)}, "", ""},
		{"no date", Race{Name: "Boston"}, FieldDate, "date: must be a date in the form YYYY-MM-DD"},
		{"before 1900", Race{Date: NewDate(1899, 12, 31)}, FieldDate,
			"date: must be a day from 1900-01-01 to 9999-12-31 in the form YYYY-MM-DD (got 1899-12-31)"},
		{"81 characters", Race{Date: day, Name: strings.Repeat("é", 81)}, FieldRaceName,
			"name: must be at most 80 characters (got 81 characters)"},
		{"bad UTF-8", Race{Date: day, Name: "Bost\xffon"}, FieldRaceName, "name: must be valid UTF-8 text"},
		{"escape", Race{Date: day, Name: "Bo\x1b[2J"}, FieldRaceName,
			"name: must be text without control characters (a new line, a tab, an escape) (got U+001B at character 3)"},
		{"tab", Race{Date: day, Name: "a\tb"}, FieldRaceName, "U+0009"},
		{"NUL", Race{Date: day, Name: "a\x00"}, FieldRaceName, "U+0000"},
		{"bidi", Race{Date: day, Name: "\u202eBoston"}, FieldRaceName, "U+202E at character 1"},
		{"line separator", Race{Date: day, Name: "a\u2028b"}, FieldRaceName, "U+2028"},
	} {
		err := tt.race.Validate()
		var fe *FieldError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v, want valid", tt.name, err)
		case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.msg)):
			t.Errorf("%s: %v, want a *FieldError for %s saying %q", tt.name, err, tt.field, tt.msg)
		}
	}
}

func TestParseRaceDate(t *testing.T) {
	for _, s := range []string{"2027-04-19", " 2027-04-19 ", "1900-01-01", "9999-12-31", "2020-02-29"} {
		if _, err := ParseRaceDate(s); err != nil {
			t.Errorf("ParseRaceDate(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"", "soon", "today", "2027-4-19", "2027-02-29", "1899-12-31", "0000-01-01", "10000-01-01", "2027-04-19T00:00"} {
		d, err := ParseRaceDate(s)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldDate || !strings.Contains(err.Error(), "from 1900-01-01 to 9999-12-31") || !d.IsZero() {
			t.Errorf("ParseRaceDate(%q) = %v, %v; want a *FieldError naming the range", s, d, err)
		}
	}
}
