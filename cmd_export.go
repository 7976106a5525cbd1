package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/export"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export [flags]  (the whole graph, or --entity NAME and its neighborhood)", stderr)
	format := fs.String("format", "", "graphml, csv or jsonl (default: from --out's extension, else graphml)")
	table := fs.String("table", "", "csv: nodes or edges (default: both, into the directory --out)")
	entity := fs.String("entity", "", "export the neighborhood of this entity (a name, alias, ISO code or global id) instead of the whole graph")
	depth := fs.Int("depth", 0, "hops from --entity, 1–3 (default 1)")
	types := fs.String("types", "", "node kinds of the neighborhood, comma-separated: PERSON,COUNTRY,ORGANIZATION,PLACE,EVENT,STATEMENT,ARTICLE (default: all but ARTICLE)")
	limit := fs.Int("limit", 0, "most nodes in the neighborhood, 1–1000 (default 200)")
	out := fs.String("out", "", "output `file` (a directory for csv without --table); standard output when empty")
	page := fs.Int("page", export.DefaultPageSize, "nodes read per transaction")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *format == "" {
		*format = export.GraphML
		switch ext := strings.TrimPrefix(filepath.Ext(*out), "."); ext {
		case export.GraphML, export.CSV, export.JSONL:
			*format = ext
		case "":
			if *out != "" && *table == "" {
				*format = export.CSV // a directory: both CSV tables
			}
		}
	}
	req := export.Request{Format: *format, Table: *table, Entity: *entity, Depth: *depth, Limit: *limit, PageSize: *page}
	if *types != "" {
		req.Types = strings.Split(*types, ",")
	}
	tables := []string{*table}
	if strings.EqualFold(*format, export.CSV) && *table == "" {
		if *out == "" || filepath.Ext(*out) != "" {
			return fmt.Errorf("csv without --table writes nodes.csv and edges.csv: give --out DIRECTORY, or --table nodes|edges")
		}
		tables = []string{export.Nodes, export.Edges}
	}

	store, err := openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	for _, t := range tables {
		req.Table = t
		x, err := export.Prepare(ctx, store, req)
		if err != nil {
			return fmt.Errorf("export: %s", describe(err))
		}
		path := *out
		if len(tables) > 1 {
			if err := os.MkdirAll(*out, 0o755); err != nil {
				return err
			}
			path = filepath.Join(*out, t+".csv")
		}
		start := time.Now()
		n, err := writeExport(ctx, x, path, stdout)
		if err != nil {
			return err
		}
		if path != "" {
			fmt.Fprintf(stderr, "wrote %s (%d bytes) in %s\n", path, n, time.Since(start).Round(time.Millisecond))
		}
	}
	return nil
}

// writeExport writes x to path, or to stdout when path is empty. A file
// is written beside its final name and renamed when complete, so a failed
// export leaves no partial file behind.
func writeExport(ctx context.Context, x *export.Export, path string, stdout io.Writer) (int64, error) {
	if path == "" {
		return 0, x.Write(ctx, stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name()) // after a successful rename there is nothing left to remove
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return 0, err
	}
	if err := x.Write(ctx, f); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	st, err := os.Stat(f.Name())
	if err != nil {
		return 0, err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return 0, err
	}
	return st.Size(), nil
}
