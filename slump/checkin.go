package slump

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Checkin is one day of the journal: the runner's answers for that calendar
// day. There is at most one check-in per Date; checking in again edits it.
type Checkin struct {
	Date       Date
	Mood       int     // 1 awful ... 5 great
	Motivation int     // 1 lacing up feels daunting ... 5 can't wait to run
	SleepHours float64 // last night's sleep, 0-24
	Effort     int     // CR-10 perceived effort of the day's training; 0 = complete rest day

	Minutes      *int   // optional: training time that day, 0-1440
	SleepQuality *int   // optional: 1 awful ... 5 great
	Note         string // optional: free text, at most MaxNoteRunes characters

	// Legs is how the legs felt (optional): 1 heavy and flat, easy paces
	// felt hard ... 5 a pop in my legs. The article's third sign of a slump.
	Legs *int
	// DayType says what kind of day it was: DaySick, DayInjured, DayTravel,
	// DayRace, or a normal day: the zero value, "", which every reader
	// gives for "normal" (DayType.Of says DayNormal).
	DayType DayType

	// Sessions are the day's training sessions imported from a watch or an
	// app: not the runner's answers, and never written by a check-in or
	// an import of check-ins. When rated, they refine the day's load and
	// hard efforts (see Training).
	Sessions []Session
}

// DayType is what kind of day a check-in is. The meter reads a sick or
// injured day as rest and leaves it out of the runner's usual, a race as a
// hard effort, and a travel day's short night as travel's, not a habit.
type DayType string

// The day types. They are part of laceup's interface (the day_type column
// and key, --day-type): never rename one.
const (
	DayNormal  DayType = "normal"
	DaySick    DayType = "sick"
	DayInjured DayType = "injured"
	DayTravel  DayType = "travel"
	DayRace    DayType = "race"
)

// DayTypes returns every day type, in the order the form offers them.
func DayTypes() []DayType { return []DayType{DayNormal, DaySick, DayInjured, DayTravel, DayRace} }

// Of returns the day type, DayNormal for the zero value.
func (t DayType) Of() DayType {
	if t == "" {
		return DayNormal
	}
	return t
}

// Unwell reports whether the day is sick or injured: it counts as rest, and
// it tells nothing of the runner's usual mood, motivation, legs or sleep.
func (t DayType) Unwell() bool { return t == DaySick || t == DayInjured }

// The allowed range of every field. The command line, the form and the store
// all validate against these, so a message reads the same everywhere.
const (
	MinMood, MaxMood                 = 1, 5
	MinMotivation, MaxMotivation     = 1, 5
	MinSleepHours, MaxSleepHours     = 0, 24
	MinEffort, MaxEffort             = 0, 10
	MinMinutes, MaxMinutes           = 0, 1440
	MinSleepQuality, MaxSleepQuality = 1, 5
	MinLegs, MaxLegs                 = 1, 5
	MaxNoteRunes                     = 2000

	// HardEffort is the lowest effort that counts as a hard effort: 7, "very
	// hard" on Foster's CR-10 scale.
	HardEffort = 7
	// RestEffort is the effort of a complete rest day.
	RestEffort = 0
)

// Field names, as in the database columns and the JSON keys.
const (
	FieldDate         = "date"
	FieldMood         = "mood"
	FieldMotivation   = "motivation"
	FieldSleepHours   = "sleep_hours"
	FieldEffort       = "effort"
	FieldMinutes      = "minutes"
	FieldSleepQuality = "sleep_quality"
	FieldNote         = "note"
	FieldLegs         = "legs"
	FieldDayType      = "day_type"
)

// FieldError says which field of a check-in is wrong and what it accepts.
// Every layer reports bad input with it, so the wording is the same in the
// form, on the command line and in an import.
type FieldError struct {
	Field string // the field name, e.g. "mood"
	Got   string // what was given, as typed
	Want  string // what is allowed, e.g. "a whole number from 1 to 5"
}

// Error names the field as a runner knows it (see Label): "sleep: must be
// hours from 0 to 24, like 7.5 or 7:30 (got "25")".
func (e *FieldError) Error() string { return e.named(Label(e.Field)) }

// KeyError names the field by its key, as a JSON file holds it:
// "sleep_hours: must be ...".
func (e *FieldError) KeyError() string { return e.named(e.Field) }

func (e *FieldError) named(name string) string {
	if e.Got == "" {
		return fmt.Sprintf("%s: must be %s", name, e.Want)
	}
	return fmt.Sprintf("%s: must be %s (got %s)", name, e.Want, e.Got)
}

// Label is the name of a field of a check-in as a runner knows it, in
// messages: "sleep" for sleep_hours, "sleep quality", "day type"; the
// other names (and keys that are not a check-in's, such as a setting's)
// are their own label. Keys stay the names of columns, JSON and settings.
func Label(field string) string {
	switch field {
	case FieldSleepHours:
		return "sleep"
	case FieldSleepQuality:
		return "sleep quality"
	case FieldDayType:
		return "day type"
	}
	return field
}

func rangeError(field string, lo, hi int, got string) *FieldError {
	return &FieldError{Field: field, Got: got, Want: Field{Kind: WholeNumber, Min: lo, Max: hi}.Want()}
}

func sleepError(got string) *FieldError {
	return &FieldError{Field: FieldSleepHours, Got: got, Want: Field{Kind: Hours, Min: MinSleepHours, Max: MaxSleepHours}.Want()}
}

// Validate checks every field against its range and the date as CheckDay
// does: a check-in may be for any day from EarliestDay (1900-01-01) to
// LatestDay(today), tomorrow, one day's grace for time zones. It returns a
// *FieldError for the first field that is wrong; for the zero Date, "no
// date", one that asks for a date.
func (c Checkin) Validate(today Date) error {
	if c.Date.IsZero() {
		return &FieldError{Field: FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	if err := CheckDay(c.Date, today); err != nil {
		return err
	}
	if err := checkInt(FieldMood, c.Mood, MinMood, MaxMood); err != nil {
		return err
	}
	if err := checkInt(FieldMotivation, c.Motivation, MinMotivation, MaxMotivation); err != nil {
		return err
	}
	if math.IsNaN(c.SleepHours) || c.SleepHours < MinSleepHours || c.SleepHours > MaxSleepHours {
		return sleepError(strconv.FormatFloat(c.SleepHours, 'f', -1, 64))
	}
	if err := checkInt(FieldEffort, c.Effort, MinEffort, MaxEffort); err != nil {
		return err
	}
	if c.Minutes != nil {
		if err := checkInt(FieldMinutes, *c.Minutes, MinMinutes, MaxMinutes); err != nil {
			return err
		}
	}
	if c.SleepQuality != nil {
		if err := checkInt(FieldSleepQuality, *c.SleepQuality, MinSleepQuality, MaxSleepQuality); err != nil {
			return err
		}
	}
	if err := checkNote(c.Note); err != nil {
		return err
	}
	if c.Legs != nil {
		if err := checkInt(FieldLegs, *c.Legs, MinLegs, MaxLegs); err != nil {
			return err
		}
	}
	if c.DayType != "" && !slices.Contains(DayTypes(), c.DayType) {
		return dayTypeError(strconv.Quote(string(c.DayType)))
	}
	return nil
}

func dayTypeError(got string) *FieldError {
	f, _ := FieldNamed(FieldDayType)
	return &FieldError{Field: FieldDayType, Got: got, Want: f.Want()}
}

func checkInt(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return rangeError(field, lo, hi, strconv.Itoa(v))
	}
	return nil
}

func checkNote(note string) error {
	if !utf8.ValidString(note) {
		return &FieldError{Field: FieldNote, Want: "valid UTF-8 text"}
	}
	if i := strings.IndexByte(note, 0); i >= 0 {
		return &FieldError{Field: FieldNote, Got: fmt.Sprintf("a NUL byte at character %d", utf8.RuneCountInString(note[:i])+1),
			Want: "text without NUL bytes"}
	}
	if n := utf8.RuneCountInString(note); n > MaxNoteRunes {
		return &FieldError{Field: FieldNote, Got: fmt.Sprintf("%d characters", n),
			Want: Field{Kind: Text, Max: MaxNoteRunes}.Want()}
	}
	return nil
}

// ParseInt reads a whole-number field as typed and checks its range.
func ParseInt(field, s string, lo, hi int) (int, error) {
	s = strings.TrimSpace(s)
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi || strings.HasPrefix(s, "+") {
		return 0, rangeError(field, lo, hi, strconv.Quote(s))
	}
	return v, nil
}

// ParseSleep reads hours of sleep as typed ("7", "7.5", "7,5") and checks
// the range. The value is rounded to the nearest hundredth of an hour.
func ParseSleep(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if h, ok := hoursMinutes(s); ok {
		return h, nil
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "h"), "H")) // "7.5h"
	if !plainDecimal(s) {
		return 0, sleepError(strconv.Quote(s))
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || v < MinSleepHours || v > MaxSleepHours {
		return 0, sleepError(strconv.Quote(s))
	}
	return math.Round(v*100) / 100, nil
}

// hoursMinutes reads sleep written as hours and minutes: "7:30", "7h30",
// "7h30m", "7 h 30", "7h", "7:" (hours 0-24, minutes 0-59), as hours rounded to
// the hundredth (7:20 is 7.33), and reports whether s is in that form and
// in range.
func hoursMinutes(s string) (float64, bool) {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	hours, minutes, ok := strings.Cut(s, ":") // "7:" is 7, as "7." is: half typed
	if !ok {
		hours, minutes, ok = strings.Cut(s, "h")
		minutes = strings.TrimSuffix(minutes, "m")
	}
	if !ok || !allDigits(hours, 1, 2) || (minutes != "" && !allDigits(minutes, 1, 2)) {
		return 0, false
	}
	h, _ := strconv.Atoi(hours)
	m, _ := strconv.Atoi(minutes)
	v := float64(h) + float64(m)/60
	if m > 59 || v > MaxSleepHours {
		return 0, false
	}
	return math.Round(v*100) / 100, true
}

// allDigits reports whether s is from lo to hi ASCII digits.
func allDigits(s string, lo, hi int) bool {
	return len(s) >= lo && len(s) <= hi && strings.Trim(s, "0123456789") == ""
}

// plainDecimal reports whether s is digits with at most one decimal point
// or comma ("7", "7.5", "7,5", ".5"): no sign, exponent, hex or spaces,
// which strconv.ParseFloat would otherwise take.
func plainDecimal(s string) bool {
	digits, points := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// CleanNote normalises a note before it is saved: Windows and old Mac line
// endings become "\n", NUL bytes and other invisible control characters
// (except newline and tab) are dropped, invalid UTF-8 bytes become U+FFFD,
// and surrounding blank space is trimmed. The text itself is kept as written.
func CleanNote(note string) string {
	note = strings.ToValidUTF8(note, "\uFFFD")
	note = strings.ReplaceAll(note, "\r\n", "\n")
	note = strings.ReplaceAll(note, "\r", "\n")
	note = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, note)
	return strings.TrimSpace(note)
}

// Printable returns s made safe to print on a terminal: every character of
// TerminalControl, such as ESC (the start of ANSI and OSC sequences),
// carriage return, C1 controls and bidirectional overrides, is dropped, so a
// note can never move the cursor, change colours, rewrite the screen or
// display reordered. Newlines are kept when keepNewlines is true and
// otherwise become spaces; tabs become spaces; invalid UTF-8 becomes U+FFFD.
func Printable(s string, keepNewlines bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' && keepNewlines:
			return r
		case r == '\n' || r == '\t':
			return ' '
		case TerminalControl(r):
			return -1
		}
		return r
	}, s)
}

// isBidiControl reports the invisible characters that reorder text
// (U+202A-U+202E, U+2066-U+2069), which could make a note display as
// something other than what it holds.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Int returns a pointer to v, for the optional fields of a Checkin.
func Int(v int) *int { return &v }
