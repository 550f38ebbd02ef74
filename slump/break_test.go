package slump

import (
	"slices"
	"testing"
)

const (
	slumpSpec  = "e8 s5 mood1 mot1" // 100 points in a full week
	restSpec   = "e0 s8 mood3 mot3"
	normalSpec = "e3 s8 mood4 mot4"
)

func TestBreakFollowUp(t *testing.T) {
	// Days -12..-4 in a slump (step_away on day -4), a 3-day break, back
	// on day 0.
	h := days(-12, slices.Concat(repeat(9, slumpSpec), repeat(3, restSpec), []string{normalSpec})...)
	if tip := meterOf(h, today.AddDays(-4)).Tip.ID; tip != TipStepAway {
		t.Fatalf("day -4: tip %s, want step_away", tip)
	}
	r := meterOf(h, today)
	b := r.Break
	if b == nil {
		t.Fatalf("no follow-up\n%s", describe(r))
	}
	if b.Start != today.AddDays(-3) || b.End != today.AddDays(-1) || b.Days != 3 || b.Ongoing {
		t.Errorf("break %s..%s, %d days, ongoing %v; want day -3 to -1, 3 days, over", b.Start, b.End, b.Days, b.Ongoing)
	}
	checkPoint := func(name string, p BreakPoint, date, from Date, score, days int, mood, motivation float64) {
		t.Helper()
		if p.Date != date || p.From != from || p.Score != score || p.Level != LevelOf(score) || p.Days != days ||
			!near(p.AvgMood, mood) || !near(p.AvgMotivation, motivation) {
			t.Errorf("%s = %+v (mood %v, motivation %v); want %s from %s, score %d, %d days, mood %v, motivation %v",
				name, p, deref(p.AvgMood), deref(p.AvgMotivation), date, from, score, days, mood, motivation)
		}
	}
	// Before: day -4 and its week; after: today (3 hard efforts still in
	// the week: 20, and 6.7 h of sleep: 15), mood and motivation since the
	// break began.
	checkPoint("before", b.Before, today.AddDays(-4), today.AddDays(-10), 100, 7, 1, 1)
	checkPoint("after", b.After, today, today.AddDays(-3), 35, 4, 3.25, 3.25)
	if r.Score != 35 || r.Tip.ID != TipCapHardEfforts {
		t.Errorf("score %d, tip %s; want 35, cap_hard_efforts", r.Score, r.Tip.ID)
	}

	// On the third day of the break: ongoing.
	r = meterOf(h, today.AddDays(-1))
	if b := r.Break; b == nil || !b.Ongoing || b.Days != 3 || b.After.Date != today.AddDays(-1) || b.After.Score != r.Score {
		t.Errorf("day -1: break %+v", r.Break)
	}
	// On its second day: no break yet, step_away goes on.
	if r := meterOf(h, today.AddDays(-2)); r.Break != nil || r.Tip.ID != TipStepAway {
		t.Errorf("day -2: break %+v, tip %s; want none and step_away", r.Break, r.Tip.ID)
	}
}

// After the break the slump may not have lifted yet: the meter does not
// send the runner straight back into another break.
func TestNoStepAwayRightAfterABreak(t *testing.T) {
	h := days(-12, slices.Concat(repeat(9, slumpSpec), repeat(3, restSpec), []string{"e3 s5 mood1 mot1"})...)
	r := meterOf(h, today)
	if !r.DeepSlump || r.RestRun != 0 || r.Break == nil || r.Tip.ID != TipListenToBody {
		t.Errorf("deep %v, rest run %d, break %v, tip %s; want a deep slump, the break followed up, listen_to_body\n%s",
			r.DeepSlump, r.RestRun, r.Break != nil, r.Tip.ID, describe(r))
	}
}

func TestBreakFollowUpWhen(t *testing.T) {
	tests := []struct {
		name    string
		history []Checkin
		day     Date
		start   int // days from day; 1: no follow-up
	}{
		{"a break that began 10 days ago",
			days(-20, slices.Concat(repeat(10, slumpSpec), repeat(3, restSpec), repeat(8, normalSpec))...), today, -10},
		{"one that began 11 days ago is over",
			days(-21, slices.Concat(repeat(10, slumpSpec), repeat(3, restSpec), repeat(9, normalSpec))...), today, 1},
		{"5 rest days", days(-12, slices.Concat(repeat(7, slumpSpec), repeat(5, restSpec), []string{normalSpec})...), today, -5},
		{"rest days after ordinary days are no break to follow up",
			days(-12, slices.Concat(repeat(9, normalSpec), repeat(3, restSpec), []string{normalSpec})...), today, 1},
		{"2 rest days are no break", days(-12, slices.Concat(repeat(10, slumpSpec), repeat(2, restSpec), []string{normalSpec})...), today, 1},
		{"a missing day splits the rest days",
			days(-12, slices.Concat(repeat(9, slumpSpec), []string{restSpec, "-", restSpec, restSpec})...), today, 1},
		{"the latest break counts",
			days(-12, slices.Concat(repeat(3, slumpSpec), repeat(3, restSpec), repeat(3, slumpSpec), repeat(3, restSpec), []string{normalSpec})...),
			today, -3},
	}
	for _, tc := range tests {
		r := meterOf(tc.history, tc.day)
		switch {
		case tc.start == 1 && r.Break != nil:
			t.Errorf("%s: follow-up %+v, want none", tc.name, *r.Break)
		case tc.start <= 0 && (r.Break == nil || r.Break.Start != tc.day.AddDays(tc.start)):
			t.Errorf("%s: follow-up %+v, want one from day %d", tc.name, r.Break, tc.start)
		}
	}
}

// The story: a slump that lasts leads to step_away; the break is
// followed up; when the slump is still there a week after 3 rest days, 14
// days in, the tip becomes see_a_professional, and stays while the slump
// does.
func TestEscalation(t *testing.T) {
	h := days(-29, slices.Concat(repeat(5, slumpSpec), repeat(3, "e0 s5 mood1 mot1"), repeat(22, "e2 s5 mood1 mot1"))...)
	rs := readingsOf(h, today.AddDays(-29), today)
	tips := make([]string, len(rs))
	for i, r := range rs {
		tips[i] = r.Tip.ID
		if r.Tip.ID == TipSeeAProfessional && r.SlumpStreak < 14 {
			t.Errorf("%s: see_a_professional after %d days", r.Date, r.SlumpStreak)
		}
	}
	want := slices.Concat([]string{TipListenToBody, TipSleepMore}, repeat(5, TipStepAway), repeat(7, TipListenToBody),
		repeat(16, TipSeeAProfessional))
	if !slices.Equal(tips, want) {
		t.Errorf("tips day by day:\n%v\nwant\n%v", tips, want)
	}
	if r := rs[len(rs)-1]; r.SlumpStreak != MaxSlumpStreak || r.SlumpRestDays != 0 {
		t.Errorf("after 29 days: streak %d with %d rest days; want %d and 0 (the rest is older than the streak counts)",
			r.SlumpStreak, r.SlumpRestDays, MaxSlumpStreak)
	}

	// Without any rest, step_away goes on until the slump is 3 weeks old.
	h = days(-29, repeat(30, slumpSpec)...)
	rs = readingsOf(h, today.AddDays(-29), today)
	for _, r := range rs {
		want := TipStepAway
		switch {
		case r.SlumpStreak >= MaxSlumpStreak:
			want = TipSeeAProfessional
		case !r.DeepSlump:
			continue
		}
		if r.Tip.ID != want {
			t.Errorf("%s, streak %d without rest: tip %s, want %s", r.Date, r.SlumpStreak, r.Tip.ID, want)
		}
	}
}
