package garmin

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
	"github.com/laceup/laceup/slump/safejson"
)

// Night is one night of a sleepData file, as the watch measured it.
type Night struct {
	// Day is calendarDate: the day the runner woke up, whose check-in asks
	// about "last night".
	Day slump.Date
	// DeepSeconds, LightSeconds and RemSeconds are the seconds of each
	// stage of sleep (remSleepSeconds is absent on watches without REM
	// tracking, and read as 0). Time awake is in none of them.
	DeepSeconds, LightSeconds, RemSeconds int
	// Score is sleepScores.overallScore, 0 to 100; nil when absent.
	Score *int
}

// Hours is the night's sleep in hours: deep + light + REM, as the
// check-in's sleep question counts it (time awake in bed left out).
func (n Night) Hours() float64 {
	return float64(n.DeepSeconds+n.LightSeconds+n.RemSeconds) / 3600
}

// wantSleep describes the shape ReadSleep takes.
const wantSleep = `want [{"calendarDate": "2026-01-14", "deepSleepSeconds": ..., "lightSleepSeconds": ...}, ...]`

// maxStageSeconds is the most a stage of one night can last: a day.
const maxStageSeconds = 24 * 60 * 60

// ReadSleep reads a *_sleepData.json file of Garmin's export: a JSON array of
// nights, each an object with calendarDate (YYYY-MM-DD, the wake-up day)
// and the seconds of each stage of sleep. The file is decoded as a stream.
//
// A night without deepSleepSeconds and lightSleepSeconds, or with no sleep
// in any stage, was not measured (the watch was off the wrist) and is left
// out, so that it never reads as a night without sleep. Stage seconds must
// be from 0 to 86400; sleepScores.overallScore, when there, from 0 to 100.
// Other keys are skipped.
//
// The nights come in the file's order, one per calendarDate as Garmin
// writes them; files of overlapping ranges are merged with MergeNights. A
// document of another shape is an *EntryError with Index -1 wrapping
// ErrNotSleepData; a bad night is an *EntryError naming it.
func ReadSleep(r io.Reader) ([]Night, error) {
	er := &activity.ReadErrors{R: r}
	out, err := readSleep(newDecoder(er))
	if er.Err != nil {
		return nil, fmt.Errorf("reading JSON: %w", er.Err)
	}
	return out, err
}

// readSleep reads the document of ReadSleep.
func readSleep(dec *json.Decoder) ([]Night, error) {
	docErr := func(err error) error { return &EntryError{Index: -1, Err: err} }
	notShape := func(got string) error {
		return docErr(fmt.Errorf("%w: %s, got %s", ErrNotSleepData, wantSleep, got))
	}
	tok, err := dec.Token()
	if err == io.EOF {
		return nil, notShape("an empty file")
	}
	if err != nil {
		return nil, docErr(syntaxErr(dec, err))
	}
	if tok != json.Delim('[') {
		return nil, notShape(safejson.DescribeToken(tok))
	}
	out := []Night{}
	for i := 0; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &EntryError{Index: i, Err: syntaxErr(dec, err)}
		}
		if raw[0] != '{' {
			return nil, notShape("an array holding " + describeRaw(raw))
		}
		var rn rawNight
		if err := json.Unmarshal(raw, &rn); err != nil { // every key is a RawMessage: only a broken document fails
			return nil, &EntryError{Index: i, Err: err}
		}
		if isNull(rn.CalendarDate) {
			if i == 0 {
				return nil, notShape(`an entry without "calendarDate"`)
			}
			return nil, &EntryError{Index: i, Err: errors.New("calendarDate: missing; every night of the export has one")}
		}
		n, measured, id, err := rn.night()
		if err != nil {
			return nil, &EntryError{Index: i, ID: id, Err: err}
		}
		if measured {
			out = append(out, n)
		}
	}
	if _, err := dec.Token(); err != nil { // ]
		return nil, docErr(syntaxErr(dec, err))
	}
	if err := atEnd(dec); err != nil {
		return nil, docErr(err)
	}
	return out, nil
}

// rawNight holds the keys of a night the reader uses.
type rawNight struct {
	CalendarDate json.RawMessage `json:"calendarDate"`
	Deep         json.RawMessage `json:"deepSleepSeconds"`
	Light        json.RawMessage `json:"lightSleepSeconds"`
	Rem          json.RawMessage `json:"remSleepSeconds"`
	Scores       json.RawMessage `json:"sleepScores"`
}

// night checks rn and makes it a Night; measured is false for a night the
// watch did not measure.
func (rn rawNight) night() (n Night, measured bool, id string, err error) {
	s, err := text("calendarDate", rn.CalendarDate)
	if err != nil {
		return n, false, "", err
	}
	if n.Day, err = slump.ParseDate(s); err != nil {
		return n, false, "", fmt.Errorf("calendarDate: %v", err)
	}
	id = "calendarDate " + n.Day.String()

	deepOrLight := false // measured: the watch writes both stages, REM only if it can
	for _, f := range []struct {
		key      string
		raw      json.RawMessage
		dst      *int
		measured bool
	}{
		{"deepSleepSeconds", rn.Deep, &n.DeepSeconds, true},
		{"lightSleepSeconds", rn.Light, &n.LightSeconds, true},
		{"remSleepSeconds", rn.Rem, &n.RemSeconds, false},
	} {
		v, ok, err := amount(f.key, f.raw)
		if err != nil {
			return n, false, id, err
		}
		if v > maxStageSeconds {
			return n, false, id, fmt.Errorf("%s: must be at most %d, a day (got %s)", f.key, maxStageSeconds, f.raw)
		}
		deepOrLight = deepOrLight || ok && f.measured
		*f.dst = int(math.Round(v))
	}
	if total := n.DeepSeconds + n.LightSeconds + n.RemSeconds; total > maxStageSeconds {
		return n, false, id, fmt.Errorf("deepSleepSeconds + lightSleepSeconds + remSleepSeconds: must be at most %d, a day (got %d)", maxStageSeconds, total)
	}

	if !isNull(rn.Scores) {
		var sc struct {
			Overall json.RawMessage `json:"overallScore"`
		}
		if rn.Scores[0] != '{' || json.Unmarshal(rn.Scores, &sc) != nil {
			return n, false, id, fmt.Errorf("sleepScores: must be an object (got %s)", describeRaw(rn.Scores))
		}
		v, ok, err := number("sleepScores.overallScore", sc.Overall)
		if err != nil {
			return n, false, id, err
		}
		if ok {
			if v < 0 || v > 100 {
				return n, false, id, fmt.Errorf("sleepScores.overallScore: must be from 0 to 100 (got %s)", sc.Overall)
			}
			score := int(math.Round(v))
			n.Score = &score
		}
	}
	return n, deepOrLight && n.Hours() > 0, id, nil
}

// MergeNights merges the nights of several sleepData files into one night
// per day, oldest day first. Garmin splits the nights into files of date
// ranges that overlap; for a day in more than one, the newest file wins, so
// pass the files oldest first (their names, <from>_<to>_..._sleepData.json,
// sort that way). Within one file, a later entry for a day wins.
func MergeNights(files ...[]Night) []Night {
	byDay := make(map[slump.Date]Night)
	for _, f := range files {
		for _, n := range f {
			byDay[n.Day] = n
		}
	}
	out := make([]Night, 0, len(byDay))
	for _, n := range byDay {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b Night) int { return a.Day.Time().Compare(b.Day.Time()) })
	return out
}
