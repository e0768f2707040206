package resolve

import (
	"slices"
	"strings"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

type gender uint8

const (
	unknown gender = iota
	male
	female
)

// pronouns maps third-person singular personal pronouns to their gender.
var pronouns = map[string]gender{
	"he": male, "him": male, "his": male, "himself": male,
	"she": female, "her": female, "hers": female, "herself": female,
}

// addPronouns links he/she pronouns outside quotations to a person: the
// first person (by name or role description) of the pronoun's sentence
// before it, else the first of the sentence before. News puts the subject
// first ("Rubio said he had spoken"), so the first mention beats the
// nearest one ("Trump claimed he could end the war with the Russian
// leader, but he admitted ..."). "she" needs a person with a woman's first
// name, "he" a person not known to be a woman. Pronouns in quotes are left
// alone: their referent is the speaker's, not the narrator's.
func (r *resolver) addPronouns(sents []doc.Span) {
	if len(sents) == 0 {
		return
	}
	type anchor struct {
		pos int
		c   *cluster
	}
	var anchors []anchor
	for _, c := range r.clusters {
		if c.mainType() != "PERSON" {
			continue
		}
		for _, m := range c.mentions {
			anchors = append(anchors, anchor{m.Start, c})
		}
		for _, m := range c.nominals {
			anchors = append(anchors, anchor{m.Start, c})
		}
	}
	if len(anchors) == 0 {
		return
	}
	genders := map[*cluster]gender{}
	for _, a := range anchors {
		if _, ok := genders[a.c]; !ok {
			genders[a.c] = r.genderOf(a.c)
		}
	}
	slices.SortFunc(anchors, func(a, b anchor) int { return a.pos - b.pos })
	// first returns the first compatible person mentioned in [from, to).
	first := func(from, to int, g gender) *cluster {
		k, _ := slices.BinarySearchFunc(anchors, from, func(a anchor, x int) int { return a.pos - x })
		for ; k < len(anchors) && anchors[k].pos < to; k++ {
			cg := genders[anchors[k].c]
			if g == female && cg != female || g == male && cg == female {
				continue
			}
			return anchors[k].c
		}
		return nil
	}
	si := 0
	inQuote := false
	for i, t := range r.toks {
		w := r.word(i)
		switch w {
		case "“", "”", "\"", "``", "''":
			inQuote = w == "“" || w == "``" || (w == "\"" && !inQuote)
			continue
		}
		g, ok := pronouns[strings.ToLower(w)]
		if !ok || inQuote || t.Kind != doc.Word {
			continue
		}
		for si < len(sents) && sents[si].End <= t.Start {
			si++
		}
		if si >= len(sents) {
			break
		}
		c := first(sents[si].Start, t.Start, g)
		if c == nil && si > 0 {
			c = first(sents[si-1].Start, sents[si-1].End, g)
		}
		if c != nil {
			c.nominals = append(c.nominals, doc.Mention{Start: t.Start, End: t.End, Text: w, Kind: "pronoun"})
		}
	}
}

// genderOf guesses a person's gender from the first names the gazetteer
// knows; unknown when there is none or they disagree.
func (r *resolver) genderOf(c *cluster) gender {
	g := unknown
	for _, m := range c.forms {
		if len(m.words) < 2 {
			continue
		}
		e, _ := r.gaz.Lookup(m.words[0])
		var mg gender
		switch {
		case e.Class&gazetteer.Male != 0 && e.Class&gazetteer.Female == 0:
			mg = male
		case e.Class&gazetteer.Female != 0 && e.Class&gazetteer.Male == 0:
			mg = female
		default:
			continue
		}
		if g != unknown && g != mg {
			return unknown
		}
		g = mg
	}
	return g
}
