package export

import (
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/model"
)

// The attributes of exported nodes and relationships: one table, so that
// GraphML can declare every key, typed, before the first node streams out,
// and CSV has one fixed header. A property the store holds that is in
// neither the table nor `dropped` fails TestStoredPropertiesAreExported,
// so a new property is exported on purpose or left out on purpose.

// attr is an exported attribute.
type attr struct {
	Name string // in GraphML, CSV and networkx
	Type string // GraphML attr.type: string, int or boolean
	// Prop is the stored property it comes from, and Of the constraint
	// labels (Entity, Event, Statement, Article; space-separated) whose
	// nodes have it; both empty for attributes computed by the exporter.
	Prop, Of string
	// Enum marks vocabulary words written in their GraphQL spelling
	// (MEETING, OCCURRED), as the API answers.
	Enum bool
	Doc  string
}

// nodeAttrs are the attributes of nodes, in CSV column order.
var nodeAttrs = []attr{
	{Name: "kind", Type: "string", Doc: "PERSON, COUNTRY, ORGANIZATION, PLACE, EVENT, REPORT, STATEMENT or ARTICLE"},
	{Name: "label", Type: "string", Doc: "a display label: a name, an event's type and status, a statement's opening words, a title"},
	{Name: "name", Type: "string", Prop: "name", Of: "Entity", Doc: "canonical name"},
	{Name: "aliases", Type: "string", Prop: "aliases", Of: "Entity", Doc: "other names, `|`-separated"},
	{Name: "iso3", Type: "string", Prop: "iso3", Of: "Entity", Doc: "countries: ISO 3166-1 alpha-3"},
	{Name: "country", Type: "string", Prop: "country", Of: "Entity", Doc: "ISO3 of the country a person, organization or place belongs to"},
	{Name: "role", Type: "string", Prop: "role", Of: "Entity", Doc: "a person's role as last reported"},
	{Name: "roles", Type: "string", Prop: "roles", Of: "Entity", Doc: "every role reported, `|`-separated"},
	{Name: "category", Type: "string", Prop: "kind", Of: "Entity", Doc: "organizations and places: agency, news, military, city, …"},
	{Name: "wikidata", Type: "string", Prop: "wikidata", Of: "Entity", Doc: "Wikidata item id (Q…)"},
	{Name: "stub", Type: "boolean", Prop: "stub", Of: "Entity", Doc: "true for a country known only because someone belongs to it"},
	{Name: "firstSeen", Type: "string", Prop: "firstSeen", Of: "Entity Event", Doc: "entities and events: ingest time (RFC 3339)"},
	{Name: "type", Type: "string", Prop: "type", Of: "Event Report", Enum: true, Doc: "events and reports: MEETING, VISIT, ARMS_TRANSFER, …"},
	{Name: "status", Type: "string", Prop: "status", Of: "Event Report", Enum: true, Doc: "OCCURRED, PLANNED, REPORTED, ALLEGED, SPECULATIVE or DENIED: the event's (from its reports), or one article's"},
	{Name: "date", Type: "string", Prop: "date", Of: "Event Report", Doc: "the event's own date, YYYY-MM-DD or YYYY-MM"},
	{Name: "cameo", Type: "string", Prop: "cameo", Of: "Event Report", Doc: "CAMEO event code"},
	{Name: "items", Type: "string", Prop: "items", Of: "Event Report", Doc: "what is transferred, `|`-separated"},
	{Name: "stage", Type: "string", Prop: "stage", Of: "Event Report", Doc: "arms transfers: proposed, negotiated, agreed, delivered"},
	{Name: "quantity", Type: "string", Prop: "quantity", Of: "Event Report", Doc: "as stated"},
	{Name: "value", Type: "string", Prop: "value", Of: "Event Report", Doc: "as stated"},
	{Name: "participants", Type: "string", Prop: "participants", Of: "Report", Doc: "reports: participant ids, `|`-separated (events: PARTICIPANT edges)"},
	{Name: "supplier", Type: "string", Prop: "supplier", Of: "Report", Doc: "reports: supplier id"},
	{Name: "recipient", Type: "string", Prop: "recipient", Of: "Report", Doc: "reports: recipient id"},
	{Name: "place", Type: "string", Prop: "place", Of: "Report", Doc: "reports: place id"},
	{Name: "assertedBy", Type: "string", Prop: "assertedBy", Of: "Report", Doc: "reports: who claims, alleges or denies it in this article, ids `|`-separated"},
	{Name: "claimedIn", Type: "string", Prop: "claimedIn", Of: "Report", Doc: "reports: statement ids that make the claim, `|`-separated"},
	{Name: "starts", Type: "string", Prop: "starts", Of: "Report", Doc: "reports: evidence span starts, `|`-separated"},
	{Name: "ends", Type: "string", Prop: "ends", Of: "Report", Doc: "reports: evidence span ends, `|`-separated"},
	{Name: "texts", Type: "string", Prop: "texts", Of: "Report", Doc: "reports: evidence span texts, `|`-separated"},
	{Name: "sentences", Type: "string", Prop: "sentences", Of: "Report", Doc: "reports: evidence sentences, `|`-separated"},
	{Name: "text", Type: "string", Prop: "text", Of: "Statement", Doc: "statements: the words said"},
	{Name: "direct", Type: "boolean", Prop: "direct", Of: "Statement", Doc: "statements: quotation (true) or reported speech"},
	{Name: "verb", Type: "string", Prop: "verb", Of: "Statement", Doc: "statements: the attribution verb"},
	{Name: "start", Type: "int", Prop: "start", Of: "Statement", Doc: "statements: span start in the article text (code points)"},
	{Name: "end", Type: "int", Prop: "end", Of: "Statement", Doc: "statements: span end, exclusive"},
	{Name: "evidence", Type: "string", Prop: "evidence", Of: "Statement", Doc: "statements: the span's text"},
	{Name: "sentence", Type: "string", Prop: "sentence", Of: "Statement", Doc: "statements: the sentence"},
	{Name: "title", Type: "string", Prop: "title", Of: "Article", Doc: "articles: title"},
	{Name: "url", Type: "string", Prop: "url", Of: "Article", Doc: "articles: URL"},
	{Name: "source", Type: "string", Prop: "source", Of: "Article", Doc: "articles: outlet"},
	{Name: "published", Type: "string", Prop: "published", Of: "Article", Doc: "articles: publication date"},
	{Name: "dateline", Type: "string", Prop: "dateline", Of: "Article", Doc: "articles: dateline"},
	{Name: "file", Type: "string", Prop: "file", Of: "Article", Doc: "articles: file name it was loaded from"},
	{Name: "extractor", Type: "string", Prop: "extractor", Of: "Article", Doc: "articles: version of the extraction rules"},
	{Name: "ingestedAt", Type: "string", Prop: "ingestedAt", Of: "Article", Doc: "articles: ingest time (RFC 3339)"},
}

// edgeAttrs are the attributes of relationships, in CSV column order.
var edgeAttrs = []attr{
	{Name: "label", Type: "string", Doc: "the relationship type: PARTICIPANT, SAID, EVIDENCE, …"},
	{Name: "start", Type: "int", Prop: "start", Doc: "EVIDENCE and entity links: span start (code points)"},
	{Name: "end", Type: "int", Prop: "end", Doc: "span end, exclusive"},
	{Name: "text", Type: "string", Prop: "text", Doc: "the span's text"},
	{Name: "sentence", Type: "string", Prop: "sentence", Doc: "the span's sentence"},
	{Name: "article", Type: "string", Prop: "article", Doc: "entity links (COUNTRY, LEADER_OF, MEMBER_OF): the article that states it"},
	{Name: "count", Type: "int", Prop: "count", Doc: "MENTIONED_IN: number of mentions"},
	{Name: "starts", Type: "string", Prop: "starts", Doc: "MENTIONED_IN: mention starts, `|`-separated"},
	{Name: "ends", Type: "string", Prop: "ends", Doc: "MENTIONED_IN: mention ends, `|`-separated"},
	{Name: "texts", Type: "string", Prop: "texts", Doc: "MENTIONED_IN: mention texts, `|`-separated"},
}

// dropped are stored properties exports leave out on purpose, by
// constraint label: the id (the node's own id), the entity type (its
// kind), date bounds derived from `date`, what event matching compares
// (a report's sides and persons, an event's anchor day) and the graph
// model version an article was written under. The store never returns its
// lookup copies (names, aliasText), nor an article's text, which is in
// JSON Lines and never in graph formats.
var dropped = map[string][]string{
	"Entity":    {"id", "type"},
	"Event":     {"id", "dateStart", "dateEnd", "anchor"},
	"Report":    {"id", "dateStart", "dateEnd", "sides", "persons", "supplierSide", "recipientSide"},
	"Statement": {"id"},
	"Article":   {"id", "graphModel"},
}

// group is the constraint label of a node kind.
func group(kind string) string {
	switch kind {
	case "Event", "Report", "Statement", "Article":
		return kind
	}
	return "Entity"
}

// nodeValues returns the exported attribute values of a node, by name;
// absent properties are absent.
func nodeValues(n model.ExportNode) map[string]string {
	out := map[string]string{"kind": model.EnumName(n.Kind), "label": n.Label}
	g := group(n.Kind)
	for _, a := range nodeAttrs {
		if a.Prop == "" || !slices.Contains(strings.Fields(a.Of), g) {
			continue
		}
		if v, ok := n.Props[a.Prop]; ok && !empty(v) {
			out[a.Name] = format(v, a.Enum)
		}
	}
	return out
}

// edgeValues returns the exported attribute values of a relationship.
func edgeValues(e model.ExportEdge) map[string]string {
	out := map[string]string{"label": e.Type}
	for _, a := range edgeAttrs {
		if v, ok := e.Props[a.Prop]; ok && a.Prop != "" && !empty(v) {
			out[a.Name] = format(v, false)
		}
	}
	return out
}

// listSep separates list items in one attribute: names, roles, items.
const listSep = "|"

// format writes a property value as GraphML and CSV hold it.
func format(v any, enum bool) string {
	switch x := v.(type) {
	case string:
		if enum {
			return model.EnumName(x)
		}
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []string:
		return strings.Join(x, listSep)
	case []int64:
		parts := make([]string, len(x))
		for i, n := range x {
			parts[i] = strconv.FormatInt(n, 10)
		}
		return strings.Join(parts, listSep)
	}
	return ""
}

// empty tells an empty list, which exports leave out like a missing
// property.
func empty(v any) bool {
	switch x := v.(type) {
	case []string:
		return len(x) == 0
	case []int64:
		return len(x) == 0
	}
	return false
}

// Known tells whether exports write or deliberately drop a stored
// property of nodes of kind (Person, Event, …), or of relationships when
// kind is empty.
func Known(kind, prop string) bool {
	if kind == "" {
		return slices.ContainsFunc(edgeAttrs, func(a attr) bool { return a.Prop == prop })
	}
	g := group(kind)
	return slices.Contains(dropped[g], prop) || slices.ContainsFunc(nodeAttrs, func(a attr) bool {
		return a.Prop == prop && slices.Contains(strings.Fields(a.Of), g)
	})
}
