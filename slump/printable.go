package slump

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TerminalControl reports whether r must never reach a terminal from a
// runner's text: a control character (C0 with newline and tab, DEL, and C1,
// where U+009B is a one-character CSI to some terminals), the line and
// paragraph separators U+2028 and U+2029, or a bidirectional control
// (U+202A-U+202E, U+2066-U+2069), which makes text display as something
// other than what it holds. Printable drops these characters; the terminal
// writer of tui/cli replaces them, and the JSON writers escape them.
func TerminalControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidiControl(r)
}

// PrintableName returns a name, such as a file path, the way a message
// shows it: as it is when every character prints as itself, else quoted
// with Go's escapes ("a\x1bb", "\u202etxt.csv"), so that nothing in the name
// acts on the terminal and the name still reads exactly.
func PrintableName(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, TerminalControl) < 0 {
		return s
	}
	return strconv.Quote(s)
}
