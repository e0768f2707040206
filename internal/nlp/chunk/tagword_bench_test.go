package chunk

import (
	"strings"
	"testing"
)

// BenchmarkTagWord measures the context-free tagging of a news paragraph's
// words, most of them open-class or unknown.
func BenchmarkTagWord(b *testing.B) {
	words := strings.Fields(strings.ToLower(`The Kessling Harbour Authority on Wednesday gave Nordvik Ferries until Friday to restore its full winter timetable or lose its licence to run the Tarrow Island route, after weeks of cancelled crossings left island residents stranded. Nordvik Ferries, which has carried passengers and freight to the island since 1998, cancelled 41 crossings in February, blaming a shortage of qualified deckhands and repairs to its second vessel.`))
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, w := range words {
			tagWord(w, false, false)
		}
	}
}
