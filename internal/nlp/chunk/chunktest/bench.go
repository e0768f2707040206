package chunktest

import (
	"testing"

	"dateline/internal/cputime"
)

// Bench runs run (which processes size bytes) b.N times, reporting MB/s,
// allocations, and "cpu-MB/s": bytes per second of the process's CPU time
// (garbage collection included), which is what one core achieves however
// busy the shared machine is, where wall-clock MB/s understates it.
func Bench(b *testing.B, size int64, run func()) {
	b.Helper()
	b.SetBytes(size)
	b.ReportAllocs()
	t0, ok := cputime.Used()
	n := 0
	for b.Loop() {
		run()
		n++
	}
	if t1, _ := cputime.Used(); ok && t1 > t0 {
		b.ReportMetric(float64(n)*float64(size)/1e6/(t1-t0).Seconds(), "cpu-MB/s")
	}
}
