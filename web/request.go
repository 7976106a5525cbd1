// Package web is the HTTP server around geokg's endpoints: request ids and
// the access log, metrics per request, CORS, a per-client limit on
// requests in flight, health and readiness, and a server with timeouts
// that drains in-flight requests on shutdown. It knows HTTP, not GraphQL:
// the GraphQL endpoint (package graph) names each request's operation here.
package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
)

// Info is what the access log says about a request. The middleware puts
// one in each request's context; handlers add what only they know.
type Info struct {
	ID     string // the request id, also in the X-Request-Id header
	Client string // the client's address (see ClientKey)

	mu        sync.Mutex
	operation string
	codes     []string
}

type infoKey struct{}

// From returns the request's Info, or nil outside a request.
func From(ctx context.Context) *Info {
	i, _ := ctx.Value(infoKey{}).(*Info)
	return i
}

func withInfo(ctx context.Context, i *Info) context.Context {
	return context.WithValue(ctx, infoKey{}, i)
}

// SetOperation names the request's GraphQL operation, for the access log
// and the metrics (at most 64 bytes of the name a client chose).
func SetOperation(ctx context.Context, name string) {
	if len(name) > 64 {
		name = name[:64]
	}
	if i := From(ctx); i != nil {
		i.mu.Lock()
		i.operation = name
		i.mu.Unlock()
	}
}

// NoteError records an error code the request was answered with.
func NoteError(ctx context.Context, code string) {
	if i := From(ctx); i != nil {
		i.mu.Lock()
		if len(i.codes) < 8 {
			i.codes = append(i.codes, code)
		}
		i.mu.Unlock()
	}
}

// Operation is the name of the request's GraphQL operation, if any.
func (i *Info) Operation() string {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.operation
}

func (i *Info) errorCodes() []string {
	i.mu.Lock()
	defer i.mu.Unlock()
	return append([]string(nil), i.codes...)
}

// requestID is the client's X-Request-Id when it is a short token, so that
// a request can be followed through proxies, or a new random id.
func requestID(given string) string {
	if n := len(given); n > 0 && n <= 64 {
		ok := true
		for _, c := range given {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
				ok = false
				break
			}
		}
		if ok {
			return given
		}
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// LogHandler adds the request id to every record logged with a request's
// context (slog.InfoContext(ctx, …)), so that the lines one request causes
// can be found together.
func LogHandler(h slog.Handler) slog.Handler { return logHandler{h} }

type logHandler struct{ slog.Handler }

func (h logHandler) Handle(ctx context.Context, r slog.Record) error {
	if i := From(ctx); i != nil {
		r.AddAttrs(slog.String("request_id", i.ID))
	}
	return h.Handler.Handle(ctx, r)
}

func (h logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return logHandler{h.Handler.WithAttrs(attrs)}
}

func (h logHandler) WithGroup(name string) slog.Handler { return logHandler{h.Handler.WithGroup(name)} }
