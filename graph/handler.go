package graph

import (
	"cmp"
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
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Options tune the GraphQL endpoint.
type Options struct {
	// Timeout bounds each request, down to the Neo4j transaction.
	Timeout time.Duration
	// Complexity is the largest query cost accepted (see costs in limits.go).
	Complexity int
	// MaxDepth is the deepest nesting of fields accepted.
	MaxDepth int
	// MaxTokens bounds the tokens of a query document and MaxFields its
	// field selections, so that parsing and validating one is cheap
	// whatever a client sends.
	MaxTokens, MaxFields int
	// MaxBody bounds a request body, in bytes; a larger one is refused
	// with HTTP 413.
	MaxBody int64
	// RootConcurrency is how many root fields of one request run at once:
	// one request cannot take every Neo4j transaction of the server.
	RootConcurrency int
	// BatchWait is how long dataloaders collect keys before they query.
	BatchWait time.Duration
	Logger    *slog.Logger
	// Ingester runs the loader for the ingestArticle mutation.
	Ingester model.Ingester
	// Token is the bearer token that allows mutations; empty allows none.
	Token string
}

// Defaults of Options.
const (
	DefaultTimeout         = 10 * time.Second
	DefaultComplexity      = 10000
	DefaultMaxDepth        = 10
	DefaultMaxTokens       = 5000
	DefaultMaxFields       = 500
	DefaultRootConcurrency = 4
	// DefaultMaxBody is an article of maxArticle bytes, JSON-escaped.
	DefaultMaxBody = 3 * maxArticle
)

// NewHandler returns the GraphQL endpoint over store: GraphQL over HTTP
// (transport.go) with POST and GET, introspection, automatic persisted
// queries, limits on tokens, depth, cost and concurrency (limits.go), a
// per-request timeout that reaches Neo4j, and per-request dataloaders.
func NewHandler(store model.Reader, opt Options) http.Handler {
	opt.Timeout = cmp.Or(opt.Timeout, DefaultTimeout)
	opt.Complexity = cmp.Or(opt.Complexity, DefaultComplexity)
	opt.MaxDepth = cmp.Or(opt.MaxDepth, DefaultMaxDepth)
	opt.MaxTokens = cmp.Or(opt.MaxTokens, DefaultMaxTokens)
	opt.MaxFields = cmp.Or(opt.MaxFields, DefaultMaxFields)
	opt.MaxBody = cmp.Or(opt.MaxBody, DefaultMaxBody)
	opt.RootConcurrency = cmp.Or(opt.RootConcurrency, DefaultRootConcurrency)
	opt.BatchWait = cmp.Or(opt.BatchWait, DefaultBatchWait)
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	resolvers := &Resolver{Store: store, Ingester: opt.Ingester, Token: opt.Token}
	schema := NewExecutableSchema(Config{Resolvers: resolvers})
	srv := handler.New(costs{schema})
	srv.AddTransport(httpTransport{maxBody: opt.MaxBody})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(opt.MaxTokens)
	for _, e := range extensions(opt) {
		srv.Use(e)
	}
	srv.AroundOperations(rootSlots(opt.RootConcurrency))
	srv.AroundOperations(expired)
	srv.AroundOperations(withLoaders(store, opt.BatchWait, schema.Schema()))
	srv.AroundRootFields(takeRootSlot)
	srv.SetErrorPresenter(errorPresenter(opt.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		opt.Logger.ErrorContext(ctx, "resolver panic", "panic", v, "stack", string(debug.Stack()))
		return errors.New("internal error")
	})
	return withTimeout(opt.Timeout, srv)
}

// extensions are the server's extensions, in order. None intercepts fields
// (graphql.FieldInterceptor), and the server sets no AroundFields: plain
// fields are marshalled without the field middleware (exec.go,
// TestNoFieldMiddleware).
func extensions(opt Options) []graphql.HandlerExtension {
	return []graphql.HandlerExtension{
		extension.Introspection{},
		extension.AutomaticPersistedQuery{Cache: lru.New[string](queryCacheSize)},
		// After APQ, which fills in the query.
		FieldLimit{Max: opt.MaxFields, MaxTokens: opt.MaxTokens, Accepted: lru.New[struct{}](queryCacheSize)},
		DepthLimit{Max: opt.MaxDepth},
		extension.FixedComplexityLimit(opt.Complexity),
	}
}

// queryCacheSize is how many query documents the server remembers parsed
// (and persisted, and within the field limit).
const queryCacheSize = 1000

// withTimeout gives each request a deadline that reaches Neo4j.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// expired answers TIMEOUT when the request's deadline passed before the
// operation could run: gqlgen would answer with an empty body.
func expired(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	first := true
	return func(ctx context.Context) *graphql.Response {
		if err := ctx.Err(); first && err != nil {
			first = false
			gerr := gqlerror.Errorf("%s", model.ErrorMessage(err))
			gerr.Extensions = map[string]any{"code": model.ErrorCode(err)}
			return &graphql.Response{Errors: gqlerror.List{gerr}}
		}
		first = false
		return responses(ctx)
	}
}

// errorPresenter is the one place where errors become GraphQL errors: every
// error gets extensions.code. Errors of the application carry their code
// and a message safe to show; errors gqlgen makes about the request keep
// theirs (INVALID when they have no code); anything else is INTERNAL, with
// details only in the log.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := present(ctx, log, err)
		// Messages may quote a client's input (names, ids, field names):
		// never at length.
		if r := []rune(gerr.Message); len(r) > maxMessage {
			gerr.Message = string(r[:maxMessage]) + "…"
		}
		return gerr
	}
}

// maxMessage is the longest error message, in characters.
const maxMessage = 300

func present(ctx context.Context, log *slog.Logger, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
		return gerr // parse, validation and limit errors already carry a code
	}
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	var own *gqlerror.Error
	if errors.As(err, &own) && own.Err == nil && len(own.Path) == 0 {
		gerr.Extensions["code"] = model.EINVALID // about the request: bad JSON, too large, …
		return gerr
	}
	code := model.ErrorCode(err)
	switch code {
	case model.EINTERNAL:
		log.ErrorContext(ctx, "graphql resolver failed", "path", fmt.Sprint(gerr.Path), "err", err)
	case model.EUNAUTHORIZED:
		// Failed authorizations are logged with their reason; never the token.
		log.WarnContext(ctx, "authorization failed", "path", fmt.Sprint(gerr.Path), "reason", model.ErrorMessage(err))
	}
	gerr.Message = model.ErrorMessage(err)
	gerr.Extensions["code"] = code
	return gerr
}
