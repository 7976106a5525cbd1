package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/vikstrous/dataloadgen"
)

// Loaders batch the lookups of nested fields: however many events a query
// lists, their participants are fetched in one query. They live for one
// request, so nothing is cached across users.
type Loaders struct {
	Entity     *dataloadgen.Loader[string, *model.Entity]
	Article    *dataloadgen.Loader[string, *model.Article]
	EventsOf   *dataloadgen.Loader[string, []*model.Event]
	Statements *dataloadgen.Loader[string, []*model.Statement]
}

type loadersKey struct{}

// batchWait is how long a loader collects keys before it queries.
const batchWait = time.Millisecond

// NewLoaders makes the loaders of one request.
func NewLoaders(r model.Reader) *Loaders {
	opt := dataloadgen.WithWait(batchWait)
	return &Loaders{
		Entity:     dataloadgen.NewMappedLoader(r.EntitiesByID, opt),
		Article:    dataloadgen.NewMappedLoader(r.ArticlesByID, opt),
		EventsOf:   dataloadgen.NewMappedLoader(r.EventsOf, opt),
		Statements: dataloadgen.NewMappedLoader(r.StatementsBy, opt),
	}
}

// WithLoaders is middleware that gives each request its own loaders.
func WithLoaders(r model.Reader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := context.WithValue(req.Context(), loadersKey{}, NewLoaders(r))
		next.ServeHTTP(w, req.WithContext(ctx))
	})
}

func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}
