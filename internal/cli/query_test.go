package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// corpusDB stores the storetest corpus in a fresh database and returns its
// path.
func corpusDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustPut(t, s, storetest.Corpus(t)...)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQueryCommands(t *testing.T) {
	db := corpusDB(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout, in order
		not  []string // substrings stdout must not hold
	}{
		{"search", []string{"search", "ceasefire"}, 0,
			[]string{"DATE", "SOURCE", "ID", "TITLE", "Wire", "of 2"}, []string{"ledger-0714"}},
		{"search filters", []string{"search", "--source", "daily ledger", "--from", "2025-07-01", "--to", "2025-07-31", ""}, 0,
			[]string{"2025-07-14", "Daily Ledger", "ledger-0714", "Trump gives Moscow 50 days", "1–1 of 1"}, []string{"ledger-0801"}},
		{"search paging", []string{"search", "--limit", "2", ""}, 0,
			[]string{"wire-0815", "wire-0806", "1–2 of 6 (next page: --offset 2)"}, nil},
		{"search none", []string{"search", "zeppelin"}, 0, []string{"no matches"}, nil},
		{"search bad date", []string{"search", "--from", "August", "x"}, exitUsage, nil, nil},
		{"search no query", []string{"search"}, exitUsage, nil, nil},
		{"entity", []string{"entity", "putin"}, 0,
			[]string{"Vladimir Putin (PERSON): 2 articles, 5 mentions, 2025-08-06 to 2025-08-15",
				"Titles:", "Russian President", "Kremlin leader", "Seen with:", "Donald Trump",
				"Mentioned in:", "wire-0815", "The Kremlin leader, Vladimir Putin, Putin"}, nil},
		{"entity ambiguous", []string{"entity", "Moscow"}, 0, []string{"Moscow (GPE)", "Also answering to the name: Russia (GPE)"}, nil},
		{"entity unknown", []string{"entity", "Angela", "Merkel"}, exitFailed, nil, nil},
		{"quotes", []string{"quotes", "--speaker", "Trump"}, 0,
			[]string{"SPEAKER", "Donald Trump", "no deal until there’s a deal", "wire-0815/q2", "wire-0806/q1", "ledger-0714/q1"}, []string{"Ushakov"}},
		{"quotes about", []string{"quotes", "--about", "New Delhi"}, 0, []string{"White House", "indirect", "ledger-0801/q1"}, nil},
		{"quotes args", []string{"quotes", "Trump"}, exitUsage, nil, nil},
		{"deadlines", []string{"deadlines"}, 0,
			[]string{"BY", "SET BY", "2025-08-08", "Donald Trump", "Russia", "2025-08-27", "White House", "2025-09-02", "pending"}, nil},
		{"deadlines pending", []string{"deadlines", "--pending", "--as-of", "2025-08-28"}, 0, []string{"2025-09-02"}, []string{"2025-08-08", "2025-08-27"}},
		{"export csv", []string{"export", "--format", "csv", "--entity", "Putin"}, 0,
			[]string{"id,date,source,title,url,sentences,entities,times,quotes,events,deadlines,text", "wire-0806,2025-08-06,Wire,", "wire-0815,"}, []string{"ledger"}},
		{"export bad format", []string{"export", "--format", "xml"}, exitUsage, nil, nil},
		{"log", []string{"log", "--limit", "2"}, 0, []string{"TIME", "STATUS", "INPUT", "added", "note-undated", "added", "sport-1120"}, []string{"wire-0806"}},
		{"log failed", []string{"log", "--status", "failed"}, 0, []string{"the ingest log is empty"}, nil},
		{"log bad status", []string{"log", "--status", "great"}, exitUsage, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append(tc.args, "--db", db)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			rest := stdout
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, stdout)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tc.not {
				if strings.Contains(stdout, n) {
					t.Errorf("output holds %q:\n%s", n, stdout)
				}
			}
		})
	}
}

func TestQueryJSON(t *testing.T) {
	db := corpusDB(t)
	t.Run("search", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "search", "--db", db, "--json", "sanction")
		var res struct {
			Total int
			Hits  []struct {
				ID         string
				Snippet    string
				Highlights []struct{ Start, End int }
			}
		}
		if err := json.Unmarshal([]byte(stdout), &res); err != nil {
			t.Fatalf("%v\n%s", err, stdout)
		}
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "ledger-0714" {
			t.Fatalf("got %+v", res)
		}
		h := res.Hits[0]
		if len(h.Highlights) == 0 || h.Snippet[h.Highlights[0].Start:h.Highlights[0].End] != "sanctions" {
			t.Errorf("highlight %+v in %q", h.Highlights, h.Snippet)
		}
	})
	t.Run("empty lists are arrays", func(t *testing.T) {
		for _, args := range [][]string{{"search", "zeppelin"}, {"quotes", "--speaker", "nobody"}, {"deadlines", "--pending", "--as-of", "2030-01-01"}} {
			_, stdout, _ := runCLI(t, append(args, "--db", db, "--json")...)
			if s := strings.TrimSpace(stdout); !strings.Contains(s, "[]") {
				t.Errorf("%q: %s", args, s)
			}
		}
	})
	t.Run("entity", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "entity", "--db", db, "--json", "Kyiv")
		var r struct {
			Name, Type string
			Documents  int
		}
		if err := json.Unmarshal([]byte(stdout), &r); err != nil || r.Name != "Ukraine" || r.Documents != 2 {
			t.Errorf("got %+v, %v", r, err)
		}
	})
	t.Run("export jsonl round trip", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "export", "--db", db)
		want := map[string]string{}
		for _, d := range storetest.Corpus(t) {
			b, _ := json.Marshal(d)
			want[d.ID] = string(b)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != len(want) {
			t.Fatalf("%d lines, want %d", len(lines), len(want))
		}
		for _, l := range lines {
			var d struct{ ID string }
			json.Unmarshal([]byte(l), &d)
			if want[d.ID] != l {
				t.Errorf("%s: exported\n%s\nwant\n%s", d.ID, l, want[d.ID])
			}
		}
	})
	t.Run("export csv parses", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "export", "--db", db, "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 7 || rows[1][0] != "sport-1120" || !strings.Contains(rows[1][11], "München") {
			t.Errorf("rows = %q", rows)
		}
	})
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 articles"}, {1, "1 article"}, {2, "2 articles"}} {
		if got := count(tc.n, "article"); got != tc.want {
			t.Errorf("count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
