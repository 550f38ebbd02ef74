package tui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
)

type answerKind int

const (
	scaleAnswer   answerKind = iota // a whole number with a label per value
	numberAnswer                    // a whole number without labels (minutes)
	decimalAnswer                   // hours, decimals allowed (sleep)
	textAnswer                      // free text (note)
)

// question is one step of the check-in form.
type question struct {
	field    string // slump.Field*, also the name in error messages
	prompt   string
	hint     string
	kind     answerKind
	optional bool
	min, max int
	step     float64  // what one arrow press adds
	start    float64  // where arrows start on an empty answer
	labels   []string // scale labels, index value-min
	unit     string
}

// questions returns the form's questions in order: the four core ones, then
// the optional ones. day is how the questions name the day: "today",
// "yesterday" or "that day".
func questions(day string) []question {
	return []question{
		{field: slump.FieldMood, prompt: pick(day, "How is your mood today?", "How was your mood "+day+"?"), kind: scaleAnswer,
			min: slump.MinMood, max: slump.MaxMood, step: 1, start: 3,
			labels: []string{"awful", "low", "okay", "good", "great"}},
		{field: slump.FieldMotivation, prompt: "How do you feel about lacing up?", kind: scaleAnswer,
			min: slump.MinMotivation, max: slump.MaxMotivation, step: 1, start: 3,
			labels: []string{"lacing up feels daunting", "reluctant", "neutral", "keen", "can't wait to run"}},
		{field: slump.FieldSleepHours, prompt: pick(day, "How many hours did you sleep last night?", "How many hours did you sleep the night before "+day+"?"), kind: decimalAnswer,
			min: slump.MinSleepHours, max: slump.MaxSleepHours, step: 0.5, start: 7, unit: "hours",
			hint: "Type hours like 7 or 7.5. Adults need 7 or more."},
		{field: slump.FieldEffort, prompt: "How hard did " + day + "'s training feel?", kind: scaleAnswer,
			min: slump.MinEffort, max: slump.MaxEffort, step: 1, start: 3,
			labels: []string{"complete rest day", "very, very easy", "easy", "moderate", "somewhat hard",
				"hard", "", "very hard", "", "", "maximal"}},
		{field: slump.FieldMinutes, prompt: "How many minutes did you train?", kind: numberAnswer, optional: true,
			min: slump.MinMinutes, max: slump.MaxMinutes, step: 5, start: 30, unit: "minutes",
			hint: "Optional: press enter to skip."},
		{field: slump.FieldSleepQuality, prompt: "How well did you sleep?", kind: scaleAnswer, optional: true,
			min: slump.MinSleepQuality, max: slump.MaxSleepQuality, step: 1, start: 3,
			labels: []string{"awful", "poor", "okay", "good", "great"},
			hint:   "Optional: press enter to skip."},
		{field: slump.FieldNote, prompt: "Anything to note? A niggle, how the legs felt…", kind: textAnswer,
			optional: true, hint: "Optional: press enter to save without a note."},
	}
}

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
	hard      int // the effort from which a day counts as a hard effort
}

func newCheckinModel(d slump.Date, existing *slump.Checkin, today slump.Date, hard int) checkinModel {
	qs := questions(relativeDay(d, today))
	m := checkinModel{
		date:      d,
		today:     today,
		questions: qs,
		answers:   make([]string, len(qs)),
		keys:      defaultFormKeys(),
		width:     80,
		hard:      hard,
	}
	m.note = textinput.New()
	m.note.CharLimit = slump.MaxNoteRunes
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
	for i, q := range m.questions {
		switch q.field {
		case slump.FieldMood:
			m.answers[i] = strconv.Itoa(c.Mood)
		case slump.FieldMotivation:
			m.answers[i] = strconv.Itoa(c.Motivation)
		case slump.FieldSleepHours:
			m.answers[i] = formatHours(c.SleepHours)
		case slump.FieldEffort:
			m.answers[i] = strconv.Itoa(c.Effort)
		case slump.FieldMinutes:
			if c.Minutes != nil {
				m.answers[i] = strconv.Itoa(*c.Minutes)
			}
		case slump.FieldSleepQuality:
			if c.SleepQuality != nil {
				m.answers[i] = strconv.Itoa(*c.SleepQuality)
			}
		case slump.FieldNote:
			m.note.SetValue(c.Note)
		}
	}
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

	if q.kind == textAnswer {
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		m.err = nil
		return m, cmd
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
		if q.kind == scaleAnswer && unicode.IsDigit(r) && cur != "" {
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
	v = math.Max(float64(q.min), math.Min(float64(q.max), v))
	if q.kind == decimalAnswer {
		m.setAnswer(formatHours(v))
	} else {
		m.setAnswer(strconv.Itoa(int(v)))
	}
}

// parse reads an answer of the current question.
func (m checkinModel) parse(s string) (float64, error) {
	q := m.current()
	if q.kind == decimalAnswer {
		return slump.ParseSleep(s)
	}
	v, err := slump.ParseInt(q.field, s, q.min, q.max)
	return float64(v), err
}

// confirm accepts the current answer and moves on; on the last question it
// submits the check-in.
func (m checkinModel) confirm() (checkinModel, tea.Cmd) {
	q := m.current()
	if q.kind != textAnswer {
		a := strings.TrimSpace(m.answers[m.idx])
		switch {
		case a == "" && !q.optional:
			m.err = &slump.FieldError{Field: q.field, Want: wantText(q)}
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
				if q.field == fe.Field {
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
	if m.current().kind == textAnswer {
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
	adjustable := q.kind != textAnswer
	m.keys.Up.SetEnabled(adjustable)
	m.keys.Down.SetEnabled(adjustable)
	m.keys.Adjust.SetEnabled(adjustable)
	m.keys.Back.SetEnabled(m.idx > 0)
	desc := "next"
	switch {
	case m.idx == len(m.questions)-1:
		desc = "save"
	case q.optional && m.answers[m.idx] == "":
		desc = "skip"
	}
	m.keys.Next.SetHelp("enter", desc)
}

func (m checkinModel) answer(field string) string {
	for i, q := range m.questions {
		if q.field == field {
			return strings.TrimSpace(m.answers[i])
		}
	}
	return ""
}

// checkin builds the check-in from the answers and validates it.
func (m checkinModel) checkin() (slump.Checkin, error) {
	c := slump.Checkin{Date: m.date, Note: slump.CleanNote(m.note.Value())}
	var err error
	intField := func(field string, lo, hi int) int {
		if err != nil {
			return 0
		}
		var v int
		v, err = slump.ParseInt(field, m.answer(field), lo, hi)
		return v
	}
	optField := func(field string, lo, hi int) *int {
		if m.answer(field) == "" {
			return nil
		}
		v := intField(field, lo, hi)
		return &v
	}
	c.Mood = intField(slump.FieldMood, slump.MinMood, slump.MaxMood)
	c.Motivation = intField(slump.FieldMotivation, slump.MinMotivation, slump.MaxMotivation)
	if err == nil {
		c.SleepHours, err = slump.ParseSleep(m.answer(slump.FieldSleepHours))
	}
	c.Effort = intField(slump.FieldEffort, slump.MinEffort, slump.MaxEffort)
	c.Minutes = optField(slump.FieldMinutes, slump.MinMinutes, slump.MaxMinutes)
	c.SleepQuality = optField(slump.FieldSleepQuality, slump.MinSleepQuality, slump.MaxSleepQuality)
	if err != nil {
		return slump.Checkin{}, err
	}

	return c, c.Validate(m.today)
}

func wantText(q question) string {
	if q.kind == decimalAnswer {
		return fmt.Sprintf("hours from %d to %d, decimals allowed (7.5)", q.min, q.max)
	}
	return fmt.Sprintf("a whole number from %d to %d", q.min, q.max)
}

func formatHours(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64)
}

// View draws the current question with its scale, the inline error and the
// progress through the form.
func (m checkinModel) View(st styles) string {
	q := m.current()
	verb := "Check-in"
	if m.editing {
		verb = "Editing the check-in"
	}
	header := st.title.Render(fmt.Sprintf("%s for %s", verb, longDay(m.date, m.today)))
	progress := st.subtle.Render(fmt.Sprintf("Question %d of %d%s", m.idx+1, len(m.questions),
		map[bool]string{true: " · optional", false: ""}[q.optional]))

	lines := []string{header, truncate(progress+m.soFar(st), max(20, m.width-4)), "", st.label.Render(q.prompt), ""}
	switch q.kind {
	case scaleAnswer:
		lines = append(lines, m.scaleView(st, q)...)
	case numberAnswer, decimalAnswer:
		lines = append(lines, m.numberView(st, q))
	case textAnswer:
		lines = append(lines, m.note.View())
	}
	lines = append(lines, "")
	if m.err != nil {
		lines = append(lines, st.errText.Width(max(20, m.width-4)).Render("✗ "+slump.Printable(m.err.Error(), false)))
	} else if q.hint != "" {
		lines = append(lines, st.subtle.Render(q.hint))
	} else {
		lines = append(lines, st.subtle.Render(fmt.Sprintf("Type a number from %d to %d, or use the arrows.", q.min, q.max)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// soFar recalls the answers before the current question, so the runner
// sees what they are about to save.
func (m checkinModel) soFar(st styles) string {
	var parts []string
	for i, q := range m.questions[:m.idx] {
		a := strings.TrimSpace(m.answers[i])
		if a == "" || q.kind == textAnswer {
			continue
		}
		name := strings.ReplaceAll(q.field, "_", " ")
		if q.field == slump.FieldSleepHours {
			name, a = "sleep", a+" h"
		}
		parts = append(parts, name+" "+slump.Printable(a, false))
	}
	if len(parts) == 0 {
		return ""
	}
	return st.subtle.Render(" · " + strings.Join(parts, " · "))
}

// scaleView lists the scale from its highest value down, so "up" means more.
func (m checkinModel) scaleView(st styles, q question) []string {
	sel := -1
	if v, err := m.parse(m.answers[m.idx]); err == nil && m.answers[m.idx] != "" {
		sel = int(v)
	}
	var out []string
	for v := q.max; v >= q.min; v-- {
		label := q.labels[v-q.min]
		if q.field == slump.FieldEffort && v >= m.hard {
			label = strings.TrimPrefix(label+" · hard effort", " · ")
		}
		line := strings.TrimRight(fmt.Sprintf("%2d  %s", v, label), " ")
		if v == sel {
			out = append(out, st.selected.Render("› "+line))
		} else {
			out = append(out, "  "+line)
		}
	}
	if sel < 0 && m.answers[m.idx] != "" {
		out = append(out, st.errText.Render("  typed: "+slump.Printable(m.answers[m.idx], false)))
	}
	return out
}

func (m checkinModel) numberView(st styles, q question) string {
	a := m.answers[m.idx]
	shown := st.subtle.Render("_")
	if a != "" {
		shown = st.selected.Render(slump.Printable(a, false))
	}
	return fmt.Sprintf("› %s %s   %s", shown, q.unit,
		st.subtle.Render(fmt.Sprintf("↑/↓ ±%s", formatHours(q.step))))
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
