package doc

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	// curly is the byte offset of the opening quote mark “ (3 bytes) in fullText.
	curly := strings.Index(fullText, "“")
	tests := []struct {
		name   string
		mutate func(d *Document)
		want   []string // substrings of the joined error, one per problem; none for a valid document
	}{
		{"full document is valid", func(d *Document) {}, nil},
		{"empty document is valid", func(d *Document) { *d = Document{} }, nil},
		{"text only is valid", func(d *Document) { *d = Document{Text: "Talks ended."} }, nil},
		{"empty span at text end is valid", func(d *Document) {
			d.Sentences = []Span{{len(d.Text), len(d.Text)}}
		}, nil},

		{"span past the text", func(d *Document) { d.Sentences[1].End = len(d.Text) + 1 },
			[]string{"sentence 1: span [117,247) outside text of 246 bytes"}},
		{"negative start", func(d *Document) { d.Times[0].Start = -1 },
			[]string{"time t1: span [-1,43) outside text"}},
		{"start after end", func(d *Document) { d.Quotes[0].Start, d.Quotes[0].End = 20, 10 },
			[]string{"quote q1: span [20,10) outside text"}},
		{"start inside a rune", func(d *Document) { d.Sentences[0] = Span{curly + 1, curly + 5} },
			[]string{"sentence 0: span [92,96) not on rune boundaries"}},
		{"end inside a rune", func(d *Document) { d.Quotes[0].SpeakerSpan = &Span{curly, curly + 2} },
			[]string{"quote q1 speaker_span: span [91,93) not on rune boundaries"}},
		{"mention text mismatch", func(d *Document) { d.Entities[1].Mentions[0].Text = "Putin" },
			[]string{`entity e2 mention 0: text "Putin" differs from the span's bytes "Vladimir Putin"`}},
		{"cue text mismatch", func(d *Document) { d.Quotes[0].Cue.Text = "says" },
			[]string{`quote q1 cue: text "says"`}},
		{"event mention text mismatch", func(d *Document) { d.Events[0].Mentions[0].Text = "talk" },
			[]string{`event v1 mention 0: text "talk"`}},
		{"deadline trigger mismatch", func(d *Document) { d.Deadlines[0].Trigger.End++ },
			[]string{`deadline d1 trigger: text "until" differs`}},
		{"overlapping sentences", func(d *Document) { d.Sentences[1].Start = 10 },
			[]string{"sentence 1 overlaps or precedes sentence 0"}},
		{"invalid UTF-8 text", func(d *Document) { *d = Document{Text: "caf\xe9"} },
			[]string{"text is not valid UTF-8"}},

		{"duplicate entity id", func(d *Document) { d.Entities[1].ID = "e1" },
			[]string{"entity e1: duplicate id", `event v1 partner: unknown id "e2"`}},
		{"duplicate time id", func(d *Document) { d.Times[1].ID = "t1" },
			[]string{"time t1: duplicate id", `deadline d1 time: unknown id "t2"`}},
		{"duplicate ids in later layers", func(d *Document) {
			d.Quotes = append(d.Quotes, d.Quotes[0])
			d.Events = append(d.Events, d.Events[0])
			d.Deadlines = append(d.Deadlines, d.Deadlines[0])
		}, []string{"quote q1: duplicate id", "event v1: duplicate id", "deadline d1: duplicate id"}},
		{"empty id", func(d *Document) { d.Events[0].ID = "" },
			[]string{"event 0: empty id"}},

		{"dangling speaker and addressee", func(d *Document) { d.Quotes[0].Speaker, d.Quotes[0].Addressee = "e9", "e8" },
			[]string{`quote q1 speaker: unknown id "e9"`, `quote q1 addressee: unknown id "e8"`}},
		{"dangling event references", func(d *Document) {
			d.Events[0].Time, d.Events[0].Place = "t9", "e9"
			d.Events[0].Participants[1].Entity = "e7"
		}, []string{`event v1 time: unknown id "t9"`, `event v1 place: unknown id "e9"`, `event v1 partner: unknown id "e7"`}},
		{"dangling deadline references", func(d *Document) {
			d.Deadlines[0].Time, d.Deadlines[0].Setter, d.Deadlines[0].Target = "t9", "e9", "e8"
		}, []string{`deadline d1 time: unknown id "t9"`, `deadline d1 setter: unknown id "e9"`, `deadline d1 target: unknown id "e8"`}},
		{"reference to another layer's id", func(d *Document) { d.Quotes[0].Speaker = "t1" },
			[]string{`quote q1 speaker: unknown id "t1"`}},

		{"entity without type or mentions", func(d *Document) { d.Entities[4].Type, d.Entities[4].Mentions = "", nil },
			[]string{"entity e5: empty type", "entity e5: no mentions"}},
		{"time without value", func(d *Document) { d.Times[0].Value = "" },
			[]string{"time t1: empty type or value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fullDoc()
			tt.mutate(d)
			err := d.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want %d problems", len(tt.want))
			}
			var joined interface{ Unwrap() []error }
			if !errors.As(err, &joined) || len(joined.Unwrap()) != len(tt.want) {
				t.Errorf("Validate() = %v, want exactly %d problems", err, len(tt.want))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Validate() = %v, want it to contain %q", err, w)
				}
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	d := fullDoc()
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
