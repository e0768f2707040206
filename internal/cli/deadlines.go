package cli

import (
	"context"
	"fmt"
	"strconv"

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
  dateline deadlines --history                 # each deadline across articles, with its outcome
  dateline deadlines --history --as-of 2026-05-01

With --history the same deadline reported by several articles is one line,
followed by its history: each article that restated it or reported an
outcome (extended, met, missed, withdrawn), with its evidence sentence. A
deadline past its date that no article reports an outcome for reads
"expired, outcome unknown" (against --as-of, default today).
`

func runDeadlines(ctx context.Context, env Env, args []string) error {
	fs := newFlags("deadlines")
	var qf queryFlags
	qf.register(fs)
	var q store.DeadlineQuery
	fs.BoolVar(&q.Pending, "pending", false, "only deadlines with no outcome yet that have not passed")
	fs.StringVar(&q.AsOf, "as-of", "", "the `day` --pending compares against (default today)")
	fs.IntVar(&q.Limit, "limit", 50, "deadlines to show")
	history := fs.Bool("history", false, "one line per deadline tracked across articles, with its history")
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
	if *history {
		return withStore(ctx, qf, func(s store.Store) error {
			cd, ok := s.(store.CrossDoc)
			if !ok {
				return fmt.Errorf("deadlines --history: this store does not track deadlines across articles")
			}
			return deadlineHistory(ctx, env, cd, q, qf.json)
		})
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

// trackedDeadlineFinder is what deadlines --history needs of a store.
type trackedDeadlineFinder interface {
	TrackedDeadlines(ctx context.Context, q store.DeadlineQuery) ([]store.TrackedDeadline, error)
}

func deadlineHistory(ctx context.Context, env Env, s trackedDeadlineFinder, q store.DeadlineQuery, asJSON bool) error {
	tds, err := s.TrackedDeadlines(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if tds == nil {
			tds = []store.TrackedDeadline{}
		}
		return writeJSON(env.Stdout, tds)
	}
	if len(tds) == 0 {
		fmt.Fprintln(env.Stdout, "no deadlines")
		return nil
	}
	for i, t := range tds {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		fmt.Fprintf(env.Stdout, "#%d  due %s  %s -> %s: %s  [%s]  (%s)\n", t.ID, orDash(t.Due),
			orDash(t.Setter), orDash(t.Target), orDash(t.Demand), t.State, count(t.Sources, "article"))
		tb := table{header: []string{"  DAY", "STATUS", "DUE", "SOURCE", "EVIDENCE"}}
		for _, c := range t.History {
			src := c.DocID
			if c.Local != "" {
				src += "/" + c.Local
			}
			if c.Quote != "" {
				src += " " + c.Quote
			}
			tb.add("", "  "+orDash(c.Day), orDash(c.Status), orDash(c.Due), src, cut(c.Evidence, 80))
		}
		if err := tb.write(env.Stdout); err != nil {
			return err
		}
	}
	return nil
}

// count writes n with its noun, plural when n is not one ("1 article",
// "2 articles").
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
