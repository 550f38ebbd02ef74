package tui

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
	"github.com/laceup/laceup/tui/report"
)

// question is one step of the check-in form: a field of the check-in (its
// name, range and whether it is optional come from slump.Fields) and how
// the form asks it.
type question struct {
	slump.Field
	prompt string
	hint   string
	step   float64  // what one arrow press adds
	start  float64  // where arrows start on an empty answer
	labels []string // scale labels, index value-Min; none for a plain number
	short  []string // shorter labels for a narrow terminal, where they differ
	unit   string
	keys   []rune // for a Choice: the key that picks each of Field.Values
}

// whenToCheckIn is said on the first question of today's check-in.
const whenToCheckIn = "Check in at the end of the day, once today's training is done: it asks about today's training and last night's sleep."

// formOrder is the order the form asks the fields in: legs and the kind of
// day right after the training they describe.
var formOrder = []string{slump.FieldMood, slump.FieldMotivation, slump.FieldSleepHours, slump.FieldEffort,
	slump.FieldLegs, slump.FieldDayType, slump.FieldMinutes, slump.FieldSleepQuality, slump.FieldNote}

// questions returns the form's questions, one per field of slump.Fields in
// formOrder. day is how the questions name the day: "today", "yesterday" or
// "that day"; cfg gives the sleep target the hint quotes.
func questions(day string, cfg slump.Config) []question {
	sleepHint := "Type hours like 7.5 or 7:30. Adults need 7 or more."
	if cfg.SleepTargetHours != slump.DefaultConfig().SleepTargetHours {
		sleepHint = fmt.Sprintf("Type hours like 7.5 or 7:30. Your target is %g h.", cfg.SleepTargetHours)
	}
	how := map[string]question{
		slump.FieldMood: {prompt: pick(day, "How is your mood today?", "How was your mood "+day+"?"), step: 1, start: 3,
			labels: []string{"awful", "low", "okay", "good", "great"}},
		slump.FieldMotivation: {prompt: "How do you feel about lacing up?", step: 1, start: 3,
			labels: []string{"lacing up feels daunting", "reluctant", "neutral", "keen", "can't wait to run"}},
		slump.FieldSleepHours: {prompt: pick(day, "How many hours did you sleep last night?", "How many hours did you sleep the night before "+day+"?"),
			step: 0.5, start: 7, unit: "hours", hint: sleepHint},
		slump.FieldEffort: {prompt: "How hard did " + day + "'s training feel?", step: 1, start: 3,
			labels: []string{"complete rest day", "very, very easy", "easy", "moderate", "somewhat hard",
				"challenging", "", "very hard", "", "", "maximal"}},
		slump.FieldLegs: {prompt: "How did your legs feel?", step: 1, start: 3,
			labels: []string{"heavy and flat, easy paces felt hard", "heavy", "okay", "fresh", "a pop in my legs"},
			short:  []string{"heavy and flat"},
			hint:   "Optional: press enter to skip."},
		slump.FieldDayType: {prompt: pick(day, "What kind of day was it?", "What kind of day was "+day+"?"),
			keys: []rune{'n', 's', 'i', 't', 'r'},
			hint: "Press its key; enter keeps the one marked. Sick and injured days count as rest."},
		slump.FieldMinutes: {prompt: "How many minutes did you train?", step: 5, start: 30, unit: "minutes",
			hint: "Optional: press enter to skip."},
		slump.FieldSleepQuality: {prompt: "How well did you sleep?", step: 1, start: 3,
			labels: []string{"awful", "poor", "okay", "good", "great"},
			hint:   "Optional: press enter to skip."},
		slump.FieldNote: {prompt: "Anything to note? A niggle, how the legs felt…",
			hint: "Optional: press enter to save without a note."},
	}
	var qs []question
	for _, name := range formOrder {
		q := how[name]
		q.Field, _ = slump.FieldNamed(name)
		qs = append(qs, q)
	}
	return qs
}

// scale reports whether the question is answered on a labelled scale.
func (q question) scale() bool { return len(q.labels) > 0 }

// checkinModel is the check-in form: one question at a time. Each answer is
// kept as typed, so an invalid answer can be shown with its error and fixed.
type checkinModel struct {
	date      slump.Date
	today     slump.Date
	editing   bool // the day already has a check-in
	questions []question
	answers   []string // as typed, one per question (the note lives in note)
	idx       int
	err       error // inline error of the current question
	note      textinput.Model
	keys      formKeys
	width     int
	cfg       slump.Config // the runner's settings: which efforts are hard

	// recorded is what was imported for the day (laceup activities
	// import), shown on the questions it bears on; prefilled names the
	// answers it filled in.
	recorded  activity.Day
	prefilled map[string]bool

	// savedNote is the note of the day as saved; shownNote is how the note
	// field showed it (on one line, without control characters). While the
	// field still shows shownNote, savedNote is saved exactly as it was.
	savedNote, shownNote string
}

func newCheckinModel(d slump.Date, existing *slump.Checkin, today slump.Date, cfg slump.Config) checkinModel {
	qs := questions(relativeDay(d, today), cfg)
	m := checkinModel{
		date:      d,
		today:     today,
		questions: qs,
		answers:   make([]string, len(qs)),
		keys:      defaultFormKeys(),
		width:     80,
		cfg:       cfg,
	}
	m.note = textinput.New()
	// No CharLimit: textinput would cut a long paste silently. A note over
	// slump.MaxNoteRunes is refused with the note's error when saving.
	m.note.Placeholder = "optional"
	m.note.Prompt = "› "
	// A steady cursor: no blink timer ticking while the runner thinks.
	m.note.Cursor.SetMode(cursor.CursorStatic)
	if existing != nil {
		m.editing = true
		m.prefill(*existing)
	}
	m.updateKeys()
	return m
}

func (m *checkinModel) prefill(c slump.Checkin) {
	answers := slump.AnswersOf(c)
	for i, q := range m.questions {
		if q.Kind == slump.Text {
			m.savedNote = c.Note
			m.note.SetValue(slump.Printable(c.Note, false))
			m.shownNote = m.note.Value()
		} else {
			m.answers[i] = answers[q.Name]
		}
	}
}

// setRecorded shows what was imported for the day and, on a day not yet
// checked in, offers the answers it suggests where the runner has typed
// none: the hardest session's rating as the effort, the sum of the
// sessions' moving time as the minutes, the watch's night as the sleep.
// The runner can change each; the check-in saved is theirs.
func (m *checkinModel) setRecorded(d activity.Day) {
	m.recorded = d
	if m.editing {
		return
	}
	effort, minutes, sleep := d.Suggested()
	suggest := map[string]string{}
	if effort != nil {
		suggest[slump.FieldEffort] = strconv.Itoa(*effort)
	}
	if minutes != nil {
		suggest[slump.FieldMinutes] = strconv.Itoa(*minutes)
	}
	if sleep != nil {
		suggest[slump.FieldSleepHours] = hoursMinutes(*sleep)
	}
	for i, q := range m.questions {
		if v, ok := suggest[q.Name]; ok && m.answers[i] == "" {
			m.answers[i] = v
			if m.prefilled == nil {
				m.prefilled = map[string]bool{}
			}
			m.prefilled[q.Name] = true
		}
	}
}

// hoursMinutes writes hours as H:MM, the way the sleep question reads them.
func hoursMinutes(h float64) string {
	mins := int(math.Round(h * 60))
	return fmt.Sprintf("%d:%02d", mins/60, mins%60)
}

// recordedLines is what the current question shows of the day's
// recordings: the sessions on the effort and minutes questions (at most
// three, and how many more), the night on the sleep question.
func (m checkinModel) recordedLines() []string {
	q := m.current()
	var out []string
	switch q.Name {
	case slump.FieldEffort, slump.FieldMinutes:
		ss := activity.Distinct(m.recorded.Sessions)
		if len(ss) == 0 {
			return nil
		}
		for i, a := range ss {
			if i == 3 {
				out = append(out, fmt.Sprintf("  +%d more (laceup activities list --date %s)", len(ss)-3, m.date))
				break
			}
			out = append(out, "  "+report.ActivityLine(a))
		}
		out = append([]string{"Recorded that day:"}, out...)
		switch {
		case q.Name == slump.FieldEffort && m.answers[m.idx] == "0":
			out = append(out, "A rest day stays a rest day: the meter does not count these.")
		case m.prefilled[q.Name] && q.Name == slump.FieldEffort:
			out = append(out, "The answer is your hardest session's rating: change it if the day felt different.")
		case m.prefilled[q.Name]:
			out = append(out, "The answer is their moving time.")
		}
		return out
	case slump.FieldSleepHours:
		if m.recorded.SleepHours == nil {
			return nil
		}
		line := fmt.Sprintf("Your watch measured %s of sleep (deep, light and REM).", hoursMinutes(*m.recorded.SleepHours))
		if m.prefilled[q.Name] {
			line = strings.TrimSuffix(line, ".") + ", filled in as your answer: change it if you know better."
		}
		return []string{line}
	}
	return nil
}

func (m *checkinModel) setWidth(w int) {
	m.width = w
	m.note.Width = max(20, w-10)
}

func (m checkinModel) current() question { return m.questions[m.idx] }

// Update handles one key on the current question.
func (m checkinModel) Update(msg tea.Msg) (checkinModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	q := m.current()
	switch {
	case key.Matches(k, m.keys.Cancel):
		return m, func() tea.Msg { return cancelMsg{} }
	case key.Matches(k, m.keys.Back):
		if m.idx > 0 {
			m.move(m.idx - 1)
		}
		return m, nil
	case key.Matches(k, m.keys.Next):
		return m.confirm()
	case key.Matches(k, m.keys.Save):
		return m.submit()
	}

	if q.Kind == slump.Text {
		if k.Type == tea.KeyRunes { // typed or pasted: nothing that would act on the terminal when shown
			k.Runes = slices.DeleteFunc(slices.Clone(k.Runes), func(r rune) bool {
				return slump.TerminalControl(r) && r != '\n' && r != '\r' && r != '\t' // these become spaces
			})
		}
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(k)
		m.err = nil
		return m, cmd
	}
	if q.Kind == slump.Choice {
		return m.choose(k)
	}

	switch {
	case key.Matches(k, m.keys.Up):
		m.adjust(+1)
	case key.Matches(k, m.keys.Down):
		m.adjust(-1)
	case k.Type == tea.KeyBackspace:
		a := []rune(m.answers[m.idx])
		if len(a) > 0 {
			m.setAnswer(string(a[:len(a)-1]))
		}
	case k.Type == tea.KeyRunes:
		m.typeRunes(k.Runes)
	}
	m.updateKeys()
	return m, nil
}

// choose handles a key on a Choice question: its letter picks a value and
// moves on (one keystroke); the arrows move the mark.
func (m checkinModel) choose(k tea.KeyMsg) (checkinModel, tea.Cmd) {
	q := m.current()
	at := max(0, slices.Index(q.Values, m.answers[m.idx]))
	switch {
	case key.Matches(k, m.keys.Up):
		at = (at + len(q.Values) - 1) % len(q.Values)
	case key.Matches(k, m.keys.Down):
		at = (at + 1) % len(q.Values)
	case k.Type == tea.KeyRunes && len(k.Runes) == 1:
		i := slices.Index(q.keys, unicode.ToLower(k.Runes[0]))
		if i < 0 {
			m.err = &slump.FieldError{Field: q.Name, Got: strconv.Quote(string(k.Runes)), Want: q.Want()}
			return m, nil
		}
		m.answers[m.idx], m.err = q.Values[i], nil
		return m.confirm()
	default:
		return m, nil
	}
	m.answers[m.idx], m.err = q.Values[at], nil
	m.updateKeys()
	return m, nil
}

// typeRunes adds typed characters to the answer. On a scale, a digit that
// cannot extend the answer starts a new one, so "4" then "3" reads 3, while
// "1" then "0" on effort reads 10.
func (m *checkinModel) typeRunes(rs []rune) {
	q := m.current()
	for _, r := range rs {
		if unicode.IsControl(r) {
			continue
		}
		cur := m.answers[m.idx]
		next := cur + string(r)
		if q.scale() && unicode.IsDigit(r) && cur != "" {
			if _, err := m.parse(next); err != nil {
				if _, err := m.parse(string(r)); err == nil {
					next = string(r)
				}
			}
		}
		if len(next) > 12 {
			continue
		}
		m.setAnswer(next)
	}
}

// setAnswer stores the answer as typed and shows an error at once if it
// cannot be valid.
func (m *checkinModel) setAnswer(s string) {
	m.answers[m.idx] = s
	m.err = nil
	if s != "" {
		if _, err := m.parse(s); err != nil {
			m.err = err
		}
	}
}

// adjust moves the answer one step up or down, clamped to the range.
func (m *checkinModel) adjust(dir int) {
	q := m.current()
	v, err := m.parse(m.answers[m.idx])
	if err != nil || m.answers[m.idx] == "" {
		v = q.start
	} else {
		v += float64(dir) * q.step
	}
	v = math.Max(float64(q.Min), math.Min(float64(q.Max), v))
	if q.Kind == slump.Hours {
		m.setAnswer(slump.FormatHours(v))
	} else {
		m.setAnswer(strconv.Itoa(int(v)))
	}
}

// parse reads an answer of the current question.
func (m checkinModel) parse(s string) (float64, error) { return m.current().ParseNumber(s) }

// confirm accepts the current answer and moves on; on the last question it
// submits the check-in.
func (m checkinModel) confirm() (checkinModel, tea.Cmd) {
	q := m.current()
	if q.Kind != slump.Text && q.Kind != slump.Choice {
		a := strings.TrimSpace(m.answers[m.idx])
		switch {
		case a == "" && !q.Optional:
			m.err = &slump.FieldError{Field: q.Name, Want: q.Want()}
			return m, nil
		case a != "":
			if _, err := m.parse(a); err != nil {
				m.err = err
				return m, nil
			}
		}
	}
	if m.idx < len(m.questions)-1 {
		m.move(m.idx + 1)
		return m, nil
	}
	return m.submit()
}

// submit validates every answer and sends the check-in, or shows the first
// wrong answer with its error.
func (m checkinModel) submit() (checkinModel, tea.Cmd) {
	c, err := m.checkin()
	if err != nil {
		var fe *slump.FieldError
		if errors.As(err, &fe) {
			for i, q := range m.questions {
				if q.Name == fe.Field {
					m.move(i)
				}
			}
		}
		m.err = err
		return m, nil
	}
	return m, func() tea.Msg { return submitMsg{checkin: c} }
}

func (m *checkinModel) move(i int) {
	m.idx = i
	m.err = nil
	if m.current().Kind == slump.Text {
		m.note.Focus()
		m.note.CursorEnd()
	} else {
		m.note.Blur()
	}
	m.updateKeys()
}

// updateKeys keeps the help truthful for the current question.
func (m *checkinModel) updateKeys() {
	q := m.current()
	adjustable := q.Kind != slump.Text
	m.keys.Up.SetEnabled(adjustable)
	m.keys.Down.SetEnabled(adjustable)
	m.keys.Adjust.SetEnabled(adjustable)
	m.keys.Back.SetEnabled(m.idx > 0)
	desc := "next"
	switch {
	case m.idx == len(m.questions)-1:
		desc = "save"
	case q.Kind == slump.Choice:
		desc = "keep"
	case q.Optional && m.answers[m.idx] == "":
		desc = "skip"
	}
	m.keys.Next.SetHelp("enter", desc)
}

// checkin builds the check-in from the answers as typed, with the one
// parser of slump, and validates it.
func (m checkinModel) checkin() (slump.Checkin, error) {
	answers := make(map[string]string, len(m.questions))
	for i, q := range m.questions {
		if q.Kind == slump.Text {
			answers[q.Name] = m.noteAnswer()
		} else {
			answers[q.Name] = strings.TrimSpace(m.answers[i])
		}
	}
	return slump.ParseAnswers(m.date, m.today, answers)
}

// noteAnswer is the note to save: the saved note, exactly, while the field
// shows it unedited; else what the runner typed, cleaned (slump.CleanNote).
func (m checkinModel) noteAnswer() string {
	if m.note.Value() == m.shownNote {
		return m.savedNote
	}
	return slump.CleanNote(m.note.Value())
}

// formLayout is how much of the form a terminal shows.
type formLayout struct {
	when     bool // when to check in, on the first question of today's form
	gaps     bool // blank lines between the parts
	recall   bool // the answers so far, after the progress
	progress bool // "Question 1 of 9"
	title    int  // lines of the title: 2 wrapped as needed, 1 cut short, 0 none
	rows     int  // of a scale or a choice, the rows shown around the answer
	recorded int  // lines of the day's recordings: all, or 0
}

// formCuts are what a small terminal takes from the form, least important
// first: the question, its answer line and the error or hint always stay;
// the day's recordings go once the scale is down to 3 rows.
var formCuts = []func(*formLayout) bool{
	func(l *formLayout) bool { was := l.when; l.when = false; return was },
	func(l *formLayout) bool { was := l.gaps; l.gaps = false; return was },
	func(l *formLayout) bool { was := l.recall; l.recall = false; return was },
	func(l *formLayout) bool { return l.rows > 3 && decr(&l.rows) },
	func(l *formLayout) bool { was := l.recorded > 0; l.recorded = 0; return was },
	func(l *formLayout) bool { return l.title > 1 && decr(&l.title) },
	func(l *formLayout) bool { was := l.progress; l.progress = false; return was },
	func(l *formLayout) bool { return l.rows > 1 && decr(&l.rows) },
	func(l *formLayout) bool { return l.title > 0 && decr(&l.title) },
}

func decr(n *int) bool { (*n)--; return true }

// View draws the current question in width x height: the title, the
// progress with the answers so far, the question, its scale (or choices,
// or answer line), and the inline error or the hint. A small terminal
// first loses the advice on when to check in, then the blank lines, the
// answers so far, most of the scale (the rows nearest the answer stay),
// the title's second line, the progress, the rest of the scale and the
// title: the question, the answer line and the error or hint always show.
func (m checkinModel) View(st styles, width, height int) string {
	q := m.current()
	l := formLayout{
		when: m.idx == 0 && !m.editing && m.date == m.today, gaps: true, recall: true, progress: true,
		title: 2, rows: len(q.Values), recorded: len(m.recordedLines()),
	}
	if q.scale() {
		l.rows = q.Max - q.Min + 2 // and the answer as typed, when it is not on the scale
	}
	out := m.render(st, width, l)
	for lipgloss.Height(out) > height {
		cut := false
		for _, c := range formCuts {
			if cut = c(&l); cut {
				break
			}
		}
		if !cut {
			break
		}
		out = m.render(st, width, l)
	}
	return out
}

// render draws the form as l lays it out.
func (m checkinModel) render(st styles, width int, l formLayout) string {
	q := m.current()
	wrap := max(20, width)
	var lines []string
	gap := func() {
		if l.gaps {
			lines = append(lines, "")
		}
	}
	switch l.title {
	case 2:
		lines = append(lines, st.title.Render(ansi.Wordwrap(m.title(false), wrap, "")))
	case 1:
		lines = append(lines, st.title.Render(fitFirst(width, m.title(false), m.title(true),
			strings.SplitN(m.title(true), " (", 2)[0])))
	}
	if l.progress {
		progress := st.subtle.Render(fmt.Sprintf("Question %d of %d%s", m.idx+1, len(m.questions),
			map[bool]string{true: " · optional", false: ""}[q.Optional]))
		if l.recall {
			progress += m.soFar(st)
		}
		lines = append(lines, ansi.Wordwrap(progress, wrap, ""))
	}
	if len(lines) > 0 {
		gap()
	}
	if l.when {
		// The questions are about today's training and last night's
		// sleep: in the morning, today has not happened yet.
		lines = append(lines, st.subtle.Render(ansi.Wordwrap(whenToCheckIn, wrap, "")))
		gap()
	}
	lines = append(lines, st.label.Render(ansi.Wordwrap(q.prompt, wrap, "")))
	gap()
	switch {
	case q.Kind == slump.Text:
		lines = append(lines, m.note.View())
	case q.Kind == slump.Choice:
		lines = append(lines, m.choiceView(st, q, width, l.rows)...)
	case q.scale():
		lines = append(lines, m.scaleView(st, q, width, l.rows)...)
	default:
		lines = append(lines, m.numberView(st, q))
	}
	gap()
	if l.recorded > 0 {
		for _, line := range m.recordedLines() {
			lines = append(lines, st.subtle.Render(ansi.Wordwrap(line, wrap, "")))
		}
		gap()
	}
	if m.err != nil {
		lines = append(lines, st.errText.Width(wrap).Render("✗ "+slump.Printable(m.err.Error(), false)))
	} else if q.hint != "" {
		lines = append(lines, st.subtle.Render(ansi.Wordwrap(q.hint, wrap, "")))
	} else {
		lines = append(lines, st.subtle.Render(ansi.Wordwrap(fmt.Sprintf("Type a number from %d to %d, or use the arrows.", q.Min, q.Max), wrap, "")))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// title names the form and its day, in full or short.
func (m checkinModel) title(short bool) string {
	if short {
		verb := "Check-in"
		if m.editing {
			verb = "Editing"
		}
		day := m.date.Time().Format("Mon 2 Jan")
		switch m.today.DaysSince(m.date) {
		case 0:
			day += " (today)"
		case 1:
			day += " (yesterday)"
		}
		return verb + " · " + day
	}
	verb := "Check-in"
	if m.editing {
		verb = "Editing the check-in"
	}
	return fmt.Sprintf("%s for %s", verb, longDay(m.date, m.today))
}

// choiceView lists the values of a Choice with the key that picks each,
// the current one (the first, normal, until another is picked) marked.
// With fewer rows than values they share lines.
func (m checkinModel) choiceView(st styles, q question, width, rows int) []string {
	at := max(0, slices.Index(q.Values, m.answers[m.idx]))
	var out []string
	if rows < len(q.Values) {
		items := make([]string, len(q.Values))
		for i, v := range q.Values {
			items[i] = fmt.Sprintf("%c %s", q.keys[i], v)
			if i == at {
				items[i] = st.selected.Render("› " + items[i])
			}
		}
		return splitLines(wrapItems(items, " · ", width))
	}
	for i, v := range q.Values {
		line := fmt.Sprintf("%c  %s", q.keys[i], v)
		if i == at {
			out = append(out, st.selected.Render("› "+line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

// soFar recalls the answers before the current question, so the runner
// sees what they are about to save.
func (m checkinModel) soFar(st styles) string {
	var parts []string
	for i, q := range m.questions[:m.idx] {
		a := strings.TrimSpace(m.answers[i])
		if a == "" || q.Kind == slump.Text || q.Name == slump.FieldDayType && a == string(slump.DayNormal) {
			continue
		}
		a = slump.Printable(a, false)
		switch q.Name {
		case slump.FieldSleepHours:
			a = "sleep " + a + " h"
		case slump.FieldDayType:
			// the day type alone: "race"
		case slump.FieldMinutes:
			a += " min"
		default:
			a = strings.ReplaceAll(q.Name, "_", " ") + " " + a
		}
		parts = append(parts, a)
	}
	if len(parts) == 0 {
		return ""
	}
	return st.subtle.Render(" · " + strings.Join(parts, " · "))
}

// scaleView lists the scale from its highest value down, so "up" means
// more, each label as long as width allows. With fewer rows than values
// it shows the rows nearest the answer, under an answer line ("› _") when
// none is picked yet.
func (m checkinModel) scaleView(st styles, q question, width, rows int) []string {
	sel := -1
	if v, err := m.parse(m.answers[m.idx]); err == nil && m.answers[m.idx] != "" {
		sel = int(v)
	}
	var all []string
	at := 0 // the row of the answer, or of where the arrows start
	for v := q.Max; v >= q.Min; v-- {
		label := q.labels[v-q.Min]
		if q.Name == slump.FieldEffort && m.cfg.IsHard(v) {
			label = strings.TrimPrefix(label+" · hard effort", " · ")
		}
		head := fmt.Sprintf("%2d  ", v)
		if room := width - 2 - len(head); lipgloss.Width(label) > room {
			if v-q.Min < len(q.short) && q.short[v-q.Min] != "" {
				label = q.short[v-q.Min]
			}
			label = cutWords(label, room)
		}
		line := strings.TrimRight(head+label, " ")
		if v == sel || sel < 0 && v == int(q.start) {
			at = len(all)
		}
		if v == sel {
			all = append(all, st.selected.Render("› "+line))
		} else {
			all = append(all, "  "+line)
		}
	}
	var answer []string
	switch {
	case sel < 0 && m.answers[m.idx] != "" && rows >= len(all):
		return append(all, st.errText.Render("  typed: "+slump.Printable(m.answers[m.idx], false)))
	case rows >= len(all):
		return all
	case sel < 0 && m.answers[m.idx] != "":
		answer = []string{"› " + st.errText.Render(slump.Printable(m.answers[m.idx], false))}
	case sel < 0:
		answer = []string{"› " + st.subtle.Render("_")}
	}
	n := max(0, rows-len(answer))
	first := max(0, min(len(all)-n, at-(n-1)/2))
	return append(answer, all[first:first+n]...)
}

func (m checkinModel) numberView(st styles, q question) string {
	a := m.answers[m.idx]
	shown := st.subtle.Render("_")
	if a != "" {
		shown = st.selected.Render(slump.Printable(a, false))
	}
	return fmt.Sprintf("› %s %s   %s", shown, q.unit,
		st.subtle.Render(fmt.Sprintf("↑/↓ ±%s", slump.FormatHours(q.step))))
}

// pick returns the wording for today, or else the one for another day.
func pick(day, forToday, forOther string) string {
	if day == "today" {
		return forToday
	}
	return forOther
}

// relativeDay is how a question names the day of the check-in.
func relativeDay(d, today slump.Date) string {
	switch today.DaysSince(d) {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return "that day"
}

// longDay names the day of a check-in in full, with "today"/"yesterday".
func longDay(d, today slump.Date) string {
	s := d.Time().Format("Monday 2 January 2006")
	switch today.DaysSince(d) {
	case 0:
		s += " (today)"
	case 1:
		s += " (yesterday)"
	}
	return s
}
