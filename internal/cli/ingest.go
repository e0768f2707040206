package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/queue"
	"dateline/internal/read"
	"dateline/internal/store"
	"dateline/internal/store/neardup"
	"dateline/internal/store/postgres"
	"dateline/internal/store/sqlite"
)

const ingestHelp = `Usage: dateline ingest [flags] [FILE|DIR|URL|-]...

Analyses news articles like 'dateline extract' and stores them in the
database, where 'dateline search', 'entity', 'quotes', 'deadlines' and
'export' find them. Documents are analysed on all cores and committed in
batches: after a crash, at most the two batches in flight are lost, and
running the same ingest again stores what is missing and nothing twice. An
interrupt (Ctrl-C) commits what was analysed before it stops.

An input whose text is already stored (under any id) is a duplicate and is
not analysed again; one whose id is stored with other text replaces it.
A near-duplicate (a syndicated copy of a stored or earlier article with a
new headline, byline or paragraph: estimated word 5-shingle Jaccard
similarity of 0.8 or more) is not analysed either: it is linked to its
original with the similarity and logged as a duplicate (--near-dups=false
stores such copies as articles of their own).
Every input is written to the ingest log with its outcome.

Inputs may be seed-format or plain text files, JSONL, HTML pages (the
article text, title, site and date are extracted), RSS/Atom feeds (one
document per item) and WARC archives (one document per archived HTML page);
the format is detected from the name and first bytes (--in forces one).
http(s) URLs are fetched: 2 requests per host at a time, a 30 s timeout and
a 16 MiB cap per page. With --fetch, feed items that carry only a teaser are
replaced by their linked page.

The database is --db, else $DATELINE_DB, else dateline.db in the current
directory; a postgres:// URL selects PostgreSQL.

Examples:
  dateline ingest corpus/                      # every file below corpus/
  dateline ingest --db news.db feed.jsonl
  cat feed.jsonl | dateline ingest -
  dateline ingest --date 2025-08-06 story.txt  # plain text dated on the command line
  dateline ingest crawl.warc.gz https://news.example/feed.rss
  dateline ingest --fetch feeds/               # fetch the articles of teaser feeds

With --enqueue (PostgreSQL only) the inputs are read and queued, not
analysed: 'dateline worker' processes, any number on any machines, analyse
and store them (see 'dateline worker -h').

Prints a summary: documents added, updated, duplicate and failed. Exit status:
0 all inputs stored or duplicate; 1 some input failed; 2 bad flags; 3 aborted
(interrupt, database error).
`

type ingestConfig struct {
	db       string
	read     read.Options
	workers  int
	batch    int           // entries per transaction
	flush    time.Duration // longest an analysed document waits for its batch
	progress bool
	nearDups bool // link near-duplicates to their original instead of analysing them
	enqueue  bool // queue the inputs for 'dateline worker' instead of analysing them
}

func runIngest(ctx context.Context, env Env, args []string) error {
	fs := newFlags("ingest")
	var cfg ingestConfig
	var format string
	fs.StringVar(&cfg.db, "db", "", dbFlagHelp)
	fs.StringVar(&format, "in", "auto", "input `format`: auto, seed, text, jsonl, html, feed or warc")
	fs.BoolVar(&cfg.read.FetchItems, "fetch", false, "fetch the linked page of feed items that carry only a teaser")
	fs.StringVar(&cfg.read.Date, "date", "", "document `date` (2025-08-06 or 2025-08-06T09:24) for inputs that carry none")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "documents analysed at once")
	fs.IntVar(&cfg.batch, "batch", 64, "documents committed per transaction")
	fs.BoolVar(&cfg.nearDups, "near-dups", true, "link near-duplicate copies to their original instead of analysing them")
	fs.BoolVar(&cfg.enqueue, "enqueue", false, "queue the inputs in the PostgreSQL --db for 'dateline worker' processes instead of analysing them here")
	paths, err := parseFlags(env, fs, ingestHelp, args)
	if err != nil {
		return err
	}
	f, err := read.ParseFormat(format)
	if err != nil {
		return fmt.Errorf("%w: --in: %v", errUsage, err)
	}
	cfg.read.Format = f
	if cfg.read.Date != "" {
		if _, err := doc.ParseDate(cfg.read.Date); err != nil {
			return fmt.Errorf("%w: --date: %v", errUsage, err)
		}
	}
	if cfg.workers < 1 || cfg.batch < 1 {
		return fmt.Errorf("%w: --workers and --batch must be at least 1", errUsage)
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	cfg.flush = 2 * time.Second
	cfg.progress = isTerminal(env.Stderr)
	if cfg.enqueue {
		return runEnqueue(ctx, env, cfg, paths)
	}
	p, err := newPipeline()
	if err != nil {
		return fmt.Errorf("build pipeline: %w", err)
	}
	cfg.db = sqlite.Path(cfg.db)
	st, err := openStore(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	sum, err := ingest(ctx, env, cfg, p, st, paths)
	fmt.Fprintln(env.Stdout, sum.String(time.Since(start)))
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return &exitError{exitFailed, fmt.Errorf("%d of %d inputs failed (see them above, or run dateline log --status failed)", sum.Failed, sum.total())}
	}
	return nil
}

// ingestStore is what ingest needs of a store.
type ingestStore interface {
	ContentID(ctx context.Context, hash string) (string, error)
	Put(ctx context.Context, batch []store.Entry) ([]store.Result, error)
}

// ingestSummary counts the outcomes of an ingest run.
type ingestSummary struct {
	Added, Updated, Duplicate, Failed int
}

func (s *ingestSummary) add(r store.Result) {
	switch r.Status {
	case store.Added:
		s.Added++
	case store.Updated:
		s.Updated++
	case store.Duplicate:
		s.Duplicate++
	default:
		s.Failed++
	}
}

func (s ingestSummary) total() int { return s.Added + s.Updated + s.Duplicate + s.Failed }

func (s ingestSummary) String(elapsed time.Duration) string {
	rate := 0.0
	if sec := elapsed.Seconds(); sec > 0 {
		rate = float64(s.total()) / sec
	}
	return fmt.Sprintf("ingested %s in %.1fs (%.1f/s): %d added, %d updated, %d duplicate, %d failed",
		count(s.total(), "input"), elapsed.Seconds(), rate, s.Added, s.Updated, s.Duplicate, s.Failed)
}

// isDBFile reports whether an input path is the SQLite database being
// written, or its -wal, -shm or -journal file.
func isDBFile(path, db string) bool {
	if db == "" || postgres.IsURL(db) {
		return false
	}
	in, err1 := filepath.Abs(path)
	abs, err2 := filepath.Abs(db)
	if err1 != nil || err2 != nil {
		return false
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if in == abs+suffix {
			return true
		}
	}
	return false
}

// inputName labels a read item in the ingest log: its file, and line for
// JSONL.
func inputName(it read.Item) string {
	path, line := itemPath(it)
	if line > 0 {
		return path + ":" + strconv.Itoa(line)
	}
	if path == "" && it.Doc != nil {
		return it.Doc.ID
	}
	return path
}

// failure is the reason logged for a bad input: the cause, without the
// path and line the log's input column already shows.
func failure(err error) string {
	var re *read.Error
	if errors.As(err, &re) && re.Err != nil {
		err = re.Err
	}
	return oneLine(err)
}

// itemPath returns the file and line an item came from; a bad item carries
// them in its *read.Error.
func itemPath(it read.Item) (string, int) {
	var re *read.Error
	if it.Path == "" && errors.As(it.Err, &re) {
		return re.Path, re.Line
	}
	return it.Path, it.Line
}

// ingest reads the inputs, analyses new documents on cfg.workers goroutines
// and stores every outcome in batches. Inputs whose text is already stored
// skip analysis. The summary counts what was committed, also when an error
// (a database failure, an interrupt) cut the run short; on an interrupt the
// documents already analysed are committed before returning.
func ingest(ctx context.Context, env Env, cfg ingestConfig, p nlp.Pipeline, st ingestStore, paths []string) (ingestSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		item read.Item
		hash string
		sig  *neardup.Signature
	}
	jobs := make(chan job)
	entries := make(chan store.Entry, 4*cfg.workers)
	var readErr error // set by the reader before it closes jobs

	// The store's writer is the slowest stage: what of its work needs no
	// database (checking, encoding, the cross-document layers' text scans)
	// is done here, on the workers.
	prep, _ := st.(store.Preparer)
	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Go(func() {
			for j := range jobs {
				if e, ok := analyseEntry(ctx, p, j.item, j.hash); ok {
					if e.Doc != nil {
						e.MinHash = j.sig
						if prep != nil {
							prep.Prepare(&e)
						}
					}
					entries <- e
				}
			}
		})
	}
	var near *nearDups
	if ix, ok := st.(store.NearDuplicateIndex); ok && cfg.nearDups {
		near = &nearDups{store: ix, run: neardup.NewIndex()}
	}
	wg.Go(func() {
		defer close(jobs)
		for it := range read.All(ctx, paths, env.Stdin, cfg.read) {
			if path, _ := itemPath(it); isDBFile(path, cfg.db) {
				continue // "ingest ." next to dateline.db
			}
			if it.Err != nil {
				if errors.Is(it.Err, context.Canceled) || errors.Is(it.Err, context.DeadlineExceeded) {
					return
				}
				entries <- store.Entry{Input: inputName(it), Failure: failure(it.Err)}
				continue
			}
			h := store.Hash(it.Doc.Text)
			switch _, err := st.ContentID(ctx, h); {
			case err == nil:
				// Stored already: Put logs it as a duplicate, unanalysed.
				entries <- store.Entry{Input: inputName(it), Doc: it.Doc, Hash: h}
				continue
			case !errors.Is(err, store.ErrNotFound):
				if ctx.Err() == nil {
					readErr = err
					cancel()
				}
				return
			}
			var sig *neardup.Signature
			if near != nil {
				s, orig, sim, err := near.check(ctx, it.Doc)
				if err != nil {
					if ctx.Err() == nil {
						readErr = err
						cancel()
					}
					return
				}
				if orig != "" {
					entries <- store.Entry{Input: inputName(it), Doc: it.Doc, Hash: h, NearDuplicateOf: orig, Similarity: sim}
					continue
				}
				sig = s
			}
			select {
			case jobs <- job{item: it, hash: h, sig: sig}:
			case <-ctx.Done():
				return
			}
		}
	})
	go func() {
		wg.Wait()
		close(entries)
	}()

	// A committer stores full batches while workers go on analysing: the
	// store is one writer, the analysis many. At most two batches are
	// waiting or being written at a time.
	var (
		sum     ingestSummary
		fatal   error
		prog    = newProgress(env.Stderr, cfg.progress, time.Now)
		batches = make(chan []store.Entry, 1)
		stored  = make(chan struct{})
	)
	go func() {
		defer close(stored)
		for b := range batches {
			if fatal != nil {
				continue // draining after a database error
			}
			// An interrupt should not throw away finished analysis: commit it.
			res, err := st.Put(context.WithoutCancel(ctx), b)
			if err != nil {
				fatal = fmt.Errorf("store: %w", err)
				cancel()
				continue
			}
			for i, r := range res {
				sum.add(r)
				if r.Status == store.Failed {
					prog.clear()
					env.Log.Error("input failed", "input", b[i].Input, "err", b[i].Failure)
				}
			}
			prog.update(sum.total(), sum.Failed)
		}
	}()

	ticker := time.NewTicker(cfg.flush)
	defer ticker.Stop()
	var pending []store.Entry
	send := func() {
		if len(pending) > 0 {
			batches <- pending
			pending = nil
		}
	}
	for done := false; !done; {
		select {
		case e, ok := <-entries:
			if !ok {
				done = true
				break
			}
			pending = append(pending, e)
			if len(pending) >= cfg.batch {
				send()
			}
		case <-ticker.C:
			send()
		}
	}
	send()
	close(batches)
	<-stored // sum and fatal are the committer's until it is done
	prog.clear()
	switch {
	case fatal != nil:
		return sum, fatal
	case readErr != nil:
		return sum, fmt.Errorf("store: %w", readErr)
	case ctx.Err() != nil:
		return sum, ctx.Err()
	}
	return sum, nil
}

// nearDups finds near-duplicates for ingest among the stored documents and
// those of this run not stored yet (two copies of a story in one feed).
// Only the reading goroutine uses it.
type nearDups struct {
	store store.NearDuplicateIndex
	run   *neardup.Index
}

// check returns d's signature (nil for a text too short to have one), and
// the id of the document d nearly duplicates with their similarity, or ""
// when d is new. A document is never a copy of itself: a changed text under
// a stored id is an update, analysed again.
func (n *nearDups) check(ctx context.Context, d *doc.Document) (*neardup.Signature, string, float64, error) {
	sig, ok := neardup.Sign(d.Text)
	if !ok {
		return nil, "", 0, nil
	}
	if id, sim, ok := n.run.Find(sig); ok && id != d.ID {
		return nil, id, sim, nil
	}
	switch id, sim, err := n.store.NearDuplicate(ctx, sig); {
	case err == nil && id != d.ID:
		return nil, id, sim, nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return nil, "", 0, err
	}
	n.run.Add(d.ID, sig)
	return &sig, "", 0, nil
}

// analyseEntry runs the pipeline on one document and checks the result. A
// failing or panicking stage, or output that breaks the format's
// invariants, fails that input only. It returns false when ctx was cancelled:
// an interrupted document is neither stored nor failed.
func analyseEntry(ctx context.Context, p nlp.Pipeline, it read.Item, hash string) (e store.Entry, ok bool) {
	e = store.Entry{Input: inputName(it), Hash: hash}
	defer func() {
		if v := recover(); v != nil {
			e.Doc, e.Failure, ok = nil, fmt.Sprintf("document %s: panic: %v", it.Doc.ID, v), true
		}
	}()
	if err := p.Process(ctx, it.Doc); err != nil {
		if ctx.Err() != nil {
			return e, false
		}
		e.Failure = fmt.Sprintf("document %s: %s", it.Doc.ID, oneLine(err))
		return e, true
	}
	if err := it.Doc.Validate(); err != nil {
		e.Failure = fmt.Sprintf("document %s: invalid output: %s", it.Doc.ID, oneLine(err))
		return e, true
	}
	e.Doc = it.Doc
	return e, true
}

// enqueueBatch is the number of documents queued per transaction.
const enqueueBatch = 500

// runEnqueue reads the inputs into the queue of a PostgreSQL store for
// 'dateline worker'. Inputs that cannot be read are logged as failed at
// once; nothing is analysed here.
func runEnqueue(ctx context.Context, env Env, cfg ingestConfig, paths []string) error {
	if cfg.db == "" {
		cfg.db = os.Getenv("DATELINE_DB")
	}
	if !postgres.IsURL(cfg.db) {
		return fmt.Errorf("%w: --enqueue needs a PostgreSQL --db (postgres://...)", errUsage)
	}
	st, q, err := openQueue(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer st.Close()
	var (
		queued, failed int
		items          []queue.Item
		failures       []store.Entry
	)
	flush := func() error {
		if err := q.Enqueue(ctx, items); err != nil {
			return err
		}
		queued += len(items)
		items = items[:0]
		if len(failures) > 0 {
			if _, err := st.Put(ctx, failures); err != nil {
				return fmt.Errorf("store: %w", err)
			}
			failed += len(failures)
			failures = failures[:0]
		}
		return nil
	}
	for it := range read.All(ctx, paths, env.Stdin, cfg.read) {
		if it.Err != nil {
			if errors.Is(it.Err, context.Canceled) || errors.Is(it.Err, context.DeadlineExceeded) {
				break
			}
			env.Log.Error("input failed", "input", inputName(it), "err", failure(it.Err))
			failures = append(failures, store.Entry{Input: inputName(it), Failure: failure(it.Err)})
			continue
		}
		items = append(items, queue.Item{Input: inputName(it), Doc: it.Doc})
		if len(items) >= enqueueBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "queued %d inputs, %d failed to read\n", queued, failed)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		return &exitError{exitFailed, fmt.Errorf("%d inputs could not be read", failed)}
	}
	return nil
}
