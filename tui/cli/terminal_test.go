package cli

import (
	"bytes"
	"errors"
	"testing"
)

func TestTerminalWriterNeutralises(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text, new lines and tabs", "date,note\n2026-03-15,\"café\t走る 🏃‍♀️\"\n", "date,note\n2026-03-15,\"café\t走る 🏃‍♀️\"\n"},
		{"OSC title and bell", "\x1b]0;pwned\x07", "�]0;pwned�"},
		{"SGR and clear screen", "\x1b[31mred\x1b[2J", "�[31mred�[2J"},
		{"carriage return overwrites", "safe\rEVIL\r\n", "safe�EVIL�\n"},
		{"C1 CSI and NEL", "\u009b31m \u0085", "�31m �"},
		{"DEL and NUL", "a\x7fb\x00", "a�b�"},
		{"bidi override and isolates", "\u202eevil\u202c \u2066x\u2069", "�evil� �x�"},
		{"line separator", "a\u2028b", "a�b"},
		{"invalid UTF-8", "a\xffb\xc3(", "a�b�("},
		{"a literal U+FFFD stays", "\uFFFD", "\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			tw := NewTerminalWriter(&b)
			if n, err := tw.Write([]byte(tt.in)); err != nil || n != len(tt.in) {
				t.Fatalf("Write = %d, %v", n, err)
			}
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("wrote %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// Written in two pieces, cut at any byte, even inside a character, the
// text comes out as it does in one piece.
func TestTerminalWriterSplitCharacters(t *testing.T) {
	in := "é\u009b走\u202e🏃\x1b[0m\u2028z\xff"
	var whole bytes.Buffer
	w := NewTerminalWriter(&whole)
	w.Write([]byte(in))
	w.Flush()
	for cut := 0; cut <= len(in); cut++ {
		var b bytes.Buffer
		tw := NewTerminalWriter(&b)
		for _, part := range []string{in[:cut], in[cut:]} {
			if n, err := tw.Write([]byte(part)); err != nil || n != len(part) {
				t.Fatalf("cut %d: Write = %d, %v", cut, n, err)
			}
		}
		tw.Flush()
		if b.String() != whole.String() {
			t.Errorf("cut at byte %d: %q, want %q", cut, b.String(), whole.String())
		}
	}
	var b bytes.Buffer
	tw := NewTerminalWriter(&b)
	for i := range len(in) { // one byte a write
		tw.Write([]byte{in[i]})
	}
	tw.Flush()
	if b.String() != whole.String() {
		t.Errorf("a byte a write: %q, want %q", b.String(), whole.String())
	}
}

func TestTerminalWriterFlushesAnUnfinishedCharacter(t *testing.T) {
	var b bytes.Buffer
	tw := NewTerminalWriter(&b)
	tw.Write([]byte("ok \xe8\xb5")) // the first two bytes of 走
	if b.String() != "ok " {
		t.Errorf("before Flush: %q, want the unfinished character kept back", b.String())
	}
	if err := tw.Flush(); err != nil || b.String() != "ok �" {
		t.Errorf("after Flush: %q, %v", b.String(), err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestTerminalWriterReportsWriteErrors(t *testing.T) {
	tw := NewTerminalWriter(failingWriter{})
	if n, err := tw.Write([]byte("note")); err == nil || n != 0 {
		t.Errorf("Write = %d, %v; want 0 and the error", n, err)
	}
}
