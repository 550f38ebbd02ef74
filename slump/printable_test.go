package slump

import "testing"

func TestTerminalControl(t *testing.T) {
	for _, r := range []rune{'\x00', '\x07', '\t', '\n', '\r', '\x1b', '\x7f', '\u0080', '\u0085', '\u009b', '\u009f',
		'\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'} {
		if !TerminalControl(r) {
			t.Errorf("TerminalControl(%U) = false", r)
		}
	}
	for _, r := range []rune{' ', 'a', '~', '\u00a0', 'é', '走', '\u200d', '🏃', '\uFFFD'} {
		if TerminalControl(r) {
			t.Errorf("TerminalControl(%U) = true", r)
		}
	}
}

func TestPrintableName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/home/runner/journal.db", "/home/runner/journal.db"},
		{"/tmp/my journal ☕.csv", "/tmp/my journal ☕.csv"},
		{"/tmp/\x1b]0;pwned\x07.csv", `"/tmp/\x1b]0;pwned\a.csv"`},
		{"/tmp/\u202evsc.exe", `"/tmp/\u202evsc.exe"`},
		{"/tmp/c1\u009b.csv", `"/tmp/c1\u009b.csv"`},
		{"/tmp/two\nlines", `"/tmp/two\nlines"`},
		{"/tmp/bad\xff.csv", `"/tmp/bad\xff.csv"`},
	}
	for _, tt := range tests {
		if got := PrintableName(tt.in); got != tt.want {
			t.Errorf("PrintableName(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
