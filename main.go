// Command geokg turns geopolitical news articles into a knowledge graph in
// Neo4j and serves it through GraphQL.
//
//	geokg extract [flags] FILE...   print the extraction document (JSON), no database
//	geokg load [flags] PATH...      extract and store articles in Neo4j
//	geokg generate [flags]          write a generated test corpus (JSON Lines)
//	geokg serve [flags]             serve the GraphQL API
//	geokg export [flags]            write the graph as GraphML, CSV or JSON Lines
//
// main only wires: the loader reads text, package neo4j stores the graph,
// package graph answers GraphQL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `geokg: a geopolitical event knowledge graph from news articles.

Usage:
  geokg extract [flags] FILE...   print what the loader extracts, as JSON (no database)
  geokg load [flags] PATH...      store articles in Neo4j: files, directories, JSON Lines, - (stdin)
  geokg generate [flags]          write a generated test corpus as JSON Lines
  geokg serve [flags]             serve the GraphQL API at /graphql
  geokg export [flags]            write the graph or a neighborhood as GraphML, CSV or JSON Lines

Run 'geokg COMMAND --help' for a command's flags.

Environment:
  NEO4J_URI         Neo4j address (default bolt://127.0.0.1:$NEO4J_PORT); neo4j:// for a
                    cluster, neo4j+s:// for Aura
  NEO4J_PORT        port of the local Neo4j (default 7687)
  NEO4J_USER        user name; empty for a server with authentication off
  NEO4J_PASSWORD    password
  NEO4J_DATABASE    database name (default neo4j)
  GEOKG_TOKEN       bearer token that allows the ingestArticle mutation
  GEOKG_LOG_FORMAT  json, text or auto (JSON unless stderr is a terminal)
  GEOKG_LOG_LEVEL   debug, info, warn or error (default info)
'geokg serve --help' lists every setting of the server (GEOKG_ADDR, timeouts, limits, CORS).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal starts a graceful shutdown; a second one kills.
	context.AfterFunc(ctx, stop)
	format, level := logSettings(&settings{})
	if log, err := newLogger(os.Stderr, format, level); err == nil {
		slog.SetDefault(log)
	}
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "geokg:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdout, stderr)
	case "load":
		return runLoad(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "generate":
		return runGenerate(ctx, args[1:], stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "geokg: unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
}

// newFlags makes a command's flag set with a usage text that names it.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: geokg %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; a bad flag is a usage error (exit 2), --help exits 0.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
