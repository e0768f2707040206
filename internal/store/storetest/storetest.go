// Package storetest is the conformance suite every [store.Store] backend
// passes. A backend's test calls [Run] with a function that opens a fresh,
// empty store; the suite puts the articles of [Corpus] and checks every
// method of the contract against answers worked out by hand.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// Run runs the conformance suite. open must return a new empty store for
// each call; the suite closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("PutGet", func(t *testing.T) { testPutGet(t, open(t)) })
	t.Run("Duplicates", func(t *testing.T) { testDuplicates(t, open(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, open(t)) })
	t.Run("BatchAtomic", func(t *testing.T) { testBatchAtomic(t, open(t)) })
	t.Run("Log", func(t *testing.T) { testLog(t, open(t)) })
	t.Run("Queries", func(t *testing.T) {
		s := open(t)
		MustPut(t, s, Corpus(t)...)
		t.Run("Search", func(t *testing.T) { testSearch(t, s) })
		t.Run("Documents", func(t *testing.T) { testDocuments(t, s) })
		t.Run("Entity", func(t *testing.T) { testEntity(t, s) })
		t.Run("Quotes", func(t *testing.T) { testQuotes(t, s) })
		t.Run("Deadlines", func(t *testing.T) { testDeadlines(t, s) })
		t.Run("Stats", func(t *testing.T) { testStats(t, s) })
	})
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("NearDuplicates", func(t *testing.T) { testNearDuplicates(t, open(t)) })
}

// MustPut stores documents as one batch and fails the test unless every one
// is added.
func MustPut(tb testing.TB, s store.Store, docs ...*doc.Document) {
	tb.Helper()
	batch := make([]store.Entry, len(docs))
	for i, d := range docs {
		batch[i] = store.Entry{Input: d.ID, Doc: d}
	}
	res, err := s.Put(context.Background(), batch)
	if err != nil {
		tb.Fatalf("Put: %v", err)
	}
	for i, r := range res {
		if r.Status != store.Added {
			tb.Fatalf("Put %s: status %q, want added", docs[i].ID, r.Status)
		}
	}
}

func mustJSON(tb testing.TB, d *doc.Document) string {
	tb.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func testPutGet(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := Corpus(t)
	MustPut(t, s, docs...)
	for _, want := range Corpus(t) {
		t.Run(want.ID, func(t *testing.T) {
			got, err := s.Get(ctx, want.ID)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
				t.Errorf("Get returned a different document\n got %s\nwant %s", g, w)
			}
			id, err := s.ContentID(ctx, store.Hash(want.Text))
			if err != nil || id != want.ID {
				t.Errorf("ContentID = %q, %v; want %q", id, err, want.ID)
			}
		})
	}
	if _, err := s.Get(ctx, "no-such-doc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.ContentID(ctx, store.Hash("never stored")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ContentID(missing) error = %v, want ErrNotFound", err)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := Corpus(t)
	MustPut(t, s, docs...)
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// The same text under another id, twice in one batch, plus a re-run of
	// the whole corpus: nothing new is stored.
	copy1 := &doc.Document{ID: "copy-1", Date: "2025-08-07", Text: docs[0].Text}
	copy2 := &doc.Document{ID: "copy-2", Text: docs[0].Text}
	batch := []store.Entry{{Input: "a.jsonl:1", Doc: copy1}, {Input: "a.jsonl:2", Doc: copy2}}
	for _, d := range Corpus(t) {
		batch = append(batch, store.Entry{Input: d.ID, Doc: d})
	}
	res, err := s.Put(ctx, batch)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	for i, r := range res {
		want := batch[i].Doc.ID
		if i < 2 {
			want = docs[0].ID
		}
		if r.Status != store.Duplicate || r.ID != want {
			t.Errorf("entry %d (%s): got %+v, want duplicate of %s", i, batch[i].Input, r, want)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before.Log, after.Log = 0, 0
	if before != after {
		t.Errorf("re-put changed the store:\nbefore %+v\n after %+v", before, after)
	}
	if _, err := s.Get(ctx, "copy-1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("duplicate stored under its own id: Get error = %v", err)
	}

	// Two new identical texts in one batch: the first is added.
	twin := "Twin text seen twice in one batch."
	res, err = s.Put(ctx, []store.Entry{
		{Input: "t1", Doc: &doc.Document{ID: "twin-1", Text: twin}},
		{Input: "t2", Doc: &doc.Document{ID: "twin-2", Text: twin}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Result{{Status: store.Added, ID: "twin-1"}, {Status: store.Duplicate, ID: "twin-1"}}
	if !slices.Equal(res, want) {
		t.Errorf("twins: got %+v, want %+v", res, want)
	}
}

func testUpdate(t *testing.T, s store.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus(t)...)
	d := &doc.Document{ID: "wire-0806", Date: "2025-08-07", Source: "Wire", Title: "Corrected",
		Text: "Corrected story: the envoy met officials in Saint Petersburg, not Moscow."}
	res, err := s.Put(ctx, []store.Entry{{Input: "fix", Doc: d}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Result{Status: store.Updated, ID: d.ID}); res[0] != want {
		t.Fatalf("got %+v, want %+v", res[0], want)
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, got) != mustJSON(t, d) {
		t.Errorf("Get after update = %s", mustJSON(t, got))
	}
	// The old text's words, quotes and hash are gone with it.
	r, err := s.Search(ctx, store.Query{Text: "Ushakov"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("search for a replaced word found %+v", r.Hits)
	}
	q, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "Yuri Ushakov"})
	if err != nil || len(q) != 0 {
		t.Errorf("quotes of the replaced version: %+v, %v", q, err)
	}
	if _, err := s.ContentID(ctx, store.Hash(Corpus(t)[0].Text)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("old content hash still known: %v", err)
	}
	r, err = s.Search(ctx, store.Query{Text: "Petersburg"})
	if err != nil || r.Total != 1 {
		t.Errorf("search for the new text: %+v, %v", r, err)
	}

	// Two versions of one id in one batch: the second replaces the first,
	// layers and all.
	v1, v2 := Corpus(t)[2], Corpus(t)[3]
	v1.ID, v2.ID = "twice", "twice"
	v1.Text += " Version one." // new texts; the layers stay in bounds
	v2.Text += " Version two."
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err = s.Put(ctx, []store.Entry{{Input: "v1", Doc: v1}, {Input: "v2", Doc: v2}})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Result{{Status: store.Added, ID: "twice"}, {Status: store.Updated, ID: "twice"}}
	if !slices.Equal(res, want) {
		t.Errorf("same id twice: %+v, want %+v", res, want)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Documents != before.Documents+1 || after.Quotes != before.Quotes+len(v2.Quotes) || after.Mentions != before.Mentions+mentions(v2) {
		t.Errorf("same id twice: stats %+v → %+v; want one more document with v2's layers", before, after)
	}
}

func mentions(d *doc.Document) int {
	n := 0
	for _, e := range d.Entities {
		n += len(e.Mentions)
	}
	return n
}

func testBatchAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := Corpus(t)
	for _, tc := range []struct {
		name  string
		entry store.Entry
	}{
		{"empty entry", store.Entry{Input: "x"}},
		{"no id", store.Entry{Input: "x", Doc: &doc.Document{Text: "No id here."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Put(ctx, []store.Entry{{Input: docs[0].ID, Doc: docs[0]}, tc.entry})
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("Put error = %v, want ErrInvalid", err)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st != (store.Stats{}) {
				t.Errorf("a rejected batch left %+v", st)
			}
		})
	}
	if res, err := s.Put(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("Put(nil) = %v, %v", res, err)
	}
}

func testLog(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := Corpus(t)
	batch := []store.Entry{
		{Input: "in/a.txt", Doc: docs[0]},
		{Input: "in/b.jsonl:3", Failure: "jsonl line 3: not a JSON object"},
		{Input: "in/c.txt", Doc: &doc.Document{ID: "c", Text: docs[0].Text}},
	}
	if _, err := s.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		q      store.LogQuery
		inputs []string // newest first
	}{
		{"all", store.LogQuery{}, []string{"in/c.txt", "in/b.jsonl:3", "in/a.txt"}},
		{"failed", store.LogQuery{Status: store.Failed}, []string{"in/b.jsonl:3"}},
		{"duplicate", store.LogQuery{Status: store.Duplicate}, []string{"in/c.txt"}},
		{"limit", store.LogQuery{Limit: 1}, []string{"in/c.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Log(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var inputs []string
			for _, e := range got {
				inputs = append(inputs, e.Input)
				if e.Time.IsZero() {
					t.Errorf("%s: zero time", e.Input)
				}
			}
			if !slices.Equal(inputs, tc.inputs) {
				t.Errorf("inputs = %q, want %q", inputs, tc.inputs)
			}
		})
	}
	all, _ := s.Log(ctx, store.LogQuery{})
	if len(all) == 3 {
		fail, dup, ok := all[1], all[0], all[2]
		if fail.Reason != "jsonl line 3: not a JSON object" || fail.DocID != "" {
			t.Errorf("failed entry = %+v", fail)
		}
		if dup.DocID != docs[0].ID || dup.Hash != store.Hash(docs[0].Text) {
			t.Errorf("duplicate entry = %+v", dup)
		}
		if ok.Status != store.Added || ok.DocID != docs[0].ID {
			t.Errorf("added entry = %+v", ok)
		}
	}
	if _, err := s.Log(ctx, store.LogQuery{Status: "weird"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Log(bad status) error = %v, want ErrInvalid", err)
	}
}

func ids(hits []store.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	tests := []struct {
		name    string
		q       store.Query
		want    []string // in order when ordered, else sorted
		ordered bool
		total   int // when different from len(want)
	}{
		{name: "word", q: store.Query{Text: "ceasefire"}, want: []string{"wire-0806", "wire-0815"}},
		{name: "stemmed", q: store.Query{Text: "sanction"}, want: []string{"ledger-0714"}},
		{name: "case and title", q: store.Query{Text: "ALASKA"}, want: []string{"wire-0815"}},
		{name: "all words", q: store.Query{Text: "Putin Anchorage"}, want: []string{"wire-0815"}},
		{name: "phrase", q: store.Query{Text: `"secondary tariffs"`}, want: []string{"ledger-0714"}},
		{name: "phrase order", q: store.Query{Text: `"tariffs secondary"`}},
		{name: "excluded", q: store.Query{Text: "Trump -Anchorage"}, want: []string{"ledger-0714", "wire-0806"}},
		{name: "non-ASCII", q: store.Query{Text: "München"}, want: []string{"sport-1120"}},
		{name: "no match", q: store.Query{Text: "zeppelin"}},
		{name: "entity filter", q: store.Query{Text: "ceasefire", Filter: store.Filter{Entity: "Witkoff"}}},
		{name: "entity by name", q: store.Query{Filter: store.Filter{Entity: "steve witkoff"}}, want: []string{"wire-0806"}},
		{name: "entity by alias", q: store.Query{Filter: store.Filter{Entity: "Kyiv"}}, want: []string{"ledger-0714"}},
		{name: "entity type", q: store.Query{Filter: store.Filter{Type: doc.NORP}}, want: []string{"ledger-0801"}},
		{name: "event type", q: store.Query{Filter: store.Filter{Type: "MEET"}}, want: []string{"wire-0815", "wire-0806"}, ordered: true},
		{name: "from", q: store.Query{Filter: store.Filter{From: "2025-08-06"}}, want: []string{"wire-0815", "wire-0806"}, ordered: true},
		{name: "to", q: store.Query{Filter: store.Filter{To: "2025-07-31"}}, want: []string{"ledger-0714", "sport-1120"}, ordered: true},
		{name: "local date of a date-time", q: store.Query{Filter: store.Filter{From: "2025-08-15", To: "2025-08-15"}}, want: []string{"wire-0815"}},
		{name: "source", q: store.Query{Filter: store.Filter{Source: "daily ledger"}}, want: []string{"ledger-0801", "ledger-0714"}, ordered: true},
		{name: "all, newest first", q: store.Query{}, want: []string{"wire-0815", "wire-0806", "ledger-0801", "ledger-0714", "sport-1120", "note-undated"}, ordered: true},
		{name: "limit", q: store.Query{Limit: 2}, want: []string{"wire-0815", "wire-0806"}, ordered: true, total: 6},
		{name: "offset", q: store.Query{Limit: 2, Offset: 4}, want: []string{"sport-1120", "note-undated"}, ordered: true, total: 6},
		{name: "offset past end", q: store.Query{Offset: 10}, total: 6},
		{name: "punctuation only", q: store.Query{Text: `" - ,`}, want: []string{"wire-0815", "wire-0806", "ledger-0801", "ledger-0714", "sport-1120", "note-undated"}, ordered: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			got := ids(r.Hits)
			want := slices.Clone(tc.want)
			if !tc.ordered {
				slices.Sort(got)
				slices.Sort(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("hits = %q, want %q", got, want)
			}
			total := tc.total
			if total == 0 {
				total = len(tc.want)
			}
			if r.Total != total {
				t.Errorf("total = %d, want %d", r.Total, total)
			}
			for _, h := range r.Hits {
				checkHit(t, tc.q, h)
			}
		})
	}

	t.Run("ranking", func(t *testing.T) {
		// "Kremlin" is in both Moscow stories; the one whose title and text
		// say "Putin" twice ranks above a passing mention.
		r, err := s.Search(ctx, store.Query{Text: "Putin Kremlin"})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r.Hits); len(got) != 2 || got[0] != "wire-0806" {
			t.Errorf("hits = %q, want wire-0806 first of two", got)
		}
		if len(r.Hits) == 2 && r.Hits[0].Score < r.Hits[1].Score {
			t.Errorf("scores not descending: %v, %v", r.Hits[0].Score, r.Hits[1].Score)
		}
	})

	for _, q := range []store.Query{
		{Text: "-Trump"},
		{Filter: store.Filter{From: "2025-13-01"}},
		{Filter: store.Filter{To: "yesterday"}},
		{Limit: -1},
		{Offset: -5},
	} {
		t.Run(fmt.Sprintf("invalid %+v", q), func(t *testing.T) {
			if _, err := s.Search(ctx, q); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("error = %v, want ErrInvalid", err)
			}
		})
	}
}

// checkHit checks a hit's metadata and that its highlights lie in the
// snippet on rune boundaries and cover query words.
func checkHit(t *testing.T, q store.Query, h store.Hit) {
	t.Helper()
	want := map[string]string{
		"wire-0806": "Envoy meets Putin in Moscow", "wire-0815": "Alaska summit ends without a deal",
		"ledger-0714": "Trump gives Moscow 50 days", "ledger-0801": "India warned over Russian oil",
		"sport-1120": "Dynamo Kyiv stun Bayern in München", "note-undated": "",
	}
	if title, ok := want[h.ID]; ok && h.Title != title {
		t.Errorf("%s: title %q, want %q", h.ID, h.Title, title)
	}
	if h.Snippet == "" {
		t.Errorf("%s: empty snippet", h.ID)
	}
	terms, _ := store.ParseTerms(q.Text)
	var words []string
	for _, term := range terms {
		if !term.Not {
			words = append(words, strings.Fields(strings.ToLower(term.Text))...)
		}
	}
	if len(words) > 0 && len(h.Highlights) == 0 && !strings.Contains(strings.ToLower(h.Title), words[0]) {
		t.Errorf("%s: no highlight in snippet %q", h.ID, h.Snippet)
	}
	for _, sp := range h.Highlights {
		if sp.Start < 0 || sp.End > len(h.Snippet) || sp.Start >= sp.End {
			t.Fatalf("%s: highlight %v outside snippet %q", h.ID, sp, h.Snippet)
		}
		got := strings.ToLower(h.Snippet[sp.Start:sp.End])
		match := false
		for _, w := range words {
			// Stemming makes "sanctions" a hit for "sanction" and back.
			n := min(len(w), len(got), 5)
			if strings.HasPrefix(got, w[:n]) {
				match = true
			}
		}
		if !match {
			t.Errorf("%s: highlight %q matches no query word %q", h.ID, got, words)
		}
	}
}

func testDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all, oldest first, undated last", store.Filter{}, []string{"sport-1120", "ledger-0714", "ledger-0801", "wire-0806", "wire-0815", "note-undated"}},
		{"source and range", store.Filter{Source: "Wire", To: "2025-08-10"}, []string{"wire-0806"}},
		{"entity", store.Filter{Entity: "putin"}, []string{"wire-0806", "wire-0815"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for d, err := range s.Documents(ctx, tc.f) {
				if err != nil {
					t.Fatal(err)
				}
				if d.Text == "" {
					t.Errorf("%s: empty text", d.ID)
				}
				got = append(got, d.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("stop early", func(t *testing.T) {
		n := 0
		for _, err := range s.Documents(ctx, store.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if n == 2 {
				break
			}
		}
		if n != 2 {
			t.Errorf("n = %d", n)
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		var last error
		for _, err := range s.Documents(ctx, store.Filter{From: "soon"}) {
			last = err
		}
		if !errors.Is(last, store.ErrInvalid) {
			t.Errorf("error = %v, want ErrInvalid", last)
		}
	})
}

func testEntity(t *testing.T, s store.Store) {
	ctx := context.Background()
	r, err := s.Entity(ctx, store.EntityQuery{Name: "Putin"})
	if err != nil {
		t.Fatalf("Entity(Putin): %v", err)
	}
	if r.Name != "Vladimir Putin" || r.Type != doc.Person || r.Documents != 2 || r.Mentions != 5 {
		t.Errorf("Putin = %s %s in %d documents, %d mentions; want Vladimir Putin PERSON, 2, 5",
			r.Name, r.Type, r.Documents, r.Mentions)
	}
	if r.First != "2025-08-06" || r.Last != "2025-08-15" {
		t.Errorf("first/last = %s/%s", r.First, r.Last)
	}
	var apps []string
	for _, a := range r.Appearances {
		apps = append(apps, fmt.Sprintf("%s:%d:%s", a.DocID, a.Mentions, strings.Join(a.Forms, "|")))
	}
	wantApps := []string{"wire-0815:3:The Kremlin leader|Vladimir Putin|Putin", "wire-0806:2:Vladimir Putin|Putin"}
	if !slices.Equal(apps, wantApps) {
		t.Errorf("appearances = %q, want %q", apps, wantApps)
	}
	wantTitles := []store.TitleUse{
		{Title: "Russian President", First: "2025-08-06", Last: "2025-08-06", Documents: 1},
		{Title: "Kremlin leader", First: "2025-08-15", Last: "2025-08-15", Documents: 1},
	}
	if !slices.Equal(r.Titles, wantTitles) {
		t.Errorf("titles = %+v, want %+v", r.Titles, wantTitles)
	}
	var names []string
	for _, n := range r.Names {
		names = append(names, fmt.Sprintf("%s:%d:%s:%s", n.Name, n.Mentions, n.First, n.Last))
	}
	// Names by use: the surname in both articles, the full name in both;
	// "The Kremlin leader" is a nominal, not a name.
	if wantNames := []string{"Putin:2:2025-08-06:2025-08-15", "Vladimir Putin:2:2025-08-06:2025-08-15"}; !slices.Equal(names, wantNames) {
		t.Errorf("names = %q, want %q", names, wantNames)
	}
	if r.Ambiguous || len(r.Candidates) > 0 {
		t.Errorf("Putin is not ambiguous: %+v", r.Candidates)
	}
	if len(r.CoOccurring) == 0 || r.CoOccurring[0] != (store.CoOccurrence{EntityRef: store.EntityRef{Name: "Donald Trump", Type: doc.Person}, Documents: 2}) {
		t.Errorf("co-occurring = %+v, want Donald Trump (2) first", r.CoOccurring)
	}
	for _, c := range r.CoOccurring {
		if c.Name == "Vladimir Putin" {
			t.Errorf("entity co-occurs with itself")
		}
	}

	tests := []struct {
		name     string
		q        store.EntityQuery
		wantName string
		wantDocs int
		err      error
	}{
		{"full name, any case", store.EntityQuery{Name: "DONALD  TRUMP"}, "Donald Trump", 3, nil},
		{"alias", store.EntityQuery{Name: "Kyiv"}, "Ukraine", 2, nil},
		{"non-ASCII", store.EntityQuery{Name: "münchen"}, "München", 1, nil},
		{"name before alias", store.EntityQuery{Name: "Moscow", Type: doc.GPE}, "Moscow", 1, nil},
		{"type", store.EntityQuery{Name: "Moscow", Type: doc.Org}, "", 0, store.ErrNotFound},
		{"unknown", store.EntityQuery{Name: "Angela Merkel"}, "", 0, store.ErrNotFound},
		{"empty", store.EntityQuery{Name: " "}, "", 0, store.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Entity(ctx, tc.q)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Errorf("error = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Name != tc.wantName || r.Documents != tc.wantDocs {
				t.Errorf("got %s in %d documents, want %s in %d", r.Name, r.Documents, tc.wantName, tc.wantDocs)
			}
		})
	}

	t.Run("ambiguous", func(t *testing.T) {
		// "Moscow" is a city in one story and Russia's alias in another:
		// the two are different entities, both found by the name.
		r, err := s.Entity(ctx, store.EntityQuery{Name: "Moscow"})
		if err != nil {
			t.Fatal(err)
		}
		names := []string{r.Name}
		for _, a := range r.Also {
			names = append(names, a.Name)
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"Moscow", "Russia"}) {
			t.Errorf("entities named Moscow = %q", names)
		}
	})
}

func testQuotes(t *testing.T, s store.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		q    store.QuoteQuery
		want []string // doc/quote ids, newest first
	}{
		{"speaker by alias", store.QuoteQuery{Speaker: "Trump"}, []string{"wire-0815/q2", "wire-0806/q1", "ledger-0714/q1"}},
		{"speaker text without entity", store.QuoteQuery{Speaker: "The Coach"}, []string{"sport-1120/q1"}},
		{"about words", store.QuoteQuery{About: "American weapons"}, []string{"ledger-0714/q2"}},
		{"about words or alias", store.QuoteQuery{About: "Kyiv"}, []string{"ledger-0714/q2"}},
		{"about entity mentioned inside", store.QuoteQuery{About: "New Delhi"}, []string{"ledger-0801/q1"}},
		{"about, case-insensitive non-ASCII", store.QuoteQuery{About: "THERE’S A DEAL"}, []string{"wire-0815/q2"}},
		{"speaker and dates", store.QuoteQuery{Speaker: "Donald Trump", From: "2025-08-01", To: "2025-08-10"}, []string{"wire-0806/q1"}},
		{"limit and offset", store.QuoteQuery{Speaker: "trump", Limit: 1, Offset: 1}, []string{"wire-0806/q1"}},
		{"none", store.QuoteQuery{Speaker: "Mark Rutte", About: "tariffs"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Quotes(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.DocID+"/"+h.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	hits, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "Ushakov"})
	if err != nil {
		t.Fatal(err)
	}
	// Ushakov is a name only by way of the full name; no alias "Ushakov".
	if len(hits) != 0 {
		t.Errorf("a surname that is no alias matched: %+v", hits)
	}
	hits, err = s.Quotes(ctx, store.QuoteQuery{Speaker: "yuri ushakov"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.QuoteHit{DocID: "wire-0806", Date: "2025-08-06", Title: "Envoy meets Putin in Moscow", ID: "q2",
		Text: "useful and constructive", Kind: doc.Partial, Speaker: "Yuri Ushakov", SpeakerText: "Yuri Ushakov", Cue: "called"}
	if len(hits) != 1 || hits[0] != want {
		t.Errorf("got %+v, want %+v", hits, want)
	}
	if _, err := s.Quotes(ctx, store.QuoteQuery{From: "08/01/2025"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad date error = %v", err)
	}
}

func testDeadlines(t *testing.T, s store.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		q    store.DeadlineQuery
		want []string
	}{
		{"all, soonest first", store.DeadlineQuery{}, []string{"wire-0806/d1", "ledger-0801/d1", "ledger-0714/d1"}},
		{"pending early August", store.DeadlineQuery{Pending: true, AsOf: "2025-08-07"}, []string{"wire-0806/d1", "ledger-0801/d1", "ledger-0714/d1"}},
		{"pending on the day", store.DeadlineQuery{Pending: true, AsOf: "2025-08-08"}, []string{"wire-0806/d1", "ledger-0801/d1", "ledger-0714/d1"}},
		{"pending later", store.DeadlineQuery{Pending: true, AsOf: "2025-08-20"}, []string{"ledger-0801/d1", "ledger-0714/d1"}},
		{"limit", store.DeadlineQuery{Limit: 1}, []string{"wire-0806/d1"}},
		{"pending after all", store.DeadlineQuery{Pending: true, AsOf: "2026-01-01"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Deadlines(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.DocID+"/"+h.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	hits, err := s.Deadlines(ctx, store.DeadlineQuery{Pending: true, AsOf: "2025-08-28"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.DeadlineHit{DocID: "ledger-0714", Date: "2025-07-14", Title: "Trump gives Moscow 50 days", ID: "d1",
		By: "2025-09-02", Day: "2025-09-02", Setter: "Donald Trump", Target: "Russia", Demand: "reach a peace deal with Ukraine",
		Consequence: "sweeping secondary tariffs and new sanctions", Trigger: "50 days", Status: "pending"}
	if len(hits) != 1 || hits[0] != want {
		t.Errorf("got %+v\nwant %+v", hits, want)
	}
	if _, err := s.Deadlines(ctx, store.DeadlineQuery{AsOf: "tomorrow"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad AsOf error = %v", err)
	}
}

func testStats(t *testing.T, s store.Store) {
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var want store.Stats
	entities := map[string]bool{}
	for _, d := range Corpus(t) {
		want.Documents++
		for _, e := range d.Entities {
			entities[e.Type+"/"+store.NameKey(e.Name)] = true
			want.Mentions += len(e.Mentions)
		}
		want.Times += len(d.Times)
		want.Quotes += len(d.Quotes)
		want.Events += len(d.Events)
		want.Deadlines += len(d.Deadlines)
		want.Log++
	}
	want.Entities = len(entities)
	if got != want {
		t.Errorf("stats = %+v\n want %+v", got, want)
	}
}

// testConcurrent puts and searches from several goroutines at once, as
// ingest workers and a server would.
func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, perWriter = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*perWriter*2)
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				d := &doc.Document{ID: fmt.Sprintf("w%d-%d", w, i), Date: "2025-08-06",
					Text: fmt.Sprintf("Writer %d filed story %d about the Geneva talks.", w, i)}
				if _, err := s.Put(ctx, []store.Entry{{Input: d.ID, Doc: d}}); err != nil {
					errs <- err
				}
				if _, err := s.Search(ctx, store.Query{Text: "Geneva"}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	r, err := s.Search(ctx, store.Query{Text: "Geneva", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != writers*perWriter {
		t.Errorf("total = %d, want %d", r.Total, writers*perWriter)
	}
}

// Clock checks a backend's clock: *now (the backend's Now field) stamps the
// ingest log and is "today" for pending-deadline queries. It is separate
// from [Run] because setting the clock is not part of the store contract.
func Clock(t *testing.T, s store.Store, now *func() time.Time) {
	ctx := context.Background()
	at := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	*now = func() time.Time { return at }
	MustPut(t, s, Corpus(t)...)
	log, err := s.Log(ctx, store.LogQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || !log[0].Time.Equal(at) {
		t.Errorf("log time = %+v, want %v", log, at)
	}
	hits, err := s.Deadlines(ctx, store.DeadlineQuery{Pending: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("pending on %s: %d deadlines, want 2", at.Format(time.DateOnly), len(hits))
	}
}
