// Package link decides which real-world entity a document's entity is when
// the document names it only partly. The store already treats two entities
// of one type with the same folded name as one; what it cannot do alone is
// tell that "Trump" in an article that never says "Donald" is Donald Trump,
// or that "Kim" is Kim Jong Un in one article and Kim Yo Jong in another.
//
// [Resolve] takes the document's entity (type, name, titles, the other
// entities of the article) and the fuller-named entities of the same type
// that the name is a part of, and picks one only when the evidence singles it
// out: it is the only candidate, or its titles or its company in earlier
// articles match and no rival's do. Every decision carries its reasons, so
// merges can be explained ("dateline entity NAME --why").
package link

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Entity is a document's entity as the linker sees it.
type Entity struct {
	Type   string
	Name   string
	Titles []string
	// Context are the store ids of the other entities of the article.
	Context []int64
}

// Candidate is a stored entity the name may denote.
type Candidate struct {
	ID     int64
	Name   string
	Titles []string // titles given to it in any article
	Docs   int      // articles mentioning it (among its latest); 0 when not looked up
	// Context are the store ids of entities seen with it in earlier
	// articles.
	Context []int64
}

// Decision is the outcome of [Resolve].
type Decision struct {
	ID     int64 // the chosen candidate; 0 when none is chosen
	Reason string
}

// Partial reports whether short is a proper part of the full name: its
// words appear in full as a run of whole words ("Trump" in "Donald Trump",
// "von der Leyen" in "Ursula von der Leyen"), and full is longer.
func Partial(short, full string) bool {
	s, f := fields(short), fields(full)
	if len(s) == 0 || len(s) >= len(f) {
		return false
	}
	for i := 0; i+len(s) <= len(f); i++ {
		if slices.Equal(f[i:i+len(s)], s) {
			return true
		}
	}
	return false
}

// Resolve chooses among cands (same type, names of which e.Name is a part)
// the entity e denotes.
func Resolve(e Entity, cands []Candidate) Decision {
	switch len(cands) {
	case 0:
		return Decision{}
	case 1:
		c := cands[0]
		if len(e.Titles) > 0 && len(c.Titles) > 0 && titleScore(e.Titles, c.Titles) == 0 {
			// "Kim, the South Korean trade minister" is not the only Kim
			// stored if that Kim is only ever "North Korean leader".
			return Decision{Reason: fmt.Sprintf("%q is part of %q but titles %q and %q differ", e.Name, c.Name, e.Titles, c.Titles)}
		}
		return Decision{ID: c.ID, Reason: fmt.Sprintf("%q is part of the only %s named so, %q", e.Name, e.Type, c.Name)}
	}
	type scored struct {
		c       Candidate
		title   float64
		context int
	}
	var ss []scored
	for _, c := range cands {
		ss = append(ss, scored{c, titleScore(e.Titles, c.Titles), shared(e.Context, c.Context)})
	}
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.Name
	}
	// Titles first: they are what a writer uses to tell namesakes apart.
	slices.SortStableFunc(ss, func(a, b scored) int {
		switch {
		case a.title != b.title:
			if a.title > b.title {
				return -1
			}
			return 1
		case a.context != b.context:
			return b.context - a.context
		}
		return 0
	})
	best, next := ss[0], ss[1]
	names = slices.DeleteFunc(names, func(n string) bool { return n == best.c.Name })
	switch {
	case best.title > 0 && best.title > next.title:
		return Decision{ID: best.c.ID, Reason: fmt.Sprintf("%q is part of %q, whose titles %q match %q; other candidates: %s",
			e.Name, best.c.Name, best.c.Titles, e.Titles, strings.Join(names, ", "))}
	case best.title == next.title && best.context > 0 && best.context >= 2*next.context+1:
		return Decision{ID: best.c.ID, Reason: fmt.Sprintf("%q is part of %q, seen before with %d of this article's entities (next best %d); other candidates: %s",
			e.Name, best.c.Name, best.context, next.context, strings.Join(names, ", "))}
	}
	return Decision{Reason: fmt.Sprintf("%q is ambiguous between %s", e.Name, strings.Join(names, ", "))}
}

// titleScore is the largest word overlap (Jaccard) between a title of a and
// a title of b.
func titleScore(a, b []string) float64 {
	best := 0.0
	for _, x := range a {
		fx := fields(x)
		for _, y := range b {
			fy := fields(y)
			inter := 0
			for _, w := range fx {
				if slices.Contains(fy, w) {
					inter++
				}
			}
			if u := len(fx) + len(fy) - inter; u > 0 {
				best = max(best, float64(inter)/float64(u))
			}
		}
	}
	return best
}

func shared(a, b []int64) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// fields returns the lower-cased words of s.
func fields(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// InDocument returns the id of another entity of the same article, of e's
// type, whose name e's name is a part of ("Kim" after "Kim Jung-kwan"): the
// article's own fuller name outweighs any stored elsewhere. ok is false when
// there is none or more than one.
func InDocument(e Entity, others []Local) (id string, ok bool) {
	for _, o := range others {
		if o.Type != e.Type || !Partial(e.Name, o.Name) {
			continue
		}
		if ok && o.ID != id {
			return "", false
		}
		id, ok = o.ID, true
	}
	return id, ok
}

// Local is an entity of the same article.
type Local struct {
	ID, Type, Name string
}
