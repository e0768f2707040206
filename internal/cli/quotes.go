package cli

import (
	"context"
	"fmt"

	"dateline/internal/store"
)

const quotesHelp = `Usage: dateline quotes [flags]

Lists what people were quoted as saying in the stored articles, newest
first: direct and partial quotes and reported speech, with the speaker.

Examples:
  dateline quotes --speaker Trump
  dateline quotes --about Ukraine --from 2025-08-01
  dateline quotes --speaker "Marco Rubio" --about sanctions --json

--speaker matches the speaker's name or alias, or the words that name an
unidentified speaker ("the coach"). --about matches words in the quote, or
an entity (by name or alias) mentioned inside it.
`

func runQuotes(ctx context.Context, env Env, args []string) error {
	fs := newFlags("quotes")
	var qf queryFlags
	qf.register(fs)
	var q store.QuoteQuery
	fs.StringVar(&q.Speaker, "speaker", "", "quotes by this `name`")
	fs.StringVar(&q.About, "about", "", "quotes containing these `words` or mentioning this entity")
	fs.StringVar(&q.From, "from", "", "articles dated on or after this `day` (YYYY-MM-DD)")
	fs.StringVar(&q.To, "to", "", "articles dated on or before this `day` (YYYY-MM-DD)")
	fs.IntVar(&q.Limit, "limit", store.DefaultLimit, "quotes to show")
	fs.IntVar(&q.Offset, "offset", 0, "quotes to skip, for the next page")
	pos, err := parseFlags(env, fs, quotesHelp, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: quotes takes no arguments (use --speaker or --about)", errUsage)
	}
	if q.Limit < 1 {
		return fmt.Errorf("%w: --limit must be at least 1", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error { return quotes(ctx, env, s, q, qf.json) })
}

// quoteFinder is what quotes needs of a store.
type quoteFinder interface {
	Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error)
}

func quotes(ctx context.Context, env Env, s quoteFinder, q store.QuoteQuery, asJSON bool) error {
	hits, err := s.Quotes(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if hits == nil {
			hits = []store.QuoteHit{}
		}
		return writeJSON(env.Stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.Stdout, "no quotes")
		return nil
	}
	t := table{header: []string{"DATE", "SPEAKER", "KIND", "QUOTE", "ID"}}
	for _, h := range hits {
		speaker := h.Speaker
		if speaker == "" {
			speaker = h.SpeakerText
		}
		t.add("", day(h.Date), cut(orDash(speaker), 30), h.Kind, cut(h.Text, 90), h.DocID+"/"+h.ID)
	}
	return t.write(env.Stdout)
}
