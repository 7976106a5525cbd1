package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SaveDocument writes one article and everything extracted from it in one
// write transaction; it is SaveDocuments with one document.
func (s *Store) SaveDocument(ctx context.Context, doc *model.Document) (model.SaveResult, error) {
	res, err := s.SaveDocuments(ctx, []*model.Document{doc})
	if err != nil {
		return model.SaveResult{ArticleID: doc.Article.ID}, err
	}
	return res[0], nil
}

// SaveDocuments writes several articles in one write transaction with a
// fixed number of statements, each an UNWIND over the whole batch: a
// corpus load pays the round trips once per batch, and every lookup is an
// index seek, so an article costs the same in an empty graph and in a
// large one (BenchmarkSaveDocuments, TestWritesUseIndexes).
//
// Entities MERGE on their stable ids. Each event of a document becomes
// the article's report of an event, matched to the events other articles
// reported (match.go). A text already stored by the same extractor
// version is skipped, or only its metadata is updated; a new version or a
// new published date replaces the article's contribution.
//
// Writes of one process run one at a time: matching reads the events
// that earlier batches committed.
func (s *Store) SaveDocuments(ctx context.Context, docs []*model.Document) ([]model.SaveResult, error) {
	for _, d := range docs {
		if d.Article.ID == "" {
			return nil, model.Errorf(model.EINVALID, "a document has no article id")
		}
	}
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := write(ctx, s, func(tx driver.ManagedTransaction) ([]model.SaveResult, error) {
		return s.saveBatch(ctx, tx, docs)
	})
	if err != nil {
		if len(docs) == 1 {
			return nil, fmt.Errorf("save %s: %w", docs[0].Article.ID, err)
		}
		return nil, fmt.Errorf("save %d articles: %w", len(docs), err)
	}
	return res, nil
}

// graphModel is the version of the graph model writes produce; an
// article written under an earlier one (before events had reports) is
// written again when it is loaded again.
const graphModel = 2

// stored is what the graph holds about an article before a save.
type stored struct {
	extractor, published, title, url, source model.Text
	file                                     string
	model                                    int64
}

// batch is what one SaveDocuments call writes.
type batch struct {
	write   []*model.Document // new or re-extracted articles
	forget  []string          // ids of articles whose earlier extraction goes
	updated []*model.Document // same extraction, new metadata
}

// plan decides what each document needs, from what is stored.
func plan(docs []*model.Document, have map[string]stored, out []model.SaveResult) batch {
	var b batch
	seen := map[string]bool{}
	for i, d := range docs {
		a := d.Article
		out[i] = model.SaveResult{ArticleID: a.ID, Entities: len(d.Entities), Events: len(d.Events), Statements: len(d.Statements)}
		st, ok := have[a.ID]
		switch {
		case seen[a.ID]:
			out[i].Unchanged = true
		case !ok:
			b.write = append(b.write, d)
		case st.extractor != a.Extractor || st.published != a.Published || st.model != graphModel:
			b.forget = append(b.forget, a.ID)
			b.write = append(b.write, d)
		case st != (stored{a.Extractor, a.Published, a.Title, a.URL, a.Source, a.File, graphModel}):
			b.updated = append(b.updated, d)
			out[i].Updated = true
		default:
			out[i].Unchanged = true
		}
		seen[a.ID] = true
	}
	return b
}

func (s *Store) saveBatch(ctx context.Context, tx driver.ManagedTransaction, docs []*model.Document) ([]model.SaveResult, error) {
	out := make([]model.SaveResult, len(docs))
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.Article.ID
	}
	recs, err := s.run(ctx, tx, cypherStored, batchParams{"ids": ids}.param())
	if err != nil {
		return nil, err
	}
	have := map[string]stored{}
	for _, r := range recs {
		v := make([]string, len(r.Values))
		for i, x := range r.Values {
			v[i], _ = x.(string)
		}
		version, _ := r.Values[7].(int64)
		have[v[0]] = stored{model.Text(v[1]), model.Text(v[2]), model.Text(v[3]), model.Text(v[4]), model.Text(v[5]), v[6], version}
	}
	b := plan(docs, have, out)
	if len(b.write) == 0 && len(b.updated) == 0 {
		return out, nil
	}

	var nodes, rels int
	exec := func(cypher string, params batchParams) error {
		n, r, err := s.runCount(ctx, tx, cypher, params.param())
		nodes += n
		rels += r
		return err
	}
	// 1. Forget what earlier extractions of these articles wrote; events
	// left with no report go, the others are refreshed below.
	var refresh []string
	touched := map[string]bool{}
	if len(b.forget) > 0 {
		if err := exec(cypherForget, batchParams{"ids": b.forget}); err != nil {
			return nil, err
		}
		recs, err := s.run(ctx, tx, cypherForgetReports, batchParams{"ids": b.forget}.param())
		if err != nil {
			return nil, err
		}
		for _, id := range toStrings(recs[0].Values[0]) {
			touched[id] = true
			refresh = append(refresh, id)
		}
	}
	// 2. Articles, entities, their links and statements.
	var rows rowSet
	for _, d := range append(b.write, b.updated...) {
		rows.articles = append(rows.articles, articleParams(d.Article))
	}
	for _, d := range b.write {
		rows.add(d)
	}
	if err := exec(cypherWrite, batchParams{
		"articles": rows.articles, "entities": rows.entityRows(), "mentions": orNone(rows.mentions),
		"links": orNone(rows.links), "statements": orNone(rows.statements),
	}); err != nil {
		return nil, err
	}
	// 3. Match every report to an event.
	reports, fresh, err := s.match(ctx, tx, b.write)
	if err != nil {
		return nil, err
	}
	var eventRows, reportRows, denyRows []map[string]any
	for _, r := range fresh {
		eventRows = append(eventRows, map[string]any{"id": r.event, "type": string(r.typ), "anchor": nz(r.anchor)})
	}
	linked := map[[2]string]bool{} // event and article pairs with an EVIDENCE link
	for _, r := range reports {
		row := reportParams(r)
		row["link"] = !linked[[2]string{r.event, r.article}]
		linked[[2]string{r.event, r.article}] = true
		reportRows = append(reportRows, row)
		if r.denies != nil {
			denyRows = append(denyRows, map[string]any{"from": r.id, "to": r.denies.id})
		}
		if !touched[r.event] {
			touched[r.event] = true
			refresh = append(refresh, r.event)
		}
	}
	// 4. New events, the reports, and what each touched event now adds up to.
	if len(refresh) > 0 {
		if err := exec(cypherEvents, batchParams{
			"events": orNone(eventRows), "reports": orNone(reportRows), "denies": orNone(denyRows),
			"refresh": refresh, "ranks": statusRanks,
		}); err != nil {
			return nil, err
		}
	}
	for i := range out {
		if !out[i].Unchanged {
			out[i].NodesCreated, out[i].RelationshipsCreated = nodes, rels
			break
		}
	}
	return out, nil
}

// batchParams are the parameters of one write statement. They reach
// Neo4j as the entries of one map parameter, $batch (UNWIND $batch.rows),
// so that each statement is planned once. Neo4j keys its plan cache on
// the type of each top-level parameter and, for a list, on its size
// bucket (0, 1, 10, 100, …): lists passed at the top level made a new
// plan whenever a batch's row count crossed a bucket (16 first plans of
// what were then 12 write statements in a cold 1,000-article load, each
// up to seconds on a cold JVM). A map's entries are not part of the key. The
// plans do not need the sizes: every lookup is an index seek
// (TestWritesUseIndexes).
type batchParams map[string]any

func (p batchParams) param() map[string]any { return map[string]any{"batch": map[string]any(p)} }

// orNone sends an empty list rather than null for a batch with no rows.
func orNone(rows []map[string]any) []map[string]any {
	if rows == nil {
		return []map[string]any{}
	}
	return rows
}

// match assigns the reports of the documents to events: it reads the
// stored reports that their match keys find and which of their
// extraction ids are already event ids, then matches in Go.
func (s *Store) match(ctx context.Context, tx driver.ManagedTransaction, docs []*model.Document) ([]*report, []*report, error) {
	var reports []*report
	var probes, xids []string
	seen := map[string]bool{}
	for _, d := range docs {
		for _, r := range newReports(d) {
			reports = append(reports, r)
			xids = append(xids, r.xid)
			for _, k := range r.probes() {
				if !seen[k] {
					seen[k] = true
					probes = append(probes, k)
				}
			}
		}
	}
	if len(reports) == 0 {
		return nil, nil, nil
	}
	m := &matcher{stored: map[string][]candidate{}, batch: map[string][]candidate{}, anchors: map[string]string{}, taken: map[string]bool{}}
	if len(probes) > 0 {
		recs, err := s.run(ctx, tx, cypherProbe, batchParams{"keys": probes}.param())
		if err != nil {
			return nil, nil, err
		}
		for _, rec := range recs {
			c := candidate{
				report: str1(rec.Values[1]), event: str1(rec.Values[2]), anchor: str1(rec.Values[3]),
				sides: toStrings(rec.Values[4]), persons: toStrings(rec.Values[5]),
				supplier: str1(rec.Values[6]), recipient: str1(rec.Values[7]),
			}
			m.stored[str1(rec.Values[0])] = append(m.stored[str1(rec.Values[0])], c)
			m.anchors[c.event] = c.anchor
		}
	}
	recs, err := s.run(ctx, tx, cypherTaken, batchParams{"ids": xids}.param())
	if err != nil {
		return nil, nil, err
	}
	for _, rec := range recs {
		m.taken[str1(rec.Values[0])] = true
	}
	for _, r := range reports {
		m.assign(r)
	}
	return reports, m.fresh, nil
}

func str1(v any) string {
	s, _ := v.(string)
	return s
}

// keepPlan makes a write statement keep its first plan. Neo4j replans a
// cached statement once the graph's statistics have moved enough, and a
// load moves them all the time: in a cold 1,000-article load every write
// statement was planned again (7 plans beside the 5 first, each up to
// 0.2 s of a cold JVM's compile time, and JIT work). The plans do not
// depend on the statistics: every statement starts from a unique-constraint
// seek (TestWritesUseIndexes), which a plan made on an empty graph
// already uses.
const keepPlan = "CYPHER replan=skip\n"

// cypherStored reads what decides whether an article is written again.
const cypherStored = keepPlan + `
UNWIND $batch.ids AS id
MATCH (a:Article {id: id})
RETURN a.id, a.extractor, toString(a.published), a.title, a.url, a.source, a.file, a.graphModel`

// cypherForget removes what an earlier extraction of the articles wrote
// beside their reports: mentions, event links, statements and the entity
// links stated in them (found through the relationship index on
// article, never by scanning links: the hint keeps the planner from a
// scan while the index is small, as it is in a first load). Events with no report at all were
// written before events had reports; they go with their last article.
const cypherForget = keepPlan + `
UNWIND $batch.ids AS id
MATCH (a:Article {id: id})
CALL (a) { MATCH (a)<-[m:MENTIONED_IN]-(:Entity) DELETE m }
CALL (a) {
  MATCH (a)<-[x:EVIDENCE]-(e:Event)
  DELETE x
  WITH DISTINCT e WHERE NOT EXISTS { (e)<-[:OF]-(:Report) } AND NOT EXISTS { (e)-[:EVIDENCE]->() }
  DETACH DELETE e
}
CALL (a) { MATCH (a)<-[:IN]-(s:Statement) DETACH DELETE s }
CALL (id) { MATCH ()-[l:COUNTRY {article: id}]->() USING INDEX l:COUNTRY(article) DELETE l }
CALL (id) { MATCH ()-[l:LEADER_OF {article: id}]->() USING INDEX l:LEADER_OF(article) DELETE l }
CALL (id) { MATCH ()-[l:MEMBER_OF {article: id}]->() USING INDEX l:MEMBER_OF(article) DELETE l }`

// cypherForgetReports removes the articles' reports and the match keys no
// other report carries, deletes the events left with no report, and
// returns the other events those reports were of.
const cypherForgetReports = keepPlan + `
UNWIND $batch.ids AS id
OPTIONAL MATCH (:Article {id: id})<-[:IN]-(r:Report)-[:OF]->(e:Event)
OPTIONAL MATCH (r)-[:KEY]->(k:MatchKey)
WITH collect(DISTINCT r) AS reports, collect(DISTINCT e) AS events, collect(DISTINCT k) AS keys
FOREACH (r IN reports | DETACH DELETE r)
WITH events, keys
WITH events, keys, [e0 IN events WHERE EXISTS { (e0)<-[:OF]-(:Report) }] AS kept
FOREACH (k IN [k0 IN keys WHERE NOT EXISTS { (k0)<-[:KEY]-() }] | DELETE k)
FOREACH (e IN [e0 IN events WHERE NOT e0 IN kept] | DETACH DELETE e)
RETURN [e0 IN kept | e0.id]`

// cypherWrite writes a batch's articles, its entities with their names,
// their mentions, the entity links and the statements, in that order:
// each part finds what the parts before it wrote. One statement rather
// than five, because each statement's first plan costs up to seconds on a
// cold JVM (the first batch of a load made 12 of them).
var cypherWrite = keepPlan + units(cypherArticles, cypherEntities, cypherMentions, cypherEntityLinks, cypherStatements)

// cypherEvents writes the batch's new events, its reports and their
// denials, then what each touched event now adds up to; one statement for
// the reason cypherWrite is one.
var cypherEvents = keepPlan + units(cypherNewEvents, cypherReports, cypherDenies, cypherRefresh)

// units makes statements the unit subqueries of one statement, run in
// order; a part with no rows does nothing.
func units(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("CALL () {" + p + "}\n")
	}
	return b.String()
}

const cypherArticles = `
UNWIND $batch.articles AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.ingestedAt = datetime()
SET a.title = r.title, a.url = r.url, a.source = r.source, a.dateline = r.dateline,
    a.file = r.file, a.text = r.text, a.extractor = r.extractor, a.graphModel = r.graphModel,
    a.published = CASE WHEN r.published IS NULL THEN null ELSE date(r.published) END`

// cypherEntities merges the batch's entities, one row each. The label is
// the entity's type, one of a fixed list. A country's name comes from the
// gazetteer, so it may replace a stub's; other names keep the first one
// stored. Aliases and roles accumulate.
//
// The Name index follows the names' change only: most rows are entities
// already stored with the same names, and merging each of their Name
// nodes and links again was most of the statement's reads (a Name seek
// and a link lookup per name of every entity row of every batch).
var cypherEntities = `
UNWIND $batch.entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.firstSeen = datetime(), n.name = e.name
WITH n, e, coalesce(n.names, []) AS before
SET n:$(e.type),
    n.type = e.type,
    n.name = CASE WHEN e.type = 'Country' OR n.stub THEN e.name ELSE n.name END,
    n.stub = null,
    n.aliases = reduce(acc = coalesce(n.aliases, []), x IN e.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.iso3 = coalesce(e.iso3, n.iso3),
    n.country = coalesce(e.country, n.country),
    n.role = coalesce(e.role, n.role),
    n.roles = reduce(acc = coalesce(n.roles, []), x IN e.roles | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.kind = coalesce(e.kind, n.kind),
    n.wikidata = coalesce(e.wikidata, n.wikidata)
WITH n, before
SET n.names = [x IN [n.name] + n.aliases | toLower(x)],
    n.aliasText = reduce(t = '', x IN n.aliases | t + ' ' + x)
WITH n, before
CALL (n, before) {
  // A stub's name (a country first known by its code) gives way to the
  // entity's own names: the Name index is a function of the final names,
  // whatever order the articles came in.
  UNWIND [k IN before WHERE NOT k IN n.names] AS gone
  WITH DISTINCT gone
  MATCH (old:Name {key: gone})-[r:NAMES]->(n)
  DELETE r
  WITH old WHERE NOT EXISTS { (old)-[:NAMES]->() }
  DELETE old
}
` + nameIndex("n", "[k IN n.names WHERE NOT k IN before]")

// nameIndex gives entity v a Name node per lower-cased name in the list
// names (new ones of v.names), the index that name arguments seek
// (docs/graph-model.md).
func nameIndex(v, names string) string {
	return `CALL (*) {
  UNWIND ` + names + ` AS k
  MERGE (nm:Name {key: k})
  MERGE (nm)-[:NAMES]->(` + v + `)
}`
}

// cypherMentions links entities to the articles that mention them. The
// articles are new or their mentions were removed (cypherForget), so the
// links are created: merging would look through the entity's links.
const cypherMentions = `
UNWIND $batch.mentions AS m
MATCH (n:Entity {id: m.entity}), (a:Article {id: m.article})
CREATE (n)-[:MENTIONED_IN {starts: m.starts, ends: m.ends, texts: m.texts, count: size(m.starts)}]->(a)`

// cypherEntityLinks links entities to their country, the country they
// lead or their organization, once per article, with the span that says
// so. The article's earlier links are gone (cypherForget), so they are
// created, not merged: a merge would walk every link of a much-reported
// person. A country no article has named yet becomes a stub, named by its
// ISO code until one does; only a stub's Name is merged here (the entity
// rows keep the others').
var cypherEntityLinks = `
UNWIND $batch.links AS r
MATCH (n:Entity {id: r.from})
MERGE (t:Entity {id: r.to})
ON CREATE SET t:$(r.toType), t.type = r.toType, t.name = r.toName, t.iso3 = r.iso3, t.aliases = [],
    t.names = [toLower(r.toName)], t.stub = true, t.firstSeen = datetime()
CREATE (n)-[l:$(r.rel)]->(t)
SET l.article = r.article, l.start = r.start, l.end = r.end, l.text = r.text, l.sentence = r.sentence
WITH DISTINCT t WHERE t.stub
` + nameIndex("t", "t.names")

// cypherStatements creates statements: their ids hash the article's, and
// an article's earlier statements were removed (cypherForget).
const cypherStatements = `
UNWIND $batch.statements AS r
MATCH (a:Article {id: r.article}), (sp:Entity {id: r.speaker})
CREATE (s:Statement {id: r.id, text: r.text, direct: r.direct, verb: r.verb,
    start: r.start, end: r.end, evidence: r.evidence, sentence: r.sentence})-[:IN]->(a),
  (sp)-[:SAID]->(s)
WITH s, r
CALL (s, r) {
  UNWIND r.about AS id
  MATCH (n:Entity {id: id})
  CREATE (s)-[:ABOUT]->(n)
}`

// cypherProbe finds the stored reports under the match keys a batch's
// reports probe, with what compatible() compares. An event's anchor is its
// date, else the anchor of the report that created it. The path is walked
// from the key's unique seek with no label to start from (only reports
// have KEY and OF links): planned on a nearly empty graph, the labelled
// pattern sometimes got a plan that read ~8x the pages and grew with the
// graph until the next replan.
const cypherProbe = keepPlan + `
UNWIND $batch.keys AS key
MATCH (k:MatchKey {key: key})
CALL (k) {
  MATCH (k)<-[:KEY]-(r)-[:OF]->(e)
  RETURN r, e
}
RETURN key, r.id, e.id, coalesce(e.date, e.anchor), r.sides, r.persons, r.supplierSide, r.recipientSide`

// cypherTaken tells which extraction ids are already event ids.
const cypherTaken = keepPlan + `
UNWIND $batch.ids AS id
MATCH (e:Event {id: id})
RETURN e.id`

const cypherNewEvents = `
UNWIND $batch.events AS r
CREATE (:Event {id: r.id, type: r.type, anchor: r.anchor, firstSeen: datetime()})`

// cypherReports writes each report with its article, its event and its
// match keys, and links the event to the article (EVIDENCE) once: an
// article can report an event twice, as a claim and its denial.
const cypherReports = `
UNWIND $batch.reports AS r
MATCH (a:Article {id: r.article}), (e:Event {id: r.event})
CREATE (x:Report {id: r.id})-[:OF]->(e), (x)-[:IN]->(a)
SET x += r.props
FOREACH (_ IN CASE WHEN r.link THEN [1] ELSE [] END | CREATE (e)-[:EVIDENCE]->(a))
WITH x, r
CALL (x, r) {
  UNWIND r.keys AS key
  MERGE (k:MatchKey {key: key})
  CREATE (x)-[:KEY]->(k)
}`

const cypherDenies = `
UNWIND $batch.denies AS r
MATCH (x:Report {id: r.from}), (y:Report {id: r.to})
CREATE (x)-[:DENIES]->(y)`

// cypherRefresh recomputes what touched events add up to from their
// reports, ordered most certain first ($batch.ranks), then by article date:
// the status (the first report's: the most certain one other than
// denied, denied only when all deny, as model.StatusOf), the date (the
// most precise one most reports give, the earliest on a tie), items (the
// union), stage, quantity, value and CAMEO code (the first report's that
// has one), and the links to participants, supplier, recipient, place,
// asserters and claiming statements (the union). The work is bounded by
// the event's own reports.
const cypherRefresh = `
UNWIND $batch.refresh AS id
MATCH (e:Event {id: id})
CALL (e) {
  MATCH (e)-[l:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY|CLAIMED_IN]->()
  DELETE l
}
WITH e, COLLECT {
  MATCH (e)<-[:OF]-(r:Report)-[:IN]->(a:Article)
  WITH r, a ORDER BY $batch.ranks[r.status], a.published, a.id, r.id
  RETURN r {.status, .date, .dateStart, .dateEnd, .items, .stage, .quantity, .value, .cameo,
            .participants, .supplier, .recipient, .place, .assertedBy, .claimedIn}
} AS rs
WITH e, rs, COLLECT {
  UNWIND rs AS r
  WITH r.date AS d WHERE d IS NOT NULL
  WITH d, count(*) AS n ORDER BY size(d) DESC, n DESC, d
  RETURN d LIMIT 1
}[0] AS date
WITH e, rs, date, head([r IN rs WHERE r.date = date]) AS dated
SET e.status = rs[0].status, e.date = date, e.dateStart = dated.dateStart, e.dateEnd = dated.dateEnd,
    e.items = reduce(acc = [], r IN rs | acc + [x IN r.items WHERE NOT x IN acc]),
    e.stage = head([r IN rs WHERE r.stage IS NOT NULL | r.stage]),
    e.quantity = head([r IN rs WHERE r.quantity IS NOT NULL | r.quantity]),
    e.value = head([r IN rs WHERE r.value IS NOT NULL | r.value]),
    e.cameo = head([r IN rs WHERE r.cameo IS NOT NULL | r.cameo])
WITH e, rs
CALL (e, rs) {
  UNWIND rs AS r
  UNWIND [x IN r.participants | ['PARTICIPANT', x]] + [x IN r.assertedBy | ['ASSERTED_BY', x]] +
    [x IN [r.supplier] WHERE x IS NOT NULL | ['SUPPLIER', x]] + [x IN [r.recipient] WHERE x IS NOT NULL | ['RECIPIENT', x]] +
    [x IN [r.place] WHERE x IS NOT NULL | ['AT', x]] AS link
  WITH DISTINCT link
  MATCH (n:Entity {id: link[1]})
  CREATE (e)-[:$(link[0])]->(n)
}
CALL (e, rs) {
  UNWIND rs AS r
  UNWIND r.claimedIn AS sid
  WITH DISTINCT sid
  MATCH (s:Statement {id: sid})
  CREATE (e)-[:CLAIMED_IN]->(s)
}`

// statusRanks gives each status its place in model.Statuses, most certain
// first: a map lookup per report where a search of the list cost a
// comprehension over it.
var statusRanks = func() map[string]any {
	m := map[string]any{}
	for i, st := range model.Statuses {
		m[string(st)] = int64(i)
	}
	return m
}()

// nz turns "" into nil so that Neo4j stores no property rather than an empty one.
func nz[S ~string](s S) any {
	if s == "" {
		return nil
	}
	return string(s)
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func articleParams(a model.Article) map[string]any {
	return map[string]any{
		"id": a.ID, "title": nz(a.Title), "url": nz(a.URL), "source": nz(a.Source),
		"dateline": nz(a.Dateline), "file": nz(a.File), "text": a.Text,
		"extractor": string(a.Extractor), "published": nz(a.Published), "graphModel": int64(graphModel),
	}
}

// rowSet holds the parameter rows of a batch's entities, mentions, links
// and statements.
type rowSet struct {
	articles, mentions, links, statements []map[string]any
	entities                              map[string]*entityRow
	order                                 []string // entity ids, first seen first
}

// entityRow is one entity as the batch's documents describe it: aliases
// and roles in the order they come, other values from the last document
// that gives one.
type entityRow struct {
	e     model.Entity
	roles []string
}

func (rs *rowSet) add(doc *model.Document) {
	id := doc.Article.ID
	if rs.entities == nil {
		rs.entities = map[string]*entityRow{}
	}
	seen := map[string]bool{}
	for _, e := range doc.Entities {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		row := rs.entities[e.ID]
		if row == nil {
			row = &entityRow{e: model.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: []string{}}}
			rs.entities[e.ID] = row
			rs.order = append(rs.order, e.ID)
		}
		row.merge(e)
		starts, ends, texts := make([]int64, len(e.Mentions)), make([]int64, len(e.Mentions)), make([]string, len(e.Mentions))
		for i, m := range e.Mentions {
			starts[i], ends[i], texts[i] = int64(m.Start), int64(m.End), m.Text
		}
		rs.mentions = append(rs.mentions, map[string]any{"entity": e.ID, "article": id, "starts": starts, "ends": ends, "texts": texts})
	}
	rs.links = append(rs.links, entityLinks(doc)...)
	stmts := map[string]bool{}
	for _, st := range doc.Statements {
		if stmts[st.ID] {
			continue
		}
		stmts[st.ID] = true
		about := []string{}
		for _, a := range st.About {
			if !slices.Contains(about, a) {
				about = append(about, a)
			}
		}
		rs.statements = append(rs.statements, map[string]any{
			"article": id, "id": st.ID, "speaker": st.Speaker, "text": st.Text, "direct": st.Direct, "verb": nz(st.Verb),
			"start": int64(st.Evidence.Start), "end": int64(st.Evidence.End),
			"evidence": st.Evidence.Text, "sentence": string(st.Evidence.Sentence), "about": about,
		})
	}
}

func (r *entityRow) merge(e model.Entity) {
	if e.Type == model.Country {
		r.e.Name = e.Name // the gazetteer's name
	}
	for _, a := range e.Aliases {
		if !slices.Contains(r.e.Aliases, a) {
			r.e.Aliases = append(r.e.Aliases, a)
		}
	}
	if e.Role != "" && !slices.Contains(r.roles, string(e.Role)) {
		r.roles = append(r.roles, string(e.Role))
	}
	keep(&r.e.ISO3, e.ISO3)
	keep(&r.e.Country, e.Country)
	keep(&r.e.Role, e.Role)
	keep(&r.e.Kind, e.Kind)
	keep(&r.e.Wikidata, e.Wikidata)
}

// keep sets *to to v unless v is empty (not known).
func keep[S ~string](to *S, v S) {
	if v != "" {
		*to = v
	}
}

// entityRows are the batch's entities, one row each.
func (rs *rowSet) entityRows() []map[string]any {
	out := make([]map[string]any, 0, len(rs.order))
	for _, id := range rs.order {
		r := rs.entities[id]
		e := r.e
		out = append(out, map[string]any{
			"id": e.ID, "type": string(e.Type), "name": e.Name, "aliases": e.Aliases, "roles": orEmpty(r.roles),
			"iso3": nz(e.ISO3), "country": nz(e.Country), "role": nz(e.Role),
			"kind": nz(e.Kind), "wikidata": nz(e.Wikidata),
		})
	}
	return out
}

// entityLinks are the COUNTRY, LEADER_OF and MEMBER_OF links a document
// states, each with the span that states it.
func entityLinks(doc *model.Document) []map[string]any {
	var links []map[string]any
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	seen := map[string]bool{}
	for _, e := range doc.Entities {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		// The evidence of a person's role supports all three links.
		ev := map[string]any{"start": nil, "end": nil, "text": nil, "sentence": nil}
		if sp := e.RoleEvidence; sp != nil {
			ev = map[string]any{"start": int64(sp.Start), "end": int64(sp.End), "text": sp.Text, "sentence": string(sp.Sentence)}
		}
		link := func(rel, to string, toType model.EntityType, toName string, iso3 any) {
			row := map[string]any{"article": doc.Article.ID, "rel": rel, "from": e.ID, "to": to,
				"toType": string(toType), "toName": toName, "iso3": iso3}
			for k, v := range ev {
				row[k] = v
			}
			links = append(links, row)
		}
		if e.Country != "" && e.Type != model.Country {
			to := "country:" + e.Country
			name := names[to]
			if name == "" {
				name = e.Country
			}
			link("COUNTRY", to, model.Country, name, e.Country)
			if e.Leader {
				link("LEADER_OF", to, model.Country, name, e.Country)
			}
		}
		if e.Affil != "" && names[e.Affil] != "" {
			link("MEMBER_OF", e.Affil, model.Organization, names[e.Affil], nil)
		}
	}
	return links
}

// dateRange turns "2023-09-11" or "2023-09" into the first and last day it covers.
func dateRange(d string) (start, end any) {
	if t, err := time.Parse("2006-01-02", d); err == nil {
		return t, t
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return t, t.AddDate(0, 1, -1)
	}
	return nil, nil
}

// reportParams is a report's row: its links and its properties (what the
// article says of the event, the spans, and what matching compares).
func reportParams(r *report) map[string]any {
	ev := r.ev
	start, end := dateRange(string(ev.Date))
	n := len(ev.Evidence)
	starts, ends, texts, sentences := make([]int64, n), make([]int64, n), make([]string, n), make([]string, n)
	for i, sp := range ev.Evidence {
		starts[i], ends[i], texts[i], sentences[i] = int64(sp.Start), int64(sp.End), sp.Text, string(sp.Sentence)
	}
	return map[string]any{
		"id": r.id, "article": r.article, "event": r.event, "keys": r.keys(),
		"props": map[string]any{
			"type": string(ev.Type), "status": string(ev.Status), "date": nz(ev.Date),
			"dateStart": neoDate(start), "dateEnd": neoDate(end),
			"participants": orEmpty(ev.Participants), "supplier": nz(ev.Supplier), "recipient": nz(ev.Recipient),
			"place": nz(ev.Place), "assertedBy": orEmpty(ev.AssertedBy), "claimedIn": orEmpty(ev.ClaimedIn),
			"items": orEmpty(ev.Items), "stage": nz(ev.Stage), "quantity": nz(ev.Quantity), "value": nz(ev.Value),
			"cameo":  nz(ev.Cameo),
			"starts": starts, "ends": ends, "texts": texts, "sentences": sentences,
			"sides": orEmpty(r.sides), "persons": orEmpty(r.persons),
			"supplierSide": nz(r.supplier), "recipientSide": nz(r.recipient),
		},
	}
}

// neoDate makes a day a Neo4j date.
func neoDate(t any) any {
	if d, ok := t.(time.Time); ok {
		return driver.DateOf(d)
	}
	return nil
}
