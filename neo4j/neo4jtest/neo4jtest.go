// Package neo4jtest connects tests to the real Neo4j that scripts/neo4j
// runs (or that NEO4J_URI names). Without a database a test is skipped,
// except under CI=true, where it fails: CI must never pass by skipping.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/geokg/geokg/neo4j"
)

// Open returns a store on the test database, closed when the test ends.
func Open(tb testing.TB) *neo4j.Store {
	tb.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		uri = "bolt://127.0.0.1:7687"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, err := neo4j.Open(ctx, neo4j.Config{
		URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE"),
	})
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("Neo4j is required under CI=true: %v", err)
		}
		tb.Skipf("no Neo4j at %s (start one with scripts/neo4j start): %v", uri, err)
	}
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}
