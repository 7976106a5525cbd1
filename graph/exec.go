package graph

import (
	"context"
	"io"
	"sync/atomic"

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

// fieldSet is the field set of one object, in place of graphql.FieldSet,
// which costs per object three allocations, a closure and a slot per
// resolver field, a goroutine per resolver field after the first, and, to
// write it, a map of the aliases written and a copy of every field.
//
// In an operation that marshals in order (no field can wait for a batch),
// a resolver field is resolved when gqlgen schedules it, in the object's
// goroutine: what it reads was primed, so there is nothing to wait for
// together. Otherwise, and for deferred fields, gqlgen's own field set
// (sched, sharing Values) schedules and dispatches them as gqlgen does.
type fieldSet struct {
	Values   []graphql.Marshaler
	Invalids uint32
	fields   []graphql.CollectedField
	// ctx is the object's context, which gqlgen would hand to Dispatch:
	// the one its field functions get.
	ctx     context.Context
	inOrder bool
	sched   *graphql.FieldSet
	values  [8]graphql.Marshaler // Values of an object of a few fields
}

func newFieldSet(ctx context.Context, fields []graphql.CollectedField) *fieldSet {
	m := &fieldSet{fields: fields, ctx: ctx, inOrder: inOrder(ctx)}
	if len(fields) <= len(m.values) {
		m.Values = m.values[:len(fields)]
	} else {
		m.Values = make([]graphql.Marshaler, len(fields))
	}
	return m
}

// scheduler is gqlgen's field set for the fields it schedules; what they
// resolve lands in m.Values.
func (m *fieldSet) scheduler() *graphql.FieldSet {
	if m.sched == nil {
		m.sched = graphql.NewFieldSet(m.fields)
		m.sched.Values = m.Values
	}
	return m.sched
}

// ResolveConcurrently resolves resolver field i: at once in an operation
// that marshals in order, else as gqlgen does. A panic is recovered into
// an error on the field's path and a null, as in gqlgen.
func (m *fieldSet) ResolveConcurrently(oc *graphql.OperationContext, deferred *graphql.DeferredGroup, i int,
	recoverFromPanic, nonNull bool, resolve func(context.Context) graphql.Marshaler) {
	if !m.inOrder || m.fields[i].IsDeferred() {
		m.scheduler().ResolveConcurrently(oc, deferred, i, recoverFromPanic, nonNull, resolve)
		return
	}
	v := resolveNow(m.ctx, oc, recoverFromPanic, resolve)
	m.Values[i] = v
	// gqlgen counts the null of a non-null field, and the RequiredNull of
	// a nullable one, as invalid.
	if nonNull && v == graphql.Null || !nonNull && v == graphql.RequiredNull {
		m.Invalids++
	}
}

func resolveNow(ctx context.Context, oc *graphql.OperationContext, recoverFromPanic bool, resolve func(context.Context) graphql.Marshaler) (v graphql.Marshaler) {
	if recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				oc.Error(ctx, oc.Recover(ctx, r))
				v = graphql.Null
			}
		}()
	}
	return resolve(ctx)
}

// ResolveRootConcurrently schedules root field i as gqlgen does.
func (m *fieldSet) ResolveRootConcurrently(ctx context.Context, oc *graphql.OperationContext, i int,
	recoverFromPanic, nonNull bool, resolve func(context.Context) graphql.Marshaler) {
	m.scheduler().ResolveRootConcurrently(ctx, oc, i, recoverFromPanic, nonNull, resolve)
}

// Dispatch runs the fields gqlgen scheduled, if any, and counts their
// invalid ones.
func (m *fieldSet) Dispatch(ctx context.Context) {
	if m.sched != nil {
		m.sched.Dispatch(ctx)
		m.Invalids += atomic.LoadUint32(&m.sched.Invalids)
	}
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
