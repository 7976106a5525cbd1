package export

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/model"
)

// Handler serves exports over HTTP:
//
//	GET /export?format=graphml|csv|jsonl[&table=nodes|edges][&entity=NAME&depth=N&types=PERSON,EVENT&limit=N]
//
// The answer streams as pages are read. Errors found before the first
// byte (a bad argument, an unknown entity, Neo4j down) answer with the
// GraphQL API's error body and code and an HTTP status that says the
// same: INVALID 400, NOT_FOUND 404, UNAVAILABLE 503, TIMEOUT 504,
// INTERNAL 500. Each page's read transaction gets timeout, as a GraphQL
// request does; the whole export runs as long as the client reads. An
// error after the first byte aborts the response, so the client sees a
// broken transfer rather than a short file that looks whole.
func Handler(store Store, timeout time.Duration, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	paged := pageTimeout{store, timeout}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r)
		var x *Export
		if err == nil {
			x, err = Prepare(r.Context(), paged, req)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		w.Header().Set("Content-Type", x.ContentType())
		w.Header().Set("Content-Disposition", `attachment; filename="`+x.FileName()+`"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		start := time.Now()
		cw := &countingWriter{w: w}
		if err := x.Write(r.Context(), cw); err != nil {
			if cw.n == 0 {
				writeError(w, r, log, err)
				return
			}
			log.ErrorContext(r.Context(), "export failed after it started; aborting the response",
				"query", r.URL.RawQuery, "bytes", cw.n, "err", err)
			// net/http's sentinel for aborting a response: the client sees
			// the transfer break instead of a truncated but well-formed file.
			panic(http.ErrAbortHandler)
		}
		log.InfoContext(r.Context(), "export", "query", r.URL.RawQuery, "bytes", cw.n, "took", time.Since(start).Round(time.Millisecond))
	})
}

// parseRequest reads the query string.
func parseRequest(r *http.Request) (Request, error) {
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "format", "table", "entity", "depth", "types", "limit":
		default:
			return Request{}, model.Errorf(model.EINVALID, "unknown parameter %q (format, table, entity, depth, types, limit)", k)
		}
	}
	req := Request{Format: q.Get("format"), Table: q.Get("table"), Entity: q.Get("entity")}
	var err error
	if req.Depth, err = intParam(q.Get("depth"), "depth"); err != nil {
		return req, err
	}
	if req.Limit, err = intParam(q.Get("limit"), "limit"); err != nil {
		return req, err
	}
	for _, t := range strings.Split(q.Get("types"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			req.Types = append(req.Types, t)
		}
	}
	return req, nil
}

func intParam(v, name string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, model.Errorf(model.EINVALID, "%s must be a positive integer, got %q", name, v)
	}
	return n, nil
}

// status is the HTTP status of an error code.
var status = map[string]int{
	model.EINVALID:     http.StatusBadRequest,
	model.ENOTFOUND:    http.StatusNotFound,
	model.EUNAVAILABLE: http.StatusServiceUnavailable,
	model.ETIMEOUT:     http.StatusGatewayTimeout,
	model.EINTERNAL:    http.StatusInternalServerError,
}

// writeError answers with the API's error shape: {"errors": [{"message",
// "extensions": {"code"}}]}; internal details go to the log only.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	code := model.ErrorCode(err)
	if code == model.EINTERNAL {
		log.ErrorContext(r.Context(), "export failed", "query", r.URL.RawQuery, "err", err)
	}
	st, ok := status[code]
	if !ok {
		st = http.StatusBadRequest
	}
	type gqlError struct {
		Message    string            `json:"message"`
		Extensions map[string]string `json:"extensions"`
	}
	body := struct {
		Errors []gqlError `json:"errors"`
	}{[]gqlError{{Message: model.ErrorMessage(err), Extensions: map[string]string{"code": code}}}}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(st)
	_ = json.NewEncoder(w).Encode(body)
}

type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// pageTimeout gives every read of an export its own deadline, as the API
// gives one to every request: a long export is many short transactions.
type pageTimeout struct {
	Store
	d time.Duration
}

func (p pageTimeout) ExportNodes(ctx context.Context, pg model.ExportPage) ([]model.ExportNode, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	return p.Store.ExportNodes(ctx, pg)
}

func (p pageTimeout) ExportEdges(ctx context.Context, pg model.ExportPage) ([]model.ExportEdge, string, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	return p.Store.ExportEdges(ctx, pg)
}

func (p pageTimeout) ExportDocuments(ctx context.Context, pg model.ExportPage) ([]*model.Document, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	return p.Store.ExportDocuments(ctx, pg)
}

func (p pageTimeout) FindEntity(ctx context.Context, ref string) (*model.StoredEntity, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	return p.Store.FindEntity(ctx, ref)
}

func (p pageTimeout) Neighborhood(ctx context.Context, q model.NeighborhoodQuery) (*model.Subgraph, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	return p.Store.Neighborhood(ctx, q)
}
