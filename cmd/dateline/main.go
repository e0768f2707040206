// Command dateline turns dated news articles into structured, time-anchored
// knowledge. See README.md and `dateline help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"dateline/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
