package activity

import (
	"fmt"
	"strconv"
	"strings"
)

// RowError is a file refused: where its first problem is and what it is.
// The readers return one for every problem with the file's content, and
// only for those (not for an error reading r), so errors.As(err, &rowErr)
// tells bad input from a failed read. Nothing is returned with it: a file is
// read whole or not at all.
type RowError struct {
	// Line is the 1-based line of the file where the problem is: the line
	// of the bad field (a line break inside a quoted name counts, so it is
	// the line an editor shows), of the header, or where broken quoting
	// starts.
	Line int
	// Field is the column as the file's header names it ("Perceived
	// Exertion", "Distanz"), "Distance (2nd)" for the second of two columns
	// with one name; empty when the problem is with the line or the file
	// as a whole.
	Field string
	// Err says what is wrong; a *HeaderError when the header is not one the
	// reader knows.
	Err error
}

// Error reads "line 12: Perceived Exertion: must be a whole number from 1
// to 10, or empty (got "11")", or "line 12: ..." without a field.
func (e *RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: %s: %v", e.Line, e.Field, e.Err)
}

// Unwrap returns Err, so errors.As finds a *HeaderError.
func (e *RowError) Unwrap() error { return e.Err }

// HeaderError is a header that is not one the reader knows: it names the
// columns the reader needs, so that the runner can tell a wrong file from
// an export in a language laceup does not read yet.
type HeaderError struct {
	// Format names the file expected: "a Strava activities.csv".
	Format string
	// Need lists the headers the reader knows, each with the columns it
	// needs as that header names them; the first is the usual one.
	Need []HeaderColumns
	// Missing is what the closest of those headers lacks, when the header
	// has some of its columns; else empty.
	Missing []string
	// Got is the start of the header found, for the message.
	Got []string
}

// HeaderColumns are the columns one known header needs.
type HeaderColumns struct {
	In      string // whose header: "in a German export"
	Columns []string
}

// Error reads: not a Strava activities.csv: its header needs the columns
// "Activity ID", "Activity Date" and "Activity Type" (or, in a German
// export, "Aktivitäts-ID", ...); it lacks "Activity Type"; the header found:
// "Activity ID", "Date", ...
func (e *HeaderError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "not %s: its header needs the columns %s", e.Format, quoteList(e.Need[0].Columns, "and"))
	for i, alt := range e.Need[1:] {
		sep := "; "
		if i == 0 {
			sep = " (or, "
		}
		fmt.Fprintf(&b, "%s%s, %s", sep, alt.In, quoteList(alt.Columns, "and"))
	}
	if len(e.Need) > 1 {
		b.WriteString(")")
	}
	if len(e.Missing) > 0 {
		fmt.Fprintf(&b, "; it lacks %s", quoteList(e.Missing, "and"))
	}
	if len(e.Got) > 0 {
		fmt.Fprintf(&b, "; the header found: %s", strings.Join(e.Got, ", "))
	}
	return b.String()
}

// quoteList writes names quoted and separated by commas, the last two by
// "and" when and is not empty.
func quoteList(names []string, and string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if and == "" || len(q) < 2 {
		return strings.Join(q, ", ")
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + and + " " + q[len(q)-1]
}

// maxQuoted is the longest value worth quoting whole in a message.
const maxQuoted = 40

// quoted quotes s for a message, cut short to maxQuoted characters.
func quoted(s string) string {
	i := 0
	for j := range s {
		if i == maxQuoted {
			return strconv.Quote(s[:j] + "…")
		}
		i++
	}
	return strconv.Quote(s)
}
