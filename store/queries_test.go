package store

import (
	"context"
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

// TestQueryPlans holds rangeQuery and loadsQuery to what their comments
// say: checkins is read through its primary key, in its order, with no
// sort (loadsQuery walks all of it: SCAN of a WITHOUT ROWID table is that
// walk).
func TestQueryPlans(t *testing.T) {
	s := mustOpen(t)
	saveDays(t, s, daysBetween(slump.NewDate(2026, 1, 1), slump.NewDate(2026, 3, 14), nil))
	tests := []struct {
		name, query string
		args        []any
		want        string // the plan's line for checkins
		sorts       int    // USE TEMP B-TREE lines
	}{
		{"Range", rangeQuery, []any{"2026-02-01", 27}, "SEARCH checkins USING PRIMARY KEY (date>?)", 0},
		{"Loads", loadsQuery, []any{"2026-01-01", 1001}, "SEARCH checkins USING PRIMARY KEY (date>?)", 0},
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
