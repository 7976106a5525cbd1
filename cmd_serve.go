package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [flags] [--load FILE...]", stderr)
	addr := fs.String("addr", env("GEOKG_ADDR", "127.0.0.1:8080"), "listen `address`")
	timeout := fs.Duration("timeout", 10*time.Second, "per-request timeout, passed down to Neo4j")
	load := fs.Bool("load", false, "load the FILE arguments before serving")
	meta := metaFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 && !*load {
		fs.Usage()
		return errUsage
	}
	store, err := openStore(ctx)
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
			slog.Warn("some articles failed to load; serving the rest", "failed", failed)
		}
	}

	mux := http.NewServeMux()
	mux.Handle("/graphql", graph.NewHandler(store, graph.Options{
		Timeout: *timeout, Ingester: ldr, Token: env("GEOKG_TOKEN", ""),
	}))
	mux.Handle("GET /{$}", web.Handler()) // the explorer (docs/explorer.md) and its files
	mux.Handle("GET /assets/", web.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			http.Error(w, "neo4j unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "geokg serving GraphQL at %s/graphql (explorer at %s/)\n", url, url)
	fmt.Fprintf(stdout, "try: curl -s %s/graphql -H 'Content-Type: application/json' -d '{\"query\":\"{ entity(name: \\\"Kim Jong Un\\\") { name ... on Person { role } events { type status participants { name } evidence { sentence } } } }\"}'\n", url)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
