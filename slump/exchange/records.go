package exchange

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/laceup/laceup/slump"
)

// Record is one day of an export as import --merge newer reads it: the
// check-in and when it was last edited, or a day deleted, and when. A
// deleted day travels in the export so that another journal merging it
// deletes the day too, unless its own copy was edited later.
type Record struct {
	slump.Checkin           // the day's check-in; only Date for a deleted day
	UpdatedAt     time.Time // when it was last edited or deleted, UTC; zero when unknown
	Deleted       bool
}

// TimeLayout is the form of updated_at: RFC 3339 in UTC to the second.
const TimeLayout = "2006-01-02T15:04:05Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(TimeLayout)
}

// parseTime reads an updated_at cell: "" is unknown (the zero time).
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, &slump.FieldError{Field: KeyUpdatedAt, Got: fmt.Sprintf("%q", s), Want: `a time such as "2026-03-14T07:05:00Z"`}
	}
	return t.UTC().Truncate(time.Second), nil
}

// noAnswers reports whether a row has none of the core answers (empty
// reports whether the named one is empty or absent): a deleted day.
func noAnswers(empty func(name string) bool) bool {
	for _, f := range slump.Fields() {
		if !f.Optional && !empty(f.Name) {
			return false
		}
	}
	return true
}

func recordsOf(cs []slump.Checkin) []Record {
	rs := make([]Record, len(cs))
	for i, c := range cs {
		rs[i] = Record{Checkin: c}
	}
	return rs
}

// checkinsOf returns the check-ins of the records, leaving out deleted
// days: what a plain import adds.
func checkinsOf(rs []Record) []slump.Checkin {
	if rs == nil {
		return nil
	}
	cs := make([]slump.Checkin, 0, len(rs))
	for _, r := range rs {
		if !r.Deleted {
			cs = append(cs, r.Checkin)
		}
	}
	return cs
}

func sortRecords(rs []Record) {
	slices.SortFunc(rs, func(a, b Record) int { return a.Date.DaysSince(b.Date) })
}

// RowKey is a record as one CSV row (with its updated_at): the content two
// journals compare, the same way, when a day was edited in the same second
// on both.
func RowKey(r Record) string {
	var b strings.Builder
	WriteRecordsCSV(&b, []Record{r}) //nolint:errcheck // a strings.Builder does not fail
	_, row, _ := strings.Cut(b.String(), "\n")
	return row
}

// SortRecords sorts records by date, oldest first.
func SortRecords(rs []Record) { sortRecords(rs) }
