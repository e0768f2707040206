package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"dateline/internal/nlp"
	"dateline/internal/queue"
	"dateline/internal/read"
	"dateline/internal/store"
	"dateline/internal/store/neardup"
	"dateline/internal/store/postgres"
)

const workerHelp = `Usage: dateline worker --db postgres://... [flags]

Takes articles queued by 'dateline ingest --enqueue' from the PostgreSQL
database, analyses them and stores them there. Run as many workers as you
like, on any machines that reach the database: each claims a batch at a
time (FOR UPDATE SKIP LOCKED, so workers never wait for each other) under a
lease, which it renews every third of --lease while it works on the batch,
however long that takes. If a worker dies, its renewals stop and its batch
is claimed again when the lease runs out;
an article whose batch was stored just before the worker died is then
found stored and logged as a duplicate, so every article is stored once.

Without --exit-when-empty the worker waits for more work until interrupted.

Examples:
  dateline ingest --enqueue --db postgres://news@db/news corpus/
  dateline worker --db postgres://news@db/news &   # one per machine or core pair

Exit status: 0 done; 1 some articles failed; 2 bad flags; 3 aborted
(interrupt, database error).
`

type workerConfig struct {
	db          string
	id          string
	workers     int
	batch       int
	lease       time.Duration
	poll        time.Duration
	maxAttempts int
	exitEmpty   bool
	nearDups    bool
}

func runWorker(ctx context.Context, env Env, args []string) error {
	fs := newFlags("worker")
	var cfg workerConfig
	host, _ := os.Hostname()
	fs.StringVar(&cfg.db, "db", "", "PostgreSQL `URL` (postgres://...), else $DATELINE_DB")
	fs.StringVar(&cfg.id, "id", fmt.Sprintf("%s-%d", host, os.Getpid()), "worker `name` recorded on claimed items")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "articles analysed at once")
	fs.IntVar(&cfg.batch, "batch", 16, "articles claimed and committed together")
	fs.DurationVar(&cfg.lease, "lease", 2*time.Minute, "how long a claim lasts unless renewed (every lease/3 while the worker is on the batch)")
	fs.DurationVar(&cfg.poll, "poll", time.Second, "wait between looks at an empty queue")
	fs.IntVar(&cfg.maxAttempts, "max-attempts", 5, "claims of one article before it is logged as failed")
	fs.BoolVar(&cfg.exitEmpty, "exit-when-empty", false, "exit once the queue is empty")
	fs.BoolVar(&cfg.nearDups, "near-dups", true, "link near-duplicate copies to their original instead of analysing them")
	rest, err := parseFlags(env, fs, workerHelp, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: worker takes no arguments (inputs are queued with 'dateline ingest --enqueue')", errUsage)
	}
	if cfg.db == "" {
		cfg.db = os.Getenv("DATELINE_DB")
	}
	if !postgres.IsURL(cfg.db) {
		return fmt.Errorf("%w: worker needs a PostgreSQL --db (postgres://...)", errUsage)
	}
	if cfg.workers < 1 || cfg.batch < 1 || cfg.lease <= 0 || cfg.poll <= 0 || cfg.maxAttempts < 1 {
		return fmt.Errorf("%w: --workers, --batch, --max-attempts, --lease and --poll must be positive", errUsage)
	}
	p, err := newPipeline()
	if err != nil {
		return fmt.Errorf("build pipeline: %w", err)
	}
	st, q, err := openQueue(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	sum, err := work(ctx, env, cfg, p, st, q)
	fmt.Fprintln(env.Stdout, sum.String(time.Since(start)))
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return &exitError{exitFailed, fmt.Errorf("%d articles failed (dateline log --status failed)", sum.Failed)}
	}
	return nil
}

// workerStore is what a worker needs of the store.
type workerStore interface {
	ingestStore
	store.NearDuplicateIndex
}

// work claims, analyses and stores batches until the queue is empty (with
// cfg.exitEmpty) or ctx ends.
func work(ctx context.Context, env Env, cfg workerConfig, p nlp.Pipeline, st workerStore, q *queue.Queue) (ingestSummary, error) {
	var sum ingestSummary
	for {
		if ctx.Err() != nil {
			return sum, ctx.Err()
		}
		items, err := q.Claim(ctx, cfg.id, cfg.batch, cfg.lease)
		if err != nil {
			return sum, err
		}
		if len(items) == 0 {
			if cfg.exitEmpty {
				n, err := q.Len(ctx)
				if err != nil {
					return sum, err
				}
				if n == 0 {
					return sum, nil
				}
			}
			// Empty, or everything left is leased to others: a dead
			// worker's batch becomes claimable when its lease runs out.
			select {
			case <-time.After(cfg.poll):
			case <-ctx.Done():
				return sum, ctx.Err()
			}
			continue
		}
		ids := make([]int64, len(items))
		for i, it := range items {
			ids[i] = it.ID
		}
		// Keep the lease while the batch is analysed and stored, so that
		// a batch slower than --lease is not claimed again by another
		// worker. The heartbeat is stopped before the batch is released
		// or deleted; if this process dies the renewals stop and the
		// batch comes back after one lease.
		stop := q.Heartbeat(ctx, cfg.id, ids, cfg.lease, func(err error) {
			env.Log.Warn("renew lease", "worker", cfg.id, "err", err)
		})
		entries, ok := analyseBatch(ctx, cfg, p, st, items)
		if !ok {
			// Interrupted: hand the batch back at once.
			stop()
			_ = q.Release(context.WithoutCancel(ctx), cfg.id, ids)
			return sum, ctx.Err()
		}
		res, err := st.Put(context.WithoutCancel(ctx), entries)
		stop()
		if err != nil {
			// Another worker may have stored the same id at the same
			// moment (a stolen lease); the batch is retried.
			env.Log.Warn("store batch; released for retry", "worker", cfg.id, "err", err)
			if rerr := q.Release(context.WithoutCancel(ctx), cfg.id, ids); rerr != nil {
				return sum, errors.Join(err, rerr)
			}
			continue
		}
		for i, r := range res {
			sum.add(r)
			if r.Status == store.Failed {
				env.Log.Error("input failed", "input", entries[i].Input, "err", entries[i].Failure)
			}
		}
		if err := q.Done(context.WithoutCancel(ctx), cfg.id, ids); err != nil {
			if !errors.Is(err, queue.ErrLeaseLost) {
				return sum, err
			}
			// Renewals failed for longer than a lease (database
			// unreachable, process stalled) and another worker took
			// some items; the store deduplicated them.
			env.Log.Warn("batch outlived its lease", "worker", cfg.id, "err", err)
		}
	}
}

// analyseBatch turns claimed items into store entries on cfg.workers
// goroutines, in order. Stored texts and near-duplicates skip analysis, as
// in ingest; an item claimed too often is failed rather than retried for
// ever (it may be what kills workers). It returns false when ctx ended.
func analyseBatch(ctx context.Context, cfg workerConfig, p nlp.Pipeline, st workerStore, items []queue.Item) ([]store.Entry, bool) {
	entries := make([]store.Entry, len(items))
	ok := make([]bool, len(items))
	sem := make(chan struct{}, cfg.workers)
	var wg sync.WaitGroup
	var near *nearDups
	if cfg.nearDups {
		// The batch's own index catches two copies claimed together.
		near = &nearDups{store: st, run: neardup.NewIndex()}
	}
	for i, qi := range items {
		it := read.Item{Doc: qi.Doc, Path: qi.Input}
		h := store.Hash(qi.Doc.Text)
		if qi.Attempts > cfg.maxAttempts {
			entries[i], ok[i] = store.Entry{Input: qi.Input, Failure: fmt.Sprintf("gave up after %d attempts", qi.Attempts-1)}, true
			continue
		}
		if _, err := st.ContentID(ctx, h); err == nil {
			entries[i], ok[i] = store.Entry{Input: qi.Input, Doc: qi.Doc, Hash: h}, true
			continue
		}
		var sig *neardup.Signature
		if near != nil {
			s, orig, sim, err := near.check(ctx, qi.Doc)
			if err == nil && orig != "" {
				entries[i], ok[i] = store.Entry{Input: qi.Input, Doc: qi.Doc, Hash: h, NearDuplicateOf: orig, Similarity: sim}, true
				continue
			}
			sig = s
		}
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			e, done := analyseEntry(ctx, p, it, h)
			if done && e.Doc != nil {
				e.MinHash = sig
			}
			entries[i], ok[i] = e, done
		})
	}
	wg.Wait()
	for _, o := range ok {
		if !o {
			return nil, false
		}
	}
	return entries, true
}

// openQueue opens the PostgreSQL store at db and the work queue inside it,
// which 'ingest --enqueue' fills and 'worker' drains.
func openQueue(ctx context.Context, db string) (*postgres.DB, *queue.Queue, error) {
	st, err := postgres.Open(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	q, err := queue.Open(ctx, st.SQL())
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, q, nil
}
