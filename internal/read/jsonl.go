package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"dateline/internal/doc"
)

// input is one JSONL input line. Only Text is required; pointers tell a
// missing or null field from an empty one.
type input struct {
	ID     jsonID  `json:"id"`
	Date   string  `json:"date"`
	Title  string  `json:"title"`
	URL    string  `json:"url"`
	Source string  `json:"source"`
	Text   *string `json:"text"`
}

// jsonID is an "id" given as a JSON string or number; a number is kept as its
// literal text ("42").
type jsonID string

func (id *jsonID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = jsonID(s)
		return nil
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*id = jsonID(b)
		return nil
	}
	return errors.New(`field "id": want a string or number`)
}

// maxKeptBuf is the largest line buffer kept for the next line; a buffer
// grown by one huge line is dropped so it does not stay pinned.
const maxKeptBuf = 1 << 20

// readJSONL reads one document per line. Blank lines are skipped but counted;
// a bad line yields an *Error with its line number and reading goes on.
// It returns false when the consumer stopped or ctx was cancelled.
func readJSONL(ctx context.Context, path string, r *bufio.Reader, opts Options, yield func(Item) bool) bool {
	var buf []byte
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			return false
		}
		if cap(buf) > maxKeptBuf {
			buf = nil
		}
		b, err := readLine(r, buf[:0], opts.maxDoc())
		buf = b
		last := errors.Is(err, io.EOF)
		item := Item{Path: path, Line: line}
		switch {
		case errors.Is(err, ErrTooLarge):
			item.Err = &Error{Path: path, Line: line, Err: err}
		case err != nil && !last:
			// The stream itself broke: nothing more can be read from it.
			return yield(Item{Err: &Error{Path: path, Line: line, Err: err}})
		default:
			if line == 1 {
				b = bytes.TrimPrefix(b, bom)
			}
			if len(bytes.TrimSpace(b)) == 0 {
				if last {
					return true
				}
				continue
			}
			d, warn, perr := parseJSONLine(b, opts.Date)
			if perr != nil {
				item.Err = &Error{Path: path, Line: line, Err: perr}
			} else {
				item.Doc = d
			}
			if warn != nil {
				item.Warn = &Error{Path: path, Line: line, Err: warn}
			}
		}
		if !yield(item) {
			return false
		}
		if last {
			return true
		}
	}
}

// parseJSONLine turns one line into a document dated by date when the line
// carries no usable date of its own. A "date" that is not ISO 8601 does not
// cost the document: it is read with the fallback date (or undated) and the
// problem comes back as warn, since the text is still worth analysing and
// only relative times lose their anchor.
func parseJSONLine(b []byte, date string) (d *doc.Document, warn, err error) {
	if t := bytes.TrimLeft(b, " \t\r"); t[0] != '{' {
		return nil, nil, notObject(b)
	}
	var in input
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, nil, jsonError(err)
	}
	if in.Text == nil {
		return nil, nil, errors.New(`no "text" field`)
	}
	if strings.TrimSpace(*in.Text) == "" {
		return nil, nil, ErrEmpty
	}
	if in.Date != "" {
		if _, perr := doc.ParseDate(in.Date); perr != nil {
			warn = fmt.Errorf(`field "date": %w; read with --date or undated`, perr)
			in.Date = ""
		}
	}
	if in.Date == "" && date != "" {
		if _, perr := doc.ParseDate(date); perr != nil {
			return nil, nil, fmt.Errorf("--date: %w", perr)
		}
		in.Date = date
	}
	d = &doc.Document{
		ID:     string(in.ID),
		Date:   in.Date,
		Title:  in.Title,
		URL:    in.URL,
		Source: in.Source,
		Text:   *in.Text,
	}
	if d.ID == "" {
		d.ID = contentID(d.Text)
	}
	return d, warn, nil
}

// jsonError rewords encoding/json's errors for people who wrote the input:
// a wrong field type names the field instead of a Go struct.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("field %q: want a string, got %s", te.Field, te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("invalid JSON at byte %d: %w", se.Offset, err)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// notObject explains why a line that does not start with '{' is refused.
func notObject(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("want a JSON object, got text that is not JSON")
	}
	kind := "null"
	switch v.(type) {
	case []any:
		kind = "an array"
	case string:
		kind = "a string"
	case float64:
		kind = "a number"
	case bool:
		kind = "a boolean"
	}
	return fmt.Errorf("want a JSON object, got %s", kind)
}

// readLine appends one line, without its line end ("\n" or "\r\n"), to buf
// and returns it. A line longer than limit bytes is consumed to its end without
// being kept and reported as ErrTooLarge, so the next line reads normally. At
// the end of input it returns the last line (possibly empty) with io.EOF.
func readLine(r *bufio.Reader, buf []byte, limit int) ([]byte, error) {
	line := buf
	tooLarge := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLarge {
			// Allow for the line end while the line is still open.
			if n := len(line) + len(chunk); n > limit+2 {
				tooLarge, line = true, buf[:0]
			} else {
				if n > cap(line) {
					// Double, up to the cap: append's gentler growth for
					// big slices would allocate several times the line.
					grown := make([]byte, len(line), min(max(2*cap(line), n), limit+2))
					copy(grown, line)
					line = grown
				}
				line = append(line, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil && !errors.Is(err, io.EOF):
			return line, fmt.Errorf("read: %w", err)
		}
		// The line ended, at a newline (err == nil) or the end of input.
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if tooLarge || len(line) > limit {
			return buf[:0], fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
		}
		return line, err
	}
}
