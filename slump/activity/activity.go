// Package activity reads the training sessions a runner already has in
// other apps' files: for now Strava's bulk export (ReadStravaCSV); Garmin's
// "Export Your Data" and FIT files come next (issue 13). Each session
// becomes an Activity, one row of the journal's activities table.
//
// Like slump, it uses only the standard library, does no I/O beyond reading
// the bytes it is given, and never reads the clock: the runner's time zone
// is a parameter, and checking a day against today (slump.CheckDay) is the
// caller's.
//
// The rules here come from real exports and the importers that read them,
// gathered with their sources in the project's research note on import
// formats (issue 13); each rule below names the source it rests on.
package activity

import (
	"time"

	"github.com/laceup/laceup/slump"
)

// The sources an Activity comes from: the value of Activity.Source, and
// part of laceup's interface (the activities table's source column), so
// never rename one.
const (
	SourceStrava = "strava" // Strava's bulk export, activities.csv
	SourceGarmin = "garmin" // Garmin's "Export Your Data": *_summarizedActivities.json
	SourceFIT    = "fit"    // a FIT file from a watch
)

// Activity is one training session as its source recorded it. What a
// source leaves out is absent (a nil pointer), never 0: an unrated
// session's RPE is unknown, not "no effort".
type Activity struct {
	// Source is where the session comes from: SourceStrava, SourceGarmin
	// or SourceFIT.
	Source string
	// SourceID is the source's own id for the session, as text: Strava's
	// Activity ID, Garmin's activityId, a FIT file's file_id. Source and
	// SourceID together identify the session, so importing the same file
	// again finds the same rows.
	SourceID string
	// Day is the calendar day the session started on, in the runner's time
	// zone: the day whose check-in it belongs to.
	Day slump.Date
	// Start is when the session started, in UTC.
	Start time.Time
	// Sport is the source's own name for the kind of session, as written
	// in the file: Strava's Activity Type ("Run", "Trail Run", "Ride", or
	// translated, "Lauf", in a German export), Garmin's activityType
	// ("running", "trail_running"), the FIT sport ("running"). Running
	// says which of them are runs.
	Sport string
	// Name is the session's title as the runner or the app gave it
	// ("Morning Run"), as written in the file: it may hold commas, line
	// breaks and any character, so whoever shows it on a terminal makes it
	// safe (slump.TerminalControl). Invalid UTF-8 is replaced with U+FFFD.
	Name string

	// MovingMinutes is the time spent moving, in minutes (fractional: 4167
	// seconds are 69.45 minutes); nil when the source does not say.
	// Minutes are what a check-in and Foster's session load (RPE x
	// minutes) count in; they are kept unrounded so that a day's sum is
	// rounded once, by whoever shows or stores it.
	MovingMinutes *float64
	// ElapsedMinutes is the time from start to finish, pauses included, in
	// minutes (fractional); nil when the source does not say.
	ElapsedMinutes *float64
	// DistanceMeters is the distance covered, in metres; nil when the
	// source does not say.
	DistanceMeters *float64
	// RPE is the runner's own rating of the session on the CR-10 scale, a
	// whole number from 1 to 10 (Strava's Perceived Exertion, Garmin's and
	// FIT's workout_rpe divided by 10); nil when the runner did not rate
	// it. Heart-rate scores (Strava's Relative Effort, Garmin's training
	// load) are never a rating.
	RPE *int
}

// Running reports whether the session is a run: the runs laceup imports by
// default (other sports need --all-sports). What counts, by source:
//
//   - strava: the Activity Types "Run", "Trail Run" and "Virtual Run", the
//     running types of Strava's export (hugovk/strava-tools PR #2 and the
//     real exports in the research note; RUN_TYPES of the runlab
//     importer), and their German names in a German export, "Lauf",
//     "Traillauf" and "Virtueller Lauf" (Lauf as seen in a German export's
//     rows; the other two from importers' translation tables). Walks,
//     hikes and rides are not runs.
//   - garmin: the activityType keys "running", "treadmill_running",
//     "trail_running", "track_running", "indoor_running", "street_running"
//     and "virtual_run" (the RUN_TYPES sets of importers of Garmin's export
//     and API), and "ultra_run" and "obstacle_run", Garmin's running types
//     for ultramarathons and obstacle races: the same set as
//     slump/garmin's Session.Running.
//   - fit: the FIT profile's sport "running", whatever its sub-sport (road,
//     trail, treadmill, track, virtual: all runs).
//
// The names are compared exactly as the source writes them. Any other
// source is not a run.
func (a Activity) Running() bool {
	switch a.Source {
	case SourceStrava:
		return stravaRunTypes[a.Sport]
	case SourceGarmin:
		return garminRunTypes[a.Sport]
	case SourceFIT:
		return a.Sport == "running"
	}
	return false
}

// stravaRunTypes are the Activity Types Running counts as runs, in English
// and German exports.
var stravaRunTypes = map[string]bool{
	"Run": true, "Trail Run": true, "Virtual Run": true,
	"Lauf": true, "Traillauf": true, "Virtueller Lauf": true,
}

// garminRunTypes are the activityType keys Running counts as runs.
var garminRunTypes = map[string]bool{
	"running": true, "treadmill_running": true, "trail_running": true, "track_running": true,
	"indoor_running": true, "street_running": true, "virtual_run": true,
	"ultra_run": true, "obstacle_run": true,
}
