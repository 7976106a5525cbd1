package graph

import (
	"context"

	"github.com/geokg/geokg/model"
)

// Node is any object with a global id (the GraphQL Node interface): an
// Entity, or a *model.StoredEvent, *model.Statement or *model.StoredArticle.
// It is empty because the domain types must not know about GraphQL.
type Node interface{}

// Entity is a person, country, organization or place (the GraphQL Entity
// interface). The four kinds wrap one domain type, model.StoredEntity, so
// that GraphQL can tell them apart.
type Entity interface {
	entity() *model.StoredEntity
}

// entityNode holds what the four kinds share. gqlgen binds the schema's
// fields to these methods (and to the fields of model.StoredEntity), so
// each is written once rather than four times in schema.resolvers.go.
// Methods that take a context read through the request's dataloaders and
// run concurrently, so one level of a query is one batch.
type entityNode struct{ *model.StoredEntity }

type (
	Person       struct{ entityNode }
	Country      struct{ entityNode }
	Organization struct{ entityNode }
	Place        struct{ entityNode }
)

func (e entityNode) entity() *model.StoredEntity { return e.StoredEntity }

func (e entityNode) Type() model.EntityType { return e.StoredEntity.Type }

func (e entityNode) Events(ctx context.Context) ([]*model.StoredEvent, error) {
	return linked(ctx, loaders(ctx).Events, model.LinkEvents, e.ID)
}

func (e entityNode) Supplied(ctx context.Context) ([]*model.StoredEvent, error) {
	return linked(ctx, loaders(ctx).Events, model.LinkSupplied, e.ID)
}

func (e entityNode) Received(ctx context.Context) ([]*model.StoredEvent, error) {
	return linked(ctx, loaders(ctx).Events, model.LinkReceived, e.ID)
}

func (e entityNode) Asserted(ctx context.Context) ([]*model.StoredEvent, error) {
	return linked(ctx, loaders(ctx).Events, model.LinkAsserted, e.ID)
}

func (e entityNode) Statements(ctx context.Context) ([]*model.Statement, error) {
	return linked(ctx, loaders(ctx).Statements, model.LinkSaid, e.ID)
}

func (e entityNode) StatementsAbout(ctx context.Context) ([]*model.Statement, error) {
	return linked(ctx, loaders(ctx).Statements, model.LinkAbout, e.ID)
}

func (e entityNode) Articles(ctx context.Context) ([]*model.StoredArticle, error) {
	return linked(ctx, loaders(ctx).Articles, model.LinkMentionedIn, e.ID)
}

func (p Person) Country(ctx context.Context) (*Country, error) {
	return countryByISO(ctx, p.StoredEntity.Country)
}

func (p Person) LeaderOf(ctx context.Context) (*Country, error) { return leaderOf(ctx, p.StoredEntity) }

func (p Person) Organization(ctx context.Context) (*Organization, error) {
	return entityAs(ctx, p.Affil, asOrganization)
}

func (c Country) Leaders(ctx context.Context) ([]*Person, error) {
	return linkedAs(ctx, model.LinkLeaders, c.ID, asPerson)
}

func (c Country) People(ctx context.Context) ([]*Person, error) {
	return linkedAs(ctx, model.LinkPeople, c.ID, asPerson)
}

func (c Country) Organizations(ctx context.Context) ([]*Organization, error) {
	return linkedAs(ctx, model.LinkOrganizations, c.ID, asOrganization)
}

func (c Country) Places(ctx context.Context) ([]*Place, error) {
	return linkedAs(ctx, model.LinkPlaces, c.ID, asPlace)
}

func (o Organization) Country(ctx context.Context) (*Country, error) {
	return countryByISO(ctx, o.StoredEntity.Country)
}

func (o Organization) Members(ctx context.Context) ([]*Person, error) {
	return linkedAs(ctx, model.LinkMembers, o.ID, asPerson)
}

func (p Place) Country(ctx context.Context) (*Country, error) {
	return countryByISO(ctx, p.StoredEntity.Country)
}

func asPerson(e *model.StoredEntity) *Person             { return &Person{entityNode{e}} }
func asCountry(e *model.StoredEntity) *Country           { return &Country{entityNode{e}} }
func asOrganization(e *model.StoredEntity) *Organization { return &Organization{entityNode{e}} }
func asPlace(e *model.StoredEntity) *Place               { return &Place{entityNode{e}} }

// wrap gives a domain entity its GraphQL kind; nil stays nil.
func wrap(e *model.StoredEntity) Entity {
	switch {
	case e == nil:
		return nil
	case e.Type == model.Person:
		return asPerson(e)
	case e.Type == model.Country:
		return asCountry(e)
	case e.Type == model.Organization:
		return asOrganization(e)
	default:
		return asPlace(e)
	}
}
