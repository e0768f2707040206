package token

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

func words(text string) string {
	var b []string
	for _, t := range Tokenize(text, nil) {
		b = append(b, text[t.Start:t.End])
	}
	return strings.Join(b, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"possessive curly", "Witkoff’s meeting", "Witkoff|’s|meeting"},
		{"possessive straight", "Putin's aide", "Putin|'s|aide"},
		{"clitics", "we're, they've, I'll, she'd, I'm", "we|'re|,|they|'ve|,|I|'ll|,|she|'d|,|I|'m"},
		{"negation", "He didn't go", "He|did|n't|go"},
		{"negation curly", "They don’t know", "They|do|n’t|know"},
		{"hyphen", "a US-imposed Friday deadline", "a|US-imposed|Friday|deadline"},
		{"secretary general", "NATO Secretary-General Mark Rutte", "NATO|Secretary-General|Mark|Rutte"},
		{"trailing hyphen", "pre- and post-war", "pre|-|and|post-war"},
		{"acronym end", "in the U.S. The", "in|the|U.S.|The"},
		{"acronym hyphen", "the U.S.-led coalition", "the|U.S.|-|led|coalition"},
		{"title", "Mr. Smith and Gen. Lee", "Mr.|Smith|and|Gen.|Lee"},
		{"capital title", "ST. LOUIS (AP)", "ST.|LOUIS|(|AP|)"},
		{"month abbrev", "on Sept. 5, 2025", "on|Sept.|5|,|2025"},
		{"time", "at 3 p.m. ET", "at|3|p.m.|ET"},
		{"initials", "George W. Bush", "George|W.|Bush"},
		{"joined initials", "J.P. Morgan and H.W. Bush", "J.P.|Morgan|and|H.W.|Bush"},
		{"degrees", "a Ph.D. and an M.B.A.", "a|Ph.D.|and|an|M.B.A."},
		{"latin", "e.g. storms, i.e. rain", "e.g.|storms|,|i.e.|rain"},
		{"versus", "Union v. Trump", "Union|v.|Trump"},
		{"number sign", "No. 10 Downing", "No.|10|Downing"},
		{"decimal", "rose 3.5% to 1,000", "rose|3.5|%|to|1,000"},
		{"money", "$14.2 billion, €250m, £4.8bn", "$|14.2|billion|,|€|250|m|,|£|4.8|bn"},
		{"version", "v2.9.1 and 2.x", "v2|.|9.1|and|2|.|x"},
		{"sentence end", "It ended. Then", "It|ended|.|Then"},
		{"number end", "rose to 4.2. Then", "rose|to|4.2|.|Then"},
		{"list number", "1. Public consultation", "1|.|Public|consultation"},
		{"ellipsis", "well... maybe", "well|...|maybe"},
		{"unicode ellipsis", "pages… The", "pages|…|The"},
		{"quotes", "“Great progress,” he said.", "“|Great|progress|,|”|he|said|."},
		{"straight quotes", `"Yes," he said.`, `"|Yes|,|"|he|said|.`},
		{"ptb quotes", "``Yes,'' he said.", "``|Yes|,|''|he|said|."},
		{"iso date", "on 2025-08-06 at 15:00", "on|2025-08-06|at|15:00"},
		{"slash date", "on 08/06/2025", "on|08/06/2025"},
		{"ordinal", "the 5th and the 1990s", "the|5th|and|the|1990s"},
		{"score", "won 3-0 in 2018-19", "won|3-0|in|2018-19"},
		{"dash", "war -- and peace", "war|--|and|peace"},
		{"em dash", "war—and", "war|—|and"},
		{"ampersand", "AT&T and S&P", "AT&T|and|S&P"},
		{"o'brien", "O'Brien said", "O'Brien|said"},
		{"plural possessive", "the leaders' talks", "the|leaders|'|talks"},
		{"email", "mail security@tinystore.dev now", "mail|security|@|tinystore|.|dev|now"},
		{"unicode", "Zelensky met Erdoğan in Ankara", "Zelensky|met|Erdoğan|in|Ankara"},
		{"cyrillic", "«Дякую, друзі»", "«|Дякую|,|друзі|»"},
		{"combining mark", "Ngoc\u0323 said", "Ngoc\u0323|said"},
		{"nbsp", "5\u00a0km", "5|km"},
		{"crlf", "One.\r\nTwo", "One|.|Two"},
		{"invalid utf8", "a\xffb", "a|\xff|b"},
		{"empty", "", ""},
		{"space only", " \t\r\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(tt.in); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenizeOffsets pins exact byte offsets, kinds and spacing, with
// multi-byte letters and quote marks.
func TestTokenizeOffsets(t *testing.T) {
	type tok = doc.Token
	const (
		W = doc.Word
		N = doc.Number
		P = doc.Punct
		S = doc.Symbol
	)
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"curly possessive", "Witkoff’s talks", []tok{
			{Start: 0, End: 7, Kind: W, SpaceBefore: true},
			{Start: 7, End: 11, Kind: W},
			{Start: 12, End: 17, Kind: W, SpaceBefore: true},
		}},
		{"curly quotes", "“Great,” he said.", []tok{
			{Start: 0, End: 3, Kind: P, SpaceBefore: true},
			{Start: 3, End: 8, Kind: W},
			{Start: 8, End: 9, Kind: P},
			{Start: 9, End: 12, Kind: P},
			{Start: 13, End: 15, Kind: W, SpaceBefore: true},
			{Start: 16, End: 20, Kind: W, SpaceBefore: true},
			{Start: 20, End: 21, Kind: P},
		}},
		{"two-byte letters", "Erdoğan (Türkiye) 3.5%", []tok{
			{Start: 0, End: 8, Kind: W, SpaceBefore: true},
			{Start: 9, End: 10, Kind: P, SpaceBefore: true},
			{Start: 10, End: 18, Kind: W},
			{Start: 18, End: 19, Kind: P},
			{Start: 20, End: 23, Kind: N, SpaceBefore: true},
			{Start: 23, End: 24, Kind: P},
		}},
		{"crlf", "U.S.\r\nThe end", []tok{
			{Start: 0, End: 4, Kind: W, SpaceBefore: true},
			{Start: 6, End: 9, Kind: W, SpaceBefore: true},
			{Start: 10, End: 13, Kind: W, SpaceBefore: true},
		}},
		{"dash and quotes", "São Paulo’s 1,000 km—“no”", []tok{
			{Start: 0, End: 4, Kind: W, SpaceBefore: true},
			{Start: 5, End: 10, Kind: W, SpaceBefore: true},
			{Start: 10, End: 14, Kind: W},
			{Start: 15, End: 20, Kind: N, SpaceBefore: true},
			{Start: 21, End: 23, Kind: W, SpaceBefore: true},
			{Start: 23, End: 26, Kind: P},
			{Start: 26, End: 29, Kind: P},
			{Start: 29, End: 31, Kind: W},
			{Start: 31, End: 34, Kind: P},
		}},
		{"ptb quotes", "``Yes,'' he", []tok{
			{Start: 0, End: 2, Kind: P, SpaceBefore: true},
			{Start: 2, End: 5, Kind: W},
			{Start: 5, End: 6, Kind: P},
			{Start: 6, End: 8, Kind: P},
			{Start: 9, End: 11, Kind: W, SpaceBefore: true},
		}},
		{"symbols", "$5 p.m.", []tok{
			{Start: 0, End: 1, Kind: S, SpaceBefore: true},
			{Start: 1, End: 2, Kind: N},
			{Start: 3, End: 7, Kind: W, SpaceBefore: true},
		}},
		{"curly negation", "don’t", []tok{
			{Start: 0, End: 2, Kind: W, SpaceBefore: true},
			{Start: 2, End: 7, Kind: W},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("Tokenize(%q) = %d tokens %q, want %d", tt.in, len(got), words(tt.in), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("token %d = %+v (%q), want %+v", i, got[i], tt.in[got[i].Start:got[i].End], tt.want[i])
				}
			}
		})
	}
}

func TestTokenizeAppends(t *testing.T) {
	dst := make([]doc.Token, 1, 8)
	got := Tokenize("a b", dst)
	if len(got) != 3 || got[0] != (doc.Token{}) || got[1].Start != 0 || got[2].Start != 2 {
		t.Errorf("Tokenize appended %+v", got)
	}
}

func TestIsAbbreviation(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Mr.", true}, {"Sept.", true}, {"U.S.", true}, {"a.m.", true}, {"J.", true},
		{"Ph.D.", true}, {"ST.", true}, {"v.", true}, {"Inc.", true},
		{"end.", false}, {"j.", false}, {"Mr", false}, {".", false}, {"", false}, {"THE.", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsAbbreviation(tt.in); got != tt.want {
				t.Errorf("IsAbbreviation(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// checkTokens reports the first broken invariant of toks over text, or "".
func checkTokens(text string, toks []doc.Token) string {
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	prevEnd := 0
	for k, t := range toks {
		switch {
		case t.Start < prevEnd:
			return "tokens overlap or are out of order"
		case t.End <= t.Start:
			return "empty token"
		case t.End > len(text):
			return "token past end of text"
		case !boundary[t.Start] || !boundary[t.End]:
			return "token not on rune boundaries"
		case t.Kind < doc.Word || t.Kind > doc.Symbol:
			return "bad kind"
		case t.SpaceBefore != (k == 0 || t.Start > prevEnd):
			return "SpaceBefore disagrees with the gap"
		}
		if strings.IndexFunc(text[t.Start:t.End], unicode.IsSpace) >= 0 {
			return "token covers white space"
		}
		if strings.TrimFunc(text[prevEnd:t.Start], unicode.IsSpace) != "" {
			return "text between tokens is not white space"
		}
		prevEnd = t.End
	}
	if strings.TrimFunc(text[prevEnd:], unicode.IsSpace) != "" {
		return "text after the last token is not white space"
	}
	return ""
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", " ", "Witkoff’s meeting", "He didn't go", "in the U.S. The", "at 3 p.m. ET",
		"rose 3.5% to 1,000", "“Great progress,” he said.", "``Yes,'' he said.", "Ph.D. M.B.A.",
		"a\xffb", "n’", "’s", "'", "U.", "a.b.c.d", "1.2.3-4/5:6", "ST. LOUIS", "Ngoc\u0323",
		"O'Brien's", "don’t’s", "\r\n\r\n", "São Paulo’s 1,000 km—“no”", "...", "…", "AT&T&",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, nil)
		if msg := checkTokens(text, toks); msg != "" {
			t.Fatalf("%s: %q → %q", msg, text, words(text))
		}
		if utf8.ValidString(text) {
			d := doc.Document{Text: text}
			for _, tk := range toks {
				d.Sentences = append(d.Sentences, tk.Span()) // spans check only
			}
			if err := d.Validate(); err != nil {
				t.Fatalf("%q: %v", text, err)
			}
		}
	})
}

// benchText concatenates the sentence package's test articles into one
// realistic multi-article text (markup stripped).
func benchText(b *testing.B) string {
	paths, err := filepath.Glob("../sentence/testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no test articles: %v", err)
	}
	var sb strings.Builder
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(line, "%%") {
				continue
			}
			line = strings.ReplaceAll(strings.TrimPrefix(line, "⏎"), "↵", "\n")
			sb.WriteString(line)
			sb.WriteByte('\n')
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks []doc.Token
	for b.Loop() {
		toks = Tokenize(text, toks[:0])
	}
}
