// Command laceup is a terminal daily journal for runners that catches a
// training slump before it digs a hole. See README.md.
//
// This file is the command line only: it parses the arguments, resolves
// the journal and settings paths, wires the packages and maps errors to
// exit statuses. The meter is slump's, the journal store's, the screens
// tui's and every rendering of the meter tui/report's.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
	"github.com/laceup/laceup/slump/demo"
	"github.com/laceup/laceup/slump/exchange"
	"github.com/laceup/laceup/slump/garmin"
	"github.com/laceup/laceup/store"
	"github.com/laceup/laceup/store/fitfile"
	"github.com/laceup/laceup/store/settings"
	"github.com/laceup/laceup/store/sources"
	"github.com/laceup/laceup/tui"
	"github.com/laceup/laceup/tui/cli"
	"github.com/laceup/laceup/tui/report"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1 // the journal could not be read or written
	exitUsage       = 2 // bad input or usage; nothing was changed
	exitNoCheckin   = 3 // laceup status --check: today has no check-in
	exitInterrupted = 130
)

func main() {
	a := newApp(os.Stdin, os.Stdout, os.Stderr)
	a.interrupts = handleInterrupts{}
	os.Exit(a.run(context.Background(), os.Args[1:]))
}

// interrupts is how ctrl-c (SIGINT) ends a command; see handleInterrupts.
type interrupts interface {
	// cancel returns a context that ctrl-c cancels: the command stops
	// where it is, rolls back what it was writing, and ends with exit
	// status 130 and the message.
	cancel(ctx context.Context) (context.Context, context.CancelFunc)
	// exit makes ctrl-c end laceup at once with exit status 130 and the
	// message, for a command that only reads.
	exit(stderr io.Writer)
}

// handleInterrupts handles ctrl-c with os/signal. A command that may
// write, reads its input or shows a screen gets a context that ctrl-c
// cancels. One that only reads (command.reads) has nothing to leave
// half-written, and ctrl-c ends it at once; and since a prompt or a status
// bar may run it at every turn, it pays for no handler unless it runs long
// enough for a person to press ctrl-c (readHandlerDelay): the handler (the
// Go runtime starts a thread for signals) and a cancellable context
// (SQLite's driver watches it with a goroutine for each statement) cost
// the meter about 1.6 ms of its 7 after start-up (README, Speed). Before
// then, ctrl-c ends laceup as it ends most programs, which shells report
// as status 130 too.
type handleInterrupts struct{}

func (handleInterrupts) cancel(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt)
}

func (handleInterrupts) exit(stderr io.Writer) {
	time.AfterFunc(readHandlerDelay, func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt)
		<-ch
		fmt.Fprintln(stderr, interruptedMessage)
		os.Exit(exitInterrupted)
	})
}

// readHandlerDelay is how long a command that only reads runs before it
// handles ctrl-c: the meter takes about 8 ms, and no one presses ctrl-c
// within 50 ms of pressing enter. A design choice.
const readHandlerDelay = 50 * time.Millisecond

// interruptedMessage ends a command cut short by ctrl-c. Every write is one
// transaction or a file renamed into place when whole, so what was cut
// short left nothing behind.
const interruptedMessage = "laceup: interrupted; nothing was left half-written"

// app is one invocation: its streams, environment and clock.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	program        string // how the runner started laceup, for commands a message suggests (see self)
	// interrupts handles ctrl-c; nil when the caller of run does (the
	// tests pass their own context).
	interrupts interrupts
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, now: time.Now, program: os.Args[0]}
}

// run executes laceup with the given arguments and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newApp(stdin, stdout, stderr).run(ctx, args)
}

// interrupted returns err as context.Canceled when ctx was cancelled: a
// failure ctrl-c caused, whatever error it surfaced as (SQLite's
// "interrupted", say), ends with exit status 130 and the message.
func interrupted(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: %w", context.Canceled, err)
	}
	return err
}

// interruptible returns the context of a command: for one that only
// reads, ctx itself, ctrl-c ending laceup at once; for any other, a context
// that ctrl-c cancels (see handleInterrupts).
func (a *app) interruptible(ctx context.Context, reads bool) (context.Context, context.CancelFunc) {
	switch {
	case a.interrupts == nil:
		return ctx, func() {}
	case reads:
		a.interrupts.exit(a.stderr)
		return ctx, func() {}
	}
	return a.interrupts.cancel(ctx)
}

// run executes one invocation and maps its error to an exit status: bad
// input, whichever layer found it, is 2; anything else that failed is 1.
func (a *app) run(ctx context.Context, args []string) int {
	err := a.dispatch(ctx, args)
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return exitOK
	case errors.Is(err, errNoCheckin):
		return exitNoCheckin
	case errors.Is(err, context.Canceled), ctx.Err() != nil:
		fmt.Fprintln(a.stderr, interruptedMessage)
		return exitInterrupted
	}
	fmt.Fprintln(a.stderr, "laceup: "+oneLine(err.Error()))
	if badInput(err) {
		return exitUsage
	}
	return exitError
}

// badInput reports whether err is the runner's to fix: a usage error, a
// field out of range, a refused import, output file or settings file.
func badInput(err error) bool {
	for _, target := range []any{new(*cli.UsageError), new(*slump.FieldError), new(*store.ImportError),
		new(*store.DuplicateDayError), new(*store.OutputError), new(*settings.Error), new(*store.InputError)} {
		if errors.As(err, target) {
			return true
		}
	}
	return false
}

// maxImport is the largest file import reads: ten years of check-ins with
// the longest notes take about 30 MB (3,650 days x 2,000 characters of up
// to 4 bytes), a typical ten years well under 1 MB.
const (
	maxImport     = 64 << 20
	maxImportText = "an import file may be (64 MB, far more than ten years of check-ins)"
)

// shown is a file name as a message prints it: as it is, or quoted with
// Go's escapes if it holds a control or bidi character that would let a
// name written by someone else drive the terminal or disguise itself.
func shown(name string) string { return slump.PrintableName(name) }

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(slump.Printable(s, false)), " ")
}

// command is one subcommand: its name, its line in the top help, its own
// help, and what it does (db is the global --db).
type command struct {
	name, summary, help string
	run                 func(a *app, ctx context.Context, db string, args []string) error
	// reads is true for a command that only reads the journal and prints
	// (a prompt or a status bar runs some often): ctrl-c ends it at once
	// (see handleInterrupts). It writes nothing but the migrations a
	// journal of an older laceup needs, each one transaction.
	reads bool
}

// The values of command.reads.
const (
	readsOnly = true
	mayWrite  = false
)

// commands returns the subcommands, in the order the top help lists them;
// version and help are unlisted there.
func commands() []command {
	return []command{
		{"checkin", "save today's (or another day's) check-in, from flags or the form", checkinHelp, (*app).checkin, mayWrite},
		{"meter", "show the slump meter for a day, as text or JSON", meterHelp, (*app).meter, readsOnly},
		{"history", "show one week, Monday to Sunday, as a table or JSON", historyHelp, (*app).history, readsOnly},
		{"year", "the meter of every day of a year, as a calendar or JSON", yearHelp, (*app).year, readsOnly},
		{"export", "write every check-in as CSV or JSON", exportHelp, (*app).export, mayWrite},
		{"import", "add check-ins from a CSV or JSON file (all or nothing)", importHelp, (*app).importFile, mayWrite},
		{"status", "one line for a prompt or a status bar: today's score, or a reminder", statusHelp, (*app).status, readsOnly},
		{"delete", "delete one day's check-in, printing the command that restores it", deleteHelp, (*app).delete, mayWrite},
		{"race", "add, list or remove the races you are training for", raceHelp, (*app).race, mayWrite},
		{"activities", "import Strava, Garmin or FIT sessions; list or remove them", activitiesHelp, (*app).activities, mayWrite},
		{"backup", "copy the journal safely, even while laceup is writing", backupHelp, (*app).backup, mayWrite},
		{"demo", "write a synthetic journal to try every screen (never your real one)", demoHelp, (*app).demo, mayWrite},
		{"help", "show help for a command", helpHelp, func(a *app, _ context.Context, _ string, args []string) error { return a.help(args) }, readsOnly},
		{"version", "", versionHelp, nil, readsOnly},
	}
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	fs := cli.NewFlagSet("laceup")
	db := fs.String("db", "", "journal file (default $LACEUP_DB, else the XDG data dir)")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.ParseHead(args); errors.Is(err, cli.ErrHelp) {
		return a.help(nil)
	} else if err != nil {
		return err
	}
	rest := fs.Args()
	switch {
	case *showVersion || len(rest) > 0 && rest[0] == "version":
		fmt.Fprintf(a.stdout, "laceup %s\n", version)
		return nil
	case len(rest) == 0:
		if !a.isTerminal() {
			return cli.Usagef("no terminal to show the dashboard on; use 'laceup checkin --mood N --motivation N --sleep H --effort N' to check in and 'laceup meter' to read the meter")
		}
		ctx, stop := a.interruptible(ctx, false)
		defer stop()
		return interrupted(ctx, a.runUI(ctx, *db, tui.Options{}))
	}
	for _, c := range commands() {
		if c.name == rest[0] && c.run != nil {
			ctx, stop := a.interruptible(ctx, c.reads)
			defer stop()
			return interrupted(ctx, c.run(a, ctx, *db, rest[1:]))
		}
	}
	if near := nearest(rest[0]); near != "" {
		return cli.Usagef("unknown command %q; did you mean %q? (see laceup --help)", rest[0], near)
	}
	return cli.Usagef("unknown command %q; laceup --help lists the commands", rest[0])
}

// nearest returns the command whose name is closest to name, if it is
// close enough to be a typo (at most 2 letters apart, or name starts it),
// and "" otherwise.
func nearest(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return nearestOf(name, names...)
}

// nearestOf is nearest among names (a command's subcommands, say).
func nearestOf(name string, names ...string) string {
	name = strings.ToLower(name)
	best, bestDist := "", 3
	for _, n := range names {
		d := editDistance(name, n)
		if len(name) >= 3 && strings.HasPrefix(n, name) {
			d = 1
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// unknownSub is the usage error for a subcommand of cmd that is not one of
// subs: it suggests the one meant when sub looks like a typo of it.
func unknownSub(cmd, sub string, subs ...string) error {
	list := strings.Join(subs[:len(subs)-1], ", ") + " or " + subs[len(subs)-1]
	if near := nearestOf(sub, subs...); near != "" {
		return cli.Usagef("%s: unknown subcommand %q; did you mean %q? (see 'laceup %s --help')", cmd, sub, near, cmd)
	}
	return cli.Usagef("%s: unknown subcommand %q; give %s (see 'laceup %s --help')", cmd, sub, list, cmd)
}

// editDistance is the Damerau-Levenshtein distance of a and b (optimal
// string alignment): the letters to insert, delete, change or swap with
// their neighbour to make one the other.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// help prints the top-level help, or one command's.
func (a *app) help(args []string) error {
	var names []string
	for _, c := range commands() {
		if len(args) > 0 && c.name == args[0] {
			fmt.Fprint(a.stdout, c.help)
			return nil
		}
		names = append(names, c.name)
	}
	if len(args) > 0 {
		if near := nearest(args[0]); near != "" {
			return cli.Usagef("help: unknown command %q; did you mean %q?", args[0], near)
		}
		slices.Sort(names)
		return cli.Usagef("help: unknown command %q; the commands are %s", args[0], strings.Join(names, ", "))
	}
	fmt.Fprint(a.stdout, topHelp)
	for _, c := range commands() {
		if c.summary != "" {
			fmt.Fprintf(a.stdout, "  %-9s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprint(a.stdout, topHelpFlags)
	return nil
}

// newFlagSet returns the flag set of a subcommand. It takes --db too, as
// the top level does: db holds the top level's value till then.
func newFlagSet(name string, db *string) cli.FlagSet {
	fs := cli.NewFlagSet(name)
	fs.StringVar(db, "db", *db, "journal file")
	return fs
}

// parsed passes on an error of parsing fs, but for a request for help: it
// prints fs's command's help and returns errHelpShown.
func (a *app) parsed(fs cli.FlagSet, err error) error {
	if errors.Is(err, cli.ErrHelp) {
		if err := a.help([]string{fs.Name()}); err != nil {
			return err
		}
		return errHelpShown
	}
	return err
}

// errHelpShown ends a command whose --help was printed: exit status 0.
var errHelpShown = errors.New("help shown")

// self is the command that runs this laceup, for a command a message
// suggests: "go run ." when it was built by go run (its binary is in a
// go-build folder of the build cache, gone once it ends), else "laceup".
func (a *app) self() string {
	if strings.Contains(filepath.ToSlash(a.program), "/go-build") {
		return "go run ."
	}
	return "laceup"
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

// defaultJournalPath is the journal in the XDG data dir, ignoring --db and
// LACEUP_DB.
func (a *app) defaultJournalPath() string {
	return a.xdgPath("XDG_DATA_HOME", xdg.DataHome, "journal.db")
}

// xdgPath is file in laceup's folder of an XDG base directory: $env if it
// is an absolute path, else fallback (adrg/xdg's default for it).
func (a *app) xdgPath(env, fallback, file string) string {
	if dir := a.getenv(env); filepath.IsAbs(dir) {
		return filepath.Join(dir, "laceup", file)
	}
	return filepath.Join(fallback, "laceup", file)
}

// config reads the runner's settings: $LACEUP_CONFIG, else
// $XDG_CONFIG_HOME/laceup/config.toml, where a missing file means the
// defaults. A bad file is bad input, named with its line and key.
func (a *app) config() (slump.Meter, error) {
	set, err := a.settings()
	return slump.NewMeter(set.Meter), err
}

// settings reads the settings file (see config): the meter's thresholds
// and the screens' theme.
func (a *app) settings() (settings.Settings, error) {
	path := a.getenv("LACEUP_CONFIG")
	named := path != ""
	if !named {
		path = a.xdgPath("XDG_CONFIG_HOME", xdg.ConfigHome, "config.toml")
	}
	return settings.Load(path, !named)
}

func (a *app) today() slump.Date { return slump.DateOf(a.now()) }

// isTerminal reports whether both ends of the session are a terminal, so a
// screen can be shown and answered.
func (a *app) isTerminal() bool {
	in, ok1 := a.stdin.(*os.File)
	out, ok2 := a.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

// runUI runs the terminal UI on the journal: the dashboard, or the form
// that opts asks for.
func (a *app) runUI(ctx context.Context, db string, opts tui.Options) error {
	set, err := a.settings()
	if err != nil {
		return err
	}
	meter := slump.NewMeter(set.Meter)
	opts.Theme = set.Theme
	path := a.journalPath(db)
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	// The screens stay open for hours: hold the journal only while reading
	// or writing it, so a journal replaced meanwhile is noticed, never
	// mixed with this process's -wal file (see store.Store.CloseWhenIdle).
	s.CloseWhenIdle()
	s.SetClock(a.now)
	opts.Journal, opts.Path, opts.Now, opts.Config, opts.Warnings = s, path, a.now, meter.Config(), s.Warnings()
	if why := s.ReadOnly(); why != "" {
		opts.Warnings = append(opts.Warnings, fmt.Sprintf("the journal is open for reading only (%s): check-ins cannot be saved", why))
	}
	p := tea.NewProgram(tui.New(opts), tea.WithAltScreen(), tea.WithContext(ctx),
		tea.WithInput(a.stdin), tea.WithOutput(a.stdout))
	final, err := p.Run()
	switch m, _ := final.(tui.Model); {
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		return fmt.Errorf("terminal: %w", err)
	case m.Err() != nil:
		return m.Err()
	}
	return nil
}

// open opens the journal at path, creating it unless existing is true (for
// a command that only reads it, a mistyped path is reported, not created),
// and prints its warnings, such as a journal other users can read.
func (a *app) open(ctx context.Context, path string, existing bool) (*store.Store, error) {
	if _, err := os.Stat(path); existing && errors.Is(err, os.ErrNotExist) {
		if err := store.DanglingLink(path); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("no journal at %s yet: check in first (laceup checkin), or pass --db with the right path", path)
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	s.SetClock(a.now)
	a.warn(s)
	return s, nil
}

// warn prints the journal's warnings on stderr.
func (a *app) warn(s *store.Store) {
	for _, w := range s.Warnings() {
		fmt.Fprintln(a.stderr, "laceup: warning: "+oneLine(w))
	}
}

// withJournal reads the settings, opens the journal (see open) and runs fn
// with both, closing the journal after.
func (a *app) withJournal(ctx context.Context, db string, existing bool, fn func(*store.Store, slump.Meter) error) error {
	meter, err := a.config()
	if err != nil {
		return err
	}
	s, err := a.open(ctx, a.journalPath(db), existing)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s, meter)
}

func (a *app) checkin(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("checkin", &db)
	dateFlag := fs.String("date", "today", "the day: YYYY-MM-DD (1900-01-01 to tomorrow), today or yesterday")
	fields := slump.Fields()
	values := make(map[string]*string, len(fields))
	for _, f := range fields {
		values[f.Flag] = fs.String(f.Flag, "", f.Range)
	}
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	today := a.today()
	date, err := slump.ParsePastDay(*dateFlag, today)
	if err != nil {
		return err
	}
	answers := map[string]string{}
	var missing, keep []string
	for _, f := range fields {
		switch {
		case fs.Given(f.Flag):
			answers[f.Name] = *values[f.Flag]
		case !f.Optional:
			missing = append(missing, fmt.Sprintf("--%s (%s)", f.Flag, f.Range))
		default: // checking in again edits the day: an optional answer left out keeps its saved value
			keep = append(keep, f.Name)
		}
	}
	switch {
	case len(answers) == 0 && !a.isTerminal():
		return cli.Usagef("checkin: no terminal to show the form on; pass --mood N --motivation N --sleep H --effort N (and optionally --minutes, --sleep-quality, --note, --date)")
	case len(answers) == 0:
		return a.runUI(ctx, db, tui.Options{FormDate: date, ExitOnCancel: true})
	case len(missing) > 0:
		return cli.Usagef("checkin: missing %s", strings.Join(missing, ", "))
	}
	if note, ok := answers[slump.FieldNote]; ok {
		answers[slump.FieldNote] = slump.CleanNote(note)
	}
	c, err := slump.ParseAnswers(date, today, answers)
	if err != nil {
		return namingFlag(err)
	}
	return a.withJournal(ctx, db, false, func(s *store.Store, meter slump.Meter) error {
		existed, err := s.SaveAnswers(ctx, c, keep...)
		if err != nil {
			return err
		}
		// The meter of the day just filled in. The check-in is saved: a
		// ctrl-c now must not turn that into an error.
		snap, err := s.Snapshot(context.WithoutCancel(ctx), c.Date)
		if err != nil {
			return err
		}
		verb := map[bool]string{false: "Saved", true: "Updated"}[existed]
		fmt.Fprintf(a.stdout, "%s your check-in for %s.\n\n", verb, c.Date)
		report.WriteMeterText(a.stdout, meter.ReadingOf(snap))
		return nil
	})
}

// namingFlag adds the flag to a field error when its name differs from the
// field's: "sleep_hours (--sleep): must be ...".
func namingFlag(err error) error {
	var fe *slump.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	if f, ok := slump.FieldNamed(fe.Field); ok && f.Flag != slump.Label(f.Name) {
		named := *fe
		named.Field = fmt.Sprintf("%s (--%s)", slump.Label(fe.Field), f.Flag)
		return &named
	}
	return err
}

func (a *app) meter(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("meter", &db)
	dateFlag := fs.String("date", "today", "the day: YYYY-MM-DD (1900-01-01 to tomorrow), today or yesterday")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	date, err := slump.ParsePastDay(*dateFlag, a.today())
	if err != nil {
		return err
	}
	return a.withJournal(ctx, db, true, func(s *store.Store, meter slump.Meter) error {
		snap, err := s.Snapshot(ctx, date)
		if err != nil {
			return err
		}
		r := meter.ReadingOf(snap)
		if *asJSON {
			return report.WriteMeterJSON(a.stdout, r)
		}
		report.WriteMeterText(a.stdout, r)
		return nil
	})
}

func (a *app) history(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("history", &db)
	weekFlag := fs.String("week", "", "the ISO week, YYYY-Www")
	dateFlag := fs.String("date", "", "a day of the week: YYYY-MM-DD, today or yesterday")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	today := a.today()
	week := slump.WeekOf(today)
	switch {
	case *weekFlag != "" && *dateFlag != "":
		return cli.Usagef("history: give --week or --date, not both")
	case *weekFlag != "":
		w, err := slump.ParsePastWeek(*weekFlag, today)
		if fe := (*slump.FieldError)(nil); err != nil && !errors.As(err, &fe) {
			return cli.Usagef("history: --week: %v", err)
		} else if err != nil {
			return err
		}
		week = w
	case *dateFlag != "":
		d, err := slump.ParsePastDay(*dateFlag, today)
		if err != nil {
			return err
		}
		week = slump.WeekOf(d)
	}
	return a.withJournal(ctx, db, true, func(s *store.Store, meter slump.Meter) error {
		p, err := s.Period(ctx, week.Start(), week.End())
		if err != nil {
			return err
		}
		wk := meter.Weeks(p.Checkins, p.Loads, week, 1, today)[0]
		all, err := s.Activities(ctx, week.Start().AddDays(-slump.CopyDays), week.End().AddDays(slump.CopyDays)) // copies may be dated days off
		if err != nil {
			return err
		}
		sessions := report.ListSessions(all, week.Start(), week.End(), p.Checkins, meter.Config())
		if *asJSON {
			return report.WriteHistoryJSON(a.stdout, wk, sessions)
		}
		report.WriteHistoryText(a.stdout, wk, sessions, meter.Config(), today)
		return nil
	})
}

// year prints the meter of every day of a calendar year (default this
// year) as a calendar, or as JSON.
func (a *app) year(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("year", &db)
	today := a.today()
	yearFlag := fs.String("year", strconv.Itoa(today.Time().Year()), "the calendar year, from 1900 to this year")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	year, err := slump.ParsePastYear(*yearFlag, today)
	if err != nil {
		return err
	}
	return a.withJournal(ctx, db, true, func(s *store.Store, meter slump.Meter) error {
		from, to := slump.YearSpan(year)
		p, err := s.Period(ctx, from, to)
		if err != nil {
			return err
		}
		y := meter.Year(p.Checkins, p.Loads, year, today)
		slump.MarkRaceDays(y.Days, p.Races)
		if *asJSON {
			return report.WriteYearJSON(a.stdout, y, today)
		}
		report.WriteYearText(a.stdout, y, today)
		return nil
	})
}

// checkOutput refuses, as bad input, an output file that is the journal (or
// one of its files) or a folder; what names the file in the message.
func (a *app) checkOutput(cmd, out, db, what string) error {
	err := store.CheckOutput(out, a.journalPath(db))
	if oe := (*store.OutputError)(nil); errors.As(err, &oe) && oe.Folder {
		return cli.Usagef("%s: %v for %s", cmd, err, what)
	} else if err != nil {
		return cli.Usagef("%s: %v", cmd, err)
	}
	return nil
}

func (a *app) export(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("export", &db)
	format := fs.String("format", "", "csv or json")
	out := fs.String("out", "", "write to FILE instead of standard output")
	force := fs.Bool("force", false, "replace FILE if it exists")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	f, err := exchange.Format(*format, *out)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := a.checkOutput("export", *out, db, "--out"); err != nil {
			return err
		}
	}
	s, err := a.open(ctx, a.journalPath(db), true)
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := s.Records(ctx) // with updated_at, and the deleted days, for import --merge newer
	if err != nil {
		return err
	}
	encode := exchange.WriteRecordsCSV
	if f == "json" {
		encode = exchange.WriteRecordsJSON
	}
	write := func(w io.Writer) error {
		if file, ok := w.(*os.File); !ok || !term.IsTerminal(file.Fd()) {
			return encode(w, all) // a file or a pipe: the exact text
		}
		// Standard output, --out /dev/stdout or /dev/tty on a terminal:
		// notes are the runner's text, or an imported file's, and a
		// control character in one must not drive the terminal.
		tw := cli.NewTerminalWriter(w)
		if err := encode(tw, all); err != nil {
			return err
		}
		return tw.Flush()
	}
	if *out == "" || *out == "-" {
		return write(a.stdout)
	}
	err = store.WriteOutput(ctx, *out, *force, write)
	if ee := (*store.ExistsError)(nil); errors.As(err, &ee) {
		return cli.Usagef("export: %s already exists; pass --force to replace it", shown(*out))
	} else if err != nil {
		return err
	}
	deleted := 0
	for _, r := range all {
		if r.Deleted {
			deleted++
		}
	}
	fmt.Fprintf(a.stderr, "laceup: exported %d check-ins", len(all)-deleted)
	if deleted > 0 {
		fmt.Fprintf(a.stderr, " and %d deleted %s", deleted, report.Days(deleted))
	}
	fmt.Fprintf(a.stderr, " to %s\n", shown(*out))
	return nil
}

func (a *app) importFile(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("import", &db)
	format := fs.String("format", "", "csv or json")
	replace := fs.Bool("replace", false, "replace days already in the journal")
	merge := fs.String("merge", "", "newer: keep, day by day, whichever copy was edited later")
	files, err := fs.ParseWithArgs(args)
	if err := a.parsed(fs, err); err != nil {
		return err
	}
	if len(files) != 1 {
		return cli.Usagef("import: give one file to import (see 'laceup import --help')")
	}
	file := files[0]
	f, err := exchange.Format(*format, file)
	if err != nil {
		return err
	}
	name := shown(file) // the file as messages name it
	var data []byte
	if file == "-" {
		name = "standard input"
		data, err = store.ReadStream(ctx, a.stdin, name, maxImport, maxImportText)
	} else {
		data, err = store.ReadInput(ctx, file, maxImport, maxImportText)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	} else if err != nil {
		return cli.Usagef("import: %s", oneLine(err.Error())) // the message names the file
	}
	switch {
	case fs.Given("merge") && *merge != "newer":
		return &slump.FieldError{Field: "merge", Got: strconv.Quote(*merge), Want: "newer"}
	case fs.Given("merge") && *replace:
		return cli.Usagef("import: give --merge newer or --replace, not both")
	case fs.Given("merge"):
		return a.mergeFile(ctx, db, name, data, f, *format == "")
	}
	rs, err := exchange.ReadRecords(data, f, *format == "", a.today())
	if err != nil {
		return cli.Usagef("import: %s: %s (nothing was imported)", name, oneLine(err.Error()))
	}
	s, err := a.open(ctx, a.journalPath(db), false)
	if err != nil {
		return err
	}
	defer s.Close()
	res, deleted, err := s.ImportRecords(ctx, rs, *replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Imported %s: %d added, %d replaced, %d skipped", name, res.Added, res.Replaced, res.Skipped)
	if res.Skipped > 0 && !*replace {
		fmt.Fprint(a.stdout, " (days already in the journal are kept; --replace overwrites them)")
	}
	if deleted > 0 {
		fmt.Fprintf(a.stdout, "; %d deleted %s left alone (--merge newer applies them)", deleted, report.Days(deleted))
	}
	fmt.Fprintln(a.stdout, ".")
	return nil
}

// mergeFile merges another journal's export into the journal, day by day,
// keeping whichever copy was edited later (import --merge newer).
func (a *app) mergeFile(ctx context.Context, db, name string, data []byte, format string, sniff bool) error {
	rs, err := exchange.ReadRecords(data, format, sniff, a.today())
	if err != nil {
		return cli.Usagef("import: %s: %s (nothing was imported)", name, oneLine(err.Error()))
	}
	s, err := a.open(ctx, a.journalPath(db), false)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Merge(ctx, rs)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Merged %s: %d added, %d updated, %d deleted, %d kept (this journal's copy as new or newer).\n",
		name, res.Added, res.Updated, res.Deleted, res.Kept)
	return nil
}

// errNoCheckin ends laceup status --check on a day without a check-in:
// exit status 3, nothing on stderr.
var errNoCheckin = errors.New("not checked in today")

func (a *app) status(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("status", &db)
	asJSON := fs.Bool("json", false, "print JSON")
	check := fs.Bool("check", false, "exit 3 when today has no check-in")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	meter, err := a.config()
	if err != nil {
		return err
	}
	today := a.today()
	st := report.StatusJSON{Date: today.String()}
	path := a.journalPath(db)
	// A prompt runs this before every command: no journal yet is not an
	// error, and the journal's warnings are for the other commands to say.
	// An empty file is no journal yet either; opening it would make it one.
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		s, err := store.Open(ctx, path)
		if err != nil {
			return err
		}
		defer s.Close()
		snap, err := s.Snapshot(ctx, today)
		if err != nil {
			return err
		}
		st = report.NewStatusJSON(meter.ReadingOf(snap), snap.Checkin() != nil)
	} else if err := store.DanglingLink(path); err != nil {
		return err
	}
	if *asJSON {
		if err := report.WriteStatusJSON(a.stdout, st); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(a.stdout, report.StatusLine(st))
	}
	if *check && !st.CheckedIn {
		return errNoCheckin
	}
	return nil
}

func (a *app) delete(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("delete", &db)
	dateFlag := fs.String("date", "", "the day: YYYY-MM-DD (1900-01-01 to tomorrow), today or yesterday")
	yes := fs.Bool("yes", false, "delete without asking")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	if !fs.Given("date") {
		return cli.Usagef("delete: give the day: --date YYYY-MM-DD (or today, yesterday)")
	}
	date, err := slump.ParsePastDay(*dateFlag, a.today())
	if err != nil {
		return err
	}
	if !*yes && !a.isTerminal() {
		return cli.Usagef("delete: no terminal to ask for confirmation on; pass --yes to delete the check-in of %s", date)
	}
	s, err := a.open(ctx, a.journalPath(db), true)
	if err != nil {
		return err
	}
	defer s.Close()
	c, ok, err := s.Get(ctx, date)
	if err != nil {
		return err
	}
	if !ok {
		return cli.Usagef("delete: %s has no check-in; nothing to delete", date)
	}
	if !*yes {
		fmt.Fprint(a.stdout, report.Wrap(fmt.Sprintf("The check-in of %s: %s.", date, report.Answers(c)), "", report.Width))
		fmt.Fprint(a.stdout, "Delete it? [y/N] ")
		answer, err := a.readLine(ctx)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(answer, "\n") {
			fmt.Fprintln(a.stdout) // end of input (ctrl-d): end the prompt's line
		}
		if reply := strings.ToLower(strings.TrimSpace(answer)); reply != "y" && reply != "yes" {
			fmt.Fprintf(a.stdout, "Kept the check-in of %s.\n", date)
			return nil
		}
	}
	deleted, ok, err := s.Delete(ctx, date)
	if err != nil {
		return err
	}
	if !ok { // deleted meanwhile by another laceup
		return cli.Usagef("delete: %s has no check-in; nothing to delete", date)
	}
	words := a.command(db, "checkin", "--date", date.String())
	answers := slump.AnswersOf(deleted)
	if note, ok := answers[slump.FieldNote]; ok {
		answers[slump.FieldNote] = slump.CleanNote(note) // what checkin keeps of it
	}
	for _, f := range slump.Fields() {
		if v, ok := answers[f.Name]; ok && v != "" {
			words = append(words, "--"+f.Flag, shellArg(v))
		}
	}
	fmt.Fprintf(a.stdout, "Deleted the check-in of %s. To restore it:\n%s\n", date, shellLines(words, "  ", report.Width))
	if deleted.Note != answers[slump.FieldNote] {
		fmt.Fprint(a.stdout, report.Wrap("(The note held control characters or blank space at its ends, which a check-in does not keep: the command restores the rest of it.)", "", report.Width))
	}
	return nil
}

// command returns the words of a laceup command a message suggests, as
// this laceup was started (see self), with --db when one was given, then
// args (already quoted where they need it).
func (a *app) command(db string, args ...string) []string {
	words := strings.Fields(a.self())
	if db != "" {
		words = append(words, "--db", shellArg(db))
	}
	return append(words, args...)
}

// shellLines writes the words of a command for a POSIX shell, on lines of
// at most width columns joined by " \\" continuations (a word longer than
// a line has one of its own), each starting with indent.
func shellLines(words []string, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, w := range words {
		if line != indent && len(line)+1+len(w)+2 > width {
			b.WriteString(line + " \\\n")
			line = indent + "  "
		}
		if line != indent && !strings.HasSuffix(line, "  ") {
			line += " "
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}

// readLine reads one line from standard input, giving up when ctx is done
// (ctrl-c).
func (a *app) readLine(ctx context.Context) (string, error) {
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(a.stdin).ReadString('\n')
		line <- s
	}()
	select {
	case s := <-line:
		return s, nil
	case <-ctx.Done():
		fmt.Fprintln(a.stdout)
		return "", ctx.Err()
	}
}

// shellArg quotes s as one word for a POSIX shell, to paste as it is. A
// word holding a control character (a tab, a new line, an escape) is
// written in $'...' form, which bash, zsh and POSIX.1-2024 shells read,
// with the character escaped, so that printing it drives no terminal.
func shellArg(s string) string {
	if !strings.ContainsFunc(s, slump.TerminalControl) {
		return store.ShellQuote(s)
	}
	var b strings.Builder
	b.WriteString("$'")
	for _, r := range s {
		switch {
		case r == '\\' || r == '\'':
			b.WriteString("\\" + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case slump.TerminalControl(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case slump.TerminalControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("'")
	return b.String()
}

// race adds, lists or removes the races the runner trains for: laceup
// race add D [--name TEXT], race list [--json], race remove D.
func (a *app) race(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("race", &db)
	if err := a.parsed(fs, fs.ParseHead(args)); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return cli.Usagef("race: give add, list or remove (see 'laceup race --help')")
	}
	sub, args := rest[0], rest[1:]
	// The subcommands' flag sets are named "race add"...: their messages
	// say "see 'laceup race add --help'", which prints the race help.
	parsed := func(err error) error {
		if errors.Is(err, cli.ErrHelp) {
			fmt.Fprint(a.stdout, raceHelp)
			return errHelpShown
		}
		return err
	}
	// date reads the one argument of add and remove: the race's day.
	date := func(fs cli.FlagSet, pos []string) (slump.Date, error) {
		if len(pos) > 1 {
			return slump.Date{}, cli.Usagef("%s: unexpected argument %q; give one date, YYYY-MM-DD, and --name TEXT for the name", fs.Name(), pos[1])
		}
		if len(pos) != 1 {
			return slump.Date{}, cli.Usagef("%s: give the race's date, YYYY-MM-DD (see 'laceup race --help')", fs.Name())
		}
		return slump.ParseRaceDate(pos[0])
	}
	today := a.today()
	switch sub {
	case "add":
		fs := newFlagSet("race add", &db)
		name := fs.String("name", "", "the race's name, at most 80 characters")
		pos, err := fs.ParseWithArgs(args)
		if err := parsed(err); err != nil {
			return err
		}
		d, err := date(fs, pos)
		if err != nil {
			return err
		}
		r := slump.Race{Date: d, Name: strings.TrimSpace(*name)}
		if err := r.Validate(); err != nil {
			return err // before the journal is opened: bad input creates none
		}
		s, err := a.open(ctx, a.journalPath(db), false)
		if err != nil {
			return err
		}
		defer s.Close()
		if !fs.Given("name") { // adding a race again without --name keeps its name, as checkin keeps answers
			races, err := s.Races(ctx)
			if err != nil {
				return err
			}
			for _, old := range races {
				if old.Date == d {
					r.Name = old.Name
				}
			}
		}
		existed, err := s.AddRace(ctx, r)
		if err != nil {
			return err
		}
		verb := map[bool]string{false: "Added", true: "Updated"}[existed]
		fmt.Fprintf(a.stdout, "%s the race of %s", verb, d)
		if r.Name != "" {
			fmt.Fprintf(a.stdout, ": %s", report.RaceName(r.Name))
		}
		fmt.Fprintf(a.stdout, " (%s).\n", report.When(d.DaysSince(today)))
		return nil
	case "list":
		fs := newFlagSet("race list", &db)
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parsed(fs.Parse(args)); err != nil {
			return err
		}
		races, err := a.races(ctx, db)
		if err != nil {
			return err
		}
		if *asJSON {
			return report.WriteRacesJSON(a.stdout, races, today)
		}
		report.WriteRacesText(a.stdout, races, today)
		return nil
	case "remove":
		fs := newFlagSet("race remove", &db)
		pos, err := fs.ParseWithArgs(args)
		if err := parsed(err); err != nil {
			return err
		}
		d, err := date(fs, pos)
		if err != nil {
			return err
		}
		none := cli.Usagef("race remove: no race on %s; nothing to remove", d)
		path := a.journalPath(db)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if err := store.DanglingLink(path); err != nil {
				return err
			}
			return none
		}
		s, err := a.open(ctx, path, true)
		if err != nil {
			return err
		}
		defer s.Close()
		r, ok, err := s.RemoveRace(ctx, d)
		if err != nil {
			return err
		}
		if !ok {
			return none
		}
		again := a.command(db, "race", "add", d.String())
		if r.Name != "" {
			again = append(again, "--name", shellArg(r.Name))
		}
		fmt.Fprintf(a.stdout, "Removed the race of %s. To add it again:\n%s\n", d, shellLines(again, "  ", report.Width))
		return nil
	}
	return unknownSub("race", sub, "add", "list", "remove")
}

// races returns every race of the journal, none when there is no journal
// yet (a link to nothing is an error, as for every command).
func (a *app) races(ctx context.Context, db string) ([]slump.Race, error) {
	path := a.journalPath(db)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, store.DanglingLink(path)
	}
	s, err := a.open(ctx, path, true)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Races(ctx)
}

func (a *app) backup(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("backup", &db)
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	files, err := fs.ParseWithArgs(args)
	if err := a.parsed(fs, err); err != nil {
		return err
	}
	if len(files) != 1 {
		return cli.Usagef("backup: give the file to write the copy to (see 'laceup backup --help')")
	}
	if err := a.checkOutput("backup", files[0], db, "the copy"); err != nil {
		return err
	}
	s, err := a.open(ctx, a.journalPath(db), true)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, files[0], *force); err != nil {
		if ee := (*store.ExistsError)(nil); errors.As(err, &ee) {
			return cli.Usagef("backup: %s already exists; pass --force to overwrite it", files[0])
		}
		return err
	}
	fmt.Fprintf(a.stdout, "Backed up %s to %s.\n", shown(s.Path()), shown(files[0]))
	return nil
}

func (a *app) demo(ctx context.Context, db string, args []string) error {
	fs := newFlagSet("demo", &db)
	daysFlag := fs.String("days", "120", "how many days, ending today")
	seedFlag := fs.String("seed", "1", "the random seed: the same seed writes the same journal")
	endingFlag := fs.String("ending", string(demo.Slump), "where the story stops today: slump, break or recovered")
	if err := a.parsed(fs, fs.Parse(args)); err != nil {
		return err
	}
	ending := demo.Ending(strings.ToLower(strings.TrimSpace(*endingFlag)))
	if !slices.Contains(demo.Endings(), ending) {
		return &slump.FieldError{Field: "ending", Got: strconv.Quote(*endingFlag), Want: "one of slump, break or recovered"}
	}
	days, err := slump.ParseInt("days", *daysFlag, 1, 36500)
	if err != nil {
		return err
	}
	if least := demo.MinDays(ending); days < least {
		return &slump.FieldError{Field: "days", Got: strconv.Itoa(days),
			Want: fmt.Sprintf("at least %d for --ending %s, the days its story needs (--ending recovered takes fewer)", least, ending)}
	}
	seed, err := strconv.ParseUint(strings.TrimSpace(*seedFlag), 10, 64)
	if err != nil {
		return &slump.FieldError{Field: "seed", Got: strconv.Quote(*seedFlag), Want: "a whole number from 0 to 18446744073709551615"}
	}
	// The default demo file, demo.db beside the default journal, is ours to
	// replace; any other is written only while empty, and never the
	// runner's own journal.
	path, fresh := db, db == ""
	if fresh {
		path = filepath.Join(filepath.Dir(a.defaultJournalPath()), "demo.db")
	}
	path, err = filepath.Abs(path)
	if err != nil {
		return err
	}
	// The runner's journal by any name: the same path, a link, its -wal.
	if oe := (*store.OutputError)(nil); errors.As(store.CheckOutput(path, a.journalPath("")), &oe) && !oe.Folder {
		return cli.Usagef("demo: %s is your journal; demo writes only to a separate file (choose another --db)", path)
	}
	s, err := store.Create(ctx, path, fresh)
	if ne := (*store.NotEmptyError)(nil); errors.As(err, &ne) {
		return cli.Usagef("demo: %v; demo writes only to a new or empty journal", err)
	} else if err != nil {
		return err
	}
	defer s.Close()
	s.SetClock(a.now)
	a.warn(s)
	if _, err := s.Import(ctx, demo.JournalEnding(seed, days, a.today(), ending), false); err != nil {
		return err
	}
	q := store.ShellQuote(path)
	if shown(path) != path {
		q = shown(path)
	}
	story := map[demo.Ending]string{
		demo.Slump:     "the story ends in a slump, so the dashboard shows the signs, their causes and the tip to step away",
		demo.Break:     "the story ends the day after a break, so the dashboard shows how the meter follows one up",
		demo.Recovered: "the story ends on ordinary weeks, with the meter at ok",
	}[ending]
	fmt.Fprintf(a.stdout, "Wrote a demo journal of %d days to %s\n", days, shown(path))
	fmt.Fprint(a.stdout, report.Wrap(fmt.Sprintf("%s%s (--ending slump, break or recovered stops the story elsewhere). Your own journal is untouched. Open the demo with:",
		strings.ToUpper(story[:1]), story[1:]), "", report.Width))
	fmt.Fprintf(a.stdout, "  %s --db %s\n  %s --db %s history\n", a.self(), q, a.self(), q)
	return nil
}

// The help texts: laceup --help is topHelp, the commands' summaries and
// topHelpFlags; each command's is its own.
const (
	topHelp = `laceup: a daily journal for runners that catches a training slump early.

Usage:
  laceup [--db PATH]      check in today (on a terminal), else the dashboard
  laceup COMMAND [flags]

Commands:
`
	topHelpFlags = `
Flags:
  --db PATH     the journal file; also $LACEUP_DB (the flag wins). Default:
                $XDG_DATA_HOME/laceup/journal.db
                (~/.local/share/laceup/journal.db)
  --help        this help; 'laceup help COMMAND' for a command
  --version     print the version

Exit status: 0 ok, 1 the journal could not be read or written, 2 bad input
or usage, 3 laceup status --check on a day without a check-in, 130
interrupted (ctrl-c; nothing is left half-written).

The slump meter is built on "The Training Slump is a Real Thing"
by Megan Sloan (2023).
`
	checkinHelp = `Usage:
  laceup checkin --mood N --motivation N --sleep H --effort N [--legs N]
                 [--day-type T] [--minutes M] [--sleep-quality N] [--note TEXT]
                 [--date D] [--db PATH]
  laceup checkin [--date D]     on a terminal: the check-in form for that day

Saves one day's check-in without any prompt. Check in at the end of the day:
it asks about the day's training and the night before it. Checking in again
for the same day edits it: the four core answers are replaced, optional
answers you leave out keep their saved values (an empty one clears it:
--note "", --minutes "", --sleep-quality "", --legs "", --day-type "").
Any day from 1900-01-01 to tomorrow can be filled in; tomorrow is a day's
grace for time zones.

Required:
  --mood N           1-5: 1 awful ... 5 great
  --motivation N     1-5: 1 lacing up feels daunting ... 5 can't wait
  --sleep H          hours slept last night, 0-24: 7.5, 7:30 or 7h30
  --effort N         0-10 (CR-10) effort of the day's training; 0 = complete
                     rest day, 7 or more = hard effort (hard_effort in
                     config.toml)
Optional:
  --legs N           1-5: 1 heavy and flat, easy paces felt hard ... 5 a pop
                     in my legs
  --day-type T       normal, sick, injured, travel or race (default normal);
                     sick and injured days count as rest
  --minutes M        training minutes that day, 0-1440
  --sleep-quality N  1-5: 1 awful ... 5 great
  --note TEXT        anything, up to 2000 characters
  --date D           YYYY-MM-DD from 1900-01-01 to tomorrow, today or
                     yesterday (default today)
  --db PATH          the journal file (default: see laceup --help)

Example:
  laceup checkin --mood 4 --motivation 3 --sleep 7:30 --effort 6 --minutes 50
`
	meterHelp = `Usage:
  laceup meter [--date D] [--json] [--db PATH]

Shows the slump meter for a day (default today): the score 0-100, its level
(ok 0-29, watch 30-59, slump 60-100; unknown with fewer than 3 check-ins in
the last 7 days), the signals that moved it and the tip. Signs (low
motivation, low mood, heavy legs, persistent) make a slump; causes (hard
efforts, no rest day, short sleep, monotony, load spike) explain and warn.

  --date D    YYYY-MM-DD from 1900-01-01 to tomorrow, today or yesterday
              (default today)
  --json      print JSON: date, score, level, checkins_last_7_days, headline,
              signals [{id, kind, points, detail}], hints [{id, detail}],
              tip {id, title, text, source}, last_7_days {...},
              slump_streak_days, sign_streak_days, metrics {...}, break,
              next_race {date, name, days_to_go} (null without a race ahead)
  --db PATH   the journal file (default: see laceup --help)
`
	historyHelp = `Usage:
  laceup history [--week YYYY-Www | --date D] [--json] [--db PATH]

Shows one ISO week, Monday to Sunday (default this week): each day's answers
and meter score, and the week against the article's rules: hard efforts
(at most 2), rest days (at least 1), average sleep (7 h or more), average
mood and motivation, check-ins.

  --week W    an ISO week such as 2026-W47, from 1900-W01 to the week of
              tomorrow
  --date D    the week of this day: YYYY-MM-DD from 1900-01-01 to tomorrow,
              today or yesterday
  --json      print JSON: week, start, end, days [{date, checkin, score,
              level}] (checkin, score and level null without a check-in;
              level unknown for a day too early to read), summary
              {checkins, hard_efforts, rest_days, minutes, unwell_days,
              travel_days, avg_sleep_hours, avg_mood, avg_motivation,
              avg_legs}
  --db PATH   the journal file (default: see laceup --help)
`
	exportHelp = `Usage:
  laceup export [--format csv|json] [--out FILE [--force]] [--db PATH]

Writes every check-in, oldest first, to standard output or FILE. A new FILE
is written whole or not at all, readable by you only; an existing file is
refused unless --force, which replaces it the same way. A FIFO, a terminal
or /dev/stdout is written to, never replaced. The format comes from
--format, else from FILE's extension, else CSV. On a terminal, control
characters in notes are shown as a visible mark; a file or a pipe gets the
exact text.

CSV header: date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,
note,legs,day_type,updated_at (empty cells for absent optional values;
updated_at is when the day was last edited, UTC). JSON: an array of objects
with the same keys, null for absent values. Notes keep their exact text. A
deleted day is written too (CSV: its date, no answers and its updated_at;
JSON: {"date", "updated_at", "deleted": true}), so that another journal
merging the file with import --merge newer deletes it as well.
`
	importHelp = `Usage:
  laceup import FILE [--format csv|json] [--replace | --merge newer]
                [--db PATH]

Adds the check-ins of FILE (as written by laceup export; - reads standard
input) to the journal. FILE must be a regular file of at most 64 MB. Every
row is checked before anything is written: a bad row is reported with its
line (CSV) or entry (JSON), the field and the allowed range, exit status 2,
and nothing is imported. Dates run from 1900-01-01 to tomorrow, a day's
grace for a journal kept in a time zone ahead. Days already in the journal
are kept unless --replace. All in one transaction: an interrupted import
leaves the journal as it was.

With --merge newer, FILE is another journal's export (another laptop's):
day by day, whichever copy was edited later is kept, and a day deleted
there after it was last edited here is deleted here too. Two journals that
merge each other's exports end identical.

  --format F      csv or json (default: from the extension, else from the
                  content)
  --replace       overwrite days already in the journal
  --merge newer   keep, day by day, the copy edited later
`
	statusHelp = `Usage:
  laceup status [--json] [--check] [--db PATH]

Prints one short line for a shell prompt or a tmux status bar: today's
score and level ("laceup 45 watch", "laceup unknown" with too few
check-ins to read), or "laceup: not checked in today". As fast as
laceup meter; a missing journal is "not checked in", not an error.

  --json      print JSON: date, checked_in, score, level (score null when
              the level is unknown; both null with no journal yet)
  --check     exit status 3 when today has no check-in, 0 when it has
              (for a daily reminder from cron or a systemd timer)
  --db PATH   the journal file (default: see laceup --help)
`
	deleteHelp = `Usage:
  laceup delete --date D [--yes] [--db PATH]

Deletes one day's check-in, after asking on a terminal, and prints the
laceup checkin command that restores it. The meter, streaks, history and
export no longer see the day. A day with no check-in is exit status 2.
To clear one optional answer instead, check in again with it empty:
--minutes "", --sleep-quality "", --legs "", --day-type "" or --note "".

  --date D    YYYY-MM-DD (1900-01-01 to tomorrow), today or yesterday
  --yes       delete without asking (needed without a terminal)
  --db PATH   the journal file (default: see laceup --help)
`
	backupHelp = `Usage:
  laceup backup FILE [--force] [--db PATH]

Writes a consistent copy of the journal to FILE, safe while another laceup
is writing. FILE is readable by you only and is itself a journal: open it
with 'laceup --db FILE'. An existing FILE is refused unless --force.
`
	demoHelp = `Usage:
  laceup demo [--days N] [--seed N] [--db PATH]

Writes a realistic synthetic journal so you can try every screen: ordinary
weeks, a build-up into a slump, a 3-5 day break and the recovery. It never
touches your journal: by default it replaces $XDG_DATA_HOME/laceup/demo.db
and prints how to open it; with --db it writes only to a new or empty file.

  --days N    how many days, ending today (default 120, at most 36500)
  --seed N    the same seed writes the same journal (default 1)
  --db PATH   where to write the demo journal
`
	versionHelp = `Usage:
  laceup --version     (or: laceup version)

Prints the version of laceup.
`
	helpHelp = `Usage:
  laceup help [COMMAND]

Shows help for laceup or for one command.
`
)

// The help of laceup race.
const raceHelp = `Usage:
  laceup race add YYYY-MM-DD [--name TEXT] [--db PATH]
  laceup race list [--json] [--db PATH]
  laceup race remove YYYY-MM-DD [--db PATH]

Keeps the races you are training for, one a day, past or future: enter a
race months ahead, or one you have run. laceup meter and the dashboard show
the next one, with your form. Adding a race on a day that has one renames
it.

  add D        add the race on D, any day from 1900-01-01 to 9999-12-31
  --name TEXT  its name (optional), at most 80 characters
  list         every race, oldest first, and how far it is from today
  --json       print JSON: [{date, name, days_to_go}]; days_to_go is 0 on
               race day and negative for a race already run
  remove D     remove the race on D; a day without one is exit status 2
  --db PATH    the journal file (default: see laceup --help)

Example:
  laceup race add 2027-04-19 --name Boston
`

// The help of laceup year.
const yearHelp = `Usage:
  laceup year [--year YYYY] [--json] [--db PATH]

Shows the slump meter of every day of a year (default this year) as a
calendar: a column a week, a row a weekday (Monday first), the months above.
Each day shows its level: ▂ ok, ▅ watch, █ slump, ? too early to read (fewer
than 3 check-ins in its 7 days), · no check-in; or its mark: R rest day,
S sick, I injured, * race. Below, the days counted by level.

  --year YYYY  a year from 1900 to this year (default this year)
  --json       print JSON: year, days [{date, score, level, day_type}] (one
               a day up to today; score null for level unknown; score,
               level and day_type null without a check-in), counts {ok,
               watch, slump, unknown, no_checkin}
  --db PATH    the journal file (default: see laceup --help)
`

// activities runs laceup activities import|list.
func (a *app) activities(ctx context.Context, db string, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprint(a.stdout, activitiesHelp)
			return errHelpShown
		}
		return cli.Usagef("activities: give import, list or remove (see 'laceup activities --help')")
	}
	parsed := func(err error) error {
		if errors.Is(err, cli.ErrHelp) {
			fmt.Fprint(a.stdout, activitiesHelp)
			return errHelpShown
		}
		return err
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "import":
		fs := newFlagSet("activities import", &db)
		tz := fs.String("tz", "", "the time zone of the days, e.g. Europe/Berlin (default: this machine's)")
		all := fs.Bool("all-sports", false, "import cross-training too, not only runs")
		paths, err := fs.ParseWithArgs(args)
		if err := parsed(err); err != nil {
			return err
		}
		if len(paths) == 0 {
			return cli.Usagef("activities import: give the files to read: a Strava or Garmin export (.zip, folder or file), or .fit files")
		}
		loc := a.now().Location()
		if *tz != "" {
			if loc, err = time.LoadLocation(*tz); err != nil {
				return &slump.FieldError{Field: "tz", Got: strconv.Quote(*tz), Want: "a time zone such as Europe/Berlin or America/New_York"}
			}
		}
		return a.importActivities(ctx, db, paths, loc, *all)
	case "list":
		fs := newFlagSet("activities list", &db)
		dateFlag := fs.String("date", "", "a day: YYYY-MM-DD, today or yesterday")
		weekFlag := fs.String("week", "", "an ISO week, YYYY-Www")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parsed(fs.Parse(args)); err != nil {
			return err
		}
		today := a.today()
		from, to, err := daysOf("activities list", *dateFlag, *weekFlag, today)
		if err != nil {
			return err
		}
		if *dateFlag == "" && *weekFlag == "" {
			from, to = slump.WeekOf(today).Start(), slump.WeekOf(today).End()
		}
		return a.withJournal(ctx, db, true, func(s *store.Store, m slump.Meter) error {
			all, err := s.Activities(ctx, from.AddDays(-slump.CopyDays), to.AddDays(slump.CopyDays)) // copies may be dated days off
			if err != nil {
				return err
			}
			cs, err := s.Range(ctx, from, to)
			if err != nil {
				return err
			}
			ls := report.ListSessions(all, from, to, cs, m.Config())
			if *asJSON {
				return report.WriteActivitiesJSON(a.stdout, ls)
			}
			report.WriteActivitiesText(a.stdout, ls, from, to)
			return nil
		})
	case "remove":
		fs := newFlagSet("activities remove", &db)
		dateFlag := fs.String("date", "", "a day: YYYY-MM-DD, today or yesterday")
		weekFlag := fs.String("week", "", "an ISO week, YYYY-Www")
		all := fs.Bool("all", false, "every day")
		source := fs.String("source", "", "only those of one source: strava, garmin or fit")
		sport := fs.String("sport", "", "only those of one sport, as the source names it (Ride, cycling...)")
		if err := parsed(fs.Parse(args)); err != nil {
			return err
		}
		today := a.today()
		from, to, err := daysOf("activities remove", *dateFlag, *weekFlag, today)
		switch {
		case err != nil:
			return err
		case *all && (*dateFlag != "" || *weekFlag != ""):
			return cli.Usagef("activities remove: give --all, --date or --week, only one")
		case *all:
			from, to = slump.EarliestDay(), slump.NewDate(9999, time.December, 31) // whatever zone dated them
		case *dateFlag == "" && *weekFlag == "":
			return cli.Usagef("activities remove: say which days: --date D, --week YYYY-Www or --all")
		}
		if *source != "" && *source != activity.SourceStrava && *source != activity.SourceGarmin && *source != activity.SourceFIT {
			return &slump.FieldError{Field: "source", Got: strconv.Quote(*source), Want: "strava, garmin or fit"}
		}
		return a.withJournal(ctx, db, true, func(s *store.Store, _ slump.Meter) error {
			n, err := s.RemoveActivities(ctx, from, to, *source, *sport)
			if err != nil {
				return err
			}
			if n == 0 {
				fmt.Fprintln(a.stdout, "No session matched: nothing was removed (laceup activities list shows what there is).")
				return nil
			}
			fmt.Fprintf(a.stdout, "Removed %s; your check-ins are as they were. Import the files again to bring them back.\n",
				plural(n, "session", "sessions"))
			return nil
		})
	}
	return unknownSub("activities", sub, "import", "list", "remove")
}

// daysOf reads the --date or --week of cmd: the days from..to, or zero
// dates when neither is given.
func daysOf(cmd, date, week string, today slump.Date) (from, to slump.Date, err error) {
	switch {
	case date != "" && week != "":
		return from, to, cli.Usagef("%s: give --date or --week, not both", cmd)
	case date != "":
		d, err := slump.ParsePastDay(date, today)
		return d, d, err
	case week != "":
		w, err := slump.ParsePastWeek(week, today)
		if fe := (*slump.FieldError)(nil); err != nil && !errors.As(err, &fe) {
			return from, to, cli.Usagef("%s: --week: %v", cmd, err)
		} else if err != nil {
			return from, to, err
		}
		return w.Start(), w.End(), nil
	}
	return from, to, nil
}

// importActivities reads the exports at paths and saves their sessions
// and a Garmin export's nights, all or nothing, in one transaction.
func (a *app) importActivities(ctx context.Context, db string, paths []string, loc *time.Location, allSports bool) error {
	var (
		sessions   []activity.Activity
		sleepFiles []namedNights
		said       []string
		fits       struct{ files, sessions, rated, other int }
	)
	now, today := a.now(), a.today()
	refuse := func(name string, err error) error {
		return cli.Usagef("activities import: %s: %s (nothing was imported)", shown(name), oneLine(err.Error()))
	}
	for _, path := range paths {
		if path == "" {
			return cli.Usagef("activities import: an empty path; give the files to read")
		}
		type count struct{ files, sessions, rated, other int }
		counts := map[sources.Kind]*count{sources.StravaActivities: {}, sources.GarminActivities: {}, sources.FIT: {}}
		found, err := sources.Walk(ctx, path, func(f sources.File) error {
			var got []activity.Activity
			var err error
			switch f.Kind {
			case sources.StravaActivities:
				got, err = activity.ReadStravaCSV(bytes.NewReader(f.Data), loc)
			case sources.GarminActivities:
				got, err = garmin.ReadSummarizedActivities(bytes.NewReader(f.Data))
			case sources.FIT:
				got, err = fitfile.Read(bytes.NewReader(f.Data), loc)
			case sources.GarminSleep:
				ns, err := garmin.ReadSleep(bytes.NewReader(f.Data))
				if err != nil {
					return refuse(f.Name, err)
				}
				for i, n := range ns {
					if err := slump.CheckDay(n.Day, today); err != nil {
						return refuse(f.Name, fmt.Errorf("night %d: %w", i+1, err))
					}
				}
				sleepFiles = append(sleepFiles, namedNights{f.Name, ns})
				return nil
			}
			if err != nil {
				return refuse(f.Name, err)
			}
			c := counts[f.Kind]
			c.files++
			for i, s := range got {
				if err := checkSession(s, now, today); err != nil {
					return refuse(f.Name, fmt.Errorf("activity %d (%s, id %s): %w", i+1, slump.Printable(s.Name, false), s.SourceID, err))
				}
				c.sessions++
				if s.RPE != nil {
					c.rated++
				}
				if !s.Running() {
					c.other++
				}
				if allSports || s.Running() {
					sessions = append(sessions, s)
				}
			}
			return nil
		})
		if se := (*sources.Error)(nil); errors.As(err, &se) {
			return cli.Usagef("activities import: %s (nothing was imported)", oneLine(err.Error()))
		} else if err != nil {
			return err
		}
		label := filepath.Base(path)
		if abs, err := filepath.Abs(path); err == nil {
			label = filepath.Base(abs) // "." names the folder
		}
		label = shown(label)
		if c := counts[sources.StravaActivities]; c.files > 0 {
			said = append(said, fmt.Sprintf("Strava export (%s): %s, %d with a perceived exertion%s.", label,
				plural(c.sessions, "activity", "activities"), c.rated, leftOut(c.other, allSports)))
		}
		if c := counts[sources.GarminActivities]; c.files > 0 {
			said = append(said, fmt.Sprintf("Garmin export (%s): %s, %d rated%s.", label,
				plural(c.sessions, "activity", "activities"), c.rated, leftOut(c.other, allSports)))
		}
		c := counts[sources.FIT]
		fits.files, fits.sessions, fits.rated, fits.other = fits.files+c.files, fits.sessions+c.sessions, fits.rated+c.rated, fits.other+c.other
		if found.Uploaded > 0 {
			said = append(said, fmt.Sprintf("Skipped %s of the Garmin export's uploaded files: the originals of its activities.",
				plural(found.Uploaded, "zip", "zips")))
		}
		if found.Originals > 0 {
			said = append(said, fmt.Sprintf("Skipped %s under activities/: the originals of the sessions its activities.csv lists.",
				plural(found.Originals, "file", "files")))
		}
	}
	if fits.files > 0 {
		said = append(said, fmt.Sprintf("FIT: %s, %s, %d rated%s.", plural(fits.files, "file", "files"),
			plural(fits.sessions, "session", "sessions"), fits.rated, leftOut(fits.other, allSports)))
	}
	sessions, repeated := lastOfEach(sessions)
	if repeated > 0 {
		said = append(said, fmt.Sprintf("%s given more than once (the same id): the last one given is kept.", plural(repeated, "session was", "sessions were")))
	}
	nights := mergeNights(sleepFiles)
	if len(nights) > 0 {
		said = append(said, fmt.Sprintf("Garmin sleep: %s measured, %s to %s.", plural(len(nights), "night", "nights"), nights[0].Day, nights[len(nights)-1].Day))
	}
	return a.withJournal(ctx, db, false, func(s *store.Store, _ slump.Meter) error {
		res, nres, err := s.ImportRecordings(ctx, sessions, nights)
		if err != nil {
			return err
		}
		for _, line := range said {
			fmt.Fprint(a.stdout, report.Wrap(line, "", report.Width))
		}
		fmt.Fprintf(a.stdout, "Sessions: added %d, updated %d, already had %d.\n", res.Added, res.Updated, res.Unchanged)
		if len(nights) > 0 {
			fmt.Fprintf(a.stdout, "Nights: added %d, updated %d, already had %d.\n", nres.Added, nres.Updated, nres.Unchanged)
		}
		return nil
	})
}

// checkSession refuses a session that cannot have happened: on a day out
// of the journal's range (slump.CheckDay), or starting more than an hour
// from now (a watch's clock may be a little off; an hour is a design
// choice).
func checkSession(s activity.Activity, now time.Time, today slump.Date) error {
	if err := slump.CheckDay(s.Day, today); err != nil {
		return err
	}
	if s.Start.After(now.Add(time.Hour)) {
		return &slump.FieldError{Field: "start", Got: s.Start.UTC().Format(time.RFC3339),
			Want: "a time before now: a session cannot start in the future"}
	}
	return nil
}

// lastOfEach keeps, of sessions with the same source and id (one export
// given twice, or an older and a newer one), the last given, in the order
// first seen, and says how many were dropped.
func lastOfEach(as []activity.Activity) ([]activity.Activity, int) {
	type key struct{ source, id string }
	at := make(map[key]int, len(as))
	out := make([]activity.Activity, 0, len(as))
	for _, s := range as {
		k := key{s.Source, s.SourceID}
		if i, ok := at[k]; ok {
			out[i] = s
			continue
		}
		at[k] = len(out)
		out = append(out, s)
	}
	return out, len(as) - len(out)
}

// leftOut says how many sessions of other sports an import left out.
func leftOut(other int, allSports bool) string {
	if other == 0 || allSports {
		return ""
	}
	return fmt.Sprintf("; %d of other sports left out (--all-sports brings them in)", other)
}

// plural is "1 activity" or "2 activities".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// namedNights are the nights of one sleepData file.
type namedNights struct {
	name   string
	nights []garmin.Night
}

// mergeNights merges Garmin's sleep files, oldest range first by their
// names (<from>_<to>_..._sleepData.json): of overlapping ranges the newest
// file wins.
func mergeNights(files []namedNights) []store.Night {
	slices.SortStableFunc(files, func(x, y namedNights) int {
		return strings.Compare(filepath.Base(x.name), filepath.Base(y.name))
	})
	all := make([][]garmin.Night, len(files))
	for i, f := range files {
		all[i] = f.nights
	}
	var out []store.Night
	for _, n := range garmin.MergeNights(all...) {
		out = append(out, store.Night{Day: n.Day, Source: garmin.Source,
			SleepSeconds: n.DeepSeconds + n.LightSeconds + n.RemSeconds, Score: n.Score})
	}
	return out
}

const activitiesHelp = `Usage:
  laceup activities import PATH... [--tz ZONE] [--all-sports] [--db PATH]
  laceup activities list [--date D | --week YYYY-Www] [--json] [--db PATH]
  laceup activities remove (--date D | --week YYYY-Www | --all)
                           [--source S] [--sport NAME] [--db PATH]

import reads the sessions you already rated on your watch or in an app:
  - a Strava account export (Settings > My Account > Download or Delete
    Your Account): the .zip, the folder it unzips to, or its activities.csv;
  - a Garmin "Export Your Data" archive, .zip or folder: its
    *_summarizedActivities.json, and the nights of its *_sleepData.json;
  - .fit or .fit.gz files from a watch, or a folder of them.
The kind is told from each file. Runs only, unless --all-sports. A session
keeps its own rating (CR-10, 1-10) or none: Strava's Relative Effort and
Garmin's training load are heart-rate scores, never taken for it. Importing
the same files again changes nothing; an edited export updates its
sessions. An import never writes a check-in: the check-in form offers a
day's sessions and night, and the meter counts rated sessions in the load
and the hard efforts of a day you checked in (see the README).

  --tz ZONE      the zone Strava's UTC times are counted in, and a FIT
                 file's when it gives none (default this machine's)
  --all-sports   import rides, swims and other cross-training too

list shows the sessions of this week, of --date D or of --week W.
  --json         one object per session

remove deletes the sessions of those days (of one --source: strava, garmin
or fit; of one --sport, as the source names it: Ride, cycling), say after
an import with the wrong --tz or --all-sports. Check-ins and nights stay;
importing the files again brings the sessions back.
`
