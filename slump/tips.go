package slump

import (
	"fmt"
	"strconv"
)

// Where the advice comes from. The tips paraphrase the article; none quotes it.
const (
	sourceArticle = `Megan Sloan, "The Training Slump is a Real Thing" (2023)`
	sourceSleep   = sourceArticle + `; adults need 7 hours or more a night: Watson et al., AASM/SRS consensus recommendation (2015)`
	sourceMeeusen = `Meeusen et al., joint consensus statement of the ECSS and ACSM on the overtraining syndrome (2013)`
	sourceMix     = sourceArticle + `; training monotony: Foster (1998)`
	sourceDaily   = `Saw, Main & Gastin, BJSM (2016): how athletes say they feel tracks training best`
	sourceUnwell  = sourceArticle + `; illness and injury come before training: Meeusen et al., ECSS/ACSM consensus (2013)`
	sourceBeyond  = `Meeusen et al., ECSS/ACSM consensus (2013): lasting fatigue and low mood have causes beyond training, for a doctor to rule out`
	sourceTaper   = sourceArticle + `; the taper: Mujika & Padilla, Med Sci Sports Exerc (2003): cut the volume, keep some intensity, for up to 2 weeks`
)

// Tips returns every tip the meter can give, in the order the meter
// considers them, worded from the meter's settings: the number of hard
// efforts and rest days a week and the sleep target they quote are the
// runner's own. The slice is new on every call; changing it changes nothing
// else.
func (m Meter) Tips() []Tip {
	ids := tipIDs()
	out := make([]Tip, len(ids))
	for i, id := range ids {
		out[i], _ = tipFor(m.Config(), id)
	}
	return out
}

// Tip returns the tip with the given id, worded as Tips words it, and false
// if there is none.
func (m Meter) Tip(id string) (Tip, bool) { return tipFor(m.Config(), id) }

// tipIDs lists the tips in the order the meter considers them.
func tipIDs() [14]string {
	return [14]string{TipKeepCheckingIn, TipStepAway, TipGetWell, TipSeeAProfessional, TipEaseBack, TipBeyondTraining,
		TipTaper, TipCapHardEfforts, TipTakeRestDay, TipSleepMore, TipRunningBuddy, TipMixItUp, TipNewGear, TipListenToBody}
}

// tipFor returns the tip id, worded from cfg. A reading words only its own
// tip, not all of them.
func tipFor(cfg Config, id string) (Tip, bool) {
	switch id {
	case TipSeeAProfessional:
		return Tip{
			ID:    TipSeeAProfessional,
			Title: "See a sports doctor or physio",
			Text: "Two weeks of fatigue or low mood despite rest, or three weeks of it, is more than a short break can fix. " +
				"Book an appointment with a sports doctor or a physiotherapist and bring your journal: " +
				"lasting fatigue and low mood can come from overreaching that needs weeks to heal, from overtraining " +
				"or from something else entirely, and telling them apart takes a professional.",
			Source: sourceMeeusen,
		}, true
	case TipStepAway:
		return Tip{
			ID:    TipStepAway,
			Title: "Step away for 3-5 days",
			Text: "Take a proper break: three to five days with no training at all, not even an easy jog or a gym class. " +
				"Sleep in, get to bed early and spend the time with the people around you. " +
				"A few days off won't cost you fitness; you are more likely to come back with fresh legs.",
			Source: sourceArticle,
		}, true
	case TipCapHardEfforts:
		return capHardEfforts(cfg.HardEffortsPerWeek), true
	case TipTakeRestDay:
		return takeRestDay(cfg.RestDaysPerWeek), true
	case TipSleepMore:
		source := sourceSleep
		if cfg.SleepTargetHours != DefaultConfig().SleepTargetHours {
			source = sourceArticle + "; the target is yours (sleep_target_hours)"
		}
		return Tip{
			ID:    TipSleepMore,
			Title: fmt.Sprintf("Sleep %g hours or more", cfg.SleepTargetHours),
			Text: "Your muscles repair and rebuild while you sleep, so short nights slow your recovery. " +
				fmt.Sprintf("Aim for at least %g hours: go to bed half an hour earlier this week, even on busy days.", cfg.SleepTargetHours),
			Source: source,
		}, true
	case TipRunningBuddy:
		return Tip{
			ID:    TipRunningBuddy,
			Title: "Book a run with a friend",
			Text: "Ask a friend to meet you for a run and put the date in both your calendars. " +
				"Knowing someone is waiting for you makes the run much harder to skip, and the miles pass quicker in company.",
			Source: sourceArticle,
		}, true
	case TipMixItUp:
		return Tip{
			ID:    TipMixItUp,
			Title: "Mix up your training",
			Text: "The same kind of run day after day wears you down. " +
				"Swap one run for a bike ride, a swim or a class, or try a new route, so your body moves in a different way. " +
				"Make easy days truly easy and hard days hard, so no two days in a row feel the same.",
			Source: sourceMix,
		}, true
	case TipNewGear:
		return Tip{
			ID:    TipNewGear,
			Title: "Treat yourself to something new",
			Text: "A small treat, like a new pair of running socks, can make you look forward to the next run. " +
				"It won't fix your training, so try the other tips first, but it can give a flat week a lift.",
			Source: sourceArticle,
		}, true
	case TipListenToBody:
		return Tip{
			ID:    TipListenToBody,
			Title: "All clear: keep listening to your body",
			Text: "Your training and recovery look balanced: keep doing what you are doing. " +
				"Keep noticing how your legs, sleep and mood respond, and ease off early if they start to sag. " +
				"Nobody knows your body better than you.",
			Source: sourceArticle,
		}, true
	case TipKeepCheckingIn:
		return Tip{
			ID:    TipKeepCheckingIn,
			Title: "Check in for a few more days",
			Text: "The meter reads patterns, not single days, so it needs 3 check-ins in a week before it says anything. " +
				"A check-in takes a few seconds; log your rest days too, as effort 0.",
			Source: sourceDaily,
		}, true
	case TipGetWell:
		return Tip{
			ID:    TipGetWell,
			Title: "Get well first",
			Text: "You logged being sick or injured, so training advice is paused: resting is your training now. " +
				"Come back once you feel well, and see a doctor if it drags on or an injury does not settle.",
			Source: sourceUnwell,
		}, true
	case TipEaseBack:
		return Tip{
			ID:    TipEaseBack,
			Title: "Ease back in",
			Text: "When you run again, come back gradually: easy runs first, and hard sessions only once your legs feel ready. " +
				"A few days off can give your legs back their pop; give them a few easy days to find it.",
			Source: sourceArticle,
		}, true
	case TipTaper:
		return Tip{
			ID:    TipTaper,
			Title: "Trust the taper",
			Text: "Your race is close, and the lighter training is the plan, not a slump. " +
				"Protect your sleep, keep the legs fresh with short easy runs and a few strides, and skip any extra session to test yourself. " +
				"Legs often feel flat early in a taper and sharpen by race day.",
			Source: sourceTaper,
		}, true
	case TipBeyondTraining:
		return Tip{
			ID:    TipBeyondTraining,
			Title: "This may not be about running",
			Text: "Your mood has been low for two weeks while your training asks little of you. " +
				"Talk to someone you trust, or to your doctor: a low mood that lasts deserves care in its own right.",
			Source: sourceBeyond,
		}, true
	}
	return Tip{}, false
}

// breakTip is the tip id (step_away or ease_back) on day day of a break
// under way: it says which day it is, and never to cut training that is not
// being done. step_away, while the signs that called for the break are
// there, within the article's 3-5 days; ease_back once they have eased
// (eased: no sign fired) or the break has gone on longer.
func breakTip(id string, day int, eased bool) Tip {
	t := Tip{ID: id, Source: sourceArticle, Title: fmt.Sprintf("Day %d of your 3-5 day break", day)}
	switch {
	case id == TipStepAway && day < breakDays:
		t.Text = "Keep resting: no training at all, not even an easy jog. " +
			"Sleep in, go to bed early and spend the time with the people around you; a few days off won't cost you fitness."
	case id == TipStepAway:
		t.Text = "You have had the three days the break needs: rest up to five if you like, and enjoy it. " +
			"When you feel like running again, come back with a few easy runs."
	case day <= maxBreakDays && eased:
		t.Text = "Your signs have eased. Rest as long as you planned, up to the article's five days; " +
			"when you run again, come back gradually: easy runs first, hard sessions once your legs feel ready."
	case day <= maxBreakDays:
		t.Text = "Rest as long as you planned, up to the article's five days. " +
			"When you run again, come back gradually: easy runs first, hard sessions once your legs feel ready."
	default:
		t.Title = fmt.Sprintf("Day %d of your break", day)
		t.Text = "Your break is longer than the article's 3-5 days. " +
			"When you feel well, come back gradually with easy runs; if you still feel flat, talk to a sports doctor or physio."
	}
	return t
}

// capHardEfforts is the cap_hard_efforts tip for a limit of n hard
// efforts a week.
func capHardEfforts(n int) Tip {
	t := Tip{ID: TipCapHardEfforts, Source: sourceArticle,
		Title: fmt.Sprintf("Keep it to %s a week", plural(n, "hard effort")),
		Text:  "Hard days only make you fitter if you recover between them. "}
	switch n {
	case 0:
		t.Title = "Leave out hard efforts for now"
		t.Text += "Run every session this week at an easy, chatty pace."
	case 1:
		t.Text += "Pick the one session that matters most this week and run everything else at an easy, chatty pace."
	default:
		t.Text += fmt.Sprintf("Pick the %s sessions that matter most this week and run everything else at an easy, chatty pace.",
			numberWord(n))
	}
	return t
}

// takeRestDay is the take_rest_day tip for a runner who needs n complete
// rest days a week.
func takeRestDay(n int) Tip {
	t := Tip{ID: TipTakeRestDay, Source: sourceArticle, Title: "Take a complete rest day"}
	days, most := "one day", "Most runners do best with one full rest day every week."
	if n > 1 {
		t.Title = "Take your complete rest days"
		days, most = numberWord(n)+" days", fmt.Sprintf("You have set yourself %s full rest days every week.", numberWord(n))
	}
	t.Text = fmt.Sprintf("Plan at least %s a week with no training at all, not even active recovery. ", days) +
		"Put your feet up and let your body absorb the work you have done. " + most
	return t
}

// numberWord writes 0 to 7 (the days of a week) as a word, and larger
// numbers in digits.
func numberWord(n int) string {
	if n >= 0 && n <= 7 {
		return [...]string{"no", "one", "two", "three", "four", "five", "six", "seven"}[n]
	}
	return strconv.Itoa(n)
}
