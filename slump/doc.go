// Package slump is laceup's domain: the daily check-in and its validation,
// calendar dates and ISO weeks, the slump meter with its tips, and a
// synthetic journal for trying laceup out (Demo). It uses only the
// standard library, does no I/O and never reads the clock: "today" is always
// a parameter.
//
// # The meter in plain words
//
// Every day you note your mood, your motivation, last night's sleep and how
// hard the day's training felt. The meter looks at the last 7 days and asks
// the questions of Megan Sloan's article "The Training Slump is a Real Thing"
// (Smith Physical Therapy & Running Academy, March 2023), on which the meter
// and its tips are built:
//
//   - Are you training too hard? More than 2 hard efforts in a week is more
//     than the article's rule of thumb.
//   - When was your last complete rest day? Most runners need 1 a week.
//   - Are you sleeping enough? Adults need 7 hours or more.
//   - Has your motivation dropped, does lacing up feel daunting? Has your
//     mood?
//
// Each "yes" adds points to a score from 0 to 100: below 30 all is well
// (ok), 30-59 there are warning signs (watch), 60 or more you are in a slump
// or digging into one (slump). A day you did not log counts as unknown, not
// as a rest day and not as a training day, and averages are taken over the
// days you logged. The meter then picks one tip for the strongest reason; if
// you have been in the slump band for 3 days running, or 4 reasons fire at
// once, the tip is a real break of 3-5 days.
//
// # The model precisely
//
// Meter(history, day) reads the check-ins of Window(day): the 20 days
// day-19..day. Check-ins after day, before day-19 or with a zero date are
// ignored; of two check-ins for one date the later in the slice wins. Each
// signal is computed over the week W = day-6..day, using only the days of W
// that have a check-in ("logged"); n is their number.
//
//	hard_efforts    h = days of W with effort >= 7, fires when h > 2.
//	                points 10 + 10*(h-2), at most 40: 3 -> 20, 4 -> 30, 5+ -> 40.
//	no_rest_day     no logged day of W has effort 0, and n >= 4: 20 points;
//	                30 when also no day of day-13..day has effort 0 and at
//	                least 10 of those 14 days are logged.
//	short_sleep     n >= 2 and mean sleep < 7 h: 15 points; < 6 h: 25.
//	low_motivation  n >= 2 and mean motivation <= 2.0: 20 points; <= 1.5: 25.
//	low_mood        n >= 2 and mean mood <= 2.0: 15 points; <= 1.5: 20.
//
// Score = min(100, sum of points); Level = LevelOf(Score): ok below 30,
// watch 30-59, slump 60 and up. Signals are listed by points, highest first,
// ties in the order above. Sleep is compared in hundredths of an hour (the
// precision ParseSleep keeps) and mood and motivation as integer sums, so a
// boundary such as an average of exactly 2.0 is never blurred by floating
// point. Each signal explains itself in one line (Signal.Detail) with its
// averages to one decimal; sleep is rounded down there, so an average just
// under 7 h reads 6.9 h, never 7.0 h.
//
// SlumpStreak counts the consecutive days ending on day whose own score
// (the same computation, for that day's week) is 60 or more, up to
// MaxSlumpStreak = 7. The oldest of those days, day-6, needs its own 14-day
// look-back, day-19..day-6: hence the 20-day window, which a store can load
// instead of the whole journal. Meter reads each day of the window a fixed
// number of times, whatever the length of the history. DeepSlump is
// SlumpStreak >= 3 or at least 4 signals firing.
//
// The tip, in order: DeepSlump -> step_away. No signal -> listen_to_body.
// Otherwise by the strongest signal: hard_efforts -> cap_hard_efforts,
// no_rest_day -> take_rest_day, short_sleep -> sleep_more. When low
// motivation or low mood is the strongest: a monotonous week (5 or more
// training days, effort > 0, whose efforts differ by at most 2) ->
// mix_it_up; else low_motivation firing with at most 3 training days logged
// (runs are being skipped) -> running_buddy; else level ok (a mild dip with
// nothing structural wrong) -> new_gear; else running_buddy.
//
// Readings(history, from, to) is the reading of every day from..to, each
// exactly Meter(history, day): both compute from one by-date index of the
// check-ins, which Readings builds once for SeriesWindow(from, to), that is
// from-19..to; so the 12 weeks of the trends screen need 84+19 days of the
// journal. When to is before from, Readings returns nil. Summarize(history, from, to) is the
// WeekSummary of any range, such as an ISO week (Monday to Sunday; week 1
// holds the year's first Thursday, so 2027-01-01 is in 2026-W53): counts over
// the logged days, averages over them and nil when none is logged, with the
// same rules for duplicate dates; Summarize(h, day-6, day) is
// Meter(h, day).Week.
//
// # Where the numbers come from
//
// From the article (Sloan 2023): at most 2 hard efforts a week; 1 complete
// rest day a week for most people, and "can't remember the last time you took
// a complete rest day" as a cause, which the 14-day rule stands for; lack of
// sleep slows recovery; lost motivation and dread of lacing up as symptoms;
// the remedies behind the tips (a 3-5 day break with no training at all, a
// running buddy, cross-training, new gear as a last resort, listening to your
// body).
//
// Effort is Foster's CR-10 session RPE (Foster et al., J Strength Cond Res
// 2001;15(1):109-115), where 0 is rest and 7 is anchored "very hard": so a
// hard effort is effort >= 7 (HardEffort) and a complete rest day is effort
// 0 (RestEffort).
//
// Sleep below 7 hours: adults should sleep 7 or more hours a night regularly;
// less is linked to impaired performance and immune function (Watson NF et
// al., AASM/SRS consensus, J Clin Sleep Med 2015;11(6):591-592 and SLEEP
// 2015;38(6):843-844). Below 6 hours as the stronger flag: people sleeping
// under 6 hours were about 4 times as likely to catch a cold as those
// sleeping more than 7 (Prather AA et al., Sleep 2015); Walsh et al. (BJSM 2021) note
// that athletes often sleep under 7 hours.
//
// Design choices, not published cut-offs, chosen to follow the article and
// open to tuning: the points of each signal; the score bands 30 and 60; an
// average of 2.0 or less (1.5 or less) out of 5 as low motivation or mood;
// at least 2 logged days before an average counts (one night is a bad night,
// not a pattern); at least 4 of 7 logged days before "no rest day" is
// believed (with fewer, the missing days could have been rest days), and 10
// of 14 for the 14-day version; missing days as unknown rather than rest;
// the 3-day streak and 4-signal rule for a deep slump (the article's 3-5 day
// break fits functional overreaching, which lasts days to weeks: Meeusen et
// al., ECSS/ACSM consensus 2013); the 7-day cap on the streak; the
// monotony test for mix_it_up (a loose stand-in for Foster's training
// monotony, which needs session minutes the journal does not require); and
// the order in which the tips are considered.
//
// The tips are written in laceup's own words after the article and credit
// it in Tip.Source.
package slump
