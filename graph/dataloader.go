package graph

import (
	"context"
	"sync"
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
	Entity      *loader[string, *model.StoredEntity]
	Event       *loader[string, *model.StoredEvent]
	Statement   *loader[string, *model.Statement]
	Article     *loader[string, *model.StoredArticle]
	ArticleText *loader[string, string]
	// Linked nodes, keyed by link and source id: one query per link asked.
	Entities   *loader[linkKey, []*model.StoredEntity]
	Events     *loader[linkKey, []*model.StoredEvent]
	Statements *loader[linkKey, []*model.Statement]
	Articles   *loader[linkKey, []*model.StoredArticle]

	parts     model.Parts // what the operation asks of each kind of node
	schema    *ast.Schema // to read selections
	execution             // how the operation is executed (exec.go)
}

// linkKey asks for the nodes that Link leads to from node ID.
type linkKey struct {
	Link model.Link
	ID   string
}

// loader is a dataloader whose primed values (what root fields brought
// along, selection.go) are read at once, without the loader's thunk, lock
// and closures: in a primed operation they are nearly all it is asked.
type loader[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	mu     sync.RWMutex
	primed map[K]V
}

func newLoader[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error), opt dataloadgen.Option) *loader[K, V] {
	return &loader[K, V]{Loader: dataloadgen.NewMappedLoader(fetch, opt)}
}

// Prime remembers the value of key, unless it has one already (as
// dataloadgen's Prime).
func (l *loader[K, V]) Prime(key K, v V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.primed == nil {
		l.primed = map[K]V{}
	}
	if _, ok := l.primed[key]; !ok {
		l.primed[key] = v
	}
}

func (l *loader[K, V]) get(key K) (V, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	v, ok := l.primed[key]
	return v, ok
}

// Load is the value of key: primed, or loaded in the next batch.
func (l *loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	if v, ok := l.get(key); ok {
		return v, nil
	}
	return l.Loader.Load(ctx, key)
}

// LoadThunk queues key in the next batch, unless it was primed.
func (l *loader[K, V]) LoadThunk(ctx context.Context, key K) func() (V, error) {
	if v, ok := l.get(key); ok {
		return func() (V, error) { return v, nil }
	}
	return l.Loader.LoadThunk(ctx, key)
}

// allPrimed are the primed values of keys, if every key was primed.
func (l *loader[K, V]) allPrimed(keys []K) ([]V, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make([]V, 0, len(keys))
	for _, k := range keys {
		v, ok := l.primed[k]
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
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
		Entity: newLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredEntity, error) {
			return r.EntitiesByID(ctx, ids, p)
		}, opt),
		Event: newLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredEvent, error) {
			return r.EventsByID(ctx, ids, p)
		}, opt),
		Statement: newLoader(func(ctx context.Context, ids []string) (map[string]*model.Statement, error) {
			return r.StatementsByID(ctx, ids, p)
		}, opt),
		Article: newLoader(func(ctx context.Context, ids []string) (map[string]*model.StoredArticle, error) {
			return r.ArticlesByID(ctx, ids, p)
		}, opt),
		ArticleText: newLoader(r.ArticleTexts, opt),
		Entities:    linkLoader(r.LinkedEntities, p, opt),
		Events:      linkLoader(r.LinkedEvents, p, opt),
		Statements:  linkLoader(r.LinkedStatements, p, opt),
		Articles:    linkLoader(r.LinkedArticles, p, opt),
		parts:       p,
	}
}

// linkLoader batches link lookups: the keys of one batch are grouped by
// link, one query each.
func linkLoader[T any](fetch func(context.Context, model.Link, []string, model.Parts) (map[string][]T, error), p model.Parts, opt dataloadgen.Option) *loader[linkKey, []T] {
	return newLoader(func(ctx context.Context, keys []linkKey) (map[linkKey][]T, error) {
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
