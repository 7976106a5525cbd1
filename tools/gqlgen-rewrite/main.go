// Command gqlgen-rewrite is the step of `go generate ./...` after gqlgen: it
// makes graph/generated.go call two functions of package graph
// (graph/exec.go) where gqlgen calls its own, which have no option to do
// less work on an answer of thousands of objects:
//
//   - graphql.MarshalSliceConcurrently → marshalList: gqlgen marshals every
//     element of a list in a goroutine of its own; marshalList does so only
//     when a resolver below can wait for a dataloader batch.
//   - graphql.NewDeferredGroup → newDeferredGroup: gqlgen builds, for every
//     object, the state of fields deferred with @defer (a path, a field set,
//     a map); newDeferredGroup builds it only for operations that use @defer.
//
// It fails when the file calls neither, so that a gqlgen upgrade that
// writes them differently is noticed rather than silently slower.
//
//	go run ./tools/gqlgen-rewrite graph/generated.go
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
)

var rewrites = []struct{ from, to string }{
	{"graphql.MarshalSliceConcurrently(", "marshalList("},
	{"graphql.NewDeferredGroup(", "newDeferredGroup("},
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
	for _, r := range rewrites {
		if !bytes.Contains(src, []byte(r.from)) {
			return fmt.Errorf("%s calls no %s: has gqlgen changed how it writes it?", args[0], r.from[:len(r.from)-1])
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	out, err := format.Source(src)
	if err != nil {
		return err
	}
	return os.WriteFile(args[0], out, 0o644)
}
