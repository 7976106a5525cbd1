package graph

import (
	"context"
	"errors"
	"strings"
	"unicode"

	"github.com/geokg/geokg/model"
	"github.com/vikstrous/dataloadgen"
)

// enumName turns a model vocabulary word into a GraphQL enum value:
// "ArmsTransfer" → "ARMS_TRANSFER", "occurred" → "OCCURRED".
func enumName(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// modelWord is the inverse of enumName over a vocabulary.
func modelWord(enum string, vocabulary []string) string {
	for _, w := range vocabulary {
		if enumName(w) == enum {
			return w
		}
	}
	return ""
}

// entityByID loads one entity through the request's loader; a missing id is nil.
func entityByID(ctx context.Context, id string) (Entity, error) {
	if id == "" {
		return nil, nil
	}
	e, err := loaders(ctx).Entity.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return wrap(e), nil
}

// entitiesByID loads entities, skipping ids that no longer exist.
func entitiesByID(ctx context.Context, ids []string) ([]Entity, error) {
	out := make([]Entity, 0, len(ids))
	for _, id := range ids {
		e, err := entityByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// country loads an entity's country.
func country(ctx context.Context, e *model.Entity) (*Country, error) {
	if e.Country == "" {
		return nil, nil
	}
	c, err := entityByID(ctx, "country:"+e.Country)
	if c == nil || err != nil {
		return nil, err
	}
	return &Country{c.entity()}, nil
}

// many loads a list through a loader; a key with nothing is an empty list.
func many[T any](ctx context.Context, l *dataloadgen.Loader[string, []T], key string) ([]T, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return []T{}, nil
	}
	return v, err
}
