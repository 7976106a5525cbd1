package neo4j_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// BenchmarkSaveDocument: how fast articles go into the real Neo4j, one
// write transaction each (nodes, edges, evidence and full-text fields). It
// saves the sample and testdata/articles over and over; after the first
// round each save replaces the article's earlier version, which costs the
// same as a first load plus the deletes. scripts/bench prints it.
func BenchmarkSaveDocument(b *testing.B) {
	store := neo4jtest.Open(b)
	x, err := loader.Default()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	files = append(files, "../testdata/kim-putin-2023-09-11.txt")
	var docs []*model.Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		doc, err := x.Extract(raw, loader.Meta{Published: name[len(name)-len("2006-01-02"):], File: f})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	ctx := context.Background()
	// write: a new extractor version each time, so every save replaces
	// the article's graph. unchanged: the same version, found and skipped.
	for _, bc := range []struct {
		name    string
		version func(doc *model.Document, i int) model.Text
	}{
		{"write", func(doc *model.Document, i int) model.Text {
			return model.Text(fmt.Sprintf("%s+bench%d", doc.Article.Extractor, i))
		}},
		{"unchanged", func(doc *model.Document, i int) model.Text { return doc.Article.Extractor }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			nodes, i := 0, 0
			for b.Loop() {
				doc := *docs[i%len(docs)]
				doc.Article.Extractor = bc.version(docs[i%len(docs)], i)
				if _, err := store.SaveDocument(ctx, &doc); err != nil {
					b.Fatal(err)
				}
				nodes += len(doc.Entities) + len(doc.Events) + len(doc.Statements) + 1
				i++
			}
			b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(nodes)/float64(i), "nodes/article")
		})
	}
	// Leave the articles as the loader stores them.
	for _, doc := range docs {
		if _, err := store.SaveDocument(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveDocuments: what an article costs as the graph grows. It
// fills one world of synthetic articles per size in GEOKG_BENCH_GRAPH
// (articles; default 0,1000, which CI runs once; the figures in
// docs/graph-model.md come from 0,10000,50000), untimed, then saves
// batches of 50 new articles into each world in turn, round after round,
// so that every size sees the same machine load; it reports the median
// time per article in each world and the ratio of the largest to the
// smallest. A world is 200 countries drawn with a skew (its busiest
// countries and leaders are dense nodes), a meeting per article and a
// third of the time an arms transfer, officials and statements, 100
// articles a day (world.corpus). The worlds share the database, so a
// larger world is also a larger graph for the others; what differs is how
// much of the graph a batch touches. The per-article cost should not grow:
// every lookup is an index seek (TestWritesUseIndexes).
func BenchmarkSaveDocuments(b *testing.B) {
	store := neo4jtest.Open(b)
	const (
		batch     = 50
		countries = 200
		perDay    = 100
	)
	start := mustDay("2024-01-01")
	ctx := context.Background()
	type sized struct {
		w          world
		size, next int
		ms         []float64
	}
	load := func(tb testing.TB, s *sized, n int) {
		docs := s.w.corpus(7, s.next, n, countries, start, perDay)
		if _, err := store.SaveDocuments(ctx, docs); err != nil {
			tb.Fatal(err)
		}
		s.next += n
	}
	var worlds []*sized
	for _, size := range benchSizes(b) {
		s := &sized{w: world{tag: fmt.Sprintf("bench%d", size)}, size: size}
		s.w.wipe(b, store)
		b.Cleanup(func() { s.w.wipe(b, store) })
		for s.next < size {
			load(b, s, min(200, size-s.next))
		}
		worlds = append(worlds, s)
	}
	// Warm up (plans, JIT) in a world of its own.
	warm := &sized{w: world{tag: "benchwarm"}}
	warm.w.wipe(b, store)
	b.Cleanup(func() { warm.w.wipe(b, store) })
	load(b, warm, 200)

	round := 0
	for b.Loop() {
		for i := range worlds {
			s := worlds[(i+round)%len(worlds)] // each size goes first in turn
			t0 := time.Now()
			load(b, s, batch)
			s.ms = append(s.ms, float64(time.Since(t0).Microseconds())/1000/batch)
		}
		round++
	}
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	for _, s := range worlds {
		b.ReportMetric(median(s.ms), fmt.Sprintf("ms/article@%d", s.size))
	}
	if len(worlds) > 1 {
		b.ReportMetric(median(worlds[len(worlds)-1].ms)/median(worlds[0].ms), "ratio")
	}
}

// benchSizes are the graph sizes BenchmarkSaveDocuments measures at.
func benchSizes(tb testing.TB) []int {
	spec := os.Getenv("GEOKG_BENCH_GRAPH")
	if spec == "" {
		spec = "0,1000"
	}
	var out []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			tb.Fatalf("GEOKG_BENCH_GRAPH=%q: want sizes like 0,10000,50000", spec)
		}
		out = append(out, n)
	}
	return out
}
