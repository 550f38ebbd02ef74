package slump

import (
	"testing"
	"time"
)

// Training follows Foster's session RPE per session where it can: each row
// is one logged day, its imported sessions and what the meter counts.
func TestTraining(t *testing.T) {
	d := today
	cfg := DefaultConfig() // hard from 7
	for _, tc := range []struct {
		name, spec   string
		load         int
		known, fromS bool
		hard         int
		conflict     bool
	}{
		{"no sessions: the check-in", "e5 min60", 300, true, false, 0, false},
		{"no sessions, no minutes: unknown", "e5", 0, false, false, 0, false},
		{"one rated session", "e5 min60 run6x52@7", 312, true, true, 0, false},
		{"a double day of two hard sessions is two hard efforts", "e8 min90 run8x45@6 run7x40@18", 640, true, true, 2, false},
		{"a double day, one hard: one", "e8 min90 run8x45@6 run3x40@18", 480, true, true, 1, false},
		{"sessions rated easy, the check-in hard: the check-in decides", "e8 min60 run5x30@6 run4x30@18", 270, true, true, 1, false},
		{"one session unrated: the check-in's load", "e6 min70 run8x45@6 run?x25@18", 420, true, false, 1, false},
		{"an unrated session, no minutes: unknown", "e6 run?x45@6", 0, false, false, 0, false},
		{"a rated session without minutes: the check-in's load", "e6 min50 run6x?@6", 300, true, false, 0, false},
		{"logged as rest, a session recorded: stays rest, shown", "e0 run8x50@7", 0, true, false, 0, true},
		{"sick: load counts, no hard effort", "e6 min30 sick run8x30@7", 240, true, true, 0, false},
		{"a race with an easy-rated session is still hard", "e4 min40 race run4x40@9", 160, true, true, 1, false},
		{"the same session from the watch and from Strava counts once", "e5 min50 run8x50@7 run8x50@7/fit", 400, true, true, 1, false},
		{"two sessions of one source are two, even at one start", "e5 min50 run8x50@7 run8x50@7", 800, true, true, 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := checkin(d, tc.spec).Training(cfg)
			want := Training{Load: tc.load, Known: tc.known, FromSessions: tc.fromS, Hard: tc.hard, RestConflict: tc.conflict}
			if got != want {
				t.Errorf("%q: Training = %+v, want %+v", tc.spec, got, want)
			}
			if au, ok := LoadOf(checkin(d, tc.spec)).Value(); au != tc.load || ok != tc.known {
				t.Errorf("%q: Load.Value = %d, %v; want %d, %v (the same rule)", tc.spec, au, ok, tc.load, tc.known)
			}
		})
	}
}

// Of two records of one session (a FIT file and its Strava copy, seconds
// apart), the rated one is kept; sessions hours apart are two.
func TestDistinctSessions(t *testing.T) {
	at := func(h, m, s int) time.Time {
		return today.Time().Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
	}
	mins := 40.0
	ss := []Session{
		{Source: "strava", Start: at(18, 0, 0), RPE: Int(5), Minutes: &mins},
		{Source: "strava", Start: at(7, 0, 40)},                          // Strava's copy, unrated, later
		{Source: "fit", Start: at(7, 0, 0), RPE: Int(7), Minutes: &mins}, // the watch's file
	}
	got := DistinctSessions(ss)
	if len(got) != 2 || *got[0].RPE != 7 || *got[1].RPE != 5 {
		t.Fatalf("DistinctSessions = %+v, want the 07:00 (rated 7) and the 18:00", got)
	}
	if ss[0].Start != at(18, 0, 0) {
		t.Error("DistinctSessions reordered its argument")
	}
}

// A whole journal: the same six weeks of check-ins, with and without the
// sessions the watch recorded. The runner logs effort 6 on the double day
// (the average of the day), but rated both sessions 8 on the watch: the
// week then holds 3 hard efforts, not 1, and cap_hard_efforts warns; the
// day logged as rest with a recorded session stays a rest day, so
// take_rest_day does not fire.
func TestSessionsInAJournal(t *testing.T) {
	plain := []string{
		"e0 min0 s8 mood4 mot4 legs4",
		"e7 min50 s7.5 mood4 mot5 legs4",
		"e3 min40 s7.25 mood3 mot4 legs3",
		"e6 min90 s7.5 mood4 mot4 legs4",
		"e3 min40 s8 mood5 mot4 legs4",
		"e4 min60 s8.25 mood4 mot5 legs4",
		"e5 min100 s7.75 mood4 mot4 legs3",
	}
	watched := []string{
		"e0 min0 s8 mood4 mot4 legs4 run3x25@7", // a shakeout on a logged rest day
		"e7 min50 s7.5 mood4 mot5 legs4 run7x50@7",
		"e3 min40 s7.25 mood3 mot4 legs3 run3x40@7",
		"e6 min90 s7.5 mood4 mot4 legs4 run8x45@6 run8x45@18",
		"e3 min40 s8 mood5 mot4 legs4 run3x40@7",
		"e4 min60 s8.25 mood4 mot5 legs4 run4x60@7",
		"e5 min100 s7.75 mood4 mot4 legs3 run5x100@7",
	}
	cfg := DefaultConfig()
	without := journalReadings(ending(weeks(5, healthyWeek...), plain), cfg)
	with := journalReadings(ending(weeks(5, healthyWeek...), watched), cfg)
	last, lastW := without[len(without)-1], with[len(with)-1]
	if last.Week.HardEfforts != 1 || hasSignal(last, SignalHardEfforts) {
		t.Errorf("from the check-ins alone: want 1 hard effort and no hard_efforts: %s", describe(last))
	}
	if lastW.Week.HardEfforts != 3 || !hasSignal(lastW, SignalHardEfforts) || lastW.Tip.ID != TipCapHardEfforts {
		t.Errorf("with the watch's sessions: want 3 hard efforts and cap_hard_efforts: %s", describe(lastW))
	}
	if lastW.Week.RestDays != 1 || hasSignal(lastW, SignalNoRestDay) {
		t.Errorf("the rest day with a shakeout stays a rest day: %s", describe(lastW))
	}
	if !hasHint(lastW, HintRestDaySession) || hasHint(last, HintRestDaySession) {
		t.Errorf("the rest day's session is not shown, or shown without one: %+v / %+v", lastW.Hints, last.Hints)
	}
	if lastW.Level == LevelSlump {
		t.Errorf("causes without signs are a warning, not a slump: %s", describe(lastW))
	}
	// The loads: the double day is 8 x 90 = 720 from the sessions, 540
	// from the check-in.
	if *lastW.Metrics.WeeklyLoad-*last.Metrics.WeeklyLoad != 720-540 {
		t.Errorf("weekly load %d with sessions, %d without: want 180 more", *lastW.Metrics.WeeklyLoad, *last.Metrics.WeeklyLoad)
	}
}

// One run recorded three times across midnight (the watch dates it by its
// clock, Strava by the import's zone): it counts once, on the watch's
// record's day, with the highest rating of its copies; whatever the order
// the copies are given in.
func TestMergeIsOneRule(t *testing.T) {
	at := time.Date(2026, 1, 17, 23, 50, 0, 0, time.UTC)
	m, short := 50.0, 46.0                                // Strava counts the moving time its own way
	fit := Session{Source: "fit", Start: at, Minutes: &m} // not rated on the watch
	strava := Session{Source: "strava", Start: at.Add(20 * time.Second), RPE: Int(8), Minutes: &short}
	garmin := Session{Source: "garmin", Start: at.Add(10 * time.Second), RPE: Int(6), Minutes: &m}
	later := Session{Source: "strava", Start: at.Add(3 * time.Hour), Minutes: &m}
	for _, ss := range [][]Session{{fit, strava, garmin, later}, {later, garmin, strava, fit}, {strava, later, fit, garmin}} {
		merged := DistinctSessions(ss)
		if len(merged) != 2 || merged[0].Source != "fit" || !merged[0].Start.Equal(at) || merged[0].RPE == nil || *merged[0].RPE != 8 ||
			*merged[0].Minutes != 50 || merged[1] != later {
			t.Errorf("DistinctSessions(%v) = %+v; want the FIT record rated 8 (Strava's) with its 50 minutes, then the later run", ss, merged)
		}
		if again := DistinctSessions(merged); len(again) != len(merged) {
			t.Errorf("merging again changed %v to %v", merged, again)
		}
	}
}

// Copies chain: each from another source, starting less than 2 minutes
// after the one before, lasting alike, is the same session, so merging
// twice changes nothing; the copy without a rating gets the rated copy's
// minutes only when it has none.
func TestCopiesChain(t *testing.T) {
	at := time.Date(2026, 1, 17, 7, 0, 0, 0, time.UTC)
	m := 42.0
	ss := []Session{
		{Source: "fit", Start: at},
		{Source: "garmin", Start: at.Add(110 * time.Second), RPE: Int(5)},
		{Source: "strava", Start: at.Add(220 * time.Second), RPE: Int(9), Minutes: &m},
		{Source: "fit", Start: at.Add(5 * time.Minute), RPE: Int(4)},
	}
	merged := DistinctSessions(ss)
	if len(merged) != 2 || *merged[0].RPE != 9 || merged[0].Minutes == nil || merged[0].Source != "fit" || *merged[1].RPE != 4 {
		t.Errorf("DistinctSessions = %+v; want the chain of three as the FIT record rated 9 with the rated copy's minutes, then the 07:05 run", merged)
	}
	if again := DistinctSessions(merged); len(again) != 2 {
		t.Errorf("merging again: %+v", again)
	}
}

// A false start and the run begun a minute and a half later are two
// sessions, even of one source or with a copy of the run: one source keeps
// one row per session, and a minute is not an hour.
func TestFalseStartIsNotACopy(t *testing.T) {
	at := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	one, hour, hourFIT := 1.0, 60.0, 58.5
	ss := []Session{
		{Source: "strava", Start: at, RPE: Int(8), Minutes: &one},
		{Source: "strava", Start: at.Add(90 * time.Second), RPE: Int(8), Minutes: &hour},
		{Source: "fit", Start: at.Add(92 * time.Second), Minutes: &hourFIT},
	}
	merged := DistinctSessions(ss)
	if len(merged) != 2 || *merged[0].Minutes != 1 || merged[1].Source != "fit" || *merged[1].RPE != 8 {
		t.Errorf("DistinctSessions = %+v; want the false start, then the run (its FIT record, rated 8)", merged)
	}
	if au, ok := sessionsLoad(merged); !ok || au != 8+468 {
		t.Errorf("load %d, %v; want 8 x 1 + 8 x 58.5 = 476", au, ok)
	}
}
