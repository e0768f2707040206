package event_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
)

// TestProcessBareText runs the stage on documents without the layers of
// earlier stages: it must tokenise what it needs, find no participants it
// cannot name, and keep the document valid.
func TestProcessBareText(t *testing.T) {
	for name, text := range map[string]string{
		"empty":       "",
		"no layers":   "Russia launched a new offensive and the talks were postponed.",
		"heading":     "Deadline Looms for Hostage Deal",
		"only quotes": "“We will never agree,” he said.",
	} {
		t.Run(name, func(t *testing.T) {
			d := &doc.Document{Text: text}
			if err := (event.Stage{}).Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			for _, e := range d.Events {
				if len(e.Participants) > 0 || e.Place != "" || e.Time != "" {
					t.Errorf("event %+v names entities or times the document lacks", e)
				}
			}
		})
	}
}

// TestProcessCancelled checks that a cancelled context stops the stage.
func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (event.Stage{}).Process(ctx, &doc.Document{Text: "They met."}); err == nil {
		t.Fatal("no error for a cancelled context")
	}
}

// TestProcessTwice checks that the stage replaces its layers rather than
// appending to them.
func TestProcessTwice(t *testing.T) {
	d := &doc.Document{Text: "The deadline for Hamas to respond expired. The talks failed."}
	for range 2 {
		if err := (event.Stage{}).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if len(d.Events) != 2 || len(d.Deadlines) != 1 {
		t.Errorf("%d events and %d deadlines, want 2 and 1: %+v %+v", len(d.Events), len(d.Deadlines), d.Events, d.Deadlines)
	}
}

// TestProcessConcurrent runs the stage on the golden documents from several
// goroutines at once, in different orders, so that analyses are reused
// across documents and goroutines (chunk.Release): every result must equal
// the one found alone. Run with -race.
func TestProcessConcurrent(t *testing.T) {
	var docs []*doc.Document
	var want []string
	for _, c := range loadGolden(t) {
		d := chunktest.MustParse(t, c.Marked, c.Date)
		if err := (event.Stage{}).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal([]any{d.Events, d.Deadlines})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		want = append(want, string(js))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 3 {
				for k := range docs {
					i := (k*(g+1) + round) % len(docs) // a different order in each goroutine
					d := &doc.Document{Text: docs[i].Text, Date: docs[i].Date, Tokens: docs[i].Tokens, Sentences: docs[i].Sentences,
						Entities: docs[i].Entities, Times: docs[i].Times, Quotes: docs[i].Quotes}
					if err := (event.Stage{}).Process(context.Background(), d); err != nil {
						t.Error(err)
						return
					}
					if js, _ := json.Marshal([]any{d.Events, d.Deadlines}); string(js) != want[i] {
						t.Errorf("document %d in goroutine %d: %s\nwant %s", i, g, js, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
