package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/neo4j"
)

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("load", "load [flags] FILE...", stderr)
	meta := metaFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
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
	n, failed := loadFiles(ctx, &loader.Loader{X: x, Store: store}, fs.Args(), *meta, stdout, stderr)
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, n)
	}
	return nil
}

// loadFiles loads each file in its own transaction and reports each; a
// broken file fails alone.
func loadFiles(ctx context.Context, l *loader.Loader, paths []string, meta loader.Meta, stdout, stderr io.Writer) (n, failed int) {
	for _, path := range paths {
		if ctx.Err() != nil {
			break
		}
		n++
		start := time.Now()
		res, err := l.LoadFile(ctx, path, meta)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "geokg: %s\n", describe(err))
			continue
		}
		state := "loaded"
		if res.Unchanged {
			state = "unchanged"
		}
		fmt.Fprintf(stdout, "%s %s: %s, %d entities, %d events, %d statements (%d nodes, %d relationships created) in %s\n",
			state, path, res.ArticleID, res.Entities, res.Events, res.Statements, res.NodesCreated, res.RelationshipsCreated,
			time.Since(start).Round(time.Millisecond))
	}
	return n, failed
}

// openStore connects to Neo4j as the environment says (neo4jSettings).
func openStore(ctx context.Context) (*neo4j.Store, error) {
	return openNeo4j(ctx, neo4jSettings(&settings{}))
}
