package event_test

import (
	"context"
	"fmt"

	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
)

// The stage reads entities and times from earlier stages (here marked by
// hand) and merges the mentions of one meeting into one event.
func ExampleStage() {
	d, err := chunktest.Parse("[[Witkoff|PERSON]] met [[Putin|PERSON]] in [[Moscow|GPE]] on [[Wednesday|DATE|2025-08-06]]. "+
		"The meeting lasted [[three hours|DURATION|PT3H]]. [[Ushakov|PERSON]] described the talks as “useful.”", "2025-08-06")
	if err != nil {
		panic(err)
	}
	if err := (event.Stage{}).Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, e := range d.Events {
		fmt.Println(e.ID, e.Type, e.Trigger.Text, len(e.Mentions), e.Participants, e.Place, e.Time)
		if a := e.Attributes; a != nil {
			fmt.Println("  duration", a.Duration, "evaluation", a.Evaluation)
		}
	}
	// Output:
	// v1 MEET met 2 [{agent e1} {partner e2}] e3 t1
	//   duration PT3H evaluation [useful]
	// v2 STATEMENT described 0 [{speaker e4}]
}
