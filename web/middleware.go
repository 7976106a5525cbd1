package web

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/metrics"
)

// Error codes of the answers the server gives before a request reaches
// its handler.
const (
	CodeRateLimited = "RATE_LIMITED"
	CodeForbidden   = "FORBIDDEN"
)

// WriteError answers with a GraphQL-shaped error (errors[].extensions.code)
// and an HTTP status, so that GraphQL clients can read every answer.
func WriteError(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	NoteError(r.Context(), code)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": map[string]any{"code": code}}},
	})
}

// Observe gives each request an id (X-Request-Id), writes one access log
// line per request (id, method, path, operation, status, duration, bytes,
// client; never headers, tokens or variables) and records the metrics.
func Observe(log *slog.Logger, m *metrics.Metrics, clientKey func(*http.Request) string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &Info{ID: requestID(r.Header.Get("X-Request-Id")), Client: clientKey(r)}
		w.Header().Set("X-Request-Id", info.ID)
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		if m != nil {
			m.InFlight(1)
			defer m.InFlight(-1)
		}
		ctx := withInfo(r.Context(), info)
		defer func() {
			took := time.Since(start)
			op := info.Operation()
			if m != nil {
				m.Request(op, rec.status, took)
			}
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelWarn
			}
			attrs := []slog.Attr{
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("operation", op), slog.Int("status", rec.status),
				slog.Float64("duration_ms", float64(took.Microseconds())/1000), slog.Int64("bytes", rec.bytes),
				slog.String("client", info.Client),
			}
			if codes := info.errorCodes(); len(codes) > 0 {
				attrs = append(attrs, slog.String("errors", strings.Join(slices.Compact(codes), ",")))
			}
			log.LogAttrs(ctx, level, "request", attrs...)
		}()
		next.ServeHTTP(rec, r.WithContext(ctx))
	})
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status  int
	bytes   int64
	written bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.written {
		r.status, r.written = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.written = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// ClientKey tells clients apart by their address. Behind a reverse proxy
// (trustProxy) the client is the last address the proxy added to
// X-Forwarded-For; otherwise the connection's address, which a client
// cannot forge.
func ClientKey(trustProxy bool) func(*http.Request) string {
	return func(r *http.Request) string {
		if trustProxy {
			if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
				hops := strings.Split(xff[len(xff)-1], ",")
				if last := strings.TrimSpace(hops[len(hops)-1]); last != "" {
					return last
				}
			}
		}
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
}

// LimitClients answers 429 to a client that already has max requests in
// flight, so that one client cannot take all of the server's capacity
// from the others. max <= 0 disables the limit.
func LimitClients(max int, m *metrics.Metrics, next http.Handler) http.Handler {
	if max <= 0 {
		return next
	}
	var (
		mu       sync.Mutex
		inFlight = map[string]int{}
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := ""
		if i := From(r.Context()); i != nil {
			key = i.Client
		}
		mu.Lock()
		n := inFlight[key]
		if n >= max {
			mu.Unlock()
			if m != nil {
				m.Rejected("rate_limited")
			}
			w.Header().Set("Retry-After", "1")
			WriteError(w, r, http.StatusTooManyRequests, CodeRateLimited,
				"too many requests in flight from this client (at most "+strconv.Itoa(max)+"); retry when one has been answered")
			return
		}
		inFlight[key] = n + 1
		mu.Unlock()
		defer func() {
			mu.Lock()
			if inFlight[key]--; inFlight[key] == 0 {
				delete(inFlight, key)
			}
			mu.Unlock()
		}()
		next.ServeHTTP(w, r)
	})
}

// CORS lets web pages from the allowed origins call the API: exact
// origins such as https://dash.example.org, or "*" for any. With no
// origins it is off: browsers then refuse pages of other origins the
// answers, as they do by default. Preflight requests (OPTIONS) are
// answered here, 204 for an allowed origin and 403 for another.
func CORS(origins []string, next http.Handler) http.Handler {
	anyOrigin := slices.Contains(origins, "*")
	allowed := func(o string) bool { return anyOrigin || slices.Contains(origins, o) }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		h := w.Header()
		h.Add("Vary", "Origin")
		if origin != "" && len(origins) > 0 && allowed(origin) {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After")
		}
		switch {
		case preflight && origin != "" && (len(origins) == 0 || !allowed(origin)):
			WriteError(w, r, http.StatusForbidden, CodeForbidden, "cross-origin requests from this origin are not allowed (see GEOKG_CORS_ORIGINS)")
		case preflight:
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, X-Request-Id")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodOptions:
			h.Set("Allow", "GET, POST, OPTIONS")
			w.WriteHeader(http.StatusNoContent)
		default:
			next.ServeHTTP(w, r)
		}
	})
}
