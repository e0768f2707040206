package event_test

import (
	"os"
	"strings"
	"testing"

	"dateline/internal/nlp/event"
)

// TestTypesDocumented checks that docs/events.md and event.Types agree row
// by row, and that every type of the document format is in the table.
func TestTypesDocumented(t *testing.T) {
	data, err := os.ReadFile("../../../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "| ") {
			continue
		}
		cells := strings.Split(strings.Trim(l, "| "), " | ")
		rows[cells[0]] = cells
	}
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	for _, ti := range event.Types {
		t.Run(ti.Type, func(t *testing.T) {
			c, ok := rows[ti.Type]
			if !ok || len(c) < 7 {
				t.Fatalf("no row for %s in docs/events.md", ti.Type)
			}
			fit := "yes"
			if !ti.Exact {
				fit = "nearest"
			}
			want := []string{ti.Type, ti.CAMEO, ti.CAMEOName, dash(ti.CAMEOCode), fit, dash(ti.ACLED), dash(ti.ACLEDSub)}
			for i, w := range want {
				if c[i] != w {
					t.Errorf("column %d: docs say %q, event.Types %q", i, c[i], w)
				}
			}
		})
	}
	if len(event.Types) != 20 {
		t.Errorf("%d types, want the 20 of docs/format.md v1", len(event.Types))
	}
	for _, typ := range []string{"MEET", "STATEMENT", "CONSULT", "DEMAND", "ULTIMATUM", "THREATEN", "SANCTION", "TARIFF",
		"ATTACK", "CLAIM", "AGREE", "REJECT", "VISIT", "CEASEFIRE", "NEGOTIATE", "APPOINT", "ELECTION", "PROTEST", "ARREST", "AID"} {
		if _, ok := event.Info(typ); !ok {
			t.Errorf("type %s missing from event.Types", typ)
		}
	}
}
