package ner

import (
	"slices"
	"testing"

	"dateline/internal/nlp/token"
)

// TestMediaOutlets checks the outlets named by an acronym before a noun
// for a kind of news outlet.
func TestMediaOutlets(t *testing.T) {
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
			name: "television",
			text: "Djilas told RTS television that talks would go on.",
			want: []string{"ORG RTS"},
		},
		{
			name: "radio",
			text: "In an interview with BBC radio, he denied it.",
			want: []string{"ORG BBC"},
		},
		{
			name: "news agency",
			text: "The TASS news agency carried the report.",
			want: []string{"ORG TASS"},
		},
		{
			name:   "a mention read as a place is the outlet",
			text:   "NRK first reported the strike. Lindqvist told NRK radio.",
			tagged: []string{"GPE NRK"},
			want:   []string{"ORG NRK", "ORG NRK"},
		},
		{
			name:   "the outlet's other mentions",
			text:   "MTI reported the ruling, MTI news agency said.",
			tagged: []string{},
			want:   []string{"ORG MTI", "ORG MTI"},
		},
		{
			name:   "a state's acronym is no outlet",
			text:   "Ratings on US television fell.",
			tagged: []string{"GPE US"},
			want:   []string{"GPE US"},
		},
		{
			name: "a kind of broadcast is no outlet",
			text: "An AM radio signal and HD television.",
		},
		{
			name:   "a newspaper's name read as a person",
			text:   "Marques told Público newspaper that the budget was tight.",
			tagged: []string{"PERSON Marques", "PERSON Público"},
			want:   []string{"PERSON Marques", "ORG Público"},
		},
		{
			name: "an untagged magazine's name",
			text: "In an interview with Veja magazine, he said no.",
			want: []string{"ORG Veja"},
		},
		{
			name:   "a name after 'a' is the owner",
			text:   "He wrote for a Murdoch newspaper.",
			tagged: []string{"PERSON Murdoch"},
			want:   []string{"PERSON Murdoch"},
		},
		{
			name:   "a word of a person's full name is no outlet",
			text:   "Ana Brnabic spoke. Brnabic television appearances are rare.",
			tagged: []string{"PERSON Ana Brnabic", "PERSON Brnabic"},
			want:   []string{"PERSON Ana Brnabic", "PERSON Brnabic"},
		},
		{
			name:   "places, nationalities and days are no outlets",
			text:   "Belgrade radio and Serbian television covered it, and Sunday newspaper sales fell.",
			tagged: []string{"GPE Belgrade", "NORP Serbian"},
			want:   []string{"GPE Belgrade", "NORP Serbian"},
		},
		{
			name: "an untagged run is no one-word outlet",
			text: "He spoke to Nova Vreme radio.",
		},
		{
			name: "news without an outlet's noun",
			text: "The ECB news conference began.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			got := showNames(tt.text, tg.mediaOutlets(tt.text, toks, spanNames(t, tt.text, tt.tagged...)))
			if !slices.Equal(got, tt.want) && (len(got) > 0 || len(tt.want) > 0) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
