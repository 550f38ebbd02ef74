package slump

import (
	"fmt"
	"math"
	"strconv"
)

// Config holds the meter's thresholds that a runner may change, in one
// place. The zero Config is not valid: start from DefaultConfig and change
// what you need. The toml tags are the keys of laceup's config file; the README
// gives the source of every default.
type Config struct {
	// HardEffort is the lowest effort (Foster's CR-10) that counts as a
	// hard effort. Default 7, "very hard".
	HardEffort int `toml:"hard_effort"`
	// HardEffortsPerWeek is how many hard efforts a week are fine; one
	// more fires hard_efforts. Default 2 (Sloan 2023).
	HardEffortsPerWeek int `toml:"hard_efforts_per_week"`
	// RestDaysPerWeek is how many complete rest days a week a runner needs;
	// fewer fires no_rest_day. Default 1 (Sloan 2023); 0 turns the rule
	// off.
	RestDaysPerWeek int `toml:"rest_days_per_week"`
	// SleepTargetHours is the average sleep below which short_sleep fires;
	// an hour less is very short. Default 7 (AASM/SRS 2015).
	SleepTargetHours float64 `toml:"sleep_target_hours"`
	// MonotonyLimit is the training monotony above which the monotony
	// signal fires. Default 2.0 (a convention attributed to Foster 1998).
	MonotonyLimit float64 `toml:"monotony_limit"`
	// ACWRLimit is the acute:chronic load ratio from which load_spike
	// fires. Default 1.5 (Gabbett 2016's "danger zone", shown as
	// descriptive only).
	ACWRLimit float64 `toml:"acwr_limit"`
	// FormTransition, FormFresh, FormOptimal and FormHighRisk are the
	// form bands' thresholds, as a percentage of fitness (see FormBands):
	// above FormTransition transition, above FormFresh fresh, down to
	// FormOptimal neutral, down to FormHighRisk optimal, below it
	// high_risk. Each from -100 to 100, in that order.
	FormTransition float64 `toml:"form_transition"`
	FormFresh      float64 `toml:"form_fresh"`
	FormOptimal    float64 `toml:"form_optimal"`
	FormHighRisk   float64 `toml:"form_high_risk"`
}

// The config file keys, as in the toml tags of Config and in the Field of
// the FieldError that Validate returns.
const (
	KeyHardEffort         = "hard_effort"
	KeyHardEffortsPerWeek = "hard_efforts_per_week"
	KeyRestDaysPerWeek    = "rest_days_per_week"
	KeySleepTargetHours   = "sleep_target_hours"
	KeyMonotonyLimit      = "monotony_limit"
	KeyACWRLimit          = "acwr_limit"
	KeyFormTransition     = "form_transition"
	KeyFormFresh          = "form_fresh"
	KeyFormOptimal        = "form_optimal"
	KeyFormHighRisk       = "form_high_risk"
)

// The allowed range of every Config field.
const (
	MinHardEffortSetting, MaxHardEffortSetting   = 1, MaxEffort // 0 is a rest day, never a hard effort
	MinHardEffortsPerWeek, MaxHardEffortsPerWeek = 0, 7
	MinRestDaysPerWeek, MaxRestDaysPerWeek       = 0, 7
	MinSleepTargetHours, MaxSleepTargetHours     = 4, 12
	MinMonotonyLimit, MaxMonotonyLimit           = 1, monotonyCap // monotony never exceeds its cap, 10
	MinACWRLimit, MaxACWRLimit                   = 1, 4           // a coupled 7:28-day ratio never exceeds 4
)

// DefaultConfig returns the thresholds of the article and the sources
// (see the README): hard effort from 7, 2 hard efforts and 1 rest day a week, 7 h of
// sleep, monotony above 2.0, load ratio from 1.5.
func DefaultConfig() Config {
	return Config{
		HardEffort:         HardEffort,
		HardEffortsPerWeek: hardEffortsPerWeek,
		RestDaysPerWeek:    1,
		SleepTargetHours:   7,
		MonotonyLimit:      2.0,
		ACWRLimit:          1.5,
		FormTransition:     DefaultFormBands().Transition,
		FormFresh:          DefaultFormBands().Fresh,
		FormOptimal:        DefaultFormBands().Optimal,
		FormHighRisk:       DefaultFormBands().HighRisk,
	}
}

// FormBands returns the form bands' thresholds of the settings.
func (c Config) FormBands() FormBands {
	return FormBands{Transition: c.FormTransition, Fresh: c.FormFresh, Optimal: c.FormOptimal, HighRisk: c.FormHighRisk}
}

// IsHard reports whether a day of the given effort counts as a hard effort
// under these settings (effort hard_effort or more).
func (c Config) IsHard(effort int) bool { return effort >= c.HardEffort }

// Validate checks every field against its range, in the order of the
// struct, and returns a *FieldError naming the config key of the first
// wrong one, or nil.
func (c Config) Validate() error {
	ints := []struct {
		key    string
		v      int
		lo, hi int
	}{
		{KeyHardEffort, c.HardEffort, MinHardEffortSetting, MaxHardEffortSetting},
		{KeyHardEffortsPerWeek, c.HardEffortsPerWeek, MinHardEffortsPerWeek, MaxHardEffortsPerWeek},
		{KeyRestDaysPerWeek, c.RestDaysPerWeek, MinRestDaysPerWeek, MaxRestDaysPerWeek},
	}
	for _, f := range ints {
		if err := checkInt(f.key, f.v, f.lo, f.hi); err != nil {
			return err
		}
	}
	floats := []struct {
		key    string
		v      float64
		lo, hi float64
		want   string
	}{
		{KeySleepTargetHours, c.SleepTargetHours, MinSleepTargetHours, MaxSleepTargetHours, "hours from %g to %g, decimals allowed (7.5)"},
		{KeyMonotonyLimit, c.MonotonyLimit, MinMonotonyLimit, MaxMonotonyLimit, "a number from %g to %g, decimals allowed (2.0)"},
		{KeyACWRLimit, c.ACWRLimit, MinACWRLimit, MaxACWRLimit, "a number from %g to %g, decimals allowed (1.5)"},
	}
	for _, f := range floats {
		if math.IsNaN(f.v) || f.v < f.lo || f.v > f.hi {
			return &FieldError{Field: f.key, Got: strconv.FormatFloat(f.v, 'f', -1, 64), Want: fmt.Sprintf(f.want, f.lo, f.hi)}
		}
	}
	// The form bands: each a percentage from -100 to 100, each below the
	// one before.
	bands := []struct {
		key string
		v   float64
	}{{KeyFormTransition, c.FormTransition}, {KeyFormFresh, c.FormFresh}, {KeyFormOptimal, c.FormOptimal}, {KeyFormHighRisk, c.FormHighRisk}}
	for i, f := range bands {
		lo, hi := -100.0, 100.0
		want := "a percentage from -100 to 100"
		if i > 0 {
			hi = bands[i-1].v
			want = fmt.Sprintf("a percentage from -100 to 100, below %s (%g)", bands[i-1].key, hi)
		}
		if math.IsNaN(f.v) || f.v < lo || f.v > 100 || (i > 0 && f.v >= hi) {
			return &FieldError{Field: f.key, Got: strconv.FormatFloat(f.v, 'f', -1, 64), Want: want}
		}
	}
	return nil
}

// clamped returns c with every field moved into its allowed range (NaN
// becomes the default), so that the meter never fails on a Config that was
// not validated.
func (c Config) clamped() Config {
	def := DefaultConfig()
	clampF := func(v, lo, hi, def float64) float64 {
		if math.IsNaN(v) {
			return def
		}
		return min(max(v, lo), hi)
	}
	return Config{
		HardEffort:         min(max(c.HardEffort, MinHardEffortSetting), MaxHardEffortSetting),
		HardEffortsPerWeek: min(max(c.HardEffortsPerWeek, MinHardEffortsPerWeek), MaxHardEffortsPerWeek),
		RestDaysPerWeek:    min(max(c.RestDaysPerWeek, MinRestDaysPerWeek), MaxRestDaysPerWeek),
		SleepTargetHours:   clampF(c.SleepTargetHours, MinSleepTargetHours, MaxSleepTargetHours, def.SleepTargetHours),
		MonotonyLimit:      clampF(c.MonotonyLimit, MinMonotonyLimit, MaxMonotonyLimit, def.MonotonyLimit),
		ACWRLimit:          clampF(c.ACWRLimit, MinACWRLimit, MaxACWRLimit, def.ACWRLimit),
		FormTransition:     c.FormTransition,
		FormFresh:          c.FormFresh,
		FormOptimal:        c.FormOptimal,
		FormHighRisk:       c.FormHighRisk,
	}.clampedBands(def)
}

// clampedBands keeps the form bands if they are valid, else the defaults.
func (c Config) clampedBands(def Config) Config {
	probe := def
	probe.FormTransition, probe.FormFresh, probe.FormOptimal, probe.FormHighRisk = c.FormTransition, c.FormFresh, c.FormOptimal, c.FormHighRisk
	if probe.Validate() != nil {
		c.FormTransition, c.FormFresh, c.FormOptimal, c.FormHighRisk = def.FormTransition, def.FormFresh, def.FormOptimal, def.FormHighRisk
	}
	return c
}
