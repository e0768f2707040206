package event_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
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
	var gotN, wantN, hit, partWant, partHit int
	for _, c := range loadGolden(t) {
		marked := chunktest.MustParse(t, c.marked, c.date)
		d := &doc.Document{Text: marked.Text, Date: c.date}
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: invalid document: %v", c.name, err)
		}
		got := frames(d)
		gotN += len(got)
		wantN += len(c.want)
		for _, w := range c.want {
			key, wparts := frameKey(w)
			for _, g := range got {
				if k, gparts := frameKey(g); k == key {
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

// partRE finds the role=name fields of a frame line; names may hold spaces.
var partRE = regexp.MustCompile(`\b(agent|partner|target|speaker|addressee|topic)=(.+?)(?: [a-z]+=| negated|$)`)

// frameKey splits a frame line into its type and trigger, and its
// role=name participants.
func frameKey(line string) (string, []string) {
	typ, rest, _ := strings.Cut(line, " ")
	trig := rest
	if i := strings.Index(rest[1:], `"`); strings.HasPrefix(rest, `"`) && i >= 0 {
		trig, rest = rest[:i+2], rest[i+2:]
	}
	var parts []string
	for len(rest) > 0 {
		m := partRE.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		parts = append(parts, rest[m[2]:m[3]]+"="+rest[m[4]:m[5]])
		rest = rest[m[5]:]
	}
	return typ + " " + trig, parts
}
