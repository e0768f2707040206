package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"dateline/internal/doc"
)

// input is one JSONL input line. Only Text is required.
type input struct {
	ID     string  `json:"id"`
	Date   string  `json:"date"`
	Title  string  `json:"title"`
	URL    string  `json:"url"`
	Source string  `json:"source"`
	Text   *string `json:"text"`
}

// readJSONL reads one document per line. Blank lines are skipped; a bad line
// yields an *Error with its line number and reading goes on.
func readJSONL(ctx context.Context, path string, r *bufio.Reader, opts Options, yield func(Item) bool) bool {
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			return false
		}
		b, err := readLine(r, opts.maxDoc())
		if errors.Is(err, io.EOF) && len(b) == 0 {
			return true
		}
		var item Item
		switch {
		case errors.Is(err, ErrTooLarge):
			item.Err = &Error{Path: path, Line: line, Err: err}
		case err != nil && !errors.Is(err, io.EOF):
			item.Err = &Error{Path: path, Line: line, Err: err}
			yield(item)
			return true // the stream is broken: nothing more to read from it
		default:
			if line == 1 {
				b = bytes.TrimPrefix(b, bom)
			}
			if len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			d, perr := parseJSONLine(b, opts.Date)
			if perr != nil {
				item.Err = &Error{Path: path, Line: line, Err: perr}
			} else {
				item.Doc = d
			}
		}
		if !yield(item) {
			return false
		}
	}
}

func parseJSONLine(b []byte, date string) (*doc.Document, error) {
	var in input
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value on the line")
	}
	if in.Text == nil {
		return nil, errors.New(`no "text" field`)
	}
	if *in.Text == "" {
		return nil, ErrEmpty
	}
	if in.Date == "" {
		in.Date = date
	}
	if in.Date != "" {
		if _, err := doc.ParseDate(in.Date); err != nil {
			return nil, err
		}
	}
	d := &doc.Document{ID: in.ID, Date: in.Date, Title: in.Title, URL: in.URL, Source: in.Source, Text: *in.Text}
	if d.ID == "" {
		d.ID = contentID(d.Text)
	}
	return d, nil
}

// readLine reads one line without its line end. A line longer than max is
// consumed to its end and reported as ErrTooLarge, so the next line reads
// normally. At the end of input it returns the last line (possibly empty)
// with io.EOF.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooLarge := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLarge {
			if len(line)+len(chunk) > max+2 {
				tooLarge, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case err == nil || (errors.Is(err, io.EOF) && !tooLarge):
			if tooLarge {
				return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
			}
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			return line, err
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
		default:
			return nil, fmt.Errorf("read: %w", err)
		}
	}
}
