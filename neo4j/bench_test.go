package neo4j_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
