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

// TestObjectAdverbials: a reported noun phrase ends before an adverbial
// of its verb's (where, when or why it was said); a clause keeps it.
func TestObjectAdverbials(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a venue after the object",
			text: "The senator criticized the pipeline deal in a statement on her website.",
			want: []want{{"the pipeline deal", "indirect", "criticized", "The senator"}},
		},
		{
			name: "a day after the object",
			text: "The nurses' union endorsed Maria Lopez on Thursday, its first endorsement in a decade.",
			want: []want{{"Maria Lopez", "indirect", "endorsed", "The nurses' union"}},
		},
		{
			name: "a reason clause after the object",
			text: "Farmers denounced the water plan because it would divert the river.",
			want: []want{{"the water plan", "indirect", "denounced", "Farmers"}},
		},
		{
			name: "during after the object",
			text: "The mayor praised the firefighters during a visit to the station.",
			want: []want{{"the firefighters", "indirect", "praised", "The mayor"}},
		},
		{
			name: "a clause after a verb of saying keeps its adverbials",
			text: "The coach said the referee erred during the final minute.",
			want: []want{{"the referee erred during the final minute", "indirect", "said", "The coach"}},
		},
		{
			name: "a quotation in the object is part of it",
			text: "Marsh called the plan “a gift to landlords” in an interview.",
			want: []want{
				{"the plan “a gift to landlords”", "mixed", "called", "Marsh"},
				{"a gift to landlords", "partial", "called", "Marsh"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestLeadingConnective: a connective linking the sentence to the one
// before is not part of what the source said.
func TestLeadingConnective(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "but before a clause with its cue after",
			text: "But the ferry will not sail before Friday, the operator said.",
			want: []want{{"the ferry will not sail before Friday", "indirect", "said", "the operator"}},
		},
		{
			name: "however with its comma before according to",
			text: "However, the dam was never inspected, according to the report.",
			want: []want{{"the dam was never inspected", "indirect", "according to", "the report"}},
		},
		{
			name: "and before a parenthetical cue",
			text: "And in the end, she said, the village will decide.",
			want: []want{{"in the end, she said, the village will decide", "indirect", "said", "she"}},
		},
		{
			name: "in addition with its comma",
			text: "In addition, the club will sell its training ground, the chairman said.",
			want: []want{{"the club will sell its training ground", "indirect", "said", "the chairman"}},
		},
		{
			name: "an adverbial of the cue after a parenthetical cue",
			text: "The count was rigged, Ortiz claimed, without offering evidence.",
			want: []want{{"The count was rigged", "indirect", "claimed", "Ortiz"}},
		},
		{
			name: "a clause after a parenthetical cue is content",
			text: "The count, Ortiz claimed, was rigged.",
			want: []want{{"The count, Ortiz claimed, was rigged", "indirect", "claimed", "Ortiz"}},
		},
		{
			name: "an adverb without a comma stays",
			text: "Still more money will be needed, the mayor said.",
			want: []want{{"Still more money will be needed", "indirect", "said", "the mayor"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestCallOn: "called on X to do Y" reports the request, addressee
// included, as "urged X to do Y" does; "called on" a day or a person
// reports nothing.
func TestCallOn(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "called on with an infinitive",
			text: "The mayor called on residents to stay indoors until the storm passes.",
			want: []want{{"residents to stay indoors until the storm passes", "indirect", "called on", "The mayor"}},
		},
		{
			name: "has called on with a quotation",
			text: "The coalition has called on the council to publish the report “without delay.”",
			want: []want{
				{"the council to publish the report “without delay.”", "mixed", "called on", "The coalition"},
				{"without delay.", "partial", "called", "The coalition"},
			},
		},
		{
			name: "called on a day",
			text: "The minister called on Friday.",
			want: nil,
		},
		{
			name: "called on a family",
			text: "The bishop called on the family after the funeral.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestFramingAdverbs: "said only:", "said afterwards that": an adverb
// between the cue and its quotation or "that" does not open the content.
func TestFramingAdverbs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "said only before a colon",
			text: "Asked about the budget, the treasurer said only: “We will publish it in May.”",
			want: []want{
				{"We will publish it in May.", "direct", "said", "the treasurer"},
				{"the budget", "indirect", "Asked about", ""},
			},
		},
		{
			name: "said afterwards that",
			text: "The goalkeeper said afterwards that the pitch had been too dry.",
			want: []want{{"the pitch had been too dry", "indirect", "said", "The goalkeeper"}},
		},
		{
			name: "a passive participle phrase after the name",
			text: "Vance, asked about the transfer, said: “Nothing is signed.”",
			want: []want{{"Nothing is signed.", "direct", "said", "Vance"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestShowsFinding: "show" after a noun is the verb of a finding when an
// object follows; "TV shows" is a noun.
func TestShowsFinding(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a plural subject and a name",
			text: "Harbour traffic fell in March.\n\nCustoms figures show Rotterdam with a lead of 12 percent over Antwerp.",
			want: []want{{"Rotterdam with a lead of 12 percent over Antwerp", "indirect", "show", "Customs figures"}},
		},
		{
			name: "an object pronoun",
			text: "The council met on Monday.\n\nFootage of the meeting shows him leaving early.",
			want: []want{{"him leaving early", "indirect", "shows", "the meeting"}},
		},
		{
			name: "a noun before a verb",
			text: "The network cancelled two programmes.\n\nLate-night talk shows dominate the evening schedule.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestFramingCues: cues that frame a quotation of their own.
func TestFramingCues(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a second cue starts a second quote",
			text: "“We will win,” Ortiz said, adding later, “We always do.”",
			want: []want{
				{"We will win,", "direct", "said", "Ortiz"},
				{"We always do.", "direct", "adding", "Ortiz"},
			},
		},
		{
			name: "the same cue continues the quote",
			text: "“We will win,” Ortiz said on Friday, “and we will win again.”",
			want: []want{{"We will win,” Ortiz said on Friday, “and we will win again.", "direct", "said", "Ortiz"}},
		},
		{
			name: "an inverted cue opening the sentence",
			text: "The vote is on Monday. Said Ellis: “I expect it to pass.”",
			want: []want{{"I expect it to pass.", "direct", "Said", "Ellis"}},
		},
		{
			name: "a participle after a name",
			text: "The clip ends with Mayor Lena Ortiz asking reporters, “Any more questions?”",
			want: []want{{"Any more questions?", "direct", "asking", "Mayor Lena Ortiz"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, "Headline\n\n"+tc.text, tc.want) })
	}
}

// TestSpeakerAfterQuotation: speakers named after a quotation with an
// abbreviation or a body in their phrase, and sentences that only quote
// going on with the speaker of the quote before them.
func TestSpeakerAfterQuotation(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a party and state abbreviation between commas",
			text: "“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
			want: []want{{"The veto will be overridden,", "direct", "said", "Senate Majority Leader Mitch McConnell"}},
		},
		{
			name: "a body after the name",
			text: "“It was the least bad outcome,” Tom Morgan of the Sierra Club said.",
			want: []want{{"It was the least bad outcome,", "direct", "said", "Tom Morgan"}},
		},
		{
			name: "a quotation two sentences on keeps the speaker",
			text: "“We have had problems before,” Obama said after the summit. He did not mention sanctions. “Our goal is calm.”",
			want: []want{
				{"We have had problems before,", "direct", "said", "Obama"},
				{"Our goal is calm.", "direct", "", "Obama"},
				{"sanctions", "indirect", "mention", "He"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, "Headline\n\n"+tc.text, tc.want) })
	}
}

// TestGerundOfSaying: a gerund of saying after a preposition reports the
// clause after it; other gerunds there are no cue.
func TestGerundOfSaying(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "for saying that",
			text: "The coach was fined for saying that the referee was biased.",
			want: []want{{"the referee was biased", "indirect", "saying", "The coach"}},
		},
		{
			name: "by saying with a pronoun subject",
			text: "Marsh opened the hearing by saying she would not resign.",
			want: []want{{"she would not resign", "indirect", "saying", "Marsh"}},
		},
		{
			name: "after a gerund that is no speech",
			text: "The club was fined for admitting fans without tickets.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, "Headline\n\n"+tc.text, tc.want) })
	}
}
