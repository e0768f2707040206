package ner_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

func pipeline(t testing.TB) nlp.Pipeline {
	t.Helper()
	st, err := ner.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	return nlp.Pipeline{
		{Name: "token", Stage: token.Stage{}},
		{Name: "sentence", Stage: sentence.Stage{}},
		{Name: "ner", Stage: st},
		{Name: "resolve", Stage: resolve.Stage{}},
	}
}

func analyse(t testing.TB, p nlp.Pipeline, text string) *doc.Document {
	t.Helper()
	d := &doc.Document{Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("invalid document: %v", err)
	}
	return d
}

// names lists "TYPE text" for every name mention of d, in text order.
func names(d *doc.Document) []string {
	type m struct {
		start int
		s     string
	}
	var ms []m
	for _, e := range d.Entities {
		for _, x := range e.Mentions {
			if x.Kind == "" || x.Kind == "name" {
				ms = append(ms, m{x.Start, e.Type + " " + x.Text})
			}
		}
	}
	slices.SortStableFunc(ms, func(a, b m) int { return a.start - b.start })
	out := make([]string, len(ms))
	for i, x := range ms {
		out[i] = x.s
	}
	return out
}

// TestNames checks types and exact spans on news sentences written for this
// test: titles stay out of names, possessives stay out, nationalities are
// NORP, names fused into hyphenated words are found.
func TestNames(t *testing.T) {
	p := pipeline(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "title before person",
			text: "French President Emmanuel Macron arrived in Berlin on Monday.",
			want: []string{"NORP French", "PERSON Emmanuel Macron", "GPE Berlin"},
		},
		{
			name: "possessive",
			text: "Macron’s visit to Berlin was his first since the election.",
			want: []string{"PERSON Macron", "GPE Berlin"},
		},
		{
			name: "organisation acronym",
			text: "The International Monetary Fund cut its forecast, and IMF officials warned of a recession.",
			want: []string{"ORG International Monetary Fund", "ORG IMF"},
		},
		{
			name: "hyphenated state",
			text: "Talks on a US-brokered truce resumed in Cairo.",
			want: []string{"GPE US", "GPE Cairo"},
		},
		{
			name: "nationality adjective",
			text: "Italian officials met their Spanish counterparts in Madrid.",
			want: []string{"NORP Italian", "NORP Spanish", "GPE Madrid"},
		},
		{
			name: "organisation word before a title",
			text: "Shares rose after General Motors chief Mary Barra spoke.",
			want: []string{"ORG General Motors", "PERSON Mary Barra"},
		},
		{
			name: "company cue",
			text: "Norwegian energy company Equinor raised gas exports.",
			want: []string{"NORP Norwegian", "ORG Equinor"},
		},
		{
			name: "title modifier stays out of the organisation",
			text: "IMF Managing Director Kristalina Georgieva warned of a slowdown.",
			want: []string{"ORG IMF", "PERSON Kristalina Georgieva"},
		},
		{
			name: "name particles",
			text: "Commission President Ursula von der Leyen arrived in Kyiv.",
			want: []string{"PERSON Ursula von der Leyen", "GPE Kyiv"},
		},
		{
			name: "dateline in capitals",
			text: "MADRID (Reuters) - Spain's economy grew faster than expected.",
			want: []string{"GPE MADRID", "ORG Reuters", "GPE Spain"},
		},
		{
			name: "a role is no person",
			text: "Treasury Secretary Scott Bessent spoke to reporters.",
			want: []string{"PERSON Scott Bessent"},
		},
		{
			name: "known multi-word organisation",
			text: "The Centers for Disease Control and Prevention issued new guidance.",
			want: []string{"ORG Centers for Disease Control and Prevention"},
		},
		{
			name: "nationality word inside a place name",
			text: "Boats crossed the English Channel overnight.",
			want: []string{"LOC English Channel"},
		},
		{
			name: "facility by its head word",
			text: "The plane landed at Changi International Airport in Singapore.",
			want: []string{"FAC Changi International Airport", "GPE Singapore"},
		},
		{
			name: "facility",
			text: "The president spoke to reporters in the Oval Office on Friday.",
			want: []string{"FAC Oval Office"},
		},
		{
			name: "camel-case product and a tagged model number",
			text: "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case.",
			want: []string{"ORG Apple Inc.", "PRODUCT iPhone 4"},
		},
		{
			name: "headline of common words is no name",
			text: "Storm Hits Coast as Ferry Firm Warns of Delays\n\nA ferry operator said on Monday that its crossings would be late.",
			want: []string{},
		},
		{
			name: "headline name trimmed to what the story repeats",
			text: "Port Chief Hands Halden Shipping a Deadline\n\nThe port authority gave Halden Shipping until Friday to restore the crossing.",
			want: []string{"ORG Halden Shipping", "ORG Halden Shipping"},
		},
		{
			name: "organisation named X of Y and Z",
			text: "She joined the Department of Physics and Astronomy in 2010.",
			want: []string{"ORG Department of Physics and Astronomy"},
		},
		{
			name: "nationality word opens an organisation",
			text: "The American Physical Society gave him an award.",
			want: []string{"ORG American Physical Society"},
		},
		{
			name: "nationality word opens an event or a law",
			text: "He won the British Open and the European Poker Championships under the Russian Constitution.",
			want: []string{"EVENT British Open", "EVENT European Poker Championships", "LAW Russian Constitution"},
		},
		{
			name: "person after a company's legal form",
			text: "Chrysler LLC Jim Press said sales fell.",
			want: []string{"ORG Chrysler LLC", "PERSON Jim Press"},
		},
		{
			name: "model code alone and in the plural",
			text: "The Airbus A380 made its first flight on Friday. Two A380s were delayed, and 380 jobs were cut.",
			want: []string{"PRODUCT Airbus A380", "PRODUCT A380s"},
		},
		{
			name: "particles after a given name",
			text: "Commission President Ursula von der Leyen told reporters. Von der Leyen left.",
			want: []string{"PERSON Ursula von der Leyen", "PERSON Von der Leyen"},
		},
		{
			name: "acronym in parentheses types its name",
			text: "The Centers for Disease Control and Prevention (CDC) said the CDC would act.",
			want: []string{"ORG Centers for Disease Control and Prevention", "ORG CDC", "ORG CDC"},
		},
		{
			name: "law introduced with its acronym",
			text: "Brussels opened an inquiry under the Digital Markets Act (DMA) on Monday.",
			want: []string{"GPE Brussels", "LAW Digital Markets Act", "LAW DMA"},
		},
		{
			name: "dateline in capitals",
			text: "SAN FRANCISCO — Apple said on Tuesday it would hire.",
			want: []string{"GPE SAN FRANCISCO", "ORG Apple"},
		},
		{
			name: "legal form after a company",
			text: "Shares of Siemens AG fell, and Bavarian Nordic A/S rose.",
			want: []string{"ORG Siemens AG", "ORG Bavarian Nordic A/S"},
		},
		{
			name: "company before a corporate title",
			text: "Petrobras CEO Magda Chambriard joined the lunch.",
			want: []string{"ORG Petrobras", "PERSON Magda Chambriard"},
		},
		{
			name: "abbreviated title",
			text: "Gov. Greg Abbott of Texas called it activism.",
			want: []string{"PERSON Greg Abbott", "GPE Texas"},
		},
		{
			name: "club word and a city",
			text: "Real Madrid beat Manchester City on Wednesday.",
			want: []string{"ORG Real Madrid", "ORG Manchester City"},
		},
		{
			name: "law with a year",
			text: "President William Ruto signed the Finance Act 2025 into law.",
			want: []string{"PERSON William Ruto", "LAW Finance Act 2025"},
		},
		{
			name: "treaty is a law",
			text: "The High Seas Treaty will enter into force in January.",
			want: []string{"LAW High Seas Treaty"},
		},
		{
			name: "particle surname makes a person",
			text: "Kamui Kobayashi, Mike Conway and Nyck de Vries shared the car. De Vries called it the best day.",
			want: []string{"PERSON Kamui Kobayashi", "PERSON Mike Conway", "PERSON Nyck de Vries", "PERSON De Vries"},
		},
		{
			name: "listed company spaced as in the corpora",
			text: "Shoppers crowded Wal - Mart stores on Friday, and Wal - Mart said sales rose.",
			want: []string{"ORG Wal - Mart", "ORG Wal - Mart"},
		},
		{
			name: "listed company named after a person stays the person",
			text: "John Deere said he would retire.",
			want: []string{"PERSON John Deere"},
		},
		{
			name: "an organisation word opens a name the tagger left untyped",
			text: "At noon, the Bank of Canada, the Bank of England and the European Central Bank (ECB) acted.",
			want: []string{"ORG Bank of Canada", "ORG Bank of England", "ORG European Central Bank", "ORG ECB"},
		},
		{
			name: "a state before a given name is its own name",
			text: "He met the President of the United States Barack Obama on Monday.",
			want: []string{"GPE United States", "PERSON Barack Obama"},
		},
		{
			name: "a state the tagger left out",
			text: "Markets fell on Friday. Japan also saw the collapse of a mid-size insurer.",
			want: []string{"GPE Japan"},
		},
		{
			name: "a name coordinated with a tagged one",
			text: "The contract was fought for between Boeing and Lockheed Martin last year.",
			want: []string{"ORG Boeing", "ORG Lockheed Martin"},
		},
		{
			name: "headline names split at a verb and typed by the story",
			text: "Marlow gave Halden Shipping a deadline\n\nOSLO (Reuters) - The port of Marlow gave Halden Shipping until Friday to pay, officials said.",
			want: []string{"GPE Marlow", "ORG Halden Shipping", "GPE OSLO", "ORG Reuters", "GPE Marlow", "ORG Halden Shipping"},
		},
		{
			name: "no name across a verb",
			text: "Officials said Monday that Rotterdam gave Halden Shipping a deadline.",
			want: []string{"GPE Rotterdam", "ORG Halden Shipping"},
		},
		{
			name: "a surname alone, before a verb of saying and at a sentence start",
			text: "Marek extended his offer to the unions on Friday. “We have been patient,” Marek said.",
			want: []string{"PERSON Marek", "PERSON Marek"},
		},
		{
			name: "a speaker and a broadcaster's acronym",
			text: "Kovacs told HRT television that the council had erred.",
			want: []string{"PERSON Kovacs", "ORG HRT"},
		},
		{
			name: "titles without first names",
			text: "President Okonjo-Mensah met Mr. Haddad in Doha on Sunday.",
			want: []string{"PERSON Okonjo-Mensah", "PERSON Haddad", "GPE Doha"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(analyse(t, p, tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// entity returns the entity with a mention on text, or nil.
func entity(d *doc.Document, text string) *doc.Entity {
	for i, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Text == text {
				return &d.Entities[i]
			}
		}
	}
	return nil
}

// TestResolution checks that mentions of one referent end up in one entity
// with its fullest name and titles, on an article written for this test.
func TestResolution(t *testing.T) {
	p := pipeline(t)
	text := "German Chancellor Olaf Scholz met Ukrainian President Volodymyr Zelensky in Berlin on Tuesday. " +
		"Scholz promised more air defence systems. Zelensky thanked the German leader for his support.\n\n" +
		"The North Atlantic Treaty Organization will discuss the request next week, a NATO spokesman said. " +
		"“Volodymyr knows we stand with him,” Scholz told reporters.\n\n" +
		"European Commission President Ursula von der Leyen backed the plan. Von der Leyen said more aid would follow."
	d := analyse(t, p, text)
	tests := []struct {
		name     string
		mentions []string
		fullName string
		title    string
	}{
		{"Scholz", []string{"Olaf Scholz", "Scholz", "the German leader"}, "Olaf Scholz", "German Chancellor"},
		{"Zelensky", []string{"Volodymyr Zelensky", "Zelensky", "Volodymyr"}, "Volodymyr Zelensky", "Ukrainian President"},
		{"NATO", []string{"North Atlantic Treaty Organization", "NATO"}, "North Atlantic Treaty Organization", ""},
		{"von der Leyen", []string{"Ursula von der Leyen", "Von der Leyen"}, "Ursula von der Leyen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := entity(d, tt.mentions[0])
			if e == nil {
				t.Fatalf("no entity with mention %q", tt.mentions[0])
			}
			for _, m := range tt.mentions[1:] {
				if o := entity(d, m); o == nil || o.ID != e.ID {
					t.Errorf("mention %q not in entity %s (%s)", m, e.ID, e.Name)
				}
			}
			if e.Name != tt.fullName {
				t.Errorf("name = %q, want %q", e.Name, tt.fullName)
			}
			if tt.title != "" && !slices.ContainsFunc(e.Titles, func(s string) bool { return strings.EqualFold(s, tt.title) }) {
				t.Errorf("titles = %q, want %q among them", e.Titles, tt.title)
			}
		})
	}
	if e := entity(d, "the German leader"); e != nil {
		for _, m := range e.Mentions {
			if m.Text == "the German leader" && m.Kind != "nominal" {
				t.Errorf("the German leader has kind %q, want nominal", m.Kind)
			}
		}
	}
}

// FuzzNER runs tagging and resolution on arbitrary text: no panic, and
// every span inside the text on rune boundaries with matching text.
func FuzzNER(f *testing.F) {
	for _, s := range []string{
		"US President Donald Trump met Russian President Vladimir Putin in Moscow.",
		"“My Special Envoy, Steve Witkoff,” he said. NATO Secretary-General Mark Rutte",
		"the Russian leader", "US-led", "É\xff\xfe Ba’s", "", "   \n\n", strings.Repeat("Aa ", 500),
		"Putin aide Yuri Ushakov, Kremlin’s spokesman, said the the the President",
		"Storm Hits Coast as Halden Shipping Warns\n\nHalden Shipping said Marlow gave in.",
		"The Department of Physics and Astronomy and the American Physical Society of Sciences",
		"Chrysler LLC Jim Press said two A380s and the Airbus A380 flew; Wal - Mart A380",
		"Russia and Ukraine Agree\n\nBoeing and Lockheed Martin or Train No. 5; Japan. East Java, United States Barack Obama",
		"GENEVA — The Africa Centres for Disease Control and Prevention (Africa CDC) and (CDC) ( ) (X",
		"Ursula von der Leyen. Von der Leyen, Khalil al-Hayya; Al-Hayya al- Lula da",
		"Gov. Greg Abbott, Petrobras CEO Magda Chambriard, RBI Governor Sanjay Malhotra and Real Madrid",
		"Siemens AG and Bavarian Nordic A/S. Finance Act 2025; ASML Holding N.V. … ASML's Circle's",
		"Karl Brenner GmbH … Karl Brenner; Harrison & Sons & Co. &", "the UN Ocean Conference, FIA World Endurance Championship",
		"Samsung unveils Galaxy S26\n\nthe S26, Audi A3, BMW X5 S26", "Atalanta coach Ivo Juric. Atalanta fans coach",
		"No. 1 No. No. 2b in December", "Court of Justice of the European Union of the of the", "Leeds Magistrates' Court Research",
		"Apple TV … Apple; 787 Dreamliner … Dreamliner", "Sao Paulo, Malmo", "TM Roh, head of Samsung's mobile business, at",
		"Northrop Grumman CEO Ron Sugar said Northrop", "Bucknell University in Lewisburg at", "retailer Best Buy Co",
		"Lockheed Martin … Lockheed", "Frontex, the EU border agency,", "Greenpeace campaigner Laura Meller said",
		"Bayer Leverkusen … Leverkusen, Inter Milan … Inter", "Google's Pixel 10's", "John Major, the Count, LLC",
		"Italian-American South Asia Intercord Japan", "787 Dreamliner 787s", "Serie A. A. Robert C. Byrd A.",
		"the Spanish Empire and the Arabian Sea", "South Korean company", " A.",
		"Vucic extended his deadline. “I am patient,” Vucic said.", "“No,” said Haddad", "Djilas told RTS television",
		"President Okonjo-Mensah, Mr. Haddad", "Then Lindqvist also said", "Kovacs called it “a", "TASS news agency",
		"told Público newspaper", "\u201d said", "Brnabic, the parliament speaker, the union's chief negotiator,",
	} {
		f.Add(s)
	}
	p := pipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := &doc.Document{Text: text}
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(text) {
			// Validate rejects invalid UTF-8 text itself; check the spans.
			d.Text = strings.ToValidUTF8(text, "\uFFFD")
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
						t.Fatalf("bad mention %+v", m)
					}
				}
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%v\nentities: %s", err, fmt.Sprint(d.Entities))
		}
	})
}
