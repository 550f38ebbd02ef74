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
func tipIDs() [9]string {
	return [9]string{TipSeeAProfessional, TipStepAway, TipCapHardEfforts, TipTakeRestDay, TipSleepMore,
		TipRunningBuddy, TipMixItUp, TipNewGear, TipListenToBody}
}

// tipFor returns the tip id, worded from cfg. A reading words only its own
// tip, not all of them.
func tipFor(cfg Config, id string) (Tip, bool) {
	switch id {
	case TipSeeAProfessional:
		return Tip{
			ID:    TipSeeAProfessional,
			Title: "See a sports doctor or physio",
			Text: "Two weeks or more in the slump band, even with rest days, is more than a short break can fix. " +
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
		return Tip{
			ID:    TipSleepMore,
			Title: fmt.Sprintf("Sleep %g hours or more", cfg.SleepTargetHours),
			Text: "Your muscles repair and rebuild while you sleep, so short nights slow your recovery. " +
				fmt.Sprintf("Aim for at least %g hours: go to bed half an hour earlier this week, even on busy days.", cfg.SleepTargetHours),
			Source: sourceSleep,
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
			Title: "Keep listening to your body",
			Text: "Building fitness and digging yourself into a hole are only a few steps apart. " +
				"Notice how your legs, sleep and mood respond, and ease off before small warning signs add up. " +
				"Nobody knows your body better than you.",
			Source: sourceArticle,
		}, true
	}
	return Tip{}, false
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
