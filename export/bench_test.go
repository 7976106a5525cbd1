package export_test

import (
	"context"
	"io"
	"testing"

	"github.com/geokg/geokg/export"
)

// countWriter counts what an export writes, so the benchmark measures the
// export and not a buffer.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// BenchmarkExport streams the whole graph (the sample, the test articles
// and whatever other tests stored) and a neighborhood in each format;
// MB/s is the export's throughput, and the bytes/export metric its size.
// scripts/bench runs it.
func BenchmarkExport(b *testing.B) {
	store, _ := setup(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		req  export.Request
	}{
		{"all/graphml", export.Request{Format: export.GraphML}},
		{"all/csv-nodes", export.Request{Format: export.CSV, Table: export.Nodes}},
		{"all/csv-edges", export.Request{Format: export.CSV, Table: export.Edges}},
		{"all/jsonl", export.Request{Format: export.JSONL}},
		{"kim-depth-2/graphml", export.Request{Format: export.GraphML, Entity: "Kim Jong Un", Depth: 2}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				x, err := export.Prepare(ctx, store, bc.req)
				if err != nil {
					b.Fatal(err)
				}
				w := &countWriter{}
				if err := x.Write(ctx, w); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.SetBytes(size)
			b.ReportMetric(float64(size), "bytes/export")
		})
	}
}
