package event_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
)

var update = flag.Bool("update", false, "rewrite the .want sections of testdata/golden/*.txtar")

// A golden file is a txtar archive: a comment whose "date:" line dates every
// document, then pairs of sections "NAME" (a text marked up as
// [chunktest.Parse] reads it) and "NAME.want" (one frame a line, as frames
// renders them). The marked entities, times and quotes stand in for the
// upstream stages, so these files test the event and deadline stages alone;
// TestChain runs the same texts through the real stages.
type archive struct {
	comment string
	files   []section
}

type section struct {
	name string
	data string
}

func parseArchive(data string) archive {
	var ar archive
	lines := strings.SplitAfter(data, "\n")
	cur := -1
	var b strings.Builder
	flush := func() {
		if cur < 0 {
			ar.comment = b.String()
		} else {
			ar.files[cur].data = b.String()
		}
		b.Reset()
	}
	for _, l := range lines {
		t := strings.TrimRight(l, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			ar.files = append(ar.files, section{name: strings.TrimSpace(t[3 : len(t)-3])})
			cur = len(ar.files) - 1
			continue
		}
		b.WriteString(l)
	}
	flush()
	return ar
}

func (ar archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(ar.comment)
	for _, f := range ar.files {
		b.WriteString("-- " + f.name + " --\n")
		b.WriteString(f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func archiveDate(comment string) string {
	for _, l := range strings.Split(comment, "\n") {
		if v, ok := strings.CutPrefix(l, "date:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// goldenCase is one marked text and its expected frames.
type goldenCase struct {
	file, name, marked, date string
	want                     []string
}

func loadGolden(t *testing.T) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	var cases []goldenCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ar := parseArchive(string(data))
		date := archiveDate(ar.comment)
		want := map[string]string{}
		for _, f := range ar.files {
			if n, ok := strings.CutSuffix(f.name, ".want"); ok {
				want[n] = f.data
			}
		}
		for _, f := range ar.files {
			if strings.HasSuffix(f.name, ".want") {
				continue
			}
			cases = append(cases, goldenCase{file: p, name: f.name, marked: strings.TrimSpace(f.data), date: date, want: lines(want[f.name])})
		}
	}
	return cases
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// runStages runs the event stage (events and deadlines) on d and checks the
// result.
func runStages(t *testing.T, d *doc.Document) {
	t.Helper()
	if err := (event.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("invalid document: %v", err)
	}
}

// TestGolden runs the stages over the hand-annotated sentences and articles
// of testdata/golden and compares their frames with the expected ones.
func TestGolden(t *testing.T) {
	cases := loadGolden(t)
	got := map[string]map[string]string{} // file → case → frames
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c.file), ".txtar")+"/"+c.name, func(t *testing.T) {
			d := chunktest.MustParse(t, c.marked, c.date)
			runStages(t, d)
			fr := frames(d)
			if got[c.file] == nil {
				got[c.file] = map[string]string{}
			}
			got[c.file][c.name] = strings.Join(fr, "\n") + "\n"
			if !*update && strings.Join(fr, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("frames differ for\n%s\ngot:\n%s\nwant:\n%s", d.Text, strings.Join(fr, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	if *update {
		for file, byCase := range got {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseArchive(string(data))
			var files []section
			for _, f := range ar.files {
				if strings.HasSuffix(f.name, ".want") {
					continue
				}
				files = append(files, f, section{name: f.name + ".want", data: byCase[f.name]})
			}
			ar.files = files
			if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestGoldenCoverage checks that the suite exercises every event type and
// has at least 60 sentences and 5 articles.
func TestGoldenCoverage(t *testing.T) {
	cases := loadGolden(t)
	types := map[string]int{}
	sentences, articles := 0, 0
	for _, c := range cases {
		if strings.Contains(filepath.Base(c.file), "article") {
			articles++
		} else {
			sentences++
		}
		for _, w := range c.want {
			types[strings.Fields(w)[0]]++
		}
	}
	for _, ti := range event.Types {
		if types[ti.Type] == 0 {
			t.Errorf("no golden frame of type %s", ti.Type)
		}
	}
	if types["DEADLINE"] < 5 {
		t.Errorf("only %d golden deadlines", types["DEADLINE"])
	}
	if sentences < 60 || articles < 5 {
		t.Errorf("golden suite has %d sentences and %d articles, want ≥ 60 and ≥ 5", sentences, articles)
	}
	t.Logf("golden suite: %d sentences, %d articles, frames by type %v", sentences, articles, types)
}
