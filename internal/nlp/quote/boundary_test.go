package quote

import "testing"

// checkQuotes runs the stage on text and compares its quotes with want
// (content, kind, cue and speaker text), in any order.
func checkQuotes(t *testing.T, text string, want []want) {
	t.Helper()
	d := analyse(t, text, nil)
	if len(d.Quotes) != len(want) {
		t.Fatalf("got %d quotes, want %d:%s", len(d.Quotes), len(want), dump(d))
	}
	for _, w := range want {
		q := find(d, w.text)
		if q == nil {
			t.Errorf("no quote %q:%s", w.text, dump(d))
			continue
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
}

// TestCoordination: "and" or "but" before a verb ends the content when the
// verb is the subject's next one (a speech verb, or after a noun-phrase
// object), and continues a reported clause with a verb of its own.
func TestCoordination(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "auxiliary after a clause continues it",
			text: "The inspector said the bridge was unsafe and would stay closed until spring.",
			want: []want{{"the bridge was unsafe and would stay closed until spring", "indirect", "said", "The inspector"}},
		},
		{
			name: "but with an auxiliary after a clause continues it",
			text: "Okafor said the council had approved the budget but had not yet published it.",
			want: []want{{"the council had approved the budget but had not yet published it", "indirect", "said", "Okafor"}},
		},
		{
			name: "a speech verb after a clause is the subject's",
			text: "The coach said the team had trained well and added that two players were injured.",
			want: []want{
				{"the team had trained well", "indirect", "said", "The coach"},
				{"two players were injured", "indirect", "added", "The coach"},
			},
		},
		{
			name: "a verb after a noun-phrase object is the subject's",
			text: "The nurses' union criticized the hospital board and has scheduled a vote for Monday.",
			want: []want{{"the hospital board", "indirect", "criticized", "The nurses' union"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}
