package tui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/laceup/laceup/slump"
)

func TestFormCoreAnswersThenSkipOptionals(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("4", "enter", "3", "enter", "7.5", "enter", "5", "enter", "enter", "enter", "enter", "enter", "enter")
	got, ok := j.days[today]
	if !ok {
		t.Fatalf("nothing saved; screen:\n%s", s.view())
	}
	want := slump.Checkin{Date: today, Mood: 4, Motivation: 3, SleepHours: 7.5, Effort: 5}
	if got.Mood != want.Mood || got.Motivation != want.Motivation || got.SleepHours != want.SleepHours ||
		got.Effort != want.Effort || got.Minutes != nil || got.SleepQuality != nil || got.Note != "" ||
		got.Legs != nil || got.DayType != "" {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	if s.m.screen != dashboardScreen {
		t.Fatalf("after saving the screen is %v, want the dashboard", s.m.screen)
	}
	assertContains(t, s.view(), "Saved your check-in for today.", "Slump meter", "Today  mood 4 · motivation 3 · sleep 7.5 h · effort 5")
}

func TestFormAllAnswers(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("2", "enter", "1", "enter", "6", "enter", "1", "0", "enter", "1", "enter", "t", "95", "enter", "2", "enter",
		"legs heavy, calf niggle", "enter")
	got := j.days[today]
	if got.Effort != 10 {
		t.Errorf("typing 1 then 0 on effort gave %d, want 10", got.Effort)
	}
	if got.Legs == nil || *got.Legs != 1 || got.DayType != slump.DayTravel {
		t.Errorf("legs %v, day type %q; want 1 and travel (one key, no enter)", got.Legs, got.DayType)
	}
	if got.Minutes == nil || *got.Minutes != 95 || got.SleepQuality == nil || *got.SleepQuality != 2 {
		t.Errorf("optional answers not saved: %+v", got)
	}
	if got.Note != "legs heavy, calf niggle" {
		t.Errorf("note = %q", got.Note)
	}
}

func TestFormCtrlSSavesOnceCoreIsAnswered(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("3", "enter", "ctrl+s")
	if j.saves != 0 {
		t.Fatal("ctrl+s saved with motivation, sleep and effort unanswered")
	}
	assertContains(t, s.view(), "How do you feel about lacing up?", "motivation: must be a whole number from 1 to 5")
	s.keys("3", "enter", "8", "enter", "0", "ctrl+s")
	c, ok := j.days[today]
	if !ok {
		t.Fatalf("ctrl+s with the core answered did not save:\n%s", s.view())
	}
	if c.Minutes != nil {
		t.Errorf("skipped minutes saved as %d, want none (NULL), as on the command line", *c.Minutes)
	}
}

func TestFormInvalidAnswerShowsErrorAndKeepsTyping(t *testing.T) {
	tests := []struct {
		name, typed, wantErr string
		idx                  int // question index to reach first
	}{
		{"mood 9", "9", `mood: must be a whole number from 1 to 5 (got "9")`, 0},
		{"mood letters", "x", `mood: must be a whole number from 1 to 5 (got "x")`, 0},
		{"sleep 25", "25", `sleep: must be hours from 0 to 24, like 7.5 or 7:30 (got "25")`, 2},
		{"effort letter", "e", `effort: must be a whole number from 0 to 10 (got "e")`, 3},
		{"legs 6", "6", `legs: must be a whole number from 1 to 5 (got "6")`, 4},
		{"day type x", "x", `day type: must be one of normal, sick, injured, travel or race (got "x")`, 5},
		{"minutes 1441", "1441", `minutes: must be a whole number from 0 to 1440 (got "1441")`, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newFakeJournal()
			s := newSession(t, j, Options{})
			for _, keys := range [][]string{{"3", "enter"}, {"3", "enter"}, {"7", "enter"}, {"4", "enter"}, {"enter"}, {"n"}}[:tt.idx] {
				s.keys(keys...)
			}
			s.keys(tt.typed)
			if tt.idx != 5 { // a day type is one key, no enter
				s.keys("enter")
			}
			if s.m.form.idx != tt.idx {
				t.Fatalf("enter moved on from an invalid answer: question %d", s.m.form.idx+1)
			}
			if s.m.form.answers[tt.idx] != tt.typed && tt.idx != 5 {
				t.Errorf("answer = %q, want what was typed %q", s.m.form.answers[tt.idx], tt.typed)
			}
			assertContains(t, s.view(), tt.wantErr)
			if j.saves != 0 {
				t.Error("an invalid answer was saved")
			}
		})
	}
}

func TestFormRequiredAnswerCannotBeSkipped(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	s.keys("enter")
	if s.m.form.idx != 0 {
		t.Fatal("enter skipped the mood question")
	}
	assertContains(t, s.view(), "mood: must be a whole number from 1 to 5")
}

func TestFormBackspaceFixesAnAnswer(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	s.keys("3", "enter", "3", "enter", "7..", "backspace")
	if a := s.m.form.answers[2]; a != "7." || s.m.form.err != nil {
		t.Errorf("answer = %q, err = %v; want 7. and no error", a, s.m.form.err)
	}
}

func TestFormArrowsAdjust(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	s.keys("up")
	if a := s.m.form.answers[0]; a != "3" {
		t.Errorf("up on an empty mood = %q, want the middle of the scale, 3", a)
	}
	s.keys("up", "up", "up")
	if a := s.m.form.answers[0]; a != "5" {
		t.Errorf("mood stopped at %q, want the top of the scale, 5", a)
	}
	s.keys("down", "left")
	if a := s.m.form.answers[0]; a != "3" {
		t.Errorf("down, left = %q, want 3", a)
	}
	s.keys("enter", "4", "enter", "up", "up")
	if a := s.m.form.answers[2]; a != "7.5" {
		t.Errorf("sleep after up, up = %q, want 7.5", a)
	}
	s.keys("backspace", "backspace", "backspace", "0", "down")
	if a := s.m.form.answers[2]; a != "0" {
		t.Errorf("sleep below 0 = %q, want it clamped at 0", a)
	}
}

func TestFormShiftTabGoesBackKeepingAnswers(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("2", "enter", "4", "enter", "shift+tab")
	if s.m.form.idx != 1 {
		t.Fatalf("shift+tab went to question %d, want 2", s.m.form.idx+1)
	}
	s.keys("shift+tab", "shift+tab")
	if s.m.form.idx != 0 {
		t.Fatalf("shift+tab on the first question moved to %d", s.m.form.idx+1)
	}
	s.keys("5", "enter", "enter", "8", "enter", "2", "ctrl+s")
	if c := j.days[today]; c.Mood != 5 || c.Motivation != 4 || c.SleepHours != 8 || c.Effort != 2 {
		t.Errorf("saved %+v, want mood 5 (changed), motivation 4 (kept)", c)
	}
}

func TestFormEscLeavesWithoutSaving(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("4", "enter", "esc")
	if j.saves != 0 {
		t.Fatal("esc saved the check-in")
	}
	if s.m.screen != dashboardScreen || s.quit {
		t.Fatalf("esc from the start form should show the dashboard; screen %v, quit %v", s.m.screen, s.quit)
	}
	assertContains(t, s.view(), "Left the check-in without saving.", "no check-in yet: press c")

	s = newSession(t, j, Options{FormDate: today, ExitOnCancel: true})
	if !s.keys("4", "esc").quit || j.saves != 0 {
		t.Errorf("esc on `laceup checkin` should quit without saving (quit %v, saves %d)", s.quit, j.saves)
	}
}

func TestFormEditsExistingDayPrefilled(t *testing.T) {
	old := ck(today, 2, 2, 6, 7)
	old.Minutes, old.Note, old.Legs, old.DayType = slump.Int(60), "tempo", slump.Int(2), slump.DayRace
	j := newFakeJournal(old)
	s := newSession(t, j, Options{})
	s.keys("c")
	if s.m.screen != checkinScreen {
		t.Fatalf("c did not open the form")
	}
	assertContains(t, s.view(), "Editing the check-in for Wednesday 25 November 2026 (today)", "›  2  low")
	s.keys("enter", "enter", "enter", "enter")
	assertContains(t, s.view(), "›  2  heavy")
	s.keys("enter")
	assertContains(t, s.view(), "› r  race")
	s.keys("enter", "enter", "enter")
	assertContains(t, s.view(), "› tempo", "legs 2 · race · 60 min")
	s.keys(" done", "enter")
	c := j.days[today]
	if c.Mood != 2 || c.Effort != 7 || c.Minutes == nil || *c.Minutes != 60 || c.Note != "tempo done" ||
		c.Legs == nil || *c.Legs != 2 || c.DayType != slump.DayRace {
		t.Errorf("edit lost answers: %+v", c)
	}
	if j.saves != 1 {
		t.Errorf("saves = %d, want 1", j.saves)
	}
}

func TestFormPastDate(t *testing.T) {
	j := newFakeJournal()
	day := today.AddDays(-3)
	s := newSession(t, j, Options{FormDate: day, ExitOnCancel: true})
	assertContains(t, s.view(), "Check-in for Sunday 22 November 2026", "How was your mood that day?")
	s.keys("3", "enter")
	s.keys("3", "enter")
	assertContains(t, s.view(), "the night before that day")
	s.keys("shift+tab", "shift+tab")
	s.keys("3", "enter", "3", "enter", "7", "enter", "0", "ctrl+s")
	if _, ok := j.days[day]; !ok {
		t.Fatal("past day not saved")
	}
}

func TestFormSaveErrorKeepsAnswers(t *testing.T) {
	j := newFakeJournal()
	j.saveErr = errors.New("journal /tmp/j.db: attempt to write a readonly database")
	s := newSession(t, j, Options{})
	s.keys("4", "enter", "3", "enter", "7", "enter", "5", "ctrl+s")
	if s.m.screen != checkinScreen {
		t.Fatalf("a failed save left the form")
	}
	assertContains(t, s.view(), "attempt to write a readonly database")
	if got := strings.Join(s.m.form.answers[:4], ","); got != "4,3,7,5" {
		t.Errorf("answers after a failed save = %s", got)
	}
	j.saveErr = nil
	s.keys("ctrl+s")
	if j.saves != 1 {
		t.Error("saving again after the error was fixed did not save")
	}
}

func TestFormHelpMatchesQuestion(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	v := s.view()
	assertContains(t, v, "enter next", "esc cancel", "ctrl+s save now")
	if strings.Contains(v, "shift+tab") {
		t.Error("help offers shift+tab on the first question")
	}
	s.keys("3", "enter", "3", "enter", "7", "enter", "3", "enter")
	assertContains(t, s.view(), "enter skip", "shift+tab back")
	s.keys("enter", "enter", "enter", "enter")
	v = s.view()
	assertContains(t, v, "enter save")
	if strings.Contains(v, "adjust") {
		t.Error("help offers the arrows on the note question")
	}
}

func TestFormFitsSmallTerminal(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	s.keys("3", "enter", "3", "enter", "7", "enter")
	assertFits(t, s.view(), 80, 24) // the effort scale is the tallest question
	golden(t, s.view())
}

func TestFormRecallsAnswersAndFitsOnEveryQuestion(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	for _, keys := range [][]string{{"3", "enter"}, {"4", "enter"}, {"7.5", "enter"}, {"6", "enter"}, {"4", "enter"}, {"i"},
		{"1440", "enter"}, {"5", "enter"}} {
		s.keys(keys...)
		assertFits(t, s.view(), 80, 24)
	}
	assertContains(t, s.view(), "Question 9 of 9", "mood 3 · motivation 4 · sleep 7.5 h")
}

// untouchedNote is a saved note the form's one-line field cannot show as it
// is: new lines, tabs, blank space around it, a Windows line end.
const untouchedNote = "  8x400m\n\tlegs heavy\r\nlast rep: 74 s\t"

// Editing a day keeps its note exactly, byte for byte, unless the runner
// edits the note: saved at once, after visiting the note (typing and
// deleting a character), and saved again after a failed save.
func TestFormKeepsAnUntouchedNoteExactly(t *testing.T) {
	old := ck(today, 3, 3, 7, 4)
	old.Note = untouchedNote
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"ctrl+s at once", []string{"ctrl+s"}},
		{"through every question", []string{"enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter"}},
		{"typed and deleted", []string{"enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "x", "backspace", "enter"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j := newFakeJournal(old)
			s := newSession(t, j, Options{FormDate: today})
			s.keys(tt.keys...)
			if j.saves != 1 || j.days[today].Note != untouchedNote {
				t.Errorf("saves %d, note %q; want %q kept exactly:\n%s", j.saves, j.days[today].Note, untouchedNote, s.view())
			}
		})
	}

	j := newFakeJournal(old)
	j.saveErr = errors.New("journal /tmp/j.db: database is locked")
	s := newSession(t, j, Options{FormDate: today})
	s.keys("enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	assertContains(t, s.view(), "›   8x400m  legs heavy last rep: 74 s")
	s.keys("enter")
	assertContains(t, s.view(), "database is locked")
	j.saveErr = nil
	s.keys("enter")
	if j.saves != 1 || j.days[today].Note != untouchedNote {
		t.Errorf("saved again after an error: saves %d, note %q", j.saves, j.days[today].Note)
	}
}

// A paste longer than slump.MaxNoteRunes is kept whole in the field and
// refused with the note's error, in the command line's words; the answers
// stay, and a shorter note saves.
func TestFormRefusesAnOverLongNote(t *testing.T) {
	j := newFakeJournal()
	s := newSession(t, j, Options{})
	s.keys("4", "enter", "3", "enter", "7.5", "enter", "5", "enter", "enter", "enter", "enter", "enter")
	long := strings.Repeat("a", slump.MaxNoteRunes+500)
	s.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long), Paste: true})
	s.keys("enter")
	if j.saves != 0 {
		t.Fatalf("a note of %d characters was saved (%d characters)", len(long), len([]rune(j.days[today].Note)))
	}
	assertContains(t, s.view(), "note: must be at most 2000 characters (got 2500 characters)")
	if got := s.m.form.note.Value(); got != long {
		t.Errorf("the field holds %d characters, want the whole paste of %d", len(got), len(long))
	}
	s.keys("shift+tab", "ctrl+s")
	if j.saves != 0 || s.m.form.current().Name != slump.FieldNote {
		t.Fatalf("ctrl+s saved (%d) or did not go back to the note (question %d)", j.saves, s.m.form.idx+1)
	}
	assertContains(t, s.view(), "note: must be at most 2000 characters")
	if got := strings.Join(s.m.form.answers[:4], ","); got != "4,3,7.5,5" {
		t.Errorf("answers after the refused note = %s", got)
	}
	for range 500 {
		s.keys("backspace")
	}
	s.keys("enter")
	if c := j.days[today]; j.saves != 1 || c.Note != long[:slump.MaxNoteRunes] || c.Mood != 4 || c.SleepHours != 7.5 {
		t.Errorf("after deleting 500 characters: saves %d, note of %d characters, %+v", j.saves, len(c.Note), c)
	}
}

// A note holding escape sequences or a bidi override never reaches the
// screen raw: not the saved one the field shows, not one pasted into it.
func TestFormNoteFieldShowsNoHostileText(t *testing.T) {
	old := ck(today, 3, 3, 7, 4)
	old.Note = "\x1b]0;pwned\x07 tempo \u202eevil\u202c \u009b31m"
	j := newFakeJournal(old)
	s := newSession(t, j, Options{FormDate: today})
	s.keys("enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	assertNoHostile := func(when string) {
		t.Helper()
		v := s.view()
		for _, raw := range []string{"\x1b", "\x07", "\u202e", "\u202c", "\u009b"} {
			if strings.Contains(v, raw) {
				t.Errorf("%s: the form shows %q raw:\n%s", when, raw, v)
			}
		}
	}
	assertNoHostile("the saved note")
	assertContains(t, s.view(), "]0;pwned tempo evil 31m")
	s.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" \u202eroot\x1b[2J\u009b"), Paste: true})
	assertNoHostile("a pasted note")
	s.keys("enter")
	if got := j.days[today].Note; got != "]0;pwned tempo evil 31m root[2J" {
		t.Errorf("edited note saved as %q", got)
	}
}

// The form reflows on a small terminal as the other screens do: from 40x12
// up, every question shows its text, its answer line and its hint or
// error, nothing is cut short with "…", and every line fits. A new
// check-in and an edit (c on the dashboard) alike.
func TestFormFitsFromTheMinimum(t *testing.T) {
	steps := []struct {
		typed  []string // typed on the question, without enter
		answer string   // the answer line, as a pattern
	}{
		{[]string{"4"}, `›\s+4\s+good`},
		{[]string{"3"}, `›\s+3\s+neutral`},
		{[]string{"7.5"}, `› 7\.5 hours`},
		{[]string{"7"}, `›\s+7\s+very hard`},
		{[]string{"1"}, `›\s+1\s+heavy and flat`},
		{[]string{"down"}, `› s\s+sick`},
		{[]string{"45"}, `› 45 minutes`},
		{[]string{"4"}, `›\s+4\s+good`},
		{[]string{"easy"}, `› easy`},
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, size := range []struct{ w, h int }{{40, 12}, {45, 14}, {50, 16}, {60, 20}, {80, 24}} {
		for _, editing := range []bool{false, true} {
			t.Run(fmt.Sprintf("%dx%d editing %v", size.w, size.h, editing), func(t *testing.T) {
				var days []slump.Checkin
				if editing {
					days = []slump.Checkin{ck(today, 3, 3, 7, 3)}
				}
				s := newSession(t, newFakeJournal(days...), Options{})
				s.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
				if editing {
					s.keys("c")
				}
				check := func(answer string) {
					t.Helper()
					v, q := s.view(), s.m.form.current()
					assertFits(t, v, size.w, size.h)
					msg := q.hint
					if s.m.form.err != nil {
						msg = s.m.form.err.Error()
					} else if msg == "" {
						msg = "Type a number from"
					}
					for _, want := range []string{q.prompt, msg} {
						if !strings.Contains(flat(v), flat(want)) {
							t.Errorf("question %d lacks %q:\n%s", s.m.form.idx+1, want, v)
						}
					}
					if !regexp.MustCompile(answer).MatchString(v) {
						t.Errorf("question %d lacks its answer line %s:\n%s", s.m.form.idx+1, answer, v)
					}
					for _, l := range strings.Split(v, "\n") {
						if l = strings.TrimSpace(l); strings.HasSuffix(l, "…") && !strings.HasSuffix(q.prompt, l[strings.LastIndex(l, " ")+1:]) {
							t.Errorf("question %d: a line is cut: %q\n%s", s.m.form.idx+1, l, v)
						}
					}
				}
				if editing {
					s.keys("backspace")
				}
				s.keys("9") // out of range: the error shows with what was typed
				check(`(›|typed:) 9`)
				s.keys("backspace")
				for _, st := range steps {
					if editing && s.m.form.current().Kind != slump.Text {
						for range 4 {
							s.keys("backspace")
						}
					} else if editing {
						s.m.form.note.SetValue("")
					}
					s.keys(st.typed...)
					check(st.answer)
					if s.m.form.idx < len(s.m.form.questions)-1 {
						s.keys("enter")
					}
				}
				if s.m.form.idx != len(s.m.form.questions)-1 {
					t.Errorf("ended on question %d", s.m.form.idx+1)
				}
			})
		}
	}
}
