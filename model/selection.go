package model

// What a query selects, in the store's terms: which own properties of each
// kind of node to read, which optional parts to compute (aggregates and
// evidence cost the database more than a node's own properties) and which
// links to follow, in the same statement, from the nodes a read returns. The API derives it from the
// GraphQL selection; the store turns it into Cypher. Neither side knows the
// other's language.

// Part is a set of optional parts of a node, one bit each. The zero value
// asks for a node's own properties only.
type Part uint32

// Parts of entities.
const (
	EntityEventCount     Part = 1 << iota // StoredEntity.EventCount
	EntityStatementCount                  // StoredEntity.StatementCount
	EntityArticleCount                    // StoredEntity.ArticleCount
	EntitySourceCount                     // StoredEntity.SourceCount
	EntityLeader                          // Entity.Leader: leads its country
	EntityAffiliation                     // Entity.Affil: the organization of a person's role
)

// Parts of events.
const (
	EventParticipants Part = 1 << iota // Event.Participants
	EventSupplier                      // Event.Supplier
	EventRecipient                     // Event.Recipient
	EventPlace                         // Event.Place
	EventAssertedBy                    // Event.AssertedBy
	EventClaimedIn                     // Event.ClaimedIn
	EventReports                       // StoredEvent.Reports and Event.Evidence
	EventEvidence                      // Event.Evidence only
	EventPublished                     // StoredEvent.Published
	EventArticleCount                  // StoredEvent.ArticleCount
	EventSourceCount                   // StoredEvent.SourceCount
)

// Parts of statements.
const (
	StatementSpeaker Part = 1 << iota // Statement.Speaker
	StatementAbout                    // Statement.About
	StatementArticle                  // Statement.Evidence.Article
)

// AllParts asks for every part.
const AllParts Part = 1<<32 - 1

// Has reports whether every part of q is in p.
func (p Part) Has(q Part) bool { return p&q == q }

// Prop is a set of a node's own stored properties, one bit each. A node's
// id, and an entity's type, are always read.
type Prop uint32

// Own properties of entities.
const (
	PropEntityName      Prop = 1 << iota // Entity.Name
	PropEntityAliases                    // Entity.Aliases
	PropEntityISO3                       // Entity.ISO3
	PropEntityCountry                    // Entity.Country (the ISO3 code of its country)
	PropEntityRole                       // Entity.Role
	PropEntityRoles                      // StoredEntity.Roles
	PropEntityKind                       // Entity.Kind
	PropEntityWikidata                   // Entity.Wikidata
	PropEntityFirstSeen                  // StoredEntity.FirstSeen
)

// Own properties of events.
const (
	PropEventType      Prop = 1 << iota // Event.Type
	PropEventStatus                     // Event.Status
	PropEventDate                       // Event.Date
	PropEventCameo                      // Event.Cameo
	PropEventItems                      // Event.Items
	PropEventStage                      // Event.Stage
	PropEventQuantity                   // Event.Quantity
	PropEventValue                      // Event.Value
	PropEventFirstSeen                  // StoredEvent.FirstSeen
)

// Own properties of statements.
const (
	PropStatementText   Prop = 1 << iota // Statement.Text
	PropStatementDirect                  // Statement.Direct
	PropStatementVerb                    // Statement.Verb
	PropStatementSpan                    // Statement.Evidence: start, end, text and sentence
)

// Own properties of articles.
const (
	PropArticleTitle      Prop = 1 << iota // Article.Title
	PropArticleURL                         // Article.URL
	PropArticleSource                      // Article.Source
	PropArticleDateline                    // Article.Dateline
	PropArticleFile                        // Article.File
	PropArticleExtractor                   // Article.Extractor
	PropArticlePublished                   // Article.Published
	PropArticleIngestedAt                  // StoredArticle.IngestedAt
)

// Props are the own properties asked of each kind of node. Unless Only is
// set, every own property is read: the zero value reads whole nodes.
type Props struct {
	Only                              bool
	Entity, Event, Statement, Article Prop
}

// Has reports whether q, a property of a kind whose selected properties
// are p, is to be read.
func (ps Props) Has(p, q Prop) bool { return !ps.Only || p&q == q }

// Parts are the optional parts and the own properties asked of each kind
// of node, wherever it appears in an answer (a node is read once per
// request, so it carries what every place that shows it asks for).
type Parts struct {
	Entity, Event, Statement Part
	Props                    Props
}

// Everything asks for every part and property of every kind.
var Everything = Parts{Entity: AllParts, Event: AllParts, Statement: AllParts}

// Follow asks a read to bring along, with each node it returns, the nodes
// that Link leads to, and to follow Then from those in turn.
type Follow struct {
	Link Link
	Then []Follow
}

// Selection is what a query asks of a read: the parts of each kind of node
// and the links to follow from the nodes the read returns.
type Selection struct {
	Parts
	Follow []Follow
}

// Included holds the nodes a read brought along because the query goes on
// to them (Selection.Follow): nodes by id and, for each link followed, the
// ids each source node leads to, in the link's order. A source node absent
// from Links[link] leads nowhere.
type Included struct {
	Entities   map[string]*StoredEntity
	Events     map[string]*StoredEvent
	Statements map[string]*Statement
	Articles   map[string]*StoredArticle
	Links      map[Link]map[string][]string
}
