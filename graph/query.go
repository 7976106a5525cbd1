package graph

import (
	"context"
	"strings"

	"github.com/geokg/geokg/model"
)

// The bodies of root queries that are more than one line live here, so that
// schema.resolvers.go stays a list of one-liners.

const maxPage = 100

func (r *Resolver) node(ctx context.Context, id string) (Node, error) {
	kind, _, _ := strings.Cut(id, ":")
	switch kind {
	case "person", "country", "org", "place":
		return entityByID(ctx, id)
	case "article":
		return loaders(ctx).Article.Load(ctx, id)
	default:
		return nil, model.Errorf(model.EINVALID, "unknown id kind %q", kind)
	}
}

func (r *Resolver) entity(ctx context.Context, name string) (Entity, error) {
	e, err := r.Store.FindEntity(ctx, name)
	if model.ErrorCode(err) == model.ENOTFOUND {
		return nil, nil
	}
	return wrap(e), err
}

func (r *Resolver) events(ctx context.Context, typ *EventType, participant *string, status *Status, first *int) ([]*model.Event, error) {
	f := model.EventFilter{Limit: 50}
	if first != nil {
		if *first < 1 || *first > maxPage {
			return nil, model.Errorf(model.EINVALID, "first must be between 1 and %d", maxPage)
		}
		f.Limit = *first
	}
	if typ != nil {
		f.Type = modelWord(string(*typ), model.EventTypes)
	}
	if status != nil {
		f.Status = modelWord(string(*status), model.Statuses)
	}
	if participant != nil {
		f.Participant = *participant
	}
	return r.Store.Events(ctx, f)
}

func placeByID(ctx context.Context, id string) (*Place, error) {
	e, err := entityByID(ctx, id)
	if e == nil || err != nil {
		return nil, err
	}
	return &Place{e.entity()}, nil
}
