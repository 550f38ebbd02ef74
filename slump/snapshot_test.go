package slump

import (
	"reflect"
	"testing"
)

func TestSnapshot(t *testing.T) {
	h := randomJournalFor(90)
	from, to := Window(today)
	snap := Snapshot{Day: today, Checkins: inRange(h, from, to), Loads: LoadsOf(h)}
	if got, want := defaults.ReadingOf(snap), defaults.Reading(h, LoadsOf(h), today); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadingOf the snapshot differs from the reading of the whole journal")
	}
	c := snap.Checkin()
	var want *Checkin
	for i := range snap.Checkins {
		if snap.Checkins[i].Date == today {
			want = &snap.Checkins[i]
		}
	}
	if c != want {
		t.Errorf("Checkin() = %v, want %v", c, want)
	}
	if (Snapshot{Day: today}).Checkin() != nil {
		t.Error("an empty snapshot has a check-in")
	}
}
