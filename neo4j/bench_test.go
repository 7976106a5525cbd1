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
		version func(doc *model.Document, i int) string
	}{
		{"write", func(doc *model.Document, i int) string { return fmt.Sprintf("%s+bench%d", doc.Article.Extractor, i) }},
		{"unchanged", func(doc *model.Document, i int) string { return doc.Article.Extractor }},
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
// loads synthetic articles (world.corpus: 200 countries with a skew, so
// the busiest countries and their leaders are dense nodes; a meeting, a
// third of the time an arms transfer, officials and statements per
// article; 100 articles a day, stories recurring across outlets and days)
// in batches of 50,
// timing each batch, once the graph holds each of the sizes in
// GEOKG_BENCH_GRAPH (articles; default 0,1000, which CI runs once; the
// figures in docs/graph-model.md come from 0,10000,50000). The per-article cost
// should not grow with the graph: every lookup is an index seek
// (TestWritesUseIndexes). The filler is loaded untimed, the same way; the
// world is wiped before and after.
func BenchmarkSaveDocuments(b *testing.B) {
	store := neo4jtest.Open(b)
	w := world{tag: "bench"}
	w.wipe(b, store)
	b.Cleanup(func() { w.wipe(b, store) })
	const (
		batch     = 50
		countries = 200
		perDay    = 100
	)
	start := mustDay("2024-01-01")
	ctx := context.Background()
	next := 0 // the number of the next article
	load := func(tb testing.TB, n int) {
		docs := w.corpus(7, next, n, countries, start, perDay)
		if _, err := store.SaveDocuments(ctx, docs); err != nil {
			tb.Fatal(err)
		}
		next += n
	}
	for _, size := range benchSizes(b) {
		for next < size {
			load(b, min(200, size-next))
		}
		b.Run(fmt.Sprintf("graph=%d", size), func(b *testing.B) {
			var ms []float64
			for b.Loop() {
				t0 := time.Now()
				load(b, batch)
				ms = append(ms, float64(time.Since(t0).Microseconds())/1000/batch)
			}
			slices.Sort(ms)
			med := ms[len(ms)/2]
			b.ReportMetric(med, "ms/article")
			b.ReportMetric(1000/med, "articles/s")
		})
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
