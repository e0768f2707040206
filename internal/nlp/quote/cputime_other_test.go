//go:build !unix

package quote

import "time"

// cpuTime is not available here; BenchmarkQuote reports wall-clock MB/s only.
func cpuTime() (time.Duration, bool) { return 0, false }
