package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"dateline/internal/store"
)

const searchHelp = `Usage: dateline search [flags] QUERY

Searches the stored articles' titles and text, best match first, and shows
each hit with a snippet around the matched words. Words are stemmed and all
required; "quoted words" must appear together; -word excludes. An empty
QUERY ("") lists the articles the filters keep, newest first.

Examples:
  dateline search ceasefire
  dateline search '"secondary tariffs" -India'
  dateline search --entity Putin --from 2025-08-01 --to 2025-08-31 talks
  dateline search --type MEET --source Reuters ""
  dateline search --json --limit 100 sanctions | jq -r '.hits[].id'
`

// filterFlags registers the document filters search and export share.
func filterFlags(fs *flag.FlagSet, f *store.Filter) {
	fs.StringVar(&f.Entity, "entity", "", "keep articles mentioning this entity `name` or alias")
	fs.StringVar(&f.Type, "type", "", "keep articles with an entity or event of this `type` (PERSON, GPE, MEET, SANCTION, ...)")
	fs.StringVar(&f.From, "from", "", "keep articles dated on or after this `day` (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "keep articles dated on or before this `day` (YYYY-MM-DD)")
	fs.StringVar(&f.Source, "source", "", "keep articles from this `source`")
}

func runSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlags("search")
	var qf queryFlags
	qf.register(fs)
	var q store.Query
	filterFlags(fs, &q.Filter)
	fs.IntVar(&q.Limit, "limit", store.DefaultLimit, "hits to show")
	fs.IntVar(&q.Offset, "offset", 0, "hits to skip, for the next page")
	pos, err := parseFlags(env, fs, searchHelp, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%w: search needs a QUERY (\"\" for all)", errUsage)
	}
	q.Text = strings.Join(pos, " ")
	if q.Limit < 1 {
		return fmt.Errorf("%w: --limit must be at least 1", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error { return search(ctx, env, s, q, qf.json) })
}

// searcher is what search needs of a store.
type searcher interface {
	Search(ctx context.Context, q store.Query) (store.Results, error)
}

func search(ctx context.Context, env Env, s searcher, q store.Query, asJSON bool) error {
	res, err := s.Search(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if res.Hits == nil {
			res.Hits = []store.Hit{}
		}
		return writeJSON(env.Stdout, res)
	}
	return printSearch(env, q, res, isTerminal(env.Stdout))
}

func printSearch(env Env, q store.Query, res store.Results, ansi bool) error {
	if len(res.Hits) == 0 {
		fmt.Fprintf(env.Stdout, "no matches (%d in all)\n", res.Total)
		return nil
	}
	t := table{header: []string{"DATE", "SOURCE", "ID", "TITLE"}}
	for _, h := range res.Hits {
		t.add(highlight(h.Snippet, h.Highlights, ansi), day(h.Date), orDash(h.Source), h.ID, cut(orDash(h.Title), 70))
	}
	if err := t.write(env.Stdout); err != nil {
		return err
	}
	shown := q.Offset + len(res.Hits)
	fmt.Fprintf(env.Stdout, "%d–%d of %d", q.Offset+1, shown, res.Total)
	if shown < res.Total {
		fmt.Fprintf(env.Stdout, " (next page: --offset %d)", shown)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}
