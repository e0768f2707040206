// Package pipeline lists dateline's analysis stages in the order they run.
// It is the one place stages are wired, so that every front end (the command
// line, the HTTP server) analyses a document the same way.
package pipeline

import (
	"fmt"

	"dateline/internal/nlp"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/quote"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/timex"
	"dateline/internal/nlp/token"
)

// New returns the analysis stages in the order they run; each later stage
// may read the layers of the stages before it. A Pipeline is safe for
// concurrent use: stages keep no per-document state.
func New() (nlp.Pipeline, error) {
	nerStage, err := ner.NewStage()
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	return nlp.Pipeline{
		{Name: "token", Stage: token.Stage{}},
		{Name: "sentence", Stage: sentence.Stage{}},
		{Name: "timex", Stage: timex.Stage{}},
		{Name: "ner", Stage: nerStage},
		{Name: "resolve", Stage: resolve.Stage{}},
		{Name: "quote", Stage: quote.Stage{}},
		{Name: "event", Stage: event.Stage{}}, // events and deadlines
	}, nil
}
