package storetest

import (
	"strconv"
	"strings"
	"testing"

	"dateline/internal/doc"
)

// builder assembles a document's layers by finding the text they cover, so
// the articles below carry exact byte offsets without hand-counted numbers.
type builder struct {
	tb fataler
	d  *doc.Document
}

// fataler is the part of [testing.TB] the builder uses.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func article(tb testing.TB, id, date, source, title, text string) *builder {
	return &builder{tb: tb, d: &doc.Document{ID: id, Date: date, Source: source, Title: title, Lang: "en", Text: text}}
}

// at returns the extent of a form in the text. "Putin@2" is the third
// occurrence of "Putin"; a bare form is the first.
func (b *builder) at(form string) doc.Extent {
	b.tb.Helper()
	nth := 0
	if i := strings.LastIndexByte(form, '@'); i > 0 {
		n, err := strconv.Atoi(form[i+1:])
		if err == nil {
			form, nth = form[:i], n
		}
	}
	from := 0
	for k := 0; ; k++ {
		i := strings.Index(b.d.Text[from:], form)
		if i < 0 {
			b.tb.Fatalf("storetest: document %s: occurrence %d of %q not in text", b.d.ID, nth, form)
		}
		if k == nth {
			return doc.ExtentOf(b.d.Text, from+i, from+i+len(form))
		}
		from += i + len(form)
	}
}

func (b *builder) entity(id, typ, name string, titles, aliases []string, forms ...string) *builder {
	b.tb.Helper()
	e := doc.Entity{ID: id, Type: typ, Name: name, Titles: titles, Aliases: aliases}
	for _, f := range forms {
		x := b.at(f)
		m := doc.Mention{Start: x.Start, End: x.End, Text: x.Text}
		if x.Text != name && !contains(aliases, x.Text) {
			m.Kind = "nominal"
		}
		e.Mentions = append(e.Mentions, m)
	}
	b.d.Entities = append(b.d.Entities, e)
	return b
}

func (b *builder) time(id, form, typ, value string) *builder {
	b.tb.Helper()
	x := b.at(form)
	b.d.Times = append(b.d.Times, doc.Time{ID: id, Start: x.Start, End: x.End, Text: x.Text, Type: typ, Value: value})
	return b
}

// quote adds a quote; speaker is an entity id or "", speakerForm the text
// naming the speaker.
func (b *builder) quote(id, form, kind, speaker, speakerForm, cue string) *builder {
	b.tb.Helper()
	x := b.at(form)
	q := doc.Quote{ID: id, Start: x.Start, End: x.End, Text: x.Text, Kind: kind, Speaker: speaker}
	if speakerForm != "" {
		s := b.at(speakerForm)
		q.SpeakerText, q.SpeakerSpan = s.Text, &doc.Span{Start: s.Start, End: s.End}
	}
	if cue != "" {
		c := b.at(cue)
		q.Cue = &c
	}
	b.d.Quotes = append(b.d.Quotes, q)
	return b
}

func (b *builder) event(id, typ, trigger, timeID, place string, parts ...doc.Participant) *builder {
	b.tb.Helper()
	b.d.Events = append(b.d.Events, doc.Event{ID: id, Type: typ, Trigger: b.at(trigger), Time: timeID, Place: place, Participants: parts})
	return b
}

func (b *builder) deadline(dl doc.Deadline, trigger string) *builder {
	b.tb.Helper()
	dl.Trigger = b.at(trigger)
	b.d.Deadlines = append(b.d.Deadlines, dl)
	return b
}

// done checks the document against the format's invariants.
func (b *builder) done() *doc.Document {
	b.tb.Helper()
	if err := b.d.Validate(); err != nil {
		b.tb.Fatalf("storetest: document %s: %v", b.d.ID, err)
	}
	return b.d
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func part(role, entity string) doc.Participant { return doc.Participant{Role: role, Entity: entity} }

// Corpus returns the suite's articles: short invented news stories about a
// summer of diplomacy, with hand-placed layers, plus a sports story with
// non-ASCII text and an undated, unanalysed note. Each call returns fresh
// documents.
func Corpus(tb testing.TB) []*doc.Document {
	tb.Helper()
	envoy := article(tb, "wire-0806", "2025-08-06", "Wire", "Envoy meets Putin in Moscow",
		"US President Donald Trump said on Wednesday that his special envoy, Steve Witkoff, had a “highly productive meeting” with Russian President Vladimir Putin in Moscow.\n\n"+
			"The three-hour talks at the Kremlin came two days before a deadline Trump had set for Russia to agree to a ceasefire in Ukraine. "+
			"Putin aide Yuri Ushakov called the exchange “useful and constructive”.")
	envoy.entity("e1", doc.Person, "Donald Trump", []string{"US President"}, []string{"Trump"}, "Donald Trump", "Trump@1").
		entity("e2", doc.Person, "Steve Witkoff", []string{"special envoy"}, nil, "Steve Witkoff").
		entity("e3", doc.Person, "Vladimir Putin", []string{"Russian President"}, []string{"Putin"}, "Vladimir Putin", "Putin@1").
		entity("e4", doc.GPE, "Moscow", nil, nil, "Moscow").
		entity("e5", doc.GPE, "Russia", nil, nil, "Russia").
		entity("e6", doc.GPE, "Ukraine", nil, nil, "Ukraine").
		entity("e7", doc.Person, "Yuri Ushakov", []string{"Putin aide"}, nil, "Yuri Ushakov").
		entity("e8", doc.Fac, "Kremlin", nil, nil, "Kremlin").
		time("t1", "Wednesday", doc.Date, "2025-08-06").
		time("t2", "three-hour", doc.Duration, "PT3H").
		quote("q1", "highly productive meeting", doc.Partial, "e1", "Donald Trump", "said").
		quote("q2", "useful and constructive", doc.Partial, "e7", "Yuri Ushakov", "called").
		event("v1", "MEET", "meeting", "t1", "e4", part(doc.Agent, "e2"), part(doc.Partner, "e3")).
		deadline(doc.Deadline{ID: "d1", By: "2025-08-08", Setter: "e1", Target: "e5", Demand: "agree to a ceasefire in Ukraine"}, "deadline")

	ultimatum := article(tb, "ledger-0714", "2025-07-14", "Daily Ledger", "Trump gives Moscow 50 days",
		"Donald Trump on Monday gave Russia 50 days to reach a peace deal with Ukraine or face sweeping secondary tariffs and new sanctions. "+
			"Speaking beside NATO Secretary General Mark Rutte in the Oval Office, Trump said he was “very unhappy” with Moscow. "+
			"Rutte said European allies would pay for American weapons sent to Kyiv.")
	ultimatum.entity("e1", doc.Person, "Donald Trump", nil, []string{"Trump"}, "Donald Trump", "Trump@1").
		entity("e2", doc.GPE, "Russia", nil, []string{"Moscow"}, "Russia", "Moscow").
		entity("e3", doc.GPE, "Ukraine", nil, []string{"Kyiv"}, "Ukraine", "Kyiv").
		entity("e4", doc.Person, "Mark Rutte", []string{"NATO Secretary General"}, []string{"Rutte"}, "Mark Rutte", "Rutte@1").
		entity("e5", doc.Org, "NATO", nil, nil, "NATO").
		entity("e6", doc.Fac, "Oval Office", nil, nil, "Oval Office").
		time("t1", "Monday", doc.Date, "2025-07-14").
		time("t2", "50 days", doc.Duration, "P50D").
		quote("q1", "very unhappy", doc.Partial, "e1", "Trump@1", "said").
		quote("q2", "European allies would pay for American weapons sent to Kyiv", doc.Indirect, "e4", "Rutte@1", "said@1").
		event("v1", "ULTIMATUM", "gave", "t1", "", part(doc.Agent, "e1"), part(doc.Target, "e2")).
		event("v2", "SANCTION", "sanctions", "", "", part(doc.Agent, "e1"), part(doc.Target, "e2")).
		deadline(doc.Deadline{ID: "d1", By: "2025-09-02", Setter: "e1", Target: "e2", Demand: "reach a peace deal with Ukraine",
			Consequence: "sweeping secondary tariffs and new sanctions", Status: "pending"}, "50 days")

	summit := article(tb, "wire-0815", "2025-08-15T21:30:00-08:00", "Wire", "Alaska summit ends without a deal",
		"The Kremlin leader Vladimir Putin and Donald Trump met for nearly three hours at a military base in Anchorage on Friday. "+
			"Putin called the talks “constructive” but no ceasefire was agreed. "+
			"Trump said there was “no deal until there’s a deal” and promised to brief Volodymyr Zelensky.")
	summit.entity("e1", doc.Person, "Vladimir Putin", []string{"Kremlin leader"}, []string{"Putin"}, "Vladimir Putin", "Putin@1", "The Kremlin leader").
		entity("e2", doc.Person, "Donald Trump", nil, []string{"Trump"}, "Donald Trump", "Trump@1").
		entity("e3", doc.GPE, "Anchorage", nil, nil, "Anchorage").
		entity("e4", doc.Person, "Volodymyr Zelensky", nil, nil, "Volodymyr Zelensky").
		time("t1", "Friday", doc.Date, "2025-08-15").
		quote("q1", "constructive", doc.Partial, "e1", "Putin@1", "called").
		quote("q2", "no deal until there’s a deal", doc.Partial, "e2", "Trump@1", "said").
		event("v1", "MEET", "met", "t1", "e3", part(doc.Agent, "e1"), part(doc.Partner, "e2"))

	tariffs := article(tb, "ledger-0801", "2025-08-01", "Daily Ledger", "India warned over Russian oil",
		"The White House said on Friday that India had until August 27 to stop buying Russian oil or face an extra tariff of 25 per cent. "+
			"Officials in New Delhi called the demand unjustified.")
	tariffs.entity("e1", doc.Org, "White House", nil, nil, "White House").
		entity("e2", doc.GPE, "India", nil, []string{"New Delhi"}, "India", "New Delhi").
		entity("e3", doc.NORP, "Russian", nil, nil, "Russian").
		time("t1", "Friday", doc.Date, "2025-08-01").
		time("t2", "August 27", doc.Date, "2025-08-27").
		quote("q1", "India had until August 27 to stop buying Russian oil or face an extra tariff of 25 per cent", doc.Indirect, "e1", "White House", "said").
		event("v1", "TARIFF", "tariff", "", "", part(doc.Agent, "e1"), part(doc.Target, "e2")).
		deadline(doc.Deadline{ID: "d1", By: "2025-08-27", Time: "t2", Setter: "e1", Target: "e2", Demand: "stop buying Russian oil",
			Consequence: "an extra tariff of 25 per cent"}, "until")

	sport := article(tb, "sport-1120", "2024-11-20", "Sport Daily", "Dynamo Kyiv stun Bayern in München",
		"Dynamo Kyiv’s 19-year-old striker scored twice as the Ukrainian champions beat Bayern 2–1 in München on Wednesday night. "+
			"“We played without fear,” the coach said after the match at the Allianz Arena.")
	sport.entity("e1", doc.Org, "Dynamo Kyiv", nil, nil, "Dynamo Kyiv").
		entity("e2", doc.Org, "Bayern", nil, nil, "Bayern").
		entity("e3", doc.GPE, "München", nil, nil, "München").
		entity("e4", doc.Fac, "Allianz Arena", nil, nil, "Allianz Arena").
		time("t1", "Wednesday night", doc.TimeOfDay, "2024-11-20TNI").
		quote("q1", "We played without fear,", doc.Direct, "", "the coach", "said")

	note := &doc.Document{ID: "note-undated", Text: "Correction: an earlier version of this story misspelled the name of the envoy’s aide."}

	return []*doc.Document{envoy.done(), ultimatum.done(), summit.done(), tariffs.done(), sport.done(), note}
}
