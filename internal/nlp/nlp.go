// Package nlp holds the pipeline abstraction: a [Stage] fills in one layer of a
// [doc.Document] and a [Pipeline] runs stages in order.
//
// A stage reads the text and earlier layers and never edits Text. Stages are
// built once (models loaded in their constructors) and must be safe for
// concurrent use, since dateline analyses many documents at once on all cores.
package nlp

import (
	"context"
	"fmt"

	"dateline/internal/doc"
)

// Stage adds one layer to a document.
type Stage interface {
	// Process fills in the stage's layer of d. It returns an error only when
	// the stage cannot do its work (a cancelled context, a broken model);
	// unusual text is not an error.
	Process(ctx context.Context, d *doc.Document) error
}

// StageFunc adapts a plain function to a [Stage].
type StageFunc func(ctx context.Context, d *doc.Document) error

// Process calls f(ctx, d).
func (f StageFunc) Process(ctx context.Context, d *doc.Document) error { return f(ctx, d) }

// Named is a stage with a name for errors, logs and benchmarks.
type Named struct {
	Name  string
	Stage Stage
}

// Pipeline runs named stages in order.
type Pipeline []Named

// Process runs every stage on d in order, stopping at the first error.
func (p Pipeline) Process(ctx context.Context, d *doc.Document) error {
	for _, s := range p {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Stage.Process(ctx, d); err != nil {
			return fmt.Errorf("stage %s: %w", s.Name, err)
		}
	}
	return nil
}

// Names returns the stage names in order.
func (p Pipeline) Names() []string {
	names := make([]string, len(p))
	for i, s := range p {
		names[i] = s.Name
	}
	return names
}
