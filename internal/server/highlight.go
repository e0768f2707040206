package server

import (
	"cmp"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"dateline/internal/doc"
)

// mark is one highlighted span of an article: its class, the title shown on
// hover (type and normalised value) and, for entities, the page it links to.
type mark struct {
	doc.Span
	class string
	title string
	href  string
}

// articleMarks collects the spans the article view highlights: quotes,
// entity mentions, times and event triggers.
func articleMarks(d *doc.Document) []mark {
	var ms []mark
	ents := map[string]*doc.Entity{}
	for i := range d.Entities {
		ents[d.Entities[i].ID] = &d.Entities[i]
	}
	for _, q := range d.Quotes {
		title := q.Kind + " quote"
		if e := ents[q.Speaker]; e != nil {
			title += " · " + e.Name
		} else if q.SpeakerText != "" {
			title += " · " + q.SpeakerText
		}
		ms = append(ms, mark{Span: q.Span(), class: "quote", title: title})
	}
	for _, e := range d.Entities {
		href := entityHref(e.Name, e.Type)
		for _, m := range e.Mentions {
			title := e.Type + " · " + e.Name
			if m.Kind != "" && m.Kind != "name" {
				title += " (" + m.Kind + ")"
			}
			ms = append(ms, mark{Span: m.Span(), class: "ent ent-" + strings.ToLower(e.Type), title: title, href: href})
		}
	}
	for _, t := range d.Times {
		title := t.Type + " · " + t.Value
		if t.Mod != "" {
			title += " (" + t.Mod + ")"
		}
		ms = append(ms, mark{Span: t.Span(), class: "tx", title: title})
	}
	for _, ev := range d.Events {
		ms = append(ms, mark{Span: ev.Trigger.Span(), class: "ev", title: ev.Type + " event"})
	}
	return ms
}

// entityHref is the UI page of an entity.
func entityHref(name, typ string) string {
	h := "/entities/" + url.PathEscape(name)
	if typ != "" {
		h += "?type=" + url.QueryEscape(typ)
	}
	return h
}

// highlight renders text as HTML with the marks as nested elements. Marks
// must nest: a mark that crosses one already open (starts inside it and ends
// after it) is dropped rather than break the markup; so is a mark outside
// the text or not on rune boundaries (the document validator guarantees
// neither happens for stored documents). Longer marks open first, so a
// quote encloses the names inside it.
func highlight(text string, marks []mark) template.HTML {
	ms := slices.Clone(marks)
	slices.SortStableFunc(ms, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	var b strings.Builder
	var open []mark
	pos := 0
	closeTo := func(off int) { // close every open mark ending at or before off
		for len(open) > 0 && open[len(open)-1].End <= off {
			top := open[len(open)-1]
			b.WriteString(template.HTMLEscapeString(text[pos:top.End]))
			pos = top.End
			b.WriteString(closeTag(top))
			open = open[:len(open)-1]
		}
	}
	for _, m := range ms {
		if m.Start < pos || m.End > len(text) || m.Start >= m.End {
			continue
		}
		closeTo(m.Start)
		if len(open) > 0 && m.End > open[len(open)-1].End {
			continue // crosses the open mark
		}
		if m.href != "" && insideLink(open) {
			m.href = "" // no links inside links
		}
		b.WriteString(template.HTMLEscapeString(text[pos:m.Start]))
		pos = m.Start
		b.WriteString(openTag(m))
		open = append(open, m)
	}
	closeTo(len(text))
	b.WriteString(template.HTMLEscapeString(text[pos:]))
	return template.HTML(b.String()) // every piece of text above is escaped
}

func insideLink(open []mark) bool {
	for _, m := range open {
		if m.href != "" {
			return true
		}
	}
	return false
}

func openTag(m mark) string {
	attrs := ` class="` + template.HTMLEscapeString(m.class) + `" title="` + template.HTMLEscapeString(m.title) + `"`
	if m.href != "" {
		return `<a` + attrs + ` href="` + template.HTMLEscapeString(m.href) + `">`
	}
	return `<span` + attrs + `>`
}

func closeTag(m mark) string {
	if m.href != "" {
		return `</a>`
	}
	return `</span>`
}

// snippet renders a search snippet with its highlighted ranges in <mark>.
func snippet(s string, hs []doc.Span) template.HTML {
	ms := make([]mark, 0, len(hs))
	for _, h := range hs {
		ms = append(ms, mark{Span: h, class: "hit", title: "matched"})
	}
	return highlight(s, ms)
}
