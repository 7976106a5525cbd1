package graph_test

import (
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// Latency of typical queries over HTTP against the real Neo4j, loaded with
// the sample article and the test articles (scripts/bench runs them; the
// figures are in docs/api.md).
func BenchmarkQueries(b *testing.B) {
	store := neo4jtest.Open(b)
	graphtest.Load(b, store, "../testdata")
	url := graphtest.Server(b, store, nil, graph.Options{}).URL + "/graphql"
	for _, bc := range []struct {
		name, query string
	}{
		// scripts/bench-query's Q1 and Q2 (bench/query), as geokg is asked them.
		{"q1", `{ entity(name: "Vladimir Putin") { id name events { id type status date participants { id name }
			evidence { text sentence start end article { id title } } } statements { id text } } }`},
		{"q2", `{ events(filter: {types: [MEETING, VISIT, AGREEMENT], statuses: [OCCURRED, PLANNED]},
			orderBy: {by: DATE, direction: ASC}, first: 20) { nodes { id type status date participants { id name } } } }`},
		{"entity", `{ entity(name: "Kim Jong Un") { name ... on Person { role country { name } } } }`},
		{"nested3", `{ entity(name: "Kim Jong Un") { events { type status participants { name } evidence { sentence article { title } } } } }`},
		{"events20nested", `{ events(first: 20) { totalCount nodes { type status date participants { name ... on Person { country { name } } }
			assertedBy { name } evidence { sentence article { title published } } } } }`},
		{"search", `{ search(query: "arms negotiations", first: 10) { totalCount edges { score node { id } } } }`},
		{"relations", `{ relations(a: "Kim Jong Un", b: "Vladimir Putin") { events { type status } statements { text } links { type } } }`},
		{"paths", `{ paths(from: "John Kirby", to: "Kim Jong Un") { length hops { type evidence { text } } } }`},
		{"neighborhood2", `{ neighborhood(id: "country:RUS", depth: 2) { nodes { id kind label } edges { from to type } } }`},
		{"timeline", `{ timeline(entity: "Russia") { date event { type } statement { text } } }`},
		{"eventCounts", `{ eventCounts { total byType { type count } byStatus { status count } } }`},
		{"countryRelations", `{ countryRelations { from { iso3 } to { iso3 } count } }`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var out map[string]any
			graphtest.Query(b, url, bc.query, nil, &out) // warm the query plan caches
			for b.Loop() {
				graphtest.Query(b, url, bc.query, nil, &out)
			}
		})
	}
}
