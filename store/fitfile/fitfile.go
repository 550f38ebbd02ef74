// Package fitfile reads the sessions of a FIT activity file: what a watch
// writes for each run (GARMIN/Activity/*.fit over USB, or the originals in
// Garmin's and Strava's account exports), plain or gzipped (.fit.gz).
//
// It decodes with github.com/muktihari/fit, the maintained Go FIT SDK
// (tormoder/fit points to it). It reads only the bytes it is given and
// never the clock; the runner's time zone is a parameter. It lives outside
// slump because slump takes the standard library only.
//
// What it reads, from the FIT profile: the session message's start_time,
// total_timer_time, total_elapsed_time (seconds x1000), total_distance
// (metres x100), sport, sport_profile_name and workout_rpe (field 193, the
// Borg CR-10 rating times ten, the watch's post-run question); the
// file_id's serial_number and time_created for the session's id; and the
// activity message's local_timestamp for the local day.
package fitfile

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/muktihari/fit/decoder"
	"github.com/muktihari/fit/profile/basetype"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
	"github.com/muktihari/fit/profile/untyped/mesgnum"
	"github.com/muktihari/fit/proto"

	"github.com/laceup/laceup/slump"
	"github.com/laceup/laceup/slump/activity"
)

// Source is the value of Session.Source: laceup's name for these files.
const Source = activity.SourceFIT

// MaxSize is the most data Read takes from one file, after gunzip: 64 MiB.
// A week-long ultra recorded every second is a few MB; anything larger is
// not an activity file, or a gzip bomb.
const MaxSize = 64 << 20

// Session is one session of a FIT file (a run, or one leg of a multisport
// file), as every source's session is: a slump/activity Activity (its
// Running says which are runs: the FIT sport "running", whatever its
// sub-sport). What the file leaves out is nil, never 0. Of a FIT session:
//   - SourceID is the file's file_id, "<serial_number>-<time_created>" (the
//     time in seconds since 1970), which the watch writes once per file: the
//     same file read again, or copied elsewhere, has the same id. The n-th
//     session of a multisport file (n from 2) ends in "/n". A missing
//     serial_number is 0; a missing time_created is the first session's
//     start;
//   - Day is the calendar day it started on, local to where it was
//     recorded: by the watch's own offset from UTC (the activity message's
//     local_timestamp against its timestamp), and in the zone Read is given
//     when the file does not say; Start is start_time, in UTC;
//   - Sport is the FIT sport's name in the profile ("running", "cycling",
//     "training"; "sport 254" for a number the profile does not name; ""
//     when absent); Name is sport_profile_name ("Run", "Trail Run");
//   - MovingMinutes is total_timer_time in minutes (pauses left out), or
//     total_elapsed_time when it is absent; ElapsedMinutes is
//     total_elapsed_time; DistanceMeters total_distance;
//   - RPE is workout_rpe divided by 10, rounded half up: the runner's
//     answer to the watch's "how hard was it", CR-10; nil when not
//     answered (absent or invalid, 0xFF) and when 0, which the scale never
//     gives and a device that never asks may write.
type Session = activity.Activity

// The kinds of file Read refuses; every *FormatError wraps one.
var (
	// ErrNotFIT is a file that is not FIT data (nor gzipped FIT data).
	ErrNotFIT = errors.New("not a FIT file")
	// ErrDamaged is a FIT or gzip file whose checksum (CRC) does not match
	// its data, or whose data cannot be decoded.
	ErrDamaged = errors.New("damaged FIT file")
	// ErrTruncated is a file that ends before the size its header states:
	// cut short by a copy or an upload.
	ErrTruncated = errors.New("truncated FIT file")
	// ErrTooLarge is a file of more than MaxSize bytes of data.
	ErrTooLarge = errors.New("FIT file too large")
	// ErrBadSession is a session with a value out of its range.
	ErrBadSession = errors.New("FIT session out of range")
)

// FormatError is a file refused for its content. Read returns one for every
// problem with the file's bytes, and only for those (not for an error
// reading r), so errors.As(err, &formatErr) tells bad input from a failed
// read; errors.Is tells which kind (ErrNotFIT, ErrDamaged, ErrTruncated,
// ErrTooLarge, ErrBadSession). The caller adds the file's name.
type FormatError struct {
	// Kind is one of the Err values.
	Kind error
	// Detail says what is wrong, in words.
	Detail string
	// Err is the decoder's own error, when there is one.
	Err error
}

// Error reads "damaged FIT file: its checksum (CRC) does not match its
// data (decode crc [byte pos: 283]: ...)".
func (e *FormatError) Error() string {
	s := e.Kind.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += " (" + e.Err.Error() + ")"
	}
	return s
}

// Unwrap returns Kind and Err, so errors.Is finds both.
func (e *FormatError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Read reads the sessions of the FIT data in r: a .fit file, or a .fit.gz
// (told by its first bytes, not its name). Every FIT sequence of a chained
// file is read; the sessions come in the file's order. loc is the runner's
// zone, for a file that does not give its own offset (nil is UTC).
//
// A FIT file of another type (settings, monitoring, a course) has no
// session and gives none, without an error. The whole file is checked,
// every CRC included, before anything is returned: a file is read whole or
// not at all.
func Read(r io.Reader, loc *time.Location) ([]Session, error) {
	if loc == nil {
		loc = time.UTC
	}
	er := &activity.ReadErrors{R: r}
	out, err := read(er, loc)
	if er.Err != nil {
		return nil, fmt.Errorf("reading: %w", er.Err)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func read(r io.Reader, loc *time.Location) ([]Session, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) == 0 {
		return nil, &FormatError{Kind: ErrNotFIT, Detail: "the file is empty"}
	}
	var src io.Reader = br
	gzipped := len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if gzipped {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, gzipErr(err)
		}
		src = zr
	}
	lr := &limitReader{r: src, left: maxSize}
	c := new(collector)
	dec := decoder.New(lr, decoder.WithMesgListener(c), decoder.WithBroadcastOnly())

	out := []Session{}
	for seq := 0; dec.Next(); seq++ {
		*c = collector{}
		if _, err := dec.Decode(); err != nil {
			return nil, decodeErr(err, seq, lr.n, gzipped)
		}
		ss, err := c.sessions(loc, len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, ss...)
	}
	return out, nil
}

// decodeErr describes an error of the decoder in sequence seq, n bytes into
// the (gunzipped) data.
func decodeErr(err error, seq int, n int64, gzipped bool) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, errTooLarge):
		return &FormatError{Kind: ErrTooLarge, Detail: fmt.Sprintf("more than %d MiB of data; an activity file is a few MB", MaxSize>>20)}
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader), errors.As(err, &corrupt):
		return gzipErr(err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		what := "the FIT data"
		if gzipped {
			what = "the gzipped FIT data"
		}
		return &FormatError{Kind: ErrTruncated, Detail: fmt.Sprintf("%s ends after %d bytes, before the end its header states; the file was cut short", what, n), Err: err}
	case errors.Is(err, decoder.ErrCRCChecksumMismatch):
		return &FormatError{Kind: ErrDamaged, Detail: "its checksum (CRC) does not match its data", Err: err}
	case errors.Is(err, decoder.ErrNotFITFile) && seq == 0:
		return &FormatError{Kind: ErrNotFIT, Detail: "it does not start with a FIT header", Err: err}
	case errors.Is(err, decoder.ErrNotFITFile):
		return &FormatError{Kind: ErrDamaged, Detail: "what follows its FIT data is not FIT data", Err: err}
	}
	return &FormatError{Kind: ErrDamaged, Detail: "its data cannot be decoded", Err: err}
}

// gzipErr describes a gzip stream that cannot be read.
func gzipErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &FormatError{Kind: ErrTruncated, Detail: "the gzip data ends early; the file was cut short", Err: err}
	}
	return &FormatError{Kind: ErrDamaged, Detail: "its gzip data is damaged", Err: err}
}

// collector keeps the messages of one FIT sequence that Read uses.
type collector struct {
	fileID   *mesgdef.FileId
	activity *mesgdef.Activity
	list     []*mesgdef.Session
}

// OnMesg keeps the first file_id, the last activity and every session.
func (c *collector) OnMesg(m proto.Message) {
	switch m.Num {
	case mesgnum.FileId:
		if c.fileID == nil {
			c.fileID = mesgdef.NewFileId(&m)
		}
	case mesgnum.Activity:
		c.activity = mesgdef.NewActivity(&m)
	case mesgnum.Session:
		c.list = append(c.list, mesgdef.NewSession(&m))
	}
}

// maxOffset is the farthest a zone is from UTC: UTC+14 (Kiribati).
const maxOffset = 14 * time.Hour

// localOffset returns the watch's offset from UTC, from the activity
// message, rounded to the quarter hour (the zones there are); ok is false
// when the file does not say.
func (c *collector) localOffset() (offset time.Duration, ok bool) {
	a := c.activity
	if a == nil || a.Timestamp.IsZero() || a.LocalTimestamp.IsZero() {
		return 0, false
	}
	offset = a.LocalTimestamp.Sub(a.Timestamp).Round(15 * time.Minute)
	return offset, offset >= -maxOffset && offset <= maxOffset
}

// sessions makes the sequence's sessions; before is how many sessions
// earlier sequences had, for the messages.
func (c *collector) sessions(loc *time.Location, before int) ([]Session, error) {
	out := make([]Session, 0, len(c.list))
	offset, hasOffset := c.localOffset()
	for i, m := range c.list {
		bad := func(detail string) error {
			return &FormatError{Kind: ErrBadSession, Detail: fmt.Sprintf("session %d: %s", before+i+1, detail)}
		}
		s := Session{Source: Source, Name: strings.ToValidUTF8(m.SportProfileName, "\uFFFD")}
		if m.StartTime.IsZero() {
			return nil, bad("start_time is missing; it gives the session's day")
		}
		s.Start = m.StartTime.UTC()
		if hasOffset {
			s.Day = slump.DateOf(s.Start.Add(offset).UTC()) // local wall time written as UTC
		} else {
			s.Day = slump.DateOf(s.Start.In(loc))
		}
		if m.Sport != typedef.SportInvalid {
			if s.Sport = m.Sport.String(); strings.HasPrefix(s.Sport, "SportInvalid(") {
				s.Sport = "sport " + strconv.Itoa(int(m.Sport))
			}
		}
		if m.TotalElapsedTime != basetype.Uint32Invalid {
			v := float64(m.TotalElapsedTime) / 1000 / 60
			s.ElapsedMinutes = &v
		}
		if s.ElapsedMinutes != nil {
			v := *s.ElapsedMinutes
			s.MovingMinutes = &v
		}
		if m.TotalTimerTime != basetype.Uint32Invalid {
			v := float64(m.TotalTimerTime) / 1000 / 60
			s.MovingMinutes = &v
		}
		if m.TotalDistance != basetype.Uint32Invalid {
			v := float64(m.TotalDistance) / 100
			s.DistanceMeters = &v
		}
		switch rpe := m.WorkoutRpe; {
		case rpe == basetype.Uint8Invalid, rpe == 0:
		case rpe < 10 || rpe > 100:
			return nil, bad(fmt.Sprintf("workout_rpe must be from 10 to 100, the CR-10 rating times ten (got %d)", rpe))
		default:
			r := int(math.Floor(float64(rpe)/10 + 0.5))
			s.RPE = &r
		}
		s.SourceID = c.sourceID(i, out, s.Start)
		out = append(out, s)
	}
	return out, nil
}

// sourceID returns the id of the i-th session of the sequence, given the
// sessions before it and its start.
func (c *collector) sourceID(i int, before []Session, start time.Time) string {
	if i > 0 {
		return before[0].SourceID + "/" + strconv.Itoa(i+1)
	}
	var serial uint32
	created := start
	if c.fileID != nil {
		if c.fileID.SerialNumber != basetype.Uint32zInvalid {
			serial = c.fileID.SerialNumber
		}
		if !c.fileID.TimeCreated.IsZero() {
			created = c.fileID.TimeCreated
		}
	}
	return strconv.FormatUint(uint64(serial), 10) + "-" + strconv.FormatInt(created.Unix(), 10)
}

// maxSize is MaxSize, lowered by tests.
var maxSize int64 = MaxSize

// errTooLarge is the limitReader's error past MaxSize.
var errTooLarge = errors.New("more than MaxSize bytes")

// limitReader reads from r up to left bytes, then fails with errTooLarge;
// n counts the bytes read.
type limitReader struct {
	r    io.Reader
	left int64
	n    int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// A byte more means too large; none means the data ends here.
		var one [1]byte
		k, err := io.ReadFull(l.r, one[:])
		if k > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	k, err := l.r.Read(p)
	l.left -= int64(k)
	l.n += int64(k)
	return k, err
}
