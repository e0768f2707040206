package quote

import "testing"

// TestParticipleSpeaker: a participle of saying after the main clause
// (", warning that …", ", adding that …") reports with the main clause's
// subject, past an opening adverbial and whatever verb the clause has.
func TestParticipleSpeaker(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a noun-like participle after a non-cue main verb",
			text: "Prime Minister Ilse Varga gave the unions until Friday to sign the deal, warning that she would otherwise impose it.",
			want: []want{{"she would otherwise impose it", "indirect", "warning", "Prime Minister Ilse Varga"}},
		},
		{
			name: "warning of a topic",
			text: "The central bank held rates at 4 percent, warning of a slowdown.",
			want: []want{{"a slowdown", "indirect", "warning", "The central bank"}},
		},
		{
			name: "the subject ends before a past verb",
			text: "The harbour master closed the port on Friday, saying the swell was too high.",
			want: []want{{"the swell was too high", "indirect", "saying", "The harbour master"}},
		},
		{
			name: "the subject ends before a verb with a numeric object",
			text: "The carmaker cut 1,200 jobs in March, arguing that demand had collapsed.",
			want: []want{{"demand had collapsed", "indirect", "arguing", "The carmaker"}},
		},
		{
			name: "an opening adverbial is not the subject",
			text: "On Monday, the health ministry extended the curfew, insisting that wards were still full.",
			want: []want{{"wards were still full", "indirect", "insisting", "the health ministry"}},
		},
		{
			name: "an opening clause with a name is not the subject",
			text: "After three days of talks in Oslo, Foreign Minister Jonas Lie left early, saying the draft was unacceptable.",
			want: []want{{"the draft was unacceptable", "indirect", "saying", "Foreign Minister Jonas Lie"}},
		},
		{
			name: "a capitalised adjective opens a plural subject",
			text: "Striking dockers blocked the terminal gates, adding that they would stay until Monday.",
			want: []want{{"they would stay until Monday", "indirect", "adding", "Striking dockers"}},
		},
		{
			name: "a quantity heads the subject",
			text: "Despite the snow, thousands marched to the parliament, demanding that the vote be repeated.",
			want: []want{{"the vote be repeated", "indirect", "demanding", "thousands"}},
		},
		{
			name: "called off is no report",
			text: "The pilots' union called off the strike on Sunday, adding that talks would resume in January.",
			want: []want{{"talks would resume in January", "indirect", "adding", "The pilots' union"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestFinalAttribution: a speaker and verb of saying closing the sentence
// after a comma ("…, spokeswoman Ana Reyes said in Madrid.") report the
// whole clause before them; a cue inside that clause reports only up to
// the comma, and so is nested and dropped.
func TestFinalAttribution(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a role before a name",
			text: "The commission urged both governments to keep talking, spokeswoman Carla Méndez said in Madrid.",
			want: []want{{"The commission urged both governments to keep talking", "indirect", "said", "spokeswoman Carla Méndez"}},
		},
		{
			name: "a determiner phrase with a modifier",
			text: "The ministry asked lenders to delay the rate rise, a spokesman for the central bank said.",
			want: []want{{"The ministry asked lenders to delay the rate rise", "indirect", "said", "a spokesman for the central bank"}},
		},
		{
			name: "told with an addressee",
			text: "The regulator warned that fares would rise, the transport minister told reporters.",
			want: []want{{"The regulator warned that fares would rise", "indirect", "told", "the transport minister"}},
		},
		{
			name: "a possessive phrase and a time",
			text: "The union demanded a new contract, its general secretary said on Tuesday.",
			want: []want{{"The union demanded a new contract", "indirect", "said", "its general secretary"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestCoordinatedSpeaker: the subject of coordinated verbs ("welcomed …
// but said …") is the noun phrase before the first verb, without it.
func TestCoordinatedSpeaker(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "but said after a past verb",
			text: "The opposition welcomed the extension but said it still rejected a referendum.",
			want: []want{{"it still rejected a referendum", "indirect", "said", "The opposition"}},
		},
		{
			name: "and warned after a past verb",
			text: "The ministry approved the merger and warned that prices could rise.",
			want: []want{{"prices could rise", "indirect", "warned", "The ministry"}},
		},
		{
			name: "a bare addressee before a clause",
			text: "Local farmers blocked the motorway and told police they would stay until Friday.",
			want: []want{{"they would stay until Friday", "indirect", "told", "Local farmers"}},
		},
		{
			name: "an irregular verb before an article",
			text: "The council held a vote on Monday and announced that the library would close.",
			want: []want{{"the library would close", "indirect", "announced", "The council"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}
