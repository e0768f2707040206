package event

// Event types (docs/format.md, v1).
const (
	Meet      = "MEET"
	Statement = "STATEMENT"
	Consult   = "CONSULT"
	Demand    = "DEMAND"
	Ultimatum = "ULTIMATUM"
	Threaten  = "THREATEN"
	Sanction  = "SANCTION"
	Tariff    = "TARIFF"
	Attack    = "ATTACK"
	Claim     = "CLAIM"
	Agree     = "AGREE"
	Reject    = "REJECT"
	Visit     = "VISIT"
	Ceasefire = "CEASEFIRE"
	Negotiate = "NEGOTIATE"
	Appoint   = "APPOINT"
	Election  = "ELECTION"
	Protest   = "PROTEST"
	Arrest    = "ARREST"
	Aid       = "AID"
)

// TypeInfo maps one dateline event type to the CAMEO and ACLED schemes, so
// that exports can speak the codebooks analysts already use. docs/events.md
// holds the same table with the reasons for each choice.
type TypeInfo struct {
	Type string
	// CAMEO is the CAMEO root code ("04") and CAMEOName its name; CAMEOCode
	// is the most typical subcode ("044"). Exact is false when CAMEO has no
	// category for the type and the nearest root is given.
	CAMEO, CAMEOName, CAMEOCode string
	Exact                       bool
	// ACLED is the ACLED event type and ACLEDSub its sub-event type, empty
	// when ACLED does not code such events (ACLED records political
	// violence, demonstrations and a few strategic developments only).
	ACLED, ACLEDSub string
	// Description says what the type covers.
	Description string
}

// Types is the event type table in the order of docs/format.md.
var Types = []TypeInfo{
	{Meet, "04", "Consult", "044", true, "", "", "two or more parties meet in person: meeting, talks, summit"},
	{Statement, "01", "Make public statement", "010", true, "", "", "a source says, writes or announces something"},
	{Consult, "04", "Consult", "041", true, "", "", "parties talk at a distance or confer: phone call, spoke to, discussed"},
	{Demand, "10", "Demand", "100", true, "", "", "a party demands, urges or calls for something"},
	{Ultimatum, "13", "Threaten", "139", true, "", "", "a demand with a deadline: ultimatum, deadline, gave X until"},
	{Threaten, "13", "Threaten", "130", true, "", "", "a party threatens another"},
	{Sanction, "16", "Reduce relations", "163", true, "", "", "sanctions, embargoes, economic penalties"},
	{Tariff, "16", "Reduce relations", "163", false, "", "", "tariffs and import duties (CAMEO has no trade code; 163 embargo/sanctions is nearest)"},
	{Attack, "19", "Fight", "195", true, "Explosions/Remote violence", "Air/drone strike", "strikes, attacks, shelling, bombing, raids, invasions"},
	{Claim, "01", "Make public statement", "010", false, "", "", "a source asserts something disputed: claimed, alleged, accused"},
	{Agree, "05", "Engage in diplomatic cooperation", "057", true, "Strategic developments", "Agreement", "parties agree, sign or accept a deal"},
	{Reject, "12", "Reject", "120", true, "", "", "a party rejects, refuses or dismisses something"},
	{Visit, "04", "Consult", "042", true, "", "", "a party visits a place or another party"},
	{Ceasefire, "08", "Yield", "0871", true, "Strategic developments", "Agreement", "a ceasefire or truce"},
	{Negotiate, "04", "Consult", "046", true, "", "", "negotiations and mediation"},
	{Appoint, "05", "Engage in diplomatic cooperation", "", false, "Strategic developments", "Change to group/activity", "appointments and nominations (no CAMEO code)"},
	{Election, "05", "Engage in diplomatic cooperation", "", false, "", "", "elections, votes, referendums (no CAMEO code)"},
	{Protest, "14", "Protest", "141", true, "Protests", "Peaceful protest", "demonstrations, rallies, strikes by workers"},
	{Arrest, "17", "Coerce", "173", true, "Strategic developments", "Arrests", "arrests and detentions"},
	{Aid, "07", "Provide aid", "070", true, "", "", "economic, military or humanitarian aid"},
}

// Info returns the table row of event type t.
func Info(t string) (TypeInfo, bool) {
	for _, ti := range Types {
		if ti.Type == t {
			return ti, true
		}
	}
	return TypeInfo{}, false
}
