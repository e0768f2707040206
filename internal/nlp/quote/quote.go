// Package quote finds quotations and reported speech in a news article and
// attributes each to its speaker: the quote layer of [doc.Document].
//
// The analysis is a light clause reading over the tokens and sentences of
// the earlier stages, in three steps; no model is loaded, so the stage is
// fast, deterministic and explainable.
//
//  1. Quote marks are paired (marks.go). Curly marks give their direction;
//     straight ones are read from the space around them, and apostrophes
//     (“Witkoff’s”, “voters' ”, “'90s”) are told apart from single quotes. A
//     stack matches marks, single quotes nest inside double ones (each
//     nested quotation is a quote of its own), and a paragraph break closes
//     everything still open: a paragraph that opens a quotation and does not
//     close it continues it only when the next paragraph reopens it (the
//     multi-paragraph convention); otherwise the unbalanced quotation ends
//     with its paragraph, so a stray mark never swallows the article.
//
//  2. Each quotation is attributed (attribute.go). A cue is looked for
//     outside the quotation in its sentence: after it (“…,” Trump wrote;
//     “…,” said Rubio) or before it when a comma or colon frames it (Rubio
//     said: “…”). A framed or sentence-long quotation is direct; one
//     embedded in a clause (expected “some announcements”) is partial and
//     belongs to the nearest speech verb before it in the sentence. Partial
//     quotations with no cue at all (scare quotes, titles) are left out. A
//     quotation with no cue of its own that follows a quote closed by its
//     cue (“X,” he said. “Y.”) extends that quote, as in PolNeAR, whose
//     discontinuous contents span both pieces; a paragraph that is only a
//     quotation, right after a quoted speaker's paragraph, keeps that
//     speaker (with no cue). A quotation right after a full stop opens a
//     sentence even where the splitter missed the break before a quote mark.
//
//  3. Reported speech is read around cue verbs in the article's own voice
//     (reported.go): X said (that) CLAUSE, CLAUSE, X said / said X, A, he
//     said, B, according to X. Cue verbs come from a curated lexicon
//     (lexicon.go), grown from per-cue precision on PolNeAR-train, in
//     three classes: speech verbs report any complement ("described the
//     talks as useful", "endorsed Clinton"; after "about" or "of" the topic
//     is the content), belief verbs (think, find, see) only a that-clause
//     or a finite clause ("believe the harbour will lose traffic"),
//     intentions (wants, plans, prefers) also an infinitive, and framing verbs (continued, replied) only a
//     quotation. Forms that are as often nouns ("calls", "state") or
//     modifiers ("footage showing") count only where a verb can stand. A
//     clause ends at the sentence end, at a participle starting another
//     report (", saying …"), at a coordinated verb of the subject ("… and
//     said …"; any verb after a noun-phrase object, while a clause with a
//     verb of its own goes on: "said the bridge was unsafe and would
//     stay shut") or a contrast (", although …"); a relative clause
//     (", which endorsed the plan,") ends at its comma. A reported noun
//     phrase ends before an adverbial of its verb's ("criticized Machado
//     in early-morning tweets", "endorsed Clinton on Thursday"), and
//     content before its cue drops a leading connective ("But …, he
//     said"). Of the reports found in one
//     sentence only the outermost are kept (in "He noted that the council
//     announced …" the council's report is part of his), since every token
//     belongs to one attribution. Content with quotation marks inside is
//     mixed, otherwise indirect. Two layouts attribute without a verb: a
//     headline "Name: what they said", and transcript labels ("WALLACE:")
//     opening paragraphs. PolNeAR also attributes beliefs and stances,
//     so a few more shapes report: nouns of speech with their complement
//     ("his claim that …", "calls for a ban", "criticism of the plan"),
//     verbs of speech acts with an object ("endorsed Marsh", "criticized
//     the plan"), cues in the infinitive after a
//     catenative verb ("is trying to show"), and, without a source, the
//     whole clause of a passive or seeming report ("Berg is expected to
//     win", "the board seemed to favor the toll"). Reported content with
//     quotation marks continues into a quotation right after its cue's
//     clause, as a direct quotation does.
//
// Reading subjects forwards (for a participle, ", warning that …", or a
// coordinated verb, "welcomed the extension but said …") skips an opening
// adverbial ("On Monday, …", "After talks in Geneva, …") and ends the
// noun phrase before its verb: a past form ("The mayor closed"), a word
// before an article or a number ("The carmaker cut 1,200 jobs") or a
// particle ("stood up"); a cue inside a quotation or a noun phrase after
// a preposition ("in a letter posted online") is not the clause's. A
// speaker phrase and a verb of saying closing the sentence after a comma
// ("…, spokeswoman Ana Pisonero said in Brussels.") end the content of a
// cue before them and report the whole clause. A few verbs report only
// in some uses: "show" a finding of a poll or a record, not a person's
// quality ("showed no emotion"); "call" a name or label, not a phone
// call ("called her brother from the hospital"); "write to X" only a
// that-clause after the addressee. A claim in a sentence's subject that
// nobody in it makes ("The statement that the mine would close angered
// workers") is no quote. "Asked whether …, X said" puts the question to X
// (the addressee) and "it" speaks for the organisation just quoted.
//
// Verbs of stance or refusal (reject, oppose, support, favor, refuse,
// decline) report only a clause, an "as" complement or quoted
// words: "rejected the ultimatum" and "declined to comment" say nothing,
// and the format promises things said (PolNeAR counts them; 0.3 points of
// its overlap F1). A that-clause after a noun of speech in a sentence's
// subject ends before the main verb ("the insistence that wages rise
// dominated the talks"). Content drops a leading "that".
//
// The speaker is the noun phrase before the cue verb (past auxiliaries,
// adverbs and time adverbials: "Gov. Mike Pence on Thursday blamed";
// "Name, apposition, said" and "Role, Name, said" give the name; "Name,
// who said" gives "who", resolved through its antecedent; a phrase with
// prepositional modifiers is headed by the noun before them ("Some parents
// at a meeting in Carver County"), the one after an inverted cue, or for a
// participle (", saying …") or a coordinated verb the subject of the
// clause's main cue. A phrase qualifies when a name heads
// it, a determiner opens it or it is a bare noun like "officials"; passive
// cues ("was told") and reduced relatives ("the guide I wrote") have none.
// It becomes SpeakerText and SpeakerSpan as written (the local mention,
// "he" and a relative "who" included: that is what the text says, and
// what PolNeAR-style scorers compare) and the addressee of "told X" is
// kept. The speaker is resolved
// to an entity id through the mentions of the entity stage: the entity whose
// mention covers the phrase's head. He and she go to the latest resolved
// speaker when compatible ("he said" mostly continues the person just
// quoted), else to the nearest preceding person whose mentions and titles
// do not show the other gender; she prefers a person known to be female and
// stays unresolved when the paragraph names a woman only by a description
// ("the first lady"). A first-person speaker of a nested quotation is the
// speaker of the quotation around it. A resolved pronoun is added to its
// entity as a mention of kind "pronoun" unless the entity stage listed it,
// so that everything reading entities sees who "he" is.
//
// Partial quotations inside a reported clause are reported twice on
// purpose: the clause as a mixed quote and each quoted fragment as a
// partial one with the same speaker, since both are facts about the
// article ("described the talks as “useful”"). Corpora that give every
// token one attribution (PolNeAR) count the fragments as extra quotes.
//
// The stage reads each token a bounded number of times (cue searches stop
// at sentence ends or after a few dozen tokens, quotations nest at most
// maxDepth deep and a reported clause skips over the quotations in it), so
// it runs in linear time even on one run-on sentence: about 20 MB/s per
// core on BenchmarkQuote (each token is looked up in the lexicon once).
package quote

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that fills [doc.Document.Quotes]. It reads
// tokens, sentences and entities, tokenising and splitting itself when the
// earlier layers are missing. The zero value is ready to use and safe for
// concurrent use.
type Stage struct{}

// Process finds the quotes of d, replacing d.Quotes, and adds resolved
// pronoun speakers to their entities' mentions.
func (Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	Annotate(d)
	return nil
}

// Annotate fills d.Quotes.
func Annotate(d *doc.Document) { annotate(d) }

// annotate fills d.Quotes and returns the analysis it used (nil for an
// empty document), whose work counter the tests read.
func annotate(d *doc.Document) *analysis {
	d.Quotes = d.Quotes[:0]
	if d.Text == "" {
		d.Quotes = nil
		return nil
	}
	if d.Tokens == nil {
		d.Tokens = token.Tokenize(d.Text, nil)
	}
	if d.Sentences == nil {
		d.Sentences = sentence.Split(d.Text, d.Tokens, nil)
	}
	if len(d.Tokens) == 0 {
		d.Quotes = nil
		return nil
	}
	a := newAnalysis(d.Text, d.Tokens, d.Sentences)
	used := make([]bool, len(d.Tokens))
	fs := a.transcripts(used, nil)
	fs = a.quotations(used, fs)
	fs = a.reported(used, fs)
	a.continuations(fs)
	r := newResolver(d)
	// Resolve speakers in text order of their phrases, so that a pronoun can
	// prefer the latest speaker before it.
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return fs[x].spk[0] - fs[y].spk[0] })
	speakers := make([]int, len(fs)) // entity index of each found quote, -1
	for i := range speakers {
		speakers[i] = -1
	}
	for _, i := range order {
		f := &fs[i]
		if f.outer >= 0 {
			continue
		}
		if f.spk.ok() {
			speakers[i] = r.speaker(a, f.spk)
			if speakers[i] >= 0 {
				r.noteSpeaker(a, f.spk, speakers[i])
			}
		}
	}
	for i := range fs {
		f := &fs[i]
		if f.outer >= 0 && f.outer < i {
			speakers[i] = speakers[f.outer]
			if speakers[i] >= 0 {
				r.notePronoun(a, f.spk, speakers[i])
			}
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		fx, fy := &fs[x], &fs[y]
		switch {
		case fx.start != fy.start:
			return fx.start - fy.start
		case fx.end != fy.end:
			return fy.end - fx.end
		case fx.pair >= 0 && fy.pair < 0:
			return -1
		case fx.pair < 0 && fy.pair >= 0:
			return 1
		}
		return 0
	})
	seen := make(map[[2]int]bool, len(fs))
	for _, i := range order {
		f := fs[i]
		ns, ne := normalise(d.Text, f.start, f.end)
		if ne <= ns || seen[[2]int{ns, ne}] {
			continue
		}
		seen[[2]int{ns, ne}] = true
		f.start = dropThat(d.Text, f.start, f.end)
		q := doc.Quote{
			ID:    "q" + strconv.Itoa(len(d.Quotes)+1),
			Start: f.start, End: f.end, Text: d.Text[f.start:f.end],
			Kind: f.kind,
		}
		if f.cue.ok() {
			e := doc.ExtentOf(d.Text, a.toks[f.cue[0]].Start, a.toks[f.cue[1]-1].End)
			q.Cue = &e
		}
		if f.spk.ok() {
			s := doc.Span{Start: a.toks[f.spk[0]].Start, End: a.toks[f.spk[1]-1].End}
			q.SpeakerSpan = &s
			q.SpeakerText = d.Text[s.Start:s.End]
		}
		if speakers[i] >= 0 {
			q.Speaker = d.Entities[speakers[i]].ID
		}
		if f.addr.ok() {
			if e := r.entityAt(a, f.addr); e >= 0 {
				q.Addressee = d.Entities[e].ID
			}
		}
		d.Quotes = append(d.Quotes, q)
	}
	r.addPronouns(d)
	if len(d.Quotes) == 0 {
		d.Quotes = nil
	}
	return a
}

// normalise trims white space, quote marks and , . ; : from both ends of
// text[s:e], then a leading "that ": the span two quotes of the same
// content share whatever marks they include.
func normalise(text string, s, e int) (int, int) {
	trim := func(s, e int) (int, int) {
		for s < e {
			r, n := decodeRune(text[s:e])
			if !strip(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := decodeLastRune(text[s:e])
			if !strip(r) {
				break
			}
			e -= n
		}
		return s, e
	}
	s, e = trim(s, e)
	if e-s > 5 && text[s:s+4] == "that" && (text[s+4] == ' ' || text[s+4] == '\n') {
		s, e = trim(s+5, e)
	}
	return s, e
}

// dropThat returns the start of text[s:e] past a leading complementiser
// "that ": what was said is the clause after it ("Rubio said that he had
// spoken" reports "he had spoken").
func dropThat(text string, s, e int) int {
	if e-s > 5 && text[s:s+4] == "that" && (text[s+4] == ' ' || text[s+4] == '\n') {
		s += 5
		for s < e && isSpaceByte(text[s]) {
			s++
		}
	}
	return s
}

func strip(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\u00a0', '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '\'', '‘', '’', '`', ',', '.', ';', ':':
		return true
	}
	return false
}
