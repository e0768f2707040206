// Command prose-peer runs github.com/jdkato/prose/v2 (tokeniser, Punkt sentence splitter,
// perceptron POS tagger and its maximum-entropy NER) over dateline JSONL input, so
// scripts/bench.sh can compare dateline's throughput with a pure-Go peer on the same bytes.
//
// It lives in its own module so the main dateline module never depends on prose.
//
// Usage:
//
//	prose-peer [-workers N] [FILE.jsonl|-]
//
// Each input line is a JSON object with at least "id" and "text"; each output line holds the
// document id, its sentence and token counts and the entities prose found. prose's model is
// loaded once per worker and handed to every document with prose.UsingModel: by default
// prose.NewDocument loads the model again for each document, which would measure model
// loading instead of analysis. (prose still rebuilds its Punkt sentence tokeniser for every
// document; its API offers no way to reuse it, so that cost is part of prose as shipped.)
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"

	"github.com/jdkato/prose/v2"
)

// input is the part of a dateline JSONL document the peer reads.
type input struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// entity is one prose named entity; prose gives no offsets.
type entity struct {
	Text  string `json:"text"`
	Label string `json:"label"`
}

// output is what the peer writes per document: enough to prove the work was done.
type output struct {
	ID        string   `json:"id"`
	Sentences int      `json:"sentences"`
	Tokens    int      `json:"tokens"`
	Entities  []entity `json:"entities"`
}

func main() {
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "documents analysed at once")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: prose-peer [-workers N] [FILE.jsonl|-]")
		flag.PrintDefaults()
	}
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *workers, flag.Args(), os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "prose-peer:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, workers int, args []string, stdin io.Reader, stdout io.Writer) error {
	if workers < 1 {
		return errors.New("-workers must be at least 1")
	}
	if len(args) > 1 {
		return errors.New("at most one input file")
	}
	in := stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer f.Close()
		in = f
	}

	type job struct {
		line int
		doc  input
		res  chan []byte
	}
	jobs := make(chan job)
	order := make(chan job, 4*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Workers: one prose model each, loaded once.
	var wg sync.WaitGroup
	var errMu sync.Mutex
	var firstErr error
	fail := func(err error) {
		errMu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		errMu.Unlock()
		cancel()
	}
	for range workers {
		wg.Go(func() {
			model, err := loadModel()
			if err != nil {
				fail(err)
			}
			for j := range jobs {
				if model == nil {
					j.res <- nil
					continue
				}
				out, err := analyse(model, j.doc)
				if err != nil {
					fail(fmt.Errorf("line %d: %w", j.line, err))
				}
				j.res <- out
			}
		})
	}

	// Reader: decodes lines in order and hands them to the workers.
	go func() {
		defer close(order)
		defer wg.Wait()
		defer close(jobs)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for n := 1; sc.Scan(); n++ {
			if len(sc.Bytes()) == 0 {
				continue
			}
			var d input
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				fail(fmt.Errorf("line %d: %w", n, err))
				return
			}
			j := job{line: n, doc: d, res: make(chan []byte, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				j.res <- nil
				return
			}
		}
		if err := sc.Err(); err != nil {
			fail(fmt.Errorf("read input: %w", err))
		}
	}()

	w := bufio.NewWriterSize(stdout, 1<<16)
	for j := range order {
		if out := <-j.res; out != nil {
			if _, err := w.Write(out); err != nil {
				fail(fmt.Errorf("write output: %w", err))
			}
		}
	}
	if err := w.Flush(); err != nil {
		fail(fmt.Errorf("write output: %w", err))
	}
	errMu.Lock()
	defer errMu.Unlock()
	return firstErr
}

// loadModel returns prose's embedded default model (tagger and entity extractor). prose only
// builds it inside NewDocument, so it analyses an empty document and keeps the model.
func loadModel() (*prose.Model, error) {
	d, err := prose.NewDocument("")
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	return d.Model, nil
}

// analyse runs prose's full default pipeline on one document and encodes a summary line.
func analyse(model *prose.Model, in input) ([]byte, error) {
	d, err := prose.NewDocument(in.Text, prose.UsingModel(model))
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", in.ID, err)
	}
	out := output{ID: in.ID, Sentences: len(d.Sentences()), Tokens: len(d.Tokens())}
	for _, e := range d.Entities() {
		out.Entities = append(out.Entities, entity{Text: e.Text, Label: e.Label})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("document %s: encode: %w", in.ID, err)
	}
	return append(b, '\n'), nil
}
