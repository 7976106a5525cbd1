package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The bodies of root queries that are more than one line live here, so that
// schema.resolvers.go stays a list of one-liners.

// nodes loads nodes by id, null for those that do not exist; an id that
// is not valid or cannot be loaded is null with an error at its index,
// and the others are kept.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]Node, error) {
	if len(ids) > maxPage {
		return nil, model.Errorf(model.EINVALID, "at most %d ids at once, got %d", maxPage, len(ids))
	}
	thunks := make([]func() (Node, error), len(ids))
	for i, id := range ids {
		f, err := nodeThunk(ctx, id)
		if err != nil {
			itemError(ctx, i, err)
			continue
		}
		thunks[i] = f
	}
	out := make([]Node, len(ids))
	for i, f := range thunks {
		if f == nil {
			continue
		}
		n, err := f()
		if err != nil {
			itemError(ctx, i, err)
			continue
		}
		out[i] = n
	}
	return out, nil
}

// itemError reports the error of item i of the list field being resolved.
func itemError(ctx context.Context, i int, err error) {
	path := append(graphql.GetPath(ctx), ast.PathIndex(i))
	graphql.AddError(ctx, &gqlerror.Error{Err: err, Message: err.Error(), Path: path})
}

// entity reads the entity and what its nested fields go on to in one
// statement.
func (r *Resolver) entity(ctx context.Context, name string) (Entity, error) {
	sel, _ := selection(ctx, entityKind)
	e, inc, err := r.Store.Entity(ctx, name, sel)
	if model.ErrorCode(err) == model.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prime(ctx, inc)
	loaders(ctx).Entity.Prime(e.ID, e)
	return wrap(e), nil
}

// The lists read their page, what its nested fields go on to and, only
// when selected, the total count.
var pageNodes = [][]string{{"nodes"}, {"edges", "node"}}

func (r *Resolver) search(ctx context.Context, query string, types []NodeKind, first *int, after *string) (*SearchConnection, error) {
	w, err := window(first, after)
	if err != nil {
		return nil, err
	}
	if err := searchWords(query); err != nil {
		return nil, err
	}
	_, l := selection(ctx, noKind)
	w = l.window(w)
	q := model.SearchQuery{Text: query, Window: w}
	for _, t := range types {
		if t == NodeKindEvent || t == NodeKindArticle {
			return nil, model.Errorf(model.EINVALID, "search finds people, countries, organizations, places and statements, not %s", t)
		}
		q.Labels = append(q.Labels, modelWord(string(t), nodeLabels))
	}
	p, err := r.Store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(p.Items))
	for i, h := range p.Items {
		ids[i] = h.ID
	}
	nodes, err := nodesByID(ctx, ids, true)
	if err != nil {
		return nil, err
	}
	conn := &SearchConnection{Edges: []*SearchEdge{}, PageInfo: pageInfo(w, len(p.Items), p.More, l), TotalCount: p.Total}
	for i, n := range nodes {
		if n != nil {
			conn.Edges = append(conn.Edges, &SearchEdge{Cursor: cursor(w.Offset + i), Node: n, Score: p.Items[i].Score})
		}
	}
	return conn, nil
}

func (r *Resolver) events(ctx context.Context, filter *EventFilter, orderBy *EventOrder, first *int, after *string) (*EventConnection, error) {
	w, err := window(first, after)
	if err != nil {
		return nil, err
	}
	q := model.EventQuery{Window: w, Order: model.Order{By: model.OrderDate, Desc: true}}
	var l listed
	q.Select, l = selection(ctx, eventKind, pageNodes...)
	q.Window = l.window(w)
	if orderBy != nil {
		q.Order = order(orderBy.By, orderBy.Direction, eventOrderKeys)
	}
	if q.Filter, err = r.eventFilter(ctx, filter); err != nil {
		return nil, err
	}
	p, err := r.Store.Events(ctx, q)
	if err != nil {
		return nil, err
	}
	primePage(ctx, p.Included, loaders(ctx).Event, p.Items, func(e *model.StoredEvent) string { return e.ID })
	return eventConnection(p, q.Window, l), nil
}

func (r *Resolver) statements(ctx context.Context, filter *StatementFilter, orderBy *StatementOrder, first *int, after *string) (*StatementConnection, error) {
	w, err := window(first, after)
	if err != nil {
		return nil, err
	}
	q := model.StatementQuery{Window: w, Order: model.Order{By: model.OrderPublished, Desc: true}}
	var l listed
	q.Select, l = selection(ctx, statementKind, pageNodes...)
	q.Window = l.window(w)
	if orderBy != nil {
		q.Order = order(orderBy.By, orderBy.Direction, statementOrderKeys)
	}
	if q.Filter, err = r.statementFilter(ctx, filter); err != nil {
		return nil, err
	}
	p, err := r.Store.Statements(ctx, q)
	if err != nil {
		return nil, err
	}
	primePage(ctx, p.Included, loaders(ctx).Statement, p.Items, func(s *model.Statement) string { return s.ID })
	return statementConnection(p, q.Window, l), nil
}

func (r *Resolver) entities(ctx context.Context, filter *EntityFilter, orderBy *EntityOrder, first *int, after *string) (*EntityConnection, error) {
	w, err := window(first, after)
	if err != nil {
		return nil, err
	}
	q := model.EntityQuery{Window: w, Order: model.Order{By: model.OrderName}}
	var l listed
	q.Select, l = selection(ctx, entityKind, pageNodes...)
	q.Window = l.window(w)
	if orderBy != nil {
		q.Order = order(orderBy.By, orderBy.Direction, entityOrderKeys)
	}
	if q.Filter, err = r.entityFilter(ctx, filter); err != nil {
		return nil, err
	}
	p, err := r.Store.Entities(ctx, q)
	if err != nil {
		return nil, err
	}
	primePage(ctx, p.Included, loaders(ctx).Entity, p.Items, func(e *model.StoredEntity) string { return e.ID })
	return entityConnection(p, q.Window, l), nil
}

func (r *Resolver) articles(ctx context.Context, filter *ArticleFilter, first *int, after *string) (*ArticleConnection, error) {
	w, err := window(first, after)
	if err != nil {
		return nil, err
	}
	q := model.ArticleQuery{Window: w}
	var l listed
	q.Select, l = selection(ctx, articleKind, pageNodes...)
	q.Window = l.window(w)
	if q.Filter, err = articleFilter(filter); err != nil {
		return nil, err
	}
	p, err := r.Store.Articles(ctx, q)
	if err != nil {
		return nil, err
	}
	primePage(ctx, p.Included, loaders(ctx).Article, p.Items, func(a *model.StoredArticle) string { return a.ID })
	return articleConnection(p, q.Window, l), nil
}

// twoEntities resolves two different entity arguments.
func (r *Resolver) twoEntities(ctx context.Context, a, b string) (string, string, error) {
	aID, err := r.entityID(ctx, a)
	if err != nil {
		return "", "", err
	}
	bID, err := r.entityID(ctx, b)
	if err != nil {
		return "", "", err
	}
	if aID == bID {
		return "", "", model.Errorf(model.EINVALID, "%s and %s are the same entity (%s)", quote(a), quote(b), aID)
	}
	return aID, bID, nil
}

func (r *Resolver) relations(ctx context.Context, a, b string) (*Relations, error) {
	aID, bID, err := r.twoEntities(ctx, a, b)
	if err != nil {
		return nil, err
	}
	rel, err := r.Store.Relations(ctx, aID, bID)
	if err != nil {
		return nil, err
	}
	l := loaders(ctx)
	ends, events, statements := queue(ctx, l.Entity, []string{aID, bID}), queue(ctx, l.Event, rel.Events), queue(ctx, l.Statement, rel.Statements)
	out := &Relations{Links: make([]*model.Hop, len(rel.Links))}
	for i := range rel.Links {
		out.Links[i] = &rel.Links[i]
	}
	ab, err := entities(ends())
	if err != nil {
		return nil, err
	}
	if len(ab) != 2 {
		return nil, model.Errorf(model.ENOTFOUND, "no entity %s or %s", aID, bID)
	}
	out.A, out.B = ab[0], ab[1]
	if out.Events, err = events(); err != nil {
		return nil, err
	}
	out.Statements, err = statements()
	return out, err
}

func (r *Resolver) paths(ctx context.Context, from, to string, maxHops, first *int) ([]*Path, error) {
	fromID, toID, err := r.twoEntities(ctx, from, to)
	if err != nil {
		return nil, err
	}
	hops, err := bounded("maxHops", maxHops, 4, 6)
	if err != nil {
		return nil, err
	}
	n, err := bounded("first", first, 10, maxPage)
	if err != nil {
		return nil, err
	}
	found, err := r.Store.Paths(ctx, fromID, toID, hops, n)
	if err != nil {
		return nil, err
	}
	// Every node of every path in one batch per kind.
	var ids []string
	for _, p := range found {
		ids = append(ids, p.Nodes...)
	}
	nodes, err := nodesByID(ctx, ids, true)
	if err != nil {
		return nil, err
	}
	out := make([]*Path, len(found))
	for i, p := range found {
		out[i] = &Path{Length: len(p.Hops), Nodes: nodes[:len(p.Nodes)]}
		nodes = nodes[len(p.Nodes):]
		for j := range p.Hops {
			out[i].Hops = append(out[i].Hops, &p.Hops[j])
		}
	}
	return out, nil
}

func (r *Resolver) neighborhood(ctx context.Context, id string, depth *int, types []NodeKind, limit *int) (*Subgraph, error) {
	// The store resolves a name inside the walk's statement.
	q := model.NeighborhoodQuery{ID: id}
	var err error
	if q.Depth, err = bounded("depth", depth, 1, maxDepth); err != nil {
		return nil, err
	}
	if q.Limit, err = bounded("limit", limit, model.DefaultNeighborhoodNodes, maxNeighborhood); err != nil {
		return nil, err
	}
	if len(types) == 0 {
		types = []NodeKind{NodeKindPerson, NodeKindCountry, NodeKindOrganization, NodeKindPlace, NodeKindEvent, NodeKindStatement}
	}
	for _, t := range types {
		q.Labels = append(q.Labels, modelWord(string(t), nodeLabels))
	}
	g, err := r.Store.Neighborhood(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &Subgraph{Truncated: g.Truncated, Nodes: make([]*model.GraphNode, len(g.Nodes)), Edges: make([]*model.GraphEdge, len(g.Edges))}
	for i := range g.Nodes {
		out.Nodes[i] = &g.Nodes[i]
	}
	for i := range g.Edges {
		out.Edges[i] = &g.Edges[i]
	}
	return out, nil
}

func (r *Resolver) timeline(ctx context.Context, entity string, from, to *string, first *int) ([]*model.TimelineEntry, error) {
	q := model.TimelineQuery{From: deref(from), To: deref(to)}
	var err error
	for _, d := range []struct{ name, v string }{{"from", q.From}, {"to", q.To}} {
		if d.v != "" {
			if err := day(d.name, d.v); err != nil {
				return nil, err
			}
		}
	}
	if q.Limit, err = bounded("first", first, maxPage, maxPage); err != nil {
		return nil, err
	}
	if q.Entity, err = r.entityID(ctx, entity); err != nil {
		return nil, err
	}
	entries, err := r.Store.Timeline(ctx, q)
	out := make([]*model.TimelineEntry, len(entries))
	for i := range entries {
		out[i] = &entries[i]
	}
	return out, err
}

func (r *Resolver) eventCounts(ctx context.Context, filter *EventFilter) (*EventCounts, error) {
	f, err := r.eventFilter(ctx, filter)
	if err != nil {
		return nil, err
	}
	rows, err := r.Store.EventCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	return foldCounts(rows), nil
}

// foldCounts sums the counts of (type, status, month) groups into the
// dashboard's views, most first.
func foldCounts(rows []model.EventCount) *EventCounts {
	type typeStatus struct {
		typ    model.EventType
		status model.Status
	}
	byType, byStatus, byMonth := map[model.EventType]int{}, map[model.Status]int{}, map[string]int{}
	byBoth := map[typeStatus]int{}
	out := &EventCounts{ByType: []*TypeCount{}, ByStatus: []*StatusCount{}, ByTypeAndStatus: []*TypeStatusCount{}, ByMonth: []*MonthCount{}}
	for _, r := range rows {
		out.Total += r.Count
		byType[r.Type] += r.Count
		byStatus[r.Status] += r.Count
		byBoth[typeStatus{r.Type, r.Status}] += r.Count
		if r.Month != "" {
			byMonth[r.Month] += r.Count
		}
	}
	for t, n := range byType {
		out.ByType = append(out.ByType, &TypeCount{Type: t, Count: n})
	}
	for s, n := range byStatus {
		out.ByStatus = append(out.ByStatus, &StatusCount{Status: s, Count: n})
	}
	for k, n := range byBoth {
		out.ByTypeAndStatus = append(out.ByTypeAndStatus, &TypeStatusCount{Type: k.typ, Status: k.status, Count: n})
	}
	for m, n := range byMonth {
		out.ByMonth = append(out.ByMonth, &MonthCount{Month: m, Count: n})
	}
	slices.SortFunc(out.ByType, func(a, b *TypeCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Type, b.Type)) })
	slices.SortFunc(out.ByStatus, func(a, b *StatusCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Status, b.Status)) })
	slices.SortFunc(out.ByTypeAndStatus, func(a, b *TypeStatusCount) int {
		return cmp.Or(b.Count-a.Count, cmp.Compare(a.Type, b.Type), cmp.Compare(a.Status, b.Status))
	})
	slices.SortFunc(out.ByMonth, func(a, b *MonthCount) int { return cmp.Compare(a.Month, b.Month) })
	return out
}

func (r *Resolver) countryRelations(ctx context.Context, filter *EventFilter, first *int) ([]*CountryRelation, error) {
	n, err := bounded("first", first, maxPage, maxPage)
	if err != nil {
		return nil, err
	}
	f, err := r.eventFilter(ctx, filter)
	if err != nil {
		return nil, err
	}
	pairs, err := r.Store.CountryPairs(ctx, f)
	if err != nil {
		return nil, err
	}
	return countryMatrix(ctx, pairs, n)
}

// countryMatrix folds per-type counts into one row per pair of countries,
// most events first, and loads the countries in one batch.
func countryMatrix(ctx context.Context, pairs []model.CountryPair, n int) ([]*CountryRelation, error) {
	type cell struct {
		from, to string
		directed bool
	}
	rows := map[cell]*CountryRelation{}
	var ids []string
	var order []cell
	for _, p := range pairs {
		c := cell{p.From, p.To, p.Directed}
		row := rows[c]
		if row == nil {
			row = &CountryRelation{Directed: p.Directed}
			rows[c] = row
			order = append(order, c)
			ids = append(ids, p.From, p.To)
		}
		row.Count += p.Count
		row.ByType = append(row.ByType, &TypeCount{Type: p.Type, Count: p.Count})
	}
	countries, err := loadAll(ctx, loaders(ctx).Entity, ids)
	if err != nil {
		return nil, err
	}
	byID := map[string]*Country{}
	for _, c := range countries {
		byID[c.ID] = asCountry(c)
	}
	out := make([]*CountryRelation, 0, len(order))
	for _, c := range order {
		row := rows[c]
		row.From, row.To = byID[c.from], byID[c.to]
		if row.From == nil || row.To == nil {
			continue // deleted since counted
		}
		slices.SortFunc(row.ByType, func(a, b *TypeCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Type, b.Type)) })
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b *CountryRelation) int {
		return cmp.Or(b.Count-a.Count, cmp.Compare(a.From.ID, b.From.ID), cmp.Compare(a.To.ID, b.To.ID))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}
