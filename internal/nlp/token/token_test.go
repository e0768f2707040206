package token

import (
	"strings"
	"testing"
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
		{"negation", "He didn't go", "He|did|n't|go"},
		{"hyphen", "a US-imposed Friday deadline", "a|US-imposed|Friday|deadline"},
		{"secretary general", "NATO Secretary-General Mark Rutte", "NATO|Secretary-General|Mark|Rutte"},
		{"acronym end", "in the U.S. The", "in|the|U.S.|The"},
		{"title", "Mr. Smith and Gen. Lee", "Mr.|Smith|and|Gen.|Lee"},
		{"month abbrev", "on Sept. 5, 2025", "on|Sept.|5|,|2025"},
		{"time", "at 3 p.m. ET", "at|3|p.m.|ET"},
		{"initials", "George W. Bush", "George|W.|Bush"},
		{"decimal", "rose 3.5% to 1,000", "rose|3.5|%|to|1,000"},
		{"sentence end", "It ended. Then", "It|ended|.|Then"},
		{"ellipsis", "well... maybe", "well|...|maybe"},
		{"quotes", "“Great progress,” he said.", "“|Great|progress|,|”|he|said|."},
		{"iso date", "on 2025-08-06 at 15:00", "on|2025-08-06|at|15:00"},
		{"ordinal", "the 5th and the 1990s", "the|5th|and|the|1990s"},
		{"dash", "war -- and peace", "war|--|and|peace"},
		{"em dash", "war—and", "war|—|and"},
		{"ampersand", "AT&T and S&P", "AT&T|and|S&P"},
		{"o'brien", "O'Brien said", "O'Brien|said"},
		{"plural possessive", "the leaders' talks", "the|leaders|'|talks"},
		{"unicode", "Zelensky met Erdoğan in Ankara", "Zelensky|met|Erdoğan|in|Ankara"},
		{"invalid utf8", "a\xffb", "a|\xff|b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(tt.in); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
