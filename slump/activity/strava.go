package activity

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/laceup/laceup/slump"
)

// How Strava's bulk export writes activities.csv, as seen in real exports
// and the importers that read them (the research note on import formats
// gives each with its source):
//
//   - The header has had 10 to 103 columns over the years, and grows
//     (geo-activity-playground broke on each change: issues #112, #348,
//     #393), so columns are found by name, never by count or position.
//   - Five names appear twice (Elapsed Time, Distance, Max Heart Rate,
//     Relative Effort, Commute). The first copy is for display; the second
//     is the raw value: Elapsed Time in seconds, Distance in metres (real
//     2026 export in Dean-Sabroso/StraVisdis: 10.81 then 10809.5).
//   - The header is translated for a non-English account (German:
//     geo-activity-playground issues #191, #348, #393), and so are the
//     Activity Types ("Lauf").
//   - Before mid-2019 it had 10 lowercase columns, with the date as
//     2018-09-12 15:02:23 and the distance in metres (hugovk/strava-tools
//     PR #2).
//   - Activity Date is UTC, whatever the layout (checked on three real
//     exports against Strava's "Morning Run" names; geo-activity-playground
//     reads it as UTC; pacogomez/health-records issue #2).

// stravaHeader is one language or era of activities.csv's header: the
// names of the columns ReadStravaCSV takes.
type stravaHeader struct {
	label string // for messages: whose header it is, "in a German export"

	id, date, sport string // needed: without them a file is refused
	name            string
	elapsed         string // seconds; the second copy when there are two
	moving          string // seconds
	distance        string // the second copy in metres; see firstDistance
	rpe             string // CR-10, 1-10, empty when not rated

	// legacy marks the 10-column export from before mid-2019, whose one
	// distance column is in metres.
	legacy bool
	// decimalComma marks a header whose numbers may be written with a
	// decimal comma ("10,20"), as a German export's display columns are
	// (the tests of importers of German exports, and geo-activity-
	// playground's float_with_comma_or_period).
	decimalComma bool
}

// stravaHeaders are the headers ReadStravaCSV reads, tried in this order.
// The German names are those of real German exports' headers (in
// geo-activity-playground issues #191, #348 and #393); a German export
// rates a session under "Gefühlte Anstrengung" and its Relative Effort is
// "Relative Leistung", which is not read.
var stravaHeaders = []stravaHeader{
	{label: "in an English export",
		id: "Activity ID", date: "Activity Date", sport: "Activity Type", name: "Activity Name",
		elapsed: "Elapsed Time", moving: "Moving Time", distance: "Distance", rpe: "Perceived Exertion"},
	{label: "in a German export", decimalComma: true,
		id: "Aktivitäts-ID", date: "Aktivitätsdatum", sport: "Aktivitätsart", name: "Name der Aktivität",
		elapsed: "Verstrichene Zeit", moving: "Bewegungszeit", distance: "Distanz", rpe: "Gefühlte Anstrengung"},
	{label: "in an export from before mid-2019", legacy: true,
		id: "id", date: "date", sport: "type", name: "name", elapsed: "elapsed_time", distance: "distance"},
}

// ReadStravaCSV reads activities.csv from Strava's bulk export (Settings, My
// Account, "Download or Delete Your Account") and returns its activities in
// the file's order, every sport: Activity.Running picks the runs. loc is the
// runner's time zone, which chooses each session's Day (nil means UTC).
//
// The columns are found by name, in English, German or the lowercase header
// of exports from before mid-2019; Activity ID, Activity Date and Activity
// Type are needed, every other column may be absent. From each row:
//
//   - SourceID is Activity ID, a whole number.
//   - Start is Activity Date, which is UTC, in the layout of the account's
//     locale: "Mar 14, 2026, 7:05:00 AM" (US), "14 Mar 2026, 07:05:00"
//     (UK, Australia), "14.03.2026, 07:05:00" (German), "2026-03-14
//     07:05:00" (before mid-2019); a narrow no-break space before AM/PM, as
//     newer exports write, is read as a space. Day is Start's day in loc.
//   - Sport is Activity Type and Name Activity Name, as written.
//   - ElapsedMinutes is the second Elapsed Time (seconds), or the first
//     (seconds) when the file has one or the second is empty.
//   - MovingMinutes is Moving Time (seconds); ElapsedMinutes in an export
//     from before mid-2019, which has no Moving Time.
//   - DistanceMeters is the second Distance (metres), or the first when the
//     file has one or the second is empty: the first is in the account's
//     display unit, taken as kilometres, but as metres for a Swim or Rowing
//     (Strava writes those in metres) and in an export from before mid-2019.
//   - RPE is Perceived Exertion: the runner's rating, a whole number from 1
//     to 10 ("3.0" in current exports, "5" in older ones), nil when empty
//     or 0.
//     Relative Effort, Strava's heart-rate score, and Perceived Relative
//     Effort, its load from the rating, are never read.
//
// An empty cell is an absent value. Numbers are plain decimals ("4167.0");
// a German export's may have a decimal comma ("10,20"). A file with a UTF-8
// byte order mark reads the same.
//
// A file it cannot read whole is refused, with nothing returned: a *RowError
// naming the line and, where there is one, the column (as the header names
// it) and what it accepts. That covers an unknown header (its Err is a
// *HeaderError naming the columns needed), broken quoting or a file cut
// short, a row with a different number of fields from the header, a value
// that is not what its column holds, an Activity ID given twice and a day
// before 1900-01-01 (slump.EarliestDay). Whether a day is too far in the
// future is the caller's to check, with slump.CheckDay as of today. An error
// reading r is returned as it is.
//
// It reads the whole of r and holds the activities in memory (a 10-year
// export of 3,000 activities reads in tens of milliseconds: see
// BenchmarkReadStravaCSV); limiting the size of what it is given is the
// caller's.
func ReadStravaCSV(r io.Reader, loc *time.Location) ([]Activity, error) {
	if loc == nil {
		loc = time.UTC
	}
	br := bufio.NewReader(r)
	// The files seen have no byte order mark, but one saved again by a
	// spreadsheet may.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked here, for a message that names the line
	cr.ReuseRecord = true

	head, err := cr.Read()
	if err == io.EOF {
		return nil, &RowError{Line: 1, Err: errors.New("the file is empty: an activities.csv starts with a header line")}
	}
	if err != nil {
		return nil, csvError(err)
	}
	cols, err := stravaColumns(head)
	if err != nil {
		line, _ := cr.FieldPos(0) // after any blank lines, which csv skips
		return nil, &RowError{Line: line, Err: err}
	}

	var acts []Activity
	seen := make(map[string]int) // Activity ID -> its line
	p := stravaRow{cols: cols, loc: loc}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return acts, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		p.rec, p.cr = rec, cr
		a, err := p.activity()
		if err != nil {
			return nil, err
		}
		if first, ok := seen[a.SourceID]; ok {
			return nil, p.fail(cols.id, fmt.Errorf("%s is also the id of the activity on line %d", a.SourceID, first))
		}
		line, _ := cr.FieldPos(0)
		seen[a.SourceID] = line
		acts = append(acts, a)
	}
}

// column is where a column is in a row: i is its index, -1 when the header
// has no such column; name is how the header names it, for messages.
type column struct {
	i    int
	name string
}

// stravaCols are the columns of one file's header.
type stravaCols struct {
	header stravaHeader
	n      int // fields in the header

	id, date, sport, name column
	elapsed, elapsed1     column // the second copy (seconds), and the first
	moving                column
	distance, distance1   column // the second copy (metres), and the first
	rpe                   column
}

// stravaColumns finds the columns of the first of stravaHeaders whose needed
// columns head has all of; else a *HeaderError naming what each needs and
// what the closest lacks.
func stravaColumns(head []string) (stravaCols, error) {
	at := make(map[string][]int, len(head)) // name -> indices, in order
	for i, h := range head {
		h = strings.TrimSpace(h)
		at[h] = append(at[h], i)
	}
	// col returns the occurrence-th (1-based) column named name.
	col := func(name string, occurrence int) column {
		if name == "" || len(at[name]) < occurrence {
			return column{i: -1, name: name}
		}
		if occurrence == 2 {
			return column{i: at[name][1], name: name + " (2nd)"}
		}
		return column{i: at[name][0], name: name}
	}

	herr := &HeaderError{Format: "a Strava activities.csv"}
	for _, h := range stravaHeaders {
		need := []string{h.id, h.date, h.sport}
		herr.Need = append(herr.Need, HeaderColumns{In: h.label, Columns: need})
		var missing []string
		for _, n := range need {
			if len(at[n]) == 0 {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			return stravaCols{header: h, n: len(head),
				id: col(h.id, 1), date: col(h.date, 1), sport: col(h.sport, 1), name: col(h.name, 1),
				elapsed: col(h.elapsed, 2), elapsed1: col(h.elapsed, 1), moving: col(h.moving, 1),
				distance: col(h.distance, 2), distance1: col(h.distance, 1), rpe: col(h.rpe, 1)}, nil
		}
		if len(missing) < len(need) && (herr.Missing == nil || len(missing) < len(herr.Missing)) {
			herr.Missing = missing
		}
	}
	for i, h := range head {
		if i == 8 {
			herr.Got = append(herr.Got, fmt.Sprintf("… (%d columns)", len(head)))
			break
		}
		herr.Got = append(herr.Got, quoted(strings.TrimSpace(h)))
	}
	return stravaCols{}, herr
}

// stravaRow reads one row of activities.csv.
type stravaRow struct {
	cols stravaCols
	loc  *time.Location
	rec  []string
	cr   *csv.Reader // for the line of a field

	layout int // the index in stravaDateLayouts that read the last date
}

// fail returns a *RowError for the field of c in the current row.
func (p *stravaRow) fail(c column, err error) *RowError {
	line, _ := p.cr.FieldPos(c.i)
	return &RowError{Line: line, Field: c.name, Err: err}
}

// cell returns the field of c in the current row, trimmed; "" when the header
// has no such column.
func (p *stravaRow) cell(c column) string {
	if c.i < 0 {
		return ""
	}
	return strings.TrimSpace(p.rec[c.i])
}

// activity reads the current row.
func (p *stravaRow) activity() (Activity, error) {
	c := p.cols
	if len(p.rec) != c.n {
		line, _ := p.cr.FieldPos(0)
		return Activity{}, &RowError{Line: line, Err: fmt.Errorf(
			"has %d fields where the header has %d: a file cut short, or a field with a comma or a line break that is not in double quotes",
			len(p.rec), c.n)}
	}
	a := Activity{Source: SourceStrava}

	a.SourceID = p.cell(c.id)
	if !wholeNumber(a.SourceID) {
		return Activity{}, p.fail(c.id, fmt.Errorf("must be Strava's id of the activity, a whole number (got %s)", quoted(a.SourceID)))
	}

	start, ok := p.date(p.cell(c.date))
	if !ok {
		return Activity{}, p.fail(c.date, fmt.Errorf(`must be a date and time like "Mar 14, 2026, 7:05:00 AM", "14 Mar 2026, 07:05:00", "14.03.2026, 07:05:00" or "2026-03-14 07:05:00" (got %s)`,
			quoted(p.cell(c.date))))
	}
	a.Start = start
	a.Day = slump.DateOf(start.In(p.loc))
	if a.Day.Before(slump.EarliestDay()) {
		return Activity{}, p.fail(c.date, fmt.Errorf("must be a day from %s on (got %s)", slump.EarliestDay(), quoted(p.cell(c.date))))
	}

	a.Sport = strings.ToValidUTF8(p.cell(c.sport), "\uFFFD")
	if c.name.i >= 0 {
		a.Name = strings.ToValidUTF8(p.rec[c.name.i], "\uFFFD") // kept as written, spaces too
	}

	var err error
	if a.ElapsedMinutes, err = p.minutes(c.elapsed, c.elapsed1); err != nil {
		return Activity{}, err
	}
	if a.MovingMinutes, err = p.minutes(c.moving, column{i: -1}); err != nil {
		return Activity{}, err
	}
	if c.moving.i < 0 {
		// An export from before mid-2019 has no Moving Time: the time the
		// session took stands for it, as FIT's elapsed time does when the
		// timer's is missing, so that Foster's load can be counted.
		a.MovingMinutes = a.ElapsedMinutes
	}
	if a.DistanceMeters, err = p.distance(a.Sport); err != nil {
		return Activity{}, err
	}
	if a.RPE, err = p.rpe(); err != nil {
		return Activity{}, err
	}
	return a, nil
}

// stravaDateLayouts are the layouts of Activity Date seen in real exports,
// all UTC: en-US (hugovk/strava-tools PR #2; a 2026 export), en-GB and
// en-AU (a 2024 export, Lorraine-Sanares/running-dashboard), German (tests
// of importers of German exports), and before mid-2019 (PR #2). A day or
// month of one digit is read too.
var stravaDateLayouts = []string{
	"Jan 2, 2006, 3:04:05 PM",
	"2 Jan 2006, 15:04:05",
	"2.1.2006, 15:04:05",
	"2006-01-02 15:04:05",
}

// spaces replaces the no-break spaces of a date with plain ones.
var spaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ")

// date reads an Activity Date as UTC; ok is false when no layout fits.
func (p *stravaRow) date(s string) (t time.Time, ok bool) {
	// Newer exports put a narrow no-break space before AM/PM (the runlab
	// importer's notes); a no-break space is read the same way.
	s = spaces.Replace(s)
	// CLDR abbreviates September "Sept" in British English; Go knows "Sep".
	// Not seen in an export: a guard, so that one month cannot refuse a file.
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	if t, err := time.Parse(stravaDateLayouts[p.layout], s); err == nil {
		return t, true
	}
	for i, l := range stravaDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			p.layout = i // a file keeps one layout: try it first next time
			return t, true
		}
	}
	return time.Time{}, false
}

// Sanity limits, a design choice: no session lasts longer or goes further.
// Multi-day ultras stay far inside them; a value beyond is a broken file.
const (
	maxSeconds = 31 * 24 * 3600 // 31 days
	maxMeters  = 1e8            // 100,000 km
)

// minutes reads a duration in seconds from c, or from alt when c is absent
// or empty, as minutes; nil when both are empty.
func (p *stravaRow) minutes(c, alt column) (*float64, error) {
	if p.cell(c) == "" {
		c = alt
	}
	s, ok, err := p.number(c, maxSeconds, "a number of seconds from 0 to 2678400 (31 days)")
	if !ok || err != nil {
		return nil, err
	}
	m := s / 60
	return &m, nil
}

// distance reads the distance in metres: the second Distance (metres), else
// the first, whose unit the sport and the era tell.
func (p *stravaRow) distance(sport string) (*float64, error) {
	c := p.cols
	if p.cell(c.distance) != "" {
		m, ok, err := p.number(c.distance, maxMeters, "a number of metres from 0 to 100000000")
		if !ok || err != nil {
			return nil, err
		}
		return &m, nil
	}
	// The first copy is in display units (hugovk/strava-tools PR #2: "they
	// also changed distance from m to km"): kilometres for a metric account,
	// but metres for a Swim or Rowing (a Strava analysis project's tests).
	// An imperial account's would be miles; every export with a Moving Time
	// has the second copy, so only the 10-column exports of mid-2019 read
	// the first.
	perMeter, want := 1000.0, "a number of kilometres from 0 to 100000"
	if c.header.legacy || sport == "Swim" || sport == "Rowing" {
		perMeter, want = 1, "a number of metres from 0 to 100000000"
	}
	v, ok, err := p.number(c.distance1, maxMeters/perMeter, want)
	if !ok || err != nil {
		return nil, err
	}
	m := v * perMeter
	return &m, nil
}

// rpe reads Perceived Exertion: a whole number from 1 to 10, written "3.0"
// in current exports and "5" in older ones; nil when empty (most sessions:
// 20 of 136 rated in one real export) and when 0, which the scale, starting
// at 1, never gives (as Garmin's and FIT's workout_rpe): never 0.
func (p *stravaRow) rpe() (*int, error) {
	c := p.cols.rpe
	v, ok, err := p.number(c, 10, "a whole number from 1 to 10, or empty")
	if !ok || err != nil || v == 0 {
		return nil, err
	}
	if v < 1 || v != math.Trunc(v) {
		return nil, p.fail(c, fmt.Errorf("must be a whole number from 1 to 10, or empty (got %s)", quoted(p.cell(c))))
	}
	n := int(v)
	return &n, nil
}

// number reads a number from 0 to max from c; ok is false when the cell is
// empty or the header has no such column. want says what it accepts, for
// the message.
func (p *stravaRow) number(c column, max float64, want string) (v float64, ok bool, err error) {
	s := p.cell(c)
	if s == "" {
		return 0, false, nil
	}
	t := s
	if p.cols.header.decimalComma && strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, perr := strconv.ParseFloat(t, 64)
	if perr != nil || !plainDecimal(t) || v < 0 || v > max {
		return 0, false, p.fail(c, fmt.Errorf("must be %s (got %s)", want, quoted(s)))
	}
	return v, true, nil
}

// plainDecimal reports whether s is written with digits, a sign, a point
// and an exponent only: not "Inf", "NaN" or a hexadecimal number, which
// strconv.ParseFloat also reads.
func plainDecimal(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789.+-eE", r) {
			return false
		}
	}
	return true
}

// wholeNumber reports whether s is 1 to 20 ASCII digits: a Strava id
// (18087157972) fits in 64 bits.
func wholeNumber(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// csvError turns encoding/csv's error for broken quoting into a *RowError
// naming the line where the bad record starts; any other error (reading r)
// is returned as it is.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return &RowError{Line: pe.Line, Err: errors.New(`a double quote inside a field that does not start with one: a field with a quote must be in double quotes, its quotes doubled`)}
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return &RowError{Line: pe.StartLine, Err: fmt.Errorf("a field in double quotes opens on this line and is not closed properly by line %d: a file cut short, or a quote inside a field that is not doubled", pe.Line)}
	case errors.Is(pe.Err, csv.ErrQuote):
		return &RowError{Line: pe.Line, Err: errors.New(`a field in double quotes is not closed, or has text after its closing quote: a file cut short, or a quote inside a field that is not doubled`)}
	}
	return &RowError{Line: pe.StartLine, Err: pe.Err}
}
