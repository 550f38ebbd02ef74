package slump

// RuleState is where a week stands against one of the article's rules of
// thumb.
type RuleState int

const (
	RuleUnknown RuleState = iota // no data to judge by
	RuleMet
	RuleMissed
	RulePending // not met yet, but the week is still under way (or not logged) and may yet meet it
)

// Verdict is a week (a WeekSummary) against the runner's rules of thumb:
// the one place that decides them, for every screen and command.
type Verdict struct {
	// HardEfforts: met while the week holds no more hard efforts than
	// hard_efforts_per_week (an empty week holds none).
	HardEfforts RuleState
	// RestDays: met with rest_days_per_week complete rest days or more;
	// short of them, missed only once the week is over (it ended before
	// today) and has a check-in, pending otherwise.
	RestDays RuleState
	// Sleep: met when the average sleep reaches sleep_target_hours,
	// unknown without a night logged.
	Sleep RuleState
	// LowMood and LowMotivation: the average is 2.0 or lower, as the
	// low_mood and low_motivation signals read it.
	LowMood, LowMotivation bool
}

// Verdict judges the week s against the meter's settings, as of today.
func (m Meter) Verdict(s WeekSummary, today Date) Verdict {
	cfg := m.Config()
	v := Verdict{HardEfforts: RuleMet, RestDays: RuleMet}
	if s.HardEfforts > cfg.HardEffortsPerWeek {
		v.HardEfforts = RuleMissed
	}
	if s.RestDays < cfg.RestDaysPerWeek {
		v.RestDays = RulePending
		if s.Checkins > 0 && s.End.Before(today) {
			v.RestDays = RuleMissed
		}
	}
	if s.AvgSleepHours != nil {
		v.Sleep = RuleMet
		if *s.AvgSleepHours < cfg.SleepTargetHours {
			v.Sleep = RuleMissed
		}
	}
	v.LowMood = s.AvgMood != nil && *s.AvgMood*10 <= lowAverage
	v.LowMotivation = s.AvgMotivation != nil && *s.AvgMotivation*10 <= lowAverage
	return v
}

// WeekReading is one ISO week as the history and trends show it: its
// seven days, Monday first, each with its check-in and reading; its summary;
// and its verdict.
type WeekReading struct {
	Week    Week
	Days    []Day // 7, Monday first
	Summary WeekSummary
	Verdict Verdict
}

// Weeks returns n ISO weeks from first on, each as a WeekReading as of
// today. Pass the check-ins of SeriesWindow(first.Start(), the last week's
// End()); history and loads are taken as by Readings (nil loads: the scores
// do not depend on the EWMA ratio).
func (m Meter) Weeks(history []Checkin, loads []Load, first Week, n int, today Date) []WeekReading {
	if n < 1 {
		return nil
	}
	last := first.AddWeeks(n - 1)
	days := m.Days(history, loads, first.Start(), last.End(), today)
	out := make([]WeekReading, n)
	for i := range out {
		w := first.AddWeeks(i)
		sum := m.Summarize(history, w.Start(), w.End())
		out[i] = WeekReading{Week: w, Days: days[7*i : 7*i+7 : 7*i+7], Summary: sum, Verdict: m.Verdict(sum, today)}
	}
	return out
}
