package neo4j

import (
	"context"
	"fmt"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SaveDocument writes one article and everything extracted from it in one
// write transaction. Entities and events MERGE on their stable ids, so an
// entity or event reported by several articles is one node with evidence
// from each. Saving a text already stored by the same extractor version
// changes nothing; a new version replaces that article's contribution.
func (s *Store) SaveDocument(ctx context.Context, doc *model.Document) (model.SaveResult, error) {
	res, err := write(ctx, s, func(tx driver.ManagedTransaction) (model.SaveResult, error) {
		return s.saveDocument(ctx, tx, doc)
	})
	if err != nil {
		return res, fmt.Errorf("save %s: %w", doc.Article.ID, err)
	}
	return res, nil
}

// SaveDocuments writes several articles in one write transaction: a corpus
// load pays the transaction's round trips once per batch, not per article.
func (s *Store) SaveDocuments(ctx context.Context, docs []*model.Document) ([]model.SaveResult, error) {
	res, err := write(ctx, s, func(tx driver.ManagedTransaction) ([]model.SaveResult, error) {
		out := make([]model.SaveResult, 0, len(docs))
		for _, doc := range docs {
			r, err := s.saveDocument(ctx, tx, doc)
			if err != nil {
				return nil, fmt.Errorf("save %s: %w", doc.Article.ID, err)
			}
			out = append(out, r)
		}
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("save %d articles: %w", len(docs), err)
	}
	return res, nil
}

// step is one statement of the save transaction.
type step struct {
	cypher string
	params map[string]any
}

func (s *Store) saveDocument(ctx context.Context, tx driver.ManagedTransaction, doc *model.Document) (model.SaveResult, error) {
	a := doc.Article
	res := model.SaveResult{ArticleID: a.ID, Entities: len(doc.Entities), Events: len(doc.Events), Statements: len(doc.Statements)}
	recs, err := s.run(ctx, tx, `MATCH (a:Article {id: $id}) RETURN a.extractor AS x`, map[string]any{"id": a.ID})
	if err != nil {
		return res, err
	}
	if len(recs) == 1 && recs[0].Values[0] == a.Extractor {
		res.Unchanged = true
		return res, nil
	}
	steps := []step{
		{cypherForget, map[string]any{"id": a.ID}},
		{cypherArticle, map[string]any{"a": articleParams(a)}},
	}
	add := func(cypher string, rows []map[string]any) {
		if len(rows) > 0 {
			steps = append(steps, step{cypher, map[string]any{"rows": rows, "article": a.ID}})
		}
	}
	for _, typ := range model.EntityTypes {
		add(cypherEntities(string(typ)), entityRows(doc, typ))
	}
	links := entityLinks(doc)
	for _, rel := range []string{"COUNTRY", "LEADER_OF", "MEMBER_OF"} {
		add(cypherEntityLink(rel), links[rel])
	}
	add(cypherEvents, eventRows(doc))
	eventLinks := eventLinkRows(doc)
	for _, rel := range []string{"PARTICIPANT", "SUPPLIER", "RECIPIENT", "AT", "ASSERTED_BY"} {
		add(cypherEventLink(rel), eventLinks[rel])
	}
	add(cypherEvidence, evidenceRows(doc))
	add(cypherStatements, statementRows(doc))
	add(cypherAbout, aboutRows(doc))
	add(cypherClaimedIn, eventLinks["CLAIMED_IN"])
	add(cypherDenies, eventLinks["DENIES"])
	steps = append(steps, step{cypherOrphans, nil})
	for _, st := range steps {
		n, r, err := s.runCount(ctx, tx, st.cypher, st.params)
		if err != nil {
			return res, err
		}
		res.NodesCreated += n
		res.RelationshipsCreated += r
	}
	return res, nil
}

// cypherForget removes what an earlier extraction of the article wrote, so
// re-extraction by new rules replaces it rather than piling up beside it.
const cypherForget = `
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)<-[r:EVIDENCE|MENTIONED_IN]-()
DELETE r
WITH DISTINCT a
OPTIONAL MATCH ()-[l:COUNTRY|LEADER_OF|MEMBER_OF {article: a.id}]->()
DELETE l
WITH DISTINCT a
OPTIONAL MATCH (s:Statement)-[:IN]->(a)
DETACH DELETE s`

const cypherArticle = `
MERGE (a:Article {id: $a.id})
ON CREATE SET a.ingestedAt = datetime()
SET a.title = $a.title, a.url = $a.url, a.source = $a.source, a.dateline = $a.dateline,
    a.file = $a.file, a.text = $a.text, a.extractor = $a.extractor,
    a.published = CASE WHEN $a.published IS NULL THEN null ELSE date($a.published) END`

// cypherEntities merges entities of one type; the label comes from a fixed
// list, never from input. A country's name comes from the gazetteer, so it
// may replace a stub's; other names keep the first one stored.
func cypherEntities(label string) string {
	return `
UNWIND $rows AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.firstSeen = datetime(), n.name = e.name
SET n:` + label + `,
    n.type = e.type,
    n.name = CASE WHEN e.type = 'Country' OR n.stub THEN e.name ELSE n.name END,
    n.stub = null,
    n.aliases = reduce(acc = coalesce(n.aliases, []), x IN e.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.iso3 = coalesce(e.iso3, n.iso3),
    n.country = coalesce(e.country, n.country),
    n.role = coalesce(e.role, n.role),
    n.roles = CASE WHEN e.role IS NULL OR e.role IN coalesce(n.roles, []) THEN coalesce(n.roles, []) ELSE coalesce(n.roles, []) + e.role END,
    n.kind = coalesce(e.kind, n.kind),
    n.wikidata = coalesce(e.wikidata, n.wikidata)
WITH n, e
SET n.names = [x IN [n.name] + n.aliases | toLower(x)],
    n.aliasText = reduce(t = '', x IN n.aliases | t + ' ' + x)
WITH n, e
MATCH (a:Article {id: $article})
MERGE (n)-[m:MENTIONED_IN]->(a)
SET m.starts = e.starts, m.ends = e.ends, m.texts = e.texts, m.count = size(e.starts)`
}

// cypherEntityLink links an entity to its country, the country it leads or
// its organization, once per article, with the span that says so. A
// country no article has named yet becomes a stub, named by its ISO code
// until one does.
func cypherEntityLink(rel string) string {
	return `
UNWIND $rows AS r
MATCH (n:Entity {id: r.from})
MERGE (t:Entity {id: r.to})
ON CREATE SET t:` + map[string]string{"COUNTRY": "Country", "LEADER_OF": "Country", "MEMBER_OF": "Organization"}[rel] + `,
    t.type = r.toType, t.name = r.toName, t.iso3 = r.iso3, t.aliases = [], t.names = [toLower(r.toName)],
    t.stub = true, t.firstSeen = datetime()
MERGE (n)-[l:` + rel + ` {article: $article}]->(t)
SET l.start = r.start, l.end = r.end, l.text = r.text, l.sentence = r.sentence`
}

const cypherEvents = `
UNWIND $rows AS ev
MERGE (e:Event {id: ev.id})
ON CREATE SET e.firstSeen = datetime()
SET e.type = ev.type, e.status = ev.status, e.date = ev.date,
    e.dateStart = CASE WHEN ev.dateStart IS NULL THEN null ELSE date(ev.dateStart) END,
    e.dateEnd = CASE WHEN ev.dateEnd IS NULL THEN null ELSE date(ev.dateEnd) END,
    e.cameo = ev.cameo, e.items = ev.items, e.stage = ev.stage,
    e.quantity = ev.quantity, e.value = ev.value`

// cypherEventLink links events to entities by one relationship type, taken
// from a fixed list.
func cypherEventLink(rel string) string {
	return `
UNWIND $rows AS r
MATCH (e:Event {id: r.from}), (n:Entity {id: r.to})
MERGE (e)-[:` + rel + `]->(n)`
}

const cypherEvidence = `
UNWIND $rows AS r
MATCH (e:Event {id: r.event}), (a:Article {id: $article})
MERGE (e)-[x:EVIDENCE {start: r.start, end: r.end}]->(a)
SET x.text = r.text, x.sentence = r.sentence`

const cypherStatements = `
UNWIND $rows AS r
MATCH (a:Article {id: $article}), (sp:Entity {id: r.speaker})
MERGE (s:Statement {id: r.id})
SET s.text = r.text, s.direct = r.direct, s.verb = r.verb,
    s.start = r.start, s.end = r.end, s.evidence = r.evidence, s.sentence = r.sentence
MERGE (s)-[:IN]->(a)
MERGE (sp)-[:SAID]->(s)`

const cypherAbout = `
UNWIND $rows AS r
MATCH (s:Statement {id: r.from}), (n:Entity {id: r.to})
MERGE (s)-[:ABOUT]->(n)`

const cypherClaimedIn = `
UNWIND $rows AS r
MATCH (e:Event {id: r.from}), (s:Statement {id: r.to})
MERGE (e)-[:CLAIMED_IN]->(s)`

const cypherDenies = `
UNWIND $rows AS r
MATCH (e:Event {id: r.from}), (d:Event {id: r.to})
MERGE (e)-[:DENIES]->(d)`

// cypherOrphans deletes events no article supports any more (after a
// re-extraction dropped them).
const cypherOrphans = `
MATCH (e:Event) WHERE NOT (e)-[:EVIDENCE]->()
DETACH DELETE e`

// nz turns "" into nil so that Neo4j stores no property rather than an empty one.
func nz(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func articleParams(a model.Article) map[string]any {
	return map[string]any{
		"id": a.ID, "title": nz(a.Title), "url": nz(a.URL), "source": nz(a.Source),
		"dateline": nz(a.Dateline), "file": nz(a.File), "text": a.Text,
		"extractor": a.Extractor, "published": nz(a.Published),
	}
}

func entityRows(doc *model.Document, typ model.EntityType) []map[string]any {
	var rows []map[string]any
	for _, e := range doc.Entities {
		if e.Type != typ {
			continue
		}
		starts, ends, texts := make([]int64, len(e.Mentions)), make([]int64, len(e.Mentions)), make([]string, len(e.Mentions))
		for i, m := range e.Mentions {
			starts[i], ends[i], texts[i] = int64(m.Start), int64(m.End), m.Text
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		rows = append(rows, map[string]any{
			"id": e.ID, "type": string(e.Type), "name": e.Name, "aliases": aliases,
			"iso3": nz(e.ISO3), "country": nz(e.Country), "role": nz(e.Role),
			"kind": nz(e.Kind), "wikidata": nz(e.Wikidata),
			"starts": starts, "ends": ends, "texts": texts,
		})
	}
	return rows
}

func entityLinks(doc *model.Document) map[string][]map[string]any {
	links := map[string][]map[string]any{}
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	for _, e := range doc.Entities {
		// The evidence of a person's role supports all three links.
		ev := map[string]any{"start": nil, "end": nil, "text": nil, "sentence": nil}
		if sp := e.RoleEvidence; sp != nil {
			ev = map[string]any{"start": int64(sp.Start), "end": int64(sp.End), "text": sp.Text, "sentence": sp.Sentence}
		}
		link := func(rel, to string, toType model.EntityType, toName string, iso3 any) {
			row := map[string]any{"from": e.ID, "to": to, "toType": string(toType), "toName": toName, "iso3": iso3}
			for k, v := range ev {
				row[k] = v
			}
			links[rel] = append(links[rel], row)
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
		return t.Format("2006-01-02"), t.Format("2006-01-02")
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return t.Format("2006-01-02"), t.AddDate(0, 1, -1).Format("2006-01-02")
	}
	return nil, nil
}

func eventRows(doc *model.Document) []map[string]any {
	rows := make([]map[string]any, 0, len(doc.Events))
	for _, ev := range doc.Events {
		start, end := dateRange(ev.Date)
		items := ev.Items
		if items == nil {
			items = []string{}
		}
		rows = append(rows, map[string]any{
			"id": ev.ID, "type": string(ev.Type), "status": string(ev.Status), "date": nz(ev.Date),
			"dateStart": start, "dateEnd": end, "cameo": nz(ev.Cameo), "items": items,
			"stage": nz(ev.Stage), "quantity": nz(ev.Quantity), "value": nz(ev.Value),
		})
	}
	return rows
}

func eventLinkRows(doc *model.Document) map[string][]map[string]any {
	links := map[string][]map[string]any{}
	link := func(rel, from string, to ...string) {
		for _, t := range to {
			if t != "" {
				links[rel] = append(links[rel], map[string]any{"from": from, "to": t})
			}
		}
	}
	for _, ev := range doc.Events {
		link("PARTICIPANT", ev.ID, ev.Participants...)
		link("SUPPLIER", ev.ID, ev.Supplier)
		link("RECIPIENT", ev.ID, ev.Recipient)
		link("AT", ev.ID, ev.Place)
		link("ASSERTED_BY", ev.ID, ev.AssertedBy...)
		link("CLAIMED_IN", ev.ID, ev.ClaimedIn...)
		link("DENIES", ev.ID, ev.Denies)
	}
	return links
}

func evidenceRows(doc *model.Document) []map[string]any {
	var rows []map[string]any
	for _, ev := range doc.Events {
		for _, sp := range ev.Evidence {
			rows = append(rows, map[string]any{"event": ev.ID, "start": int64(sp.Start), "end": int64(sp.End), "text": sp.Text, "sentence": sp.Sentence})
		}
	}
	return rows
}

func statementRows(doc *model.Document) []map[string]any {
	rows := make([]map[string]any, 0, len(doc.Statements))
	for _, st := range doc.Statements {
		rows = append(rows, map[string]any{
			"id": st.ID, "speaker": st.Speaker, "text": st.Text, "direct": st.Direct, "verb": nz(st.Verb),
			"start": int64(st.Evidence.Start), "end": int64(st.Evidence.End),
			"evidence": st.Evidence.Text, "sentence": st.Evidence.Sentence,
		})
	}
	return rows
}

func aboutRows(doc *model.Document) []map[string]any {
	var rows []map[string]any
	for _, st := range doc.Statements {
		for _, id := range st.About {
			rows = append(rows, map[string]any{"from": st.ID, "to": id})
		}
	}
	return rows
}
