package slump

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"testing"
)

func TestDefaultConfig(t *testing.T) {
	want := Config{HardEffort: 7, HardEffortsPerWeek: 2, RestDaysPerWeek: 1, SleepTargetHours: 7, MonotonyLimit: 2, ACWRLimit: 1.5,
		FormTransition: 20, FormFresh: 5, FormOptimal: -10, FormHighRisk: -30}
	if got := DefaultConfig(); got != want {
		t.Errorf("DefaultConfig() = %+v, want %+v", got, want)
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Errorf("DefaultConfig().Validate() = %v", err)
	}
}

// Every field has a snake_case toml key, the one Validate names.
func TestConfigKeys(t *testing.T) {
	keys := []string{KeyHardEffort, KeyHardEffortsPerWeek, KeyRestDaysPerWeek, KeySleepTargetHours, KeyMonotonyLimit, KeyACWRLimit,
		KeyFormTransition, KeyFormFresh, KeyFormOptimal, KeyFormHighRisk}
	typ := reflect.TypeFor[Config]()
	if typ.NumField() != len(keys) {
		t.Fatalf("Config has %d fields, %d keys", typ.NumField(), len(keys))
	}
	snake := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	for i := range typ.NumField() {
		tag := typ.Field(i).Tag.Get("toml")
		if tag != keys[i] || !snake.MatchString(tag) {
			t.Errorf("field %s has toml key %q, want %q", typ.Field(i).Name, tag, keys[i])
		}
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		want   string // "" when valid
	}{
		{"default", func(*Config) {}, ""},
		{"the extremes", func(c *Config) {
			*c = Config{HardEffort: 1, HardEffortsPerWeek: 0, RestDaysPerWeek: 0, SleepTargetHours: 4, MonotonyLimit: 1, ACWRLimit: 1,
				FormTransition: 100, FormFresh: 99, FormOptimal: 98, FormHighRisk: 97}
		}, ""},
		{"the other extremes", func(c *Config) {
			*c = Config{HardEffort: 10, HardEffortsPerWeek: 7, RestDaysPerWeek: 7, SleepTargetHours: 12, MonotonyLimit: 10, ACWRLimit: 4,
				FormTransition: -97, FormFresh: -98, FormOptimal: -99, FormHighRisk: -100}
		}, ""},
		{"hard effort 0 is a rest day", func(c *Config) { c.HardEffort = 0 }, "hard_effort: must be a whole number from 1 to 10 (got 0)"},
		{"hard effort 11", func(c *Config) { c.HardEffort = 11 }, "hard_effort: must be a whole number from 1 to 10 (got 11)"},
		{"hard efforts per week", func(c *Config) { c.HardEffortsPerWeek = -1 },
			"hard_efforts_per_week: must be a whole number from 0 to 7 (got -1)"},
		{"rest days per week", func(c *Config) { c.RestDaysPerWeek = 8 }, "rest_days_per_week: must be a whole number from 0 to 7 (got 8)"},
		{"sleep target", func(c *Config) { c.SleepTargetHours = 3.5 },
			"sleep_target_hours: must be hours from 4 to 12, decimals allowed (7.5) (got 3.5)"},
		{"sleep target NaN", func(c *Config) { c.SleepTargetHours = math.NaN() },
			"sleep_target_hours: must be hours from 4 to 12, decimals allowed (7.5) (got NaN)"},
		{"monotony limit", func(c *Config) { c.MonotonyLimit = 0.5 },
			"monotony_limit: must be a number from 1 to 10, decimals allowed (2.0) (got 0.5)"},
		{"ACWR limit", func(c *Config) { c.ACWRLimit = 4.5 }, "acwr_limit: must be a number from 1 to 4, decimals allowed (1.5) (got 4.5)"},
		{"form bands out of order", func(c *Config) { c.FormOptimal = 6 },
			"form_optimal: must be a percentage from -100 to 100, below form_fresh (5) (got 6)"},
		{"form band out of range", func(c *Config) { c.FormHighRisk = -101 },
			"form_high_risk: must be a percentage from -100 to 100, below form_optimal (-10) (got -101)"},
		{"the first wrong field is named", func(c *Config) { c.RestDaysPerWeek, c.ACWRLimit = -1, 0 },
			"rest_days_per_week: must be a whole number from 0 to 7 (got -1)"},
	}
	for _, tc := range tests {
		cfg := DefaultConfig()
		tc.change(&cfg)
		err := cfg.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: Validate() = %v", tc.name, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: Validate() = %v, want %q", tc.name, err, tc.want)
		case err != nil:
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("%s: %T is not a *FieldError", tc.name, err)
			}
		}
	}
}

func TestMeterWithConfig(t *testing.T) {
	def := DefaultConfig()
	tests := []struct {
		name    string
		change  func(*Config)
		history []Checkin
		signal  string
		points  int // 0: must not fire
		detail  string
	}{
		{"hard efforts from 8: three 7s are not hard", func(c *Config) { c.HardEffort = 8 },
			week("e7", "e7", "e7", "e0", "e3", "e3", "e3"), SignalHardEfforts, 0, ""},
		{"hard efforts from 8: three 8s are", func(c *Config) { c.HardEffort = 8 },
			week("e8", "e8", "e8", "e0", "e3", "e3", "e3"), SignalHardEfforts, 20, "3 hard efforts (effort 8 or more) in the last 7 days; the rule of thumb is 2"},
		{"1 hard effort a week", func(c *Config) { c.HardEffortsPerWeek = 1 },
			week("e8", "e3", "e7", "e0", "e3", "e4", "e3"), SignalHardEfforts, 20, "2 hard efforts in the last 7 days; the rule of thumb is 1"},
		{"2 rest days a week", func(c *Config) { c.RestDaysPerWeek = 2 },
			week("e3", "e4", "e3", "e0", "e3", "e4", "e3"), SignalNoRestDay, 20,
			"only 1 complete rest day in 7 days (7 logged); aim for at least 2 a week"},
		{"2 rest days a week, over 14 days", func(c *Config) { c.RestDaysPerWeek = 2 },
			days(-13, append(repeat(13, "e3"), "e0")...), SignalNoRestDay, 30,
			"only 1 complete rest day in 14 days (14 logged); aim for at least 2 a week"},
		{"0 rest days a week: the rule is off", func(c *Config) { c.RestDaysPerWeek = 0 },
			days(-13, repeat(14, "e3")...), SignalNoRestDay, 0, ""},
		{"a sleep target of 8 h", func(c *Config) { c.SleepTargetHours = 8 },
			with("s7.5"), SignalShortSleep, 15, "averaging 7.5 h of sleep over 7 nights; your target is 8 h"},
		{"a sleep target of 8 h: under 7 is very short", func(c *Config) { c.SleepTargetHours = 8 },
			with("s6.99"), SignalShortSleep, 25, "averaging 6.9 h of sleep over 7 nights; your target is 8 h"},
		{"a sleep target of 6.5 h", func(c *Config) { c.SleepTargetHours = 6.5 }, with("s6.5"), SignalShortSleep, 0, ""},
		{"a monotony limit of 2.5", func(c *Config) { c.MonotonyLimit = 2.5 },
			week("e4 min60", "e4 min60", "e4 min60", "e0", "e4 min60", "e4 min60", "e4 min60"), SignalMonotony, 0, ""},
		{"a load ratio limit of 2.5", func(c *Config) { c.ACWRLimit = 2.5 },
			join(days(-27, repeat(21, "e3 min10")...), week("e0", "e5 min60", "e2 min50", "e4 min50", "e2 min30", "e4 min60", "e0")),
			SignalLoadSpike, 0, ""},
		{"an invalid config is clamped: hard efforts from 0 means from 1", func(c *Config) { c.HardEffort = 0 },
			week("e1", "e1", "e1", "e0", "e0", "e0", "e0"), SignalHardEfforts, 20, "3 hard efforts (effort 1 or more) in the last 7 days; the rule of thumb is 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := def
			tc.change(&cfg)
			r := NewMeter(cfg).Reading(tc.history, nil, today)
			var got Signal
			for _, s := range r.Signals {
				if s.ID == tc.signal {
					got = s
				}
			}
			if got.Points != tc.points || got.Detail != tc.detail {
				t.Errorf("%s %d %q; want %d %q\n%s", tc.signal, got.Points, got.Detail, tc.points, tc.detail, describe(r))
			}
			if cfg.Validate() == nil {
				if sum := NewMeter(cfg).Summarize(tc.history, today.AddDays(-6), today); !reflect.DeepEqual(sum, r.Week) {
					t.Errorf("Summarize = %+v, the reading's week is %+v", sum, r.Week)
				}
			}
		})
	}
}

// The zero Meter is the meter with the defaults, and NewMeter clamps an
// invalid setting into its range rather than failing.
func TestZeroMeterAndClamping(t *testing.T) {
	h := randomJournal(rand.New(rand.NewPCG(3, 200)), 200, false)
	var zero Meter
	if zero.Config() != DefaultConfig() || NewMeter(DefaultConfig()).Config() != DefaultConfig() {
		t.Errorf("Config: zero meter %+v, defaults %+v", zero.Config(), NewMeter(DefaultConfig()).Config())
	}
	for _, day := range []Date{today, today.AddDays(-30), today.AddDays(-100)} {
		if !reflect.DeepEqual(zero.Reading(h, nil, day), meterOf(h, day)) {
			t.Errorf("%s: the zero Meter differs from the defaults", day)
		}
	}
	wild := Config{HardEffort: 99, HardEffortsPerWeek: -3, RestDaysPerWeek: 9, SleepTargetHours: math.NaN(), MonotonyLimit: 0, ACWRLimit: 100,
		FormFresh: 50} // bands out of order: the defaults
	want := Config{HardEffort: MaxEffort, HardEffortsPerWeek: 0, RestDaysPerWeek: 7, SleepTargetHours: 7, MonotonyLimit: 1, ACWRLimit: 4,
		FormTransition: 20, FormFresh: 5, FormOptimal: -10, FormHighRisk: -30}
	if got := NewMeter(wild).Config(); got != want {
		t.Errorf("NewMeter(%+v).Config() = %+v, want %+v", wild, got, want)
	}
	cfg := DefaultConfig()
	// A hard effort from 8 changes the counts of the week.
	cfg.HardEffort = 8
	hist := week("e7", "e8", "e9", "e0", "e7", "e3", "e3")
	if got, sum := NewMeter(cfg).Reading(hist, nil, today).Week.HardEfforts, NewMeter(cfg).Summarize(hist, today.AddDays(-6), today).HardEfforts; got != 2 || sum != 2 {
		t.Errorf("hard efforts from 8: %d in the reading, %d in the summary; want 2", got, sum)
	}
}
