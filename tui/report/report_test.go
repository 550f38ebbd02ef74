package report

import (
	"bytes"
	"encoding/json"
	"github.com/charmbracelet/x/ansi"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/demo"
)

func ptr(v float64) *float64 { return &v }

// Shown numbers round toward the safe side of their thresholds, and every
// screen and command shows them through these.
func TestNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Sleep(ptr(6.999)), "6.9"}, // never 7.0 for a week that fired short_sleep
		{Sleep(ptr(7)), "7.0"},
		{Sleep(nil), None},
		{Scale(ptr(2.01)), "2.1"}, // never 2.0 for a week that did not fire low_mood
		{Scale(ptr(2)), "2.0"},
		{Scale(nil), "–"},
		{Hours(7.25), "7.25"},
		{Hours(math.Copysign(0, -1)), "0"},
		{Optional(nil), "–"},
		{Optional(slump.Int(45)), "45"},
		{Monotony(2.001), "2.01"}, // never 2.00 for a monotony that fired above 2
		{Ratio(1.234), "1.23"},
		{Strain(1727.6), "1728"},
		{Effort(0, slump.DefaultConfig()), "0 rest"},
		{Effort(6, slump.DefaultConfig()), "6"},
		{Effort(7, slump.DefaultConfig()), "7 hard"},
		{Effort(6, slump.Config{HardEffort: 6}), "6 hard"},
		{Days(1), "day"},
		{Days(2), "days"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
	if got := Wrap("one two three four", "  ", 12); got != "  one two\n  three four\n" {
		t.Errorf("Wrap = %q", got)
	}
}

// The demo journal, seed 1, 120 days to Wednesday 25 November 2026: ordinary
// weeks, a build-up into a slump, a break and the recovery.
var (
	today   = slump.NewDate(2026, 11, 25)
	journal = demo.Journal(1, 120, today)
	meter   = slump.NewMeter(slump.DefaultConfig())
)

// Days of the demo journal worth seeing: its first (too few check-ins to
// read), deep in the slump, on the break, and today.
func demoDays(t *testing.T) map[string]slump.Reading {
	t.Helper()
	out := map[string]slump.Reading{
		"today":   meter.Reading(journal, slump.LoadsOf(journal), today),
		"unknown": meter.Reading(journal, slump.LoadsOf(journal), journal[0].Date),
	}
	for _, r := range meter.Readings(journal, slump.LoadsOf(journal), today.AddDays(-119), today) {
		switch {
		case r.Level == slump.LevelSlump && r.Tip.ID == slump.TipStepAway && out["slump"].Date.IsZero():
			out["slump"] = r
		case r.Break != nil && r.Break.Ongoing && out["break"].Date.IsZero():
			out["break"] = r
		}
	}
	if out["slump"].Date.IsZero() || out["break"].Date.IsZero() {
		t.Fatal("the demo journal has no slump day or no break")
	}
	return out
}

func TestMeterText(t *testing.T) {
	for name, r := range demoDays(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			WriteMeterText(&b, r)
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(line, "Tip:") || strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  +") {
					if n := len([]rune(line)); n > 80 {
						t.Errorf("tip line of %d characters: %q", n, line)
					}
				}
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestMeterJSON(t *testing.T) {
	for name, r := range demoDays(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteMeterJSON(&b, r); err != nil {
				t.Fatal(err)
			}
			// The keys scripts rely on are all there, whatever the day.
			var m map[string]any
			if err := json.Unmarshal(b.Bytes(), &m); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"date", "score", "level", "checkins_last_7_days", "signals", "tip", "last_7_days",
				"slump_streak_days", "slump_rest_days", "rest_days_in_a_row", "metrics", "break",
				"headline", "hints", "sign_streak_days"} {
				if _, ok := m[k]; !ok {
					t.Errorf("no key %s", k)
				}
			}
			for _, s := range m["signals"].([]any) {
				if k := s.(map[string]any)["kind"]; k != slump.KindSign && k != slump.KindCause {
					t.Errorf("signal %v of kind %v", s, k)
				}
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestHistory(t *testing.T) {
	for name, w := range map[string]slump.Week{
		"this_week": slump.WeekOf(today),
		"slump":     slump.WeekOf(demoDays(t)["slump"].Date),
		"before":    slump.WeekOf(today.AddDays(-130)), // before the journal: every day empty
	} {
		t.Run(name, func(t *testing.T) {
			wk := meter.Weeks(journal, nil, w, 1, today)[0]
			var text, js bytes.Buffer
			WriteHistoryText(&text, wk, nil, meter.Config(), today)
			if err := WriteHistoryJSON(&js, wk, nil); err != nil {
				t.Fatal(err)
			}
			var h HistoryJSON
			if err := json.Unmarshal(js.Bytes(), &h); err != nil || len(h.Days) != 7 || h.Week != w.String() {
				t.Errorf("history JSON: %v, %d days, week %s", err, len(h.Days), h.Week)
			}
			golden.RequireEqual(t, append(append(text.Bytes(), "---\n"...), js.Bytes()...))
		})
	}
}

// A note that would act on a terminal reaches neither the history text
// (shown without it) nor the history JSON (escaped, and exact once decoded).
func TestHistoryNeutralisesHostileNote(t *testing.T) {
	const note = "\x1b]0;pwned\x07 \u009b31m\n\t\u202eevil\u202c \u2066iso\u2069 \u2028"
	hostile := append([]slump.Checkin(nil), journal...)
	last := &hostile[len(hostile)-1]
	last.Note = note
	wk := meter.Weeks(hostile, nil, slump.WeekOf(today), 1, today)[0]
	var text, js bytes.Buffer
	WriteHistoryText(&text, wk, nil, meter.Config(), today)
	if err := WriteHistoryJSON(&js, wk, nil); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "JSON": js.String()} {
		for _, r := range out {
			if r != '\n' && slump.TerminalControl(r) {
				t.Errorf("history %s holds %U raw", name, r)
			}
		}
	}
	var h HistoryJSON
	if err := json.Unmarshal(js.Bytes(), &h); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range h.Days {
		if d.Date == last.Date.String() {
			found = true
			if d.Checkin == nil || d.Checkin.Note != note {
				t.Errorf("history JSON note of %s = %+v, want %q", d.Date, d.Checkin, note)
			}
		}
	}
	if !found {
		t.Fatalf("%s is not in the week of %s", last.Date, today)
	}
}

// A note in a language written without spaces wraps at the width in
// terminal cells, as every other note does.
func TestWrapWideCharacters(t *testing.T) {
	note := strings.Repeat("走った後に脚が重い", 8)
	out := WrapHanging(note, "  Mon 2 Mar  ", strings.Repeat(" ", 13), Width)
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := ansi.StringWidth(line); w > Width {
			t.Errorf("a line of %d cells: %q", w, line)
		}
	}
	if strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), " ", "") != "Mon2Mar"+note {
		t.Errorf("the note changed: %q", out)
	}
}
