package track

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dateline/internal/doc"
)

// article builds a document from sentences, with entities found by name
// (every occurrence is a mention) and one deadline per dl.
func article(sents []string, names map[string]string, dls ...doc.Deadline) (*doc.Document, map[string]int64) {
	d := &doc.Document{ID: "x", Date: "2026-03-10"}
	for i, s := range sents {
		if i > 0 {
			d.Text += " "
		}
		d.Sentences = append(d.Sentences, doc.Span{Start: len(d.Text), End: len(d.Text) + len(s)})
		d.Text += s
	}
	ents := map[string]int64{}
	n := int64(0)
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for k := range names {
			if !yield(k) {
				return
			}
		}
	}) {
		name := names[id]
		n++
		ents[id] = n * 100
		e := doc.Entity{ID: id, Type: doc.GPE, Name: name}
		for off := 0; ; {
			i := strings.Index(d.Text[off:], name)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, doc.Mention{Start: off + i, End: off + i + len(name), Text: name})
			off += i + len(name)
		}
		if len(e.Mentions) > 0 {
			d.Entities = append(d.Entities, e)
		}
	}
	for _, dl := range dls {
		i := strings.Index(d.Text, dl.Trigger.Text)
		if i >= 0 {
			dl.Trigger = doc.ExtentOf(d.Text, i, i+len(dl.Trigger.Text))
		}
		d.Deadlines = append(d.Deadlines, dl)
	}
	return d, ents
}

func TestObserve(t *testing.T) {
	names := map[string]string{"e1": "Washington", "e2": "Tehran"} // ids 100, 200
	open := Deadline{ID: 7, Setter: 100, Target: 200, Demand: "halt uranium enrichment", Due: "2026-03-20", Status: doc.StatusPending, Last: "2026-03-02"}
	other := Deadline{ID: 8, Setter: 100, Target: 200, Demand: "release the detained sailors", Due: "2026-06-01", Status: doc.StatusPending, Last: "2026-03-01"}
	met := Deadline{ID: 9, Setter: 100, Target: 200, Demand: "free the tanker", Due: "2026-03-05", Status: doc.StatusMet, Last: "2026-03-04"}
	tests := []struct {
		name  string
		sents []string
		dl    *doc.Deadline
		cands []Deadline
		want  []string // "candidate id/status" per sighting; "new/status" for a new deadline
	}{
		{"repeat by date", []string{"Washington gave Tehran until March 20 to halt enrichment."},
			&doc.Deadline{ID: "d1", By: "2026-03-20", Setter: "e1", Target: "e2", Demand: "halt enrichment", Trigger: doc.Extent{Text: "gave"}, Status: doc.StatusPending},
			[]Deadline{other, open}, []string{"7/pending"}},
		{"extension", []string{"Washington extended the deadline for Tehran to April 10."},
			&doc.Deadline{ID: "d1", By: "2026-04-10", Setter: "e1", Target: "e2", Trigger: doc.Extent{Text: "deadline"}, Status: doc.StatusExtended},
			[]Deadline{open}, []string{"7/extended"}},
		{"extension of the setter's only open deadline, no target named",
			[]string{"Washington extended its deadline to April 10."},
			&doc.Deadline{ID: "d1", By: "2026-04-10", Setter: "e1", Trigger: doc.Extent{Text: "deadline"}, Status: doc.StatusExtended},
			[]Deadline{{ID: 7, Setter: 100, Demand: "halt uranium enrichment", Due: "2026-03-20", Status: doc.StatusPending, Last: "2026-03-02"}},
			[]string{"7/extended"}},
		{"extension is ambiguous between two open deadlines of the setter",
			[]string{"Washington extended its deadline to April 10."},
			&doc.Deadline{ID: "d1", By: "2026-04-10", Setter: "e1", Trigger: doc.Extent{Text: "deadline"}, Status: doc.StatusExtended},
			[]Deadline{{ID: 7, Setter: 100, Demand: "halt uranium enrichment", Due: "2026-03-20", Status: doc.StatusPending, Last: "2026-03-02"},
				{ID: 8, Setter: 100, Demand: "free the sailors", Due: "2026-03-25", Status: doc.StatusPending, Last: "2026-03-03"}},
			[]string{"new/extended"}},
		{"undated expiry", []string{"The deadline for Tehran to halt uranium enrichment expired on Friday."},
			&doc.Deadline{ID: "d1", Target: "e2", Demand: "halt uranium enrichment", Trigger: doc.Extent{Text: "deadline"}},
			[]Deadline{open}, []string{"7/missed"}},
		{"new deadline", []string{"Washington gave Tehran until June 1 to release the detained sailors."},
			&doc.Deadline{ID: "d1", By: "2026-06-01", Setter: "e1", Target: "e2", Demand: "release the detained sailors", Trigger: doc.Extent{Text: "gave"}, Status: doc.StatusPending},
			[]Deadline{open}, []string{"new/pending"}},
		{"met without restating", []string{"Tehran agreed to halt uranium enrichment, officials said."}, nil,
			[]Deadline{open}, []string{"7/met"}},
		{"withdrawn without restating", []string{"Washington withdrew its ultimatum on Tuesday."}, nil,
			[]Deadline{open}, []string{"7/withdrawn"}},
		{"negated outcome", []string{"Tehran has not agreed to halt uranium enrichment."}, nil,
			[]Deadline{open}, nil},
		{"closed deadlines do not change", []string{"Tehran agreed to free the tanker and its crew."}, nil,
			[]Deadline{met}, nil},
		{"undated mention with nothing open", []string{"The deadline looms."},
			&doc.Deadline{ID: "d1", Trigger: doc.Extent{Text: "deadline"}}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var dls []doc.Deadline
			if tc.dl != nil {
				dls = append(dls, *tc.dl)
			}
			d, ents := article(tc.sents, names, dls...)
			if err := d.Validate(); err != nil {
				t.Fatalf("bad test document: %v", err)
			}
			var got []string
			for _, s := range Observe(Input{Doc: d, Day: "2026-03-10", Entities: ents}, tc.cands) {
				id := "new"
				if s.Match >= 0 {
					id = itoa(tc.cands[s.Match].ID)
				}
				got = append(got, id+"/"+s.Status)
				if s.Reason == "" || s.Span.End <= s.Span.Start {
					t.Errorf("sighting without reason or evidence: %+v", s)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("sightings %q, want %q", got, tc.want)
			}
			checkPrepared(t, Input{Doc: d, Day: "2026-03-10", Entities: ents}, tc.cands)
		})
	}
}

// checkPrepared checks that a prepared article is tracked exactly as one
// the tracker scans itself.
func checkPrepared(t *testing.T, in Input, cands []Deadline) {
	t.Helper()
	pre := in
	pre.Prep = Prepare(in.Doc)
	if got, want := Interest(pre), Interest(in); !slices.Equal(got, want) {
		t.Errorf("prepared interest %v, unprepared %v", got, want)
	}
	got, want := Observe(pre, cands), Observe(in, cands)
	if !slices.EqualFunc(got, want, func(a, b Sighting) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Errorf("prepared sightings %+v, unprepared %+v", got, want)
	}
	if Orphan(pre, got) != Orphan(in, want) {
		t.Errorf("prepared orphan %v, unprepared %v", Orphan(pre, got), Orphan(in, want))
	}
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestFoldAndState(t *testing.T) {
	tests := []struct {
		name               string
		changes            []Change
		asOf               string
		due, status, state string
	}{
		{"announced", []Change{{"2026-03-02", "2026-03-20", doc.StatusPending}}, "2026-03-10", "2026-03-20", doc.StatusPending, doc.StatusPending},
		{"passed quietly", []Change{{"2026-03-02", "2026-03-20", doc.StatusPending}}, "2026-03-21", "2026-03-20", doc.StatusPending, doc.StatusExpired},
		{"extended then missed", []Change{{"2026-03-02", "2026-03-20", doc.StatusPending}, {"2026-03-19", "2026-04-10", doc.StatusExtended},
			{"2026-04-11", "", doc.StatusMissed}}, "2026-05-01", "2026-04-10", doc.StatusMissed, doc.StatusMissed},
		{"late repeat keeps the extension", []Change{{"2026-03-02", "2026-03-20", doc.StatusPending}, {"2026-03-19", "2026-04-10", doc.StatusExtended},
			{"2026-03-25", "2026-03-20", doc.StatusPending}}, "2026-03-30", "2026-04-10", doc.StatusExtended, doc.StatusExtended},
		{"extended and passed", []Change{{"2026-03-19", "2026-04-10", doc.StatusExtended}}, "2026-04-11", "2026-04-10", doc.StatusExtended, doc.StatusExpired},
		{"met", []Change{{"2026-03-02", "2026-03-20", doc.StatusPending}, {"2026-03-09", "", doc.StatusMet}}, "2026-04-01", "2026-03-20", doc.StatusMet, doc.StatusMet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			due, status, _ := Fold(tc.changes)
			if due != tc.due || status != tc.status {
				t.Errorf("Fold = %s %s, want %s %s", due, status, tc.due, tc.status)
			}
			if got := State(status, due, tc.asOf); got != tc.state {
				t.Errorf("State = %q, want %q", got, tc.state)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	if s := Similarity("halt uranium enrichment", "halt enriching uranium"); s < 0.99 {
		t.Errorf("stemmed demands: %v, want 1", s)
	}
	if s := Similarity("halt uranium enrichment", "release the hostages"); s != 0 {
		t.Errorf("unrelated demands: %v, want 0", s)
	}
	if s := Similarity("", "release the hostages"); s != 0 {
		t.Errorf("empty demand: %v, want 0", s)
	}
}

// FuzzObserve checks that any text and any spans, in bounds or not, give
// sightings without panicking, with evidence inside the text.
func FuzzObserve(f *testing.F) {
	f.Add("Washington gave Tehran until March 20 to halt enrichment. The deadline expired.", 0, 10, "2026-03-20", "extended")
	f.Add("Tehran agreed to the deadline.", 5, 200, "", "")
	f.Add("", -1, 3, "2026", "met")
	f.Fuzz(func(t *testing.T, text string, start, end int, by, status string) {
		d := &doc.Document{Text: text, Sentences: []doc.Span{{Start: 0, End: len(text)}, {Start: start, End: end}}}
		d.Entities = []doc.Entity{{ID: "e1", Type: doc.GPE, Name: "X", Mentions: []doc.Mention{{Start: start, End: end}}}}
		d.Deadlines = []doc.Deadline{{ID: "d1", By: by, Target: "e1", Status: status, Trigger: doc.Extent{Start: start, End: end}}}
		in := Input{Doc: d, Day: "2026-03-10", Entities: map[string]int64{"e1": 1}}
		cands := []Deadline{{ID: 1, Target: 1, Due: "2026-03-20", Status: doc.StatusPending}}
		checkPrepared(t, in, cands)
		for _, s := range Observe(in, cands) {
			if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start > s.Span.End {
				t.Errorf("evidence %v outside text of %d bytes", s.Span, len(text))
			}
		}
	})
}

func TestOrderHelpers(t *testing.T) {
	names := map[string]string{"e1": "Washington", "e2": "Tehran"} // ids 100, 200
	t.Run("extension seen before the original date", func(t *testing.T) {
		// Known only from an article of 2026-03-19 that extended it to
		// April 10: an older article giving March 20 is the same deadline.
		ext := Deadline{ID: 9, Setter: 100, Target: 200, Due: "2026-04-10", Status: doc.StatusExtended, Opened: doc.StatusExtended,
			Dues: []string{"2026-04-10"}, Last: "2026-03-19", First: "2026-03-19|a3"}
		d, ents := article([]string{"Washington gave Tehran until March 20 to halt enrichment."}, names,
			doc.Deadline{ID: "d1", By: "2026-03-20", Setter: "e1", Target: "e2", Demand: "halt enrichment", Trigger: doc.Extent{Text: "until"}})
		got := Observe(Input{Doc: d, Day: "2026-03-05", Entities: ents}, []Deadline{ext})
		if len(got) != 1 || got[0].Match != 0 || !strings.Contains(got[0].Reason, "extended") {
			t.Errorf("got %+v, want a match with the extended deadline", got)
		}
		// The same article after the extension's day is another deadline.
		got = Observe(Input{Doc: d, Day: "2026-03-25", Entities: ents}, []Deadline{ext})
		if len(got) != 1 || got[0].Match != -1 {
			t.Errorf("later article: got %+v, want a new deadline", got)
		}
	})
	tests := []struct {
		name  string
		sents []string
		dls   []doc.Deadline
		cands []Deadline
		want  bool
	}{
		{"outcome with no deadline to report on", []string{"Tehran agreed to halt enrichment on Friday."}, nil, nil, true},
		{"outcome sighted", []string{"Tehran agreed to halt enrichment on Friday."}, nil,
			[]Deadline{{ID: 7, Setter: 100, Target: 200, Demand: "halt enrichment", Due: "2026-03-20", Status: doc.StatusPending}}, false},
		{"undated deadline with nothing open", []string{"The deadline for Tehran passed."},
			[]doc.Deadline{{ID: "d1", Target: "e2", Trigger: doc.Extent{Text: "deadline"}}}, nil, true},
		{"no evidence", []string{"Tehran hosted a football match."}, nil, nil, false},
	}
	for _, tc := range tests {
		t.Run("orphan: "+tc.name, func(t *testing.T) {
			d, ents := article(tc.sents, names, tc.dls...)
			in := Input{Doc: d, Day: "2026-03-25", Entities: ents}
			if got := Orphan(in, Observe(in, tc.cands)); got != tc.want {
				t.Errorf("Orphan = %v, want %v", got, tc.want)
			}
		})
	}
}
