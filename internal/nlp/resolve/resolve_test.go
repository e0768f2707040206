package resolve

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// mark builds a document whose ner entities are the bracketed names of s:
// "[PERSON Donald Trump] met [GPE US] officials" → text "Donald Trump met
// US officials" with two one-mention entities.
func mark(t *testing.T, s string) *doc.Document {
	t.Helper()
	var text strings.Builder
	var ents []doc.Entity
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			text.WriteString(s)
			break
		}
		text.WriteString(s[:i])
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			t.Fatalf("unclosed [ in %q", s)
		}
		typ, name, ok := strings.Cut(s[i+1:i+j], " ")
		if !ok {
			t.Fatalf("want [TYPE name] in %q", s)
		}
		start := text.Len()
		text.WriteString(name)
		ents = append(ents, doc.Entity{ID: "x", Type: typ, Name: name,
			Mentions: []doc.Mention{{Start: start, End: text.Len(), Text: name, Kind: "name"}}})
		s = s[i+j+1:]
	}
	d := &doc.Document{Text: text.String(), Entities: ents}
	d.Tokens = token.Tokenize(d.Text, nil)
	return d
}

func resolve(t *testing.T, s string) *doc.Document {
	t.Helper()
	d := mark(t, s)
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	return d
}

// groups renders the entities as "name: mention|mention" strings.
func groups(d *doc.Document) []string {
	var out []string
	for _, e := range d.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		out = append(out, e.Name+": "+strings.Join(ms, "|"))
	}
	return out
}

func TestClusters(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "an organisation by the last word of its name",
			in:   "[ORG Nordic Assembly] voted. [ORG Assembly] will meet again after [ORG Vale Group] spoke; [ORG Group] is no name.",
			want: []string{"Nordic Assembly: Nordic Assembly|Assembly", "Vale Group: Vale Group", "Group: Group"},
		},
		{
			name: "a legal form's last word links nothing",
			in:   "[ORG Hale Holdings Inc.] fell. [ORG Inc.] said so.",
			want: []string{"Hale Holdings Inc.: Hale Holdings Inc.", "Inc.: Inc."},
		},
		{
			name: "a company's short form that is no acronym",
			in:   "[ORG Volkswagen AG] cut jobs, and [ORG VW] said more would go.",
			want: []string{"Volkswagen AG: Volkswagen AG|VW"},
		},
		{
			name: "surname",
			in:   "[PERSON Angela Merkel] arrived. [PERSON Merkel] said [PERSON Merkel]’s plan stands.",
			want: []string{"Angela Merkel: Angela Merkel|Merkel|Merkel"},
		},
		{
			name: "first name in a quote",
			in:   "[PERSON Vladimir Putin] spoke. “I told [PERSON Vladimir] so,” he said.",
			want: []string{"Vladimir Putin: Vladimir Putin|Vladimir"},
		},
		{
			name: "a place is no surname",
			in:   "[PERSON Intercord Japan] signed the band. [GPE Japan] bought the records.",
			want: []string{"Intercord Japan: Intercord Japan", "Japan: Japan"},
		},
		{
			name: "surname before full name",
			in:   "[PERSON Rutte] spoke first; later [PERSON Mark Rutte] left.",
			want: []string{"Mark Rutte: Rutte|Mark Rutte"},
		},
		{
			name: "acronym after expansion",
			in:   "The [ORG International Monetary Fund] said the [ORG IMF] would act.",
			want: []string{"International Monetary Fund: International Monetary Fund|IMF"},
		},
		{
			name: "known acronym before expansion",
			in:   "[ORG NATO] allies met. The [ORG North Atlantic Treaty Organization] was founded in 1949.",
			want: []string{"North Atlantic Treaty Organization: NATO|North Atlantic Treaty Organization"},
		},
		{
			name: "state aliases",
			in:   "[GPE US] troops left; the [GPE United States] said [GPE U.S.] aid continues.",
			want: []string{"United States: US|United States|U.S."},
		},
		{
			name: "metonym stays apart",
			in:   "[GPE Washington] and [GPE Moscow] talked; the [GPE US] and [GPE Russia] agreed.",
			want: []string{"Washington: Washington", "Moscow: Moscow", "US: US", "Russia: Russia"},
		},
		{
			name: "different people with one surname",
			in:   "[PERSON Hillary Clinton] and [PERSON Bill Clinton] arrived.",
			want: []string{"Hillary Clinton: Hillary Clinton", "Bill Clinton: Bill Clinton"},
		},
		{
			name: "nationality is not the state",
			in:   "[NORP Russian] forces entered [GPE Russia].",
			want: []string{"Russian: Russian", "Russia: Russia"},
		},
		{
			name: "corporate suffix",
			in:   "[ORG Ford Motor Co.] said sales fell; the [ORG Ford Motor Company] also cut jobs.",
			want: []string{"Ford Motor Company: Ford Motor Co.|Ford Motor Company"},
		},
		{
			name: "product by model name",
			in:   "The [PRODUCT Airbus A380] landed. The [PRODUCT A380] carries 500 people.",
			want: []string{"Airbus A380: Airbus A380|A380"},
		},
		{
			name: "short company name",
			in:   "[ORG Boeing Co.] shares fell. [ORG Boeing] declined to comment.",
			want: []string{"Boeing Co.: Boeing Co.|Boeing"},
		},
		{
			name: "inner name of a long name",
			in:   "[PERSON Luiz Inacio Lula da Silva] spoke. [PERSON Lula] left; [PERSON Da Silva] returns.",
			want: []string{"Luiz Inacio Lula da Silva: Luiz Inacio Lula da Silva|Lula|Da Silva"},
		},
		{
			name: "particle surname capitalised at a sentence start",
			in:   "[ORG Hamas] sent [PERSON Khalil al-Hayya]. [PERSON Al-Hayya] spoke.",
			want: []string{"Hamas: Hamas", "Khalil al-Hayya: Khalil al-Hayya|Al-Hayya"},
		},
		{
			name: "acronym in parentheses whatever its letters",
			in:   "The [ORG Africa Centres for Disease Control and Prevention] ([ORG Africa CDC]) said.",
			want: []string{"Africa Centres for Disease Control and Prevention: Africa Centres for Disease Control and Prevention|Africa CDC"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := groups(resolve(t, tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("entities:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		person string
		want   []string
	}{
		{"premodifier with state", "[GPE US] President [PERSON Joe Biden] spoke.", "Joe Biden", []string{"US President"}},
		{"multiword title", "[GPE US] Secretary of State [PERSON Antony Blinken] flew in.", "Antony Blinken", []string{"US Secretary of State"}},
		{"organisation title", "[ORG NATO] Secretary-General [PERSON Jens Stoltenberg] said.", "Jens Stoltenberg", []string{"NATO Secretary-General"}},
		{"person's aide", "[PERSON Erdogan] aide [PERSON Ibrahim Kalin] said.", "Ibrahim Kalin", []string{"Erdogan aide"}},
		{"apposition before", "He sent his special envoy, [PERSON Amos Hochstein], to Beirut.", "Amos Hochstein", []string{"special envoy"}},
		{"apposition after", "[PERSON Ursula von der Leyen], the [ORG European Commission] president, said.", "Ursula von der Leyen", []string{"European Commission president"}},
		{"no title", "Reporters asked [PERSON Keir Starmer] about it.", "Keir Starmer", nil},
		{"capitalised noun in a title", "Commission President [PERSON Ursula von der Leyen] said.", "Ursula von der Leyen", []string{"Commission President"}},
		{"abbreviated title", "Gov. [PERSON Greg Abbott] said.", "Greg Abbott", []string{"Gov."}},
		{"sentence word is no title", "When President [PERSON Joe Biden] spoke, it rained.", "Joe Biden", []string{"President"}},
		{"apposition after a possessive", "The company's chief executive, [PERSON Oliver Blume], said.", "Oliver Blume", []string{"chief executive"}},
		{"honorific is no title", "Mr. [PERSON Smith] declined.", "Smith", nil},
		{"apposition with a complement", "[PERSON Ines Vidal], head of [ORG Telmar]'s cloud unit, said.", "Ines Vidal", []string{"head of Telmar's cloud unit"}},
		{"determiner, organisation and complement", "[PERSON Lars Moen], the [ORG EU] commissioner for fisheries, said.", "Lars Moen", []string{"EU commissioner for fisheries"}},
		{"a clause is no complement", "[PERSON Jo Hale], a spokeswoman for the ministry who declined to comment, left.", "Jo Hale", nil},
		{"a complement must close", "[PERSON Ann Lee], director of the museum and its shop, spoke.", "Ann Lee", nil},
		{"police rank", "Detective Inspector [PERSON Sarah Cole] said.", "Sarah Cole", []string{"Detective Inspector"}},
		{"owner in an apposition before", "The shop's owner, [PERSON Paul Grant], said.", "Paul Grant", []string{"owner"}},
		{"noun bound to a title in an apposition after", "[PERSON Ana Brnabic], the parliament speaker, left.", "Ana Brnabic", []string{"parliament speaker"}},
		{"a verb before a title is no part of it", "[PERSON Ana Brnabic], the one who was speaker, left.", "Ana Brnabic", nil},
		{"possessive in an apposition after", "[PERSON Tor Lindqvist], the union's chief negotiator, said no.", "Tor Lindqvist", []string{"chief negotiator"}},
		{"a possessive owner that is a name stays in the title", "[PERSON Ana Ruiz], [ORG NATO]'s spokeswoman, said.", "Ana Ruiz", []string{"NATO's spokeswoman"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.in)
			for _, e := range d.Entities {
				if e.Name == tt.person {
					if !slices.Equal(e.Titles, tt.want) {
						t.Errorf("titles = %q, want %q", e.Titles, tt.want)
					}
					return
				}
			}
			t.Fatalf("no entity named %q in %q", tt.person, groups(d))
		})
	}
}

func TestNominals(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		person string // the entity the description should join; "" for none
		desc   string
	}{
		{
			name:   "nationality and leader",
			in:     "[NORP Russian] President [PERSON Vladimir Putin] spoke. Talks with the [NORP Russian] leader ended.",
			person: "Vladimir Putin", desc: "the Russian leader",
		},
		{
			name:   "state and title",
			in:     "[GPE France] President [PERSON Emmanuel Macron] and [GPE Germany]’s chancellor met. Later the [GPE France] president left.",
			person: "Emmanuel Macron", desc: "the France president",
		},
		{
			name:   "bare title",
			in:     "Secretary-General [PERSON António Guterres] warned. The secretary-general said more.",
			person: "António Guterres", desc: "The secretary-general",
		},
		{
			name:   "title before a name is not a description",
			in:     "[GPE US] President [PERSON Joe Biden] met the [GPE US] President [PERSON Joe Biden].",
			person: "", desc: "the US President",
		},
		{
			name:   "the company",
			in:     "Shares of [ORG Equinor] rose after [PERSON Anders Opedal] said the company would raise output.",
			person: "Equinor", desc: "the company",
		},
		{
			name:   "the company with nothing named before",
			in:     "Analysts said the company would raise output.",
			person: "", desc: "the company",
		},
		{
			name:   "no matching title",
			in:     "[NORP Russian] President [PERSON Vladimir Putin] spoke. The [NORP French] leader did not.",
			person: "", desc: "The French leader",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := resolve(t, tt.in)
			var holder string
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Text == tt.desc {
						if m.Kind != "nominal" {
							t.Errorf("%q has kind %q, want nominal", m.Text, m.Kind)
						}
						holder = e.Name
					}
				}
			}
			if holder != tt.person {
				t.Errorf("%q joined %q, want %q", tt.desc, holder, tt.person)
			}
		})
	}
}

func TestIsAcronymOf(t *testing.T) {
	tests := []struct {
		acr  string
		name []string
		want bool
	}{
		{"NATO", []string{"North", "Atlantic", "Treaty", "Organization"}, true},
		{"GM", []string{"General", "Motors"}, true},
		{"ECB", []string{"European", "Central", "Bank"}, true},
		{"U.S.", []string{"United", "States"}, true},
		{"DoD", []string{"Department", "of", "Defense"}, false},
		{"UN", []string{"United"}, false},
		{"EU", []string{"European", "Commission"}, false},
	}
	for _, tt := range tests {
		if got := isAcronymOf(tt.acr, tt.name); got != tt.want {
			t.Errorf("isAcronymOf(%q, %q) = %v, want %v", tt.acr, tt.name, got, tt.want)
		}
	}
}

func TestIDsInOrder(t *testing.T) {
	d := resolve(t, "[GPE Kyiv] and [ORG NATO] and [PERSON Olena Zelenska] and [GPE Kyiv]")
	for i, e := range d.Entities {
		if want := "e" + string(rune('1'+i)); e.ID != want {
			t.Errorf("entity %d has id %s, want %s", i, e.ID, want)
		}
	}
}

func TestPronouns(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]string // pronoun occurrence (text@index among equal words) → entity name; "" for none
	}{
		{
			name: "subject of the sentence",
			in:   "[PERSON Marco Rubio] said he had spoken to [PERSON Steve Witkoff] after the talks.",
			want: map[string]string{"he": "Marco Rubio"},
		},
		{
			name: "previous sentence",
			in:   "[PERSON John Smith] resigned on Monday. His deputy will take over.",
			want: map[string]string{"His": "John Smith"},
		},
		{
			name: "she needs a woman's name",
			in:   "[PERSON Robert Brown] met reporters. She declined to comment.",
			want: map[string]string{"She": ""},
		},
		{
			name: "she finds a woman",
			in:   "[PERSON Mary Jones] met [PERSON Robert Brown]. She declined to comment.",
			want: map[string]string{"She": "Mary Jones"},
		},
		{
			name: "not inside quotes",
			in:   "[PERSON Robert Brown] said: “He is wrong.”",
			want: map[string]string{"He": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mark(t, tt.in)
			d.Sentences = sentence.Split(d.Text, d.Tokens, nil)
			if err := (Stage{}).Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Kind == "pronoun" {
						got[m.Text] = e.Name
					}
				}
			}
			for p, want := range tt.want {
				if got[p] != want {
					t.Errorf("%q resolved to %q, want %q", p, got[p], want)
				}
			}
		})
	}
}
