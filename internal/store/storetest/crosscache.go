package storetest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/store"
	"dateline/internal/store/sqldb"
)

// Handle is one open handle of a SQL store: St for Put (a backend may wrap
// it, as PostgreSQL's retries), DB for its knobs and tables.
type Handle struct {
	St store.Store
	DB *sqldb.DB
}

// CrossCache checks that the writer's in-memory cache of the cross-document
// layers decides exactly as reading the tables does: the same generated
// archive is stored with and without it, and every table of the layers
// must come out the same, row for row and id for id. fresh creates an empty
// database and returns a function that opens a handle to it (called once
// per handle; the test closes them).
//
// The archive spans 200 days, longer than the cache keeps, so its floors
// move and old rows are dropped; one order stores some articles months late
// (looked up in the tables while the cache holds the recent ones), and one
// alternates batches between two handles, as two processes would, so each
// must notice the other's changes.
func CrossCache(t *testing.T, fresh func(t *testing.T) func(t *testing.T) Handle) {
	docs := GenerateDaily(t, 1400, 7, 11)
	late := slices.Clone(docs)
	// Every fifth article of the first half comes after the second half.
	var first, again []*doc.Document
	for i, d := range late[:len(late)/2] {
		if i%5 == 0 {
			again = append(again, d)
		} else {
			first = append(first, d)
		}
	}
	late = append(append(first, late[len(late)/2:]...), again...)
	for _, tc := range []struct {
		name    string
		docs    []*doc.Document
		writers int
	}{
		{"day order", docs, 1},
		{"some months late", late, 1},
		{"two writers", docs, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := crossTables(t, storeAll(t, tc.docs, []Handle{fresh(t)(t)}, false))
			open := fresh(t)
			hs := make([]Handle, tc.writers)
			for i := range hs {
				hs[i] = open(t)
			}
			got := crossTables(t, storeAll(t, tc.docs, hs, true))
			for _, name := range slices.Sorted(maps.Keys(want)) {
				if w, g := want[name], got[name]; !slices.Equal(w, g) {
					i := 0
					for i < min(len(w), len(g)) && w[i] == g[i] {
						i++
					}
					t.Errorf("%s: %d rows with the cache, %d without; first difference at row %d:\n with:    %s\n without: %s",
						name, len(g), len(w), i, at(g, i), at(w, i))
				}
			}
			for i, h := range hs {
				if d, k, s := h.DB.CrossCached(); d == 0 || k == 0 || s == 0 {
					t.Errorf("writer %d: cache holds %d deadlines, %d story keys, %d event slots: it was not used", i, d, k, s)
				}
			}
		})
	}
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return "(none)"
}

// storeAll stores docs in batches of 16, the batches taking turns among
// the handles, with the writer's cache on or off, and returns the first
// handle's database.
func storeAll(t *testing.T, docs []*doc.Document, hs []Handle, cache bool) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	for _, h := range hs {
		h.DB.NoCrossCache = !cache
		t.Cleanup(func() { h.St.Close() })
	}
	const batch = 16
	for i := 0; i < len(docs); i += batch {
		var entries []store.Entry
		for _, d := range docs[i:min(i+batch, len(docs))] {
			c := *d
			entries = append(entries, store.Entry{Input: c.ID, Doc: &c})
		}
		if _, err := hs[(i/batch)%len(hs)].St.Put(ctx, entries); err != nil {
			t.Fatalf("put batch %d: %v", i/batch, err)
		}
	}
	return hs[0].DB
}

// crossTables reads every row of the cross-document tables, as text.
func crossTables(t *testing.T, db *sqldb.DB) map[string][]string {
	t.Helper()
	queries := map[string]string{
		"tracked_deadlines": `SELECT id, COALESCE(setter, 0), COALESCE(target, 0), demand, horizon, due, status, last_day, dues, first, opened
			FROM tracked_deadlines ORDER BY id`,
		"deadline_sightings": `SELECT tracked, doc, local, day, due, status, start, "end", quote, reason
			FROM deadline_sightings ORDER BY tracked, doc, local, start, status`,
		"deadline_orphans": `SELECT entity, day, doc FROM deadline_orphans ORDER BY entity, day, doc`,
		"stories":          `SELECT id, first_day, last_day FROM stories ORDER BY id`,
		"story_docs":       `SELECT doc, story, score, shared FROM story_docs ORDER BY doc`,
		"story_keys":       `SELECT key, story, day FROM story_keys ORDER BY story, day, key`,
		"event_groups":     `SELECT id, type, day, parts FROM event_groups ORDER BY id`,
		"event_reports":    `SELECT doc, local, grp FROM event_reports ORDER BY doc, local`,
		"entity_links":     `SELECT doc, local, entity, COALESCE(canonical, 0), reason FROM entity_links ORDER BY doc, local`,
	}
	out := map[string][]string{}
	for name, q := range queries {
		rows, err := db.SQL().QueryContext(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			cells := make([]string, len(vals))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				cells[i] = fmt.Sprint(v)
			}
			out[name] = append(out[name], strings.Join(cells, " | "))
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows.Close()
		if len(out[name]) == 0 && name != "entity_links" && name != "deadline_orphans" {
			t.Errorf("%s is empty: the archive does not exercise it", name)
		}
	}
	return out
}
