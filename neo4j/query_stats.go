package neo4j

import (
	"context"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Aggregates for dashboards, counted in Cypher.

// EventCounts counts the events that match f by type, status and month of
// their own date.
func (s *Store) EventCounts(ctx context.Context, f model.EventFilter) ([]model.EventCount, error) {
	w := eventWhere(f)
	return readRows(ctx, s, "count events", `
MATCH (e:Event)
`+w.String()+`
RETURN e.type, e.status, left(toString(e.dateStart), 7), count(e)`, w.params, func(r *driver.Record) model.EventCount {
		var c model.EventCount
		typ, _ := r.Values[0].(string)
		status, _ := r.Values[1].(string)
		c.Type, c.Status = model.EventType(typ), model.Status(status)
		c.Month, _ = r.Values[2].(string)
		n, _ := r.Values[3].(int64)
		c.Count = int(n)
		return c
	})
}

// countryOf is the country of entity x0: itself, or the country it belongs to.
const countryOf = `OPTIONAL MATCH (x0)-[:COUNTRY]->(h0:Country)
    WITH CASE WHEN x0:Country THEN x0 ELSE h0 END AS c0 WHERE c0 IS NOT NULL`

// CountryPairs counts the events that match f by pair of countries and
// type. A transfer or aid between two countries counts from the supplier's
// country to the recipient's; any other event counts once for every pair of
// countries it involves, through their people, organizations and places too.
func (s *Store) CountryPairs(ctx context.Context, f model.EventFilter) ([]model.CountryPair, error) {
	w := eventWhere(f)
	return readRows(ctx, s, "count country pairs", `
MATCH (e:Event)
`+w.String()+`
WITH e,
  COLLECT { MATCH (e)-[:SUPPLIER]->(x0:Entity) `+countryOf+` RETURN c0.id } AS sup,
  COLLECT { MATCH (e)-[:RECIPIENT]->(x0:Entity) `+countryOf+` RETURN c0.id } AS rec,
  COLLECT { MATCH (e)-[:PARTICIPANT|SUPPLIER|RECIPIENT]->(x0:Entity) `+countryOf+` RETURN DISTINCT c0.id } AS cs
WITH e, CASE
  WHEN size(sup) > 0 AND size(rec) > 0 AND sup[0] <> rec[0] THEN [[sup[0], rec[0], true]]
  ELSE reduce(acc = [], a0 IN cs | acc + [b0 IN cs WHERE a0 < b0 | [a0, b0, false]])
  END AS pairs
UNWIND pairs AS pair
RETURN pair[0], pair[1], pair[2], e.type, count(DISTINCT e)`, w.params, func(r *driver.Record) model.CountryPair {
		var p model.CountryPair
		p.From, _ = r.Values[0].(string)
		p.To, _ = r.Values[1].(string)
		p.Directed, _ = r.Values[2].(bool)
		typ, _ := r.Values[3].(string)
		p.Type = model.EventType(typ)
		n, _ := r.Values[4].(int64)
		p.Count = int(n)
		return p
	})
}
