package quote

import (
	"testing"

	"dateline/internal/doc"
)

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
			name: "then after a comma with a dateline",
			text: "MELBOURNE, Australia — Mira Kovac beat world No. 1 Elena Sorova 6-4, 7-5 on Wednesday, then told the crowd she had no idea how she had won.",
			want: []want{{"she had no idea how she had won", "indirect", "told", "Mira Kovac"}},
		},
		{
			name: "a verb between two names is no role",
			text: "Mira Kovac beat Elena Sorova to reach the final, then told the crowd she was exhausted.",
			want: []want{{"she was exhausted", "indirect", "told", "Mira Kovac"}},
		},
		{
			name: "an inverted cue's speaker, not the quotation's first person",
			text: "\"We have warned about this for years,\" said Dr. Ana Popescu, a pediatrician in Iasi, adding that many families could not reach a doctor.",
			want: []want{
				{"We have warned about this for years,", "direct", "said", "Dr. Ana Popescu"},
				{"many families could not reach a doctor", "indirect", "adding", "Dr. Ana Popescu"},
			},
		},
		{
			name: "a dateline before a parenthetical cue",
			text: "GENEVA — Measles cases rose tenfold last year, the World Health Organization said on Thursday, urging governments to act.",
			want: []want{
				{"Measles cases rose tenfold last year", "indirect", "said", "the World Health Organization"},
				{"governments to act", "indirect", "urging", "the World Health Organization"},
			},
		},
		{
			name: "an acronym is no pronoun",
			text: "WHO warns of measles surge in Europe",
			want: []want{{"measles surge in Europe", "indirect", "warns", "WHO"}},
		},
		{
			name: "a noun phrase after a preposition is not the subject",
			text: "Chrystia Fortin announced her resignation in a letter posted online, writing that the two had been at odds.",
			want: []want{
				{"her resignation", "indirect", "announced", "Chrystia Fortin"},
				{"the two had been at odds", "indirect", "writing", "Chrystia Fortin"},
			},
		},
		{
			name: "not the verb of a relative or reported clause",
			text: "A spokesperson said the ministry had offered a 5.5 percent rise, which it described as fair, and warned that strikes would harm pupils.",
			want: []want{
				{"the ministry had offered a 5.5 percent rise", "indirect", "said", "A spokesperson"},
				{"strikes would harm pupils", "indirect", "warned", "A spokesperson"},
			},
		},
		{
			name: "a participle framing a partial quotation after an opening adverbial",
			text: "In August, several environmental groups granted the firm an extension, saying its \"start-up capital was limited.\"",
			want: []want{
				{"its \"start-up capital was limited.\"", "mixed", "saying", "several environmental groups"},
				{"start-up capital was limited.", "partial", "saying", "several environmental groups"},
			},
		},
		{
			name: "a conjunction opening the sentence is not part of a name",
			text: "But Megan Hester, a senior associate at the institute, said parents still want neighbourhood schools.",
			want: []want{{"parents still want neighbourhood schools", "indirect", "said", "Megan Hester"}},
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
			name: "a noun-like modifier opening the speaker",
			text: "The government denied that troops had crossed the border, state media reported on Sunday.",
			want: []want{{"The government denied that troops had crossed the border", "indirect", "reported", "state media"}},
		},
		{
			name: "an adverb-like adjective before a noun of speech",
			text: "Inflation will peak this summer, the central bank predicted in its quarterly report.",
			want: []want{{"Inflation will peak this summer", "indirect", "predicted", "the central bank"}},
		},
		{
			name: "a participle after a parenthetical cue",
			text: "Ships will avoid the strait, insurers warned, pushing up freight costs.",
			want: []want{{"Ships will avoid the strait", "indirect", "warned", "insurers"}},
		},
		{
			name: "a participle's object is not an inverted speaker",
			text: "The bank squeezed staff to lift the share price, she said, referencing the sales push.",
			want: []want{{"The bank squeezed staff to lift the share price", "indirect", "said", "she"}},
		},
		{
			name: "an inverted cue with a modifier on its speaker",
			text: "The bridge is unsafe, said the head of the city's engineering department.",
			want: []want{{"The bridge is unsafe", "indirect", "said", "the head of the city's engineering department"}},
		},
		{
			name: "a passive expectation with its source after it",
			text: "The court is expected to rule next week, lawyers for both sides said.",
			want: []want{{"The court is expected to rule next week", "indirect", "said", "lawyers for both sides"}},
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
		{
			name: "an irregular verb before a particle",
			text: "One shepherd stood up and shouted that the developer was buying off the village.",
			want: []want{{"the developer was buying off the village", "indirect", "shouted", "One shepherd"}},
		},
		{
			name: "an irregular verb before an object",
			text: "The party won the vote but said it would not form a government.",
			want: []want{{"it would not form a government", "indirect", "said", "The party"}},
		},
		{
			name: "a determiner and an adverbial noun as addressee",
			text: "Okoro told the meeting the turbines would be screened by trees.",
			want: []want{{"the turbines would be screened by trees", "indirect", "told", "Okoro"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestShowsQuality: "show" reports a finding of a poll, a study or a
// record, or a clause; a person showing a quality reports nothing.
func TestShowsQuality(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{name: "an absence after a description", text: "The accused showed no remorse as the sentence was read."},
		{name: "a degree after a name", text: "Okafor showed little sign of nerves in the final round."},
		{name: "a quality after a pronoun", text: "She showed remarkable patience with the committee."},
		{name: "showed up", text: "The new coach showed up late to the press conference."},
		{
			name: "figures show a change",
			text: "The latest figures show a sharp rise in youth unemployment.",
			want: []want{{"a sharp rise in youth unemployment", "indirect", "show", "The latest figures"}},
		},
		{
			name: "a poll shows a name ahead",
			text: "A Leger poll showed Dumont ahead by six points.",
			want: []want{{"Dumont ahead by six points", "indirect", "showed", "A Leger poll"}},
		},
		{
			name: "records show a clause",
			text: "Court records show he paid the fine in 2019.",
			want: []want{{"he paid the fine in 2019", "indirect", "show", "Court records"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestNounClaimSubject: a that-clause after a noun of speech in the
// sentence's subject ends before the main verb, and with no one making the
// claim in the sentence it is no quote; a possessor keeps it.
func TestNounClaimSubject(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{name: "a statement nobody makes", text: "The statement that the mine would close angered workers."},
		{name: "a passive main verb", text: "The suggestion that the mayor had lied was rejected by the council."},
		{
			name: "a possessor makes the claim",
			text: "His claim that the council would cut bus routes alarmed commuters.",
			want: []want{{"the council would cut bus routes", "indirect", "claim", "His"}},
		},
		{
			name: "a subordinate clause stays in the claim",
			text: "Her warning that the plant would close unless workers accepted cuts was denied.",
			want: []want{{"the plant would close unless workers accepted cuts", "indirect", "warning", "Her"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestAskedFraming: "Asked whether …, X said …" gives the question (no
// speaker: the asker is not named) and X's answer; "said nothing" is no
// answer.
func TestAskedFraming(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "a time between asked and the question",
			text: "Asked on Tuesday whether fares would fall, the transport minister said they would.",
			want: []want{
				{"whether fares would fall", "indirect", "Asked", ""},
				{"they would", "indirect", "said", "the transport minister"},
			},
		},
		{
			name: "asked about",
			text: "Asked about the fine, Mayor Tom Hale said the city would appeal.",
			want: []want{
				{"the fine", "indirect", "Asked about", ""},
				{"the city would appeal", "indirect", "said", "Mayor Tom Hale"},
			},
		},
		{
			name: "said nothing",
			text: "Asked whether she would resign, Alvarez said nothing.",
			want: []want{{"whether she would resign", "indirect", "Asked", ""}},
		},
		{name: "said nothing about", text: "Hale said nothing about the fine on Tuesday."},
		{
			name: "said little would change",
			text: "Hale said little would change.",
			want: []want{{"little would change", "indirect", "said", "Hale"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestAskedAddressee: the question of "Asked …, X said" was put to X.
func TestAskedAddressee(t *testing.T) {
	text := "Asked whether the bridge would reopen, Mayor Tom Hale said it would."
	ents := []doc.Entity{{ID: "e1", Type: doc.Person, Name: "Tom Hale",
		Mentions: []doc.Mention{mention(t, text, "Tom Hale", 0)}}}
	d := analyse(t, text, ents)
	q := find(d, "whether the bridge would reopen")
	if q == nil {
		t.Fatalf("no question quote:%s", dump(d))
	}
	if q.Addressee != "e1" || q.Speaker != "" {
		t.Errorf("question: addressee %q speaker %q, want e1 and none", q.Addressee, q.Speaker)
	}
}

// TestMoreReaderShapes: shapes found by running invented articles: a
// court's or an inquiry's participle (", ruling that …"), a contrast after
// a parenthetical cue, and an expectation of someone ("expect X to …").
func TestMoreReaderShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "ruling that",
			text: "The appeals court upheld the ban on Thursday, ruling that the city had acted within its powers.",
			want: []want{{"the city had acted within its powers", "indirect", "ruling", "The appeals court"}},
		},
		{
			name: "concluding that",
			text: "The inquiry cleared the minister, concluding that she had followed the rules.",
			want: []want{{"she had followed the rules", "indirect", "concluding", "The inquiry"}},
		},
		{
			name: "but after a parenthetical cue",
			text: "The operator does not expect blackouts, a spokeswoman said, but two gas plants are on standby.",
			want: []want{{"The operator does not expect blackouts", "indirect", "said", "a spokeswoman"}},
		},
		{
			name: "a parenthetical cue inside one clause",
			text: "The talks, a spokeswoman said, were useful.",
			want: []want{{"The talks, a spokeswoman said, were useful", "indirect", "said", "a spokeswoman"}},
		},
		{
			name: "expect a plural to",
			text: "Forecasters expect temperatures to stay above 40 degrees until Sunday.",
			want: []want{{"temperatures to stay above 40 degrees until Sunday", "indirect", "expect", "Forecasters"}},
		},
		{
			name: "expect a name to",
			text: "Most analysts expect Dumont to win the runoff.",
			want: []want{{"Dumont to win the runoff", "indirect", "expect", "Most analysts"}},
		},
		{name: "spoke to reporters", text: "Dumont spoke on Tuesday to reporters."},
		{
			name: "expect a bare plural, with its time",
			text: "Some economists warn that rates could stay high, while others expect cuts by June.",
			want: []want{
				{"rates could stay high", "indirect", "warn", "Some economists"},
				{"cuts", "indirect", "expect", "others"},
			},
		},
		{
			name: "and another source's report",
			text: "Farmers want higher prices, and supermarkets want lower costs.",
			want: []want{
				{"higher prices", "indirect", "want", "Farmers"},
				{"lower costs", "indirect", "want", "supermarkets"},
			},
		},
		{
			name: "said of a topic, then a quotation",
			text: "Ortiz said of her rival, \"She has no plan.\"",
			want: []want{{"She has no plan.", "direct", "said", "Ortiz"}},
		},
		{
			name: "wrote about a topic, then a colon",
			text: "The judge wrote about the appeal: \"It has no merit.\"",
			want: []want{{"It has no merit.", "direct", "wrote", "The judge"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}

// TestItSpeaker: "it" speaks for the organisation just quoted, or the
// nearest one named close before it, and never for a person.
func TestItSpeaker(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ents  []doc.Entity
		quote string
		want  string
	}{
		{
			name:  "the organisation just quoted",
			text:  "SkyLink said the fault had been fixed. It apologised to customers and said they could claim refunds.",
			ents:  []doc.Entity{{ID: "sky", Type: doc.Org, Name: "SkyLink"}},
			quote: "they could claim refunds",
			want:  "sky",
		},
		{
			name:  "the nearest organisation named",
			text:  "Regulators fined Harwick Bank on Monday. It said it would appeal.",
			ents:  []doc.Entity{{ID: "bank", Type: doc.Org, Name: "Harwick Bank"}},
			quote: "it would appeal",
			want:  "bank",
		},
		{
			name:  "not a person",
			text:  "Anna Berg left the meeting early. It said the talks had failed.",
			ents:  []doc.Entity{{ID: "berg", Type: doc.Person, Name: "Anna Berg"}},
			quote: "the talks had failed",
			want:  "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.ents {
				tc.ents[i].Mentions = []doc.Mention{mention(t, tc.text, tc.ents[i].Name, 0)}
			}
			d := analyse(t, tc.text, tc.ents)
			q := find(d, tc.quote)
			if q == nil {
				t.Fatalf("no quote %q:%s", tc.quote, dump(d))
			}
			if q.Speaker != tc.want {
				t.Errorf("speaker %q, want %q", q.Speaker, tc.want)
			}
		})
	}
}

// TestCallAndCoordinatedClause: "call" reports a name or label given, not
// a phone call; a noun-phrase content ends where "and" coordinates a
// clause with a subject and verb of its own.
func TestCallAndCoordinatedClause(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{name: "a phone call with a place", text: "She called her brother from the hospital."},
		{name: "a phone call with a time", text: "The envoy called the embassy on Tuesday."},
		{name: "a pronoun and a time", text: "Reyes called him on Friday."},
		{
			name: "a label after the object",
			text: "Critics called the decision a mistake.",
			want: []want{{"the decision a mistake", "indirect", "called", "Critics"}},
		},
		{
			name: "an adjective after the object",
			text: "The auditor called the plan unworkable.",
			want: []want{{"the plan unworkable", "indirect", "called", "The auditor"}},
		},
		{
			name: "a clause after and",
			text: "The mayor praised the firefighters and the crowd cheered.",
			want: []want{{"the firefighters", "indirect", "praised", "The mayor"}},
		},
		{
			name: "a coordinated subject with an auxiliary continues",
			text: "Dumont said the United States and its allies will seek new sanctions.",
			want: []want{{"the United States and its allies will seek new sanctions", "indirect", "said", "Dumont"}},
		},
		{
			name: "wrote to an addressee then a clause",
			text: "She wrote to the council that the road was unsafe.",
			want: []want{{"the road was unsafe", "indirect", "wrote", "She"}},
		},
		{
			name: "a quantity of people heads the speaker",
			text: "A group of doctors wrote to the university, calling for his dismissal.",
			want: []want{{"his dismissal", "indirect", "calling", "A group of doctors"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.want) })
	}
}
