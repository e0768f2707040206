package chunk

import (
	"maps"
	"slices"
	"strings"
)

// The word lists below are the closed classes of English plus the common
// verbs of news prose. They are read-only after init. Open-class words that
// are not listed get their tag from suffixes and context (tag.go).

const determiners = `a an the this that these those each every some any no another either neither
all both several many few much more most such what whatever which whichever`

const possessives = `his her its their my our your whose`

const pronouns = `he she it they we i you him them us me himself herself itself themselves ourselves
myself yourself yourselves one someone somebody everyone everybody anyone anybody nobody nothing
everything something anything none who whom`

const prepositions = `of in on at by for with from to into onto over under about against between among
amid amidst during after before since until till through throughout across along around near
toward towards upon as within without despite via per beyond behind below above beside besides
except including like unlike following regarding concerning ahead outside inside off up down out
than`

// subordinators open a dependent clause.
const subordinators = `that because although though while whereas if unless whether when whenever
where wherever once so`

const relatives = `who whom whose which`

const coordinators = `and or but nor yet`

const modals = `can could may might must shall should will would 'll ’ll 'd ’d`

const negations = `not n't n’t never no`

const adverbs = `also just only still even already again ever very too soon now then later
here there yet almost nearly quite rather perhaps maybe however meanwhile instead indeed
afterwards afterward earlier recently repeatedly reportedly allegedly apparently
today tonight tomorrow yesterday ago far well much often always sometimes once twice
immediately together away back forward abroad according else otherwise`

// adjectives are common adjectives without a telling suffix.
const adjectives = `new old big small large major key senior top former fresh further other same full high
low long short early late good bad great strong weak young own recent main joint free fair
hard soft wide broad deep close open clear firm tight rare real true whole sure ready due`

// be, have and do forms are auxiliaries (and main verbs: tag.go decides).
var auxForms = map[string]string{
	"be": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
	"am": "be", "'s": "be", "’s": "be", "'re": "be", "’re": "be", "'m": "be", "’m": "be",
	"have": "have", "has": "have", "had": "have", "having": "have", "'ve": "have", "’ve": "have",
	"do": "do", "does": "do", "did": "do",
}

// Verb form classes.
const (
	Base     Form = iota + 1 // meet, say
	Pres3                    // meets, says
	Past                     // met, said (and past participles when they coincide)
	PastPart                 // spoken, given
	Gerund                   // meeting, saying
)

// Form is the inflection of a verb token.
type Form uint8

// verbs lists common news verbs. An entry is a lemma, optionally followed by
// "/" and its irregular past and past participle ("speak/spoke/spoken"); a
// trailing "+" doubles the final consonant in regular forms ("ban+" →
// "banned", "banning").
const verbs = `
accept accuse achieve acknowledge act add address admit+ adopt advise affect agree/agreed/agreed aim
allege allow announce answer appear apply appoint approve argue arrest arrive ask assert assess
attack attempt attend back ban+ bar+ base be/was/been bear/bore/borne beat/beat/beaten become/became/become begin/began/begun
believe block bomb boost break/broke/broken bring/brought/brought build/built/built buy/bought/bought
call campaign cancel capture carry cause cease celebrate change charge choose/chose/chosen cite claim
close come/came/come comment commit+ compete complain condemn conduct confirm consider consult
contend continue control+ convict cooperate cost/cost/cost counter cover criticise criticize cut/cut/cut
decide declare decline defeat defend delay deliver demand demonstrate deny deploy describe destroy detain
develop die dismiss disclose discuss do/did/done donate drive/drove/driven drop+ elect emphasise emphasize
end ensure enter escalate establish evacuate expand expect explain expire extend face fail fall/fell/fallen
fear feel/felt/felt fight/fought/fought file find/found/found finish fire fly/flew/flown focus follow force
freeze/froze/frozen gain get/got/got give/gave/given go/went/gone grant greet grow/grew/grown halt hand
happen have/had/had head hear/heard/heard help hit/hit/hit hold/held/held hope host hurt/hurt/hurt impose
include increase indicate inform insist intend introduce invade invite issue jail join keep/kept/kept kill
know/knew/known last launch lead/led/led learn leave/left/left let/let/let lift limit lose/lost/lost maintain
make/made/made march mark meet/met/met mention move name need negotiate nominate note object+ offer open
order oust pass pay/paid/paid pledge plan+ post praise predict prepare present press prevent promise
propose protest provide pull push put/put/put raise reach react receive recognise recognize reduce refer+
refuse reiterate reject release remain remark remove repeat reply report request require respond
resume retaliate return reveal rise/rose/risen rule run/ran/run say/said/said see/saw/seen seek/sought/sought
seize sell/sold/sold send/sent/sent set/set/set shell shoot/shot/shot show/showed/shown sign slam+ slap+ speak/spoke/spoken
spend/spent/spent stand/stood/stood start state stay stop+ storm strike/struck/struck stress struggle
suggest support suspend swear/swore/sworn take/took/taken talk target tell/told/told test thank think/thought/thought
threaten tour travel tweet understand/understood/understood urge use visit vote vow wage want warn welcome
win/won/won withdraw/withdrew/withdrawn work worry write/wrote/written yield boast phone sanction blacklist embargo bombard raid assault rebuff veto spurn mediate broker
rally imprison apprehend greet hail surrender retreat comply resign free disarm renew
deal/dealt/dealt loom near eye mull weigh ease hike spark deepen widen slip surge plunge soar tumble edge
restore review improve hire blame inspect board wonder replace run provide operate reopen restart
rebuild repair invest finance borrow lend owe earn spend cost raise cut increase decrease reduce
double triple accept adopt amend abolish pass veto sign ratify implement enforce apply file sue
appeal overturn uphold investigate probe examine warn advise recommend require allow permit forbid
prohibit ban build open close shut move shift transfer deliver produce manufacture sell buy acquire
merge launch develop test release publish broadcast protect defend secure rescue evacuate vaccinate
infect promote demote fire dismiss hire recruit elect select choose prefer reject approve oppose
welcome celebrate mourn remember forget recall recover return arrive depart leave stay remain
discover find lose win beat defeat complete start begin continue resume halt stop pause gather
collect calculate compare assess evaluate predict
`

// verbInfo describes one verb form.
type verbInfo struct {
	lemma string
	form  Form
}

type lexicon struct {
	det, poss, pron, prep, sub, rel, coord, modal, neg, adv, adj map[string]bool
	verb                                                         map[string]verbInfo
	// closed maps closed-class words to their tag (decided before case),
	// open maps known verbs, adverbs and adjectives (decided after it).
	closed, open map[string]entry
	// words holds both for every word in either, so that tagging costs
	// one lookup a token, not two (most tokens are open-class or unknown).
	words wordTable
}

// wordTable is a read-only hash table from lower-case words to their
// entries: open addressing with linear probing in a table at most a
// quarter full, and a byte-wise FNV-1a hash. Tagging looks up every word
// token, and for words of a few letters this is several times cheaper
// than a Go map, whose entries are also copied out on every lookup.
type wordTable struct {
	// slots hold 1 + the entry's index in the low 16 bits (0: empty) and
	// the top 16 bits of its hash in the high ones, so that a probe
	// rarely reads an entry that is not the word; a power of two long.
	slots   []uint32
	entries []wordEntry
}

func newWordTable(words map[string]wordEntry) wordTable {
	if len(words) >= 1<<16-1 {
		panic("chunk: lexicon too large for its table") // a programming error, caught by every test
	}
	n := 16
	for n < 4*len(words) {
		n *= 2
	}
	t := wordTable{slots: make([]uint32, n), entries: make([]wordEntry, 0, len(words))}
	mask := uint32(n - 1)
	// In word order, so that the table is the same at every start.
	for _, w := range slices.Sorted(maps.Keys(words)) {
		t.entries = append(t.entries, words[w])
		h := hashWord(w)
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = h&0xffff0000 | uint32(len(t.entries))
	}
	return t
}

// get returns the entry of lower-case word w, or nil.
func get[S string | []byte](t *wordTable, w S) *wordEntry {
	mask := uint32(len(t.slots) - 1)
	h := hashWord(w)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := t.slots[i]
		if slot == 0 {
			return nil
		}
		if slot&0xffff0000 != h&0xffff0000 {
			continue
		}
		if e := &t.entries[slot&0xffff-1]; e.word == string(w) {
			return e
		}
	}
}

func hashWord[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// noEntry is the entry of an unlisted word.
var noEntry wordEntry

// wordEntry is a word's closed-class and open-class entries.
type wordEntry struct {
	word             string // the word itself (lower case)
	closed, open     entry
	isClosed, isOpen bool
	// verbOrAdv: a known verb form or adverb, which a capital at the
	// start of a sentence does not make a name.
	verbOrAdv bool
}

type entry struct {
	tag   Tag
	lemma string
	form  Form
}

// lex is the read-only lexicon, built once at init.
var lex = buildLexicon()

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func buildLexicon() *lexicon {
	l := &lexicon{
		det: set(determiners), poss: set(possessives), pron: set(pronouns), prep: set(prepositions),
		sub: set(subordinators), rel: set(relatives), coord: set(coordinators), modal: set(modals),
		neg: set(negations), adv: set(adverbs), adj: set(adjectives), verb: make(map[string]verbInfo),
	}
	add := func(w string, v verbInfo) {
		if old, ok := l.verb[w]; ok && old.form <= v.form {
			return // keep the first (more basic) reading: "put" is base before past
		}
		l.verb[w] = v
	}
	for _, entry := range strings.Fields(verbs) {
		double := strings.HasSuffix(entry, "+")
		entry = strings.TrimSuffix(entry, "+")
		parts := strings.Split(entry, "/")
		lemma := parts[0]
		add(lemma, verbInfo{lemma, Base})
		add(thirdPerson(lemma), verbInfo{lemma, Pres3})
		add(gerund(lemma, double), verbInfo{lemma, Gerund})
		if len(parts) == 3 {
			add(parts[1], verbInfo{lemma, Past})
			add(parts[2], verbInfo{lemma, PastPart})
		} else {
			add(pastRegular(lemma, double), verbInfo{lemma, Past})
		}
	}
	l.closed = map[string]entry{}
	put := func(m map[string]entry, words map[string]bool, t Tag) {
		for w := range words {
			if _, ok := m[w]; !ok {
				m[w] = entry{tag: t}
			}
		}
	}
	l.closed["to"] = entry{tag: To}
	l.closed["’s"] = entry{tag: Poss} // resolved to Aux ("it’s") in context
	l.closed["'s"] = entry{tag: Poss}
	for w := range l.neg {
		if w != "no" {
			l.closed[w] = entry{tag: Neg}
		}
	}
	put(l.closed, l.modal, Modal)
	for w, lemma := range auxForms {
		if _, ok := l.closed[w]; !ok {
			l.closed[w] = entry{tag: Aux, lemma: lemma}
		}
	}
	put(l.closed, l.rel, Rel)
	put(l.closed, l.sub, Sub)
	put(l.closed, l.poss, Poss)
	put(l.closed, l.det, Det)
	put(l.closed, l.pron, Pron)
	put(l.closed, l.prep, Prep)
	put(l.closed, l.coord, Coord)
	put(l.closed, set(numberWords), Num)
	l.open = map[string]entry{}
	for w, v := range l.verb {
		l.open[w] = entry{tag: Verb, lemma: v.lemma, form: v.form}
	}
	put(l.open, l.adv, Adv)
	put(l.open, l.adj, Adj)
	words := make(map[string]wordEntry, len(l.closed)+len(l.open))
	for w, e := range l.closed {
		we := words[w]
		we.closed, we.isClosed = e, true
		words[w] = we
	}
	for w, e := range l.open {
		we := words[w]
		we.open, we.isOpen = e, true
		words[w] = we
	}
	for w, we := range words {
		_, verb := l.verb[w]
		we.word, we.verbOrAdv = w, verb || l.adv[w]
		words[w] = we
	}
	l.words = newWordTable(words)
	return l
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"),
		strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"), strings.HasSuffix(w, "o"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func pastRegular(w string, double bool) string {
	switch {
	case double:
		return w + w[len(w)-1:] + "ed"
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func gerund(w string, double bool) string {
	switch {
	case double:
		return w + w[len(w)-1:] + "ing"
	case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "ye"), strings.HasSuffix(w, "oe"):
		return w + "ing"
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return w[:len(w)-1] + "ing"
	}
	return w + "ing"
}
