package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/laceup/laceup/slump"
)

// RaceJSON is one race: laceup race list --json has one per race, oldest
// first, and laceup meter --json the next one as next_race. days_to_go
// counts from the day of the reading (the list: today): 0 on race day,
// negative for a race already run.
type RaceJSON struct {
	Date     string `json:"date"`
	Name     string `json:"name"`
	DaysToGo int    `json:"days_to_go"`
}

// newRaceJSON shapes a race as of a day.
func newRaceJSON(r slump.Race, day slump.Date) RaceJSON {
	return RaceJSON{Date: r.Date.String(), Name: r.Name, DaysToGo: r.Date.DaysSince(day)}
}

// newNextRaceJSON shapes the next race of a reading, nil when there is none.
func newNextRaceJSON(r *slump.RaceAhead) *RaceJSON {
	if r == nil {
		return nil
	}
	return &RaceJSON{Date: r.Date.String(), Name: r.Name, DaysToGo: r.DaysToGo}
}

// WriteRacesJSON prints the races as of today as the indented JSON array of
// laceup race list --json: [] when there is none.
func WriteRacesJSON(w io.Writer, races []slump.Race, today slump.Date) error {
	out := make([]RaceJSON, 0, len(races))
	for _, r := range races {
		out = append(out, newRaceJSON(r, today))
	}
	return writeJSON(w, out)
}

// WriteRacesText prints the races as of today, one a line, as laceup race
// list does: "2027-04-19  Boston  (in 139 days)", "(3 days ago)",
// "(today)"; "no races yet" when there is none.
func WriteRacesText(w io.Writer, races []slump.Race, today slump.Date) {
	if len(races) == 0 {
		fmt.Fprintln(w, "no races yet")
		return
	}
	for _, r := range races {
		line := r.Date.String() + "  "
		if name := RaceName(r.Name); name != "" {
			line += name + "  "
		}
		fmt.Fprintf(w, "%s(%s)\n", line, When(r.Date.DaysSince(today)))
	}
}

// RaceName is a race's name as text shows it: without control characters,
// which a name written into the journal from the shell could hold.
func RaceName(name string) string { return slump.Printable(name, false) }

// When says how far a day is from today, days being its distance (negative
// in the past): "today", "in 1 day", "in 139 days", "3 days ago".
func When(days int) string {
	switch {
	case days == 0:
		return "today"
	case days > 0:
		return fmt.Sprintf("in %d %s", days, Days(days))
	}
	return fmt.Sprintf("%d %s ago", -days, Days(-days))
}

// nextRaceLine is the line of the meter's text about the next race:
// "Next race: Boston, Sat 19 Apr 2027, in 139 days." ("today" on race
// day), "" when there is none.
func nextRaceLine(r *slump.RaceAhead) string {
	if r == nil {
		return ""
	}
	parts := []string{r.Date.Time().Format("Mon 2 Jan 2006"), When(r.DaysToGo)}
	if name := RaceName(r.Name); name != "" {
		parts = append([]string{name}, parts...)
	}
	return "Next race: " + strings.Join(parts, ", ") + "."
}

// RaceAhead is the next race of a reading with the runner's form, as the
// dashboard shows it under the headline: "Boston in 12 days", "Boston:
// race day" ("Race" without a name), and the form ("form +8 % fresh", or
// "fitness still building" before the band can be read). Both are ""
// when no race is ahead.
func RaceAhead(r slump.Reading) (race, form string) {
	next := r.NextRace
	if next == nil {
		return "", ""
	}
	name := RaceName(next.Name)
	if name == "" {
		name = "Race"
	}
	race = name + " " + When(next.DaysToGo)
	if next.DaysToGo == 0 {
		race = name + ": race day"
	}
	form = "fitness still building"
	if m := r.Metrics; m.FormPercent != nil && m.FormBand != nil {
		form = "form " + FormPercent(*m.FormPercent) + " " + strings.ReplaceAll(string(*m.FormBand), "_", " ")
	}
	return race, form
}

// FormPercent shows form as a percentage of fitness, signed and whole:
// "+8 %", "-12 %", "0 %".
func FormPercent(p float64) string {
	n := int(math.Round(p))
	if n == 0 {
		return "0 %"
	}
	return fmt.Sprintf("%+d %%", n)
}
