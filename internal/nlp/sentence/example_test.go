package sentence_test

import (
	"fmt"

	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

func ExampleSplit() {
	text := "Talks end\n\nWASHINGTON (Reuters) - Talks in the U.S. ended at 5 p.m. Friday. " +
		"“It went well. We will meet again,” he said. Mr. Witkoff’s team left."
	toks := token.Tokenize(text, nil)
	for _, s := range sentence.Split(text, toks, nil) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0-9 Talks end
	// 11-75 WASHINGTON (Reuters) - Talks in the U.S. ended at 5 p.m. Friday.
	// 76-92 “It went well.
	// 93-124 We will meet again,” he said.
	// 125-151 Mr. Witkoff’s team left.
}
