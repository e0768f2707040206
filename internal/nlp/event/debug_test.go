package event_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
)

func TestDebugDump(t *testing.T) {
	s := os.Getenv("EVENT_DUMP")
	if s == "" {
		t.Skip("set EVENT_DUMP to a marked text")
	}
	d := chunktest.MustParse(t, s, "2025-08-06")
	t.Log("\n" + chunk.Analyze(d).String())
	if err := (event.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + strings.Join(frames(d), "\n"))
}
