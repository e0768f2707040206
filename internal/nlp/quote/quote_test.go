package quote

import (
	"context"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// want is one expected quote: its content, kind, cue and speaker text.
type want struct {
	text, kind, cue, speaker string
}

func analyse(t *testing.T, text string, ents []doc.Entity) *doc.Document {
	t.Helper()
	d := &doc.Document{Text: text, Entities: ents}
	d.Tokens = token.Tokenize(text, nil)
	d.Sentences = sentence.Split(text, d.Tokens, nil)
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatalf("Process: %v", err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	return d
}

func find(d *doc.Document, text string) *doc.Quote {
	for i := range d.Quotes {
		if d.Quotes[i].Text == text {
			return &d.Quotes[i]
		}
	}
	return nil
}

func dump(d *doc.Document) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		b.WriteString("\n\t" + q.Kind + " " + q.Text + " | cue=" + cue + " | speaker=" + q.SpeakerText)
	}
	return b.String()
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "direct, cue after",
			text: "“The bridge will reopen on Monday, and we expect traffic to return to normal,” Mayor Ana Ruiz wrote on social media.",
			want: []want{{"The bridge will reopen on Monday, and we expect traffic to return to normal,", doc.Direct, "wrote", "Mayor Ana Ruiz"}},
		},
		{
			name: "direct, inverted cue after",
			text: "“We were never consulted,” said Tomas Berg, who chairs the fishermen’s union.",
			want: []want{{"We were never consulted,", doc.Direct, "said", "Tomas Berg"}},
		},
		{
			name: "direct, cue before with colon",
			text: "The minister said: “Talks will resume next week.”",
			want: []want{{"Talks will resume next week.", doc.Direct, "said", "The minister"}},
		},
		{
			name: "direct, cue before with comma and pronoun",
			text: "Then he added, “Nobody wants another strike.”",
			want: []want{{"Nobody wants another strike.", doc.Direct, "added", "he"}},
		},
		{
			name: "partial inside reported clause",
			text: "Energy Minister Paul Okafor said he expected “some progress” by the end of the week.",
			want: []want{
				{"some progress", doc.Partial, "said", "Energy Minister Paul Okafor"},
				{"he expected “some progress” by the end of the week", doc.Mixed, "said", "Energy Minister Paul Okafor"},
			},
		},
		{
			name: "described as with two partials and a participle",
			text: "Port official Lena Marsh described the inspection as “thorough” and “fair,” saying it covered the “whole fleet.”",
			want: []want{
				{"the inspection as “thorough” and “fair,”", doc.Mixed, "described", "Port official Lena Marsh"},
				{"thorough", doc.Partial, "described", "Port official Lena Marsh"},
				{"fair,", doc.Partial, "described", "Port official Lena Marsh"},
				{"it covered the “whole fleet.”", doc.Mixed, "saying", "Port official Lena Marsh"},
				{"whole fleet.", doc.Partial, "saying", "Port official Lena Marsh"},
			},
		},
		{
			name: "a number never heads the speaker",
			text: "The ferry company, which has served the island since 1998, cancelled 41 crossings, blaming a shortage of crew.",
			want: []want{{"a shortage of crew", doc.Indirect, "blaming", "The ferry company"}},
		},
		{
			name: "scare quote without a speaker is left out",
			text: "The so-called “reform” package passed on Tuesday.",
			want: nil,
		},
		{
			name: "indirect with that and adverbials",
			text: "The company said on Wednesday that it would cut 200 jobs.",
			want: []want{{"it would cut 200 jobs", doc.Indirect, "said", "The company"}},
		},
		{
			name: "indirect without that",
			text: "Police said the driver had fled the scene.",
			want: []want{{"the driver had fled the scene", doc.Indirect, "said", "Police"}},
		},
		{
			name: "indirect, cue at the end",
			text: "The ferry will not sail until the storm passes, the operator said.",
			want: []want{{"The ferry will not sail until the storm passes", doc.Indirect, "said", "the operator"}},
		},
		{
			name: "indirect, inverted cue at the end",
			text: "Repairs could take months, said Ines Kovac, a structural engineer.",
			want: []want{{"Repairs could take months", doc.Indirect, "said", "Ines Kovac"}},
		},
		{
			name: "according to, leading",
			text: "According to the coast guard, two crew members were rescued.",
			want: []want{{"two crew members were rescued", doc.Indirect, "According to", "the coast guard"}},
		},
		{
			name: "according to, trailing",
			text: "Two crew members were rescued, according to the coast guard.",
			want: []want{{"Two crew members were rescued", doc.Indirect, "according to", "the coast guard"}},
		},
		{
			name: "told with addressee",
			text: "Okafor told reporters that the deal was close.",
			want: []want{{"the deal was close", doc.Indirect, "told", "Okafor"}},
		},
		{
			name: "parenthetical cue",
			text: "The delay, she said, was caused by a software fault.",
			want: []want{{"The delay, she said, was caused by a software fault", doc.Indirect, "said", "she"}},
		},
		{
			name: "apposition subject",
			text: "Maria Lind, a spokeswoman for the airline, said flights would resume.",
			want: []want{{"flights would resume", doc.Indirect, "said", "Maria Lind"}},
		},
		{
			name: "outer attribution wins over a nested one",
			text: "He noted that the council announced the closure last week.",
			want: []want{{"the council announced the closure last week", doc.Indirect, "noted", "He"}},
		},
		{
			name: "discontinuous direct quote is one quote",
			text: "“We are ready,” the captain said. “The crew has trained for this.”\n\nThe ship left at noon.",
			want: []want{{"We are ready,” the captain said. “The crew has trained for this.", doc.Direct, "said", "the captain"}},
		},
		{
			name: "multi-paragraph quotation",
			text: "The union wrote: “We will not accept the offer.\n\n“Our members deserve better, and they know it.”\n\nTalks resume Friday.",
			want: []want{{"We will not accept the offer.\n\n“Our members deserve better, and they know it.", doc.Direct, "wrote", "The union"}},
		},
		{
			name: "unbalanced mark ends with its paragraph",
			text: "“The harbour is closed, the pilot said.\n\nShips waited outside the port for two days. Officials said the wait would end soon.",
			want: []want{
				{"The harbour is closed, the pilot said.", doc.Direct, "", ""},
				{"the wait would end soon", doc.Indirect, "said", "Officials"},
			},
		},
		{
			name: "straight marks",
			text: "\"It was a long night,\" the firefighter said. She said the 'worst' was over.",
			want: []want{
				{"It was a long night,", doc.Direct, "said", "the firefighter"},
				{"the 'worst' was over", doc.Mixed, "said", "She"},
				{"worst", doc.Partial, "said", "She"},
			},
		},
		{
			name: "apostrophes are not quote marks",
			text: "The workers’ union rejected Berg’s plan, and the ’90s rules stay, officials said.",
			want: []want{{"The workers’ union rejected Berg’s plan, and the ’90s rules stay", doc.Indirect, "said", "officials"}},
		},
		{
			name: "nested quotes each with their speaker",
			text: "“I called my sister and told her, ‘The flood is coming.’ And she said, ‘I know,’” Ruiz told the inquiry.",
			want: []want{
				{"I called my sister and told her, ‘The flood is coming.’ And she said, ‘I know,’", doc.Direct, "told", "Ruiz"},
				{"The flood is coming.", doc.Direct, "told", "I"},
				{"I know,", doc.Direct, "said", "she"},
			},
		},
		{
			name: "belief verb needs a clause",
			text: "Inspectors found the missing keys. Inspectors found that the locks had been changed.",
			want: []want{{"the locks had been changed", doc.Indirect, "found", "Inspectors"}},
		},
		{
			name: "cue in the sentence after a question",
			text: "“Who will pay for the new bridge?” Councillor Ruth Amadi asked.",
			want: []want{{"Who will pay for the new bridge?", doc.Direct, "asked", "Councillor Ruth Amadi"}},
		},
		{
			name: "speaker name with a parenthetical",
			text: "“The vote was rigged,” Sen. Dana Holt (R-Ore.) said.",
			want: []want{{"The vote was rigged,", doc.Direct, "said", "Sen. Dana Holt"}},
		},
		{
			name: "headline source",
			text: "Berg: Union Will Strike Unless Pensions Are Kept\n\nThe union met on Sunday.",
			want: []want{{"Union Will Strike Unless Pensions Are Kept", doc.Indirect, ":", "Berg"}},
		},
		{
			name: "transcript labels",
			text: "Part of the interview follows.\n\nHOST: Will the port reopen?\n\nVIK: Not before Friday, I am afraid.",
			want: []want{
				{"Will the port reopen?", doc.Direct, ":", "HOST"},
				{"Not before Friday, I am afraid", doc.Direct, ":", "VIK"},
			},
		},
		{
			name: "relative clause and modifier are not reports",
			text: "The guide I wrote last year is out of date. The agency released footage showing the damage.",
			want: nil,
		},
		{
			name: "coordinated cue verb reports anew",
			text: "Vik says the cranes failed and said repairs would take weeks.",
			want: []want{
				{"the cranes failed", doc.Indirect, "says", "Vik"},
				{"repairs would take weeks", doc.Indirect, "said", "Vik"},
			},
		},
		{
			name: "cue after a quotation past the speaker's apposition",
			text: "“Prices will rise,” Ines Kovac, an economist at the port authority, said on Monday.",
			want: []want{{"Prices will rise,", doc.Direct, "said", "Ines Kovac"}},
		},
		{
			name: "pieces around a mid-sentence cue are one quote",
			text: "“We tried,” he said, “but the storm was faster.”",
			want: []want{{"We tried,” he said, “but the storm was faster.", doc.Direct, "said", "he"}},
		},
		{
			name: "speaker with a prepositional phrase and a parenthesis",
			text: "Officials at the harbour authority said the cranes were safe. The quay is unsafe, Rep. Lee Park (D-Maine) told the Gazette on Friday.",
			want: []want{
				{"the cranes were safe", doc.Indirect, "said", "Officials at the harbour authority"},
				{"The quay is unsafe", doc.Indirect, "told", "Rep. Lee Park"},
			},
		},
		{
			name: "dateline is not content",
			text: "OSLO ― The ferry will not sail on Sunday, the operator said.",
			want: []want{{"The ferry will not sail on Sunday", doc.Indirect, "said", "the operator"}},
		},
		{
			name: "called for and a clause ending at which",
			text: "The mayor called for a full inquiry, which the council rejected.",
			want: []want{{"a full inquiry", doc.Indirect, "called", "The mayor"}},
		},
		{
			name: "a quotation paragraph goes on quoting the previous speaker",
			text: "“We lost everything,” said Marta Oyelaran, a baker.\n\n“The water came in at night.”",
			want: []want{
				{"We lost everything,", doc.Direct, "said", "Marta Oyelaran"},
				{"The water came in at night.", doc.Direct, "", "Marta Oyelaran"},
			},
		},
		{
			name: "naming with called is not a report",
			text: "A new group called Harbour Watch met on Monday.",
			want: nil,
		},
		{
			name: "speaker past a time adverbial, name ending in -ly",
			text: "Gov. Lena Marsh on Thursday said the bridge would reopen. Commissioner Kelly then announced a review of the tolls.",
			want: []want{
				{"the bridge would reopen", doc.Indirect, "said", "Gov. Lena Marsh"},
				{"a review of the tolls", doc.Indirect, "announced", "Commissioner Kelly"},
			},
		},
		{
			name: "a relative pronoun is the local speaker mention",
			text: "The dockers’ union, which endorsed the plan, met on Friday.",
			want: []want{{"the plan", doc.Indirect, "endorsed", "which"}},
		},
		{
			name: "belief verb before a finite clause",
			text: "Analysts believe the harbour will lose traffic.",
			want: []want{{"the harbour will lose traffic", doc.Indirect, "believe", "Analysts"}},
		},
		{
			name: "the topic after about is the content",
			text: "Fishermen complained about the new quotas.",
			want: []want{{"the new quotas", doc.Indirect, "complained", "Fishermen"}},
		},
		{
			name: "role words between two names",
			text: "\"We are ready,\" City Hall deputy spokeswoman Ines Kovac said in a statement.",
			want: []want{{"We are ready,", doc.Direct, "said", "City Hall deputy spokeswoman Ines Kovac"}},
		},
		{
			name: "a quotation after a sentence end the splitter missed",
			text: "''We tried,'' he said. ''The storm was faster.''",
			want: []want{{"We tried,'' he said. ''The storm was faster.", doc.Direct, "said", "he"}},
		},
		{
			name: "according to a source that is not a name",
			text: "The ferry was sold in 2012, according to people familiar with the deal.",
			want: []want{{"The ferry was sold in 2012", doc.Indirect, "according to", "people familiar with the deal"}},
		},
		{
			name: "a poll opening the sentence",
			text: "In a Harbour Gazette poll last month, Marsh had a five-point lead.",
			want: []want{{"Marsh had a five-point lead", doc.Indirect, "In", "a Harbour Gazette poll"}},
		},
		{
			name: "a question opening the sentence",
			text: "Asked by reporters whether the port would reopen, Vik shrugged.",
			want: []want{{"whether the port would reopen", doc.Indirect, "Asked", "reporters"}},
		},
		{
			name: "a quoted complement is content, not a title",
			text: "Marsh called the plan “reckless” on Monday.",
			want: []want{
				{"the plan “reckless”", doc.Mixed, "called", "Marsh"},
				{"reckless", doc.Partial, "called", "Marsh"},
			},
		},
		{
			name: "a comma after the cue",
			text: "Ines Kovac says, storm or no storm, the ferry will sail.",
			want: []want{{"storm or no storm, the ferry will sail", doc.Indirect, "says", "Ines Kovac"}},
		},
		{
			name: "a clause of the article's own after and",
			text: "Vik said the cranes had failed, and the harbour master did not respond to a request for comment.",
			want: []want{{"the cranes had failed", doc.Indirect, "said", "Vik"}},
		},
		{
			name: "quantifiers before a cue are subjects",
			text: "One in three said the ferry was late. Many say the bridge is unsafe.",
			want: []want{
				{"the ferry was late", doc.Indirect, "said", "One in three"},
				{"the bridge is unsafe", doc.Indirect, "say", "Many"},
			},
		},
		{
			name: "at least opens a clause",
			text: "The Gazette reported at least six boats had sunk.",
			want: []want{{"at least six boats had sunk", doc.Indirect, "reported", "The Gazette"}},
		},
		{
			name: "a headline in title case may capitalise its verb",
			text: "The port reopened on Monday.\n\nMayor Ruiz Says Port Will Stay Open\n\nShips arrived at noon.",
			want: []want{{"Port Will Stay Open", doc.Indirect, "Says", "Mayor Ruiz"}},
		},
		{
			name: "a view reported through see X as Y",
			text: "Analysts see the vote as a test of the new mayor.",
			want: []want{{"the vote as a test of the new mayor", doc.Indirect, "see", "Analysts"}},
		},
		{
			name: "a participle of speech continues the subject",
			text: "Marsh spoke for an hour, talking about the harbour tolls.",
			want: []want{{"the harbour tolls", doc.Indirect, "talking about", "Marsh"}},
		},
		{
			name: "a headline source opening a later paragraph",
			text: "The council met on Monday.\n\nMarsh: Harbour Tolls Will Not Rise This Year\n\nThe vote is on Friday.",
			want: []want{{"Harbour Tolls Will Not Rise This Year", doc.Indirect, ":", "Marsh"}},
		},
		{
			name: "a title after the cue does not interrupt a discontinuous quote",
			text: "“We will reopen,” Vik said on Harbour Radio’s “Morning Tide” on Sunday. “The cranes are fixed.”",
			want: []want{
				{"We will reopen,” Vik said on Harbour Radio’s “Morning Tide” on Sunday. “The cranes are fixed.", doc.Direct, "said", "Vik"},
				{"Morning Tide", doc.Partial, "said", "Vik"},
			},
		},
		{
			name: "a coordinated cue past an adverb keeps the subject",
			text: "Vik said the cranes were safe and later admitted the inspection was late.",
			want: []want{
				{"the cranes were safe", doc.Indirect, "said", "Vik"},
				{"the inspection was late", doc.Indirect, "admitted", "Vik"},
			},
		},
		{
			name: "a speaker noun before a prepositional phrase",
			text: "Dozens of members of the union condemned the closure.",
			want: []want{{"the closure", doc.Indirect, "condemned", "members of the union"}},
		},
		{
			name: "doubled straight marks close a partial before the cue",
			text: "The new quay is ''twice the size of the old one,'' he said.",
			want: []want{
				{"The new quay is ''twice the size of the old one", doc.Mixed, "said", "he"},
				{"twice the size of the old one,", doc.Partial, "said", "he"},
			},
		},
		{
			name: "a quotation after the cue continues reported content with marks",
			text: "The ferry is “ten years old,” the captain said. “It needs a refit.”",
			want: []want{
				{"The ferry is “ten years old,” the captain said. “It needs a refit.", doc.Mixed, "said", "the captain"},
				{"ten years old,", doc.Partial, "said", "the captain"},
			},
		},
		{
			name: "a semicolon ends the cue's clause",
			text: "Fares will rise, officials say; in 2019, they fell.",
			want: []want{{"Fares will rise", doc.Indirect, "say", "officials"}},
		},
		{
			name: "a relative clause with a time adverbial ends at its comma",
			text: "Ines Kovac, who on Monday endorsed the plan, said Tuesday the vote would be close.",
			want: []want{
				{"the plan", doc.Indirect, "endorsed", "who"},
				{"the vote would be close", doc.Indirect, "said", "Ines Kovac"},
			},
		},
		{
			name: "an opening subordinate clause ends at its comma",
			text: "While one union says the strike will end soon, another says it could last weeks.",
			want: []want{
				{"the strike will end soon", doc.Indirect, "says", "one union"},
				{"it could last weeks", doc.Indirect, "says", "another"},
			},
		},
		{
			name: "a clause between commas is no apposition",
			text: "The yard is busy, but it is short of steel, said the firm's chief executive, Ola Berg.",
			want: []want{{"The yard is busy, but it is short of steel", doc.Indirect, "said", "the firm's chief executive"}},
		},
		{
			name: "a lower-case role before a name after an inverted cue",
			text: "The quay is unsafe, said former harbour master Jonas Vik.",
			want: []want{{"The quay is unsafe", doc.Indirect, "said", "former harbour master Jonas Vik"}},
		},
		{
			name: "a determiner standing alone and a report as speakers",
			text: "Another said the ferry was late. The fees were too high, the report says.",
			want: []want{
				{"the ferry was late", doc.Indirect, "said", "Another"},
				{"The fees were too high", doc.Indirect, "says", "the report"},
			},
		},
		{
			name: "a name in apposition after a description that is no speaker",
			text: "One of the authors of the 2019 audit, Lena Marsh, said the fees were too high.",
			want: []want{{"the fees were too high", doc.Indirect, "said", "Lena Marsh"}},
		},
		{
			name: "a participle with its own subject after with",
			text: "The mayor kept her lead, with 40 percent of residents saying they trust her.",
			want: []want{{"they trust her", doc.Indirect, "saying", "40 percent of residents"}},
		},
		{
			name: "a relative clause inside an apposition ends before the main verb",
			text: "Mr. Vik, a pilot who described the storm as rare, said he would sail.",
			want: []want{
				{"the storm as rare", doc.Indirect, "described", "who"},
				{"he would sail", doc.Indirect, "said", "Mr. Vik"},
			},
		},
		{
			name: "a passive expectation without its holder is all content",
			text: "Berg is expected to win the harbour seat.",
			want: []want{{"Berg is expected to win the harbour seat", doc.Indirect, "is expected", ""}},
		},
		{
			name: "according to without a comma and inside a parenthesis",
			text: "The ferry was sold in 2012 according to the port register. The fleet grew (40 boats were new, according to the register) last year.",
			want: []want{
				{"The ferry was sold in 2012", doc.Indirect, "according to", "the port register"},
				{"40 boats were new", doc.Indirect, "according to", "the register"},
			},
		},
		{
			name: "an addressee with a prepositional phrase before that",
			text: "The mayor told delegates at the harbour convention that the quay would reopen.",
			want: []want{{"the quay would reopen", doc.Indirect, "told", "The mayor"}},
		},
		{
			name: "a name object of a verb of stance, without the time after it",
			text: "Vik endorsed Marsh in early June. Gov. Lena Marsh announced the deal Monday.",
			want: []want{
				{"Marsh", doc.Indirect, "endorsed", "Vik"},
				{"the deal", doc.Indirect, "announced", "Gov. Lena Marsh"},
			},
		},
		{
			name: "the sentence after a cue goes on with words around a quotation",
			text: "“It is a big moment,” said Ola Berg, a strategist for the union. Unless rivals quit, “it is hard to see how he is stopped.”",
			want: []want{{"It is a big moment,” said Ola Berg, a strategist for the union. Unless rivals quit, “it is hard to see how he is stopped.",
				doc.Mixed, "said", "Ola Berg"}},
		},
		{
			name: "a title in the sentence after a cue does not continue the quote",
			text: "“We will sail,” Vik said. He appeared on “Harbour Radio” later.",
			want: []want{{"We will sail,", doc.Direct, "said", "Vik"}},
		},
		{
			name: "a cue after the quotation's comma beats a verb in an opening clause",
			text: "In 2009, when the mayor offered towns money for roads, “towns were losing money,” Marsh said.",
			want: []want{
				{"In 2009, when the mayor offered towns money for roads, “towns were losing money", doc.Mixed, "said", "Marsh"},
				{"towns were losing money,", doc.Partial, "said", "Marsh"},
			},
		},
		{
			name: "reported content keeps a quotation the splitter cut",
			text: "In 2009, “towns were losing money. They needed it,” Marsh said.",
			want: []want{
				{"In 2009, “towns were losing money. They needed it", doc.Mixed, "said", "Marsh"},
				{"towns were losing money. They needed it,", doc.Partial, "said", "Marsh"},
			},
		},
		{
			name: "a noun-like cue form before that after a plural subject",
			text: "The results show that most ferries run late.",
			want: []want{{"most ferries run late", doc.Indirect, "show", "The results"}},
		},
		{
			name: "a participle inherits a subject of plain nouns",
			text: "Some harbour pilots have been urging the mayor to close the port, saying that only a storm would stop the ships.",
			want: []want{
				{"the mayor to close the port", doc.Indirect, "urging", "Some harbour pilots"},
				{"only a storm would stop the ships", doc.Indirect, "saying", "Some harbour pilots"},
			},
		},
		{
			name: "a belief verb after the clause it reports",
			text: "Most residents oppose the toll, the survey found.",
			want: []want{{"Most residents oppose the toll", doc.Indirect, "found", "the survey"}},
		},
		{
			name: "a cue in the infinitive after a catenative verb",
			text: "The mayor is trying to show the port can pay for itself.",
			want: []want{{"the port can pay for itself", doc.Indirect, "trying to show", "The mayor"}},
		},
		{
			name: "another source's report after a comma ends the content",
			text: "Vik said 200 boats had signed up, and nearly three in five said they would sail.",
			want: []want{
				{"200 boats had signed up", doc.Indirect, "said", "Vik"},
				{"they would sail", doc.Indirect, "said", "three in five"},
			},
		},
		{
			name: "a noun of speech with a that-clause, its possessor the source",
			text: "Her claim that the port would reopen by May was wrong. Despite his warning that fares would rise, ships came.",
			want: []want{
				{"the port would reopen by May", doc.Indirect, "claim", "Her"},
				{"fares would rise", doc.Indirect, "warning", "his"},
			},
		},
		{
			name: "a noun of speech as the object of the cue verb joins the cue",
			text: "The union president expressed concern that members could lose their pensions.",
			want: []want{{"members could lose their pensions", doc.Indirect, "expressed concern", "The union president"}},
		},
		{
			name: "a noun of speech as the sentence's subject ends before its verb",
			text: "Berg's energetic endorsement of Marsh surprised the union.",
			want: []want{{"Marsh", doc.Indirect, "endorsement", "Berg"}},
		},
		{
			name: "a noun of speech after have is not a verb",
			text: "Jones has doubts about the new toll, which starts in June.",
			want: []want{{"the new toll", doc.Indirect, "doubts", "Jones"}},
		},
		{
			name: "an infinitive after an intention is no prepositional tail",
			text: "Marsh hopes to win the seat. Marsh wrote to the council on Monday.",
			want: []want{{"to win the seat", doc.Indirect, "hopes", "Marsh"}},
		},
		{
			name: "a participle of stance with an object reports nothing said",
			text: "Super PACs supporting Marsh spent 2 million on ads.",
			want: nil,
		},
		{
			name: "a gerund of stance after a preposition reports nothing said",
			text: "Berg was criticized for supporting the toll.",
			want: nil,
		},
		{
			name: "stance verbs with an object report nothing said",
			text: "The harbour fund, which supports new quays, met on Monday. Women favor Marsh. The mayor rejected the ultimatum. Berg declined to comment. The prosecution rejected that account.",
			want: nil,
		},
		{
			name: "stance verbs with a clause or a quotation report it",
			text: "Berg rejected claims that the toll was unfair. Marsh rejected the plan as “a stunt.”",
			want: []want{
				{"the toll was unfair", doc.Indirect, "claims", ""},
				{"the plan as “a stunt.”", doc.Mixed, "rejected", "Marsh"},
				{"a stunt.", doc.Partial, "rejected", "Marsh"},
			},
		},
		{
			name: "a participle modifying a noun is no cue",
			text: "The footage showing the storm was shared widely.",
			want: nil,
		},
		{
			name: "a piece after the cue's adverbials and a comma continues the quote",
			text: "“We will rebuild,” he said two days after the storm, “and the quay will be stronger.”",
			want: []want{{"We will rebuild,” he said two days after the storm, “and the quay will be stronger.", doc.Mixed, "said", "he"}},
		},
		{
			name: "an inverted cue after a quotation's comma, content opening mid-sentence",
			text: "Yet the quay is ''not a safe place,'' said Ines Kovac, an engineer.",
			want: []want{
				{"the quay is ''not a safe place", doc.Mixed, "said", "Ines Kovac"},
				{"not a safe place,", doc.Partial, "said", "Ines Kovac"},
			},
		},
		{
			name: "a name with an apposition before the cue, content before the name",
			text: "Tolls are “the only fair way,” Jonas Vik, the harbour master, told a cheering crowd.",
			want: []want{
				{"Tolls are “the only fair way", doc.Mixed, "told", "Jonas Vik"},
				{"the only fair way,", doc.Partial, "told", "Jonas Vik"},
			},
		},
		{
			name: "unnamed sources described by closeness",
			text: "Berg will change his approach, a source close to him said. The port will reopen, people familiar with the talks said.",
			want: []want{
				{"Berg will change his approach", doc.Indirect, "said", "a source close to him"},
				{"The port will reopen", doc.Indirect, "said", "people familiar with the talks"},
			},
		},
		{
			name: "a share with a number, a contracted has and a name ending in a month",
			text: "About four in 10 said they were angry. He's said he gets his ideas from a pilot. Yin Myint May, 60, a doctor, said she was elated.",
			want: []want{
				{"they were angry", doc.Indirect, "said", "four in 10"},
				{"he gets his ideas from a pilot", doc.Indirect, "said", "He"},
				{"she was elated", doc.Indirect, "said", "Yin Myint May"},
			},
		},
		{
			name: "made clear reports, made a deal does not",
			text: "Marsh made clear that the port would stay open. Berg has made it clear he will not run. The council made a deal with the union.",
			want: []want{
				{"the port would stay open", doc.Indirect, "made clear", "Marsh"},
				{"he will not run", doc.Indirect, "made it clear", "Berg"},
			},
		},
		{
			name: "an impression without its holder is all content",
			text: "The harbour board seemed to favor the new toll. Vik appeared on Harbour Radio on Monday.",
			want: []want{{"The harbour board seemed to favor the new toll", doc.Indirect, "seemed", ""}},
		},
		{
			name: "according to after a dash or a colon, a source with a slash",
			text: "Ferries carried 40,000 cars — according to the port register. It did not go unnoticed: according to the board, fares rose. In a Gazette/Radio poll released Monday, 50 percent backed the toll.",
			want: []want{
				{"Ferries carried 40,000 cars", doc.Indirect, "according to", "the port register"},
				{"fares rose", doc.Indirect, "according to", "the board"},
				{"50 percent backed the toll", doc.Indirect, "In", "a Gazette/Radio poll"},
			},
		},
		{
			name: "a passive question: the asker only after by",
			text: "Vik was asked about the new toll. Berg had been asked to keep the records by the harbour board.",
			want: []want{
				{"the new toll", doc.Indirect, "asked", ""},
				{"to keep the records", doc.Indirect, "asked", "the harbour board"},
			},
		},
		{
			name: "a survey as the subject of a noun-like cue form",
			text: "The poll shows Marsh leading by ten points.",
			want: []want{{"Marsh leading by ten points", doc.Indirect, "shows", "The poll"}},
		},
		{
			name: "a long subject before another source's cue ends the content",
			text: "Vik called for a boycott of the vote, and the northern fishermen's union strongly denounced the plan.",
			want: []want{
				{"a boycott of the vote", doc.Indirect, "called", "Vik"},
				{"the plan", doc.Indirect, "denounced", "the northern fishermen's union"},
			},
		},
		{
			name: "a headline source with lower-case words",
			text: "Former harbour master at Oslo: Tolls must rise\n\nThe board met on Monday.",
			want: []want{{"Tolls must rise", doc.Indirect, ":", "Former harbour master at Oslo"}},
		},
		{
			name: "noun uses of cue words are not cues",
			text: "The late-night calls came after the state budget passed.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text, nil)
			if len(d.Quotes) != len(tc.want) {
				t.Fatalf("got %d quotes, want %d:%s", len(d.Quotes), len(tc.want), dump(d))
			}
			for _, w := range tc.want {
				q := find(d, w.text)
				if q == nil {
					t.Errorf("no quote %q:%s", w.text, dump(d))
					continue
				}
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Text
				}
				if q.Kind != w.kind || cue != w.cue || q.SpeakerText != w.speaker {
					t.Errorf("quote %q: got kind %s cue %q speaker %q, want %s %q %q",
						w.text, q.Kind, cue, q.SpeakerText, w.kind, w.cue, w.speaker)
				}
				if q.Text != d.Text[q.Start:q.End] {
					t.Errorf("quote %q: span text %q", w.text, d.Text[q.Start:q.End])
				}
			}
		})
	}
}

// mention builds an entity mention at the first occurrence of s after from.
func mention(t *testing.T, text, s string, from int) doc.Mention {
	t.Helper()
	i := strings.Index(text[from:], s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return doc.Mention{Start: from + i, End: from + i + len(s), Text: s}
}

func TestSpeakerEntities(t *testing.T) {
	text := "Harbour master Jonas Vik said the port would stay closed. " +
		"Vik later told Mayor Ana Ruiz that the cranes were damaged. " +
		"“We need two weeks,” he said.\n\n" +
		"The mayor’s wife, Clara Ruiz, runs the ferry company. " +
		"“We will wait,” she said."
	ents := []doc.Entity{
		{ID: "vik", Type: doc.Person, Name: "Jonas Vik", Mentions: []doc.Mention{
			mention(t, text, "Harbour master Jonas Vik", 0), mention(t, text, "Vik", strings.Index(text, "Vik later"))}},
		{ID: "ruiz", Type: doc.Person, Name: "Ana Ruiz", Titles: []string{"Mayor"}, Mentions: []doc.Mention{
			mention(t, text, "Mayor Ana Ruiz", 0), mention(t, text, "The mayor", 0)}},
		{ID: "clara", Type: doc.Person, Name: "Clara Ruiz", Titles: []string{"wife"}, Mentions: []doc.Mention{
			mention(t, text, "Clara Ruiz", 0)}},
	}
	d := analyse(t, text, ents)
	cases := []struct {
		quote, speaker, speakerText, addressee string
	}{
		{"the port would stay closed", "vik", "Harbour master Jonas Vik", ""},
		{"the cranes were damaged", "vik", "Vik", "ruiz"},
		{"We need two weeks,", "vik", "he", ""},
		{"We will wait,", "clara", "she", ""},
	}
	for _, c := range cases {
		t.Run(c.quote, func(t *testing.T) {
			q := find(d, c.quote)
			if q == nil {
				t.Fatalf("no quote %q:%s", c.quote, dump(d))
			}
			if q.Speaker != c.speaker || q.SpeakerText != c.speakerText || q.Addressee != c.addressee {
				t.Errorf("got speaker %q (%q) addressee %q, want %q (%q) %q",
					q.Speaker, q.SpeakerText, q.Addressee, c.speaker, c.speakerText, c.addressee)
			}
			if q.SpeakerSpan == nil || d.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End] != q.SpeakerText {
				t.Errorf("speaker span %v does not hold %q", q.SpeakerSpan, q.SpeakerText)
			}
		})
	}
	// Resolved pronoun speakers become pronoun mentions of their entity.
	for _, e := range d.Entities {
		if e.ID != "vik" && e.ID != "clara" {
			continue
		}
		found := false
		for i, m := range e.Mentions {
			if m.Kind == "pronoun" {
				found = true
			}
			if i > 0 && e.Mentions[i-1].Start > m.Start {
				t.Errorf("entity %s: mentions out of order", e.ID)
			}
		}
		if !found {
			t.Errorf("entity %s: no pronoun mention added: %+v", e.ID, e.Mentions)
		}
	}
}

// TestRelativeSpeakerEntity checks that a relative pronoun speaker
// ("Vik, who said …") resolves to the entity of its antecedent and is not
// added to it as a pronoun mention.
func TestRelativeSpeakerEntity(t *testing.T) {
	text := "Harbour master Jonas Vik, who said the cranes were safe, left early."
	ents := []doc.Entity{{ID: "vik", Type: doc.Person, Name: "Jonas Vik", Mentions: []doc.Mention{
		mention(t, text, "Harbour master Jonas Vik", 0)}}}
	d := analyse(t, text, ents)
	q := find(d, "the cranes were safe")
	if q == nil {
		t.Fatalf("no quote:%s", dump(d))
	}
	if q.SpeakerText != "who" || q.Speaker != "vik" {
		t.Errorf("got speaker %q (%q), want vik (who)", q.Speaker, q.SpeakerText)
	}
	if n := len(d.Entities[0].Mentions); n != 1 {
		t.Errorf("entity has %d mentions, want 1 (who is not a pronoun mention)", n)
	}
}

func TestEmptyAndNoTokens(t *testing.T) {
	for _, text := range []string{"", " ", "“", "”", "\"\"", "'", "said", "“”", "‘’"} {
		d := &doc.Document{Text: text}
		if err := (Stage{}).Process(context.Background(), d); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (Stage{}).Process(ctx, &doc.Document{Text: "He said so."}); err == nil {
		t.Fatal("no error for a cancelled context")
	}
}
