package report

import (
	"fmt"
	"io"
	"math"

	"github.com/charmbracelet/x/ansi"

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
	// NoCheckin: the day has no check-in, so the meter does not count the
	// session (a day not logged is unknown).
	NoCheckin bool
	// CopyOf is the session counted in this one's place when this one is
	// the same session recorded twice (slump.Copies); nil when it counts.
	CopyOf *activity.Activity
	// CountedRPE is the rating the meter counts for the session when it
	// is not its own: the highest of its copies' (slump.Merge).
	CountedRPE *int
}

// ListSessions returns the sessions of all dated from..to, with what the
// meter makes of each. all must hold the sessions of the slump.CopyDays
// days before and after too, where a copy may be dated; cs are the
// check-ins of from..to (others are ignored).
func ListSessions(all []activity.Activity, from, to slump.Date, cs []slump.Checkin, cfg slump.Config) []Listed {
	logged, rest := map[slump.Date]bool{}, map[slump.Date]bool{}
	for _, c := range cs {
		logged[c.Date] = true
		rest[c.Date] = c.Training(cfg).RestConflict || c.Effort == slump.RestEffort && c.DayType != slump.DayRace
	}
	copies := activity.Copies(all)
	counted := map[[2]string]*int{}
	for _, a := range activity.Distinct(all) {
		counted[[2]string{a.Source, a.SourceID}] = a.RPE
	}
	var out []Listed
	for i, a := range all {
		if a.Day.Before(from) || a.Day.After(to) {
			continue
		}
		l := Listed{Activity: a, LoggedRestDay: rest[a.Day], NoCheckin: !logged[a.Day]}
		if k, ok := copies[i]; ok {
			l.CopyOf = &k
		} else if r := counted[[2]string{a.Source, a.SourceID}]; r != nil && (a.RPE == nil || *r != *a.RPE) {
			l.CountedRPE = r
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
	// Counted says whether the meter counts the session: false for a copy,
	// on a day logged as rest, or on a day without a check-in.
	Counted bool `json:"counted"`
	// CountedRPE is the rating the meter counts: its own, or a copy's
	// higher one; null when not counted or not rated.
	CountedRPE *int `json:"counted_rpe"`
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
			DistanceMeters: rounded(a.DistanceMeters, 10), RPE: a.RPE, LoggedRestDay: l.LoggedRestDay,
			Counted: l.counted()}
		if c := l.CopyOf; c != nil {
			out[i].CopyOf = &SessionRef{Source: c.Source, SourceID: c.SourceID}
		}
		if out[i].Counted {
			out[i].CountedRPE = a.RPE
			if l.CountedRPE != nil {
				out[i].CountedRPE = l.CountedRPE
			}
		}
	}
	return out
}

// counted reports whether the meter counts the session.
func (l Listed) counted() bool { return l.CopyOf == nil && !l.LoggedRestDay && !l.NoCheckin }

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
		case l.NoCheckin:
			line += " · not counted: no check-in that day"
		case l.CountedRPE != nil:
			line += fmt.Sprintf(" · counted as RPE %d, a copy's rating", *l.CountedRPE)
		}
		fmt.Fprint(w, WrapHanging(line, fmt.Sprintf("%s%-11s ", indent, l.Day.Time().Format("Mon 2 Jan")), indent+"            ", Width))
	}
}

// maxShownName is the most columns of a session's name a line shows.
const maxShownName = 40

// shortName is a session's name (its sport when it has none) made safe for
// a terminal and cut to maxShownName characters.
func shortName(a activity.Activity) string {
	name := slump.Printable(a.Name, false)
	if a.Name == "" {
		name = slump.Printable(a.Sport, false)
	}
	return ansi.Truncate(name, maxShownName, "…") // by columns: a CJK character takes two
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
