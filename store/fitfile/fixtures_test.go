package fitfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/muktihari/fit/encoder"
	"github.com/muktihari/fit/profile/filedef"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

// The fixtures in testdata are real FIT files, made by encoding the
// activities below with muktihari/fit's encoder: TestFixturesUpToDate
// checks that they still are, and `go test ./store/fitfile -update` writes
// them again after a change here.
var update = flag.Bool("update", false, "write the FIT fixtures in testdata again")

// session describes an activity file of one session, as a watch writes it:
// file_id, a record at the start and the end, a lap, the session and the
// activity with the watch's local time.
type session struct {
	serial       uint32
	start        time.Time
	offset       time.Duration // of the watch's local time from UTC
	timerMillis  uint32        // total_timer_time, s x1000
	elapsedMilli uint32        // total_elapsed_time, s x1000
	distanceCm   uint32        // total_distance, m x100
	sport        typedef.Sport
	subSport     typedef.SubSport
	name         string
	rpe          uint8 // workout_rpe, x10; 0xFF absent
}

// activity returns s as a FIT activity file; noActivity leaves out the
// activity message (and so the watch's local time).
func (s session) activity(noActivity bool) *filedef.Activity {
	end := s.start.Add(time.Duration(s.elapsedMilli) * time.Millisecond)
	a := filedef.NewActivity()
	a.FileId.SetType(typedef.FileActivity).SetManufacturer(typedef.ManufacturerGarmin).
		SetProduct(3992). // Forerunner 255
		SetSerialNumber(s.serial).SetTimeCreated(s.start)
	a.Records = append(a.Records,
		mesgdef.NewRecord(nil).SetTimestamp(s.start).SetDistance(0).SetHeartRate(96),
		mesgdef.NewRecord(nil).SetTimestamp(end).SetDistance(s.distanceCm).SetHeartRate(151))
	a.Laps = append(a.Laps, mesgdef.NewLap(nil).SetTimestamp(end).SetStartTime(s.start).
		SetTotalElapsedTime(s.elapsedMilli).SetTotalTimerTime(s.timerMillis).SetTotalDistance(s.distanceCm).
		SetEvent(typedef.EventLap).SetEventType(typedef.EventTypeStop))
	a.Sessions = append(a.Sessions, mesgdef.NewSession(nil).SetTimestamp(end).SetStartTime(s.start).
		SetTotalElapsedTime(s.elapsedMilli).SetTotalTimerTime(s.timerMillis).SetTotalDistance(s.distanceCm).
		SetSport(s.sport).SetSubSport(s.subSport).SetSportProfileName(s.name).
		SetWorkoutRpe(s.rpe).SetNumLaps(1).SetEvent(typedef.EventSession).SetEventType(typedef.EventTypeStop))
	if !noActivity {
		a.Activity = mesgdef.NewActivity(nil).SetTimestamp(end).SetLocalTimestamp(end.Add(s.offset)).
			SetTotalTimerTime(s.timerMillis).SetNumSessions(1).SetType(typedef.ActivityManual).
			SetEvent(typedef.EventActivity).SetEventType(typedef.EventTypeStop)
	}
	return a
}

// encode returns the FIT file of the activities, chained one after the
// other when there are several.
func encode(t testing.TB, as ...filedef.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := encoder.New(&buf)
	for _, a := range as {
		fit := a.ToFIT(nil)
		if err := enc.Encode(&fit); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

var (
	berlin  = time.Hour
	newYork = -5 * time.Hour

	// A rated track session in Berlin, 18:10 local.
	trackRun = session{serial: 3420897194, start: time.Date(2026, 1, 14, 17, 10, 45, 0, time.UTC), offset: berlin,
		timerMillis: 2950000, elapsedMilli: 4105000, distanceCm: 1020000, sport: typedef.SportRunning,
		subSport: typedef.SubSportTrack, name: "Track Run", rpe: 80}
	// An unrated run in New York at 22:30 local, 03:30 UTC the next day.
	nightRun = session{serial: 3420897194, start: time.Date(2026, 1, 18, 3, 30, 0, 0, time.UTC), offset: newYork,
		timerMillis: 2441000, elapsedMilli: 2500000, distanceCm: 704060, sport: typedef.SportRunning,
		subSport: typedef.SubSportStreet, name: "Run", rpe: 0xFF}
	// A rated ride in Berlin, from another device.
	ride = session{serial: 3318000021, start: time.Date(2026, 1, 16, 9, 0, 0, 0, time.UTC), offset: berlin,
		timerMillis: 5210000, elapsedMilli: 5700000, distanceCm: 4512000, sport: typedef.SportCycling,
		subSport: typedef.SubSportRoad, name: "Bike", rpe: 40}
)

// fixtures returns the content of every file in testdata by its name.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	rated := encode(t, trackRun.activity(false))
	damaged := bytes.Clone(rated)
	// One bit of the session's total_distance (1020000 cm, little-endian,
	// its last copy in the file): the data still decodes, the CRC no longer
	// matches.
	damaged[bytes.LastIndex(damaged, []byte{0x60, 0x90, 0x0F, 0x00})] ^= 0x01
	return map[string][]byte{
		"run-rpe.fit":           rated,
		"run-no-rpe.fit":        encode(t, nightRun.activity(false)),
		"ride.fit":              encode(t, ride.activity(false)),
		"run-rpe-crc-error.fit": damaged,
		"run-rpe-truncated.fit": rated[:len(rated)-40],
	}
}

func TestFixturesUpToDate(t *testing.T) {
	for name, want := range fixtures(t) {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./store/fitfile -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what the test helper encodes; go test ./store/fitfile -update writes it again", path)
		}
		if len(got) > 4096 {
			t.Errorf("%s is %d bytes; keep fixtures small", path, len(got))
		}
	}
}

// mustRead returns a fixture's bytes.
func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
