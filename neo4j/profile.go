package neo4j

import (
	"context"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// runProfiled runs a statement under PROFILE for tests and reports its plan.
func (s *Store) runProfiled(ctx context.Context, tx driver.ManagedTransaction, cypher string, params map[string]any) ([]*driver.Record, driver.ResultSummary, error) {
	res, err := tx.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		return nil, nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, nil, err
	}
	if p := sum.Profile(); p != nil {
		s.profile(cypher, p)
	}
	return recs, sum, nil
}
