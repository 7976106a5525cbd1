package neo4j

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// List queries: a filter becomes a WHERE of fixed Cypher fragments whose
// values are parameters; an order becomes a sort key from a fixed table.
// A list is one statement, the page with what the selection follows, and
// a second one in the same read transaction when the query asks for the
// count of all matches.

// where collects the conditions of a list query and their parameters.
type where struct {
	conds  []string
	params map[string]any
}

func newWhere() *where { return &where{params: map[string]any{}} }

// add appends a condition and the parameters it uses, as name, value pairs.
func (w *where) add(cond string, params ...any) {
	w.conds = append(w.conds, cond)
	for i := 0; i+1 < len(params); i += 2 {
		w.params[params[i].(string)] = params[i+1]
	}
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, "\n  AND ")
}

// dateRange adds the conditions that expr (a Cypher date) lies in r.
func (w *where) dateRange(expr, name string, r model.DateRange) {
	if r.From != "" {
		w.add(expr+" >= date($"+name+"From)", name+"From", r.From)
	}
	if r.To != "" {
		w.add(expr+" <= date($"+name+"To)", name+"To", r.To)
	}
}

// timeRange adds the conditions that expr (a Cypher datetime) lies in r; a
// day as the upper end includes the whole day.
func (w *where) timeRange(expr, name string, r model.DateRange) {
	if r.From != "" {
		w.add(expr+" >= datetime($"+name+"From)", name+"From", r.From)
	}
	switch {
	case r.To == "":
	case len(r.To) == len("2006-01-02"):
		w.add(expr+" < datetime($"+name+"To) + duration('P1D')", name+"To", r.To)
	default:
		w.add(expr+" <= datetime($"+name+"To)", name+"To", r.To)
	}
}

// inner returns the conditions as one expression ("true" if none), for use
// inside a subquery, and merges their parameters into w.
func (w *where) inner(sub *where) string {
	for k, v := range sub.params {
		w.params[k] = v
	}
	if len(sub.conds) == 0 {
		return "true"
	}
	return strings.Join(sub.conds, " AND ")
}

func eventWhere(f model.EventFilter) *where {
	w := newWhere()
	if len(f.Types) > 0 {
		w.add("e.type IN $types", "types", words(f.Types))
	}
	if len(f.Statuses) > 0 {
		w.add("e.status IN $statuses", "statuses", words(f.Statuses))
	}
	links := []struct{ id, name, rel string }{
		{f.Participant, "participant", "PARTICIPANT|SUPPLIER|RECIPIENT"},
		{f.Supplier, "supplier", "SUPPLIER"},
		{f.Recipient, "recipient", "RECIPIENT"},
		{f.Place, "place", "AT"},
		{f.Asserter, "asserter", "ASSERTED_BY"},
	}
	for _, l := range links {
		if l.id != "" {
			w.add("EXISTS { (e)-[:"+l.rel+"]->(:Entity {id: $"+l.name+"}) }", l.name, l.id)
		}
	}
	if f.Country != "" {
		w.add(`EXISTS { MATCH (e)-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]->(x0:Entity)
    WHERE x0.id = $country OR EXISTS { (x0)-[:COUNTRY]->(:Entity {id: $country}) } }`, "country", f.Country)
	}
	if f.Article != "" {
		w.add("EXISTS { (e)-[:EVIDENCE]->(:Article {id: $article}) }", "article", f.Article)
	}
	// An event dated by month covers the month: it matches if it overlaps.
	if f.Date.From != "" {
		w.add("e.dateEnd >= date($dateFrom)", "dateFrom", f.Date.From)
	}
	if f.Date.To != "" {
		w.add("e.dateStart <= date($dateTo)", "dateTo", f.Date.To)
	}
	if f.Published != (model.DateRange{}) {
		pub := newWhere()
		pub.dateRange("a0.published", "published", f.Published)
		w.add("EXISTS { MATCH (e)-[:EVIDENCE]->(a0:Article) WHERE " + w.inner(pub) + " }")
	}
	w.timeRange("e.firstSeen", "ingested", f.Ingested)
	if f.MinArticles > 0 {
		w.add(eventArticleCount("e")+" >= $minArticles", "minArticles", f.MinArticles)
	}
	if f.MinSources > 0 {
		w.add(eventSourceCount("e")+" >= $minSources", "minSources", f.MinSources)
	}
	return w
}

var eventOrders = map[string]string{
	model.OrderDate:      "e.dateStart",
	model.OrderPublished: eventPublished("e"),
	model.OrderFirstSeen: "e.firstSeen",
	model.OrderArticles:  eventArticleCount("e"),
	model.OrderSources:   eventSourceCount("e"),
}

// Events returns a page of the events that match q.
func (s *Store) Events(ctx context.Context, q model.EventQuery) (model.Page[*model.StoredEvent], error) {
	key, err := sortKey(eventOrders, q.Order, model.OrderDate)
	if err != nil {
		return model.Page[*model.StoredEvent]{}, err
	}
	proj, err := shaped(eventKind, "e", q.Select.Parts, q.Select.Follow, 0)
	if err != nil {
		return model.Page[*model.StoredEvent]{}, err
	}
	w := eventWhere(q.Filter)
	match := "MATCH (e:Event)\n" + w.String()
	return readPage(ctx, s, "list events", match+"\nRETURN count(e)", match+`
WITH e, `+key+` AS k
ORDER BY k IS NULL, k `+direction(q.Order)+`, e.id
SKIP $skip LIMIT $limit
RETURN `+proj+` AS e`, w.params, q.Window, q.Select.Follow, (*included).event)
}

func statementWhere(f model.StatementFilter) *where {
	w := newWhere()
	if f.Speaker != "" {
		w.add("EXISTS { (:Entity {id: $speaker})-[:SAID]->(s) }", "speaker", f.Speaker)
	}
	if f.About != "" {
		w.add("EXISTS { (s)-[:ABOUT]->(:Entity {id: $about}) }", "about", f.About)
	}
	if f.Direct != nil {
		w.add("s.direct = $direct", "direct", *f.Direct)
	}
	if f.Text != "" {
		w.add("toLower(s.text) CONTAINS $text", "text", strings.ToLower(f.Text))
	}
	if f.Article != "" {
		w.add("EXISTS { (s)-[:IN]->(:Article {id: $article}) }", "article", f.Article)
	}
	if f.Published != (model.DateRange{}) || f.Ingested != (model.DateRange{}) {
		art := newWhere()
		art.dateRange("a0.published", "published", f.Published)
		art.timeRange("a0.ingestedAt", "ingested", f.Ingested)
		w.add("EXISTS { MATCH (s)-[:IN]->(a0:Article) WHERE " + w.inner(art) + " }")
	}
	return w
}

var statementOrders = map[string]string{
	model.OrderPublished: "sa.published",
	model.OrderIngested:  "sa.ingestedAt",
}

// Statements returns a page of the statements that match q.
func (s *Store) Statements(ctx context.Context, q model.StatementQuery) (model.Page[*model.Statement], error) {
	key, err := sortKey(statementOrders, q.Order, model.OrderPublished)
	if err != nil {
		return model.Page[*model.Statement]{}, err
	}
	proj, err := shaped(statementKind, "s", q.Select.Parts, q.Select.Follow, 0)
	if err != nil {
		return model.Page[*model.Statement]{}, err
	}
	w := statementWhere(q.Filter)
	match := "MATCH (s:Statement)\n" + w.String()
	return readPage(ctx, s, "list statements", match+"\nRETURN count(s)", match+`
WITH s, head([(s)-[:IN]->(a0:Article) | a0]) AS sa
WITH s, sa, `+key+` AS k
ORDER BY k IS NULL, k `+direction(q.Order)+`, sa.id, s.start
SKIP $skip LIMIT $limit
RETURN `+proj+` AS s`, w.params, q.Window, q.Select.Follow, (*included).statement)
}

func entityWhere(f model.EntityFilter) *where {
	w := newWhere()
	if len(f.Types) > 0 {
		w.add("n.type IN $types", "types", words(f.Types))
	}
	if f.Country != "" {
		w.add("EXISTS { (n)-[:COUNTRY]->(:Entity {id: $country}) }", "country", f.Country)
	}
	if f.Name != "" {
		w.add("any(x0 IN n.names WHERE x0 CONTAINS $name)", "name", strings.ToLower(f.Name))
	}
	if f.Article != "" {
		w.add("EXISTS { (n)-[:MENTIONED_IN]->(:Article {id: $article}) }", "article", f.Article)
	}
	if f.MinEvents > 0 {
		w.add(entityEventCount("n")+" >= $minEvents", "minEvents", f.MinEvents)
	}
	return w
}

var entityOrders = map[string]string{
	model.OrderName:       "toLower(n.name)",
	model.OrderEvents:     entityEventCount("n"),
	model.OrderStatements: entityStatementCount("n"),
	model.OrderArticles:   entityArticleCount("n"),
	model.OrderSources:    entitySourceCount("n"),
	model.OrderFirstSeen:  "n.firstSeen",
}

// Entities returns a page of the entities that match q.
func (s *Store) Entities(ctx context.Context, q model.EntityQuery) (model.Page[*model.StoredEntity], error) {
	key, err := sortKey(entityOrders, q.Order, model.OrderName)
	if err != nil {
		return model.Page[*model.StoredEntity]{}, err
	}
	proj, err := shaped(entityKind, "n", q.Select.Parts, q.Select.Follow, 0)
	if err != nil {
		return model.Page[*model.StoredEntity]{}, err
	}
	w := entityWhere(q.Filter)
	match := "MATCH (n:Entity)\n" + w.String()
	return readPage(ctx, s, "list entities", match+"\nRETURN count(n)", match+`
WITH n, `+key+` AS k
ORDER BY k IS NULL, k `+direction(q.Order)+`, n.id
SKIP $skip LIMIT $limit
RETURN `+proj+` AS n`, w.params, q.Window, q.Select.Follow, (*included).entity)
}

// Articles returns a page of the articles that match q, newest first.
func (s *Store) Articles(ctx context.Context, q model.ArticleQuery) (model.Page[*model.StoredArticle], error) {
	w := newWhere()
	if q.Filter.Source != "" {
		w.add("a.source = $source", "source", q.Filter.Source)
	}
	w.dateRange("a.published", "published", q.Filter.Published)
	w.timeRange("a.ingestedAt", "ingested", q.Filter.Ingested)
	proj, err := shaped(articleKind, "a", q.Select.Parts, q.Select.Follow, 0)
	if err != nil {
		return model.Page[*model.StoredArticle]{}, err
	}
	match := "MATCH (a:Article)\n" + w.String()
	return readPage(ctx, s, "list articles", match+"\nRETURN count(a)", match+`
WITH a ORDER BY `+articlesNewestFirst("a")+`
SKIP $skip LIMIT $limit
RETURN `+proj+` AS a`, w.params, q.Window, q.Select.Follow, (*included).article)
}

// Search ranks entities and statements against the full-text index.
func (s *Store) Search(ctx context.Context, q model.SearchQuery) (model.Page[model.SearchHit], error) {
	lucene := luceneQuery(q.Text)
	if lucene == "" {
		return model.Page[model.SearchHit]{}, model.Errorf(model.EINVALID, "the search query has no words")
	}
	w := newWhere()
	w.params["query"] = lucene
	if len(q.Labels) > 0 {
		w.add("any(l IN labels(node) WHERE l IN $labels)", "labels", q.Labels)
	}
	call := "CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score\n" + w.String()
	return readPage(ctx, s, "search", call+"\nRETURN count(node)", call+`
WITH node.id AS id, score ORDER BY score DESC, id
SKIP $skip LIMIT $limit
RETURN {id: id, score: score}`, w.params, q.Window, nil, func(_ *included, v any, _ []model.Follow) model.SearchHit {
		m, _ := v.(map[string]any)
		score, _ := m["score"].(float64)
		return model.SearchHit{ID: str(m, "id"), Score: score}
	})
}

// luceneQuery turns words into a full-text query that matches any of them,
// the last also as a prefix (for search as you type). User text is never
// parsed as Lucene syntax: operators are escaped and lower-cased.
func luceneQuery(text string) string {
	var terms []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		var b strings.Builder
		for _, r := range w {
			if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		terms = append(terms, b.String())
	}
	if len(terms) == 0 {
		return ""
	}
	last := terms[len(terms)-1]
	if len([]rune(last)) >= 2 {
		terms = append(terms, last+"*")
	}
	return strings.Join(terms, " ")
}

// sortKey returns the Cypher expression of an order's key, from a fixed table.
func sortKey(table map[string]string, o model.Order, def string) (string, error) {
	by := o.By
	if by == "" {
		by = def
	}
	key, ok := table[by]
	if !ok {
		return "", model.Errorf(model.EINVALID, "cannot sort by %q here", by)
	}
	return key, nil
}

func direction(o model.Order) string {
	if o.Desc {
		return "DESC"
	}
	return "ASC"
}

// readPage reads one page (when the window asks whether more follow, one
// item more than it shows) and, when the window asks, counts all matches
// first, in one read transaction. The page query returns one value per record, which
// conv turns into an item and the nodes follow brought along.
func readPage[T any](ctx context.Context, s *Store, what, countCypher, pageCypher string, params map[string]any, win model.Window,
	follow []model.Follow, conv func(inc *included, v any, follow []model.Follow) T) (model.Page[T], error) {
	limit := win.First
	if win.More {
		limit++
	}
	p := map[string]any{"skip": int64(win.Offset), "limit": int64(limit)}
	for k, v := range params {
		p[k] = v
	}
	type raw struct {
		total int
		items []any
	}
	values := func(recs []*driver.Record) []any {
		items := make([]any, 0, len(recs))
		for _, rec := range recs {
			items = append(items, rec.Values[0])
		}
		return items
	}
	var r raw
	var err error
	if !win.Count {
		// One statement: a transaction of its own, in two round trips.
		var recs []*driver.Record
		recs, err = query(ctx, s, pageCypher, p)
		r = raw{total: -1, items: values(recs)}
	} else {
		r, err = read(ctx, s, func(tx driver.ManagedTransaction) (raw, error) {
			out := raw{total: -1}
			recs, err := s.run(ctx, tx, countCypher, p)
			if err != nil {
				return out, err
			}
			total, _ := recs[0].Values[0].(int64)
			out.total = int(total)
			if win.Offset >= out.total {
				return out, nil // nothing on this page: no need to ask
			}
			if recs, err = s.run(ctx, tx, pageCypher, p); err != nil {
				return out, err
			}
			out.items = values(recs)
			return out, nil
		})
	}
	if err != nil {
		return model.Page[T]{}, fmt.Errorf("%s: %w", what, err)
	}
	// Converted once the transaction is over: a retried one starts afresh.
	inc := newIncluded()
	page := model.Page[T]{Total: r.total, Items: []T{}}
	if len(r.items) > win.First {
		page.More, r.items = true, r.items[:win.First]
	}
	for _, v := range r.items {
		page.Items = append(page.Items, conv(inc, v, follow))
	}
	page.Included = inc.Included
	return page, nil
}
