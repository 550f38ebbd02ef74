// Package garmin reads the two files of Garmin's "Export Your Data" archive
// that a running journal can use: the activities
// (DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json, with
// ReadSummarizedActivities) and the nights
// (DI_CONNECT/DI-Connect-Wellness/*_sleepData.json, with ReadSleep and
// MergeNights).
//
// Like slump, it uses only the standard library (and slump's own
// packages), reads only the bytes it is
// given and never reads the clock. It needs no time zone either: Garmin
// writes each activity's local start (startTimeLocal) and dates each night
// by its wake-up day. Checking a day against today (slump.CheckDay) is the
// caller's.
//
// The export documents neither its shape nor its units. The rules here come
// from real exports and the importers that read them, gathered with their
// sources in the project's research note on import formats (issue 13):
// durations are milliseconds, distances centimetres, workoutRpe the CR-10
// rating times ten.
package garmin

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
	"github.com/laceup/laceup/slump/safejson"
)

// Source is the value of Session.Source: laceup's name for this export.
const Source = activity.SourceGarmin

// Session is one activity of a summarizedActivities file, as every
// source's session is: a slump/activity Activity (its Running says which
// are runs, by the activityType key). What the export leaves out is nil,
// never 0. Of a Garmin activity:
//   - SourceID is the activityId, in decimal: the key that makes importing
//     the same export twice find the same rows;
//   - Day is the local calendar day it started on, from startTimeLocal: the
//     day whose check-in it belongs to, wherever the runner was; Start is
//     startTimeGmt (or beginTimestamp when it is absent), in UTC;
//   - Sport is the activityType key as written ("running",
//     "trail_running", "cycling"); Name the title as written (whoever shows
//     it on a terminal makes it safe), invalid UTF-8 as U+FFFD;
//   - MovingMinutes is movingDuration in minutes, unrounded, or duration
//     (the timer time) when it is absent; ElapsedMinutes elapsedDuration,
//     or duration; DistanceMeters distance (centimetres in the file);
//   - RPE is workoutRpe (10 to 100) divided by 10, rounded half up, the
//     runner's CR-10 rating on the watch or in Garmin Connect; nil when not
//     rated (absent, null, or 0, which the scale never gives).
//     workoutFeel, activityTrainingLoad and the training effects are not a
//     rating and are not read.
type Session = activity.Activity

// ErrNotSummarizedActivities is wrapped by the error ReadSummarizedActivities
// returns for a JSON document that is not the summarizedActivities shape
// (errors.Is finds it), so a caller can try the file as another format.
var ErrNotSummarizedActivities = errors.New("not a Garmin summarizedActivities export")

// ErrNotSleepData is wrapped by the error ReadSleep returns for a JSON
// document that is not the sleepData shape.
var ErrNotSleepData = errors.New("not a Garmin sleepData export")

// EntryError is a file refused: where its first problem is and what it is.
// The readers return one for every problem with the file's content, and
// only for those (not for an error reading r), so errors.As(err, &entryErr)
// tells bad input from a failed read. Nothing is returned with it: a file is
// read whole or not at all.
type EntryError struct {
	// Index is the 0-based index of the bad entry in the file's array of
	// activities or nights, or -1 when the problem is with the document as
	// a whole (not the Garmin shape, invalid JSON between entries).
	Index int
	// ID names the entry when it is known: "activityId 111",
	// "calendarDate 2026-01-14".
	ID string
	// Err says what is wrong.
	Err error
}

// Error reads "entry 3 (activityId 111): workoutRpe: must be ..." or, for
// the document, the problem alone.
func (e *EntryError) Error() string {
	switch {
	case e.Index < 0:
		return e.Err.Error()
	case e.ID != "":
		return fmt.Sprintf("entry %d (%s): %v", e.Index+1, e.ID, e.Err)
	}
	return fmt.Sprintf("entry %d: %v", e.Index+1, e.Err)
}

// Unwrap returns Err.
func (e *EntryError) Unwrap() error { return e.Err }

// wantActivities describes the shape ReadSummarizedActivities takes.
const wantActivities = `want [{"summarizedActivitiesExport": [{"activityId": ..., "startTimeLocal": ...}, ...]}]`

// ReadSummarizedActivities reads a *_summarizedActivities.json file of
// Garmin's export: a JSON array of objects, one of which (in practice the
// only one) holds "summarizedActivitiesExport", the array of activities.
// The object alone, without the array around it, is taken too. The file is
// decoded as a stream, one activity at a time, so a heavy user's 100 MB
// file is read without holding it whole.
//
// Each activity needs activityId (a whole number), startTimeLocal and
// startTimeGmt or beginTimestamp (milliseconds since 1970; the local one is
// the wall time written as if it were UTC, which is what gives the day).
// Everything else is optional; a value that is there must be of its kind:
// durations and distance not negative, workoutRpe from 10 to 100 (or 0,
// not rated). Keys the reader does not use are skipped.
//
// The sessions come in the file's order. A document of another shape
// (such as a sleepData file) is an *EntryError with Index -1 wrapping
// ErrNotSummarizedActivities; a bad activity is an *EntryError naming it.
func ReadSummarizedActivities(r io.Reader) ([]Session, error) {
	er := &activity.ReadErrors{R: r}
	out, err := readActivities(newDecoder(er))
	if er.Err != nil {
		return nil, fmt.Errorf("reading JSON: %w", er.Err)
	}
	return out, err
}

// readActivities reads the document of ReadSummarizedActivities.
func readActivities(dec *json.Decoder) ([]Session, error) {
	docErr := func(err error) error { return &EntryError{Index: -1, Err: err} }
	notShape := func(got string) error {
		return docErr(fmt.Errorf("%w: %s, got %s", ErrNotSummarizedActivities, wantActivities, got))
	}

	tok, err := dec.Token()
	if err == io.EOF {
		return nil, notShape("an empty file")
	}
	if err != nil {
		return nil, docErr(syntaxErr(dec, err))
	}
	out := []Session{}
	found := false
	readWrapper := func() error { // after the '{' of the object holding the export
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return docErr(syntaxErr(dec, err))
			}
			if key != "summarizedActivitiesExport" {
				if err := skipValue(dec); err != nil {
					return docErr(err)
				}
				continue
			}
			found = true
			tok, err := dec.Token()
			if err != nil {
				return docErr(syntaxErr(dec, err))
			}
			if tok != json.Delim('[') {
				return notShape(`"summarizedActivitiesExport" holding ` + safejson.DescribeToken(tok))
			}
			for dec.More() {
				s, err := activityAt(dec, len(out))
				if err != nil {
					return err
				}
				out = append(out, s)
			}
			if _, err := dec.Token(); err != nil { // ]
				return docErr(syntaxErr(dec, err))
			}
		}
		if _, err := dec.Token(); err != nil { // }
			return docErr(syntaxErr(dec, err))
		}
		return nil
	}

	switch tok {
	case json.Delim('{'):
		if err := readWrapper(); err != nil {
			return nil, err
		}
	case json.Delim('['):
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, docErr(syntaxErr(dec, err))
			}
			if tok != json.Delim('{') {
				return nil, notShape("an array holding " + safejson.DescribeToken(tok))
			}
			if err := readWrapper(); err != nil {
				return nil, err
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, docErr(syntaxErr(dec, err))
		}
	default:
		return nil, notShape(safejson.DescribeToken(tok))
	}
	if !found {
		return nil, notShape(`no "summarizedActivitiesExport" key`)
	}
	if err := atEnd(dec); err != nil {
		return nil, docErr(err)
	}
	return out, nil
}

// typeKey is an activityType: a string in the export ("running"), an object
// with a typeKey in Garmin's other JSON files ({"typeKey": "running", ...}).
type typeKey string

func (t *typeKey) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '{':
		var v struct {
			TypeKey *string `json:"typeKey"`
		}
		if err := json.Unmarshal(b, &v); err != nil || v.TypeKey == nil {
			return errors.New(`must be a key such as "running", or an object with a "typeKey"`)
		}
		*t = typeKey(*v.TypeKey)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New(`must be a key such as "running", or an object with a "typeKey"`)
	}
	*t = typeKey(s)
	return nil
}

// rawActivity holds the keys of an activity the reader uses; "" is absent
// (or null).
type rawActivity struct {
	ActivityID      json.RawMessage `json:"activityId"`
	Name            json.RawMessage `json:"name"`
	ActivityType    json.RawMessage `json:"activityType"`
	SportType       json.RawMessage `json:"sportType"`
	StartTimeLocal  json.RawMessage `json:"startTimeLocal"`
	StartTimeGmt    json.RawMessage `json:"startTimeGmt"`
	BeginTimestamp  json.RawMessage `json:"beginTimestamp"`
	Duration        json.RawMessage `json:"duration"`
	MovingDuration  json.RawMessage `json:"movingDuration"`
	ElapsedDuration json.RawMessage `json:"elapsedDuration"`
	Distance        json.RawMessage `json:"distance"`
	WorkoutRpe      json.RawMessage `json:"workoutRpe"`
}

// activityAt reads the activity at the decoder's position, entry i.
func activityAt(dec *json.Decoder, i int) (Session, error) {
	var a *rawActivity // stays nil for null
	if err := dec.Decode(&a); err != nil {
		// Every key is a RawMessage: a type error is an entry that is not an object.
		if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) {
			return Session{}, &EntryError{Index: i, Err: fmt.Errorf("an activity must be an object, not %s", kindOf(te.Value))}
		}
		return Session{}, &EntryError{Index: i, Err: syntaxErr(dec, err)}
	}
	if a == nil {
		return Session{}, &EntryError{Index: i, Err: errors.New("an activity must be an object, not null")}
	}
	s, id, err := a.session()
	if err != nil {
		return Session{}, &EntryError{Index: i, ID: id, Err: err}
	}
	return s, nil
}

// session checks a and makes it a Session; id names the activity for an
// error once activityId is known.
func (a rawActivity) session() (s Session, id string, err error) {
	idNum, ok, err := wholeNumber("activityId", a.ActivityID)
	if err != nil {
		return s, "", err
	}
	if !ok {
		return s, "", errors.New("activityId: missing; every activity of the export has one")
	}
	s = Session{Source: Source, SourceID: strconv.FormatInt(idNum, 10)}
	id = "activityId " + s.SourceID

	if s.Name, err = text("name", a.Name); err != nil {
		return s, id, err
	}
	var tk typeKey
	if len(a.ActivityType) > 0 {
		if err := tk.UnmarshalJSON(a.ActivityType); err != nil {
			return s, id, fmt.Errorf("activityType: %v (got %s)", err, describeRaw(a.ActivityType))
		}
	}
	s.Sport = string(tk)
	if s.Sport == "" { // sportType ("RUNNING") when activityType is missing
		st, err := text("sportType", a.SportType)
		if err != nil {
			return s, id, err
		}
		s.Sport = strings.ToLower(st)
	}

	local, ok, err := millis("startTimeLocal", a.StartTimeLocal)
	if err != nil {
		return s, id, err
	}
	if !ok {
		return s, id, errors.New("startTimeLocal: missing; it gives the activity's day")
	}
	s.Day = slump.DateOf(local.UTC()) // wall time written as UTC
	start, ok, err := millis("startTimeGmt", a.StartTimeGmt)
	if err != nil {
		return s, id, err
	}
	if !ok {
		if start, ok, err = millis("beginTimestamp", a.BeginTimestamp); err != nil {
			return s, id, err
		}
		if !ok {
			return s, id, errors.New("startTimeGmt: missing, and so is beginTimestamp; one gives the activity's start")
		}
	}
	s.Start = start.UTC()

	var dur, moving, elapsed, dist *float64
	for _, f := range []struct {
		key  string
		raw  json.RawMessage
		dst  **float64
		unit float64
	}{
		{"duration", a.Duration, &dur, 60000},
		{"movingDuration", a.MovingDuration, &moving, 60000},
		{"elapsedDuration", a.ElapsedDuration, &elapsed, 60000},
		{"distance", a.Distance, &dist, 100},
	} {
		v, ok, err := amount(f.key, f.raw)
		if err != nil {
			return s, id, err
		}
		if ok {
			v /= f.unit
			*f.dst = &v
		}
	}
	s.MovingMinutes, s.ElapsedMinutes, s.DistanceMeters = cmpOr(moving, dur), cmpOr(elapsed, dur), dist

	rpe, ok, err := number("workoutRpe", a.WorkoutRpe)
	if err != nil {
		return s, id, err
	}
	if ok && rpe != 0 { // 0: not rated (the scale starts at 1)
		if rpe < 10 || rpe > 100 {
			return s, id, fmt.Errorf("workoutRpe: must be from 10 to 100, the CR-10 rating times ten (got %s)", a.WorkoutRpe)
		}
		r := int(math.Floor(rpe/10 + 0.5))
		s.RPE = &r
	}
	return s, id, nil
}

// cmpOr returns the first of its arguments that is not nil.
func cmpOr(a, b *float64) *float64 {
	if a != nil {
		return a
	}
	return b
}

// isNull reports a value that is absent or null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || bytes.Equal(raw, []byte("null"))
}

// number reads a JSON number; ok is false when raw is absent or null.
func number(key string, raw json.RawMessage) (v float64, ok bool, err error) {
	if isNull(raw) {
		return 0, false, nil
	}
	var n json.Number
	if raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
		return 0, false, fmt.Errorf("%s: must be a number (got %s)", key, describeRaw(raw))
	}
	v, err = n.Float64()
	if err != nil || math.IsInf(v, 0) {
		return 0, false, fmt.Errorf("%s: must be a number (got %s)", key, describeRaw(raw))
	}
	return v, true, nil
}

// amount reads a number that may not be negative.
func amount(key string, raw json.RawMessage) (float64, bool, error) {
	v, ok, err := number(key, raw)
	if err == nil && ok && v < 0 {
		err = fmt.Errorf("%s: must not be negative (got %s)", key, raw)
	}
	return v, ok, err
}

// wholeNumber reads a whole number (an id: 11194200380), as a JSON number
// or the digits in a string.
func wholeNumber(key string, raw json.RawMessage) (int64, bool, error) {
	if isNull(raw) {
		return 0, false, nil
	}
	s := string(raw)
	if raw[0] == '"' {
		if json.Unmarshal(raw, &s) != nil {
			s = ""
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		return 0, false, fmt.Errorf("%s: must be a whole number (got %s)", key, describeRaw(raw))
	}
	return v, true, nil
}

// maxMillis is the last millisecond of 9999-12-31 UTC: the last day
// YYYY-MM-DD can write.
const maxMillis = 253402300799999

// millis reads a time in milliseconds since 1970-01-01.
func millis(key string, raw json.RawMessage) (time.Time, bool, error) {
	v, ok, err := number(key, raw)
	if err != nil || !ok {
		return time.Time{}, ok, err
	}
	if v < 0 || v > maxMillis {
		return time.Time{}, false, fmt.Errorf("%s: must be milliseconds since 1970, up to the year 9999 (got %s)", key, raw)
	}
	return time.UnixMilli(int64(math.Round(v))), true, nil
}

// text reads a string; "" when absent or null. Invalid UTF-8 and lone
// surrogates are U+FFFD, as encoding/json decodes them.
func text(key string, raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: must be a string (got %s)", key, describeRaw(raw))
	}
	return s, nil
}

// newDecoder returns a decoder of r's JSON, past a byte order mark (some
// editors write one).
func newDecoder(r io.Reader) *json.Decoder {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	return dec
}

// skipValue skips the value at the decoder's position.
func skipValue(dec *json.Decoder) error {
	var skip json.RawMessage
	if err := dec.Decode(&skip); err != nil {
		return syntaxErr(dec, err)
	}
	return nil
}

// atEnd checks that nothing but white space follows the document.
func atEnd(dec *json.Decoder) error {
	end := dec.InputOffset()
	tok, err := dec.Token()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return syntaxErr(dec, err)
	}
	return fmt.Errorf("%s after the document, which ends at byte %d; the file must hold one JSON document", safejson.DescribeToken(tok), end)
}

// syntaxErr describes a decoding error with where it was found: near the
// 1-based byte just past the last value read whole.
func syntaxErr(dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON near byte %d: %v", dec.InputOffset()+1, se)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return errors.New("invalid JSON: the file ends in the middle of the document; is it cut short?")
	}
	return fmt.Errorf("invalid JSON near byte %d: %w", dec.InputOffset()+1, err)
}

// kindOf names the kind of JSON value of an *json.UnmarshalTypeError's
// Value ("number", "number -5", "string", "array", "bool") for a message.
func kindOf(value string) string {
	switch kind, _, _ := strings.Cut(value, " "); kind {
	case "array":
		return "an array"
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	}
	return value
}

// describeRaw names a JSON value for a message: a short one in plain ASCII
// as it is, any other by its kind, so that a message never carries a
// character that could act on a terminal.
func describeRaw(raw json.RawMessage) string {
	plain := len(raw) <= 40
	for _, b := range raw {
		plain = plain && b >= 0x20 && b < 0x7f
	}
	if plain {
		return string(raw)
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a long string"
	}
	return "a long value"
}
