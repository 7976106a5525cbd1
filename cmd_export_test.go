package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// TestExportCommand runs `geokg export` as a user would: the format from
// the file name, both CSV tables into a directory, JSON Lines to standard
// output, and usage errors. package export tests the formats themselves.
func TestExportCommand(t *testing.T) {
	store := neo4jtest.Open(t)
	graphtest.Load(t, store, "testdata")
	useNeo4j(t, neo4jtest.Require(t))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	geokg := func(args ...string) error {
		stdout.Reset()
		stderr.Reset()
		return run(ctx, append([]string{"export"}, args...), &stdout, &stderr)
	}

	if err := geokg("--entity", "Kim Jong Un", "--depth", "2", "--out", filepath.Join(dir, "kim.graphml")); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	raw, err := os.ReadFile(filepath.Join(dir, "kim.graphml"))
	if err != nil || !bytes.Contains(raw, []byte(`<node id="person:vladimir-putin">`)) || !bytes.HasSuffix(raw, []byte("</graphml>\n")) {
		t.Errorf("kim.graphml: %v, %d bytes, Putin missing or unfinished", err, len(raw))
	}

	if err := geokg("--entity", "Kim Jong Un", "--out", filepath.Join(dir, "tables")); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	for _, table := range []string{"nodes.csv", "edges.csv"} {
		f, err := os.Open(filepath.Join(dir, "tables", table))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s: %v, %d rows", table, err, len(rows))
		}
	}

	if err := geokg("--format", "jsonl", "--entity", "Rebekah Koffler"); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	if lines := strings.Count(stdout.String(), "\n"); lines != 1 || !strings.Contains(stdout.String(), `"text":`) {
		t.Errorf("jsonl of the articles around Rebekah Koffler: %d lines", lines)
	}

	for _, args := range [][]string{
		{"--format", "csv", "--out", filepath.Join(dir, "x.csv")}, // two tables, one file
		{"--entity", "Nobody Atall"},
		{"--depth", "2"},
	} {
		if err := geokg(args...); err == nil {
			t.Errorf("geokg export %v succeeded", args)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, ".*")); len(matches) > 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}
