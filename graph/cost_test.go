package graph_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// TestCost pins the costs that docs/api.md gives: a query is accepted at
// a limit of its cost and refused one below it, with its cost named.
func TestCost(t *testing.T) {
	store := neo4jtest.Open(t)
	for _, tc := range []struct {
		query string
		cost  int
	}{
		{`{ events(first: 100) { nodes { participants { name } evidence { sentence } } } }`, 2401},
		{`{ events(first: 100) { nodes { participants { events { participants { name } } } } } }`, 111301},
		{`{ a: entity(name: "Kim Jong Un") { id } b: entity(name: "Putin") { id } }`, 204},
		{`{ __typename }`, 1},
	} {
		at := graphtest.Server(t, store, nil, graph.Options{Complexity: tc.cost}).URL + "/graphql"
		if r := graphtest.Post(t, at, graphtest.Request{Query: tc.query}); len(r.Errors) > 0 && r.Errors[0].Code() == graph.ErrComplexityLimit {
			t.Errorf("%s refused at a limit of %d: %s", tc.query, tc.cost, r.Errors[0].Message)
		}
		if tc.cost == 1 {
			continue
		}
		below := graphtest.Server(t, store, nil, graph.Options{Complexity: tc.cost - 1}).URL + "/graphql"
		r := graphtest.Post(t, below, graphtest.Request{Query: tc.query})
		if len(r.Errors) == 0 || r.Errors[0].Code() != graph.ErrComplexityLimit || !strings.Contains(r.Errors[0].Message, "complexity "+strconv.Itoa(tc.cost)) {
			t.Errorf("%s at a limit of %d: %+v", tc.query, tc.cost-1, r.Errors)
		}
	}
}
