package slump

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Race is a race the runner entered in the journal (laceup race add): a
// day, and a name if they gave one.
type Race struct {
	Date Date
	Name string
}

// MaxRaceNameRunes is the most characters a race's name may have.
const MaxRaceNameRunes = 80

// FieldRaceName is the name of a race as messages name it.
const FieldRaceName = "name"

// Validate checks a race as laceup race add and the store take it: the
// date any day from EarliestDay (1900-01-01) to 9999-12-31, past or future
// (a race is entered months ahead, or afterwards); the name optional, at
// most MaxRaceNameRunes characters of valid UTF-8 without a control
// character (TerminalControl). It returns a *FieldError for "date" or
// "name".
func (r Race) Validate() error {
	if r.Date.IsZero() {
		return &FieldError{Field: FieldDate, Want: "a date in the form YYYY-MM-DD"}
	}
	if r.Date.Before(EarliestDay()) || r.Date.After(lastDay()) {
		return raceDateError(r.Date.String())
	}
	switch {
	case !utf8.ValidString(r.Name):
		return &FieldError{Field: FieldRaceName, Want: "valid UTF-8 text"}
	case utf8.RuneCountInString(r.Name) > MaxRaceNameRunes:
		return &FieldError{Field: FieldRaceName, Got: fmt.Sprintf("%d characters", utf8.RuneCountInString(r.Name)),
			Want: fmt.Sprintf("at most %d characters", MaxRaceNameRunes)}
	}
	if i := strings.IndexFunc(r.Name, TerminalControl); i >= 0 {
		c, _ := utf8.DecodeRuneInString(r.Name[i:])
		return &FieldError{Field: FieldRaceName, Got: fmt.Sprintf("%U at character %d", c, utf8.RuneCountInString(r.Name[:i])+1),
			Want: "text without control characters (a new line, a tab, an escape)"}
	}
	return nil
}

// ParseRaceDate reads the date of a race, YYYY-MM-DD, any day from
// EarliestDay to 9999-12-31; anything else is a *FieldError for "date"
// naming that range.
func ParseRaceDate(s string) (Date, error) {
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, raceDateError(strconv.Quote(s))
	}
	return d, nil
}

func raceDateError(got string) *FieldError {
	return &FieldError{Field: FieldDate, Got: got,
		Want: fmt.Sprintf("a day from %s to %s in the form YYYY-MM-DD", EarliestDay(), lastDay())}
}

// RaceAhead is the next race as of a day: the race, and the days to go
// until it (0 on race day).
type RaceAhead struct {
	Race
	DaysToGo int
}

// NextRace returns the first race on day or after it among races (in any
// order; the earliest, then the first given, wins), nil if there is none.
func NextRace(races []Race, day Date) *RaceAhead {
	var next *Race
	for i := range races {
		r := &races[i]
		if !r.Date.Before(day) && (next == nil || r.Date.Before(next.Date)) {
			next = r
		}
	}
	if next == nil {
		return nil
	}
	return &RaceAhead{Race: *next, DaysToGo: next.Date.DaysSince(day)}
}

// raceOn reports whether races hold one on day d.
func raceOn(races []Race, d Date) bool {
	return slices.ContainsFunc(races, func(r Race) bool { return r.Date == d })
}

// The race rules (design choices, after the taper literature the README
// cites): the taper before a race and the recovery after it.
const (
	taperDays    = 14 // the days before a race whose falling load is the plan (Mujika & Padilla 2003: up to 2 weeks)
	recoveryDays = 7  // the days after a race that expect recovery
)

// MarkRaces returns the check-ins with those on a race's date marked as
// race days (DayRace), as the runner would have with --day-type race, so a
// race entered in the table counts as a hard effort (a day already sick,
// injured or travelling keeps its type). history is not changed.
func MarkRaces(history []Checkin, races []Race) []Checkin {
	if len(races) == 0 {
		return history
	}
	out := slices.Clone(history)
	for i := range out {
		// A day logged as a complete rest day stays one: the race was not run.
		if out[i].DayType.Of() == DayNormal && out[i].Effort != RestEffort && raceOn(races, out[i].Date) {
			out[i].DayType = DayRace
		}
	}
	return out
}

// raceContext adds to a reading what the races around its day mean: in
// the taperDays before a race, falling load and rising form are the plan,
// and when signs appear the tip speaks of the taper (unless the signs call
// for more: the break, a doctor, getting well); in the recoveryDays after a
// race, a hard effort is worth flagging and rest is praised (hints, with no
// points: the score is the meter's own). history holds the check-ins of
// the reading's week at least.
func (m Meter) raceContext(r *Reading, history []Checkin, races []Race) {
	if next := r.NextRace; next != nil && next.DaysToGo >= 1 && next.DaysToGo <= taperDays {
		r.Hints = append(r.Hints, Hint{ID: HintTaper, Detail: fmt.Sprintf(
			"%s in %d %s: a lighter week and a fresher form are the taper, not a warning", raceName(next.Race), next.DaysToGo, dayWord(next.DaysToGo))})
		hasSign := slices.ContainsFunc(r.Signals, func(s Signal) bool { return s.Kind == KindSign && s.Points >= realSign })
		switch r.Tip.ID {
		case TipStepAway, TipSeeAProfessional, TipGetWell, TipEaseBack, TipBeyondTraining, TipKeepCheckingIn:
		default:
			if hasSign {
				r.Tip, _ = tipFor(m.Config(), TipTaper)
			}
		}
	}
	var last *Race // the latest race in the recoveryDays before the day
	for i := range races {
		if d := r.Date.DaysSince(races[i].Date); d >= 1 && d <= recoveryDays && (last == nil || races[i].Date.After(last.Date)) {
			last = &races[i]
		}
	}
	if last == nil {
		return
	}
	hard, rest := 0, 0
	for _, c := range history {
		if c.Date.After(last.Date) && !c.Date.After(r.Date) {
			switch t := c.Training(m.Config()); {
			case t.Hard > 0:
				hard += t.Hard
			case c.Effort == RestEffort || c.DayType.Unwell():
				rest++
			}
		}
	}
	since := r.Date.DaysSince(last.Date)
	if hard > 0 {
		r.Hints = append(r.Hints, Hint{ID: HintHardAfterRace, Detail: fmt.Sprintf(
			"%s in the %d %s since %s: the week after a race is for recovery; keep it easy until your legs feel fresh",
			plural(hard, "hard effort"), since, dayWord(since), raceName(*last))})
	}
	if rest > 0 {
		r.Hints = append(r.Hints, Hint{ID: HintRestAfterRace, Detail: fmt.Sprintf(
			"%s in the %d %s since %s: recovery as planned, well done", plural(rest, "rest day"), since, dayWord(since), raceName(*last))})
	}
}

// raceName names a race in a sentence: its name, or "your race".
func raceName(r Race) string {
	if r.Name == "" {
		return "your race"
	}
	return Printable(r.Name, false)
}

func dayWord(n int) string {
	if n == 1 {
		return "day"
	}
	return "days"
}
