package doc

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/full.json from fullDoc")

// fullText is a short news text with multi-byte runes (curly quotes, "é")
// and characters JSON encoders like to escape ("<", "&").
const fullText = "US President Donald Trump said on Wednesday that talks with Vladimir Putin in Genève were “highly productive”.\n\n" +
	"Trump gave Moscow until Friday to agree to a ceasefire or face new sanctions <“secondary tariffs”> & more, he told reporters."

// at returns the extent of the n-th (0-based) occurrence of s in fullText.
func at(s string, n int) Extent {
	from := 0
	for ; ; n-- {
		i := strings.Index(fullText[from:], s)
		if i < 0 {
			panic("fullText lacks occurrence of " + s)
		}
		if n == 0 {
			return ExtentOf(fullText, from+i, from+i+len(s))
		}
		from += i + len(s)
	}
}

func mention(s string, n int, kind string) Mention {
	e := at(s, n)
	return Mention{Start: e.Start, End: e.End, Text: e.Text, Kind: kind}
}

// fullDoc returns a valid document with every field of every layer filled.
func fullDoc() *Document {
	wed, fri := at("Wednesday", 0), at("Friday", 0)
	quote, cue := at("highly productive", 0), at("said", 0)
	speaker := at("he", 0) // "he told reporters"
	return &Document{
		ID:     "doc-1",
		Date:   "2025-08-06",
		Title:  "Trump sets Friday deadline",
		URL:    "https://news.example.com/2025/08/06/talks?id=1&lang=en",
		Source: "Example Wire",
		Lang:   "en",
		Text:   fullText,
		Sentences: []Span{
			{0, strings.Index(fullText, "\n")},
			{strings.LastIndex(fullText, "\n") + 1, len(fullText)},
		},
		Entities: []Entity{
			{ID: "e1", Type: Person, Name: "Donald Trump", Titles: []string{"US President"}, Aliases: []string{"Trump"},
				Mentions: []Mention{mention("Donald Trump", 0, ""), mention("Trump", 1, "name"), mention("he", 0, "pronoun")}},
			{ID: "e2", Type: Person, Name: "Vladimir Putin", Mentions: []Mention{mention("Vladimir Putin", 0, "")}},
			{ID: "e3", Type: GPE, Name: "Genève", Mentions: []Mention{mention("Genève", 0, "")}},
			{ID: "e4", Type: GPE, Name: "Moscow", Mentions: []Mention{mention("Moscow", 0, "")}},
			{ID: "e5", Type: Org, Name: "reporters", Mentions: []Mention{mention("reporters", 0, "nominal")}},
		},
		Times: []Time{
			{ID: "t1", Start: wed.Start, End: wed.End, Text: wed.Text, Type: Date, Value: "2025-08-06"},
			{ID: "t2", Start: fri.Start, End: fri.End, Text: fri.Text, Type: Date, Value: "2025-08-08", Mod: "END"},
		},
		Quotes: []Quote{{
			ID: "q1", Start: quote.Start, End: quote.End, Text: quote.Text,
			Speaker: "e1", SpeakerText: "Donald Trump", SpeakerSpan: &Span{speaker.Start, speaker.End},
			Addressee: "e5", Cue: &cue, Kind: Partial,
		}},
		Events: []Event{{
			ID: "v1", Type: "MEET", Trigger: at("talks", 0), Mentions: []Extent{at("talks", 0)},
			Time: "t1", Place: "e3",
			Participants: []Participant{{Role: Agent, Entity: "e1"}, {Role: Partner, Entity: "e2"}},
			Attributes: &Attributes{Duration: "PT3H", Count: 3, Modality: "asserted", Negated: true,
				Evaluation: []string{"highly productive"}},
		}},
		Deadlines: []Deadline{{
			ID: "d1", By: "2025-08-08", Time: "t2", Setter: "e1", Target: "e4",
			Demand: "agree to a ceasefire", Consequence: "new sanctions",
			Trigger: at("until", 0), Status: "pending",
		}},
	}
}

const fullPath = "testdata/full.json"

// TestJSONRoundTrip checks that a document with every layer filled survives
// unmarshal → marshal byte for byte, and that the file is what fullDoc says.
func TestJSONRoundTrip(t *testing.T) {
	want, err := json.Marshal(fullDoc())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(fullPath, append(want, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file, err := os.ReadFile(fullPath)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/doc -run TestJSONRoundTrip -update)", err)
	}
	file = bytes.TrimSuffix(file, []byte("\n"))
	if !bytes.Equal(file, want) {
		t.Fatalf("%s differs from fullDoc's JSON (rerun with -update if fullDoc changed):\nfile: %s\nwant: %s", fullPath, file, want)
	}
	var d Document
	if err := json.Unmarshal(file, &d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&d, fullDoc()) {
		t.Errorf("unmarshalled document differs from fullDoc:\n got %+v\nwant %+v", d, *fullDoc())
	}
	got, err := json.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, file) {
		t.Errorf("round trip changed the bytes:\n got %s\nwant %s", got, file)
	}
}

// TestFullDocCoversEveryField guards the round-trip test: every serialised
// field of every type reachable from Document must be non-zero somewhere in
// fullDoc, so a field added later is round-tripped too.
func TestFullDocCoversEveryField(t *testing.T) {
	seen := map[string]bool{} // "Type.Field" → found non-zero
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if f.Tag.Get("json") == "-" {
					continue
				}
				key := v.Type().Name() + "." + f.Name
				seen[key] = seen[key] || !v.Field(i).IsZero()
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(fullDoc()))
	if len(seen) < 40 {
		t.Fatalf("walked only %d fields", len(seen))
	}
	for key, ok := range seen {
		if !ok {
			t.Errorf("fullDoc leaves %s empty; fill it so the round trip covers it", key)
		}
	}
}

func TestFullDocValid(t *testing.T) {
	if err := fullDoc().Validate(); err != nil {
		t.Fatalf("fullDoc is invalid: %v", err)
	}
}

func TestOmitEmpty(t *testing.T) {
	b, err := json.Marshal(&Document{Text: "x", Tokens: []Token{{Start: 0, End: 1, Kind: Word}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"text":"x"}`; got != want {
		t.Errorf("minimal document = %s, want %s (layers omitted, tokens never serialised)", got, want)
	}
}

func TestSpan(t *testing.T) {
	a, b, c := Span{0, 5}, Span{5, 9}, Span{2, 4}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"adjacent spans do not overlap", a.Overlaps(b), false},
		{"inner span overlaps", a.Overlaps(c), true},
		{"overlap is symmetric", c.Overlaps(a), true},
		{"contains inner", a.Contains(c), true},
		{"contains itself", a.Contains(a), true},
		{"does not contain outer", c.Contains(a), false},
		{"empty span at the edge is contained", a.Contains(Span{5, 5}), true},
		{"empty span overlaps nothing", a.Overlaps(Span{3, 3}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	if a.Len() != 5 || (Span{3, 3}).Len() != 0 {
		t.Errorf("Len: got %d and %d, want 5 and 0", a.Len(), Span{3, 3}.Len())
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 of the result; "" for an error
	}{
		{"2025-08-06", "2025-08-06T00:00:00Z"},
		{"2025-08-06T09:24", "2025-08-06T09:24:00Z"},
		{"2025-08-06T09:24:30", "2025-08-06T09:24:30Z"},
		{"2025-08-06T09:24:30Z", "2025-08-06T09:24:30Z"},
		{"2025-08-06T09:24:30.5+02:00", "2025-08-06T09:24:30.5+02:00"},
		{"2024-02-29", "2024-02-29T00:00:00Z"},
		{"2025-02-29", ""},
		{"2025-8-6", ""},
		{"06/08/2025", ""},
		{"August 6, 2025", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			switch {
			case tt.want == "" && err == nil:
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
			case tt.want != "" && err != nil:
				t.Errorf("ParseDate(%q): %v", tt.in, err)
			case tt.want != "" && got.Format("2006-01-02T15:04:05.999999999Z07:00") != tt.want:
				t.Errorf("ParseDate(%q) = %v, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDCT(t *testing.T) {
	if _, ok := (&Document{}).DCT(); ok {
		t.Error("undated document has a DCT")
	}
	if _, ok := (&Document{Date: "yesterday"}).DCT(); ok {
		t.Error("document with a bad date has a DCT")
	}
	if got, ok := (&Document{Date: "2025-08-06"}).DCT(); !ok || got.Weekday().String() != "Wednesday" {
		t.Errorf("DCT = %v, %v; want Wednesday 2025-08-06", got, ok)
	}
}

func TestTokenKindString(t *testing.T) {
	for k, want := range map[TokenKind]string{Word: "word", Number: "number", Punct: "punct", Symbol: "symbol", 0: "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	if *update {
		_ = os.MkdirAll(filepath.Dir(fullPath), 0o755)
	}
	os.Exit(m.Run())
}
