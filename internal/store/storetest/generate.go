package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dateline/internal/doc"
)

// Cast of invented and public figures the generator writes about.
var (
	genPeople = []struct{ name, short, title string }{
		{"Donald Trump", "Trump", "US President"},
		{"Vladimir Putin", "Putin", "Russian President"},
		{"Volodymyr Zelensky", "Zelensky", "Ukrainian President"},
		{"Steve Witkoff", "Witkoff", "special envoy"},
		{"Marco Rubio", "Rubio", "Secretary of State"},
		{"Ursula von der Leyen", "von der Leyen", "European Commission President"},
		{"Mark Rutte", "Rutte", "NATO Secretary General"},
		{"Narendra Modi", "Modi", "Indian Prime Minister"},
		{"Keir Starmer", "Starmer", "British Prime Minister"},
		{"Emmanuel Macron", "Macron", "French President"},
		{"Yuri Ushakov", "Ushakov", "Kremlin aide"},
		{"Kaja Kallas", "Kallas", "EU foreign policy chief"},
	}
	genPlaces = []string{"Moscow", "Kyiv", "Washington", "Brussels", "Geneva", "Istanbul", "Riyadh", "New Delhi", "London", "Paris", "Anchorage", "Ankara", "München", "Zürich"}
	genTopics = []struct{ noun, verb, event string }{
		{"ceasefire", "agree to a ceasefire", "CEASEFIRE"},
		{"sanctions", "impose new sanctions", "SANCTION"},
		{"tariffs", "raise tariffs on imports", "TARIFF"},
		{"prisoner exchange", "complete a prisoner exchange", "AGREE"},
		{"peace talks", "resume peace talks", "NEGOTIATE"},
		{"energy deal", "sign an energy deal", "AGREE"},
		{"aid package", "approve a military aid package", "AID"},
	}
	genSources = []string{"Wire", "Daily Ledger", "Morning Post", "Evening Standard-Bearer", "Global Desk"}
	genFiller  = []string{
		"Officials on both sides declined to give details of the discussions, which took place behind closed doors.",
		"Analysts said the outcome would depend on whether the two sides could agree on the sequencing of any steps.",
		"The talks followed weeks of public exchanges in which each side accused the other of stalling.",
		"Markets reacted cautiously, with oil prices little changed in early trading.",
		"Diplomats said a further round could be held before the end of the month if progress was made.",
		"Opposition politicians criticised the government’s approach, calling it “naïve” and “rushed”.",
		"A joint statement was expected later in the day but had not been published by the evening.",
		"Previous rounds in the spring ended without agreement after disputes over monitoring.",
	}
)

// Generate returns n invented news articles, deterministic for a seed:
// 2–4 KB of text each, like the seed article, with entity, time, quote,
// event and deadline layers placed on the text. Benchmarks and crash tests
// use them; they are not meant to read well.
func Generate(tb fataler, n int, seed uint64) []*doc.Document {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 0x6461746c))
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]*doc.Document, n)
	for i := range docs {
		docs[i] = generateOne(tb, r, i, base.AddDate(0, 0, r.IntN(120)))
	}
	return docs
}

// GenerateDaily is [Generate] for an archive that grows with time: perDay
// articles a day, in day order apart from one in ten filed up to three days
// late, so a corpus of any size has the density of real feeds and the
// cross-document layers (bounded by time windows) see as many recent
// articles at 100,000 as at 10,000.
func GenerateDaily(tb fataler, n, perDay int, seed uint64) []*doc.Document {
	tb.Helper()
	if perDay < 1 {
		perDay = 1
	}
	r := rand.New(rand.NewPCG(seed, 0x6461746c))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]*doc.Document, n)
	for i := range docs {
		day := i / perDay
		if r.IntN(10) == 0 {
			day = max(0, day-1-r.IntN(3))
		}
		docs[i] = generateOne(tb, r, i, base.AddDate(0, 0, day))
	}
	return docs
}

func generateOne(tb fataler, r *rand.Rand, i int, day time.Time) *doc.Document {
	a := genPeople[r.IntN(len(genPeople))]
	b := genPeople[r.IntN(len(genPeople))]
	for b.name == a.name {
		b = genPeople[r.IntN(len(genPeople))]
	}
	place := genPlaces[r.IntN(len(genPlaces))]
	topic := genTopics[r.IntN(len(genTopics))]
	by := day.AddDate(0, 0, 2+r.IntN(40))
	weekday := day.Weekday().String()
	quote := fmt.Sprintf("We made real progress on the %s, and we expect an answer soon", topic.noun)

	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s met %s %s in %s on %s for talks on the %s. ", a.title, a.name, b.title, b.name, place, weekday, topic.noun)
	fmt.Fprintf(&sb, "“%s,” %s said after the meeting. ", quote, a.short)
	fmt.Fprintf(&sb, "%s has set a deadline of %s for the other side to %s. ", a.short, by.Format("January 2"), topic.verb)
	for k := 0; k < 16+r.IntN(14); k++ {
		sb.WriteString(genFiller[r.IntN(len(genFiller))])
		if k%4 == 3 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	fmt.Fprintf(&sb, "Story %d.", i)
	text := sb.String()

	bd := &builder{tb: tb, d: &doc.Document{
		ID:     fmt.Sprintf("gen-%06d", i),
		Date:   day.Format(time.DateOnly),
		Title:  fmt.Sprintf("%s and %s discuss %s in %s", a.short, b.short, topic.noun, place),
		Source: genSources[r.IntN(len(genSources))],
		Lang:   "en",
		Text:   text,
	}}
	bd.entity("e1", doc.Person, a.name, []string{a.title}, []string{a.short}, a.name, a.short+"@1", a.short+"@2").
		entity("e2", doc.Person, b.name, []string{b.title}, []string{b.short}, b.name).
		entity("e3", doc.GPE, place, nil, nil, place).
		time("t1", weekday, doc.Date, day.Format(time.DateOnly)).
		time("t2", by.Format("January 2"), doc.Date, by.Format(time.DateOnly)).
		quote("q1", quote, doc.Direct, "e1", a.short+"@1", "said").
		event("v1", "MEET", "met", "t1", "e3", part(doc.Agent, "e1"), part(doc.Partner, "e2")).
		event("v2", topic.event, topic.noun, "", "", part(doc.Topic, "e2")).
		deadline(doc.Deadline{ID: "d1", By: by.Format(time.DateOnly), Time: "t2", Setter: "e1", Target: "e2", Demand: topic.verb}, "deadline")
	return bd.done()
}
