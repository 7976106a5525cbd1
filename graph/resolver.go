// Package graph is geokg's GraphQL API: the schema's resolvers (generated
// by gqlgen from ../schema.graphqls), per-request dataloaders, and the one
// place where errors become GraphQL errors. It knows GraphQL, not Cypher:
// it reads the graph through model.Reader.
package graph

import "github.com/geokg/geokg/model"

// Resolver is the root resolver; it holds what every resolver needs.
type Resolver struct {
	Store model.Reader
}
