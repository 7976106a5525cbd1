// Package model holds geokg's domain: the extraction document that the loader
// produces from an article, the vocabularies of entity and event types and of
// epistemic status, the error type shared by every transport, and the service
// interfaces that the storage adapter implements. It imports only the
// standard library so that every other package can depend on it.
//
// The JSON shape of Document is the extraction document described in
// ../shared/eval/README.md: tools and notebook clients read it, so field
// names and vocabularies are fixed.
package model

// EntityType is the kind of an entity (its node label in Neo4j). The same
// value is the JSON word ("Person") and, through MarshalGQL, the GraphQL
// enum value (PERSON).
type EntityType string

// Entity types.
const (
	Person       EntityType = "Person"
	Country      EntityType = "Country"
	Organization EntityType = "Organization"
	Place        EntityType = "Place"
)

// EntityTypes lists every entity type, in the order the API documents them.
var EntityTypes = []EntityType{Person, Country, Organization, Place}

// EventType is the kind of an event: "ArmsTransfer" in JSON and in Neo4j,
// ARMS_TRANSFER in GraphQL.
type EventType string

// Event types.
const (
	Meeting         EventType = "Meeting"
	Visit           EventType = "Visit"
	ArmsTransfer    EventType = "ArmsTransfer"
	ArmsNegotiation EventType = "ArmsNegotiation"
	Agreement       EventType = "Agreement"
	Aid             EventType = "Aid"
	MissileTest     EventType = "MissileTest"
	Sanction        EventType = "Sanction"
	OtherEvent      EventType = "Other"
)

// EventTypes lists every event type, in the order the API documents them.
var EventTypes = []EventType{Meeting, Visit, ArmsTransfer, ArmsNegotiation, Agreement, Aid, MissileTest, Sanction, OtherEvent}

// Status is the epistemic status of an event: did it happen, according to
// whom? "occurred" in JSON and in Neo4j, OCCURRED in GraphQL.
type Status string

// Statuses.
const (
	Occurred    Status = "occurred"    // stated as fact by the article
	Planned     Status = "planned"     // scheduled or announced ("is set to", "will")
	Reported    Status = "reported"    // attributed to reports ("reportedly", "according to")
	Alleged     Status = "alleged"     // claimed by a named party ("we have new information that ...")
	Speculative Status = "speculative" // possible, hedged ("could", "may")
	Denied      Status = "denied"      // denied by someone; the claim it denies is kept
)

// Statuses lists every epistemic status, from most to least certain.
var Statuses = []Status{Occurred, Planned, Reported, Alleged, Speculative, Denied}

// Arms transfer stages.
const (
	StageProposed   = "proposed"
	StageNegotiated = "negotiated"
	StageAgreed     = "agreed"
	StageDelivered  = "delivered"
)

// Document is everything extracted from one article.
type Document struct {
	Article    Article     `json:"article"`
	Entities   []Entity    `json:"entities"`
	Events     []Event     `json:"events"`
	Statements []Statement `json:"statements"`
}

// Article is the source text and its metadata.
type Article struct {
	ID        string `json:"id"` // "article:" + first 16 hex digits of the text's SHA-256
	Title     Text   `json:"title"`
	Published Text   `json:"published"` // YYYY-MM-DD or ""
	Dateline  Text   `json:"dateline"`  // "MOSCOW" or ""
	URL       Text   `json:"url"`
	Source    Text   `json:"source"` // outlet, e.g. "reuters.com", or ""
	File      string `json:"file,omitempty"`
	Extractor Text   `json:"extractor"` // version of the rules that made the document
	// Text is the article exactly as read; spans index it in code points.
	Text string `json:"-"`
}

// Span is a piece of the article: Start and End are Unicode code point
// offsets into Article.Text, End exclusive, so text[Start:End] == Text in Python.
type Span struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence Text   `json:"sentence,omitempty"`
	// Article is the id of the article the span is in; it is empty inside
	// a Document, whose spans all belong to its own article.
	Article string `json:"article,omitempty"`
}

// Entity is a person, country, organization or place. One real-world entity
// is one Entity: every name the article uses for it is an alias.
type Entity struct {
	ID      string     `json:"id"` // stable across articles: "country:RUS", "person:vladimir-putin"
	Type    EntityType `json:"type"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases"`
	ISO3    string     `json:"iso3,omitempty"`    // countries
	Country string     `json:"country,omitempty"` // ISO3 a person, organization or place belongs to
	Role    Text       `json:"role,omitempty"`    // "President of Russia"
	// RoleEvidence is where the article states the role, country or
	// organization ("Russian President Vladimir Putin"); nil when they come
	// from the gazetteer alone.
	RoleEvidence *Span  `json:"roleEvidence,omitempty"`
	Leader       bool   `json:"leader,omitempty"`      // head of state or government of Country
	Affil        string `json:"affiliation,omitempty"` // organization id the role belongs to
	Kind         Text   `json:"kind,omitempty"`        // organizations and places: "agency", "news", "city", ...
	Wikidata     Text   `json:"wikidata,omitempty"`
	Mentions     []Span `json:"mentions"`
}

// Event is something that happened, is planned, or is claimed, with the
// status the article gives it and who asserts it.
type Event struct {
	ID           string    `json:"id"`
	Type         EventType `json:"type"`
	Participants []string  `json:"participants"` // entity ids
	Supplier     string    `json:"supplier,omitempty"`
	Recipient    string    `json:"recipient,omitempty"`
	Items        []string  `json:"items"`
	Stage        Text      `json:"stage,omitempty"`    // arms transfers: proposed, negotiated, agreed, delivered
	Quantity     Text      `json:"quantity,omitempty"` // as stated: "significant quantities", "300"
	Value        Text      `json:"value,omitempty"`    // as stated: "$1.2 billion"
	Place        string    `json:"place,omitempty"`    // entity id
	Date         Text      `json:"date,omitempty"`     // YYYY-MM-DD or YYYY-MM
	Status       Status    `json:"status"`
	AssertedBy   []string  `json:"assertedBy"`          // entity ids of who claims it
	ClaimedIn    []string  `json:"claimedIn,omitempty"` // statement ids that make the claim
	Denies       string    `json:"denies,omitempty"`    // for a denial: the id of the event it denies
	Cameo        Text      `json:"cameo,omitempty"`     // CAMEO event code
	Evidence     []Span    `json:"evidence"`
}

// Statement is something someone said: a quotation (Direct) or reported speech.
type Statement struct {
	ID       string   `json:"id"`
	Speaker  string   `json:"speaker"` // entity id
	Text     string   `json:"text"`
	Direct   bool     `json:"direct"`
	Verb     Text     `json:"verb,omitempty"` // the attribution verb: "said", "warned"
	About    []string `json:"about"`          // entity ids
	Evidence Span     `json:"evidence"`
}

// Entity returns the entity with the given id, or nil.
func (d *Document) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}
