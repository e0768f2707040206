package sentence

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/cputime"
	"dateline/internal/doc"
	"dateline/internal/nlp/token"
)

func split(text string) []string {
	var out []string
	for _, s := range Split(text, token.Tokenize(text, nil), nil) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"question and exclamation", "Why now? Nobody knows! Fine.", []string{"Why now?", "Nobody knows!", "Fine."}},
		{"acronym inside", "the U.S. Senate voted.", []string{"the U.S. Senate voted."}},
		{"acronym at end", "It was the longest in the U.S. The House agreed.", []string{"It was the longest in the U.S.", "The House agreed."}},
		{"titles", "Mr. Smith met Gen. Lee and Sen. Graham.", []string{"Mr. Smith met Gen. Lee and Sen. Graham."}},
		{"dates", "On Jan. 5 and Sept. 30, 2025, it rained.", []string{"On Jan. 5 and Sept. 30, 2025, it rained."}},
		{"number sign", "A No. 10 spokesman spoke.", []string{"A No. 10 spokesman spoke."}},
		{"saint", "He flew to St. Louis on Friday.", []string{"He flew to St. Louis on Friday."}},
		{"time then day", "It starts at 5 p.m. Friday in Paris.", []string{"It starts at 5 p.m. Friday in Paris."}},
		{"time then zone", "Claims are due at 8:30 a.m. ET and prices at 10 a.m. Eastern.", []string{"Claims are due at 8:30 a.m. ET and prices at 10 a.m. Eastern."}},
		{"time then place time", "It starts at 2 p.m. Moscow time.", []string{"It starts at 2 p.m. Moscow time."}},
		{"time then new subject", "It was 5 p.m. Police arrived.", []string{"It was 5 p.m.", "Police arrived."}},
		{"time at end", "They met at 4:30 p.m. The talks ended.", []string{"They met at 4:30 p.m.", "The talks ended."}},
		{"initials", "George W. Bush and J.P. Morgan met.", []string{"George W. Bush and J.P. Morgan met."}},
		{"decimals", "It rose 3.5% to 1,000.5 points. Gold fell.", []string{"It rose 3.5% to 1,000.5 points.", "Gold fell."}},
		{"ellipsis lower", "peace... and then nothing.", []string{"peace... and then nothing."}},
		{"ellipsis upper", "It ran to 12 pages… The final one ran to two.", []string{"It ran to 12 pages…", "The final one ran to two."}},
		{"closing quote", "“We are ready.” He left.", []string{"“We are ready.”", "He left."}},
		{"quote then said", "“Why now?” she asked. “Because.”", []string{"“Why now?” she asked.", "“Because.”"}},
		{"quote spans sentences", "“It ended. We won.” he said.", []string{"“It ended.", "We won.” he said."}},
		{"nested quotes", "He said, ‘Oh really? Another city was hit.’” Then he left.",
			[]string{"He said, ‘Oh really?", "Another city was hit.’”", "Then he left."}},
		{"straight quotes", `He left. "We won," he said. "It is over."`, []string{"He left.", `"We won," he said.`, `"It is over."`}},
		{"ptb quotes", "He left. ``We won,'' he said.", []string{"He left.", "``We won,'' he said."}},
		{"parenthesis sentence", "It fell. (It rose later.) Then it fell.", []string{"It fell.", "(It rose later.)", "Then it fell."}},
		{"abbreviation in parens", "Rep. Rosa DeLauro (D-Conn.) said no.", []string{"Rep. Rosa DeLauro (D-Conn.) said no."}},
		{"versus", "In Union v. Trump, No. 25-935, it ruled.", []string{"In Union v. Trump, No. 25-935, it ruled."}},
		{"attached", "Use v2.9.1 or see example.com. Done.", []string{"Use v2.9.1 or see example.com.", "Done."}},
		{"heading", "Three-hour talks\n\nThe talks ended.", []string{"Three-hour talks", "The talks ended."}},
		{"heading single newline", "Three-hour talks\nThe talks ended.", []string{"Three-hour talks", "The talks ended."}},
		{"line continues lower", "The talks\nended.", []string{"The talks\nended."}},
		{"camel case opens", "Apple sold more.\niPhone sales rose. eBay fell.", []string{"Apple sold more.", "iPhone sales rose.", "eBay fell."}},
		{"tokenised quotes", "He left .\n\" We won , \" he said .\n\" It is over . \"", []string{"He left .", "\" We won , \" he said .", "\" It is over . \""}},
		{"line ends with comma", "Trump, Putin,\nZelensky met.", []string{"Trump, Putin,\nZelensky met."}},
		{"crlf", "Head\r\n\r\nOne. Two.\r\nThree", []string{"Head", "One.", "Two.", "Three"}},
		{"lone cr", "Head\rBody.", []string{"Head", "Body."}},
		{"unicode separators", "Head\u2029Body\u2028Line", []string{"Head", "Body", "Line"}},
		{"dateline", "WASHINGTON (Reuters) - The Senate voted. It passed.", []string{"WASHINGTON (Reuters) - The Senate voted.", "It passed."}},
		{"dateline on its own line", "MIAMI _\nThe storm hit.", []string{"MIAMI _\nThe storm hit."}},
		{"capital dateline", "ST. LOUIS (AP) -- Police said.", []string{"ST. LOUIS (AP) -- Police said."}},
		{"byline", "By Jane Doe\nReuters\n\nPARIS - It rained.", []string{"By Jane Doe", "Reuters", "PARIS - It rained."}},
		{"bullets", "Measures:\n- Fewer forms\n- A portal\n• Faster pay", []string{"Measures:", "- Fewer forms", "- A portal", "• Faster pay"}},
		{"numbered list", "Dates:\n1. Vote in May\n2. Law in June", []string{"Dates:", "1. Vote in May", "2. Law in June"}},
		{"numbered list with parens", "1) Vote\n2) Law", []string{"1) Vote", "2) Law"}},
		{"timestamps", "4:05 p.m.\nCrews made progress.", []string{"4:05 p.m.", "Crews made progress."}},
		{"qa", "Q: Who votes?\nA: Adults do.", []string{"Q: Who votes?", "A: Adults do."}},
		{"unicode", "Erdoğan spoke. Müller agreed. Şahin left.", []string{"Erdoğan spoke.", "Müller agreed.", "Şahin left."}},
		{"cjk full stop", "会谈结束。 The end.", []string{"会谈结束。", "The end."}},
		{"no final mark", "It rained", []string{"It rained"}},
		{"only punctuation", "...", []string{"..."}},
		{"empty", "", nil},
		{"space", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.in)
			if strings.Join(got, "‖") != strings.Join(tt.want, "‖") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSplitHardWrapped checks that wrapped wire copy keeps its sentences
// whole while a short line (heading, sign-off) still stands alone. Widths
// count characters, so Cyrillic copy (two bytes a letter) wraps the same.
func TestSplitHardWrapped(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"english",
			"Storm hits coast\n\n" +
				"HONG KONG (Reuters) - More than 200,000 people were evacuated from\n" +
				"coastal areas on Tuesday as the storm approached the city of Zhanjiang\n" +
				"with winds of up to 230 km per hour. Cathay Pacific cancelled flights\n" +
				"and said it would review its schedule on Wednesday.\n",
			[]string{
				"Storm hits coast",
				"HONG KONG (Reuters) - More than 200,000 people were evacuated from\ncoastal areas on Tuesday as the storm approached the city of Zhanjiang\nwith winds of up to 230 km per hour.",
				"Cathay Pacific cancelled flights\nand said it would review its schedule on Wednesday.",
			}},
		{"cyrillic",
			"Новини дня\n\n" +
				"КИЇВ (Reuters) - Уряд України у вівторок схвалив новий бюджет\n" +
				"на наступний рік, повідомив прем’єр-міністр Денис Шмигаль після\n" +
				"засідання кабінету. Витрати на оборону зростуть на 20 відсотків,\n" +
				"сказав він журналістам у Києві, а міністр фінансів Сергій\n" +
				"Марченко підтвердив ці цифри.\n",
			[]string{
				"Новини дня",
				"КИЇВ (Reuters) - Уряд України у вівторок схвалив новий бюджет\nна наступний рік, повідомив прем’єр-міністр Денис Шмигаль після\nзасідання кабінету.",
				"Витрати на оборону зростуть на 20 відсотків,\nсказав він журналістам у Києві, а міністр фінансів Сергій\nМарченко підтвердив ці цифри.",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(tt.in); strings.Join(got, "‖") != strings.Join(tt.want, "‖") {
				t.Errorf("Split\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSplitOffsets pins exact byte offsets with multi-byte text, curly
// quotes and CRLF line ends.
func TestSplitOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []doc.Span
	}{
		{"curly quotes", "“Great progress was made!” Trump wrote. Witkoff’s talks ended.",
			[]doc.Span{{Start: 0, End: 43}, {Start: 44, End: 68}}},
		{"crlf", "Heading\r\n\r\nFirst one. Second\r\nline.",
			[]doc.Span{{Start: 0, End: 7}, {Start: 11, End: 21}, {Start: 22, End: 35}}},
		{"two-byte letters", "Erdoğan spoke. Müller agreed.",
			[]doc.Span{{Start: 0, End: 15}, {Start: 16, End: 31}}},
		{"leading and trailing space", "  Hi.  \n",
			[]doc.Span{{Start: 2, End: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in, token.Tokenize(tt.in, nil), nil)
			if len(got) != len(tt.want) {
				t.Fatalf("Split(%q) = %v %q, want %v", tt.in, got, split(tt.in), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sentence %d = %v %q, want %v", i, got[i], tt.in[got[i].Start:got[i].End], tt.want[i])
				}
			}
		})
	}
}

func TestStage(t *testing.T) {
	d := &doc.Document{Text: "It rained. Then it stopped."}
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) != 7 {
		t.Errorf("Process tokenised into %d tokens, want 7", len(d.Tokens))
	}
	want := []doc.Span{{Start: 0, End: 10}, {Start: 11, End: 27}}
	if len(d.Sentences) != 2 || d.Sentences[0] != want[0] || d.Sentences[1] != want[1] {
		t.Errorf("Process sentences = %v, want %v", d.Sentences, want)
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
}

// checkSentences reports the first broken invariant of sents over toks, or "".
func checkSentences(text string, toks []doc.Token, sents []doc.Span) string {
	if len(toks) == 0 {
		if len(sents) != 0 {
			return "sentences without tokens"
		}
		return ""
	}
	k := 0 // next token to be covered
	for _, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			return "sentence out of text or empty"
		}
		if k >= len(toks) || toks[k].Start != s.Start {
			return "sentence does not start on the next token"
		}
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		if toks[k-1].End != s.End {
			return "sentence does not end on a token end"
		}
	}
	if k != len(toks) {
		return "tokens after the last sentence"
	}
	return ""
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "It rained. Then it stopped.", "the U.S. The", "“A. B.” he said.", "Head\r\n\r\nOne.",
		"1. Vote\n2. Law", "\"", "'", "``''", "Mr.", "a\nb\nc", "(It rose.) Then", "…", "?!", ".\n.",
		"x\ny\nz\nw", "“Why?” she asked.", "ST. LOUIS (AP) --", "- a\n- b", "a.m.\n\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Tokenize(text, nil)
		sents := Split(text, toks, nil)
		if msg := checkSentences(text, toks, sents); msg != "" {
			t.Fatalf("%s: %q → %q", msg, text, split(text))
		}
		if utf8.ValidString(text) {
			d := doc.Document{Text: text, Sentences: sents}
			if err := d.Validate(); err != nil {
				t.Fatalf("%q: %v", text, err)
			}
		}
	})
}

// benchText rebuilds all gold articles into one multi-article text.
func benchText(b *testing.B) string {
	var sb strings.Builder
	for _, a := range loadGold(b, "testdata/articles") {
		sb.WriteString(a.text)
		sb.WriteString("\n")
	}
	return sb.String()
}

// reportCPU adds a "cpu-MB/s" metric: bytes processed per second of process
// CPU time, which is what one core achieves regardless of machine load.
func reportCPU(b *testing.B, size int, run func()) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	t0, ok := cputime.Used()
	n := 0
	for b.Loop() {
		run()
		n++
	}
	if t1, _ := cputime.Used(); ok && t1 > t0 {
		b.ReportMetric(float64(n)*float64(size)/1e6/(t1-t0).Seconds(), "cpu-MB/s")
	}
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	toks := token.Tokenize(text, nil)
	var sents []doc.Span
	reportCPU(b, len(text), func() { sents = Split(text, toks, sents[:0]) })
}

// BenchmarkTokenizeSplit measures both stages together, as the pipeline
// runs them.
func BenchmarkTokenizeSplit(b *testing.B) {
	text := benchText(b)
	var toks []doc.Token
	var sents []doc.Span
	reportCPU(b, len(text), func() {
		toks = token.Tokenize(text, toks[:0])
		sents = Split(text, toks, sents[:0])
	})
}
