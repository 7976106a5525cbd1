package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Graph-shaped reads: what links two entities, the paths between them, the
// neighborhood of a node and an entity's timeline.

// The relationships paths and neighborhoods follow. Article links
// (MENTIONED_IN, EVIDENCE, IN) are left out unless articles are asked for:
// every entity of an article is two hops from every other through it.
const (
	factRels    = "PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY|CLAIMED_IN|SAID|ABOUT|COUNTRY|LEADER_OF|MEMBER_OF"
	articleRels = "MENTIONED_IN|EVIDENCE|IN"
)

// MaxHops is the longest path Paths looks for.
const MaxHops = 6

// linkEvidence is the evidence of an entity-to-entity link r0 from s0 to
// t0 (a person's country, say): the spans the loader stored with the link,
// one per article that states it ("North Korean leader Kim Jong Un"),
// newest first, at most 3. A link known only from the gazetteer has none.
const linkEvidence = `COLLECT {
    MATCH (s0)-[l0]->(t0) WHERE type(l0) = type(r0) AND l0.start IS NOT NULL
    MATCH (a0:Article {id: l0.article})
    WITH l0, a0 ORDER BY a0.published DESC, a0.id LIMIT 3
    RETURN {article: a0.id, start: l0.start, end: l0.end, text: l0.text, sentence: l0.sentence} }`

// hopEvidence is the evidence of relationship r0 from s0 to t0: the
// statement's span for a hop to or from a statement (SAID, CLAIMED_IN,
// ABOUT), the event's spans for other hops from an event, the link's
// mentions between entities.
var hopEvidence = `CASE
    WHEN t0:Statement THEN [` + spanOf("t0") + `]
    WHEN s0:Statement THEN [` + spanOf("s0") + `]
    WHEN s0:Event THEN ` + evidenceOf("s0") + `
    ELSE ` + linkEvidence + ` END`

// Relations returns what directly links entities a and b.
func (s *Store) Relations(ctx context.Context, a, b string) (*model.Relations, error) {
	rows, err := readRows(ctx, s, "relations", `
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
RETURN COLLECT {
    MATCH (a)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY]-(e:Event)-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY]->(b)
    WITH DISTINCT e ORDER BY `+eventsNewestFirst("e")+`
    RETURN e.id } AS events,
  COLLECT {
    MATCH (a)-[:SAID|ABOUT]-(s:Statement)
    WHERE EXISTS { (b)-[:SAID]->(s) } OR EXISTS { (s)-[:ABOUT]->(b) }
    WITH DISTINCT s, head([(s)-[:IN]->(a1:Article) | a1]) AS a1
    ORDER BY a1.published DESC, a1.id, s.start
    RETURN s.id } AS statements,
  COLLECT {
    MATCH (a)-[r0:COUNTRY|LEADER_OF|MEMBER_OF]-(b)
    WITH r0, startNode(r0) AS s0, endNode(r0) AS t0
    RETURN {type: type(r0), from: s0.id, to: t0.id, evidence: `+linkEvidence+`} } AS links`,
		map[string]any{"a": a, "b": b}, func(r *driver.Record) *model.Relations {
			return &model.Relations{Events: toStrings(r.Values[0]), Statements: toStrings(r.Values[1]), Links: toHops(r.Values[2])}
		})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, model.Errorf(model.ENOTFOUND, "no entity %q or %q", a, b)
	}
	return rows[0], nil
}

// Paths returns up to limit shortest paths of at most maxHops between two
// entities, each hop with its evidence, best supported first (fewest hops
// without evidence). Paths through the same nodes are one path: a person
// who both leads and belongs to a country is one hop.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, limit int) ([]model.Path, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, model.Errorf(model.EINVALID, "maxHops must be between 1 and %d", MaxHops)
	}
	// A variable-length bound cannot be a parameter; maxHops is a checked
	// small integer, never text.
	return readRows(ctx, s, "paths", fmt.Sprintf(`
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:%s*..%d]-(b))
WITH p, [n0 IN nodes(p) | n0.id] AS ids ORDER BY ids, [r0 IN relationships(p) | type(r0)]
WITH ids, head(collect(p)) AS p
ORDER BY ids LIMIT 100
WITH ids, COLLECT {
    UNWIND range(0, length(p) - 1) AS i
    WITH i, relationships(p)[i] AS r0
    WITH i, r0, startNode(r0) AS s0, endNode(r0) AS t0
    RETURN {type: type(r0), from: s0.id, to: t0.id, evidence: %s} AS hop
    ORDER BY i } AS hops
ORDER BY size([h IN hops WHERE size(h.evidence) = 0]), ids
LIMIT $limit
RETURN ids, hops`, factRels, maxHops, hopEvidence),
		map[string]any{"from": from, "to": to, "limit": int64(limit)}, func(r *driver.Record) model.Path {
			return model.Path{Nodes: toStrings(r.Values[0]), Hops: toHops(r.Values[1])}
		})
}

// labelOf returns the label of the node a global id names, from its prefix.
func labelOf(id string) string {
	kind, _, _ := strings.Cut(id, ":")
	switch kind {
	case "person", "country", "org", "place":
		return "Entity"
	case "event":
		return "Event"
	case "statement":
		return "Statement"
	case "article":
		return "Article"
	}
	return ""
}

// Neighborhood walks breadth-first from the center, keeping only nodes
// with the asked labels (by id within a level, so that a truncated answer
// is stable), and reads the nodes and every relationship among them, in
// one statement. The center is a node id, or an entity's name resolved as
// FindEntity does.
func (s *Store) Neighborhood(ctx context.Context, q model.NeighborhoodQuery) (*model.Subgraph, error) {
	rels := factRels
	for _, l := range q.Labels {
		if l == "Article" {
			rels += "|" + articleRels
		}
	}
	params := map[string]any{"id": q.ID, "labels": q.Labels, "limit": int64(q.Limit), "cap": int64(q.Limit + 1)}
	var center string
	if label := labelOf(q.ID); label != "" {
		center = "MATCH (c:" + label + " {id: $id})"
	} else {
		ref, err := refParams(q.ID)
		if err != nil {
			return nil, err
		}
		for k, v := range ref {
			params[k] = v
		}
		center = findEntity + "\nWITH n AS c"
	}
	if q.Depth < 1 || q.Depth > maxDepth {
		return nil, model.Errorf(model.EINVALID, "depth must be between 1 and %d", maxDepth)
	}
	rows, err := readRows(ctx, s, "neighborhood", neighborhood(center, q.Depth, rels), params, func(r *driver.Record) *model.Subgraph {
		g := &model.Subgraph{Nodes: []model.GraphNode{}, Edges: []model.GraphEdge{}}
		nodes, _ := r.Values[0].([]any)
		for _, n := range nodes {
			m, _ := n.(map[string]any)
			g.Nodes = append(g.Nodes, model.GraphNode{ID: str(m, "id"), Kind: str(m, "kind"), Label: str(m, "label"), Depth: num(m, "depth")})
		}
		edges, _ := r.Values[1].([]any)
		for _, e := range edges {
			t := toStrings(e)
			g.Edges = append(g.Edges, model.GraphEdge{From: t[0], Type: t[1], To: t[2]})
		}
		g.Truncated, _ = r.Values[2].(bool)
		return g
	})
	if err != nil {
		return nil, fmt.Errorf("neighborhood of %s: %w", q.ID, err)
	}
	if len(rows) == 0 && labelOf(q.ID) == "" {
		return nil, model.Errorf(model.ENOTFOUND, "no entity is named %q", q.ID) // as FindEntity says
	}
	if len(rows) == 0 {
		return nil, model.Errorf(model.ENOTFOUND, "no node %q", q.ID)
	}
	return rows[0], nil
}

// maxDepth is the deepest neighborhood: the walk is unrolled, one
// subquery per level.
const maxDepth = 3

// neighborhood is the Cypher of a walk of depth levels from the center c
// along rels. Each level keeps the new neighbors of the previous level's
// nodes, by id, as many as fit under $limit; $cap, one more than fits at
// most, tells whether more were in reach.
func neighborhood(center string, depth int, rels string) string {
	var b strings.Builder
	b.WriteString(center + "\nWITH c, [c] AS seen, [[c]] AS levels, false AS truncated")
	for range depth {
		fmt.Fprintf(&b, `
CALL (seen, levels) {
  UNWIND levels[-1] AS x
  MATCH (x)-[:%s]-(y)
  WHERE any(l IN labels(y) WHERE l IN $labels) AND NOT y IN seen
  WITH DISTINCT y ORDER BY y.id LIMIT $cap
  RETURN collect(y) AS found
}
WITH c, seen, levels, truncated, found, $limit - size(seen) AS room
WITH c, seen + found[..room] AS seen, levels + [found[..room]] AS levels, truncated OR size(found) > room AS truncated`, rels)
	}
	fmt.Fprintf(&b, `
RETURN reduce(acc = [], i IN range(0, size(levels) - 1) | acc + [x IN levels[i] | {id: x.id, depth: i,
    kind: [l IN labels(x) WHERE l <> 'Entity'][0], label: `+strings.ReplaceAll(nodeDisplay("x"), "%", "%%")+`}]) AS nodes,
  COLLECT {
    UNWIND seen AS x
    MATCH (x)-[r:%s]->(y) WHERE y IN seen
    WITH DISTINCT x.id AS from, type(r) AS type, y.id AS to ORDER BY from, type, to
    RETURN [from, type, to] } AS edges,
  truncated`, rels)
	return b.String()
}

// Timeline returns an entity's events (by their own date, else by the
// first article that reports them) and statements (by their article's
// date) between two days, oldest first.
func (s *Store) Timeline(ctx context.Context, q model.TimelineQuery) ([]model.TimelineEntry, error) {
	w := newWhere()
	w.add("day IS NOT NULL")
	if q.From != "" {
		w.add("last >= date($from)", "from", q.From)
	}
	if q.To != "" {
		w.add("day <= date($to)", "to", q.To)
	}
	w.params["id"] = q.Entity
	w.params["limit"] = int64(q.Limit)
	return readRows(ctx, s, "timeline", `
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e:Event)
  WITH DISTINCT e
  WITH e, `+eventPublished("e")+` AS pub
  RETURN e.id AS event, null AS statement, coalesce(e.dateStart, pub) AS day, coalesce(e.dateEnd, pub) AS last,
    coalesce(e.date, toString(pub)) AS date, CASE WHEN e.dateStart IS NULL THEN 'published' ELSE 'event' END AS basis, -1 AS pos
  UNION ALL
  MATCH (n)-[:SAID]->(s:Statement)-[:IN]->(a0:Article)
  RETURN null AS event, s.id AS statement, a0.published AS day, a0.published AS last,
    toString(a0.published) AS date, 'published' AS basis, s.start AS pos
}
WITH event, statement, day, last, date, basis, pos
`+w.String()+`
RETURN event, statement, date, basis
ORDER BY day, pos, coalesce(event, statement)
LIMIT $limit`, w.params, func(r *driver.Record) model.TimelineEntry {
		var t model.TimelineEntry
		t.Event, _ = r.Values[0].(string)
		t.Statement, _ = r.Values[1].(string)
		t.Date, _ = r.Values[2].(string)
		t.Basis, _ = r.Values[3].(string)
		return t
	})
}
