package main

import (
	"strings"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner"
)

// attachLeft are tokens written without a space before them.
var attachLeft = map[string]bool{
	",": true, ".": true, ":": true, ";": true, "?": true, "!": true, "%": true, ")": true, "]": true,
	"'s": true, "'S": true, "'": true, "n't": true, "N'T": true, "'re": true, "'ve": true, "'ll": true,
	"'d": true, "'m": true, "''": true, "”": true, "’s": true, "’": true, "...": true,
}

// attachRight are tokens written without a space after them.
var attachRight = map[string]bool{"(": true, "[": true, "``": true, "“": true, "$": true}

// detokenize rewrites text made of space-joined tokens (GUM, WikiGold and
// MEANTIME all are) the way news is printed: "Trump 's" → "Trump’s", "do
// n't" → "don’t", "“ Yes , ” he said" → "“Yes,” he said". The tagger
// runs on printed text, and dateline's tokeniser splits "'s" with a space
// before it differently from "’s" without, so training on the spaced form
// would teach features that never fire at run time. Apostrophes become ’
// in every other document (alt) so that both spellings are seen.
//
// Names and ranges are carried over to the new offsets; a name whose edge
// is not a token edge is dropped.
func detokenize(text string, names []ner.Name, ranges []doc.Span, alt bool) (string, []ner.Name, []doc.Span) {
	var b strings.Builder
	b.Grow(len(text))
	startAt := map[int]int{} // old token start → new start
	endAt := map[int]int{}   // old token end → new end
	noSpace := true
	for lineStart := 0; lineStart <= len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		if lineStart > 0 {
			b.WriteByte('\n')
			noSpace = true
		}
		for i := lineStart; i < lineEnd; {
			if text[i] == ' ' {
				i++
				continue
			}
			j := i
			for j < lineEnd && text[j] != ' ' {
				j++
			}
			tok := text[i:j]
			out := tok
			switch tok {
			case "``":
				out = "“"
			case "''":
				out = "”"
			}
			if alt && strings.Contains(out, "'") && out != "'" {
				out = strings.ReplaceAll(out, "'", "’")
			}
			if !noSpace && !attachLeft[tok] {
				b.WriteByte(' ')
			}
			startAt[i] = b.Len()
			b.WriteString(out)
			endAt[j] = b.Len()
			noSpace = attachRight[tok]
			i = j
		}
		if lineEnd >= len(text) {
			break
		}
		lineStart = lineEnd + 1
	}
	var outNames []ner.Name
	for _, n := range names {
		s, ok1 := startAt[n.Start]
		e, ok2 := endAt[n.End]
		if ok1 && ok2 && s < e {
			outNames = append(outNames, ner.Name{Start: s, End: e, Type: n.Type})
		}
	}
	var outRanges []doc.Span
	for _, r := range ranges {
		s, e := -1, 0
		for old, nw := range startAt {
			if old >= r.Start && (s < 0 || nw < s) {
				s = nw
			}
		}
		if s < 0 {
			continue // no token inside the range
		}
		for old, nw := range endAt {
			if old <= r.End && nw > e {
				e = nw
			}
		}
		outRanges = append(outRanges, doc.Span{Start: s, End: e})
	}
	return b.String(), outNames, outRanges
}
