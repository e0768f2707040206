package chunktest_test

import (
	"testing"

	"dateline/internal/nlp/chunk/chunktest"
)

func TestParse(t *testing.T) {
	d, err := chunktest.Parse("“[[[[We|PERSON|tr]] met [[Putin|PERSON]]|QUOTE|tr]],” [[Donald Trump|PERSON|tr]] said on [[Wednesday|DATE|2025-08-06]].", "2025-08-06")
	if err != nil {
		t.Fatal(err)
	}
	if want := "“We met Putin,” Donald Trump said on Wednesday."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	if len(d.Entities) != 2 {
		t.Fatalf("%d entities, want 2 (keys link We and Donald Trump)", len(d.Entities))
	}
	tr := d.Entities[0]
	if tr.Name != "Donald Trump" || len(tr.Mentions) != 2 || tr.Mentions[0].Kind != "pronoun" {
		t.Errorf("entity %+v", tr)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2025-08-06" || d.Times[0].Text != "Wednesday" {
		t.Errorf("times %+v", d.Times)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Text != "We met Putin" || d.Quotes[0].Speaker != tr.ID {
		t.Errorf("quotes %+v", d.Quotes)
	}
	if len(d.Tokens) == 0 || len(d.Sentences) != 1 {
		t.Errorf("%d tokens, %d sentences", len(d.Tokens), len(d.Sentences))
	}
}

func TestParseErrors(t *testing.T) {
	for name, marked := range map[string]string{
		"unclosed":        "[[Trump|PERSON",
		"no type":         "[[Trump]] said",
		"unknown speaker": "[[hello|QUOTE|nobody]]",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := chunktest.Parse(marked, ""); err == nil {
				t.Errorf("no error for %q", marked)
			}
		})
	}
}
