// Package event is the pipeline stage that finds events: who met, said,
// demanded, attacked, sanctioned or agreed what, with whom, where and when.
//
// It reads the light syntax of package chunk over the entity, time and quote
// layers. A trigger is a verb or noun from a lexicon of twenty event types
// (types.go maps them to CAMEO and ACLED). Its participants come from its
// clause: the subject and objects of a verb, the possessor, premodifiers and
// prepositional phrases of a noun ("Witkoff’s meeting with Putin in Moscow"),
// and for a noun governed by a support verb the subject of that verb ("the US
// imposed tariffs on India"). Time is the time expression attached to the
// trigger, else one in its clause, else one in its sentence. Attributes
// record duration, count, modality, negation and the evaluative words the
// sources used. Finally mentions of the same event are merged: "a highly
// productive meeting", "Witkoff’s meeting with Putin", "the talks" and "The
// meeting" become one MEET event with several triggers.
package event

import (
	"context"
	"fmt"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/deadline"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that fills [doc.Document.Events] and
// [doc.Document.Deadlines]: both read the same syntax, so one analysis
// serves both (package deadline also has a stage of its own). Its zero value
// is ready to use and it is safe for concurrent use.
type Stage struct{}

// Process finds the events and deadlines of d. It needs tokens (it
// tokenises when they are missing) and works best with sentences, entities,
// times and quotes.
func (Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("event: %w", err)
	}
	if d.Tokens == nil && d.Text != "" {
		d.Tokens = token.Tokenize(d.Text, nil)
	}
	a := chunk.Analyze(d)
	d.Events = Extract(a)
	d.Deadlines = deadline.Extract(a)
	a.Release() // the events and deadlines hold nothing of it
	return nil
}

// Extract returns the events of an analysed document, ids v1, v2, ... in
// order of their first trigger.
func Extract(a *chunk.Analysis) []doc.Event {
	x := &extractor{a: a}
	// Triggers first, then their frames: mentions are large, and knowing
	// their number saves growing the slice. (Trigger tests read only the
	// analysis, so their order does not matter.)
	type trig struct {
		tok int
		typ string
	}
	var trigs []trig
	for i := range a.Words {
		if typ := x.trigger(i); typ != "" {
			trigs = append(trigs, trig{i, typ})
		}
	}
	x.ms = make([]mention, 0, len(trigs))
	for _, t := range trigs {
		x.ms = append(x.ms, x.frame(t.tok, t.typ))
	}
	x.deriveTimes()
	x.evaluations()
	return x.corefer()
}

// mention is one trigger with what its clause says about it.
type mention struct {
	typ      string
	tok      int // trigger token
	chunk    int // the trigger's chunk, or -1
	verb     bool
	definite bool // refers back: "the talks", "Witkoff’s meeting", a heading
	heading  bool // in a heading: names the story's main event
	parts    []doc.Participant
	weak     []string // participants known only from a premodifier ("Kremlin talks")
	link     int      // trigger token of a governing verb mention of the same event, or -1
	time     int      // index in doc.Times, or -1
	timeRank int      // how closely the time is attached: 3 phrase, 2 clause, 1 sentence
	place    string
	attrs    doc.Attributes
}

type extractor struct {
	a  *chunk.Analysis
	ms []mention
	// inQuote and cue map tokens to quotations with a speaker, 1 + index
	// in doc.Quotes (built on first use, when indexed is set; nil when no
	// quotation has a speaker).
	inQuote, cue []int32
	indexed      bool
}
