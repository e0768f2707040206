package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/store"
	"dateline/internal/store/neardup"
)

// wireStory is an article long enough for a near-duplicate signature.
const wireStory = `Bakeries across the Lindmark region warned on Tuesday that they could run out of flour within three weeks after a fire closed the largest mill in the province. "We have enough for the bread, not for the cakes," said Ruth Abelsen, who runs a bakery in the old town and chairs the regional guild. The mill's owners said repairs would take until the end of June, and that grain would be sent to a smaller plant in the meantime. The regional government said it would review fire safety rules at food plants.`

func sign(tb testing.TB, text string) *neardup.Signature {
	tb.Helper()
	s, ok := neardup.Sign(text)
	if !ok {
		tb.Fatalf("text too short for a signature: %q", text)
	}
	return &s
}

// testNearDuplicates checks the near-duplicate index of stores that have
// one: a stored signature finds its copies and not unrelated texts, a copy
// is recorded and logged instead of stored, and replacing the original
// drops its old signature.
func testNearDuplicates(t *testing.T, s store.Store) {
	ix, ok := s.(store.NearDuplicateIndex)
	if !ok {
		t.Skip("store has no near-duplicate index")
	}
	ctx := context.Background()
	orig := &doc.Document{ID: "wire-1", Date: "2025-05-20", Title: "Bakers warn of flour shortage", Text: wireStory}
	if _, err := s.Put(ctx, []store.Entry{{Input: "wire-1", Doc: orig, MinHash: sign(t, orig.Text)}}); err != nil {
		t.Fatal(err)
	}
	// A second document without a signature is never a candidate.
	MustPut(t, s, &doc.Document{ID: "plain", Text: "LINDMARK (Gazette) - " + wireStory + " More to follow."})

	copyText := "LINDMARK (Market Gazette) - " + wireStory + " Reporting by Jon Park."
	copySig := sign(t, copyText)
	id, sim, err := ix.NearDuplicate(ctx, *copySig)
	if err != nil || id != "wire-1" || sim < neardup.Threshold || sim > 1 {
		t.Fatalf("NearDuplicate(copy) = %q, %.2f, %v; want wire-1 above the threshold", id, sim, err)
	}
	other := sign(t, strings.Repeat("The council approved the budget for the new bridge after a long debate. ", 4))
	if id, _, err := ix.NearDuplicate(ctx, *other); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unrelated text: got %q, %v; want ErrNotFound", id, err)
	}

	cp := &doc.Document{ID: "gazette-7", Date: "2025-05-21", Title: "Flour may run out", URL: "https://gazette.example/flour", Source: "Market Gazette", Text: copyText}
	res, err := s.Put(ctx, []store.Entry{{Input: "gazette.html", Doc: cp, NearDuplicateOf: id, Similarity: sim}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Result{Status: store.Duplicate, ID: "wire-1"}); res[0] != want {
		t.Errorf("Put(copy) = %+v, want %+v", res[0], want)
	}
	if _, err := s.Get(ctx, "gazette-7"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("near-duplicate stored as a document: Get error = %v", err)
	}
	copies, err := ix.NearDuplicates(ctx, "wire-1")
	want := store.NearDuplicate{ID: "gazette-7", Original: "wire-1", Similarity: sim, Title: cp.Title, URL: cp.URL, Source: cp.Source, Date: cp.Date}
	if err != nil || len(copies) != 1 || copies[0] != want {
		t.Errorf("NearDuplicates = %+v, %v; want [%+v]", copies, err, want)
	}
	log, err := s.Log(ctx, store.LogQuery{Status: store.Duplicate, Limit: 1})
	if err != nil || len(log) != 1 || !strings.Contains(log[0].Reason, "near-duplicate of wire-1") || log[0].DocID != "wire-1" {
		t.Errorf("log = %+v, %v; want a duplicate line naming wire-1", log, err)
	}
	// Recording the same copy again keeps one row.
	if _, err := s.Put(ctx, []store.Entry{{Input: "gazette.html", Doc: cp, NearDuplicateOf: id, Similarity: sim}}); err != nil {
		t.Fatal(err)
	}
	if copies, _ := ix.NearDuplicates(ctx, "wire-1"); len(copies) != 1 {
		t.Errorf("copy recorded twice: %+v", copies)
	}

	// Replacing the original with another story drops its signature.
	repl := &doc.Document{ID: "wire-1", Text: strings.Repeat("Storms closed the mountain pass for a third day on Sunday, the road agency said. ", 4)}
	if _, err := s.Put(ctx, []store.Entry{{Input: "wire-1", Doc: repl, MinHash: sign(t, repl.Text)}}); err != nil {
		t.Fatal(err)
	}
	if id, _, err := ix.NearDuplicate(ctx, *copySig); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after replacing the original: got %q, %v; want ErrNotFound", id, err)
	}
}
