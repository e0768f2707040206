package server

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/store"
)

//go:embed web
var webFS embed.FS

// pages holds one template set per page, each the layout plus the page.
type pages struct {
	sets map[string]*template.Template
}

var pageNames = []string{"home", "search", "article", "entity", "quotes", "deadlines", "error"}

var funcs = template.FuncMap{
	"entityHref": entityHref,
	"snippet":    snippet,
	"join":       strings.Join,
	"lower":      strings.ToLower,
	"day":        store.Day,
	"query":      func(s string) string { return url.QueryEscape(s) },
	"path":       func(s string) string { return url.PathEscape(s) },
	"dict":       dict,
}

// dict builds a map from alternating keys and values, to pass several
// values to a sub-template.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

func loadPages() (*pages, error) {
	p := &pages{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(webFS, "web/layout.html", "web/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// uiRoutes registers the web pages and static files.
func (s *Server) uiRoutes() {
	static, _ := fs.Sub(webFS, "web/static") // the directory is embedded
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.page(s.home))
	s.mux.HandleFunc("GET /search", s.page(s.searchPage))
	s.mux.HandleFunc("GET /articles/{id}", s.page(s.articlePage))
	s.mux.HandleFunc("GET /entities/{name}", s.page(s.entityPage))
	s.mux.HandleFunc("GET /quotes", s.page(s.quotesPage))
	s.mux.HandleFunc("GET /deadlines", s.page(s.deadlinesPage))
	s.mux.HandleFunc("/", s.page(func(r *http.Request) (string, any, error) {
		return "", nil, fmt.Errorf("%w: %s", errNoRoute, r.URL.Path)
	}))
}

// pageFunc returns the page to render and its data.
type pageFunc func(r *http.Request) (name string, data any, err error)

// page renders a pageFunc into the layout; errors become an error page with
// the status from the same table as the API's.
func (s *Server) page(fn pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name, data, err := fn(r)
		status := http.StatusOK
		if err != nil {
			status = statusOf(err)
			msg := err.Error()
			if status >= 500 {
				s.cfg.Log.Error("page failed", "path", r.URL.Path, "err", err)
				msg = "Something went wrong on the server."
			}
			name, data = "error", map[string]any{"Status": status, "StatusText": http.StatusText(status), "Message": msg}
		}
		var buf bytes.Buffer
		if err := s.pages.sets[name].ExecuteTemplate(&buf, "layout", data); err != nil {
			s.cfg.Log.Error("template failed", "page", name, "err", err)
			http.Error(w, "template error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
		w.WriteHeader(status)
		_, _ = buf.WriteTo(w)
	}
}

// today is the server's day, for deadlines.
func (s *Server) today() string { return s.cfg.Now().UTC().Format(time.DateOnly) }

func (s *Server) home(r *http.Request) (string, any, error) {
	ctx := r.Context()
	latest, err := s.cfg.Store.Search(ctx, store.Query{Limit: 8})
	if err != nil {
		return "", nil, fmt.Errorf("latest: %w", err)
	}
	dls, err := s.cfg.Store.Deadlines(ctx, store.DeadlineQuery{Pending: true, AsOf: s.today(), Limit: 6})
	if err != nil {
		return "", nil, fmt.Errorf("deadlines: %w", err)
	}
	st, err := s.cfg.Store.Stats(ctx)
	if err != nil {
		return "", nil, fmt.Errorf("stats: %w", err)
	}
	return "home", map[string]any{"Latest": latest.Hits, "Deadlines": dls, "Stats": st, "Today": s.today()}, nil
}

// facet is one filter link with its count.
type facet struct {
	Label, Href string
	Count       int
	Active      bool
}

// facetTypes are the types offered as search facets, with counts, and
// their labels.
var facetTypes = []struct{ typ, label string }{
	{doc.Person, "People"}, {doc.Org, "Organisations"}, {doc.GPE, "Places"},
	{"MEET", "Meetings"}, {"NEGOTIATE", "Negotiations"}, {"AGREE", "Agreements"},
	{"SANCTION", "Sanctions"}, {"TARIFF", "Tariffs"}, {"CEASEFIRE", "Ceasefires"},
	{"ATTACK", "Attacks"}, {"ULTIMATUM", "Ultimatums"},
}

func (s *Server) searchPage(r *http.Request) (string, any, error) {
	q, err := searchQuery(r)
	if err != nil {
		return "", nil, err
	}
	ctx := r.Context()
	data := map[string]any{"Q": q}
	res, err := s.cfg.Store.Search(ctx, q)
	if err != nil {
		return "", nil, fmt.Errorf("search: %w", err)
	}
	data["Results"] = res
	data["From"], data["To"] = q.Offset+1, q.Offset+len(res.Hits)
	if next := q.Offset + len(res.Hits); next < res.Total {
		data["Next"] = withParam(r.URL, "offset", strconv.Itoa(next))
	}
	if q.Offset > 0 {
		data["Prev"] = withParam(r.URL, "offset", strconv.Itoa(max(0, q.Offset-q.Limit)))
	}
	// Type facets: one count per type, so they cover all the results.
	counts, ok := s.types.get(q, s.cfg.Now())
	if !ok {
		counts = make(map[string]int, len(facetTypes))
		for _, ft := range facetTypes {
			fq := q
			fq.Type, fq.Limit, fq.Offset = ft.typ, 1, 0
			fr, err := s.cfg.Store.Search(ctx, fq)
			if err != nil {
				return "", nil, fmt.Errorf("facet %s: %w", ft.typ, err)
			}
			counts[ft.typ] = fr.Total
		}
		s.types.put(q, counts, s.cfg.Now())
	}
	var types []facet
	for _, ft := range facetTypes {
		t := ft.typ
		if n := counts[t]; n > 0 || q.Type == t {
			types = append(types, facet{Label: ft.label, Count: n, Href: facetHref(r.URL, "type", t, q.Type), Active: q.Type == t})
		}
	}
	data["Types"] = types
	// Entity and month facets: over all matches when the store can count
	// them, else from the documents on this page.
	ents, months, err := s.pageFacets(ctx, r.URL, q, res.Hits)
	if err != nil {
		return "", nil, err
	}
	data["Entities"], data["Months"] = ents, months
	return "search", data, nil
}

// facetCounter is a store that counts a search's entity and month facets
// over all of its matches (the SQL stores do).
type facetCounter interface {
	PageFacets(ctx context.Context, q store.Query) (ents []store.CoOccurrence, months map[string]int, err error)
}

// pageFacets makes the people, organisations and places, and the months,
// facets of a search: over all its matches when the store is a
// facetCounter, else over the hits on this page.
func (s *Server) pageFacets(ctx context.Context, u *url.URL, q store.Query, hits []store.Hit) (ents, months []facet, err error) {
	ec := map[store.EntityRef]int{}
	mc := map[string]int{}
	if fc, ok := s.cfg.Store.(facetCounter); ok {
		pf, ok := s.others.get(q, s.cfg.Now())
		if !ok {
			if pf.ents, pf.months, err = fc.PageFacets(ctx, q); err != nil {
				return nil, nil, fmt.Errorf("facets: %w", err)
			}
			s.others.put(q, pf, s.cfg.Now())
		}
		for _, c := range pf.ents {
			ec[c.EntityRef] = c.Documents
		}
		maps.Copy(mc, pf.months)
	} else if err := s.countPage(ctx, hits, ec, mc); err != nil {
		return nil, nil, err
	}
	for ref, n := range ec {
		ents = append(ents, facet{Label: ref.Name, Count: n, Href: facetHref(u, "entity", ref.Name, q.Entity), Active: store.NameKey(q.Entity) == store.NameKey(ref.Name)})
	}
	slices.SortFunc(ents, func(a, b facet) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Label, b.Label)) })
	ents = ents[:min(len(ents), 10)]
	for m, n := range mc {
		t, _ := time.Parse("2006-01", m)
		last := t.AddDate(0, 1, -1).Format(time.DateOnly)
		href := withParams(u, map[string]string{"from": m + "-01", "to": last, "offset": ""})
		months = append(months, facet{Label: t.Format("January 2006"), Count: n, Href: href, Active: q.From == m+"-01" && q.To == last})
	}
	slices.SortFunc(months, func(a, b facet) int { return strings.Compare(b.Href, a.Href) })
	// Counted over all matches, the months may span years: the newest
	// dozen are offered.
	months = months[:min(len(months), 12)]
	return ents, months, nil
}

// countPage counts the entities and months of the documents on a page.
func (s *Server) countPage(ctx context.Context, hits []store.Hit, ec map[store.EntityRef]int, mc map[string]int) error {
	for _, h := range hits {
		if d := store.Day(h.Date); d != "" {
			mc[d[:7]]++
		}
		d, err := s.cfg.Store.Get(ctx, h.ID)
		if err != nil {
			return fmt.Errorf("facets: %w", err)
		}
		seen := map[store.EntityRef]bool{}
		for _, e := range d.Entities {
			ref := store.EntityRef{Name: e.Name, Type: e.Type}
			if (e.Type == doc.Person || e.Type == doc.Org || e.Type == doc.GPE) && !seen[ref] {
				seen[ref] = true
				ec[ref]++
			}
		}
	}
	return nil
}

// facetHref toggles a filter: set it, or clear it when already set.
func facetHref(u *url.URL, key, val, cur string) string {
	if strings.EqualFold(cur, val) {
		val = ""
	}
	return withParams(u, map[string]string{key: val, "offset": ""})
}

func withParam(u *url.URL, key, val string) string {
	return withParams(u, map[string]string{key: val})
}

// withParams returns u's path and query with the given parameters set (an
// empty value removes one).
func withParams(u *url.URL, set map[string]string) string {
	v := u.Query()
	for k, x := range set {
		if x == "" {
			v.Del(k)
		} else {
			v.Set(k, x)
		}
	}
	return u.Path + "?" + v.Encode()
}

// articleData is what the article page shows besides the highlighted text.
type articleData struct {
	Doc       *doc.Document
	Body      template.HTML
	Entities  []*doc.Entity
	Quotes    []quoteView
	Events    []EventHit
	Deadlines []deadlineView
	Times     []doc.Time
}

type quoteView struct {
	doc.Quote
	SpeakerName, SpeakerType string
}

type deadlineView struct {
	doc.Deadline
	SetterName, TargetName string
	Day                    string
}

func (s *Server) articlePage(r *http.Request) (string, any, error) {
	d, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", nil, err // the store names the id
	}
	a := articleData{Doc: d, Body: highlight(d.Text, articleMarks(d)), Times: d.Times}
	ents := map[string]*doc.Entity{}
	for i := range d.Entities {
		e := &d.Entities[i]
		ents[e.ID] = e
		a.Entities = append(a.Entities, e)
	}
	slices.SortStableFunc(a.Entities, func(x, y *doc.Entity) int {
		return cmp.Or(cmp.Compare(x.Type, y.Type), len(y.Mentions)-len(x.Mentions))
	})
	for _, q := range d.Quotes {
		v := quoteView{Quote: q, SpeakerName: q.SpeakerText}
		if e := ents[q.Speaker]; e != nil {
			v.SpeakerName, v.SpeakerType = e.Name, e.Type
		}
		a.Quotes = append(a.Quotes, v)
	}
	a.Events = docEvents(d, eventQuery{})
	for _, dl := range d.Deadlines {
		v := deadlineView{Deadline: dl, Day: store.DeadlineDay(dl.By)}
		if e := ents[dl.Setter]; e != nil {
			v.SetterName = e.Name
		}
		if e := ents[dl.Target]; e != nil {
			v.TargetName = e.Name
		}
		a.Deadlines = append(a.Deadlines, v)
	}
	return "article", a, nil
}

// timelineRow is one sentence of a timeline with the events found in it:
// one sentence often holds several ("met ... said").
type timelineRow struct {
	EventHit
	Types []string
}

// groupBySentence merges consecutive events of the same sentence.
func groupBySentence(evs []EventHit) []timelineRow {
	var rows []timelineRow
	for _, ev := range evs {
		if n := len(rows); n > 0 && rows[n-1].DocID == ev.DocID && rows[n-1].Sentence == ev.Sentence && rows[n-1].Day == ev.Day {
			if !slices.Contains(rows[n-1].Types, ev.Type) {
				rows[n-1].Types = append(rows[n-1].Types, ev.Type)
			}
			continue
		}
		rows = append(rows, timelineRow{EventHit: ev, Types: []string{ev.Type}})
	}
	return rows
}

// graphNode is one entity in the "who they met" graph.
type graphNode struct {
	store.EntityRef
	X, Y, LX, LY float64
	Count        int
	Width        float64
	Anchor       string
}

// meetTypes are the event types that mean two parties met.
var meetTypes = map[string]bool{"MEET": true, "NEGOTIATE": true, "CONSULT": true, "VISIT": true}

func (s *Server) entityPage(r *http.Request) (string, any, error) {
	q, err := entityQuery(r)
	if err != nil {
		return "", nil, err
	}
	ctx := r.Context()
	rep, err := s.cfg.Store.Entity(ctx, q)
	if err != nil {
		return "", nil, fmt.Errorf("entity %q: %w", q.Name, err)
	}
	evs, err := s.events(ctx, eventQuery{Filter: store.Filter{Entity: rep.Name}, Entity: rep.EntityRef, Limit: 50})
	if err != nil {
		return "", nil, err
	}
	var quotes []store.QuoteHit
	if rep.Type == doc.Person || rep.Type == doc.Org {
		if quotes, err = s.cfg.Store.Quotes(ctx, store.QuoteQuery{Speaker: rep.Name, Limit: 10}); err != nil {
			return "", nil, fmt.Errorf("quotes: %w", err)
		}
	}
	// Names: every capitalised form the articles used, most used first
	// ("she" and "the mayor" are mentions, not names).
	forms := map[string]int{}
	for _, a := range rep.Appearances {
		for _, f := range a.Forms {
			if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
				forms[f]++
			}
		}
	}
	var names []string
	for f := range forms {
		names = append(names, f)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(forms[b]-forms[a], cmp.Compare(a, b)) })
	return "entity", map[string]any{
		"R": rep, "Names": names, "Events": groupBySentence(evs), "Quotes": quotes, "Graph": meetGraph(rep.EntityRef, evs),
	}, nil
}

// meetGraph lays out the entities rep met (in MEET-like events) on a circle
// around it, at most 8, the most frequent first.
func meetGraph(rep store.EntityRef, evs []EventHit) []graphNode {
	count := map[store.EntityRef]int{}
	for _, ev := range evs {
		if !meetTypes[ev.Type] || ev.Negated {
			continue
		}
		seen := map[store.EntityRef]bool{}
		for _, p := range ev.Participants {
			if store.NameKey(p.Name) == store.NameKey(rep.Name) || seen[p.EntityRef] || p.Role == doc.Topic {
				continue
			}
			seen[p.EntityRef] = true
			count[p.EntityRef]++
		}
	}
	var nodes []graphNode
	for ref, n := range count {
		nodes = append(nodes, graphNode{EntityRef: ref, Count: n})
	}
	slices.SortFunc(nodes, func(a, b graphNode) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Name, b.Name)) })
	nodes = nodes[:min(len(nodes), 8)]
	const cx, cy, radius = 200.0, 130.0, 95.0
	for i := range nodes {
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(nodes))
		n := &nodes[i]
		n.X, n.Y = cx+radius*math.Cos(angle), cy+radius*math.Sin(angle)
		n.LX, n.LY = cx+(radius+14)*math.Cos(angle), cy+(radius+14)*math.Sin(angle)+4
		n.Width = math.Min(1.5+float64(n.Count), 6)
		switch c := math.Cos(angle); {
		case c > 0.3:
			n.Anchor = "start"
		case c < -0.3:
			n.Anchor = "end"
		default:
			n.Anchor = "middle"
			if math.Sin(angle) < 0 {
				n.LY -= 8
			} else {
				n.LY += 8
			}
		}
	}
	return nodes
}

func (s *Server) quotesPage(r *http.Request) (string, any, error) {
	q, err := quoteQuery(r)
	if err != nil {
		return "", nil, err
	}
	data := map[string]any{"Q": q}
	if q.Speaker != "" || q.About != "" || q.From != "" || q.To != "" {
		hits, err := s.cfg.Store.Quotes(r.Context(), q)
		if err != nil {
			return "", nil, fmt.Errorf("quotes: %w", err)
		}
		data["Hits"] = hits
		data["Asked"] = true
		if len(hits) == q.Limit {
			data["Next"] = withParam(r.URL, "offset", strconv.Itoa(q.Offset+q.Limit))
		}
	}
	return "quotes", data, nil
}

// boardCard is one deadline on the board with the sentences that report it.
type boardCard struct {
	Due, By, Setter, Target, Demand string
	State                           string // a doc.Status value
	Sources                         int    // articles reporting it
	History                         []boardEvidence
}

// boardEvidence is one article's sentence about a deadline.
type boardEvidence struct {
	Day, DocID, Title, Status, Evidence string
}

// trackedDeadlines is the part of the store's cross-document layer the
// board uses when the store has it: deadlines followed across articles to
// an outcome. Without it the board shows each article's deadlines apart.
type trackedDeadlines interface {
	TrackedDeadlines(ctx context.Context, q store.DeadlineQuery) ([]store.TrackedDeadline, error)
}

// boardLimit caps the deadlines on the board.
const boardLimit = 100

func (s *Server) deadlinesPage(r *http.Request) (string, any, error) {
	p := params{r: r}
	asOf := p.day("as_of")
	if p.err != nil {
		return "", nil, p.err
	}
	if asOf == "" {
		asOf = s.today()
	}
	ctx := r.Context()
	var cards []boardCard
	var err error
	if td, ok := s.cfg.Store.(trackedDeadlines); ok {
		cards, err = s.trackedCards(ctx, td, asOf)
	} else {
		cards, err = s.documentCards(ctx, asOf)
	}
	if err != nil {
		return "", nil, err
	}
	var pending, missed, met []boardCard
	for _, c := range cards {
		switch c.State {
		case doc.StatusMet:
			met = append(met, c)
		case doc.StatusMissed, doc.StatusWithdrawn, doc.StatusExpired:
			missed = append(missed, c)
		default:
			pending = append(pending, c)
		}
	}
	slices.Reverse(missed) // most recently passed first
	return "deadlines", map[string]any{"AsOf": asOf, "Pending": pending, "Missed": missed, "Met": met}, nil
}

// trackedCards builds the board from deadlines tracked across articles.
func (s *Server) trackedCards(ctx context.Context, td trackedDeadlines, asOf string) ([]boardCard, error) {
	tds, err := td.TrackedDeadlines(ctx, store.DeadlineQuery{AsOf: asOf, Limit: boardLimit})
	if err != nil {
		return nil, fmt.Errorf("tracked deadlines: %w", err)
	}
	titles := map[string]string{}
	var cards []boardCard
	for _, t := range tds {
		c := boardCard{Due: t.Due, Setter: t.Setter, Target: t.Target, Demand: t.Demand, State: t.State, Sources: t.Sources}
		for _, h := range t.History {
			title, ok := titles[h.DocID]
			if !ok {
				d, err := s.cfg.Store.Get(ctx, h.DocID)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return nil, fmt.Errorf("deadline evidence: %w", err)
				}
				if d != nil {
					title = d.Title
				}
				titles[h.DocID] = title
			}
			c.History = append(c.History, boardEvidence{Day: h.Day, DocID: h.DocID, Title: title, Status: h.Status, Evidence: h.Evidence})
		}
		cards = append(cards, c)
	}
	return cards, nil
}

// documentCards builds the board from each article's deadlines, for stores
// without the cross-document layer: a deadline past its day with no outcome
// in its article reads as expired.
func (s *Server) documentCards(ctx context.Context, asOf string) ([]boardCard, error) {
	hits, err := s.cfg.Store.Deadlines(ctx, store.DeadlineQuery{Limit: boardLimit})
	if err != nil {
		return nil, fmt.Errorf("deadlines: %w", err)
	}
	docs := map[string]*doc.Document{}
	var cards []boardCard
	for _, h := range hits {
		c := boardCard{Due: h.Day, By: h.By, Setter: h.Setter, Target: h.Target, Demand: h.Demand, State: h.Status, Sources: 1}
		if (c.State == "" || c.State == doc.StatusPending || c.State == doc.StatusExtended) && h.Day != "" && h.Day < asOf {
			c.State = doc.StatusExpired
		}
		d, ok := docs[h.DocID]
		if !ok {
			if d, err = s.cfg.Store.Get(ctx, h.DocID); err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, fmt.Errorf("deadline evidence: %w", err)
			}
			docs[h.DocID] = d
		}
		ev := boardEvidence{Day: store.Day(h.Date), DocID: h.DocID, Title: h.Title, Status: h.Status}
		if d != nil {
			for _, dl := range d.Deadlines {
				if dl.ID == h.ID {
					ev.Evidence = sentenceAt(d, dl.Trigger.Start)
				}
			}
		}
		c.History = []boardEvidence{ev}
		cards = append(cards, c)
	}
	return cards, nil
}
