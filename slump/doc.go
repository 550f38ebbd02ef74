// Package slump is laceup's domain: the daily check-in, its fields and
// their validation, calendar days and ISO weeks, and the slump meter with
// its signals, tips and weekly verdicts. It uses only the standard library,
// does no I/O, keeps no state between calls and never reads the clock:
// "today" is always a parameter.
//
// The pieces, and the one place each lives:
//
//   - Checkin, Fields and ParseCheckin: a day's answers and the one table
//     of fields every source of answers (the command line, the form, the
//     import formats) reads them with; FieldError is every layer's way to
//     say which answer is wrong and what it accepts.
//   - Date, Week: calendar days and ISO weeks.
//   - Meter (NewMeter with the runner's Config): the reading of a day
//     (Reading, from a Snapshot with ReadingOf), of a range (Readings,
//     Days), and of whole weeks with their Verdict against the rules of
//     thumb (Weeks). Every tip and explanation is worded from the Config.
//   - Session and Checkin.Training: the sessions imported from a watch or
//     an app (laceup activities import) and the one rule of what the meter
//     counts of a logged day with them: the load is the sum of rating x
//     moving minutes when every session is rated and timed, else the
//     check-in's effort x minutes; each session rated hard is one hard
//     effort, else the check-in decides; a day logged as complete rest
//     stays rest; a session recorded twice (Copies, Merge) counts once.
//     A day without a check-in stays unknown, whatever was recorded.
//   - exchange (CSV and JSON export and import), demo (a synthetic
//     journal), activity and garmin (the exports of Strava and Garmin) are
//     packages of their own.
//
// The meter reads the article's two kinds of signal. Signs (low_motivation,
// low_mood, heavy_legs, persistent) are how a slump shows, and only signs
// make one: without a sign the level is at most watch and the tip never a
// break. Causes (hard_efforts, no_rest_day, short_sleep, monotony,
// load_spike) explain and warn. A day not logged is unknown, never a rest
// or a training day: no rule fills it in, and a week with fewer than 3
// check-ins reads as LevelUnknown.
//
// The model itself, every signal, number and tip with its source or as a
// design choice, is described once, in the README's "The slump meter"
// (sections "The model in full" and "Where the numbers come from"). The meter
// is built on Megan Sloan's article "The Training Slump is a Real Thing"
// (Smith Physical Therapy & Running Academy, 2023); the tips put its advice
// in laceup's own words and credit it in Tip.Source.
package slump
