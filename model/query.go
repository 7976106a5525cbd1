package model

import "slices"

// The read side: what the store returns about stored nodes (extracted
// fields plus what the graph aggregates across articles), the links the
// API follows between nodes, and the filters, orders and pages of list
// queries. Ids in filters are global ids; names are resolved before.

// StoredEntity is an entity as the graph knows it after every article.
type StoredEntity struct {
	Entity
	Roles          []string // every role articles gave it, first seen first
	FirstSeen      Text     // when the graph first stored it (RFC 3339)
	EventCount     int      // events it takes part in, or that happen there
	StatementCount int      // statements it made
	ArticleCount   int      // articles that mention it
	SourceCount    int      // distinct outlets among them; an article without one counts as one
}

// StoredEvent is one real-world event as the graph knows it after every
// article: the reports of several articles merged (docs/graph-model.md).
// The embedded Event holds what the reports add up to: Status by the
// status rule (StatusOf), Date from the reports that give one,
// Participants, Supplier, Recipient, Place, AssertedBy and ClaimedIn as
// the union over the reports, Evidence as every report's spans. Denies is
// always empty: a denial is a report of the event it denies.
type StoredEvent struct {
	Event
	Reports      []Report // one per article's account of it (two when an article both claims and denies it)
	FirstSeen    Text     // when the graph first stored it (RFC 3339)
	Published    Text     // earliest publication date of the articles that report it
	ArticleCount int      // articles that report it
	SourceCount  int      // distinct outlets among them; an article without one counts as one
}

// Report is one article's account of an event: the status that article
// gives it, who asserts it there, the statements that claim it and where
// the article says so. Reports of one event can disagree ("alleged by
// the US", "denied by Iran").
type Report struct {
	ID         string // "report:" + hash of the article id and the extraction's event id
	Event      string // event id
	Article    string // article id
	Status     Status
	Date       Text     // as the article states it, or ""
	AssertedBy []string // entity ids
	ClaimedIn  []string // statement ids
	Denies     string   // for a denial: the id of the report it denies (in the same article), or ""
	Evidence   []Span
}

// StatusOf is an event's status given its reports' statuses: the most
// certain one (in the order of Statuses) other than Denied; Denied only
// when every report denies it. A denial does not erase a claim: the claim
// stays the event's status and the denial stays visible as a report.
func StatusOf(reports []Status) Status {
	for _, s := range Statuses {
		if s != Denied && slices.Contains(reports, s) {
			return s
		}
	}
	if len(reports) > 0 {
		return Denied
	}
	return ""
}

// StoredArticle is an article's metadata (Text is left empty) and its ingest time.
type StoredArticle struct {
	Article
	IngestedAt Text // RFC 3339
}

// Link names a relationship the API follows from a node to a list of
// others; the store maps each to a fixed graph pattern.
type Link string

// Links from entities, countries, organizations, events, statements and articles.
const (
	LinkEvents            Link = "events"            // entity → events it takes part in, or that happen there (places)
	LinkSupplied          Link = "supplied"          // entity → events it supplies
	LinkReceived          Link = "received"          // entity → events it receives
	LinkAsserted          Link = "asserted"          // entity → events it asserts
	LinkSaid              Link = "said"              // entity → statements it made
	LinkAbout             Link = "about"             // entity → statements about it
	LinkMentionedIn       Link = "mentionedIn"       // entity → articles that mention it
	LinkLeaders           Link = "leaders"           // country → people who lead it
	LinkPeople            Link = "people"            // country → people who belong to it
	LinkOrganizations     Link = "organizations"     // country → its organizations
	LinkPlaces            Link = "places"            // country → its places
	LinkMembers           Link = "members"           // organization → people whose role belongs to it
	LinkArticles          Link = "articles"          // event → articles that report it
	LinkClaims            Link = "claims"            // statement → events it claims
	LinkArticleEntities   Link = "articleEntities"   // article → entities it mentions
	LinkArticleEvents     Link = "articleEvents"     // article → events it reports
	LinkArticleStatements Link = "articleStatements" // article → its statements
)

// Links to the nodes a node names by id (an event's participants, a
// statement's speaker): a read follows them to bring those nodes along.
const (
	LinkParticipants     Link = "participants"     // event → participants
	LinkSupplier         Link = "supplier"         // event → supplier
	LinkRecipient        Link = "recipient"        // event → recipient
	LinkPlace            Link = "place"            // event → place
	LinkAssertedBy       Link = "assertedBy"       // event → who asserts it in any report
	LinkClaimedIn        Link = "claimedIn"        // event → statements that claim it
	LinkSpeaker          Link = "speaker"          // statement → speaker
	LinkAboutEntities    Link = "aboutEntities"    // statement → entities it talks about
	LinkStatementArticle Link = "statementArticle" // statement → its article
	LinkReportArticles   Link = "reportArticles"   // event → the articles of its reports and evidence spans
	LinkCountry          Link = "country"          // person, organization, place → its country (and the one a leader leads)
	LinkOrganization     Link = "organization"     // person → the organization of their role
)

// Window is the part of a list a page shows.
type Window struct {
	First  int  // page size
	Offset int  // items skipped
	Count  bool // count the whole list (Page.Total); it costs a second walk
	More   bool // tell whether items follow the page (Page.More); it costs one item more
}

// Page is one page of a list.
type Page[T any] struct {
	Items []T
	// Total is the size of the whole list when the window asked for it
	// (Window.Count), else -1.
	Total int
	// More says whether items follow this page.
	More bool
	// Included holds what the query's Selection.Follow brought along.
	Included Included
}

// Order sorts a list: By is one of the Order* words the query accepts.
type Order struct {
	By   string
	Desc bool
}

// Sort keys.
const (
	OrderDate       = "date"       // events: the event's own date
	OrderPublished  = "published"  // events: earliest article; statements: their article
	OrderFirstSeen  = "firstSeen"  // events, entities: ingest time
	OrderIngested   = "ingested"   // statements: their article's ingest time
	OrderArticles   = "articles"   // events, entities: number of articles
	OrderSources    = "sources"    // events, entities: number of distinct outlets
	OrderName       = "name"       // entities
	OrderEvents     = "events"     // entities: number of events
	OrderStatements = "statements" // entities: number of statements made
)

// DateRange is an inclusive range of days, YYYY-MM-DD (ingest ranges may
// also use RFC 3339 times); an empty end is open.
type DateRange struct {
	From, To string
}

// EventFilter selects events; zero fields select everything.
type EventFilter struct {
	Types       []EventType
	Statuses    []Status
	Participant string // entity id: participant, supplier or recipient
	Country     string // country id: involved directly or through its people, organizations, places
	Supplier    string
	Recipient   string
	Place       string
	Asserter    string
	Article     string
	Date        DateRange // the event's own date overlaps it
	Published   DateRange // some reporting article was published in it
	Ingested    DateRange // the event was first stored in it
	MinArticles int
	MinSources  int
}

// EventQuery is a page of events.
type EventQuery struct {
	Filter EventFilter
	Order  Order
	Window
	Select Selection
}

// StatementFilter selects statements.
type StatementFilter struct {
	Speaker   string
	About     string
	Direct    *bool
	Text      string // contained, case-insensitively
	Article   string
	Published DateRange
	Ingested  DateRange
}

// StatementQuery is a page of statements.
type StatementQuery struct {
	Filter StatementFilter
	Order  Order
	Window
	Select Selection
}

// EntityFilter selects entities.
type EntityFilter struct {
	Types     []EntityType
	Country   string // belongs to this country id
	Name      string // contained in the name or an alias, case-insensitively
	Article   string
	MinEvents int
}

// EntityQuery is a page of entities.
type EntityQuery struct {
	Filter EntityFilter
	Order  Order
	Window
	Select Selection
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	Source    string
	Published DateRange
	Ingested  DateRange
}

// ArticleQuery is a page of articles, newest first.
type ArticleQuery struct {
	Filter ArticleFilter
	Window
	Select Selection
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text   string
	Labels []string // node labels to keep: Person, Country, Organization, Place, Statement
	Window
}

// SearchHit is a node that matches a search.
type SearchHit struct {
	ID    string
	Score float64
}

// Hop is a relationship between two nodes, in its stored direction, with
// the evidence for it.
type Hop struct {
	From, To string // node ids
	Type     string // relationship type: PARTICIPANT, SAID, COUNTRY, …
	Evidence []Span
}

// Relations is what directly links two entities.
type Relations struct {
	Events     []string // event ids, newest first
	Statements []string // statement ids
	Links      []Hop    // direct entity-to-entity links
}

// Path is a path between two entities.
type Path struct {
	Nodes []string // node ids, start to end
	Hops  []Hop    // len(Nodes)-1 hops, in path order
}

// NeighborhoodQuery asks for the nodes around a center.
type NeighborhoodQuery struct {
	ID     string   // global id of the center, or an entity's name, alias or ISO code (as FindEntity takes)
	Depth  int      // hops
	Labels []string // node labels to include and traverse
	Limit  int      // most nodes returned
}

// Subgraph is a set of nodes and the relationships among them.
type Subgraph struct {
	Nodes     []GraphNode
	Edges     []GraphEdge
	Truncated bool
}

// GraphNode is a node of a subgraph.
type GraphNode struct {
	ID    string
	Kind  string // its label: Person, Country, Organization, Place, Event, Statement, Article
	Label string // for display: a name, an event's type and status, a statement's opening words
	Depth int    // hops from the center
}

// GraphEdge is a relationship of a subgraph.
type GraphEdge struct {
	From, To, Type string
}

// TimelineQuery asks for an entity's events and statements between two days.
type TimelineQuery struct {
	Entity   string
	From, To string
	Limit    int
}

// Timeline entry kinds and date bases.
const (
	BasisEventDate = "event"     // the event's own date
	BasisPublished = "published" // the publication date of its article
)

// TimelineEntry is an event or statement on a date.
type TimelineEntry struct {
	Date      string
	Basis     string
	Event     string // event id, or ""
	Statement string // statement id, or ""
}

// EventCount is the number of events with a type, status and month (the
// month of the event's own date, "" for undated events).
type EventCount struct {
	Type   EventType
	Status Status
	Month  string
	Count  int
}

// CountryPair counts events of one type between two countries (ids): from
// the supplier to the recipient when Directed, otherwise shared.
type CountryPair struct {
	From, To string
	Directed bool
	Type     EventType
	Count    int
}
