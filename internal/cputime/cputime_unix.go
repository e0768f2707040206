//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Used returns the user and system CPU time the process has used, and
// false when the system would not say.
func Used() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
