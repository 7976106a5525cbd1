// Package export writes the graph, or the neighborhood of one node, as
// GraphML (Gephi, Cytoscape, networkx), as CSV node and edge tables, or
// as JSON Lines of extraction documents. It streams: the store is read in
// pages (model.Exporter, one read transaction each) and every page is
// written before the next is read, so memory stays flat whatever the
// size of the graph. `geokg export` and GET /export (Handler) both use it.
package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// Store is what an export reads: pages of the graph, and entity names and
// neighborhoods to scope it.
type Store interface {
	model.Exporter
	FindEntity(ctx context.Context, ref string) (*model.StoredEntity, error)
	Neighborhood(ctx context.Context, q model.NeighborhoodQuery) (*model.Subgraph, error)
}

// Formats and CSV tables.
const (
	GraphML = "graphml"
	CSV     = "csv"
	JSONL   = "jsonl"

	Nodes = "nodes"
	Edges = "edges"
)

// Formats lists the formats, for usage texts.
var Formats = []string{GraphML, CSV, JSONL}

// DefaultPageSize is how many nodes (or articles) one read transaction
// fetches.
const DefaultPageSize = 500

// Request says what to export.
type Request struct {
	Format string // graphml, csv or jsonl
	Table  string // csv: nodes or edges
	// Entity is the center of a neighborhood: a global id, an ISO code or
	// any name or alias, as the API takes them. Empty exports everything.
	Entity string
	Depth  int      // hops from the center, 1–3 (1 when 0)
	Types  []string // node kinds in a neighborhood (PERSON, EVENT, …); all but ARTICLE when empty
	Limit  int      // most nodes in a neighborhood, 1–1000 (200 when 0)
	// PageSize is how many nodes one read transaction fetches.
	PageSize int
}

// nodeKinds are the node kinds of the API (NodeKind) and their labels.
var nodeKinds = map[string]string{
	"PERSON": "Person", "COUNTRY": "Country", "ORGANIZATION": "Organization", "PLACE": "Place",
	"EVENT": "Event", "STATEMENT": "Statement", "ARTICLE": "Article",
}

// defaultKinds are a neighborhood's kinds when none are asked: all but
// articles, as in the API.
var defaultKinds = []string{"Person", "Country", "Organization", "Place", "Event", "Statement"}

// Export is a checked request with its scope resolved, ready to write.
type Export struct {
	req   Request
	store Store
	// ids are the nodes of a neighborhood (articles, for JSON Lines); nil
	// for the whole graph.
	ids    []string
	center string
}

// Prepare checks a request and resolves its scope: the center's name and
// its neighborhood. Its errors carry the API's codes (INVALID, NOT_FOUND,
// …) and come before anything is written.
func Prepare(ctx context.Context, store Store, req Request) (*Export, error) {
	req.Format = strings.ToLower(strings.TrimSpace(req.Format))
	if req.Format == "" {
		req.Format = GraphML
	}
	if !slices.Contains(Formats, req.Format) {
		return nil, model.Errorf(model.EINVALID, "format must be one of %s, got %q", strings.Join(Formats, ", "), req.Format)
	}
	req.Table = strings.ToLower(req.Table)
	switch {
	case req.Format == CSV && req.Table != Nodes && req.Table != Edges:
		return nil, model.Errorf(model.EINVALID, "csv needs table=nodes or table=edges, got %q", req.Table)
	case req.Format != CSV && req.Table != "":
		return nil, model.Errorf(model.EINVALID, "table is for csv only")
	}
	if req.PageSize <= 0 {
		req.PageSize = DefaultPageSize
	}
	x := &Export{req: req, store: store}
	if strings.TrimSpace(req.Entity) == "" {
		if req.Depth != 0 || len(req.Types) > 0 || req.Limit != 0 {
			return nil, model.Errorf(model.EINVALID, "depth, types and limit need an entity")
		}
		return x, nil
	}
	q := model.NeighborhoodQuery{ID: strings.TrimSpace(req.Entity), Depth: req.Depth, Limit: req.Limit}
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Limit == 0 {
		q.Limit = model.DefaultNeighborhoodNodes
	}
	if q.Depth < 1 || q.Depth > model.MaxNeighborhoodDepth {
		return nil, model.Errorf(model.EINVALID, "depth must be between 1 and %d, got %d", model.MaxNeighborhoodDepth, q.Depth)
	}
	if q.Limit < 1 || q.Limit > model.MaxNeighborhoodNodes {
		return nil, model.Errorf(model.EINVALID, "limit must be between 1 and %d, got %d", model.MaxNeighborhoodNodes, q.Limit)
	}
	for _, t := range req.Types {
		l, ok := nodeKinds[strings.ToUpper(strings.TrimSpace(t))]
		if !ok {
			return nil, model.Errorf(model.EINVALID, "unknown node kind %q (one of PERSON, COUNTRY, ORGANIZATION, PLACE, EVENT, STATEMENT, ARTICLE)", t)
		}
		q.Labels = append(q.Labels, l)
	}
	if len(q.Labels) == 0 {
		q.Labels = slices.Clone(defaultKinds)
	}
	if req.Format == JSONL && !slices.Contains(q.Labels, "Article") {
		// Documents are articles: the neighborhood must reach them.
		q.Labels = append(q.Labels, "Article")
	}
	// A name is resolved as the API resolves it; a global id of any node
	// is taken as it is.
	if kind, _, ok := strings.Cut(q.ID, ":"); !ok || kind == "person" || kind == "country" || kind == "org" || kind == "place" {
		e, err := store.FindEntity(ctx, q.ID)
		if err != nil {
			return nil, err
		}
		q.ID = e.ID
	}
	g, err := store.Neighborhood(ctx, q)
	if err != nil {
		return nil, err
	}
	x.center = q.ID
	x.ids = make([]string, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		if req.Format != JSONL || n.Kind == "Article" {
			x.ids = append(x.ids, n.ID)
		}
	}
	return x, nil
}

// ContentType is the media type of the export.
func (x *Export) ContentType() string {
	switch x.req.Format {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case CSV:
		return "text/csv; charset=utf-8"
	}
	return "application/jsonl; charset=utf-8"
}

// FileName is a file name for the export: geokg.graphml,
// geokg-person-kim-jong-un-2-nodes.csv, …
func (x *Export) FileName() string {
	name := "geokg"
	if x.center != "" {
		depth := x.req.Depth
		if depth == 0 {
			depth = 1
		}
		name += fmt.Sprintf("-%s-%d", strings.NewReplacer(":", "-", "/", "-").Replace(x.center), depth)
	}
	if x.req.Format == CSV {
		name += "-" + x.req.Table
	}
	return name + "." + x.req.Format
}

// Write streams the export to w.
func (x *Export) Write(ctx context.Context, w io.Writer) error {
	var err error
	switch x.req.Format {
	case GraphML:
		err = x.writeGraphML(ctx, w)
	case CSV:
		if x.req.Table == Nodes {
			err = x.writeNodesCSV(ctx, w)
		} else {
			err = x.writeEdgesCSV(ctx, w)
		}
	case JSONL:
		err = x.writeJSONL(ctx, w)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", x.req.Format, err)
	}
	return nil
}

// nodes calls fn with every page of nodes in scope.
func (x *Export) nodes(ctx context.Context, fn func([]model.ExportNode) error) error {
	if x.ids != nil {
		return chunks(x.ids, x.req.PageSize, func(ids []string) ([]model.ExportNode, error) {
			return x.store.ExportNodes(ctx, model.ExportPage{IDs: ids})
		}, fn)
	}
	for _, l := range model.ExportLabels {
		after := ""
		for {
			page, err := x.store.ExportNodes(ctx, model.ExportPage{Label: l, After: after, Limit: x.req.PageSize})
			if err != nil {
				return err
			}
			if len(page) == 0 {
				break
			}
			if err := fn(page); err != nil {
				return err
			}
			if len(page) < x.req.PageSize {
				break
			}
			after = page[len(page)-1].ID
		}
	}
	return nil
}

// edges calls fn with the relationships of every page of nodes in scope;
// in a neighborhood, only those among its nodes.
func (x *Export) edges(ctx context.Context, fn func([]model.ExportEdge) error) error {
	if x.ids != nil {
		return chunks(x.ids, x.req.PageSize, func(ids []string) ([]model.ExportEdge, error) {
			page, _, err := x.store.ExportEdges(ctx, model.ExportPage{IDs: ids, Within: x.ids})
			return page, err
		}, fn)
	}
	for _, l := range model.ExportLabels {
		after := ""
		for {
			page, last, err := x.store.ExportEdges(ctx, model.ExportPage{Label: l, After: after, Limit: x.req.PageSize})
			if err != nil {
				return err
			}
			if last == "" {
				break
			}
			if err := fn(page); err != nil {
				return err
			}
			after = last
		}
	}
	return nil
}

// documents calls fn with every page of documents in scope. A page holds
// a tenth as many articles as a page of nodes: each brings its text and
// everything extracted from it.
func (x *Export) documents(ctx context.Context, fn func([]*model.Document) error) error {
	size := max(1, x.req.PageSize/10)
	if x.ids != nil {
		return chunks(x.ids, size, func(ids []string) ([]*model.Document, error) {
			return x.store.ExportDocuments(ctx, model.ExportPage{IDs: ids})
		}, fn)
	}
	after := ""
	for {
		page, err := x.store.ExportDocuments(ctx, model.ExportPage{After: after, Limit: size})
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		if err := fn(page); err != nil {
			return err
		}
		if len(page) < size {
			return nil
		}
		after = page[len(page)-1].Article.ID
	}
}

// chunks reads the pages of a list of ids, size ids at a time, and calls
// fn with each.
func chunks[T any](ids []string, size int, read func([]string) ([]T, error), fn func([]T) error) error {
	for chunk := range slices.Chunk(ids, size) {
		page, err := read(chunk)
		if err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
	}
	return nil
}
