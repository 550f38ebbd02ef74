// Package settings reads the runner's settings file, config.toml: the
// thresholds of the meter that a runner may change (slump.Config) and the
// colour theme of the screens. It lives under store because store is what
// laceup reads from and writes to disk.
//
// The file is TOML, flat, every key optional; a key left out keeps its
// default:
//
//	hard_effort = 7
//	hard_efforts_per_week = 2
//	rest_days_per_week = 1
//	sleep_target_hours = 7.0
//	monotony_limit = 2.0
//	acwr_limit = 1.5
//	theme = "default"      # or "colorblind": blue, yellow-orange, vermilion
package settings

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/store"
)

// Error is a settings file that laceup cannot use: bad input, which the
// runner fixes in the file. The message names the file and, where it can,
// the line and the key.
type Error struct {
	Path string
	msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("config %s: %s", e.Path, e.msg) }

func errorf(path, format string, args ...any) *Error {
	return &Error{Path: path, msg: fmt.Sprintf(format, args...)}
}

// Settings is what the settings file holds.
type Settings struct {
	// Meter holds the meter's thresholds.
	Meter slump.Config
	// Theme is the colour palette of the screens, one of Themes.
	Theme string
}

// KeyTheme is the settings file's key for Settings.Theme.
const KeyTheme = "theme"

// The themes, as tui names them: ThemeDefault, and ThemeColorblind, a
// palette that people with red-green colour blindness tell apart.
const (
	ThemeDefault    = "default"
	ThemeColorblind = "colorblind"
)

// Themes lists the values theme may take.
func Themes() []string { return []string{ThemeDefault, ThemeColorblind} }

// Default returns the settings of a missing or empty file:
// slump.DefaultConfig and the default theme.
func Default() Settings { return Settings{Meter: slump.DefaultConfig(), Theme: ThemeDefault} }

// file is the layout of config.toml: the meter's keys, then theme.
type file struct {
	slump.Config
	Theme string `toml:"theme"`
}

// MaxSize is the largest settings file Load reads: a few keys take a few
// hundred bytes, so anything near it is not a settings file.
const MaxSize = 1 << 20

// Load reads the settings file at path over Default. A missing
// file gives the defaults when optional is true (the usual file in the
// config folder), and is an *Error otherwise (a file the runner named, so
// bad input). So is what is not a regular file or is larger than MaxSize
// (store.ReadInput refuses them without waiting or reading them whole), and
// a file it can read but not use. Another failure to read it is an error
// naming it.
func Load(path string, optional bool) (Settings, error) {
	data, err := store.ReadInput(context.Background(), path, MaxSize, "a settings file may be (1 MB)")
	var ie *store.InputError
	switch {
	case errors.Is(err, fs.ErrNotExist) && optional:
		return Default(), nil
	case errors.Is(err, fs.ErrNotExist):
		return Settings{}, errorf(path, "no such file (LACEUP_CONFIG names it: fix the path, or unset LACEUP_CONFIG to use config.toml in the config folder)")
	case errors.As(err, &ie):
		return Settings{}, errorf(path, "%s", ie.Reason)
	case err != nil:
		return Settings{}, fmt.Errorf("config %w", err)
	}
	return Parse(path, data)
}

// Parse decodes a settings file's content over Default and validates it.
// Every error is an *Error naming the file, the line and the key; on error
// the Settings returned are not to be used.
func Parse(path string, data []byte) (Settings, error) {
	def := Default()
	f := file{Config: def.Meter, Theme: def.Theme}
	got := func() Settings { return Settings{Meter: f.Config, Theme: f.Theme} }
	if !utf8.Valid(data) {
		return got(), errorf(path, "not UTF-8 text; a settings file is TOML (key = value lines)")
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return got(), errorf(path, "line %d: %s", pe.Position.Line, pe.Message)
		}
		// A value of the wrong type: toml says "toml: line N (last key
		// "k"): incompatible types: ...".
		if m := typeError().FindStringSubmatch(err.Error()); m != nil {
			want := "a number"
			switch {
			case m[2] == KeyTheme:
				want = themeChoice()
			case strings.Contains(m[4], "integer"):
				want = "a whole number"
			}
			return got(), errorf(path, "line %s: %s: must be %s (got a TOML %s)", m[1], m[2], want, tomlType(m[3]))
		}
		return got(), errorf(path, "%v", err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		k := keys[0].String()
		return got(), errorf(path, "line %d: unknown key %q; the keys are %s", lineOfKey(data, k), k, strings.Join(Keys(), ", "))
	}
	if err := f.Config.Validate(); err != nil {
		var fe *slump.FieldError
		if errors.As(err, &fe) {
			return got(), errorf(path, "line %d: %s", lineOfKey(data, fe.Field), fe.Error())
		}
		return got(), errorf(path, "%v", err)
	}
	if !slices.Contains(Themes(), f.Theme) {
		return got(), errorf(path, "line %d: %s: must be %s (got %q)", lineOfKey(data, KeyTheme), KeyTheme, themeChoice(), f.Theme)
	}
	return got(), nil
}

// tomlType names the Go type that the toml package reports for a value as
// TOML does: int64 is an integer, []any an array.
func tomlType(goType string) string {
	switch {
	case goType == "int64":
		return "integer"
	case goType == "float64":
		return "float"
	case goType == "bool":
		return "boolean"
	case strings.HasPrefix(goType, "[]"):
		return "array"
	case strings.HasPrefix(goType, "map["):
		return "table"
	case goType == "time.Time":
		return "date-time"
	}
	return goType
}

// themeChoice lists the themes for a message: "default" or "colorblind".
func themeChoice() string {
	quoted := make([]string, 0, len(Themes()))
	for _, t := range Themes() {
		quoted = append(quoted, strconv.Quote(t))
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// typeError picks the line, key, destination and TOML type out of the toml
// package's message for a value of the wrong type.
// It is compiled when first needed, on a bad file: not at every start.
var typeError = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`line (\d+) \(last key "([^"]*)"\): incompatible types: TOML value has type (\S+); destination has type (\S+)`)
})

// Keys lists the settings file's keys: the toml tags of slump.Config, then
// theme.
func Keys() []string {
	t := reflect.TypeOf(slump.Config{})
	keys := make([]string, 0, t.NumField()+1)
	for i := range t.NumField() {
		keys = append(keys, t.Field(i).Tag.Get("toml"))
	}
	return append(keys, KeyTheme)
}

// lineOfKey finds the line that sets key in a flat TOML file, or the
// [table] header that starts it (0 if none).
func lineOfKey(data []byte, key string) int {
	first, _, _ := strings.Cut(key, ".")
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if t, ok := strings.CutPrefix(line, "["); ok && strings.Trim(strings.TrimSpace(strings.TrimRight(t, "]")), `"'[`) == first {
			return i + 1
		}
		k, _, ok := strings.Cut(line, "=")
		if ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
	}
	return 0
}
