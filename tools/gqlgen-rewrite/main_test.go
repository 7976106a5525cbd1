package main

import (
	"strings"
	"testing"
)

// fieldFunc is gqlgen's function for field f of GraphEdge read from obj.F,
// with marshaller m of Go type typ.
func fieldFunc(f, m, typ, ctxFunc string) string {
	return `func (ec *executionContext) _GraphEdge_` + f + `(ctx context.Context, field graphql.CollectedField, obj *model.GraphEdge) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_GraphEdge_` + f + `(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.F` + f + `, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v ` + typ + `) graphql.Marshaler {
			return ec.` + m + `(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_GraphEdge_` + f + `(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	` + ctxFunc + `
}
`
}

const marshallers = `
func (ec *executionContext) marshalNID2string(ctx context.Context, sel ast.SelectionSet, v string) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalID(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "ID!")
	}
	return res
}

func (ec *executionContext) marshalNFloat2float64(ctx context.Context, sel ast.SelectionSet, v float64) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalFloatContext(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Float!")
	}
	return graphql.WrapContextMarshaler(ctx, res)
}

func (ec *executionContext) marshalNStatus2githubᚗcomᚋmodelᚐStatus(ctx context.Context, sel ast.SelectionSet, v model.Status) graphql.Marshaler {
	return v
}
`

// TestPlainFields: only a field read from a struct field, whose context is
// a scalar's and whose marshaller reports no error, is rewritten.
func TestPlainFields(t *testing.T) {
	scalar := `return graphql.NewScalarFieldContext("GraphEdge", field, false, false, "ID")`
	src := "package graph\n" + marshallers +
		fieldFunc("a", "marshalNID2string", "string", scalar) +
		fieldFunc("b", "marshalNStatus2githubᚗcomᚋmodelᚐStatus", "model.Status", scalar) +
		fieldFunc("c", "marshalNFloat2float64", "float64", scalar) + // its marshaller may report an error
		fieldFunc("d", "marshalNID2string", "string", `return graphql.NewScalarFieldContext("GraphEdge", field, true, false, "ID")`) // a method
	out, n := plainFields([]byte(src))
	if n != 2 {
		t.Errorf("rewrote %d fields, want 2 (a, b):\n%s", n, out)
	}
	for _, want := range []string{"return ec.marshalNID2string(ctx, field.Selections, obj.Fa)", "return ec.marshalNStatus2githubᚗcomᚋmodelᚐStatus(ctx, field.Selections, obj.Fb)"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Count(string(out), "graphql.ResolveField(") != 2 {
		t.Errorf("c and d must keep graphql.ResolveField:\n%s", out)
	}
}
