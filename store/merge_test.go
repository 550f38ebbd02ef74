package store

import (
	"context"
	"testing"
	"time"

	"github.com/laceup/laceup/slump/exchange"
)

// Two journals edited apart merge each other's records, in either order,
// and end identical: the copy edited later wins day by day, a deletion
// made later deletes the day on the other side too, and a day edited after
// its deletion elsewhere comes back.
func TestMergeConverges(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	clockA, clockB := at, at
	a, b := mustOpen(t), mustOpen(t)
	a.now, b.now = fakeClock(&clockA), fakeClock(&clockB)
	d1, d2, d3, d4 := day(t, "2026-02-01"), day(t, "2026-02-02"), day(t, "2026-02-03"), day(t, "2026-02-04")

	// Both start from a's journal.
	mustSave(t, a, checkin(d1))
	mustSave(t, a, checkin(d2))
	mustSave(t, a, checkin(d3))
	recs, err := a.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := b.Merge(ctx, recs); err != nil || res.Added != 3 {
		t.Fatalf("first merge = %+v, %v", res, err)
	}

	// Apart: a edits d1 at 9:00, b edits d1 at 10:00 (later: b wins); b
	// deletes d2 at 9:30; a edits d2 at 11:00 (later than the deletion: it
	// comes back); a deletes d3; b adds d4.
	clockA = at.Add(time.Hour)
	c := checkin(d1)
	c.Note = "a's edit"
	mustSave(t, a, c)
	clockB = at.Add(2 * time.Hour)
	c.Note = "b's later edit"
	mustSave(t, b, c)
	clockB = at.Add(90 * time.Minute)
	if _, ok, err := b.Delete(ctx, d2); !ok || err != nil {
		t.Fatal(err)
	}
	clockA = at.Add(3 * time.Hour)
	c = checkin(d2)
	c.Note = "a's edit after b's deletion"
	mustSave(t, a, c)
	if _, ok, err := a.Delete(ctx, d3); !ok || err != nil {
		t.Fatal(err)
	}
	mustSave(t, b, checkin(d4))

	ra, _ := a.Records(ctx)
	rb, _ := b.Records(ctx)
	if _, err := a.Merge(ctx, rb); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Merge(ctx, ra); err != nil {
		t.Fatal(err)
	}
	var ea, eb string
	for _, s := range []struct {
		st  *Store
		out *string
	}{{a, &ea}, {b, &eb}} {
		rs, err := s.st.Records(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			*s.out += exchange.RowKey(r)
		}
	}
	if ea != eb {
		t.Fatalf("the journals differ after merging each other:\na:\n%s\nb:\n%s", ea, eb)
	}
	got, _, _ := a.Get(ctx, d1)
	if got.Note != "b's later edit" {
		t.Errorf("d1: %q, want b's later edit", got.Note)
	}
	if got, ok, _ := a.Get(ctx, d2); !ok || got.Note != "a's edit after b's deletion" {
		t.Errorf("d2: %v %q, want a's edit made after b deleted it", ok, got.Note)
	}
	if _, ok, _ := b.Get(ctx, d3); ok {
		t.Error("d3: deleted on a, still on b")
	}
	if _, ok, _ := a.Get(ctx, d4); !ok {
		t.Error("d4: added on b, missing on a")
	}

	// Merging again changes nothing.
	again, err := a.Merge(ctx, rb)
	if err != nil || again.Added+again.Updated+again.Deleted != 0 {
		t.Errorf("merging the same records again = %+v, %v", again, err)
	}
}
