package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/internal/store"
	"dateline/internal/store/postgres"
	"dateline/internal/store/postgres/pgtest"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// scenarioStore is a store the scenario tests ingest into and query.
type scenarioStore interface {
	ingestStore
	store.CrossDoc
	Entity(ctx context.Context, q store.EntityQuery) (*store.EntityReport, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error)
	Close() error
}

// scenarioBackends are the stores the scenarios run on: SQLite always,
// PostgreSQL when $DATELINE_TEST_POSTGRES names a server (scripts/pg-test.sh).
func scenarioBackends(t *testing.T) map[string]func(testing.TB) scenarioStore {
	b := map[string]func(testing.TB) scenarioStore{
		"sqlite": func(tb testing.TB) scenarioStore {
			s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "x.db"))
			if err != nil {
				tb.Fatal(err)
			}
			return s
		},
	}
	if pgtest.Available() {
		b["postgres"] = openPostgresSchema
	}
	return b
}

// openPostgresSchema opens a store in a fresh schema of the test database,
// dropped when the test ends.
func openPostgresSchema(tb testing.TB) scenarioStore {
	s, err := postgres.Open(context.Background(), pgtest.SchemaURL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// ingestScenario runs the real pipeline and ingest over a scenario file into
// a fresh store, one worker so batch order is input order.
func ingestScenario(tb testing.TB, open func(testing.TB) scenarioStore, file string) scenarioStore {
	tb.Helper()
	ctx := context.Background()
	s := open(tb)
	tb.Cleanup(func() { s.Close() })
	p, err := newPipeline()
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	env := Env{Stdin: &bytes.Buffer{}, Stdout: &out, Stderr: &out, Log: newLogger(&out)}
	cfg := ingestConfig{workers: 1, batch: 64, flush: time.Second}
	sum, err := ingest(ctx, env, cfg, p, s, []string{file})
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Failed > 0 {
		tb.Fatalf("ingest: %+v\n%s", sum, out.String())
	}
	return s
}

// TestCrossDocScenario checks deadline histories, stories and events over a
// set of dated articles written for it: a deadline announced, repeated by a
// second article and a rewritten wire copy, extended and missed; one met; one withdrawn;
// one that passes with no news; an unrelated article; and two people called
// Kim, each later named only "Kim".
func TestCrossDocScenario(t *testing.T) {
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			s := ingestScenario(t, open, filepath.Join("testdata", "crossdoc", "scenario.jsonl"))
			checkScenario(t, s)
		})
	}
}

func checkScenario(t *testing.T, s scenarioStore) {
	ctx := context.Background()

	tds, err := s.TrackedDeadlines(ctx, store.DeadlineQuery{AsOf: "2026-08-15"})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		setter, target, due, state string
		statuses                   []string // reported status of each sighting, oldest first
		sources                    int
	}
	wants := []want{
		{"Donald Trump", "Iran", "2026-04-10", "missed", []string{"pending", "pending", "pending", "extended", "missed"}, 5},
		{"Benjamin Netanyahu", "Hamas", "2026-05-10", "met", []string{"pending", "met"}, 2},
		{"European Commission", "Hungary", "2026-06-30", "withdrawn", []string{"pending", "withdrawn"}, 2},
		{"", "United Parcel Service", "2026-07-31", "expired, outcome unknown", []string{"pending"}, 1},
	}
	if len(tds) != len(wants) {
		for _, td := range tds {
			t.Logf("got %+v", td)
		}
		t.Fatalf("%d tracked deadlines, want %d", len(tds), len(wants))
	}
	for i, w := range wants {
		td := tds[i]
		t.Run(w.target, func(t *testing.T) {
			var statuses []string
			for _, c := range td.History {
				statuses = append(statuses, c.Status)
				if c.Evidence == "" || c.DocID == "" {
					t.Errorf("change without evidence: %+v", c)
				}
			}
			if td.Setter != w.setter || td.Target != w.target || td.Due != w.due || td.State != w.state ||
				td.Sources != w.sources || !slices.Equal(statuses, w.statuses) {
				t.Errorf("got %s -> %s due %s %q, %d sources, history %q\nwant %s -> %s due %s %q, %d sources, history %q",
					td.Setter, td.Target, td.Due, td.State, td.Sources, statuses,
					w.setter, w.target, w.due, w.state, w.sources, w.statuses)
			}
		})
	}
	t.Run("clock", func(t *testing.T) {
		// Before its date the union's deadline is still pending.
		tds, err := s.TrackedDeadlines(ctx, store.DeadlineQuery{AsOf: "2026-07-15", Pending: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(tds) != 1 || tds[0].Target != "United Parcel Service" || tds[0].State != "pending" {
			t.Errorf("pending on 2026-07-15: %+v", tds)
		}
	})

	stories := [][]string{
		{"a1", "a1-wire", "a2", "a3", "a4"},
		{"b1", "b2"},
		{"c1", "c2"},
		{"d1"},
		{"e1"},
		{"k1", "k3"},
		{"k2", "k4"},
	}
	for _, group := range stories {
		t.Run("story "+group[0], func(t *testing.T) {
			id, err := s.StoryOf(ctx, group[0])
			if err != nil {
				t.Fatal(err)
			}
			r, err := s.Story(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range r.Documents {
				got = append(got, d.DocID)
				if len(got) > 1 && len(d.Shared) == 0 && d.Score > 0 {
					t.Errorf("%s joined without reasons", d.DocID)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, group) {
				t.Errorf("story of %s = %v, want %v", group[0], got, group)
			}
			for _, e := range r.Events {
				if e.Sources < 1 || e.Sources > e.Reports || e.Sources != len(e.Docs) {
					t.Errorf("event %+v: sources and reports disagree", e)
				}
			}
		})
	}

	t.Run("events", func(t *testing.T) {
		// The ultimatum is reported by the article and its rewritten wire
		// copy: one event, two sources.
		id, err := s.StoryOf(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range r.Events {
			if e.Type == "ULTIMATUM" && e.Day == "2026-03-20" {
				found = true
				if !slices.Contains(e.Docs, "a1") || !slices.Contains(e.Docs, "a1-wire") || e.Sources != 2 {
					t.Errorf("ultimatum of 2026-03-20: %+v, want sources a1 and a1-wire", e)
				}
			}
		}
		if !found {
			t.Errorf("no ULTIMATUM event of 2026-03-20 in %+v", r.Events)
		}
	})
}

// TestCrossDocLinks checks that partial names are linked to the right
// fuller-named entity, across articles, with reasons.
func TestCrossDocLinks(t *testing.T) {
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			s := ingestScenario(t, open, filepath.Join("testdata", "crossdoc", "scenario.jsonl"))
			checkLinks(t, s)
		})
	}
}

func checkLinks(t *testing.T, s scenarioStore) {
	ctx := context.Background()
	tests := []struct {
		name string
		want map[string]string // document → canonical name of its partial-name entity
	}{
		// k1 names Kim Jong Un in full; k3 and k4 say only "Kim", with a
		// title (k3) or company (k4) that tells the two Kims apart.
		{"Kim", map[string]string{"k1": "", "k3": "Kim Jong Un", "k4": "Kim Jung-kwan"}},
		{"Trump", map[string]string{"k5": "Donald Trump"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			links, err := s.EntityLinks(ctx, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, l := range links {
				if l.Name != tc.name {
					continue
				}
				got[l.DocID] = l.Canonical
				if l.Reason == "" {
					t.Errorf("%s/%s: link without a reason", l.DocID, l.Local)
				}
			}
			for docID, want := range tc.want {
				if want == "" {
					if _, ok := got[docID]; ok {
						t.Errorf("%s: linked %q, want no link (named in full)", docID, got[docID])
					}
					continue
				}
				if !strings.Contains(got[docID], want) { // NER may keep a title in the name
					t.Errorf("%s: %q is %q, want %q", docID, tc.name, got[docID], want)
				}
			}
		})
	}
}

// TestCrossDocClaims checks the claim history of a speaker: what Donald
// Trump said about tariffs includes the article that calls him only
// "Trump", under his full name.
func TestCrossDocClaims(t *testing.T) {
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			s := ingestScenario(t, open, filepath.Join("testdata", "crossdoc", "scenario.jsonl"))
			hits, err := s.Quotes(context.Background(), store.QuoteQuery{Speaker: "Donald Trump", About: "tariffs"})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 || hits[0].DocID != "k5" || hits[0].Speaker != "Donald Trump" {
				t.Errorf("Donald Trump on tariffs: %+v, want the quote of k5 under his full name", hits)
			}
			all, err := s.Quotes(context.Background(), store.QuoteQuery{Speaker: "Donald Trump", Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < len(all); i++ {
				if all[i].Date > all[i-1].Date {
					t.Errorf("claims not newest first: %s after %s", all[i].Date, all[i-1].Date)
				}
			}
			if len(all) < 3 {
				t.Errorf("Donald Trump quoted %d times, want at least 3: %+v", len(all), all)
			}
		})
	}
}

// TestCrossDocCommands runs the commands over a scenario store on disk.
func TestCrossDocCommands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cmd.db")
	s := ingestScenario(t, func(tb testing.TB) scenarioStore {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			tb.Fatal(err)
		}
		return s
	}, filepath.Join("testdata", "crossdoc", "scenario.jsonl"))
	s.Close()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"deadlines", "--history", "--as-of", "2026-08-15"},
			[]string{"[missed]", "[met]", "[withdrawn]", "[expired, outcome unknown]", "a3/d1", "extended"}},
		{[]string{"deadlines", "--history", "--pending", "--as-of", "2026-07-15"}, []string{"United Parcel Service", "[pending]"}},
		{[]string{"story", "a1"}, []string{"a1-wire", "a4", "ULTIMATUM", "(started the story)"}},
		{[]string{"story", "999"}, nil},
		{[]string{"entity", "--why", "Kim"}, []string{"Links across articles:", "Kim Jong Un", "titles"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := Env{Stdin: &bytes.Buffer{}, Stdout: &out, Stderr: &errOut, Log: newLogger(&errOut)}
			err := Run(context.Background(), env, append(tc.args, "--db", path))
			if tc.want == nil {
				if err == nil {
					t.Errorf("no error; output %s", out.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	t.Run("entity --why --json", func(t *testing.T) {
		var out bytes.Buffer
		env := Env{Stdin: &bytes.Buffer{}, Stdout: &out, Stderr: &out, Log: newLogger(&out)}
		if err := Run(context.Background(), env, []string{"entity", "--why", "--json", "--db", path, "Kim"}); err != nil {
			t.Fatal(err)
		}
		var v struct {
			Entity *store.EntityReport `json:"entity"`
			Links  []store.EntityLink  `json:"links"`
		}
		if err := json.Unmarshal(out.Bytes(), &v); err != nil || v.Entity == nil || len(v.Links) == 0 {
			t.Errorf("not one JSON object with entity and links: %v\n%s", err, out.String())
		}
	})
}

// TestCrossDocExamples ingests the README's example articles in one run.
// The follow-up that reports the ferry deadline met sorts before the article
// that set it, so this also checks that a batch is tracked in the order of
// the articles' days, not the order the files were read in.
func TestCrossDocExamples(t *testing.T) {
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			s := ingestScenario(t, open, filepath.Join("..", "..", "examples"))
			tds, err := s.TrackedDeadlines(context.Background(), store.DeadlineQuery{AsOf: "2026-03-20"})
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, td := range tds {
				if td.Target != "Nordvik Ferries" {
					continue
				}
				found = true
				var statuses []string
				for _, c := range td.History {
					statuses = append(statuses, c.Status)
				}
				if td.Due != "2026-03-13" || td.State != "met" || !slices.Equal(statuses, []string{"pending", "met"}) {
					t.Errorf("ferry deadline: due %s, %q, history %q; want due 2026-03-13, met, [pending met]", td.Due, td.State, statuses)
				}
			}
			if !found {
				t.Errorf("no tracked deadline for Nordvik Ferries in %+v", tds)
			}
		})
	}
}

// TestCrossDocOrder ingests the scenario's articles one run per article, in
// orders other than their days' (newest first; by id, which puts follow-ups
// before announcements), and checks that the tracked deadlines and their
// histories are those of one run in day order: an outcome ingested before
// the announcement of its deadline is not lost.
func TestCrossDocOrder(t *testing.T) {
	file := filepath.Join("testdata", "crossdoc", "scenario.jsonl")
	docs := storetest.ReadJSONL(t, file)
	orders := map[string]func(a, b int) int{
		"newest first": func(a, b int) int {
			return cmp.Or(strings.Compare(docs[b].Date, docs[a].Date), strings.Compare(docs[a].ID, docs[b].ID))
		},
		"by id descending": func(a, b int) int { return strings.Compare(docs[b].ID, docs[a].ID) },
	}
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			want := deadlineHistories(t, ingestScenario(t, open, file))
			for oname, less := range orders {
				t.Run(oname, func(t *testing.T) {
					idx := make([]int, len(docs))
					for i := range idx {
						idx[i] = i
					}
					slices.SortFunc(idx, less)
					dir := t.TempDir()
					s := open(t)
					t.Cleanup(func() { s.Close() })
					for n, i := range idx {
						path := filepath.Join(dir, fmt.Sprintf("%02d.jsonl", n))
						b, err := json.Marshal(docs[i])
						if err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
							t.Fatal(err)
						}
						ingestInto(t, s, path)
					}
					got := deadlineHistories(t, s)
					if !slices.Equal(got, want) {
						t.Errorf("deadline histories differ from a run in day order:\ngot\n  %s\nwant\n  %s",
							strings.Join(got, "\n  "), strings.Join(want, "\n  "))
					}
				})
			}
		})
	}
}

// deadlineHistories renders every tracked deadline and its history, sorted,
// without the store's ids (which depend on the order of ingest).
func deadlineHistories(t *testing.T, s scenarioStore) []string {
	t.Helper()
	tds, err := s.TrackedDeadlines(context.Background(), store.DeadlineQuery{AsOf: "2026-08-15", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, td := range tds {
		var h []string
		for _, c := range td.History {
			h = append(h, fmt.Sprintf("%s %s/%s due=%s %q", c.Day, c.DocID, c.Local, c.Due, c.Status))
		}
		out = append(out, fmt.Sprintf("%s -> %s (%s) due %s [%s] %d sources: %s", td.Setter, td.Target, td.Demand, td.Due, td.State,
			td.Sources, strings.Join(h, "; ")))
	}
	slices.Sort(out)
	return out
}

// TestCrossDocSurnameExtends checks that a follow-up naming the setter by
// surname alone extends the deadline an earlier article set under the full
// name: the surname's link to the full name, made while storing the
// follow-up, must decide which tracked deadlines it may report on.
func TestCrossDocSurnameExtends(t *testing.T) {
	set := `{"id": "s-set", "date": "2026-10-05", "title": "Vucic sets deadline", "text": "Serbian President Aleksandar Vucic gave the opposition until October 15 to accept his offer of early elections."}`
	ext := `{"id": "s-ext", "date": "2026-10-16", "title": "Deadline extended", "text": "Vucic extended his deadline for the opposition to October 30 after talks ran past the cut-off, his office said."}`
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			for _, runs := range []string{"one run", "two runs"} {
				s := open(t)
				t.Cleanup(func() { s.Close() })
				dir := t.TempDir()
				if runs == "one run" {
					path := filepath.Join(dir, "both.jsonl")
					if err := os.WriteFile(path, []byte(set+"\n"+ext+"\n"), 0o644); err != nil {
						t.Fatal(err)
					}
					ingestInto(t, s, path)
				} else {
					for i, line := range []string{set, ext} {
						path := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
						if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
							t.Fatal(err)
						}
						ingestInto(t, s, path)
					}
				}
				tds, err := s.TrackedDeadlines(context.Background(), store.DeadlineQuery{AsOf: "2026-10-20"})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, td := range tds {
					var statuses []string
					for _, c := range td.History {
						statuses = append(statuses, c.DocID+":"+c.Status)
					}
					got = append(got, fmt.Sprintf("%s due %s %s %v", td.Setter, td.Due, td.State, statuses))
				}
				want := []string{"Aleksandar Vucic due 2026-10-30 extended [s-set:pending s-ext:extended]"}
				if !slices.Equal(got, want) {
					t.Errorf("%s: tracked deadlines\n got %q\nwant %q", runs, got, want)
				}
			}
		})
	}
}

// ingestInto runs one ingest of file into s.
func ingestInto(tb testing.TB, s scenarioStore, file string) {
	tb.Helper()
	p, err := newPipeline()
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	env := Env{Stdin: &bytes.Buffer{}, Stdout: &out, Stderr: &out, Log: newLogger(&out)}
	cfg := ingestConfig{workers: 1, batch: 64, flush: time.Second}
	sum, err := ingest(context.Background(), env, cfg, p, s, []string{file})
	if err != nil || sum.Failed > 0 {
		tb.Fatalf("ingest %s: %+v, %v\n%s", file, sum, err, out.String())
	}
}

// TestCrossDocNames checks the senses of "Washington" (the city, the state,
// the US government) and two people called Kim told apart by titles and
// company, across articles, and that the entity report of a canonical
// entity counts the articles linked to it.
func TestCrossDocNames(t *testing.T) {
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			s := ingestScenario(t, open, filepath.Join("testdata", "crossdoc", "names.jsonl"))
			checkNames(t, s)
		})
	}
}

func checkNames(t *testing.T, s scenarioStore) {
	ctx := context.Background()
	links := []struct {
		name string
		want map[string]string // document → what its partial or ambiguous name was taken for
	}{
		{"Washington", map[string]string{
			"w1": "United States", "w5": "United States", // "Washington imposed", "Washington said"
			"w2": "Washington State", "w4": "Washington State", // "Washington Governor", near Spokane
			"w3": "Washington", "w6": "Washington", // "marched in Washington", "flew back to Washington"
		}},
		{"Kim", map[string]string{"n-k3": "Kim Jong Un", "n-k4": "Kim Min-seok", "n-k5": "Kim Min-seok"}},
	}
	for _, tc := range links {
		t.Run("links "+tc.name, func(t *testing.T) {
			ls, err := s.EntityLinks(ctx, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, l := range ls {
				if l.Name == tc.name {
					got[l.DocID] = l.Canonical
				}
				if l.Reason == "" {
					t.Errorf("%s/%s: no reason", l.DocID, l.Local)
				}
			}
			for d, want := range tc.want {
				if got[d] != want {
					t.Errorf("%s: %q taken for %q, want %q", d, tc.name, got[d], want)
				}
			}
		})
	}

	reports := []struct {
		q         store.EntityQuery
		name      string
		docs      int
		ambiguous []string // candidates, when the name is ambiguous
		also      []string
		linked    []string // appearances reached through a link
	}{
		{q: store.EntityQuery{Name: "Washington"}, name: "Washington", docs: 2, also: []string{"United States", "Washington State"}},
		{q: store.EntityQuery{Name: "Washington State"}, name: "Washington State", docs: 2, linked: []string{"w2", "w4"}},
		{q: store.EntityQuery{Name: "United States"}, name: "United States", docs: 2, linked: []string{"w1", "w5"}},
		{q: store.EntityQuery{Name: "Kim"}, name: "Kim Min-seok", docs: 3, ambiguous: []string{"Kim Jong Un", "Kim Min-seok"}, linked: []string{"n-k4", "n-k5"}},
		{q: store.EntityQuery{Name: "Kim Min-seok"}, name: "Kim Min-seok", docs: 3, linked: []string{"n-k4", "n-k5"}},
		{q: store.EntityQuery{Name: "kim jong un"}, name: "Kim Jong Un", docs: 2, linked: []string{"n-k3"}},
	}
	for _, tc := range reports {
		t.Run("entity "+tc.q.Name, func(t *testing.T) {
			r, err := s.Entity(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if r.Name != tc.name || r.Documents != tc.docs {
				t.Errorf("report on %s in %d articles, want %s in %d", r.Name, r.Documents, tc.name, tc.docs)
			}
			var cands []string
			for _, c := range r.Candidates {
				cands = append(cands, c.Name)
				if c.Documents == 0 || c.First == "" {
					t.Errorf("candidate %+v without articles or dates", c)
				}
			}
			slices.Sort(cands)
			if r.Ambiguous != (tc.ambiguous != nil) || !slices.Equal(cands, tc.ambiguous) {
				t.Errorf("ambiguous %v, candidates %q; want %q", r.Ambiguous, cands, tc.ambiguous)
			}
			var also []string
			for _, a := range r.Also {
				also = append(also, a.Name)
			}
			slices.Sort(also)
			if tc.also != nil && !slices.Equal(also, tc.also) {
				t.Errorf("also %q, want %q", also, tc.also)
			}
			var linked []string
			for _, a := range r.Appearances {
				if a.Link != "" {
					linked = append(linked, a.DocID)
				}
				if a.Mentions == 0 || len(a.Forms) == 0 {
					t.Errorf("appearance %+v without mentions", a)
				}
			}
			slices.Sort(linked)
			if !slices.Equal(linked, tc.linked) {
				t.Errorf("linked appearances %q, want %q", linked, tc.linked)
			}
			if tc.linked != nil && !slices.ContainsFunc(r.Names, func(n store.NameUse) bool { return n.First != "" && n.Mentions > 0 }) {
				t.Errorf("names %+v lack dates", r.Names)
			}
		})
	}
}

// TestCrossDocNameFirst checks that an article naming someone only "Kim",
// stored before any article gave a fuller name answering to "Kim", is
// linked once one does, as it would have been in the other order.
func TestCrossDocNameFirst(t *testing.T) {
	bare := `{"id": "f-kim", "date": "2026-05-04", "title": "Pyongyang tests cruise missile", "text": "North Korean leader Kim watched the launch of a new cruise missile on Sunday, state media said."}`
	full := `{"id": "f-kju", "date": "2026-05-06", "title": "North Korean leader visits arms factory", "text": "North Korean leader Kim Jong Un visited a munitions factory on Tuesday and called for more shells to be produced, state media said. Kim praised the workers for their loyalty."}`
	for name, open := range scenarioBackends(t) {
		t.Run(name, func(t *testing.T) {
			for _, order := range [][]string{{bare, full}, {full, bare}} {
				s := open(t)
				t.Cleanup(func() { s.Close() })
				dir := t.TempDir()
				for i, line := range order {
					path := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
					if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
						t.Fatal(err)
					}
					ingestInto(t, s, path) // one run each: the bare name is committed first
				}
				ls, err := s.EntityLinks(context.Background(), "Kim")
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, l := range ls {
					got = append(got, fmt.Sprintf("%s %s=%q (%s)", l.DocID, l.Name, l.Canonical, l.Reason))
				}
				if !slices.ContainsFunc(ls, func(l store.EntityLink) bool {
					return l.DocID == "f-kim" && l.Name == "Kim" && l.Canonical == "Kim Jong Un"
				}) {
					first := "bare name first"
					if order[0] == full {
						first = "full name first"
					}
					t.Errorf("%s: f-kim's \"Kim\" not linked to Kim Jong Un; links:\n  %s", first, strings.Join(got, "\n  "))
				}
			}
		})
	}
}
