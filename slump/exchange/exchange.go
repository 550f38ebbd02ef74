// Package exchange reads and writes laceup's export formats, CSV and JSON:
// laceup export writes them, laceup import reads them. Every value is read
// through slump.ParseCheckin, the same parser as the command line and the
// form, so a bad value is reported in the same words.
package exchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/safejson"
)

// The formats.
//
// CSV: the header line CSVHeader, then one line per check-in, oldest first.
// Cells are quoted as RFC 4180 says (a cell with a comma, a double quote, a
// line break or leading blank space is put in double quotes and its quotes
// doubled); optional values that are absent are empty cells; lines end in
// "\n".
//
// JSON: an array of objects with exactly the CSV column names as keys, in the
// same order; absent optional values (minutes, sleep_quality, legs) are null;
// the note is always a string, "" when there is none (a note is never
// absent, it is empty), and day_type always a day type ("normal" for a
// normal day); indented by two spaces, with a final newline; control and
// invisible format characters written as \u escapes (see safejson).
//
// An export of laceup before legs and day_type (CSVHeaderV1, and JSON
// objects without those keys) imports as it always did: no legs answer, a
// normal day.
//
// Both keep the note exactly as stored, byte for byte, and write sleep_hours
// in its shortest form (7, 7.5, 7.25), so export, import into an empty
// journal, export again gives the same bytes.

// CSVHeader is the first line of a CSV export: the date and the fields of
// slump.Fields. Import accepts it, and CSVHeaderV1.
const CSVHeader = "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note,legs,day_type,updated_at"

// CSVHeaderV1 is the header of the exports of laceup before legs and
// day_type: the first 8 columns of CSVHeader.
const CSVHeaderV1 = "date,mood,motivation,sleep_hours,effort,minutes,sleep_quality,note"

// keys returns the column names of CSVHeader, which are also the JSON keys,
// in order: the date, then the fields of slump.Fields.
func keys() []string {
	k := []string{slump.FieldDate}
	for _, f := range slump.Fields() {
		k = append(k, f.Name)
	}
	return append(k, KeyUpdatedAt)
}

// KeyUpdatedAt is the column and key of when a day was last edited (or
// deleted): UTC, RFC 3339 to the second, "2026-03-14T07:05:00Z"; empty or
// absent when unknown (an export of an older laceup).
const KeyUpdatedAt = "updated_at"

// keyDeleted is the JSON key that marks a deleted day, true (see Record).
const keyDeleted = "deleted"

// utf8BOM is the byte order mark some editors (Excel, Notepad) put at the
// start of a UTF-8 file; import ignores it.
const utf8BOM = "\uFEFF"

// RowError is an import file refused: where the first problem is and what it
// is. ReadCSV and ReadJSON return one for every problem with the file's
// content (but not for an error reading r), so errors.As(err, &rowErr) tells
// bad input from a failed read.
type RowError struct {
	// Line is, for CSV, the 1-based line of the file where the bad row
	// starts (a line break inside a quoted note counts, so it is the line an
	// editor shows), or where the broken quoting is. It is 0 for JSON.
	Line int
	// Index is, for JSON, the 0-based index of the bad entry in the array,
	// or -1 when the problem is with the document as a whole (not an array,
	// data after it). It is -1 for CSV.
	Index int
	// Err says what is wrong: usually a *FieldError naming the field and
	// what it accepts.
	Err error
}

// Error reads "line 12: mood: must be a whole number from 1 to 5 (got "9")"
// for CSV and "entry 3 (index 2): mood: ..." for JSON.
func (e *RowError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	case e.Index >= 0:
		// A JSON file names the field by its key: sleep_hours.
		if fe := (*slump.FieldError)(nil); errors.As(e.Err, &fe) && fe == e.Err {
			return fmt.Sprintf("entry %d (index %d): %s", e.Index+1, e.Index, fe.KeyError())
		}
		return fmt.Sprintf("entry %d (index %d): %v", e.Index+1, e.Index, e.Err)
	}
	return e.Err.Error()
}

// Unwrap returns Err, so errors.As finds the *FieldError.
func (e *RowError) Unwrap() error { return e.Err }

// WriteCSV writes the check-ins, in the order given (the store gives them
// oldest first), as CSV: the CSVHeader line, then one line per check-in. It
// does not validate: every check-in is written as it is, so nothing is lost
// on the way out, and one that breaks the rules (none saved through Validate
// does) is refused by ReadCSV with its line.
func WriteCSV(w io.Writer, cs []slump.Checkin) error { return WriteRecordsCSV(w, recordsOf(cs)) }

// WriteRecordsCSV writes records as WriteCSV writes check-ins, with their
// updated_at; a deleted day is its date, empty answers and its updated_at.
func WriteRecordsCSV(w io.Writer, rs []Record) error {
	cw := csv.NewWriter(w) // UseCRLF false: "\n" line ends, and a "\r" in a note is written as it is
	header := keys()
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	for _, r := range rs {
		c := r.Checkin
		row[len(row)-1] = formatTime(r.UpdatedAt)
		if r.Deleted {
			clear(row[1 : len(row)-1])
			row[0] = c.Date.String()
			if err := cw.Write(row); err != nil {
				return err
			}
			continue
		}
		row[0] = c.Date.String()
		row[1] = strconv.Itoa(c.Mood)
		row[2] = strconv.Itoa(c.Motivation)
		row[3] = slump.FormatHours(c.SleepHours)
		row[4] = strconv.Itoa(c.Effort)
		row[5] = formatOptional(c.Minutes)
		row[6] = formatOptional(c.SleepQuality)
		row[7] = c.Note
		row[8] = formatOptional(c.Legs)
		row[9] = string(c.DayType.Of())
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func formatOptional(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// jsonCheckin is one entry of a JSON export; the field order is the key order.
type jsonCheckin struct {
	Date         string       `json:"date"`
	Mood         int          `json:"mood"`
	Motivation   int          `json:"motivation"`
	SleepHours   *json.Number `json:"sleep_hours"` // nil (null) only for NaN or ±Inf, which JSON cannot hold
	Effort       int          `json:"effort"`
	Minutes      *int         `json:"minutes"`
	SleepQuality *int         `json:"sleep_quality"`
	Note         string       `json:"note"`
	Legs         *int         `json:"legs"`
	DayType      string       `json:"day_type"`
	UpdatedAt    *string      `json:"updated_at"`
}

// jsonDeleted is a deleted day in a JSON export.
type jsonDeleted struct {
	Date      string `json:"date"`
	UpdatedAt string `json:"updated_at"`
	Deleted   bool   `json:"deleted"`
}

// WriteJSON writes the check-ins, in the order given, as a JSON array of
// objects with the CSV column names as keys, in that order: null for an
// absent minutes or sleep_quality, "" for an empty note. Control and
// invisible format characters in a note (ESC, C1 controls, bidirectional
// overrides: see safejson) are written as \u escapes, so the output is safe
// on a terminal and reads back as the same note. Like WriteCSV it does not
// validate; JSON strings cannot hold invalid UTF-8, so such bytes in a note
// (which Validate refuses) are written as U+FFFD.
func WriteJSON(w io.Writer, cs []slump.Checkin) error { return WriteRecordsJSON(w, recordsOf(cs)) }

// WriteRecordsJSON writes records as WriteJSON writes check-ins, with their
// updated_at (null when unknown); a deleted day is {"date", "updated_at",
// "deleted": true}.
func WriteRecordsJSON(w io.Writer, rs []Record) error {
	out := make([]any, len(rs)) // never nil: no check-ins is [], not null
	for i, r := range rs {
		c := r.Checkin
		if r.Deleted {
			out[i] = jsonDeleted{Date: c.Date.String(), UpdatedAt: formatTime(r.UpdatedAt), Deleted: true}
			continue
		}
		e := jsonCheckin{
			Date: c.Date.String(), Mood: c.Mood, Motivation: c.Motivation, Effort: c.Effort,
			Minutes: c.Minutes, SleepQuality: c.SleepQuality, Note: c.Note, Legs: c.Legs, DayType: string(c.DayType.Of()),
		}
		if !r.UpdatedAt.IsZero() {
			t := formatTime(r.UpdatedAt)
			e.UpdatedAt = &t
		}
		if !math.IsNaN(c.SleepHours) && !math.IsInf(c.SleepHours, 0) {
			n := json.Number(slump.FormatHours(c.SleepHours))
			e.SleepHours = &n
		}
		out[i] = e
	}
	return safejson.Write(w, out, false) // false: keep <, > and & readable in notes
}

// ReadCSV reads a CSV export and returns its check-ins, oldest first. It
// parses and validates every row before returning anything: the first bad
// row gives a *RowError with its line and no check-ins.
//
// The first line must be CSVHeader or CSVHeaderV1 (a UTF-8 byte order mark
// before it is ignored), and every row must have its columns. Lines may end in "\n" or "\r\n"; empty lines are skipped. Every
// value is read as the command line reads it (ParseInt, ParseSleep:
// surrounding spaces are ignored, "7,5" is 7.5 hours) and must pass
// Validate(today): a date from 1900-01-01 to tomorrow (slump.CheckDay: one
// day's grace for an export made in a time zone ahead). An empty cell is an
// absent minutes or sleep_quality and an error for a required field. The note is kept exactly,
// every byte inside the quotes included ("\r\n" too: unlike encoding/csv this
// reader does not turn it into "\n"), but must be valid UTF-8 without NUL
// bytes, of at most MaxNoteRunes characters. A date may appear only once;
// rows may come in any order.
func ReadCSV(r io.Reader, today slump.Date) ([]slump.Checkin, error) {
	rs, err := readCSVRecords(r, today)
	return checkinsOf(rs), err
}

func readCSVRecords(r io.Reader, today slump.Date) ([]Record, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading CSV: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	rowErr := func(line int, err error) error { return &RowError{Line: line, Index: -1, Err: err} }

	s := csvScanner{data: data, line: 1}
	if len(data) == 0 {
		return nil, rowErr(1, fmt.Errorf("the file is empty; the first line must be the header %s", CSVHeader))
	}
	if data[0] == '\n' || bytes.HasPrefix(data, []byte("\r\n")) {
		return nil, rowErr(1, fmt.Errorf("the first line must be the header %s, not an empty line", CSVHeader))
	}
	header, _, err := s.next(nil)
	if err != nil {
		return nil, err
	}
	// Names are read as a spreadsheet may have written them: " Mood" is mood.
	columns := make([]string, len(header))
	for i, name := range header {
		columns[i] = strings.ToLower(strings.TrimSpace(name))
	}
	if err := checkHeader(columns, header); err != nil {
		return nil, rowErr(1, err)
	}

	out := []Record{}
	seen := make(map[slump.Date]int) // date -> line
	var rec []string
	for {
		var line int
		rec, line, err = s.next(rec)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		r, err := csvRecord(rec, columns, today)
		if err != nil {
			return nil, rowErr(line, err)
		}
		if first, dup := seen[r.Date]; dup {
			return nil, rowErr(line, fmt.Errorf("date: %s is also on line %d; a day has at most one check-in", r.Date, first))
		}
		seen[r.Date] = line
		out = append(out, r)
	}
	sortRecords(out)
	return out, nil
}

// csvRecord reads one row: a check-in with its updated_at, or a deleted
// day (no answers, and its updated_at).
func csvRecord(rec, columns []string, today slump.Date) (Record, error) {
	var upd time.Time
	if col := slices.Index(columns, KeyUpdatedAt); col >= 0 && col < len(rec) {
		var err error
		if upd, err = parseTime(rec[col]); err != nil {
			return Record{}, err
		}
	}
	if len(rec) == len(columns) && noAnswers(func(name string) bool {
		col := slices.Index(columns, name)
		return col < 0 || strings.TrimSpace(rec[col]) == ""
	}) {
		date, err := cellDate(rec[slices.Index(columns, "date")], today)
		if err != nil {
			return Record{}, err
		}
		if upd.IsZero() {
			return Record{}, fmt.Errorf("%s: a row without answers is a deleted day, and needs the time it was deleted", KeyUpdatedAt)
		}
		return Record{Checkin: slump.Checkin{Date: date}, UpdatedAt: upd, Deleted: true}, nil
	}
	c, err := csvCheckin(rec, columns, today)
	return Record{Checkin: c, UpdatedAt: upd}, err
}

// checkHeader checks the first record: the names of the columns, read by
// name, in any order, each once. date and the four core answers (mood,
// motivation, sleep_hours, effort) are needed; the optional answers may be
// left out, as in JSON, so CSVHeaderV1 and a file made by hand with only
// the core columns both import. A name laceup does not know is refused:
// it would be silently dropped. rec is the names in lower case without
// blank space around them; raw is the line as written.
func checkHeader(rec, raw []string) error {
	got := strconv.Quote(abbreviate(strings.Join(raw, ","), 100))
	var fe *slump.FieldError
	if _, err := slump.ParseDate(rec[0]); err == nil || errors.As(err, &fe) { // a date, if out of range
		return fmt.Errorf("the header is missing: the first line must be %s (got %s)", CSVHeader, got)
	}
	known := keys()
	for i, name := range rec {
		switch {
		case !slices.Contains(known, name):
			return fmt.Errorf("the header has a column laceup does not know, %q; the columns are %s, the first five needed, the others optional, in any order (got %s)",
				abbreviate(name, 40), CSVHeader, got)
		case slices.Index(rec, name) != i:
			return fmt.Errorf("the header has the column %s twice (got %s)", name, got)
		}
	}
	var missing []string
	for _, name := range known[:5] {
		if !slices.Contains(rec, name) {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("the header lacks %s; the columns are %s, the first five needed, the others optional, in any order (got %s)",
			strings.Join(missing, ", "), CSVHeader, got)
	}
	return nil
}

// csvCheckin reads and validates one row of the given columns, field by
// field in the order of slump.Fields; a field without a column is left out.
func csvCheckin(rec, columns []string, today slump.Date) (slump.Checkin, error) {
	if n := len(rec); n != len(columns) {
		fields := "fields"
		if n == 1 {
			fields = "field"
		}
		return slump.Checkin{}, fmt.Errorf("has %d %s, want %d (%s); a note with a comma, a quote or a line break must be in double quotes",
			n, fields, len(columns), strings.Join(columns, ","))
	}
	date, err := cellDate(rec[slices.Index(columns, "date")], today)
	if err != nil {
		return slump.Checkin{}, err
	}
	return slump.ParseCheckin(date, today, func(f slump.Field) (slump.Answer, error) {
		col := slices.Index(columns, f.Name)
		if col < 0 {
			return slump.Answer{}, nil
		}
		cell := rec[col]
		if f.Kind == slump.Text {
			return slump.Answer{Text: cell, Given: true}, nil // a note is kept exactly
		}
		// Blank space around a number is ignored: an empty cell is an
		// absent answer. A cell too long to be a number is quoted cut short.
		t := strings.TrimSpace(cell)
		if len(t) > maxCell {
			return slump.Answer{}, &slump.FieldError{Field: f.Name, Got: strconv.Quote(abbreviate(t, maxCell)), Want: f.Want()}
		}
		return slump.Answer{Text: t, Given: true}, nil
	})
}

// maxCell is the longest value a number or date cell is worth quoting whole
// in an error message.
const maxCell = 40

// cellDate reads a date as slump.ParseDateAsOf does: a day out of range is
// its *FieldError, anything else not a date one that says the form.
func cellDate(s string, today slump.Date) (slump.Date, error) {
	d, err := slump.ParseDateAsOf(s, today)
	var fe *slump.FieldError
	if errors.As(err, &fe) {
		return slump.Date{}, err
	}
	if err != nil {
		return slump.Date{}, &slump.FieldError{Field: slump.FieldDate, Got: strconv.Quote(abbreviate(strings.TrimSpace(s), maxCell)),
			Want: "a date in the form YYYY-MM-DD"}
	}
	return d, nil
}

// sortCheckins puts check-ins oldest first.
func sortCheckins(cs []slump.Checkin) {
	slices.SortFunc(cs, func(a, b slump.Checkin) int { return a.Date.Time().Compare(b.Date.Time()) })
}

// abbreviate cuts s to at most n characters, marking the cut with "…".
func abbreviate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// csvScanner reads RFC 4180 records from data. It is strict the way
// encoding/csv is without LazyQuotes (a quote may appear only in a quoted
// field, doubled), but keeps every byte of a quoted field: encoding/csv turns
// "\r\n" inside quotes into "\n", which would change a note on its way
// through an export and an import.
type csvScanner struct {
	data []byte
	pos  int
	line int // the line of data[pos], 1-based
}

// next returns the next record, reusing rec's storage, and the line it
// starts on; io.EOF at the end of data; a *RowError for broken quoting.
// Empty lines are skipped.
func (s *csvScanner) next(rec []string) ([]string, int, error) {
	for s.pos < len(s.data) {
		if s.data[s.pos] == '\n' {
			s.pos, s.line = s.pos+1, s.line+1
		} else if s.data[s.pos] == '\r' && s.pos+1 < len(s.data) && s.data[s.pos+1] == '\n' {
			s.pos, s.line = s.pos+2, s.line+1
		} else {
			break
		}
	}
	if s.pos >= len(s.data) {
		return nil, s.line, io.EOF
	}
	start := s.line
	rec = rec[:0]
	for {
		f, end, err := s.field()
		if err != nil {
			return nil, start, err
		}
		rec = append(rec, f)
		if end {
			return rec, start, nil
		}
	}
}

// field reads one field and the comma or line end after it; end reports that
// the record ended.
func (s *csvScanner) field() (f string, end bool, err error) {
	d := s.data
	if s.pos < len(d) && d[s.pos] == '"' {
		open := s.line
		s.pos++
		var b []byte
		for {
			i := bytes.IndexByte(d[s.pos:], '"')
			if i < 0 {
				return "", false, &RowError{Line: open, Index: -1,
					Err: errors.New("a quoted field starts here and has no closing quote")}
			}
			chunk := d[s.pos : s.pos+i]
			s.line += bytes.Count(chunk, []byte("\n"))
			b = append(b, chunk...)
			s.pos += i + 1
			if s.pos < len(d) && d[s.pos] == '"' { // "" is one quote
				b = append(b, '"')
				s.pos++
				continue
			}
			break
		}
		end, ok := s.separator()
		if !ok {
			r, _ := utf8.DecodeRune(d[s.pos:])
			return "", false, &RowError{Line: s.line, Index: -1,
				Err: fmt.Errorf(`%q after the closing quote of a field; a quote inside a quoted field must be doubled ("")`, r)}
		}
		return string(b), end, nil
	}

	i := s.pos
	for i < len(d) && d[i] != ',' && d[i] != '\n' {
		if d[i] == '"' {
			return "", false, &RowError{Line: s.line, Index: -1,
				Err: errors.New(`a quote in a field that does not start with one; put the field in double quotes and double the quote ("")`)}
		}
		i++
	}
	raw := d[s.pos:i]
	s.pos = i
	if n := len(raw); n > 0 && raw[n-1] == '\r' && (i == len(d) || d[i] == '\n') {
		raw = raw[:n-1] // a "\r\n" line end, or a final "\r" (as encoding/csv drops it)
	}
	end, _ = s.separator()
	return string(raw), end, nil
}

// separator consumes the comma or line end at pos. end reports a line end or
// the end of data; ok is false when something else is there.
func (s *csvScanner) separator() (end, ok bool) {
	d := s.data
	switch {
	case s.pos >= len(d):
		return true, true
	case d[s.pos] == ',':
		s.pos++
		return false, true
	case d[s.pos] == '\n':
		s.pos, s.line = s.pos+1, s.line+1
		return true, true
	case d[s.pos] == '\r' && s.pos+1 < len(d) && d[s.pos+1] == '\n':
		s.pos, s.line = s.pos+2, s.line+1
		return true, true
	}
	return false, false
}

// ReadJSON reads a JSON export and returns its check-ins, oldest first. It
// parses and validates every entry before returning anything: the first bad
// entry gives a *RowError with its index and no check-ins.
//
// The document must be one array of objects (a UTF-8 byte order mark before
// it is ignored). Each object has the CSV column names as keys: a key not
// among them, or given twice, is an error. date is a "YYYY-MM-DD" string;
// mood, motivation, effort, minutes and sleep_quality are JSON numbers with a
// whole value (3 and 3.0 are both 3; 3.5 and "3" are refused); sleep_hours is
// any JSON number from 0 to 24, rounded to the hundredth as ParseSleep does.
// minutes and sleep_quality may be null or left out (absent); the required
// keys may not. note may be a string, "", null or left out (all but a string
// mean no note); it is kept exactly, but must be valid Unicode without NUL
// bytes, of at most MaxNoteRunes characters. Every check-in must pass
// Validate(today) (a date from 1900-01-01 to tomorrow, as for CSV), a date
// may appear only once, and entries may come in any order.
func ReadJSON(r io.Reader, today slump.Date) ([]slump.Checkin, error) {
	rs, err := readJSONRecords(r, today)
	return checkinsOf(rs), err
}

func readJSONRecords(r io.Reader, today slump.Date) ([]Record, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading JSON: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	docErr := func(err error) error { return &RowError{Index: -1, Err: err} }
	const want = `the file must be a JSON array of check-ins ([{"date": "2026-03-15", ...}, ...])`

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err == io.EOF {
		return nil, docErr(fmt.Errorf("%s, and it is empty", want))
	}
	if err != nil {
		return nil, docErr(jsonSyntax(data, err))
	}
	if tok != json.Delim('[') {
		return nil, docErr(fmt.Errorf("%s, not %s", want, safejson.DescribeToken(tok)))
	}

	out := []Record{}
	seen := make(map[slump.Date]int) // date -> index
	for i := 0; dec.More(); i++ {
		c, err := jsonCheckinAt(dec, data, today)
		if err != nil {
			return nil, &RowError{Index: i, Err: err}
		}
		if first, dup := seen[c.Date]; dup {
			return nil, &RowError{Index: i, Err: fmt.Errorf("date: %s is also in entry %d (index %d); a day has at most one check-in",
				c.Date, first+1, first)}
		}
		seen[c.Date] = i
		out = append(out, c)
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, docErr(jsonSyntax(data, err))
	}
	end := int(dec.InputOffset())
	if tok, err := dec.Token(); err != io.EOF {
		if err != nil {
			return nil, docErr(jsonSyntax(data, err))
		}
		end += len(data[end:]) - len(bytes.TrimLeft(data[end:], " \t\r\n"))
		line, col := lineCol(data, end)
		return nil, docErr(fmt.Errorf("%s after the array, at line %d, column %d; the file must hold the array only",
			safejson.DescribeToken(tok), line, col))
	}
	sortRecords(out)
	return out, nil
}

// jsonCheckinAt reads and validates the entry at the decoder's position.
func jsonCheckinAt(dec *json.Decoder, data []byte, today slump.Date) (Record, error) {
	keys := append(keys(), keyDeleted)
	wantObject := fmt.Sprintf("must be an object with the keys %s", strings.Join(keys, ", "))
	tok, err := dec.Token()
	if err != nil {
		return Record{}, jsonSyntax(data, err)
	}
	if tok != json.Delim('{') {
		return Record{}, fmt.Errorf("%s, not %s", wantObject, safejson.DescribeToken(tok))
	}
	vals := make(map[string]json.RawMessage, len(keys)) // a key not in it is not there
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return Record{}, jsonSyntax(data, err)
		}
		key, _ := tok.(string) // the decoder allows nothing else here
		if !slices.Contains(keys, key) {
			return Record{}, fmt.Errorf("unknown key %q; the keys are %s", abbreviate(key, maxCell), strings.Join(keys, ", "))
		}
		if _, dup := vals[key]; dup {
			return Record{}, fmt.Errorf("the key %q appears twice", key)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Record{}, jsonSyntax(data, err)
		}
		vals[key] = raw
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return Record{}, jsonSyntax(data, err)
	}

	date, err := jsonDate(vals[slump.FieldDate], today)
	if err != nil {
		return Record{}, err
	}
	var upd time.Time
	if raw, ok := vals[KeyUpdatedAt]; ok && !isJSONNull(raw) {
		var text string
		if !isJSONString(raw) || json.Unmarshal(raw, &text) != nil {
			return Record{}, fmt.Errorf("%s: must be a time such as \"2026-03-14T07:05:00Z\", written as a JSON string (got %s)", KeyUpdatedAt, jsonGot(raw))
		}
		if upd, err = parseTime(text); err != nil {
			return Record{}, err
		}
	}
	if raw, ok := vals[keyDeleted]; ok {
		var deleted bool
		if json.Unmarshal(raw, &deleted) != nil {
			return Record{}, fmt.Errorf("%s: must be true or false (got %s)", keyDeleted, jsonGot(raw))
		}
		if deleted {
			if upd.IsZero() {
				return Record{}, fmt.Errorf("%s: a deleted day needs the time it was deleted", KeyUpdatedAt)
			}
			return Record{Checkin: slump.Checkin{Date: date}, UpdatedAt: upd, Deleted: true}, nil
		}
	}
	c, err := slump.ParseCheckin(date, today, func(f slump.Field) (slump.Answer, error) {
		return jsonAnswer(f, vals[f.Name])
	})
	return Record{Checkin: c, UpdatedAt: upd}, err
}

// jsonAnswer reads the value raw of field f (nil when the key is not
// there) as the answer ParseCheckin reads: a number as its text in the
// plainest form (3.0 and 3e0 are 3), shown as written in the file; null for
// an optional number, or no key at all, leaves the answer out.
func jsonAnswer(f slump.Field, raw json.RawMessage) (slump.Answer, error) {
	switch {
	case f.Kind == slump.Text:
		note, err := jsonNote(raw)
		return slump.Answer{Text: note, Given: true}, err
	case raw == nil:
		return slump.Answer{Shown: missingKey}, nil
	case f.Optional && isJSONNull(raw):
		return slump.Answer{}, nil
	case f.Kind == slump.Choice:
		var v string
		if !isJSONString(raw) || json.Unmarshal(raw, &v) != nil {
			return slump.Answer{}, &slump.FieldError{Field: f.Name, Got: jsonGot(raw), Want: f.Want() + ", written as a JSON string"}
		}
		return slump.Answer{Text: v, Given: true, Shown: jsonGot(raw)}, nil
	case !isJSONNumber(raw):
		fe := &slump.FieldError{Field: f.Name, Got: jsonGot(raw), Want: f.Want()}
		if isJSONString(raw) {
			fe.Want += ", written as a JSON number (without quotes)"
		}
		return slump.Answer{}, fe
	}
	text := string(raw)
	if v, err := strconv.ParseFloat(text, 64); err == nil {
		switch {
		case f.Kind == slump.Hours:
			text = slump.FormatHours(v)
		case v == math.Trunc(v) && math.Abs(v) < 1e15:
			text = strconv.FormatInt(int64(v), 10)
		}
	}
	return slump.Answer{Text: text, Given: true, Shown: jsonGot(raw)}, nil
}

// missingKey is the Got of a FieldError for a required key left out.
const missingKey = "nothing: the key is missing"

// jsonGot is raw as it reads in the file, for a FieldError's Got.
func jsonGot(raw json.RawMessage) string {
	if raw == nil {
		return missingKey
	}
	return abbreviate(string(raw), maxCell)
}

func isJSONString(raw json.RawMessage) bool { return len(raw) > 0 && raw[0] == '"' }
func isJSONNumber(raw json.RawMessage) bool {
	return len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9')
}
func isJSONNull(raw json.RawMessage) bool { return string(raw) == "null" }

func jsonDate(raw json.RawMessage, today slump.Date) (slump.Date, error) {
	var s string
	if !isJSONString(raw) || json.Unmarshal(raw, &s) != nil {
		return slump.Date{}, &slump.FieldError{Field: slump.FieldDate, Got: jsonGot(raw), Want: `a date in the form "YYYY-MM-DD"`}
	}
	return cellDate(s, today)
}

// jsonNote reads a note: a string, or null or nothing for no note. The JSON
// decoder would quietly turn invalid UTF-8 and a lone surrogate escape
// ("\ud800") into U+FFFD; both are refused instead.
func jsonNote(raw json.RawMessage) (string, error) {
	if raw == nil || isJSONNull(raw) {
		return "", nil
	}
	var s string
	if !isJSONString(raw) || json.Unmarshal(raw, &s) != nil {
		return "", &slump.FieldError{Field: slump.FieldNote, Got: jsonGot(raw), Want: "text (a JSON string) or null"}
	}
	if !utf8.Valid(raw) {
		return "", &slump.FieldError{Field: slump.FieldNote, Want: "valid UTF-8 text"}
	}
	if esc := loneSurrogate(raw); esc != "" {
		return "", &slump.FieldError{Field: slump.FieldNote, Got: esc, Want: `valid Unicode text, without a lone surrogate escape ("\ud800")`}
	}
	return s, nil
}

// loneSurrogate returns the first \uXXXX escape in the JSON string raw that is
// half a surrogate pair without the other half, or "".
func loneSurrogate(raw []byte) string {
	hex4 := func(i int) (rune, bool) { // the escape \uXXXX at raw[i:]
		if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		r, ok := hex4(i)
		if !ok {
			i++ // skip the escaped character (it may be a backslash)
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := hex4(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
				i += 11
				continue
			}
			return string(raw[i : i+6])
		case r >= 0xDC00 && r < 0xE000:
			return string(raw[i : i+6])
		}
		i += 5
	}
	return ""
}

// jsonSyntax describes a decoding error with its line and column in data.
// The offset of a json.Decoder's SyntaxError is not always from the start of
// the stream, so the position comes from checking the whole of data, which
// json.Unmarshal does before decoding anything.
func jsonSyntax(data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		var raw json.RawMessage
		if errors.As(json.Unmarshal(data, &raw), &se) {
			line, col := lineCol(data, int(se.Offset)-1) // the offset is just past the bad byte
			return fmt.Errorf("invalid JSON at line %d, column %d: %v", line, col, se)
		}
		return fmt.Errorf("invalid JSON: %v", err)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return errors.New("invalid JSON: the file ends before the array is closed")
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// lineCol returns the 1-based line and column (in characters) of the byte at
// offset in data.
func lineCol(data []byte, offset int) (line, col int) {
	off := min(max(offset, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte("\n")) + 1, utf8.RuneCount(data[start:off]) + 1
}

// Format picks the format of an exchange file: name ("csv" or "json", in
// any case) when given, else path's extension, else CSV (also for an
// extension that is neither). Any other name is a *slump.FieldError for
// "format".
func Format(name, path string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(name))
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	switch f {
	case "csv", "json":
		return f, nil
	case "":
		return "csv", nil
	}
	if name == "" {
		return "csv", nil // an extension that is neither
	}
	return "", &slump.FieldError{Field: "format", Got: strconv.Quote(name), Want: "csv or json"}
}

// Read reads an export in format ("csv" or "json"), as ReadCSV or ReadJSON
// does. With sniff, a file taken for CSV (by its name) whose content starts
// with '[' is read as JSON.
func Read(data []byte, format string, sniff bool, today slump.Date) ([]slump.Checkin, error) {
	rs, err := ReadRecords(data, format, sniff, today)
	return checkinsOf(rs), err
}

// ReadRecords reads a file as Read does, with each day's updated_at and
// the deleted days (see Record): what import --merge newer reads.
func ReadRecords(data []byte, format string, sniff bool, today slump.Date) ([]Record, error) {
	if format == "json" || sniff && bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("[")) {
		return readJSONRecords(bytes.NewReader(data), today)
	}
	return readCSVRecords(bytes.NewReader(data), today)
}
