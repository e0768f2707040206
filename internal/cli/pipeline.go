package cli

import (
	"dateline/internal/nlp"
	"dateline/internal/pipeline"
)

// newPipeline returns the analysis stages; they are listed in
// internal/pipeline, shared with the HTTP server.
func newPipeline() (nlp.Pipeline, error) { return pipeline.New() }
