package slump

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// randomJournal returns a journal of span days ending 5 days after today,
// shaped per journal so that every signal, every tip, every hint and the
// break follow-up turn up: a logging rate, minutes on most days or few,
// legs answered or not, loads that vary or repeat, and often a last stretch
// that goes wrong (mood, motivation, legs and sleep down, more hard
// efforts, a load spike) with or without a break of 3-5 rest days in it,
// a stretch sick or injured, travel and races. With dups, some dates appear
// twice.
func randomJournal(rng *rand.Rand, span int, dups bool) []Checkin {
	pLogged := 0.6 + 0.4*rng.Float64()
	pMinutes := []float64{0, 0.5, 0.9, 1}[rng.IntN(4)]
	pRest := 0.4 * rng.Float64()
	pLegs := []float64{0, 0.8, 1}[rng.IntN(3)]
	sameLoad := rng.IntN(4) == 0 // every training day alike: monotonous
	moodLo, motLo, legsLo := 1+rng.IntN(3), 1+rng.IntN(3), 1+rng.IntN(3)
	sleepLo := 500 + rng.IntN(300)
	effortLo := 1 + rng.IntN(5)
	baseMinutes := 20 + rng.IntN(60)
	pTravel, pRace := []float64{0, 0.05}[rng.IntN(2)], []float64{0, 0.04}[rng.IntN(2)]

	badFrom := today.AddDays(5 + 1) // no bad stretch
	if rng.IntN(3) > 0 {
		badFrom = today.AddDays(-rng.IntN(30))
	}
	breakAt, breakLen := Date{}, 0
	if rng.IntN(2) == 0 {
		breakAt, breakLen = today.AddDays(-rng.IntN(14)), 3+rng.IntN(3)
	}
	sickAt, sickLen, sickType := Date{}, 0, DaySick
	if rng.IntN(4) == 0 {
		sickAt, sickLen = today.AddDays(-rng.IntN(20)), 1+rng.IntN(6)
		if rng.IntN(3) == 0 {
			sickType = DayInjured
		}
	}
	spike := rng.IntN(3) == 0

	var h []Checkin
	for d := today.AddDays(-(span - 6)); !d.After(today.AddDays(5)); d = d.AddDays(1) {
		if rng.Float64() > pLogged {
			continue
		}
		bad := !d.Before(badFrom)
		c := Checkin{
			Date:       d,
			Mood:       moodLo + rng.IntN(MaxMood-moodLo+1),
			Motivation: motLo + rng.IntN(MaxMotivation-motLo+1),
			SleepHours: float64(sleepLo+rng.IntN(1000-sleepLo)) / 100,
			Effort:     effortLo + rng.IntN(MaxEffort-effortLo+1),
		}
		legs := legsLo + rng.IntN(MaxLegs-legsLo+1)
		minutes := baseMinutes + rng.IntN(90)
		if sameLoad {
			c.Effort, minutes = effortLo+2, baseMinutes
		}
		if bad {
			c.Mood = max(MinMood, c.Mood-1-rng.IntN(3))
			c.Motivation = max(MinMotivation, c.Motivation-1-rng.IntN(3))
			legs = max(MinLegs, legs-1-rng.IntN(3))
			c.SleepHours = max(0, c.SleepHours-float64(rng.IntN(3)))
			c.Effort = min(MaxEffort, c.Effort+rng.IntN(4))
		}
		if rng.Float64() < pLegs {
			c.Legs = Int(legs)
		}
		if spike && today.DaysSince(d) < 7 {
			minutes *= 3
		}
		if rng.Float64() < pRest {
			c.Effort = RestEffort
		}
		if !breakAt.IsZero() && !d.Before(breakAt) && d.DaysSince(breakAt) < breakLen {
			c.Effort = RestEffort
		}
		switch {
		case !sickAt.IsZero() && !d.Before(sickAt) && d.DaysSince(sickAt) < sickLen:
			c.DayType = sickType
			if rng.IntN(2) == 0 {
				c.Effort = RestEffort
			}
		case c.Effort > RestEffort && rng.Float64() < pRace:
			c.DayType = DayRace
		case rng.Float64() < pTravel:
			c.DayType = DayTravel
			c.SleepHours = max(0, c.SleepHours-2)
		}
		if rng.Float64() < pMinutes {
			if c.Effort == RestEffort {
				minutes = 0
			}
			c.Minutes = Int(minutes)
		}
		h = append(h, c)
		if dups && rng.IntN(15) == 0 {
			c2 := c
			c2.Mood = 1 + rng.IntN(MaxMood)
			h = append(h, c2)
		}
	}
	rng.Shuffle(len(h), func(i, j int) { h[i], h[j] = h[j], h[i] })
	return h
}

// withoutEWMA returns r without Metrics.ACWREWMA, the one figure that
// depends on the journal before the window.
func withoutEWMA(r Reading) Reading {
	r.Metrics.ACWREWMA = nil
	r.Metrics.Fitness, r.Metrics.Fatigue, r.Metrics.Form, r.Metrics.FormPercent = nil, nil, nil, nil
	r.Metrics.FormBand, r.Metrics.FitnessUnknownDays = nil, nil
	return r
}

// formCauseIn reports whether form_high_risk fires on a day from from to
// to in the journal h: the readings of those days then depend on the
// journal's load series, not on the window's rows alone.
func formCauseIn(h []Checkin, from, to Date) bool {
	return formCause(NewMeter(DefaultConfig()).Readings(h, nil, from, to)...)
}

// formCause reports whether a reading holds form_high_risk, which reads
// the journal's load series (from the first check-in), as fitness does:
// the window's rows alone may not show it.
func formCause(rs ...Reading) bool {
	for _, r := range rs {
		if slices.ContainsFunc(r.Signals, func(s Signal) bool { return s.ID == SignalFormHighRisk }) {
			return true
		}
	}
	return false
}

func inRange(h []Checkin, from, to Date) []Checkin {
	var out []Checkin
	for _, c := range h {
		if !c.Date.Before(from) && !c.Date.After(to) {
			out = append(out, c)
		}
	}
	return out
}

// The store loads only Window(day): given the journal's loads as well, the
// reading is exactly the one of the whole journal; without them, only the
// EWMA ratio (which starts at the first check-in) can differ.
func TestMeterReadsOnlyTheWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cfg := DefaultConfig()
	ewmaDiffers := 0
	for i := range 2000 {
		h := randomJournal(rng, 60+rng.IntN(100), true)
		if i%2 == 1 {
			h = randomHistory(rng, true)
		}
		day := today.AddDays(-rng.IntN(5))
		from, to := Window(day)
		windowed := inRange(h, from, to)
		full := meterOf(h, day)
		if got := NewMeter(cfg).Reading(windowed, LoadsOf(h), day); !reflect.DeepEqual(got, full) {
			t.Fatalf("history %d: whole journal gives\n%+v\nthe window with the journal's loads gives\n%+v", i, full, got)
		}
		part := meterOf(windowed, day)
		if !formCauseIn(h, from, day) && !formCauseIn(windowed, from, day) && !reflect.DeepEqual(withoutEWMA(part), withoutEWMA(full)) {
			t.Fatalf("history %d: whole journal gives\n%+v\nthe window gives\n%+v", i, full, part)
		}
		if !reflect.DeepEqual(part, full) {
			ewmaDiffers++
		}
	}
	if ewmaDiffers == 0 {
		t.Error("the EWMA of the window never differed from the journal's: the journals are too short")
	}
}

func hasSignal(r Reading, id string) bool {
	return slices.ContainsFunc(r.Signals, func(s Signal) bool { return s.ID == id })
}

// signalPoints is the points of signal id in r, 0 when it did not fire.
func signalPoints(r Reading, id string) int {
	for _, s := range r.Signals {
		if s.ID == id {
			return s.Points
		}
	}
	return 0
}

func hasHint(r Reading, id string) bool {
	return slices.ContainsFunc(r.Hints, func(h Hint) bool { return h.ID == id })
}

// signIDs are the signals of kind sign; every other signal is a cause.
var signIDs = []string{SignalLowMotivation, SignalLowMood, SignalHeavyLegs, SignalPersistent}

// loadCauseIDs are the causes in the training load itself.
var loadCauseIDs = []string{SignalHardEfforts, SignalNoRestDay, SignalMonotony, SignalLoadSpike}

func hasSign(r Reading) bool {
	return slices.ContainsFunc(r.Signals, func(s Signal) bool { return s.Kind == KindSign })
}

func hasLoadCause(r Reading) bool {
	return slices.ContainsFunc(r.Signals, func(s Signal) bool { return slices.Contains(loadCauseIDs, s.ID) })
}

// isBreakTip reports whether r's tip is the tip of a break under way, one
// that says which day of it the runner is on.
func isBreakTip(r Reading) bool { return strings.HasPrefix(r.Tip.Title, "Day ") }

// checkReading checks the invariants of any reading, and returns a reason
// when one does not hold.
func checkReading(r Reading, cfg Config) string {
	tips := map[string]Tip{}
	for _, tip := range NewMeter(cfg).Tips() {
		tips[tip.ID] = tip
	}
	sum, strongestSign := 0, 0
	var firstCause *Signal
	for j, s := range r.Signals {
		sum += s.Points
		if j > 0 && s.Points > r.Signals[j-1].Points {
			return "signals not strongest first"
		}
		if s.Detail == "" || strings.Contains(s.Detail, "\n") || s.Short == "" {
			return fmt.Sprintf("detail %q, short %q", s.Detail, s.Short)
		}
		if want := map[bool]string{true: KindSign, false: KindCause}[slices.Contains(signIDs, s.ID)]; s.Kind != want {
			return fmt.Sprintf("signal %s of kind %s", s.ID, s.Kind)
		}
		if s.Kind == KindSign {
			strongestSign = max(strongestSign, s.Points)
		} else if firstCause == nil && s.ID != SignalLoadSpike {
			firstCause = &r.Signals[j]
		}
		if s.ID == SignalLoadSpike && s.Points >= WatchFrom {
			return "load_spike reaches the watch band alone"
		}
	}
	for _, h := range r.Hints {
		if !slices.Contains([]string{HintRestNotLogged, HintTravelSleep, HintUnwellDays}, h.ID) || h.Detail == "" ||
			strings.Contains(h.Detail, "\n") {
			return fmt.Sprintf("hint %+v", h)
		}
	}
	wantScore := min(sum, MaxScore)
	if strongestSign < pointsLow || !r.DeepSlump {
		wantScore = min(sum, SlumpFrom-1)
	}
	m := r.Metrics
	w := r.Week
	signs := hasSign(r)
	switch {
	case r.Headline == "" || strings.Contains(r.Headline, "\n"):
		return fmt.Sprintf("headline %q", r.Headline)
	case r.Score < 0 || r.Score > MaxScore:
		return fmt.Sprintf("score %d out of 0..100", r.Score)

	// Property 5: too few check-ins are unknown, never a green ok.
	case (r.Level == LevelUnknown) != (w.Checkins < 3):
		return fmt.Sprintf("level %s with %d check-ins", r.Level, w.Checkins)
	case r.Level == LevelUnknown && (r.Score != 0 || len(r.Signals) != 0 || r.Tip.ID != TipKeepCheckingIn ||
		r.SlumpStreak != 0 || r.SignStreak != 0 || r.DeepSlump || r.Break != nil):
		return fmt.Sprintf("unknown reading with score %d, tip %s", r.Score, r.Tip.ID)
	case r.Level == LevelUnknown:
		return ""

	case r.Score != wantScore:
		return fmt.Sprintf("score %d, points add up to %d (strongest sign %d)", r.Score, sum, strongestSign)
	case r.Level != LevelOf(r.Score):
		return fmt.Sprintf("level %s for score %d", r.Level, r.Score)

	// Property 1: no sign, no slump, no break, no doctor; causes say risk
	// is building and name their own tip.
	case !signs && (r.Level == LevelSlump || r.Tip.ID == TipStepAway || r.Tip.ID == TipSeeAProfessional ||
		r.DeepSlump || r.SignStreak != 0):
		return fmt.Sprintf("no sign, yet level %s, tip %s, deep %v, sign streak %d", r.Level, r.Tip.ID, r.DeepSlump, r.SignStreak)
	case !signs && firstCause != nil && !slices.Contains([]string{TipKeepCheckingIn, TipGetWell, TipEaseBack}, r.Tip.ID) &&
		(r.Tip.ID != causeTipOf(firstCause.ID) || !strings.Contains(r.Headline, "risk is building")):
		return fmt.Sprintf("causes alone: tip %s, headline %q", r.Tip.ID, r.Headline)
	case !signs && firstCause == nil && !slices.Contains([]string{TipKeepCheckingIn, TipGetWell, TipEaseBack}, r.Tip.ID) &&
		r.Tip.ID != TipListenToBody:
		return fmt.Sprintf("nothing fired, tip %s", r.Tip.ID)

	// Property 2: a professional only after 14 days of signs despite rest.
	case r.Tip.ID == TipSeeAProfessional && !(r.SignStreak >= 14 && r.SlumpRestDays >= 3 &&
		(signalPoints(r, SignalLowMood) >= realSign || signalPoints(r, SignalHeavyLegs) >= realSign) ||
		r.SignStreak >= MaxSlumpStreak && signalPoints(r, SignalLowMood) >= realSign):
		return fmt.Sprintf("see_a_professional after %d days of signs with %d rest days", r.SignStreak, r.SlumpRestDays)
	case r.SignStreak > 0 && strongestSign < realSign:
		return fmt.Sprintf("a sign streak of %d days with no sign of %d points today", r.SignStreak, realSign)

	// Property 4: unknown stays unknown.
	case hasSignal(r, SignalNoRestDay) != (cfg.RestDaysPerWeek-w.RestDays > 7-w.Checkins):
		return fmt.Sprintf("no_rest_day %v with %d rest days in %d logged", hasSignal(r, SignalNoRestDay), w.RestDays, w.Checkins)
	case hasHint(r, HintRestNotLogged) != (w.RestDays < cfg.RestDaysPerWeek && !hasSignal(r, SignalNoRestDay)):
		return fmt.Sprintf("rest hint %v with %d rest days in %d logged", hasHint(r, HintRestNotLogged), w.RestDays, w.Checkins)
	case (m.Strain != nil) != (m.LoadKnownDays == 7), m.Monotony != nil && m.Strain == nil:
		return fmt.Sprintf("monotony %v, strain %v with %d known loads", m.Monotony, m.Strain, m.LoadKnownDays)
	case hasSignal(r, SignalMonotony) != (m.Monotony != nil && *m.Monotony > cfg.MonotonyLimit &&
		(m.ACWR == nil || *m.ACWR >= monotonyMinRatio)): // alike days at a low load are recovery
		return fmt.Sprintf("monotony signal with monotony %v", m.Monotony)

	// Property 7: during a break and the week after it, the tip talks
	// about the break, never about cutting training.
	case r.Break != nil && r.Break.Ongoing && !slices.Contains([]string{TipStepAway, TipEaseBack, TipSeeAProfessional}, r.Tip.ID),
		r.Break != nil && !r.Break.Ongoing && !slices.Contains([]string{TipEaseBack, TipSeeAProfessional, TipGetWell, TipKeepCheckingIn}, r.Tip.ID):
		return fmt.Sprintf("tip %s with a break %+v", r.Tip.ID, *r.Break)
	case isBreakTip(r) != (r.Break != nil && r.Break.Ongoing && r.Tip.ID != TipSeeAProfessional):
		return fmt.Sprintf("tip %q with break %v", r.Tip.Title, r.Break)
	case r.Tip.ID == TipStepAway && (!signs || !r.DeepSlump && !isBreakTip(r)):
		return fmt.Sprintf("step_away with signs %v, deep %v", signs, r.DeepSlump)
	case !isBreakTip(r) && r.Tip != tips[r.Tip.ID]:
		return fmt.Sprintf("tip %+v is not one of the meter's Tips()", r.Tip)

	case r.SlumpStreak < 0 || r.SlumpStreak > MaxSlumpStreak || r.SignStreak < r.SlumpStreak || r.SignStreak > MaxSlumpStreak:
		return fmt.Sprintf("streaks %d, %d", r.SlumpStreak, r.SignStreak)
	case r.SlumpRestDays < 0 || r.SlumpRestDays > r.SignStreak:
		return fmt.Sprintf("%d rest days in a sign streak of %d", r.SlumpRestDays, r.SignStreak)
	case (r.SlumpStreak > 0) != (r.Level == LevelSlump):
		return fmt.Sprintf("streak %d at level %s", r.SlumpStreak, r.Level)
	case r.Level == LevelSlump && !r.DeepSlump, hasSignal(r, SignalPersistent) && !r.DeepSlump:
		return fmt.Sprintf("DeepSlump %v", r.DeepSlump)
	case len(r.Signals) == 1 && r.Signals[0].ID == SignalLoadSpike &&
		!slices.Contains([]string{TipListenToBody, TipKeepCheckingIn, TipGetWell, TipEaseBack}, r.Tip.ID):
		return "a load spike alone picked the tip"
	case w.Checkins > 7 || w.HardEfforts > w.Checkins || w.RestDays > w.Checkins || w.UnwellDays > w.RestDays ||
		w.TravelDays > w.Checkins:
		return fmt.Sprintf("week %+v", w)
	case m.LoadKnownDays+m.LoadUnknownDays > w.Checkins:
		return fmt.Sprintf("%d known and %d unknown loads in %d logged days", m.LoadKnownDays, m.LoadUnknownDays, w.Checkins)
	case (m.WeeklyLoad != nil) != (m.LoadKnownDays >= 5):
		return fmt.Sprintf("weekly load %v with %d known days", m.WeeklyLoad, m.LoadKnownDays)
	case m.Monotony != nil && (*m.Monotony <= 0 || *m.Monotony > 10 || *m.WeeklyLoad == 0):
		return fmt.Sprintf("monotony %v", *m.Monotony)
	case m.Monotony == nil && m.Strain != nil && *m.WeeklyLoad != 0:
		return "no monotony for a week with load"
	case hasSignal(r, SignalLoadSpike) != (m.ACWR != nil && *m.ACWR >= cfg.ACWRLimit):
		return fmt.Sprintf("load_spike with ratio %v", m.ACWR)
	case m.ACWREWMA != nil && m.ACWR == nil, m.ACWR != nil && (*m.ACWR < 0 || *m.ACWR > 4):
		return "load ratios"
	case r.Break != nil && (r.Break.Days < 3 && !r.Break.Ongoing || r.Break.End.DaysSince(r.Break.Start) != r.Break.Days-1 ||
		r.Date.DaysSince(r.Break.End) > 7 || r.Break.After.Score != r.Score || r.Break.After.Date != r.Date ||
		r.Break.Before.Date != r.Break.Start.AddDays(-1) || r.Break.Ongoing != (r.Break.End == r.Date) || r.Break.Ongoing && r.RestRun != min(r.Break.Days, maxRestRun)):
		return fmt.Sprintf("break %+v", *r.Break)
	}
	for _, b := range []*Baseline{m.Sleep, m.Mood, m.Motivation, m.Legs} {
		if b != nil && (b.Days < 14 || b.Days > 28 || b.RecentDays < 2 || b.RecentDays > 7 || b.SD < 0 ||
			math.IsNaN(b.Z) || b.Z > 0 != (b.Recent > b.Mean)) {
			return fmt.Sprintf("baseline %+v", *b)
		}
	}
	return ""
}

// causeTipOf is the tip a cause names.
func causeTipOf(id string) string {
	return map[string]string{SignalHardEfforts: TipCapHardEfforts, SignalNoRestDay: TipTakeRestDay,
		SignalShortSleep: TipSleepMore, SignalMonotony: TipMixItUp}[id]
}

// checkDays checks the properties that read a reading's days before it:
// rs are the readings of consecutive days, h the journal they come from
// (each date once).
func checkDays(rs []Reading, h []Checkin, j int) string {
	r := rs[j]
	if r.Level == LevelUnknown {
		return ""
	}
	byDate := map[Date]Checkin{}
	for _, c := range h {
		byDate[c.Date] = c
	}
	unwell := func(d Date) bool { c, ok := byDate[d]; return ok && c.DayType.Unwell() }
	// Property 3: signs with no training-load cause in the last 14 days
	// never give step_away.
	if r.Tip.ID == TipStepAway && j >= 13 && !slices.ContainsFunc(rs[j-13:j+1], hasLoadCause) {
		return "step_away with no training-load cause in 14 days"
	}
	// Property 6: sick or injured, training advice is paused; after 3 days
	// of it in a row, no step_away for 7 days.
	latest, logged := r.Date, false
	for _, d := range []Date{r.Date, r.Date.AddDays(-1)} {
		if _, ok := byDate[d]; ok {
			latest, logged = d, true
			break
		}
	}
	if logged && unwell(latest) && (r.Break == nil || !r.Break.Ongoing) &&
		!slices.Contains([]string{TipGetWell, TipSeeAProfessional}, r.Tip.ID) {
		return fmt.Sprintf("tip %s on a day logged unwell", r.Tip.ID)
	}
	if r.Tip.ID == TipStepAway && !isBreakTip(r) {
		for end := r.Date.AddDays(-1); !end.Before(r.Date.AddDays(-7)); end = end.AddDays(-1) {
			if unwell(end) && unwell(end.AddDays(-1)) && unwell(end.AddDays(-2)) {
				return "step_away within 7 days of 3 days unwell"
			}
		}
	}
	// Property 7: after a day that said step_away, a rest day is a break,
	// followed up from its first day.
	if j > 0 && rs[j-1].Tip.ID == TipStepAway && !isBreakTip(rs[j-1]) && r.RestRun > 0 &&
		(r.Break == nil || !r.Break.Ongoing || r.Break.Start.After(r.Date)) {
		return fmt.Sprintf("a rest day after step_away is no break: %+v", r.Break)
	}
	return ""
}

// The properties, on the readings of 21 days of thousands of
// random journals: checkReading holds 1 (no sign: at most watch, never
// step_away or see_a_professional, causes name their own tip), 2 (a
// professional after 14 days of signs despite rest), 4 (unknown stays
// unknown), 5 (too few check-ins: unknown) and 7 (a break and the week after
// it talk about the break); checkDays holds 3 (no training-load cause in 14
// days: never step_away), 6 (sick or injured: advice paused, no step_away
// for 7 days after 3 of them) and 7 (resting after step_away starts the
// break). TestMeterMonotonic holds 8.
func TestMeterProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cfg := DefaultConfig()
	seen := map[string]bool{}
	breaks := 0
	for i := range 3000 {
		var h []Checkin
		if i%3 == 0 {
			h = randomHistory(rng, false)
		} else {
			h = randomJournal(rng, 40+rng.IntN(80), false)
		}
		rs := readingsOf(h, today.AddDays(-20), today)
		for j, r := range rs {
			why := checkReading(r, cfg)
			if why == "" {
				why = checkDays(rs, h, j)
			}
			if why != "" {
				t.Fatalf("history %d, %s: %s\n%s  tip %s %q, headline %q", i, r.Date, why, describe(r), r.Tip.ID, r.Tip.Title, r.Headline)
			}
			for _, s := range r.Signals {
				seen[s.ID] = true
			}
			for _, h := range r.Hints {
				seen[h.ID] = true
			}
			seen[r.Tip.ID] = true
			seen[string(r.Level)] = true
			if r.Break != nil {
				breaks++
			}
		}
	}
	for _, id := range []string{SignalHardEfforts, SignalNoRestDay, SignalShortSleep, SignalLowMotivation,
		SignalLowMood, SignalHeavyLegs, SignalMonotony, SignalLoadSpike, SignalPersistent,
		HintRestNotLogged, HintTravelSleep, HintUnwellDays,
		string(LevelUnknown), string(LevelOK), string(LevelWatch), string(LevelSlump)} {
		if !seen[id] {
			t.Errorf("random histories never produced %s: the generator is too narrow", id)
		}
	}
	for _, tip := range defaults.Tips() {
		if !seen[tip.ID] && tip.ID != TipTaper { // a race's: see race_test.go
			t.Errorf("random histories never produced tip %s: the generator is too narrow", tip.ID)
		}
	}
	if breaks == 0 {
		t.Error("random histories never produced a break follow-up")
	}
}

// The score stays in 0..100 whatever the history and whatever the Config,
// even one that Validate refuses (NewMeter clamps it).
func TestScoreInRangeWithAnyConfig(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for i := range 2000 {
		cfg := Config{
			HardEffort:         rng.IntN(14) - 2,
			HardEffortsPerWeek: rng.IntN(10) - 1,
			RestDaysPerWeek:    rng.IntN(10) - 1,
			SleepTargetHours:   []float64{math.NaN(), -1, 0, 3, 6.5, 7, 8.25, 12, 30}[rng.IntN(9)],
			MonotonyLimit:      []float64{math.NaN(), 0, 1, 1.5, 2, 10, 50}[rng.IntN(7)],
			ACWRLimit:          []float64{math.NaN(), -3, 1, 1.3, 1.5, 4, 9}[rng.IntN(7)],
		}
		h := randomJournal(rng, 40+rng.IntN(60), true)
		r := NewMeter(cfg).Reading(h, nil, today)
		if why := checkReading(r, cfg.clamped()); why != "" {
			t.Fatalf("history %d, config %+v: %s\n%s", i, cfg, why, describe(r))
		}
		if cfg.Validate() == nil && !reflect.DeepEqual(cfg, cfg.clamped()) {
			t.Fatalf("a valid config %+v is changed by clamping", cfg)
		}
	}
}

// Order does not matter when each date appears once.
func TestMeterIgnoresOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 1000 {
		h := randomJournal(rng, 40+rng.IntN(60), false)
		want := meterOf(h, today)
		rng.Shuffle(len(h), func(i, j int) { h[i], h[j] = h[j], h[i] })
		if got := meterOf(h, today); !reflect.DeepEqual(got, want) {
			t.Fatalf("history %d: shuffled gives\n%+v\nwant\n%+v", i, got, want)
		}
	}
}

// stripMinutes returns h with no minutes logged: every training load
// unknown, so the load signals cannot fire.
func stripMinutes(h []Checkin) []Checkin {
	h = slices.Clone(h)
	for i := range h {
		h[i].Minutes = nil
	}
	return h
}

// Making one logged day worse never lowers the score, and making it better
// never raises it, within limits that the model sets by design (see
// TestMonotonicityLimits for why each limit is needed):
//
//   - one more hard effort never lowers the score, when it does not change
//     the day's training load: in a journal without minutes, or on a day
//     whose load is unknown (effort without minutes). With a known load it
//     can, because a harder day among easy ones makes the week less
//     monotonous (Foster) and a heavier past lowers the load ratio;
//   - a day becoming a complete rest day never raises it, in a journal
//     without minutes, for the same reasons;
//   - a training day becoming a race (a hard effort whatever its effort)
//     never lowers it;
//   - more sleep, better mood, motivation or legs on a day of the
//     reading's week never raise it. On an earlier day they raise the
//     runner's usual, and the same week can then fall below it.
//
// (Adding a day is not monotonic: a good day pulls the averages up, and
// logging a day can complete the coverage rules.)
func TestMeterMonotonic(t *testing.T) {
	inWeek := func(c Checkin) bool { return !c.Date.After(today) && today.DaysSince(c.Date) < 7 }
	tests := []struct {
		name     string
		journal  func([]Checkin) []Checkin
		applies  func(Checkin) bool
		change   func(*Checkin)
		worse    bool
		minTries int
	}{
		{"a day becomes a hard effort (no minutes logged)", stripMinutes,
			func(c Checkin) bool { return c.Effort < HardEffort },
			func(c *Checkin) { c.Effort = HardEffort + c.Effort%(MaxEffort-HardEffort+1) }, true, 1000},
		{"a day of unknown load becomes a hard effort", nil,
			func(c Checkin) bool { return c.Effort > 0 && c.Effort < HardEffort && c.Minutes == nil },
			func(c *Checkin) { c.Effort = HardEffort }, true, 500},
		{"a day becomes a rest day (no minutes logged)", stripMinutes,
			func(c Checkin) bool { return c.Effort != RestEffort },
			func(c *Checkin) { c.Effort = RestEffort }, false, 1000},
		{"an hour more sleep in the week", nil, inWeek,
			func(c *Checkin) { c.SleepHours = min(c.SleepHours+1, MaxSleepHours) }, false, 1000},
		{"lower mood in the week", nil, inWeek,
			func(c *Checkin) { c.Mood = max(c.Mood-1, MinMood) }, true, 1000},
		{"lower motivation in the week", nil, inWeek,
			func(c *Checkin) { c.Motivation = max(c.Motivation-1, MinMotivation) }, true, 1000},
		{"heavier legs in the week", nil, func(c Checkin) bool { return inWeek(c) && c.Legs != nil },
			func(c *Checkin) { c.Legs = Int(max(*c.Legs-1, MinLegs)) }, true, 500},
		{"a training day becomes a race", nil, func(c Checkin) bool { return c.DayType == "" && c.Effort != RestEffort },
			func(c *Checkin) { c.DayType = DayRace }, true, 1000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, 8))
			tried := 0
			for i := range 3000 {
				h := randomJournal(rng, 40+rng.IntN(60), false)
				if i%3 == 0 {
					h = randomHistory(rng, false)
				}
				if tc.journal != nil {
					h = tc.journal(h)
				}
				var cands []int
				for j, c := range h {
					if tc.applies(c) {
						cands = append(cands, j)
					}
				}
				if len(cands) == 0 {
					continue
				}
				before := meterOf(h, today)
				j := cands[rng.IntN(len(cands))]
				tc.change(&h[j])
				after := meterOf(h, today)
				tried++
				if tc.worse && after.Score < before.Score || !tc.worse && after.Score > before.Score {
					t.Fatalf("history %d: score %d -> %d after changing %s\nbefore:\n%s\nafter:\n%s",
						i, before.Score, after.Score, h[j].Date, describe(before), describe(after))
				}
			}
			if tried < tc.minTries {
				t.Errorf("only %d changes tried", tried)
			}
		})
	}
}

// Where the properties above stop, by design.
func TestMonotonicityLimits(t *testing.T) {
	// A harder day among alike ones makes the week less monotonous.
	alike := week("e4 min60", "e4 min60", "e4 min60", "e0", "e4 min60", "e4 min60", "e4 min60")
	harder := slices.Clone(alike)
	harder[6].Effort = 10 // 600 AU: monotony 1.58
	if a, b := meterOf(alike, today), meterOf(harder, today); a.Score != 10 || b.Score != 0 {
		t.Errorf("one more hard effort: %d -> %d, want 10 -> 0 (monotony goes)", a.Score, b.Score)
	}

	// A better night before the week raises the usual, and the week falls
	// below it.
	h := join(days(-34, repeat(28, "e3 s8 mood4 mot4")...), week(calm...).withAll("s7.3"))
	better := slices.Clone(h)
	better[0].SleepHours = 10
	a, b := meterOf(h, today), meterOf(better, today)
	if a.Score != 5 || b.Score != 10 {
		t.Errorf("a better night before the week: %d -> %d, want 5 -> 10\n%s%s", a.Score, b.Score, describe(a), describe(b))
	}
}

func BenchmarkMeter(b *testing.B) {
	h := make([]Checkin, 0, 3650)
	for i := range 3650 {
		c := checkin(today.AddDays(i-3649), "e5 s7.5 mood3 mot3 min50")
		c.Effort = i % 11
		h = append(h, c)
	}
	loads := LoadsOf(h)
	wFrom, wTo := Window(today)
	w := inRange(h, wFrom, wTo)
	cfg := DefaultConfig()
	b.Run("10 years", func(b *testing.B) {
		for b.Loop() {
			meterOf(h, today)
		}
	})
	b.Run("window", func(b *testing.B) {
		for b.Loop() {
			meterOf(w, today)
		}
	})
	// What laceup meter does: the window's check-ins and the journal's
	// loads, the EWMA run over all 10 years.
	b.Run("window and 10 years of loads", func(b *testing.B) {
		for b.Loop() {
			NewMeter(cfg).Reading(w, loads, today)
		}
	})
	b.Run("12 weeks of readings, 10 years of loads", func(b *testing.B) {
		from := today.AddDays(-83)
		start, end := SeriesWindow(from, today)
		rows := inRange(h, start, end)
		for b.Loop() {
			NewMeter(cfg).Readings(rows, loads, from, today)
		}
	})
}
