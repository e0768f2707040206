package quote

import (
	"slices"
	"strings"
	"unicode"

	"dateline/internal/doc"
)

// reported finds reported (indirect) speech in the article's own voice:
// "X said (that) CLAUSE", "CLAUSE, X said", "CLAUSE, said X", "A, X said,
// B", "according to X, CLAUSE" and "CLAUSE, according to X". Cue tokens in
// used belong to quotations already and are skipped.
func (a *analysis) reported(used []bool, dst []found) []found {
	var cands []found
	for si := range a.sentTok {
		lo, hi := a.sentTok[si][0], a.sentTok[si][1]
		cands = cands[:0]
		for c := lo; c < hi; c++ {
			if used[c] || a.inPair[c] >= 0 || a.isMark(c) {
				continue
			}
			if c == lo && a.isWord(c, "asked") {
				if f, ok := a.askedAbout(c, hi); ok {
					cands = append(cands, f)
					continue
				}
			}
			if c == lo && a.isWord(c, "in") {
				if f, ok := a.inSource(c, hi); ok {
					cands = append(cands, f)
					continue
				}
			}
			if a.isWord(c, "according") && a.isWord(c+1, "to") {
				if f, ok := a.accordingTo(c, lo, hi); ok {
					cands = append(cands, f)
				}
				c++
				continue
			}
			if a.class[c] == 0 {
				continue // no lexicon word: most tokens stop here
			}
			if a.class[c]&seemWord != 0 {
				if f, ok := a.seemReport(c, lo, hi); ok && len(cands) < maxCues {
					cands = append(cands, f)
				}
				continue
			}
			if a.class[c]&nominalWord != 0 && (!a.cueAt(c) || a.is(c-1, haveForms)) {
				if f, ok := a.nominalAt(c, lo, hi); ok && len(cands) < maxCues {
					cands = append(cands, f)
					continue
				}
			}
			v, ok := a.cue(c)
			if !ok || v.class == framing && !a.isWord(c+1, "that") || a.isWord(c-1, "to") && !a.is(c-2, catenatives) ||
				(a.capitalised(c) && !a.headlineSentence(si)) {
				continue
			}
			if f, ok := a.reportedAt(c, v, lo, hi); ok && len(cands) < maxCues {
				cands = append(cands, f)
			}
		}
		if si == 0 || startsParagraph(a.text, a.toks, lo) {
			if f, ok := a.headline(lo, hi); ok {
				cands = append(cands, f)
			}
		}
		dst = outermost(a, cands, dst)
	}
	return dst
}

// outermost keeps, of the attributions found in one sentence, those not
// nested in another: in "He notes that the commission announced that …" or
// "X told police that …, the source added" only the outer one is reported,
// as each token belongs to one attribution. Longer contents win.
func outermost(a *analysis, cands, dst []found) []found {
	if len(cands) > 1 {
		slices.SortStableFunc(cands, func(x, y found) int {
			return (y.end - y.start) - (x.end - x.start)
		})
	}
	first := len(dst)
	for _, f := range cands {
		cs, ce := a.toks[f.cue[0]].Start, a.toks[f.cue[1]-1].End
		nested := false
		for _, g := range dst[first:] {
			gs, ge := a.toks[g.cue[0]].Start, a.toks[g.cue[1]-1].End
			if (g.start <= cs && ce <= g.end) || (f.start <= gs && ge <= f.end) {
				nested = true
				break
			}
		}
		if !nested {
			dst = append(dst, f)
		}
	}
	return dst
}

// reportedAt reads the clause reported by the cue verb at c, if any.
func (a *analysis) reportedAt(c int, v cueVerb, lo, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 1}, spk: none, addr: none}
	head := c // the finite verb: "trying" in "is trying to show"
	if a.isWord(c-1, "to") && a.is(c-2, catenatives) && c-2 >= lo {
		head = c - 2
		f.cue = span{head, c + 1}
	}
	spk, passive := a.subjectBefore(head, lo)
	if passive && a.isWord(c, "asked") {
		return a.askedPassive(f, c, hi)
	}
	if passive {
		return a.passiveReport(f, c, lo, hi)
	}
	if spk.ok() && a.is(spk[0]-1, objectPrepositions) && strings.HasSuffix(a.low(c), "ed") && !a.capitalised(spk[1]-1) &&
		!a.is(spk[0], pronouns) {
		return f, false // "in a letter posted online": a participle on a preposition's object, not a report
	}
	if !spk.ok() {
		spk = a.inheritedSubject(head, lo)
	}
	f.spk = spk

	// Content after the cue: "said (on Wednesday) (that) ...".
	t := c + 1
	if a.punct(t, ".!?") && (a.isMark(t+1) || a.quoteChar(t+1)) {
		hi = t + 1 // "…,” he said. “…”: a sentence end the splitter missed
	}
	if a.punct(t, ";") {
		hi = t // "…, analysts say; in 2012, …": the cue's clause ends
	}
	if a.isWord(t, "not") && a.isWord(t+1, "to") && a.isWord(t+2, "be") {
		return f, false // "who asked not to be named": a condition of the source's, not a report
	}
	if parts, ok := particleVerbs[a.low(c)]; ok {
		if !hasParticle(parts, a.low(t)) {
			return f, false // "talked with", "spoke to a crowd": no report
		}
		t++
		if a.isWord(t-1, "it") && a.isWord(t, "clear") {
			t++ // "made it clear"
		}
		f.cue = span{f.cue[0], t}
	}
	if t == c+1 && a.isWord(t, "on") && strings.HasPrefix(a.low(c), "call") && a.callOn(t+1, hi) {
		t++ // "called on the council to release the videos": the council and what it is to do
		f.cue = span{f.cue[0], t}
	} else if forVerbs[a.low(c)] && a.isWord(t, "for") || t == c+1 && a.stancePreposition(t) {
		t++ // "called for a repeal", "voted against the bill", "spoke out against it"
		if a.isWord(t-1, "out") && (a.isWord(t, "against") || a.isWord(t, "for") || a.isWord(t, "on")) {
			t++
		}
	}
	if spk.ok() && spk[1]-spk[0] == 1 && a.is(spk[0], pronouns) && !a.relativePronoun(spk) && spk[0] > lo {
		// "the two guides I wrote", "cards they never asked for": a
		// relative clause without "that", whose object is the noun before.
		p := spk[0] - 1
		if a.toks[p].Kind == doc.Word && !a.capitalised(p) && !functionWords[a.low(p)] &&
			!conjunctions[a.low(p)] && !cueForms[a.low(p)].isCue() &&
			!timeHeads[a.low(p)] && !hasLySuffix(a.word(p)) && !a.is(p, auxiliaries) {
			return f, false
		}
	}
	if v.addressee {
		f.addr, t = a.object(t, hi)
		if f.addr.ok() && a.isWord(t, "to") {
			t = f.addr[0] // "urged North Korea to refrain": the object is in the content
		} else if k := a.clauseAfterObject(t, hi); k > t {
			t = k // "told delegates at the convention that …"
		}
	}
	start := a.contentStart(t, hi)
	if v.class == belief && (a.isWord(start, "to") || a.is(start, determiners) || a.objectInfinitive(start, hi) ||
		start < hi && a.toks[start].Kind == doc.Word && !a.capitalised(start) && !a.is(start, functionWords) && !a.is(start, verbAux) &&
			!a.cueAt(start) && !hasLySuffix(a.low(start)) && !a.is(start, timeHeads)) && // "want tax cuts"
		isIntent(a.word(c)) {
		// "wants to …", "plans to …": an intention; "wants the …" likewise.
	} else if v.class == belief && !a.isWord(start, "that") && !a.is(start, pronouns) && !a.finiteClause(start, hi) &&
		!(asVerbs[a.low(c)] && a.asComplement(start, hi)) && !a.tailOnly(start, hi) {
		return f, false // "found the keys"; but "…, the poll found." reports the clause before
	}
	if a.is(start, leadingPrepositions) && !a.isWord(start+1, "least") {
		start = a.thatAfterAdverbial(start, hi) // "said at a stop in Toledo, Ohio, that …"
	}
	if k := a.nominalObject(start, hi); k > 0 {
		f.cue = span{f.cue[0], k} // "expressed concern that …": the noun is part of the cue
		start = k
	}
	if a.isWord(start, "to") && v.class == speech && !a.is(c, participles) &&
		(a.is(start+1, articles) || a.is(start+1, determiners) || a.is(start+1, objectPronouns) || a.is(start+1, speakerNouns) ||
			a.capitalised(start+1) && a.toks[start+1].Kind == doc.Word) {
		// "wrote to the university", "said to reporters": an addressee;
		// what was said is a clause after it, if any ("wrote to the
		// council that …").
		k := a.clauseAfterObject(start+1, hi)
		if k == start+1 || !a.isWord(k, "that") {
			return f, false
		}
		start = k
	}
	if (a.isWord(start, "about") || a.isWord(start, "of")) && start+1 < hi && a.toks[start+1].Kind == doc.Word {
		start++ // "complained about the delays", "warned of a crisis": the topic is the content
	}
	if start == t && a.punct(start, ",") && v.class == speech && spk.ok() && a.opensSentence(spk[0], lo) &&
		start+1 < hi && !a.quoteChar(start+1) && !a.is(start+1, participles) {
		start++ // "Rubio says, win or lose, he’s staying in the race"
	}
	if start < hi && (!a.tailOnly(start, hi) || a.nameObject(c, start)) && !a.punct(start, ",") &&
		(spk.ok() || c > lo && a.toks[c-1].Kind == doc.Word || a.punct(c-1, ",") && a.is(c, participles)) {
		if a.punct(start, ":()") {
			return f, false // "said: “…”" is a framed quotation, handled with quotations
		}
		if a.is(start, leadingPrepositions) && !(a.isWord(start, "at") && (a.isWord(start+1, "least") || a.isWord(start+1, "most"))) {
			return f, false // "said at a briefing Monday before …": no clause follows
		}
		if (a.isWord(start, "nothing") || a.isWord(start, "little")) &&
			(a.punct(start+1, ".,;:!?") || a.is(start+1, leadingPrepositions) || a.isWord(start+1, "about") ||
				a.isWord(start+1, "else") || a.isWord(start+1, "more")) {
			return f, false // "Ortiz said nothing about the fine": no words reported
		}
		end := a.contentEnd(start, hi)
		if callForms[a.low(c)] && f.cue[1] == c+1 && start == c+1 && a.phoneCall(start, end) {
			return f, false // "She called her mother from the hospital": a call, not a name given
		}
		if showForms[a.low(c)] && a.showsQuality(spk, start, hi) {
			// "The defendant showed no emotion", "Kovac showed signs of
			// fatigue": a person showing something reports nothing; a
			// poll, a study or a record showing something reports a finding.
			return f, false
		}
		if stanceVerbs[a.low(c)] && !a.saysSomething(start, end, hi) {
			// "rejected the ultimatum", "declined to comment": a stance
			// or a refusal, not something said.
			return f, false
		}
		if strings.HasSuffix(a.low(c), "ing") && objectVerbs[a.low(c)] && c > lo && a.toks[c-1].Kind == doc.Word &&
			!a.is(c-1, auxiliaries) && !a.is(c-1, pronouns) && !a.isWord(c-1, "and") {
			// "Super PACs backing Marsh spent millions": the participle
			// modifies a noun and reports only its object.
			if np, ok := a.npAfter(start, end); ok {
				end = np[1]
			}
		}
		switch rel, comma := a.relative(c, lo); {
		case rel && comma, a.openingClause(c, lo):
			// "The union, which endorsed the plan, met", "While one
			// firm says X, another says Y": the relative or opening
			// clause ends at its comma.
			end = a.firstComma(start, end)
		case rel:
			// "Mr. Vik, a pilot who described the storm as rare, said
			// …": a comma before the main verb closes the clause.
			if k := a.firstComma(start, end); k < end && a.coordinatedVerb(a.skipAdverbials(k+1)) {
				end = k
			}
		}
		end = a.objectEnd(c, start, end)
		end = a.trimTime(start, end)
		s, e, ok := a.trimTokens(start, end)
		if !ok {
			return f, false
		}
		f.start, f.end, f.kind = s, e, a.contentKind(start, end)
		return f, true
	}

	// Content before the cue: "CLAUSE, X said." or "CLAUSE, said X."
	if a.relativePronoun(spk) {
		return f, false // "X, who said so, …": the relative clause reports nothing before it
	}
	comma := -1
	switch {
	case spk.ok() && spk[1] == c || spk.ok() && spk[1] < c && a.onlyAdverbs(a.skipParenthesis(spk[1], c), c) ||
		spk.ok() && spk[1] < c && a.punct(spk[1], ",") && a.punct(c-1, ","): // "…, Howard Dean, a former governor, said"
		if a.punct(spk[0]-1, ",") {
			comma = spk[0] - 1
		} else if a.quoteChar(spk[0]-1) && a.punct(spk[0]-2, ",") {
			comma = spk[0] - 1 // "Clinton “is …,” the general said": the comma is inside
		}
		if !a.tailOnly(t, hi) {
			// "A, he said, B": the content is the whole sentence; but in
			// "A, he said, as they …" the clause after is the cue's own.
			k, ok := a.parenthetical(t, hi)
			if comma <= lo || !ok {
				return f, false
			}
			if !a.is(k+1, subordinators) && !((a.is(k+1, contrasts) || strings.HasSuffix(a.low(k+1), "ing")) && a.contentEnd(lo, hi) == k+1) {
				return a.wholeSentence(f, lo, hi)
			}
			// "A, a spokeswoman said, but B", "A, insurers warned,
			// pushing up costs": the clause after the cue's comma is not
			// part of A's sentence; A is the content.
		}
	case (a.punct(c-1, ",") || a.quoteChar(c-1) && a.punct(c-2, ",")) && !strings.HasSuffix(a.low(c), "ing"):
		// "…,” said Zarate"; a participle ("…, referencing the sales
		// push") has its object after it, not its speaker.
		np, ok := a.npAfter(c+1, hi)
		if !ok {
			return f, false
		}
		if a.is(np[0], pronouns) && !a.isWord(np[0], "he") && !a.isWord(np[0], "she") && !a.isWord(np[0], "they") {
			return f, false
		}
		rest := np[1]
		if a.punct(rest, ",") && (a.isWord(rest+1, "who") || a.is(rest+1, determiners) || a.nominal(rest+1, hi)) {
			rest = hi // an apposition or relative clause after the name
		} else if a.is(rest, modifierPrepositions) && a.nominal(rest+1, hi) {
			// "said the head of the city's engineering department": the
			// modifier belongs to the speaker's phrase.
			e := hi
			for e > rest+1 && a.toks[e-1].Kind == doc.Punct && !a.possessive(e-1) {
				e--
			}
			np[1], rest = e, hi
		}
		if !a.tailOnly(rest, hi) {
			return f, false
		}
		f.spk, comma = np, c-1
	}
	if pi := a.inPair[lo]; pi >= 0 && a.pairs[pi].parent < 0 && a.pairs[pi].open < lo {
		// The splitter ended a sentence inside the quotation ("In 2009,
		// “Towns were broke. They needed it,” Marsh said"): the content
		// starts with the sentence holding the opening mark.
		if plo, _ := a.sentRange(a.pairs[pi].open); lo-plo < maxClause {
			lo = plo
		}
	}
	if comma <= lo || comma-lo > maxClause {
		return f, false
	}
	if a.quotationUpTo(lo, comma) {
		return f, false // a quotation before the cue: handled with quotations
	}
	start = a.skipConnective(a.afterDateline(lo, comma), comma)
	for start < comma && (a.isMark(start) && a.pairs[a.markOf[start]].close >= comma || a.punct(start, "—–-")) {
		start++
	}
	s, e, ok := a.trimTokens(start, comma)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(start, comma)
	f.cueAfter = true
	return f, true
}

// continuations extends reported content that holds a quotation and whose
// cue follows it by the quotation standing alone right after the cue's
// clause: "The benefit is “ten times the losses,” he said. “Trade helps.”"
// is one discontinuous quote, as with a direct quotation. The piece it
// takes in is emptied, so annotate drops it.
func (a *analysis) continuations(fs []found) {
	alone := map[int]int{} // opening mark of an unattributed direct quotation -> its found
	for i, f := range fs {
		if f.pair >= 0 && f.kind == doc.Direct && !f.cue.ok() && a.pairs[f.pair].parent < 0 {
			alone[a.pairs[f.pair].open] = i
		}
	}
	if len(alone) == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		if f.pair >= 0 || !f.cueAfter || f.kind != doc.Mixed || !f.cue.ok() {
			continue
		}
		// The quotation opens within a few tokens of the cue's clause.
		for k := f.cue[1]; k < len(a.toks) && k-f.cue[1] < 40; k++ {
			j, ok := alone[k]
			if !ok {
				continue
			}
			if a.continues(*f, k) {
				f.end = fs[j].end
				fs[j].end = fs[j].start
			}
			break
		}
	}
}

// nominalCues are nouns of speech and stance whose complement is what
// was said or held ("his claim that …", "calls for a ban", "criticism of
// the plan"), with the words that may open it. Only those that PolNeAR
// -train marks as cues about half the time or more are listed.
var nominalCues = map[string]string{
	"claim": "that", "claims": "that", "statement": "that", "assertion": "that", "insistence": "that",
	"warning": "that", "warnings": "that", "complaint": "that", "complaints": "that", "suggestion": "that",
	"accusation": "that", "accusations": "that", "allegation": "that", "allegations": "that",
	"belief": "that", "argument": "that", "hopes": "that to", "concern": "that about", "concerns": "that about",
	"doubt": "that about", "doubts": "that about", "fears": "that about", "calls": "for", "endorsement": "of",
	"endorsements": "of", "criticism": "of for about", "criticisms": "of", "questions": "about",
	"promise": "to", "promises": "to",
}

// possessivePronouns hold the source of a nominal cue ("his claim").
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true,
	"my": true, "your": true}

// nominalAt reads a report headed by the noun at c (see nominalCues):
// the complement is the content, and the source is the possessor ("his
// claim", "Graham's endorsement of Cruz") or the subject of the verb the
// noun is the object of ("she expressed concern that …").
func (a *analysis) nominalAt(c, lo, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 1}, spk: none, addr: none}
	opens := nominalCues[a.lower[c]]
	if c+1 >= hi || !strings.Contains(" "+opens+" ", " "+a.low(c+1)+" ") {
		return f, false
	}
	if d := c - 1; a.isWord(d, "in") || (a.is(d, determiners) || possessivePronouns[a.low(d)]) && a.isWord(d-1, "in") {
		// "said in a statement that …": the noun is where the verb's
		// words appeared; the verb reports them.
		return f, false
	}
	start := c + 1
	if !a.isWord(start, "that") {
		start++ // past the preposition; "to" opens an infinitive and stays
		if a.isWord(c+1, "to") {
			start = c + 1
		}
	}
	if start >= hi || a.toks[start].Kind != doc.Word && !a.isMark(start) {
		return f, false
	}
	// The source: back over adjectives ("energetic endorsement").
	k := c - 1
	for k >= lo && c-k < 4 && a.toks[k].Kind == doc.Word && !a.capitalised(k) && !a.is(k, determiners) &&
		!possessivePronouns[a.low(k)] && !functionWords[a.low(k)] && !a.cueAt(k) && !a.possessive(k) {
		k--
	}
	switch {
	case k >= lo && possessivePronouns[a.low(k)]:
		f.spk = span{k, k + 1}
	case k >= lo && a.possessive(k):
		if np, ok := a.npBefore(k-1, lo); ok {
			f.spk = np
		}
	case k >= lo && (a.cueAt(k) || a.is(k, verbAux) || a.toks[k].Kind == doc.Word && strings.HasSuffix(a.low(k), "ed")):
		// "she expressed concern that", "Jones has doubts about"
		if spk, passive := a.subjectBefore(k, lo); !passive || a.is(k, verbAux) {
			if !spk.ok() && a.is(k, verbAux) {
				spk, _ = a.npBefore(k-1, lo)
			}
			f.spk = spk
		}
	}
	end := a.contentEnd(start, hi)
	subject := k < lo || a.opensSentence(max(k, lo), lo) || f.spk.ok() && a.opensSentence(f.spk[0], lo)
	if a.isWord(start, "that") {
		if a.opensSentence(max(k, lo)-1, lo) && a.is(max(k, lo)-1, leadingPrepositions) || a.isWord(lo, "despite") {
			end = a.firstComma(start, end) // "Despite her claim that …, ships stayed away"
		} else if subject {
			end = a.mainVerb(start, end) // "Her claim that the port would reopen was wrong"
		}
	} else {
		end = a.firstComma(start, end)
		if subject {
			// "Berg's endorsement of Marsh surprised the union": the
			// phrase is the sentence's subject and ends before its verb.
			for j := start + 1; j < end; j++ {
				if a.is(j, verbAux) || a.cueAt(j) || a.toks[j].Kind == doc.Word && !a.capitalised(j) &&
					strings.HasSuffix(a.low(j), "ed") && !a.is(j-1, determiners) {
					end = j
					break
				}
			}
		}
	}
	if !f.spk.ok() && subject {
		// "The statement that the mine would close angered workers": the
		// sentence is about a claim nobody in it makes, which is not a
		// quote of anyone's.
		return f, false
	}
	s, e, ok := a.trimTokens(start, end)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(start, end)
	return f, true
}

// mainVerb returns where a that-clause inside a sentence's subject ends:
// at a second auxiliary with no conjunction, comma or new subject after
// the clause's own ("that the port would reopen by May was wrong"), or e.
func (a *analysis) mainVerb(s, e int) int {
	first := -1
	aux := func(k int) bool { // "May" is a month
		return a.is(k, verbAux) && !a.capitalised(k) && !a.isWord(k, "not") && !a.isWord(k, "n't") && !a.isWord(k, "n’t")
	}
	// past reports a lower-case past form not after a determiner or an
	// auxiliary: a finite verb ("dominated").
	past := func(k int) bool {
		return a.toks[k].Kind == doc.Word && !a.capitalised(k) && strings.HasSuffix(a.low(k), "ed") &&
			!a.is(k-1, determiners) && !a.is(k-1, verbAux) && !possessivePronouns[a.low(k-1)]
	}
	// bare reports a base or past form right after a plural subject noun:
	// the clause's own verb in "that wages rise".
	bare := func(k int) bool {
		p := a.low(k - 1)
		w := a.low(k)
		return a.toks[k].Kind == doc.Word && a.toks[k-1].Kind == doc.Word && !a.capitalised(k) &&
			plural(p) && !functionWords[p] && !determiners[p] && !functionWords[w] && !determiners[w] &&
			!strings.HasSuffix(w, "s") && !hasLySuffix(w) && !strings.HasSuffix(w, "ing")
	}
	verb := -1 // the clause's own finite verb, when it has no auxiliary
	for k := s + 1; k < e; k++ {
		switch {
		case a.punct(k, ",;") || a.is(k, conjunctions) || a.is(k, subjectPronouns) || a.isWord(k, "that") ||
			a.isWord(k, "who") || a.isWord(k, "which") || a.is(k, openers):
			first, verb = -1, -1
		case first >= 0 && k > first+1 && past(k) && !a.isWord(k-1, "be") && !a.isWord(k-1, "been"):
			return k // "that the mine would close angered workers"
		case first < 0 && verb >= 0 && (past(k) || aux(k) && !aux(k-1)):
			return k // "that wages rise dominated the talks", "that the port closed the road was wrong"
		case first < 0 && verb < 0 && (past(k) || k > s+1 && bare(k)):
			verb = k
		case aux(k):
			if first >= 0 && k > first+1 && !aux(k-1) {
				return k
			}
			if first < 0 {
				first = k
			}
		}
	}
	return e
}

// haveForms before a noun of nominalCues make it an object ("has doubts
// about"), not a verb.
var haveForms = map[string]bool{"has": true, "have": true, "had": true, "having": true}

// nominalObject returns the "that" of a nominal cue that is the object of
// the cue verb before it, starting at s ("expressed concern that …",
// "repeated her claim that …"), or -1.
func (a *analysis) nominalObject(s, hi int) int {
	k := s
	for k < hi && k-s < 4 && (a.is(k, determiners) || possessivePronouns[a.low(k)]) {
		k++
	}
	if k+1 < hi && a.toks[k].Kind == doc.Word && strings.Contains(nominalCues[a.low(k)], "that") && a.isWord(k+1, "that") {
		return k + 1
	}
	return -1
}

// stancePreposition reports whether token t, right after a cue verb,
// joins the cue rather than opening the content ("argued against the
// plan", "called upon Congress", "lashed out at"): a preposition of stance
// before a noun phrase.
func (a *analysis) stancePreposition(t int) bool {
	switch a.low(t) {
	case "against", "upon", "out":
	default:
		return false
	}
	n := t + 1
	return n < len(a.toks) && (a.toks[n].Kind == doc.Word || a.isMark(n))
}

// callOn reports whether the phrase at k, after "called on", is an
// addressee with an infinitive ("called on the council to release …"),
// not a time ("called on Friday") or a visit ("called on the family").
func (a *analysis) callOn(k, hi int) bool {
	if a.timeWord(k) || a.is(k, timeHeads) {
		return false
	}
	for j := k + 1; j < hi && j-k < 10; j++ {
		if a.infinitive(j) {
			return true
		}
		if a.toks[j].Kind != doc.Word && !a.possessive(j) || a.is(j, verbAux) {
			return false
		}
	}
	return false
}

// catenatives take a cue verb in the infinitive that still reports
// ("is trying to show", "seemed to suggest", "refused to say").
var catenatives = map[string]bool{}

const catenativeList = `try tries tried trying seem seems seemed appear appears appeared want wants
	wanted plan plans planned continue continues continued begin begins began refuse refuses
	refused decline declines declined hope hopes hoped need needs needed going promised vowed
	pledged threatened sought attempted`

func init() {
	for _, w := range strings.Fields(catenativeList) {
		catenatives[w] = true
	}
}

// passiveCues report a view or expectation without its holder when
// passive, before the word given ("is expected to", "is seen as", "is
// known for").
var passiveCues = map[string]string{"expected": "to", "seen": "as", "viewed": "as", "regarded": "as",
	"considered": "to,as", "known": "for,as", "believed": "to", "thought": "to", "rumored": "to",
	"projected": "to,as", "predicted": "to", "perceived": "as"}

// seemForms are the forms of seem and appear, 2 for those that report
// before an adjective too ("seemed irritated") and 1 for those that do
// only before to or like ("appeared to dismiss", not "appeared on TV").
var seemForms = map[string]uint8{"seem": 1, "seems": 2, "seemed": 2, "appear": 1, "appears": 2, "appeared": 1}

// seemReport reads an impression without its holder, "Carson seems to
// recognize the problem": like a passive report, the clause with its
// subject and cue is the content and there is no speaker.
func (a *analysis) seemReport(c, lo, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 1}, spk: none, addr: none}
	next := a.low(c + 1)
	switch {
	case next == "to" || next == "like":
	case seemForms[a.low(c)] == 2 && c+1 < hi && a.toks[c+1].Kind == doc.Word && !a.capitalised(c+1) &&
		!functionWords[next] && !leadingPrepositions[next]:
	default:
		return f, false
	}
	f.kind = doc.Indirect
	return a.clauseReport(f, c, c, lo, hi)
}

// clauseReport makes the clause around the verb at c, from the subject
// before its auxiliaries (first of them at b or c) to the clause end, the
// content of f: the sourceless reports of passiveReport and seemReport.
func (a *analysis) clauseReport(f found, b, c, lo, hi int) (found, bool) {
	for b-1 >= lo && c-b < 4 && a.toks[b-1].Kind == doc.Word && (a.is(b-1, auxiliaries) || hasLySuffix(a.low(b-1))) {
		b--
	}
	np, ok := a.npBefore(b-1, lo)
	if !ok || a.relativePronoun(np) || a.isWord(np[0], "it") || a.isWord(np[0], "there") {
		return f, false
	}
	end := a.contentEnd(c+1, hi)
	for k := c + 1; k < end; k++ {
		if !a.punct(k, ",") || a.inPair[k] >= 0 {
			continue
		}
		if a.cueAt(k + 1) {
			return f, false // "…, said the report": the source is named after all
		}
		if np, ok := a.npAfter(k+1, end); ok && a.cueAt(a.skipAdverbs(np[1], end)) {
			return f, false // "…, the report said"
		}
		if a.newReport(k + 1) {
			return f, false // "…, lawyers for both sides said"
		}
	}
	s, e, ok := a.trimTokens(np[0], end)
	if !ok {
		return f, false
	}
	f.cue = span{b, c + 1}
	f.start, f.end, f.kind = s, e, a.contentKind(np[0], end)
	return f, true
}

// askedPassive reads "X was asked about Y", "was asked whether …",
// "was asked to …": the question is the content, and its asker, given
// only by a "by" phrase, the speaker.
func (a *analysis) askedPassive(f found, c, hi int) (found, bool) {
	start := c + 1
	switch a.low(start) {
	case "about":
		start++
	case "whether", "if", "why", "what", "how", "when", "where", "who", "to":
	default:
		return f, false
	}
	if start >= hi || a.toks[start].Kind != doc.Word {
		return f, false
	}
	end := a.contentEnd(start, hi)
	for k := start + 1; k < end; k++ {
		if a.isWord(k, "by") && a.inPair[k] < 0 {
			if np, ok := a.npAfter(k+1, end); ok {
				f.spk = np // "was asked to preserve them by the committee"
				end = k
			}
			break
		}
	}
	if !a.isWord(start, "to") {
		end = a.firstComma(start, end)
	}
	s, e, ok := a.trimTokens(start, end)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(start, end)
	return f, true
}

// passiveReport reads a sourceless passive report, "Trump is expected to
// win the state": the whole clause, its subject and cue included, is the
// content (PolNeAR's convention), and there is no speaker.
func (a *analysis) passiveReport(f found, c, lo, hi int) (found, bool) {
	if !hasParticle(passiveCues[a.low(c)], a.low(c+1)) {
		return f, false
	}
	b := c
	for b-1 >= lo && c-b < 4 && a.toks[b-1].Kind == doc.Word && (a.is(b-1, auxiliaries) || hasLySuffix(a.low(b-1))) {
		b--
	}
	if b == c || !a.isBe(b) && !a.isBe(c-1) && !a.is(b, verbAux) {
		return f, false
	}
	return a.clauseReport(f, b, c, lo, hi)
}

// objectVerbs take a person or group as what they report ("endorsed
// Clinton", "blamed Obama"), where a name after "said" is the speaker.
var objectVerbs = map[string]bool{}

const objectVerbList = `endorse attack criticize criticise praise blame accuse support back
	defend mock slam blast thank congratulate reject oppose condemn denounce hail tout champion
	favor rebuke deride lambast assail applaud credit challenge`

func init() {
	for _, base := range strings.Fields(objectVerbList) {
		for _, w := range inflections(base) {
			objectVerbs[w] = true
		}
	}
}

// stanceVerbs take a stance or refuse rather than report words: their
// object ("rejected the ultimatum", "supports the plan", "declined to
// comment") is not something said, so they report only a clause ("denied
// that …"), an "as" complement or words in quotation marks. Verbs that
// are speech acts with an object ("criticized the plan", "endorsed
// Clinton", "backed Clinton", "blamed the weather") keep reporting it, as PolNeAR does;
// dropping those too cost 1.7 points of overlap F1 on its dev set.
var stanceVerbs = map[string]bool{}

const stanceVerbList = `refuse decline reject oppose support favor`

func init() {
	for _, base := range strings.Fields(stanceVerbList) {
		for _, w := range inflections(base) {
			stanceVerbs[w] = true
		}
	}
}

// saysSomething reports whether the content [s, e) of a stance verb
// reports words: a that-clause, a finite clause, an "as" complement or a
// quotation.
func (a *analysis) saysSomething(s, e, hi int) bool {
	// "that" opens a clause, not a determiner ("rejected that account").
	words := 0
	for k := s + 1; k < e && words < 2; k++ {
		if a.toks[k].Kind == doc.Word {
			words++
		}
	}
	if a.isWord(s, "that") && words > 1 || a.finiteClause(s, hi) || a.asComplement(s, hi) {
		return true
	}
	for k := s; k < e; k++ {
		if a.isMark(k) {
			return true
		}
	}
	return false
}

// nameObject reports whether the cue at c is a verb of objectVerbs, or a
// form of "show" reporting a finding, whose object, starting at s, is a
// name and not a time ("endorsed Marsh in early June" reports Marsh,
// though only a name and adverbials follow).
func (a *analysis) nameObject(c, s int) bool {
	w := a.low(c)
	finding := w == "show" || w == "shows" || w == "showed" || w == "shown" // "polls show Clinton ahead"
	return (objectVerbs[w] || finding) && a.capitalised(s) && a.toks[s].Kind == doc.Word && !a.is(s, timeHeads)
}

// clauseAfterObject returns the "that", "how", "whether" or "to"
// opening the clause reported to an addressee whose phrase runs on past
// what object read ("told delegates at the Republican convention that
// …"), or s when none follows a plain noun phrase within reach.
func (a *analysis) clauseAfterObject(s, hi int) int {
	for k := s; k < hi && k-s < 15; k++ {
		switch a.low(k) {
		case "that", "how", "whether", "why", "what":
			if k > s {
				return k
			}
			return s
		}
		if a.toks[k].Kind != doc.Word && !a.possessive(k) && !a.punct(k, "-") || a.is(k, verbAux) ||
			a.is(k, subjectPronouns) || a.cueAt(k) || a.isMark(k) {
			return s
		}
	}
	return s
}

// trimTime drops a time adverbial ending a reported noun phrase
// ("announced the deal Monday", "endorsed Trump in early June"): a
// clause ("said the vote would be close Tuesday") keeps it.
func (a *analysis) trimTime(s, e int) int {
	if e-s < 2 {
		return e
	}
	switch a.low(s) {
	case "that", "to", "how", "whether", "if", "why", "what", "who":
		return e
	}
	for k := s; k < e; k++ {
		if a.is(k, verbAux) || a.is(k, subjectPronouns) || a.isMark(k) || a.infinitive(k) {
			return e // a clause, or an infinitive ("expect prices to fall by Friday")
		}
	}
	last := e - 1
	for last > s && a.punct(last, ".,;:!?") {
		last--
	}
	if !a.is(last, timeHeads) || a.is(last, auxiliaries) || a.isWord(last, "may") {
		return e
	}
	j := last - 1
	for j > s && last-j < 4 && (a.is(j, timeModifiers) || a.is(j, timeHeads) && !a.is(j, auxiliaries)) {
		j--
	}
	if j > s && a.is(j, timePrepositions) {
		return j // "expect cuts by June": the preposition goes with its time
	}
	return j + 1
}

// timePrepositions open a time adverbial that trimTime drops with its
// time ("by June", "until Friday").
var timePrepositions = map[string]bool{"by": true, "until": true, "till": true, "before": true, "after": true,
	"since": true, "in": true, "at": true, "during": true, "from": true, "through": true}

// objectEnd returns where the content [s, e) of the cue at c ends when
// it is a noun phrase, the object of a verb like "criticized" or
// "endorsed": before an adverbial of the verb's ("criticized Machado in
// early-morning tweets", "endorsed Clinton on Thursday", "praised the
// plan during the debate", "attacked the bill because …"). A clause keeps
// its adverbials ("said the vote was rigged in a statement" cannot tell
// them apart), so the content must open with no clause word and hold no
// auxiliary before the cut, and the cue must not be a verb of saying,
// whose content is a clause even without an auxiliary ("said Trump lied
// during the debate").
func (a *analysis) objectEnd(c, s, e int) int {
	if clauseCues[a.low(c)] || a.is(s, subjectPronouns) || a.is(s, verbAux) {
		return e
	}
	switch a.low(s) {
	case "that", "to", "how", "whether", "if", "why", "what", "who", "when", "where":
		return e
	}
	for k := s + 1; k < e; k++ {
		if pi := a.markOf[k]; pi >= 0 && a.pairs[pi].open == k {
			if a.pairs[pi].close < k {
				return e
			}
			k = a.pairs[pi].close // a quotation is part of the object
			continue
		}
		if a.is(k, verbAux) || a.isWord(k, "that") || a.isWord(k, "who") || a.isWord(k, "which") || a.infinitive(k) {
			return e // a clause, a relative clause on the object, or what the object is to do
		}
		switch w := a.low(k); {
		case objectClosers[w]:
			return k
		case adverbialPrepositions[w] && (a.is(k+1, timeHeads) || a.venueAt(k+1, e)):
			return k
		}
	}
	return e
}

// venueAt reports whether a phrase at k, within a few words, is headed by
// a noun of where or how something was said ("a statement", "Twitter",
// "its website", "early-morning tweets").
func (a *analysis) venueAt(k, e int) bool {
	for j := k; j < e && j-k < 4; j++ {
		if venueNouns[a.low(j)] {
			return true
		}
		if a.toks[j].Kind != doc.Word || a.is(j, verbAux) || functionWords[a.low(j)] && !a.is(j, determiners) &&
			!possessivePronouns[a.low(j)] {
			return false
		}
	}
	return false
}

// onlyAdverbs reports whether tokens [s, e) are auxiliaries or adverbs.
func (a *analysis) onlyAdverbs(s, e int) bool {
	for k := s; k < e; k++ {
		if !a.is(k, auxiliaries) && !hasLySuffix(a.word(k)) {
			return false
		}
	}
	return true
}

// parenthetical reports whether the cue clause ends in a comma after
// adverbials and the sentence goes on ("The talks, he said, were useful"),
// and returns the comma.
func (a *analysis) parenthetical(s, hi int) (int, bool) {
	for k := s; k < hi && k-s < maxReach; k++ {
		if a.punct(k, ",") {
			return k, k+1 < hi
		}
		if !a.skippable(k) {
			return 0, false
		}
	}
	return 0, false
}

// thatAfterAdverbial returns the "that" ending an adverbial that opens at
// token s ("at a campaign stop in Toledo, Ohio, that"), or s when there is
// none within reach or a verb comes first.
func (a *analysis) thatAfterAdverbial(s, hi int) int {
	for k := s + 1; k < hi && k-s < 16; k++ {
		if a.isWord(k, "that") {
			return k
		}
		if a.isMark(k) || a.is(k, auxiliaries) && !hasLySuffix(a.word(k)) {
			break
		}
		if _, ok := a.cue(k); ok {
			break
		}
	}
	return s
}

// contrasts open a clause of the article's own after a parenthetical cue
// ("A, a spokeswoman said, but B").
var contrasts = map[string]bool{"but": true, "and": true, "yet": true, "while": true, "although": true,
	"though": true, "whereas": true}

// wholeSentence makes the sentence [lo, hi) the content of f.
func (a *analysis) wholeSentence(f found, lo, hi int) (found, bool) {
	hi = a.contentEnd(lo, hi)
	lo = a.skipConnective(a.afterDateline(lo, hi), hi)
	s, e, ok := a.trimTokens(lo, hi)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(lo, hi)
	return f, true
}

// quotationUpTo reports whether the text before the comma at token comma
// is one quotation opening the sentence ("“…,” he said" / "“…”, he said"),
// which the quotation pass attributes.
func (a *analysis) quotationUpTo(lo, comma int) bool {
	var pi int32 = -1
	switch {
	case a.isMark(comma - 1):
		pi = a.markOf[comma-1]
	case a.isMark(comma) && a.quoteChar(comma):
		pi = a.markOf[comma]
	case a.inPair[comma-1] >= 0 && a.closesBefore(comma):
		pi = a.inPair[comma-1]
	}
	if pi < 0 {
		return false
	}
	p := a.pairs[pi]
	return p.parent < 0 && p.open <= a.afterDateline(lo, comma)
}

// skipParenthesis returns the token after a parenthesis starting at s
// ("Sen. Lindsey Graham (R-S.C.) told"), or s.
func (a *analysis) skipParenthesis(s, hi int) int {
	if !a.punct(s, "(") {
		return s
	}
	for k := s + 1; k < hi && k-s < 12; k++ {
		if a.punct(k, ")") {
			return k + 1
		}
	}
	return s
}

// closesBefore reports whether the quotation holding token comma-1 closes
// right at the comma (a quotation ending "…,”").
func (a *analysis) closesBefore(comma int) bool {
	p := a.pairs[a.inPair[comma-1]]
	return p.close == comma+1 || p.close == comma
}

// accordingTo reads "according to X, CLAUSE" and "CLAUSE, according to X".
func (a *analysis) accordingTo(c, lo, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 2}, spk: none, addr: none}
	np, ok := a.npAfter(c+2, hi)
	if !ok || !a.punct(np[1], ",.;") {
		// "according to law enforcement officials,", "according to
		// people in attendance.": the source runs to the comma or the
		// sentence end.
		k := c + 2
		for k < hi && k-c < 30 && !a.punct(k, ",.;:!?()") && !a.isMark(k) && !a.quoteChar(k) {
			k++
		}
		if k == c+2 || k-c >= 30 || k < hi && !a.punct(k, ",.;!?):") {
			return f, false
		}
		np = span{c + 2, k}
	}
	f.spk = np
	first := lo
	if c-1 > lo && a.punct(c-1, ":") {
		first = c // "And it has not gone unnoticed: according to polls, …"
	}
	for first < c && (a.isWord(first, "but") || a.isWord(first, "and") || a.isMark(first)) {
		first++
	}
	switch {
	case first == c && a.punct(np[1], ","):
		start := np[1] + 1
		if a.isMark(start) {
			return f, false // a framed quotation: handled with quotations
		}
		end := a.contentEnd(start, hi)
		s, e, ok := a.trimTokens(start, end)
		if !ok {
			return f, false
		}
		f.start, f.end, f.kind = s, e, a.contentKind(start, end)
		return f, true
	case c > lo && (a.punct(c-1, ",—–") || a.toks[c-1].Kind == doc.Word || a.toks[c-1].Kind == doc.Number) && c-lo <= maxClause:
		end := c
		if a.punct(c-1, ",—–") {
			if a.isMark(c - 2) {
				return f, false
			}
			end = c - 1
		}
		start := a.skipConnective(lo, end)
		for k := end - 1; k > lo && end-k < 60; k-- {
			if a.punct(k, ")") {
				break
			}
			if a.punct(k, "(") {
				start = k + 1 // "(93 percent were white, according to exit polls)"
				break
			}
		}
		s, e, ok := a.trimTokens(start, end)
		if !ok {
			return f, false
		}
		f.start, f.end, f.kind = s, e, a.contentKind(start, end)
		return f, true
	}
	return f, false
}

// isIntent reports whether w is a form of a verb of intention, whose
// infinitive or object is the content ("plans to cut", "wants a deal").
func isIntent(w string) bool {
	switch lowerKey(w) {
	case "want", "wants", "wanted", "plan", "plans", "planned", "wish", "wishes", "wished", "hope", "hopes", "hoped",
		"agree", "agrees", "agreed", "expect", "expects", "expected", "prefer", "prefers", "preferred",
		"decide", "decides", "decided", "intend", "intends", "intended":
		return true
	}
	return false
}

// headline reads "Name: CLAUSE" in the article's first sentence (see
// headlineSource); a quotation after the colon is left to the quotation
// pass.
func (a *analysis) headline(lo, hi int) (found, bool) {
	for k := lo + 1; k < hi && k <= lo+6; k++ {
		if !a.punct(k, ":") {
			continue
		}
		at, ok := a.headlineSource(lo, k)
		if !ok || a.isMark(k+1) {
			return found{}, false
		}
		s, e, ok := a.trimTokens(k+1, hi)
		if !ok {
			return found{}, false
		}
		return found{start: s, end: e, kind: a.contentKind(k+1, hi), cue: at.cue, spk: at.spk, addr: none,
			pair: -1, outer: -1}, true
	}
	return found{}, false
}

// transcripts reads speaker labels opening paragraphs of a transcript
// ("WALLACE: …", "Q: …", also after an opening quote mark): one to three
// upper-case words and a colon; the content runs to the end of the
// paragraph. The paragraph's tokens are marked used, so neither its
// quotation marks nor its verbs are read again.
func (a *analysis) transcripts(used []bool, dst []found) []found {
	for i := range a.toks {
		if !startsParagraph(a.text, a.toks, i) {
			continue
		}
		lo := i
		if a.quoteChar(lo) {
			lo++
		}
		k := lo
		for k < len(a.toks) && k-lo < 3 && a.upper(k) {
			k++
		}
		if k == lo || !a.punct(k, ":") {
			continue
		}
		end := paragraphEnd(a.text, a.toks, k)
		e := k + 1
		for e < len(a.toks) && a.toks[e].Start < end {
			e++
		}
		last := e
		if last > k+1 && a.quoteChar(last-1) {
			last--
		}
		s, en, ok := a.trimTokens(k+1, last)
		if !ok {
			continue
		}
		for j := i; j < e; j++ {
			used[j] = true
		}
		// A transcript line is verbatim speech: direct, marks or not.
		dst = append(dst, found{start: s, end: en, kind: doc.Direct, cue: span{k, k + 1},
			spk: span{lo, k}, addr: none, pair: -1, outer: -1})
	}
	return dst
}

// upper reports whether token i is a word in capitals ("WALLACE", "Q").
func (a *analysis) upper(i int) bool {
	if i >= len(a.toks) || a.toks[i].Kind != doc.Word {
		return false
	}
	w := a.word(i)
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return w != "I" && w != "A"
}

// afterDateline skips a dateline opening a sentence ("WASHINGTON ―",
// "MOSCOW (Reuters) -"): upper-case words, an optional parenthesis and a
// dash. It returns lo when there is none.
func (a *analysis) afterDateline(lo, hi int) int {
	k := lo
	for k < hi && k-lo < 4 && (a.upper(k) || a.punct(k, ",")) {
		k++
	}
	if k == lo {
		return lo
	}
	for j := k; j < hi && j-k < 4 && (a.capitalised(j) || a.punct(j, ",.")); j++ {
		if a.punct(j+1, "—–―(") || a.word(j+1) == "--" {
			k = j + 1 // "MELBOURNE, Australia —", "FALMOUTH, England (AP) —"
			break
		}
	}
	if a.punct(k, "(") {
		for k < hi && k-lo < 10 && !a.punct(k, ")") {
			k++
		}
		k++
	}
	if k < hi && (a.punct(k, "—–-―") || a.word(k) == "--") {
		return k + 1
	}
	return lo
}

// skipConnective returns the first token of a reported clause opening at s
// past a connective that links the sentence to the one before: "And", "But",
// "So" or "Yet", or "However," "Still," "In addition," with their comma
// ("But the plan will fail, he said" reports "the plan will fail").
func (a *analysis) skipConnective(s, hi int) int {
	k := s
	switch a.low(k) {
	case "and", "but", "so", "yet", "or":
		k++
	case "however", "still", "meanwhile", "moreover", "furthermore", "instead", "indeed", "now", "also",
		"nevertheless", "nonetheless", "similarly", "likewise", "otherwise", "besides", "again":
		if !a.punct(k+1, ",") {
			return s
		}
		k += 2
	case "in", "of", "at", "for", "by":
		if !connectivePhrases[a.low(k)+" "+a.low(k+1)] || !a.punct(k+2, ",") {
			return s
		}
		k += 3
	default:
		return s
	}
	if k >= hi || a.toks[k].Kind == doc.Punct && !a.isMark(k) {
		return s
	}
	return k
}

// connectivePhrases are two-word connectives skipConnective drops before
// their comma.
var connectivePhrases = map[string]bool{"in addition": true, "in fact": true, "of course": true,
	"at least": true, "for example": true, "for instance": true, "by contrast": true, "in contrast": true,
	"in short": true, "in turn": true, "in particular": true}

// nominal reports whether tokens [s, hi) read as a noun phrase running to
// the end of the sentence (an apposition: "executive director of the
// group"): no verb, pronoun, "that" or quotation.
func (a *analysis) nominal(s, hi int) bool {
	for k := s; k < hi; k++ {
		if a.punct(k, ".!?") {
			continue
		}
		if a.is(k, verbAux) || a.is(k, subjectPronouns) || a.isWord(k, "that") || a.isMark(k) || a.cueAt(k) {
			return false
		}
	}
	return s < hi
}

// finiteClause reports whether a clause with its own finite verb starts at
// token s: a short subject ("the plan", "Clinton's lead") followed by an
// auxiliary ("believes the plan will fail", "fear Clinton is ahead"),
// which makes a belief verb a report rather than a verb with an object
// ("found the keys").
func (a *analysis) finiteClause(s, hi int) bool {
	if !a.is(s, determiners) && !a.capitalised(s) {
		return false
	}
	for k := s + 1; k < hi && k-s < 7; k++ {
		if a.is(k, verbAux) && !a.isWord(k, "not") {
			return true
		}
		if a.toks[k].Kind != doc.Word && !a.possessive(k) {
			return false
		}
		if a.is(k, functionWords) || a.cueAt(k) {
			return false
		}
	}
	return false
}

// relative reports whether the cue at c is the verb of a relative clause
// ("who has long argued …", "which on Monday endorsed …") and whether a
// comma sets the clause off (", which endorsed …").
func (a *analysis) relative(c, lo int) (rel, comma bool) {
	k := c - 1
	for k > lo {
		if t := a.timeBefore(k, lo); t < k {
			k = t
			continue
		}
		if !a.is(k, auxiliaries) && !hasLySuffix(a.low(k)) {
			break
		}
		k--
	}
	rel = k > lo && (a.isWord(k, "which") || a.isWord(k, "who"))
	return rel, rel && a.punct(k-1, ",")
}

// firstComma returns the first comma outside quotations in tokens [s, e),
// or e. A comma closing a quotation ("“… hacked,”") ends the content after
// the closing mark.
func (a *analysis) firstComma(s, e int) int {
	for k := s; k < e; k++ {
		if !a.punct(k, ",") {
			continue
		}
		if a.inPair[k] < 0 {
			return k
		}
		if p := a.pairs[a.inPair[k]]; p.close == k+1 && p.parent < 0 && k+2 <= e {
			return k + 2
		}
	}
	return e
}

// subordinators that open a sentence with a clause of their own: a cue in
// that clause reports only up to the clause's comma.
var openers = map[string]bool{"while": true, "when": true, "if": true, "although": true, "though": true,
	"because": true, "after": true, "before": true, "once": true, "until": true, "whereas": true,
	"unless": true, "since": true}

// openingClause reports whether the cue at c stands in a subordinate
// clause opening its sentence ("While one company says …, another says
// …"): no comma outside quotations lies between the subordinator and c.
func (a *analysis) openingClause(c, lo int) bool {
	first := lo
	for first < c && (a.isWord(first, "and") || a.isWord(first, "but") || a.isMark(first)) {
		first++
	}
	for k := c - 1; k >= first && c-k < 40; k-- {
		if a.punct(k, ",;") && a.inPair[k] < 0 {
			return false
		}
		if !a.is(k, openers) {
			continue
		}
		// At the sentence start, or after an opening adverbial with no
		// verb ("In 2009, when the mayor offered …").
		if k == first {
			return true
		}
		if !a.punct(k-1, ",") || k-1-first > 8 {
			return false
		}
		for j := first; j < k-1; j++ {
			if a.is(j, verbAux) || a.cueAt(j) || a.isMark(j) {
				return false
			}
		}
		return true
	}
	return false
}

// opensSentence reports whether only a dateline or conjunctions stand
// before token k in the sentence starting at lo.
func (a *analysis) opensSentence(k, lo int) bool {
	j := a.afterDateline(lo, k)
	for j < k && (a.is(j, conjunctions) || a.punct(j, ",")) {
		j++
	}
	return j == k
}

// sourceNouns head a document or survey that reports: "In a Des Moines
// Register poll last month, Cruz had a 10-point lead".
var sourceNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true,
	"study": true, "report": true, "analysis": true, "memo": true, "filing": true, "letter": true,
	"statement": true, "complaint": true, "lawsuit": true, "indictment": true, "ruling": true, "opinion": true}

// inSource reads "In SOURCE, CLAUSE" opening a sentence, where the source
// is a phrase headed by a noun of sourceNouns ("In a new Quinnipiac poll,
// …"): the source is its speaker and "In" its cue.
func (a *analysis) inSource(c, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 1}, spk: none, addr: none}
	head := -1
	k := c + 1
	for ; k < hi && k-c < 16 && !a.punct(k, ","); k++ {
		if a.isMark(k) || a.quoteChar(k) || a.toks[k].Kind == doc.Punct && !a.possessive(k) && !a.punct(k, "-/.&") {
			return f, false
		}
		if a.is(k, sourceNouns) {
			head = k
		}
	}
	if head < 0 || !a.punct(k, ",") || k+1 >= hi || a.isMark(k+1) {
		return f, false
	}
	f.spk = span{c + 1, head + 1}
	end := a.contentEnd(k+1, hi)
	for j := k + 1; j < end && j-k < 16; j++ {
		if v, ok := a.cue(j); ok && v.class == speech && !a.is(j, participles) && !objectVerbs[a.low(j)] && !stanceVerbs[a.low(j)] {
			return f, false // "In a statement, the Commission said …": the verb reports
		}
	}
	s, e, ok := a.trimTokens(k+1, end)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(k+1, end)
	return f, true
}

// askedAbout reads a question opening a sentence: "Asked (by X) whether
// CLAUSE, she said …", "Asked about the deal, he …". The question is the
// content and its asker, when given, the speaker.
func (a *analysis) askedAbout(c, hi int) (found, bool) {
	f := found{pair: -1, outer: -1, cue: span{c, c + 1}, spk: none, addr: none}
	k := c + 1
	for n := 0; n < 2 && (a.timeWord(k) || a.isWord(k, "on") && a.timeWord(k+1)); n++ {
		k++ // "Asked on Tuesday whether …", "Asked later about …"
		if a.timeWord(k) {
			k++
		}
	}
	if a.isWord(k, "by") {
		np, next := a.object(k+1, hi) // "by reporters", "by Matt Lauer"
		if !np.ok() {
			return f, false
		}
		f.spk, k = np, next
	}
	switch a.low(k) {
	case "if", "whether", "why", "what", "which", "who", "how", "when", "where", "about":
	default:
		return f, false
	}
	if a.isWord(k, "about") {
		k++
		f.cue = span{c, k} // "Asked about": the cue as PolNeAR gives it
	}
	end := k
	for end < hi && end-k < maxReach && !a.punct(end, ",;") {
		if a.isMark(end) {
			if c := a.pairs[a.markOf[end]].close; c > end {
				end = c
			}
		}
		end++
	}
	if end >= hi || end == k {
		return f, false
	}
	s, e, ok := a.trimTokens(k, end)
	if !ok {
		return f, false
	}
	f.start, f.end, f.kind = s, e, a.contentKind(k, end)
	// The question was put to the subject of the main clause ("Asked
	// whether …, Ortiz said …"), its addressee.
	if np, ok := a.npAfter(end+1, hi); ok && !a.is(np[0], pronouns) {
		f.addr = np
	}
	return f, true
}

// asVerbs are belief verbs that report a view through "X as Y": "see the
// vote as a test", "regard him as the stronger candidate".
var asVerbs = map[string]bool{"see": true, "sees": true, "saw": true, "seeing": true, "view": true,
	"views": true, "viewed": true, "viewing": true, "regard": true, "regards": true, "regarded": true,
	"consider": true, "considers": true, "considered": true}

// asComplement reports whether a short object starting at token s is
// followed by "as": the view reported by "see X as Y".
func (a *analysis) asComplement(s, hi int) bool {
	for k := s; k < hi && k-s < 10; k++ {
		if a.isWord(k, "as") {
			return k > s
		}
		if a.toks[k].Kind == doc.Punct && !a.possessive(k) || a.is(k, verbAux) || a.cueAt(k) {
			return false
		}
	}
	return false
}

// showForms are the forms of "show", which reports a finding ("polls show
// Clinton ahead") only when its subject is a record of one or a clause
// follows.
var showForms = map[string]bool{"show": true, "shows": true, "showed": true, "shown": true, "showing": true}

// findingNouns head a subject whose "show" reports a finding: a poll, a
// study, figures, records, footage.
var findingNouns = map[string]bool{}

const findingNounList = `poll polls survey surveys study studies data figures figure numbers records
	record documents document results result statistics footage video videos images image photos
	photographs tests test report reports analysis analyses research evidence map maps chart charts
	filings filing emails email transcripts transcript estimates projections forecasts forecast
	audit audits review memo memos letter letters papers minutes accounts logs scans samples
	exit count counts tally returns trends census models model`

func init() {
	for _, w := range strings.Fields(findingNounList) {
		findingNouns[w] = true
	}
}

// showsQuality reports whether "show" with subject sp and object starting
// at s displays a quality rather than reporting a finding: no clause
// follows, and the subject is a person ("he", "the defendant", "the
// coach") or the object an absence or a degree ("no emotion", "little
// sign of fatigue", "signs of strain") without a record for a subject
// ("polls show little change" reports).
func (a *analysis) showsQuality(sp span, s, hi int) bool {
	if a.isWord(s, "that") || a.is(s, subjectPronouns) && !a.isWord(s, "it") || a.finiteClause(s, hi) {
		return false
	}
	if sp.ok() {
		head := a.low(sp[1] - 1)
		if findingNouns[head] {
			return false
		}
		if roleNouns[head] || personNouns[head] || sp[1]-sp[0] == 1 && personalPronouns[head] {
			return true
		}
	}
	return qualityOpeners[a.low(s)]
}

// personNouns name people who show qualities, not findings.
var personNouns = map[string]bool{"defendant": true, "defendants": true, "suspect": true, "player": true,
	"players": true, "candidate": true, "candidates": true, "champion": true, "coach": true, "victim": true,
	"man": true, "woman": true, "boy": true, "girl": true, "team": true, "crowd": true, "fans": true,
	"driver": true, "rider": true, "actor": true, "singer": true, "witness": true, "accused": true}

// personalPronouns stand for a person as the subject of "show".
var personalPronouns = map[string]bool{"he": true, "she": true, "i": true, "we": true, "you": true,
	"who": true}

// qualityOpeners open what a subject shows of itself ("no emotion",
// "little interest", "signs of strain", "restraint").
var qualityOpeners = map[string]bool{"no": true, "little": true, "any": true, "sign": true, "signs": true,
	"restraint": true, "remorse": true, "emotion": true, "courage": true, "resilience": true, "interest": true,
	"up": true, "off": true, "strength": true, "weakness": true, "patience": true, "leadership": true}

// objectInfinitive reports whether a short noun phrase starting at s is
// followed by an infinitive: what a verb of intention or expectation
// wants of someone ("expect temperatures to stay above 40", "want the
// council to act").
func (a *analysis) objectInfinitive(s, hi int) bool {
	for k := s; k < hi && k-s < 6; k++ {
		if a.infinitive(k) {
			return k > s
		}
		lw := a.low(k)
		if a.toks[k].Kind != doc.Word && !a.possessive(k) || functionWords[lw] && !determiners[lw] || verbAux[lw] ||
			a.cueAt(k) {
			return false
		}
	}
	return false
}

// callForms are the forms of "call", which reports when it names or
// labels ("called the plan a disaster", "called him “crooked”").
var callForms = map[string]bool{"call": true, "calls": true, "called": true, "calling": true}

// phoneCall reports whether the content [s, e) of "call" is only a
// person or place called on the phone: an object with nothing after it
// but a preposition, a conjunction or the end ("called her mother from
// the hospital", "called the embassy"), not a name or label given to it
// ("called the plan unworkable", "called the charges “false”").
func (a *analysis) phoneCall(s, e int) bool {
	for k := s; k < e; k++ {
		if a.isMark(k) {
			return false // "called them, in an article, “…”": a label in quotation marks
		}
	}
	k := s + 1 // "him", "them"
	if np, ok := a.npAfter(s, e); ok && !a.is(s, pronouns) {
		if np[1]-np[0] >= 2 && adjectiveLike(a.low(np[1]-1)) {
			return false // "called the plan unworkable": the label ends the phrase
		}
		k = np[1]
	} else if !a.is(s, objectPronouns) {
		return false
	}
	for k < e && a.punct(k, ",") {
		k++
	}
	return k >= e || a.punct(k, ".;:!?") || a.is(k, leadingPrepositions) || a.isWord(k, "from") || a.isWord(k, "to") ||
		a.isWord(k, "for") || a.timeWord(k) || a.is(k, timeHeads)
}

// objectPronouns can be called ("called him", "called them").
var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true, "it": true}

// adjectiveLike reports whether w ends like an adjective ("unworkable",
// "dangerous", "naive").
func adjectiveLike(w string) bool {
	for _, suf := range []string{"able", "ible", "ous", "ful", "ive", "ic", "al", "less", "ent", "ant", "ish"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
