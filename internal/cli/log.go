package cli

import (
	"context"
	"fmt"
	"time"

	"dateline/internal/store"
)

const logHelp = `Usage: dateline log [flags]

Shows the ingest log, newest first: every input 'dateline ingest' was given,
whether it was added, updated, a duplicate or failed, and why it failed.

Examples:
  dateline log
  dateline log --status failed --limit 100
  dateline log --json --status duplicate
`

func runLog(ctx context.Context, env Env, args []string) error {
	fs := newFlags("log")
	var qf queryFlags
	qf.register(fs)
	var q store.LogQuery
	var status string
	fs.StringVar(&status, "status", "", "only inputs with this `status`: added, updated, duplicate or failed")
	fs.IntVar(&q.Limit, "limit", 50, "lines to show")
	pos, err := parseFlags(env, fs, logHelp, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: log takes no arguments", errUsage)
	}
	if q.Status, err = store.ParseStatus(status); err != nil {
		return fmt.Errorf("%w: --status: %v", errUsage, err)
	}
	if q.Limit < 1 {
		return fmt.Errorf("%w: --limit must be at least 1", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error { return ingestLog(ctx, env, s, q, qf.json) })
}

// logReader is what ingestLog needs of a store.
type logReader interface {
	Log(ctx context.Context, q store.LogQuery) ([]store.LogEntry, error)
}

func ingestLog(ctx context.Context, env Env, s logReader, q store.LogQuery, asJSON bool) error {
	entries, err := s.Log(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if entries == nil {
			entries = []store.LogEntry{}
		}
		return writeJSON(env.Stdout, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(env.Stdout, "the ingest log is empty")
		return nil
	}
	t := table{header: []string{"TIME", "STATUS", "INPUT", "DOCUMENT", "REASON"}}
	for _, e := range entries {
		t.add("", e.Time.Local().Format(time.DateTime), string(e.Status), cut(e.Input, 60), orDash(e.DocID), cut(orDash(e.Reason), 80))
	}
	return t.write(env.Stdout)
}
