// Command laceup is a terminal daily journal for runners that catches a
// training slump before it digs a hole. See README.md.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/store"
	"github.com/laceup/laceup/tui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1 // the journal could not be read or written
	exitUsage       = 2 // bad input or usage; nothing was changed
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// app is one invocation: its streams, environment and clock.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
}

// usageError is bad input or usage: printed on one line, exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run executes laceup with the given arguments and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, now: time.Now}
	return a.run(ctx, args)
}

// run executes one invocation and maps its error to an exit status.
func (a *app) run(ctx context.Context, args []string) int {
	stderr := a.stderr
	err := a.dispatch(ctx, args)
	var (
		ue  *usageError
		fe  *slump.FieldError
		ie  *store.ImportError
		dde *store.DuplicateDayError
	)
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &ue), errors.As(err, &fe), errors.As(err, &ie), errors.As(err, &dde):
		fmt.Fprintln(stderr, "laceup: "+oneLine(err.Error()))
		return exitUsage
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	fmt.Fprintln(stderr, "laceup: "+oneLine(err.Error()))
	return exitError
}

// commands lists the subcommands with a one-line summary, for help.
var commands = []struct{ name, summary string }{
	{"checkin", "save today's (or another day's) check-in, from flags or the form"},
	{"meter", "show the slump meter for a day, as text or JSON"},
	{"history", "show one week, Monday to Sunday, as a table or JSON"},
	{"export", "write every check-in as CSV or JSON"},
	{"import", "add check-ins from a CSV or JSON file (all or nothing)"},
	{"backup", "copy the journal safely, even while laceup is writing"},
	{"demo", "write a synthetic journal to try every screen (never your real one)"},
	{"help", "show help for a command"},
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	fs := newFlagSet("laceup")
	db := fs.String("db", "", "journal file (default $LACEUP_DB, else the XDG data dir)")
	showVersion := fs.Bool("version", false, "print the version")
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return a.help(nil)
		}
		return err
	}
	rest := fs.Args()
	if *showVersion || len(rest) > 0 && rest[0] == "version" {
		fmt.Fprintf(a.stdout, "laceup %s\n", version)
		return nil
	}
	if len(rest) == 0 {
		return a.dashboard(ctx, *db)
	}
	switch cmd, cmdArgs := rest[0], rest[1:]; cmd {
	case "checkin":
		return a.checkin(ctx, *db, cmdArgs)
	case "meter":
		return a.meter(ctx, *db, cmdArgs)
	case "history":
		return a.history(ctx, *db, cmdArgs)
	case "demo":
		return a.demo(ctx, *db, cmdArgs)
	case "export":
		return a.export(ctx, *db, cmdArgs)
	case "import":
		return a.importFile(ctx, *db, cmdArgs)
	case "backup":
		return a.backup(ctx, *db, cmdArgs)
	case "help":
		return a.help(cmdArgs)
	default:
		return usagef("unknown command %q; the commands are checkin, meter, history, export, import, backup, demo and help (see laceup --help)", cmd)
	}
}

// newFlagSet returns a flag set that reports errors to us instead of
// printing its own usage.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseCommand parses a subcommand's flags: --help prints its help (and
// returns errHelpShown), and a stray argument is a usage error.
func (a *app) parseCommand(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); errors.Is(err, flag.ErrHelp) {
		if err := a.help([]string{fs.Name()}); err != nil {
			return err
		}
		return errHelpShown
	} else if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q (see 'laceup %s --help')", fs.Name(), fs.Arg(0), fs.Name())
	}
	return nil
}

// errHelpShown ends a command whose --help was printed: exit status 0.
var errHelpShown = errors.New("help shown")

func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return err
	}
	name := fs.Name()
	if name != "laceup" {
		name = "laceup " + name
	}
	return usagef("%s%s (see '%s --help')", cmdPrefix(fs), flagMessage(err), name)
}

// cmdPrefix starts a subcommand's messages: "checkin: ". The top level has
// none: run already prints "laceup: ".
func cmdPrefix(fs *flag.FlagSet) string {
	if fs.Name() == "laceup" {
		return ""
	}
	return fs.Name() + ": "
}

// flagMessage rewords the flag package's errors with the double-dash flag
// names this help uses.
func flagMessage(err error) string {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "unknown flag --" + strings.TrimLeft(f, "-")
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "--" + strings.TrimLeft(f, "-") + " needs a value"
	}
	if i := strings.LastIndex(msg, " for -"); i >= 0 {
		return msg[:i] + " for --" + strings.TrimLeft(msg[i+len(" for "):], "-")
	}
	return msg
}

// journalPath resolves the journal file: --db wins, then $LACEUP_DB, then
// $XDG_DATA_HOME/laceup/journal.db (~/.local/share when unset).
func (a *app) journalPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if p := a.getenv("LACEUP_DB"); p != "" {
		return p
	}
	return a.defaultJournalPath()
}

func (a *app) today() slump.Date { return slump.DateOf(a.now()) }

// isTerminal reports whether both ends of the session are a terminal, so a
// screen can be shown and answered.
func (a *app) isTerminal() bool {
	in, ok1 := a.stdin.(*os.File)
	out, ok2 := a.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

// dashboard runs the terminal UI: today's check-in if it is not done yet,
// else the dashboard.
func (a *app) dashboard(ctx context.Context, db string) error {
	if !a.isTerminal() {
		return usagef("no terminal to show the dashboard on; use 'laceup checkin --mood N --motivation N --sleep H --effort N' to check in and 'laceup meter' to read the meter")
	}
	return a.runUI(ctx, db, tui.Options{})
}

func (a *app) runUI(ctx context.Context, db string, opts tui.Options) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	opts.Config = cfg
	path := a.journalPath(db)
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	opts.Journal, opts.Path, opts.Now = s, path, a.now
	opts.Warnings = s.Warnings()
	p := tea.NewProgram(tui.New(opts), tea.WithAltScreen(), tea.WithContext(ctx),
		tea.WithInput(a.stdin), tea.WithOutput(a.stdout))
	final, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if m, ok := final.(tui.Model); ok && m.Err() != nil {
		return m.Err()
	}
	return nil
}

// parseDateFlag reads --date: YYYY-MM-DD, today or yesterday, never a
// future day.
func parseDateFlag(s string, today slump.Date) (slump.Date, error) {
	date, err := slump.ParseDay(s, today)
	if err != nil {
		return date, &slump.FieldError{Field: slump.FieldDate, Got: strconv.Quote(s),
			Want: "a date in the form YYYY-MM-DD, today or yesterday"}
	}
	if date.After(today) {
		return date, &slump.FieldError{Field: slump.FieldDate, Got: date.String(),
			Want: fmt.Sprintf("today (%s) or an earlier day, not a future one", today)}
	}
	return date, nil
}

// checkinFlags are the answer flags of `laceup checkin`, in the order they
// are reported when missing.
var checkinFlags = []struct {
	flag, field, want string
	required          bool
}{
	{"mood", slump.FieldMood, "1-5", true},
	{"motivation", slump.FieldMotivation, "1-5", true},
	{"sleep", slump.FieldSleepHours, "hours, 0-24", true},
	{"effort", slump.FieldEffort, "0-10, 0 = rest day", true},
	{"minutes", slump.FieldMinutes, "0-1440", false},
	{"sleep-quality", slump.FieldSleepQuality, "1-5", false},
	{"note", slump.FieldNote, "text", false},
}

func (a *app) checkin(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("checkin")
	fs.StringVar(&db, "db", db, "journal file")
	dateFlag := fs.String("date", "today", "the day: YYYY-MM-DD, today or yesterday")
	values := make(map[string]*string, len(checkinFlags))
	for _, f := range checkinFlags {
		values[f.flag] = fs.String(f.flag, "", f.want)
	}
	if err := a.parseCommand(fs, args); err != nil {
		return err
	}
	today := a.today()
	date, err := parseDateFlag(*dateFlag, today)
	if err != nil {
		return err
	}

	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var given, missing []string
	for _, f := range checkinFlags {
		if set[f.flag] {
			given = append(given, f.flag)
		} else if f.required {
			missing = append(missing, fmt.Sprintf("--%s (%s)", f.flag, f.want))
		}
	}
	if len(given) == 0 {
		if !a.isTerminal() {
			return usagef("checkin: no terminal to show the form on; pass --mood N --motivation N --sleep H --effort N (and optionally --minutes, --sleep-quality, --note, --date)")
		}
		return a.runUI(ctx, db, tui.Options{FormDate: date, ExitOnCancel: true})
	}
	if len(missing) > 0 {
		return usagef("checkin: missing %s", strings.Join(missing, ", "))
	}

	c, err := checkinFromFlags(date, values)
	if err != nil {
		return err
	}
	if err := c.Validate(today); err != nil {
		return err
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	s, err := a.open(ctx, a.journalPath(db))
	if err != nil {
		return err
	}
	defer s.Close()
	// Checking in again edits the day: optional answers not given this time
	// keep their saved values (pass --note "" to clear a note).
	old, existed, err := s.Get(ctx, date)
	if err != nil {
		return err
	}
	if existed {
		if !set["minutes"] {
			c.Minutes = old.Minutes
		}
		if !set["sleep-quality"] {
			c.SleepQuality = old.SleepQuality
		}
		if !set["note"] {
			c.Note = old.Note
		}
	}
	if err := s.Save(ctx, c); err != nil {
		return err
	}
	r, err := readMeter(ctx, s, cfg, c.Date) // the meter of the day just filled in
	if err != nil {
		return err
	}
	verb := "Saved"
	if existed {
		verb = "Updated"
	}
	fmt.Fprintf(a.stdout, "%s your check-in for %s.\n\n", verb, c.Date)
	writeMeterText(a.stdout, r)
	return nil
}

// checkinFromFlags reads the answer flags; each bad value is reported with
// its field and allowed range.
func checkinFromFlags(date slump.Date, v map[string]*string) (slump.Checkin, error) {
	c := slump.Checkin{Date: date, Note: slump.CleanNote(*v["note"])}
	var err error
	intFlag := func(flagName, field string, lo, hi int) int {
		if err != nil {
			return 0
		}
		var n int
		n, err = slump.ParseInt(field, *v[flagName], lo, hi)
		err = namingFlag(err, flagName)
		return n
	}
	optFlag := func(flagName, field string, lo, hi int) *int {
		if *v[flagName] == "" {
			return nil
		}
		n := intFlag(flagName, field, lo, hi)
		return &n
	}
	c.Mood = intFlag("mood", slump.FieldMood, slump.MinMood, slump.MaxMood)
	c.Motivation = intFlag("motivation", slump.FieldMotivation, slump.MinMotivation, slump.MaxMotivation)
	if err == nil {
		c.SleepHours, err = slump.ParseSleep(*v["sleep"])
		err = namingFlag(err, "sleep")
	}
	c.Effort = intFlag("effort", slump.FieldEffort, slump.MinEffort, slump.MaxEffort)
	c.Minutes = optFlag("minutes", slump.FieldMinutes, slump.MinMinutes, slump.MaxMinutes)
	c.SleepQuality = optFlag("sleep-quality", slump.FieldSleepQuality, slump.MinSleepQuality, slump.MaxSleepQuality)
	return c, err
}

// namingFlag adds the flag to a field error when its name differs from the
// field's: "sleep_hours (--sleep): must be ...".
func namingFlag(err error, flagName string) error {
	var fe *slump.FieldError
	if errors.As(err, &fe) && fe.Field != flagName {
		named := *fe
		named.Field = fmt.Sprintf("%s (--%s)", fe.Field, flagName)
		return &named
	}
	return err
}

func (a *app) meter(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("meter")
	fs.StringVar(&db, "db", db, "journal file")
	dateFlag := fs.String("date", "today", "the day: YYYY-MM-DD, today or yesterday")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := a.parseCommand(fs, args); err != nil {
		return err
	}
	today := a.today()
	date, err := parseDateFlag(*dateFlag, today)
	if err != nil {
		return err
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	s, err := a.openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := readMeter(ctx, s, cfg, date)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(meterToJSON(r))
	}
	writeMeterText(a.stdout, r)
	return nil
}

// openExisting opens the journal for a command that only reads it: a
// mistyped path is reported, not created.
func (a *app) openExisting(ctx context.Context, db string) (*store.Store, error) {
	path := a.journalPath(db)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no journal at %s yet: check in first (laceup checkin), or pass --db with the right path", path)
	}
	return a.open(ctx, path)
}

// open opens (creating if needed) the journal at path and prints its
// warnings, such as a journal other users can read, on stderr.
func (a *app) open(ctx context.Context, path string) (*store.Store, error) {
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	for _, w := range s.Warnings() {
		fmt.Fprintln(a.stderr, "laceup: warning: "+oneLine(w))
	}
	return s, nil
}

// readMeter loads the check-ins of the meter's window and the load series
// (three narrow columns) its EWMA needs, and computes the meter.
func readMeter(ctx context.Context, s *store.Store, cfg slump.Config, day slump.Date) (slump.Reading, error) {
	from, to := slump.Window(day)
	history, err := s.Range(ctx, from, to)
	if err != nil {
		return slump.Reading{}, err
	}
	loads, err := s.Loads(ctx, day)
	if err != nil {
		return slump.Reading{}, err
	}
	return slump.MeterWith(cfg, history, loads, day), nil
}

// config reads the runner's settings: $LACEUP_CONFIG, else
// $XDG_CONFIG_HOME/laceup/config.toml; the defaults when there is no file.
// A bad file is bad input: the message names the file, the line and the key.
func (a *app) config() (slump.Config, error) {
	path := a.getenv("LACEUP_CONFIG")
	if path == "" {
		path = a.defaultConfigPath()
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && a.getenv("LACEUP_CONFIG") == "" {
		return slump.DefaultConfig(), nil
	}
	if err != nil {
		return slump.Config{}, fmt.Errorf("config %w", err)
	}
	return parseConfig(path, data)
}

func (a *app) defaultConfigPath() string {
	if dir := a.getenv("XDG_CONFIG_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "laceup", "config.toml")
	}
	return filepath.Join(xdg.ConfigHome, "laceup", "config.toml")
}

// parseConfig decodes a TOML settings file over the defaults and validates
// it. Every error names the file, the line and the key.
func parseConfig(path string, data []byte) (slump.Config, error) {
	cfg := slump.DefaultConfig()
	if !utf8.Valid(data) {
		return cfg, usagef("config %s: not UTF-8 text; a settings file is TOML (key = value lines)", path)
	}
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, usagef("config %s: line %d: %s", path, pe.Position.Line, pe.Message)
		}
		// A value of the wrong type: toml says "toml: line N (last key
		// "k"): incompatible types: ...".
		if m := tomlTypeError.FindStringSubmatch(err.Error()); m != nil {
			want := "a number"
			if strings.Contains(m[4], "integer") {
				want = "a whole number"
			}
			return cfg, usagef("config %s: line %s: %s: must be %s (got a TOML %s)", path, m[1], m[2], want, m[3])
		}
		return cfg, usagef("config %s: %v", path, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		k := keys[0].String()
		return cfg, usagef("config %s: line %d: unknown key %q; the keys are %s", path, lineOfKey(data, k), k,
			strings.Join(configKeys(), ", "))
	}
	if err := cfg.Validate(); err != nil {
		var fe *slump.FieldError
		if errors.As(err, &fe) {
			return cfg, usagef("config %s: line %d: %s", path, lineOfKey(data, fe.Field), fe.Error())
		}
		return cfg, usagef("config %s: %v", path, err)
	}
	return cfg, nil
}

// tomlTypeError picks the line, key, destination and TOML type out of the
// toml package's message for a value of the wrong type.
var tomlTypeError = regexp.MustCompile(`line (\d+) \(last key "([^"]*)"\): incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// configKeys lists the settings file's keys, from the toml tags of
// slump.Config.
func configKeys() []string {
	t := reflect.TypeOf(slump.Config{})
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		keys = append(keys, t.Field(i).Tag.Get("toml"))
	}
	return keys
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

// writeMeterText prints a reading for a terminal or a pipe: plain text, no
// colour, one signal a line.
func writeMeterText(w io.Writer, r slump.Reading) {
	fmt.Fprintf(w, "Slump meter for %s: %d/100 (%s)\n", r.Date, r.Score, r.Level)
	fmt.Fprintf(w, "%d of the last 7 days logged", r.Week.Checkins)
	if wk := r.Week; wk.Checkins > 0 {
		fmt.Fprintf(w, ": %d hard effort%s, %d rest day%s", wk.HardEfforts, plural(wk.HardEfforts),
			wk.RestDays, plural(wk.RestDays))
		if wk.AvgSleepHours != nil {
			fmt.Fprintf(w, ", %s h sleep on average", avgText(wk.AvgSleepHours, slump.ShownSleep))
		}
	}
	fmt.Fprintln(w, ".")
	if r.Sparse() {
		fmt.Fprintln(w, "The meter sees a pattern after a few daily check-ins; check in every day.")
	}
	if len(r.Signals) > 0 {
		fmt.Fprintln(w)
		for _, s := range r.Signals {
			fmt.Fprintf(w, "  +%-3d %s\n", s.Points, s.Detail)
		}
	}
	if b := r.Break; b != nil {
		fmt.Fprintf(w, "\nYour break: %d rest %s from %s: meter %d -> %d, mood %s -> %s, motivation %s -> %s.\n",
			b.Days, map[bool]string{true: "day", false: "days"}[b.Days == 1], b.Start,
			b.Before.Score, b.After.Score,
			avgText(b.Before.AvgMood, slump.ShownScale), avgText(b.After.AvgMood, slump.ShownScale),
			avgText(b.Before.AvgMotivation, slump.ShownScale), avgText(b.After.AvgMotivation, slump.ShownScale))
	}
	if m := r.Metrics; m.WeeklyLoad != nil {
		fmt.Fprintf(w, "\nTraining load (effort x minutes, last 7 days): %d", *m.WeeklyLoad)
		if m.Monotony != nil {
			fmt.Fprintf(w, ", monotony %.2f", slump.ShownScale(*m.Monotony, 2)) // rounded up, as the signal's "above 2"
		}
		if m.Strain != nil {
			fmt.Fprintf(w, ", strain %.0f", *m.Strain)
			if m.UsualStrain != nil {
				fmt.Fprintf(w, " (usual %.0f)", *m.UsualStrain)
			}
		}
		if m.ACWR != nil {
			fmt.Fprintf(w, ", %.2f x your last 4 weeks (a description, not an injury predictor)", *m.ACWR)
		}
		fmt.Fprintln(w, ".")
	}
	if n := r.Metrics.LoadUnknownDays; n > 0 {
		fmt.Fprintf(w, "%d day%s without minutes: load unknown.\n", n, plural(n))
	}
	fmt.Fprintf(w, "\nTip: %s\n", r.Tip.Title)
	fmt.Fprint(w, wrap(r.Tip.Text, "  ", 78))
	fmt.Fprintf(w, "  — %s\n", r.Tip.Source)
}

// wrap breaks text into lines of at most width columns, each starting with
// indent.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// meterJSON is the shape of `laceup meter --json`. Its keys are an
// interface scripts rely on: add keys, never rename them.
type meterJSON struct {
	Date              string       `json:"date"`
	Score             int          `json:"score"`
	Level             string       `json:"level"`
	CheckinsLast7Days int          `json:"checkins_last_7_days"`
	Signals           []signalJSON `json:"signals"`
	Tip               tipJSON      `json:"tip"`
	Last7Days         weekJSON     `json:"last_7_days"`
	SlumpStreakDays   int          `json:"slump_streak_days"`
	SlumpRestDays     int          `json:"slump_rest_days"`
	RestDaysInARow    int          `json:"rest_days_in_a_row"`
	Metrics           metricsJSON  `json:"metrics"`
	Break             *breakJSON   `json:"break"`
}

// metricsJSON is the training load and the personal baselines; a value that
// cannot be computed yet is null (see slump.Metrics).
type metricsJSON struct {
	WeeklyLoad      *int         `json:"weekly_load"`
	Monotony        *float64     `json:"monotony"`
	Strain          *float64     `json:"strain"`
	UsualStrain     *float64     `json:"usual_strain"`
	ACWR            *float64     `json:"acwr"`
	ACWREWMA        *float64     `json:"acwr_ewma"`
	LoadKnownDays   int          `json:"load_known_days"`
	LoadUnknownDays int          `json:"load_unknown_days"`
	Baseline        baselineJSON `json:"baseline"`
}

type baselineJSON struct {
	Sleep      *baselineItemJSON `json:"sleep"`
	Mood       *baselineItemJSON `json:"mood"`
	Motivation *baselineItemJSON `json:"motivation"`
}

type baselineItemJSON struct {
	Mean       float64 `json:"mean"`
	SD         float64 `json:"sd"`
	Days       int     `json:"days"`
	Recent     float64 `json:"recent"`
	RecentDays int     `json:"recent_days"`
	Z          float64 `json:"z"`
}

// breakJSON is the follow-up of a break taken after a deep slump.
type breakJSON struct {
	Start   string         `json:"start"`
	End     string         `json:"end"`
	Days    int            `json:"days"`
	Ongoing bool           `json:"ongoing"`
	Before  breakPointJSON `json:"before"`
	After   breakPointJSON `json:"after"`
}

type breakPointJSON struct {
	Date          string   `json:"date"`
	Score         int      `json:"score"`
	Level         string   `json:"level"`
	AvgMood       *float64 `json:"avg_mood"`
	AvgMotivation *float64 `json:"avg_motivation"`
}

func baselineToJSON(b *slump.Baseline) *baselineItemJSON {
	if b == nil {
		return nil
	}
	return &baselineItemJSON{Mean: b.Mean, SD: b.SD, Days: b.Days, Recent: b.Recent, RecentDays: b.RecentDays, Z: b.Z}
}

func breakPointToJSON(p slump.BreakPoint) breakPointJSON {
	return breakPointJSON{Date: p.Date.String(), Score: p.Score, Level: string(p.Level),
		AvgMood: shown2(p.AvgMood, slump.ShownScale), AvgMotivation: shown2(p.AvgMotivation, slump.ShownScale)}
}

type signalJSON struct {
	ID     string `json:"id"`
	Points int    `json:"points"`
	Detail string `json:"detail"`
}

type tipJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

type weekJSON struct {
	Start         string   `json:"start"`
	End           string   `json:"end"`
	Checkins      int      `json:"checkins"`
	HardEfforts   int      `json:"hard_efforts"`
	RestDays      int      `json:"rest_days"`
	Minutes       int      `json:"minutes"`
	AvgSleepHours *float64 `json:"avg_sleep_hours"`
	AvgMood       *float64 `json:"avg_mood"`
	AvgMotivation *float64 `json:"avg_motivation"`
}

func meterToJSON(r slump.Reading) meterJSON {
	out := meterJSON{
		Date:              r.Date.String(),
		Score:             r.Score,
		Level:             string(r.Level),
		CheckinsLast7Days: r.CheckinsLast7Days(),
		Signals:           make([]signalJSON, 0, len(r.Signals)),
		Tip:               tipJSON{ID: r.Tip.ID, Title: r.Tip.Title, Text: r.Tip.Text, Source: r.Tip.Source},
		Last7Days: weekJSON{
			Start: r.Week.Start.String(), End: r.Week.End.String(),
			Checkins: r.Week.Checkins, HardEfforts: r.Week.HardEfforts, RestDays: r.Week.RestDays,
			Minutes:       r.Week.Minutes,
			AvgSleepHours: shown2(r.Week.AvgSleepHours, slump.ShownSleep),
			AvgMood:       shown2(r.Week.AvgMood, slump.ShownScale),
			AvgMotivation: shown2(r.Week.AvgMotivation, slump.ShownScale),
		},
		SlumpStreakDays: r.SlumpStreak,
		SlumpRestDays:   r.SlumpRestDays,
		RestDaysInARow:  r.RestRun,
		Metrics: metricsJSON{
			WeeklyLoad: r.Metrics.WeeklyLoad, Monotony: r.Metrics.Monotony, Strain: r.Metrics.Strain,
			UsualStrain: r.Metrics.UsualStrain, ACWR: r.Metrics.ACWR, ACWREWMA: r.Metrics.ACWREWMA,
			LoadKnownDays: r.Metrics.LoadKnownDays, LoadUnknownDays: r.Metrics.LoadUnknownDays,
			Baseline: baselineJSON{
				Sleep:      baselineToJSON(r.Metrics.Sleep),
				Mood:       baselineToJSON(r.Metrics.Mood),
				Motivation: baselineToJSON(r.Metrics.Motivation),
			},
		},
	}
	if b := r.Break; b != nil {
		out.Break = &breakJSON{Start: b.Start.String(), End: b.End.String(), Days: b.Days, Ongoing: b.Ongoing,
			Before: breakPointToJSON(b.Before), After: breakPointToJSON(b.After)}
	}
	for _, s := range r.Signals {
		out.Signals = append(out.Signals, signalJSON{ID: s.ID, Points: s.Points, Detail: s.Detail})
	}
	return out
}

// shown2 gives an average to two decimals with the rounding of its kind, so
// JSON never says 7.0 for a week that fired short_sleep.
func shown2(v *float64, shown func(float64, int) float64) *float64 {
	if v == nil {
		return nil
	}
	r := shown(*v, 2)
	return &r
}

func (a *app) history(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("history")
	fs.StringVar(&db, "db", db, "journal file")
	weekFlag := fs.String("week", "", "the ISO week, YYYY-Www")
	dateFlag := fs.String("date", "", "a day of the week: YYYY-MM-DD, today or yesterday")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := a.parseCommand(fs, args); err != nil {
		return err
	}
	today := a.today()
	week := slump.WeekOf(today)
	switch {
	case *weekFlag != "" && *dateFlag != "":
		return usagef("history: give --week or --date, not both")
	case *weekFlag != "":
		w, err := slump.ParseWeek(*weekFlag)
		if err != nil {
			return usagef("history: --week: %v", err)
		}
		if w.Start().After(today) {
			return &slump.FieldError{Field: "week", Got: w.String(),
				Want: fmt.Sprintf("this week (%s) or an earlier one, not a future one", week)}
		}
		week = w
	case *dateFlag != "":
		d, err := parseDateFlag(*dateFlag, today)
		if err != nil {
			return err
		}
		week = slump.WeekOf(d)
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	s, err := a.openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	h, err := readWeek(ctx, s, cfg, week, today)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(h)
	}
	writeHistoryText(a.stdout, h, cfg, today)
	return nil
}

// historyJSON is the shape of `laceup history --json`: an interface scripts
// rely on. Add keys, never rename them.
type historyJSON struct {
	Week    string      `json:"week"`
	Start   string      `json:"start"`
	End     string      `json:"end"`
	Days    []dayJSON   `json:"days"`
	Summary summaryJSON `json:"summary"`
}

type dayJSON struct {
	Date    string       `json:"date"`
	Checkin *checkinJSON `json:"checkin"`
	Score   *int         `json:"score"`
	Level   *string      `json:"level"`
}

type checkinJSON struct {
	Mood         int     `json:"mood"`
	Motivation   int     `json:"motivation"`
	SleepHours   float64 `json:"sleep_hours"`
	Effort       int     `json:"effort"`
	Minutes      *int    `json:"minutes"`
	SleepQuality *int    `json:"sleep_quality"`
	Note         string  `json:"note"`
}

type summaryJSON struct {
	Checkins      int      `json:"checkins"`
	HardEfforts   int      `json:"hard_efforts"`
	RestDays      int      `json:"rest_days"`
	Minutes       int      `json:"minutes"`
	AvgSleepHours *float64 `json:"avg_sleep_hours"`
	AvgMood       *float64 `json:"avg_mood"`
	AvgMotivation *float64 `json:"avg_motivation"`
}

// readWeek loads one ISO week and the days its meters need, and shapes it
// for output.
func readWeek(ctx context.Context, s *store.Store, cfg slump.Config, w slump.Week, today slump.Date) (historyJSON, error) {
	start, end := w.Start(), w.End()
	from, to := slump.SeriesWindow(start, end)
	history, err := s.Range(ctx, from, to)
	if err != nil {
		return historyJSON{}, err
	}
	sum := slump.SummarizeWith(cfg, history, start, end)
	out := historyJSON{
		Week: w.String(), Start: start.String(), End: end.String(), Days: make([]dayJSON, 0, 7),
		Summary: summaryJSON{
			Checkins: sum.Checkins, HardEfforts: sum.HardEfforts, RestDays: sum.RestDays, Minutes: sum.Minutes,
			AvgSleepHours: shown2(sum.AvgSleepHours, slump.ShownSleep),
			AvgMood:       shown2(sum.AvgMood, slump.ShownScale),
			AvgMotivation: shown2(sum.AvgMotivation, slump.ShownScale),
		},
	}
	// The scores do not depend on the EWMA, so the load series is not read.
	for _, d := range slump.DaysWith(cfg, history, nil, start, end, today) {
		day := dayJSON{Date: d.Date.String()}
		if c := d.Checkin; c != nil {
			day.Checkin = &checkinJSON{Mood: c.Mood, Motivation: c.Motivation, SleepHours: c.SleepHours,
				Effort: c.Effort, Minutes: c.Minutes, SleepQuality: c.SleepQuality, Note: c.Note}
			level := string(d.Reading.Level)
			day.Score, day.Level = &d.Reading.Score, &level
		}
		out.Days = append(out.Days, day)
	}
	return out, nil
}

// writeHistoryText prints the week as a table that fits 80 columns.
func writeHistoryText(w io.Writer, h historyJSON, cfg slump.Config, today slump.Date) {
	start, _ := slump.ParseDate(h.Start)
	end, _ := slump.ParseDate(h.End)
	startFormat := "Mon 2 Jan"
	if start.Time().Year() != end.Time().Year() {
		startFormat = "Mon 2 Jan 2006"
	}
	fmt.Fprintf(w, "Week %s · %s – %s\n\n", h.Week, start.Time().Format(startFormat), end.Time().Format("Mon 2 Jan 2006"))
	fmt.Fprintf(w, "%-10s %4s %6s %6s %-7s %5s %7s  %s\n", "Day", "Mood", "Motiv", "Sleep", "Effort", "Min", "Quality", "Meter")
	var notes []string
	for _, d := range h.Days {
		date, _ := slump.ParseDate(d.Date)
		name := date.Time().Format("Mon 2 Jan")
		c := d.Checkin
		if c == nil {
			what := "no check-in"
			if date.After(today) {
				what = "future"
			}
			fmt.Fprintf(w, "%-10s %4s %6s %6s %-7s %5s %7s  %s\n", name, "·", "·", "·", "·", "·", "·", what)
			continue
		}
		effort := strconv.Itoa(c.Effort)
		switch {
		case c.Effort == slump.RestEffort:
			effort += " rest"
		case c.Effort >= cfg.HardEffort:
			effort += " hard"
		}
		meter := ""
		if d.Score != nil {
			meter = fmt.Sprintf("%3d %s", *d.Score, *d.Level)
		}
		fmt.Fprintf(w, "%-10s %4d %6d %6s %-7s %5s %7s  %s\n", name, c.Mood, c.Motivation,
			strconv.FormatFloat(c.SleepHours, 'f', -1, 64), effort, optText(c.Minutes), optText(c.SleepQuality), meter)
		if c.Note != "" {
			notes = append(notes, fmt.Sprintf("  %-10s %s", name, slump.Printable(c.Note, false)))
		}
	}
	s := h.Summary
	fmt.Fprintf(w, "\nHard efforts %d/%d · rest days %d/%d · sleep %s (aim %g h) · check-ins %d/7\n",
		s.HardEfforts, cfg.HardEffortsPerWeek, s.RestDays, cfg.RestDaysPerWeek,
		avgText(s.AvgSleepHours, slump.ShownSleep)+" h", cfg.SleepTargetHours, s.Checkins)
	fmt.Fprintf(w, "Mood %s · motivation %s · %d training minutes\n",
		avgText(s.AvgMood, slump.ShownScale), avgText(s.AvgMotivation, slump.ShownScale), s.Minutes)
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
}

func optText(v *int) string {
	if v == nil {
		return "–"
	}
	return strconv.Itoa(*v)
}

// avgText shows an average to one decimal with the rounding of its kind
// (slump.ShownSleep or slump.ShownScale), or "–" without data.
func avgText(v *float64, shown func(float64, int) float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(shown(*v, 1), 'f', 1, 64)
}

// formatOf picks the exchange format: --format if given, else the file's
// extension, else CSV.
func formatOf(flagValue, path string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(flagValue))
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	switch f {
	case "csv", "json":
		return f, nil
	case "":
		return "csv", nil
	}
	if flagValue == "" {
		return "csv", nil // an unknown extension: the default
	}
	return "", &slump.FieldError{Field: "format", Got: strconv.Quote(flagValue), Want: "csv or json"}
}

func (a *app) export(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("export")
	fs.StringVar(&db, "db", db, "journal file")
	format := fs.String("format", "", "csv or json")
	out := fs.String("out", "", "write to FILE instead of standard output")
	if err := a.parseCommand(fs, args); err != nil {
		return err
	}
	f, err := formatOf(*format, *out)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := refuseJournal("export", *out, a.journalPath(db)); err != nil {
			return err
		}
		if fi, err := os.Stat(*out); err == nil && fi.IsDir() {
			return usagef("export: %s is a folder; give a file name for --out", *out)
		}
	}
	s, err := a.openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := s.All(ctx)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if f == "json" {
			return slump.WriteJSON(w, all)
		}
		return slump.WriteCSV(w, all)
	}
	if *out == "" {
		return write(a.stdout)
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "laceup: exported %d check-ins to %s\n", len(all), *out)
	return nil
}

// refuseJournal refuses an output path that is the journal itself or one
// of its -wal/-shm files: writing there would destroy the journal.
func refuseJournal(cmd, out, journal string) error {
	o, err1 := filepath.Abs(out)
	j, err2 := filepath.Abs(journal)
	if err1 != nil || err2 != nil {
		return nil
	}
	oi, err := os.Stat(o)
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if o == j+suffix {
			return usagef("%s: %s is your journal; write to another file", cmd, out)
		}
		if ji, err2 := os.Stat(j + suffix); err == nil && err2 == nil && os.SameFile(oi, ji) {
			return usagef("%s: %s is your journal; write to another file", cmd, out)
		}
	}
	return nil
}

// writeFileAtomic writes a private file (mode 0600) through a temporary file
// in the same folder, renamed into place only when complete: a failure never
// leaves half a file at path.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, nothing is left to remove
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

func (a *app) importFile(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("import")
	fs.StringVar(&db, "db", db, "journal file")
	format := fs.String("format", "", "csv or json")
	replace := fs.Bool("replace", false, "replace days already in the journal")
	files, err := a.parseWithArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("import: give one file to import (see 'laceup import --help')")
	}
	file := files[0]
	f, err := formatOf(*format, file)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return usagef("import: cannot read %s: %v", file, unwrapPath(err))
	}
	if *format == "" && f == "csv" && looksLikeJSON(data) {
		f = "json"
	}
	read := slump.ReadCSV
	if f == "json" {
		read = slump.ReadJSON
	}
	cs, err := read(bytes.NewReader(data), a.today())
	if err != nil {
		return usagef("import: %s: %s (nothing was imported)", file, oneLine(err.Error()))
	}
	s, err := a.open(ctx, a.journalPath(db))
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Import(ctx, cs, *replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Imported %s: %d added, %d replaced, %d skipped", file, res.Added, res.Replaced, res.Skipped)
	if res.Skipped > 0 && !*replace {
		fmt.Fprint(a.stdout, " (days already in the journal are kept; --replace overwrites them)")
	}
	fmt.Fprintln(a.stdout, ".")
	return nil
}

// unwrapPath drops the path from an *os.PathError: the message names the
// file already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// looksLikeJSON reports whether data starts, after blank space, with '['.
func looksLikeJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '['
}

func (a *app) backup(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("backup")
	fs.StringVar(&db, "db", db, "journal file")
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	files, err := a.parseWithArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("backup: give the file to write the copy to (see 'laceup backup --help')")
	}
	if err := refuseJournal("backup", files[0], a.journalPath(db)); err != nil {
		return err
	}
	if fi, err := os.Stat(files[0]); err == nil && fi.IsDir() {
		return usagef("backup: %s is a folder; give a file name for the copy", files[0])
	}
	s, err := a.openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, files[0], *force); err != nil {
		var exists *store.ExistsError
		if errors.As(err, &exists) {
			return usagef("backup: %s already exists; pass --force to overwrite it", files[0])
		}
		return err
	}
	fmt.Fprintf(a.stdout, "Backed up %s to %s.\n", s.Path(), files[0])
	return nil
}

// parseWithArgs parses flags that may come before or after the positional
// arguments ("import data.csv --replace"), and returns the positionals.
func (a *app) parseWithArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); errors.Is(err, flag.ErrHelp) {
			if err := a.help([]string{fs.Name()}); err != nil {
				return nil, err
			}
			return nil, errHelpShown
		} else if err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// Demo journal limits.
const (
	demoDefaultDays = 120
	demoMaxDays     = 36500
)

func (a *app) demo(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("demo")
	fs.StringVar(&db, "db", db, "the demo journal file")
	daysFlag := fs.String("days", strconv.Itoa(demoDefaultDays), "how many days, ending today")
	seedFlag := fs.String("seed", "1", "the random seed: the same seed writes the same journal")
	if err := a.parseCommand(fs, args); err != nil {
		return err
	}
	days, err := slump.ParseInt("days", *daysFlag, 1, demoMaxDays)
	if err != nil {
		return err
	}
	seed, err := strconv.ParseUint(strings.TrimSpace(*seedFlag), 10, 64)
	if err != nil {
		return &slump.FieldError{Field: "seed", Got: strconv.Quote(*seedFlag), Want: "a whole number from 0 to 18446744073709551615"}
	}

	real, err := filepath.Abs(a.journalPath(""))
	if err != nil {
		return err
	}
	path := db
	fresh := db == "" // the default demo file is ours to replace
	if fresh {
		path = filepath.Join(filepath.Dir(a.defaultJournalPath()), "demo.db")
	}
	if path, err = filepath.Abs(path); err != nil {
		return err
	}
	if path == real {
		return usagef("demo: %s is your journal; demo writes only to a separate file (choose another --db)", path)
	}
	if fresh {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("demo journal %s: %w", path, err)
			}
		}
	}
	s, err := a.open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if n, err := s.Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return usagef("demo: %s already holds %d check-ins; demo writes only to a new or empty journal", path, n)
	}
	for _, c := range slump.Demo(seed, days, a.today()) {
		if err := s.Save(ctx, c); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stdout, "Wrote a demo journal of %d days to %s.\n", days, path)
	fmt.Fprintf(a.stdout, "Try it (your own journal is untouched):\n  laceup --db %s\n  laceup --db %s history\n",
		shellQuote(path), shellQuote(path))
	return nil
}

// defaultJournalPath is the journal in the XDG data dir, ignoring --db and
// LACEUP_DB.
func (a *app) defaultJournalPath() string {
	if dir := a.getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "laceup", "journal.db")
	}
	return filepath.Join(xdg.DataHome, "laceup", "journal.db")
}

// shellQuote quotes a path for copying into a shell when it needs it.
func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(slump.Printable(s, false)), " ")
}

// help prints the top-level help, or one command's.
func (a *app) help(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.stdout, topHelp())
		return nil
	}
	text, ok := commandHelp[args[0]]
	if !ok {
		names := make([]string, 0, len(commandHelp))
		for n := range commandHelp {
			names = append(names, n)
		}
		sort.Strings(names)
		return usagef("help: unknown command %q; the commands are %s", args[0], strings.Join(names, ", "))
	}
	fmt.Fprint(a.stdout, text)
	return nil
}

func topHelp() string {
	var b strings.Builder
	b.WriteString(`laceup: a daily journal for runners that catches a training slump early.

Usage:
  laceup [--db PATH]            check in today (on a terminal), else the dashboard
  laceup COMMAND [flags]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Flags:
  --db PATH     the journal file; also $LACEUP_DB (the flag wins).
                Default: $XDG_DATA_HOME/laceup/journal.db (~/.local/share/laceup/journal.db)
  --help        this help; 'laceup help COMMAND' for a command
  --version     print the version

Exit status: 0 ok, 1 the journal could not be read or written, 2 bad input or usage.
The slump meter is built on "The Training Slump is a Real Thing" by Megan Sloan (2023).
`)
	return b.String()
}

var commandHelp = map[string]string{
	"checkin": `Usage:
  laceup checkin --mood N --motivation N --sleep H --effort N [--minutes M]
                 [--sleep-quality N] [--note TEXT] [--date D] [--db PATH]
  laceup checkin [--date D]     on a terminal: the check-in form for that day

Saves one day's check-in without any prompt. Checking in again for the same day
edits it: the four core answers are replaced, optional answers you leave out
keep their saved values (--note "" clears the note). Any past day can be
filled in, never a future one.

  --mood N           1-5: 1 awful ... 5 great                          (required)
  --motivation N     1-5: 1 lacing up feels daunting ... 5 can't wait  (required)
  --sleep H          hours slept last night, 0-24, decimals allowed    (required)
  --effort N         0-10 (CR-10) effort of the day's training;
                     0 = complete rest day, 7 or more = hard effort    (required)
  --minutes M        training minutes that day, 0-1440                 (optional)
  --sleep-quality N  1-5: 1 awful ... 5 great                          (optional)
  --note TEXT        anything, up to 2000 characters                   (optional)
  --date D           YYYY-MM-DD, today or yesterday (default today)
  --db PATH          the journal file (default: see laceup --help)

Example:
  laceup checkin --mood 4 --motivation 3 --sleep 7.5 --effort 6 --minutes 50
`,
	"meter": `Usage:
  laceup meter [--date D] [--json] [--db PATH]

Shows the slump meter for a day (default today): the score 0-100, its level
(ok 0-29, watch 30-59, slump 60-100), the signals that moved it and the tip.

  --date D    YYYY-MM-DD, today or yesterday (default today)
  --json      print JSON: date, score, level, checkins_last_7_days,
              signals [{id, points, detail}], tip {id, title, text, source},
              last_7_days {...}, slump_streak_days
  --db PATH   the journal file (default: see laceup --help)
`,
	"history": `Usage:
  laceup history [--week YYYY-Www | --date D] [--json] [--db PATH]

Shows one ISO week, Monday to Sunday (default this week): each day's answers
and meter score, and the week against the article's rules: hard efforts
(at most 2), rest days (at least 1), average sleep (7 h or more), average
mood and motivation, check-ins.

  --week W    an ISO week such as 2026-W47
  --date D    the week of this day: YYYY-MM-DD, today or yesterday
  --json      print JSON: week, start, end, days [{date, checkin, score,
              level}] (checkin, score and level null without a check-in),
              summary {checkins, hard_efforts, rest_days, minutes,
              avg_sleep_hours, avg_mood, avg_motivation}
  --db PATH   the journal file (default: see laceup --help)
`,
	"export": `Usage:
  laceup export [--format csv|json] [--out FILE] [--db PATH]

Writes every check-in, oldest first, to standard output or FILE (written
whole or not at all, readable by you only). The format comes from --format,
else from FILE's extension, else CSV.

CSV header: date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note
(empty cells for absent optional values). JSON: an array of objects with the
same keys, null for absent values. Notes keep their exact text.
`,
	"import": `Usage:
  laceup import FILE [--format csv|json] [--replace] [--db PATH]

Adds the check-ins of FILE (as written by laceup export) to the journal.
Every row is checked before anything is written: a bad row is reported with
its line (CSV) or entry (JSON), the field and the allowed range, exit status
2, and nothing is imported. Days already in the journal are kept unless
--replace. All in one transaction: an interrupted import leaves the journal
as it was.

  --format F   csv or json (default: from the extension, else from the content)
  --replace    overwrite days already in the journal
`,
	"backup": `Usage:
  laceup backup FILE [--force] [--db PATH]

Writes a consistent copy of the journal to FILE, safe while another laceup
is writing. FILE is readable by you only and is itself a journal: open it
with 'laceup --db FILE'. An existing FILE is refused unless --force.
`,
	"demo": `Usage:
  laceup demo [--days N] [--seed N] [--db PATH]

Writes a realistic synthetic journal so you can try every screen: ordinary
weeks, a build-up into a slump, a 3-5 day break and the recovery. It never
touches your journal: by default it replaces $XDG_DATA_HOME/laceup/demo.db
and prints how to open it; with --db it writes only to a new or empty file.

  --days N    how many days, ending today (default 120, at most 36500)
  --seed N    the same seed writes the same journal (default 1)
  --db PATH   where to write the demo journal
`,
	"version": `Usage:
  laceup --version     (or: laceup version)

Prints the version of laceup.
`,
	"help": `Usage:
  laceup help [COMMAND]

Shows help for laceup or for one command.
`,
}
