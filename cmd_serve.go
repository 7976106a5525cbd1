package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/metrics"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/web"
)

// serveConfig is geokg serve's configuration (see settings in config.go).
type serveConfig struct {
	addr                               string
	timeout, drain                     time.Duration
	limits                             web.Limits
	maxBody                            int
	complexity, maxDepth, maxTokens    int
	clientConcurrency, rootConcurrency int
	neo4jConcurrency                   int
	corsOrigins                        string
	trustProxy                         bool
	token, logFormat, logLevel         string
	neo4j                              neo4j.Config
}

// serveSettings declares geokg serve's flags and environment variables:
// the configuration table of the README, in its order.
func serveSettings(s *settings) *serveConfig {
	c := &serveConfig{}
	addr := s.String("addr", "GEOKG_ADDR", "127.0.0.1:8080", "listen `address` (host:port)")
	timeout := s.Duration("timeout", "GEOKG_TIMEOUT", graph.DefaultTimeout, "time a request may take, down to its Neo4j transactions; then TIMEOUT")
	drain := s.Duration("drain", "GEOKG_DRAIN", web.DefaultLimits.Drain, "on SIGTERM or SIGINT, time to finish the requests in flight before exiting")
	readHeader := s.Duration("read-header-timeout", "GEOKG_READ_HEADER_TIMEOUT", web.DefaultLimits.ReadHeader, "time to read a request's headers")
	read := s.Duration("read-timeout", "GEOKG_READ_TIMEOUT", web.DefaultLimits.Read, "time to read a whole request, body included")
	write := s.Duration("write-timeout", "GEOKG_WRITE_TIMEOUT", web.DefaultLimits.Write, "time from a request's headers to the end of its answer; keep it above --timeout")
	idle := s.Duration("idle-timeout", "GEOKG_IDLE_TIMEOUT", web.DefaultLimits.Idle, "time a kept-alive connection waits for its next request")
	maxHeader := s.Int("max-header-bytes", "GEOKG_MAX_HEADER_BYTES", web.DefaultLimits.MaxHeaderBytes, "largest request headers, in bytes")
	maxBody := s.Int("max-body", "GEOKG_MAX_BODY", graph.DefaultMaxBody, "largest request body, in bytes; larger ones get HTTP 413")
	complexity := s.Int("complexity", "GEOKG_COMPLEXITY", graph.DefaultComplexity, "largest query cost (each root field costs 100, lists their page size)")
	maxDepth := s.Int("max-depth", "GEOKG_MAX_DEPTH", graph.DefaultMaxDepth, "deepest nesting of fields in a query")
	maxTokens := s.Int("max-tokens", "GEOKG_MAX_TOKENS", graph.DefaultMaxTokens, "most tokens in a query document")
	clients := s.Int("client-concurrency", "GEOKG_CLIENT_CONCURRENCY", 16, "requests one client (IP address) may have in flight; more get HTTP 429 (0: no limit)")
	roots := s.Int("root-concurrency", "GEOKG_ROOT_CONCURRENCY", graph.DefaultRootConcurrency, "root fields of one request that run at once")
	neo := s.Int("neo4j-concurrency", "GEOKG_NEO4J_CONCURRENCY", neo4j.DefaultMaxInFlight, "Neo4j transactions in flight at once, for all requests together")
	cors := s.String("cors-origins", "GEOKG_CORS_ORIGINS", "", "comma-separated `origins` whose web pages may call the API (https://dash.example.org, or * for any); empty: CORS off")
	trust := s.Bool("trust-proxy", "GEOKG_TRUST_PROXY", false, "behind a reverse proxy: tell clients apart by the last X-Forwarded-For address")
	c.token = s.Env("GEOKG_TOKEN", "", "bearer token that allows the ingestArticle mutation; empty: mutations are off")
	c.logFormat, c.logLevel = logSettings(s)
	c.neo4j = neo4jSettings(s)
	// Read after parsing: flags override the environment.
	s.after = func() {
		c.addr, c.timeout, c.drain = *addr, *timeout, *drain
		c.limits = web.Limits{ReadHeader: *readHeader, Read: *read, Write: *write, Idle: *idle, MaxHeaderBytes: *maxHeader, Drain: *drain}
		c.maxBody, c.complexity, c.maxDepth, c.maxTokens = *maxBody, *complexity, *maxDepth, *maxTokens
		c.clientConcurrency, c.rootConcurrency, c.neo4jConcurrency = *clients, *roots, *neo
		c.corsOrigins, c.trustProxy = *cors, *trust
	}
	return c
}

// serveGCPercent is the garbage collector's target while serving, unless the
// GOGC environment variable sets one. An answer is built from many short-lived
// values (driver records, GraphQL field results, JSON); at Go's default of 100
// a large answer (an entity with its events, 75 KB) spent about a third of its
// CPU allocating and collecting. 400 cut the server's CPU per such request by
// about 15 % (issue 9's profile), for a heap a few times the live one, which is
// megabytes here.
const serveGCPercent = 400

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [flags] [--load FILE...]", stderr)
	s := newSettings(fs)
	cfg := serveSettings(s)
	load := fs.Bool("load", false, "load the FILE arguments before serving")
	meta := metaFlags(fs)
	usage := fs.Usage
	fs.Usage = func() { usage(); s.printEnv(stderr) }
	if err := parse(fs, args); err != nil {
		return err
	}
	if s.after != nil {
		s.after()
	}
	if err := s.err(); err != nil {
		fmt.Fprintln(stderr, "geokg serve:", err)
		return errUsage
	}
	if fs.NArg() > 0 && !*load {
		fs.Usage()
		return errUsage
	}
	log, err := newLogger(stderr, cfg.logFormat, cfg.logLevel)
	if err != nil {
		fmt.Fprintln(stderr, "geokg serve:", err)
		return errUsage
	}
	m := metrics.New()
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(serveGCPercent))
	}

	// The store is closed last, after the server has drained.
	ncfg := cfg.neo4j
	ncfg.MaxInFlight = cfg.neo4jConcurrency
	ncfg.Observe = func(mode string, took time.Duration, err error) { m.Transaction(mode, took, model.ErrorCode(err)) }
	ncfg.OnHealth = func(h neo4j.Health) {
		m.Neo4jUp(h.Up)
		if h.Up {
			log.Info("the graph database answers again")
		} else {
			log.Warn("the graph database is down: requests get UNAVAILABLE until it is back", "reason", h.Reason)
		}
	}
	store, err := openNeo4j(ctx, ncfg)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	x, err := loader.Default()
	if err != nil {
		return err
	}
	ldr := &loader.Loader{X: x, Store: store}
	if *load {
		if _, failed := loadFiles(ctx, ldr, fs.Args(), *meta, stdout, stderr); failed > 0 {
			log.Warn("some articles failed to load; serving the rest", "failed", failed)
		}
	}

	api := graph.NewHandler(store, graph.Options{
		Timeout: cfg.timeout, Complexity: cfg.complexity, MaxDepth: cfg.maxDepth, MaxTokens: cfg.maxTokens,
		MaxBody: int64(cfg.maxBody), RootConcurrency: cfg.rootConcurrency, Logger: log,
		Ingester: countIngests{ldr, m}, Token: cfg.token,
	})
	var origins []string
	for o := range strings.SplitSeq(cfg.corsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	mux := http.NewServeMux()
	srv := web.NewServer(web.Observe(log, m, web.ClientKey(cfg.trustProxy), mux), cfg.limits, log)
	mux.Handle("/graphql", web.CORS(origins, web.LimitClients(cfg.clientConcurrency, m, api)))
	mux.Handle("GET /{$}", web.Explorer()) // the explorer (docs/explorer.md) and its files
	mux.Handle("GET /assets/", web.Explorer())
	mux.Handle("GET /healthz", web.Healthz())
	mux.Handle("GET /readyz", web.Readyz(srv, func() string {
		if h := store.Health(); !h.Up {
			return fmt.Sprintf("the graph database is down since %s: %s", h.Since.Format(time.RFC3339), h.Reason)
		}
		return ""
	}))
	mux.Handle("GET /metrics", m.Handler())
	mux.Handle("GET /export", web.CORS(origins, web.LimitClients(cfg.clientConcurrency, m, export.Handler(store, cfg.timeout, log))))

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "geokg serving GraphQL at %s/graphql (explorer at %s/, metrics at %s/metrics)\n", url, url, url)
	fmt.Fprintf(stdout, "try: curl -s %s/graphql -H 'Content-Type: application/json' -d '{\"query\":\"{ entity(name: \\\"Kim Jong Un\\\") { name ... on Person { role } events { type status participants { name } evidence { sentence } } } }\"}'\n", url)
	log.Info("serving", "addr", ln.Addr().String(), "neo4j", ncfg.URI, "cors_origins", origins,
		"timeout", cfg.timeout.String(), "drain", cfg.drain.String(), "mutations", cfg.token != "")
	return srv.Serve(ctx, ln)
}

// countIngests counts the articles that ingestArticle handles.
type countIngests struct {
	model.Ingester
	m *metrics.Metrics
}

func (c countIngests) Ingest(ctx context.Context, in model.ArticleInput) (*model.Document, model.SaveResult, error) {
	start := time.Now()
	doc, res, err := c.Ingester.Ingest(ctx, in)
	outcome := metrics.Loaded
	switch {
	case err != nil:
		outcome = metrics.Failed
	case res.Unchanged:
		outcome = metrics.Unchanged
	}
	c.m.Article(metrics.ViaIngest, outcome, time.Since(start))
	return doc, res, err
}
