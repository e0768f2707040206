package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/read"
)

// runMain runs the command line like the binary does and returns the exit
// code and what was written to stdout and stderr.
func runMain(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// decode parses JSONL (or concatenated pretty JSON) output into documents.
func decode(t *testing.T, out string) []doc.Document {
	t.Helper()
	var docs []doc.Document
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var d doc.Document
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("output is not JSON documents: %v\n%s", err, out)
		}
		docs = append(docs, d)
	}
	return docs
}

func ids(docs []doc.Document) []string {
	var s []string
	for _, d := range docs {
		s = append(s, d.ID)
	}
	return s
}

// tree writes files (slash paths → content) under a new temp dir and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	seedArticle = "date 2025-08-06 Envoys met in Geneva on Wednesday. Both sides called the talks useful.\n"
	textArticle = "The council voted on Monday to close the bridge for repairs.\n"
)

func TestExtractExitCodes(t *testing.T) {
	dir := tree(t, map[string]string{
		"seed.txt":    seedArticle,
		"plain.txt":   textArticle,
		"empty.txt":   "",
		"feed.jsonl":  `{"id":"a","text":"First."}` + "\n" + `{"id":"b","text":5}` + "\n" + `{"id":"c","text":"Third."}` + "\n",
		"mixed/1.txt": seedArticle,
		"mixed/2.txt": "   \n",
		"mixed/3.txt": textArticle,
		"dates.jsonl": `{"id":"d","date":"03-02-2009","text":"Sales fell in January."}` + "\n",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		ids       []string // documents written, in order
		stderr    []string // substrings of stderr, in order
		stderrNot []string
	}{
		{name: "all ok", args: []string{"extract", p("seed.txt"), p("plain.txt")},
			code: exitOK, ids: []string{"seed", "plain"}},
		{name: "some failed", args: []string{"extract", p("mixed")},
			code: exitFailed, ids: []string{"1", "3"},
			stderr: []string{"dateline: " + p("mixed/2.txt") + ": empty text\n", "dateline: 1 of 3 inputs failed\n"}},
		{name: "bad JSONL line named with its line", args: []string{"extract", p("feed.jsonl")},
			code: exitFailed, ids: []string{"a", "c"},
			stderr: []string{p("feed.jsonl") + `:2: field "text": want a string, got number`, "1 of 3 inputs failed"}},
		{name: "missing file", args: []string{"extract", p("nope.txt"), p("seed.txt")},
			code: exitFailed, ids: []string{"seed"},
			stderr: []string{p("nope.txt") + ": stat: no such file or directory"}},
		{name: "strict stops at the first bad input", args: []string{"extract", "--strict", p("feed.jsonl"), p("seed.txt")},
			code: exitFailed, ids: []string{"a"},
			stderr:    []string{p("feed.jsonl") + ":2: ", "(--strict: stopped at the first bad input)"},
			stderrNot: []string{"inputs failed", "Third"}},
		{name: "unusable date: analysed undated, with a warning", args: []string{"extract", p("dates.jsonl")},
			code: exitOK, ids: []string{"d"},
			stderr: []string{"dateline: warning: " + p("dates.jsonl") + `:1: field "date": date "03-02-2009"`}},
		{name: "strict with good input", args: []string{"extract", "--strict", p("seed.txt")},
			code: exitOK, ids: []string{"seed"}},

		{name: "unknown flag", args: []string{"extract", "--bogus", p("seed.txt")},
			code: exitUsage, stderr: []string{"flag provided but not defined: -bogus", "dateline extract -h"}},
		{name: "bad --in", args: []string{"extract", "--in", "xml", p("seed.txt")},
			code: exitUsage, stderr: []string{`--in: unknown input format "xml"`}},
		{name: "bad --date", args: []string{"extract", "--date", "06/08/2025", p("plain.txt")},
			code: exitUsage, stderr: []string{"--date: ", "ISO 8601"}},
		{name: "bad --workers", args: []string{"extract", "--workers", "0", p("seed.txt")},
			code: exitUsage, stderr: []string{"--workers must be at least 1"}},
		{name: "no command", args: nil, code: exitUsage, stderr: []string{"Commands:", "no command given"}},
		{name: "unknown command", args: []string{"extrct"}, code: exitUsage, stderr: []string{`unknown command "extrct"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runMain(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			if got := ids(decode(t, out)); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("documents %v, want %v", got, tt.ids)
			}
			rest := errs
			for _, s := range tt.stderr {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Errorf("stderr lacks %q (in order):\n%s", s, errs)
					break
				}
				rest = rest[i+len(s):]
			}
			for _, s := range tt.stderrNot {
				if strings.Contains(errs, s) {
					t.Errorf("stderr contains %q:\n%s", s, errs)
				}
			}
			if strings.Contains(errs, "\r") {
				t.Errorf("progress line written to a non-terminal stderr: %q", errs)
			}
		})
	}
}

func TestExtractInputs(t *testing.T) {
	dir := tree(t, map[string]string{
		"seed.txt":          seedArticle,
		"plain.txt":         textArticle,
		"corpus/b/02.txt":   textArticle,
		"corpus/a/01.txt":   seedArticle,
		"corpus/c.jsonl":    `{"id":"c1","text":"One."}` + "\n\n" + `{"id":"c2","date":"2024-12-31","text":"Two."}`,
		"corpus/.hidden":    "secret",
		"corpus/.git/HEAD":  "ref: refs/heads/main",
		"looks-like-seed.x": "date 2025-08-06 is when the law takes effect.",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	type want struct{ id, date, text string }
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []want
	}{
		{name: "seed file", args: []string{p("seed.txt")},
			want: []want{{"seed", "2025-08-06", strings.TrimSpace(seedArticle[len("date 2025-08-06 "):])}}},
		{name: "text undated", args: []string{p("plain.txt")},
			want: []want{{"plain", "", textArticle}}},
		{name: "text with --date", args: []string{"--date", "2025-03-03", p("plain.txt")},
			want: []want{{"plain", "2025-03-03", textArticle}}},
		{name: "--date does not override a seed date", args: []string{"--date", "2025-03-03", p("seed.txt")},
			want: []want{{"seed", "2025-08-06", ""}}},
		{name: "--in text keeps the header as text", args: []string{"--in", "text", p("looks-like-seed.x")},
			want: []want{{"looks-like-seed", "", "date 2025-08-06 is when the law takes effect."}}},
		{name: "directory in lexical order, hidden skipped", args: []string{"--date", "2025-01-01", p("corpus")},
			want: []want{{"01", "2025-08-06", ""}, {"02", "2025-01-01", ""}, {"c1", "2025-01-01", "One."}, {"c2", "2024-12-31", "Two."}}},
		{name: "stdin by dash", stdin: seedArticle, args: []string{"-"},
			want: []want{{"", "2025-08-06", ""}}},
		{name: "stdin by default", stdin: `{"id":"s","text":"From a pipe."}`, args: nil,
			want: []want{{"s", "", "From a pipe."}}},
		{name: "stdin JSONL forced", stdin: "\n\n" + `{"id":"s","text":"x"}`, args: []string{"--in", "jsonl"},
			want: []want{{"s", "", "x"}}},
		{name: "flags after inputs", args: []string{p("plain.txt"), "--date", "2025-03-03"},
			want: []want{{"plain", "2025-03-03", ""}}},
		{name: "-- ends flags", stdin: "", args: []string{"--", p("plain.txt")},
			want: []want{{"plain", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runMain(t, tt.stdin, append([]string{"extract"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			docs := decode(t, out)
			if len(docs) != len(tt.want) {
				t.Fatalf("got %d documents %v, want %d", len(docs), ids(docs), len(tt.want))
			}
			for i, w := range tt.want {
				d := docs[i]
				if (w.id != "" && d.ID != w.id) || d.ID == "" || d.Date != w.date || (w.text != "" && d.Text != w.text) {
					t.Errorf("document %d = {%q %q %q}, want %+v", i, d.ID, d.Date, d.Text, w)
				}
				if len(d.Sentences) == 0 {
					t.Errorf("document %s has no sentences: the pipeline did not run", d.ID)
				}
			}
		})
	}
}

// TestExtractOrder checks that output order is input order when many
// documents of different sizes are analysed by several workers.
func TestExtractOrder(t *testing.T) {
	const n = 300
	var in strings.Builder
	var want []string
	for i := range n {
		id := fmt.Sprintf("doc-%03d", i)
		want = append(want, id)
		// Sizes vary a lot so that workers finish out of order.
		text := strings.Repeat("The minister visited the port on Monday. ", 1+(i*37)%50)
		fmt.Fprintf(&in, `{"id":%q,"date":"2025-08-06","text":%q}`+"\n", id, text)
	}
	code, out, errs := runMain(t, in.String(), "extract", "--workers", "4", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := ids(decode(t, out)); !reflect.DeepEqual(got, want) {
		t.Errorf("output order differs from input order:\n got %v\nwant %v", got, want)
	}
}

// sleepStage makes documents whose text is shorter take longer, so the first
// documents finish last.
type sleepStage struct{}

func (sleepStage) Process(ctx context.Context, d *doc.Document) error {
	select {
	case <-time.After(time.Duration(100-len(d.Text)) * 50 * time.Microsecond):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func TestExtractOrderSlowFirst(t *testing.T) {
	var in strings.Builder
	var want []string
	for i := range 60 {
		id := fmt.Sprintf("d%02d", i)
		want = append(want, id)
		fmt.Fprintf(&in, `{"id":%q,"text":%q}`+"\n", id, strings.Repeat("x", 1+i))
	}
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(in.String()), Stdout: &out, Stderr: &errb}
	cfg := extractConfig{workers: 8}
	p := nlp.Pipeline{{Name: "sleep", Stage: sleepStage{}}}
	if err := extract(context.Background(), env, cfg, p, []string{"-"}); err != nil {
		t.Fatal(err)
	}
	if got := ids(decode(t, out.String())); !reflect.DeepEqual(got, want) {
		t.Errorf("order:\n got %v\nwant %v", got, want)
	}
}

func TestExtractPretty(t *testing.T) {
	dir := tree(t, map[string]string{"a.txt": seedArticle, "b.txt": "date 2025-08-07 Shares of AT&T rose <5%>.\n"})
	args := []string{"extract", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}
	_, compact, _ := runMain(t, "", args...)
	code, pretty, errs := runMain(t, "", append(args, "--pretty")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(compact, "\n"); n != 2 {
		t.Errorf("compact output has %d lines, want one per document", n)
	}
	if !strings.Contains(pretty, "{\n  \"id\": \"a\",\n  \"date\": \"2025-08-06\",\n") {
		t.Errorf("--pretty output is not indented by two spaces:\n%s", pretty)
	}
	if !strings.Contains(compact, "AT&T rose <5%>") {
		t.Errorf("HTML characters escaped in output: %s", compact)
	}
	if !reflect.DeepEqual(decode(t, compact), decode(t, pretty)) {
		t.Error("--pretty changed the documents")
	}
}

// badStage writes an entity whose mention text does not match its span.
type badStage struct{}

func (badStage) Process(_ context.Context, d *doc.Document) error {
	if strings.Contains(d.Text, "bad") {
		d.Entities = []doc.Entity{{ID: "e1", Type: doc.Person, Name: "X",
			Mentions: []doc.Mention{{Start: 0, End: 1, Text: "Y"}, {Start: 0, End: len(d.Text) + 1, Text: "Z"}}}}
	}
	return nil
}

// failStage fails on documents whose text says so.
type failStage struct{}

func (failStage) Process(_ context.Context, d *doc.Document) error {
	if strings.Contains(d.Text, "fail") {
		return errors.New("model exploded")
	}
	return nil
}

// panicStage panics on documents whose text says so.
type panicStage struct{}

func (panicStage) Process(_ context.Context, d *doc.Document) error {
	if strings.Contains(d.Text, "fail") {
		var m map[string]int
		m["x"]++ // a nil map write, as a buggy stage would do
	}
	return nil
}

func TestExtractStageFailures(t *testing.T) {
	in := `{"id":"ok1","text":"fine"}` + "\n" + `{"id":"x","text":"bad fail"}` + "\n" + `{"id":"ok2","text":"fine"}` + "\n"
	tests := []struct {
		name     string
		stage    nlp.Stage
		validate bool
		ids      []string
		stderr   string
	}{
		{"invalid output caught by --validate", badStage{}, true, []string{"ok1", "ok2"},
			`dateline: f.jsonl:2: document x: invalid output: entity e1 mention 0: text "Y" differs from the span's bytes "b"; entity e1 mention 1: span [0,9) outside text of 8 bytes` + "\n"},
		{"invalid output passes without --validate", badStage{}, false, []string{"ok1", "x", "ok2"}, ""},
		{"stage error names the input", failStage{}, false, []string{"ok1", "ok2"},
			"dateline: f.jsonl:2: document x: stage boom: model exploded\n"},
		{"stage panic fails one document", panicStage{}, false, []string{"ok1", "ok2"},
			"dateline: f.jsonl:2: document x: panic: assignment to entry in nil map\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"f.jsonl": in})
			var out, errb bytes.Buffer
			env := Env{Stdout: &out, Stderr: &errb}
			cfg := extractConfig{workers: 2, validate: tt.validate}
			p := nlp.Pipeline{{Name: "boom", Stage: tt.stage}}
			err := extract(context.Background(), env, cfg, p, []string{filepath.Join(dir, "f.jsonl")})
			if got := ids(decode(t, out.String())); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("documents %v, want %v", got, tt.ids)
			}
			if got := strings.ReplaceAll(errb.String(), dir+string(filepath.Separator), ""); got != tt.stderr {
				t.Errorf("stderr:\n got %q\nwant %q", got, tt.stderr)
			}
			var ee *exitError
			if tt.stderr != "" && (!errors.As(err, &ee) || ee.code != exitFailed) {
				t.Errorf("err = %v, want exit code %d", err, exitFailed)
			}
			if tt.stderr == "" && err != nil {
				t.Errorf("err = %v, want nil", err)
			}
		})
	}
}

func TestExtractInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := Main(ctx, []string{"extract", "-"}, strings.NewReader(seedArticle), &out, &errb)
	if code != exitAborted || !strings.Contains(errb.String(), "interrupted after 0 documents") {
		t.Errorf("exit %d, stderr %q; want %d and an interrupt message", code, errb.String(), exitAborted)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExtractWriteError(t *testing.T) {
	in := strings.Repeat(`{"text":"The port reopened on Monday."}`+"\n", 2000)
	var errb bytes.Buffer
	code := Main(context.Background(), []string{"extract", "-"}, strings.NewReader(in), failWriter{}, &errb)
	if code != exitAborted || !strings.Contains(errb.String(), "write output: disk full") {
		t.Errorf("exit %d, stderr %q; want %d and the write error", code, errb.String(), exitAborted)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"extract", "-h"}, {"extract", "--help"}, {"extract", "a.txt", "-help"}, {"help", "extract"}} {
		code, out, errs := runMain(t, "", args...)
		if code != exitOK || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		for _, want := range []string{"Usage: dateline extract", "More examples:", "Exit status:", "-strict", "-date date"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
	}
	code, out, _ := runMain(t, "", "help")
	if code != exitOK || !strings.Contains(out, "extract") {
		t.Errorf("dateline help: exit %d, %q", code, out)
	}
	code, out, _ = runMain(t, "", "version")
	if code != exitOK || !strings.HasPrefix(out, "dateline ") {
		t.Errorf("dateline version: exit %d, %q", code, out)
	}
}

func BenchmarkExtract(b *testing.B) {
	para := "Envoys met in Geneva on Wednesday for a third round of talks. \"We made progress,\" one said after the meeting.\n\n"
	var in bytes.Buffer
	for i := range 200 {
		fmt.Fprintf(&in, `{"id":"d%d","date":"2025-08-06","text":%q}`+"\n", i, strings.Repeat(para, 5))
	}
	p, err := newPipeline()
	if err != nil {
		b.Fatal(err)
	}
	cfg := extractConfig{workers: 2, read: read.Options{}}
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		env := Env{Stdin: bytes.NewReader(in.Bytes()), Stdout: bufio.NewWriter(nopWriter{}), Stderr: os.Stderr}
		if err := extract(context.Background(), env, cfg, p, []string{"-"}); err != nil {
			b.Fatal(err)
		}
	}
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
