// Package graph is geokg's GraphQL API: the schema's resolvers (generated
// by gqlgen from ../schema.graphqls), per-request dataloaders, the limits
// on what a query may ask, and the one place where errors become GraphQL
// errors. It knows GraphQL, not Cypher: it reads the graph through
// model.Reader and ingests through model.Ingester.
package graph

import "github.com/geokg/geokg/model"

// Resolver is the root resolver; it holds what every resolver needs.
type Resolver struct {
	Store model.Reader
	// Ingester runs the loader for ingestArticle; nil disables it.
	Ingester model.Ingester
	// Token is the bearer token that allows mutations; empty allows none.
	Token string
}
