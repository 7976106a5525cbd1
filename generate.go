package main

// gqlgen turns schema.graphqls into graph/generated.go and graph/models_gen.go,
// and adds stubs for new resolvers to graph/schema.resolvers.go.
//go:generate go tool gqlgen generate --config gqlgen.yml
