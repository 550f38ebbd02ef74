package slump

import (
	"fmt"
	"strings"
	"testing"
)

func TestTips(t *testing.T) {
	ids := []string{TipKeepCheckingIn, TipStepAway, TipGetWell, TipSeeAProfessional, TipEaseBack, TipBeyondTraining,
		TipTaper, TipCapHardEfforts, TipTakeRestDay, TipSleepMore, TipRunningBuddy, TipMixItUp, TipNewGear, TipListenToBody}
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
		// Every tip credits the article, except those that go beyond it,
		// which credit their own sources.
		credit := map[string]string{
			TipSeeAProfessional: "Meeusen et al.",
			TipBeyondTraining:   "Meeusen et al.",
			TipKeepCheckingIn:   "Saw, Main & Gastin",
		}[tip.ID]
		if credit == "" {
			credit = `Megan Sloan, "The Training Slump is a Real Thing" (2023)`
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

// Every tip that quotes a setting quotes the runner's: change a setting and
// the words change with it; keep the defaults and they are the article's.
func TestTipsAreWordedFromTheSettings(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		tip    string
		title  string
		text   []string // parts of the text
		not    []string // words that must not appear
	}{
		{"the defaults", func(*Config) {}, TipCapHardEfforts, "Keep it to 2 hard efforts a week",
			[]string{"Pick the two sessions that matter most this week"}, nil},
		{"1 hard effort a week", func(c *Config) { c.HardEffortsPerWeek = 1 }, TipCapHardEfforts, "Keep it to 1 hard effort a week",
			[]string{"Pick the one session that matters most this week"}, []string{"two", "2"}},
		{"3 hard efforts a week", func(c *Config) { c.HardEffortsPerWeek = 3 }, TipCapHardEfforts, "Keep it to 3 hard efforts a week",
			[]string{"Pick the three sessions"}, []string{"two"}},
		{"no hard efforts", func(c *Config) { c.HardEffortsPerWeek = 0 }, TipCapHardEfforts, "Leave out hard efforts for now",
			[]string{"every session this week at an easy, chatty pace"}, []string{"two", "Pick"}},
		{"the default rest day", func(*Config) {}, TipTakeRestDay, "Take a complete rest day",
			[]string{"Plan at least one day a week", "Most runners do best with one full rest day every week."}, nil},
		{"2 rest days a week", func(c *Config) { c.RestDaysPerWeek = 2 }, TipTakeRestDay, "Take your complete rest days",
			[]string{"Plan at least two days a week", "You have set yourself two full rest days every week."}, []string{"one day"}},
		{"the default sleep target", func(*Config) {}, TipSleepMore, "Sleep 7 hours or more",
			[]string{"Aim for at least 7 hours"}, nil},
		{"a natural short sleeper", func(c *Config) { c.SleepTargetHours = 6 }, TipSleepMore, "Sleep 6 hours or more",
			[]string{"Aim for at least 6 hours"}, []string{"7 hours"}},
		{"a target of 7.5 h", func(c *Config) { c.SleepTargetHours = 7.5 }, TipSleepMore, "Sleep 7.5 hours or more",
			[]string{"Aim for at least 7.5 hours"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.change(&cfg)
			tip, ok := NewMeter(cfg).Tip(tt.tip)
			if !ok || tip.Title != tt.title {
				t.Errorf("title %q, want %q", tip.Title, tt.title)
			}
			for _, w := range tt.text {
				if !strings.Contains(tip.Text, w) {
					t.Errorf("text lacks %q: %s", w, tip.Text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(tip.Title+" "+tip.Text, w) {
					t.Errorf("tip says %q: %s %s", w, tip.Title, tip.Text)
				}
			}
			if n := sentences(tip.Text); n < 2 || n > 3 {
				t.Errorf("text has %d sentences: %q", n, tip.Text)
			}
		})
	}
}

// A runner who set a sleep target of 6 h is never told of 7 hours, not
// even in the tip's source.
func TestSleepTipForAShortSleeper(t *testing.T) {
	cfg := DefaultConfig()
	cfg.SleepTargetHours = 6
	tip, _ := NewMeter(cfg).Tip(TipSleepMore)
	if all := tip.Title + " " + tip.Text + " " + tip.Source; strings.Contains(all, "7 h") || !strings.Contains(tip.Source, "sleep_target_hours") {
		t.Errorf("sleep_more for a 6 h target: %+v", tip)
	}
}

// The tip a reading gives is worded from the meter's settings too, next to
// a signal that quotes the same setting.
func TestReadingTipFollowsTheSettings(t *testing.T) {
	cfg := DefaultConfig()
	cfg.HardEffortsPerWeek = 1
	r := NewMeter(cfg).Reading(week("e8", "e8", "e3", "e0", "e3", "e3", "e3"), nil, today)
	if r.Tip.ID != TipCapHardEfforts || r.Tip.Title != "Keep it to 1 hard effort a week" ||
		!hasSignal(r, SignalHardEfforts) || !strings.Contains(r.Signals[0].Detail, "the rule of thumb is 1") {
		t.Errorf("1 hard effort a week, 2 done: %s", describe(r))
	}
	cfg = DefaultConfig()
	cfg.SleepTargetHours = 8
	r = NewMeter(cfg).Reading(with("s7.5"), nil, today)
	if r.Tip.ID != TipSleepMore || !strings.Contains(r.Tip.Text, "at least 8 hours") || strings.Contains(r.Tip.Text, "7 hours") {
		t.Errorf("a sleep target of 8 h at 7.5 h a night: %s\n%s", describe(r), r.Tip.Text)
	}
}

func TestNumberWord(t *testing.T) {
	for n, want := range map[int]string{0: "no", 1: "one", 2: "two", 7: "seven", 8: "8", -1: "-1"} {
		if got := numberWord(n); got != want {
			t.Errorf("numberWord(%d) = %q, want %q", n, got, want)
		}
	}
}

// The tips of a break under way say which day it is, in 2 or 3 sentences,
// and never tell the runner to cut training they are not doing.
func TestBreakTips(t *testing.T) {
	for _, id := range []string{TipStepAway, TipEaseBack} {
		for day := 1; day <= 8; day++ {
			tip := breakTip(id, day, day%2 == 0)
			if tip.ID != id || !strings.HasPrefix(tip.Title, fmt.Sprintf("Day %d of your", day)) || tip.Source == "" {
				t.Errorf("breakTip(%s, %d) = %+v", id, day, tip)
			}
			if n := sentences(tip.Text); n < 2 || n > 3 {
				t.Errorf("breakTip(%s, %d): %d sentences: %q", id, day, n, tip.Text)
			}
			for _, w := range []string{"hard effort", "sessions that matter", "Pick"} {
				if strings.Contains(tip.Text, w) {
					t.Errorf("breakTip(%s, %d) speaks of %q: %s", id, day, w, tip.Text)
				}
			}
		}
	}
}
