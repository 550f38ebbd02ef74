package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/laceup/laceup/slump"
)

func TestRacesText(t *testing.T) {
	var b bytes.Buffer
	WriteRacesText(&b, nil, today)
	if b.String() != "no races yet\n" {
		t.Errorf("no races: %q", b.String())
	}
	b.Reset()
	WriteRacesText(&b, []slump.Race{
		{Date: today.AddDays(-3), Name: "Parkrun"},
		{Date: today.AddDays(-1), Name: "Hill 10k"},
		{Date: today},
		{Date: today.AddDays(1), Name: "Turkey Trot"},
		{Date: slump.NewDate(2027, 4, 19), Name: "Boston\x1b[2J\u202e"}, // written from the shell
	}, today)
	want := "2026-11-22  Parkrun  (3 days ago)\n" +
		"2026-11-24  Hill 10k  (1 day ago)\n" +
		"2026-11-25  (today)\n" +
		"2026-11-26  Turkey Trot  (in 1 day)\n" +
		"2027-04-19  Boston[2J  (in 145 days)\n"
	if b.String() != want {
		t.Errorf("races:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRacesJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRacesJSON(&b, nil, today); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no races: %q, %v; want []", b.String(), err)
	}
	b.Reset()
	races := []slump.Race{{Date: today.AddDays(-3), Name: "Parkrun"}, {Date: slump.NewDate(2027, 4, 19), Name: "Boston\x1b"}}
	if err := WriteRacesJSON(&b, races, today); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b") || !strings.Contains(b.String(), `\u001b`) {
		t.Errorf("a control character is not escaped:\n%s", b.String())
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"date": "2026-11-22", "name": "Parkrun", "days_to_go": -3.0},
		{"date": "2027-04-19", "name": "Boston\x1b", "days_to_go": 145.0},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		for k, v := range want[i] {
			if got[i][k] != v {
				t.Errorf("race %d: %s = %v, want %v", i, k, got[i][k], v)
			}
		}
		if len(got[i]) != len(want[i]) {
			t.Errorf("race %d has keys %v", i, got[i])
		}
	}
}

// The meter's JSON has next_race, null without one; its text a line after
// the week's.
func TestMeterNextRace(t *testing.T) {
	r := meter.Reading(journal, slump.LoadsOf(journal), today)
	for _, tt := range []struct {
		name     string
		next     *slump.RaceAhead
		wantJSON string
		wantText string
	}{
		{"none", nil, `"next_race": null`, ""},
		{"ahead", &slump.RaceAhead{Race: slump.Race{Date: slump.NewDate(2027, 4, 19), Name: "Boston"}, DaysToGo: 145},
			`"next_race": {
    "date": "2027-04-19",
    "name": "Boston",
    "days_to_go": 145
  }`, "Next race: Boston, Mon 19 Apr 2027, in 145 days.\n"},
		{"today, no name", &slump.RaceAhead{Race: slump.Race{Date: today}},
			`"days_to_go": 0`, "Next race: Wed 25 Nov 2026, today.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r.NextRace = tt.next
			var js, text bytes.Buffer
			if err := WriteMeterJSON(&js, r); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(js.String(), tt.wantJSON) {
				t.Errorf("JSON lacks %s:\n%s", tt.wantJSON, js.String())
			}
			WriteMeterText(&text, r)
			// The header, the headline and the week, each wrapped, then
			// the race, then a blank line.
			head, _, _ := strings.Cut(text.String(), "\n\n")
			lines := strings.Split(head, "\n")
			last := lines[len(lines)-1] + "\n"
			has := strings.Contains(text.String(), "Next race")
			switch {
			case tt.wantText == "" && has:
				t.Errorf("a race line without a race:\n%s", text.String())
			case tt.wantText != "" && last != tt.wantText:
				t.Errorf("the line after the week is %q, want %q:\n%s", last, tt.wantText, text.String())
			case tt.wantText != "" && !strings.Contains(lines[len(lines)-2], "h sleep on") && !strings.Contains(lines[len(lines)-2], "average."):
				t.Errorf("the race line is not after the week's:\n%s", text.String())
			}
		})
	}
}

func TestRaceAhead(t *testing.T) {
	fresh, risk := slump.BandFresh, slump.BandHighRisk
	boston := &slump.RaceAhead{Race: slump.Race{Date: today.AddDays(12), Name: "Boston"}, DaysToGo: 12}
	pct := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		next       *slump.RaceAhead
		percent    *float64
		band       *slump.FormBand
		race, form string
	}{
		{nil, pct(8), &fresh, "", ""},
		{boston, nil, nil, "Boston in 12 days", "fitness still building"},
		{boston, pct(8.4), &fresh, "Boston in 12 days", "form +8 % fresh"},
		{boston, pct(-31.6), &risk, "Boston in 12 days", "form -32 % high risk"},
		{boston, pct(-0.4), &fresh, "Boston in 12 days", "form 0 % fresh"},
		{&slump.RaceAhead{Race: slump.Race{Date: today.AddDays(1)}, DaysToGo: 1}, nil, nil, "Race in 1 day", "fitness still building"},
		{&slump.RaceAhead{Race: slump.Race{Date: today, Name: "Boston"}}, pct(12), &fresh, "Boston: race day", "form +12 % fresh"},
	} {
		r := slump.Reading{NextRace: tt.next}
		r.Metrics.FormPercent, r.Metrics.FormBand = tt.percent, tt.band
		if race, form := RaceAhead(r); race != tt.race || form != tt.form {
			t.Errorf("RaceAhead(%+v, %v) = %q, %q; want %q, %q", tt.next, tt.band, race, form, tt.race, tt.form)
		}
	}
}
