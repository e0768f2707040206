//go:build !unix

package chunktest

import "time"

// cpuTime is not available here: benchmarks report wall-clock MB/s only.
func cpuTime() (time.Duration, bool) { return 0, false }
