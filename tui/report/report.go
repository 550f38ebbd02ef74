// Package report renders the slump meter and the weekly history: the text
// the command line prints, the JSON it prints with --json, and the numbers
// every screen shows. A number is formatted here once, so it reads the same
// on the dashboard, in the history and on the command line.
//
// The JSON shapes (MeterJSON, HistoryJSON) are an interface scripts rely on:
// add keys, never rename them.
package report

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strconv"
	"strings"

	"github.com/laceup/laceup/slump"
)

// None is shown for a value that is not there: an average without data, an
// optional answer not given.
const None = "–"

// Averages shown to a runner round toward the safe side of their threshold,
// so a number on screen never contradicts a signal (see slump.ShownSleep
// and slump.ShownScale).

// Sleep shows an average sleep in hours to one decimal, rounded down: a
// shown 7.0 h never fired short_sleep. None without data.
func Sleep(avg *float64) string {
	if avg == nil {
		return None
	}
	return strconv.FormatFloat(slump.ShownSleep(*avg, 1), 'f', 1, 64)
}

// Scale shows an average mood or motivation (1-5) to one decimal, rounded
// up: a shown 2.0 always fired low_mood or low_motivation. None without
// data.
func Scale(avg *float64) string {
	if avg == nil {
		return None
	}
	return strconv.FormatFloat(slump.ShownScale(*avg, 1), 'f', 1, 64)
}

// Hours shows one night's sleep as it was answered: 7, 7.5, 7.25.
func Hours(h float64) string { return slump.FormatHours(h) }

// Optional shows an optional answer, None when it was not given.
func Optional(v *int) string {
	if v == nil {
		return None
	}
	return strconv.Itoa(*v)
}

// Monotony shows training monotony to two decimals, rounded up, as the
// signal's "above 2.0" reads it.
func Monotony(m float64) string {
	return strconv.FormatFloat(slump.ShownScale(m, 2), 'f', 2, 64)
}

// Ratio shows the acute:chronic load ratio to two decimals.
func Ratio(r float64) string { return strconv.FormatFloat(r, 'f', 2, 64) }

// Strain shows strain (or the usual strain) as a whole number.
func Strain(s float64) string { return strconv.FormatFloat(s, 'f', 0, 64) }

// Effort shows a day's effort with what it counts as under the runner's
// settings: "0 rest", "8 hard", "5".
func Effort(effort int, cfg slump.Config) string {
	switch {
	case effort == slump.RestEffort:
		return strconv.Itoa(effort) + " rest"
	case cfg.IsHard(effort):
		return strconv.Itoa(effort) + " hard"
	}
	return strconv.Itoa(effort)
}

// DayEffort shows a logged day's effort with what the meter counts it as
// (slump.Checkin.Training): as Effort without imported sessions; with
// them, "6 hard" when a session was rated hard though the day's effort is
// not, "6 hard×2" for a double day of two hard sessions.
func DayEffort(c slump.Checkin, cfg slump.Config) string {
	if len(c.Sessions) == 0 || c.Effort == slump.RestEffort {
		return Effort(c.Effort, cfg)
	}
	switch t := c.Training(cfg); {
	case t.Hard > 1:
		return fmt.Sprintf("%d hard×%d", c.Effort, t.Hard)
	case t.Hard == 1:
		return strconv.Itoa(c.Effort) + " hard"
	}
	return strconv.Itoa(c.Effort)
}

// Days is "day" or "days", for n of them.
func Days(n int) string {
	if n == 1 {
		return "day"
	}
	return "days"
}

// plural is "s" for any n but 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Width is the width of the command line's text: it fits a terminal of
// 80 columns, with one to spare.
const Width = 79

// Wrap breaks text into lines of at most width columns (characters, for
// plain text), each starting with indent and ending in a newline.
func Wrap(text, indent string, width int) string {
	return WrapHanging(text, indent, indent, width)
}

// WrapHanging is Wrap with a different start for the first line: first,
// e.g. "  +35  ", and indent for the lines after it, e.g. 7 spaces. Widths
// are terminal cells (a CJK character takes two). A word longer than a
// line is cut across lines, but one without room to cut (a file name in a
// message) is kept whole on a line of its own.
func WrapHanging(text, first, indent string, width int) string {
	var b strings.Builder
	line, start := first, first
	room := func() int { return width - ansi.StringWidth(line) }
	for _, word := range strings.Fields(text) {
		if line != start && 1+ansi.StringWidth(word) > room() {
			b.WriteString(line + "\n")
			line, start = indent, indent
		}
		if line != start {
			line += " "
		}
		// A word wider than a whole line, such as a note in a language
		// written without spaces: cut it at the width.
		for ansi.StringWidth(word) > room() && hasCJK(word) && room() > 0 {
			head := ansi.Truncate(word, room(), "")
			if head == "" {
				break
			}
			b.WriteString(line + head + "\n")
			word = word[len(head):]
			line, start = indent, indent
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

// hasCJK reports whether s holds a wide character (two cells), as
// languages written without spaces between words use.
func hasCJK(s string) bool {
	for _, r := range s {
		if ansi.StringWidth(string(r)) > 1 {
			return true
		}
	}
	return false
}
