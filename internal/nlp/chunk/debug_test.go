package chunk_test

import (
	"os"
	"testing"

	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/chunk/chunktest"
)

func TestDebugDump(t *testing.T) {
	s := os.Getenv("CHUNK_DUMP")
	if s == "" {
		t.Skip()
	}
	d := chunktest.MustParse(t, s, "2025-08-06")
	a := chunk.Analyze(d)
	t.Log("\n" + a.String())
	for i, w := range a.Words {
		t.Logf("%d %s %v %s cl=%d", i, a.Text(i, i+1), w.Tag, w.Lemma, w.Clause)
	}
}
