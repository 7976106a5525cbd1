// Package neo4jtest connects tests to the test database: the Neo4j that
// GEOKG_TEST_NEO4J_URI names (scripts/test starts one of its own, see
// scripts/test-neo4j). NEO4J_URI is never read here: it names the graph
// users serve, which tests must not touch. Without a test database a test
// is skipped, except under CI=true, where it fails: CI must never pass by
// skipping.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/geokg/geokg/neo4j"
)

// Environment variables that configure the test database.
const (
	EnvURI      = "GEOKG_TEST_NEO4J_URI"
	EnvUser     = "GEOKG_TEST_NEO4J_USER"
	EnvPassword = "GEOKG_TEST_NEO4J_PASSWORD"
	EnvDatabase = "GEOKG_TEST_NEO4J_DATABASE"
)

// Config is the test database's configuration; ok is false when
// GEOKG_TEST_NEO4J_URI is not set.
func Config() (cfg neo4j.Config, ok bool) {
	cfg = neo4j.Config{
		URI: os.Getenv(EnvURI), User: os.Getenv(EnvUser), Password: os.Getenv(EnvPassword), Database: os.Getenv(EnvDatabase),
	}
	return cfg, cfg.URI != ""
}

// Require returns the test database's configuration, or skips the test
// (fails it under CI=true) when there is none.
func Require(tb testing.TB) neo4j.Config {
	tb.Helper()
	cfg, ok := Config()
	if !ok {
		Missing(tb, "%s is not set (export %s=$(scripts/test-neo4j start); make test does this)", EnvURI, EnvURI)
	}
	return cfg
}

// Missing skips a test that lacks something it needs, or fails it under
// CI=true.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("under CI=true: "+format, args...)
	}
	tb.Skipf(format, args...)
}

// Open returns a store on the test database, closed when the test ends.
func Open(tb testing.TB) *neo4j.Store {
	tb.Helper()
	cfg := Require(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		Missing(tb, "no test Neo4j at %s (export %s=$(scripts/test-neo4j start)): %v", cfg.URI, EnvURI, err)
	}
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}
