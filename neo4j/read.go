package neo4j

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Reads are shaped by what the query selects (model.Selection): a node's
// projection computes only the parts asked for, and the links the query
// goes on to are followed inside the same statement, as nested COLLECT
// subqueries, so that a nested GraphQL query is one statement in one
// transaction. The projections return a node as a map that the to*
// functions of convert.go read.
//
// Variables: the node a projection describes is named by the caller (n,
// e, s, a at the top; n1, e2, … in followed links, numbered by depth), and
// variables inside the projections' own subqueries end in 0, so that they
// never capture a variable of the query around them.

// kind is the kind of node a projection or a link's target is.
type kind int

const (
	entityKind kind = iota
	eventKind
	statementKind
	articleKind
)

// letter names a kind's variables.
func (k kind) letter() string { return [...]string{"n", "e", "s", "a"}[k] }

// Aggregates are counted with COUNT {} subqueries, never by collecting
// lists. An event has one EVIDENCE link to each article that reports it.
func entityEventCount(v string) string {
	return `COUNT { MATCH (` + v + `)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e0:Event) RETURN DISTINCT e0 }`
}

func entityStatementCount(v string) string { return `COUNT { (` + v + `)-[:SAID]->(:Statement) }` }
func entityArticleCount(v string) string   { return `COUNT { (` + v + `)-[:MENTIONED_IN]->(:Article) }` }

func entitySourceCount(v string) string {
	return `COUNT { MATCH (` + v + `)-[:MENTIONED_IN]->(a0:Article) RETURN DISTINCT coalesce(a0.source, a0.id) }`
}

func eventArticleCount(v string) string { return `COUNT { (` + v + `)-[:EVIDENCE]->(:Article) }` }

func eventSourceCount(v string) string {
	return `COUNT { MATCH (` + v + `)-[:EVIDENCE]->(a0:Article) RETURN DISTINCT coalesce(a0.source, a0.id) }`
}

func eventPublished(v string) string {
	return `COLLECT { MATCH (` + v + `)-[:EVIDENCE]->(a0:Article) WHERE a0.published IS NOT NULL
    RETURN a0.published ORDER BY a0.published LIMIT 1 }[0]`
}

// part is an optional item of a projection: its map key and its Cypher
// expression for the node bound to v. The parts that walk an event's
// reports (withArticles) also bring along, when art is set, the articles
// those reports are in.
type part struct {
	bit          model.Part
	key          string
	expr         func(v string) string
	withArticles func(v string, art articles) string
}

var entityParts = []part{
	{bit: model.EntityLeader, key: "leader", expr: func(v string) string { return `EXISTS { (` + v + `)-[:LEADER_OF]->() }` }},
	{bit: model.EntityAffiliation, key: "affiliation", expr: func(v string) string { return `head([(` + v + `)-[:MEMBER_OF]->(o0) | o0.id])` }},
	{bit: model.EntityEventCount, key: "eventCount", expr: entityEventCount},
	{bit: model.EntityStatementCount, key: "statementCount", expr: entityStatementCount},
	{bit: model.EntityArticleCount, key: "articleCount", expr: entityArticleCount},
	{bit: model.EntitySourceCount, key: "sourceCount", expr: entitySourceCount},
}

var eventParts = []part{
	{bit: model.EventPublished, key: "published", expr: func(v string) string { return `toString(` + eventPublished(v) + `)` }},
	{bit: model.EventParticipants, key: "participants", expr: func(v string) string { return sortedIDs("(" + v + ")-[:PARTICIPANT]->(x0)") }},
	{bit: model.EventSupplier, key: "supplier", expr: func(v string) string { return "head(" + sortedIDs("("+v+")-[:SUPPLIER]->(x0)") + ")" }},
	{bit: model.EventRecipient, key: "recipient", expr: func(v string) string { return "head(" + sortedIDs("("+v+")-[:RECIPIENT]->(x0)") + ")" }},
	{bit: model.EventPlace, key: "place", expr: func(v string) string { return "head(" + sortedIDs("("+v+")-[:AT]->(x0)") + ")" }},
	{bit: model.EventAssertedBy, key: "assertedBy", expr: func(v string) string { return sortedIDs("(" + v + ")-[:ASSERTED_BY]->(x0)") }},
	{bit: model.EventClaimedIn, key: "claimedIn", expr: func(v string) string { return sortedIDs("(" + v + ")-[:CLAIMED_IN]->(x0)") }},
	{bit: model.EventReports, key: "reports", withArticles: reportsOf},
	{bit: model.EventEvidence, key: "spans", withArticles: spansOf},
	{bit: model.EventArticleCount, key: "articleCount", expr: eventArticleCount},
	{bit: model.EventSourceCount, key: "sourceCount", expr: eventSourceCount},
}

var statementParts = []part{
	{bit: model.StatementSpeaker, key: "speaker", expr: func(v string) string { return `head([(sp0)-[:SAID]->(` + v + `) | sp0.id])` }},
	{bit: model.StatementAbout, key: "about", expr: func(v string) string { return sortedIDs("(" + v + ")-[:ABOUT]->(x0)") }},
	{bit: model.StatementArticle, key: "article", expr: func(v string) string { return `head([(` + v + `)-[:IN]->(a0) | a0.id])` }},
}

var kindParts = [...][]part{entityKind: entityParts, eventKind: eventParts, statementKind: statementParts, articleKind: nil}

// prop is an own property of a node: its bit and its projection items for
// the node bound to v.
type prop struct {
	bit   model.Prop
	items func(v string) string
}

// asIs projects properties stored as they are answered.
func asIs(keys string) func(string) string { return func(string) string { return keys } }

// asText projects a temporal property as its ISO 8601 text.
func asText(key string) func(string) string {
	return func(v string) string { return key + ": toString(" + v + "." + key + ")" }
}

// ownProps are the own properties of each kind, after those always read
// (always): the one place where a model property meets its stored name.
var (
	always   = [...]string{entityKind: ".id, .type", eventKind: ".id", statementKind: ".id", articleKind: ".id"}
	ownProps = [...][]prop{
		entityKind: {
			{model.PropEntityName, asIs(".name")}, {model.PropEntityAliases, asIs(".aliases")},
			{model.PropEntityISO3, asIs(".iso3")}, {model.PropEntityCountry, asIs(".country")},
			{model.PropEntityRole, asIs(".role")}, {model.PropEntityRoles, asIs(".roles")},
			{model.PropEntityKind, asIs(".kind")}, {model.PropEntityWikidata, asIs(".wikidata")},
			{model.PropEntityFirstSeen, asText("firstSeen")},
		},
		eventKind: {
			{model.PropEventType, asIs(".type")}, {model.PropEventStatus, asIs(".status")},
			{model.PropEventDate, asIs(".date")}, {model.PropEventCameo, asIs(".cameo")},
			{model.PropEventItems, asIs(".items")}, {model.PropEventStage, asIs(".stage")},
			{model.PropEventQuantity, asIs(".quantity")}, {model.PropEventValue, asIs(".value")},
			{model.PropEventFirstSeen, asText("firstSeen")},
		},
		statementKind: {
			{model.PropStatementText, asIs(".text")}, {model.PropStatementDirect, asIs(".direct")},
			{model.PropStatementVerb, asIs(".verb")}, {model.PropStatementSpan, asIs(".start, .end, .evidence, .sentence")},
		},
		articleKind: {
			{model.PropArticleTitle, asIs(".title")}, {model.PropArticleURL, asIs(".url")},
			{model.PropArticleSource, asIs(".source")}, {model.PropArticleDateline, asIs(".dateline")},
			{model.PropArticleFile, asIs(".file")}, {model.PropArticleExtractor, asIs(".extractor")},
			{model.PropArticlePublished, asText("published")}, {model.PropArticleIngestedAt, asText("ingestedAt")},
		},
	}
)

// articles are the articles an event's reports bring along: the variable
// that binds each (v) and its projection; none when v is "".
type articles struct{ v, proj string }

// projection returns the map projection of node v of kind k with the
// properties and parts p asks for, the articles of its reports (art) and
// extra items (followed links).
func projection(k kind, v string, p model.Parts, art articles, extra ...string) string {
	items := []string{always[k]}
	selected := [...]model.Prop{entityKind: p.Props.Entity, eventKind: p.Props.Event,
		statementKind: p.Props.Statement, articleKind: p.Props.Article}[k]
	for _, pr := range ownProps[k] {
		if p.Props.Has(selected, pr.bit) {
			items = append(items, pr.items(v))
		}
	}
	bits := [...]model.Part{entityKind: p.Entity, eventKind: p.Event, statementKind: p.Statement, articleKind: 0}[k]
	for _, pt := range kindParts[k] {
		switch {
		case !bits.Has(pt.bit):
		case pt.withArticles != nil:
			items = append(items, pt.key+": "+pt.withArticles(v, art))
		default:
			items = append(items, pt.key+": "+pt.expr(v))
		}
	}
	return v + " {" + strings.Join(append(items, extra...), ", ") + "}"
}

// sortedIDs lists the ids of the nodes x0 that pattern reaches, sorted so that
// answers are the same every time.
func sortedIDs(pattern string) string {
	return "COLLECT { MATCH " + pattern + " RETURN x0.id ORDER BY x0.id }"
}

// reportSpans are the evidence spans of report r in article a, in text order.
func reportSpans(r, a string) string {
	return fmt.Sprintf(`[ip0 IN range(0, size(%[1]s.starts) - 1) | {start: %[1]s.starts[ip0], end: %[1]s.ends[ip0],
    text: %[1]s.texts[ip0], sentence: %[1]s.sentences[ip0], article: %[2]s.id}]`, r, a)
}

// reportVars names the report and article variables of the reports of
// the event bound to v: numbered like v, so that the subqueries of
// articles brought along with them (art) never capture them.
func reportVars(v string, art articles) (r, a, node string) {
	n := strings.TrimLeft(v, "nesa")
	if n == "" {
		n = "0"
	}
	r, a = "rp"+n, "ap"+n
	if art.v != "" {
		a, node = art.v, ", node: "+art.proj
	}
	return r, a, node
}

// reportsOf lists the reports of the event bound to v, oldest article
// first, with their evidence; the event's evidence is made from them
// (convert.go), so that it costs no second walk.
func reportsOf(v string, art articles) string {
	r, a, node := reportVars(v, art)
	return fmt.Sprintf(`COLLECT { MATCH (%[1]s)<-[:OF]-(%[2]s)-[:IN]->(%[3]s)
    RETURN %[2]s {.id, .status, .date, .assertedBy, .claimedIn, article: %[3]s.id%[5]s,
      denies: head([(%[2]s)-[:DENIES]->(dp0) | dp0.id]), evidence: %[4]s}
    ORDER BY %[3]s.published, %[3]s.id, %[2]s.id }`, v, r, a, reportSpans(r, a), node)
}

// spansOf lists the evidence spans of the event bound to v by report,
// oldest article first, for its evidence when its reports are not asked.
func spansOf(v string, art articles) string {
	r, a, node := reportVars(v, art)
	return fmt.Sprintf(`COLLECT { MATCH (%[1]s)<-[:OF]-(%[2]s)-[:IN]->(%[3]s)
    RETURN {article: %[3]s.id%[5]s, evidence: %[4]s}
    ORDER BY %[3]s.published, %[3]s.id, %[2]s.id }`, v, r, a, reportSpans(r, a), node)
}

// evidenceOf lists the evidence spans of the event bound to v, from all
// its reports, oldest article first (for path hops).
func evidenceOf(v string) string {
	return fmt.Sprintf(`COLLECT { MATCH (%[1]s)<-[:OF]-(rp0:Report)-[:IN]->(ap0:Article)
    UNWIND %[2]s AS xp0
    WITH DISTINCT ap0, xp0
    RETURN xp0 ORDER BY ap0.published, ap0.id, xp0.start, xp0.end }`, v, reportSpans("rp0", "ap0"))
}

// spanOf is the evidence span of the statement bound to v.
func spanOf(v string) string {
	return fmt.Sprintf(`{start: %[1]s.start, end: %[1]s.end, text: %[1]s.evidence, sentence: %[1]s.sentence,
    article: head([(%[1]s)-[:IN]->(a0) | a0.id])}`, v)
}

// Orders of linked and listed nodes, ties broken by id so pages are stable.
func eventsNewestFirst(v string) string {
	return v + `.dateStart IS NULL, ` + v + `.dateStart DESC, ` + v + `.id`
}

func entitiesByName(v string) string { return v + `.type, toLower(` + v + `.name), ` + v + `.id` }
func articlesNewestFirst(v string) string {
	return v + `.published IS NULL, ` + v + `.published DESC, ` + v + `.id`
}

// linkDef is the pattern behind a link: path leads from the source node
// (%[1]s) to the target (%[2]s), whose kind is to.
type linkDef struct {
	from string // the source's label
	path string
	to   kind
}

// links are the patterns of every link; only these fixed strings are
// spliced into Cypher. A pattern names a label only where its relationship
// types do not already imply it (writes link events to entities, reports
// to articles, entities to their statements): a label is a check per row.
var links = map[model.Link]linkDef{
	model.LinkEvents:            {"Entity", `(%[1]s)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(%[2]s)`, eventKind},
	model.LinkSupplied:          {"Entity", `(%[1]s)<-[:SUPPLIER]-(%[2]s:Event)`, eventKind},
	model.LinkReceived:          {"Entity", `(%[1]s)<-[:RECIPIENT]-(%[2]s:Event)`, eventKind},
	model.LinkAsserted:          {"Entity", `(%[1]s)<-[:ASSERTED_BY]-(%[2]s:Event)`, eventKind},
	model.LinkSaid:              {"Entity", `(%[1]s)-[:SAID]->(%[2]s)`, statementKind},
	model.LinkAbout:             {"Entity", `(%[1]s)<-[:ABOUT]-(%[2]s:Statement)`, statementKind},
	model.LinkMentionedIn:       {"Entity", `(%[1]s)-[:MENTIONED_IN]->(%[2]s:Article)`, articleKind},
	model.LinkLeaders:           {"Entity", `(%[1]s)<-[:LEADER_OF]-(%[2]s:Person)`, entityKind},
	model.LinkPeople:            {"Entity", `(%[1]s)<-[:COUNTRY]-(%[2]s:Person)`, entityKind},
	model.LinkOrganizations:     {"Entity", `(%[1]s)<-[:COUNTRY]-(%[2]s:Organization)`, entityKind},
	model.LinkPlaces:            {"Entity", `(%[1]s)<-[:COUNTRY]-(%[2]s:Place)`, entityKind},
	model.LinkMembers:           {"Entity", `(%[1]s)<-[:MEMBER_OF]-(%[2]s:Person)`, entityKind},
	model.LinkCountry:           {"Entity", `(%[2]s:Entity {id: 'country:' + %[1]s.country})`, entityKind},
	model.LinkOrganization:      {"Entity", `(%[1]s)-[:MEMBER_OF]->(%[2]s:Organization)`, entityKind},
	model.LinkArticles:          {"Event", `(%[1]s)-[:EVIDENCE]->(%[2]s:Article)`, articleKind},
	model.LinkParticipants:      {"Event", `(%[1]s)-[:PARTICIPANT]->(%[2]s)`, entityKind},
	model.LinkSupplier:          {"Event", `(%[1]s)-[:SUPPLIER]->(%[2]s)`, entityKind},
	model.LinkRecipient:         {"Event", `(%[1]s)-[:RECIPIENT]->(%[2]s)`, entityKind},
	model.LinkPlace:             {"Event", `(%[1]s)-[:AT]->(%[2]s)`, entityKind},
	model.LinkAssertedBy:        {"Event", `(%[1]s)-[:ASSERTED_BY]->(%[2]s)`, entityKind},
	model.LinkClaimedIn:         {"Event", `(%[1]s)-[:CLAIMED_IN]->(%[2]s:Statement)`, statementKind},
	model.LinkClaims:            {"Statement", `(%[1]s)<-[:CLAIMED_IN]-(%[2]s:Event)`, eventKind},
	model.LinkSpeaker:           {"Statement", `(%[1]s)<-[:SAID]-(%[2]s:Entity)`, entityKind},
	model.LinkAboutEntities:     {"Statement", `(%[1]s)-[:ABOUT]->(%[2]s:Entity)`, entityKind},
	model.LinkStatementArticle:  {"Statement", `(%[1]s)-[:IN]->(%[2]s:Article)`, articleKind},
	model.LinkReportArticles:    {"Event", `(%[1]s)<-[:OF]-()-[:IN]->(%[2]s)`, articleKind},
	model.LinkArticleEntities:   {"Article", `(%[1]s)<-[:MENTIONED_IN]-(%[2]s:Entity)`, entityKind},
	model.LinkArticleEvents:     {"Article", `(%[1]s)<-[:EVIDENCE]-(%[2]s:Event)`, eventKind},
	model.LinkArticleStatements: {"Article", `(%[1]s)<-[:IN]-(%[2]s:Statement)`, statementKind},
}

// ordered returns, after a pattern that binds target t of kind k, the
// clauses that keep each target once, in the order of its kind; keep are
// variables to carry along (the source id of a batched lookup).
func ordered(k kind, t, keep string) string {
	with := t
	if keep != "" {
		with = keep + ", " + t
	}
	switch k {
	case entityKind:
		return "WITH DISTINCT " + with + " ORDER BY " + entitiesByName(t)
	case eventKind:
		return "WITH DISTINCT " + with + " ORDER BY " + eventsNewestFirst(t)
	case statementKind:
		// Newest article first, in text order within an article. A
		// statement is IN its article only: no label check per row.
		o := t + "a"
		return "WITH DISTINCT " + with + "\nWITH " + with + ", head([(" + t + ")-[:IN]->(a0) | a0]) AS " + o +
			"\nORDER BY " + o + ".published IS NULL, " + o + ".published DESC, " + o + ".id, " + t + ".start"
	default:
		return "WITH DISTINCT " + with + " ORDER BY " + articlesNewestFirst(t)
	}
}

// followKey is the map key under which a projection holds a followed link.
func followKey(l model.Link) string { return "`>" + string(l) + "`" }

// idParts are the parts that list the ids of the nodes a link leads to:
// when a read follows the link, the ids come from the nodes it brings.
var idParts = map[model.Link]model.Part{
	model.LinkParticipants: model.EventParticipants, model.LinkSupplier: model.EventSupplier,
	model.LinkRecipient: model.EventRecipient, model.LinkPlace: model.EventPlace,
	model.LinkAssertedBy: model.EventAssertedBy, model.LinkClaimedIn: model.EventClaimedIn,
	model.LinkSpeaker: model.StatementSpeaker, model.LinkAboutEntities: model.StatementAbout,
	model.LinkStatementArticle: model.StatementArticle,
}

// shaped returns the projection of node v of kind k with the parts of sel
// and, for each link of follow, the targets' projections in a nested
// COLLECT, depth levels down. Lists of ids are ordered in Go (convert.go),
// other links in Cypher. The articles of an event's reports come along
// with its reports or evidence spans, which reach them anyway.
func shaped(k kind, v string, p model.Parts, follow []model.Follow, depth int) (string, error) {
	var extra []string
	var art articles
	own := p
	for _, f := range follow {
		def, ok := links[f.Link]
		if !ok {
			return "", fmt.Errorf("no link %q", f.Link)
		}
		t := fmt.Sprintf("%s%d", def.to.letter(), depth+1)
		inner, err := shaped(def.to, t, p, f.Then, depth+1)
		if err != nil {
			return "", err
		}
		if f.Link == model.LinkReportArticles {
			if !own.Event.Has(model.EventReports) {
				own.Event |= model.EventEvidence
			}
			art = articles{t, inner}
			continue
		}
		order := ordered(def.to, t, "")
		if part, ok := idParts[f.Link]; ok {
			own.Event &^= part
			own.Statement &^= part
			order = "WITH DISTINCT " + t
		}
		extra = append(extra, followKey(f.Link)+": COLLECT { MATCH "+fmt.Sprintf(def.path, v, t)+
			"\n"+order+"\nRETURN "+inner+" }")
	}
	return projection(k, v, own, art, extra...), nil
}

var iso3 = regexp.MustCompile(`^[A-Za-z]{3}$`)

// findEntity is the lookup of an entity by reference: its id, a name or
// alias through the Name index, or an ISO code through the Country index,
// preferring an exact id, then the entity mentioned in most articles. It
// binds n; params are refParams.
const findEntity = `CALL () {
  MATCH (n:Entity {id: $ref}) RETURN n
  UNION
  MATCH (:Name {key: $name})-[:NAMES]->(n:Entity) WHERE $name IN n.names RETURN n
  UNION
  MATCH (n:Country {iso3: $code}) RETURN n
}
WITH n ORDER BY n.id = $ref DESC, COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1`

// refParams are the parameters of findEntity for ref.
func refParams(ref string) (map[string]any, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, model.Errorf(model.EINVALID, "an entity name must not be empty")
	}
	var code any
	if iso3.MatchString(ref) {
		code = strings.ToUpper(ref)
	}
	return map[string]any{"ref": ref, "name": strings.ToLower(ref), "code": code}, nil
}

// FindEntity finds an entity by id, ISO3 code, name or alias,
// case-insensitively, preferring an exact id, then the one mentioned in
// most articles. It returns the entity's own properties only.
func (s *Store) FindEntity(ctx context.Context, ref string) (*model.StoredEntity, error) {
	e, _, err := s.Entity(ctx, ref, model.Selection{})
	return e, err
}

// Entity finds an entity as FindEntity does and reads what sel asks of it,
// in one statement.
func (s *Store) Entity(ctx context.Context, ref string, sel model.Selection) (*model.StoredEntity, model.Included, error) {
	params, err := refParams(ref)
	if err != nil {
		return nil, model.Included{}, err
	}
	proj, err := shaped(entityKind, "n", sel.Parts, sel.Follow, 0)
	if err != nil {
		return nil, model.Included{}, err
	}
	rows, err := readRows(ctx, s, "find entity", findEntity+"\nRETURN "+proj+" AS n", params, first(func(v any) any { return v }))
	if err != nil {
		return nil, model.Included{}, err
	}
	if len(rows) == 0 {
		return nil, model.Included{}, model.Errorf(model.ENOTFOUND, "no entity is named %q", ref)
	}
	inc := newIncluded()
	return inc.entity(rows[0], sel.Follow), inc.Included, nil
}

// byIDQuery reads the nodes of kind k whose ids are $ids.
func byIDQuery(k kind, label string, p model.Parts) string {
	v := k.letter()
	return "UNWIND $ids AS id\nMATCH (" + v + ":" + label + " {id: id})\nRETURN " + projection(k, v, p, articles{}) + " AS " + v
}

// EntitiesByID returns the entities with the given ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string, p model.Parts) (map[string]*model.StoredEntity, error) {
	rows, err := readRows(ctx, s, "entities by id", byIDQuery(entityKind, "Entity", p), map[string]any{"ids": ids}, first(toEntity))
	return byID(rows, err, func(e *model.StoredEntity) string { return e.ID })
}

// EventsByID returns the events with the given ids.
func (s *Store) EventsByID(ctx context.Context, ids []string, p model.Parts) (map[string]*model.StoredEvent, error) {
	rows, err := readRows(ctx, s, "events by id", byIDQuery(eventKind, "Event", p), map[string]any{"ids": ids}, first(toEvent))
	return byID(rows, err, func(e *model.StoredEvent) string { return e.ID })
}

// StatementsByID returns the statements with the given ids.
func (s *Store) StatementsByID(ctx context.Context, ids []string, p model.Parts) (map[string]*model.Statement, error) {
	rows, err := readRows(ctx, s, "statements by id", byIDQuery(statementKind, "Statement", p), map[string]any{"ids": ids}, first(toStatement))
	return byID(rows, err, func(st *model.Statement) string { return st.ID })
}

// ArticlesByID returns articles without their text.
func (s *Store) ArticlesByID(ctx context.Context, ids []string, p model.Parts) (map[string]*model.StoredArticle, error) {
	rows, err := readRows(ctx, s, "articles by id", byIDQuery(articleKind, "Article", p), map[string]any{"ids": ids}, first(toArticle))
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

// LinkedEntities follows link from each id to entities, ordered by kind and name.
func (s *Store) LinkedEntities(ctx context.Context, link model.Link, ids []string, p model.Parts) (map[string][]*model.StoredEntity, error) {
	return linked(ctx, s, link, entityKind, ids, p, toEntity)
}

// LinkedEvents follows link from each id to events, newest first.
func (s *Store) LinkedEvents(ctx context.Context, link model.Link, ids []string, p model.Parts) (map[string][]*model.StoredEvent, error) {
	return linked(ctx, s, link, eventKind, ids, p, toEvent)
}

// LinkedStatements follows link from each id to statements, newest
// article first, in text order within an article.
func (s *Store) LinkedStatements(ctx context.Context, link model.Link, ids []string, p model.Parts) (map[string][]*model.Statement, error) {
	return linked(ctx, s, link, statementKind, ids, p, toStatement)
}

// LinkedArticles follows link from each id to articles, newest first.
func (s *Store) LinkedArticles(ctx context.Context, link model.Link, ids []string, p model.Parts) (map[string][]*model.StoredArticle, error) {
	return linked(ctx, s, link, articleKind, ids, p, toArticle)
}

// linked runs one query that follows link from every id and groups the
// converted targets by id.
func linked[T any](ctx context.Context, s *Store, link model.Link, k kind, ids []string, p model.Parts, conv func(any) T) (map[string][]T, error) {
	def, ok := links[link]
	if !ok || def.to != k {
		return nil, fmt.Errorf("no link %q to this kind of node", link)
	}
	t := k.letter()
	type row struct {
		id string
		v  T
	}
	rows, err := readRows(ctx, s, "follow "+string(link), "UNWIND $ids AS id\nMATCH (src:"+def.from+" {id: id})\nMATCH "+
		fmt.Sprintf(def.path, "src", t)+"\n"+ordered(k, t, "id")+"\nRETURN id, "+projection(k, t, p, articles{})+" AS "+t,
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
// record.
func readRows[T any](ctx context.Context, s *Store, what, cypher string, params map[string]any, conv func(*driver.Record) T) ([]T, error) {
	recs, err := query(ctx, s, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		out = append(out, conv(r))
	}
	return out, nil
}

// query runs one read statement in a transaction of its own, as the
// driver's ExecuteQuery does: BEGIN goes out with RUN and PULL, so the
// statement costs two round trips to Neo4j (the first answers, then
// COMMIT), where a managed transaction (ExecuteRead) waits for BEGIN's
// answer first, three. Retried as a managed transaction is; under PROFILE
// (tests) it runs in one.
func query(ctx context.Context, s *Store, cypher string, params map[string]any) ([]*driver.Record, error) {
	if s.profile != nil {
		return read(ctx, s, func(tx driver.ManagedTransaction) ([]*driver.Record, error) {
			return s.run(ctx, tx, cypher, params)
		})
	}
	return execute(ctx, s, driver.AccessModeRead, func(ctx context.Context, opts []func(*driver.TransactionConfig)) ([]*driver.Record, error) {
		s.queries.Add(1)
		res, err := driver.ExecuteQuery(ctx, s.driver, cypher, params, driver.EagerResultTransformer,
			driver.ExecuteQueryWithDatabase(s.db), driver.ExecuteQueryWithReadersRouting(),
			driver.ExecuteQueryWithoutBookmarkManager(), driver.ExecuteQueryWithTransactionConfig(opts...))
		if err != nil {
			return nil, err
		}
		return res.Records, nil
	})
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
