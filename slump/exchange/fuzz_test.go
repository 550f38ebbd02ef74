package exchange

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/laceup/laceup/slump"
)

// The fuzz targets. Their seed corpora are in testdata/fuzz/<FuzzName>/ and
// run with every go test; to search further:
//
//	go test -run '^$' -fuzz FuzzReadCSV -fuzztime 30s ./slump
//
// and add any input it finds to the corpus (go test does it for a failure).

// FuzzReadCSV: ReadCSV never panics, refuses with a *RowError naming a line
// of the file, and whatever it accepts is valid and goes through an export
// and an import (in both formats) unchanged.
func FuzzReadCSV(f *testing.F) {
	var b bytes.Buffer
	if err := WriteCSV(&b, richCheckins()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ReadCSV(bytes.NewReader(data), exchangeToday)
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%slump.T), want a *RowError", err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; re.Line < 1 || re.Line > lines || re.Index != -1 {
				t.Fatalf("error at line %d, index %d, in a file of %d lines: %v", re.Line, re.Index, lines, err)
			}
			if cs != nil {
				t.Fatalf("%d check-ins returned with the error %v", len(cs), err)
			}
			return
		}
		checkImported(t, cs)
		checkReexport(t, cs)
	})
}

// FuzzReadJSON: the same for ReadJSON, whose *RowError names an entry.
func FuzzReadJSON(f *testing.F) {
	var b bytes.Buffer
	if err := WriteJSON(&b, richCheckins()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ReadJSON(bytes.NewReader(data), exchangeToday)
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%slump.T), want a *RowError", err, err)
			}
			if re.Line != 0 || re.Index < -1 || re.Index > len(data) {
				t.Fatalf("error at line %d, index %d: %v", re.Line, re.Index, err)
			}
			if cs != nil {
				t.Fatalf("%d check-ins returned with the error %v", len(cs), err)
			}
			return
		}
		checkImported(t, cs)
		checkReexport(t, cs)
	})
}

// checkImported checks what an import accepted: valid, oldest first, one
// per day, sleep in hundredths.
func checkImported(t *testing.T, cs []slump.Checkin) {
	t.Helper()
	if cs == nil {
		t.Fatal("nil check-ins and no error")
	}
	for i, c := range cs {
		if err := c.Validate(exchangeToday); err != nil {
			t.Fatalf("accepted an invalid check-in: %v\n%s", err, describeCheckin(c))
		}
		if i > 0 && !cs[i-1].Date.Before(c.Date) {
			t.Fatalf("check-ins %d and %d are not oldest first, one per day: %s, %s", i-1, i, cs[i-1].Date, c.Date)
		}
		if !isHundredths(c.SleepHours) {
			t.Fatalf("sleep %v is not in hundredths (or is -0)", c.SleepHours)
		}
	}
}

// checkReexport checks that cs goes through export and import unchanged in
// both formats, and that a second export is byte-identical to the first.
func checkReexport(t *testing.T, cs []slump.Checkin) {
	t.Helper()
	for _, f := range exchangeFormats() {
		var first, second bytes.Buffer
		if err := f.write(&first, cs); err != nil {
			t.Fatalf("%s export: %v", f.name, err)
		}
		again, err := f.read(first.Bytes(), exchangeToday)
		if err != nil {
			t.Fatalf("%s import of the export: %v\n%q", f.name, err, first.Bytes())
		}
		if diff := sameCheckins(again, cs); diff != "" {
			t.Fatalf("%s import of the export: %s", f.name, diff)
		}
		if err := f.write(&second, again); err != nil {
			t.Fatalf("%s export: %v", f.name, err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("%s export, import, export is not byte-identical:\n%q\n%q", f.name, first.Bytes(), second.Bytes())
		}
	}
}

// isHundredths reports whether h is a whole number of hundredths, as
// ParseSleep rounds it, and not -0 (which would export as "-0").
func isHundredths(h float64) bool {
	return math.Round(h*100)/100 == h && !math.Signbit(h)
}
