// Command gqlgen-rewrite is the step of `go generate ./...` after gqlgen: it
// makes graph/generated.go call functions of package graph (graph/exec.go)
// where gqlgen calls its own, which have no option to do less work on an
// answer of thousands of objects, and marshals plain fields directly:
//
//   - graphql.MarshalSliceConcurrently → marshalList: gqlgen marshals every
//     element of a list in a goroutine of its own; marshalList does so only
//     when a resolver below can wait for a dataloader batch.
//   - graphql.NewDeferredGroup → newDeferredGroup: gqlgen builds, for every
//     object, the state of fields deferred with @defer (a path, a field set,
//     a map); newDeferredGroup builds it only for operations that use @defer.
//   - graphql.NewFieldSet → newFieldSet (given the object's context): a
//     field set of one allocation, written without a map and a copy of
//     every field, whose resolver fields are resolved at once, not
//     scheduled, in an operation that cannot wait for a batch.
//   - Plain fields (plainField below): a scalar or enum read from a struct
//     field, with no resolver and no directive, whose marshaller can report
//     no error, is marshalled from the struct field at once, without
//     graphql.ResolveField's field context, closures, middleware call and
//     boxed value, none of which such a field uses (the server registers no
//     field middleware: graph.TestNoFieldMiddleware).
//
// It fails when the file calls none of the functions it replaces, or has
// no plain field, so that a gqlgen upgrade that writes them differently is
// noticed rather than silently slower.
//
//	go run ./tools/gqlgen-rewrite graph/generated.go
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"regexp"
)

var rewrites = []struct{ from, to string }{
	{"graphql.MarshalSliceConcurrently(", "marshalList("},
	{"graphql.NewDeferredGroup(", "newDeferredGroup("},
	{"graphql.NewFieldSet(fields)", "newFieldSet(ctx, fields)"},
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen-rewrite:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: gqlgen-rewrite FILE")
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	out, err := rewrite(src)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	return os.WriteFile(args[0], out, 0o644)
}

func rewrite(src []byte) ([]byte, error) {
	for _, r := range rewrites {
		if !bytes.Contains(src, []byte(r.from)) {
			return nil, fmt.Errorf("calls no %s: has gqlgen changed how it writes it?", r.from)
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	src, n := plainFields(src)
	if n == 0 {
		return nil, fmt.Errorf("no plain field: has gqlgen changed how it writes field functions?")
	}
	return format.Source(src)
}

// plainField is gqlgen's function for a field read from a struct field
// (obj.F) with no resolver and no directive (middleware nil): $1 its name,
// $2 the object's type, $3 its field context function, $4 the struct
// field, $5 the Go type, $6 the marshaller (whose name gqlgen spells with
// letters outside ASCII for named types: ᚗ, ᚋ, ᚐ).
var plainField = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) (_\w+)\(ctx context\.Context, field graphql\.CollectedField, obj (\*?[\w.]+)\) \(ret graphql\.Marshaler\) \{
	return graphql\.ResolveField\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
			return ec\.(fieldContext_\w+)\(ctx, field\)
		\},
		func\(ctx context\.Context\) \(any, error\) \{
			return obj\.(\w+), nil
		\},
		nil,
		func\(ctx context\.Context, selections ast\.SelectionSet, v ([^)]+)\) graphql\.Marshaler \{
			return ec\.([\pL\pN_]+)\(ctx, selections, v\)
		\},
		true,
		(?:true|false),
	\)
\}
`)

// A scalar field's context: neither a method nor a resolver.
const scalarContext = `(?m)^func \(ec \*executionContext\) %s\(_ context\.Context, field graphql\.CollectedField\) \(fc \*graphql\.FieldContext, err error\) \{
	return graphql\.NewScalarFieldContext\("\w+", field, false, false, "\w+"\)
\}`

// Marshallers that report no error, so that a field context (the path of
// an error) is never needed: an enum that marshals itself, a built-in
// scalar of a value that cannot be null, and a nullable pointer to one.
var safeMarshallers = []string{
	`(?m)^func \(ec \*executionContext\) %s\(ctx context\.Context, sel ast\.SelectionSet, v [\w.]+\) graphql\.Marshaler \{
	return v
\}`,
	`(?m)^func \(ec \*executionContext\) %s\(ctx context\.Context, sel ast\.SelectionSet, v (?:string|int|bool)\) graphql\.Marshaler \{
	_ = sel
	res := graphql\.Marshal(?:String|ID|Int|Boolean)\(v\)
	if res == graphql\.Null \{
		graphql\.AddInvalidNullFromMarshaler\(ctx, "\w+!"\)
	\}
	return res
\}`,
	`(?m)^func \(ec \*executionContext\) %s\(ctx context\.Context, sel ast\.SelectionSet, v \*(?:string|int|bool)\) graphql\.Marshaler \{
	if v == nil \{
		return graphql\.Null
	\}
	_ = sel
	_ = ctx
	res := graphql\.Marshal(?:String|ID|Int|Boolean)\(\*v\)
	return res
\}`,
}

// plainFields rewrites each plain field whose context is a scalar's and
// whose marshaller is safe into a direct call of the marshaller, and
// returns how many it rewrote.
func plainFields(src []byte) ([]byte, int) {
	n := 0
	out := plainField.ReplaceAllFunc(src, func(m []byte) []byte {
		g := plainField.FindSubmatch(m)
		name, obj, fc, f, typ, marshal := g[1], g[2], g[3], g[4], g[5], g[6]
		if !regexp.MustCompile(fmt.Sprintf(scalarContext, regexp.QuoteMeta(string(fc)))).Match(src) || !safe(src, string(marshal)) {
			return m
		}
		n++
		return fmt.Appendf(nil, `func (ec *executionContext) %s(ctx context.Context, field graphql.CollectedField, obj %s) (ret graphql.Marshaler) {
	// A plain field (tools/gqlgen-rewrite): %s read as it is, marshalled by a marshaller that reports no error.
	return ec.%s(ctx, field.Selections, obj.%s)
}
`, name, obj, typ, marshal, f)
	})
	return out, n
}

func safe(src []byte, marshal string) bool {
	for _, s := range safeMarshallers {
		if regexp.MustCompile(fmt.Sprintf(s, regexp.QuoteMeta(marshal))).Match(src) {
			return true
		}
	}
	return false
}
