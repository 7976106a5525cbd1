package neo4j

import (
	"context"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Test hooks, compiled only into this package's tests.

// Operator is one operator of a profiled plan.
type Operator struct {
	Name    string
	Details string
	DBHits  int64
}

// SetProfile makes s run every statement under PROFILE and hand f the
// operators of its plan; nil turns it off. Set it before any concurrent use.
func (s *Store) SetProfile(f func(cypher string, ops []Operator)) {
	if f == nil {
		s.profile = nil
		return
	}
	s.profile = func(cypher string, p driver.ProfiledPlan) {
		var ops []Operator
		var walk func(p driver.ProfiledPlan)
		walk = func(p driver.ProfiledPlan) {
			d, _ := p.Arguments()["Details"].(string)
			ops = append(ops, Operator{Name: p.Operator(), Details: d, DBHits: p.DbHits()})
			for _, c := range p.Children() {
				walk(c)
			}
		}
		walk(p)
		f(cypher, ops)
	}
}

// CypherForTest runs one statement in an auto-commit transaction (so that
// it may use CALL { } IN TRANSACTIONS) and returns the records as maps.
func (s *Store) CypherForTest(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	sess := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		out[i] = r.AsMap()
	}
	return out, nil
}

// ReadCypher runs one statement in a read transaction, for tests of the
// store's handling of slow and failing transactions.
func ReadCypher(ctx context.Context, s *Store, cypher string) error {
	_, err := read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		_, err := s.run(ctx, tx, cypher, nil)
		return struct{}{}, err
	})
	return err
}

// Translate is translate, for tests.
var Translate = translate
