package ner

import (
	"slices"
	"testing"

	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// TestSpeakers checks the people found by the clause around them, on tagger
// output written for the test, so that they do not depend on the model.
func TestSpeakers(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		text   string
		tagged []string
		want   []string
	}{
		{
			name: "a surname before a verb of saying",
			text: "Djilas told reporters that talks would continue.",
			want: []string{"PERSON Djilas"},
		},
		{
			name: "a surname after a quotation, before the verb",
			text: "“I am a patient man,” Marek said.",
			want: []string{"PERSON Marek"},
		},
		{
			name: "a surname after a quotation and the verb",
			text: "“There is nothing left to discuss,” said Haddad on Sunday.",
			want: []string{"PERSON Haddad"},
		},
		{
			name: "an adverb between the surname and the verb",
			text: "Lindqvist also insisted the offer was too low.",
			want: []string{"PERSON Lindqvist"},
		},
		{
			name: "a word that cannot open a name is left out",
			text: "Then Lindqvist said no.",
			want: []string{"PERSON Lindqvist"},
		},
		{
			name: "a quotation after calling something",
			text: "Kovacs called the ruling “a victory for voters”.",
			want: []string{"PERSON Kovacs"},
		},
		{
			name: "a capitalised title before a surname",
			text: "President Okonjo-Mensah called the delay regrettable.",
			want: []string{"PERSON Okonjo-Mensah"},
		},
		{
			name: "an honorific before a surname",
			text: "The ruling pleased Ms. Aasland-Berg greatly.",
			want: []string{"PERSON Aasland-Berg"},
		},
		{
			name: "a lower-case title before a surname",
			text: "The opposition leader Djilas arrived late.",
			want: []string{"PERSON Djilas"},
		},
		{
			name: "a sentence's subject and a person's possessive",
			text: "Vucic extended his deadline to October 30.",
			want: []string{"PERSON Vucic"},
		},
		{
			name: "a possessive that is no person's",
			text: "Nordhavn extended its deadline to October 30.",
		},
		{
			name: "a common word after a quotation may be a company",
			text: "“Sales were strong,” Target said.",
		},
		{
			name: "a common word with a title is a surname",
			text: "“It is over,” said Councillor Brown.",
			want: []string{"PERSON Brown"},
		},
		{
			name: "a common word opening a sentence is no surname",
			text: "Police said the road was closed.",
		},
		{
			name: "a noun phrase opened by an article is no speaker",
			text: "The Vorstand said the plan stood.",
		},
		{
			name: "the object of a preposition is no speaker",
			text: "A spokesman for Nordhavn said the offer stood.",
		},
		{
			name: "a word the story puts after 'the' is no person",
			text: "Shares in the Veltro group fell. Veltro said sales were flat.",
		},
		{
			name: "a place the gazetteer knows is no person",
			text: "Belgrade said the offer was fair.",
		},
		{
			name: "an acronym is no person",
			text: "NATO said the drills would go ahead.",
		},
		{
			name: "a month is no person",
			text: "“We will wait until March,” he said.",
		},
		{
			name:   "a place guessed elsewhere for a speaker is a person",
			text:   "Crowds met Kestrel at the airport. Kestrel said he was proud.",
			tagged: []string{"GPE Kestrel"},
			want:   []string{"PERSON Kestrel"},
		},
		{
			name:   "a known place elsewhere stays one",
			text:   "Crowds met in Kyiv. “Never,” Kyiv said.",
			tagged: []string{"GPE Kyiv"},
			want:   []string{"GPE Kyiv"},
		},
		{
			name:   "an organisation at a speaker's place stays one",
			text:   "Nordhavn said it had lost money.",
			tagged: []string{"ORG Nordhavn"},
			want:   []string{"ORG Nordhavn"},
		},
		{
			name:   "an organisation guessed for a speaker is a person",
			text:   "Vucic rejected the plan. “No,” Vucic said.",
			tagged: []string{"ORG Vucic"},
			want:   []string{"PERSON Vucic"},
		},
		{
			name:   "an organisation with an organisation's cue stays one",
			text:   "Port operator Nordhavn lost money. “We will recover,” Nordhavn said.",
			tagged: []string{"ORG Nordhavn", "ORG Nordhavn"},
			want:   []string{"ORG Nordhavn", "ORG Nordhavn"},
		},
		{
			name:   "an organisation that speaks of its plans stays one",
			text:   "Nordhavn said its profit fell. “We will recover,” Nordhavn said.",
			tagged: []string{"ORG Nordhavn", "ORG Nordhavn"},
			want:   []string{"ORG Nordhavn", "ORG Nordhavn"},
		},
		{
			name:   "a person at a speaker's place is one elsewhere",
			text:   "Haddad insisted the list was final. Critics of Haddad disagreed.",
			tagged: []string{"PERSON Haddad", "GPE Haddad"},
			want:   []string{"PERSON Haddad", "PERSON Haddad"},
		},
		{
			name:   "an unknown place at a speaker's place is a person",
			text:   "“No,” Haddad said. Haddad left.",
			tagged: []string{"GPE Haddad", "GPE Haddad"},
			want:   []string{"PERSON Haddad", "PERSON Haddad"},
		},
		{
			name:   "a known place at a speaker's place stays one",
			text:   "Kyiv said the talks failed. Kyiv was quiet.",
			tagged: []string{"GPE Kyiv", "GPE Kyiv"},
			want:   []string{"GPE Kyiv", "GPE Kyiv"},
		},
		{
			name: "an organisation speaks of its own plans",
			text: "Semivolt said on Tuesday it would delay its new plant.",
		},
		{
			name: "a person speaks of another's plans after his own",
			text: "Kessler said he would review its new plant.",
			want: []string{"PERSON Kessler"},
		},
		{
			name: "an apposition with a role",
			text: "Hughes, the agency's flood manager, warned of more rain.",
			want: []string{"PERSON Hughes"},
		},
		{
			name: "a surname that is a common word before a role",
			text: "Young, an analyst at a bank, said the delay was no surprise.",
			want: []string{"PERSON Young"},
		},
		{
			name: "an apposition without a role",
			text: "Nexacore, the chipmaker, fell.",
		},
		{
			name: "a listed company is no speaker without a strong cue",
			text: "Nvidia said demand was strong.",
		},
		{
			name: "a run of four capitalised words is no speaker",
			text: "The Red Sea Shipping Line said rates rose.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			info := newDocInfo(tt.text, toks, sentence.Split(tt.text, toks, nil), tg.gaz)
			got := showNames(tt.text, tg.speakers(tt.text, toks, spanNames(t, tt.text, tt.tagged...), info))
			if !slices.Equal(got, tt.want) && (len(got) > 0 || len(tt.want) > 0) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
