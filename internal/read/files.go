package read

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"dateline/internal/doc"
)

// Item is one document read, or the error for one input item that could not
// be read. Exactly one of Doc and Err is set.
type Item struct {
	Doc *doc.Document
	Err error
}

// All reads every path in order (a file, a directory read recursively in
// lexical order, or "-" for stdin) and yields one Item per document or bad
// item. It stops early when ctx is cancelled, yielding ctx's error last.
func All(ctx context.Context, paths []string, stdin io.Reader, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, p := range paths {
			if err := ctx.Err(); err != nil {
				yield(Item{Err: err})
				return
			}
			if p == "-" {
				if !readStream(ctx, "-", stdin, opts, yield) {
					return
				}
				continue
			}
			if !readPath(ctx, p, opts, yield) {
				return
			}
		}
	}
}

// readPath reads a file or walks a directory. It returns false when the
// consumer stopped or ctx was cancelled.
func readPath(ctx context.Context, root string, opts Options, yield func(Item) bool) bool {
	info, err := os.Stat(root)
	if err != nil {
		return yield(Item{Err: &Error{Path: root, Err: unwrapPath(err)}})
	}
	if !info.IsDir() {
		return readFile(ctx, root, opts, yield)
	}
	ok := true
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(Item{Err: &Error{Path: path, Err: unwrapPath(err)}}) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // hidden files: editor swap files, .DS_Store
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if !readFile(ctx, path, opts, yield) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	return ok && err == nil
}

func readFile(ctx context.Context, path string, opts Options, yield func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: unwrapPath(err)}})
	}
	defer f.Close()
	return readStream(ctx, path, f, opts, yield)
}

// readStream reads one file's worth of input in the given or detected format.
func readStream(ctx context.Context, path string, r io.Reader, opts Options, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	format := opts.Format
	if format == Auto {
		head, _ := br.Peek(512)
		format = Detect(path, head)
	}
	if format == JSONL {
		return readJSONL(ctx, path, br, opts, yield)
	}
	data, err := readCapped(br, opts.maxDoc())
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: err}})
	}
	var d *doc.Document
	if format == Seed {
		d, err = parseSeed(data)
	} else {
		d, err = parseText(data, opts.Date)
	}
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: err}})
	}
	d.ID = fileID(path, d.Text)
	return yield(Item{Doc: d})
}

// Detect picks the format of a file from its name and first bytes: .jsonl
// and .ndjson files, and files whose first non-space byte is '{', are JSONL;
// files that open with "date YYYY-MM-DD " are seed files; the rest is text.
func Detect(path string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return JSONL
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	switch {
	case len(head) > 0 && head[0] == '{':
		return JSONL
	case seedHeader(head) > 0:
		return Seed
	}
	return Text
}

// readCapped reads all of r, failing with ErrTooLarge beyond max bytes.
func readCapped(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// fileID names a document after its file ("000_8431d214c74027f4" for
// ".../000_8431d214c74027f4.txt"), or after its content for stdin.
func fileID(path, text string) string {
	if path == "-" {
		return contentID(text)
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// contentID derives a stable id from a document's text.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// unwrapPath drops the *fs.PathError wrapper, whose path Error already shows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
