package slump

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// FieldKind is how an answer is written as text.
type FieldKind int

const (
	WholeNumber FieldKind = iota // "4": ParseInt
	Hours                        // "7.5" or "7,5": ParseSleep
	Text                         // anything: the note
	Choice                       // one of Values: the day type
)

// Field is one answer of a check-in: the one table that the command line,
// the form and both import formats read answers as text with.
type Field struct {
	Name     string    // as in the database columns, the JSON keys and messages: "sleep_hours"
	Flag     string    // the command-line flag, without dashes: "sleep"
	Kind     FieldKind // how it is written
	Min, Max int       // the range; for Text, Max is the most characters
	Optional bool      // may be left out
	Range    string    // the range in a few words, for help and usage: "1-5"
	Values   []string  // for Choice: the values allowed, the first one the default
}

// Fields returns the answers of a check-in in the order they are parsed,
// reported and exported: the four core answers, then the optional ones,
// the newest last (the form asks legs and the day type right after the
// effort). The slice is new on every call.
func Fields() []Field {
	return []Field{
		{Name: FieldMood, Flag: "mood", Kind: WholeNumber, Min: MinMood, Max: MaxMood, Range: "1-5"},
		{Name: FieldMotivation, Flag: "motivation", Kind: WholeNumber, Min: MinMotivation, Max: MaxMotivation, Range: "1-5"},
		{Name: FieldSleepHours, Flag: "sleep", Kind: Hours, Min: MinSleepHours, Max: MaxSleepHours, Range: "hours, 0-24"},
		{Name: FieldEffort, Flag: "effort", Kind: WholeNumber, Min: MinEffort, Max: MaxEffort, Range: "0-10, 0 = rest day"},
		{Name: FieldMinutes, Flag: "minutes", Kind: WholeNumber, Min: MinMinutes, Max: MaxMinutes, Optional: true, Range: "0-1440"},
		{Name: FieldSleepQuality, Flag: "sleep-quality", Kind: WholeNumber, Min: MinSleepQuality, Max: MaxSleepQuality, Optional: true, Range: "1-5"},
		{Name: FieldNote, Flag: "note", Kind: Text, Max: MaxNoteRunes, Optional: true, Range: "text"},
		{Name: FieldLegs, Flag: "legs", Kind: WholeNumber, Min: MinLegs, Max: MaxLegs, Optional: true, Range: "1-5"},
		{Name: FieldDayType, Flag: "day-type", Kind: Choice, Optional: true, Range: "normal, sick, injured, travel or race",
			Values: []string{string(DayNormal), string(DaySick), string(DayInjured), string(DayTravel), string(DayRace)}},
	}
}

// FieldNamed returns the field of the given name, and false if there is
// none.
func FieldNamed(name string) (Field, bool) {
	for _, f := range Fields() {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Want says what the field accepts, as every message about it says it: "a
// whole number from 1 to 5".
func (f Field) Want() string {
	switch f.Kind {
	case Hours:
		return fmt.Sprintf("hours from %d to %d, like 7.5 or 7:30", f.Min, f.Max)
	case Text:
		return fmt.Sprintf("at most %d characters", f.Max)
	case Choice:
		return "one of " + strings.Join(f.Values[:len(f.Values)-1], ", ") + " or " + f.Values[len(f.Values)-1]
	}
	return fmt.Sprintf("a whole number from %d to %d", f.Min, f.Max)
}

// ParseNumber reads the answer of a WholeNumber or Hours field as typed and
// checks its range: ParseInt or ParseSleep.
func (f Field) ParseNumber(s string) (float64, error) {
	if f.Kind == Hours {
		return ParseSleep(s)
	}
	v, err := ParseInt(f.Name, s, f.Min, f.Max)
	return float64(v), err
}

// Answer is one field's answer as it was given.
type Answer struct {
	Text  string // the answer as text: "4", "7.5", a note
	Given bool   // false: the field was left out
	// Shown is how a message shows what was given, when that is not Text
	// quoted: `9` for a JSON number, `nothing: the key is missing`.
	Shown string
}

// ParseCheckin builds the check-in of date from its answers as text, field
// by field in the order of Fields, and validates it against today (see
// Validate). It is the one place where text becomes a check-in: the command
// line, the form and the import formats differ only in where the answers
// come from.
//
// answer is called once for each field, in order; an error it returns (a
// format's own, such as a JSON string where a number belongs) is returned
// as it is. A required field left out is a *FieldError; an optional one
// left out or answered "" is absent (a note is never absent: it is the text
// given, or ""); blank space is not "" (a cell or a form answer is trimmed
// by its reader: --minutes " " is a mistake the command line reports).
// Numbers are read as ParseInt and ParseSleep read them, blank space around
// them ignored; the note is taken exactly as given. Every other
// problem is the *FieldError of the first wrong field, whose Got is
// Answer.Shown when that is set.
func ParseCheckin(date, today Date, answer func(Field) (Answer, error)) (Checkin, error) {
	c := Checkin{Date: date}
	for _, f := range Fields() {
		a, err := answer(f)
		if err != nil {
			return Checkin{}, err
		}
		if err := f.set(&c, a); err != nil {
			var fe *FieldError
			if a.Shown != "" && errors.As(err, &fe) {
				fe.Got = a.Shown
			}
			return Checkin{}, err
		}
	}
	if err := c.Validate(today); err != nil {
		return Checkin{}, err
	}
	return c, nil
}

// ParseAnswers is ParseCheckin with the answers in a map by field name; a
// field not in the map is left out.
func ParseAnswers(date, today Date, answers map[string]string) (Checkin, error) {
	return ParseCheckin(date, today, func(f Field) (Answer, error) {
		s, ok := answers[f.Name]
		return Answer{Text: s, Given: ok}, nil
	})
}

// set stores the answer a of field f in c.
func (f Field) set(c *Checkin, a Answer) error {
	if !a.Given {
		if f.Optional {
			return nil
		}
		return &FieldError{Field: f.Name, Got: a.Shown, Want: f.Want()}
	}
	if f.Kind == Text {
		c.Note = a.Text
		return nil
	}
	if f.Optional && a.Text == "" {
		return nil
	}
	if f.Kind == Choice {
		v := strings.ToLower(strings.TrimSpace(a.Text))
		if !slices.Contains(f.Values, v) {
			return &FieldError{Field: f.Name, Got: strconv.Quote(a.Text), Want: f.Want()}
		}
		c.DayType = DayType(v)
		if c.DayType == DayNormal {
			c.DayType = "" // the zero value is a normal day: one way to say it
		}
		return nil
	}
	v, err := f.ParseNumber(a.Text)
	if err != nil {
		return err
	}
	switch f.Name {
	case FieldMood:
		c.Mood = int(v)
	case FieldMotivation:
		c.Motivation = int(v)
	case FieldSleepHours:
		c.SleepHours = v
	case FieldEffort:
		c.Effort = int(v)
	case FieldMinutes:
		c.Minutes = Int(int(v))
	case FieldSleepQuality:
		c.SleepQuality = Int(int(v))
	case FieldLegs:
		c.Legs = Int(int(v))
	}
	return nil
}

// AnswersOf returns the answers of c as text, by field name, the way
// ParseAnswers reads them: an absent optional answer is not in the map, and
// neither is an empty note.
func AnswersOf(c Checkin) map[string]string {
	a := map[string]string{
		FieldMood:       strconv.Itoa(c.Mood),
		FieldMotivation: strconv.Itoa(c.Motivation),
		FieldSleepHours: FormatHours(c.SleepHours),
		FieldEffort:     strconv.Itoa(c.Effort),
	}
	if c.Minutes != nil {
		a[FieldMinutes] = strconv.Itoa(*c.Minutes)
	}
	if c.SleepQuality != nil {
		a[FieldSleepQuality] = strconv.Itoa(*c.SleepQuality)
	}
	if c.Note != "" {
		a[FieldNote] = c.Note
	}
	if c.Legs != nil {
		a[FieldLegs] = strconv.Itoa(*c.Legs)
	}
	if t := c.DayType.Of(); t != DayNormal {
		a[FieldDayType] = string(t)
	}
	return a
}

// FormatHours writes hours in their shortest form: 7, 7.5, 7.25 (never an
// exponent in 0-24, and never "-0"), as ParseSleep reads them back.
func FormatHours(h float64) string {
	if h == 0 {
		h = 0 // -0 becomes 0
	}
	return strconv.FormatFloat(h, 'f', -1, 64)
}
