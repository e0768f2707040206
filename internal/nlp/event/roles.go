package event

import "dateline/internal/doc"

// Which participant role an argument gets, by event type and by the
// preposition that introduces it.

// isPlace reports whether an entity type can be an event's place.
func isPlace(typ string) bool { return typ == doc.GPE || typ == doc.Loc || typ == doc.Fac }

// subjectRole is the role of an active verb's subject.
func subjectRole(typ string) string {
	if typ == Statement || typ == Claim {
		return doc.SpeakerRole
	}
	return doc.Agent
}

// patientRole is the role of a passive subject or a direct object.
func patientRole(typ string) string {
	switch typ {
	case Meet, Consult, Negotiate, Agree, Ceasefire:
		return doc.Partner
	case Statement, Claim:
		return doc.Topic
	}
	return doc.Target
}

// symmetric types make every party a partner of the first.
func symmetric(typ string) bool {
	switch typ {
	case Meet, Consult, Negotiate, Agree, Ceasefire:
		return true
	}
	return false
}

// ppRole returns the role (or "place") of an entity of type etype in a
// prepositional phrase with prep after a trigger of type typ.
func ppRole(typ, prep, etype string, verb bool) string {
	switch prep {
	case "in", "at", "inside", "near", "outside", "across", "through", "around", "throughout":
		if isPlace(etype) {
			if prep == "at" && typ == Attack && verb {
				return doc.Target // "fired rockets at northern Israel"
			}
			return "place"
		}
	case "with":
		switch typ {
		case Meet, Consult, Negotiate, Agree, Ceasefire, Visit, Tariff, Sanction:
			if typ == Tariff || typ == Sanction {
				return doc.Target
			}
			return doc.Partner
		case Threaten:
			return doc.Topic
		}
	case "to":
		switch typ {
		case Consult, Meet:
			return doc.Partner
		case Statement, Claim:
			return doc.AddresseeRole
		case Aid, Ultimatum, Demand, Threaten:
			return doc.Target
		case Visit:
			if isPlace(etype) {
				return "place"
			}
			return doc.Partner
		}
	case "on", "against", "upon":
		switch typ {
		case Attack, Sanction, Tariff, Protest, Threaten, Demand, Ultimatum, Claim:
			return doc.Target
		case Consult, Negotiate, Agree, Meet:
			return doc.Topic
		}
	case "into":
		if typ == Attack {
			return doc.Target
		}
		if typ == Visit && isPlace(etype) {
			return "place"
		}
	case "between", "among":
		return doc.Partner
	case "by":
		return doc.Agent
	case "of":
		if verb {
			return ""
		}
		switch typ {
		case Arrest, Appoint, Attack:
			return doc.Target
		case Election:
			if isPlace(etype) {
				return "place"
			}
			return doc.Target
		case Visit:
			return doc.Agent
		case Meet, Negotiate:
			return doc.Partner
		}
	case "for":
		switch typ {
		case Ultimatum, Aid:
			return doc.Target
		case Demand, Arrest:
			return doc.Topic
		}
	case "from":
		switch typ {
		case Aid, Demand, Threaten, Ultimatum, Statement:
			return doc.Agent
		}
	case "over", "about", "regarding", "concerning":
		return doc.Topic
	}
	return ""
}
