package neo4j_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
)

// TestPlanAhead: the statements planned ahead of a corpus load's first
// batch are every statement that batch runs (a new kind of write must be
// added to warmStatements, or the first batch plans it alone), the batch
// is written as without planning ahead, and the planning leaves nothing
// behind (its transactions are rolled back).
func TestPlanAhead(t *testing.T) {
	s, w, ctx := openWorld(t, "tplan")
	docs := w.corpus(3, 0, 30, 6, mustDay("2024-06-01"), 10)
	claim := w.transfer("c1", 1, 2, "2024-06-03", model.Alleged, 3)
	denial := w.transfer("c2", 1, 2, "2024-06-03", model.Denied, 1)
	denial.Denies = claim.ID
	docs = append(docs, w.article("c", "x", "2024-06-04", claim, denial))

	warmed := neo4j.WarmStatementsForTest(docs)
	var ran []string
	s.SetProfile(func(cypher string, _ []neo4j.Operator) { ran = append(ran, cypher) })
	s.PlanAhead()
	res := save(t, ctx, s, docs...)
	s.SetProfile(nil)
	for _, c := range ran {
		if !slices.Contains(warmed, c) {
			t.Errorf("the first batch ran a statement not planned ahead:\n%s", strings.TrimSpace(c))
		}
	}
	if len(ran) < 12 {
		t.Errorf("the batch ran %d statements; want every kind of write", len(ran))
	}
	if res[0].NodesCreated == 0 {
		t.Errorf("the batch created no nodes: %+v", res[0])
	}
	recs, err := s.CypherForTest(ctx, "MATCH (n) WHERE size(labels(n)) = 0 RETURN count(n) AS n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := recs[0]["n"].(int64); n != 0 {
		t.Errorf("%d unlabelled nodes left behind by planning ahead", n)
	}
}
