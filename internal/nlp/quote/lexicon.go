package quote

import "strings"

// cueClass says what a cue verb may introduce.
type cueClass uint8

const (
	// speech verbs report what was said; any complement is the content
	// ("said the talks were useful", "described the talks as useful").
	speech cueClass = iota + 1
	// belief verbs report a thought or finding; they count as cues for
	// indirect speech only before "that" or a pronoun-led clause ("thinks he
	// can win"), since "found the keys" reports nothing.
	belief
	// framing verbs only frame a quotation next to them ("continued",
	// "replied", "joked"): never indirect speech.
	framing
)

// cueVerb is one lexicon entry: its class and whether it takes an addressee
// object before the content ("told reporters that ...").
type cueVerb struct {
	class     cueClass
	addressee bool
}

func (v cueVerb) isCue() bool { return v.class != 0 }

// cueForms maps every inflected form of a cue verb to its entry. Built once at
// init from cueLexicon, read-only afterwards.
var cueForms = map[string]cueVerb{}

// cueLexicon lists cue verbs: one per line, class letter (s speech, b belief,
// f framing, plus a when the verb takes an addressee object), then the base
// form and, when they are not regular, the third-person, past, participle and
// -ing forms. Regular forms are derived by regularForms.
const cueLexicon = `
s say says said said saying
sa tell tells told told telling
s add
s write writes wrote written writing
s claim
s admit admits admitted admitted admitting
sa warn
s insist
s deny denies denied denied denying
s announce
s describe
s explain
s note
s argue
s suggest
s report
s tweet
s stated stated stating
s declare
s acknowledge
s confirm
s assert
s contend
s predict
s promise
s vow
s pledge
s stress
s emphasize
s emphasise
s reiterate
s recall
s complain
s concede
s allege
s reveal
s indicate
s testify testifies testified testified testifying
s boast
s counter
s observe
s remark
s caution
s mention
s charge
s accuse
s call
s criticize
s criticise
s praise
s blame
s urge
s propose
s demand
s dismiss
s threaten
s predict
s post
s maintain
s signal
s hint
s estimate
s repeat
s proclaim
s lament
s question
s concede
s cite
s show shows showed shown showing
s blast
s slam slams slammed slammed slamming
s tout
s hail
s decry decries decried decried decrying
s condemn
s mock
s brag brags bragged bragged bragging
s dub
s brand
s seek seeks sought sought seeking
sa encourage
sa advise
s recommend
s denounce
s echo echoes echoed echoed echoing
s request
s challenge
s voice
s portray
s highlight
s email
s thank
s plead pleads pleaded pleaded pleading
s answer
s disclose
s applaud
s quote
s forecast forecasts forecast forecast forecasting
s retweet
s invoke
s reference
s assail
s attribute
s champion
s imply implies implied implied implying
s unveil
s liken
s bemoan
s oppose
s rail
sa order
s endorse
s defend
s reject
s refuse
s decline
s express
s attack
s discuss
s talk
s point
s refer refers referred referred referring
s speak speaks spoke spoken speaking
s offer
sa assure
sa inform
sa remind
sa ask
s lambast
s rebuke
s deride
s speculate
s comment
s interject
s label labels labeled labeled labeling
s credit
s congratulate
s outline
s detail
s apologize
s advocate
s endorse
s support
s back
s favor
s disavow
s rebut rebuts rebutted rebutted rebutting
s allude
s vote
s make makes made made making
b think thinks thought thought thinking
b believe
b hope
b fear
b expect
b know knows knew known knowing
b find finds found found finding
b agree
b worry worries worried worried worrying
b feel feels felt felt feeling
b doubt
b conclude
b understand understands understood understood understanding
b suspect
b insist
b want
b plan plans planned planned planning
b wish
s remember
b wonder
b rule
b see sees saw seen seeing
b learn
b realize
b consider
b prefer prefers preferred preferred preferring
b intend
b regard
f continue
f reply replies replied replied replying
f respond
f joke
f quip quips quipped quipped quipping
f exclaim
f shout
f scoff
f laugh
f sigh
f recount
f explain
f begin begins began begun beginning
f chime
f muse
f retort
f snap snaps snapped snapped snapping
f yell
f sing sings sang sung singing
f chant
f grumble
f mutter
f whisper
f groan
f gush
`

// inflections returns the forms of a lexicon verb by its base form.
func inflections(base string) []string {
	for _, line := range strings.Split(cueLexicon, "\n") {
		f := strings.Fields(line)
		if len(f) > 2 && f[1] == base {
			return f[1:]
		}
	}
	return regularForms(base)
}

// regularForms derives base, -s, -ed and -ing forms of a regular verb.
func regularForms(base string) []string {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(base, "e"):
		s, ed, ing = base+"s", base+"d", base[:len(base)-1]+"ing"
	case strings.HasSuffix(base, "y") && len(base) > 2 && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		s, ed, ing = base[:len(base)-1]+"ies", base[:len(base)-1]+"ied", base+"ing"
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		s, ed, ing = base+"es", base+"ed", base+"ing"
	default:
		s, ed, ing = base+"s", base+"ed", base+"ing"
	}
	return []string{base, s, ed, ing}
}

func init() {
	for _, line := range strings.Split(cueLexicon, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		var v cueVerb
		switch f[0][0] {
		case 's':
			v.class = speech
		case 'b':
			v.class = belief
		case 'f':
			v.class = framing
		}
		v.addressee = strings.HasSuffix(f[0], "a")
		forms := f[1:]
		if len(forms) == 1 {
			forms = regularForms(forms[0])
		}
		for _, w := range forms {
			// The first entry wins, so a verb listed as speech is not
			// downgraded by a later framing line.
			if _, ok := cueForms[w]; !ok {
				cueForms[w] = v
			}
		}
	}
	for _, w := range strings.Fields(pronounList) {
		pronouns[w] = true
	}
	for _, w := range strings.Fields(skipBeforeSubject) {
		auxiliaries[w] = true
	}
	for _, w := range strings.Fields(verbAuxList) {
		verbAux[w] = true
	}
	for _, w := range strings.Fields(functionList) {
		functionWords[w] = true
	}
	for _, w := range strings.Fields(adverbialList) {
		adverbialWords[w] = true
	}
	for _, w := range strings.Fields(determinerList) {
		determiners[w] = true
	}
	for _, w := range strings.Fields(speakerNounList) {
		speakerNouns[w] = true
	}
	for _, w := range strings.Fields(roleNounList) {
		roleNouns[w] = true
	}
	for _, w := range strings.Fields(clauseCueList) {
		clauseCues[w] = true
	}
	for _, w := range strings.Fields(venueNounList) {
		venueNouns[w] = true
	}
	for _, w := range strings.Fields(timeHeadList) {
		timeHeads[w] = true
	}
	for _, w := range strings.Fields(participleCues) {
		participles[w] = true
	}
	for _, e := range strings.Fields(particleVerbList) {
		lemma, parts, _ := strings.Cut(e, ":")
		for _, form := range inflections(lemma) {
			particleVerbs[form] = parts
		}
	}
	for _, w := range strings.Fields(leadingPrepositionList) {
		leadingPrepositions[w] = true
	}
	for _, w := range strings.Fields(nounLikeList) {
		nounLike[w] = true
	}
	for _, w := range strings.Fields(femaleWords) {
		female[w] = true
	}
	for _, w := range strings.Fields(maleWords) {
		male[w] = true
	}
}

// Lexicon classes of a word, so that the reported-speech pass looks each
// token up once (in newAnalysis) and skips the many that are none.
const (
	cueWord     uint8 = 1 << iota // a form of cueLexicon
	nominalWord                   // a noun of nominalCues
	seemWord                      // a form of seemForms
)

// lexClass maps a lower-case word to its classes. Built at init.
var lexClass = map[string]uint8{}

func init() {
	for w := range cueForms {
		lexClass[w] |= cueWord
	}
	for w := range nominalCues {
		lexClass[w] |= nominalWord
	}
	for w := range seemForms {
		lexClass[w] |= seemWord
	}
}

// pronouns that can be a speaker.
var pronouns = map[string]bool{}

const pronounList = `he she they it we i you who`

// auxiliaries and adverbs that may stand between a subject and its cue verb
// ("Trump has repeatedly claimed", "he recently admitted").
var auxiliaries = map[string]bool{}

const skipBeforeSubject = `has have had was were is are be been would will may might could can n’t
	should shall must did does do n't not never also again once then later earlier first still
	already even just often previously recently repeatedly reportedly publicly privately
	flatly simply quickly further long since yet now initially separately subsequently
	openly explicitly bluntly here there`

// verbAux are the auxiliary verbs among auxiliaries: they end a noun
// phrase read forwards.
var verbAux = map[string]bool{}

const verbAuxList = `has have had was were is are be been would will may might could can n’t
	should shall must did does do n't not never`

// functionWords end a speaker noun phrase when walking back from the cue.
var functionWords = map[string]bool{}

const functionList = `and or but nor so that which whom whose what when where while if as
	because although though than to in on at by with from for into onto about after before
	during over under between against without within through across toward towards upon
	amid among despite since until via per like unlike there here this these those it its
	is are was were be been being has have had do does did will would can could may might
	shall should must not no yes how why also said says told`

// adverbialWords may stand between a cue verb and the "that" opening its
// content ("said on Wednesday that", "told reporters in Moscow that").
var adverbialWords = map[string]bool{}

const adverbialList = `on in at during to with after before from for via over about
	a an the his her its their our my your this that last next late early earlier later
	monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
	morning afternoon evening night week month year weekend day days weeks months
	statement interview news conference press briefing speech rally email letter call
	post posts tweet video message remarks remark appearance television radio broadcast
	podcast hearing meeting reporters journalists also repeatedly again recently
	previously publicly privately flatly separately released posted issued published
	written sent given made held late and both emailed phone telephone text own
	social media twitter facebook x website blog only simply just merely afterwards afterward briefly`

// particleVerbs take a particle before their content ("talked about",
// "pointed to", "pointed out", "spoke of", "referred to"); the map gives the
// particles each verb's lemma accepts.
var particleVerbs = map[string]string{}

const particleVerbList = `talk:about point:to,out refer:to speak:of,about vote:for,against make:clear,it`

// hasParticle reports whether w is one of the comma-separated particles.
func hasParticle(parts, w string) bool {
	for _, p := range strings.Split(parts, ",") {
		if p == w && w != "" {
			return true
		}
	}
	return false
}

// forVerbs skip a following "for" before their content: "called for a
// repeal" reports the repeal.
var forVerbs = map[string]bool{"call": true, "calls": true, "called": true, "calling": true,
	"push": true, "pushed": true, "argue": true, "argued": true, "argues": true, "arguing": true}

// speechNouns may carry a participle cue: "a statement saying …".
var speechNouns = map[string]bool{"statement": true, "letter": true, "tweet": true, "tweets": true,
	"post": true, "report": true, "message": true, "email": true, "note": true, "video": true,
	"ad": true, "memo": true, "release": true, "interview": true, "speech": true, "op-ed": true,
	"editorial": true, "column": true, "filing": true, "lawsuit": true, "complaint": true}

// clauseCues are verbs of saying whose content is a clause even without
// an auxiliary ("said Trump lied during the debate"): objectEnd leaves
// their content whole.
var clauseCues = map[string]bool{}

const clauseCueList = `say says said saying tell tells told telling write writes wrote written writing
	add adds added adding claim claims claimed claiming argue argues argued arguing insist insists
	insisted insisting note notes noted noting state states stated stating explain explains explained
	explaining warn warns warned warning suggest suggests suggested suggesting think thinks thought
	believe believes believed believing report reports reported reporting predict predicts predicted
	acknowledge acknowledges acknowledged admit admits admitted assert asserts asserted contend
	contends contended maintain maintains maintained`

// objectClosers open a clause or adverbial of the cue's own after a
// reported noun phrase ("endorsed Marsh because …", "praised the plan
// during the debate").
var objectClosers = map[string]bool{"because": true, "while": true, "when": true, "after": true,
	"before": true, "until": true, "although": true, "though": true, "whereas": true, "during": true}

// adverbialPrepositions open an adverbial of where, when or how something
// was said when a time or a venue noun follows ("on Thursday", "in a
// statement", "on Twitter").
var adverbialPrepositions = map[string]bool{"in": true, "on": true, "at": true, "via": true,
	"over": true, "through": true}

// venueNouns are where or how something is said: "in a statement", "on
// Twitter", "in early-morning tweets".
var venueNouns = map[string]bool{}

const venueNounList = `statement statements interview interviews tweet tweets post posts speech speeches
	debate debates rally rallies forum letter letters email emails op-ed video videos website blog
	twitter facebook instagram conference briefing hearing appearance ruling broadcast show podcast
	radio television tv diatribe address remarks memo column editorial ad ads advertisement
	commercial filing testimony campaign-trail message messages sermon lecture`

// gerundPrepositions make an -ing cue form a gerund ("for admitting").
var gerundPrepositions = map[string]bool{"for": true, "of": true, "by": true, "about": true,
	"without": true, "in": true, "on": true, "from": true, "to": true}

// leadingPrepositions open an adverbial, not a reported clause, right
// after a cue verb ("said at a briefing", "wrote in a letter").
var leadingPrepositions = map[string]bool{}

const leadingPrepositionList = `at in on during before after from with via over while when
	since through by as`

// subjectPronouns open a clause.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true,
	"i": true, "you": true}

// conjunctions may stand before a subject.
var conjunctions = map[string]bool{"and": true, "but": true, "or": true, "so": true, "yet": true,
	"because": true, "while": true, "although": true, "though": true, "as": true, "if": true,
	"when": true, "after": true, "before": true, "since": true, "where": true}

// subordinators open a clause or adverbial of the cue's own after "…, X
// said,": "as they bristled", "while insisting", "without offering
// evidence", "citing a poll".
var subordinators = map[string]bool{"as": true, "while": true, "after": true, "before": true,
	"since": true, "because": true, "when": true, "although": true, "though": true, "in": true,
	"at": true, "during": true, "with": true, "who": true, "which": true,
	"referring": true, "according": true, "even": true, "noting": true, "adding": true, "saying": true,
	"without": true, "despite": true, "amid": true, "by": true, "citing": true, "pointing": true,
	"arguing": true, "insisting": true, "warning": true, "explaining": true, "calling": true,
	"stressing": true, "suggesting": true, "acknowledging": true, "describing": true}

// determiners open a noun phrase.
var determiners = map[string]bool{}

const determinerList = `the a an his her their its our my your this these those some
	many several few most all both each every one two three four five six seven eight nine
	ten dozens hundreds thousands other another multiple numerous`

// articles make a following cue form a noun ("the claims", "his call");
// quantifiers do not ("many say", "three said").
var articles = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "my": true, "your": true, "this": true, "these": true, "those": true,
	"another": true, "every": true, "each": true}

// pronounDeterminers may stand alone as a subject ("another said", "each
// believes"), so a cue form after them that is rarely a noun stays a verb.
var pronounDeterminers = map[string]bool{"another": true, "each": true, "this": true, "these": true,
	"those": true}

// speakerNouns are bare nouns that can be a speaker without a determiner
// ("officials said", "police say").
var speakerNouns = map[string]bool{}

const speakerNounList = `officials sources critics analysts experts police democrats
	republicans lawmakers aides advisers advisors voters supporters opponents residents officers
	investigators prosecutors researchers authorities observers economists scientists witnesses
	leaders diplomats organizers activists members people others many some both few most
	reporters journalists historians strategists doctors lawyers attorneys spokesmen
	spokespeople staffers insiders pollsters conservatives liberals progressives protesters
	students teachers parents workers officials employees executives investors polls surveys
	women men children
	studies data reports documents records poll survey study report analysis slide figures
	numbers research review audit investigation memo letter statement filing records`

// roleNouns name a person by role ("a spokesman for the campaign").
var roleNouns = map[string]bool{}

const roleNounList = `spokesman spokeswoman spokesperson official aide adviser advisor
	director chairman chairwoman chair president secretary minister member head chief leader
	executive professor analyst expert economist lawyer attorney representative senator
	ambassador envoy commissioner governor mayor lawmaker strategist consultant researcher
	fellow editor writer reporter correspondent founder manager partner officer`

// timeHeads cannot head a speaker phrase ("Friday said", "this month").
var timeHeads = map[string]bool{}

const timeHeadList = `monday tuesday wednesday thursday friday saturday sunday today yesterday
	tonight week month year weekend morning afternoon evening night day time recently earlier
	later now then january february march april may june july august september october
	november december`

// timeModifiers open a time adverbial before a time head ("on Thursday",
// "this past week", "late last month").
var timeModifiers = map[string]bool{"on": true, "this": true, "last": true, "past": true, "next": true,
	"late": true, "early": true, "earlier": true, "that": true, "the": true, "in": true}

// participles are the -ing forms that continue a clause with a new
// attribution by the same subject ("..., saying they covered ...").
var participles = map[string]bool{}

const participleCues = `saying adding telling noting arguing claiming warning insisting
	explaining writing describing calling suggesting stressing declaring acknowledging
	admitting denying announcing asserting urging accusing predicting promising vowing
	complaining recalling stating tweeting posting citing referring talking speaking discussing
	criticizing attacking praising blaming defending demanding pledging reminding questioning
	rejecting dismissing endorsing touting mocking slamming blasting thanking ruling concluding`

// nounLike are cue forms that are as often nouns ("calls", "state",
// "remarks"): they count as verbs only after a pronoun, name or auxiliary.
var nounLike = map[string]bool{}

const nounLikeList = `state states post posts call calls remark remarks report reports
	claim claims charge charges question questions promise promises pledge pledges praise
	hope hopes fear fears doubt doubts estimate estimates tweet tweets demand demands
	counter signal signals hint hints find finds show shows note notes lament laments
	concern concerns repeat warning statement vow vows joke jokes laugh sigh shout yell
	snap snaps muse retort call attack attacks offer offers point points talk talks decline
	declines plan plans wish wishes brand brands dub dubs hail hails mock mocks tout touts
	echo echoes request requests challenge challenges voice voices highlight highlights email
	emails answer answers quote quotes forecast forecasts reference references champion
	champions order orders rule rules rail rails back backs favor favors support supports
	blast blasts slam slams seek cite cites defend reject rejects express discuss vote votes`

// female and male hold words that show a person's gender in a mention
// ("the first lady", "Mrs. May") for resolving "she" and "he".
var female = map[string]bool{}
var male = map[string]bool{}

const femaleWords = `she her hers herself mrs mrs. ms ms. miss madam lady woman women wife
	mother daughter sister queen princess duchess chairwoman spokeswoman congresswoman
	businesswoman actress widow girl grandmother aunt niece mom`

const maleWords = `he him his himself mr mr. sir lord man men husband father son brother
	king prince duke chairman spokesman congressman businessman actor widower boy
	grandfather uncle nephew dad`
