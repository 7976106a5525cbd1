package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Exports read the graph in pages, one read transaction per page: a page
// of nodes walks a label's uniqueness index in id order from a cursor (so
// a page costs the same at the end of a large graph as at its start), or
// takes a given list of ids (a neighborhood).

var _ model.Exporter = (*Store)(nil)

// nodeDisplay is the short label of node v that graph views show: a name,
// an event's type, status and date, a statement's speaker and opening
// words, an article's title.
func nodeDisplay(v string) string {
	return fmt.Sprintf(`CASE
  WHEN %[1]s:Entity THEN %[1]s.name
  WHEN %[1]s:Event THEN %[1]s.type + ' (' + %[1]s.status + coalesce(', ' + %[1]s.date, '') + ')'
  WHEN %[1]s:Report THEN %[1]s.type + ' report (' + %[1]s.status + coalesce(', ' + %[1]s.date, '') + ')'
  WHEN %[1]s:Statement THEN coalesce(head([(sp0)-[:SAID]->(%[1]s) | sp0.name]) + ': ', '') + '“' + left(%[1]s.text, 60)
    + CASE WHEN size(%[1]s.text) > 60 THEN '…' ELSE '' END + '”'
  ELSE coalesce(%[1]s.title, %[1]s.id) END`, v)
}

// exportNodeProps are node n's properties as [key, value] pairs, without
// the lookup copies and an article's text (which JSON Lines carries).
const exportNodeProps = `[k IN keys(n) WHERE NOT k IN ['names', 'aliasText'] AND NOT (n:Article AND k = 'text') | [k, n[k]]]`

// exportedNode returns node n of a page.
var exportedNode = `{id: n.id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], label: ` + nodeDisplay("n") + `,
  props: ` + exportNodeProps + `}`

// exportLabel checks a label against the ones with an id constraint: it is
// written into Cypher.
func exportLabel(l string) (string, error) {
	if !slices.Contains(model.ExportLabels, l) {
		return "", model.Errorf(model.EINVALID, "cannot export label %q", l)
	}
	return l, nil
}

// ExportNodes returns a page of nodes: the given ids, or the next nodes
// of a label in id order.
func (s *Store) ExportNodes(ctx context.Context, p model.ExportPage) ([]model.ExportNode, error) {
	if p.IDs != nil {
		byLabel := groupByLabel(p.IDs)
		nodes, err := read(ctx, s, func(tx driver.ManagedTransaction) ([]model.ExportNode, error) {
			found := map[string]model.ExportNode{}
			for _, l := range model.ExportLabels {
				if len(byLabel[l]) == 0 {
					continue
				}
				recs, err := s.run(ctx, tx, `MATCH (n:`+l+`) WHERE n.id IN $ids RETURN `+exportedNode, map[string]any{"ids": byLabel[l]})
				if err != nil {
					return nil, err
				}
				for _, r := range recs {
					n := toExportNode(r.Values[0])
					found[n.ID] = n
				}
			}
			out := make([]model.ExportNode, 0, len(found))
			for _, id := range p.IDs {
				if n, ok := found[id]; ok {
					out = append(out, n)
				}
			}
			return out, nil
		})
		if err != nil {
			return nil, fmt.Errorf("export nodes: %w", err)
		}
		return nodes, nil
	}
	l, err := exportLabel(p.Label)
	if err != nil {
		return nil, err
	}
	return readRows(ctx, s, "export nodes", `
MATCH (n:`+l+`) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN `+exportedNode, map[string]any{"after": p.After, "limit": int64(p.Limit)}, first(toExportNode))
}

// ExportEdges returns the relationships that start at a page of nodes.
func (s *Store) ExportEdges(ctx context.Context, p model.ExportPage) ([]model.ExportEdge, string, error) {
	const edges = `COLLECT {
    UNWIND ns AS n
    MATCH (n)-[r]->(m) WHERE NOT m:MatchKey AND ($within IS NULL OR m.id IN $within)
    RETURN {from: n.id, type: type(r), to: m.id, props: [k IN keys(r) | [k, r[k]]]} AS e
    ORDER BY n.id, type(r), m.id, r.article, r.start }`
	params := map[string]any{"after": p.After, "limit": int64(p.Limit), "ids": p.IDs, "within": nil}
	if p.Within != nil {
		params["within"] = p.Within
	}
	var cypher string
	if p.IDs != nil {
		// A neighborhood: its nodes of every label, looked up by label.
		byLabel := groupByLabel(p.IDs)
		var parts []string
		for _, l := range model.ExportLabels {
			if len(byLabel[l]) > 0 {
				params["ids"+l] = byLabel[l]
				parts = append(parts, `MATCH (n:`+l+`) WHERE n.id IN $ids`+l+` RETURN n`)
			}
		}
		if len(parts) == 0 {
			return nil, "", nil
		}
		cypher = `CALL () { ` + strings.Join(parts, " UNION ALL ") + ` }
WITH n ORDER BY n.id
WITH collect(n) AS ns
RETURN last(ns).id AS last, ` + edges + ` AS edges`
	} else {
		l, err := exportLabel(p.Label)
		if err != nil {
			return nil, "", err
		}
		cypher = `
MATCH (n:` + l + `) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
WITH collect(n) AS ns
RETURN last(ns).id AS last, ` + edges + ` AS edges`
	}
	type page struct {
		last  string
		edges []model.ExportEdge
	}
	rows, err := readRows(ctx, s, "export relationships", cypher, params, func(r *driver.Record) page {
		var pg page
		pg.last, _ = r.Values[0].(string)
		l, _ := r.Values[1].([]any)
		for _, v := range l {
			m, _ := v.(map[string]any)
			pg.edges = append(pg.edges, model.ExportEdge{From: str(m, "from"), To: str(m, "to"), Type: str(m, "type"), Props: props(m["props"])})
		}
		return pg
	})
	if err != nil || len(rows) == 0 {
		return nil, "", err
	}
	return rows[0].edges, rows[0].last, nil
}

// ExportDocuments returns the extraction documents of a page of articles,
// as the graph holds them: an event is the article's report of it (its
// status, asserters, participants and spans in this article) under the
// graph's event id; an entity carries what every article together says of
// it (its role as last reported) and its mentions in this article.
func (s *Store) ExportDocuments(ctx context.Context, p model.ExportPage) ([]*model.Document, error) {
	match := `MATCH (a:Article) WHERE a.id > $after WITH a ORDER BY a.id LIMIT $limit`
	if p.IDs != nil {
		match = `MATCH (a:Article) WHERE a.id IN $ids WITH a ORDER BY a.id`
	}
	return readRows(ctx, s, "export documents", match+`
RETURN {
  article: a {.id, .title, .url, .source, .dateline, .file, .extractor, .text, published: toString(a.published)},
  entities: COLLECT {
    MATCH (n:Entity)-[m:MENTIONED_IN]->(a)
    WITH n, m ORDER BY coalesce(m.starts[0], 0), n.id
    RETURN n {.id, .type, .name, .aliases, .iso3, .country, .role, .kind, .wikidata,
      leader: EXISTS { (n)-[:LEADER_OF {article: a.id}]->() },
      affiliation: head(COLLECT { MATCH (n)-[:MEMBER_OF {article: a.id}]->(o0) RETURN o0.id }),
      roleEvidence: head(COLLECT { MATCH (n)-[l0:COUNTRY|LEADER_OF|MEMBER_OF {article: a.id}]->() WHERE l0.start IS NOT NULL
        RETURN {start: l0.start, end: l0.end, text: l0.text, sentence: l0.sentence} ORDER BY l0.start }),
      starts: m.starts, ends: m.ends, texts: m.texts} },
  events: COLLECT {
    MATCH (a)<-[:IN]-(r:Report)-[:OF]->(e:Event)
    WITH r, e ORDER BY coalesce(r.starts[0], 0), e.id, r.id
    RETURN r {.type, .status, .date, .cameo, .items, .stage, .quantity, .value, .participants,
      .supplier, .recipient, .place, .assertedBy, .claimedIn, id: e.id,
      denies: head([(r)-[:DENIES]->(:Report)-[:OF]->(d0:Event) | d0.id]),
      evidence: [i0 IN range(0, size(r.starts) - 1) |
        {start: r.starts[i0], end: r.ends[i0], text: r.texts[i0], sentence: r.sentences[i0]}]} },
  statements: COLLECT {
    MATCH (s:Statement)-[:IN]->(a)
    WITH s ORDER BY s.start, s.id
    RETURN s {.id, .text, .direct, .verb, .start, .end, .evidence, .sentence,
      speaker: head([(sp0)-[:SAID]->(s) | sp0.id]),
      about: `+sortedIDs("(s)-[:ABOUT]->(x0)")+`} }
}`, map[string]any{"after": p.After, "limit": int64(p.Limit), "ids": p.IDs}, first(toDocument))
}

func toDocument(v any) *model.Document {
	m, _ := v.(map[string]any)
	am, _ := m["article"].(map[string]any)
	doc := &model.Document{
		Article: model.Article{
			ID: str(am, "id"), Title: text(am, "title"), Published: text(am, "published"), Dateline: text(am, "dateline"),
			URL: text(am, "url"), Source: text(am, "source"), File: str(am, "file"), Extractor: text(am, "extractor"),
			Text: str(am, "text"),
		},
		Entities: []model.Entity{}, Events: []model.Event{}, Statements: []model.Statement{},
	}
	for _, v := range list(m["entities"]) {
		e := toEntity(v).Entity
		em, _ := v.(map[string]any)
		if rv, ok := em["roleEvidence"].(map[string]any); ok {
			sp := toSpan(rv)
			e.RoleEvidence = &sp
		}
		starts, ends, texts := list(em["starts"]), list(em["ends"]), list(em["texts"])
		e.Mentions = make([]model.Span, 0, len(starts))
		for i := range starts {
			sp := model.Span{}
			sp.Start, _ = intAt(starts, i)
			sp.End, _ = intAt(ends, i)
			if i < len(texts) {
				sp.Text, _ = texts[i].(string)
			}
			e.Mentions = append(e.Mentions, sp)
		}
		doc.Entities = append(doc.Entities, e)
	}
	for _, v := range list(m["events"]) {
		// One article's report of each event: its own spans are the evidence.
		ev := toEvent(v).Event
		vm, _ := v.(map[string]any)
		ev.Evidence = toSpans(vm["evidence"])
		doc.Events = append(doc.Events, ev)
	}
	for _, v := range list(m["statements"]) {
		doc.Statements = append(doc.Statements, *toStatement(v))
	}
	return doc
}

func toExportNode(v any) model.ExportNode {
	m, _ := v.(map[string]any)
	return model.ExportNode{ID: str(m, "id"), Kind: str(m, "kind"), Label: str(m, "label"), Props: props(m["props"])}
}

// props turns [key, value] pairs into properties of plain Go types.
func props(v any) map[string]any {
	out := map[string]any{}
	for _, kv := range list(v) {
		pair := list(kv)
		if len(pair) != 2 {
			continue
		}
		k, _ := pair[0].(string)
		if val := plain(pair[1]); k != "" && val != nil {
			out[k] = val
		}
	}
	return out
}

// plain converts a property value from the driver: temporal values become
// ISO 8601 strings, lists become []string or []int64.
func plain(v any) any {
	switch x := v.(type) {
	case string, int64, float64, bool:
		return x
	case dbtype.Date:
		return x.String()
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case []any:
		if len(x) > 0 {
			if _, ok := x[0].(int64); ok {
				out := make([]int64, 0, len(x))
				for _, e := range x {
					n, _ := e.(int64)
					out = append(out, n)
				}
				return out
			}
		}
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, fmt.Sprint(plain(e)))
		}
		return out
	case nil:
		return nil
	default:
		return fmt.Sprint(x)
	}
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func intAt(l []any, i int) (int, bool) {
	if i >= len(l) {
		return 0, false
	}
	n, ok := l[i].(int64)
	return int(n), ok
}

// groupByLabel sorts global ids by the label of their constraint.
func groupByLabel(ids []string) map[string][]string {
	out := map[string][]string{}
	for _, id := range ids {
		if l := labelOf(id); l != "" {
			out[l] = append(out[l], id)
		}
	}
	return out
}
