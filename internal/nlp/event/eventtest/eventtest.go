// Package eventtest holds the golden-file machinery shared by the tests of
// the event stage and of the whole chain: reading and rewriting the txtar
// golden files of internal/nlp/event/testdata/golden and rendering events
// and deadlines as one-line frames that read like the sentences they test.
package eventtest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"dateline/internal/doc"
)

// archive is a golden file: a txtar archive with a comment whose "date:"
// line dates every document, then pairs of sections "NAME" (a text marked up
// as [chunktest.Parse] reads it) and "NAME.want" (one frame a line, as
// [Frames] renders them).
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

// Case is one marked text of a golden file and its expected frames.
type Case struct {
	File, Name, Marked, Date string
	Want                     []string
}

// Load reads the cases of every golden file (*.txtar) in dir.
func Load(dir string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, fmt.Errorf("golden files: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no golden files in %s", dir)
	}
	var cases []Case
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("golden file: %w", err)
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
			cases = append(cases, Case{File: p, Name: f.name, Marked: strings.TrimSpace(f.data), Date: date, Want: lines(want[f.name])})
		}
	}
	return cases, nil
}

// Rewrite replaces the .want sections of golden file path with got (case
// name → frames).
func Rewrite(path string, got map[string][]string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("golden file: %w", err)
	}
	ar := parseArchive(string(data))
	var files []section
	for _, f := range ar.files {
		if strings.HasSuffix(f.name, ".want") {
			continue
		}
		w := strings.Join(got[f.name], "\n")
		if w != "" {
			w += "\n"
		} else {
			w = "\n"
		}
		files = append(files, f, section{name: f.name + ".want", data: w})
	}
	ar.files = files
	if err := os.WriteFile(path, ar.format(), 0o644); err != nil {
		return fmt.Errorf("golden file: %w", err)
	}
	return nil
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

// Frames renders the events of d one a line, with entity names instead of
// ids, so that golden files read like the sentences they test:
//
//	MEET "meeting" +talks agent=Steve Witkoff partner=Vladimir Putin place=Moscow time=2025-08-06 duration=PT3H
func Frames(d *doc.Document) []string {
	names := map[string]string{}
	for _, e := range d.Entities {
		names[e.ID] = e.Name
		if e.Name == "" && len(e.Mentions) > 0 {
			names[e.ID] = e.Mentions[0].Text
		}
	}
	times := map[string]string{}
	for _, t := range d.Times {
		times[t.ID] = t.Value
	}
	var out []string
	for _, e := range d.Events {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %q", e.Type, e.Trigger.Text)
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, " +%s", m.Text)
		}
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " %s=%s", p.Role, names[p.Entity])
		}
		if e.Place != "" {
			fmt.Fprintf(&b, " place=%s", names[e.Place])
		}
		if e.Time != "" {
			fmt.Fprintf(&b, " time=%s", times[e.Time])
		}
		if at := e.Attributes; at != nil {
			if at.Duration != "" {
				fmt.Fprintf(&b, " duration=%s", at.Duration)
			}
			if at.Count != 0 {
				fmt.Fprintf(&b, " count=%d", at.Count)
			}
			if at.Modality != "" {
				fmt.Fprintf(&b, " modality=%s", at.Modality)
			}
			if at.Negated {
				b.WriteString(" negated")
			}
			if len(at.Evaluation) > 0 {
				fmt.Fprintf(&b, " eval=%s", strings.Join(at.Evaluation, ","))
			}
		}
		out = append(out, b.String())
	}
	for _, dl := range d.Deadlines {
		var b strings.Builder
		fmt.Fprintf(&b, "DEADLINE %q", dl.Trigger.Text)
		if dl.By != "" {
			fmt.Fprintf(&b, " by=%s", dl.By)
		}
		if dl.Setter != "" {
			fmt.Fprintf(&b, " setter=%s", names[dl.Setter])
		}
		if dl.Target != "" {
			fmt.Fprintf(&b, " target=%s", names[dl.Target])
		}
		if dl.Demand != "" {
			fmt.Fprintf(&b, " demand=%q", dl.Demand)
		}
		if dl.Consequence != "" {
			fmt.Fprintf(&b, " consequence=%q", dl.Consequence)
		}
		if dl.Status != "" {
			fmt.Fprintf(&b, " status=%s", dl.Status)
		}
		out = append(out, b.String())
	}
	return out
}

// partRE finds the role=name fields of a frame line; names may hold spaces.
var partRE = regexp.MustCompile(`\b(agent|partner|target|speaker|addressee|topic)=(.+?)(?: [a-z]+=| negated|$)`)

// FrameKey splits a frame line into its type and trigger, and its
// role=name participants.
func FrameKey(line string) (string, []string) {
	typ, rest, _ := strings.Cut(line, " ")
	trig := rest
	if i := strings.Index(rest[1:], `"`); strings.HasPrefix(rest, `"`) && i >= 0 {
		trig, rest = rest[:i+2], rest[i+2:]
	}
	var parts []string
	for len(rest) > 0 {
		m := partRE.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		parts = append(parts, rest[m[2]:m[3]]+"="+rest[m[4]:m[5]])
		rest = rest[m[5]:]
	}
	return typ + " " + trig, parts
}
