package chunk_test

import (
	"slices"
	"testing"

	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/chunk/chunktest"
)

// TestAnalyze checks noun groups, verb groups and clause boundaries ("|") on
// sentences with the hard cases of news prose.
func TestAnalyze(t *testing.T) {
	tests := []struct{ name, marked, want string }{
		{"subject-appositive", "That his special envoy, [[Steve Witkoff|PERSON]], had a “highly productive meeting” with [[Vladimir Putin|PERSON]].",
			"That [NP his special envoy] , [NP Steve Witkoff] , [VP had] [NP a “highly productive meeting] ” with [NP Vladimir Putin] ."},
		{"possessive-pp-chain", "[[Witkoff|PERSON]]’s meeting with [[Putin|PERSON]] in [[Moscow|GPE]] lasted [[three hours|DURATION|PT3H]].",
			"[NP Witkoff’s meeting] with [NP Putin] in [NP Moscow] [VP lasted] [NP three hours] ."},
		{"hyphen-premodifier", "It came before a [[US|GPE]]-imposed [[Friday|DATE|2025-08-08]] deadline for [[Russia|GPE]] to agree to a ceasefire or face new economic penalties.",
			"[NP It] [VP came] before [NP a US-imposed Friday deadline] for [NP Russia] [VP to agree] to [NP a ceasefire] | or [VP face] [NP new economic penalties] ."},
		{"bare-complement", "[[Marco Rubio|PERSON]] said he had spoken to [[Witkoff|PERSON]] after the talks and expected the administration to make announcements.",
			"[NP Marco Rubio] [VP said] | [NP he] [VP had spoken] to [NP Witkoff] after [NP the talks] | and [VP expected] [NP the administration] [VP to make] [NP announcements] ."},
		{"participial", "[[Yuri Ushakov|PERSON]] described the talks as “useful,” saying they covered both issues.",
			"[NP Yuri Ushakov] [VP described] [NP the talks] as “ [NP useful] , ” | [VP saying] | [NP they] [VP covered] [NP both issues] ."},
		{"quote-attribution", "“We had a wonderful conversation,” [[Trump|PERSON]] told [[Mark Rutte|PERSON]] in the [[Oval Office|FAC]] [[last month|DATE|2025-07]].",
			"“ [NP We] [VP had] [NP a wonderful conversation] , | ” [NP Trump] [VP told] [NP Mark Rutte] in [NP the Oval Office] [NP last month] ."},
		{"heading", "New Tariffs on [[India|GPE]] Amid War Pressure",
			"[NP New Tariffs] on [NP India] Amid [NP War Pressure]"},
		{"trailing-report", "The two leaders will hold a summit in [[Geneva|GPE]], the [[Kremlin|ORG]] said.",
			"[NP The two leaders] [VP will hold] [NP a summit] in [NP Geneva] , | [NP the Kremlin] [VP said] ."},
		{"coordination", "[[Armenia|GPE]] and [[Azerbaijan|GPE]] agreed on a treaty between [[Baku|GPE]] and [[Yerevan|GPE]].",
			"[NP Armenia] and [NP Azerbaijan] [VP agreed] on [NP a treaty] between [NP Baku] and [NP Yerevan] ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := chunk.Analyze(chunktest.MustParse(t, tt.marked, "2025-08-06"))
			if got := a.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestArguments checks subjects, objects and prepositional chains.
func TestArguments(t *testing.T) {
	tests := []struct {
		name, marked, verb string
		subject, object    string // the text of the subject's head mention, of the first object
		pps                []string
	}{
		{"apposition", "His special envoy, [[Steve Witkoff|PERSON]], met [[Putin|PERSON]] in [[Moscow|GPE]].", "met", "Steve Witkoff", "Putin", []string{"in Moscow"}},
		{"of-phrase", "[[US|GPE]] Secretary of State [[Marco Rubio|PERSON]] praised [[Witkoff|PERSON]].", "praised", "Marco Rubio", "Witkoff", nil},
		{"relative-antecedent", "[[Lula|PERSON]], who rejected the offer, spoke to [[Macron|PERSON]] on the phone.", "rejected", "Lula", "", nil},
		{"conjoined-verb", "[[Rubio|PERSON]] said he had spoken to [[Witkoff|PERSON]] and expected news.", "expected", "", "", nil},
		{"infinitive-for", "It set a deadline for [[Russia|GPE]] to accept the plan.", "accept", "Russia", "", nil},
		{"head-noun-premodifier", "[[Russian|NORP]] drones struck an energy facility in [[Odesa|GPE]].", "struck", "Russian", "", []string{"in Odesa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := chunktest.MustParse(t, tt.marked, "2025-08-06")
			a := chunk.Analyze(d)
			v := -1
			for i, c := range a.Chunks {
				if c.Kind == chunk.VP && a.Words[c.Head].Lower == tt.verb {
					v = i
				}
			}
			if v < 0 {
				t.Fatalf("no verb group %q in %s", tt.verb, a)
			}
			subj := ""
			if s := a.Subject(v); s >= 0 {
				if m := a.HeadMention(s, true); m >= 0 {
					subj = d.Text[a.Mentions[m].Start:a.Mentions[m].End]
				} else {
					subj = a.Text(a.Chunks[s].Start, a.Chunks[s].End)
				}
			}
			if tt.subject != "" && subj != tt.subject {
				t.Errorf("subject of %q = %q, want %q (%s)", tt.verb, subj, tt.subject, a)
			}
			obj := ""
			if o := a.Objects(v); len(o) > 0 {
				if m := a.HeadMention(o[0], false); m >= 0 {
					obj = d.Text[a.Mentions[m].Start:a.Mentions[m].End]
				}
			}
			if obj != tt.object {
				t.Errorf("object of %q = %q, want %q", tt.verb, obj, tt.object)
			}
			var pps []string
			for _, p := range a.PPs(v) {
				pps = append(pps, a.Text(a.Chunks[p].Prep, a.Chunks[p].End))
			}
			if len(tt.pps) > 0 && (len(pps) == 0 || pps[len(pps)-1] != tt.pps[len(tt.pps)-1]) {
				t.Errorf("phrases after %q = %q, want to end with %q", tt.verb, pps, tt.pps)
			}
		})
	}
}

// TestConjoinedVerbInheritsSubject checks that "and expected" takes the
// subject of the clause it continues.
func TestConjoinedVerbInheritsSubject(t *testing.T) {
	d := chunktest.MustParse(t, "[[Rubio|PERSON]] praised [[Witkoff|PERSON]] and expected news.", "2025-08-06")
	a := chunk.Analyze(d)
	for i, c := range a.Chunks {
		if c.Kind == chunk.VP && a.Words[c.Head].Lower == "expected" {
			s := a.Subject(i)
			if s < 0 || a.Text(a.Chunks[s].Start, a.Chunks[s].End) != "Rubio" {
				t.Errorf("subject of expected = %d in %s", s, a)
			}
			return
		}
	}
	t.Fatal("no verb group expected")
}

// BenchmarkAnalyze measures the syntax on a marked article, releasing each
// analysis as the stages do.
func BenchmarkAnalyze(b *testing.B) {
	d := chunktest.MustParse(b, `[[Witkoff|PERSON]]’s meeting with [[Putin|PERSON]] in [[Moscow|GPE]] lasted [[three hours|DURATION|PT3H]], according to the [[Kremlin|ORG]]’s press office, and came just [[two days|DURATION|P2D]] before a [[US|GPE]]-imposed [[Friday|DATE|2025-08-08]] deadline for [[Russia|GPE]] to agree to a ceasefire or face new economic penalties. [[Marco Rubio|PERSON]] said he had spoken to [[Witkoff|PERSON]] after the talks and expected the administration to make “some announcements” later in the day.`, "2025-08-06")
	chunktest.Bench(b, int64(len(d.Text)), func() { chunk.Analyze(d).Release() })
}

// TestReleaseReuse: an analysis built in the memory of a released one (a
// longer document, with mentions, times, quotes and a heading) equals one
// built from scratch.
func TestReleaseReuse(t *testing.T) {
	long := chunktest.MustParse(t, "Ferry Operator Misses Deadline\n\n“We had a wonderful conversation,” [[Trump|PERSON]] told [[Mark Rutte|PERSON]] in the [[Oval Office|FAC]] [[last month|DATE|2025-07]]. "+
		"[[Armenia|GPE]] and [[Azerbaijan|GPE]] agreed on a treaty between [[Baku|GPE]] and [[Yerevan|GPE]], officials said, after talks that lasted [[three hours|DURATION|PT3H]].", "2025-08-06")
	for _, tt := range []struct{ name, marked string }{
		{"shorter", "The two leaders will hold a summit in [[Geneva|GPE]], the [[Kremlin|ORG]] said."},
		{"no sentences", ""},
		{"plain", "it rained and they met"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fresh := chunk.Analyze(chunktest.MustParse(t, tt.marked, "2025-08-06"))
			chunk.Analyze(long).Release()
			reused := chunk.Analyze(chunktest.MustParse(t, tt.marked, "2025-08-06"))
			if got, want := reused.String(), fresh.String(); got != want {
				t.Errorf("after reuse\n%s\nwant\n%s", got, want)
			}
			if !slices.Equal(reused.Words, fresh.Words) {
				t.Errorf("words differ after reuse:\n%+v\nwant\n%+v", reused.Words, fresh.Words)
			}
			if !slices.Equal(reused.Mentions, fresh.Mentions) || !slices.Equal(reused.Chunks, fresh.Chunks) || !slices.Equal(reused.Sentences, fresh.Sentences) {
				t.Errorf("mentions, chunks or sentences differ after reuse")
			}
			sameClause := func(x, y chunk.Clause) bool {
				return x.Start == y.Start && x.End == y.End && x.Sentence == y.Sentence && x.Opener == y.Opener &&
					x.Parent == y.Parent && x.Kind == y.Kind && slices.Equal(x.Chunks, y.Chunks)
			}
			if !slices.EqualFunc(reused.Clauses, fresh.Clauses, sameClause) {
				t.Errorf("clauses differ after reuse:\n%+v\nwant\n%+v", reused.Clauses, fresh.Clauses)
			}
			reused.Release()
			fresh.Release()
		})
	}
}
