package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"

	"dateline/internal/doc"
	"dateline/internal/store"
)

const exportHelp = `Usage: dateline export [flags]

Writes the stored articles to standard output, oldest first.

  --format jsonl  one full document per line (docs/format.md), every layer:
                  what 'dateline extract' printed when it was ingested
  --format csv    one row per article: id, date, source, title, url, the
                  number of sentences, entities, times, quotes, events and
                  deadlines, and the text

Examples:
  dateline export > archive.jsonl
  dateline export --format csv --source Reuters --from 2025-08-01 > august.csv
  dateline export --entity Putin | dateline extract -   # re-analyse a subset
`

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("export")
	var db string
	var f store.Filter
	var format string
	fs.StringVar(&db, "db", "", dbFlagHelp)
	fs.StringVar(&format, "format", "jsonl", "output `format`: jsonl or csv")
	filterFlags(fs, &f)
	pos, err := parseFlags(env, fs, exportHelp, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: export takes no arguments", errUsage)
	}
	var write func(*doc.Document) error
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	flush := func() error { return nil } // the format's own buffer, before out's
	switch format {
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		write = func(d *doc.Document) error { return enc.Encode(d) }
	case "csv":
		cw := csv.NewWriter(out)
		flush = func() error { cw.Flush(); return cw.Error() }
		header := []string{"id", "date", "source", "title", "url", "sentences", "entities", "times", "quotes", "events", "deadlines", "text"}
		if err := cw.Write(header); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		write = func(d *doc.Document) error {
			n := func(k int) string { return strconv.Itoa(k) }
			return cw.Write([]string{d.ID, d.Date, d.Source, d.Title, d.URL, n(len(d.Sentences)), n(len(d.Entities)),
				n(len(d.Times)), n(len(d.Quotes)), n(len(d.Events)), n(len(d.Deadlines)), d.Text})
		}
	default:
		return fmt.Errorf("%w: --format %q: want jsonl or csv", errUsage, format)
	}
	return withStore(ctx, queryFlags{db: db}, func(s store.Store) error {
		for d, err := range s.Documents(ctx, f) {
			if err != nil {
				return err
			}
			if err := write(d); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
		}
		if err := flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	})
}
