package cputime

import "testing"

func TestUsedGrows(t *testing.T) {
	t0, ok := Used()
	if !ok {
		t.Skip("no CPU time on this system")
	}
	x := 0
	for i := range 50_000_000 {
		x ^= i
	}
	t1, _ := Used()
	if t1 <= t0 {
		t.Fatalf("CPU time did not grow over a busy loop (%v -> %v, x=%d)", t0, t1, x)
	}
}
