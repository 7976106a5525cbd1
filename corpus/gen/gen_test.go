package gen

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
)

func generate(t *testing.T, seed int64, n int) []Article {
	t.Helper()
	seq, err := Generate(Config{Seed: seed, N: n})
	if err != nil {
		t.Fatal(err)
	}
	return slices.Collect(seq)
}

func TestDeterministicPrefixesAndUnique(t *testing.T) {
	a, b := generate(t, 7, 300), generate(t, 7, 120)
	if len(a) != 300 || len(b) != 120 {
		t.Fatalf("got %d and %d articles", len(a), len(b))
	}
	if fmt.Sprint(a[:120]) != fmt.Sprint(b) {
		t.Error("a corpus is not the prefix of a larger one with the same seed")
	}
	if fmt.Sprint(generate(t, 8, 120)) == fmt.Sprint(b) {
		t.Error("different seeds gave the same corpus")
	}
	texts := map[string]bool{}
	for _, x := range a {
		if texts[x.Text] {
			t.Errorf("duplicate text in story %s", x.Story)
		}
		texts[x.Text] = true
	}
}

// TestMixture: stories told by several outlets, with different statuses,
// every kind, and published dates in the metadata, the text, the URL or
// nowhere.
func TestMixture(t *testing.T) {
	arts := generate(t, 1, 1000)
	stories := map[string][]Article{}
	kinds := map[string]int{}
	for _, a := range arts {
		stories[a.Story] = append(stories[a.Story], a)
		kinds[a.Kind]++
	}
	for _, k := range Kinds {
		if kinds[k] < 30 {
			t.Errorf("%d %s articles in 1000", kinds[k], k)
		}
	}
	multi, mixed, days := 0, 0, 0
	for _, s := range stories {
		if len(s) < 2 {
			continue
		}
		multi++
		statuses, pubs := map[string]bool{}, map[string]bool{}
		for _, a := range s {
			statuses[a.Status] = true
			pubs[a.Published] = true
		}
		if len(statuses) > 1 {
			mixed++
		}
		if len(pubs) > 1 {
			days++
		}
	}
	if multi < 150 || mixed < 30 || days < 80 {
		t.Errorf("%d stories told by several outlets, %d with different statuses, %d on different days", multi, mixed, days)
	}
	from := map[string]int{}
	for _, a := range arts {
		_, f := loader.Meta{Published: a.Published, URL: a.URL}.WithPublished([]byte(a.Text))
		from[f]++
	}
	for _, f := range []string{loader.FromMeta, loader.FromText, loader.FromURL, ""} {
		if from[f] < 10 {
			t.Errorf("published dates by origin %v: want each", from)
		}
	}
}

var eventType = map[string]model.EventType{
	"meeting": model.Meeting, "visit": model.Visit, "arms": model.ArmsTransfer, "agreement": model.Agreement,
	"aid": model.Aid, "sanctions": model.Sanction, "missile": model.MissileTest,
}

// TestExtractable: the extractor finds the story's event in most articles,
// with the story's countries among its participants, so that a load of a
// generated corpus exercises the graph as real news would.
func TestExtractable(t *testing.T) {
	x, err := loader.Default()
	if err != nil {
		t.Fatal(err)
	}
	arts := generate(t, 1, 300)
	found := map[string]int{}
	total := map[string]int{}
	for _, a := range arts {
		m, _ := loader.Meta{Published: a.Published, URL: a.URL, Source: a.Source}.WithPublished([]byte(a.Text))
		doc, err := x.Extract([]byte(a.Text), m)
		if err != nil {
			t.Fatalf("story %s: %v", a.Story, err)
		}
		total[a.Kind]++
		for _, ev := range doc.Events {
			if ev.Type == eventType[a.Kind] {
				found[a.Kind]++
				break
			}
		}
	}
	var low []string
	sum, n := 0, 0
	for k, tot := range total {
		sum, n = sum+found[k], n+tot
		if found[k]*10 < tot*5 {
			low = append(low, fmt.Sprintf("%s %d/%d", k, found[k], tot))
		}
	}
	if len(low) > 0 || sum*10 < n*8 {
		t.Errorf("the story's event is extracted from %d of %d articles; low: %s", sum, n, strings.Join(low, ", "))
	}
	t.Logf("story events extracted from %d of %d articles: %v of %v", sum, n, found, total)
}
