// Package story groups articles into stories incrementally. Each new article
// gets a signature — its most-mentioned named entities and the content words
// of its title and lead sentence — and joins the story, active within a time
// window, whose stored signature keys it shares most, or starts a new one.
//
// The store keeps an inverted index from signature keys to stories, so
// finding candidates costs a lookup per key bounded by the window, not a
// scan of the corpus. The package itself is pure: [Sign] makes keys and
// [Choose] picks among the candidates the store found, returning the shared
// keys as the reasons for the grouping.
package story

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"dateline/internal/doc"
)

// Window is how many days apart an article and a story's last article may be
// for the article to join it.
const Window = 30

// Key is one signature element: "e:<canonical entity id>" or "t:<word>".
type Key string

// Entity reports whether k names an entity.
func (k Key) Entity() bool { return strings.HasPrefix(string(k), "e:") }

// Limits of a signature: enough to tell stories apart, few enough that the
// index stays small and lookups cheap.
const (
	maxEntities = 6
	maxTerms    = 8
	// MaxKeys is the most keys a signature has.
	MaxKeys = maxEntities + maxTerms
)

// Sign returns the signature of d. ents maps the document's entity ids to
// canonical ids; entities mentioned by name are ranked by mention count.
func Sign(d *doc.Document, ents map[string]int64) []Key {
	return SignWith(d, ents, Terms(d))
}

// SignWith is [Sign] with the term keys already found by [Terms](d), which
// need no store ids and so can be found before d is stored.
func SignWith(d *doc.Document, ents map[string]int64, terms []Key) []Key {
	type ec struct {
		id    int64
		count int
	}
	var ranked []ec
	seen := map[int64]bool{}
	for _, e := range d.Entities {
		id := ents[e.ID]
		if id == 0 || seen[id] {
			continue
		}
		n := 0
		for _, m := range e.Mentions {
			if m.Kind == "" || m.Kind == "name" {
				n++
			}
		}
		if n == 0 {
			continue
		}
		seen[id] = true
		ranked = append(ranked, ec{id, n})
	}
	slices.SortStableFunc(ranked, func(a, b ec) int { return cmp.Compare(b.count, a.count) })
	keys := make([]Key, 0, min(len(ranked), maxEntities)+len(terms))
	for _, r := range ranked[:min(len(ranked), maxEntities)] {
		keys = append(keys, Key("e:"+strconv.FormatInt(r.id, 10)))
	}
	return append(keys, terms...)
}

// Terms returns the term keys of d's signature: the first content words of
// its title and lead sentence that are not words of its entities' names.
func Terms(d *doc.Document) []Key {
	lead := d.Title
	if len(d.Sentences) > 0 {
		s := d.Sentences[0]
		if s.Start >= 0 && s.End <= len(d.Text) && s.Start <= s.End {
			lead += " " + d.Text[s.Start:s.End]
		}
	}
	// Words of names are already keys as entities; counting them again as
	// words would let one shared name pass for a shared topic.
	named := map[string]bool{}
	for _, e := range d.Entities {
		for _, w := range terms(strings.Join(append([]string{e.Name}, e.Aliases...), " ")) {
			named[w] = true
		}
	}
	var keys []Key
	for _, w := range terms(lead) {
		if named[w] {
			continue
		}
		if len(keys) == maxTerms {
			break
		}
		keys = append(keys, Key("t:"+w))
	}
	return keys
}

// Candidate is a story the store found sharing keys with an article.
type Candidate struct {
	Story  int64
	Shared []Key
}

// Choice is where an article goes and why.
type Choice struct {
	Story  int64 // 0: start a new story
	Score  float64
	Shared []Key
}

// Thresholds for joining: the shared keys must include a term (entities
// alone join unrelated news about the same people) and weigh enough.
const (
	entityWeight = 1.0
	termWeight   = 1.5
	minScore     = 3.5
)

// Choose returns the best candidate the article may join, or a Choice with
// Story 0 when none qualifies.
func Choose(cands []Candidate) Choice {
	var best Choice
	for _, c := range cands {
		score, terms := 0.0, 0
		for _, k := range c.Shared {
			if k.Entity() {
				score += entityWeight
			} else {
				score += termWeight
				terms++
			}
		}
		if terms == 0 || score < minScore {
			continue
		}
		if score > best.Score || score == best.Score && c.Story > best.Story {
			best = Choice{Story: c.Story, Score: score, Shared: c.Shared}
		}
	}
	return best
}

var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at for with by from as is are was were be been
		has have had will would can could may might must shall should it its this that these those he she they we you i
		his her their our your not no new says said say after before over under into about than then there here who what
		which when where why how more most also up out off amid against between during while just year years day days until
		week weeks monday tuesday wednesday thursday friday saturday sunday told`) {
		stopwords[w] = true
	}
}

// terms returns the distinct lower-cased content words of s in order.
func terms(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(f) < 3 || stopwords[f] || isNumber(f) {
			continue
		}
		if r := []rune(f); len(r) > stemLen {
			f = string(r[:stemLen]) // a crude stem: "extends" meets "extended"
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// stemLen is the prefix that stands for a word's stem.
const stemLen = 6

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
