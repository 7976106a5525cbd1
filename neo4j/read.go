package neo4j

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The projections return a node as a map that the to* functions of
// convert.go read. Variables inside them end in 0 so that they never
// capture a variable of the query around them.

// entityProjection returns entity n with what is aggregated across articles.
const entityProjection = `n {.id, .type, .name, .aliases, .iso3, .country, .role, .roles, .kind, .wikidata,
  firstSeen: toString(n.firstSeen),
  leader: EXISTS { (n)-[:LEADER_OF]->() },
  affiliation: head([(n)-[:MEMBER_OF]->(o0) | o0.id]),
  eventCount: ` + entityEventCount + `,
  statementCount: COUNT { (n)-[:SAID]->(:Statement) },
  articleCount: COUNT { (n)-[:MENTIONED_IN]->(:Article) },
  sourceCount: ` + entitySourceCount + `}`

// Aggregates are counted with COUNT {} subqueries, never by collecting
// lists. An event has one EVIDENCE link to each article that reports it.
const (
	entityEventCount  = `COUNT { MATCH (n)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e0:Event) RETURN DISTINCT e0 }`
	entitySourceCount = `COUNT { MATCH (n)-[:MENTIONED_IN]->(a0:Article) RETURN DISTINCT coalesce(a0.source, a0.id) }`
	eventArticleCount = `COUNT { (e)-[:EVIDENCE]->(:Article) }`
	eventSourceCount  = `COUNT { MATCH (e)-[:EVIDENCE]->(a0:Article) RETURN DISTINCT coalesce(a0.source, a0.id) }`
	eventPublished    = `COLLECT { MATCH (e)-[:EVIDENCE]->(a0:Article) WHERE a0.published IS NOT NULL
    RETURN a0.published ORDER BY a0.published LIMIT 1 }[0]`
)

// eventProjection returns event e with its links, its reports and
// support; toEvent gathers the evidence from the reports. The links (participants, asserters, claims) are the union
// over its reports, kept on the event by the writes.
var eventProjection = `e {.id, .type, .status, .date, .cameo, .items, .stage, .quantity, .value,
  firstSeen: toString(e.firstSeen),
  published: toString(` + eventPublished + `),
  participants: ` + sortedIDs("(e)-[:PARTICIPANT]->(x0)") + `,
  supplier: head([(e)-[:SUPPLIER]->(x0) | x0.id]),
  recipient: head([(e)-[:RECIPIENT]->(x0) | x0.id]),
  place: head([(e)-[:AT]->(x0) | x0.id]),
  assertedBy: ` + sortedIDs("(e)-[:ASSERTED_BY]->(x0)") + `,
  claimedIn: ` + sortedIDs("(e)-[:CLAIMED_IN]->(x0)") + `,
  reports: ` + reportsOf("e") + `,
  articleCount: ` + eventArticleCount + `,
  sourceCount: ` + eventSourceCount + `}`

// sortedIDs lists the ids of the nodes x0 that pattern reaches, sorted so that
// answers are the same every time.
func sortedIDs(pattern string) string {
	return "COLLECT { MATCH " + pattern + " RETURN x0.id ORDER BY x0.id }"
}

// reportSpans are the evidence spans of report rp0 in article ap0, in text order.
const reportSpans = `[ip0 IN range(0, size(rp0.starts) - 1) | {start: rp0.starts[ip0], end: rp0.ends[ip0],
    text: rp0.texts[ip0], sentence: rp0.sentences[ip0], article: ap0.id}]`

// reportsOf lists the reports of the event bound to v, oldest article first.
func reportsOf(v string) string {
	return fmt.Sprintf(`COLLECT { MATCH (%[1]s)<-[:OF]-(rp0:Report)-[:IN]->(ap0:Article)
    RETURN rp0 {.id, .status, .date, .assertedBy, .claimedIn, article: ap0.id,
      denies: head([(rp0)-[:DENIES]->(dp0) | dp0.id]), evidence: %[2]s}
    ORDER BY ap0.published, ap0.id, rp0.id }`, v, reportSpans)
}

// evidenceOf lists the evidence spans of the event bound to v, from all
// its reports, oldest article first.
func evidenceOf(v string) string {
	return fmt.Sprintf(`COLLECT { MATCH (%[1]s)<-[:OF]-(rp0:Report)-[:IN]->(ap0:Article)
    UNWIND %[2]s AS xp0
    WITH DISTINCT ap0, xp0
    RETURN xp0 ORDER BY ap0.published, ap0.id, xp0.start, xp0.end }`, v, reportSpans)
}

// spanOf is the evidence span of the statement bound to v.
func spanOf(v string) string {
	return fmt.Sprintf(`{start: %[1]s.start, end: %[1]s.end, text: %[1]s.evidence, sentence: %[1]s.sentence,
    article: head([(%[1]s)-[:IN]->(a0) | a0.id])}`, v)
}

var statementProjection = `s {.id, .text, .direct, .verb,
  speaker: head([(sp0)-[:SAID]->(s) | sp0.id]),
  about: ` + sortedIDs("(s)-[:ABOUT]->(x0)") + `,
  evidence: ` + spanOf("s") + `}`

const articleProjection = `a {.id, .title, .url, .source, .dateline, .file, .extractor,
  published: toString(a.published), ingestedAt: toString(a.ingestedAt)}`

// Orders of linked and listed nodes, ties broken by id so pages are stable.
const (
	eventsNewestFirst   = `e.dateStart IS NULL, e.dateStart DESC, e.id`
	entitiesByName      = `n.type, toLower(n.name), n.id`
	articlesNewestFirst = `a.published IS NULL, a.published DESC, a.id`
)

var iso3 = regexp.MustCompile(`^[A-Za-z]{3}$`)

// FindEntity finds an entity by id, ISO3 code, name or alias,
// case-insensitively, preferring an exact id, then the one mentioned in
// most articles.
func (s *Store) FindEntity(ctx context.Context, ref string) (*model.StoredEntity, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, model.Errorf(model.EINVALID, "an entity name must not be empty")
	}
	var code any
	if iso3.MatchString(ref) {
		code = strings.ToUpper(ref)
	}
	// Entities number in the thousands: a label scan over a list property is
	// fast enough and avoids a name node per alias.
	ents, err := readRows(ctx, s, "find entity", `
MATCH (n:Entity) WHERE n.id = $ref OR $name IN n.names OR n.iso3 = $code
WITH n ORDER BY n.id = $ref DESC, COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1
RETURN `+entityProjection+` AS n`,
		map[string]any{"ref": ref, "name": strings.ToLower(ref), "code": code}, first(toEntity))
	if err != nil {
		return nil, err
	}
	if len(ents) == 0 {
		return nil, model.Errorf(model.ENOTFOUND, "no entity is named %q", ref)
	}
	return ents[0], nil
}

// EntitiesByID returns the entities with the given ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*model.StoredEntity, error) {
	rows, err := readRows(ctx, s, "entities by id", `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN `+entityProjection+` AS n`, map[string]any{"ids": ids}, first(toEntity))
	return byID(rows, err, func(e *model.StoredEntity) string { return e.ID })
}

// EventsByID returns the events with the given ids.
func (s *Store) EventsByID(ctx context.Context, ids []string) (map[string]*model.StoredEvent, error) {
	rows, err := readRows(ctx, s, "events by id", `
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN `+eventProjection+` AS e`, map[string]any{"ids": ids}, first(toEvent))
	return byID(rows, err, func(e *model.StoredEvent) string { return e.ID })
}

// StatementsByID returns the statements with the given ids.
func (s *Store) StatementsByID(ctx context.Context, ids []string) (map[string]*model.Statement, error) {
	rows, err := readRows(ctx, s, "statements by id", `
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN `+statementProjection+` AS s`, map[string]any{"ids": ids}, first(toStatement))
	return byID(rows, err, func(st *model.Statement) string { return st.ID })
}

// ArticlesByID returns articles without their text.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]*model.StoredArticle, error) {
	rows, err := readRows(ctx, s, "articles by id", `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN `+articleProjection+` AS a`, map[string]any{"ids": ids}, first(toArticle))
	return byID(rows, err, func(a *model.StoredArticle) string { return a.ID })
}

// ArticleTexts returns the full text of articles.
func (s *Store) ArticleTexts(ctx context.Context, ids []string) (map[string]string, error) {
	type text struct{ id, text string }
	rows, err := readRows(ctx, s, "article texts", `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id, a.text`, map[string]any{"ids": ids}, func(r *driver.Record) text {
		id, _ := r.Values[0].(string)
		t, _ := r.Values[1].(string)
		return text{id, t}
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.id] = r.text
	}
	return out, nil
}

// The patterns behind each link: the source node is src (bound to each of
// $ids as id), the target is n, e, s or a for entities, events, statements
// and articles, as in the projections. Only these fixed strings are
// spliced into Cypher.
var (
	entityLinkPatterns = map[model.Link]string{
		model.LinkLeaders:         `(src:Entity {id: id})<-[:LEADER_OF]-(n:Person)`,
		model.LinkPeople:          `(src:Entity {id: id})<-[:COUNTRY]-(n:Person)`,
		model.LinkOrganizations:   `(src:Entity {id: id})<-[:COUNTRY]-(n:Organization)`,
		model.LinkPlaces:          `(src:Entity {id: id})<-[:COUNTRY]-(n:Place)`,
		model.LinkMembers:         `(src:Entity {id: id})<-[:MEMBER_OF]-(n:Person)`,
		model.LinkArticleEntities: `(src:Article {id: id})<-[:MENTIONED_IN]-(n:Entity)`,
	}
	eventLinkPatterns = map[model.Link]string{
		model.LinkEvents:        `(src:Entity {id: id})<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e:Event)`,
		model.LinkSupplied:      `(src:Entity {id: id})<-[:SUPPLIER]-(e:Event)`,
		model.LinkReceived:      `(src:Entity {id: id})<-[:RECIPIENT]-(e:Event)`,
		model.LinkAsserted:      `(src:Entity {id: id})<-[:ASSERTED_BY]-(e:Event)`,
		model.LinkClaims:        `(src:Statement {id: id})<-[:CLAIMED_IN]-(e:Event)`,
		model.LinkArticleEvents: `(src:Article {id: id})<-[:EVIDENCE]-(e:Event)`,
	}
	statementLinkPatterns = map[model.Link]string{
		model.LinkSaid:              `(src:Entity {id: id})-[:SAID]->(s:Statement)`,
		model.LinkAbout:             `(src:Entity {id: id})<-[:ABOUT]-(s:Statement)`,
		model.LinkArticleStatements: `(src:Article {id: id})<-[:IN]-(s:Statement)`,
	}
	articleLinkPatterns = map[model.Link]string{
		model.LinkMentionedIn: `(src:Entity {id: id})-[:MENTIONED_IN]->(a:Article)`,
		model.LinkArticles:    `(src:Event {id: id})-[:EVIDENCE]->(a:Article)`,
	}
)

// LinkedEntities follows link from each id to entities, ordered by kind and name.
func (s *Store) LinkedEntities(ctx context.Context, link model.Link, ids []string) (map[string][]*model.StoredEntity, error) {
	return linked(ctx, s, link, entityLinkPatterns[link], ids, `WITH DISTINCT id, n ORDER BY `+entitiesByName+` RETURN id, `+entityProjection+` AS n`, toEntity)
}

// LinkedEvents follows link from each id to events, newest first.
func (s *Store) LinkedEvents(ctx context.Context, link model.Link, ids []string) (map[string][]*model.StoredEvent, error) {
	return linked(ctx, s, link, eventLinkPatterns[link], ids, `WITH DISTINCT id, e ORDER BY `+eventsNewestFirst+` RETURN id, `+eventProjection+` AS e`, toEvent)
}

// LinkedStatements follows link from each id to statements, newest
// article first, in text order within an article.
func (s *Store) LinkedStatements(ctx context.Context, link model.Link, ids []string) (map[string][]*model.Statement, error) {
	return linked(ctx, s, link, statementLinkPatterns[link], ids, `WITH DISTINCT id, s
WITH id, s, head([(s)-[:IN]->(a1:Article) | a1]) AS a1
ORDER BY a1.published IS NULL, a1.published DESC, a1.id, s.start
RETURN id, `+statementProjection+` AS s`, toStatement)
}

// LinkedArticles follows link from each id to articles, newest first.
func (s *Store) LinkedArticles(ctx context.Context, link model.Link, ids []string) (map[string][]*model.StoredArticle, error) {
	return linked(ctx, s, link, articleLinkPatterns[link], ids, `WITH DISTINCT id, a ORDER BY `+articlesNewestFirst+` RETURN id, `+articleProjection+` AS a`, toArticle)
}

// EventsOf returns the events each entity takes part in, newest first.
func (s *Store) EventsOf(ctx context.Context, ids []string) (map[string][]*model.StoredEvent, error) {
	return s.LinkedEvents(ctx, model.LinkEvents, ids)
}

// StatementsBy returns the statements each speaker made.
func (s *Store) StatementsBy(ctx context.Context, ids []string) (map[string][]*model.Statement, error) {
	return s.LinkedStatements(ctx, model.LinkSaid, ids)
}

// linked runs one query that follows pattern from every id and groups the
// converted targets by id.
func linked[T any](ctx context.Context, s *Store, link model.Link, pattern string, ids []string, ret string, conv func(any) T) (map[string][]T, error) {
	if pattern == "" {
		return nil, fmt.Errorf("no link %q for this kind of node", link)
	}
	type row struct {
		id string
		v  T
	}
	rows, err := readRows(ctx, s, "follow "+string(link), "UNWIND $ids AS id\nMATCH "+pattern+"\n"+ret,
		map[string]any{"ids": ids}, func(r *driver.Record) row {
			id, _ := r.Values[0].(string)
			return row{id, conv(r.Values[1])}
		})
	if err != nil {
		return nil, err
	}
	out := map[string][]T{}
	for _, r := range rows {
		out[r.id] = append(out[r.id], r.v)
	}
	return out, nil
}

// readRows runs one statement in a read transaction and converts each
// record; a retried transaction starts from an empty result again.
func readRows[T any](ctx context.Context, s *Store, what, cypher string, params map[string]any, conv func(*driver.Record) T) ([]T, error) {
	rows, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]T, error) {
		recs, err := s.run(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		out := make([]T, 0, len(recs))
		for _, r := range recs {
			out = append(out, conv(r))
		}
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return rows, nil
}

// first adapts a converter of one value to a record's first column.
func first[T any](conv func(any) T) func(*driver.Record) T {
	return func(r *driver.Record) T { return conv(r.Values[0]) }
}

func byID[T any](rows []T, err error, id func(T) string) (map[string]T, error) {
	if err != nil {
		return nil, err
	}
	out := make(map[string]T, len(rows))
	for _, r := range rows {
		out[id(r)] = r
	}
	return out, nil
}
