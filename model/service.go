package model

import "context"

// SaveResult tells what saving one article's Document changed.
type SaveResult struct {
	ArticleID string `json:"articleId"`
	// Unchanged is true when the same text, extracted by the same rules,
	// was already stored: nothing was written.
	Unchanged            bool `json:"unchanged"`
	Entities             int  `json:"entities"`
	Events               int  `json:"events"`
	Statements           int  `json:"statements"`
	NodesCreated         int  `json:"nodesCreated"`
	RelationshipsCreated int  `json:"relationshipsCreated"`
}

// Writer stores extracted documents.
type Writer interface {
	// SaveDocument writes one article and everything extracted from it, in
	// one transaction. Saving the same document twice changes nothing.
	SaveDocument(ctx context.Context, doc *Document) (SaveResult, error)
}

// Reader answers the API's questions. Methods that take a list of ids are
// the batch functions behind per-request dataloaders: one call, one query,
// however many parents asked.
type Reader interface {
	// FindEntity returns the entity whose name or alias is name, compared
	// case-insensitively, preferring the one mentioned most.
	FindEntity(ctx context.Context, name string) (*Entity, error)
	// EntitiesByID returns the entities with the given ids (missing ones are absent).
	EntitiesByID(ctx context.Context, ids []string) (map[string]*Entity, error)
	// EventsOf returns, for each entity id, the events it takes part in
	// (as participant, supplier or recipient), newest first.
	EventsOf(ctx context.Context, entityIDs []string) (map[string][]*Event, error)
	// StatementsBy returns, for each entity id, the statements it made.
	StatementsBy(ctx context.Context, speakerIDs []string) (map[string][]*Statement, error)
	// ArticlesByID returns the articles with the given ids, without their text.
	ArticlesByID(ctx context.Context, ids []string) (map[string]*Article, error)
	// Events lists events matching the filter.
	Events(ctx context.Context, f EventFilter) ([]*Event, error)
}

// EventFilter selects events; zero fields select everything.
type EventFilter struct {
	Type        string
	Participant string // entity id
	Status      string
	Limit       int
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
