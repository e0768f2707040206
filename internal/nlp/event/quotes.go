package event

// Quotation speakers from the quote stage: who "I" and "we" are inside a
// quotation, and who speaks through a cue verb.

// quoteSpeaker returns the speaker of the innermost quotation holding byte
// off, or "".
func (x *extractor) quoteSpeaker(off int) string {
	x.indexQuotes()
	if k := x.a.TokenAt(off); k >= 0 && k < len(x.inQuote) {
		return x.inQuote[k]
	}
	return ""
}

// cueSpeaker returns the speaker of a quotation whose cue is token i.
func (x *extractor) cueSpeaker(i int) string {
	x.indexQuotes()
	if i >= 0 && i < len(x.cue) {
		return x.cue[i]
	}
	return ""
}

// indexQuotes maps tokens to the speakers of the quotations around them and
// of the quotations they cue, once per document. Slices indexed by token,
// not maps: a long quotation marks every one of its tokens.
func (x *extractor) indexQuotes() {
	if x.indexed {
		return
	}
	x.indexed = true
	a := x.a
	var size []int
	for _, q := range a.Doc.Quotes {
		if q.Speaker == "" {
			continue
		}
		if x.inQuote == nil {
			x.inQuote, x.cue, size = make([]string, len(a.Words)), make([]string, len(a.Words)), make([]int, len(a.Words))
		}
		for k := a.TokenAt(q.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.End; k++ {
			if n := size[k]; n == 0 || q.End-q.Start < n {
				x.inQuote[k], size[k] = q.Speaker, q.End-q.Start
			}
		}
		if q.Cue != nil {
			for k := a.TokenAt(q.Cue.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.Cue.End; k++ {
				if x.cue[k] == "" {
					x.cue[k] = q.Speaker
				}
			}
		}
	}
}
