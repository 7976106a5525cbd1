package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"
)

// Loaders batch the lookups of nested fields: however many events a query
// lists, their participants are fetched in one query, and however many
// entities it lists, their events in one more. They live for one
// operation, so nothing is cached across users, and read the parts of
// each kind of node that the operation selects anywhere (a node is read
// once, for every place that shows it). Root fields that bring nested
// nodes along prime them here (selection.go).
type Loaders struct {
	Entity      *dataloadgen.Loader[string, *model.StoredEntity]
	Event       *dataloadgen.Loader[string, *model.StoredEvent]
	Statement   *dataloadgen.Loader[string, *model.Statement]
	Article     *dataloadgen.Loader[string, *model.StoredArticle]
	ArticleText *dataloadgen.Loader[string, string]
	// Linked nodes, keyed by link and source id: one query per link asked.
	Entities   *dataloadgen.Loader[linkKey, []*model.StoredEntity]
	Events     *dataloadgen.Loader[linkKey, []*model.StoredEvent]
	Statements *dataloadgen.Loader[linkKey, []*model.Statement]
	Articles   *dataloadgen.Loader[linkKey, []*model.StoredArticle]

	parts     model.Parts // what the operation asks of each kind of node
	schema    *ast.Schema // to read selections
	execution             // how the operation is executed (exec.go)
}

// linkKey asks for the nodes that Link leads to from node ID.
type linkKey struct {
	Link model.Link
	ID   string
}

type loadersKey struct{}

// DefaultBatchWait is how long a loader collects keys before it queries:
// each level of a nested query waits this long once.
const DefaultBatchWait = time.Millisecond

// NewLoaders makes the loaders of one operation, which reads parts p of
// the nodes it loads.
func NewLoaders(r model.Reader, wait time.Duration, p model.Parts) *Loaders {
	opt := dataloadgen.WithWait(wait)
	return &Loaders{
		Entity: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredEntity, error) {
			return r.EntitiesByID(ctx, ids, p)
		}, opt),
		Event: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredEvent, error) {
			return r.EventsByID(ctx, ids, p)
		}, opt),
		Statement: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*model.Statement, error) {
			return r.StatementsByID(ctx, ids, p)
		}, opt),
		Article: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredArticle, error) {
			return r.ArticlesByID(ctx, ids, p)
		}, opt),
		ArticleText: dataloadgen.NewMappedLoader(r.ArticleTexts, opt),
		Entities:    linkLoader(r.LinkedEntities, p, opt),
		Events:      linkLoader(r.LinkedEvents, p, opt),
		Statements:  linkLoader(r.LinkedStatements, p, opt),
		Articles:    linkLoader(r.LinkedArticles, p, opt),
		parts:       p,
	}
}

// linkLoader batches link lookups: the keys of one batch are grouped by
// link, one query each.
func linkLoader[T any](fetch func(context.Context, model.Link, []string, model.Parts) (map[string][]T, error), p model.Parts, opt dataloadgen.Option) *dataloadgen.Loader[linkKey, []T] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, keys []linkKey) (map[linkKey][]T, error) {
		ids := map[model.Link][]string{}
		for _, k := range keys {
			ids[k.Link] = append(ids[k.Link], k.ID)
		}
		out := make(map[linkKey][]T, len(keys))
		for link, batch := range ids {
			got, err := fetch(ctx, link, batch, p)
			if err != nil {
				return nil, err
			}
			for id, v := range got {
				out[linkKey{link, id}] = v
			}
		}
		return out, nil
	}, opt)
}

// withLoaders gives each operation its own loaders, which read what the
// operation selects.
func withLoaders(r model.Reader, wait time.Duration, schema *ast.Schema) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		parts, exec := readsOf(graphql.GetOperationContext(ctx), schema)
		l := NewLoaders(r, wait, parts)
		l.schema, l.execution = schema, exec
		return next(context.WithValue(ctx, loadersKey{}, l))
	}
}

func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}

// loadersIn is loaders for code that also runs outside an operation's
// middleware (marshalling hooks): nil when the context has none.
func loadersIn(ctx context.Context) *Loaders {
	l, _ := ctx.Value(loadersKey{}).(*Loaders)
	return l
}
