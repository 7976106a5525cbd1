package graph

import "github.com/geokg/geokg/model"

// Node is any object with a global id (the GraphQL Node interface): an
// Entity, or a *model.Event, *model.Statement or *model.Article. It is empty
// because the domain types must not know about GraphQL.
type Node interface{}

// Entity is a person, country, organization or place (the GraphQL Entity
// interface). The four kinds wrap one domain type, model.Entity, so that
// GraphQL can tell them apart.
type Entity interface {
	entity() *model.Entity
}

type (
	Person       struct{ *model.Entity }
	Country      struct{ *model.Entity }
	Organization struct{ *model.Entity }
	Place        struct{ *model.Entity }
)

func (p Person) entity() *model.Entity       { return p.Entity }
func (c Country) entity() *model.Entity      { return c.Entity }
func (o Organization) entity() *model.Entity { return o.Entity }
func (p Place) entity() *model.Entity        { return p.Entity }

// wrap gives a domain entity its GraphQL kind; nil stays nil.
func wrap(e *model.Entity) Entity {
	switch {
	case e == nil:
		return nil
	case e.Type == model.Person:
		return &Person{e}
	case e.Type == model.Country:
		return &Country{e}
	case e.Type == model.Organization:
		return &Organization{e}
	default:
		return &Place{e}
	}
}
