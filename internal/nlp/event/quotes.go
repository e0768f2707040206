package event

// Quotation speakers from the quote stage: who "I" and "we" are inside a
// quotation, and who speaks through a cue verb.

// quoteSpeaker returns the speaker of the innermost quotation holding byte
// off, or "".
func (x *extractor) quoteSpeaker(off int) string {
	x.indexQuotes()
	return x.inQuote[x.a.TokenAt(off)]
}

// cueSpeaker returns the speaker of a quotation whose cue is token i.
func (x *extractor) cueSpeaker(i int) string {
	x.indexQuotes()
	return x.cue[i]
}

// indexQuotes maps tokens to the speakers of the quotations around them and
// of the quotations they cue, once per document.
func (x *extractor) indexQuotes() {
	if x.inQuote != nil {
		return
	}
	a := x.a
	x.inQuote, x.cue = map[int]string{}, map[int]string{}
	size := map[int]int{}
	for _, q := range a.Doc.Quotes {
		if q.Speaker == "" {
			continue
		}
		for k := a.TokenAt(q.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.End; k++ {
			if n, ok := size[k]; !ok || q.End-q.Start < n {
				x.inQuote[k], size[k] = q.Speaker, q.End-q.Start
			}
		}
		if q.Cue != nil {
			for k := a.TokenAt(q.Cue.Start); k < len(a.Words) && a.Doc.Tokens[k].Start < q.Cue.End; k++ {
				if _, ok := x.cue[k]; !ok {
					x.cue[k] = q.Speaker
				}
			}
		}
	}
}
