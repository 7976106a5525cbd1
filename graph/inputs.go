package graph

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/model"
)

// Arguments and input objects become model queries here: page sizes and
// cursors are checked, entity names resolved to ids, dates validated, so
// the store only ever sees well-formed values.

// Page sizes and other bounds of the API.
const (
	maxPage         = 100
	defaultPage     = 20
	maxNeighborhood = model.MaxNeighborhoodNodes
	maxDepth        = model.MaxNeighborhoodDepth
	// A search has at most maxSearchWords words of at most maxSearchWord
	// characters: Lucene refuses longer terms and more clauses, and no
	// name or quote needs them.
	maxSearchWords = 32
	maxSearchWord  = 100
	// maxQuoted is how much of a user's input an error message repeats.
	maxQuoted = 40
)

// quote quotes user input for an error message, at most maxQuoted
// characters of it: messages must not echo whatever a client sent.
func quote(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

// searchWords checks the words of a search.
func searchWords(q string) error {
	words := strings.Fields(q)
	if len(words) > maxSearchWords {
		return model.Errorf(model.EINVALID, "query: at most %d words, got %d", maxSearchWords, len(words))
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n > maxSearchWord {
			return model.Errorf(model.EINVALID, "query: a word has at most %d characters, %s has %d", maxSearchWord, quote(w), n)
		}
	}
	return nil
}

// window checks a page size and decodes the cursor a page starts after.
func window(first *int, after *string) (model.Window, error) {
	n, err := bounded("first", first, defaultPage, maxPage)
	if err != nil {
		return model.Window{}, err
	}
	w := model.Window{First: n}
	if after != nil && *after != "" {
		off, err := decodeCursor(*after)
		if err != nil {
			return w, err
		}
		w.Offset = off + 1
	}
	return w, nil
}

// bounded returns an integer argument (def when omitted) if it is in [1, max].
func bounded(name string, v *int, def, max int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < 1 || *v > max {
		return 0, model.Errorf(model.EINVALID, "%s must be between 1 and %d, got %d", name, max, *v)
	}
	return *v, nil
}

// isEntityID tells a global entity id from a name.
func isEntityID(ref string) bool {
	kind, key, ok := strings.Cut(ref, ":")
	return ok && key != "" && (kind == "person" || kind == "country" || kind == "org" || kind == "place")
}

// entityID resolves an argument that names an entity (a global id, an ISO
// code, a name or an alias) to its id. An id is taken as given; a name
// costs one query, and no match is NOT_FOUND.
func (r *Resolver) entityID(ctx context.Context, ref string) (string, error) {
	if isEntityID(ref) {
		return ref, nil
	}
	e, err := r.Store.FindEntity(ctx, ref)
	if err != nil {
		return "", err
	}
	return e.ID, nil
}

// ref is an optional entity argument and where its id goes.
type ref struct{ in, out *string }

// entityIDs resolves optional entity arguments.
func (r *Resolver) entityIDs(ctx context.Context, refs ...ref) error {
	for _, x := range refs {
		if x.in == nil {
			continue
		}
		id, err := r.entityID(ctx, *x.in)
		if err != nil {
			return err
		}
		*x.out = id
	}
	return nil
}

// day checks a YYYY-MM-DD argument.
func day(name, v string) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return model.Errorf(model.EINVALID, "%s must be a date YYYY-MM-DD, got %s", name, quote(v))
	}
	return nil
}

// days checks a range of days.
func days(name string, in *DateRange) (model.DateRange, error) {
	return dateRange(name, in, func(n, v string) error { return day(n, v) })
}

// instants checks an ingest range: days or RFC 3339 times.
func instants(name string, in *DateRange) (model.DateRange, error) {
	return dateRange(name, in, func(n, v string) error {
		if _, err := time.Parse(time.RFC3339, v); err == nil {
			return nil
		}
		if day(n, v) != nil {
			return model.Errorf(model.EINVALID, "%s must be a date YYYY-MM-DD or an RFC 3339 time, got %s", n, quote(v))
		}
		return nil
	})
}

func dateRange(name string, in *DateRange, check func(name, v string) error) (model.DateRange, error) {
	var r model.DateRange
	if in == nil {
		return r, nil
	}
	for _, end := range []struct {
		v    *string
		dst  *string
		name string
	}{{in.From, &r.From, name + ".from"}, {in.To, &r.To, name + ".to"}} {
		if end.v == nil || *end.v == "" {
			continue
		}
		if err := check(end.name, *end.v); err != nil {
			return r, err
		}
		*end.dst = *end.v
	}
	return r, nil
}

// atLeast returns an optional minimum count, which must not be negative.
func atLeast(name string, v *int) (int, error) {
	if v == nil {
		return 0, nil
	}
	if *v < 0 {
		return 0, model.Errorf(model.EINVALID, "%s must not be negative", name)
	}
	return *v, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (r *Resolver) eventFilter(ctx context.Context, in *EventFilter) (model.EventFilter, error) {
	var f model.EventFilter
	if in == nil {
		return f, nil
	}
	f.Types = in.Types
	f.Statuses = in.Statuses
	f.Article = deref(in.Article)
	err := r.entityIDs(ctx, ref{in.Participant, &f.Participant}, ref{in.Country, &f.Country},
		ref{in.Supplier, &f.Supplier}, ref{in.Recipient, &f.Recipient}, ref{in.Place, &f.Place},
		ref{in.Asserter, &f.Asserter})
	if err != nil {
		return f, err
	}
	if f.Date, err = days("date", in.Date); err != nil {
		return f, err
	}
	if f.Published, err = days("published", in.Published); err != nil {
		return f, err
	}
	if f.Ingested, err = instants("ingested", in.Ingested); err != nil {
		return f, err
	}
	if f.MinArticles, err = atLeast("minArticles", in.MinArticles); err != nil {
		return f, err
	}
	f.MinSources, err = atLeast("minSources", in.MinSources)
	return f, err
}

func (r *Resolver) statementFilter(ctx context.Context, in *StatementFilter) (model.StatementFilter, error) {
	var f model.StatementFilter
	if in == nil {
		return f, nil
	}
	f.Direct, f.Text, f.Article = in.Direct, deref(in.Text), deref(in.Article)
	err := r.entityIDs(ctx, ref{in.Speaker, &f.Speaker}, ref{in.About, &f.About})
	if err != nil {
		return f, err
	}
	if f.Published, err = days("published", in.Published); err != nil {
		return f, err
	}
	f.Ingested, err = instants("ingested", in.Ingested)
	return f, err
}

func (r *Resolver) entityFilter(ctx context.Context, in *EntityFilter) (model.EntityFilter, error) {
	var f model.EntityFilter
	if in == nil {
		return f, nil
	}
	f.Types = in.Types
	f.Name, f.Article = deref(in.Name), deref(in.Article)
	err := r.entityIDs(ctx, ref{in.Country, &f.Country})
	if err != nil {
		return f, err
	}
	f.MinEvents, err = atLeast("minEvents", in.MinEvents)
	return f, err
}

func articleFilter(in *ArticleFilter) (model.ArticleFilter, error) {
	var f model.ArticleFilter
	if in == nil {
		return f, nil
	}
	f.Source = deref(in.Source)
	var err error
	if f.Published, err = days("published", in.Published); err != nil {
		return f, err
	}
	f.Ingested, err = instants("ingested", in.Ingested)
	return f, err
}

// The orders: enum values to the model's sort keys.
var (
	eventOrderKeys = map[EventOrderField]string{
		EventOrderFieldDate: model.OrderDate, EventOrderFieldPublished: model.OrderPublished,
		EventOrderFieldFirstSeen: model.OrderFirstSeen, EventOrderFieldArticles: model.OrderArticles,
		EventOrderFieldSources: model.OrderSources,
	}
	entityOrderKeys = map[EntityOrderField]string{
		EntityOrderFieldName: model.OrderName, EntityOrderFieldEvents: model.OrderEvents,
		EntityOrderFieldStatements: model.OrderStatements, EntityOrderFieldArticles: model.OrderArticles,
		EntityOrderFieldSources: model.OrderSources, EntityOrderFieldFirstSeen: model.OrderFirstSeen,
	}
	statementOrderKeys = map[StatementOrderField]string{
		StatementOrderFieldPublished: model.OrderPublished, StatementOrderFieldIngested: model.OrderIngested,
	}
)

// order returns the model order of an order input.
func order[F comparable](by F, dir Direction, keys map[F]string) model.Order {
	return model.Order{By: keys[by], Desc: dir == DirectionDesc}
}
