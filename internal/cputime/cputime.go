// Package cputime reads the CPU time the process has used. Benchmarks
// report throughput per CPU second beside wall-clock throughput because on
// a busy, shared machine the wall clock understates what one core does.
package cputime
