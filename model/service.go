package model

import "context"

// SaveResult tells what saving one article's Document changed.
type SaveResult struct {
	ArticleID string `json:"articleId"`
	// Unchanged is true when the same text, extracted by the same rules
	// with the same metadata, was already stored: nothing was written.
	Unchanged bool `json:"unchanged"`
	// Updated is true when the same text, extracted by the same rules, was
	// already stored with other metadata (title, url, source, file): only
	// the article's metadata was rewritten. A new published date rewrites
	// the whole extraction instead, because relative dates depend on it.
	Updated    bool `json:"updated,omitempty"`
	Entities   int  `json:"entities"`
	Events     int  `json:"events"`
	Statements int  `json:"statements"`
	// NodesCreated and RelationshipsCreated count what the write created.
	// SaveDocuments writes a batch with shared statements, so it gives the
	// batch's totals on the first result that wrote something and 0 on the
	// others: their sum is exact.
	NodesCreated         int `json:"nodesCreated"`
	RelationshipsCreated int `json:"relationshipsCreated"`
}

// Writer stores extracted documents. Each event of a document becomes one
// article's report of an event: the same event reported by several
// articles is one event with one report per article (docs/graph-model.md
// gives the matching rule).
type Writer interface {
	// SaveDocument writes one article and everything extracted from it, in
	// one transaction. Saving the same document twice changes nothing.
	SaveDocument(ctx context.Context, doc *Document) (SaveResult, error)
	// SaveDocuments writes several articles in one transaction, for corpus
	// loads: each article is stored whole or not at all, and the results
	// are in the order of docs. An article that comes twice in docs is
	// written once; the later copy's result is Unchanged. Calls from one
	// process run one at a time, because matching an event reads what
	// earlier writes committed.
	SaveDocuments(ctx context.Context, docs []*Document) ([]SaveResult, error)
}

// Reader answers the API's questions. Reads take what the query selects
// (Parts, Selection) and compute nothing else. Methods that take a list of
// ids are the batch functions behind per-request dataloaders: one call, one
// query, however many parents asked. Every method runs one read
// transaction.
type Reader interface {
	// FindEntity returns the entity whose id, ISO3 code, name or alias is
	// ref, compared case-insensitively, preferring the one mentioned most,
	// with its own properties only. No match is an error with code
	// ENOTFOUND.
	FindEntity(ctx context.Context, ref string) (*StoredEntity, error)
	// Entity finds an entity as FindEntity does, with what sel asks of it
	// and of the nodes it leads to.
	Entity(ctx context.Context, ref string, sel Selection) (*StoredEntity, Included, error)

	// EntitiesByID, EventsByID, StatementsByID and ArticlesByID return
	// the nodes with the given ids; missing ones are absent from the map.
	EntitiesByID(ctx context.Context, ids []string, p Parts) (map[string]*StoredEntity, error)
	EventsByID(ctx context.Context, ids []string, p Parts) (map[string]*StoredEvent, error)
	StatementsByID(ctx context.Context, ids []string, p Parts) (map[string]*Statement, error)
	ArticlesByID(ctx context.Context, ids []string, p Parts) (map[string]*StoredArticle, error)
	// ArticleTexts returns the full text of articles.
	ArticleTexts(ctx context.Context, ids []string) (map[string]string, error)

	// LinkedEntities, LinkedEvents, LinkedStatements and LinkedArticles
	// follow link from each of ids; an id with nothing linked is absent.
	LinkedEntities(ctx context.Context, link Link, ids []string, p Parts) (map[string][]*StoredEntity, error)
	LinkedEvents(ctx context.Context, link Link, ids []string, p Parts) (map[string][]*StoredEvent, error)
	LinkedStatements(ctx context.Context, link Link, ids []string, p Parts) (map[string][]*Statement, error)
	LinkedArticles(ctx context.Context, link Link, ids []string, p Parts) (map[string][]*StoredArticle, error)

	// Lists: one page, whether more follow, the size of the whole list
	// when the window asks, and what the selection follows.
	Events(ctx context.Context, q EventQuery) (Page[*StoredEvent], error)
	Statements(ctx context.Context, q StatementQuery) (Page[*Statement], error)
	Entities(ctx context.Context, q EntityQuery) (Page[*StoredEntity], error)
	Articles(ctx context.Context, q ArticleQuery) (Page[*StoredArticle], error)
	// Search ranks entities and statements against a full-text query.
	Search(ctx context.Context, q SearchQuery) (Page[SearchHit], error)

	// Relations returns what directly links two entities (ids).
	Relations(ctx context.Context, a, b string) (*Relations, error)
	// Paths returns up to limit shortest paths of at most maxHops between
	// two entities (ids).
	Paths(ctx context.Context, from, to string, maxHops, limit int) ([]Path, error)
	// Neighborhood returns the nodes around a center and the
	// relationships among them.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (*Subgraph, error)
	// Timeline returns an entity's events and statements in date order.
	Timeline(ctx context.Context, q TimelineQuery) ([]TimelineEntry, error)

	// EventCounts counts the events that match f by type, status and month.
	EventCounts(ctx context.Context, f EventFilter) ([]EventCount, error)
	// CountryPairs counts the events that match f by pair of countries and type.
	CountryPairs(ctx context.Context, f EventFilter) ([]CountryPair, error)
}

// Store is the graph database: the loader writes to it, the API reads it.
type Store interface {
	Writer
	Reader
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
}

// ArticleInput is an article submitted for ingestion.
type ArticleInput struct {
	Text      string
	Title     string
	URL       string
	Published string // YYYY-MM-DD or ""
	Source    string
	File      string
}

// Ingester extracts an article and stores what it found.
type Ingester interface {
	// Ingest extracts one article and saves it in one transaction. Bad
	// input is an error with code EINVALID; nothing is stored then.
	Ingest(ctx context.Context, in ArticleInput) (*Document, SaveResult, error)
}
