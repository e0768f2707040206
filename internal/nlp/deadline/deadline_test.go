package deadline_test

import (
	"context"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/deadline"
)

// want is a deadline with entity names for ids.
type want struct {
	trigger, by, setter, target, demand, consequence, status string
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		name, marked string
		want         []want
	}{
		{"noun-premodifiers", "It came two days before a [[US|GPE]]-imposed [[Friday|DATE|2025-08-08]] deadline for [[Russia|GPE]] to agree to a ceasefire or face new economic penalties.",
			[]want{{"deadline", "2025-08-08", "US", "Russia", "agree to a ceasefire", "new economic penalties", "pending"}}},
		{"give-until", "[[Trump|PERSON]] gave [[Hamas|ORG]] until [[Saturday|DATE|2025-08-09]] to free the hostages or else face consequences.",
			[]want{{"gave", "2025-08-09", "Trump", "Hamas", "free the hostages", "consequences", "pending"}}},
		{"has-days", "[[Iran|GPE]] has [[60 days|DURATION|P60D]] to reach a deal, [[Trump|PERSON]] said.",
			[]want{{"has", "2025-10-05", "Trump", "Iran", "reach a deal", "", "pending"}}},
		{"has-hours", "The garrison has [[48 hours|DURATION|PT48H]] to surrender, [[Moscow|GPE]] said.",
			[]want{{"has", "2025-08-08", "Moscow", "", "surrender", "", "pending"}}},
		{"must-by", "[[Kyiv|GPE]] must sign the deal by [[Friday|DATE|2025-08-08]] or lose access to intelligence, [[Washington|GPE]] warned.",
			[]want{{"must", "2025-08-08", "Washington", "Kyiv", "sign the deal", "lose access to intelligence", "pending"}}},
		{"extended", "The [[White House|ORG]] extended the deadline for [[TikTok|ORG]]’s sale to [[September 17|DATE|2025-09-17]].",
			[]want{{"deadline", "2025-09-17", "White House", "TikTok", "", "", "extended"}}},
		{"expired", "The ultimatum expired on [[Monday|DATE|2025-08-04]] without a response.",
			[]want{{"ultimatum", "2025-08-04", "", "", "", "", "missed"}}},
		{"issued-date-is-not-by", "[[Washington|GPE]] issued an ultimatum to [[Caracas|GPE]] on [[Monday|DATE|2025-08-04]].",
			[]want{{"ultimatum", "", "Washington", "Caracas", "", "", ""}}},
		{"past-deadline-not-pending", "The [[July 1|DATE|2025-07-01]] deadline for [[Hamas|ORG]] to respond came and went.",
			[]want{{"deadline", "2025-07-01", "", "Hamas", "respond", "", ""}}},
		{"month-precision", "[[Hamas|ORG]] must free the hostages by [[early September|DATE|2025-09]].",
			[]want{{"must", "2025-09", "", "Hamas", "free the hostages", "", "pending"}}},
		{"repeated-mentions-merge", "[[Trump|PERSON]] set a [[Friday|DATE|2025-08-08]] deadline for [[Russia|GPE]]. The deadline is [[Friday|DATE|2025-08-08]].",
			[]want{{"deadline", "2025-08-08", "Trump", "Russia", "", "", "pending"}}},
		{"heading-dropped", "Trade Deadline Nears\n\n[[Trump|PERSON]] gave [[Brazil|GPE]] until [[August 1|DATE|2025-08-01]] to reach a deal.",
			[]want{{"gave", "2025-08-01", "Trump", "Brazil", "reach a deal", "", ""}}}, // by is before the document date
		{"has-until", "[[Russia|GPE]] has until [[Friday|DATE|2025-08-08]] to agree to a ceasefire, [[Trump|PERSON]] said.",
			[]want{{"has", "2025-08-08", "Trump", "Russia", "agree to a ceasefire", "", "pending"}}},
		{"gave-a-deadline", "[[Trump|PERSON]] gave [[Russia|GPE]] a [[Friday|DATE|2025-08-08]] deadline to agree to a ceasefire.",
			[]want{{"deadline", "2025-08-08", "Trump", "Russia", "agree to a ceasefire", "", "pending"}}},
		{"gives-days", "The ultimatum gives [[Hamas|ORG]] [[three days|DURATION|P3D]] to release the hostages.",
			[]want{{"ultimatum", "2025-08-09", "", "Hamas", "release the hostages", "", "pending"}}},
		{"extended-by-duration", "[[Trump|PERSON]] extended the tariff deadline by [[90 days|DURATION|P90D]].",
			[]want{{"deadline", "", "Trump", "", "", "", "extended"}}},
		{"will-meet-is-no-status", "“[[We will meet the [[Friday|DATE|2025-08-08]] deadline|QUOTE|Brekke]],” [[Brekke|PERSON]] said.",
			[]want{{"deadline", "2025-08-08", "", "Brekke", "", "", "pending"}}},
		{"met-in-participle-adjunct", "[[Nordvik Ferries|ORG]] restored its timetable on [[Friday|DATE|2025-08-08]], meeting the deadline.",
			[]want{{"deadline", "", "", "Nordvik Ferries", "", "", "met"}}},
		{"will-meet-without-date-says-nothing", "[[Nordvik Ferries|ORG]] said it will try to meet the deadline.", nil},
		{"no-deadline", "[[Trump|PERSON]] must decide soon, and [[Putin|PERSON]] has many options.", nil},
		{"conditional-unless", "Unless [[Hamas|ORG]] returns the bodies by [[Saturday|DATE|2025-08-09]], the truce will end, [[Israel|GPE]] said.",
			[]want{{"Unless", "2025-08-09", "Israel", "Hamas", "return the bodies", "the truce will end", "pending"}}},
		{"conditional-if-not-in-quote", "“[[If the line is not running by [[Friday|DATE|2025-08-08]], we will cancel the contract|QUOTE|Olsen]],” [[Olsen|PERSON]] said.",
			[]want{{"If", "2025-08-08", "Olsen", "", "running", "cancel the contract", "pending"}}},
		{"conditional-positive-if-offers", "If [[Russia|GPE]] agrees to a ceasefire by [[Friday|DATE|2025-08-08]], sanctions could be eased.", nil},
		{"later-mention-joins", "[[Trump|PERSON]] gave [[Russia|GPE]] until [[Friday|DATE|2025-08-08]] to agree. “[[We will meet the deadline|QUOTE|Peskov]],” [[Peskov|PERSON]] said.",
			[]want{{"gave", "2025-08-08", "Trump", "Russia", "agree", "", "pending"}}},
		{"possessed-mention-joins", "The regulator gave [[Nordvik|ORG]] until [[Friday|DATE|2025-08-08]] to restore service. [[Nordvik|ORG]] said it would meet the regulator’s deadline.",
			[]want{{"gave", "2025-08-08", "", "Nordvik", "restore service", "", "pending"}}},
		{"date-possessive-status", "[[Trump|PERSON]] gave [[Russia|GPE]] until [[Friday|DATE|2025-08-08]] to agree. [[Moscow|GPE]] ignored [[Friday|DATE|2025-08-08]]’s deadline.",
			[]want{{"gave", "2025-08-08", "Trump", "Russia", "agree", "", "missed"}}},
		{"two-deadlines-no-join", "[[Trump|PERSON]] gave [[Russia|GPE]] until [[Friday|DATE|2025-08-08]] to agree. [[Macron|PERSON]] gave [[Iran|GPE]] until [[Monday|DATE|2025-08-11]] to respond. The deadline was widely criticised.",
			[]want{{"gave", "2025-08-08", "Trump", "Russia", "agree", "", "pending"}, {"gave", "2025-08-11", "Macron", "Iran", "respond", "", "pending"}}},
		{"extended-from-known-date", "[[Trump|PERSON]] set an [[August 12|DATE|2025-08-12]] deadline for [[China|GPE]] to reach a deal. On [[Monday|DATE|2025-08-11]], [[Trump|PERSON]] extended the deadline by [[90 days|DURATION|P90D]].",
			[]want{{"deadline", "2025-11-10", "Trump", "China", "reach a deal", "", "extended"}}},
		{"bare-mention-dropped", "The deadline came and went.", nil},
		{"headline-told-in-body", "Port gives carrier until [[Monday|DATE|2025-08-11]] to move containers\n\nThe [[Port of Hallam|ORG]] gave [[Meridian Lines|ORG]] until [[Monday|DATE|2025-08-11]] to remove 400 empty containers from its quay or pay storage fees.",
			[]want{{"gave", "2025-08-11", "Port of Hallam", "Meridian Lines", "remove 400 empty containers from its quay", "pay storage fees", "pending"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := chunktest.MustParse(t, tt.marked, "2025-08-06")
			if err := (deadline.Stage{}).Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			name := func(id string) string {
				for _, e := range d.Entities {
					if e.ID == id {
						return e.Name
					}
				}
				return ""
			}
			var got []want
			for _, dl := range d.Deadlines {
				got = append(got, want{dl.Trigger.Text, dl.By, name(dl.Setter), name(dl.Target), dl.Demand, dl.Consequence, dl.Status})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d deadlines %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("deadline %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
			// A time id, when given, names the date the by-value comes from
			// (a by-date counted from a duration has none).
			for i, dl := range d.Deadlines {
				if dl.Time == "" {
					continue
				}
				for _, tm := range d.Times {
					if tm.ID == dl.Time && tm.Value != dl.By {
						t.Errorf("deadline %d: time %s is %q, by is %q", i, tm.ID, tm.Value, dl.By)
					}
				}
			}
		})
	}
}

// TestProcessCancelled checks that a cancelled context stops the stage.
func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &doc.Document{Text: "Russia has ten days to agree."}
	if err := (deadline.Stage{}).Process(ctx, d); err == nil {
		t.Fatal("no error for a cancelled context")
	}
}
