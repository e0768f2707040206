package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/queue"
	"dateline/internal/store/postgres/pgtest"
	"dateline/internal/store/storetest"
)

// TestWorkersKilled is the scale-out acceptance test: 1,000 generated
// articles queued, three worker processes (the real binary) on one
// PostgreSQL, one of them killed with SIGKILL mid-run; every article must
// end up stored exactly once and the queue empty.
func TestWorkersKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs worker processes")
	}
	db := pgtest.SchemaURL(t)
	admin, err := sql.Open("pgx", db) // the test's own schema is its search path
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	dir := t.TempDir()
	bin := filepath.Join(dir, "dateline")
	if out, err := exec.Command("go", "build", "-o", bin, "dateline/cmd/dateline").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 1000
	docs := storetest.Generate(t, n, 11)
	writeJSONL(t, in, docs, 100)

	out, err := exec.Command(bin, "ingest", "--enqueue", "--db", db, in).CombinedOutput()
	if err != nil || !strings.Contains(string(out), fmt.Sprintf("queued %d inputs, 0 failed", n)) {
		t.Fatalf("enqueue: %v\n%s", err, out)
	}

	count := func(query string) int {
		var c int
		if err := admin.QueryRow(query).Scan(&c); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return c
	}
	var (
		workers [3]*exec.Cmd
		logs    [3]bytes.Buffer
	)
	for i := range workers {
		// A short lease so the killed worker's batch comes back soon, but
		// long enough that a live worker on a loaded 2-core machine (three
		// processes here, CI beside them) keeps its batch: at 5s, batches
		// of 8 outlived their leases, were claimed again and ran out of
		// attempts. One analysis goroutine each.
		w := exec.Command(bin, "worker", "--db", db, "--id", fmt.Sprintf("w%d", i), "--workers", "1",
			"--batch", "8", "--lease", "20s", "--poll", "200ms", "--exit-when-empty")
		w.Stdout, w.Stderr = &logs[i], &logs[i]
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		workers[i] = w
	}
	// Kill worker 0 once a fifth of the articles are stored, while it holds
	// a claimed batch.
	deadline := time.Now().Add(5 * time.Minute)
	for count("SELECT COUNT(*) FROM documents") < n/5 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	claimed := count("SELECT COUNT(*) FROM ingest_queue WHERE claimed_by = 'w0' AND lease_until > now()")
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	workers[0].Wait()
	t.Logf("killed w0 holding %d claimed articles", claimed)
	for i, w := range workers[1:] {
		done := make(chan error, 1)
		go func() { done <- w.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("worker w%d: %v\n%s", i+1, err, logs[i+1].String())
			}
		case <-time.After(10 * time.Minute):
			w.Process.Kill()
			t.Fatalf("worker w%d did not finish\n%s", i+1, logs[i+1].String())
		}
	}
	if got := count("SELECT COUNT(*) FROM documents"); got != n {
		t.Errorf("%d documents stored, want %d", got, n)
	}
	if got := count("SELECT COUNT(DISTINCT id) FROM documents"); got != n {
		t.Errorf("%d distinct ids, want %d", got, n)
	}
	if got := count("SELECT COUNT(*) FROM ingest_log WHERE status = 'added'"); got != n {
		t.Errorf("%d added log lines, want %d (each article stored once)", got, n)
	}
	if got := count("SELECT COUNT(*) FROM ingest_queue"); got != 0 {
		t.Errorf("%d items left in the queue", got)
	}
	for i := 1; i < 3; i++ {
		t.Logf("w%d: %s", i, strings.TrimSpace(lastLine(logs[i].String())))
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndex(s, "\n")+1:]
}

// TestWorkerFlags checks the worker's refusals, which need no database.
func TestWorkerFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"sqlite", []string{"worker", "--db", "x.db"}},
		{"arguments", []string{"worker", "--db", "postgres://localhost/x", "file.txt"}},
		{"bad batch", []string{"worker", "--db", "postgres://localhost/x", "--batch", "0"}},
		{"enqueue to sqlite", []string{"ingest", "--enqueue", "--db", "x.db", "in/"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, stderr := runCLI(t, tc.args...); code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
		})
	}
}

// TestWorkerSlowBatchKeepsLease: a batch that takes several leases to
// analyse stays with its worker, which renews the lease, instead of being
// claimed and analysed again by an idle worker polling the queue.
func TestWorkerSlowBatchKeepsLease(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two workers on PostgreSQL for about a second")
	}
	db := pgtest.SchemaURL(t)
	ctx := context.Background()
	docs := storetest.Generate(t, 2, 5)
	p, err := newPipeline()
	if err != nil {
		t.Fatal(err)
	}
	const lease = 300 * time.Millisecond
	var (
		mu       sync.Mutex
		analysed = map[string]int{}
	)
	// Each article takes longer than a lease: the batch of two takes
	// almost three.
	slow := nlp.StageFunc(func(ctx context.Context, d *doc.Document) error {
		mu.Lock()
		analysed[d.ID]++
		mu.Unlock()
		select {
		case <-time.After(lease + lease/3):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	p = append(p, nlp.Named{Name: "slow", Stage: slow})

	st, q, err := openQueue(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	items := make([]queue.Item, len(docs))
	for i, d := range docs {
		items[i] = queue.Item{Input: fmt.Sprint("in:", i), Doc: &doc.Document{ID: d.ID, Date: d.Date, Title: d.Title, Text: d.Text}}
	}
	if err := q.Enqueue(ctx, items); err != nil {
		t.Fatal(err)
	}

	var logs bytes.Buffer
	var logMu sync.Mutex
	env := Env{Stdout: &logs, Stderr: &logs, Log: newLogger(lockedWriter{&logMu, &logs})}
	sums := make([]ingestSummary, 2)
	var wg sync.WaitGroup
	for w := range 2 {
		cfg := workerConfig{id: fmt.Sprint("w", w), workers: 1, batch: len(docs), lease: lease,
			poll: 20 * time.Millisecond, maxAttempts: 5, exitEmpty: true}
		wg.Go(func() {
			if w == 1 {
				time.Sleep(50 * time.Millisecond) // w0 claims the batch
			}
			sum, err := work(ctx, env, cfg, p, st, q)
			if err != nil {
				t.Errorf("worker %s: %v", cfg.id, err)
			}
			sums[w] = sum
		})
	}
	wg.Wait()
	for _, d := range docs {
		if n := analysed[d.ID]; n != 1 {
			t.Errorf("article %s analysed %d times, want once", d.ID, n)
		}
	}
	if sums[0].Added != len(docs) || sums[1] != (ingestSummary{}) {
		t.Errorf("summaries w0 %+v, w1 %+v; want w0 to add both and w1 nothing", sums[0], sums[1])
	}
	logMu.Lock()
	defer logMu.Unlock()
	if strings.Contains(logs.String(), "lease") {
		t.Errorf("lease warnings:\n%s", logs.String())
	}
}

// lockedWriter serialises writes of concurrent workers' loggers.
type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
