package loader

import (
	"context"
	"fmt"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/geokg/geokg/model"
)

// Loader extracts articles and stores them. Ingest and LoadFile store one
// article in its own transaction; LoadAll loads a corpus.
type Loader struct {
	X     *Extractor
	Store model.Writer
}

var _ model.Ingester = (*Loader)(nil)

// Ingest extracts one article and saves the result. Without a published
// date in the input, the text's or the URL's is used (Meta.WithPublished).
func (l *Loader) Ingest(ctx context.Context, in model.ArticleInput) (*model.Document, model.SaveResult, error) {
	doc, _, err := l.extract(in)
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

// extract turns an input into a document and says where its published
// date came from.
func (l *Loader) extract(in model.ArticleInput) (*model.Document, string, error) {
	raw := []byte(in.Text)
	meta, from := Meta{Title: in.Title, URL: in.URL, Published: in.Published, Source: in.Source, File: in.File}.WithPublished(raw)
	doc, err := l.X.Extract(raw, meta)
	if err != nil {
		return nil, "", err
	}
	if doc.Article.Published == "" {
		from = ""
	} else if from == "" {
		from = FromText // the extractor read it from the dateline
	}
	return doc, from, nil
}

// Item is one article of a corpus.
type Item struct {
	In model.ArticleInput
	// Origin says where the item came from, for messages: a path, or a
	// path and line ("corpus.jsonl:12", "-:3" for standard input).
	Origin string
	// Err is why the item could not be read; it is reported as failed.
	Err error
}

// Outcome is what became of one item.
type Outcome struct {
	Origin string
	Result model.SaveResult
	// Published is the article's published date and PublishedFrom where it
	// came from (FromMeta, FromText, FromURL), both "" when unknown.
	Published, PublishedFrom string
	Err                      error // the item failed: it is not in the graph
}

// Options tune LoadAll. Zero values take the defaults.
type Options struct {
	// Workers extract concurrently; extraction is CPU-bound, so the
	// default is one per core.
	Workers int
	// BatchSize articles are written in one transaction (default 50), or
	// fewer when BatchWait passes first (default 1s), so a slow source
	// still shows progress.
	BatchSize int
	BatchWait time.Duration
	// Open, when set, opens the store that LoadAll writes to, in place of
	// Loader.Store, while the first articles are extracted: on a fresh
	// server, connecting and creating the schema take a second or more.
	// Its error ends the load before anything is written.
	Open func(context.Context) (model.Writer, error)
}

// Defaults measured with scripts/bench-load: larger batches gain little
// (the transaction's round trips are already amortized) and hold more
// memory in Neo4j; see the README.
const (
	DefaultBatchSize = 50
	DefaultBatchWait = time.Second
)

// Stats says where a load spent its time.
type Stats struct {
	Workers int
	// Extract is the extraction time summed over workers; Write is the
	// time the writer spent in write transactions, Wait the time it
	// waited for extraction. Write near the wall time means Neo4j bounds
	// the load; Wait near it means extraction does.
	Extract, Write, Wait time.Duration
	Batches              int // write transactions of whole batches
	Retried              int // articles written one by one after their batch failed
}

// extracted is an item after extraction, waiting for its write.
type extracted struct {
	doc  *model.Document
	out  Outcome
	took time.Duration
}

// LoadAll extracts the items concurrently and writes them in batches
// through Store.SaveDocuments, in the order of items, so that the graph
// does not depend on the number of workers and a rerun after an
// interruption continues the same sequence of writes. Each article is
// stored whole or not at all: when a batch fails, its articles are
// written one by one, and only the bad ones fail. report is called once
// per item, in order, from one goroutine, after the item's write has
// committed or failed. When ctx is cancelled LoadAll stops and returns
// ctx's error; the items it has not reported were not written.
func (l *Loader) LoadAll(ctx context.Context, items iter.Seq[Item], opt Options, report func(Outcome)) (Stats, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.BatchWait <= 0 {
		opt.BatchWait = DefaultBatchWait
	}
	st := Stats{Workers: opt.Workers}
	// stop ends the feeder and the workers, when ctx ends or LoadAll returns.
	stopCtx, stop := context.WithCancel(ctx)
	defer stop()
	// The store opens while the first articles are extracted; the first
	// write waits for it (ready), and LoadAll does not return before it is
	// open or has failed, so the caller can close what opened.
	w, ready := l.Store, func() error { return nil }
	if opt.Open != nil {
		opened := make(chan struct{})
		var openErr error
		go func() {
			defer close(opened)
			w, openErr = opt.Open(stopCtx)
		}()
		defer func() {
			stop()
			<-opened
		}()
		ready = func() error {
			select {
			case <-opened:
				return openErr
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}

	// Each item gets a slot that a worker fills; the writer reads the slots
	// in item order. The slots channel bounds how far extraction runs ahead
	// of writing, and so the memory a load holds.
	type job struct {
		item Item
		slot chan extracted
	}
	jobs := make(chan job)
	slots := make(chan chan extracted, 2*opt.BatchSize+4*opt.Workers)
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					j.slot <- l.extractItem(j.item) // never blocks: the slot holds one
				case <-stopCtx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(slots)
		defer close(jobs)
		for it := range items {
			slot := make(chan extracted, 1)
			select {
			case slots <- slot:
			case <-stopCtx.Done():
				return
			}
			select {
			case jobs <- job{it, slot}:
			case <-stopCtx.Done():
				return
			}
		}
	}()
	// On return the workers stop after their current article. The feeder
	// stops at its next item; one blocked reading its source (standard
	// input that sends nothing) stays so until the source gives something.
	defer func() {
		stop()
		wg.Wait()
	}()

	var batch []extracted
	timer := time.NewTimer(opt.BatchWait)
	defer timer.Stop()
	var fatal error // the database is gone: stop rather than fail every article
	flush := func() {
		defer timer.Reset(opt.BatchWait)
		if len(batch) == 0 {
			return
		}
		start := time.Now()
		if fatal = ready(); fatal != nil {
			return
		}
		fatal = writeBatch(ctx, w, batch, &st)
		st.Write += time.Since(start)
		slog.Debug("load: batch written", "articles", len(batch), "took", time.Since(start))
		if ctx.Err() == nil && fatal == nil {
			for _, e := range batch {
				report(e.out)
			}
		}
		batch = batch[:0]
	}
	stopped := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fatal
	}
	// next waits for the next item's extraction, in item order; when the
	// batch timer fires meanwhile (a slow source or slow extraction) it
	// writes what is ready, so progress shows. ok is false after the last.
	next := func() (e extracted, ok bool, err error) {
		var slot chan extracted // nil until the next slot is known
		for {
			waitStart := time.Now()
			waitSlots := slots
			if slot != nil {
				waitSlots = nil
			}
			select {
			case sl, more := <-waitSlots:
				st.Wait += time.Since(waitStart)
				if !more {
					return e, false, nil
				}
				slot = sl
			case e = <-slot:
				st.Wait += time.Since(waitStart)
				return e, true, nil
			case <-timer.C:
				st.Wait += time.Since(waitStart)
				flush()
				if err := stopped(); err != nil {
					return e, false, err
				}
			case <-ctx.Done():
				return e, false, ctx.Err()
			}
		}
	}
	for {
		e, ok, err := next()
		if err != nil {
			return st, err
		}
		if !ok {
			break
		}
		st.Extract += e.took
		if e.out.Err != nil {
			flush() // reports stay in item order
			if err := stopped(); err != nil {
				return st, err
			}
			report(e.out)
			continue
		}
		batch = append(batch, e)
		if len(batch) >= opt.BatchSize {
			flush()
		}
		if err := stopped(); err != nil {
			return st, err
		}
	}
	flush()
	if err := stopped(); err != nil {
		return st, err
	}
	return st, ready() // a load of nothing still says whether the store opened
}

// extractItem extracts one item and times it.
func (l *Loader) extractItem(it Item) extracted {
	start := time.Now()
	e := extracted{out: Outcome{Origin: it.Origin, Err: it.Err}}
	if e.out.Err == nil {
		e.doc, e.out.PublishedFrom, e.out.Err = l.extract(it.In)
		if e.doc != nil {
			e.out.Published = string(e.doc.Article.Published)
		}
	}
	e.took = time.Since(start)
	return e
}

// writeBatch writes the documents of a batch in one transaction. When that
// fails it writes them one by one, each in its own transaction, so that
// one bad article fails alone and the others are stored. It returns an
// error only when the database cannot be reached, which ends the load.
func writeBatch(ctx context.Context, w model.Writer, batch []extracted, st *Stats) error {
	docs := make([]*model.Document, len(batch))
	for i, e := range batch {
		docs[i] = e.doc
	}
	res, err := w.SaveDocuments(ctx, docs)
	if err == nil && len(res) == len(batch) {
		st.Batches++
		for i := range batch {
			batch[i].out.Result = res[i]
		}
		return nil
	}
	if err == nil {
		err = fmt.Errorf("save %d articles: %d results", len(batch), len(res))
	}
	if model.ErrorCode(err) == model.EUNAVAILABLE {
		return err
	}
	for i := range batch {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if len(batch) > 1 {
			st.Retried++
			res, err := w.SaveDocument(ctx, batch[i].doc)
			batch[i].out.Result, batch[i].out.Err = res, err
		} else {
			batch[i].out.Err = err
		}
		if model.ErrorCode(batch[i].out.Err) == model.EUNAVAILABLE {
			return batch[i].out.Err
		}
	}
	return nil
}
