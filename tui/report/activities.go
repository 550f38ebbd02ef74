package report

import (
	"fmt"
	"io"
	"math"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// ActivityJSON is one session of laceup activities list --json.
type ActivityJSON struct {
	Source         string   `json:"source"`
	SourceID       string   `json:"source_id"`
	Day            string   `json:"day"`
	Start          string   `json:"start"`
	Sport          string   `json:"sport"`
	Name           string   `json:"name"`
	MovingMinutes  *float64 `json:"moving_minutes"`
	ElapsedMinutes *float64 `json:"elapsed_minutes"`
	DistanceMeters *float64 `json:"distance_m"`
	RPE            *int     `json:"rpe"`
	// LoggedRestDay: the runner checked this day in as a complete rest
	// day, so the meter does not count the session (it is shown).
	LoggedRestDay bool `json:"logged_rest_day"`
}

// WriteActivitiesJSON prints sessions as a JSON array ([] for none);
// rest is the days logged as complete rest days.
func WriteActivitiesJSON(w io.Writer, as []activity.Activity, rest map[slump.Date]bool) error {
	return writeJSON(w, activitiesJSON(as, rest))
}

func activitiesJSON(as []activity.Activity, rest map[slump.Date]bool) []ActivityJSON {
	out := make([]ActivityJSON, len(as))
	for i, a := range as {
		out[i] = ActivityJSON{Source: a.Source, SourceID: a.SourceID, Day: a.Day.String(),
			Start: a.Start.UTC().Format("2006-01-02T15:04:05Z"), Sport: a.Sport, Name: a.Name,
			MovingMinutes: a.MovingMinutes, ElapsedMinutes: a.ElapsedMinutes, DistanceMeters: a.DistanceMeters, RPE: a.RPE,
			LoggedRestDay: rest[a.Day]}
	}
	return out
}

// WriteActivitiesText prints sessions a line each, "Mon 16 Mar  Strava ·
// Morning Run · 52 min · 10.2 km · RPE 6", or that the days have none. A
// session on a day of rest (a day the runner logged as a complete rest
// day) says the meter does not count it.
func WriteActivitiesText(w io.Writer, as []activity.Activity, from, to slump.Date, rest map[slump.Date]bool) {
	if len(as) == 0 {
		fmt.Fprintf(w, "No sessions from %s to %s.\n", from, to)
		return
	}
	writeActivityLines(w, as, rest, "")
}

// writeActivityLines prints sessions a line each, after indent.
func writeActivityLines(w io.Writer, as []activity.Activity, rest map[slump.Date]bool, indent string) {
	for _, a := range as {
		line := ActivityLine(a)
		if rest[a.Day] {
			line += " · not counted: you logged a rest day"
		}
		fmt.Fprint(w, WrapHanging(line, fmt.Sprintf("%s%-11s ", indent, a.Day.Time().Format("Mon 2 Jan")), indent+"            ", Width))
	}
}

// ActivityLine is a session in one line of words: "Strava · Morning Run ·
// 52 min · 10.2 km · RPE 6" (no rating: "not rated").
func ActivityLine(a activity.Activity) string {
	src := map[string]string{activity.SourceStrava: "Strava", activity.SourceGarmin: "Garmin", activity.SourceFIT: "FIT"}[a.Source]
	line := src + " · " + slump.Printable(a.Name, false)
	if a.Name == "" {
		line = src + " · " + slump.Printable(a.Sport, false)
	}
	if a.MovingMinutes != nil {
		line += fmt.Sprintf(" · %d min", int(math.Round(*a.MovingMinutes)))
	}
	if a.DistanceMeters != nil && *a.DistanceMeters > 0 {
		line += fmt.Sprintf(" · %.1f km", *a.DistanceMeters/1000)
	}
	if a.RPE != nil {
		line += fmt.Sprintf(" · RPE %d", *a.RPE)
	} else {
		line += " · not rated"
	}
	return line
}
