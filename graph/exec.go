package graph

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// Parts of gqlgen's execution that cost much on a large answer and that
// gqlgen has no option for: graph/generated.go calls marshalList,
// newDeferredGroup and newFieldSet where gqlgen writes
// graphql.MarshalSliceConcurrently, graphql.NewDeferredGroup and
// graphql.NewFieldSet, and marshals plain fields (a scalar or enum read
// from a struct field) directly (`go generate ./...` rewrites
// generated.go after gqlgen: tools/gqlgen-rewrite).
//
// Lists of objects: gqlgen marshals each element of a list in a goroutine
// of its own, so that the resolvers below the elements queue their
// dataloader keys together and one level of a query is one batch. An answer
// of a thousand objects then starts a thousand goroutines, and each grows
// its stack through gqlgen's deep call chain: on an entity with its events
// (75 KB) that cost about a fifth of the server's CPU (issue 9's profile).
//
// When no field an operation selects can wait for a batch, nothing is
// gained by it: the root fields that read nodes (primingRoots) bring along,
// in their one statement, every node their nested link fields go on to
// (selection.go), and the loaders answer those from what was primed. Such
// an operation marshals its lists in order, in the goroutine of its root
// field.

// primingRoots are the root fields whose read brings along what every link
// field below them reads (selection(), prime()).
var primingRoots = map[string]bool{"entity": true, "events": true, "entities": true, "statements": true, "articles": true}

// pureResolvers compute their field from their object alone.
var pureResolvers = map[string]bool{
	"GraphEdge.id": true, "GraphNode.kind": true, "TimelineEntry.basis": true, "Event.deniedBy": true,
}

// loadingResolvers read through a loader what no read brings along (an
// article's text, a node by an id that no link names), wherever they are.
var loadingResolvers = map[string]bool{
	"Article.text": true, "Event.denies": true, "Report.denies": true, "GraphNode.node": true,
	"Link.from": true, "Link.to": true, "TimelineEntry.event": true, "TimelineEntry.statement": true,
}

// mayWait tells whether field f, on object type t of node kind k (a field
// of a root field's selection), can wait for a dataloader batch: a resolver
// that loads, or a link field outside a priming root. Every other resolver
// (TestEveryResolverIsClassified) is one of a link field, or pure.
func (s *selector) mayWait(f graphql.CollectedField, t string, k nodeKind, primed bool) bool {
	key := t + "." + f.Name
	switch {
	case pureResolvers[key]:
		return false
	case loadingResolvers[key]:
		return true
	}
	if u, ok := s.use(k, f); ok && u.link != "" {
		return !primed
	}
	return false
}

// inOrder tells whether the current operation marshals its lists in order.
func inOrder(ctx context.Context) bool {
	l := loadersIn(ctx)
	return l != nil && l.inOrder
}

// marshalList marshals the n elements of a list: concurrently, as gqlgen
// does, unless the operation cannot wait for a batch (inOrder). A panic
// in an element is recovered into an error on its path and the element is
// null, as in gqlgen.
func marshalList(ctx context.Context, n int, workerLimit int64, omitPanicHandler bool, element func(context.Context, int) graphql.Marshaler) graphql.Array {
	if n == 0 || !inOrder(ctx) {
		return graphql.MarshalSliceConcurrently(ctx, n, workerLimit, omitPanicHandler, element)
	}
	ret := make(graphql.Array, n)
	// One allocation for the elements' field contexts and indexes.
	fcs := make([]graphql.FieldContext, n)
	idx := make([]int, n)
	for i := range n {
		idx[i] = i
		fcs[i].Index = &idx[i]
		ectx := graphql.WithFieldContext(ctx, &fcs[i])
		if omitPanicHandler {
			ret[i] = element(ectx, i)
			continue
		}
		ret[i] = marshalElement(ectx, i, element)
	}
	return ret
}

func marshalElement(ctx context.Context, i int, element func(context.Context, int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return element(ctx, i)
}

// newDeferredGroup is graphql.NewDeferredGroup for an operation that defers
// fields (@defer), and an empty group for any other: gqlgen reads the
// group only for deferred fields, and building it costs a path, a field
// set and a map for every object of the answer (8 % of the CPU of a 75 KB
// one).
func newDeferredGroup(ctx context.Context) graphql.DeferredGroup {
	if l := loadersIn(ctx); l != nil && !l.defers {
		return graphql.DeferredGroup{Context: ctx}
	}
	return graphql.NewDeferredGroup(ctx)
}

// fieldSet is gqlgen's field set of one object, written without what
// graphql.FieldSet's MarshalGQL allocates per object (a map of the aliases
// written, and a copy of every field it yields).
type fieldSet struct {
	*graphql.FieldSet
	fields []graphql.CollectedField
}

func newFieldSet(fields []graphql.CollectedField) *fieldSet {
	return &fieldSet{graphql.NewFieldSet(fields), fields}
}

// MarshalGQL writes the fields in order, each alias once, as
// graphql.FieldSet does. An alias is a GraphQL name: it needs no escaping.
func (m *fieldSet) MarshalGQL(w io.Writer) {
	io.WriteString(w, "{")
	first := true
	for i := range m.fields {
		alias := m.fields[i].Alias
		if written(m.fields[:i], alias) {
			continue
		}
		if first {
			first = false
			io.WriteString(w, `"`)
		} else {
			io.WriteString(w, `,"`)
		}
		io.WriteString(w, alias)
		io.WriteString(w, `":`)
		m.Values[i].MarshalGQL(w)
	}
	io.WriteString(w, "}")
}

// written tells whether alias is among fields (an object has a few).
func written(fields []graphql.CollectedField, alias string) bool {
	for i := range fields {
		if fields[i].Alias == alias {
			return true
		}
	}
	return false
}
