package token

import "strings"

// abbreviations are words that keep a following period in news English. The
// list favours precision: a word here never ends a sentence on its own period
// unless the sentence splitter sees strong evidence.
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		Mr Mrs Ms Messrs Mmes Dr Drs Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Brig Gov Sen Sens
		Rep Reps Rev Hon Pres Supt Insp Det Amb Atty Fr Sr Sra Jr Sen St Ste Mt Ft Ave Blvd Rd Hwy
		Inc Corp Ltd Co Cos Cie Cia Bros Plc LLC Assn Dept Univ Inst Intl Govt Mme Mlle
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
		Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		No Nos Vol Vols Fig Figs pp Ch Art Sec Para Ed Eds est approx vs v etc cf al viz ca
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
		Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
	`) {
		abbreviations[w] = true
	}
}

// abbreviation reports whether the word text[start:end], followed by a
// period, keeps that period: initials ("J."), dotted acronyms ("U.S.",
// "a.m.") and listed abbreviations ("Mr.", "Sept.").
func abbreviation(text string, start, end int) bool {
	w := text[start:end]
	if abbreviations[w] {
		return true
	}
	if len(w) == 1 {
		return isASCIIUpper(w[0]) // an initial; a lower-case letter is rarely one
	}
	if strings.IndexByte(w, '.') >= 0 {
		return true // "U.S", "a.m"
	}
	if len(w) <= 4 && allUpper(w) {
		// Headlines and datelines in capitals: "ST. LOUIS", "GEN. SMITH".
		var buf [4]byte
		buf[0] = w[0]
		for i := 1; i < len(w); i++ {
			buf[i] = w[i] | 0x20
		}
		return abbreviations[string(buf[:len(w)])]
	}
	return false
}

// allUpper reports whether w is all ASCII capitals.
func allUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIIUpper(w[i]) {
			return false
		}
	}
	return true
}

// IsAbbreviation reports whether tok (a word ending in a period) is an
// abbreviation or initial rather than a word followed by a full stop.
func IsAbbreviation(tok string) bool {
	if !strings.HasSuffix(tok, ".") || len(tok) < 2 {
		return false
	}
	return abbreviation(tok, 0, len(tok)-1)
}
