package fitfile

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/muktihari/fit/profile/filedef"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"

	"github.com/laceup/laceup/slump"
)

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// show writes a session with its pointers followed, for a readable diff.
func show(s Session) string {
	p := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	rpe := "nil"
	if s.RPE != nil {
		rpe = fmt.Sprint(*s.RPE)
	}
	return fmt.Sprintf("%s/%s day=%s start=%s sport=%q name=%q moving=%s elapsed=%s dist=%s rpe=%s",
		s.Source, s.SourceID, s.Day, s.Start.Format(time.RFC3339Nano), s.Sport, s.Name,
		p(s.MovingMinutes), p(s.ElapsedMinutes), p(s.DistanceMeters), rpe)
}

func sameSessions(t *testing.T, got, want []Session) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if g, w := show(got[i]), show(want[i]); g != w {
			t.Errorf("session %d:\n got %s\nwant %s", i, g, w)
		}
		if got[i].Start.Location() != time.UTC {
			t.Errorf("session %d: Start in %v, want UTC", i, got[i].Start.Location())
		}
	}
}

var (
	wantTrackRun = Session{Source: "fit", SourceID: "3420897194-1768410645", Day: slump.NewDate(2026, 1, 14),
		Start: time.Date(2026, 1, 14, 17, 10, 45, 0, time.UTC), Sport: "running", Name: "Track Run",
		MovingMinutes: f64(2950.0 / 60), ElapsedMinutes: f64(4105.0 / 60), DistanceMeters: f64(10200), RPE: intp(8)}
	wantNightRun = Session{Source: "fit", SourceID: "3420897194-1768707000", Day: slump.NewDate(2026, 1, 17),
		Start: time.Date(2026, 1, 18, 3, 30, 0, 0, time.UTC), Sport: "running", Name: "Run",
		MovingMinutes: f64(2441.0 / 60), ElapsedMinutes: f64(2500.0 / 60), DistanceMeters: f64(7040.6)}
	wantRide = Session{Source: "fit", SourceID: "3318000021-1768554000", Day: slump.NewDate(2026, 1, 16),
		Start: time.Date(2026, 1, 16, 9, 0, 0, 0, time.UTC), Sport: "cycling", Name: "Bike",
		MovingMinutes: f64(5210.0 / 60), ElapsedMinutes: f64(95), DistanceMeters: f64(45120), RPE: intp(4)}
)

func TestReadFixtures(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*60*60)
	for _, tt := range []struct {
		file    string
		want    Session
		running bool
	}{
		{"run-rpe.fit", wantTrackRun, true},
		// Unrated: RPE nil. 22:30 in New York by the watch's own offset,
		// whatever zone Read is given.
		{"run-no-rpe.fit", wantNightRun, true},
		{"ride.fit", wantRide, false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Read(bytes.NewReader(mustRead(t, tt.file)), tokyo)
			if err != nil {
				t.Fatal(err)
			}
			sameSessions(t, got, []Session{tt.want})
			if got[0].Running() != tt.running {
				t.Errorf("Running() = %v, want %v", got[0].Running(), tt.running)
			}
		})
	}
}

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadForms(t *testing.T) {
	newYorkZone, err := time.LoadLocation("America/New_York")
	if err != nil {
		newYorkZone = time.FixedZone("EST", -5*60*60)
	}
	noSerial := trackRun.activity(false)
	noSerial.FileId.SerialNumber = 0 // uint32z: 0 is invalid
	noSerial.FileId.TimeCreated = time.Time{}
	multisport := ride.activity(false)
	runLeg := mesgdef.NewSession(nil).SetTimestamp(time.Date(2026, 1, 16, 11, 0, 0, 0, time.UTC)).
		SetStartTime(time.Date(2026, 1, 16, 10, 40, 0, 0, time.UTC)).SetTotalElapsedTime(1200000).
		SetSport(typedef.SportRunning).SetWorkoutRpe(100).SetEvent(typedef.EventSession).SetEventType(typedef.EventTypeStop)
	multisport.Sessions = append(multisport.Sessions, runLeg)
	zeroRPE := ride
	zeroRPE.rpe = 0
	settings := filedef.NewSettings()
	settings.FileId.SetType(typedef.FileSettings).SetManufacturer(typedef.ManufacturerGarmin).SetSerialNumber(1)

	tests := []struct {
		name string
		data []byte
		loc  *time.Location
		want []Session
	}{
		{"gzipped", gz(t, mustRead(t, "run-rpe.fit")), nil, []Session{wantTrackRun}},
		{"chained: two files in one", encode(t, trackRun.activity(false), ride.activity(false)), nil,
			[]Session{wantTrackRun, wantRide}},
		{"gzipped and chained", gz(t, encode(t, nightRun.activity(false), trackRun.activity(false))), nil,
			[]Session{wantNightRun, wantTrackRun}},
		{"without the watch's local time: the zone given", encode(t, nightRun.activity(true)), newYorkZone,
			[]Session{wantNightRun}},
		{"without the watch's local time, in UTC", encode(t, nightRun.activity(true)), nil,
			[]Session{func() Session { s := wantNightRun; s.Day = slump.NewDate(2026, 1, 18); return s }()}},
		{"without serial_number and time_created", encode(t, noSerial), nil,
			[]Session{func() Session { s := wantTrackRun; s.SourceID = "0-1768410645"; return s }()}},
		{"multisport: a ride, then a run leg without timer time or distance", encode(t, multisport), nil,
			[]Session{wantRide, {Source: "fit", SourceID: "3318000021-1768554000/2", Day: slump.NewDate(2026, 1, 16),
				Start: time.Date(2026, 1, 16, 10, 40, 0, 0, time.UTC), Sport: "running",
				MovingMinutes: f64(20), ElapsedMinutes: f64(20), RPE: intp(10)}}},
		{"workout_rpe 0: not rated", encode(t, zeroRPE.activity(false)), nil,
			[]Session{func() Session { s := wantRide; s.RPE = nil; return s }()}},
		{"a settings file: no session", encode(t, settings), nil, []Session{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tt.data), tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("nil sessions, want a slice (empty for none)")
			}
			sameSessions(t, got, tt.want)
		})
	}
}

func TestReadRefused(t *testing.T) {
	rated := mustRead(t, "run-rpe.fit")
	badGzip := gz(t, rated)
	badGzip[len(badGzip)-6] ^= 0xFF // the CRC-32 at the end
	badRPE := trackRun
	badRPE.rpe = 150
	noStart := trackRun.activity(false)
	noStart.Sessions[0].StartTime = time.Time{}

	tests := []struct {
		name string
		data []byte
		kind error
		want string // the message starts with it
	}{
		{"a flipped bit", mustRead(t, "run-rpe-crc-error.fit"), ErrDamaged,
			"damaged FIT file: its checksum (CRC) does not match its data (decode crc [byte pos: 276]: expected crc "},
		{"cut short", mustRead(t, "run-rpe-truncated.fit"), ErrTruncated,
			"truncated FIT file: the FIT data ends after 236 bytes, before the end its header states; the file was cut short (decode message"},
		{"cut short in the header", rated[:10], ErrTruncated,
			"truncated FIT file: the FIT data ends after 10 bytes, before the end its header states"},
		{"gzipped and cut short", gz(t, rated)[:100], ErrTruncated,
			"truncated FIT file: the gzipped FIT data ends after 41 bytes, before the end its header states; the file was cut short"},
		{"gzipped, cut short in the gzip header", gz(t, rated)[:5], ErrTruncated, "truncated FIT file: the gzip data ends early"},
		{"gzipped with a bad checksum", badGzip, ErrDamaged, "damaged FIT file: its gzip data is damaged (decode file header [byte pos: 276]: gzip: invalid checksum)"},
		{"an empty file", nil, ErrNotFIT, "not a FIT file: the file is empty"},
		{"a CSV file", []byte("Activity ID,Activity Date,Activity Name\n1,x,y\n"), ErrNotFIT,
			"not a FIT file: it does not start with a FIT header"},
		{"gzipped text", gz(t, []byte("hello, this is not FIT at all")), ErrNotFIT, "not a FIT file: it does not start with a FIT header"},
		{"bytes after the FIT data", append(bytes.Clone(rated), "trailing bytes"...), ErrDamaged,
			"damaged FIT file: what follows its FIT data is not FIT data"},
		{"workout_rpe 150", encode(t, badRPE.activity(false)), ErrBadSession,
			"FIT session out of range: session 1: workout_rpe must be from 10 to 100, the CR-10 rating times ten (got 150)"},
		{"no start_time", encode(t, noStart), ErrBadSession,
			"FIT session out of range: session 1: start_time is missing; it gives the session's day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tt.data), time.UTC)
			if err == nil {
				t.Fatalf("no error; got %v", got)
			}
			if got != nil {
				t.Errorf("sessions returned with the error: %v", got)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("%T %v, want a *FormatError", err, err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("%v is not %v", err, tt.kind)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n got %s\nwant %s...", err, tt.want)
			}
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	defer func(n int64) { maxSize = n }(maxSize)
	rated := mustRead(t, "run-rpe.fit")
	maxSize = int64(len(rated))
	if _, err := Read(bytes.NewReader(rated), nil); err != nil {
		t.Fatalf("a file of exactly the limit: %v", err)
	}
	maxSize--
	for _, data := range [][]byte{rated, gz(t, rated)} {
		_, err := Read(bytes.NewReader(data), nil)
		if !errors.Is(err, ErrTooLarge) || err.Error() != "FIT file too large: more than 64 MiB of data; an activity file is a few MB" {
			t.Errorf("got %v, want ErrTooLarge", err)
		}
	}
}

func TestReadErrorIsNotBadContent(t *testing.T) {
	boom := errors.New("disk on fire")
	rated := mustRead(t, "run-rpe.fit")
	for _, r := range []io.Reader{
		iotest.ErrReader(boom),
		io.MultiReader(bytes.NewReader(rated[:100]), iotest.ErrReader(boom)),
		io.MultiReader(bytes.NewReader(gz(t, rated)[:50]), iotest.ErrReader(boom)),
	} {
		_, err := Read(r, nil)
		var fe *FormatError
		if !errors.Is(err, boom) || errors.As(err, &fe) {
			t.Errorf("got %v, want the read error, not a *FormatError", err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data := mustRead(b, "run-rpe.fit")
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, b := range fixtures(f) {
		f.Add(b)
		f.Add(gz(f, b))
	}
	f.Add([]byte{})
	f.Add([]byte{14, 0x20, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Read(bytes.NewReader(data), time.UTC)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("%T %v, want a *FormatError", err, err)
			}
			if got != nil {
				t.Fatalf("sessions returned with %v", err)
			}
			return
		}
		for _, s := range got {
			if s.Source != Source || s.SourceID == "" || s.Start.IsZero() || s.Day.IsZero() {
				t.Errorf("bad session %s", show(s))
			}
			if s.RPE != nil && (*s.RPE < 1 || *s.RPE > 10) {
				t.Errorf("RPE %d outside 1-10", *s.RPE)
			}
		}
	})
}
