package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/store"
	"dateline/internal/store/postgres/pgtest"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// writeJSONL writes documents as dateline input lines (no layers) into
// files of perFile lines under dir and returns the documents written.
func writeJSONL(tb testing.TB, dir string, docs []*doc.Document, perFile int) {
	tb.Helper()
	for i := 0; i < len(docs); i += perFile {
		var buf bytes.Buffer
		for _, d := range docs[i:min(i+perFile, len(docs))] {
			in := doc.Document{ID: d.ID, Date: d.Date, Title: d.Title, Source: d.Source, Text: d.Text}
			b, err := json.Marshal(&in)
			if err != nil {
				tb.Fatal(err)
			}
			buf.Write(append(b, '\n'))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%04d.jsonl", i/perFile)), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// runCLI runs a command line in process and returns its exit code, stdout
// and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	docs := storetest.Generate(t, 30, 3)
	writeJSONL(t, in, docs, 10)
	seed := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(seed, []byte("date 2025-08-06 Kyiv’s mayor said on Wednesday that the city’s metro would reopen."), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"ok-1\",\"text\":\"A fine line about Geneva.\"}\nnot json\n{\"id\":\"empty\",\"text\":\"\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "t.db")

	tests := []struct {
		name    string
		args    []string
		code    int
		summary string
	}{
		{"first run", []string{"ingest", "--db", db, in, seed}, 0, "31 added, 0 updated, 0 duplicate, 0 failed"},
		{"same again", []string{"ingest", "--db", db, in, seed}, 0, "0 added, 0 updated, 31 duplicate, 0 failed"},
		{"bad lines", []string{"ingest", "--db", db, "--batch", "1", bad}, 1, "1 added, 0 updated, 0 duplicate, 2 failed"},
		{"missing file", []string{"ingest", "--db", db, filepath.Join(dir, "nope.txt")}, 1, "0 added, 0 updated, 0 duplicate, 1 failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stdout, tc.summary) {
				t.Errorf("summary %q, want it to contain %q", stdout, tc.summary)
			}
		})
	}

	t.Run("database in the input directory", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "ingest", "--db", filepath.Join(in, "self.db"), in)
		if code != 0 || !strings.Contains(stdout, "30 added, 0 updated, 0 duplicate, 0 failed") {
			t.Errorf("exit %d: %s%s", code, stdout, stderr)
		}
		code, stdout, stderr = runCLI(t, "ingest", "--db", filepath.Join(in, "self.db"), in)
		if code != 0 || !strings.Contains(stdout, "0 added, 0 updated, 30 duplicate, 0 failed") {
			t.Errorf("second run: exit %d: %s%s", code, stdout, stderr)
		}
	})

	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{"ingest", "--batch", "0", "x"}, {"ingest", "--in", "xml", "x"}, {"ingest", "--date", "soon", "x"}} {
			if code, _, _ := runCLI(t, args...); code != exitUsage {
				t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
			}
		}
	})

	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 32 {
		t.Errorf("stored %d documents, want 32", st.Documents)
	}
	failed, err := s.Log(ctx, store.LogQuery{Status: store.Failed})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, e := range failed {
		inputs = append(inputs, filepath.Base(e.Input))
	}
	if want := "nope.txt bad.jsonl:3 bad.jsonl:2"; strings.Join(inputs, " ") != want {
		t.Errorf("failed inputs %q, want %q", inputs, want)
	}
	d, err := s.Get(ctx, "seed")
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2025-08-06" || len(d.Sentences) == 0 {
		t.Errorf("seed stored without its date or analysis: %+v", d)
	}
}

// TestIngestCrash kills a real dateline process with SIGKILL in the middle
// of an ingest, runs the same ingest again, and checks that every document
// is stored exactly once: the batch in flight at the kill is lost whole and
// redone, never half-kept or doubled.
func TestIngestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dbs := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "crash.db") },
	}
	if pgtest.Available() {
		dbs["postgres"] = func(t *testing.T) string { return pgtest.SchemaURL(t) }
	}
	for name, newDB := range dbs {
		t.Run(name, func(t *testing.T) { testIngestCrash(t, newDB(t)) })
	}
}

// testIngestCrash kills an ingest into db mid-run with SIGKILL, re-runs it,
// and checks every document is stored exactly once.
func testIngestCrash(t *testing.T, db string) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "dateline")
	build := exec.Command("go", "build", "-o", bin, "dateline/cmd/dateline")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 3000
	docs := storetest.Generate(t, n, 4)
	writeJSONL(t, in, docs, 100)
	ctx := context.Background()

	count := func() int {
		s, err := openStore(ctx, db)
		if err != nil {
			return 0 // not created yet
		}
		defer s.Close()
		st, err := s.Stats(ctx)
		if err != nil {
			return 0
		}
		return st.Documents
	}

	cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "32", in)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for count() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	werr := cmd.Wait()
	before := count()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("ingest ended before the kill (%v); %d of %d stored; make the input larger", werr, before, n)
	}
	if before == 0 || before >= n {
		t.Fatalf("killed with %d of %d documents stored; want a run cut short", before, n)
	}
	t.Logf("killed with %d of %d documents stored", before, n)

	out, err := exec.Command(bin, "ingest", "--db", db, in).Output()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	want := fmt.Sprintf("%d added, 0 updated, %d duplicate, 0 failed", n-before, before)
	if !strings.Contains(string(out), want) {
		t.Errorf("re-run summary %q, want %q", out, want)
	}

	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != n {
		t.Errorf("%d documents stored, want %d", st.Documents, n)
	}
	added, err := s.Log(ctx, store.LogQuery{Status: store.Added, Limit: 10 * n})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, e := range added {
		seen[e.DocID]++
	}
	for _, d := range docs {
		if seen[d.ID] != 1 {
			t.Errorf("%s added %d times, want once", d.ID, seen[d.ID])
		}
		if _, err := s.ContentID(ctx, store.Hash(d.Text)); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
	}
}

// TestIngestInterrupt cancels an ingest part way, as Ctrl-C does, and checks
// that what was analysed is committed, nothing is logged as failed, and a
// second run completes the job.
func TestIngestInterrupt(t *testing.T) {
	dir := t.TempDir()
	docs := storetest.Generate(t, 200, 5)
	writeJSONL(t, dir, docs, 50)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	p, err := newPipeline()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := make(chan struct{}, len(docs))
	p = append(p, nlp.Named{Name: "interrupt", Stage: nlp.StageFunc(func(ctx context.Context, d *doc.Document) error {
		seen <- struct{}{}
		if len(seen) == 40 {
			cancel()
		}
		return nil
	})})
	var stderr bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Log: newLogger(&stderr)}
	cfg := ingestConfig{workers: 2, batch: 16, flush: time.Second}
	sum, err := ingest(ctx, env, cfg, p, s, []string{dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || st.Documents != sum.Added || sum.Added < 30 || sum.Added >= len(docs) {
		t.Errorf("interrupted run: summary %+v, %d stored; want ≥30 added, all stored, none failed\n%s", sum, st.Documents, &stderr)
	}

	p, _ = newPipeline()
	sum2, err := ingest(context.Background(), env, cfg, p, s, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Added != len(docs)-sum.Added || sum2.Duplicate != sum.Added {
		t.Errorf("second run %+v after first %+v", sum2, sum)
	}
}

// TestIngestPostgres runs ingest and a query against PostgreSQL when
// $DATELINE_TEST_POSTGRES names a database (scripts/pg-test.sh sets it).
func TestIngestPostgres(t *testing.T) {
	db := pgtest.SchemaURL(t)

	dir := t.TempDir()
	writeJSONL(t, dir, storetest.Generate(t, 50, 6), 25)
	if code, stdout, stderr := runCLI(t, "ingest", "--db", db, dir); code != 0 || !strings.Contains(stdout, "50 added") {
		t.Fatalf("ingest: exit %d, %s%s", code, stdout, stderr)
	}
	if code, stdout, _ := runCLI(t, "ingest", "--db", db, dir); code != 0 || !strings.Contains(stdout, "50 duplicate") {
		t.Fatalf("re-ingest: exit %d, %s", code, stdout)
	}
	code, stdout, stderr := runCLI(t, "search", "--db", db, "--json", "talks")
	var res struct{ Total int }
	if code != 0 || json.Unmarshal([]byte(stdout), &res) != nil || res.Total != 50 {
		t.Errorf("search: exit %d, %s%s", code, stdout, stderr)
	}
}
