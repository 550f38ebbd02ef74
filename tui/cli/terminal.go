package cli

import (
	"io"
	"unicode/utf8"

	"github.com/laceup/laceup/slump"
)

// Replacement is what a TerminalWriter writes in place of a character that
// would act on the terminal, and of a byte that is not UTF-8.
const Replacement = "\uFFFD"

// TerminalWriter passes text on to a terminal with every character of
// slump.TerminalControl but newline and tab (ESC, carriage return, C1
// controls, bidirectional overrides...) and every byte that is not UTF-8
// written as Replacement, so that a note printed as it is stored (an export
// to standard output) cannot move the cursor, retitle the window or display
// reordered, and shows where it held such a character. Everything else is
// written unchanged. Use it only when the output is a terminal: a file or a
// pipe gets the exact bytes.
//
// A character split across two writes is kept back until the rest comes;
// Flush writes one that never completes.
type TerminalWriter struct {
	w       io.Writer
	pending []byte // the start of a character split across writes
	buf     []byte
}

// NewTerminalWriter returns a TerminalWriter writing to w.
func NewTerminalWriter(w io.Writer) *TerminalWriter { return &TerminalWriter{w: w} }

// Write writes p, neutralised, to the underlying writer in one write. It
// returns len(p) when that write succeeds (the bytes kept back included)
// and 0 with its error when it fails.
func (t *TerminalWriter) Write(p []byte) (int, error) {
	in := p
	if len(t.pending) > 0 {
		in = append(t.pending, p...)
		t.pending = nil
	}
	out := t.buf[:0]
	for i := 0; i < len(in); {
		r, size := rune(in[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(in[i:])
		}
		switch {
		case r == utf8.RuneError && size == 1 && !utf8.FullRune(in[i:]):
			t.pending = append([]byte(nil), in[i:]...) // the rest of it may come in the next write
			i = len(in)
			continue
		case r == utf8.RuneError && size == 1, r != '\n' && r != '\t' && slump.TerminalControl(r):
			out = append(out, Replacement...)
		default:
			out = append(out, in[i:i+size]...)
		}
		i += size
	}
	t.buf = out
	if len(out) > 0 {
		if _, err := t.w.Write(out); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush writes a character left incomplete by the last Write as
// Replacement. Call it when the output is done.
func (t *TerminalWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	t.pending = nil
	_, err := io.WriteString(t.w, Replacement)
	return err
}
