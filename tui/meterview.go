package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/tui/report"
)

// meterView draws the meter of one day: the header (the day and the
// check-in streak), the gauge with score and level, the headline, what
// moved the meter, the tip, the 7 days ending on the day, its answers and
// the training load. The dashboard draws today's with it and the meter
// screen any day's, so the two read alike.
type meterView struct {
	reading slump.Reading
	snap    slump.Snapshot // what the reading was computed from: the day strip, the answers, the streaks
	cfg     slump.Config
	title   string // between "laceup · " and the date: "" on the dashboard
	nudge   string // an offer under the headline ("Yesterday is missing: …"), or ""
	missing string // what the answers line says of a day without a check-in
	over    bool   // the day is over (a past day's meter): without a check-in it has no streak
	all     bool   // the signals view: every signal in full, under the gauge
	offset  int    // the signals view: the first line of its reasons shown, when they scroll
	last    int    // the signals view: the offset that shows the last of its reasons (see fit)
}

// canScroll reports whether the signals view has more to show above
// (dir < 0) or below (dir > 0) what it shows.
func (v meterView) canScroll(dir int) bool {
	if !v.all {
		return false
	}
	if dir < 0 {
		return v.offset > 0
	}
	return v.offset < v.last
}

// fit sets how far the signals view scrolls in width x height, and keeps
// its offset within that.
func (v meterView) fit(st styles, width, height int) meterView {
	v.last = 0
	if v.all {
		p := v.parts(st, width)
		if l, _ := v.layout(p); p.height(l) > height {
			if _, last, ok := v.scrolled(st, p, height); ok {
				v.last = last
			}
		}
	}
	v.offset = max(0, min(v.offset, v.last))
	return v
}

// hasSignals reports whether the reading has signals or notes to list, so
// that the signals view has something to show.
func (v meterView) hasSignals() bool {
	r := v.reading
	return r.Level != slump.LevelUnknown && len(r.Signals)+len(r.Hints) > 0
}

// meterLayout is how much of each part of a reading is shown.
type meterLayout struct {
	gaps      bool // a blank line between sections
	headline  bool
	race      bool // the next race and the runner's form, under the headline
	nudge     bool
	brk       bool // the follow-up of a break
	why       bool // the signals section
	rows      int  // signals and notes listed, strongest first
	full      int  // of them, the strongest shown in full; the others cut to one line
	tipText   int  // lines of the tip's text
	tipSource bool
	week      bool // the strip of the 7 days and their efforts
	facts     bool // the 7 days against the rules
	answers   bool // the day's answers
	load      bool // the training load
}

// A cut takes something away from a layout and reports whether it did.
type cut func(*meterLayout) bool

func drop(field func(*meterLayout) *bool) cut {
	return func(l *meterLayout) bool {
		p := field(l)
		was := *p
		*p = false
		return was
	}
}

func fewer(field func(*meterLayout) *int, floor int) cut {
	return func(l *meterLayout) bool {
		p := field(l)
		if *p <= floor {
			return false
		}
		(*p)--
		return true
	}
}

// overviewCuts are what a short terminal takes from the overview, least
// important first, until it fits: the header, the gauge and the tip's
// title always stay.
var overviewCuts = []cut{
	drop(func(l *meterLayout) *bool { return &l.load }),
	drop(func(l *meterLayout) *bool { return &l.answers }),
	drop(func(l *meterLayout) *bool { return &l.gaps }),
	fewer(func(l *meterLayout) *int { return &l.full }, 0),
	fewer(func(l *meterLayout) *int { return &l.rows }, 3),
	drop(func(l *meterLayout) *bool { return &l.tipSource }),
	drop(func(l *meterLayout) *bool { return &l.facts }),
	fewer(func(l *meterLayout) *int { return &l.tipText }, 2),
	fewer(func(l *meterLayout) *int { return &l.rows }, 1),
	drop(func(l *meterLayout) *bool { return &l.week }),
	drop(func(l *meterLayout) *bool { return &l.race }),
	fewer(func(l *meterLayout) *int { return &l.tipText }, 0),
	drop(func(l *meterLayout) *bool { return &l.brk }),
	drop(func(l *meterLayout) *bool { return &l.headline }),
	fewer(func(l *meterLayout) *int { return &l.rows }, 0),
	drop(func(l *meterLayout) *bool { return &l.why }),
	drop(func(l *meterLayout) *bool { return &l.nudge }),
}

// signalsCuts are what a short terminal takes from the signals view.
var signalsCuts = []cut{
	drop(func(l *meterLayout) *bool { return &l.load }),
	drop(func(l *meterLayout) *bool { return &l.headline }),
	fewer(func(l *meterLayout) *int { return &l.full }, 0),
	fewer(func(l *meterLayout) *int { return &l.rows }, 0),
	drop(func(l *meterLayout) *bool { return &l.why }),
}

// View draws the reading in width x height, laid out by priority. The
// overview shows everything it can; a short terminal first loses the
// training load, the day's answers and the blank lines, then the signals
// shrink to a line each, weakest first, and the weakest give way to "+N
// more" (s shows them all), then the tip's source, the week's facts, most of the tip's
// text, the strip of the days, the next race, the headline and the signals
// themselves.
// The header, the gauge with score and level, and the tip's title stay
// whatever the size; the root says when even they do not fit. The signals
// view (all) lists every signal in full under the gauge, with the tip's
// title below them; when they do not fit, they and the training load
// scroll (see scrolled), and only when not even a line of them fits are
// they cut.
func (v meterView) View(st styles, width, height int) string {
	p := v.parts(st, width)
	l, cuts := v.layout(p)
	if v.all && p.height(l) > height {
		if out, _, ok := v.scrolled(st, p, height); ok {
			return out
		}
	}
	for p.height(l) > height && cutOnce(&l, cuts) {
	}
	return p.render(st, l)
}

// scrolled is the signals view in a terminal too short for it: the
// header, the gauge and the title of the signals stay; under them the
// signals, in full, and the training load show from line v.offset on, as
// many lines as fit; a line says how many are above and below and which
// keys scroll; the tip's title stays last. last is the offset that shows
// the last line; ok is false when not even one line fits.
func (v meterView) scrolled(st styles, p meterParts, height int) (out string, last int, ok bool) {
	l, _ := v.layout(p)
	reasons := append(append(append([]string{}, p.whyNote...), p.shown(l)...), p.load...)
	top := []string{p.header, p.gauge, p.whyTitle}
	room := height - len(top) - 1 // and the tip's title
	if len(reasons) <= room {
		return strings.Join(append(append(top, reasons...), p.tipTitle), "\n"), 0, true
	}
	if room--; room < 1 { // the line of what is hidden
		return "", 0, false
	}
	last = len(reasons) - room
	off := max(0, min(v.offset, last))
	above, below := off, len(reasons)-off-room
	var more string
	switch {
	case above > 0 && below > 0:
		more = fitFirst(p.width, fmt.Sprintf("  ↑ %d %s above · ↓ %d below: ↑/↓ scroll", above, plural(above, "line"), below),
			fmt.Sprintf("  ↑ %d above · ↓ %d below", above, below))
	case below > 0:
		more = fitFirst(p.width, fmt.Sprintf("  ↓ %d more %s: ↓/j scrolls down", below, plural(below, "line")),
			fmt.Sprintf("  ↓ %d more %s", below, plural(below, "line")))
	default:
		more = fitFirst(p.width, fmt.Sprintf("  ↑ %d %s above: ↑/k scrolls up", above, plural(above, "line")),
			fmt.Sprintf("  ↑ %d %s above", above, plural(above, "line")))
	}
	lines := append(top, reasons[off:off+room]...)
	lines = append(lines, st.subtle.Render(more), p.tipTitle)
	return strings.Join(lines, "\n"), last, true
}

// layout returns the layout that shows all there is of p, and the cuts
// that take from it.
func (v meterView) layout(p meterParts) (meterLayout, []cut) {
	if v.all {
		return meterLayout{headline: true, why: v.reading.Level != slump.LevelUnknown, rows: len(p.items), full: len(p.items),
			load: len(p.load) > 0}, signalsCuts
	}
	return meterLayout{
		gaps: true, headline: true, race: p.race != "", nudge: v.nudge != "", brk: len(p.brk) > 0,
		why: v.reading.Level != slump.LevelUnknown, rows: len(p.items), full: len(p.items),
		tipText: len(p.tipText), tipSource: true, week: true, facts: true, answers: true, load: len(p.load) > 0,
	}, overviewCuts
}

// cutOnce applies the first of the cuts that takes something, and reports
// whether one did.
func cutOnce(l *meterLayout, cuts []cut) bool {
	for _, c := range cuts {
		if c(l) {
			return true
		}
	}
	return false
}

// meterParts are the parts of a reading rendered once for a width; a
// layout picks how much of each to show.
type meterParts struct {
	all       bool
	header    string
	gauge     string
	headline  []string
	race      string
	nudge     string
	brk       []string
	whyTitle  string
	whyNote   []string
	items     []signalItem // strongest first: the signals, then the notes
	tipTitle  string
	tipText   []string
	tipSource []string
	width     int
	week      []string
	facts     []string
	answers   []string
	load      []string
}

// signalItem is one line of "Why": a signal or a note, wrapped and cut to
// one line.
type signalItem struct {
	kind string // slump.KindSign, slump.KindCause or "note"
	full []string
	one  string
}

func (v meterView) parts(st styles, width int) meterParts {
	r := v.reading
	wrap := lipgloss.NewStyle().Width(max(20, width))
	p := meterParts{
		all:      v.all,
		width:    width,
		header:   v.header(st, width),
		gauge:    v.gauge(st, width),
		headline: splitLines(wrap.Render(r.Headline)),
		race:     v.raceView(st, width),
		nudge:    truncate(st.label.Render(v.nudge), width),
		brk:      splitLines(v.breakView(st, width)),
		answers:  splitLines(v.answersView(st, width)),
		load:     splitLines(v.loadView(st, width)),
	}
	p.whyTitle, p.whyNote, p.items = v.signals(st, width)
	t := r.Tip
	p.tipTitle = truncate(st.label.Render("Tip · ")+st.tipTitle.Render(t.Title), width)
	p.tipText = splitLines(lipgloss.NewStyle().Width(max(20, width-4)).Render(t.Text))
	p.tipSource = splitLines(st.subtle.Width(max(20, width-4)).Render("— " + t.Source))
	p.week, p.facts = v.weekView(st, width)
	return p
}

// shown returns the lines of the items a layout lists: the strongest rows
// of them, signs first, then causes, then notes; the strongest full of
// them in full, the others cut to one line.
func (p meterParts) shown(l meterLayout) []string {
	top := p.items[:min(l.rows, len(p.items))]
	var out []string
	for _, kind := range []string{slump.KindSign, slump.KindCause, "note"} {
		for i, it := range top {
			switch {
			case it.kind != kind:
			case i < l.full:
				out = append(out, it.full...)
			default:
				out = append(out, it.one)
			}
		}
	}
	return out
}

// sections returns the sections a layout shows, in order, each as lines.
func (p meterParts) sections(st styles, l meterLayout) [][]string {
	top := []string{p.header, p.gauge}
	if l.headline {
		top = append(top, p.headline...)
	}
	if l.race {
		top = append(top, p.race)
	}
	if l.nudge {
		top = append(top, p.nudge)
	}
	out := [][]string{top}
	if l.brk {
		out = append(out, p.brk)
	}
	if l.why {
		out = append(out, p.whySection(st, l))
	}
	if p.all && l.load {
		out = append(out, p.load)
	}
	tip := []string{p.tipTitle}
	body := append(append([]string{}, p.tipLines(l)...), p.sourceLines(l)...)
	if len(body) > 0 {
		tip = append(tip, splitLines(st.tipBox.Render(strings.Join(body, "\n")))...)
	}
	out = append(out, tip)
	if l.week {
		week := p.week
		if l.facts {
			week = append(append([]string{}, week...), p.facts...)
		}
		out = append(out, week)
	}
	if l.answers && !p.all {
		out = append(out, p.answers)
	}
	if l.load && !p.all {
		out = append(out, p.load)
	}
	return out
}

func (p meterParts) tipLines(l meterLayout) []string {
	if l.tipText >= len(p.tipText) {
		return p.tipText
	}
	if l.tipText == 0 {
		return nil
	}
	shown := append([]string{}, p.tipText[:l.tipText]...)
	last := len(shown) - 1
	shown[last] = truncate(strings.TrimRight(shown[last], " ")+" …", max(20, p.width-4))
	return shown
}

func (p meterParts) sourceLines(l meterLayout) []string {
	if !l.tipSource || l.tipText < len(p.tipText) {
		return nil
	}
	return p.tipSource
}

// whySection is the signals: a title, the rows a layout shows and how
// many more there are.
func (p meterParts) whySection(st styles, l meterLayout) []string {
	hidden := len(p.items) - min(l.rows, len(p.items))
	how := "s shows them all"
	if p.all {
		how = "laceup meter lists them all"
	}
	if l.rows == 0 && len(p.items) > 0 {
		return []string{truncate(st.label.Render("Why")+st.subtle.Render(fmt.Sprintf(" · %d %s: %s", hidden, plural(hidden, "reason"), how)), p.width)}
	}
	out := append(append([]string{p.whyTitle}, p.whyNote...), p.shown(l)...)
	if hidden > 0 {
		out = append(out, st.subtle.Render(fitFirst(p.width, fmt.Sprintf("  +%d more: %s", hidden, how), fmt.Sprintf("  +%d more", hidden))))
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func (p meterParts) height(l meterLayout) int {
	secs := p.sectionHeights(l)
	n := 0
	for _, h := range secs {
		n += h
	}
	if l.gaps && len(secs) > 1 {
		n += len(secs) - 1
	}
	return n
}

// sectionHeights counts the lines of each section without rendering them.
func (p meterParts) sectionHeights(l meterLayout) []int {
	top := 2
	if l.headline {
		top += len(p.headline)
	}
	if l.race {
		top++
	}
	if l.nudge {
		top++
	}
	out := []int{top}
	if l.brk {
		out = append(out, len(p.brk))
	}
	if l.why {
		why := 1
		if l.rows > 0 || len(p.items) == 0 {
			why += len(p.whyNote) + len(p.shown(l))
			if l.rows < len(p.items) {
				why++
			}
		}
		out = append(out, why)
	}
	if p.all && l.load && len(p.load) > 0 {
		out = append(out, len(p.load))
	}
	tip := 1 + min(l.tipText, len(p.tipText))
	if l.tipSource && l.tipText >= len(p.tipText) {
		tip += len(p.tipSource)
	}
	out = append(out, tip)
	if l.week {
		week := len(p.week)
		if l.facts {
			week += len(p.facts)
		}
		out = append(out, week)
	}
	if l.answers && !p.all {
		out = append(out, len(p.answers))
	}
	if l.load && !p.all && len(p.load) > 0 {
		out = append(out, len(p.load))
	}
	return out
}

func (p meterParts) render(st styles, l meterLayout) string {
	var blocks []string
	for _, s := range p.sections(st, l) {
		if len(s) > 0 {
			blocks = append(blocks, strings.Join(s, "\n"))
		}
	}
	sep := "\n"
	if l.gaps {
		sep = "\n\n"
	}
	return strings.Join(blocks, sep)
}

// header is "laceup", the title, the day and the check-in streak as of
// the day, in as many words as width allows. A past day without a
// check-in has no streak (today's streak lasts until the day is over).
func (v meterView) header(st styles, width int) string {
	d := v.reading.Date.Time()
	prefix := st.title.Render("laceup")
	if v.title != "" {
		prefix += st.subtle.Render(" · " + v.title)
	}
	streak, longest := v.snap.Streaks()
	var full, short, shortest string
	if longest > 0 && (!v.over || v.snap.Checkin() != nil) {
		short = st.subtle.Render(" · ") + st.label.Render(fmt.Sprintf("streak %d %s", streak, report.Days(streak)))
		shortest = st.subtle.Render(" · ") + st.label.Render(fmt.Sprintf("streak %d", streak))
		full = short + st.subtle.Render(" (your longest)")
		if longest > streak {
			full = short + st.subtle.Render(fmt.Sprintf(" (longest %d)", longest))
		}
	}
	date := func(layout string) string { return st.subtle.Render(" · " + d.Format(layout)) }
	return fitFirst(width,
		prefix+date("Monday 2 January 2006")+full,
		prefix+date("Mon 2 Jan 2006")+full,
		prefix+date("Mon 2 Jan 2006")+short,
		prefix+date("Mon 2 Jan")+shortest,
		st.subtle.Render(d.Format("Mon 2 Jan"))+shortest,
	)
}

// gauge is the meter as a bar with its score and level; on a narrow
// terminal the bar shrinks, then its label. A reading of unknown level
// (too few check-ins) gets an empty, neutral gauge and no score: never a
// green OK.
func (v meterView) gauge(st styles, width int) string {
	r := v.reading
	style := st.level[r.Level]
	if r.Tip.ID == slump.TipGetWell {
		style = st.level[slump.LevelUnknown] // advice paused: no green while you are unwell
	}
	score := fmt.Sprintf("%3d/100", r.Score)
	if r.Level == slump.LevelUnknown {
		score = "  ?/100"
	}
	label := "Slump meter"
	barWidth := min(40, width-34)
	if barWidth < 10 {
		label, barWidth = "Meter", width-(5+2+2+7+1+7)
	}
	barWidth = max(0, barWidth)
	filled := (r.Score*barWidth + slump.MaxScore/2) / slump.MaxScore
	if r.Level == slump.LevelUnknown {
		filled = 0
	}
	bar := style.Render(strings.Repeat("█", filled)) + st.gaugeOff.Render(strings.Repeat("░", barWidth-filled))
	return fmt.Sprintf("%s  %s  %s %s", st.label.Render(label), bar, style.Render(score),
		style.Render(strings.ToUpper(string(r.Level))))
}

// signals returns the title of what moved the meter, a note when nothing
// did, and each signal and note as a row: its kind, its points and the
// reason in plain words.
func (v meterView) signals(st styles, width int) (title string, note []string, items []signalItem) {
	r := v.reading
	title = truncate(st.label.Render("Why")+st.subtle.Render(fmt.Sprintf(" · %d of the last 7 days logged", r.Week.Checkins)), width)
	var text string
	switch n := r.Week.Checkins; {
	case n == 0:
		text = "No check-ins in the last 7 days yet: the meter has nothing to go on."
	case r.Sparse():
		text = "The meter needs 3 check-ins in 7 days to see a pattern: until then it says nothing."
	case len(r.Signals) == 0 && len(r.Hints) == 0:
		text = "Nothing is pushing the meter up."
	}
	if text != "" {
		note = splitLines(lipgloss.NewStyle().PaddingLeft(2).Width(max(20, width)).Render(st.subtle.Render(text)))
	}
	detailWidth := max(10, width-15)
	row := func(kind, pts, detail string) signalItem {
		head := "  " + st.subtle.Render(fmt.Sprintf("%-5s", kind)) + "  " + pts + "  "
		text := lipgloss.NewStyle().Width(detailWidth).Render(detail)
		return signalItem{
			kind: kind,
			full: splitLines(lipgloss.JoinHorizontal(lipgloss.Top, head, text)),
			one:  head + cutWords(detail, detailWidth),
		}
	}
	for _, s := range r.Signals {
		items = append(items, row(s.Kind, st.points.Render(fmt.Sprintf("+%2d", s.Points)), s.Detail))
	}
	for _, h := range r.Hints {
		items = append(items, row("note", "   ", h.Detail))
	}
	return title, note, items
}

// raceView is the next race and the runner's form, in one line: "Boston
// in 12 days · form +8 % fresh", "fitness still building" before the form
// can be read; "" when no race is ahead.
func (v meterView) raceView(st styles, width int) string {
	race, form := report.RaceAhead(v.reading)
	if race == "" {
		return ""
	}
	return fitFirst(width, st.label.Render(race)+st.subtle.Render(" · "+form), st.label.Render(race))
}

// breakView shows, during and after a break taken in a deep slump, the
// meter, mood and motivation before it and now, so the runner can see
// whether it helped.
func (v meterView) breakView(st styles, width int) string {
	b := v.reading.Break
	if b == nil {
		return ""
	}
	state := fmt.Sprintf("%d rest %s so far", b.Days, report.Days(b.Days))
	if !b.Ongoing {
		state = fmt.Sprintf("%d rest %s, %s – %s", b.Days, report.Days(b.Days),
			b.Start.Time().Format("2 Jan"), b.End.Time().Format("2 Jan"))
	}
	arrow := func(before, after string) string { return before + " → " + after }
	items := []string{
		"meter " + arrow(strconv.Itoa(b.Before.Score), strconv.Itoa(b.After.Score)),
		"mood " + arrow(report.Scale(b.Before.AvgMood), report.Scale(b.After.AvgMood)),
		"motivation " + arrow(report.Scale(b.Before.AvgMotivation), report.Scale(b.After.AvgMotivation)),
	}
	return truncate(st.label.Render("Your break")+st.subtle.Render(" · "+state), width) + "\n" +
		lipgloss.NewStyle().PaddingLeft(2).Render(wrapItems(items, " · ", max(18, width-2)))
}

// loadView is the training load of the 7 days (Foster's session RPE:
// effort x minutes) and how it compares with the runner's last 4 weeks.
func (v meterView) loadView(st styles, width int) string {
	m := v.reading.Metrics
	var parts []string
	if m.WeeklyLoad != nil {
		parts = append(parts, fmt.Sprintf("load %d", *m.WeeklyLoad))
	}
	if m.Monotony != nil {
		parts = append(parts, "monotony "+report.Monotony(*m.Monotony))
	}
	if m.Strain != nil {
		strain := "strain " + report.Strain(*m.Strain)
		if m.UsualStrain != nil {
			strain += " (usual " + report.Strain(*m.UsualStrain) + ")"
		}
		parts = append(parts, strain)
	}
	if m.ACWR != nil {
		parts = append(parts, "spike vs last 4 weeks ×"+report.Ratio(*m.ACWR))
	}
	if m.Fitness != nil {
		parts = append(parts, fmt.Sprintf("fitness %.0f", *m.Fitness), fmt.Sprintf("fatigue %.0f", *m.Fatigue))
		if m.FormPercent != nil {
			parts = append(parts, fmt.Sprintf("form %s %% %s", report.Signed(*m.FormPercent), report.FormBandWords(*m.FormBand)))
		} else {
			parts = append(parts, "fitness still building")
		}
	}
	var notes []string
	if m.LoadUnknownDays > 0 {
		notes = append(notes, fmt.Sprintf("%d %s without minutes: load unknown", m.LoadUnknownDays, report.Days(m.LoadUnknownDays)))
	}
	if m.ACWR != nil {
		notes = append(notes, "the ratio describes, it does not predict injury")
	}
	if len(parts) == 0 && len(notes) == 0 {
		return ""
	}
	w := lipgloss.NewStyle().Width(max(20, width))
	out := fitFirst(width, st.label.Render("Training load")+st.subtle.Render(" · effort × minutes, last 7 days"),
		st.label.Render("Training load"))
	if len(parts) > 0 {
		out += "\n" + wrapItems(parts, " · ", width)
	}
	if len(notes) > 0 {
		out += "\n" + w.Render(st.subtle.Render(strings.Join(notes, "; ")))
	}
	return out
}

// weekView is a strip of the 7 days ending on the day (R = rest day, · =
// no check-in, hard efforts highlighted) and the facts of the week
// against the article's rules.
func (v meterView) weekView(st styles, width int) (strip, facts []string) {
	r := v.reading
	cfg := v.cfg
	byDate := make(map[slump.Date]slump.Checkin, len(v.snap.Checkins))
	for _, c := range v.snap.Checkins {
		byDate[c.Date] = c
	}
	var days, efforts []string
	unwell := false
	for i := 6; i >= 0; i-- {
		day := r.Date.AddDays(-i)
		days = append(days, fmt.Sprintf("%3s", day.Time().Format("Mon")[:2]))
		c, ok := byDate[day]
		switch {
		case !ok:
			efforts = append(efforts, st.missing.Render(fmt.Sprintf("%3s", "·")))
		case c.DayType == slump.DaySick:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "S")))
			unwell = true
		case c.DayType == slump.DayInjured:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "I")))
			unwell = true
		case c.Effort == slump.RestEffort:
			efforts = append(efforts, st.rest.Render(fmt.Sprintf("%3s", "R")))
		case c.Training(cfg).Hard > 0:
			efforts = append(efforts, st.hard.Render(fmt.Sprintf("%3d", c.Effort)))
		default:
			efforts = append(efforts, fmt.Sprintf("%3d", c.Effort))
		}
	}
	w := r.Week
	items := []string{
		fmt.Sprintf("hard efforts %d/%d", w.HardEfforts, cfg.HardEffortsPerWeek),
		fmt.Sprintf("rest days %d/%d", w.RestDays, cfg.RestDaysPerWeek),
		"sleep " + report.Sleep(w.AvgSleepHours) + " h",
		"mood " + report.Scale(w.AvgMood),
		"motivation " + report.Scale(w.AvgMotivation),
	}
	if w.AvgLegs != nil {
		items = append(items, "legs "+report.Scale(w.AvgLegs))
	}
	legend := "R rest day · · no check-in"
	if unwell {
		legend = "R rest · S sick · I injured · · none"
	}
	// The labels line up with the efforts; a narrow terminal gets short ones.
	dayLabel, effortLabel := "Last 7 days ", "effort      "
	if width < 12+27 {
		dayLabel, effortLabel = "7 days ", "effort "
	}
	line1 := st.label.Render(dayLabel) + st.subtle.Render(strings.Join(days, " "))
	if withLegend := line1 + st.subtle.Render("   "+legend); lipgloss.Width(withLegend) <= width {
		line1, legend = withLegend, ""
	}
	line2 := st.subtle.Render(effortLabel) + strings.Join(efforts, " ")
	if w.Minutes > 0 {
		if withMinutes := line2 + st.subtle.Render(fmt.Sprintf("   %d min in all", w.Minutes)); lipgloss.Width(withMinutes) <= width {
			line2 = withMinutes
		}
	}
	facts = splitLines(wrapItems(items, " · ", width))
	if legend != "" {
		facts = append(facts, splitLines(st.subtle.Render(wrapItems(strings.Split(legend, " · "), " · ", width)))...)
	}
	return []string{line1, line2}, facts
}

// answersView is the day's answers, or what to say of a day without them.
func (v meterView) answersView(st styles, width int) string {
	label := "Today"
	if v.title != "" {
		label = v.reading.Date.Time().Format("Mon 2 Jan")
	}
	c := v.snap.Checkin()
	if c == nil {
		return truncate(st.label.Render(label)+"  "+st.subtle.Render(v.missing), width)
	}
	out := lipgloss.NewStyle().Width(max(20, width)).Render(st.label.Render(label) + "  " + strings.Join(answers(*c), " · "))
	if c.Note != "" {
		note := truncate(slump.Printable(c.Note, false), max(20, width-4))
		out += "\n  " + st.subtle.Render("“"+note+"”")
	}
	return out
}

// answers lists a check-in's answers in a runner's words, the optional
// ones only when given.
func answers(c slump.Checkin) []string {
	parts := []string{
		"mood " + strconv.Itoa(c.Mood),
		"motivation " + strconv.Itoa(c.Motivation),
		"sleep " + report.Hours(c.SleepHours) + " h",
		"effort " + strconv.Itoa(c.Effort),
	}
	if c.Legs != nil {
		parts = append(parts, "legs "+strconv.Itoa(*c.Legs))
	}
	if c.DayType != "" {
		parts = append(parts, string(c.DayType))
	}
	if c.Minutes != nil {
		parts = append(parts, strconv.Itoa(*c.Minutes)+" min")
	}
	if c.SleepQuality != nil {
		parts = append(parts, "sleep quality "+strconv.Itoa(*c.SleepQuality))
	}
	return parts
}
