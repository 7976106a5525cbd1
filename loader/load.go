package loader

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/model"
)

// Loader extracts articles and stores them: each article in its own
// transaction, so a broken article fails alone.
type Loader struct {
	X     *Extractor
	Store model.Writer
}

var _ model.Ingester = (*Loader)(nil)

// Ingest extracts one article and saves the result.
func (l *Loader) Ingest(ctx context.Context, in model.ArticleInput) (*model.Document, model.SaveResult, error) {
	doc, err := l.X.Extract([]byte(in.Text), Meta{Title: in.Title, URL: in.URL, Published: in.Published, Source: in.Source, File: in.File})
	if err != nil {
		return nil, model.SaveResult{}, err
	}
	res, err := l.Store.SaveDocument(ctx, doc)
	if err != nil {
		return doc, res, err
	}
	return doc, res, nil
}

// LoadFile reads, extracts and saves one article file.
func (l *Loader) LoadFile(ctx context.Context, path string, meta Meta) (model.SaveResult, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return model.SaveResult{}, fmt.Errorf("load %s: %w", path, err)
	}
	if meta.File == "" {
		meta.File = filepath.Base(path)
	}
	_, res, err := l.Ingest(ctx, model.ArticleInput{Text: string(raw), Title: meta.Title, URL: meta.URL,
		Published: meta.Published, Source: meta.Source, File: meta.File})
	if err != nil {
		return res, fmt.Errorf("load %s: %w", path, err)
	}
	return res, nil
}
