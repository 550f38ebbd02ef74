// Package cli is the machinery of laceup's command line, which main.go
// declares and wires: flag sets whose errors read as laceup's one-line
// usage errors (double-dash flag names, the command named, where its help
// is), flags before and after positional arguments, --help, and the
// TerminalWriter that keeps a note's control characters off the terminal
// when an export is printed to one. It lives under tui because the command
// line is laceup's other terminal interface, beside the screens (and
// tui/report, which renders for both).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// UsageError is bad input or usage, which the runner fixes by typing the
// command again: printed on one line, exit status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a *UsageError with the message formatted as fmt.Sprintf
// does.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// ErrHelp is returned by Parse and ParseWithArgs when the arguments ask for
// help (-h or --help): the caller prints the command's help.
var ErrHelp = flag.ErrHelp

// FlagSet is the flags of one command: the top level ("laceup") or a
// subcommand ("checkin").
type FlagSet struct {
	*flag.FlagSet
}

// NewFlagSet returns the flag set of a command, which prints nothing itself.
func NewFlagSet(name string) FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return FlagSet{fs}
}

// Parse parses the flags of a command that takes no other argument: a
// stray one is a *UsageError.
func (fs FlagSet) Parse(args []string) error {
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("%s: unexpected argument %q (see 'laceup %s --help')", fs.Name(), fs.Arg(0), fs.Name())
	}
	return nil
}

// ParseHead parses the flags before the first positional argument and
// leaves it and the rest in Args(): the top level's flags, which come
// before the command.
func (fs FlagSet) ParseHead(args []string) error { return fs.parse(args) }

// ParseWithArgs parses flags that may come before or after the positional
// arguments ("import data.csv --replace"), and returns the positionals.
func (fs FlagSet) ParseWithArgs(args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// Given reports whether the flag name was given on the command line.
func (fs FlagSet) Given(name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// parse parses args, rewording the flag package's errors as usage errors
// with the double-dash flag names laceup's help uses.
func (fs FlagSet) parse(args []string) error {
	err := fs.FlagSet.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		msg = "unknown flag --" + strings.TrimLeft(f, "-")
	} else if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		msg = "--" + strings.TrimLeft(f, "-") + " needs a value"
	} else if i := strings.LastIndex(msg, " for -"); i >= 0 {
		msg = msg[:i] + " for --" + strings.TrimLeft(msg[i+len(" for "):], "-")
	}
	if fs.Name() == "laceup" { // the message is printed after "laceup: "
		return Usagef("%s (see 'laceup --help')", msg)
	}
	return Usagef("%s: %s (see 'laceup %s --help')", fs.Name(), msg, fs.Name())
}
