package neo4j

import (
	"fmt"
	"testing"

	"github.com/geokg/geokg/model"
)

// projected is a page of events as the driver hands over a projection of
// bench-query's Q1 and Q2 (bench/query): each event with its type, status,
// date, three participants followed and, with spans, the evidence spans
// of two reports and their articles.
func projected(events int, spans bool) []any {
	out := make([]any, events)
	for i := range out {
		var parts []any
		for j := range 3 {
			parts = append(parts, map[string]any{"id": fmt.Sprintf("person:p%d", i+j), "type": "Person", "name": fmt.Sprintf("P %d", i+j)})
		}
		e := map[string]any{"id": fmt.Sprintf("event:%d", i), "type": "Meeting", "status": "occurred", "date": "2024-06-20", ">participants": parts}
		if spans {
			var rs []any
			for r := range 2 {
				a := fmt.Sprintf("article:a%d", r)
				rs = append(rs, map[string]any{"article": a, "node": map[string]any{"id": a, "title": "A title"},
					"evidence": []any{map[string]any{"start": int64(10 * r), "end": int64(10*r + 5), "text": "some words of text",
						"sentence": "Some words of text in a sentence.", "article": a}}})
			}
			e["spans"] = rs
		}
		out[i] = e
	}
	return out
}

// BenchmarkConvert: turning the driver's projections into model values
// and what they brought along (readPage's conversion), per page.
func BenchmarkConvert(b *testing.B) {
	for _, bc := range []struct {
		name   string
		rows   []any
		follow []model.Follow
	}{
		{"q1-events", projected(25, true), []model.Follow{{Link: model.LinkReportArticles}, {Link: model.LinkParticipants}}},
		{"q2-events", projected(20, false), []model.Follow{{Link: model.LinkParticipants}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				inc := newIncluded()
				for _, v := range bc.rows {
					inc.event(v, bc.follow)
				}
			}
		})
	}
}
