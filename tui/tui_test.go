package tui

import (
	"context"
	"errors"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xgolden "github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

func TestMain(m *testing.M) {
	// Plain text output: goldens and assertions don't depend on the
	// terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixedNow is the clock of every test: Wednesday 25 November 2026, 07:30.
func fixedNow() time.Time { return time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC) }

var today = slump.NewDate(2026, 11, 25)

// fakeJournal is an in-memory Journal. saveErr, when set, fails every Save
// and Delete; loadErr fails every read.
type fakeJournal struct {
	days    map[slump.Date]slump.Checkin
	saves   int
	deletes int
	saveErr error
	loadErr error
	// recorded is what was imported per day (laceup activities import).
	recorded map[slump.Date]activity.Day
	// races is the races table, oldest first.
	races []slump.Race
}

func newFakeJournal(cs ...slump.Checkin) *fakeJournal {
	j := &fakeJournal{days: map[slump.Date]slump.Checkin{}}
	for _, c := range cs {
		j.days[c.Date] = c
	}
	return j
}

func (j *fakeJournal) Range(_ context.Context, from, to slump.Date) ([]slump.Checkin, error) {
	if j.loadErr != nil {
		return nil, j.loadErr
	}
	var out []slump.Checkin
	for d, c := range j.days {
		if !d.Before(from) && !d.After(to) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Date.Before(out[b].Date) })
	return out, nil
}

func (j *fakeJournal) Recorded(_ context.Context, d slump.Date) (activity.Day, error) {
	if j.loadErr != nil {
		return activity.Day{}, j.loadErr
	}
	return j.recorded[d], nil
}

func (j *fakeJournal) Races(context.Context) ([]slump.Race, error) {
	if j.loadErr != nil {
		return nil, j.loadErr
	}
	return j.races, nil
}

func (j *fakeJournal) Get(_ context.Context, d slump.Date) (slump.Checkin, bool, error) {
	if j.loadErr != nil {
		return slump.Checkin{}, false, j.loadErr
	}
	c, ok := j.days[d]
	return c, ok, nil
}

func (j *fakeJournal) Loads(ctx context.Context, _, to slump.Date) ([]slump.Load, error) {
	all, err := j.Range(ctx, slump.NewDate(1, 1, 2), to)
	return slump.LoadsOf(all), err
}

// Snapshot reads as the store does, from Range and Loads.
func (j *fakeJournal) Snapshot(ctx context.Context, day slump.Date) (slump.Snapshot, error) {
	from, to := slump.Window(day)
	snap := slump.Snapshot{Day: day}
	var err error
	if snap.Checkins, err = j.Range(ctx, from, to); err != nil {
		return slump.Snapshot{}, err
	}
	snap.Loads, err = j.Loads(ctx, day, day)
	return snap, err
}

// Period reads as the store does without load states: the check-ins of
// the series window, races marked, and the loads of every check-in.
func (j *fakeJournal) Period(ctx context.Context, from, to slump.Date) (slump.Period, error) {
	p := slump.Period{From: from, To: to}
	start, end := slump.SeriesWindow(from, to)
	cs, err := j.Range(ctx, start, end)
	if err != nil {
		return p, err
	}
	if p.Loads, err = j.Loads(ctx, from, to); err != nil {
		return p, err
	}
	p.Races, _ = j.Races(ctx)
	p.Checkins = slump.MarkRaces(cs, p.Races)
	return p, nil
}

func (j *fakeJournal) Save(_ context.Context, c slump.Checkin) error {
	if j.saveErr != nil {
		return j.saveErr
	}
	if err := c.Validate(c.Date); err != nil {
		return err
	}
	j.saves++
	j.days[c.Date] = c
	return nil
}

func (j *fakeJournal) Delete(_ context.Context, d slump.Date) (slump.Checkin, bool, error) {
	if j.saveErr != nil {
		return slump.Checkin{}, false, j.saveErr
	}
	c, ok := j.days[d]
	if ok {
		j.deletes++
		delete(j.days, d)
	}
	return c, ok, nil
}

// session drives a Model the way the bubbletea runtime would: every
// command a message returns is run and its message fed back, until none is
// left. quit records a tea.Quit.
type session struct {
	t    *testing.T
	m    Model
	quit bool
}

// newSession starts a session against j at 80x24 and runs its Init.
func newSession(t *testing.T, j *fakeJournal, opts Options) *session {
	t.Helper()
	opts.Journal, opts.Now = j, fixedNow
	if opts.Path == "" {
		opts.Path = "/home/runner/.local/share/laceup/journal.db"
	}
	s := &session{t: t, m: New(opts)}
	s.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.run(s.m.Init())
	return s
}

func (s *session) send(msg tea.Msg) *session {
	s.t.Helper()
	next, cmd := s.m.Update(msg)
	s.m = next.(Model)
	s.run(cmd)
	return s
}

func (s *session) run(cmd tea.Cmd) {
	s.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.QuitMsg:
		s.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			s.run(c)
		}
	default:
		s.send(msg)
	}
}

// keys types each item: a named key ("enter", "shift+tab", "esc", "up",
// "backspace", "ctrl+s") or else literal text.
func (s *session) keys(items ...string) *session {
	s.t.Helper()
	for _, it := range items {
		s.send(keyMsg(it))
	}
	return s
}

func (s *session) view() string { return s.m.View() }

func keyMsg(s string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS,
	}
	if k, ok := named[s]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func ck(d slump.Date, mood, motivation int, sleep float64, effort int) slump.Checkin {
	return slump.Checkin{Date: d, Mood: mood, Motivation: motivation, SleepHours: sleep, Effort: effort}
}

func assertContains(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("screen lacks %q:\n%s", w, view)
		}
	}
}

func assertFits(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("screen is %d lines, taller than %d:\n%s", len(lines), height, view)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d cells, wider than %d: %q", i+1, w, width, l)
		}
	}
}

// golden compares a screen with testdata/TESTNAME.golden and shows the
// diff; go test ./tui -update rewrites the files.
func golden(t *testing.T, view string) {
	t.Helper()
	xgolden.RequireEqual(t, []byte(view))
}

func TestStartsWithFormWhenTodayHasNoCheckin(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{})
	if s.m.screen != checkinScreen {
		t.Fatalf("screen = %v, want the check-in form", s.m.screen)
	}
	assertContains(t, s.view(), "Check-in for Wednesday 25 November 2026 (today)", "How is your mood today?", "Question 1 of 9")
}

func TestStartsWithDashboardWhenTodayIsDone(t *testing.T) {
	s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{})
	if s.m.screen != dashboardScreen {
		t.Fatalf("screen = %v, want the dashboard", s.m.screen)
	}
	assertContains(t, s.view(), "Slump meter", "Tip", "Last 7 days", "Today  mood 4")
}

func TestLoadErrorIsFatalAndNamesTheFile(t *testing.T) {
	j := newFakeJournal()
	j.loadErr = errors.New("journal /home/runner/.local/share/laceup/journal.db: disk I/O error")
	s := newSession(t, j, Options{})
	if s.m.screen != fatalScreen || s.m.Err() == nil {
		t.Fatalf("screen = %v, err = %v; want the fatal screen", s.m.screen, s.m.Err())
	}
	assertContains(t, s.view(), "laceup cannot continue", "disk I/O error", "journal.db", "Press any key to quit.")
	if !s.keys("x").quit {
		t.Error("any key should quit the fatal screen")
	}
}

// A journal path that holds escape sequences or a bidi override is shown
// quoted on the fatal screen, and none of it reaches the terminal raw.
func TestFatalScreenNeutralisesThePath(t *testing.T) {
	const path = "/tmp/\x1b]0;pwned\x07/\u202ebd.lanruoj"
	j := newFakeJournal()
	j.loadErr = errors.New("journal " + path + ": disk I/O error")
	s := newSession(t, j, Options{Path: path})
	v := s.view()
	for _, raw := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(v, raw) {
			t.Errorf("the fatal screen shows %q raw:\n%s", raw, v)
		}
	}
	assertContains(t, v, `Journal: "/tmp/\x1b]0;pwned\a/\u202ebd.lanruoj"`, "disk I/O error")
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		s := newSession(t, newFakeJournal(ck(today, 4, 4, 7.5, 3)), Options{})
		if !s.keys(k).quit {
			t.Errorf("%s on the dashboard did not quit", k)
		}
	}
	if !newSession(t, newFakeJournal(), Options{}).keys("ctrl+c").quit {
		t.Error("ctrl+c on the form did not quit")
	}
}

func TestWarningsStayOnEveryScreen(t *testing.T) {
	s := newSession(t, newFakeJournal(), Options{Warnings: []string{"journal /j.db is readable by other users (mode 0644): chmod 600 /j.db"}})
	assertContains(t, s.view(), "Warning: journal /j.db is readable by other users")
	s.keys("esc", "w")
	assertContains(t, s.view(), "Warning: journal /j.db", "chmod 600")
	assertFits(t, s.view(), 80, 24)
}

// A note holding escape sequences, C1 controls or a bidi override shows on
// the dashboard and in the history without them.
func TestScreensShowNoHostileNote(t *testing.T) {
	c := ck(today, 4, 4, 7.5, 3)
	c.Note = "\x1b]0;pwned\x07 easy \u009b31m\n\u202eevil\u202c"
	s := newSession(t, newFakeJournal(c), Options{})
	for _, screen := range []string{"dashboard", "history"} {
		v := s.view()
		assertContains(t, v, "]0;pwned easy 31m")
		for _, raw := range []string{"\x1b", "\x07", "\u009b", "\u202e", "\u202c"} {
			if strings.Contains(v, raw) {
				t.Errorf("the %s shows %q raw:\n%s", screen, raw, v)
			}
		}
		s.keys("w")
	}
}
