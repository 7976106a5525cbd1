package loader

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/model"
)

// recorder is a model.Writer that records the order of writes and fails
// any transaction holding an article whose text contains "POISON". It tests
// the pipeline's order, batching and retries; storage itself is tested
// against the real Neo4j (package neo4j and the root package's load tests).
type recorder struct {
	mu      sync.Mutex
	batches [][]string // titles per successful transaction
	failed  int        // failed transactions
	unavail bool       // every write fails as if Neo4j were down
}

func (r *recorder) SaveDocument(ctx context.Context, doc *model.Document) (model.SaveResult, error) {
	res, err := r.SaveDocuments(ctx, []*model.Document{doc})
	if err != nil {
		return model.SaveResult{}, err
	}
	return res[0], nil
}

func (r *recorder) SaveDocuments(_ context.Context, docs []*model.Document) ([]model.SaveResult, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.unavail {
		return nil, model.Errorf(model.EUNAVAILABLE, "the graph database is unavailable")
	}
	var titles []string
	var out []model.SaveResult
	for _, d := range docs {
		if strings.Contains(d.Article.Text, "POISON") {
			r.failed++
			return nil, fmt.Errorf("save %s: constraint violated", d.Article.ID)
		}
		titles = append(titles, string(d.Article.Title))
		out = append(out, model.SaveResult{ArticleID: d.Article.ID, Entities: len(d.Entities)})
	}
	r.batches = append(r.batches, titles)
	return out, nil
}

func items(texts ...string) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for i, t := range texts {
			it := Item{Origin: fmt.Sprintf("in:%d", i+1), In: model.ArticleInput{Text: t, Title: fmt.Sprintf("t%d", i+1)}}
			if t == "UNREADABLE" {
				it.Err = errors.New("cannot read")
			}
			if !yield(it) {
				return
			}
		}
	}
}

func TestLoadAllOrderBatchesAndRetries(t *testing.T) {
	x := extractor(t)
	texts := []string{
		"Putin met Xi in Moscow on Monday.",
		"UNREADABLE",
		"North Korea fired a missile on Sunday.",
		"", // empty: fails extraction
		"Japan and the Philippines signed a defense pact. POISON",
		"The EU imposed sanctions on Iran.",
		"Biden visited Kyiv on Monday.",
		"Published: 11 September 2023\nKim met Putin.",
	}
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			rec := &recorder{}
			l := &Loader{X: x, Store: rec}
			var origins, failed []string
			st, err := l.LoadAll(context.Background(), items(texts...), Options{Workers: workers, BatchSize: 2, BatchWait: time.Minute}, func(o Outcome) {
				origins = append(origins, o.Origin)
				if o.Err != nil {
					failed = append(failed, o.Origin)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"in:1", "in:2", "in:3", "in:4", "in:5", "in:6", "in:7", "in:8"}; !slices.Equal(origins, want) {
				t.Errorf("reported %v, want every item in order %v", origins, want)
			}
			if want := []string{"in:2", "in:4", "in:5"}; !slices.Equal(failed, want) {
				t.Errorf("failed %v, want %v", failed, want)
			}
			// Failures end a batch so that reports keep their order; the
			// poisoned batch is retried one by one and its good article
			// stored alone.
			want := [][]string{{"t1"}, {"t3"}, {"t6"}, {"t7", "t8"}}
			if fmt.Sprint(rec.batches) != fmt.Sprint(want) {
				t.Errorf("transactions %v, want %v", rec.batches, want)
			}
			if st.Retried != 2 || st.Workers != workers {
				t.Errorf("stats %+v, want 2 retried", st)
			}
		})
	}
}

func TestLoadAllPublishedFrom(t *testing.T) {
	l := &Loader{X: extractor(t), Store: &recorder{}}
	in := func(yield func(Item) bool) {
		for _, it := range []Item{
			{Origin: "meta", In: model.ArticleInput{Text: "Putin met Xi.", Published: "2024-05-16"}},
			{Origin: "text", In: model.ArticleInput{Text: "MOSCOW, May 16, 2024 (Reuters) - Putin met Xi."}},
			{Origin: "url", In: model.ArticleInput{Text: "Putin met Xi.", URL: "https://example.org/2024/05/16/putin-xi"}},
			{Origin: "none", In: model.ArticleInput{Text: "Putin met Xi."}},
		} {
			if !yield(it) {
				return
			}
		}
	}
	var got []string
	if _, err := l.LoadAll(context.Background(), in, Options{}, func(o Outcome) {
		got = append(got, o.Origin+"="+o.Published+"/"+o.PublishedFrom)
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"meta=2024-05-16/metadata", "text=2024-05-16/text", "url=2024-05-16/url", "none=/"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestLoadAllStopsWhenTheDatabaseIsGone(t *testing.T) {
	l := &Loader{X: extractor(t), Store: &recorder{unavail: true}}
	n := 0
	_, err := l.LoadAll(context.Background(), items("Putin met Xi.", "Kim met Putin.", "Biden met Xi."), Options{BatchSize: 1}, func(Outcome) { n++ })
	if model.ErrorCode(err) != model.EUNAVAILABLE || n != 0 {
		t.Errorf("err %v after %d reports, want UNAVAILABLE and no reports", err, n)
	}
}

// TestLoadAllOpensWhileExtracting: with Options.Open, articles are
// extracted while the store opens and written once it is open; a store
// that fails to open ends the load with its error and nothing reported,
// also when there is nothing to write.
func TestLoadAllOpensWhileExtracting(t *testing.T) {
	rec := &recorder{}
	gate := make(chan struct{})
	l := &Loader{X: extractor(t)}
	n := 0
	open := func(context.Context) (model.Writer, error) { <-gate; return rec, nil }
	go func() { time.Sleep(50 * time.Millisecond); close(gate) }()
	if _, err := l.LoadAll(context.Background(), items("Putin met Xi.", "Kim met Putin.", "Biden met Xi."),
		Options{BatchSize: 2, Open: open}, func(Outcome) { n++ }); err != nil || n != 3 {
		t.Fatalf("err %v after %d reports, want 3", err, n)
	}
	if want := [][]string{{"t1", "t2"}, {"t3"}}; !slices.EqualFunc(rec.batches, want, slices.Equal) {
		t.Errorf("batches %v, want %v", rec.batches, want)
	}
	broken := errors.New("connect: refused")
	fail := func(context.Context) (model.Writer, error) { return nil, broken }
	for _, in := range [][]string{{"Putin met Xi.", "Kim met Putin."}, nil} {
		n = 0
		if _, err := l.LoadAll(context.Background(), items(in...), Options{Open: fail}, func(Outcome) { n++ }); !errors.Is(err, broken) || n != 0 {
			t.Errorf("%d items: err %v after %d reports, want %v and none", len(in), err, n, broken)
		}
	}
}

func TestLoadAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &Loader{X: extractor(t), Store: &recorder{}}
	endless := func(yield func(Item) bool) {
		for i := 0; ; i++ {
			if !yield(Item{Origin: fmt.Sprint(i), In: model.ArticleInput{Text: fmt.Sprintf("Putin met Xi %d times.", i)}}) {
				return
			}
		}
	}
	n := 0
	_, err := l.LoadAll(ctx, endless, Options{BatchSize: 10}, func(Outcome) {
		if n++; n == 25 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestLoadAllCancelledWhileTheSourceBlocks: a source that stops sending
// (standard input left open) does not keep a cancelled load from returning.
func TestLoadAllCancelledWhileTheSourceBlocks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &Loader{X: extractor(t), Store: &recorder{}}
	block := make(chan struct{})
	defer close(block)
	source := func(yield func(Item) bool) {
		if yield(Item{Origin: "1", In: model.ArticleInput{Text: "Putin met Xi."}}) {
			<-block
		}
	}
	done := make(chan error)
	go func() {
		_, err := l.LoadAll(ctx, source, Options{BatchWait: 10 * time.Millisecond}, func(Outcome) { cancel() })
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadAll did not return after cancellation")
	}
}

// TestLoadAllWritesWhatIsReadyWhenTheSourceIsSlow: an article read before a
// pause in the source is written after BatchWait, not when the batch fills.
func TestLoadAllWritesWhatIsReadyWhenTheSourceIsSlow(t *testing.T) {
	l := &Loader{X: extractor(t), Store: &recorder{}}
	reported := make(chan string, 2)
	source := func(yield func(Item) bool) {
		if !yield(Item{Origin: "first", In: model.ArticleInput{Text: "Putin met Xi."}}) {
			return
		}
		select { // the source pauses until the first article is stored
		case <-reported:
		case <-time.After(10 * time.Second):
			t.Error("the first article was not written while the source paused")
		}
		yield(Item{Origin: "second", In: model.ArticleInput{Text: "Kim met Putin."}})
	}
	var got []string
	_, err := l.LoadAll(context.Background(), source, Options{BatchSize: 50, BatchWait: 20 * time.Millisecond}, func(o Outcome) {
		got = append(got, o.Origin)
		reported <- o.Origin
	})
	if err != nil || !slices.Equal(got, []string{"first", "second"}) {
		t.Errorf("got %v, %v", got, err)
	}
}
