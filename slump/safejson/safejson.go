// Package safejson writes laceup's JSON (the exports and the --json
// reports) so that it can be printed to a terminal as it is and still
// decodes to exactly the strings it was given: every character that could
// act on a terminal or hide in the text is written as a \u escape.
//
// encoding/json escapes the C0 controls and U+2028 and U+2029 already, but
// writes DEL, the C1 controls (U+0080-U+009F; U+009B is a one-character CSI
// to some terminals) and the invisible format characters (the bidirectional
// overrides such as U+202E, zero-width spaces, the byte order mark) raw.
package safejson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/laceup/laceup/slump"
)

// Write writes v as encoding/json encodes it, indented by two spaces with a
// final newline, and <, > and & escaped when escapeHTML, with every Hidden
// character escaped as \uXXXX (a surrogate pair of escapes above U+FFFF).
// Nothing is written if v cannot be encoded.
func Write(w io.Writer, v any, escapeHTML bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escape(buf.Bytes()))
	return err
}

// Hidden reports whether Write escapes r: a character of
// slump.TerminalControl, or an invisible format character (Unicode category
// Cf).
func Hidden(r rune) bool { return slump.TerminalControl(r) || unicode.Is(unicode.Cf, r) }

// escape writes the Hidden characters of the JSON text b as \u escapes.
// Outside its strings, JSON text is printable ASCII and blank space, so
// every such character is inside a string, where the escape stands for the
// same character. encoding/json writes valid UTF-8 only.
func escape(b []byte) []byte {
	var out []byte // nil until a character is escaped
	done := 0      // b[:done] is in out
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if Hidden(r) && r >= ' ' { // C0 is escaped in strings already; outside them, it is the indentation's newlines
			out = append(out, b[done:i]...)
			for _, u := range utf16.Encode([]rune{r}) {
				out = fmt.Appendf(out, `\u%04x`, u)
			}
			done = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[done:]...)
}

// DescribeToken names a JSON token for a message about a document of the
// wrong shape: "an object", "an array", "a string", "a number", "true or
// false", "null", or a closing delimiter quoted.
func DescribeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return fmt.Sprintf("%q", string(v))
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}
