package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Options tune the GraphQL endpoint.
type Options struct {
	// Timeout bounds each request, down to the Neo4j transaction.
	Timeout time.Duration
	// Complexity is the largest query complexity accepted.
	Complexity int
	Logger     *slog.Logger
	// Ingester runs the loader for the ingestArticle mutation.
	Ingester model.Ingester
	// Token is the bearer token that allows mutations; empty allows none.
	Token string
}

// NewHandler returns the GraphQL endpoint over store: POST and GET, with
// introspection, automatic persisted queries, a complexity limit, a
// per-request timeout and per-request dataloaders.
func NewHandler(store model.Reader, opt Options) http.Handler {
	if opt.Timeout == 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.Complexity == 0 {
		opt.Complexity = 1000
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: store}}))
	srv.AddTransport(transport.GET{UseGrapQLResponseJsonByDefault: true})
	srv.AddTransport(transport.POST{UseGrapQLResponseJsonByDefault: true})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(opt.Complexity))
	srv.SetErrorPresenter(errorPresenter(opt.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		opt.Logger.ErrorContext(ctx, "resolver panic", "panic", v, "stack", string(debug.Stack()))
		return errors.New("internal error")
	})
	var h http.Handler = WithLoaders(store, srv)
	return http.TimeoutHandler(withTimeout(opt.Timeout, h), opt.Timeout+time.Second, `{"errors":[{"message":"the request took too long","extensions":{"code":"TIMEOUT"}}]}`)
}

// withTimeout gives each request a deadline that reaches Neo4j.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// errorPresenter is the one place where errors become GraphQL errors: every
// error gets extensions.code; internal details go to the log, not the client.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			return gerr // parse and validation errors already carry a code
		}
		code := model.ErrorCode(err)
		if code == model.EINTERNAL {
			log.ErrorContext(ctx, "graphql resolver failed", "path", fmt.Sprint(gerr.Path), "err", err)
		}
		gerr.Message = model.ErrorMessage(err)
		if gerr.Extensions == nil {
			gerr.Extensions = map[string]any{}
		}
		gerr.Extensions["code"] = code
		return gerr
	}
}
