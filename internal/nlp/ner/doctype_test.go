package ner

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// spanNames builds tagger output for text from "TYPE phrase" pairs, each
// phrase taken at its first occurrence after the previous one.
func spanNames(t *testing.T, text string, tagged ...string) []Name {
	t.Helper()
	var out []Name
	from := 0
	for _, s := range tagged {
		typ, phrase, _ := strings.Cut(s, " ")
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			t.Fatalf("%q not in text after byte %d", phrase, from)
		}
		out = append(out, Name{Start: from + i, End: from + i + len(phrase), Type: typ})
		from += i + len(phrase)
	}
	return out
}

func showNames(text string, names []Name) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n.Type + " " + text[n.Start:n.End]
	}
	return out
}

// TestDocumentTypes checks the document-level type rules on tagger output
// written for the test, so that they do not depend on the trained model.
func TestDocumentTypes(t *testing.T) {
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
			name:   "company short name and its models",
			text:   "Harlow Motor Co. said on Monday that Harlow will stop making the Harlow Sprite. Harlow Canada is not affected. The Sprite sold poorly.",
			tagged: []string{"ORG Harlow Motor Co.", "PERSON Harlow", "PERSON Harlow Sprite", "GPE Harlow Canada", "PERSON Sprite"},
			want:   []string{"ORG Harlow Motor Co.", "ORG Harlow", "PRODUCT Harlow Sprite", "ORG Harlow Canada", "PRODUCT Sprite"},
		},
		{
			name:   "a common word used in lower case is no company head",
			text:   "General Dynamics Corp. named a new chief. The general manager resigned. General Smith agreed.",
			tagged: []string{"ORG General Dynamics Corp.", "PERSON General Smith"},
			want:   []string{"ORG General Dynamics Corp.", "PERSON General Smith"},
		},
		{
			name:   "surname typed as a product",
			text:   "Prime Minister Odile Varenne met union leaders. Varenne said talks would go on.",
			tagged: []string{"PERSON Odile Varenne", "PRODUCT Varenne"},
			want:   []string{"PERSON Odile Varenne", "PERSON Varenne"},
		},
		{
			name:   "a place named like a person stays a place",
			text:   "George Washington crossed the river. Washington later became the capital.",
			tagged: []string{"PERSON George Washington", "GPE Washington"},
			want:   []string{"PERSON George Washington", "GPE Washington"},
		},
		{
			name:   "a surname typed as a place the gazetteer does not know",
			text:   "Prime Minister Odile Varenne met union leaders. Signs of Varenne's impatience grew.",
			tagged: []string{"PERSON Odile Varenne", "GPE Varenne"},
			want:   []string{"PERSON Odile Varenne", "PERSON Varenne"},
		},
		{
			name:   "a town after 'in' that no one bears as a name",
			text:   "The line reached Corlett in 1883. A station opened in Corlett a year later.",
			tagged: []string{"PERSON Corlett", "PERSON Corlett"},
			want:   []string{"GPE Corlett", "GPE Corlett"},
		},
		{
			name:   "a surname after 'in' stays a person when the document names the person",
			text:   "Mayor Ada Corlett spoke in Corlett Hall. Corlett said in Corlett the mood was calm.",
			tagged: []string{"PERSON Ada Corlett", "PERSON Corlett"},
			want:   []string{"PERSON Ada Corlett", "PERSON Corlett"},
		},
		{
			name:   "a plural after 'the' is a team or a band",
			text:   "Kestrels beat Ashford 3-1. Fans of the Kestrels sang.",
			tagged: []string{"PRODUCT Kestrels", "GPE Ashford", "PERSON Kestrels"},
			want:   []string{"ORG Kestrels", "GPE Ashford", "ORG Kestrels"},
		},
		{
			name:   "a plural name of two words after 'the'",
			text:   "The Devil Rays lost. Fans of the Devil Rays left early. The new Harlow Taurus and the Harlow Taurus ads.",
			tagged: []string{"PERSON Devil Rays", "PERSON Devil Rays", "PRODUCT Harlow Taurus", "PRODUCT Harlow Taurus"},
			want:   []string{"ORG Devil Rays", "ORG Devil Rays", "PRODUCT Harlow Taurus", "PRODUCT Harlow Taurus"},
		},
		{
			name:   "a nationality after 'the' keeps its type",
			text:   "The Russians said the talks failed, the Russians added.",
			tagged: []string{"NORP Russians", "PERSON Russians"},
			want:   []string{"NORP Russians", "PERSON Russians"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			info := newDocInfo(tt.text, toks, sentence.Split(tt.text, toks, nil), tg.gaz)
			names := spanNames(t, tt.text, tt.tagged...)
			names = tg.surnames(tt.text, names)
			names = tg.placesNotPeople(tt.text, names, info)
			names = tg.pluralGroups(tt.text, names, info)
			names = tg.companyNames(tt.text, toks, names, info)
			if got := showNames(tt.text, names); !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTeamName(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string
		want   bool
	}{
		{"Pittsburgh Pirates", true},
		{"Boston Braves", true},
		{"Washington Heights", false}, // a neighbourhood
		{"Boston", false},
		{"Boston Globe", false},       // not plural
		{"Denver Express", false},     // -ss
		{"Harlow Pirates", false},     // not a known place
		{"Chicago Industries", false}, // an organisation word, typed by other rules
		{"France Strikes", false},     // a country is no team's city
		{"Los Angeles Lakers", true},  // multi-word city
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			toks := token.Tokenize(tt.phrase, nil)
			if got := tg.teamName(tt.phrase, toks); got != tt.want {
				t.Errorf("teamName(%q) = %v, want %v", tt.phrase, got, tt.want)
			}
		})
	}
}

// TestTagConcurrent checks that one Tagger serves goroutines at once (the
// pipeline shares a stage between workers) and that each gets the result
// it would get alone.
func TestTagConcurrent(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Harlow Motor Co. said on Monday that Harlow would cut 3,000 jobs in Ohio.",
		"French President Emmanuel Macron arrived in Berlin on Monday.",
		"The International Monetary Fund cut its forecast, and IMF officials warned of a recession.",
		"Pittsburgh Pirates fans gathered outside the stadium as the team lost again.",
	}
	want := make([][]string, len(texts))
	tag := func(text string) []string {
		toks := token.Tokenize(text, nil)
		return showNames(text, tg.Tag(text, toks, sentence.Split(text, toks, nil)))
	}
	for i, s := range texts {
		want[i] = tag(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := tag(texts[i]); !slices.Equal(got, want[i]) {
					errs <- texts[i]
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("concurrent tagging of %q differs from sequential", s)
	}
}

func TestPossessiveSplit(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		span string
		want string // the owner, or "" for no split
	}{
		{"Ford's North American", "Ford"},
		{"Ford 's North American", "Ford"}, // the tokeniser splits " 's"
		{"Harlow’s European", "Harlow"},
		{"People's Republic", ""},
		{"Women's World Cup", ""},
		{"Veterans's Day", ""},
		{"Lloyd's of London", ""}, // nothing capitalised after it
		{"North American", ""},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			toks := token.Tokenize(tt.span, nil)
			got := ""
			if k, _ := tg.possessiveSplit(tt.span, toks, 0, len(toks)); k > 0 {
				got = tt.span[:toks[k-1].End]
			}
			if got != tt.want {
				t.Errorf("owner = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestModelCode(t *testing.T) {
	for w, want := range map[string]bool{
		"787": true, "A380": true, "X5": true, "A320neo": false, "4": false, "54": false,
		"2020": false, "1990s": false, "3M": false, "iPhone": false, "747-400": true,
	} {
		if got := modelCode(w); got != want {
			t.Errorf("modelCode(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestUntaggedNames checks the names found where the tagger tags nothing
// (all labels O), which the rules alone decide.
func TestUntaggedNames(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"camel-case brand with its model words", "Sales of the iPod Classic fell.", []string{"PRODUCT iPod Classic"}},
		{"camel-case brand with a number", "The iPhone 4 sold out.", []string{"PRODUCT iPhone 4"}},
		{"camel-case brand alone", "Sales of the iPod fell.", []string{"PRODUCT iPod"}},
		{"company word is not a model", "Shares of eBay Inc fell.", []string{"PRODUCT eBay"}},
		{"known acronym", "UN officials arrived.", []string{"ORG UN"}},
		{"company cue", "The energy company Varda grew.", []string{"ORG Varda"}},
		{"two nationalities in one word", "An Italian-American firm and Franco-Spanish talks.", []string{"NORP Italian-American"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			labels := make([]int, len(toks))
			got := showNames(tt.text, tg.spans(tt.text, toks, labels, nil))
			if !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMergeProducts(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		tagged []string
		want   []string
	}{
		{"adjacent products", "Songs from the iTunes Music Store sold.", []string{"PRODUCT iTunes", "PRODUCT Music Store"}, []string{"PRODUCT iTunes Music Store"}},
		{"a comma between", "The iPod, Zune and others.", []string{"PRODUCT iPod", "PRODUCT Zune"}, []string{"PRODUCT iPod", "PRODUCT Zune"}},
		{"other types stay apart", "Apple iPod sales rose.", []string{"ORG Apple", "PRODUCT iPod"}, []string{"ORG Apple", "PRODUCT iPod"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := showNames(tt.text, mergeProducts(tt.text, spanNames(t, tt.text, tt.tagged...)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPlural(t *testing.T) {
	for w, want := range map[string]bool{
		"Bruins": true, "Rays": true, "Pirates": true, "Beatles": true,
		"Taurus": false, "Lexus": false, "Texas": false, "Congress": false, "Paris": false, "s": false,
	} {
		if got := plural(w); got != want {
			t.Errorf("plural(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestRefineTypes checks the head-word rules that retype one tagged span.
func TestRefineTypes(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		span, typ string
		want      []string
	}{
		{"Orlando Sentinel", "PERSON", []string{"ORG Orlando Sentinel"}},
		{"Dave Matthews Band", "PERSON", []string{"ORG Dave Matthews Band"}},
		{"Bridgton Junction", "PERSON", []string{"GPE Bridgton Junction"}},
		{"Hancock Brook", "PERSON", []string{"LOC Hancock Brook"}},
		{"Pittsburgh Pirates", "GPE", []string{"ORG Pittsburgh Pirates"}},
		{"Boeing 787 Dreamliners", "ORG", []string{"PRODUCT Boeing 787 Dreamliners"}},
		{"Ford 's Australian", "PERSON", []string{"PERSON Ford", "NORP Australian"}},
		{"Emily Post", "PERSON", []string{"PERSON Emily Post"}},
		{"Outland Trophy", "ORG", []string{"WORK_OF_ART Outland Trophy"}},
		{"City of Brampton", "ORG", []string{"GPE City of Brampton"}},
		{"Bank of Harlow", "ORG", []string{"ORG Bank of Harlow"}},
		{"Stanley Cup", "PERSON", []string{"EVENT Stanley Cup"}},
		{"East Java", "PERSON", []string{"GPE East Java"}},
		{"Mount Kenya", "PERSON", []string{"LOC Mount Kenya"}},
		{"Halden Shipping", "GPE", []string{"ORG Halden Shipping"}},
		{"Chrysler LLC Jim Press", "ORG", []string{"ORG Chrysler LLC", "PERSON Jim Press"}},
		{"United States Barack Obama", "PERSON", []string{"GPE United States", "PERSON Barack Obama"}},
		{"Chad Edward Gaudin", "PERSON", []string{"PERSON Chad Edward Gaudin"}},
		{"The Airbus A380", "PRODUCT", []string{"PRODUCT Airbus A380"}},
		{"The Beatles", "ORG", []string{"ORG The Beatles"}},
		{"Bank of England", "MISC", []string{"ORG Bank of England"}},
		{"Treasury Secretary", "PERSON", nil},
		{"Deputy Minister", "PERSON", nil},
		{"John Major", "PERSON", []string{"PERSON John Major"}},
		{"Mark Judge", "PERSON", []string{"PERSON Mark Judge"}},
		{"John Constable", "PERSON", []string{"PERSON John Constable"}},
		{"Petrovia CEO Ann Lee", "PERSON", []string{"ORG Petrovia", "PERSON Ann Lee"}},
		{"Morgan Tarrow CEO Ann Lee", "PERSON", []string{"ORG Morgan Tarrow", "PERSON Ann Lee"}},
		{"Economy Minister Katrin Reiche", "PERSON", []string{"PERSON Katrin Reiche"}},
		{"Housing Secretary Ann Lee", "PERSON", []string{"PERSON Ann Lee"}},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			toks := token.Tokenize(tt.span, nil)
			got := showNames(tt.span, tg.refine(tt.span, toks, 0, len(toks), tt.typ, nil))
			if !slices.Equal(got, tt.want) {
				t.Errorf("refine(%q, %s):\n got %q\nwant %q", tt.span, tt.typ, got, tt.want)
			}
		})
	}
}

// TestSplitAtLowerCase checks how a tagged span that runs across lower-case
// words is cut: at each word that is no particle, and each part after a
// cut starts at a capital.
func TestSplitAtLowerCase(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		a, b int // tokens labelled B-ORG, I-ORG...
		typ  int
		want []string
	}{
		{"verb between two names", "Marlow gave Halden Shipping a deadline", 0, 4, typeIndex("ORG"),
			[]string{"ORG Marlow", "ORG Halden Shipping"}},
		{"no part starts with a particle", "Halden Shipping board of directors met", 0, 5, typeIndex("ORG"),
			[]string{"ORG Halden Shipping"}},
		{"particles stay inside", "Bank of England officials met", 0, 3, typeIndex("ORG"),
			[]string{"ORG Bank of England"}},
		{"works keep their words", "Gone with the Wind aired", 0, 4, typeIndex("MISC"),
			[]string{"WORK_OF_ART Gone with the Wind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			labels := make([]int, len(toks))
			for k := tt.a; k < tt.b; k++ {
				labels[k] = labelI(tt.typ)
			}
			labels[tt.a] = labelB(tt.typ)
			if got := showNames(tt.text, tg.spans(tt.text, toks, labels, nil)); !slices.Equal(got, tt.want) {
				t.Errorf("spans:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCueTypes(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		tagged []string
		want   []string
	}{
		{
			name:   "a band named like a person",
			text:   "Gigi toured Java. The band Gigi released an album, and Gigi won a prize.",
			tagged: []string{"PERSON Gigi", "GPE Java", "ORG Gigi", "PERSON Gigi"},
			want:   []string{"ORG Gigi", "GPE Java", "ORG Gigi", "ORG Gigi"},
		},
		{
			name:   "a place after 'the port of'",
			text:   "Marlow gave Halden Shipping a deadline. The port of Marlow said so.",
			tagged: []string{"PERSON Marlow", "ORG Halden Shipping", "PERSON Marlow"},
			want:   []string{"GPE Marlow", "ORG Halden Shipping", "GPE Marlow"},
		},
		{
			name:   "no cue, no change",
			text:   "Gigi toured Java. Gigi won a prize.",
			tagged: []string{"PERSON Gigi", "GPE Java", "PERSON Gigi"},
			want:   []string{"PERSON Gigi", "GPE Java", "PERSON Gigi"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			names := cueTypes(tt.text, toks, spanNames(t, tt.text, tt.tagged...))
			if got := showNames(tt.text, names); !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
