package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want.json files of testdata/golden/*.txtar")

// TestGolden runs extract on each testdata/golden/*.txtar archive: the
// "args" file holds extra flags, one other file is the input (written under
// its name, which becomes the document id), and "want.json" is the expected
// --pretty output. Later stages change the output by design: check the diff,
// then rerun with
//
//	go test ./internal/cli -run TestGolden -update
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden archives: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(data))
			argText, _ := a.file("args")
			args := append([]string{"extract", "--pretty"}, strings.Fields(argText)...)
			var input *archiveFile
			for i, f := range a.files {
				if f.name != "args" && f.name != "want.json" {
					if input != nil {
						t.Fatalf("two inputs: %s and %s", input.name, f.name)
					}
					input = &a.files[i]
				}
			}
			if input == nil {
				t.Fatal("no input file")
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, input.name), []byte(input.data), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, filepath.Join(dir, input.name))

			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if code != exitOK || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
			}
			if *update {
				a.set("want.json", stdout.String())
				if err := os.WriteFile(path, a.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, ok := a.file("want.json")
			if !ok {
				t.Fatalf("%s has no want.json; run with -update", path)
			}
			if got := stdout.String(); got != want {
				t.Errorf("output differs from %s (if the change is intended, run go test ./internal/cli -run TestGolden -update)\n%s",
					path, lineDiff(want, got))
			}
		})
	}
}

// lineDiff shows the first differing lines of want and got, with context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			var b strings.Builder
			for j := max(0, i-3); j < i; j++ {
				b.WriteString("  " + w[j] + "\n")
			}
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
			return b.String()
		}
	}
	return "(no line differs)"
}

func TestArchiveRoundTrip(t *testing.T) {
	in := "comment line\n-- args --\n--date 2025-08-06\n-- a.txt --\nline one\r\n\n-- empty --\n-- want.json --\n{}\n"
	a := parseArchive(in)
	if a.comment != "comment line\n" || len(a.files) != 4 {
		t.Fatalf("parsed %+v", a)
	}
	if d, _ := a.file("a.txt"); d != "line one\r\n\n" {
		t.Errorf("a.txt = %q", d)
	}
	if got := string(a.format()); got != in {
		t.Errorf("format() = %q, want %q", got, in)
	}
	a.set("want.json", "[]\n")
	a.set("new", "x\n")
	if d, _ := a.file("want.json"); d != "[]\n" || len(a.files) != 5 {
		t.Errorf("set did not replace and add: %+v", a.files)
	}
	if _, ok := fileMarker("-- --"); ok {
		t.Error("empty name accepted as a file marker")
	}
}
