package slump

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// The table of fields agrees with the ranges, the names and the check-in.
func TestFields(t *testing.T) {
	want := []struct {
		name, flag string
		min, max   int
		optional   bool
	}{
		{FieldMood, "mood", MinMood, MaxMood, false},
		{FieldMotivation, "motivation", MinMotivation, MaxMotivation, false},
		{FieldSleepHours, "sleep", MinSleepHours, MaxSleepHours, false},
		{FieldEffort, "effort", MinEffort, MaxEffort, false},
		{FieldMinutes, "minutes", MinMinutes, MaxMinutes, true},
		{FieldSleepQuality, "sleep-quality", MinSleepQuality, MaxSleepQuality, true},
		{FieldNote, "note", 0, MaxNoteRunes, true},
		{FieldLegs, "legs", MinLegs, MaxLegs, true},
		{FieldDayType, "day-type", 0, 0, true},
	}
	fields := Fields()
	if len(fields) != len(want) {
		t.Fatalf("%d fields, want %d", len(fields), len(want))
	}
	for i, f := range fields {
		w := want[i]
		if f.Name != w.name || f.Flag != w.flag || f.Min != w.min || f.Max != w.max || f.Optional != w.optional || f.Range == "" {
			t.Errorf("field %d = %+v, want %+v", i, f, w)
		}
		if got, ok := FieldNamed(f.Name); !ok || !reflect.DeepEqual(got, f) {
			t.Errorf("FieldNamed(%s) = %+v, %v", f.Name, got, ok)
		}
	}
	if _, ok := FieldNamed("pace"); ok {
		t.Error("FieldNamed(pace) found a field")
	}
	wants := map[string]string{
		FieldMood:       "a whole number from 1 to 5",
		FieldSleepHours: "hours from 0 to 24, like 7.5 or 7:30",
		FieldMinutes:    "a whole number from 0 to 1440",
		FieldNote:       "at most 2000 characters",
		FieldLegs:       "a whole number from 1 to 5",
		FieldDayType:    "one of normal, sick, injured, travel or race",
	}
	for name, w := range wants {
		if f, _ := FieldNamed(name); f.Want() != w {
			t.Errorf("%s: Want() = %q, want %q", name, f.Want(), w)
		}
	}
}

func TestParseAnswers(t *testing.T) {
	day := today.AddDays(-1)
	core := func(extra ...string) map[string]string {
		a := map[string]string{FieldMood: "4", FieldMotivation: " 3 ", FieldSleepHours: "7,5", FieldEffort: "6"}
		for i := 0; i+1 < len(extra); i += 2 {
			a[extra[i]] = extra[i+1]
		}
		return a
	}
	tests := []struct {
		name    string
		answers map[string]string
		want    Checkin
		err     string
	}{
		{"the core answers", core(), Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6}, ""},
		{"every answer", core(FieldMinutes, "45", FieldSleepQuality, "4", FieldNote, "  hill reps\n"),
			Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6, Minutes: Int(45), SleepQuality: Int(4), Note: "  hill reps\n"}, ""},
		{"empty optional answers are absent", core(FieldMinutes, "", FieldSleepQuality, ""),
			Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6}, ""},
		{"blank space is not an empty answer", core(FieldMinutes, " "), Checkin{}, `minutes: must be a whole number from 0 to 1440 (got "")`},
		{"sleep to the hundredth", core(FieldSleepHours, "7.125"), Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.13, Effort: 6}, ""},
		{"a required answer left out", map[string]string{FieldMood: "4"}, Checkin{}, "motivation: must be a whole number from 1 to 5"},
		{"a required answer empty", core(FieldEffort, ""), Checkin{}, `effort: must be a whole number from 0 to 10 (got "")`},
		{"the first wrong answer", core(FieldMood, "9", FieldEffort, "11"), Checkin{}, `mood: must be a whole number from 1 to 5 (got "9")`},
		{"sleep out of range", core(FieldSleepHours, "25"), Checkin{}, `sleep: must be hours from 0 to 24, like 7.5 or 7:30 (got "25")`},
		{"minutes not a number", core(FieldMinutes, "an hour"), Checkin{}, `minutes: must be a whole number from 0 to 1440 (got "an hour")`},
		{"a note too long", core(FieldNote, strings.Repeat("é", 2001)), Checkin{}, "note: must be at most 2000 characters (got 2001 characters)"},
		{"legs and the day type", core(FieldLegs, "2", FieldDayType, " Sick "),
			Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6, Legs: Int(2), DayType: DaySick}, ""},
		{"a normal day is the zero day type", core(FieldDayType, "normal"),
			Checkin{Date: day, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 6}, ""},
		{"legs out of range", core(FieldLegs, "6"), Checkin{}, `legs: must be a whole number from 1 to 5 (got "6")`},
		{"an unknown day type", core(FieldDayType, "flu"), Checkin{}, `day type: must be one of normal, sick, injured, travel or race (got "flu")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseAnswers(day, today, tt.answers)
			if tt.err != "" {
				var fe *FieldError
				if !errors.As(err, &fe) || err.Error() != tt.err || !reflect.DeepEqual(c, Checkin{}) {
					t.Errorf("ParseAnswers = %+v, %v; want the error %q", c, err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(c, tt.want) {
				t.Errorf("ParseAnswers = %+v, %v; want %+v", c, err, tt.want)
			}
		})
	}
	// The date is checked against today, after the answers.
	if _, err := ParseAnswers(today.AddDays(2), today, core()); err == nil || !strings.Contains(err.Error(), "to 2026-03-16, today plus a day's grace") {
		t.Errorf("the day after tomorrow: %v", err)
	}
}

// A format says how a value reads in its own notation (Shown), and may
// refuse a value before it is parsed; the field is the table's either way.
func TestParseCheckinShownAndFormatErrors(t *testing.T) {
	answers := map[string]Answer{
		FieldMood:       {Text: "9", Given: true, Shown: "9"},
		FieldMotivation: {Text: "3", Given: true},
	}
	answer := func(f Field) (Answer, error) { return answers[f.Name], nil }
	if _, err := ParseCheckin(today, today, answer); err == nil || err.Error() != "mood: must be a whole number from 1 to 5 (got 9)" {
		t.Errorf("Shown: %v", err)
	}
	answers[FieldMood] = Answer{Text: "4", Given: true}
	answers[FieldSleepHours] = Answer{Shown: "nothing: the key is missing"}
	if _, err := ParseCheckin(today, today, answer); err == nil ||
		err.Error() != "sleep: must be hours from 0 to 24, like 7.5 or 7:30 (got nothing: the key is missing)" {
		t.Errorf("a missing key: %v", err)
	}
	refused := errors.New("effort: a JSON string")
	_, err := ParseCheckin(today, today, func(f Field) (Answer, error) {
		if f.Name == FieldSleepHours {
			return Answer{}, refused
		}
		return Answer{Text: "3", Given: true}, nil
	})
	if err != refused {
		t.Errorf("a format's error: %v, want it as it is", err)
	}
}

// AnswersOf writes a check-in as the answers ParseAnswers reads back.
func TestAnswersOfRoundTrip(t *testing.T) {
	for _, c := range []Checkin{
		{Date: today, Mood: 1, Motivation: 5, SleepHours: 0, Effort: 0},
		{Date: today, Mood: 3, Motivation: 2, SleepHours: 7.25, Effort: 10, Minutes: Int(0), SleepQuality: Int(5), Note: "tempo, legs ok"},
		{Date: today, Mood: 2, Motivation: 2, SleepHours: 9, Effort: 0, Legs: Int(1), DayType: DayInjured},
	} {
		back, err := ParseAnswers(c.Date, today, AnswersOf(c))
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Errorf("AnswersOf(%+v) reads back as %+v, %v", c, back, err)
		}
	}
	if got := FormatHours(math.Copysign(0, -1)); got != "0" || FormatHours(7.25) != "7.25" || FormatHours(24) != "24" {
		t.Errorf("FormatHours: %q", got)
	}
}

func TestParsePastDayAndWeek(t *testing.T) {
	if d, err := ParsePastDay("yesterday", today); err != nil || d != today.AddDays(-1) {
		t.Errorf("yesterday: %s, %v", d, err)
	}
	for s, want := range map[string]string{
		"soon":       `date: must be a date in the form YYYY-MM-DD, today or yesterday (got "soon")`,
		"2026-03-17": "date: must be a day from 1900-01-01 to 2026-03-16, today plus a day's grace for time zones (got 2026-03-17)",
	} {
		if _, err := ParsePastDay(s, today); err == nil || err.Error() != want {
			t.Errorf("ParsePastDay(%q) = %v, want %q", s, err, want)
		}
	}
	if w, err := ParsePastWeek("2026-W11", today); err != nil || w != WeekOf(today) {
		t.Errorf("this week: %s, %v", w, err)
	}
	var fe *FieldError
	// today is a Sunday: tomorrow, a day it takes, is in next week.
	if w, err := ParsePastWeek("2026-W12", today); err != nil || w != WeekOf(today.AddDays(1)) {
		t.Errorf("next week, on a Sunday: %s, %v", w, err)
	}
	if _, err := ParsePastWeek("2026-W13", today); !errors.As(err, &fe) ||
		err.Error() != "week: must be a week from 1900-W01 to 2026-W12, the week of tomorrow (got 2026-W13)" {
		t.Errorf("the week after next: %v", err)
	}
	if _, err := ParsePastWeek("2026-W12", today.AddDays(-1)); !errors.As(err, &fe) ||
		err.Error() != "week: must be a week from 1900-W01 to 2026-W11, the week of tomorrow (got 2026-W12)" {
		t.Errorf("next week, on a Saturday: %v", err)
	}
	if _, err := ParsePastWeek("W12", today); err == nil || errors.As(err, &fe) {
		t.Errorf("a malformed week: %v, want ParseWeek's error", err)
	}
}
