//go:build unix

package timex

import "syscall"

// cpuSeconds returns the CPU time (user + system) the process has used, so
// benchmarks can report throughput per CPU-second, which stays meaningful on
// a loaded shared machine where wall-clock MB/s does not.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
