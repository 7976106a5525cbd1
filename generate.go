package main

// gqlgen turns schema.graphqls into graph/generated.go and graph/models_gen.go,
// and adds stubs for new resolvers to graph/schema.resolvers.go.
//go:generate go tool gqlgen generate --config gqlgen.yml

// Then graph/generated.go calls graph's marshalList and newDeferredGroup
// instead of two functions of gqlgen that do more work than this API needs
// on large answers (graph/exec.go, tools/gqlgen-rewrite).
//go:generate go run ./tools/gqlgen-rewrite graph/generated.go
