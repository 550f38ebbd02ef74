package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// raceView returns the meter view of today of days, with races entered.
func raceMeterView(t *testing.T, days []slump.Checkin, races ...slump.Race) meterView {
	t.Helper()
	snap, err := newFakeJournal(days...).Snapshot(t.Context(), today)
	if err != nil {
		t.Fatal(err)
	}
	snap.Races = races
	meter := slump.NewMeter(slump.DefaultConfig())
	return meterView{reading: meter.ReadingOf(snap), snap: snap, cfg: meter.Config(), missing: "no check-in yet: press c"}
}

// The next race is one line under the headline, with the form, or that
// fitness is still building; no race, no line.
func TestMeterViewShowsNextRace(t *testing.T) {
	st := newStyles(lipgloss.DefaultRenderer(), "")
	boston := slump.Race{Date: today.AddDays(12), Name: "Boston"}
	v := raceMeterView(t, slumpWeek(), slump.Race{Date: today.AddDays(-3), Name: "run"}, boston)
	lines := splitLines(v.View(st, 80, 40))
	// The header, the gauge, the headline, then the race.
	at := 2 + len(v.parts(st, 80).headline)
	if want := "Boston in 12 days · fitness still building"; len(lines) <= at || lines[at] != want ||
		!strings.Contains(v.reading.Headline, strings.Fields(lines[at-1])[0]) {
		t.Fatalf("line %d is not %q right under the headline:\n%s", at, want, strings.Join(lines, "\n"))
	}

	fresh := slump.BandFresh
	pct := 8.2
	v.reading.Metrics.FormPercent, v.reading.Metrics.FormBand = &pct, &fresh
	assertContains(t, v.View(st, 80, 40), "Boston in 12 days · form +8 % fresh")

	// On race day.
	day := raceMeterView(t, slumpWeek(), slump.Race{Date: today, Name: "Boston"})
	assertContains(t, day.View(st, 80, 40), "Boston: race day · fitness still building")

	// No race ahead: no line.
	none := raceMeterView(t, slumpWeek(), slump.Race{Date: today.AddDays(-1), Name: "Boston"})
	if out := none.View(st, 80, 40); none.parts(st, 80).race != "" || strings.Contains(out, "Boston in") ||
		strings.Contains(out, "Boston: race day") {
		t.Errorf("a race line without a race ahead:\n%s", out)
	}
}

// The race line outlives the training load, the answers and the strip of
// the days, gives way before the headline, and the layout still measures
// what it draws at every step, every width.
func TestRaceLineLayout(t *testing.T) {
	st := newStyles(lipgloss.DefaultRenderer(), "")
	boston := slump.Race{Date: today.AddDays(12), Name: "Boston Marathon, the 131st running of it"}
	for name, days := range map[string][]slump.Checkin{"slump": slumpWeek(), "every signal": everySignal(), "empty": nil, "break": breakDays()} {
		v := raceMeterView(t, days, boston)
		v.nudge = "Yesterday is missing: y to fill it in"
		for _, width := range []int{36, 40, 56, 80, 116} {
			p := v.parts(st, width)
			l, cuts := v.layout(p)
			if !l.race {
				t.Fatalf("%s, width %d: no race line in the full layout", name, width)
			}
			for step := 0; ; step++ {
				out := p.render(st, l)
				if got, want := p.height(l), lipgloss.Height(out); got != want {
					t.Errorf("%s, width %d, step %d: measured %d lines, drew %d", name, width, step, got, want)
				}
				for _, line := range splitLines(out) {
					if w := lipgloss.Width(line); w > width {
						t.Errorf("%s, width %d, step %d: a line of %d cells: %q", name, width, step, w, line)
					}
				}
				if l.race != strings.Contains(out, p.race) {
					t.Errorf("%s, width %d, step %d: race %v, drawn:\n%s", name, width, step, l.race, out)
				}
				if !l.race && (l.load || l.answers || l.week) {
					t.Errorf("%s, width %d, step %d: the race line went before the load, answers or days", name, width, step)
				}
				if l.race && !l.headline {
					t.Errorf("%s, width %d, step %d: the headline went before the race line", name, width, step)
				}
				if !cutOnce(&l, cuts) {
					break
				}
			}
		}
	}
	// At 80x24 the slump week keeps the race line.
	v := raceMeterView(t, slumpWeek(), boston)
	assertFits(t, v.View(st, 80, 24), 80, 24)
	assertContains(t, v.View(st, 80, 24), "Boston Marathon")
}
