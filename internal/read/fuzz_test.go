package read

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/doc"
)

// checkItems reads data as format and checks the invariants every reader
// keeps on any input: no panic, every document valid (text valid UTF-8, not
// blank, with an id), every error a *read.Error naming the input.
func checkItems(t *testing.T, format Format, data []byte, opts Options, check func(*testing.T, Item)) {
	t.Helper()
	opts.Format = format
	for it := range Stream(context.Background(), "in", bytes.NewReader(data), opts) {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item must hold exactly one of Doc and Err: %+v", it)
		}
		if it.Err != nil {
			var re *Error
			if !errors.As(it.Err, &re) || re.Path != "in" {
				t.Fatalf("error %v (%T) is not a *read.Error for the input", it.Err, it.Err)
			}
			continue
		}
		d := it.Doc
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text is not valid UTF-8: %q", d.Text)
		}
		if strings.TrimSpace(d.Text) == "" || d.ID == "" {
			t.Fatalf("document with blank text or no id: %+v", d)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("document invalid: %v", err)
		}
		if check != nil {
			check(t, it)
		}
	}
}

var seedDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzSeed(f *testing.F) {
	for _, s := range []string{
		"date 2025-08-06 Talks ended.",
		"\n\n  date 2025-08-06\r\nTalks.\r\n\r\nMore.",
		"\ufeffdate 2025-02-29 Leap?",
		"date 2025-08-06",
		"date 2025-08-06 caf\xe9",
		"date 9999-99-99 x",
		"Talks ended.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkItems(t, Seed, data, Options{}, func(t *testing.T, it Item) {
			d := it.Doc
			if !seedDate.MatchString(d.Date) {
				t.Fatalf("seed date %q is not YYYY-MM-DD", d.Date)
			}
			if d.Text != strings.TrimSpace(d.Text) {
				t.Fatalf("seed text not trimmed: %q", d.Text)
			}
		})
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Talks ended.\n"), "2025-08-06")
	f.Add([]byte("\ufeff\xff\xfe x"), "")
	f.Add([]byte(" \r\n"), "2025-08-06T09:24")
	f.Add([]byte("A\x00B"), "not a date")
	f.Fuzz(func(t *testing.T, data []byte, date string) {
		for _, format := range []Format{Text, Auto} {
			checkItems(t, format, data, Options{Date: date, MaxDocBytes: 4096}, func(t *testing.T, it Item) {
				if format == Text && it.Doc.Date != date {
					t.Fatalf("date %q, want %q", it.Doc.Date, date)
				}
				if !utf8.Valid(data) || bytes.HasPrefix(data, bom) || format == Auto {
					return
				}
				if it.Doc.Text != string(data) {
					t.Fatalf("valid UTF-8 text changed: %q → %q", data, it.Doc.Text)
				}
			})
		}
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","date":"2025-08-06","title":"T","url":"u","source":"s","text":"Talks."}`,
		"\n{\"text\":\"x\"}\r\n\n{\"text\":5}\n[1]\nnull\n",
		"\ufeff{\"id\":7,\"text\":\"caf\xe9 \\ud800\"}",
		`{"text":"x","date":"2025-13-01"}` + "\n" + `{"text":"x"} {}`,
		`{"text":"` + strings.Repeat("y", 300) + `"}` + "\n" + `{"text":"z"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A small cap exercises the oversized-line path.
		checkItems(t, JSONL, data, Options{MaxDocBytes: 256}, func(t *testing.T, it Item) {
			if d := it.Doc; d.Date != "" {
				if _, err := doc.ParseDate(d.Date); err != nil {
					t.Fatalf("kept a bad date %q", d.Date)
				}
			}
		})
	})
}
