package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// queryFlags are the flags every store query command shares.
type queryFlags struct {
	db   string
	json bool
}

func (q *queryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&q.db, "db", "", dbFlagHelp)
	fs.BoolVar(&q.json, "json", false, "print JSON for programs instead of a table")
}

// queryError translates store errors for the command line: a request the
// store rejects is a usage error.
func queryError(err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return err
}

// withStore opens the store named by q, runs fn and closes the store.
func withStore(ctx context.Context, q queryFlags, fn func(store.Store) error) error {
	s, err := openStore(ctx, q.db)
	if err != nil {
		return err
	}
	defer s.Close()
	return queryError(fn(s))
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// table prints rows with columns aligned by rune width. A row may carry a
// detail line printed indented beneath it (a snippet), outside the columns.
type table struct {
	header []string
	rows   [][]string
	detail []string
}

func (t *table) add(detail string, cells ...string) {
	t.rows = append(t.rows, cells)
	t.detail = append(t.detail, detail)
}

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	for _, r := range append([][]string{t.header}, t.rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	line(t.header)
	for i, r := range t.rows {
		line(r)
		if t.detail[i] != "" {
			b.WriteString("    ")
			b.WriteString(t.detail[i])
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// cut shortens s to at most n runes, marking a cut with "…", and puts it on
// one line.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// orDash shows an empty cell as "-" so columns stay readable.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// day shows the calendar day of a document date, or the date as written
// when it is not ISO 8601.
func day(date string) string {
	if d := store.Day(date); d != "" {
		return d
	}
	return orDash(date)
}

// highlight marks the highlighted ranges of a snippet: bold on a terminal,
// nothing elsewhere (pipes want plain text).
func highlight(s string, spans []doc.Span, ansi bool) string {
	if !ansi || len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp.Start < last || sp.End > len(s) {
			continue
		}
		b.WriteString(s[last:sp.Start])
		b.WriteString("\033[1m")
		b.WriteString(s[sp.Start:sp.End])
		b.WriteString("\033[0m")
		last = sp.End
	}
	b.WriteString(s[last:])
	return b.String()
}
