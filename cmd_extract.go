package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "extract [flags] FILE...  (- reads standard input)", stderr)
	meta := metaFlags(fs)
	compact := fs.Bool("compact", false, "print JSON on one line")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	x, err := loader.Default()
	if err != nil {
		return err
	}
	var docs []*model.Document
	failed := 0
	for _, path := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, err := readInput(path)
		if err == nil {
			var doc *model.Document
			m := *meta
			m.File = filepath.Base(path)
			m, _ = m.WithPublished(raw) // as load dates it
			if doc, err = x.Extract(raw, m); err == nil {
				docs = append(docs, doc)
				continue
			}
		}
		failed++
		fmt.Fprintf(stderr, "geokg: extract %s: %s\n", path, describe(err))
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if !*compact {
		enc.SetIndent("", "  ")
	}
	var out any = docs
	if fs.NArg() == 1 && len(docs) == 1 {
		out = docs[0]
	}
	if len(docs) > 0 {
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, fs.NArg())
	}
	return nil
}

// metaFlags declares the flags that describe an article.
func metaFlags(fs interface {
	StringVar(*string, string, string, string)
}) *loader.Meta {
	m := &loader.Meta{}
	fs.StringVar(&m.Published, "published", "", "publication date `YYYY-MM-DD`; anchors relative dates (default: the dateline's)")
	fs.StringVar(&m.Title, "title", "", "article title (default: its headline or first sentence)")
	fs.StringVar(&m.URL, "url", "", "article URL")
	fs.StringVar(&m.Source, "source", "", "outlet name (default: the URL's host)")
	return m
}

func readInput(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(os.Stdin, loader.MaxArticleBytes+1))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, loader.MaxArticleBytes+1))
}

// describe is the CLI's translation of errors: the message of an
// application error, or the error itself.
func describe(err error) string {
	if model.ErrorCode(err) == model.EINTERNAL {
		return err.Error()
	}
	return model.ErrorMessage(err)
}
