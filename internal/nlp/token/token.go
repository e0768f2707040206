// Package token splits text into words, numbers and punctuation with byte
// offsets.
//
// Tokens follow news conventions rather than Penn Treebank ones where the two
// differ in ways later stages care about: hyphenated words stay whole
// ("US-imposed", "Secretary-General", "Three-hour"), numbers keep their inner
// separators ("3.5", "1,000", "15:00", "2025-08-06", "08/06/2025"),
// abbreviations and initials keep their period ("U.S.", "Mr.", "Sept.", "a.m.",
// "J."), and clitics are split off ("Witkoff’s" → "Witkoff" + "’s", "don't" →
// "do" + "n't") so that a name never contains its possessive. Units after a
// number are their own token ("250m" → "250" + "m"), and so are the doubled
// backquotes and apostrophes of TeX and Penn Treebank quotes. Invalid UTF-8
// bytes become one-byte symbol tokens, so offsets stay exact on any input.
//
// Tokenize allocates nothing beyond the slice it appends to and has an ASCII
// fast path; it is the first stage of every document.
package token

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// Stage is the pipeline stage that fills [doc.Document.Tokens].
type Stage struct{}

// Process tokenises d.Text into d.Tokens.
func (Stage) Process(_ context.Context, d *doc.Document) error {
	d.Tokens = Tokenize(d.Text, d.Tokens[:0])
	return nil
}

// Tokenize appends the tokens of text to dst and returns the result.
func Tokenize(text string, dst []doc.Token) []doc.Token {
	// News text has a token every 5-6 bytes: room for them up front saves
	// the slice's repeated growth (a tenth of the tokenizer's time).
	dst = slices.Grow(dst, len(text)/6)
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case isASCIILetter(c):
				dst = appendWord(dst, text, i, scanWord(text, i), space)
				i = dst[len(dst)-1].End
			case isDigit(c):
				end := scanNumber(text, i)
				dst = append(dst, doc.Token{Start: i, End: end, Kind: doc.Number, SpaceBefore: space})
				i = end
			case c == '.' && strings.HasPrefix(text[i:], "..."):
				end := i + 3
				for end < len(text) && text[end] == '.' {
					end++
				}
				dst = append(dst, doc.Token{Start: i, End: end, Kind: doc.Punct, SpaceBefore: space})
				i = end
			case (c == '`' || c == '\'') && i+1 < len(text) && text[i+1] == c:
				// TeX and Penn Treebank quotes: `` and ''.
				dst = append(dst, doc.Token{Start: i, End: i + 2, Kind: doc.Punct, SpaceBefore: space})
				i += 2
			case c == '\'' && clitic(text, i) > 0:
				n := clitic(text, i)
				dst = append(dst, doc.Token{Start: i, End: i + n, Kind: doc.Word, SpaceBefore: space})
				i += n
			case c == '-' && i+1 < len(text) && text[i+1] == '-':
				end := i + 2
				for end < len(text) && text[end] == '-' {
					end++
				}
				dst = append(dst, doc.Token{Start: i, End: end, Kind: doc.Punct, SpaceBefore: space})
				i = end
			case isASCIIPunct(c):
				dst = append(dst, doc.Token{Start: i, End: i + 1, Kind: doc.Punct, SpaceBefore: space})
				i++
			default:
				dst = append(dst, doc.Token{Start: i, End: i + 1, Kind: doc.Symbol, SpaceBefore: space})
				i++
			}
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// Invalid byte: a symbol of its own, so offsets stay exact.
			dst = append(dst, doc.Token{Start: i, End: i + 1, Kind: doc.Symbol, SpaceBefore: space})
			i++
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		case unicode.IsLetter(r):
			end := scanWord(text, i)
			dst = appendWord(dst, text, i, end, space)
			i = dst[len(dst)-1].End
		case unicode.IsDigit(r):
			end := scanNumber(text, i)
			dst = append(dst, doc.Token{Start: i, End: end, Kind: doc.Number, SpaceBefore: space})
			i = end
		case r == '’' && clitic(text, i) > 0:
			n := clitic(text, i)
			dst = append(dst, doc.Token{Start: i, End: i + n, Kind: doc.Word, SpaceBefore: space})
			i += n
		case unicode.IsPunct(r):
			dst = append(dst, doc.Token{Start: i, End: i + size, Kind: doc.Punct, SpaceBefore: space})
			i += size
		default:
			dst = append(dst, doc.Token{Start: i, End: i + size, Kind: doc.Symbol, SpaceBefore: space})
			i += size
		}
		space = false
	}
	return dst
}

// appendWord appends the word text[start:end], splitting off a trailing
// clitic, and attaching a following period when the word is an abbreviation
// or initial.
func appendWord(dst []doc.Token, text string, start, end int, space bool) []doc.Token {
	// Clitics: the word scanner stops before an apostrophe that starts one.
	if end < len(text) && (text[end] == '\'' || strings.HasPrefix(text[end:], "’")) {
		// "n't": the n belongs to the clitic ("do" + "n't").
		if end-start > 1 && (text[end-1] == 'n' || text[end-1] == 'N') && hasNT(text, end) {
			dst = append(dst, doc.Token{Start: start, End: end - 1, Kind: doc.Word, SpaceBefore: space})
			apos := 1
			if text[end] != '\'' {
				apos = len("’")
			}
			return append(dst, doc.Token{Start: end - 1, End: end + apos + 1, Kind: doc.Word})
		}
	}
	if end < len(text) && text[end] == '.' && abbreviation(text, start, end) {
		end++
	}
	return append(dst, doc.Token{Start: start, End: end, Kind: doc.Word, SpaceBefore: space})
}

// scanWord returns the end of the word starting at i: letters, digits, marks,
// inner hyphens, inner apostrophes that do not start a clitic, and dotted
// acronyms ("U.S", the final period is decided by appendWord).
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if wordByte[c] {
			i++ // ASCII fast path
			continue
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r >= utf8.RuneSelf && isWordRune(r):
			i += size
		case (r == '-' || r == '‐' || r == '‑') && i+size < len(text) && startsWord(text[i+size:]):
			i += size
		case (r == '\'' || r == '’') && i+size < len(text) && startsLetter(text[i+size:]):
			if clitic(text, i) > 0 || hasNT(text, i) {
				return i
			}
			i += size
		case r == '.' && i+1 < len(text) && startsLetter(text[i+1:]) && dottedAcronym(text, i):
			i++
		case r == '&' && i+1 < len(text) && isASCIIUpper(text[i+1]) && i > 0 && isASCIIUpper(text[i-1]):
			i++ // "AT&T", "S&P"
		default:
			return i
		}
	}
	return i
}

// dottedAcronym reports whether the period at i sits inside a dotted
// abbreviation like "U.S", "a.m" or "Ph.D": one letter after it, and one
// letter before it, or two when another period follows ("Ph.D.", not "is.A").
func dottedAcronym(text string, i int) bool {
	b := i
	for b > 0 && i-b <= 2 && isASCIILetter(text[b-1]) {
		b--
	}
	n := i - b
	if n == 0 || n > 2 || (b > 0 && isDigit(text[b-1])) {
		return false
	}
	if i+1 >= len(text) || !isASCIILetter(text[i+1]) || (i+2 < len(text) && isWordByte(text[i+2])) {
		return false
	}
	return n == 1 || (i+2 < len(text) && text[i+2] == '.')
}

// scanNumber returns the end of the number starting at i: digits with inner
// separators (. , : / -) followed by a digit, and trailing letters that make
// an ordinal or unit-less suffix ("5th", "1990s", "3pm" stays "3" "pm").
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case isDigit(c):
			i++
		case (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && i+1 < len(text) && isDigit(text[i+1]):
			i++
		default:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(text[i:])
				if unicode.IsDigit(r) {
					i += size
					continue
				}
			}
			return i + ordinalSuffix(text[i:])
		}
	}
	return i
}

// ordinalSuffix returns the length of an ordinal or decade suffix at the
// start of s ("th", "st", "nd", "rd", "s") when no letter follows it.
func ordinalSuffix(s string) int {
	for _, suf := range [...]string{"th", "st", "nd", "rd", "s"} {
		if len(s) >= len(suf) && strings.EqualFold(s[:len(suf)], suf) && (len(s) == len(suf) || !isWordByte(s[len(suf)])) {
			return len(suf)
		}
	}
	return 0
}

// clitic returns the byte length of an English clitic ('s, 're, 've, 'll,
// 'd, 'm, and the bare possessive apostrophe after s is not one) starting at
// the apostrophe at i, or 0.
func clitic(text string, i int) int {
	apos := 1
	if text[i] != '\'' {
		apos = len("’")
	}
	if i == 0 || !isWordEnd(text, i) {
		return 0
	}
	rest := text[i+apos:]
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if len(rest) >= len(c) && strings.EqualFold(rest[:len(c)], c) && (len(rest) == len(c) || !isWordByte(rest[len(c)])) {
			return apos + len(c)
		}
	}
	return 0
}

// hasNT reports whether the apostrophe at i is the one of "n't".
func hasNT(text string, i int) bool {
	if i == 0 || (text[i-1] != 'n' && text[i-1] != 'N') {
		return false
	}
	apos := 1
	if text[i] != '\'' {
		apos = len("’")
	}
	rest := text[i+apos:]
	return len(rest) >= 1 && (rest[0] == 't' || rest[0] == 'T') && (len(rest) == 1 || !isWordByte(rest[1]))
}

// isWordEnd reports whether the byte before i ends a letter.
func isWordEnd(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	switch r {
	case '\u00AD', '\u200C', '\u200D': // soft hyphen, zero-width (non-)joiner
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// wordByte marks the ASCII letters and digits, for the hot loop of scanWord.
var wordByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

func isWordByte(c byte) bool    { return isASCIILetter(c) || isDigit(c) }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#%'()*,-./:;?@[\\]_`{}", c) >= 0
}
