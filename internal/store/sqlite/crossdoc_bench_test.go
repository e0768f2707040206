package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"dateline/internal/store"
	"dateline/internal/store/storetest"
)

// BenchmarkPutCrossDoc measures Put with and without the cross-document
// layers (entity links, tracked deadlines, stories) over an archive that
// grows through the run, so a layer whose cost grew with the archive would
// show as a falling docs/s.
func BenchmarkPutCrossDoc(b *testing.B) {
	docs := storetest.Generate(b, 2000, 1)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("crossdoc=%v", on), func(b *testing.B) {
			b.SetBytes(bytes / int64(len(docs)))
			db := MustOpen(b)
			db.NoCrossDoc = !on
			ctx := context.Background()
			const batch = 64
			b.ResetTimer()
			for i := 0; i < b.N; i += batch {
				var entries []store.Entry
				for j := i; j < min(i+batch, b.N); j++ {
					d := *docs[j%len(docs)]
					d.ID = fmt.Sprintf("%s-%d", d.ID, j)
					d.Text += fmt.Sprintf(" Copy %d.", j)
					entries = append(entries, store.Entry{Input: d.ID, Doc: &d})
				}
				if _, err := db.Put(ctx, entries); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
