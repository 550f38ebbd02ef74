package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laceup/laceup/slump"
)

// journalFile writes a closed journal of n daily check-ins from 2016-03-15
// and returns its path. Its -wal file has been folded in and removed.
func journalFile(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		if _, err := s.Import(context.Background(), importBatch(slump.NewDate(2016, 3, 15), n), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertNoSidecars(t, path)
	return path
}

// overwrite writes b at offset off of the file at path.
func overwrite(t testing.TB, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// leafPages returns the numbers (from 1) of the pages of the file that are
// leaf pages of an index b-tree, as checkins' rows are (a WITHOUT ROWID
// table is stored as an index), with the offset of their cell content.
func leafPages(t testing.TB, path string) (pageSize int64, pages map[int64]int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize = int64(binary.BigEndian.Uint16(b[16:18]))
	pages = map[int64]int64{}
	for n := int64(2); n*pageSize <= int64(len(b)); n++ {
		p := b[(n-1)*pageSize : n*pageSize]
		if p[0] == 0x0a {
			pages[n] = int64(binary.BigEndian.Uint16(p[5:7]))
		}
	}
	return pageSize, pages
}

// assertCorrupt checks that err is a *CorruptError for path whose message
// names the file and the ways to rescue it.
func assertCorrupt(t testing.TB, err error, path string) {
	t.Helper()
	var ce *CorruptError
	if !errors.As(err, &ce) || !errors.Is(err, ErrCorrupt) || ce.Path != path {
		t.Fatalf("error = %v (%T), want a *CorruptError for %s", err, err, path)
	}
	for _, want := range []string{"journal " + path + " is damaged", "laceup has not changed it",
		"cp " + path + " " + path + ".damaged", "sqlite3 -csv -header " + path, "laceup --db new.db import rescued.csv"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q\nshould say %q", err, want)
		}
	}
}

func TestCorruptPage(t *testing.T) {
	// A ten-year journal with bytes overwritten in the middle of a page of
	// check-ins, as a bad disk sector or a stray write would leave it.
	path := journalFile(t, 3650)
	pageSize, leaves := leafPages(t, path)
	if len(leaves) < 20 {
		t.Fatalf("%d leaf pages", len(leaves))
	}
	// The leaf page holding 2021-01-01, found by its note's text.
	target := day(t, "2021-01-01")
	idx := target.DaysSince(slump.NewDate(2016, 3, 15))
	b, _ := os.ReadFile(path)
	var page int64
	for n := range leaves {
		if strings.Contains(string(b[(n-1)*pageSize:n*pageSize]), fmt.Sprintf("import %d,", idx)) {
			page = n
		}
	}
	if page == 0 {
		t.Fatal("no page holds the target day")
	}
	start := (page - 1) * pageSize
	mid := start + leaves[page] + (pageSize-leaves[page])/2
	overwrite(t, path, mid-32, []byte(strings.Repeat("\xff", 64)))
	before := hashFile(t, path)

	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v (the damage is in a page Open does not read)", err)
	}
	_, err = s.All(ctx)
	assertCorrupt(t, err, path)
	t.Log(err)
	// Reading other days still works; writing the damaged page is refused.
	if cs, err := s.Range(ctx, day(t, "2016-03-15"), day(t, "2016-03-20")); err != nil || len(cs) != 6 {
		t.Errorf("Range of undamaged days = %d, %v", len(cs), err)
	}
	c := checkin(target)
	err = s.Save(ctx, c)
	assertCorrupt(t, err, path)
	_, err = s.Import(ctx, []slump.Checkin{checkin(day(t, "2030-01-01")), c}, true)
	assertCorrupt(t, err, path)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if hashFile(t, path) != before {
		t.Error("the damaged journal's bytes changed")
	}
	assertNoSidecars(t, path)
}

func TestCorruptSchema(t *testing.T) {
	// The table's definition damaged in sqlite_schema (as a bad sector in
	// it would leave it): SQLite cannot read the schema, so Open fails.
	path := journalFile(t, 100)
	raw := rawDB(t, path)
	raw.SetMaxOpenConns(1)
	mustExec(t, raw, "PRAGMA writable_schema = ON")
	mustExec(t, raw, "UPDATE sqlite_schema SET sql = 'CREATE TABLE checkins (date TEXT \xff\xff' WHERE name = 'checkins'")
	raw.Close()
	before := hashFile(t, path)
	_, err := Open(context.Background(), path)
	assertCorrupt(t, err, path)
	t.Log(err)
	if hashFile(t, path) != before {
		t.Error("the damaged journal's bytes changed")
	}
	assertNoSidecars(t, path)
}

func TestTruncated(t *testing.T) {
	for _, size := range []int64{60, 4096, 8192, -4096} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			path := journalFile(t, 3650)
			if size < 0 {
				fi, _ := os.Stat(path)
				size += fi.Size() // the last page lost
			}
			if err := os.Truncate(path, size); err != nil {
				t.Fatal(err)
			}
			before := hashFile(t, path)
			_, err := Open(context.Background(), path)
			assertCorrupt(t, err, path)
			t.Log(err)
			if !strings.Contains(err.Error(), "cut short") {
				t.Errorf("message %q should say the file was cut short", err)
			}
			if hashFile(t, path) != before {
				t.Error("the truncated journal's bytes changed")
			}
			assertNoSidecars(t, path)
		})
	}
}

func TestDamagedHeader(t *testing.T) {
	path := journalFile(t, 10)
	overwrite(t, path, 16, []byte{0x03, 0x00}) // page size 768: not a power of two
	before := hashFile(t, path)
	_, err := Open(context.Background(), path)
	assertCorrupt(t, err, path)
	if hashFile(t, path) != before {
		t.Error("the journal's bytes changed")
	}
	assertNoSidecars(t, path)
}

func TestDiskFull(t *testing.T) {
	// max_page_count stops the journal growing, and SQLite returns
	// SQLITE_FULL, as on a full disk.
	path := journalFile(t, 10)
	s := mustOpenPath(t, path)
	ctx := context.Background()
	mustExec(t, s.db, fmt.Sprintf("PRAGMA max_page_count = %d", pragmaInt(t, s.db, "page_count")))
	before := dump(t, s)
	c := checkin(day(t, "2026-03-14"))
	c.Note = strings.Repeat("long note ", 199)
	var err error
	for i := range 20 { // until a save needs a new page
		c.Date = c.Date.AddDays(1)
		if err = s.Save(ctx, c); err != nil {
			break
		}
		before = dump(t, s)
		if i == 19 {
			t.Fatal("20 saves of long notes fit")
		}
	}
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), path) ||
		!strings.Contains(err.Error(), "disk or journal full (free some space and try again)") {
		t.Errorf("Save = %v, want a disk full error naming the journal", err)
	}
	t.Log(err)
	if _, _, gerr := s.Get(ctx, c.Date); gerr != nil || dump(t, s) != before {
		t.Errorf("the failed save changed the journal (%v)", gerr)
	}
}
