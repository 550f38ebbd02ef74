package report

import (
	"fmt"
	"io"
	"math"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/safejson"
)

// WriteMeterText prints a reading for a terminal or a pipe: plain text, no
// colour, one signal a line, signs apart from causes. (laceup meter, and
// laceup checkin after saving.)
func WriteMeterText(w io.Writer, r slump.Reading) {
	if r.Level == slump.LevelUnknown {
		fmt.Fprintf(w, "Slump meter for %s: unknown\n", r.Date)
	} else {
		fmt.Fprintf(w, "Slump meter for %s: %d/100 (%s)\n", r.Date, r.Score, r.Level)
	}
	fmt.Fprint(w, Wrap(r.Headline, "", Width))
	week := fmt.Sprintf("%d of the last 7 days logged", r.Week.Checkins)
	if wk := r.Week; wk.Checkins > 0 {
		week += fmt.Sprintf(": %d hard effort%s, %d rest day%s", wk.HardEfforts, plural(wk.HardEfforts),
			wk.RestDays, plural(wk.RestDays))
		if wk.AvgSleepHours != nil {
			week += fmt.Sprintf(", %s h sleep on average", Sleep(wk.AvgSleepHours))
		}
	}
	fmt.Fprint(w, Wrap(week+".", "", Width))
	if line := nextRaceLine(r.NextRace); line != "" {
		fmt.Fprint(w, Wrap(line, "", Width))
	}
	for _, kind := range []struct{ kind, title string }{
		{slump.KindSign, "Signs of a slump:"},
		{slump.KindCause, "Causes (they warn; alone they never make a slump):"},
	} {
		first := true
		for _, s := range r.Signals {
			if s.Kind != kind.kind {
				continue
			}
			if first {
				fmt.Fprintf(w, "\n%s\n", kind.title)
				first = false
			}
			fmt.Fprint(w, WrapHanging(s.Detail, fmt.Sprintf("  +%-3d ", s.Points), "        ", Width))
		}
	}
	if len(r.Hints) > 0 {
		fmt.Fprintln(w)
		for _, h := range r.Hints {
			fmt.Fprint(w, WrapHanging(h.Detail+".", "Note: ", "      ", Width))
		}
	}
	if b := r.Break; b != nil {
		fmt.Fprintln(w)
		fmt.Fprint(w, Wrap(fmt.Sprintf("Your break: %d rest %s from %s: meter %d -> %d, mood %s -> %s, motivation %s -> %s.",
			b.Days, Days(b.Days), b.Start, b.Before.Score, b.After.Score,
			Scale(b.Before.AvgMood), Scale(b.After.AvgMood), Scale(b.Before.AvgMotivation), Scale(b.After.AvgMotivation)), "", Width))
	}
	if m := r.Metrics; m.WeeklyLoad != nil {
		load := fmt.Sprintf("Training load (effort x minutes, last 7 days): %d", *m.WeeklyLoad)
		if m.Monotony != nil {
			load += fmt.Sprintf(", monotony %s", Monotony(*m.Monotony))
		}
		if m.Strain != nil {
			load += fmt.Sprintf(", strain %s", Strain(*m.Strain))
			if m.UsualStrain != nil {
				load += fmt.Sprintf(" (usual %s)", Strain(*m.UsualStrain))
			}
		}
		if m.ACWR != nil {
			load += fmt.Sprintf(", %s x your last 4 weeks (a description, not an injury predictor)", Ratio(*m.ACWR))
		}
		fmt.Fprintln(w)
		fmt.Fprint(w, Wrap(load+".", "", Width))
	}
	if n := r.Metrics.LoadUnknownDays; n > 0 {
		fmt.Fprintf(w, "%d day%s without minutes: load unknown.\n", n, plural(n))
	}
	if line := FitnessLine(r.Metrics); line != "" {
		fmt.Fprint(w, Wrap(line, "", Width))
	}
	fmt.Fprintf(w, "\nTip: %s\n", r.Tip.Title)
	fmt.Fprint(w, Wrap(r.Tip.Text, "  ", Width))
	fmt.Fprint(w, Wrap("— "+r.Tip.Source, "  ", Width))
}

// WriteMeterJSON prints a reading as the indented JSON of laceup meter
// --json: a MeterJSON.
func WriteMeterJSON(w io.Writer, r slump.Reading) error {
	return writeJSON(w, NewMeterJSON(r))
}

// writeJSON writes v indented, with <, > and & escaped as encoding/json
// does by default, and control and format characters escaped (safejson).
func writeJSON(w io.Writer, v any) error { return safejson.Write(w, v, true) }

// MeterJSON is the shape of laceup meter --json.
type MeterJSON struct {
	Date              string       `json:"date"`
	Score             int          `json:"score"`
	Level             string       `json:"level"`
	CheckinsLast7Days int          `json:"checkins_last_7_days"`
	Headline          string       `json:"headline"`
	Signals           []SignalJSON `json:"signals"` // strongest first; [] when none fired
	Hints             []HintJSON   `json:"hints"`   // notes with no points; [] when none
	Tip               TipJSON      `json:"tip"`
	Last7Days         SummaryJSON  `json:"last_7_days"`
	SlumpStreakDays   int          `json:"slump_streak_days"`
	SignStreakDays    int          `json:"sign_streak_days"`
	SlumpRestDays     int          `json:"slump_rest_days"`
	RestDaysInARow    int          `json:"rest_days_in_a_row"`
	Metrics           MetricsJSON  `json:"metrics"`
	Break             *BreakJSON   `json:"break"`
	NextRace          *RaceJSON    `json:"next_race"` // the first race on the day or after it; null when none
}

// SignalJSON is one reason the meter moved, of kind "sign" or "cause".
type SignalJSON struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Points int    `json:"points"`
	Detail string `json:"detail"`
}

// HintJSON is a note on a reading that moves no points.
type HintJSON struct {
	ID     string `json:"id"`
	Detail string `json:"detail"`
}

// TipJSON is the tip of a reading.
type TipJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// SummaryJSON is a range of days counted over the logged ones: a reading's
// last 7 days (with start and end) or a week of history (without: the week
// says them). Averages are rounded to two decimals toward the safe side of
// their threshold, null without data.
type SummaryJSON struct {
	Start         string   `json:"start,omitempty"`
	End           string   `json:"end,omitempty"`
	Checkins      int      `json:"checkins"`
	HardEfforts   int      `json:"hard_efforts"`
	RestDays      int      `json:"rest_days"`
	Minutes       int      `json:"minutes"`
	UnwellDays    int      `json:"unwell_days"`
	TravelDays    int      `json:"travel_days"`
	AvgSleepHours *float64 `json:"avg_sleep_hours"`
	AvgMood       *float64 `json:"avg_mood"`
	AvgMotivation *float64 `json:"avg_motivation"`
	AvgLegs       *float64 `json:"avg_legs"`
}

// MetricsJSON is the training load and the personal baselines; a value that
// cannot be computed yet is null (see slump.Metrics).
type MetricsJSON struct {
	WeeklyLoad      *int         `json:"weekly_load"`
	Monotony        *float64     `json:"monotony"`
	Strain          *float64     `json:"strain"`
	UsualStrain     *float64     `json:"usual_strain"`
	ACWR            *float64     `json:"acwr"`
	ACWREWMA        *float64     `json:"acwr_ewma"`
	LoadKnownDays   int          `json:"load_known_days"`
	LoadUnknownDays int          `json:"load_unknown_days"`
	Baseline        BaselineJSON `json:"baseline"`
	// Fitness, fatigue and form (slump.FitnessDay), unrounded; null with
	// no check-in up to the date. FormPercent and FormBand are null before
	// 42 days of journal (fitness still building). FitnessUnknownDays
	// counts the days of the 42 whose load is 0 for want of a known one.
	Fitness            *float64 `json:"fitness"`
	Fatigue            *float64 `json:"fatigue"`
	Form               *float64 `json:"form"`
	FormPercent        *float64 `json:"form_percent"`
	FormBand           *string  `json:"form_band"`
	FitnessUnknownDays *int     `json:"fitness_unknown_days"`
}

// BaselineJSON is each item of the week against the runner's usual.
type BaselineJSON struct {
	Sleep      *BaselineItemJSON `json:"sleep"`
	Mood       *BaselineItemJSON `json:"mood"`
	Motivation *BaselineItemJSON `json:"motivation"`
	Legs       *BaselineItemJSON `json:"legs"`
}

// BaselineItemJSON is one item against the runner's usual (slump.Baseline).
type BaselineItemJSON struct {
	Mean       float64 `json:"mean"`
	SD         float64 `json:"sd"`
	Days       int     `json:"days"`
	Recent     float64 `json:"recent"`
	RecentDays int     `json:"recent_days"`
	Z          float64 `json:"z"`
}

// BreakJSON is the follow-up of a break taken after a deep slump.
type BreakJSON struct {
	Start   string         `json:"start"`
	End     string         `json:"end"`
	Days    int            `json:"days"`
	Ongoing bool           `json:"ongoing"`
	Before  BreakPointJSON `json:"before"`
	After   BreakPointJSON `json:"after"`
}

// BreakPointJSON is one end of a break's follow-up.
type BreakPointJSON struct {
	Date          string   `json:"date"`
	Score         int      `json:"score"`
	Level         string   `json:"level"`
	AvgMood       *float64 `json:"avg_mood"`
	AvgMotivation *float64 `json:"avg_motivation"`
}

// NewMeterJSON shapes a reading for laceup meter --json.
func NewMeterJSON(r slump.Reading) MeterJSON {
	out := MeterJSON{
		Date:              r.Date.String(),
		Score:             r.Score,
		Level:             string(r.Level),
		CheckinsLast7Days: r.CheckinsLast7Days(),
		Headline:          r.Headline,
		Signals:           make([]SignalJSON, 0, len(r.Signals)),
		Hints:             make([]HintJSON, 0, len(r.Hints)),
		Tip:               TipJSON{ID: r.Tip.ID, Title: r.Tip.Title, Text: r.Tip.Text, Source: r.Tip.Source},
		Last7Days:         newSummaryJSON(r.Week),
		SlumpStreakDays:   r.SlumpStreak,
		SignStreakDays:    r.SignStreak,
		SlumpRestDays:     r.SlumpRestDays,
		RestDaysInARow:    r.RestRun,
		Metrics: MetricsJSON{
			WeeklyLoad: r.Metrics.WeeklyLoad, Monotony: r.Metrics.Monotony, Strain: r.Metrics.Strain,
			UsualStrain: r.Metrics.UsualStrain, ACWR: r.Metrics.ACWR, ACWREWMA: r.Metrics.ACWREWMA,
			LoadKnownDays: r.Metrics.LoadKnownDays, LoadUnknownDays: r.Metrics.LoadUnknownDays,
			Fitness: r.Metrics.Fitness, Fatigue: r.Metrics.Fatigue, Form: r.Metrics.Form,
			FormPercent: r.Metrics.FormPercent, FormBand: (*string)(r.Metrics.FormBand),
			FitnessUnknownDays: r.Metrics.FitnessUnknownDays,
			Baseline: BaselineJSON{
				Sleep:      newBaselineJSON(r.Metrics.Sleep),
				Mood:       newBaselineJSON(r.Metrics.Mood),
				Motivation: newBaselineJSON(r.Metrics.Motivation),
				Legs:       newBaselineJSON(r.Metrics.Legs),
			},
		},
	}
	out.Last7Days.Start, out.Last7Days.End = r.Week.Start.String(), r.Week.End.String()
	out.NextRace = newNextRaceJSON(r.NextRace)
	if b := r.Break; b != nil {
		out.Break = &BreakJSON{Start: b.Start.String(), End: b.End.String(), Days: b.Days, Ongoing: b.Ongoing,
			Before: newBreakPointJSON(b.Before), After: newBreakPointJSON(b.After)}
	}
	for _, s := range r.Signals {
		out.Signals = append(out.Signals, SignalJSON{ID: s.ID, Kind: s.Kind, Points: s.Points, Detail: s.Detail})
	}
	for _, h := range r.Hints {
		out.Hints = append(out.Hints, HintJSON(h))
	}
	return out
}

// newSummaryJSON shapes a summary without its range.
func newSummaryJSON(s slump.WeekSummary) SummaryJSON {
	return SummaryJSON{
		Checkins: s.Checkins, HardEfforts: s.HardEfforts, RestDays: s.RestDays, Minutes: s.Minutes,
		UnwellDays: s.UnwellDays, TravelDays: s.TravelDays,
		AvgSleepHours: shown2(s.AvgSleepHours, slump.ShownSleep),
		AvgMood:       shown2(s.AvgMood, slump.ShownScale),
		AvgMotivation: shown2(s.AvgMotivation, slump.ShownScale),
		AvgLegs:       shown2(s.AvgLegs, slump.ShownScale),
	}
}

func newBaselineJSON(b *slump.Baseline) *BaselineItemJSON {
	if b == nil {
		return nil
	}
	return &BaselineItemJSON{Mean: b.Mean, SD: b.SD, Days: b.Days, Recent: b.Recent, RecentDays: b.RecentDays, Z: b.Z}
}

func newBreakPointJSON(p slump.BreakPoint) BreakPointJSON {
	return BreakPointJSON{Date: p.Date.String(), Score: p.Score, Level: string(p.Level),
		AvgMood: shown2(p.AvgMood, slump.ShownScale), AvgMotivation: shown2(p.AvgMotivation, slump.ShownScale)}
}

// shown2 gives an average to two decimals with the rounding of its kind, so
// JSON never says 7.0 for a week that fired short_sleep.
func shown2(v *float64, shown func(float64, int) float64) *float64 {
	if v == nil {
		return nil
	}
	r := shown(*v, 2)
	return &r
}

// FitnessLine is the fitness, fatigue and form of a reading in one
// sentence, "" without them: "Fitness 412, fatigue 530, form -118 (-29 %
// of fitness, optimal)." Before 42 days of journal it says fitness is
// still building: a new journal starts with a deeply negative form, and
// that is not a warning.
func FitnessLine(m slump.Metrics) string {
	if m.Fitness == nil {
		return ""
	}
	s := fmt.Sprintf("Fitness %.0f, fatigue %.0f, form %s", *m.Fitness, *m.Fatigue, Signed(*m.Form))
	switch {
	case m.FormPercent != nil:
		s += fmt.Sprintf(" (%s %% of fitness, %s)", Signed(*m.FormPercent), FormBandWords(*m.FormBand))
	default:
		s += " (fitness is still building: form has no band before 42 days of journal)"
	}
	if n := *m.FitnessUnknownDays; n > 0 {
		s += fmt.Sprintf("; %d of its 42 days count 0, with no check-in or no minutes", n)
	}
	return s + "."
}

// Signed is v rounded to a whole number with its sign, "+8", "-12", and
// "0" for what rounds to zero (never "-0").
func Signed(v float64) string {
	n := int(math.Round(v))
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%+d", n)
}

// FormBandWords is a form band as the screens say it.
func FormBandWords(b slump.FormBand) string {
	if b == slump.BandHighRisk {
		return "high risk"
	}
	return string(b)
}
