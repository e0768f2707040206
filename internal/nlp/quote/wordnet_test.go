package quote

import (
	"strings"
	"testing"

	"dateline/internal/doc"
)

// TestWordNetFrames checks the frames in which the generated WordNet cues
// report, and the shapes in which the same words must not.
func TestWordNetFrames(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "verb before a that-clause",
			text: "The harbour master surmised that the new locks would not be ready before winter.",
			want: []want{{"that the new locks would not be ready before winter", doc.Indirect, "surmised", "The harbour master"}},
		},
		{
			name: "verb before a that-clause reached over an adverbial",
			text: "Councillor Ines Varga reckoned on Tuesday that the ferry subsidy would cost twice as much.",
			want: []want{{"that the ferry subsidy would cost twice as much", doc.Indirect, "reckoned", "Councillor Ines Varga"}},
		},
		{
			name: "verb before an infinitive of intention",
			text: "The fishermen's union resolved to block the harbour entrance on Friday.",
			want: []want{{"to block the harbour entrance on Friday", doc.Indirect, "resolved", "The fishermen's union"}},
		},
		{
			name: "verb before whether",
			text: "The auditors debated whether the toll revenue had been counted twice.",
			want: []want{{"whether the toll revenue had been counted twice", doc.Indirect, "debated", "The auditors"}},
		},
		{
			name: "verb closing a quotation",
			text: "“We lost a whole season of catch,” the skipper grumbled.",
			want: []want{{"We lost a whole season of catch,", doc.Direct, "grumbled", "the skipper"}},
		},
		{
			name: "verb before a colon and a quotation",
			text: "The mayor's deputy opined: “At least the gulls are happy.”",
			want: []want{{"At least the gulls are happy.", doc.Direct, "opined", "The mayor's deputy"}},
		},
		{
			name: "possessive noun before a that-clause",
			text: "The council heard Ruiz's admission that the budget had been overspent.",
			want: []want{{"that the budget had been overspent", doc.Indirect, "admission", "Ruiz"}},
		},
		{
			name: "noun with a possessive pronoun before a that-clause",
			text: "Workers drew comfort from her assurance that no jobs would be lost at the yard.",
			want: []want{{"that no jobs would be lost at the yard", doc.Indirect, "assurance", "her"}},
		},
		{
			name: "a name modifying the noun holds it",
			text: "The council met after the DOJ demand that the toll be suspended until May.",
			want: []want{{"that the toll be suspended until May", doc.Indirect, "demand", "DOJ"}},
		},
		{
			name: "a curated cue wins over a WordNet one around it",
			text: "Knowing that the vote was close, the mayor said the bridge would reopen in June.",
			want: []want{{"the bridge would reopen in June", doc.Indirect, "said", "the mayor"}},
		},
		{
			name: "noun before a relative clause is no report",
			text: "The agreement that the two towns signed in March covers the ferry.",
			want: nil,
		},
		{
			name: "noun before a short relative clause is no report",
			text: "The rumour that he heard was false.",
			want: nil,
		},
		{
			name: "verb with an object is no report",
			text: "The clerk recorded the votes in a ledger.",
			want: nil,
		},
		{
			name: "that opening a relative clause after an object is no report",
			text: "The committee debated a motion that was withdrawn on Monday.",
			want: nil,
		},
		{
			name: "noun use after an article is no report",
			text: "The comment that followed was brief.",
			want: nil,
		},
		{
			name: "infinitive governed cue keeps its own report",
			text: "The minister continued to insist that the tolls were fair.",
			want: []want{{"that the tolls were fair", doc.Indirect, "continued to insist", "The minister"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text, nil)
			if len(d.Quotes) != len(tc.want) {
				t.Fatalf("got %d quotes, want %d:%s", len(d.Quotes), len(tc.want), dump(d))
			}
			for _, w := range tc.want {
				q := find(d, w.text)
				if q == nil {
					t.Fatalf("no quote %q:%s", w.text, dump(d))
				}
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Text
				}
				if q.Kind != w.kind || cue != w.cue || q.SpeakerText != w.speaker {
					t.Errorf("quote %q: got kind %s cue %q speaker %q, want %s %q %q",
						w.text, q.Kind, cue, q.SpeakerText, w.kind, w.cue, w.speaker)
				}
			}
		})
	}
}

// TestWordNetLexicon checks the embedded generated file: its licence
// notice is kept, it parses into both maps, inflected forms are there, and
// it never shadows the curated lexicon.
func TestWordNetLexicon(t *testing.T) {
	if !strings.Contains(wordnetCues, "WordNet 3.0 Copyright 2006 by Princeton University") {
		t.Error("wordnet_cues.txt lost its licence notice")
	}
	for _, w := range []string{"surmise", "surmised", "surmising", "reckons", "opined", "resolved"} {
		if wnVerbs[w] == 0 {
			t.Errorf("verb form %q missing from wnVerbs", w)
		}
	}
	for _, w := range []string{"admission", "assurances", "assertion"} {
		if _, ok := nominalCues[w]; !ok && !wnNouns[w] {
			t.Errorf("noun %q missing from wnNouns", w)
		}
	}
	for w := range wnVerbs {
		if cueForms[w].isCue() {
			t.Errorf("%q is both a curated and a WordNet verb form", w)
		}
	}
	for _, w := range []string{"will", "make", "states"} {
		if wnVerbs[w] != 0 {
			t.Errorf("skipped form %q is a WordNet cue", w)
		}
	}
}
