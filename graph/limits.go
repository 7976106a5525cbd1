package graph

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// What a query may ask: how deep it nests and how much it costs. Both are
// checked before anything runs, and a query over a limit is refused
// whole, with HTTP 400 and an extensions.code that says which limit.

// Error codes of the limits (COMPLEXITY_LIMIT_EXCEEDED is gqlgen's).
const (
	ErrDepthLimit      = "DEPTH_LIMIT_EXCEEDED"
	ErrComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED"
	ErrFieldLimit      = "FIELD_LIMIT_EXCEEDED"
)

func init() {
	// Refused before execution, like a validation error.
	errcode.RegisterErrorType(ErrDepthLimit, errcode.KindProtocol)
	errcode.RegisterErrorType(ErrComplexityLimit, errcode.KindProtocol)
	errcode.RegisterErrorType(ErrFieldLimit, errcode.KindProtocol)
}

// FieldLimit is a gqlgen extension that refuses documents of more than
// Max field selections before they are validated: validation compares
// fields of one name pairwise, so a document of thousands of copies of a
// field would cost seconds of CPU to refuse. The document is parsed here
// once more, which costs little next to validating it, and only the first
// time: the queries accepted are remembered (Accepted, when set), as
// gqlgen's query cache remembers them parsed.
type FieldLimit struct {
	Max, MaxTokens int
	Accepted       *lru.LRU[struct{}]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = FieldLimit{}

func (FieldLimit) ExtensionName() string { return "FieldLimit" }

func (f FieldLimit) Validate(graphql.ExecutableSchema) error {
	if f.Max < 1 {
		return errors.New("FieldLimit.Max must be at least 1")
	}
	return nil
}

func (f FieldLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if f.Accepted != nil {
		if _, ok := f.Accepted.Get(ctx, p.Query); ok {
			return nil
		}
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, f.MaxTokens)
	if err != nil {
		return nil // the executor reports it
	}
	n := 0
	for _, op := range doc.Operations {
		n += fields(op.SelectionSet)
	}
	for _, frag := range doc.Fragments {
		n += fields(frag.SelectionSet)
	}
	if n > f.Max {
		err := gqlerror.Errorf("the document selects %d fields; at most %d are allowed", n, f.Max)
		errcode.Set(err, ErrFieldLimit)
		return err
	}
	if f.Accepted != nil {
		f.Accepted.Add(ctx, p.Query, struct{}{})
	}
	return nil
}

// fields counts the field selections of a selection set, written out:
// fragment spreads count in their definitions.
func fields(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			n += 1 + fields(s.SelectionSet)
		case *ast.InlineFragment:
			n += fields(s.SelectionSet)
		}
	}
	return n
}

// DepthLimit is a gqlgen extension that refuses operations whose fields
// nest deeper than Max. Introspection is not counted, so that tools can
// always read the schema.
type DepthLimit struct{ Max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

func (DepthLimit) ExtensionName() string { return "DepthLimit" }

func (d DepthLimit) Validate(graphql.ExecutableSchema) error {
	if d.Max < 1 {
		return errors.New("DepthLimit.Max must be at least 1")
	}
	return nil
}

func (d DepthLimit) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if n := depth(op.Operation.SelectionSet); n > d.Max {
		err := gqlerror.Errorf("the query nests %d levels deep; at most %d are allowed", n, d.Max)
		errcode.Set(err, ErrDepthLimit)
		return err
	}
	return nil
}

// depth is the deepest nesting of fields in a selection set: `{ a { b } }`
// is 2. Fragments count as the fields they hold; validation has already
// refused fragment cycles.
func depth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + depth(s.SelectionSet)
		case *ast.InlineFragment:
			d = depth(s.SelectionSet)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = depth(s.Definition.SelectionSet)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// rootCost is what a root field costs on top of its selection: each one
// runs queries of its own (nested fields are batched by the dataloaders),
// so a request of thousands of aliases of a cheap root field is refused
// rather than keeping Neo4j busy: with the default limit, a request holds
// at most DefaultComplexity/rootCost root fields.
const rootCost = 100

// listFactor is how many items a nested list without a page size is
// assumed to hold when a query's cost is counted.
const listFactor = 10

// costs is the executable schema with the cost model that the complexity
// limit counts: a root field costs rootCost more, every field costs 1 plus its children, a field with a page
// size (`first`, `limit`) costs its children that many times, and any
// other list field listFactor times. The lists of a connection or
// subgraph are already counted by the page size of the field above them.
type costs struct{ graphql.ExecutableSchema }

func (c costs) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	cost := c.cost(typeName, field, child, args)
	if (typeName == "Query" || typeName == "Mutation") && !strings.HasPrefix(field, "__") {
		cost += rootCost
	}
	return cost, true
}

func (c costs) cost(typeName, field string, child int, args map[string]any) int {
	typ := c.Schema().Types[typeName]
	def := typ.Fields.ForName(field)
	if def == nil {
		return 1 + child
	}
	for _, name := range []string{"first", "limit"} {
		if arg := def.Arguments.ForName(name); arg != nil {
			return 1 + child*pageArg(args[name], arg.DefaultValue)
		}
	}
	if def.Type.Elem == nil || strings.HasSuffix(typeName, "Connection") || typeName == "Subgraph" {
		return 1 + child
	}
	return 1 + child*listFactor
}

// rootSlots gives each operation a bound on the root fields it runs at
// once; takeRootSlot waits for one before a root field runs. Nested
// fields need no slot: the dataloaders batch them into one query per
// level.
func rootSlots(n int) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(context.WithValue(ctx, slotsKey{}, make(chan struct{}, n)))
	}
}

type slotsKey struct{}

func takeRootSlot(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	slots, _ := ctx.Value(slotsKey{}).(chan struct{})
	if slots == nil {
		return next(ctx)
	}
	select {
	case slots <- struct{}{}:
		defer func() { <-slots }()
	case <-ctx.Done():
		// The field still runs and meets the deadline at its first query.
	}
	return next(ctx)
}

// pageArg is the value of a page size argument, its default when omitted.
func pageArg(v any, def *ast.Value) int {
	if v == nil && def != nil {
		v, _ = def.Value(nil)
	}
	switch n := v.(type) {
	case int:
		return max(n, 1)
	case int64:
		return max(int(n), 1)
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return max(int(i), 1)
		}
	}
	return maxPage // unknown: assume the worst
}
