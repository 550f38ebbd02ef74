package report

import (
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// Listed is an imported session as laceup lists it, with what the meter
// makes of it.
type Listed struct {
	activity.Activity
	// LoggedRestDay: the runner checked the day in as a complete rest day,
	// so the meter does not count the session.
	LoggedRestDay bool
	// CopyOf is the session counted in this one's place when this one is
	// the same session recorded twice (slump.KeptFor); nil when it counts.
	CopyOf *activity.Activity
}

// ListSessions returns the sessions of all dated from..to, with what the
// meter makes of each: rest is the days logged as complete rest days; all
// must hold the sessions of the day before and after too, where a copy
// may be dated.
func ListSessions(all []activity.Activity, from, to slump.Date, rest map[slump.Date]bool) []Listed {
	copies := activity.Copies(all)
	var out []Listed
	for i, a := range all {
		if a.Day.Before(from) || a.Day.After(to) {
			continue
		}
		l := Listed{Activity: a, LoggedRestDay: rest[a.Day]}
		if k, ok := copies[i]; ok {
			l.CopyOf = &k
		}
		out = append(out, l)
	}
	return out
}

// ActivityJSON is one session of laceup activities list --json.
type ActivityJSON struct {
	Source         string   `json:"source"`
	SourceID       string   `json:"source_id"`
	Day            string   `json:"day"`
	Start          string   `json:"start"`
	Sport          string   `json:"sport"`
	Name           string   `json:"name"`
	MovingMinutes  *float64 `json:"moving_minutes"`  // to 0.01
	ElapsedMinutes *float64 `json:"elapsed_minutes"` // to 0.01
	DistanceMeters *float64 `json:"distance_m"`      // to 0.1
	RPE            *int     `json:"rpe"`
	// LoggedRestDay: the runner checked this day in as a complete rest
	// day, so the meter does not count the session (it is shown).
	LoggedRestDay bool `json:"logged_rest_day"`
	// CopyOf names the session counted in this one's place, when this one
	// is the same session recorded twice; null when it counts.
	CopyOf *SessionRef `json:"copy_of"`
}

// SessionRef names a session: its source and the source's id.
type SessionRef struct {
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
}

// WriteActivitiesJSON prints sessions as a JSON array ([] for none).
func WriteActivitiesJSON(w io.Writer, ls []Listed) error {
	return writeJSON(w, activitiesJSON(ls))
}

func activitiesJSON(ls []Listed) []ActivityJSON {
	out := make([]ActivityJSON, len(ls))
	for i, l := range ls {
		a := l.Activity
		out[i] = ActivityJSON{Source: a.Source, SourceID: a.SourceID, Day: a.Day.String(),
			Start: a.Start.UTC().Format("2006-01-02T15:04:05Z"), Sport: a.Sport, Name: a.Name,
			MovingMinutes: rounded(a.MovingMinutes, 100), ElapsedMinutes: rounded(a.ElapsedMinutes, 100),
			DistanceMeters: rounded(a.DistanceMeters, 10), RPE: a.RPE, LoggedRestDay: l.LoggedRestDay}
		if c := l.CopyOf; c != nil {
			out[i].CopyOf = &SessionRef{Source: c.Source, SourceID: c.SourceID}
		}
	}
	return out
}

// rounded is *p to 1/per, nil for nil.
func rounded(p *float64, per float64) *float64 {
	if p == nil {
		return nil
	}
	v := math.Round(*p*per) / per
	return &v
}

// WriteActivitiesText prints sessions a line each, "Mon 16 Mar  Strava ·
// Morning Run · 52 min · 10.2 km · RPE 6", or that the days have none. A
// session the meter does not count says why.
func WriteActivitiesText(w io.Writer, ls []Listed, from, to slump.Date) {
	if len(ls) == 0 {
		days := "on " + from.Time().Format("Mon 2 Jan 2006")
		if from != to {
			days = fmt.Sprintf("from %s to %s", from.Time().Format("Mon 2 Jan"), to.Time().Format("Mon 2 Jan 2006"))
		}
		fmt.Fprintf(w, "No sessions %s.\n", days)
		return
	}
	writeActivityLines(w, ls, "")
}

// writeActivityLines prints sessions a line each, after indent.
func writeActivityLines(w io.Writer, ls []Listed, indent string) {
	for _, l := range ls {
		line := ActivityLine(l.Activity)
		switch {
		case l.CopyOf != nil:
			line += fmt.Sprintf(" · a copy of %s · %s: counted once", sourceName(l.CopyOf.Source), shortName(*l.CopyOf))
		case l.LoggedRestDay:
			line += " · not counted: you logged a rest day"
		}
		fmt.Fprint(w, WrapHanging(line, fmt.Sprintf("%s%-11s ", indent, l.Day.Time().Format("Mon 2 Jan")), indent+"            ", Width))
	}
}

// maxShownName is the most characters of a session's name a line shows.
const maxShownName = 40

// shortName is a session's name (its sport when it has none) made safe for
// a terminal and cut to maxShownName characters.
func shortName(a activity.Activity) string {
	name := slump.Printable(a.Name, false)
	if a.Name == "" {
		name = slump.Printable(a.Sport, false)
	}
	if utf8.RuneCountInString(name) > maxShownName {
		name = string([]rune(name)[:maxShownName-1]) + "…"
	}
	return name
}

func sourceName(source string) string {
	return map[string]string{activity.SourceStrava: "Strava", activity.SourceGarmin: "Garmin", activity.SourceFIT: "FIT"}[source]
}

// ActivityLine is a session in one line of words: "Strava · Morning Run ·
// 52 min · 10.2 km · RPE 6" (no rating: "not rated").
func ActivityLine(a activity.Activity) string {
	line := sourceName(a.Source) + " · " + shortName(a)
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
