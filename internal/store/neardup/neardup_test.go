package neardup

import (
	"fmt"
	"strings"
	"testing"
)

const story = `Dock workers in Haldeport returned to the cranes on Friday morning after their union accepted a pay offer that ends a nine-day strike which had left more than forty container ships waiting offshore. The agreement, reached late on Thursday after talks mediated by the regional labour office, raises wages by 6.5 percent this year and by a further 4 percent from January, according to a statement from the Harbour Workers' Union. "Nobody wins a strike, but our members have been heard," said union chair Tomas Reinholt. The port authority said it expected the backlog of ships to clear within two weeks.`

func TestSimilarity(t *testing.T) {
	other := `The city council of Brennholm on Monday postponed its vote on the northern tram extension until September, after the finance committee asked for a new estimate of the project's cost. The extension, which would add six stops between the central station and the university district, was priced at 210 million crowns when it was first proposed. Officials now say the figure could rise by a quarter because of higher steel prices, and the opposition accused the majority of stalling.`
	tests := []struct {
		name    string
		a, b    string
		nearDup bool
	}{
		{"identical", story, story, true},
		{"punctuation and case", story, strings.ToUpper(strings.ReplaceAll(story, ",", "")), true},
		{"syndicated with byline and dateline", story, "HALDEPORT (Valley Wire) - " + story + " Reporting by Mara Lindqvist; editing by Jon Park.", true},
		{"one word changed", story, strings.Replace(story, "forty", "fifty", 1), true},
		{"last sentence dropped", story, story[:strings.LastIndex(story, "The port")], true},
		{"different story", story, other, false},
		{"same event, rewritten", story, `Haldeport's nine-day dock strike is over. Union members voted to accept a wage rise of 6.5 percent, and the cranes were working again by Friday. More than forty ships had queued offshore during the walkout, and port officials expect the queue to be gone in a fortnight.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, okA := Sign(tt.a)
			b, okB := Sign(tt.b)
			if !okA || !okB {
				t.Fatal("texts too short to sign")
			}
			sim := Similarity(a, b)
			if got := sim >= Threshold; got != tt.nearDup {
				t.Errorf("similarity %.2f: near-duplicate %v, want %v", sim, got, tt.nearDup)
			}
			shared := false
			ba, bb := a.BandHashes(), b.BandHashes()
			for i := range ba {
				shared = shared || ba[i] == bb[i]
			}
			if tt.nearDup && !shared {
				t.Errorf("near-duplicates share no band: LSH would miss them")
			}
		})
	}
}

func TestShort(t *testing.T) {
	if _, ok := Sign("Talks ended on Friday in Geneva without a deal."); ok {
		t.Error("a one-sentence text got a signature")
	}
	if _, ok := Sign(""); ok {
		t.Error("empty text got a signature")
	}
}

func TestEncoding(t *testing.T) {
	s, _ := Sign(story)
	got, err := Decode(s.Bytes())
	if err != nil || got != s {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := Decode([]byte{1, 2, 3}); err == nil {
		t.Error("short encoding decoded")
	}
}

func TestIndex(t *testing.T) {
	x := NewIndex()
	for i := range 50 {
		text := fmt.Sprintf("Report number %d. ", i) + strings.Repeat(fmt.Sprintf("word%d other%d ", i, i*7), 30)
		s, ok := Sign(text)
		if !ok {
			t.Fatal("short")
		}
		x.Add(fmt.Sprint("doc", i), s)
	}
	copySig, _ := Sign(story)
	if id, _, ok := x.Find(copySig); ok {
		t.Errorf("unrelated text matched %s", id)
	}
	x.Add("story", copySig)
	near, _ := Sign("Updated: " + story)
	if id, sim, ok := x.Find(near); !ok || id != "story" || sim < Threshold {
		t.Errorf("Find = %s %.2f %v, want story", id, sim, ok)
	}
	if id, sim, ok := Best(near, []string{"b", "a"}, []Signature{copySig, copySig}); !ok || id != "a" || sim < Threshold {
		t.Errorf("Best = %s %.2f %v, want the smaller id on a tie", id, sim, ok)
	}
}

func BenchmarkSign(b *testing.B) {
	text := strings.Repeat(story+" ", 5)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}
