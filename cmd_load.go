package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/geokg/geokg/corpus"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
)

const loadSynopsis = `load [flags] PATH...

Loads articles into Neo4j. A PATH is an article file (.txt, .md, .html),
a directory (its article and JSON Lines files, recursively), a JSON Lines
file (.jsonl: one {"text", "title", "url", "source", "published"} object
a line), or - for standard input (JSON Lines, or one article). Articles
are extracted on all cores and written in batches; each article is stored
whole or not at all. A bad item is reported with its file and line and the
rest loads; the exit status is 1 if any failed. Rerunning a load skips
what is already stored, so an interrupted load continues where it stopped.`

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("load", loadSynopsis, stderr)
	meta := metaFlags(fs)
	opt := loader.Options{}
	fs.IntVar(&opt.Workers, "j", runtime.GOMAXPROCS(0), "extraction workers")
	fs.IntVar(&opt.BatchSize, "batch", loader.DefaultBatchSize, "articles per write transaction")
	fs.DurationVar(&opt.BatchWait, "batch-wait", loader.DefaultBatchWait, "longest a partial batch waits before it is written")
	progress := fs.String("progress", "auto", "progress display: auto (a bar on a terminal, else a line every few seconds), bar, lines, none")
	verbose := fs.Bool("v", false, "print a line per article")
	every := fs.Int("stats-every", 0, "print cumulative figures every `N` articles (for benchmarks: scripts/bench-load)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *meta != (loader.Meta{}) && fs.NArg() > 1 {
		fmt.Fprintln(stderr, "geokg: note: --title/--url/--source/--published apply to every article that does not give its own")
	}
	src := corpus.Source{Args: fs.Args(), Stdin: os.Stdin, Meta: *meta}
	x, err := loader.Default()
	if err != nil {
		return err
	}
	// The store opens (connects, creates the schema) while the first
	// articles are extracted.
	var store *neo4j.Store
	var openErr error
	start := time.Now()
	opt.Open = func(ctx context.Context) (model.Writer, error) {
		store, openErr = openStore(ctx)
		slog.Debug("load: store open", "took", time.Since(start), "err", openErr)
		if openErr != nil {
			return nil, openErr
		}
		return store, nil
	}
	defer func() {
		if store != nil { // LoadAll returns once Open has
			store.Close(context.WithoutCancel(ctx))
		}
	}()
	total, known := src.Count()
	if !known {
		total = -1
	}
	p := newProgress(*progress, total, stderr)
	sum := summary{start: start}
	st, err := (&loader.Loader{X: x}).LoadAll(ctx, src.Items(), opt, func(o loader.Outcome) {
		sum.add(o)
		switch {
		case o.Err != nil:
			p.message(stderr, fmt.Sprintf("geokg: %s: %s", o.Origin, describe(o.Err)))
		case *verbose:
			p.message(stdout, articleLine(o))
		}
		if *every > 0 && sum.n%*every == 0 {
			p.message(stdout, sum.statsLine())
		}
		p.step(sum.n)
	})
	p.done()
	if openErr != nil && ctx.Err() == nil {
		return openErr
	}
	sum.stats = st
	sum.print(stdout)
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("interrupted after %d articles; run the same command again to load the rest", sum.n)
	case err != nil:
		return fmt.Errorf("load stopped after %d articles: %s; run the same command again to load the rest", sum.n, describe(err))
	case sum.failed > 0:
		return fmt.Errorf("%d of %d articles failed", sum.failed, sum.n)
	}
	return nil
}

// summary tallies the outcomes of a load.
type summary struct {
	start                                 time.Time
	n, loaded, updated, unchanged, failed int
	entities, events, statements          int
	nodes, rels                           int
	fromMeta, fromText, fromURL, undated  int
	stats                                 loader.Stats
}

func (s *summary) add(o loader.Outcome) {
	s.n++
	if o.Err != nil {
		s.failed++
		return
	}
	switch {
	case o.Result.Unchanged:
		s.unchanged++
	case o.Result.Updated:
		s.updated++
	default:
		s.loaded++
	}
	s.entities += o.Result.Entities
	s.events += o.Result.Events
	s.statements += o.Result.Statements
	s.nodes += o.Result.NodesCreated
	s.rels += o.Result.RelationshipsCreated
	switch o.PublishedFrom {
	case loader.FromMeta:
		s.fromMeta++
	case loader.FromText:
		s.fromText++
	case loader.FromURL:
		s.fromURL++
	default:
		s.undated++
	}
}

// articleLine says what became of one stored article.
func articleLine(o loader.Outcome) string {
	state := "loaded"
	switch {
	case o.Result.Unchanged:
		state = "unchanged"
	case o.Result.Updated:
		state = "updated"
	}
	return fmt.Sprintf("%s %s: %s, %d entities, %d events, %d statements (%d nodes, %d relationships created)",
		state, o.Origin, o.Result.ArticleID, o.Result.Entities, o.Result.Events, o.Result.Statements,
		o.Result.NodesCreated, o.Result.RelationshipsCreated)
}

// statsLine is the machine-readable line of --stats-every: articles,
// seconds since the start, nodes and relationships created so far, and the
// Unix time (to align with other measurements, such as Neo4j's CPU time).
func (s *summary) statsLine() string {
	now := time.Now()
	return fmt.Sprintf("stats\tarticles=%d\tseconds=%.3f\tnodes=%d\trelationships=%d\tunix=%.3f",
		s.n, now.Sub(s.start).Seconds(), s.nodes, s.rels, float64(now.UnixNano())/1e9)
}

func (s *summary) print(w io.Writer) {
	took := time.Since(s.start)
	rate := float64(s.n) / took.Seconds()
	fmt.Fprintf(w, "%d articles in %s (%.1f articles/s): %d loaded, %d updated, %d unchanged, %d failed\n",
		s.n, took.Round(10*time.Millisecond), rate, s.loaded, s.updated, s.unchanged, s.failed)
	fmt.Fprintf(w, "extracted: %d entities, %d events, %d statements; created %d nodes, %d relationships\n",
		s.entities, s.events, s.statements, s.nodes, s.rels)
	fmt.Fprintf(w, "published date: %d from metadata, %d from the text, %d from the URL, %d missing\n",
		s.fromMeta, s.fromText, s.fromURL, s.undated)
	st := s.stats
	fmt.Fprintf(w, "time: extraction %.2fs over %d workers, writing %.1fs in %d batches (%d articles retried alone), writer waited %.1fs for extraction\n",
		st.Extract.Seconds(), st.Workers, st.Write.Seconds(), st.Batches, st.Retried, st.Wait.Seconds())
}

// progress shows how a load advances: a bar on a terminal, else a plain
// line every few seconds.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	total int // -1 when unknown
	start time.Time
	n     atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex // one writer at a time: the line printer and the messages
}

// lineEvery is how often the plain progress line is printed.
const lineEvery = 5 * time.Second

func newProgress(mode string, total int, w io.Writer) *progress {
	p := &progress{w: w, total: total, start: time.Now(), stop: make(chan struct{})}
	if mode == "auto" {
		mode = "lines"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("loading"),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth(),
			progressbar.OptionSetRenderBlankState(true), // shown, and its clock started, before the first batch is written
		)
	case "lines":
		p.wg.Add(1)
		go p.lines()
	}
	return p
}

// lines prints the plain progress line until done.
func (p *progress) lines() {
	defer p.wg.Done()
	t := time.NewTicker(lineEvery)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
		}
		n := int(p.n.Load())
		rate := float64(n) / time.Since(p.start).Seconds()
		p.mu.Lock()
		switch {
		case p.total > 0 && n > 0:
			eta := time.Duration(float64(p.total-n) / rate * float64(time.Second))
			fmt.Fprintf(p.w, "loading: %d/%d articles (%.0f%%), %.1f articles/s, %s left\n",
				n, p.total, 100*float64(n)/float64(p.total), rate, eta.Round(time.Second))
		case p.total > 0:
			fmt.Fprintf(p.w, "loading: 0/%d articles\n", p.total)
		default:
			fmt.Fprintf(p.w, "loading: %d articles, %.1f articles/s\n", n, rate)
		}
		p.mu.Unlock()
	}
}

func (p *progress) step(n int) {
	p.n.Store(int64(n))
	if p.bar != nil {
		_ = p.bar.Set(n)
	}
}

// message prints a line to w without breaking the bar.
func (p *progress) message(w io.Writer, s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(w, s)
}

func (p *progress) done() {
	close(p.stop)
	p.wg.Wait()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// openStore connects to Neo4j as the environment says (neo4jSettings).
func openStore(ctx context.Context) (*neo4j.Store, error) {
	return openNeo4j(ctx, neo4jSettings(&settings{}))
}

// loadFiles loads the articles that paths name (as load does, without
// progress) and prints a line per article; serve --load uses it.
func loadFiles(ctx context.Context, l *loader.Loader, paths []string, meta loader.Meta, stdout, stderr io.Writer) (n, failed int) {
	src := corpus.Source{Args: paths, Stdin: os.Stdin, Meta: meta}
	var sum summary
	_, err := l.LoadAll(ctx, src.Items(), loader.Options{}, func(o loader.Outcome) {
		sum.add(o)
		if o.Err != nil {
			fmt.Fprintf(stderr, "geokg: %s: %s\n", o.Origin, describe(o.Err))
			return
		}
		fmt.Fprintln(stdout, articleLine(o))
	})
	if err != nil {
		fmt.Fprintf(stderr, "geokg: load: %s\n", describe(err))
	}
	return sum.n, sum.failed
}
