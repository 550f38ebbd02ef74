// Package slump is laceup's domain: the daily check-in and its validation,
// calendar dates and ISO weeks, the slump meter with its tips, and a
// synthetic journal for trying laceup out (Demo). It uses only the
// standard library, does no I/O and never reads the clock: "today" is always
// a parameter.
//
// # The meter in plain words
//
// Every day you note your mood, your motivation, last night's sleep, how
// hard the day's training felt (0 for a rest day, 10 for all-out) and, if
// you like, how many minutes it lasted. The meter looks at the last 7 days
// and asks the questions of Megan Sloan's article "The Training Slump is a
// Real Thing" (Smith Physical Therapy & Running Academy, March 2023), on
// which the meter and its tips are built:
//
//   - Are you training too hard? More than 2 hard efforts in a week is more
//     than the article's rule of thumb.
//   - When was your last complete rest day? Most runners need 1 a week.
//   - Are you sleeping enough? Adults need 7 hours or more.
//   - Has your motivation dropped, does lacing up feel daunting? Has your
//     mood?
//
// When you log minutes, it also looks at your training load the way sports
// scientists do: effort x minutes for each day. Are your days all alike
// (monotony)? Is this week's load much bigger than your last 4 weeks (a load
// spike)? And once you have a few weeks of check-ins, it compares your week
// with your own usual: 6.5 hours of sleep may be normal for you and a
// warning for someone else, so the meter also says "1.2 h below your usual".
//
// Each "yes" adds points to a score from 0 to 100: below 30 all is well
// (ok), 30-59 there are warning signs (watch), 60 or more you are in a slump
// or digging into one (slump). Every point on the meter names its reason. A
// day you did not log counts as unknown, not as a rest day and not as a
// training day, and averages are taken over the days you logged.
//
// A slump is a pattern, not a bad day. When the meter has read slump 3 days
// running, or your motivation has been low most days of the week, it adds
// points for that and its tip becomes a real break: 3-5 days with no
// training at all. While you rest, and for about a week after, it shows you
// the meter, mood and motivation before the break and now, so you can see
// whether it helped. If you have been in the slump band for 2 weeks and the
// rest you took a week or more ago has not lifted it (or for 3 weeks, rest
// or not), the tip is to see a sports doctor or physiotherapist: a slump
// that outlasts a break can be more than tiredness.
//
// The load spike is shown for information only. Whether it predicts injury
// is disputed, so it adds few points and never chooses your tip.
//
// # The model precisely
//
// MeterWith(cfg, history, loads, day) reads the check-ins of Window(day):
// the 55 days day-54..day. Check-ins after day, before day-54 or with a zero
// date are ignored; of two check-ins for one date the later in the slice
// wins. Meter(history, day) is MeterWith(DefaultConfig(), history, nil,
// day). The thresholds of cfg are written below with their defaults (cfg
// keys in brackets); every other number is a constant.
//
// A day's own score reads its week W (the 7 days ending on it), using only
// the logged days of W; n is their number. The article's five signals:
//
//	hard_efforts    h = days of W with effort >= 7 [hard_effort], fires when
//	                h > 2 [hard_efforts_per_week]: 10 + 10 points per hard
//	                effort above the limit, at most 40 (3 -> 20, 4 -> 30, 5+ -> 40).
//	no_rest_day     fewer than 1 [rest_days_per_week] days of W with effort 0,
//	                and n >= 4: 20 points; 30 when also the 14 days ending on the
//	                day hold fewer rest days than that and at least 10 of them are
//	                logged. A limit of 0 turns the rule off.
//	short_sleep     n >= 2 and mean sleep < 7 h [sleep_target_hours]: 15
//	                points; an hour under the target (6 h): 25.
//	low_motivation  n >= 2 and mean motivation <= 2.0: 20 points; <= 1.5: 25.
//	low_mood        n >= 2 and mean mood <= 2.0: 15 points; <= 1.5: 20.
//
// Personal baselines extend the last three. The usual is the 28 days before
// W; once 14 of them are logged (and n >= 2), each item gets
// z = (mean of W - mean of the usual) / max(SD of the usual, floor), with the
// sample SD (divided by n-1: the 28 days estimate the runner's normal
// spread) and a floor of 1 point for mood and motivation (one step of the
// scale) and 0.5 h for sleep, so a runner who always answers 4 is not
// flagged for a single 3. z <= -1.0 gives the item's signal 5 points, z <=
// -1.5 gives 10; the signal takes the larger of these and the fixed rule's
// points (the same symptom is counted once), and its explanation adds "N
// below your usual U". The fixed rules stay in force, so 6.5 h of sleep
// still fires short_sleep for a runner whose usual is 6.5 h.
//
// Training load (Foster's session RPE): a day's load is effort x minutes, in
// arbitrary units (AU). A complete rest day (effort 0) is 0 whatever its
// minutes; a logged day with effort but no minutes has an unknown load
// (Metrics.LoadUnknownDays counts them), and so has a day without a
// check-in. Over W: the weekly load is the sum of the 7 daily loads,
// monotony = min(mean / SD, 10) with the population SD (divided by 7) and
// strain = weekly load x monotony; days of unknown load count 0 in these
// sums, and all three are computed only when at least 5 of the 7 days have a
// known load. An all-zero week has no monotony (its strain is 0).
// Monotony is computed exactly from integer sums as S / sqrt(7Q - S^2),
// where S and Q are the sums of the loads and of their squares.
//
//	monotony        monotony > 2.0 [monotony_limit]: 10 points; 15 when the
//	                week's strain is also above the runner's usual strain: the
//	                median strain of the 4 weeks ending 7, 14, 21 and 28 days
//	                before (at least 3 of them computable).
//	load_spike      the coupled rolling acute:chronic ratio, 4 x the 7-day
//	                load / the 28-day load, >= 1.5 [acwr_limit]: 10 points. Shown
//	                only once 28 days of data exist (a check-in on the day 27
//	                days back or in the week before it) and each of the 4 weeks
//	                has at least 5 known loads (days without a known load count
//	                0), and when the 28-day load is not 0.
//
// The EWMA ratio (Metrics.ACWREWMA) is shown with the rolling one: the acute
// and chronic averages EWMA_t = lambda x load_t + (1 - lambda) x EWMA_(t-1),
// lambda = 2/(N+1) with N = 7 and 28, over the calendar days from the first
// check-in of loads (days without a check-in and unknown loads are 0), both
// starting before that first day at the mean daily load of its first 7
// days; its ratio is acute / chronic, once that series spans 28 days. It
// needs the whole series: a store passes the journal's loads (date, effort,
// minutes of every check-in up to day) to MeterWith, or Meter starts the
// series at the first check-in of the history it is given, so Meter on the
// rows of Window(day) alone gives the same reading as on the whole journal
// except for this one figure. It describes and scores nothing.
//
// Base score = min(100, sum of the points above). Then persistence:
//
//	persistent      the base score is 60 or more on the day and the 2 days
//	                before, or motivation is 2 or less on at least 4 of the 7
//	                days of W: 30 points.
//
// Score = min(100, base score + persistent); Level = LevelOf(Score): ok
// below 30, watch 30-59, slump 60 and up. Signals are listed by points,
// highest first, ties in the order above. Sleep is compared in hundredths
// of an hour (the precision ParseSleep keeps) and mood and motivation as
// integer sums, so a boundary such as an average of exactly 2.0 is never
// blurred by floating point. Each signal explains itself in one line
// (Signal.Detail) with its averages to one decimal; sleep is rounded down
// there, so an average just under 7 h reads 6.9 h, never 7.0 h; ratios are
// rounded up, so a shown 2.00 never hides a monotony that fired above 2.
//
// SlumpStreak counts the consecutive days ending on day whose score is 60 or
// more, up to MaxSlumpStreak = 21. A day is in the slump band when its base
// score is, or when low motivation on most days lifts it there (the 3-day
// part of persistent needs the day itself in the band), so the streak's
// oldest day, day-20, needs only its own 35 days, day-54..day-20: hence the
// 55-day window, which a store can load instead of the whole journal. Each
// day of the window is read a fixed number of times (sums over ranges are
// differences of running sums), whatever the length of the history.
// SlumpRestDays counts the logged rest days among the streak days 7 or more
// days back. DeepSlump is SlumpStreak >= 3, or at least 4 of the article's
// five signals firing, or persistent. RestRun counts the complete rest days
// in a row ending on day.
//
// Break follow-up (Reading.Break): the latest run of 3 or more consecutive
// logged rest days that began at most 10 days before the reading's day,
// has 3 days done and followed a day whose reading was a deep slump. Before
// is that day: its score, and mood and motivation averaged over its week;
// After is the reading's day: its score, and mood and motivation averaged
// from the break's first day.
//
// The tip, in order:
//
//  1. see_a_professional: SlumpStreak >= 14 with SlumpRestDays >= 3, or
//     SlumpStreak = 21.
//  2. step_away: DeepSlump, fewer than 3 rest days in a row so far, and no
//     break to follow up.
//  3. listen_to_body: DeepSlump otherwise (the break is taken or just over;
//     the week still carries the days before it, so the score lags).
//  4. By the strongest signal other than load_spike (listen_to_body when
//     there is none): hard_efforts -> cap_hard_efforts, no_rest_day ->
//     take_rest_day, short_sleep -> sleep_more, monotony -> mix_it_up. When
//     low motivation or low mood is the strongest: a monotonous week (5 or
//     more training days, whose efforts differ by at most 2: a stand-in for
//     Foster's monotony when minutes are not logged) -> mix_it_up; else
//     low_motivation firing with at most 3 training days logged (runs are
//     being skipped) -> running_buddy; else level ok (a mild dip with
//     nothing structural wrong) -> new_gear; else running_buddy.
//
// ReadingsWith(cfg, history, loads, from, to) is the reading of every day
// from..to, each exactly MeterWith(cfg, history, loads, day): both compute
// from one by-date index of the check-ins, which ReadingsWith builds once for
// SeriesWindow(from, to), that is from-54..to, and one run of the EWMA; so
// the 12 weeks of the trends screen need 84+54 days of the journal. When to
// is before from, it returns nil. Summarize(history, from, to) is the
// WeekSummary of any range, such as an ISO week (Monday to Sunday; week 1
// holds the year's first Thursday, so 2027-01-01 is in 2026-W53): counts over
// the logged days, averages over them and nil when none is logged, with the
// same rules for duplicate dates; Summarize(h, day-6, day) is
// Meter(h, day).Week, and SummarizeWith(cfg, ...) counts hard efforts from
// cfg's hard effort as MeterWith(cfg, ...) does.
//
// What the score does not promise. Making one logged day worse never lowers
// the score and making it better never raises it, with two exceptions by
// design, both tested. A harder day can lower it: a hard day among alike
// ones makes the week less monotonous, which is Foster's point, and a
// heavier past makes this week's load ratio smaller. A better day before
// the week can raise it: it raises the runner's usual, and the same week
// then falls further below it.
//
// # Where the numbers come from
//
// From the article (Sloan 2023): at most 2 hard efforts a week; 1 complete
// rest day a week for most people, and "can't remember the last time you took
// a complete rest day" as a cause, which the 14-day rule stands for; lack of
// sleep slows recovery; lost motivation and dread of lacing up as symptoms;
// the remedies behind the tips (a 3-5 day break with no training at all,
// which the break follow-up and the 3 rest days of the escalation rule
// build on, a running buddy, cross-training, new gear as a last resort,
// listening to your body).
//
// Effort is Foster's CR-10 session RPE (Foster et al., "A new approach to
// monitoring exercise training", J Strength Cond Res 2001;15(1):109-115),
// where 0 is rest and 7 is anchored "very hard": so a hard effort is effort
// >= 7 (HardEffort) and a complete rest day is effort 0 (RestEffort). The
// same paper defines session load as RPE x duration in minutes. The journal
// holds one effort and one duration per day, so a day of two sessions is
// one load from the runner's overall rating, where Foster adds the sessions.
//
// Sleep below 7 hours: adults should sleep 7 or more hours a night regularly;
// less is linked to impaired performance and immune function (Watson NF et
// al., AASM/SRS consensus, J Clin Sleep Med 2015;11(6):591-592 and SLEEP
// 2015;38(6):843-844). Below 6 hours as the stronger flag: people sleeping
// under 6 hours were about 4 times as likely to catch a cold as those
// sleeping more than 7 (Prather AA et al., Sleep 2015); Walsh et al. (BJSM
// 2021) note that athletes often sleep under 7 hours and recommend an
// individual approach, which the sleep target setting and the baseline
// allow. With another target the stronger flag stays an hour under it (a
// design choice).
//
// Monotony and strain: Foster C, "Monitoring training in athletes with
// reference to overtraining syndrome", Med Sci Sports Exerc
// 1998;30(7):1164-1168, defines monotony as the daily mean over its
// standard deviation and strain as load x monotony, and found illness
// linked to individually identifiable thresholds, mostly of strain: hence
// strain compared with the runner's own 4-week median, never with a fixed
// number (the 4000-6000 AU cut-offs found online have no primary source).
// Monotony above 2.0 is a widely used convention attributed to Foster 1998,
// not a validated cut-off (Fellrnr's wiki, which also caps monotony at 10
// because it grows without bound as the SD falls to 0: a week of equal
// loads is maximally monotonous, not 0 or 1 as some implementations say).
// The population SD: Foster does not say which, the week is the whole set
// described rather than a sample, and the only published worked example
// (Foster 2001, Table 5, monotony 1.26, computed there from its session
// loads) is reproduced by the population SD and not by the sample SD. Six alike days and a rest day give sqrt(6) = 2.45: one rest day alone
// does not make a week varied; hard and easy days do. Rest days count as 0
// (calculatorhub, afitpilot, CoachMePlus: "count empty days as rest days").
// The 5-of-7 rule and the 4 weeks of the usual strain are issue 4's; needing
// 3 of those 4 weeks is a design choice, and so is counting unknown days as
// 0 in the sums: it makes weekly load, monotony and strain lower bounds
// (adding zeros to non-negative loads can only lower mean/SD), so an
// unlogged day never fires a signal, and the counts say how many days are
// unknown.
//
// The acute:chronic ratio: the coupled rolling form of Hulin BT, Gabbett TJ
// et al., BJSM 2016;50:231-236 (1-week load against the 4-week average);
// 1.5 or more as the "danger zone" of Gabbett TJ, BJSM 2016;50:273-280; the
// EWMA form of Williams S, West S, Cross MJ, Stokes KA, BJSM 2017;51:209-210
// (lambda = 2/(N+1), N = 7 and 28: 0.25 and 0.0690). Williams et al. report
// an EWMA ratio of 1.25 where rolling averages give 1.43 for an athlete
// whose load rises from 30 to 50 in the fourth week: the table tests
// reproduce both (1.249746 and 1.428571). The seed (the mean of the first 7
// days) and the calendar-day series with missing days as 0 are issue 4's;
// the R package ACWR seeds with the first load and steps over sessions, not
// days, which silently compresses time. The 28 days before showing a ratio
// are the chronic window itself (tools mark them as warming up), and the
// 5-of-7 coverage per week is the monotony rule again (a design choice).
// Impellizzeri FM et al., "Acute:Chronic Workload Ratio: Conceptual Issues
// and Fundamental Pitfalls", IJSPP 2020;15(6):907-913, found no evidence for
// using the ratio to manage injury risk (and Windt & Gabbett, BJSM 2019, and
// Lolli et al., BJSM 2019, describe the spurious correlation of the coupled
// form): so load_spike is labelled descriptive, adds 10 points, below the
// watch band on its own, and never chooses the tip (design choices).
//
// Personal baselines: Saw AE, Halson SL, Mujika I, Sports 2018;6:63, flag
// z-scores at 1.0 and 1.5. They computed z on an athlete's change against
// the group's; laceup adapts it to one runner's rolling 28-day baseline
// (Saw AE, Main LC, Gastin PB, BJSM 2016;50(5):281-291: self-reported
// well-being reflects training load better than objective measures, which
// is why the meter rests on the daily check-in). The 28 days, the 14 logged
// days needed, the sample SD, the floors, comparing the week's mean with
// the spread of single days (which under-flags rather than over-flags) and
// the 5 and 10 points (smaller than the fixed rules': all three items at
// -1.5 make 30, the watch band) are design choices.
//
// Persistence and escalation: the Hooper staleness criterion (Hooper SL,
// Mackinnon LT et al., Med Sci Sports Exerc 1995;27(1):106-112: well-being
// ratings tracked staleness; the criterion of bad scores for more than 7
// consecutive days is from a secondary source) is the anchor for "low
// motivation on most days of the last 7" (issue 4), a low day being 2 or
// less as in the average rule. The 3 days running are issue 4's and the
// meter's older deep-slump streak. The 30 points (a pattern alone reaches
// the watch band) are a design choice. The article's 3-5 day break fits
// functional overreaching, which passes in days to weeks; non-functional
// overreaching lasts weeks to months and overtraining syndrome longer, and
// telling them apart is a diagnosis by exclusion (Meeusen R, Duclos M,
// Foster C et al., joint consensus statement of the ECSS and ACSM, Eur J
// Sport Sci 2013;13(1):1-24 and Med Sci Sports Exerc 2013;45(1):186-205):
// hence see_a_professional after about 2 weeks despite rest (14 days,
// issue 4). Counting only rest days a week or more back, so that the week
// read shows the days since resting, the 3 rest days (the shortest break),
// the 3-week cap rule, which keeps the tip while the slump lasts once the
// rest days have left the streak's 21 days, and the 10 days of the break
// follow-up are design choices.
//
// Other design choices, not published cut-offs, chosen to follow the article
// and open to tuning: the points of each signal; the score bands 30 and 60;
// an average of 2.0 or less (1.5 or less) out of 5 as low motivation or
// mood; at least 2 logged days before an average counts (one night is a bad
// night, not a pattern); at least 4 of 7 logged days before "no rest day" is
// believed (with fewer, the missing days could have been rest days), and 10
// of 14 for the 14-day version; missing days as unknown rather than rest;
// the 3-day streak and 4-signal rule for a deep slump; the effort-span
// stand-in for monotony; and the order in which the tips are considered.
//
// Settings: Config holds the six thresholds a runner may change, with the
// toml keys hard_effort (1-10, default 7), hard_efforts_per_week (0-7,
// default 2), rest_days_per_week (0-7, default 1), sleep_target_hours (4-12,
// default 7), monotony_limit (1-10, default 2.0) and acwr_limit (1-4,
// default 1.5: a coupled 7:28-day ratio never exceeds 4). Config.Validate
// names the key of a value out of range in a *FieldError.
//
// The tips are written in laceup's own words after the article and credit
// it in Tip.Source; see_a_professional goes beyond the article and credits
// the ECSS/ACSM consensus.
package slump
