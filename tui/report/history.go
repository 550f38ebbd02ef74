package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laceup/laceup/slump"
)

// HistoryJSON is the shape of laceup history --json: one ISO week.
type HistoryJSON struct {
	Week    string      `json:"week"`
	Start   string      `json:"start"`
	End     string      `json:"end"`
	Days    []DayJSON   `json:"days"` // always 7, Monday first
	Summary SummaryJSON `json:"summary"`
	// Sessions are the week's imported sessions (laceup activities
	// import), by day and start; [] for none.
	Sessions []ActivityJSON `json:"sessions"`
}

// DayJSON is one day of a week; checkin, score and level are null for a
// day without a check-in. A day whose week had too few check-ins to read
// has level "unknown" and score 0.
type DayJSON struct {
	Date    string       `json:"date"`
	Checkin *CheckinJSON `json:"checkin"`
	Score   *int         `json:"score"`
	Level   *string      `json:"level"`
}

// CheckinJSON is a day's answers.
type CheckinJSON struct {
	Mood         int     `json:"mood"`
	Motivation   int     `json:"motivation"`
	SleepHours   float64 `json:"sleep_hours"`
	Effort       int     `json:"effort"`
	Minutes      *int    `json:"minutes"`
	SleepQuality *int    `json:"sleep_quality"`
	Note         string  `json:"note"`
	Legs         *int    `json:"legs"`
	DayType      string  `json:"day_type"`
}

// NewHistoryJSON shapes a week for laceup history --json, with its
// imported sessions.
func NewHistoryJSON(w slump.WeekReading, sessions []Listed) HistoryJSON {
	out := HistoryJSON{
		Week: w.Week.String(), Start: w.Week.Start().String(), End: w.Week.End().String(),
		Days: make([]DayJSON, 0, len(w.Days)), Summary: newSummaryJSON(w.Summary),
		Sessions: activitiesJSON(sessions),
	}
	for _, d := range w.Days {
		day := DayJSON{Date: d.Date.String()}
		if c := d.Checkin; c != nil {
			day.Checkin = &CheckinJSON{Mood: c.Mood, Motivation: c.Motivation, SleepHours: c.SleepHours,
				Effort: c.Effort, Minutes: c.Minutes, SleepQuality: c.SleepQuality, Note: c.Note,
				Legs: c.Legs, DayType: string(c.DayType.Of())}
			level := string(d.Reading.Level)
			day.Score, day.Level = &d.Reading.Score, &level
		}
		out.Days = append(out.Days, day)
	}
	return out
}

// WriteHistoryJSON prints a week as the indented JSON of laceup history
// --json: a HistoryJSON.
func WriteHistoryJSON(w io.Writer, wk slump.WeekReading, sessions []Listed) error {
	return writeJSON(w, NewHistoryJSON(wk, sessions))
}

// WriteHistoryText prints a week as a table that fits 80 columns, with the
// week against the runner's rules of thumb (cfg), the notes and the
// imported sessions below it. A
// day after today reads "future" only without a check-in (slump.Day.Future):
// one dated tomorrow, in a time zone ahead, is shown and counted.
func WriteHistoryText(w io.Writer, wk slump.WeekReading, sessions []Listed, cfg slump.Config, today slump.Date) {
	start, end := wk.Week.Start(), wk.Week.End()
	startFormat := "Mon 2 Jan"
	if start.Time().Year() != end.Time().Year() {
		startFormat = "Mon 2 Jan 2006"
	}
	fmt.Fprintf(w, "Week %s · %s – %s\n\n", wk.Week, start.Time().Format(startFormat), end.Time().Format("Mon 2 Jan 2006"))
	const row = "%-10s %4s %5s %4s %5s %-9s %4s %7s  %s\n"
	fmt.Fprintf(w, row, "Day", "Mood", "Motiv", "Legs", "Sleep", "Effort", "Min", "Quality", "Meter")
	var notes []string
	for _, d := range wk.Days {
		name := d.Date.Time().Format("Mon 2 Jan")
		c := d.Checkin
		if c == nil {
			what := "no check-in"
			if d.Future(today) {
				what = "future"
			}
			fmt.Fprintf(w, row, name, "·", "·", "·", "·", "·", "·", "·", what)
			continue
		}
		meter := ""
		if r := d.Reading; r != nil && r.Level == slump.LevelUnknown {
			meter = "  · unknown"
		} else if r != nil {
			meter = fmt.Sprintf("%3d %s", r.Score, r.Level)
		}
		effort := DayEffort(*c, cfg)
		if c.DayType != "" {
			effort = fmt.Sprintf("%d %s", c.Effort, c.DayType.Of())
		}
		fmt.Fprintf(w, row, name, strconv.Itoa(c.Mood), strconv.Itoa(c.Motivation), Optional(c.Legs),
			Hours(c.SleepHours), effort, Optional(c.Minutes), Optional(c.SleepQuality), meter)
		if c.Note != "" {
			notes = append(notes, WrapHanging(slump.Printable(c.Note, false), fmt.Sprintf("  %-10s ", name), strings.Repeat(" ", 13), Width))
		}
	}
	s := wk.Summary
	fmt.Fprintf(w, "\nHard efforts %d/%d · rest days %d/%d · sleep %s (aim %g h) · check-ins %d/7\n",
		s.HardEfforts, cfg.HardEffortsPerWeek, s.RestDays, cfg.RestDaysPerWeek,
		Sleep(s.AvgSleepHours)+" h", cfg.SleepTargetHours, s.Checkins)
	line := fmt.Sprintf("Mood %s · motivation %s · legs %s · %d training minutes", Scale(s.AvgMood), Scale(s.AvgMotivation),
		Scale(s.AvgLegs), s.Minutes)
	if s.UnwellDays > 0 {
		line += fmt.Sprintf(" · %d %s sick or injured", s.UnwellDays, Days(s.UnwellDays))
	}
	if s.TravelDays > 0 {
		line += fmt.Sprintf(" · %d travel %s", s.TravelDays, Days(s.TravelDays))
	}
	fmt.Fprint(w, Wrap(line, "", Width))
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range notes {
			fmt.Fprint(w, n)
		}
	}
	if len(sessions) > 0 {
		fmt.Fprintln(w, "\nSessions:")
		writeActivityLines(w, sessions, "  ")
	}
}
