package ner

import (
	"slices"
	"testing"

	"dateline/internal/nlp/token"
)

// TestRetypeRules checks the rules of retype.go on tagger output written
// for the test, so that they do not depend on the trained model.
func TestRetypeRules(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type rule func(text string, names []Name) []Name
	stems := func(text string, names []Name) []Name { return companyStems(text, token.Tokenize(text, nil), names) }
	events := func(text string, names []Name) []Name { return eventNames(text, token.Tokenize(text, nil), names) }
	models := func(text string, names []Name) []Name {
		return tg.modelProducts(text, token.Tokenize(text, nil), names)
	}
	clubs := func(text string, names []Name) []Name { return tg.clubCues(text, token.Tokenize(text, nil), names) }
	calendar := func(text string, names []Name) []Name { return tg.dropNonNames(text, names) }
	products := func(text string, names []Name) []Name {
		return tg.productModels(text, token.Tokenize(text, nil), names)
	}
	people := func(text string, names []Name) []Name {
		return tg.untaggedPeople(text, token.Tokenize(text, nil), names)
	}
	appositions := func(text string, names []Name) []Name {
		return tg.orgAppositions(text, token.Tokenize(text, nil), names)
	}
	clubForms := func(text string, names []Name) []Name {
		return tg.clubShortForms(text, token.Tokenize(text, nil), names)
	}
	possessives := func(text string, names []Name) []Name {
		return tg.possessiveProducts(text, token.Tokenize(text, nil), names)
	}
	regions := func(text string, names []Name) []Name { return tg.regionNames(text, token.Tokenize(text, nil), names) }
	branches := func(text string, names []Name) []Name { return tg.branchNames(text, token.Tokenize(text, nil), names) }
	splits := func(text string, names []Name) []Name { return tg.splitAtIn(text, token.Tokenize(text, nil), names) }
	roles := func(text string, names []Name) []Name {
		return tg.orgBeforeRole(text, token.Tokenize(text, nil), names)
	}
	firstWords := func(text string, names []Name) []Name {
		return tg.firmFirstWords(text, token.Tokenize(text, nil), names)
	}
	cued := func(text string, names []Name) []Name { return tg.cuedRuns(text, token.Tokenize(text, nil), names) }
	codes := func(text string, names []Name) []Name { return modelCodes(text, token.Tokenize(text, nil), names) }
	corporate := func(text string, names []Name) []Name {
		return tg.corporateCues(text, token.Tokenize(text, nil), names)
	}
	tails := func(text string, names []Name) []Name { return tg.orgTailNames(text, token.Tokenize(text, nil), names) }
	ofs := func(text string, names []Name) []Name { return tg.ofNames(text, token.Tokenize(text, nil), names) }
	tests := []struct {
		name   string
		rule   rule
		text   string
		tagged []string
		want   []string
	}{
		{
			name:   "a strict legal form makes a person a company, and its stem too",
			rule:   stems,
			text:   "Karl Brenner GmbH makes valves. Karl Brenner opened a plant in Linz.",
			tagged: []string{"PERSON Karl Brenner GmbH", "PERSON Karl Brenner", "GPE Linz"},
			want:   []string{"ORG Karl Brenner GmbH", "ORG Karl Brenner", "GPE Linz"},
		},
		{
			name:   "a form that is also an abbreviation leaves a person alone",
			rule:   stems,
			text:   "Sara Lind AB said nothing.",
			tagged: []string{"PERSON Sara Lind AB"},
			want:   []string{"PERSON Sara Lind AB"},
		},
		{
			name:   "the comma before Inc. is not part of the stem",
			rule:   stems,
			text:   "Orbit Foods, Inc. fell. Orbit Foods said sales slowed.",
			tagged: []string{"ORG Orbit Foods, Inc.", "PERSON Orbit Foods"},
			want:   []string{"ORG Orbit Foods, Inc.", "ORG Orbit Foods"},
		},
		{
			name:   "a partner word after an ampersand",
			rule:   stems,
			text:   "Staff at Pickering & Sons and at Hale & Co. were unhurt.",
			tagged: []string{"PERSON Pickering", "GPE Hale"},
			want:   []string{"ORG Pickering & Sons", "ORG Hale & Co."},
		},
		{
			name:   "an ampersand between two firms joins nothing",
			rule:   stems,
			text:   "Pickering & Vale Group fell.",
			tagged: []string{"PERSON Pickering", "ORG Vale Group"},
			want:   []string{"PERSON Pickering", "ORG Vale Group"},
		},
		{
			name:   "an event head retypes an organisation or a place",
			rule:   events,
			text:   "At the Lakeside Jazz Festival and the Harbour Tech Summit, Nordbank Group spoke.",
			tagged: []string{"GPE Lakeside Jazz Festival", "ORG Harbour Tech Summit", "ORG Nordbank Group"},
			want:   []string{"EVENT Lakeside Jazz Festival", "EVENT Harbour Tech Summit", "ORG Nordbank Group"},
		},
		{
			name:   "an organiser opens the event after it",
			rule:   events,
			text:   "The WMO Climate Conference opened as the Paris Olympics closed.",
			tagged: []string{"ORG WMO", "EVENT Climate Conference", "GPE Paris", "EVENT Olympics"},
			want:   []string{"EVENT WMO Climate Conference", "GPE Paris", "EVENT Olympics"},
		},
		{
			name:   "a person named like an event stays",
			rule:   events,
			text:   "Ann Summit spoke.",
			tagged: []string{"PERSON Ann Summit"},
			want:   []string{"PERSON Ann Summit"},
		},
		{
			name:   "a brand and a model code",
			rule:   models,
			text:   "Police said the pair fled in a silver Skoda O5 and a Lexor X7 van.",
			tagged: []string{"ORG Skoda"},
			want:   []string{"PRODUCT Skoda O5", "PRODUCT Lexor X7"},
		},
		{
			name:   "codes after places, roads and gates are no products",
			rule:   models,
			text:   "Traffic on Route A1 and at Gate B12 stalled before the UK G7 meeting, Smith said in Leeds M62.",
			tagged: []string{"GPE UK", "PERSON Smith", "GPE Leeds"},
			want:   []string{"GPE UK", "PERSON Smith", "GPE Leeds"},
		},
		{
			name:   "a sentence start and a code is no product",
			rule:   models,
			text:   "Police A12 was closed.",
			tagged: nil,
			want:   []string{},
		},
		{
			name:   "a sports role makes a club, at every mention",
			rule:   clubs,
			text:   "Verona drew with Sestrino. Sestrino coach Ivo Brandt was angry, and Verona fans booed.",
			tagged: []string{"GPE Verona", "PERSON Sestrino", "PERSON Sestrino", "PERSON Ivo Brandt", "GPE Verona"},
			want:   []string{"GPE Verona", "ORG Sestrino", "ORG Sestrino", "PERSON Ivo Brandt", "GPE Verona"},
		},
		{
			name:   "an untagged word before a role",
			rule:   clubs,
			text:   "Lazzaro coach Nico Ferri resigned after Lazzaro lost.",
			tagged: []string{"PERSON Nico Ferri", "PERSON Lazzaro"},
			want:   []string{"ORG Lazzaro", "PERSON Nico Ferri", "ORG Lazzaro"},
		},
		{
			name:   "a country's coach is the national side",
			rule:   clubs,
			text:   "England coach Tom Reid named his squad. Former coach Ann Hale agreed.",
			tagged: []string{"GPE England", "PERSON Tom Reid", "PERSON Ann Hale"},
			want:   []string{"GPE England", "PERSON Tom Reid", "PERSON Ann Hale"},
		},
		{
			name:   "organisation words after a firm",
			rule:   tails,
			text:   "Analysts at Brightline Research and Ember Labs agreed, Tarn Valley Magistrates' Court heard.",
			tagged: []string{"ORG Brightline", "ORG Ember", "ORG Tarn Valley Magistrates", "ORG Court"},
			want:   []string{"ORG Brightline Research", "ORG Ember Labs", "ORG Tarn Valley Magistrates' Court"},
		},
		{
			name:   "other words and other names after a firm stay apart",
			rule:   tails,
			text:   "Ember Pay and Ember Research Fund rose; Ember Court won.",
			tagged: []string{"ORG Ember Pay", "ORG Ember Research Fund", "ORG Ember", "PERSON Court"},
			want:   []string{"ORG Ember Pay", "ORG Ember Research Fund", "ORG Ember", "PERSON Court"},
		},
		{
			name:   "a court of a union, a ministry of a state",
			rule:   ofs,
			text:   "The Court of Justice of the European Union and the Ministry of Defence of Norland ruled.",
			tagged: []string{"ORG European Union", "ORG Ministry of Defence", "GPE Norland"},
			want:   []string{"ORG Court of Justice of the European Union", "ORG Ministry of Defence of Norland"},
		},
		{
			name:   "a party or a firm of a place stays apart, and 'for' joins nothing",
			rule:   ofs,
			text:   "The Liberal Party of Norland and the Court of Appeals for the Ninth Circuit ruled.",
			tagged: []string{"ORG Liberal Party", "GPE Norland", "ORG Court of Appeals", "ORG Ninth Circuit"},
			want:   []string{"ORG Liberal Party", "GPE Norland", "ORG Court of Appeals", "ORG Ninth Circuit"},
		},
		{
			name:   "titles, purposes and people are no bodies",
			rule:   ofs,
			text:   "The President of the United States met the Halden Fund for Norland and Ann Court of Norland.",
			tagged: []string{"GPE United States", "ORG Halden Fund", "GPE Norland", "PERSON Ann Court", "GPE Norland"},
			want:   []string{"GPE United States", "ORG Halden Fund", "GPE Norland", "PERSON Ann Court", "GPE Norland"},
		},
		{
			name:   "capitalised words before the head open the body",
			rule:   ofs,
			text:   "The Supreme Court of Norland ruled.",
			tagged: []string{"GPE Norland"},
			want:   []string{"ORG Supreme Court of Norland"},
		},
		{
			name:   "a model name alone is the product",
			rule:   products,
			text:   "Airbus flew the A350 Skyrider. Skyrider orders rose, Skyrider said.",
			tagged: []string{"ORG Airbus", "PRODUCT A350 Skyrider", "PERSON Skyrider", "ORG Skyrider"},
			want:   []string{"ORG Airbus", "PRODUCT A350 Skyrider", "PRODUCT Skyrider", "PRODUCT Skyrider"},
		},
		{
			name:   "a firm's name and a model word",
			rule:   products,
			text:   "Corvo unveiled Corvo Zentra and Corvo TV. Corvo Computer, Corvo Australia and Corvo VEBA agreed.",
			tagged: []string{"ORG Corvo", "ORG Corvo Zentra", "ORG Corvo TV", "ORG Corvo Computer", "ORG Corvo Australia", "ORG Corvo VEBA"},
			want:   []string{"ORG Corvo", "PRODUCT Corvo Zentra", "PRODUCT Corvo TV", "ORG Corvo Computer", "ORG Corvo Australia", "ORG Corvo VEBA"},
		},
		{
			name:   "a firm never named alone makes no products",
			rule:   products,
			text:   "Corvo Zentra and Dave Matthews toured; Dave said so.",
			tagged: []string{"ORG Corvo Zentra", "ORG Dave Matthews", "ORG Dave"},
			want:   []string{"ORG Corvo Zentra", "ORG Dave Matthews", "ORG Dave"},
		},
		{
			name:   "a legal form or a title word alone is no name",
			rule:   calendar,
			text:   "Cascade Mills, LLC fell and Vale Group, L.P. rose; the Count said so, and Chancellor spoke.",
			tagged: []string{"ORG Cascade Mills", "ORG LLC", "ORG Vale Group", "PERSON L.P.", "ORG Count", "PERSON Chancellor"},
			want:   []string{"ORG Cascade Mills", "ORG Vale Group", "PERSON Chancellor"},
		},
		{
			name:   "a sentence's full stop after a letter is no initial",
			rule:   calendar,
			text:   "Napoli lead Serie A. They won in Formula E. John F. Kennedy and Robert C. Byrd Center spoke.",
			tagged: []string{"ORG Napoli", "ORG Serie A.", "EVENT Formula E.", "PERSON John F. Kennedy", "PERSON Robert C.", "ORG Byrd Center"},
			want:   []string{"ORG Napoli", "ORG Serie A", "EVENT Formula E", "PERSON John F. Kennedy", "PERSON Robert C.", "ORG Byrd Center"},
		},
		{
			name:   "ranks are no names",
			rule:   calendar,
			text:   "The No. 2 retailer beat No. 1 Tesco, No. said.",
			tagged: []string{"PRODUCT No. 2", "PRODUCT No. 1", "ORG Tesco", "ORG No."},
			want:   []string{"ORG Tesco"},
		},
		{
			name:   "a given name and a surname the tagger left out",
			rule:   people,
			text:   "Oxfam campaigner Laura Brinkerhoff said the deal was weak.",
			tagged: []string{"ORG Oxfam"},
			want:   []string{"ORG Oxfam", "PERSON Laura Brinkerhoff"},
		},
		{
			name:   "common words, places, titles and longer runs are no surnames",
			rule:   people,
			text:   "Grace Church, North Brinkerhoff, Laura Minister and Laura Brinkerhoff Arena and Laura Says opened.",
			tagged: nil,
			want:   []string{},
		},
		{
			name:   "an apposition names a kind of organisation",
			rule:   appositions,
			text:   "Veltrix, the Dutch payments firm, and Korvan, the EU's rail agency, agreed. Korvan said so.",
			tagged: []string{"PERSON Veltrix", "NORP Dutch", "ORG EU", "PERSON Korvan"},
			want:   []string{"ORG Veltrix", "NORP Dutch", "ORG Korvan", "ORG EU", "ORG Korvan"},
		},
		{
			name:   "states, given names and other appositions stay",
			rule:   appositions,
			text:   "Norway, a founding member of the union, Laura, the band's singer, and Veltrix, the owner, spoke.",
			tagged: []string{"GPE Norway", "PERSON Laura"},
			want:   []string{"GPE Norway", "PERSON Laura"},
		},
		{
			name:   "a club's place and club word alone are the club",
			rule:   clubForms,
			text:   "Bayer Leverkusen beat Inter Milan. Leverkusen scored, Inter wilted and fans in Leverkusen sang.",
			tagged: []string{"ORG Bayer Leverkusen", "PRODUCT Inter", "GPE Milan", "GPE Leverkusen", "GPE Leverkusen"},
			want:   []string{"ORG Bayer Leverkusen", "ORG Inter Milan", "ORG Leverkusen", "ORG Inter", "GPE Leverkusen"},
		},
		{
			name:   "a closer alone, but not in a longer name",
			rule:   clubForms,
			text:   "Manchester City drew and City fans booed outside Manchester City Council and the City of London.",
			tagged: []string{"ORG Manchester City"},
			want:   []string{"ORG Manchester City", "ORG City"},
		},
		{
			name:   "an untagged pair is a club; other places and runs stay",
			rule:   clubForms,
			text:   "Leverkusen voted, City officials said, and Inter Milan? No: Inter Alia.",
			tagged: []string{"GPE Leverkusen"},
			want:   []string{"GPE Leverkusen", "ORG Inter Milan"},
		},
		{
			name:   "a maker's possessive, a word and a model number",
			rule:   possessives,
			text:   "Google's Pixel 10 and Corvo's Zentra 7 sold well.",
			tagged: []string{"PRODUCT Google", "ORG Corvo"},
			want:   []string{"ORG Google", "PRODUCT Pixel 10", "ORG Corvo", "PRODUCT Zentra 7"},
		},
		{
			name:   "places, people, years, counts and unknown products own no models",
			rule:   possessives,
			text:   "Norland's Channel 4, Ann's Table 2, Corvo's 2025 Results, Corvo's Plant 3 million and Zentra's Face 2.",
			tagged: []string{"GPE Norland", "PERSON Ann", "ORG Corvo", "ORG Corvo", "PRODUCT Zentra"},
			want:   []string{"GPE Norland", "PERSON Ann", "ORG Corvo", "ORG Corvo", "PRODUCT Zentra"},
		},
		{
			name:   "a compass word and a continent make a region, not a state",
			rule:   regions,
			text:   "Rains hit South Asia and Eastern Europe, not South Africa or North Norland, and the Norland Sea.",
			tagged: []string{"GPE South Asia", "GPE Eastern Europe", "GPE South Africa", "GPE North Norland", "ORG Norland Sea"},
			want:   []string{"LOC South Asia", "LOC Eastern Europe", "GPE South Africa", "GPE North Norland", "LOC Norland Sea"},
		},
		{
			name:   "a nationality typed by its neighbours",
			rule:   regions,
			text:   "The South Korean company and Asian communities met Georgia and Jordan.",
			tagged: []string{"ORG South Korean", "PERSON Asian", "PERSON Georgia", "PERSON Jordan"},
			want:   []string{"NORP South Korean", "NORP Asian", "PERSON Georgia", "PERSON Jordan"},
		},
		{
			name:   "a firm's national branch read as a person",
			rule:   branches,
			text:   "Vantor Japan signed Michael Jordan. While Japan slept, Ann Korvan France won.",
			tagged: []string{"PERSON Vantor Japan", "PERSON Michael Jordan", "PERSON While Japan", "PERSON Ann Korvan France"},
			want:   []string{"ORG Vantor Japan", "PERSON Michael Jordan", "PERSON While Japan", "PERSON Ann Korvan France"},
		},
		{
			name:   "an organisation and the place it is in",
			rule:   splits,
			text:   "Halden University in Norby and the Museum of Modern Art in New York met Women in Film.",
			tagged: []string{"ORG Halden University in Norby", "ORG Museum of Modern Art in New York", "ORG Women in Film"},
			want:   []string{"ORG Halden University", "GPE Norby", "ORG Museum of Modern Art", "GPE New York", "ORG Women in Film"},
		},
		{
			name:   "a body before a role and a person",
			rule:   roles,
			text:   "Veltrix campaigner Ann Berg and Halden Research analyst Jo Lind spoke.",
			tagged: []string{"PERSON Ann Berg", "PERSON Jo Lind"},
			want:   []string{"ORG Veltrix", "PERSON Ann Berg", "ORG Halden Research", "PERSON Jo Lind"},
		},
		{
			name:   "places, nationalities, common words and titles are no bodies",
			rule:   roles,
			text:   "Berlin correspondent Ann Berg, French economist Jo Lind, Former aide Tim Roe and President Kim Dae met.",
			tagged: []string{"GPE Berlin", "PERSON Ann Berg", "NORP French", "PERSON Jo Lind", "PERSON Tim Roe", "PERSON Kim Dae"},
			want:   []string{"GPE Berlin", "PERSON Ann Berg", "NORP French", "PERSON Jo Lind", "PERSON Tim Roe", "PERSON Kim Dae"},
		},
		{
			name:   "a firm's distinctive first word alone",
			rule:   firstWords,
			text:   "Brenvik Tarrow beat Halden. Brenvik won, and Brenvik Group and General Motors rose; General said so.",
			tagged: []string{"ORG Brenvik Tarrow", "ORG Halden", "ORG Brenvik Group", "ORG General Motors"},
			want:   []string{"ORG Brenvik Tarrow", "ORG Halden", "ORG Brenvik", "ORG Brenvik Group", "ORG General Motors"},
		},
		{
			name:   "a run after a noun naming a kind of organisation",
			rule:   cued,
			text:   "The electronics retailer Best Buy and the insurer Old Mutual Halden rose.",
			tagged: nil,
			want:   []string{"ORG Best Buy", "ORG Old Mutual Halden"},
		},
		{
			name:   "titles, given names, tagged names and long runs after a cue stay",
			rule:   cued,
			text:   "The company CEO Tim Roe, the band Mary Lou, the firm Halden Shipping and the group Alpha Beta Gamma Delta met.",
			tagged: []string{"PERSON Tim Roe", "ORG Halden Shipping"},
			want:   []string{"PERSON Tim Roe", "ORG Halden Shipping"},
		},
		{
			name:   "a code that opens a product's name, in the plural",
			rule:   codes,
			text:   "The 797 Skyrider flew. Orders for 40 797s came, and 797 jobs went.",
			tagged: []string{"PRODUCT 797 Skyrider"},
			want:   []string{"PRODUCT 797 Skyrider", "PRODUCT 797s"},
		},
		{
			name:   "a firm before a corporate title and a person, at every mention",
			rule:   corporate,
			text:   "Morgan Tarrow won. Morgan Tarrow CEO Ann Lee said Morgan would hire, and Morgan Tarrow agreed.",
			tagged: []string{"PERSON Morgan Tarrow", "ORG Morgan Tarrow", "PERSON Ann Lee", "PERSON Morgan", "PERSON Morgan Tarrow"},
			want:   []string{"ORG Morgan Tarrow", "ORG Morgan Tarrow", "PERSON Ann Lee", "ORG Morgan", "ORG Morgan Tarrow"},
		},
		{
			name:   "an aide is no corporate title",
			rule:   corporate,
			text:   "Morgan Tarrow aide Ann Lee said so.",
			tagged: []string{"ORG Morgan Tarrow", "PERSON Ann Lee"},
			want:   []string{"ORG Morgan Tarrow", "PERSON Ann Lee"},
		},
		{
			name:   "a nationality before a place's head word",
			rule:   func(text string, names []Name) []Name { return tg.extendNames(text, token.Tokenize(text, nil), names) },
			text:   "The Spanish Empire and the Dutch Republic met on the Arabian Sea.",
			tagged: []string{"NORP Spanish", "NORP Dutch", "NORP Arabian"},
			want:   []string{"GPE Spanish Empire", "GPE Dutch Republic", "LOC Arabian Sea"},
		},
		{
			name:   "month and day names are no entities",
			rule:   calendar,
			text:   "Sales rose in December, Theresa May said on Friday; April Ryan agreed.",
			tagged: []string{"LOC December", "PERSON Theresa May", "ORG Friday", "PERSON April Ryan"},
			want:   []string{"PERSON Theresa May", "PERSON April Ryan"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := showNames(tt.text, tt.rule(tt.text, spanNames(t, tt.text, tt.tagged...)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestProductCode(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"S26", true}, {"A3", true}, {"X5", true}, {"GR010", true}, {"A19", true}, {"S24e", true},
		{"26", false}, {"AI", false}, {"COVID19", false}, {"x5", false}, {"S", false}, {"3G", false},
		{"ABCD1", false}, {"B-52", false},
	} {
		t.Run(tt.w, func(t *testing.T) {
			if got := productCode(tt.w); got != tt.want {
				t.Errorf("productCode(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}
