package model

import "context"

// Exports stream the graph out in pages: nodes with their stored
// properties, the relationships that start at them, and the extraction
// documents of articles. Each page is one read transaction (read
// committed): an export that runs while articles load may show part of a
// load, never a broken node or relationship.

// Bounds of a neighborhood, for the API and for exports alike.
const (
	MaxNeighborhoodDepth     = 3
	MaxNeighborhoodNodes     = 1000
	DefaultNeighborhoodNodes = 200
)

// ExportLabels are the node labels an export walks, one uniqueness
// constraint each, in the order exports write them. MatchKey nodes (the
// index event matching uses) are not part of the graph's meaning and are
// left out, with their KEY relationships.
var ExportLabels = []string{"Entity", "Event", "Report", "Statement", "Article"}

// ExportNode is a node as stored.
type ExportNode struct {
	ID    string
	Kind  string // its label: Person, Country, Organization, Place, Event, Report, Statement, Article
	Label string // for display, as in a neighborhood
	// Props are the stored properties, as string, int64, float64, bool,
	// []string or []int64; dates and times are ISO 8601 strings. Lookup
	// copies (names, aliasText) and an article's text are left out.
	Props map[string]any
}

// ExportEdge is a relationship as stored, in its direction.
type ExportEdge struct {
	From, To, Type string
	Props          map[string]any // as ExportNode.Props
}

// ExportPage asks for one page of an export: either the nodes of Label
// with ids after After (Limit of them, in id order), or, when IDs is set,
// exactly those nodes.
type ExportPage struct {
	Label string // one of ExportLabels; ignored when IDs is set
	After string
	Limit int
	IDs   []string
	// Within keeps, when set, only relationships that end at one of these
	// node ids (a neighborhood's nodes).
	Within []string
}

// Exporter reads the graph in pages for exports.
type Exporter interface {
	// ExportNodes returns a page of nodes.
	ExportNodes(ctx context.Context, p ExportPage) ([]ExportNode, error)
	// ExportEdges returns the relationships that start at a page of nodes,
	// and the id of the page's last node ("" when the page was empty), from
	// which the next page starts.
	ExportEdges(ctx context.Context, p ExportPage) (edges []ExportEdge, last string, err error)
	// ExportDocuments returns the extraction documents, with their text, of
	// a page of articles (Label is ignored).
	ExportDocuments(ctx context.Context, p ExportPage) ([]*Document, error)
}
