package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/vikstrous/dataloadgen"
)

// Loaders batch the lookups of nested fields: however many events a query
// lists, their participants are fetched in one query, and however many
// entities it lists, their events in one more. They live for one request,
// so nothing is cached across users.
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

// NewLoaders makes the loaders of one request.
func NewLoaders(r model.Reader, wait time.Duration) *Loaders {
	opt := dataloadgen.WithWait(wait)
	return &Loaders{
		Entity:      dataloadgen.NewMappedLoader(r.EntitiesByID, opt),
		Event:       dataloadgen.NewMappedLoader(r.EventsByID, opt),
		Statement:   dataloadgen.NewMappedLoader(r.StatementsByID, opt),
		Article:     dataloadgen.NewMappedLoader(r.ArticlesByID, opt),
		ArticleText: dataloadgen.NewMappedLoader(r.ArticleTexts, opt),
		Entities:    linkLoader(r.LinkedEntities, opt),
		Events:      linkLoader(r.LinkedEvents, opt),
		Statements:  linkLoader(r.LinkedStatements, opt),
		Articles:    linkLoader(r.LinkedArticles, opt),
	}
}

// linkLoader batches link lookups: the keys of one batch are grouped by
// link, one query each.
func linkLoader[T any](fetch func(context.Context, model.Link, []string) (map[string][]T, error), opt dataloadgen.Option) *dataloadgen.Loader[linkKey, []T] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, keys []linkKey) (map[linkKey][]T, error) {
		ids := map[model.Link][]string{}
		for _, k := range keys {
			ids[k.Link] = append(ids[k.Link], k.ID)
		}
		out := make(map[linkKey][]T, len(keys))
		for link, batch := range ids {
			got, err := fetch(ctx, link, batch)
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

// withLoaders is middleware that gives each request its own loaders.
func withLoaders(r model.Reader, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := context.WithValue(req.Context(), loadersKey{}, NewLoaders(r, wait))
		next.ServeHTTP(w, req.WithContext(ctx))
	})
}

func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}
