package cli

import (
	"errors"
	"slices"
	"testing"
)

func TestParseErrorsReadAsUsage(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		want string
	}{
		{"checkin", []string{"--pace", "5:00"}, "checkin: unknown flag --pace (see 'laceup checkin --help')"},
		{"checkin", []string{"--mood"}, "checkin: --mood needs a value (see 'laceup checkin --help')"},
		{"meter", []string{"--json=maybe"}, `meter: invalid boolean value "maybe" for --json: parse error (see 'laceup meter --help')`},
		{"meter", []string{"extra"}, `meter: unexpected argument "extra" (see 'laceup meter --help')`},
		{"meter", []string{"extra", "--bogus"}, `meter: unexpected argument "extra" (see 'laceup meter --help')`},
		{"laceup", []string{"--nope"}, "unknown flag --nope (see 'laceup --help')"},
	}
	for _, tt := range tests {
		fs := NewFlagSet(tt.cmd)
		fs.String("mood", "", "")
		fs.Bool("json", false, "")
		var err error
		if tt.cmd == "laceup" {
			err = fs.ParseHead(tt.args)
		} else {
			err = fs.Parse(tt.args)
		}
		var ue *UsageError
		if !errors.As(err, &ue) || err.Error() != tt.want {
			t.Errorf("%s %v: %v, want the usage error %q", tt.cmd, tt.args, err, tt.want)
		}
	}
	fs := NewFlagSet("meter")
	if err := fs.Parse([]string{"--help"}); !errors.Is(err, ErrHelp) {
		t.Errorf("--help: %v, want ErrHelp", err)
	}
}

func TestParseWithArgsAndHead(t *testing.T) {
	fs := NewFlagSet("import")
	replace := fs.Bool("replace", false, "")
	pos, err := fs.ParseWithArgs([]string{"a.csv", "--replace", "b.csv"})
	if err != nil || !*replace || !slices.Equal(pos, []string{"a.csv", "b.csv"}) || !fs.Given("replace") || fs.Given("format") {
		t.Errorf("ParseWithArgs = %v, %v, replace %v", pos, err, *replace)
	}
	top := NewFlagSet("laceup")
	db := top.String("db", "", "")
	if err := top.ParseHead([]string{"--db", "j.db", "meter", "--json"}); err != nil || *db != "j.db" ||
		!slices.Equal(top.Args(), []string{"meter", "--json"}) {
		t.Errorf("ParseHead: %v, db %q, rest %v", err, *db, top.Args())
	}
}
