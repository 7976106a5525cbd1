package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestEveryResolverIsClassified: lists are marshalled in order only when no
// field selected can wait for a batch (exec.go), so every field that
// gqlgen resolves through a resolver (graph/generated.go's concurrent
// fields) must be known: pure, loading, or a link field that priming root
// fields bring along. A new resolver fails here until it is classified.
func TestEveryResolverIsClassified(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	// An object's marshaller, then its fields' cases; concurrent fields
	// call ResolveConcurrently.
	object := regexp.MustCompile(`^func \(ec \*executionContext\) _([A-Z]\w*)\(ctx context\.Context, sel ast\.SelectionSet`)
	field := regexp.MustCompile(`^\t\tcase "(\w+)":`)
	resolves := regexp.MustCompile(`\bout\.ResolveConcurrently\(`)
	var typ, name string
	concurrent := map[string]bool{}
	for line := range strings.SplitSeq(string(src), "\n") {
		if m := object.FindStringSubmatch(line); m != nil {
			typ = m[1]
		} else if m := field.FindStringSubmatch(line); m != nil {
			name = m[1]
		} else if resolves.MatchString(line) && typ != "Query" && typ != "Mutation" {
			concurrent[typ+"."+name] = true
		}
	}
	if len(concurrent) < 20 {
		t.Fatalf("found %d concurrent fields in generated.go: has its shape changed?", len(concurrent))
	}
	for key := range concurrent {
		if !pureResolvers[key] && !loadingResolvers[key] && !isLinkField(key) {
			t.Errorf("%s has a resolver: add it to pureResolvers or loadingResolvers (exec.go), or to uses with its link", key)
		}
	}
	for _, table := range []map[string]bool{pureResolvers, loadingResolvers} {
		for key := range table {
			if !concurrent[key] {
				t.Errorf("%s is classified but has no resolver", key)
			}
		}
	}
}

// isLinkField: "Type.field" follows a link of uses.
func isLinkField(key string) bool {
	typ, name, _ := strings.Cut(key, ".")
	if k, ok := kindOfType[typ]; ok {
		return uses[k][name].link != ""
	}
	for _, byName := range uses {
		if byName[key].link != "" {
			return true
		}
	}
	return false
}

// TestInOrder: which operations marshal their lists in order.
func TestInOrder(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	for _, tc := range []struct {
		name, query string
		inOrder     bool
	}{
		{"an entity's events two levels deep", `{ entity(name: "x") { id name events { id type participants { id name ... on Person { country { name } } }
			evidence { text article { id title } } reports { status assertedBy { name } } } statements { id text } } }`, true},
		{"a page of events with their participants", `{ events(first: 20) { nodes { id participants { name events { type } } } edges { node { articles { title } } } } }`, true},
		{"a neighborhood as nodes and edges", `{ neighborhood(id: "x") { nodes { id kind label depth } edges { id from to type } } }`, true},
		{"an entity and a timeline's dates", `{ entity(name: "x") { events { participants { name } } } timeline(entity: "x") { date basis } }`, true},
		{"an article's text", `{ entity(name: "x") { articles { title text } } }`, false},
		{"a denied event", `{ events { nodes { denies { id } } } }`, false},
		{"links below a root that reads no nodes along", `{ search(query: "x") { edges { node { ... on Entity { events { type } } } } } }`, false},
		{"links below node", `{ node(id: "event:1") { ... on Event { participants { name } } } }`, false},
		{"a neighborhood's nodes", `{ neighborhood(id: "x") { nodes { node { id } } } }`, false},
		{"a timeline's events", `{ timeline(entity: "x") { event { type } } }`, false},
		{"skipped fields do not count", `{ entity(name: "x") { articles @skip(if: true) { text } } }`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
			if _, got := readsOf(op, schema); got.inOrder != tc.inOrder || got.defers {
				t.Errorf("%+v, want in order %v, no defers", got, tc.inOrder)
			}
		})
	}
}

// TestDefers: the deferred fields' state is built only for operations
// that defer some.
func TestDefers(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQuery(schema, `{ entity(name: "x") { id events { id ... @defer(label: "late") { type } } } }`)
	if errs != nil {
		t.Fatal(errs)
	}
	op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
	if _, got := readsOf(op, schema); !got.defers {
		t.Errorf("%+v, want defers", got)
	}
}

// TestMarshalListInOrder: in order, every element is marshalled with its
// index, and a panic in one is recovered into an error on its path, the
// element null, the others kept, as gqlgen does.
func TestMarshalListInOrder(t *testing.T) {
	for _, n := range []int{3, 100} {
		for _, inOrder := range []bool{true, false} {
			var mu sync.Mutex
			var recovered []any
			ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, func(_ context.Context, v any) error {
				mu.Lock()
				defer mu.Unlock()
				recovered = append(recovered, v)
				return errors.New("internal error")
			})
			ctx = context.WithValue(ctx, loadersKey{}, &Loaders{execution: execution{inOrder: inOrder}})
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: &ast.Field{Alias: "events"}}})
			bad := n - 2
			got := marshalList(ctx, n, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
				if i == bad {
					panic("boom")
				}
				return graphql.MarshalInt(*graphql.GetFieldContext(ctx).Index)
			})
			want := make([]string, n)
			for i := range want {
				want[i] = strconv.Itoa(i)
			}
			want[bad] = "null"
			var b bytes.Buffer
			got.MarshalGQL(&b)
			errs := graphql.GetErrors(ctx)
			if b.String() != "["+strings.Join(want, ",")+"]" || len(recovered) != 1 || len(errs) != 1 || errs[0].Path.String() != fmt.Sprintf("events[%d]", bad) {
				t.Errorf("%d elements, in order %v: %s, recovered %v, errors %v", n, inOrder, b.String(), recovered, errs)
			}
		}
	}
}

// TestNoFieldMiddleware: plain fields are marshalled without the field
// middleware (tools/gqlgen-rewrite), so the server must have none: no
// extension intercepts fields, and the handler sets no AroundFields.
func TestNoFieldMiddleware(t *testing.T) {
	for _, e := range extensions(Options{}) {
		if _, ok := e.(graphql.FieldInterceptor); ok {
			t.Errorf("%T intercepts fields: plain fields would bypass it", e)
		}
	}
	src, err := os.ReadFile("handler.go")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(src, []byte(".AroundFields(")) {
		t.Error("handler.go sets AroundFields: plain fields would bypass it")
	}
	gen, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(gen, []byte("// A plain field (tools/gqlgen-rewrite)")); n < 50 {
		t.Errorf("%d plain fields in generated.go: has the rewrite stopped matching?", n)
	}
}

// TestFieldSetMarshal: newFieldSet writes what graphql.FieldSet writes,
// each alias once.
func TestFieldSetMarshal(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}}
	}
	for _, fields := range [][]graphql.CollectedField{
		nil,
		{field("id")},
		{field("id"), field("name"), field("events")},
		{field("id"), field("id"), field("name")},
	} {
		ours, theirs := newFieldSet(context.Background(), fields), graphql.NewFieldSet(fields)
		for i := range fields {
			ours.Values[i] = graphql.MarshalString(fmt.Sprintf("v%d\"", i))
			theirs.Values[i] = ours.Values[i]
		}
		var a, b bytes.Buffer
		ours.MarshalGQL(&a)
		theirs.MarshalGQL(&b)
		if a.String() != b.String() {
			t.Errorf("%d fields: %s, gqlgen writes %s", len(fields), a.String(), b.String())
		}
	}
}
