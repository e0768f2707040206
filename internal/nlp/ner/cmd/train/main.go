// Command train fits dateline's NER model and writes it where the ner
// package embeds it. It reads the shared training corpora at development time
// only; the written model is committed and nothing reads the corpora at run
// time.
//
//	go run ./internal/nlp/ner/cmd/train            # from the repository root
//
// Data (licences in ../../DESIGN.md):
//   - GUM (gum.jsonl), minus the CC BY-SA genres unless -by-sa is given;
//   - WikiGold documents [0, -wikigold-train) (the rest is held out for
//     evaluation);
//   - the MEANTIME dev documents whose id hashes to the training half
//     (FNV-32a of the id, even); the odd half is held out.
//
// Training is deterministic for a given -seed.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/ner/gazetteer"
	"dateline/internal/nlp/token"
)

func main() {
	var (
		gum        = flag.String("gum", "../shared/eval/data/ner-train/gum.jsonl", "GUM training file")
		bySA       = flag.Bool("by-sa", false, "include GUM's CC BY-SA genres (bio, voyage)")
		wikigold   = flag.String("wikigold", "../shared/eval/data/ner/wikigold.jsonl", "WikiGold file ('' to skip)")
		wgTrain    = flag.Int("wikigold-train", 100, "train on WikiGold documents [0, N); the rest is held out")
		meantime   = flag.String("meantime", "../shared/eval/data/ner/meantime-dev.jsonl", "MEANTIME dev file ('' to skip)")
		out        = flag.String("out", "internal/nlp/ner/model/ner.bin.gz", "model output")
		epochs     = flag.Int("epochs", 12, "training epochs")
		seed       = flag.Uint64("seed", 1, "shuffle seed")
		prune      = flag.Float64("prune", 0.5, "drop features whose largest |averaged weight| is below this")
		runs       = flag.Int("runs", 3, "perceptrons trained on different shuffles and averaged")
		dropout    = flag.Float64("word-dropout", 0.2, "probability of hiding a token's word feature in a training step")
		heldoutIDs = flag.String("heldout-ids", "", "write the held-out MEANTIME/WikiGold ids to this file")
		cv         = flag.Bool("cv", false, "error-analysis fold: leave the held-out MEANTIME half out entirely and hold out half of the training half instead")
	)
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var docs []ner.TrainDoc
	var held []string
	n, err := readGUM(*gum, *bySA, &docs)
	if err != nil {
		fail(log, err)
	}
	log.Info("gum", "docs", n)
	if *wikigold != "" {
		n, h, err := readWikiGold(*wikigold, *wgTrain, &docs)
		if err != nil {
			fail(log, err)
		}
		held = append(held, h...)
		log.Info("wikigold", "train docs", n, "held out", len(h))
	}
	if *meantime != "" {
		n, h, err := readMeantime(*meantime, *cv, &docs)
		if err != nil {
			fail(log, err)
		}
		held = append(held, h...)
		log.Info("meantime", "train docs", n, "held out", len(h))
	}
	// Each document twice: as the corpus spells it (tokens joined by
	// spaces, as the evaluation sets are) and as printed news is.
	n0 := len(docs)
	for i := range n0 {
		d := docs[i]
		d.Text, d.Names, d.Ranges = detokenize(d.Text, d.Names, d.Ranges, i%2 == 1)
		docs = append(docs, d)
	}
	for i := range docs {
		docs[i].Names = stripTitles(docs[i].Text, docs[i].Names)
	}
	m, err := ner.Train(docs, ner.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: *prune, Runs: *runs, WordDropout: *dropout,
		Logf: func(f string, a ...any) { log.Info(fmt.Sprintf(f, a...)) }})
	if err != nil {
		fail(log, err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		fail(log, err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fail(log, fmt.Errorf("write model: %w", err))
	}
	log.Info("model written", "path", *out, "bytes", buf.Len())
	if *heldoutIDs != "" {
		if err := os.WriteFile(*heldoutIDs, []byte(strings.Join(held, "\n")+"\n"), 0o644); err != nil {
			fail(log, fmt.Errorf("write held-out ids: %w", err))
		}
	}
}

func fail(log *slog.Logger, err error) {
	log.Error("train", "err", err)
	os.Exit(1)
}

// heldOutMeantime reports whether a MEANTIME document is in the evaluation
// half: FNV-32a of its id is odd.
func heldOutMeantime(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

// cvFold reports whether a MEANTIME training document is in the
// error-analysis fold of -cv: the second bit of its id hash is set.
func cvFold(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()>>1%2 == 1
}

type goldMention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Proper   bool   `json:"proper"`
	SynType  string `json:"syntactic_type"`
	NameSpan *struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"name_span"`
}

type goldDoc struct {
	ID       string     `json:"id"`
	Text     string     `json:"text"`
	Genre    string     `json:"genre"`
	Annot    []doc.Span `json:"annotated"`
	Entities []struct {
		Type     string        `json:"type"`
		Mentions []goldMention `json:"mentions"`
	} `json:"entities"`
}

func eachDoc(path string, fn func(*goldDoc) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open corpus: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func readGUM(path string, bySA bool, docs *[]ner.TrainDoc) (int, error) {
	n := 0
	err := eachDoc(path, func(d *goldDoc) error {
		if !bySA && (d.Genre == "bio" || d.Genre == "voyage") {
			return nil
		}
		td := ner.TrainDoc{Text: d.Text}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if !m.Proper || m.NameSpan == nil {
					continue
				}
				typ := e.Type
				if typ == "MISC" && isDemonym(d.Text[m.NameSpan.Start:m.NameSpan.End]) {
					typ = "NORP"
				}
				td.Names = append(td.Names, ner.Name{Start: m.NameSpan.Start, End: m.NameSpan.End, Type: typ})
			}
		}
		// GUM does not annotate adjectival nationalities; dateline tags
		// them NORP, so teach that on the words the gazetteer knows.
		td.Names = addDemonyms(d.Text, td.Names)
		*docs = append(*docs, td)
		n++
		return nil
	})
	return n, err
}

func readWikiGold(path string, ntrain int, docs *[]ner.TrainDoc) (int, []string, error) {
	n, i := 0, 0
	var held []string
	err := eachDoc(path, func(d *goldDoc) error {
		defer func() { i++ }()
		if i >= ntrain {
			held = append(held, d.ID)
			return nil
		}
		td := ner.TrainDoc{Text: d.Text}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				td.Names = append(td.Names, ner.Name{Start: m.Start, End: m.End, Type: mapType(e.Type, d.Text[m.Start:m.End])})
			}
		}
		*docs = append(*docs, td)
		n++
		return nil
	})
	return n, held, err
}

func readMeantime(path string, cv bool, docs *[]ner.TrainDoc) (int, []string, error) {
	n := 0
	var held []string
	err := eachDoc(path, func(d *goldDoc) error {
		switch {
		case cv && heldOutMeantime(d.ID):
			return nil // never looked at, not even for error analysis
		case cv && cvFold(d.ID), !cv && heldOutMeantime(d.ID):
			held = append(held, d.ID)
			return nil
		}
		td := ner.TrainDoc{Text: d.Text, Ranges: d.Annot}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.SynType != "NAM" && m.SynType != "PRE.NAM" {
					continue
				}
				if len(d.Annot) > 0 && !d.Annot[0].Contains(doc.Span{Start: m.Start, End: m.End}) {
					continue
				}
				s, e2 := nameCore(d.Text, m.Start, m.End)
				if s >= e2 {
					continue
				}
				td.Names = append(td.Names, ner.Name{Start: s, End: e2, Type: mapType(e.Type, d.Text[s:e2])})
			}
		}
		*docs = append(*docs, td)
		n++
		return nil
	})
	return n, held, err
}

// nameCore returns the trailing run of capitalised or digit-initial tokens
// of a MEANTIME name phrase ("U.S. manufacturer General Motors" → "General
// Motors", "today 's GM" → "GM"), or the whole phrase when it has none.
func nameCore(text string, start, end int) (int, int) {
	toks := token.Tokenize(text[start:end], nil)
	j := len(toks)
	for j > 0 {
		w := text[start+toks[j-1].Start : start+toks[j-1].End]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			break
		}
		j--
	}
	if j == len(toks) {
		return start, end
	}
	return start + toks[j].Start, start + toks[len(toks)-1].End
}

var facHeads = wordSet("Airport Bridge Station Street Square Stadium Hall Palace House Tower Towers Museum Office Building Centre Center Hospital Prison Castle Cathedral Temple Road Avenue Highway Port Harbour Harbor Arena Theatre Theater Library Mall Plaza Gate Wall Dam Tunnel Base Embassy Boulevard")
var natHeads = wordSet("River Sea Ocean Lake Mountain Mountains Mount Island Islands Bay Gulf Valley Desert Peninsula Strait Coast Forest Park Reserve Falls Canyon Hills Range Glacier Volcano Basin Delta Channel")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// mapType maps a corpus type (CoNLL or MEANTIME) to a tagger type.
func mapType(t, name string) string {
	switch t {
	case "PER", "PERSON":
		return "PERSON"
	case "ORG", "ORGANIZATION":
		return "ORG"
	case "PRODUCT":
		return "PRODUCT"
	case "LOC", "LOCATION":
		return placeType(name)
	}
	if isDemonym(name) {
		return "NORP"
	}
	return "MISC"
}

// placeType splits a place name into NORP, FAC, LOC or GPE by the gazetteer
// and the name's head word.
func placeType(name string) string {
	if isDemonym(name) {
		return "NORP"
	}
	g := gazetteer.Default()
	e, ok := g.Lookup(name)
	if ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place) != 0 {
		return "GPE"
	}
	if ok && e.Class&gazetteer.Region != 0 {
		return "LOC"
	}
	f := strings.Fields(name)
	last := f[len(f)-1]
	switch {
	case facHeads[last]:
		return "FAC"
	case natHeads[last] || natHeads[f[0]] || f[0] == "Lake" || f[0] == "Cape":
		return "LOC"
	}
	return "GPE"
}

func isDemonym(name string) bool {
	e, ok := gazetteer.Default().Lookup(name)
	return ok && e.Class&gazetteer.Demonym != 0 && e.Class&(gazetteer.Country|gazetteer.Place) == 0
}

// addDemonyms adds a NORP name for every capitalised demonym token that no
// name covers.
func addDemonyms(text string, names []ner.Name) []ner.Name {
	toks := token.Tokenize(text, nil)
	for _, t := range toks {
		w := text[t.Start:t.End]
		if !isDemonym(w) {
			continue
		}
		free := true
		for _, n := range names {
			if n.Start < t.End && t.Start < n.End {
				free = false
				break
			}
		}
		if free {
			names = append(names, ner.Name{Start: t.Start, End: t.End, Type: "NORP"})
		}
	}
	return names
}

// stripTitles removes leading titles from person names ("Secretary Cardona"
// → "Cardona", "Mr. Roberts" → "Roberts") and drops person names that are
// only a title ("President"): dateline's names never include titles, which
// the resolve stage attaches to the entity instead. GUM and MEANTIME include
// them; WikiGold mostly does not.
func stripTitles(text string, names []ner.Name) []ner.Name {
	g := gazetteer.Default()
	out := names[:0]
	for _, n := range names {
		if n.Type != "PERSON" {
			out = append(out, n)
			continue
		}
		toks := token.Tokenize(text[n.Start:n.End], nil)
		i := ner.TitlePrefix(text[n.Start:n.End], toks)
		for i < len(toks) {
			w := text[n.Start+toks[i].Start : n.Start+toks[i].End]
			if !g.IsTitle(w) && w != "of" && w != "the" {
				break
			}
			i++
		}
		if i == len(toks) || (i > 0 && !startsUpper(text[n.Start+toks[i].Start:])) {
			continue
		}
		if i > 0 {
			n.Start += toks[i].Start
		}
		out = append(out, n)
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
