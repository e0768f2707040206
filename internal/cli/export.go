package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
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
	if format != "jsonl" && format != "csv" {
		return fmt.Errorf("%w: --format %q: want jsonl or csv", errUsage, format)
	}
	return withStore(ctx, queryFlags{db: db}, func(s store.Store) error { return export(ctx, s, f, format, env.Stdout) })
}

// exporter is what export needs of a store.
type exporter interface {
	Documents(ctx context.Context, f store.Filter) iter.Seq2[*doc.Document, error]
}

// export writes the documents f keeps to w as JSONL or CSV.
func export(ctx context.Context, s exporter, f store.Filter, format string, w io.Writer) error {
	out := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false) // "AT&T", as extract writes it
	write := func(d *doc.Document) error { return enc.Encode(d) }
	flush := func() error { return nil } // the format's own buffer, before out's
	if format == "csv" {
		cw := csv.NewWriter(out)
		header := []string{"id", "date", "source", "title", "url", "sentences", "entities", "times", "quotes", "events", "deadlines", "text"}
		if err := cw.Write(header); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		n := strconv.Itoa
		write = func(d *doc.Document) error {
			return cw.Write([]string{d.ID, d.Date, d.Source, d.Title, d.URL, n(len(d.Sentences)), n(len(d.Entities)),
				n(len(d.Times)), n(len(d.Quotes)), n(len(d.Events)), n(len(d.Deadlines)), d.Text})
		}
		flush = func() error { cw.Flush(); return cw.Error() }
	}
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
}
