// Command tag runs tokenising, sentence splitting, NER and entity resolution
// on JSONL documents (one {"id", "text", ...} a line on stdin) and writes them
// back with their entities. It exists to measure the NER stages on their own
// with shared/eval/ner_score.py, independent of the rest of the pipeline.
// -model FILE tags with a model written by cmd/train instead of the embedded
// one (training experiments):
//
//	python3 ../shared/eval/make_input.py GOLD | go run ./internal/nlp/ner/cmd/tag > /tmp/out.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tag:", err)
		os.Exit(1)
	}
}

func run() error {
	model := flag.String("model", "", "model file (gzip, as written by cmd/train); default: the embedded model")
	flag.Parse()
	st, err := stage(*model)
	if err != nil {
		return err
	}
	p := nlp.Pipeline{
		{Name: "token", Stage: token.Stage{}},
		{Name: "sentence", Stage: sentence.Stage{}},
		{Name: "ner", Stage: st},
		{Name: "resolve", Stage: resolve.Stage{}},
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for sc.Scan() {
		var d doc.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("read document: %w", err)
		}
		if err := p.Process(context.Background(), &d); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if err := enc.Encode(&d); err != nil {
			return fmt.Errorf("write document %s: %w", d.ID, err)
		}
	}
	return sc.Err()
}

// stage returns the NER stage with the model in file, or with the embedded
// model when file is empty.
func stage(file string) (ner.Stage, error) {
	if file == "" {
		return ner.NewStage()
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return ner.Stage{}, fmt.Errorf("read model: %w", err)
	}
	m, err := ner.DecodeModel(data)
	if err != nil {
		return ner.Stage{}, err
	}
	return ner.Stage{Tagger: ner.NewWithModel(m)}, nil
}
