package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// benchText is an invented news text, repeated to about 100 KB, with about
// one time expression every 125 bytes: denser than real news (TimeBank and
// AQUAINT have one every 290 bytes), so the figure is conservative.
var benchText = func() string {
	para := "The harbour authority said on Wednesday that the ferry strike, now in its third week, " +
		"had cost operators about $4 million since July 14. Union leaders met the mayor for three hours " +
		"on Tuesday and will meet again next week, two days before a council-imposed Friday deadline. " +
		"“We are not going anywhere,” a dock worker told reporters outside the terminal at 7 a.m. ET. " +
		"Passenger numbers fell 12 percent last month and are down sharply this year compared with 2024, " +
		"when the service carried a record 3.1 million travellers. The company plans to publish quarterly " +
		"figures in the coming weeks and expects a decision later in the day. Officials recently said the " +
		"dispute could last months. In the 1990s a similar walkout lasted a decade-long 18 months.\n\n"
	prose := "Dock workers gathered outside the gates of the terminal, carrying banners and handing out " +
		"leaflets to passengers who had been stranded by the dispute. The authority's chief executive, " +
		"speaking to local radio, insisted that the pay offer on the table was fair and that the " +
		"operators could not afford to raise it without cutting services to the outlying islands. " +
		"Shopkeepers on the waterfront complained that trade had collapsed, while the tourism board " +
		"warned that hotel bookings for the rest of the season were being cancelled. A spokesman for " +
		"the regional government, which owns a minority stake in the largest operator, declined to " +
		"comment on the negotiations but urged both sides to return to the table and to put the " +
		"interests of island residents, many of them elderly, ahead of their own positions.\n\n"
	var b strings.Builder
	for b.Len() < 100_000 {
		b.WriteString(para)
		b.WriteString(prose)
		b.WriteString(prose)
	}
	return b.String()
}()

// BenchmarkTimex measures the stage alone, given the tokens and sentences
// of the earlier stages, as it runs in the pipeline.
func BenchmarkTimex(b *testing.B) {
	d := &doc.Document{Text: benchText, Date: "2025-08-06"}
	d.Tokens = token.Tokenize(d.Text, nil)
	d.Sentences = sentence.Split(d.Text, d.Tokens, nil)
	ctx := context.Background()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	cpu0, _ := cputime.Used()
	for b.Loop() {
		d.Times = d.Times[:0]
		if err := (Stage{}).Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
	if len(d.Times) == 0 {
		b.Fatal("no times found")
	}
}

// BenchmarkTimexTokenize includes tokenising and sentence splitting, for
// callers that run the stage on a bare document.
func BenchmarkTimexTokenize(b *testing.B) {
	ctx := context.Background()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	cpu0, _ := cputime.Used()
	for b.Loop() {
		d := &doc.Document{Text: benchText, Date: "2025-08-06"}
		if err := (Stage{}).Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
}

// reportCPU adds the throughput per CPU-second since cpu0 as "MB/cpu-s".
func reportCPU(b *testing.B, cpu0 time.Duration) {
	if cpu1, _ := cputime.Used(); cpu1 > cpu0 {
		b.ReportMetric(float64(len(benchText))*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "MB/cpu-s")
	}
}
