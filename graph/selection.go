package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2/ast"
)

// What a query selects, in the store's terms (model.Selection): the fields
// of each node type that cost the store work become parts, and the fields
// that lead to other nodes become links to follow. The store computes only
// those parts, and the root fields that read nodes (entity, events,
// entities, statements, articles) bring along, in the same statement, the
// nodes their nested fields go on to; those are primed into the request's
// dataloaders, so nested resolvers read them without a query. Everything
// else still goes through the dataloaders, one batch per level.

// nodeKind is the kind of node a field belongs to; the non-node types
// Report and Evidence belong to the node around them.
type nodeKind int

const (
	noKind nodeKind = iota
	entityKind
	eventKind
	statementKind
	articleKind
)

// kindOfType is the node kind of a GraphQL type.
var kindOfType = map[string]nodeKind{
	"Entity": entityKind, "Person": entityKind, "Country": entityKind, "Organization": entityKind, "Place": entityKind,
	"Event": eventKind, "Statement": statementKind, "Article": articleKind,
}

// fieldUse is what selecting a field asks of the store: an own property
// or a part of the node it is on, a link to follow from it, or, for Report
// and Evidence, the fields of that type read in the context of the node
// around them. A field that is none of these (id, an entity's type, an
// article's text) costs a node read nothing.
type fieldUse struct {
	prop model.Prop
	part model.Part
	link model.Link
	via  string
}

// uses maps, per node kind, "Type.field" (the type being Report or
// Evidence) or "field" (on the node's own types) to its use.
var uses = map[nodeKind]map[string]fieldUse{
	entityKind: {
		"name": {prop: model.PropEntityName}, "aliases": {prop: model.PropEntityAliases}, "iso3": {prop: model.PropEntityISO3},
		"role": {prop: model.PropEntityRole}, "roles": {prop: model.PropEntityRoles}, "kind": {prop: model.PropEntityKind},
		"wikidata": {prop: model.PropEntityWikidata}, "firstSeen": {prop: model.PropEntityFirstSeen},
		"eventCount": {part: model.EntityEventCount}, "statementCount": {part: model.EntityStatementCount},
		"articleCount": {part: model.EntityArticleCount}, "sourceCount": {part: model.EntitySourceCount},
		"events": {link: model.LinkEvents}, "supplied": {link: model.LinkSupplied}, "received": {link: model.LinkReceived},
		"asserted": {link: model.LinkAsserted}, "statements": {link: model.LinkSaid}, "statementsAbout": {link: model.LinkAbout},
		"articles": {link: model.LinkMentionedIn},
		// A person's, organization's or place's country is found by its code.
		"country":      {prop: model.PropEntityCountry, link: model.LinkCountry},
		"leaderOf":     {prop: model.PropEntityCountry, part: model.EntityLeader, link: model.LinkCountry},
		"organization": {part: model.EntityAffiliation, link: model.LinkOrganization},
		"leaders":      {link: model.LinkLeaders}, "people": {link: model.LinkPeople},
		"organizations": {link: model.LinkOrganizations}, "places": {link: model.LinkPlaces}, "members": {link: model.LinkMembers},
	},
	eventKind: {
		"type": {prop: model.PropEventType}, "status": {prop: model.PropEventStatus}, "date": {prop: model.PropEventDate},
		"cameo": {prop: model.PropEventCameo}, "items": {prop: model.PropEventItems}, "stage": {prop: model.PropEventStage},
		"quantity": {prop: model.PropEventQuantity}, "value": {prop: model.PropEventValue}, "firstSeen": {prop: model.PropEventFirstSeen},
		"participants": {part: model.EventParticipants, link: model.LinkParticipants},
		"supplier":     {part: model.EventSupplier, link: model.LinkSupplier},
		"recipient":    {part: model.EventRecipient, link: model.LinkRecipient},
		"place":        {part: model.EventPlace, link: model.LinkPlace},
		"assertedBy":   {part: model.EventAssertedBy, link: model.LinkAssertedBy},
		"claimedIn":    {part: model.EventClaimedIn, link: model.LinkClaimedIn},
		"reports":      {part: model.EventReports, via: "Report"}, "deniedBy": {part: model.EventReports, via: "Report"},
		"evidence":  {part: model.EventEvidence, via: "Evidence"},
		"published": {part: model.EventPublished}, "articleCount": {part: model.EventArticleCount},
		"sourceCount": {part: model.EventSourceCount}, "articles": {link: model.LinkArticles},
		// A report's asserters and claims are among the event's; its
		// article, and its evidence's, come along with the reports.
		"Report.article": {link: model.LinkReportArticles}, "Report.assertedBy": {link: model.LinkAssertedBy},
		"Report.claimedIn": {link: model.LinkClaimedIn}, "Report.denies": {via: "Report"}, "Report.evidence": {via: "Evidence"},
		"Evidence.article": {link: model.LinkReportArticles},
	},
	statementKind: {
		"text": {prop: model.PropStatementText}, "direct": {prop: model.PropStatementDirect}, "verb": {prop: model.PropStatementVerb},
		"speaker": {part: model.StatementSpeaker, link: model.LinkSpeaker},
		"about":   {part: model.StatementAbout, link: model.LinkAboutEntities},
		"claims":  {link: model.LinkClaims},
		"article": {part: model.StatementArticle, link: model.LinkStatementArticle}, "evidence": {prop: model.PropStatementSpan, via: "Evidence"},
		"Evidence.article": {part: model.StatementArticle, link: model.LinkStatementArticle},
	},
	articleKind: {
		"title": {prop: model.PropArticleTitle}, "url": {prop: model.PropArticleURL}, "published": {prop: model.PropArticlePublished},
		"source": {prop: model.PropArticleSource}, "dateline": {prop: model.PropArticleDateline},
		"ingestedAt": {prop: model.PropArticleIngestedAt}, "extractor": {prop: model.PropArticleExtractor},
		"entities": {link: model.LinkArticleEntities}, "events": {link: model.LinkArticleEvents},
		"statements": {link: model.LinkArticleStatements},
	},
}

// linkTargets is the kind of node each link leads to.
var linkTargets = map[model.Link]nodeKind{
	model.LinkEvents: eventKind, model.LinkSupplied: eventKind, model.LinkReceived: eventKind, model.LinkAsserted: eventKind,
	model.LinkSaid: statementKind, model.LinkAbout: statementKind, model.LinkMentionedIn: articleKind,
	model.LinkLeaders: entityKind, model.LinkPeople: entityKind, model.LinkOrganizations: entityKind,
	model.LinkPlaces: entityKind, model.LinkMembers: entityKind, model.LinkCountry: entityKind, model.LinkOrganization: entityKind,
	model.LinkArticles: articleKind, model.LinkParticipants: entityKind, model.LinkSupplier: entityKind,
	model.LinkRecipient: entityKind, model.LinkPlace: entityKind, model.LinkAssertedBy: entityKind,
	model.LinkClaimedIn: statementKind, model.LinkClaims: eventKind, model.LinkSpeaker: entityKind,
	model.LinkAboutEntities: entityKind, model.LinkStatementArticle: articleKind, model.LinkReportArticles: articleKind,
	model.LinkArticleEntities: entityKind, model.LinkArticleEvents: eventKind, model.LinkArticleStatements: statementKind,
}

// selector walks selection sets with gqlgen's field collection (fragments
// merged, @skip and @include applied).
type selector struct {
	op     *graphql.OperationContext
	schema *ast.Schema
	parts  model.Parts
	// waits: a field walked can wait for a dataloader batch; defers: one
	// is deferred with @defer (exec.go).
	waits, defers bool
}

// satisfies lists the types whose fragments apply to a field of type t:
// t, or, for an interface, every type that implements it and every
// interface those implement.
func (s *selector) satisfies(t string) []string {
	def := s.schema.Types[t]
	if def == nil || !def.IsAbstractType() {
		return []string{t}
	}
	out := []string{t}
	for _, p := range s.schema.GetPossibleTypes(def) {
		for _, n := range append([]string{p.Name}, p.Interfaces...) {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// fields collects the fields of a selection set on type t.
func (s *selector) fields(set ast.SelectionSet, t string) []graphql.CollectedField {
	return graphql.CollectFields(s.op, set, s.satisfies(t))
}

func (s *selector) add(k nodeKind, u fieldUse) {
	switch k {
	case entityKind:
		s.parts.Entity |= u.part
		s.parts.Props.Entity |= u.prop
	case eventKind:
		s.parts.Event |= u.part
		s.parts.Props.Event |= u.prop
	case statementKind:
		s.parts.Statement |= u.part
		s.parts.Props.Statement |= u.prop
	case articleKind:
		s.parts.Props.Article |= u.prop
	}
}

// walk visits a selection set of type t anywhere in the operation and adds
// the parts it selects; k is the node the set belongs to (for Report and
// Evidence, the node around them), primed whether it is below a priming
// root field.
func (s *selector) walk(set ast.SelectionSet, t string, k nodeKind, primed bool) {
	for _, f := range s.fields(set, t) {
		if f.Definition == nil || f.ObjectDefinition == nil {
			continue // __typename
		}
		// The type the field is on: a fragment's type inside a Node or
		// Entity selection.
		fk := kindOn(f.ObjectDefinition.Name, k)
		if u, ok := s.use(fk, f); ok {
			s.add(fk, u)
		}
		s.waits = s.waits || s.mayWait(f, f.ObjectDefinition.Name, fk, primed)
		s.defers = s.defers || f.IsDeferred()
		if len(f.Selections) > 0 {
			s.walk(f.Selections, f.Definition.Type.Name(), fk, primed)
		}
	}
}

// kindOn is the node kind of fields on type t inside node kind k: the
// type's own, k for Report and Evidence, none for other types.
func kindOn(t string, k nodeKind) nodeKind {
	if nk, ok := kindOfType[t]; ok {
		return nk
	}
	if t == "Report" || t == "Evidence" {
		return k
	}
	return noKind
}

// use looks up what selecting field f inside node kind k asks.
func (s *selector) use(k nodeKind, f graphql.CollectedField) (fieldUse, bool) {
	name, t := f.Name, f.ObjectDefinition.Name
	if _, node := kindOfType[t]; !node {
		name = t + "." + name
	}
	u, ok := uses[k][name]
	return u, ok
}

// follows returns the links to follow from a node of kind k whose
// selection set on type t is set, and what to follow from their targets.
func (s *selector) follows(set ast.SelectionSet, t string, k nodeKind) []model.Follow {
	var out []model.Follow
	for _, f := range s.fields(set, t) {
		if f.Definition == nil || f.ObjectDefinition == nil {
			continue
		}
		u, ok := s.use(k, f)
		if !ok {
			continue
		}
		switch {
		case u.via != "":
			out = mergeFollows(out, s.follows(f.Selections, u.via, k)...)
		case u.link != "":
			target := f.Definition.Type.Name()
			out = mergeFollows(out, model.Follow{Link: u.link, Then: s.follows(f.Selections, target, linkTargets[u.link])})
		}
	}
	return out
}

// mergeFollows adds follows to out, merging those of the same link.
func mergeFollows(out []model.Follow, add ...model.Follow) []model.Follow {
	for _, f := range add {
		i := slices.IndexFunc(out, func(o model.Follow) bool { return o.Link == f.Link })
		if i < 0 {
			out = append(out, f)
			continue
		}
		out[i].Then = mergeFollows(out[i].Then, f.Then...)
	}
	return out
}

// partsOf is what an operation asks of each kind of node, wherever it
// appears.
func partsOf(op *graphql.OperationContext, schema *ast.Schema) model.Parts {
	p, _ := readsOf(op, schema)
	return p
}

// execution is how an operation is executed (exec.go).
type execution struct {
	// inOrder: no field below its root fields can wait for a batch, so
	// its lists are marshalled in order. Root fields run concurrently
	// whatever they read.
	inOrder bool
	// defers: some field is deferred with @defer.
	defers bool
}

// readsOf is partsOf, and how the operation can be executed.
func readsOf(op *graphql.OperationContext, schema *ast.Schema) (model.Parts, execution) {
	if op == nil || op.Operation == nil {
		return model.Parts{}, execution{defers: true}
	}
	s := &selector{op: op, schema: schema, parts: model.Parts{Props: model.Props{Only: true}}}
	root := "Query"
	if op.Operation.Operation == ast.Mutation {
		root = "Mutation"
	}
	for _, f := range s.fields(op.Operation.SelectionSet, root) {
		s.defers = s.defers || f.IsDeferred()
		if f.Definition != nil && len(f.Selections) > 0 {
			s.walk(f.Selections, f.Definition.Type.Name(), noKind, root == "Query" && primingRoots[f.Name])
		}
	}
	return s.parts, execution{inOrder: !s.waits, defers: s.defers}
}

// listed is what a list field (a connection) selects besides its nodes:
// what is not selected is neither read nor built.
type listed struct {
	count bool // totalCount
	edges bool // edges, each with its cursor
	info  bool // pageInfo
	more  bool // pageInfo.hasNextPage
}

// everything is what a list field selects when its selection is unknown.
var everything = listed{count: true, edges: true, info: true, more: true}

// window is w asking for what the list selects.
func (l listed) window(w model.Window) model.Window {
	w.Count, w.More = l.count, l.more
	return w
}

// selection is what the current root field asks of the nodes at path
// below it (e.g. "nodes" and "edges.node" of a connection; none for the
// field itself), and what else it selects of a list.
func selection(ctx context.Context, k nodeKind, paths ...[]string) (model.Selection, listed) {
	fc := graphql.GetFieldContext(ctx)
	req := loaders(ctx)
	sel := model.Selection{Parts: req.parts}
	if fc == nil || req.schema == nil {
		return sel, everything
	}
	s := &selector{op: graphql.GetOperationContext(ctx), schema: req.schema}
	l := s.listed(fc.Field.Selections, fc.Field.Definition.Type.Name())
	if len(paths) == 0 {
		paths = [][]string{nil}
	}
	for _, path := range paths {
		for _, set := range s.at(fc.Field.Selections, fc.Field.Definition.Type.Name(), path) {
			sel.Follow = mergeFollows(sel.Follow, s.follows(set.sel, set.typ, k)...)
		}
	}
	return sel, l
}

// listed is what set, the selection of a list field of type t, selects
// besides its nodes.
func (s *selector) listed(set ast.SelectionSet, t string) listed {
	var l listed
	for _, f := range s.fields(set, t) {
		switch f.Name {
		case "totalCount":
			l.count = true
		case "edges":
			l.edges = true
		case "pageInfo":
			l.info = true
			for _, pf := range s.fields(f.Selections, "PageInfo") {
				l.more = l.more || pf.Name == "hasNextPage"
			}
		}
	}
	return l
}

type typedSet struct {
	sel ast.SelectionSet
	typ string
}

// at returns the selection sets found along path (field names) from set.
func (s *selector) at(set ast.SelectionSet, t string, path []string) []typedSet {
	if len(path) == 0 {
		return []typedSet{{set, t}}
	}
	var out []typedSet
	for _, f := range s.fields(set, t) {
		if f.Name == path[0] && f.Definition != nil {
			out = append(out, s.at(f.Selections, f.Definition.Type.Name(), path[1:])...)
		}
	}
	return out
}

// prime hands what a read brought along to the request's dataloaders.
func prime(ctx context.Context, inc model.Included) {
	l := loaders(ctx)
	for id, v := range inc.Entities {
		l.Entity.Prime(id, v)
	}
	for id, v := range inc.Events {
		l.Event.Prime(id, v)
	}
	for id, v := range inc.Statements {
		l.Statement.Prime(id, v)
	}
	for id, v := range inc.Articles {
		l.Article.Prime(id, v)
	}
	for link, bySource := range inc.Links {
		for src, ids := range bySource {
			key := linkKey{link, src}
			switch linkTargets[link] {
			case entityKind:
				l.Entities.Prime(key, pick(inc.Entities, ids))
			case eventKind:
				l.Events.Prime(key, pick(inc.Events, ids))
			case statementKind:
				l.Statements.Prime(key, pick(inc.Statements, ids))
			case articleKind:
				l.Articles.Prime(key, pick(inc.Articles, ids))
			}
		}
	}
}

func pick[T any](nodes map[string]T, ids []string) []T {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		out = append(out, nodes[id])
	}
	return out
}

// primePage primes the nodes of a page and what they brought along.
func primePage[T any](ctx context.Context, inc model.Included, l *loader[string, T], items []T, id func(T) string) {
	prime(ctx, inc)
	for _, it := range items {
		l.Prime(id(it), it)
	}
}
