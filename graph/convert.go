package graph

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
	"github.com/vikstrous/dataloadgen"
)

// nodeLabels are the node labels, in NodeKind order.
var nodeLabels = []string{string(model.Person), string(model.Country), string(model.Organization), string(model.Place), "Event", "Statement", "Article"}

// modelWord is the node label of a NodeKind value.
func modelWord(enum string, vocabulary []string) string {
	for _, w := range vocabulary {
		if model.EnumName(w) == enum {
			return w
		}
	}
	return ""
}

// load loads one node through a loader; a missing id is nil, not an error.
func load[T any](ctx context.Context, l *loader[string, *T], id string) (*T, error) {
	return thunk(ctx, l, id)()
}

// thunk queues id in the loader's batch and returns a function that waits
// for the result. Queue every id before waiting on any: a lookup that
// waited in a loop would make one batch per id.
func thunk[T any](ctx context.Context, l *loader[string, *T], id string) func() (*T, error) {
	if id == "" {
		return func() (*T, error) { return nil, nil }
	}
	f := l.LoadThunk(ctx, id)
	return func() (*T, error) {
		v, err := f()
		if errors.Is(err, dataloadgen.ErrNotFound) {
			return nil, nil
		}
		return v, err
	}
}

// loadAll loads nodes through a loader in one batch, skipping missing ones.
func loadAll[T any](ctx context.Context, l *loader[string, *T], ids []string) ([]*T, error) {
	if nodes, ok := l.allPrimed(ids); ok {
		return slices.DeleteFunc(nodes, func(n *T) bool { return n == nil }), nil
	}
	return queue(ctx, l, ids)()
}

// queue queues ids in the loader's batch and returns a function that waits
// for them, so that lookups in several loaders run at the same time.
func queue[T any](ctx context.Context, l *loader[string, *T], ids []string) func() ([]*T, error) {
	thunks := make([]func() (*T, error), len(ids))
	for i, id := range ids {
		thunks[i] = thunk(ctx, l, id)
	}
	return func() ([]*T, error) {
		out := make([]*T, 0, len(ids))
		for _, f := range thunks {
			v, err := f()
			if err != nil {
				return nil, err
			}
			if v != nil {
				out = append(out, v)
			}
		}
		return out, nil
	}
}

// entityByID loads one entity; a missing id is nil.
func entityByID(ctx context.Context, id string) (Entity, error) {
	e, err := load(ctx, loaders(ctx).Entity, id)
	return wrap(e), err
}

// entitiesByID loads entities, skipping ids that no longer exist.
func entitiesByID(ctx context.Context, ids []string) ([]Entity, error) {
	ents, err := loadAll(ctx, loaders(ctx).Entity, ids)
	out := make([]Entity, 0, len(ents))
	for _, e := range ents {
		out = append(out, wrap(e))
	}
	return out, err
}

// entityAs loads one entity as a given kind.
func entityAs[T any](ctx context.Context, id string, as func(*model.StoredEntity) *T) (*T, error) {
	e, err := load(ctx, loaders(ctx).Entity, id)
	if e == nil || err != nil {
		return nil, err
	}
	return as(e), nil
}

// countryByISO loads the country with an ISO3 code.
func countryByISO(ctx context.Context, iso3 string) (*Country, error) {
	if iso3 == "" {
		return nil, nil
	}
	return entityAs(ctx, "country:"+iso3, asCountry)
}

// leaderOf is the country a person leads, if any.
func leaderOf(ctx context.Context, p *model.StoredEntity) (*Country, error) {
	if !p.Leader {
		return nil, nil
	}
	return countryByISO(ctx, p.Country)
}

// linked follows a link from a node through a loader; nothing is an empty list.
func linked[T any](ctx context.Context, l *loader[linkKey, []T], link model.Link, id string) ([]T, error) {
	return orEmpty(l.Load(ctx, linkKey{link, id}))
}

// orEmpty makes a linked list that a loader did not find empty.
func orEmpty[T any](v []T, err error) ([]T, error) {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return []T{}, nil
	}
	return v, err
}

// linkedAs follows a link to entities of one kind.
func linkedAs[T any](ctx context.Context, link model.Link, id string, as func(*model.StoredEntity) *T) ([]*T, error) {
	ents, err := linked(ctx, loaders(ctx).Entities, link, id)
	out := make([]*T, 0, len(ents))
	for _, e := range ents {
		out = append(out, as(e))
	}
	return out, err
}

// nodeByID loads any node by its global id; an unknown kind of id is
// INVALID, a missing node nil.
func nodeByID(ctx context.Context, id string) (Node, error) {
	f, err := nodeThunk(ctx, id)
	if err != nil {
		return nil, err
	}
	return f()
}

// nodeThunk queues a node's lookup in the loader of its kind.
func nodeThunk(ctx context.Context, id string) (func() (Node, error), error) {
	l := loaders(ctx)
	kind, _, _ := strings.Cut(id, ":")
	switch kind {
	case "person", "country", "org", "place":
		f := thunk(ctx, l.Entity, id)
		return func() (Node, error) {
			e, err := f()
			if e == nil || err != nil {
				return nil, err
			}
			return wrap(e), nil
		}, nil
	case "event":
		return asNode(thunk(ctx, l.Event, id)), nil
	case "statement":
		return asNode(thunk(ctx, l.Statement, id)), nil
	case "article":
		return asNode(thunk(ctx, l.Article, id)), nil
	default:
		return nil, model.Errorf(model.EINVALID, "%s is not a global id: ids start with person:, country:, org:, place:, event:, statement: or article:", quote(id))
	}
}

// asNode makes a missing node an untyped nil, so that it is null rather
// than an interface holding a nil pointer.
func asNode[T any](f func() (*T, error)) func() (Node, error) {
	return func() (Node, error) {
		v, err := f()
		if v == nil || err != nil {
			return nil, err
		}
		return v, nil
	}
}

// nodesByID loads nodes by global id in one batch per kind, in order;
// missing ones are null when keepMissing, else skipped.
func nodesByID(ctx context.Context, ids []string, keepMissing bool) ([]Node, error) {
	thunks := make([]func() (Node, error), len(ids))
	for i, id := range ids {
		f, err := nodeThunk(ctx, id)
		if err != nil {
			return nil, err
		}
		thunks[i] = f
	}
	out := make([]Node, 0, len(ids))
	for _, f := range thunks {
		n, err := f()
		if err != nil {
			return nil, err
		}
		if n != nil || keepMissing {
			out = append(out, n)
		}
	}
	return out, nil
}

// entities gives entities their GraphQL kinds.
func entities(ents []*model.StoredEntity, err error) ([]Entity, error) {
	out := make([]Entity, len(ents))
	for i, e := range ents {
		out[i] = wrap(e)
	}
	return out, err
}

// basis is the GraphQL name of a timeline date's basis.
func basis(b string) DateBasis {
	if b == model.BasisEventDate {
		return DateBasisEventDate
	}
	return DateBasisPublished
}

// reportOf loads one report of an event; a missing one is nil.
func reportOf(ctx context.Context, event, id string) (*model.Report, error) {
	if id == "" {
		return nil, nil
	}
	ev, err := load(ctx, loaders(ctx).Event, event)
	if ev == nil || err != nil {
		return nil, err
	}
	for i := range ev.Reports {
		if ev.Reports[i].ID == id {
			return &ev.Reports[i], nil
		}
	}
	return nil, nil
}
