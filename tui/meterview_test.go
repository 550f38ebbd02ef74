package tui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

// The layout measures the heights of its sections without drawing them:
// at every step of every cut, for every kind of reading and width, the
// measure is the height drawn.
func TestMeterLayoutMeasuresWhatItDraws(t *testing.T) {
	st := newStyles(lipgloss.DefaultRenderer(), "")
	meter := slump.NewMeter(slump.DefaultConfig())
	journals := map[string][]slump.Checkin{
		"every signal": everySignal(), "slump": slumpWeek(), "sick": sickWeek(), "break": breakDays(),
		"causes only": happyHardWeek(), "empty": nil, "first day": {ck(today, 1, 1, 3, 10)},
	}
	for name, days := range journals {
		j := newFakeJournal(days...)
		snap, err := j.Snapshot(t.Context(), today)
		if err != nil {
			t.Fatal(err)
		}
		for _, all := range []bool{false, true} {
			v := meterView{reading: meter.ReadingOf(snap), snap: snap, cfg: meter.Config(), missing: "no check-in yet: press c",
				nudge: "Yesterday is missing: f to fill it in", all: all}
			for _, width := range []int{36, 56, 76, 116} {
				p := v.parts(st, width)
				l, cuts := v.layout(p)
				for step := 0; ; step++ {
					if got, want := p.height(l), lipgloss.Height(p.render(st, l)); got != want {
						t.Errorf("%s, all %v, width %d, step %d: measured %d lines, drew %d:\n%s", name, all, width, step, got, want, p.render(st, l))
					}
					for _, line := range splitLines(p.render(st, l)) {
						if w := lipgloss.Width(line); w > width {
							t.Errorf("%s, all %v, width %d, step %d: a line of %d cells: %q", name, all, width, step, w, line)
						}
					}
					cut := cutOnce(&l, cuts)
					if !cut {
						// At the end: the header, the gauge and the tip's title.
						if got, want := p.height(l), 3; got != want {
							t.Errorf("%s, all %v, width %d: the smallest layout is %d lines, want %d:\n%s", name, all, width, got, want, p.render(st, l))
						}
						break
					}
				}
			}
		}
	}
}
