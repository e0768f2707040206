//go:build !unix

package cputime

import "time"

// Used is not available here: callers report wall-clock figures only.
func Used() (time.Duration, bool) { return 0, false }
