package cli

import (
	"dateline/internal/nlp"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/quote"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/timex"
	"dateline/internal/nlp/token"
)

// newPipeline lists the analysis stages in the order they run. This is the
// one place stages are wired; each later stage may read the layers of the
// stages before it.
func newPipeline() (nlp.Pipeline, error) {
	nerStage, err := ner.NewStage()
	if err != nil {
		return nil, err
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
