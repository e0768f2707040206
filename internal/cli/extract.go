package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/read"
)

const extractHelp = `Usage: dateline extract [flags] [FILE|DIR|-]...

Analyses news articles and prints one JSON document per line (docs/format.md):
sentences, entities, times, quotes, events and deadlines, every one pointing at
its bytes in the article text. Documents are analysed on all cores; output order
is input order.

Inputs (default: standard input) may be mixed:
  seed files   one article per file, starting "date 2025-08-06 <text>"
  text files   one article per file, dated with --date
  JSONL        one {"id","date","title","url","source","text"} object a line
  directories  every file below, recursively, in lexical order

Examples:
  dateline extract article.txt
  dateline extract --date 2025-08-06 --pretty story.txt
  dateline extract --in jsonl - < feed.jsonl > out.jsonl
  dateline extract --strict --validate corpus/ > out.jsonl

A bad input (unreadable file, bad JSONL line, empty text) is reported on stderr
with its file and line and skipped; the exit status is 1 when any input failed,
0 when all were analysed. --strict stops at the first bad input instead.
`

type extractConfig struct {
	read     read.Options
	strict   bool
	validate bool
	pretty   bool
	workers  int
}

func runExtract(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "extract", extractHelp)
	var cfg extractConfig
	var format string
	fs.StringVar(&format, "in", "auto", "input `format`: auto, seed, text or jsonl")
	fs.StringVar(&cfg.read.Date, "date", "", "document `date` (YYYY-MM-DD) for inputs that carry none")
	fs.BoolVar(&cfg.strict, "strict", false, "stop at the first bad input")
	fs.BoolVar(&cfg.validate, "validate", false, "check every output document against the format's invariants")
	fs.BoolVar(&cfg.pretty, "pretty", false, "indent the JSON output")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "documents analysed at once")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := read.ParseFormat(format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
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
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	p, err := newPipeline()
	if err != nil {
		return fmt.Errorf("build pipeline: %w", err)
	}
	return extract(ctx, env, cfg, p, paths)
}

// result is what a worker hands back for one input item, in input order.
type result struct {
	out []byte // the JSON line, when the item was analysed
	err error  // a bad input or a failed analysis
}

// extract reads the inputs, analyses documents on cfg.workers goroutines and
// writes them in input order. Memory stays bounded: at most a few documents
// per worker are in flight.
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

	w := bufio.NewWriterSize(env.Stdout, 1<<16)
	var failed, done int
	var fatal error
	for res := range order {
		r := <-res
		switch {
		case r.err == nil:
			done++
			if _, err := w.Write(r.out); err != nil {
				fatal = fmt.Errorf("write output: %w", err)
				cancel()
			}
		case fatal != nil:
			// draining after a fatal error
		case errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded):
			fatal = r.err
		default:
			failed++
			env.Log.Error("skipped input", "err", r.err)
			if cfg.strict {
				fatal = fmt.Errorf("--strict: %w", r.err)
				cancel()
			}
		}
	}
	if err := w.Flush(); err != nil && fatal == nil {
		fatal = fmt.Errorf("write output: %w", err)
	}
	if fatal != nil {
		return fatal
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d inputs could not be analysed", errPartial, failed, failed+done)
	}
	return nil
}

// analyse runs the pipeline on one read item and encodes the document.
func analyse(ctx context.Context, cfg extractConfig, p nlp.Pipeline, item read.Item) result {
	if item.Err != nil {
		return result{err: item.Err}
	}
	d := item.Doc
	if err := p.Process(ctx, d); err != nil {
		return result{err: fmt.Errorf("document %s: %w", d.ID, err)}
	}
	if cfg.validate {
		if err := d.Validate(); err != nil {
			return result{err: fmt.Errorf("document %s: invalid output: %w", d.ID, err)}
		}
	}
	var out []byte
	var err error
	if cfg.pretty {
		out, err = json.MarshalIndent(d, "", "  ")
	} else {
		out, err = json.Marshal(d)
	}
	if err != nil {
		return result{err: fmt.Errorf("document %s: encode: %w", d.ID, err)}
	}
	return result{out: append(out, '\n')}
}
