package event_test

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/event/eventtest"
)

var update = flag.Bool("update", false, "rewrite the .want sections of testdata/golden/*.txtar")

// The golden files hold news sentences and articles with hand-marked
// entities, times and quotes standing in for the upstream stages, so they
// test the event stage alone; package chain runs the same texts through the
// real stages.
const goldenDir = "testdata/golden"

func loadGolden(tb testing.TB) []eventtest.Case {
	tb.Helper()
	cases, err := eventtest.Load(goldenDir)
	if err != nil {
		tb.Fatal(err)
	}
	return cases
}

// runStages runs the event stage (events and deadlines) on d and checks the
// result.
func runStages(t *testing.T, d *doc.Document) {
	t.Helper()
	if err := (event.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("invalid document: %v", err)
	}
}

// TestGolden runs the stages over the hand-annotated sentences and articles
// of testdata/golden and compares their frames with the expected ones.
func TestGolden(t *testing.T) {
	cases := loadGolden(t)
	got := map[string]map[string][]string{} // file → case → frames
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c.File), ".txtar")+"/"+c.Name, func(t *testing.T) {
			d := chunktest.MustParse(t, c.Marked, c.Date)
			runStages(t, d)
			fr := eventtest.Frames(d)
			if got[c.File] == nil {
				got[c.File] = map[string][]string{}
			}
			got[c.File][c.Name] = fr
			if !*update && strings.Join(fr, "\n") != strings.Join(c.Want, "\n") {
				t.Errorf("frames differ for\n%s\ngot:\n%s\nwant:\n%s", d.Text, strings.Join(fr, "\n"), strings.Join(c.Want, "\n"))
			}
		})
	}
	if *update {
		for file, byCase := range got {
			if err := eventtest.Rewrite(file, byCase); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestGoldenCoverage checks that the suite exercises every event type and
// has at least 60 sentences and 5 articles.
func TestGoldenCoverage(t *testing.T) {
	cases := loadGolden(t)
	types := map[string]int{}
	sentences, articles := 0, 0
	for _, c := range cases {
		if strings.Contains(filepath.Base(c.File), "article") {
			articles++
		} else {
			sentences++
		}
		for _, w := range c.Want {
			types[strings.Fields(w)[0]]++
		}
	}
	for _, ti := range event.Types {
		if types[ti.Type] == 0 {
			t.Errorf("no golden frame of type %s", ti.Type)
		}
	}
	if types["DEADLINE"] < 5 {
		t.Errorf("only %d golden deadlines", types["DEADLINE"])
	}
	if sentences < 60 || articles < 5 {
		t.Errorf("golden suite has %d sentences and %d articles, want ≥ 60 and ≥ 5", sentences, articles)
	}
	t.Logf("golden suite: %d sentences, %d articles, frames by type %v", sentences, articles, types)
}
