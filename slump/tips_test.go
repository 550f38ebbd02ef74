package slump

import (
	"strings"
	"testing"
)

func TestTips(t *testing.T) {
	ids := []string{TipSeeAProfessional, TipStepAway, TipCapHardEfforts, TipTakeRestDay, TipSleepMore, TipRunningBuddy,
		TipMixItUp, TipNewGear, TipListenToBody}
	tips := defaults.Tips()
	if len(tips) != len(ids) {
		t.Fatalf("Tips() has %d tips, want %d", len(tips), len(ids))
	}
	for i, tip := range tips {
		if tip.ID != ids[i] {
			t.Errorf("Tips()[%d] = %s, want %s", i, tip.ID, ids[i])
		}
		if got, ok := defaults.Tip(tip.ID); !ok || got != tip {
			t.Errorf("defaults.Tip(%s) = %+v, %v", tip.ID, got, ok)
		}
		if tip.Title == "" || strings.HasSuffix(tip.Title, ".") || len(tip.Title) > 40 {
			t.Errorf("%s: title %q should be a short line without a full stop", tip.ID, tip.Title)
		}
		if n := sentences(tip.Text); n < 2 || n > 3 {
			t.Errorf("%s: text has %d sentences, want 2 or 3: %q", tip.ID, n, tip.Text)
		}
		// Every tip credits the article, except the one that goes beyond
		// it: see_a_professional credits the ECSS/ACSM consensus.
		credit := `Megan Sloan, "The Training Slump is a Real Thing" (2023)`
		if tip.ID == TipSeeAProfessional {
			credit = "Meeusen et al."
		}
		if !strings.Contains(tip.Source, credit) {
			t.Errorf("%s: source %q does not credit %s", tip.ID, tip.Source, credit)
		}
	}
	if s, _ := defaults.Tip(TipSleepMore); !strings.Contains(s.Source, "AASM/SRS") || !strings.Contains(s.Source, "2015") {
		t.Errorf("sleep_more source %q lacks the AASM/SRS 2015 recommendation", s.Source)
	}
	if s, _ := defaults.Tip(TipSeeAProfessional); !strings.Contains(s.Source, "ECSS and ACSM") || !strings.Contains(s.Source, "2013") {
		t.Errorf("see_a_professional source %q lacks the ECSS/ACSM 2013 consensus", s.Source)
	}
	if tip, ok := defaults.Tip("nap"); ok || tip != (Tip{}) {
		t.Errorf("defaults.Tip(nap) = %+v, %v; want none", tip, ok)
	}

	tips[0].Title = "changed"
	if defaults.Tips()[0].Title == "changed" {
		t.Error("Tips() shares its slice between calls")
	}
}

func sentences(text string) int {
	n := 0
	for _, end := range []string{". ", "! ", "? "} {
		n += strings.Count(text, end)
	}
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") {
		n++
	}
	return n
}
