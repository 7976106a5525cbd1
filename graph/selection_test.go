package graph

import (
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestSelection: what a query selects becomes the parts each kind of node
// carries and the links the root field follows; fields that cost nothing
// ask for nothing, fragments on interfaces count, @skip is honoured.
func TestSelection(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	for _, tc := range []struct {
		name, query string
		parts       model.Parts
		follow      []model.Follow // of the first root field
	}{
		{"own properties only", `{ entity(name: "x") { id name } events { nodes { id type date } } }`,
			model.Parts{Props: only(model.Props{Entity: model.PropEntityName, Event: model.PropEventType | model.PropEventDate})}, nil},
		{"counts only when selected", `{ entity(name: "x") { eventCount ... on Person { sourceCount } } }`,
			model.Parts{Entity: model.EntityEventCount | model.EntitySourceCount, Props: only(model.Props{})}, nil},
		{"totalCount asks no part", `{ events { totalCount nodes { articleCount } } }`,
			model.Parts{Event: model.EventArticleCount, Props: only(model.Props{})}, nil},
		{"evidence without reports, its articles along", `{ events { nodes { evidence { text article { title } } } } }`,
			model.Parts{Event: model.EventEvidence, Props: only(model.Props{Article: model.PropArticleTitle})},
			[]model.Follow{{Link: model.LinkReportArticles}}},
		{"a statement's span and article", `{ statements { nodes { text evidence { start article { url } } } } }`,
			model.Parts{Statement: model.StatementArticle, Props: only(model.Props{Statement: model.PropStatementText | model.PropStatementSpan,
				Article: model.PropArticleURL})}, []model.Follow{{Link: model.LinkStatementArticle}}},
		{"a country by its code", `{ entity(name: "x") { ... on Person { leaderOf { iso3 } } } }`,
			model.Parts{Entity: model.EntityLeader, Props: only(model.Props{Entity: model.PropEntityCountry | model.PropEntityISO3})},
			[]model.Follow{{Link: model.LinkCountry}}},
		{"nested links and fragments", `query { entity(name: "x") { events { participants { ... on Person { country { name } } } reports { status } }
			statements @skip(if: true) { text } ... on Country { people { name } } } }`,
			model.Parts{Event: model.EventParticipants | model.EventReports,
				Props: only(model.Props{Entity: model.PropEntityName | model.PropEntityCountry})},
			[]model.Follow{{Link: model.LinkEvents, Then: []model.Follow{{Link: model.LinkParticipants, Then: []model.Follow{{Link: model.LinkCountry}}}}},
				{Link: model.LinkPeople}}},
		{"fragments under Node", `{ search(query: "x") { edges { node { ... on Statement { speaker { name } about { name } } } } } }`,
			model.Parts{Statement: model.StatementSpeaker | model.StatementAbout, Props: only(model.Props{Entity: model.PropEntityName})}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
			if got := partsOf(op, schema); got != tc.parts {
				t.Errorf("parts = %+v, want %+v", got, tc.parts)
			}
			s := &selector{op: op, schema: schema}
			root := s.fields(op.Operation.SelectionSet, "Query")[0]
			var follow []model.Follow
			for _, set := range append(s.at(root.Selections, root.Definition.Type.Name(), nil),
				s.at(root.Selections, root.Definition.Type.Name(), []string{"nodes"})...) {
				if kindOfType[set.typ] != noKind {
					follow = mergeFollows(follow, s.follows(set.sel, set.typ, kindOfType[set.typ])...)
				}
			}
			if !reflect.DeepEqual(follow, tc.follow) {
				t.Errorf("follow = %+v, want %+v", follow, tc.follow)
			}
		})
	}
}

// only reads just the properties p selects.
func only(p model.Props) model.Props {
	p.Only = true
	return p
}

// TestEveryFieldIsRead: reads project only the properties a query selects,
// so every scalar field of a node type must name what it reads (uses), or
// be one that every read has: its id, an entity's type, an article's text
// (read by a loader of its own).
func TestEveryFieldIsRead(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	free := map[string]bool{"id": true, "Person.type": true, "Country.type": true, "Organization.type": true,
		"Place.type": true, "Entity.type": true, "Article.text": true}
	for typ, k := range kindOfType {
		for _, f := range schema.Types[typ].Fields {
			leaf := schema.Types[f.Type.Name()]
			if leaf == nil || (leaf.Kind != ast.Scalar && leaf.Kind != ast.Enum) || free[f.Name] || free[typ+"."+f.Name] {
				continue
			}
			if u := uses[k][f.Name]; u.prop == 0 && u.part == 0 {
				t.Errorf("%s.%s reads nothing: add it to uses", typ, f.Name)
			}
		}
	}
}

// TestListed: a list reads the count, and one item more to tell whether
// more follow, and builds edges and pageInfo, only when the query selects
// them, through fragments and aliases, @skip honoured.
func TestListed(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	for _, tc := range []struct {
		query string
		want  listed
	}{
		{`{ events { nodes { id } } }`, listed{}},
		{`{ events { totalCount edges { cursor } } }`, listed{count: true, edges: true}},
		{`{ events { pageInfo { endCursor } } }`, listed{info: true}},
		{`{ events { p: pageInfo { n: hasNextPage } } }`, listed{info: true, more: true}},
		{`{ events { ...F } } fragment F on EventConnection { pageInfo { hasNextPage } }`, listed{info: true, more: true}},
		{`{ events { pageInfo { hasPreviousPage hasNextPage @skip(if: true) } } }`, listed{info: true}},
		{`{ search(query: "x") { totalCount pageInfo { hasNextPage } } }`, listed{count: true, info: true, more: true}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
			s := &selector{op: op, schema: schema}
			root := s.fields(op.Operation.SelectionSet, "Query")[0]
			if got := s.listed(root.Selections, root.Definition.Type.Name()); got != tc.want {
				t.Errorf("listed = %+v, want %+v", got, tc.want)
			}
			if w := tc.want.window(model.Window{First: 5}); w.Count != tc.want.count || w.More != tc.want.more {
				t.Errorf("window = %+v", w)
			}
		})
	}
}
