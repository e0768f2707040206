package eventtest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestArchiveRoundTrip(t *testing.T) {
	in := "comment\ndate: 2025-08-06\n-- a --\nText one.\n-- a.want --\nMEET \"met\"\n-- b --\nText two.\n-- b.want --\n\n"
	ar := parseArchive(in)
	if archiveDate(ar.comment) != "2025-08-06" || len(ar.files) != 4 {
		t.Fatalf("parsed %+v", ar)
	}
	if got := string(ar.format()); got != in {
		t.Errorf("round trip:\n%q\nwant\n%q", got, in)
	}
}

func TestLoadAndRewrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txtar")
	if err := os.WriteFile(path, []byte("date: 2025-01-02\n-- one --\n[[Kyiv|GPE]] met.\n-- one.want --\nOLD\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{{File: path, Name: "one", Marked: "[[Kyiv|GPE]] met.", Date: "2025-01-02", Want: []string{"OLD"}}}
	if !reflect.DeepEqual(cases, want) {
		t.Fatalf("got %+v, want %+v", cases, want)
	}
	if err := Rewrite(path, map[string][]string{"one": {"NEW 1", "NEW 2"}}); err != nil {
		t.Fatal(err)
	}
	cases, _ = Load(dir)
	if !reflect.DeepEqual(cases[0].Want, []string{"NEW 1", "NEW 2"}) {
		t.Errorf("after rewrite: %+v", cases[0].Want)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("no error for a directory without golden files")
	}
}

func TestFrameKey(t *testing.T) {
	key, parts := FrameKey(`MEET "meeting" +talks agent=Steve Witkoff partner=Vladimir Putin place=Moscow time=2025-08-06 negated`)
	if key != `MEET "meeting"` {
		t.Errorf("key %q", key)
	}
	if want := []string{"agent=Steve Witkoff", "partner=Vladimir Putin"}; !reflect.DeepEqual(parts, want) {
		t.Errorf("parts %q, want %q", parts, want)
	}
}
