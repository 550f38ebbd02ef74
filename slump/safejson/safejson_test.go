package safejson

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds every kind of character Write escapes, beside text it
// keeps as it is.
var hostile = []string{
	"\x1b]0;pwned\x07 \x1b[2J\r",
	"C1 CSI \u009b31m, NEL \u0085, DEL \x7f",
	"bidi \u202eevil\u202c \u2066iso\u2069 \u200f",
	"separators \u2028 \u2029, zero width \u200b\u200d, BOM \ufeff, soft\u00adhyphen",
	"tag \U000E0041, emoji 👨\u200d👩\u200d👧",
	"plain: café, 走る, <b>&</b>, \"quoted\", back\\slash, new\nline, tab\t",
}

func TestWriteEscapesHiddenAndRoundTrips(t *testing.T) {
	for _, escapeHTML := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Write(&buf, hostile, escapeHTML); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, r := range out {
			if Hidden(r) && r != '\n' {
				t.Errorf("escapeHTML %v: %U written raw in %q", escapeHTML, r, out)
			}
		}
		if !strings.HasSuffix(out, "]\n") || !strings.HasPrefix(out, "[\n  \"") {
			t.Errorf("not indented by two spaces with a final newline: %q", out)
		}
		var back []string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, out)
		}
		for i := range hostile {
			if back[i] != hostile[i] {
				t.Errorf("round trip changed %q into %q", hostile[i], back[i])
			}
		}
		for _, want := range []string{`\u001b]0;pwned\u0007`, `\u009b31m`, `\u007f`, `\u202eevil\u202c`, `\u2066`, `\u200f`,
			`\u2028`, `\u200b\u200d`, `\ufeff`, `soft\u00adhyphen`, `\udb40\udc41`, `👨\u200d👩`, "café, 走る", `new\nline, tab\t`} {
			if !strings.Contains(out, want) {
				t.Errorf("escapeHTML %v: output lacks %s:\n%s", escapeHTML, want, out)
			}
		}
		if html := strings.Contains(out, `\u003cb\u003e\u0026`); html != escapeHTML {
			t.Errorf("escapeHTML %v: <, > and & escaped: %v", escapeHTML, html)
		}
	}
}

func TestWriteKeepsOrdinaryJSONAsEncodingJSONWritesIt(t *testing.T) {
	v := map[string]any{"note": "café <3 & 走る\n", "n": 7.5, "none": nil}
	var got, want bytes.Buffer
	if err := Write(&got, v, true); err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("Write = %s, want encoding/json's %s", got.String(), want.String())
	}
}

func TestWriteInvalidUTF8StaysValid(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "a\xffb\xc2", false); err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(buf.Bytes()) || buf.String() != "\"a\\ufffdb\\ufffd\"\n" {
		t.Errorf("Write = %q", buf.String())
	}
}

func TestWriteRefusesWhatJSONCannotHold(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, map[string]any{"x": func() {}}, false); err == nil || buf.Len() > 0 {
		t.Errorf("Write of a func: err %v, wrote %q", err, buf.String())
	}
}
