package event

import "strings"

// verbLexicon maps verb lemmas to event types, one line per type. Some
// entries need a preposition or an object to count (see sense in
// trigger.go): "spoke to X" is a CONSULT, "called for" a DEMAND.
const verbLexicon = `
MEET meet host greet
STATEMENT say tell write add state announce declare describe note explain comment remark stress emphasise emphasize reiterate confirm acknowledge admit tweet reply answer predict reveal disclose warn vow promise deny praise condemn criticise criticize welcome
CLAIM claim allege accuse assert contend boast
CONSULT consult discuss phone
DEMAND demand urge request
THREATEN threaten
SANCTION sanction blacklist embargo
ATTACK attack strike bomb shell bombard raid invade assault kill shoot
AGREE agree accept approve
REJECT reject refuse dismiss rebuff veto spurn
VISIT visit tour
NEGOTIATE negotiate mediate broker
APPOINT appoint nominate
ELECTION elect vote
PROTEST protest demonstrate rally march
ARREST arrest detain jail imprison apprehend
AID donate
`

// nounLexicon maps nouns (singular; the plural is formed regularly unless
// given after a slash) to event types.
const nounLexicon = `
MEET meeting talks summit sit-down
CONSULT conversation consultation
STATEMENT statement announcement speech
CLAIM claim allegation accusation
DEMAND demand appeal
ULTIMATUM ultimatum deadline
THREATEN threat
SANCTION sanction embargo/embargoes penalty/penalties blacklist
TARIFF tariff levy/levies duty/duties
ATTACK attack strike airstrike air-strike bombing bombardment shelling raid assault offensive invasion incursion shooting ambush
AGREE agreement deal accord treaty pact
REJECT rejection refusal veto/vetoes
VISIT visit trip
CEASEFIRE ceasefire cease-fire truce armistice
NEGOTIATE negotiation mediation
APPOINT appointment nomination
ELECTION election vote ballot referendum runoff
PROTEST protest demonstration rally/rallies riot march/marches walkout sit-in
ARREST arrest detention
AID aid assistance donation
`

// contextual verbs: a type only with a preposition after them, or an object
// of the right kind (trigger.go).
var prepVerbs = map[string]map[string]string{
	"speak":  {"to": Consult, "with": Consult},
	"talk":   {"to": Consult, "with": Consult},
	"call":   {"for": Demand, "on": Demand},
	"press":  {"for": Demand},
	"insist": {"on": Demand},
	"arrive": {"in": Visit, "at": Visit},
	"travel": {"to": Visit},
	"fly":    {"to": Visit},
	"name":   {"as": Appoint},
}

// evaluative words are adjectives by which sources judge an event
// ("productive", "useful"); they become Attributes.Evaluation.
var evaluative = setOf(`productive useful constructive fruitful positive negative frank candid cordial warm
good great excellent wonderful successful substantive meaningful historic difficult tense tough
hostile friendly businesslike open honest detailed serious thorough intensive lengthy brief
disappointing unproductive fruitless failed encouraging promising important significant
fragile brutal deadly devastating massive horrific unprovoked indiscriminate`)

// intensifiers may precede an evaluative word and are kept with it.
var intensifiers = setOf(`highly very extremely really most quite particularly very`)

// supportVerbs carry a noun trigger whose agent is their subject: "Witkoff
// had a meeting", "the US imposed tariffs", "Russia launched strikes".
var supportVerbs = setOf(`have hold launch carry conduct stage impose announce slap sign reach give issue
set deliver send provide make begin start resume open lead host attend join seek propose offer
extend order approve agree step ramp expand broker mount unleash win renew pledge announce approve raise hike increase double triple`)

// happenVerbs have a noun trigger as subject and say where, when or how long
// it happened: "the meeting took place in Moscow", "the talks lasted three
// hours".
var happenVerbs = setOf(`take last be begin start end conclude come occur continue run happen follow resume loom near approach`)

// effectVerbs tell what an attack did; their place is the attack's: "the
// strike killed 12 people in Kharkiv".
var effectVerbs = setOf(`kill injure wound hit destroy damage level flatten leave`)

// placeParts are nouns for a part of a place: "struck the centre of Sumy"
// happened in Sumy.
var placeParts = setOf(`centre center outskirts heart suburbs suburb part parts north south east west
region district port capital city town village streets downtown`)

// irrealisVerbs put the event of their infinitive or object in the
// hypothetical: "threatened to impose tariffs", "called for a ceasefire".
var irrealisVerbs = setOf(`threaten demand urge call want plan hope seek aim try intend expect propose
offer push press ask consider prepare refuse vow promise pledge face risk need`)

// claimVerbs put their complement in the "claimed" modality.
var claimVerbs = setOf(`claim allege assert contend boast accuse`)

// hypotheticalMods are noun-group premodifiers that make a noun trigger
// hypothetical: "possible talks", "a proposed ceasefire".
var hypotheticalMods = setOf(`possible potential proposed planned future prospective hypothetical expected
new-round`)

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}

var cardinals = map[string]int{"once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3,
	"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// lexicon is the read-only trigger table built at init.
type lexicon struct {
	verbs map[string]string // lemma → type
	nouns map[string]string // lower-case form → type
}

var lex = buildLexicon()

func buildLexicon() lexicon {
	l := lexicon{verbs: map[string]string{}, nouns: map[string]string{}}
	for _, line := range strings.Split(verbLexicon, "\n") {
		f := strings.Fields(line)
		for _, w := range f[min(1, len(f)):] {
			l.verbs[w] = f[0]
		}
	}
	for _, line := range strings.Split(nounLexicon, "\n") {
		f := strings.Fields(line)
		for _, w := range f[min(1, len(f)):] {
			sing, plural, ok := strings.Cut(w, "/")
			if !ok {
				plural = sing + "s"
				if strings.HasSuffix(sing, "s") || strings.HasSuffix(sing, "ch") || strings.HasSuffix(sing, "sh") {
					plural = sing + "es"
				}
			}
			if sing == "talks" {
				plural = sing
			}
			l.nouns[sing] = f[0]
			l.nouns[plural] = f[0]
		}
	}
	return l
}
