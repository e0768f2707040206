package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/read"
)

const extractHelp = `Usage: dateline extract [flags] [FILE|DIR|-]...

Analyses news articles and prints one JSON document per line (docs/format.md):
sentences, entities, times, quotes, events and deadlines, each pointing at its
UTF-8 byte offsets in the article text. Documents are analysed on all cores;
output order is input order.

Inputs (default: standard input) may be mixed; the format is detected per
file, or forced with --in:
  seed    one article per file, starting "date 2025-08-06 ":
            date 2025-08-06 Russia and Ukraine agreed on Wednesday to ...
  text    one article per file, undated unless --date is given
  jsonl   one object a line, only "text" required (.jsonl, or first byte "{"):
            {"id":"a1","date":"2025-08-06","title":"...","text":"..."}
  DIR     every file below it, recursively, in lexical order (hidden skipped)
  -       standard input

Example (output shortened):
  $ echo 'date 2025-08-06 Putin met Witkoff in Moscow on Wednesday.' | dateline extract
  {"id":"5685daf5ac4c7e97","date":"2025-08-06","text":"Putin met Witkoff in Moscow on Wednesday.",
   "sentences":[{"start":0,"end":41}], "entities":[...,{"id":"e2","type":"GPE","name":"Moscow",
   "mentions":[{"start":21,"end":27,"text":"Moscow"}]}], "times":[{"id":"t1","start":31,"end":40,
   "text":"Wednesday","type":"DATE","value":"2025-08-06"}]}

More examples:
  # one seed file, indented
  dateline extract --pretty article.txt

  # plain text with its date given on the command line
  dateline extract --date 2025-08-06 story.txt

  # a feed on standard input, JSONL out; lines without "date" get --date
  curl -s https://example.com/feed.jsonl | dateline extract --date 2025-08-06 - > out.jsonl

  # a whole corpus, stopping at the first bad input, checking every output
  dateline extract --strict --validate corpus/ > out.jsonl

  # the times found in each document (with jq)
  dateline extract article.txt | jq -c '[.times[]? | {text, value}]'

Bad input (an unreadable file, a bad JSONL line, an empty article, a bad date)
is reported on stderr as FILE[:LINE]: problem and skipped; the rest is still
analysed. On a terminal, stderr shows a progress line (documents, rate,
failures).

Exit status: 0 all inputs analysed; 1 some input failed (with --strict: the
run stopped at the first one); 2 bad flags or arguments; 3 aborted (interrupt,
write error).
`

type extractConfig struct {
	read     read.Options
	strict   bool
	validate bool
	pretty   bool
	workers  int
	progress bool // show a progress line on stderr
}

// startProfiles starts a CPU profile into cpuPath and arranges a heap profile
// into memPath (either may be empty); the returned stop writes and closes them.
// They are for measuring the pipeline on real input (go tool pprof).
func startProfiles(cpuPath, memPath string) (stop func() error, err error) {
	var cpu *os.File
	if cpuPath != "" {
		if cpu, err = os.Create(cpuPath); err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				errs = append(errs, fmt.Errorf("--cpuprofile: %w", err))
			}
		}
		if memPath != "" {
			f, err := os.Create(memPath)
			if err != nil {
				return errors.Join(append(errs, fmt.Errorf("--memprofile: %w", err))...)
			}
			runtime.GC() // up-to-date statistics
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				errs = append(errs, fmt.Errorf("--memprofile: %w", err))
			}
			if err := f.Close(); err != nil {
				errs = append(errs, fmt.Errorf("--memprofile: %w", err))
			}
		}
		return errors.Join(errs...)
	}, nil
}

func runExtract(ctx context.Context, env Env, args []string) error {
	fs := newFlags("extract")
	var cfg extractConfig
	var format string
	fs.StringVar(&format, "in", "auto", "input `format`: auto, seed, text or jsonl")
	fs.StringVar(&cfg.read.Date, "date", "", "document `date` (2025-08-06 or 2025-08-06T09:24) for inputs that carry none")
	fs.BoolVar(&cfg.strict, "strict", false, "stop at the first bad input")
	fs.BoolVar(&cfg.validate, "validate", false, "check every output document against the format's invariants; an invalid one counts as failed")
	fs.BoolVar(&cfg.pretty, "pretty", false, "indent the JSON output")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "documents analysed at once")
	var cpuProfile, memProfile string
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `file` (go tool pprof)")
	fs.StringVar(&memProfile, "memprofile", "", "write an allocation profile of the run to `file` (go tool pprof)")
	paths, err := parseFlags(env, fs, extractHelp, args)
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
	if cfg.workers < 1 {
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	cfg.progress = isTerminal(env.Stderr)
	p, err := newPipeline()
	if err != nil {
		return fmt.Errorf("build pipeline: %w", err)
	}
	stop, err := startProfiles(cpuProfile, memProfile)
	if err != nil {
		return err
	}
	err = extract(ctx, env, cfg, p, paths)
	if perr := stop(); perr != nil && err == nil {
		err = perr
	}
	return err
}

// result is what a worker hands back for one input item, in input order.
type result struct {
	warn error  // a problem that did not stop the analysis
	out  []byte // the JSON line, when the item was analysed
	err  error  // a bad input or a failed analysis
}

// extract reads the inputs, analyses documents on cfg.workers goroutines and
// writes them in input order. Memory stays bounded: at most 4 documents per
// worker are in flight.
//
// One goroutine reads, handing each item to a worker and its result slot to
// the writer through the order channel, so the writer waits for results in
// input order while workers finish in any order.
func extract(ctx context.Context, env Env, cfg extractConfig, p nlp.Pipeline, paths []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		item read.Item
		res  chan result
	}
	jobs := make(chan job)
	order := make(chan chan result, 4*cfg.workers)

	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Go(func() {
			for j := range jobs {
				j.res <- analyse(ctx, cfg, p, j.item)
			}
		})
	}
	go func() {
		defer close(order)
		defer wg.Wait()
		defer close(jobs)
		for item := range read.All(ctx, paths, env.Stdin, cfg.read) {
			res := make(chan result, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{item: item, res: res}:
			case <-ctx.Done():
				res <- result{err: ctx.Err()}
				return
			}
		}
	}()

	prog := newProgress(env.Stderr, cfg.progress, time.Now)
	w := bufio.NewWriterSize(env.Stdout, 1<<16)
	var failed, done int
	var fatal error
	for res := range order {
		r := <-res
		if r.warn != nil && fatal == nil {
			prog.clear()
			fmt.Fprintf(env.Stderr, "dateline: warning: %s\n", oneLine(r.warn))
		}
		switch {
		case fatal != nil:
			// Draining after a fatal error: nothing more is written.
		case r.err == nil:
			done++
			if _, err := w.Write(r.out); err != nil {
				fatal = fmt.Errorf("write output: %w", err)
				cancel()
			}
		case errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded):
			fatal = r.err
		case cfg.strict:
			failed++
			fatal = &exitError{exitFailed, fmt.Errorf("%w (--strict: stopped at the first bad input)", r.err)}
			cancel()
		default:
			failed++
			prog.clear()
			fmt.Fprintf(env.Stderr, "dateline: %s\n", oneLine(r.err))
		}
		prog.update(done, failed)
	}
	prog.clear()
	if fatal == nil && ctx.Err() != nil {
		// The caller cancelled before the reader handed on its last item.
		fatal = ctx.Err()
	}
	if err := w.Flush(); err != nil && fatal == nil {
		fatal = fmt.Errorf("write output: %w", err)
	}
	switch {
	case errors.Is(fatal, context.Canceled):
		// Only the caller cancels with a bare context.Canceled: extract
		// itself cancels after recording its own fatal error.
		return fmt.Errorf("interrupted after %d documents: %w", done, fatal)
	case fatal != nil:
		return fatal
	case failed > 0:
		return &exitError{exitFailed, fmt.Errorf("%d of %d inputs failed", failed, failed+done)}
	}
	return nil
}

// analyse runs the pipeline on one read item and encodes the document.
// Failures name the input the document came from. A stage that panics fails
// its document only: one odd article must not end a long batch job, and the
// input's name is what reproduces the bug.
func analyse(ctx context.Context, cfg extractConfig, p nlp.Pipeline, item read.Item) (res result) {
	if item.Err != nil {
		return result{err: item.Err}
	}
	defer func() { res.warn = item.Warn }()
	d := item.Doc
	fail := func(err error) result {
		return result{err: &read.Error{Path: item.Path, Line: item.Line, Err: fmt.Errorf("document %s: %w", d.ID, err)}}
	}
	defer func() {
		if v := recover(); v != nil {
			res = fail(fmt.Errorf("panic: %v", v))
		}
	}()
	if err := p.Process(ctx, d); err != nil {
		if ctx.Err() != nil {
			return result{err: ctx.Err()}
		}
		return fail(err)
	}
	if cfg.validate {
		if err := d.Validate(); err != nil {
			return fail(fmt.Errorf("invalid output: %w", err))
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "AT&T", not "AT\u0026T": the output is not embedded in HTML
	if cfg.pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(d); err != nil {
		return fail(fmt.Errorf("encode: %w", err))
	}
	return result{out: buf.Bytes()}
}

// oneLine puts a possibly multi-line error (errors.Join) on one line.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}
