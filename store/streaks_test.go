package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/laceup/laceup/slump"
)

// saveDays writes a check-in (checkin(d), with the mood varying) for each of
// days in one transaction, for journals too big to build one Save at a time.
// It writes the row Save would write for a new day.
func saveDays(tb testing.TB, s *Store, days []slump.Date) {
	tb.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO checkins (date, mood, motivation, sleep_hours, effort, minutes, sleep_quality, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	defer stmt.Close()
	now := time.Date(2026, 3, 14, 7, 5, 0, 0, time.UTC).Format(timeLayout)
	for i, d := range days {
		c := checkin(d)
		c.Mood = 1 + i%5
		if _, err := stmt.ExecContext(ctx, c.Date.String(), c.Mood, c.Motivation, c.SleepHours, c.Effort,
			nullInt(c.Minutes), nullInt(c.SleepQuality), c.Note, now, now); err != nil {
			tb.Fatalf("insert %s: %v", d, err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// daysBetween returns every day from first to last, both included, except
// those skip reports (skip may be nil).
func daysBetween(first, last slump.Date, skip func(slump.Date) bool) []slump.Date {
	var days []slump.Date
	for d := first; !d.After(last); d = d.AddDays(1) {
		if skip == nil || !skip(d) {
			days = append(days, d)
		}
	}
	return days
}

// refStreaks is the plain reading of Streaks' doc comment: walk the days in
// order, counting runs.
func refStreaks(days []slump.Date, today slump.Date) (current, longest int, longestEnd slump.Date) {
	sorted := slices.SortedFunc(slices.Values(days), func(a, b slump.Date) int { return a.DaysSince(b) })
	run := 0
	var prev slump.Date
	for _, d := range slices.Compact(sorted) {
		if d.After(today) {
			break
		}
		if !prev.IsZero() && d.DaysSince(prev) == 1 {
			run++
		} else {
			run = 1
		}
		if run >= longest {
			longest, longestEnd = run, d
		}
		prev = d
	}
	if !prev.IsZero() && today.DaysSince(prev) <= 1 {
		current = run
	}
	return current, longest, longestEnd
}

func TestStreaks(t *testing.T) {
	today := slump.NewDate(2026, 3, 14)
	ago := func(n ...int) []slump.Date { // days n days before today (negative: after)
		var ds []slump.Date
		for _, k := range n {
			ds = append(ds, today.AddDays(-k))
		}
		return ds
	}
	span := func(from, to int) []int { // from to to days ago, both included
		var ns []int
		for k := from; k >= to; k-- {
			ns = append(ns, k)
		}
		return ns
	}
	tests := []struct {
		name             string
		days             []slump.Date
		today            slump.Date // today if zero
		current, longest int
		longestEnd       slump.Date // zero if none
	}{
		{name: "empty journal"},
		{name: "only today", days: ago(0), current: 1, longest: 1, longestEnd: today},
		{name: "only yesterday: not broken until today is over", days: ago(1),
			current: 1, longest: 1, longestEnd: today.AddDays(-1)},
		{name: "only the day before yesterday: broken", days: ago(2),
			longest: 1, longestEnd: today.AddDays(-2)},
		{name: "run up to yesterday", days: ago(span(5, 1)...),
			current: 5, longest: 5, longestEnd: today.AddDays(-1)},
		{name: "gap of one day", days: ago(0, 1, 3, 4, 5),
			current: 2, longest: 3, longestEnd: today.AddDays(-3)},
		{name: "equal runs: the most recent is longest", days: ago(0, 1, 3, 4),
			current: 2, longest: 2, longestEnd: today},
		{name: "longest in the past", days: ago(append(span(100, 80), span(2, 0)...)...),
			current: 3, longest: 21, longestEnd: today.AddDays(-80)},
		{name: "current is the longest", days: ago(append(span(30, 25), span(9, 0)...)...),
			current: 10, longest: 10, longestEnd: today},
		{name: "future days ignored", days: ago(-1, -2, -5, 1, 0),
			current: 2, longest: 2, longestEnd: today},
		{name: "a run through today is cut at today", days: ago(span(2, -5)...),
			current: 3, longest: 3, longestEnd: today},
		{name: "a longer future run does not count", days: ago(append(span(-1, -30), 5)...),
			longest: 1, longestEnd: today.AddDays(-5)},
		{name: "only future days", days: ago(-1, -2), current: 0, longest: 0},
		{name: "across a year end", days: daysBetween(slump.NewDate(2025, 12, 29), slump.NewDate(2026, 1, 2), nil),
			today: slump.NewDate(2026, 1, 3), current: 5, longest: 5, longestEnd: slump.NewDate(2026, 1, 2)},
		{name: "across February 29", days: daysBetween(slump.NewDate(2024, 2, 27), slump.NewDate(2024, 3, 2), nil),
			today: slump.NewDate(2024, 3, 2), current: 5, longest: 5, longestEnd: slump.NewDate(2024, 3, 2)},
		{name: "February 28 to March 1 is a gap in a leap year",
			days:  []slump.Date{slump.NewDate(2024, 2, 28), slump.NewDate(2024, 3, 1)},
			today: slump.NewDate(2024, 3, 1), current: 1, longest: 1, longestEnd: slump.NewDate(2024, 3, 1)},
		{name: "across 1970-01-01", days: daysBetween(slump.NewDate(1969, 12, 30), slump.NewDate(1970, 1, 2), nil),
			today: slump.NewDate(1970, 1, 3), current: 4, longest: 4, longestEnd: slump.NewDate(1970, 1, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := tt.today
			if day.IsZero() {
				day = today
			}
			s := mustOpen(t)
			saveDays(t, s, tt.days)
			cur, long, end, err := s.Streaks(context.Background(), day)
			if err != nil {
				t.Fatal(err)
			}
			if cur != tt.current || long != tt.longest || end != tt.longestEnd {
				t.Errorf("Streaks(%s) = %d, %d, %q; want %d, %d, %q",
					day, cur, long, end, tt.current, tt.longest, tt.longestEnd)
			}
			// The reference agrees with the table, so it can be trusted below.
			if c, l, e := refStreaks(tt.days, day); c != tt.current || l != tt.longest || e != tt.longestEnd {
				t.Errorf("refStreaks = %d, %d, %q; the table says %d, %d, %q",
					c, l, e, tt.current, tt.longest, tt.longestEnd)
			}
		})
	}
}

func TestStreaksAfterSave(t *testing.T) {
	// Streaks sees a day saved, or edited, through Save.
	s := mustOpen(t)
	ctx := context.Background()
	today := slump.NewDate(2026, 3, 14)
	for _, d := range []slump.Date{today.AddDays(-2), today.AddDays(-1), today, today} {
		mustSave(t, s, checkin(d))
	}
	if cur, long, end, err := s.Streaks(ctx, today); err != nil || cur != 3 || long != 3 || end != today {
		t.Errorf("Streaks = %d, %d, %q, %v; want 3, 3, %q", cur, long, end, err, today)
	}
}

func TestStreaksTenYears(t *testing.T) {
	today := slump.NewDate(2026, 3, 14)
	first := today.AddDays(-3649)
	gaps := map[slump.Date]bool{ // a few missed days; the longest run ends 2023-06-30
		slump.NewDate(2017, 8, 1): true, slump.NewDate(2019, 2, 11): true, slump.NewDate(2019, 2, 12): true,
		slump.NewDate(2023, 7, 1): true, slump.NewDate(2025, 12, 24): true,
	}
	journals := map[string][]slump.Date{
		"daily with a few gaps": daysBetween(first, today, func(d slump.Date) bool { return gaps[d] }),
		"daily, and a week ahead": daysBetween(first, today.AddDays(7),
			func(d slump.Date) bool { return gaps[d] || d == today }),
	}
	// Irregular journals: each day kept with probability p, so runs of many
	// lengths, and some days after today.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range []float64{0.5, 0.8, 0.95, 0.99} {
		journals[fmt.Sprintf("random p=%.2f", p)] = daysBetween(first, today.AddDays(30),
			func(slump.Date) bool { return rng.Float64() >= p })
	}
	for name, days := range journals {
		t.Run(name, func(t *testing.T) {
			s := mustOpen(t)
			saveDays(t, s, days)
			for _, day := range []slump.Date{today, today.AddDays(-1), slump.NewDate(2023, 7, 2), first, first.AddDays(-1)} {
				cur, long, end, err := s.Streaks(context.Background(), day)
				if err != nil {
					t.Fatal(err)
				}
				wc, wl, we := refStreaks(days, day)
				if cur != wc || long != wl || end != we {
					t.Errorf("Streaks(%s) = %d, %d, %q; the reference says %d, %d, %q", day, cur, long, end, wc, wl, we)
				}
			}
		})
	}
}

func TestStreaksZeroToday(t *testing.T) {
	s := mustOpen(t)
	_, _, _, err := s.Streaks(context.Background(), slump.Date{})
	var fe *slump.FieldError
	if !errors.As(err, &fe) || fe.Field != slump.FieldDate {
		t.Errorf("Streaks(zero date) = %v, want a *slump.FieldError for the date", err)
	}
}

// TestQueryPlans holds rangeQuery and streaksQuery to what their comments
// say: checkins is only searched through its primary key, never scanned,
// and Range needs no sort.
func TestQueryPlans(t *testing.T) {
	s := mustOpen(t)
	saveDays(t, s, daysBetween(slump.NewDate(2026, 1, 1), slump.NewDate(2026, 3, 14), nil))
	tests := []struct {
		name, query string
		args        []any
		want        string // the plan's line for checkins
		sorts       int    // USE TEMP B-TREE lines
	}{
		{"Range", rangeQuery, []any{"2026-02-01", "2026-02-26"}, "SEARCH checkins USING PRIMARY KEY (date>? AND date<?)", 0},
		{"Streaks", streaksQuery, []any{"2026-03-14", "2026-03-13"}, "SEARCH checkins USING PRIMARY KEY (date<?)", 2}, // GROUP BY, ORDER BY
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.db.Query("EXPLAIN QUERY PLAN "+tt.query, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			var onTable []string
			sorts := 0
			for _, line := range plan {
				if strings.Contains(line, "checkins") {
					onTable = append(onTable, line)
				}
				if strings.HasPrefix(line, "USE TEMP B-TREE") {
					sorts++
				}
			}
			if len(onTable) != 1 || onTable[0] != tt.want || sorts != tt.sorts {
				t.Errorf("plan:\n\t%s\nwant one line %q and %d temporary B-trees",
					strings.Join(plan, "\n\t"), tt.want, tt.sorts)
			}
		})
	}
}
