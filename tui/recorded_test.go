package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

func recordedSession(id, name string, hour int, rpe *int, minutes float64) activity.Activity {
	return activity.Activity{Source: activity.SourceStrava, SourceID: id, Day: today, Sport: "Run", Name: name,
		Start: today.Time().Add(time.Duration(hour) * time.Hour), MovingMinutes: &minutes, RPE: rpe}
}

// A day not yet checked in, with two sessions and a night from the watch:
// the form shows them and offers effort 8 (the hardest rating), 75
// minutes (30 + 45.4) and 7:32 of sleep, which the runner keeps or
// changes; what is saved is the runner's check-in.
func TestFormOffersTheRecordedDay(t *testing.T) {
	j := newFakeJournal()
	sleep := 7.0 + 32.0/60
	fit := recordedSession("fit-1", "Run", 17, slump.Int(8), 45.4)
	fit.Source = activity.SourceFIT
	j.recorded = map[slump.Date]activity.Day{today: {SleepHours: &sleep, Sessions: []activity.Activity{
		recordedSession("1", "Morning Run", 6, slump.Int(6), 30),
		recordedSession("2", "Hills", 17, slump.Int(8), 45.4),
		fit, // the same session from the watch: counted once, the watch's copy kept
	}}}
	s := newSession(t, j, Options{})
	s.keys("4", "enter", "4", "enter")
	assertContains(t, s.view(), "Your watch measured 7:32 of sleep", "› 7:32 hours")
	s.keys("enter")
	v := s.view()
	assertContains(t, v, "The answer is your hardest session's rating", "Strava · Morning Run · 30 min · RPE 6", "FIT · Run · 45 min · RPE 8", "›  8  hard effort")
	if strings.Count(v, "RPE 8") != 1 {
		t.Errorf("the session recorded twice is shown twice:\n%s", v)
	}
	s.keys("7", "enter", "enter", "enter") // the runner says 7; legs skipped; normal day
	assertContains(t, s.view(), "› 75 minutes", "The answer is their moving time.")
	s.keys("enter", "enter", "enter")
	c, ok := j.days[today]
	if !ok {
		t.Fatalf("nothing saved:\n%s", s.view())
	}
	if want, _ := slump.ParseSleep("7:32"); c.Effort != 7 || c.Minutes == nil || *c.Minutes != 75 || c.SleepHours != want || c.Sessions != nil {
		t.Errorf("saved %+v: want effort 7 (changed), 75 minutes and 7:32 (kept), no sessions in the check-in", c)
	}
}

// Editing a day keeps the runner's answers; a logged rest day with a
// session says the session is shown, not counted.
func TestFormEditingKeepsAnswersAndShowsTheConflict(t *testing.T) {
	old := ck(today, 4, 4, 8, 0)
	j := newFakeJournal(old)
	j.recorded = map[slump.Date]activity.Day{today: {Sessions: []activity.Activity{recordedSession("1", "Shakeout", 7, slump.Int(3), 25)}}}
	s := newSession(t, j, Options{})
	s.keys("c", "enter", "enter")
	assertContains(t, s.view(), "› 8 hours")
	s.keys("enter")
	assertContains(t, s.view(), "A rest day stays a rest day: the meter does not count these.", "Shakeout · 25 min · RPE 3", "›  0  complete rest day")
}

// With no recordings, the form is as it was: nothing offered, nothing shown.
func TestFormWithoutRecordings(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	s.keys("4", "enter", "4", "enter")
	if v := s.view(); strings.Contains(v, "watch") || !strings.Contains(v, "› _ hours") {
		t.Errorf("sleep question without a night:\n%s", v)
	}
}

// The history screen shows what the meter counts of a day with imported
// sessions: a day logged as effort 6 with two sessions rated 8 is two hard
// efforts ("6 hard×2"), and the week says how many sessions it read.
func TestHistoryShowsSessions(t *testing.T) {
	m, r := 45.0, 8
	double := ck(today.AddDays(-1), 4, 4, 8, 6)
	double.Minutes = slump.Int(90)
	double.Sessions = []slump.Session{
		{Source: "strava", Start: today.AddDays(-1).Time().Add(6 * time.Hour), RPE: &r, Minutes: &m},
		{Source: "strava", Start: today.AddDays(-1).Time().Add(17 * time.Hour), RPE: &r, Minutes: &m},
	}
	j := newFakeJournal(ck(today.AddDays(-2), 4, 4, 8, 3), double, ck(today, 4, 4, 8, 0))
	s := newSession(t, j, Options{}).keys("w")
	assertContains(t, s.view(), "6 hard×2", "hard efforts 2/2", "2 imported sessions")
}
