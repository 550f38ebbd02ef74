package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/laceup/laceup/slump"
)

// A check-in dated tomorrow (made in a time zone ahead, where it was
// already that day) is shown and counted like any other day of the week;
// a day after today without a check-in is still "future".
func TestHistoryCheckinTomorrow(t *testing.T) {
	tomorrow := today.AddDays(1) // Thursday 26 November
	withTomorrow := append(append([]slump.Checkin(nil), journal...),
		slump.Checkin{Date: tomorrow, Mood: 2, Motivation: 4, SleepHours: 6.5, Effort: 5, Note: "flew in from Kiritimati"})
	w := slump.WeekOf(today)
	before := meter.Weeks(journal, nil, w, 1, today)[0].Summary.Checkins
	wk := meter.Weeks(withTomorrow, nil, w, 1, today)[0]
	if wk.Summary.Checkins != before+1 {
		t.Fatalf("check-ins %d, want %d: tomorrow's is not counted", wk.Summary.Checkins, before+1)
	}

	var text bytes.Buffer
	WriteHistoryText(&text, wk, nil, meter.Config(), today)
	row := func(day string) string {
		for _, line := range strings.Split(text.String(), "\n") {
			if strings.HasPrefix(line, day) {
				return line
			}
		}
		return ""
	}
	if thu := row("Thu 26 Nov"); strings.Contains(thu, "future") || !strings.Contains(thu, "6.5") {
		t.Errorf("tomorrow's row %q: want its answers, not future", thu)
	}
	for _, day := range []string{"Fri 27 Nov", "Sat 28 Nov", "Sun 29 Nov"} {
		if r := row(day); !strings.HasSuffix(r, "future") {
			t.Errorf("row %q: want future", r)
		}
	}
	if want := fmt.Sprintf("check-ins %d/7", before+1); !strings.Contains(text.String(), want) ||
		!strings.Contains(text.String(), "flew in from Kiritimati") {
		t.Errorf("history text, want %q and tomorrow's note:\n%s", want, text.String())
	}

	var js bytes.Buffer
	if err := WriteHistoryJSON(&js, wk, nil); err != nil {
		t.Fatal(err)
	}
	var h HistoryJSON
	if err := json.Unmarshal(js.Bytes(), &h); err != nil {
		t.Fatal(err)
	}
	d := h.Days[3]
	if d.Date != tomorrow.String() || d.Checkin == nil || d.Checkin.Mood != 2 || d.Score == nil || d.Level == nil {
		t.Errorf("history JSON of tomorrow = %+v, want its check-in, score and level", d)
	}
	if h.Summary.Checkins != before+1 {
		t.Errorf("history JSON check-ins %d, want %d", h.Summary.Checkins, before+1)
	}
	if d := h.Days[4]; d.Checkin != nil || d.Score != nil {
		t.Errorf("history JSON of the day after tomorrow = %+v, want no check-in", d)
	}
}
