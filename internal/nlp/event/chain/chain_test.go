// Package chain_test scores the whole analysis chain on the event stage's
// golden texts. It lives apart from the event stage's own tests so that those
// build and run whatever state the upstream stages are in.
package chain_test

import (
	"context"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/event/eventtest"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/quote"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/timex"
	"dateline/internal/nlp/token"
)

// TestChain runs the golden texts through the real upstream stages (the
// marks are dropped) and scores the frames against the hand-checked ones:
// a frame counts when its type and trigger match, a participant when its
// role and entity name match. The upstream stages change under their own
// tests, so this asserts a floor and logs the figures rather than exact
// frames.
func TestChain(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole chain")
	}
	nerStage, err := ner.NewStage()
	if err != nil {
		t.Fatalf("ner: %v", err)
	}
	p := nlp.Pipeline{
		{Name: "token", Stage: token.Stage{}},
		{Name: "sentence", Stage: sentence.Stage{}},
		{Name: "timex", Stage: timex.Stage{}},
		{Name: "ner", Stage: nerStage},
		{Name: "resolve", Stage: resolve.Stage{}},
		{Name: "quote", Stage: quote.Stage{}},
		{Name: "event", Stage: event.Stage{}},
	}
	cases, err := eventtest.Load("../testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	var gotN, wantN, hit, partWant, partHit int
	for _, c := range cases {
		marked := chunktest.MustParse(t, c.Marked, c.Date)
		d := &doc.Document{Text: marked.Text, Date: c.Date}
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: invalid document: %v", c.Name, err)
		}
		got := eventtest.Frames(d)
		gotN += len(got)
		wantN += len(c.Want)
		for _, w := range c.Want {
			key, wparts := eventtest.FrameKey(w)
			for _, g := range got {
				if k, gparts := eventtest.FrameKey(g); k == key {
					hit++
					for _, wp := range wparts {
						partWant++
						for _, gp := range gparts {
							if gp == wp {
								partHit++
								break
							}
						}
					}
					break
				}
			}
		}
	}
	recall := float64(hit) / float64(max(wantN, 1))
	precision := float64(hit) / float64(max(gotN, 1))
	partRecall := float64(partHit) / float64(max(partWant, 1))
	t.Logf("whole chain on the golden texts: frames P %.2f R %.2f (%d/%d found, %d produced); participants R %.2f (%d/%d in found frames)",
		precision, recall, hit, wantN, gotN, partRecall, partHit, partWant)
	if recall < 0.6 || partRecall < 0.4 {
		t.Errorf("whole-chain frame recall %.2f or participant recall %.2f below the floor (0.6, 0.4)", recall, partRecall)
	}
}
