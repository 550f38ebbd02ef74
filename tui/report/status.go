package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laceup/laceup/slump"
)

// StatusJSON is the shape of laceup status --json: today's score and level
// and whether today has a check-in. Score and level are null with no
// journal yet.
type StatusJSON struct {
	Date      string  `json:"date"`
	CheckedIn bool    `json:"checked_in"`
	Score     *int    `json:"score"`
	Level     *string `json:"level"`
}

// NewStatusJSON is the status of a reading of today; checkedIn says
// whether today has a check-in.
func NewStatusJSON(r slump.Reading, checkedIn bool) StatusJSON {
	level := string(r.Level)
	st := StatusJSON{Date: r.Date.String(), CheckedIn: checkedIn, Level: &level}
	if r.Level != slump.LevelUnknown {
		st.Score = &r.Score
	}
	return st
}

// WriteStatusJSON prints the status as indented JSON, as the other
// commands do.
func WriteStatusJSON(w io.Writer, st StatusJSON) error {
	return writeJSON(w, st)
}

// StatusLine is the status as one short line for a prompt or a status
// bar: "laceup 45 watch", "laceup unknown" (too few check-ins to read), or
// the reminder "laceup: not checked in today".
func StatusLine(st StatusJSON) string {
	switch {
	case !st.CheckedIn:
		return "laceup: not checked in today"
	case st.Score == nil:
		return "laceup unknown"
	}
	return fmt.Sprintf("laceup %d %s", *st.Score, *st.Level)
}

// Answers is a check-in's answers on one line, as a runner reads them:
// "mood 4, motivation 3, sleep 7.5 h, effort 6, legs 3, travel, 45 min,
// sleep quality 4, note "easy tempo"".
func Answers(c slump.Checkin) string {
	parts := []string{fmt.Sprintf("mood %d", c.Mood), fmt.Sprintf("motivation %d", c.Motivation),
		"sleep " + Hours(c.SleepHours) + " h", fmt.Sprintf("effort %d", c.Effort)}
	if c.Legs != nil {
		parts = append(parts, fmt.Sprintf("legs %d", *c.Legs))
	}
	if t := c.DayType.Of(); t != slump.DayNormal {
		parts = append(parts, string(t))
	}
	if c.Minutes != nil {
		parts = append(parts, fmt.Sprintf("%d min", *c.Minutes))
	}
	if c.SleepQuality != nil {
		parts = append(parts, fmt.Sprintf("sleep quality %d", *c.SleepQuality))
	}
	if c.Note != "" {
		parts = append(parts, fmt.Sprintf("note %q", slump.Printable(c.Note, false)))
	}
	return strings.Join(parts, ", ")
}
