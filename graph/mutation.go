package graph

import (
	"context"
	"crypto/subtle"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
)

// maxArticle is the largest article text ingestArticle accepts.
const maxArticle = 1 << 20

// authorize allows a mutation only with the server's bearer token.
func (r *Resolver) authorize(ctx context.Context) error {
	if r.Token == "" || r.Ingester == nil {
		return model.Errorf(model.EUNAUTHORIZED, "mutations are disabled: the server was started without GEOKG_TOKEN")
	}
	scheme, token, _ := strings.Cut(graphql.GetOperationContext(ctx).Headers.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return model.Errorf(model.EUNAUTHORIZED, "ingestArticle needs the header Authorization: Bearer <token>")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(r.Token)) != 1 {
		return model.Errorf(model.EUNAUTHORIZED, "the bearer token is not valid")
	}
	return nil
}

func (r *Resolver) ingestArticle(ctx context.Context, text string, title, url, published, source *string) (*IngestResult, error) {
	if err := r.authorize(ctx); err != nil {
		return nil, err
	}
	switch {
	case strings.TrimSpace(text) == "":
		return nil, model.Errorf(model.EINVALID, "text must not be empty")
	case len(text) > maxArticle:
		return nil, model.Errorf(model.EINVALID, "text is %d bytes; at most %d are accepted", len(text), maxArticle)
	}
	if published != nil && *published != "" {
		if err := day("published", *published); err != nil {
			return nil, err
		}
	}
	_, res, err := r.Ingester.Ingest(ctx, model.ArticleInput{
		Text: text, Title: deref(title), URL: deref(url), Published: deref(published), Source: deref(source),
	})
	if err != nil {
		return nil, err
	}
	return ingested(ctx, res)
}

// ingested reads back what the article holds as stored: the nodes it
// mentions, reports and quotes, one query per kind, all at once.
func ingested(ctx context.Context, res model.SaveResult) (*IngestResult, error) {
	l := loaders(ctx)
	out := &IngestResult{Unchanged: res.Unchanged, NodesCreated: res.NodesCreated, RelationshipsCreated: res.RelationshipsCreated}
	article := thunk(ctx, l.Article, res.ArticleID)
	ents := l.Entities.LoadThunk(ctx, linkKey{model.LinkArticleEntities, res.ArticleID})
	events := l.Events.LoadThunk(ctx, linkKey{model.LinkArticleEvents, res.ArticleID})
	statements := l.Statements.LoadThunk(ctx, linkKey{model.LinkArticleStatements, res.ArticleID})
	var err error
	if out.Article, err = article(); err != nil {
		return nil, err
	}
	if out.Article == nil {
		return nil, model.Errorf(model.ENOTFOUND, "article %s was not stored", res.ArticleID)
	}
	if out.Entities, err = entities(orEmpty(ents())); err != nil {
		return nil, err
	}
	if out.Events, err = orEmpty(events()); err != nil {
		return nil, err
	}
	out.Statements, err = orEmpty(statements())
	return out, err
}
