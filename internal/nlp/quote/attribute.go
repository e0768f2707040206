package quote

import (
	"sort"
	"strings"

	"dateline/internal/doc"
)

// attribution is a cue with its speaker and addressee.
type attribution struct {
	cue, spk, addr span
}

// quotations attributes every quotation found by pairMarks and returns them
// as quotes; cues they use are marked in used so the reported-speech pass
// does not report them again.
func (a *analysis) quotations(used []bool, dst []found) []found {
	byPair := make([]int, len(a.pairs)) // found index of each pair, -1
	// lastTop is the latest quote found from a quotation not nested in
	// another, or -1: kept as we go, as a search back over the nested
	// quotes after it would be quadratic on deeply nested marks.
	lastTop := -1
	for pi := range a.pairs {
		byPair[pi] = -1
		p := a.pairs[pi]
		cs, ce := trimSpace(a.text, p.start, p.end)
		if cs >= ce || used[p.open] {
			continue
		}
		lo, hi, last, closeTok := a.context(p)
		level := int32(p.parent)
		f := found{start: cs, end: ce, pair: pi, outer: -1, cue: none, spk: none, addr: none}

		before, beforeFrame := a.cueBefore(lo, p.open, level)
		after, afterOK := a.cueAfter(closeTok+1, hi, level)
		if !afterOK && closeTok+1 == hi && hi < len(a.toks) && p.parent < 0 && a.punct(last, "?!,") &&
			!paragraphBreakBetween(a.text, a.toks, closeTok, hi) {
			// "“…?” Vitter demanded.": the splitter ended the sentence at
			// the question mark; the cue opens the next one.
			_, nhi := a.sentRange(hi)
			if at, ok := a.cueAfter(hi, nhi, level); ok && a.tailOnly(at.cue[1], nhi) {
				after, afterOK = at, true
			}
		}
		beforeEmpty := p.open == lo || (p.open-1 >= lo && a.isMark(p.open-1) && p.open-2 < lo)
		endsSentence := a.punct(last, ".?!,…") || closeTok+1 >= hi || a.punct(closeTok+1, ",.?!:;—–)")
		direct := (beforeEmpty || beforeFrame) && (afterOK || endsSentence)

		if j := lastTop; j >= 0 && p.parent < 0 && (direct || endsSentence && a.punct(p.open-1, ",:")) && !afterOK &&
			!(beforeFrame && before.cue.ok() && before.cue[0] >= dst[j].cue[1]) && a.continues(dst[j], p.open) {
			// The next piece of the previous quotation: "“X,” he said.
			// “Y.”", "“X,” he said, “Y.”", "“X,” he said after the
			// attack, “Y.”" (PolNeAR's discontinuous content); but a cue
			// of its own frames a quotation of its own ("“X,” he said,
			// adding later, “Y.”").
			dst[j].end = ce
			if !direct {
				dst[j].kind = doc.Mixed // words of the article's own before the piece
			}
			byPair[pi] = j
			continue
		}
		switch {
		case direct && beforeFrame:
			f.cue, f.spk, f.addr = before.cue, before.spk, before.addr
		case direct && afterOK:
			f.cue, f.spk, f.addr, f.cueAfter = after.cue, after.spk, after.addr, true
		case direct:
			// A quotation standing alone: a colon-introduced block quote
			// ("Breitbart News responded:") or the next piece of the
			// previous quotation ("“X,” he said. “Y.”").
			if at, ok := a.colonCue(lo); ok {
				f.cue, f.spk, f.addr = at.cue, at.spk, at.addr
			}
		default:
			at, ok := a.governingCue(lo, p.open, closeTok+1, hi, level)
			if !ok {
				if j := lastTop; j >= 0 && p.parent < 0 && lo > 0 && lo < p.open && closeTok-p.open > 4 &&
					(p.open-lo)+(hi-closeTok) < 12 && a.continues(dst[j], lo) {
					// "“X,” he said. Unless …, “Y.”": the sentence after
					// the cue's goes on quoting its speaker, a few words of
					// the article's own around a quotation of a sentence
					// (PolNeAR's mixed discontinuous content); a short one
					// is more likely a title or scare quote.
					if _, e, ok := a.trimTokens(lo, hi); ok {
						dst[j].end = e
						dst[j].kind = doc.Mixed
						byPair[pi] = j
					}
				}
				continue // a scare quote or title with nobody saying it
			}
			f.cue, f.spk, f.addr = at.cue, at.spk, at.addr
		}
		if direct {
			f.kind = doc.Direct
		} else {
			f.kind = doc.Partial
		}
		if f.cue.ok() && direct {
			for k := f.cue[0]; k < f.cue[1]; k++ {
				used[k] = true
			}
		}
		// "I tell the first lady, ‘…’": a first-person speaker inside a
		// quotation is the quotation's speaker.
		if p.parent >= 0 && f.spk.ok() && f.spk[1]-f.spk[0] == 1 {
			switch a.low(f.spk[0]) {
			case "i", "we":
				f.outer = byPair[p.parent]
			}
		}
		if !f.spk.ok() && !f.cue.ok() && f.kind == doc.Direct && p.parent >= 0 {
			continue // an unattributed quotation inside a quotation
		}
		if !f.spk.ok() && !f.cue.ok() && f.kind == doc.Direct && startsParagraph(a.text, a.toks, p.open) {
			// A paragraph that is only a quotation, right after a quoted
			// speaker's paragraph, usually goes on quoting them.
			if j := lastTop; j >= 0 && dst[j].spk.ok() && dst[j].kind == doc.Direct &&
				p.open-a.pairs[dst[j].pair].close < 40 && breaksBetween(a.text, a.toks, a.pairs[dst[j].pair].close, p.open) == 1 {
				f.spk = dst[j].spk
			}
		} else if !f.spk.ok() && !f.cue.ok() && f.kind == doc.Direct && p.parent < 0 {
			// A sentence that is only a quotation, a sentence or two after
			// a quote of the same paragraph with no other name between,
			// goes on quoting its speaker: "“…,” Obama said after the
			// meeting. He did not suggest retaliation. “Our goal is …”"
			if j := lastTop; j >= 0 && dst[j].spk.ok() && dst[j].kind == doc.Direct && a.samePerson(a.pairs[dst[j].pair].close, p.open) {
				f.spk = dst[j].spk
			}
		}
		byPair[pi] = len(dst)
		if p.parent < 0 && f.kind == doc.Direct {
			lastTop = len(dst) // a title between ("on CNN’s “State of the Union”") does not interrupt
		}
		dst = append(dst, f)
	}
	return dst
}

// context returns the token range a quotation's cue is looked for in (from
// the start of the sentence holding its opening mark to the end of the one
// holding its closing mark, inside the enclosing quotation if nested), its
// last content token and its closing mark (the token after the content when
// the quotation is unclosed).
func (a *analysis) context(p pair) (lo, hi, last, closeTok int) {
	closeTok = p.close
	last = closeTok - 1
	if closeTok < 0 {
		last = p.open
		for last+1 < len(a.toks) && a.toks[last+1].Start < p.end {
			last++
		}
		closeTok = last + 1
	}
	lo, _ = a.sentRange(p.open)
	if p.open+1 < len(a.toks) && a.sentOf[p.open+1] != a.sentOf[p.open] ||
		p.open > lo && a.punct(p.open-1, ".!?") && a.inPair[p.open-1] == int32(p.parent) {
		// The splitter gave the opening mark to the sentence before, or
		// missed the sentence end before it (". ''It was …"): the
		// quotation opens a sentence.
		lo = p.open
	}
	_, hi = a.sentRange(last)
	if closeTok >= hi && closeTok < len(a.toks) {
		_, hi = a.sentRange(closeTok)
	}
	if p.parent >= 0 {
		pp := a.pairs[p.parent]
		if lo <= pp.open {
			lo = pp.open + 1
		}
		if pp.close >= 0 && hi > pp.close {
			hi = pp.close
		}
		// Tokens from the parent's end on lie outside it (an unclosed
		// parent ends with its paragraph).
		if e := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= pp.end }); e < hi {
			hi = max(e, closeTok+1)
		}
	}
	return lo, hi, last, closeTok
}

// trimSpace trims white space from both ends of text[s:e].
func trimSpace(text string, s, e int) (int, int) {
	for s < e && isSpaceByte(text[s]) {
		s++
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return s, e
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// sameLevel reports whether token k is outside any quotation nested in the
// quotation level (-1: the article's own voice).
func (a *analysis) sameLevel(k int, level int32) bool {
	return a.inPair[k] == level && !a.isMark(k)
}

// cueBefore looks for a cue framing a quotation that opens at token open:
// "Rubio said: “…”", "And she said, ‘…’", "According to the paper, “…”".
// frames reports that only the cue, its speaker and adverbials stand between
// the cue and the punctuation before the quotation.
func (a *analysis) cueBefore(lo, open int, level int32) (attribution, bool) {
	k := open - 1
	if k < lo || !a.punct(k, ",:—–") {
		return attribution{}, false
	}
	for j := k - 1; j >= lo && k-j < 20; j-- {
		if !a.sameLevel(j, level) {
			continue
		}
		if a.isWord(j, "according") && a.isWord(j+1, "to") {
			np, ok := a.npAfter(j+2, k)
			return attribution{cue: span{j, j + 2}, spk: np, addr: none}, ok && np[1] == k
		}
		v, ok := a.cue(j)
		if !ok && a.framingParticiple(j, k) {
			v, ok = cueForms[a.low(j)], true
		}
		if !ok {
			continue
		}
		at := attribution{cue: span{j, j + 1}, spk: none, addr: none}
		if j > lo && a.capitalised(j-1) && a.framingParticiple(j, k) {
			// A participle after the name it describes: "footage of
			// Mayor Lena Ortiz asking, “…”" is Ortiz asking.
			b := j - 1
			for b > lo && a.capitalised(b-1) && j-b < 5 {
				b--
			}
			at.spk = span{b, j}
		}
		t := j + 1
		if v.addressee {
			at.addr, t = a.object(t, k)
		}
		if np, ok := a.npAfter(t, k); ok && !at.addr.ok() && a.tailOnly(np[1], k) {
			at.spk = np // "said Trump:"
			t = np[1]
		} else if !at.spk.ok() {
			at.spk, _ = a.subjectBefore(j, lo)
		}
		if (a.isWord(t, "of") || a.isWord(t, "about")) && a.topicUpTo(t+1, k) {
			t = k // "said of her rival, “…”", "wrote about the verdict: “…”"
		}
		frames := true
		for ; t < k; t++ {
			if !a.skippable(t) {
				frames = false
				break
			}
		}
		if !at.spk.ok() && frames {
			at.spk = a.inheritedSubject(j, lo)
		}
		return at, frames
	}
	if a.punct(k, ":") {
		return a.headlineSource(lo, k)
	}
	return attribution{}, false
}

// samePerson reports whether the sentences after the one holding token
// from (a quotation's closing mark, with its cue clause) up to token to are
// in its paragraph, a few dozen tokens long, and name nobody else: no
// capitalised word but a sentence's first word that is no name ("He",
// "The", "But").
func (a *analysis) samePerson(from, to int) bool {
	if from < 0 || to-from > 60 || paragraphBreakBetween(a.text, a.toks, from, to) {
		return false
	}
	_, next := a.sentRange(from)
	if next > to || to-next > 40 {
		return false
	}
	for k := next; k < to; k++ {
		if !a.capitalised(k) {
			continue
		}
		if int(a.sentOf[k]) == int(a.sentOf[k-1]) || !(functionWords[a.low(k)] || pronouns[a.low(k)] ||
			determiners[a.low(k)] || conjunctions[a.low(k)]) {
			return false
		}
	}
	return true
}

// nameModifier returns the token after a prepositional phrase naming a
// body that follows a speaker's name at j ("of the Sierra Club", "at
// Eastgate Securities", "from the University of Leeds"), or j.
func (a *analysis) nameModifier(j, hi int) int {
	if !a.isWord(j, "of") && !a.isWord(j, "at") && !a.isWord(j, "from") {
		return j
	}
	k := j + 1
	if a.isWord(k, "the") {
		k++
	}
	e := k
	for e < hi && e-k < 8 && (a.capitalised(e) || a.isWord(e, "of") && a.capitalised(e+1) ||
		a.isWord(e, "for") && a.capitalised(e+1) || a.punct(e, "&")) {
		e++
	}
	if e == k || !a.capitalised(e-1) {
		return j
	}
	return e
}

// framingParticiple reports whether the cue form at j is a participle
// right before the comma or colon k that frames a quotation, at most an
// object pronoun between ("footage of Clinton asking, “…”", "before
// asking her, “…”"): cue rejects such a participle after a noun as a
// modifier ("footage showing Putin"), but one framing a quotation reports it.
func (a *analysis) framingParticiple(j, k int) bool {
	if _, ok := cueForms[a.low(j)]; !ok || !strings.HasSuffix(a.low(j), "ing") || a.capitalised(j) {
		return false
	}
	switch k - j {
	case 1:
		return true
	case 2:
		switch a.low(j + 1) {
		case "her", "him", "them", "us", "me", "reporters":
			return true
		}
	}
	return false
}

// headlineSource reads the headline convention "Name: what they said"
// ("Warren: ‘You Should Be Investigated’"): in the article's first sentence,
// a colon after one to four capitalised words that are not an article
// ("The Latest:") makes those words the speaker and the colon the cue.
func (a *analysis) headlineSource(lo, colon int) (attribution, bool) {
	if len(a.sentTok) == 0 || colon-lo < 1 || colon-lo > 6 {
		return attribution{}, false
	}
	// Beyond the first sentence, a paragraph may open with the same
	// layout when it is a headline in title case or a quotation follows
	// the colon ("Clinton: “Our goal is …”").
	if si := int(a.sentOf[colon]); si != 0 && (!startsParagraph(a.text, a.toks, lo) ||
		!a.title[si] && !a.quoteChar(colon+1)) {
		return attribution{}, false
	}
	if a.isWord(lo, "the") || a.isWord(lo, "a") || a.isWord(lo, "breaking") || a.isWord(lo, "watch") || a.isWord(lo, "exclusive") {
		return attribution{}, false
	}
	// In the article's headline the source may hold lower-case nouns and
	// a preposition ("Clinton camp", "Former AG Mukasey at RNC"); elsewhere
	// only capitalised words, at most four.
	first := int(a.sentOf[colon]) == 0
	if !first && colon-lo > 4 || !a.capitalised(lo) {
		return attribution{}, false
	}
	for k := lo; k < colon; k++ {
		switch {
		case a.capitalised(k) && (a.toks[k].Kind == doc.Word || a.possessive(k)):
		case first && a.toks[k].Kind == doc.Word && !a.cueAt(k) && !a.is(k, verbAux) && !a.is(k, pronouns) &&
			(!a.is(k, functionWords) || a.isWord(k, "at") || a.isWord(k, "to") || a.isWord(k, "of") || a.isWord(k, "on")):
		default:
			return attribution{}, false
		}
	}
	return attribution{cue: span{colon, colon + 1}, spk: span{lo, colon}, addr: none}, true
}

// cueAfter looks for a cue after a quotation's closing mark: "“…,” Trump
// wrote", "“…,” said Lewandowski", "“…,” according to the Kremlin".
func (a *analysis) cueAfter(s, hi int, level int32) (attribution, bool) {
	k := s
	if k < hi && a.punct(k, ",—–") {
		k++
	}
	if k >= hi || !a.sameLevel(k, level) {
		return attribution{}, false
	}
	if a.isWord(k, "according") && a.isWord(k+1, "to") {
		np, ok := a.npAfter(k+2, hi)
		return attribution{cue: span{k, k + 2}, spk: np, addr: none}, ok
	}
	if v, ok := a.cue(k); ok && v.class != belief {
		np, ok := a.npAfter(k+1, hi)
		if ok {
			return attribution{cue: span{k, k + 1}, spk: np, addr: none}, true
		}
		return attribution{}, false
	}
	np, ok := a.npAfter(k, hi)
	if !ok {
		return attribution{}, false
	}
	j := np[1]
	if k := a.nameModifier(j, hi); k > j {
		j = k // "Mr. Morgan of the Sierra Club said": the name is the speaker
	}
	if a.punct(j, "(") { // "Sen. Claire McCaskill (D-Mo.) said"
		for j < hi && j-np[1] < 12 && !a.punct(j, ")") {
			j++
		}
		j++
	}
	if a.punct(j, ",") && np[1]-np[0] <= 5 {
		// "“…,” Michael McFaul, a senior fellow at …, said": skip the
		// apposition to the comma before the verb.
		for k := j + 1; k < hi && k-j < 40; k++ {
			if a.isMark(k) || a.quoteChar(k) || a.punct(k, ".!?;") && !a.abbreviationDot(k) {
				break // but "Mitch McConnell, R-Ky., said" goes on
			}
			if a.punct(k, ",") {
				if _, ok := a.cue(a.skipAdverbs(k+1, hi)); ok {
					// "one driver, Zoran Ilic, told": the name in the
					// apposition names a source a description heads.
					if inner, ok := a.npAfter(j+1, k); ok && inner[1] == k && !a.capitalised(np[1]-1) &&
						a.capitalised(j+1) && !a.is(j+1, pronouns) {
						np = inner
					}
					j = k + 1
					break
				}
			}
		}
	}
	j = a.skipAdverbs(j, hi)
	v, ok := a.cue(j)
	if !ok || v.class == belief && !a.isWord(j, "thinks") && !a.isWord(j, "thought") {
		return attribution{}, false
	}
	at := attribution{cue: span{j, j + 1}, spk: np, addr: none}
	if v.addressee {
		at.addr, _ = a.object(j+1, hi)
	}
	return at, true
}

// skipAdverbs returns the first token from j that is not an auxiliary or
// adverb ("has repeatedly said").
func (a *analysis) skipAdverbs(j, hi int) int {
	for j < hi && a.toks[j].Kind == doc.Word && !a.capitalised(j) && (a.is(j, auxiliaries) || hasLySuffix(a.word(j))) {
		j++
	}
	return j
}

func hasLySuffix(w string) bool { return len(w) > 3 && w[len(w)-2:] == "ly" }

// colonCue finds the cue of a quotation that opens its sentence when the
// sentence before ends in a colon after a cue ("Breitbart News responded:").
func (a *analysis) colonCue(lo int) (attribution, bool) {
	if lo == 0 || !a.punct(lo-1, ":") {
		return attribution{}, false
	}
	plo, _ := a.sentRange(lo - 1)
	return a.cueBefore(plo, lo, a.inPair[lo-1])
}

// continues reports whether a quotation opening at token open continues the
// quote prev (a direct quotation, or reported content with quotation marks
// in it): prev's cue followed it, and between that cue and the opening
// mark, in the same paragraph, there is only the rest of the cue's clause
// (its speaker, an apposition, adverbials: "“X,” Burman, director of the
// center, said of the plan. “Y.”") ending in a full stop or comma.
func (a *analysis) continues(prev found, open int) bool {
	if !prev.cueAfter || !prev.cue.ok() || prev.pair >= 0 && prev.kind != doc.Direct {
		return false
	}
	if open-prev.cue[1] > 40 || !a.punct(open-1, ".,:;—–") && !a.isMark(open-1) {
		return false
	}
	for k := prev.cue[1]; k < open-1; k++ {
		if pi := a.markOf[k]; pi >= 0 && a.pairs[pi].open == k && a.pairs[pi].close > k && a.pairs[pi].close-k < 8 {
			k = a.pairs[pi].close // a title: "said on NBC’s “Meet the Press.”"
			continue
		}
		if a.isMark(k) || a.quoteChar(k) || a.punct(k, "!?") {
			return false
		}
		if _, ok := a.cue(k); ok && !a.is(k, participles) && !strings.HasSuffix(a.low(k), "ing") {
			return false
		}
	}
	return !paragraphBreakBetween(a.text, a.toks, prev.cue[0], open)
}

// breaksBetween counts the line breaks between tokens i and j.
func breaksBetween(text string, toks []doc.Token, i, j int) int {
	n := 0
	for k := i; k < j && k+1 < len(toks); k++ {
		if k >= 0 && hasNewline(text[toks[k].End:toks[k+1].Start]) {
			n++
		}
	}
	return n
}

func paragraphBreakBetween(text string, toks []doc.Token, i, j int) bool {
	for k := i; k < j && k+1 < len(toks); k++ {
		if hasNewline(text[toks[k].End:toks[k+1].Start]) {
			return true
		}
	}
	return false
}

// governingCue finds the cue that a partial quotation belongs to: the
// nearest speech verb before it in its sentence ("described the talks as
// “useful”"), else a belief verb, else a cue after it.
func (a *analysis) governingCue(lo, open, after, hi int, level int32) (attribution, bool) {
	if a.punct(after-2, ",") || a.punct(after, ",") {
		// "… when the mayor offered aid, “towns were broke,” Marsh
		// said": a cue right after the quotation's comma is its own.
		if at, ok := a.cueAfter(after, hi, level); ok && !strings.HasSuffix(a.low(at.cue[0]), "ing") {
			return at, true // but "“fair,” saying it …" is a new report by the same speaker
		}
	}
	best, bestBelief := -1, -1
	for j := open - 1; j >= lo && open-j < maxReach; j-- {
		if !a.sameLevel(j, level) {
			continue
		}
		if a.isWord(j, "according") && a.isWord(j+1, "to") {
			np, ok := a.npAfter(j+2, hi)
			if ok {
				return attribution{cue: span{j, j + 2}, spk: np, addr: none}, true
			}
		}
		v, ok := a.cue(j)
		if !ok {
			continue
		}
		if v.class == speech {
			best = j
			break
		}
		if v.class == belief && bestBelief < 0 {
			bestBelief = j
		}
	}
	if best < 0 {
		best = bestBelief
	}
	if best >= 0 {
		at := attribution{cue: span{best, best + 1}, addr: none}
		spk, passive := a.subjectBefore(best, lo)
		if passive {
			return attribution{}, false
		}
		if !spk.ok() {
			spk = a.inheritedSubject(best, lo)
		}
		if v, _ := a.cue(best); v.addressee {
			at.addr, _ = a.object(best+1, open)
		}
		at.spk = spk
		return at, spk.ok()
	}
	if at, ok := a.cueAfter(after, hi, level); ok {
		return at, true
	}
	// "“…” about X, said Name" / "“…” about X, Name said": a cue closing
	// the sentence after a comma.
	if hi-after > maxReach {
		return attribution{}, false
	}
	for j := after; j < hi; j++ {
		if !a.sameLevel(j, level) || !a.punct(j, ",") {
			continue
		}
		if at, ok := a.cueAfter(j, hi, level); ok && a.tailOnly(at.cue[1], hi) {
			return at, true
		}
	}
	return attribution{}, false
}

// inheritedSubject is the speaker of a cue without a subject of its own: a
// participle (", saying …") or a verb coordinated with an earlier one
// ("promised … and said …"). It is the subject of the nearest cue before it
// in the sentence, or the noun phrase opening the sentence.
func (a *analysis) inheritedSubject(c, lo int) span {
	b := c - 1 // "and never called", "and has promised", ", then revealed"
	for b > lo && c-b < 4 && a.toks[b].Kind == doc.Word && !a.capitalised(b) &&
		(a.is(b, auxiliaries) || hasLySuffix(a.low(b))) && !a.isWord(b, "then") {
		b--
	}
	coordinated := b >= lo && (a.isWord(b, "and") || a.isWord(b, "but") ||
		a.isWord(b, "then") && (a.punct(b-1, ",") || a.isWord(b-1, "and") || a.isWord(b-1, "but")))
	if !a.is(c, participles) && !coordinated {
		return none
	}
	for j := c - 1; j >= lo && c-j < maxReach; j-- {
		if a.inPair[j] != a.inPair[c] {
			continue // a cue inside a quotation is the quoted speaker's: "“We have warned …,” said Popescu, adding"
		}
		if _, ok := a.cue(j); ok && !a.is(j, participles) {
			if spk, passive := a.subjectBefore(j, lo); !passive && spk.ok() && !a.is(spk[0]-1, objectPrepositions) {
				if a.isWord(spk[0]-1, "which") || a.isWord(spk[0]-1, "that") || a.isWord(spk[0]-1, "whom") || a.cueAt(spk[0]-1) {
					// "a rise, which it described as fair, and warned …",
					// "said the government had offered …, and warned": the
					// verb of a relative or reported clause.
					continue
				}
				return spk
			}
			if a.punct(j-1, ",") || a.isMark(j-1) {
				// "“…,” said Dr. Ana Popescu, a pediatrician, adding …":
				// the speaker after an inverted cue.
				if np, ok := a.npAfter(j+1, c); ok && !a.is(np[0], pronouns) {
					return np
				}
			}
		}
	}
	first := a.afterDateline(lo, c) // "MELBOURNE, Australia — Mira Kovac won …"
	for hop := 0; hop < 4; hop++ {
		// "On Monday, the ministry …", "After talks in Geneva, Roth …": an
		// opening adverbial up to its comma is not the subject.
		if k := a.openingAdverbial(first, c); k > first {
			first = k
			continue
		}
		k := first
		for k < c && (a.is(k, conjunctions) || a.isMark(k) || a.inPair[k] != a.inPair[c] || a.punct(k, ",")) {
			k++
		}
		if k == first {
			break
		}
		first = k
	}
	np, ok := a.npAfter(first, c)
	if ok && np[1] == first+1 {
		np[1] = a.nounsAfterOpener(first+1, c) // "Local farmers blocked …"
	}
	if ok && (a.hasCapital(np) || a.is(np[0], pronouns) || a.is(np[0], articles) && np[1]-np[0] > 1 ||
		a.is(np[1]-1, speakerNouns) || plural(a.low(np[1]-1))) {
		return np
	}
	return none
}

// nounsAfterOpener returns the end of the subject whose first word, a
// capitalised adjective opening the sentence ("Local", "Angry"), ends just
// before token k: one or two lower-case nominal words up to a plural or a
// speaker noun before the verb ("Local farmers blocked", "Senior party
// officials said"), or k when none follow.
func (a *analysis) nounsAfterOpener(k, hi int) int {
	for e := k; e < hi && e-k < 2; e++ {
		lw := a.low(e)
		if a.toks[e].Kind != doc.Word || a.capitalised(e) || functionWords[lw] || verbAux[lw] || pronouns[lw] ||
			determiners[lw] || hasLySuffix(lw) || cueForms[lw].isCue() || a.verbAfterNoun(e) {
			return k
		}
		if (plural(lw) || speakerNouns[lw] || roleNouns[lw]) && !a.isWord(e+1, "of") {
			if n := e + 1; n < hi && (a.toks[n].Kind == doc.Word && !a.capitalised(n) || a.punct(n, ",")) {
				return n
			}
		}
	}
	return k
}

// adverbialOpeners open an adverbial at the start of a sentence, before
// its subject ("Despite the rain, thousands marched").
var adverbialOpeners = map[string]bool{"despite": true, "amid": true, "following": true, "after": true,
	"before": true, "during": true, "in": true, "on": true, "at": true, "with": true, "since": true,
	"by": true, "for": true, "from": true, "under": true, "over": true, "earlier": true, "later": true,
	"meanwhile": true, "however": true, "yesterday": true, "today": true, "last": true, "this": true,
	"while": true, "when": true, "although": true, "though": true, "as": true, "once": true, "if": true,
	"because": true, "unlike": true, "like": true, "without": true, "until": true, "within": true}

// openingAdverbial returns the token after the comma closing an adverbial
// that opens at k ("On Monday,", "After two days of talks in Geneva,"),
// or k when none does before hi. Weekday and month names open one too
// ("Monday,").
func (a *analysis) openingAdverbial(k, hi int) int {
	if !a.is(k, adverbialOpeners) && !(a.is(k, timeHeads) && a.capitalised(k) && a.punct(k+1, ",")) {
		return k
	}
	for j := k + 1; j < hi && j-k < 25; j++ {
		if a.punct(j, ",") && a.inPair[j] < 0 {
			return j + 1
		}
		if a.toks[j].Kind == doc.Punct && !a.possessive(j) && !a.punct(j, "-") || a.isMark(j) {
			return k
		}
	}
	return k
}

// objectPrepositions take the noun phrase after them as their object, so
// it is not the subject of a verb after it ("in a letter posted online,
// writing that …": the letter did not post).
var objectPrepositions = map[string]bool{"in": true, "on": true, "at": true, "with": true, "from": true,
	"by": true, "for": true, "into": true, "during": true, "through": true, "under": true}

// topicUpTo reports whether tokens [s, k) are a short noun phrase, the
// topic of a cue that frames a quotation after it ("said of her rival,
// “…”"): words, possessives and numbers, no verb or clause.
func (a *analysis) topicUpTo(s, k int) bool {
	if k <= s || k-s > 8 {
		return false
	}
	for j := s; j < k; j++ {
		if a.toks[j].Kind == doc.Punct && !a.possessive(j) && !a.punct(j, "-") || a.isMark(j) ||
			a.is(j, verbAux) || a.is(j, subjectPronouns) || a.isWord(j, "that") || a.cueAt(j) {
			return false
		}
	}
	return true
}
