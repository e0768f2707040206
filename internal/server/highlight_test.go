package server

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/doc"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"none", "a < b & c", nil, "a &lt; b &amp; c"},
		{"one", "Putin spoke", []mark{{Span: doc.Span{Start: 0, End: 5}, class: "ent", title: "PERSON · Putin"}},
			`<span class="ent" title="PERSON · Putin">Putin</span> spoke`},
		{"link", "Putin spoke", []mark{{Span: doc.Span{Start: 0, End: 5}, class: "ent", title: "t", href: "/entities/Putin"}},
			`<a class="ent" title="t" href="/entities/Putin">Putin</a> spoke`},
		{"nested: the longer mark opens first", "he said it today", []mark{
			{Span: doc.Span{Start: 11, End: 16}, class: "tx", title: "DATE"},
			{Span: doc.Span{Start: 3, End: 16}, class: "quote", title: "q"},
		}, `he <span class="quote" title="q">said it <span class="tx" title="DATE">today</span></span>`},
		{"crossing mark dropped", "abcdef", []mark{
			{Span: doc.Span{Start: 0, End: 4}, class: "a", title: "a"},
			{Span: doc.Span{Start: 2, End: 6}, class: "b", title: "b"},
		}, `<span class="a" title="a">abcd</span>ef`},
		{"out of range dropped", "abc", []mark{{Span: doc.Span{Start: 1, End: 9}, class: "a", title: "a"}}, "abc"},
		{"empty dropped", "abc", []mark{{Span: doc.Span{Start: 1, End: 1}, class: "a", title: "a"}}, "abc"},
		{"no link inside a link", "New York", []mark{
			{Span: doc.Span{Start: 0, End: 8}, class: "a", title: "a", href: "/x"},
			{Span: doc.Span{Start: 4, End: 8}, class: "b", title: "b", href: "/y"},
		}, `<a class="a" title="a" href="/x">New <span class="b" title="b">York</span></a>`},
		{"attributes escaped", "x", []mark{{Span: doc.Span{Start: 0, End: 1}, class: "c", title: `"><script>`}},
			`<span class="c" title="&#34;&gt;&lt;script&gt;">x</span>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlight(tt.text, tt.marks)); got != tt.want {
				t.Errorf("highlight:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

var tagRE = regexp.MustCompile(`<(/?)(span|a)\b[^>]*>`)

// FuzzHighlight checks, for any text and marks, that the markup is balanced
// and that removing it gives back the text.
func FuzzHighlight(f *testing.F) {
	f.Add("Putin met Witkoff in Moscow on Wednesday.", 0, 5, 10, 17, 3, 30)
	f.Add("ä<b>ö", 0, 2, 1, 4, 0, 7)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		if !utf8.ValidString(text) {
			return
		}
		var ms []mark
		for _, p := range [][2]int{{s1, e1}, {s2, e2}, {s3, e3}} {
			if p[0] < 0 || p[0] > len(text) || !utf8.RuneStart(at(text, p[0])) || !utf8.RuneStart(at(text, p[1])) {
				continue
			}
			ms = append(ms, mark{Span: doc.Span{Start: p[0], End: p[1]}, class: "c", title: "t", href: "/e"})
		}
		out := string(highlight(text, ms))
		depth := 0
		for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
			if m[1] == "/" {
				depth--
			} else {
				depth++
			}
			if depth < 0 {
				t.Fatalf("closing tag before opening in %q", out)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced markup %q", out)
		}
		// html/template's escaper turns NUL into U+FFFD, as browsers would.
		if got, want := html.UnescapeString(tagRE.ReplaceAllString(out, "")), strings.ReplaceAll(text, "\x00", "\uFFFD"); got != want {
			t.Fatalf("text changed: %q -> %q", text, got)
		}
		if strings.Count(out, "<a ") > 1 && strings.Contains(out, "<a class=\"c\" title=\"t\" href=\"/e\"><a") {
			t.Fatalf("link inside link: %q", out)
		}
	})
}

// at returns text[i], or 0 (a rune start) at or past the end.
func at(text string, i int) byte {
	if i < 0 || i >= len(text) {
		return 0
	}
	return text[i]
}

// BenchmarkHighlight renders a stored article with all its marks, as the
// article page does.
func BenchmarkHighlight(b *testing.B) {
	_, st := newTestServer(b, nil)
	d, err := st.Get(b.Context(), "council-budget")
	if err != nil {
		b.Fatal(err)
	}
	marks := articleMarks(d)
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		_ = highlight(d.Text, marks)
	}
}

// BenchmarkArticlePage serves the article page end to end (store read,
// highlighting, template).
func BenchmarkArticlePage(b *testing.B) {
	srv, st := newTestServer(b, nil)
	d, err := st.Get(b.Context(), "council-budget")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		if rec := do(b, srv, "GET", "/articles/council-budget", "", nil); rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
