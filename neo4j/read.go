package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// entityProjection returns an entity as a map that toEntity reads.
const entityProjection = `n {.id, .type, .name, .aliases, .iso3, .country, .role, .kind, .wikidata,
  leader: EXISTS { (n)-[:LEADER_OF]->() },
  affiliation: head([(n)-[:MEMBER_OF]->(o) | o.id])}`

// eventProjection returns an event with its links and evidence.
const eventProjection = `e {.id, .type, .status, .date, .cameo, .items, .stage, .quantity, .value,
  participants: [(e)-[:PARTICIPANT]->(p) | p.id],
  supplier: head([(e)-[:SUPPLIER]->(x) | x.id]),
  recipient: head([(e)-[:RECIPIENT]->(x) | x.id]),
  place: head([(e)-[:AT]->(x) | x.id]),
  assertedBy: [(e)-[:ASSERTED_BY]->(x) | x.id],
  claimedIn: [(e)-[:CLAIMED_IN]->(x) | x.id],
  denies: head([(e)-[:DENIES]->(x) | x.id]),
  evidence: COLLECT { MATCH (e)-[x:EVIDENCE]->(a:Article)
    RETURN {start: x.start, end: x.end, text: x.text, sentence: x.sentence, article: a.id}
    ORDER BY a.published, a.id, x.start }}`

const statementProjection = `s {.id, .text, .direct, .verb,
  speaker: head([(sp)-[:SAID]->(s) | sp.id]),
  about: [(s)-[:ABOUT]->(x) | x.id],
  evidence: {start: s.start, end: s.end, text: s.evidence, sentence: s.sentence, article: head([(s)-[:IN]->(a) | a.id])}}`

// FindEntity finds an entity by any of its names, case-insensitively,
// preferring the one mentioned in most articles.
func (s *Store) FindEntity(ctx context.Context, name string) (*model.Entity, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return nil, model.Errorf(model.EINVALID, "name must not be empty")
	}
	// Entities number in the thousands: a label scan over a list property is
	// fast enough and avoids a name node per alias.
	ents, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]*model.Entity, error) {
		recs, err := s.run(ctx, tx, `
MATCH (n:Entity) WHERE $name IN n.names
WITH n ORDER BY COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1
RETURN `+entityProjection+` AS n`, map[string]any{"name": name})
		if err != nil {
			return nil, err
		}
		return collect(recs, toEntity), nil
	})
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", name, err)
	}
	if len(ents) == 0 {
		return nil, model.Errorf(model.ENOTFOUND, "no entity is named %q", name)
	}
	return ents[0], nil
}

// EntitiesByID returns the entities with the given ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*model.Entity, error) {
	ents, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]*model.Entity, error) {
		recs, err := s.run(ctx, tx, `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN `+entityProjection+` AS n`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		return collect(recs, toEntity), nil
	})
	if err != nil {
		return nil, fmt.Errorf("entities by id: %w", err)
	}
	out := make(map[string]*model.Entity, len(ents))
	for _, e := range ents {
		out[e.ID] = e
	}
	return out, nil
}

// EventsOf returns the events each entity takes part in, newest first.
func (s *Store) EventsOf(ctx context.Context, entityIDs []string) (map[string][]*model.Event, error) {
	out := map[string][]*model.Event{}
	_, err := read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		clear(out) // the function may be retried
		recs, err := s.run(ctx, tx, `
UNWIND $ids AS id
MATCH (n:Entity {id: id})<-[:PARTICIPANT|SUPPLIER|RECIPIENT]-(e:Event)
WITH DISTINCT id, e ORDER BY e.dateStart DESC, e.id
RETURN id, `+eventProjection+` AS e`, map[string]any{"ids": entityIDs})
		if err != nil {
			return struct{}{}, err
		}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			out[id] = append(out[id], toEvent(r.Values[1]))
		}
		return struct{}{}, nil
	})
	if err != nil {
		return nil, fmt.Errorf("events of entities: %w", err)
	}
	return out, nil
}

// StatementsBy returns the statements each speaker made.
func (s *Store) StatementsBy(ctx context.Context, speakerIDs []string) (map[string][]*model.Statement, error) {
	out := map[string][]*model.Statement{}
	_, err := read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		clear(out)
		recs, err := s.run(ctx, tx, `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:SAID]->(s:Statement)
WITH id, s ORDER BY s.id
RETURN id, `+statementProjection+` AS s`, map[string]any{"ids": speakerIDs})
		if err != nil {
			return struct{}{}, err
		}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			out[id] = append(out[id], toStatement(r.Values[1]))
		}
		return struct{}{}, nil
	})
	if err != nil {
		return nil, fmt.Errorf("statements by speakers: %w", err)
	}
	return out, nil
}

// ArticlesByID returns articles without their text.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]*model.Article, error) {
	arts, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]*model.Article, error) {
		recs, err := s.run(ctx, tx, `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a {.id, .title, .url, .source, .dateline, .file, .extractor, published: toString(a.published)} AS a`,
			map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		return collect(recs, toArticle), nil
	})
	if err != nil {
		return nil, fmt.Errorf("articles by id: %w", err)
	}
	out := make(map[string]*model.Article, len(arts))
	for _, a := range arts {
		out[a.ID] = a
	}
	return out, nil
}

// Events lists events matching f, newest first.
func (s *Store) Events(ctx context.Context, f model.EventFilter) ([]*model.Event, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	evs, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]*model.Event, error) {
		recs, err := s.run(ctx, tx, `
MATCH (e:Event)
WHERE ($type IS NULL OR e.type = $type)
  AND ($status IS NULL OR e.status = $status)
  AND ($participant IS NULL OR EXISTS { (e)-[:PARTICIPANT|SUPPLIER|RECIPIENT]->(:Entity {id: $participant}) })
WITH e ORDER BY e.dateStart DESC, e.id LIMIT $limit
RETURN `+eventProjection+` AS e`, map[string]any{
			"type": nz(f.Type), "status": nz(f.Status), "participant": nz(f.Participant), "limit": int64(f.Limit),
		})
		if err != nil {
			return nil, err
		}
		return collect(recs, toEvent), nil
	})
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return evs, nil
}
