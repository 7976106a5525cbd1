package graph

import (
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2"
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
		{"own properties only", `{ entity(name: "x") { id name } events { nodes { id type date } } }`, model.Parts{}, nil},
		{"counts only when selected", `{ entity(name: "x") { eventCount ... on Person { sourceCount } } }`,
			model.Parts{Entity: model.EntityEventCount | model.EntitySourceCount}, nil},
		{"totalCount asks no part", `{ events { totalCount nodes { articleCount } } }`, model.Parts{Event: model.EventArticleCount}, nil},
		{"evidence without reports", `{ events { nodes { evidence { text article { title } } } } }`,
			model.Parts{Event: model.EventEvidence}, []model.Follow{{Link: model.LinkArticles}}},
		{"nested links and fragments", `query { entity(name: "x") { events { participants { ... on Person { country { name } } } reports { status } }
			statements @skip(if: true) { text } ... on Country { people { name } } } }`,
			model.Parts{Event: model.EventParticipants | model.EventReports},
			[]model.Follow{{Link: model.LinkEvents, Then: []model.Follow{{Link: model.LinkParticipants, Then: []model.Follow{{Link: model.LinkCountry}}}}},
				{Link: model.LinkPeople}}},
		{"fragments under Node", `{ search(query: "x") { edges { node { ... on Statement { speaker { name } about { name } } } } } }`,
			model.Parts{Statement: model.StatementSpeaker | model.StatementAbout}, nil},
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
