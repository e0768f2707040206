package cli

import (
	"context"
	"fmt"

	"dateline/internal/store"
)

const deadlinesHelp = `Usage: dateline deadlines [flags]

Lists the deadlines and ultimatums found in the stored articles, soonest
first: who set them, for whom, what is demanded, and by when.

Examples:
  dateline deadlines
  dateline deadlines --pending                 # no outcome yet, not past today
  dateline deadlines --pending --as-of 2025-08-07
  dateline deadlines --json
`

func runDeadlines(ctx context.Context, env Env, args []string) error {
	fs := newFlags("deadlines")
	var qf queryFlags
	qf.register(fs)
	var q store.DeadlineQuery
	fs.BoolVar(&q.Pending, "pending", false, "only deadlines with no outcome yet that have not passed")
	fs.StringVar(&q.AsOf, "as-of", "", "the `day` --pending compares against (default today)")
	fs.IntVar(&q.Limit, "limit", 50, "deadlines to show")
	pos, err := parseFlags(env, fs, deadlinesHelp, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: deadlines takes no arguments", errUsage)
	}
	if q.Limit < 1 {
		return fmt.Errorf("%w: --limit must be at least 1", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error { return deadlines(ctx, env, s, q, qf.json) })
}

// deadlineFinder is what deadlines needs of a store.
type deadlineFinder interface {
	Deadlines(ctx context.Context, q store.DeadlineQuery) ([]store.DeadlineHit, error)
}

func deadlines(ctx context.Context, env Env, s deadlineFinder, q store.DeadlineQuery, asJSON bool) error {
	hits, err := s.Deadlines(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if hits == nil {
			hits = []store.DeadlineHit{}
		}
		return writeJSON(env.Stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.Stdout, "no deadlines")
		return nil
	}
	t := table{header: []string{"BY", "SET BY", "FOR", "DEMAND", "STATUS", "ID"}}
	for _, h := range hits {
		by := h.Day
		if by == "" {
			by = h.By
		}
		t.add("", orDash(by), cut(orDash(h.Setter), 25), cut(orDash(h.Target), 25), cut(orDash(h.Demand), 60),
			orDash(h.Status), h.DocID+"/"+h.ID)
	}
	return t.write(env.Stdout)
}
