package slump

import (
	"slices"
	"strings"
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
	// The first day back: easing back, not the hard efforts of before the
	// break.
	if r.Score != 35 || r.Tip.ID != TipEaseBack {
		t.Errorf("score %d, tip %s; want 35, ease_back", r.Score, r.Tip.ID)
	}

	// Each day of the break, from its first: the follow-up, ongoing, and
	// the tip says which day of the break it is.
	for n := 1; n <= 3; n++ {
		day := today.AddDays(n - 4)
		r := meterOf(h, day)
		b := r.Break
		if b == nil || !b.Ongoing || b.Days != n || b.Start != today.AddDays(-3) || b.After.Date != day || b.After.Score != r.Score {
			t.Errorf("day %d of the break: follow-up %+v", n, b)
		}
		if r.Tip.ID != TipStepAway || !strings.HasPrefix(r.Tip.Title, "Day "+string(rune('0'+n))+" of your") {
			t.Errorf("day %d of the break: tip %s %q; want step_away, day %d", n, r.Tip.ID, r.Tip.Title, n)
		}
	}
}

// After the break the slump may not have lifted yet: the meter does not
// send the runner straight back into another break, nor tell them to cut
// the hard efforts of before it.
func TestNoStepAwayRightAfterABreak(t *testing.T) {
	h := days(-12, slices.Concat(repeat(9, slumpSpec), repeat(3, restSpec), []string{"e3 s5 mood1 mot1"})...)
	r := meterOf(h, today)
	if !r.DeepSlump || r.RestRun != 0 || r.Break == nil || r.Tip.ID != TipEaseBack {
		t.Errorf("deep %v, rest run %d, break %v, tip %s; want a deep slump, the break followed up, ease_back\n%s",
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
		{"a break that ended 7 days ago",
			days(-19, slices.Concat(repeat(10, slumpSpec), repeat(3, restSpec), repeat(7, normalSpec))...), today, -9},
		{"one that ended 8 days ago is over",
			days(-20, slices.Concat(repeat(10, slumpSpec), repeat(3, restSpec), repeat(8, normalSpec))...), today, 1},
		{"5 rest days", days(-12, slices.Concat(repeat(7, slumpSpec), repeat(5, restSpec), []string{normalSpec})...), today, -5},
		{"a week of rest is a break whatever came before",
			days(-12, slices.Concat(repeat(5, normalSpec), repeat(7, restSpec), []string{normalSpec})...), today, -7},
		{"a break of 10 days", days(-20, slices.Concat(repeat(10, slumpSpec), repeat(10, restSpec), []string{normalSpec})...), today, -10},
		{"rest days after ordinary days are no break to follow up",
			days(-12, slices.Concat(repeat(9, normalSpec), repeat(3, restSpec), []string{normalSpec})...), today, 1},
		{"2 rest days are no break", days(-12, slices.Concat(repeat(10, slumpSpec), repeat(2, restSpec), []string{normalSpec})...), today, 1},
		{"a missing day splits the rest days",
			days(-12, slices.Concat(repeat(9, slumpSpec), []string{restSpec, "-", restSpec, restSpec})...), today, 1},
		{"sick days are a break too",
			days(-12, slices.Concat(repeat(9, slumpSpec), repeat(3, "e0 sick"), []string{normalSpec})...), today, -3},
		{"rest days within a week of a break are easing back from it",
			days(-14, slices.Concat(repeat(5, slumpSpec), repeat(3, restSpec), repeat(3, slumpSpec), repeat(3, restSpec), []string{normalSpec})...),
			today, -9},
		{"signs not yet deep call for no break",
			days(-12, slices.Concat(repeat(6, normalSpec), repeat(2, slumpSpec), repeat(3, restSpec), []string{normalSpec})...), today, 1},
		{"the latest break counts",
			days(-20, slices.Concat(repeat(3, slumpSpec), repeat(3, restSpec), repeat(11, slumpSpec), repeat(3, restSpec), []string{normalSpec})...),
			today, -3},
		{"signs with no training-load cause call for no break",
			days(-12, slices.Concat(slices.Repeat([]string{"e0 s8 mood1 mot1", "e3 s8 mood1 mot1", "e3 s8 mood1 mot1"}, 3),
				repeat(3, restSpec), []string{normalSpec})...), today, 1},
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

// The story: signs that last lead to step_away; the break is
// followed up and eased back from; when the signs are still there a week
// after 3 rest days, 14 days in, the tip becomes see_a_professional, and
// stays while they do.
func TestEscalation(t *testing.T) {
	h := days(-29, slices.Concat(repeat(5, slumpSpec), repeat(3, "e0 s5 mood1 mot1"), repeat(22, "e2 s5 mood1 mot1"))...)
	rs := readingsOf(h, today.AddDays(-29), today)
	tips := make([]string, len(rs))
	for i, r := range rs {
		tips[i] = r.Tip.ID
		if r.Tip.ID == TipSeeAProfessional && r.SignStreak < escalateDays {
			t.Errorf("%s: see_a_professional after %d days of signs", r.Date, r.SignStreak)
		}
	}
	// 2 days too few to read; the first day of signs, at the watch level,
	// names the strongest cause; step_away once they are deep, then 3 days
	// of the break; a week of easing back; then signs for 14 days despite
	// the rest.
	want := slices.Concat(repeat(2, TipKeepCheckingIn), []string{TipSleepMore}, repeat(2+3, TipStepAway), repeat(easeBackDays, TipEaseBack),
		repeat(15, TipSeeAProfessional))
	if !slices.Equal(tips, want) {
		t.Errorf("tips day by day:\n%v\nwant\n%v", tips, want)
	}
	if r := rs[len(rs)-1]; r.SignStreak != MaxSlumpStreak || r.SlumpRestDays != 0 {
		t.Errorf("after 29 days: sign streak %d with %d rest days; want %d and 0 (the rest is older than the streak counts)",
			r.SignStreak, r.SlumpRestDays, MaxSlumpStreak)
	}

	// Without any rest, step_away goes on until the signs are 3 weeks old.
	h = days(-29, repeat(30, slumpSpec)...)
	rs = readingsOf(h, today.AddDays(-29), today)
	for _, r := range rs {
		want := TipStepAway
		switch {
		case r.Level == LevelUnknown:
			continue
		case r.SignStreak >= MaxSlumpStreak:
			want = TipSeeAProfessional
		case !r.DeepSlump:
			continue
		}
		if r.Tip.ID != want {
			t.Errorf("%s, sign streak %d without rest: tip %s, want %s", r.Date, r.SignStreak, r.Tip.ID, want)
		}
	}
}
