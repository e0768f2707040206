package token_test

import (
	"fmt"

	"dateline/internal/nlp/token"
)

func ExampleTokenize() {
	text := "Witkoff’s talks in the U.S. ended at 3 p.m."
	for _, t := range token.Tokenize(text, nil) {
		fmt.Printf("%d-%d %s %q\n", t.Start, t.End, t.Kind, text[t.Start:t.End])
	}
	// Output:
	// 0-7 word "Witkoff"
	// 7-11 word "’s"
	// 12-17 word "talks"
	// 18-20 word "in"
	// 21-24 word "the"
	// 25-29 word "U.S."
	// 30-35 word "ended"
	// 36-38 word "at"
	// 39-40 number "3"
	// 41-45 word "p.m."
}
