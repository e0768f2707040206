package event

// Quotation speakers from the quote stage: who "I" and "we" are inside a
// quotation, and who speaks through a cue verb.

// quoteSpeaker returns the speaker of the innermost quotation holding byte
// off, or "".
func (x *extractor) quoteSpeaker(off int) string {
	x.indexQuotes()
	if k := x.a.TokenAt(off); k >= 0 && k < len(x.inQuote) {
		if q := x.inQuote[k]; q > 0 {
			return x.a.Doc.Quotes[q-1].Speaker
		}
	}
	return ""
}

// cueSpeaker returns the speaker of a quotation whose cue is token i.
func (x *extractor) cueSpeaker(i int) string {
	x.indexQuotes()
	if i >= 0 && i < len(x.cue) {
		if q := x.cue[i]; q > 0 {
			return x.a.Doc.Quotes[q-1].Speaker
		}
	}
	return ""
}

// indexQuotes maps tokens to the quotations around them and to the
// quotations they cue (1 + index in doc.Quotes, 0 for none; only quotations
// with a speaker count), once per document. Slices indexed by token, not
// maps: a long quotation marks every one of its tokens; and 4-byte indices,
// not the speakers' strings, since there are two entries per token.
func (x *extractor) indexQuotes() {
	if x.indexed {
		return
	}
	x.indexed = true
	a := x.a
	quotes := a.Doc.Quotes
	for qi, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		if x.inQuote == nil {
			x.inQuote, x.cue = make([]int32, len(a.Words)), make([]int32, len(a.Words))
		}
		for k := a.TokenAt(q.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.End; k++ {
			// The innermost (shortest) quotation wins; of equal ones, the
			// first (an empty one counts as none).
			if cur := x.inQuote[k]; cur == 0 || quotes[cur-1].End == quotes[cur-1].Start || q.End-q.Start < quotes[cur-1].End-quotes[cur-1].Start {
				x.inQuote[k] = int32(qi + 1)
			}
		}
		if q.Cue != nil {
			for k := a.TokenAt(q.Cue.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.Cue.End; k++ {
				if x.cue[k] == 0 {
					x.cue[k] = int32(qi + 1)
				}
			}
		}
	}
}
