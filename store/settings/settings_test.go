package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laceup/laceup/slump"
)

func TestParse(t *testing.T) {
	const path = "/home/ann/.config/laceup/config.toml"
	cfg, err := Parse(path, []byte("# my settings\nsleep_target_hours = 6\nhard_efforts_per_week = 1 # base block\n"))
	want := Default()
	want.Meter.SleepTargetHours, want.Meter.HardEffortsPerWeek = 6, 1
	if err != nil || cfg != want {
		t.Errorf("Parse = %+v, %v; want %+v", cfg, err, want)
	}
	if cfg, err := Parse(path, nil); err != nil || cfg != Default() || cfg.Meter != slump.DefaultConfig() || cfg.Theme != "default" {
		t.Errorf("an empty file: %+v, %v; want the defaults", cfg, err)
	}
	for _, theme := range []string{"default", "colorblind"} {
		cfg, err := Parse(path, []byte("hard_effort = 8\ntheme = \""+theme+"\"\n"))
		if err != nil || cfg.Theme != theme || cfg.Meter.HardEffort != 8 {
			t.Errorf("theme %q: %+v, %v", theme, cfg, err)
		}
	}

	bad := []struct{ content, want string }{
		{"\n\nhard_effort = 15\n", "line 3: hard_effort: must be a whole number from 1 to 10 (got 15)"},
		{"sleep_target = 6\n", `line 1: unknown key "sleep_target"; the keys are hard_effort, hard_efforts_per_week, rest_days_per_week, sleep_target_hours, monotony_limit, acwr_limit, form_transition, form_fresh, form_optimal, form_high_risk, theme`},
		{"hard_effort = 7\n\n theme = \"dark\"  # mine\n", `line 3: theme: must be "default" or "colorblind" (got "dark")`},
		{"theme = \"Colorblind\"\n", `line 1: theme: must be "default" or "colorblind" (got "Colorblind")`},
		{"theme = \"\"\n", `line 1: theme: must be "default" or "colorblind" (got "")`},
		{"\ntheme = 2\n", `line 2: theme: must be "default" or "colorblind" (got a TOML integer)`},
		{"theme = [\"default\"]\n", `line 1: theme: must be "default" or "colorblind" (got a TOML array)`},
		{"[theme]\nname = \"default\"\n", `line 1: theme: must be "default" or "colorblind"`},
		{"hard_effort = \"seven\"\n", "line 1: hard_effort: must be a whole number (got a TOML string)"},
		{"sleep_target_hours = \"seven\"\n", "line 1: sleep_target_hours: must be a number (got a TOML string)"},
		{"hard_effort = \n", "line 1: expected value but found '\\n' instead"},
		{"sleep_target_hours = 7\nhard_effort = \"seven\"\n", "line 2: hard_effort: must be a whole number (got a TOML string)"},
		{"\n[section]\nhard_effort = 7\n", `line 2: unknown key "section"`},
		{"sleep_target_hours = 13\n", "line 1: sleep_target_hours: must be hours from 4 to 12, decimals allowed (7.5) (got 13)"},
		{"\xff\xfe", "not UTF-8 text"},
	}
	for _, b := range bad {
		_, err := Parse(path, []byte(b.content))
		var se *Error
		if !errors.As(err, &se) || se.Path != path || !strings.HasPrefix(err.Error(), "config "+path+": ") || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Parse(%q) = %v; want an *Error naming the file and saying %q", b.content, err, b.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "config.toml")
	if cfg, err := Load(missing, true); err != nil || cfg != Default() {
		t.Errorf("Load of the usual file, missing: %+v, %v; want the defaults", cfg, err)
	}
	if _, err := Load(missing, false); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Load of a named file, missing: %v; want an error naming it", err)
	}
	if err := os.WriteFile(missing, []byte("rest_days_per_week = 2\ntheme = \"colorblind\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if cfg, err := Load(missing, true); err != nil || cfg.Meter.RestDaysPerWeek != 2 || cfg.Theme != "colorblind" {
		t.Errorf("Load = %+v, %v", cfg, err)
	}
}
