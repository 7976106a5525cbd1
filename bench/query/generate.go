package main

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
)

// loadTestdata extracts and stores every article of the testdata sets,
// published on the date in its file name (name-YYYY-MM-DD.txt).
func loadTestdata(ctx context.Context, store *neo4j.Store, dir string) (int, error) {
	x, err := loader.Default()
	if err != nil {
		return 0, err
	}
	l := &loader.Loader{X: x, Store: store}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	files = append(files, filepath.Join(dir, "kim-putin-2023-09-11.txt"))
	n := 0
	for _, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		if len(stem) < len("2006-01-02") {
			continue
		}
		date := stem[len(stem)-len("2006-01-02"):]
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			continue
		}
		if _, err := l.LoadFile(ctx, f, loader.Meta{Published: date}); err != nil {
			return n, fmt.Errorf("%s: %w", f, err)
		}
		n++
	}
	return n, nil
}

// A generated world: countries, their leaders and officials, their
// organizations and places. Some are in the news far more than others
// (a Zipf-like choice), as in real reporting.
type genWorld struct {
	rng       *rand.Rand
	countries int
	people    int
}

func (w *genWorld) zipf(n int) int {
	// Inverse of a power law with exponent 1 over [1, n+1).
	return min(n-1, int(math.Exp(w.rng.Float64()*math.Log(float64(n+1))))-1)
}

func (w *genWorld) country(i int) model.Entity {
	iso := fmt.Sprintf("G%02d", i)
	return model.Entity{ID: "country:" + iso, Type: model.Country, Name: "Genland " + iso, ISO3: iso, Aliases: []string{"Genlandic " + iso}}
}

func (w *genWorld) person(i int) model.Entity {
	c := w.country(i % w.countries)
	role := model.Text("Minister of " + c.Name)
	if i < w.countries {
		role = model.Text("President of " + c.Name)
	}
	return model.Entity{ID: fmt.Sprintf("person:gen-%04d", i), Type: model.Person, Name: fmt.Sprintf("Gen Person %04d", i),
		Aliases: []string{fmt.Sprintf("Person %04d", i)}, Country: c.ISO3, Role: role, Leader: i < w.countries}
}

var genTypes = []model.EventType{model.Meeting, model.Meeting, model.Meeting, model.Visit, model.Visit, model.Agreement,
	model.ArmsTransfer, model.ArmsNegotiation, model.Aid, model.MissileTest, model.Sanction}
var genStatuses = []model.Status{model.Occurred, model.Occurred, model.Occurred, model.Planned, model.Reported, model.Alleged, model.Denied}
var genSources = []model.Text{"wire.example", "daily.example", "state.example", "regional.example", "weekly.example", "radio.example",
	"tribune.example", "herald.example", "post.example", "times.example"}

// article generates the i-th article: one to three events among people
// and their countries, and what the people said.
func (w *genWorld) article(i int, start time.Time) *model.Document {
	day := start.AddDate(0, 0, w.rng.IntN(730))
	doc := &model.Document{Article: model.Article{
		ID: fmt.Sprintf("article:gen%011d", i), Title: model.Text(fmt.Sprintf("Generated article %d", i)),
		Published: model.Text(day.Format(time.DateOnly)), Source: genSources[w.rng.IntN(len(genSources))], Extractor: "bench-gen-1",
		Text: strings.Repeat("Generated text. ", 40),
	}}
	seen := map[string]bool{}
	mention := func(e model.Entity) string {
		if !seen[e.ID] {
			seen[e.ID] = true
			e.Mentions = []model.Span{{Start: 0, End: 9, Text: "Generated"}}
			if e.Aliases == nil {
				e.Aliases = []string{}
			}
			doc.Entities = append(doc.Entities, e)
		}
		return e.ID
	}
	span := func(k int) model.Span {
		s := 16 * (k % 40)
		return model.Span{Start: s, End: s + 15, Text: "Generated text.", Sentence: model.Text(fmt.Sprintf("Generated sentence %d of article %d.", k, i))}
	}
	for k := range 1 + w.rng.IntN(3) {
		typ := genTypes[w.rng.IntN(len(genTypes))]
		a, b := w.person(w.zipf(w.people)), w.person(w.zipf(w.people))
		ca, cb := w.country(int(a.Country[1]-'0')*10+int(a.Country[2]-'0')), w.country(int(b.Country[1]-'0')*10+int(b.Country[2]-'0'))
		ev := model.Event{ID: fmt.Sprintf("event:gen-%d-%d", i, k), Type: typ, Status: genStatuses[w.rng.IntN(len(genStatuses))],
			Participants: []string{mention(a), mention(ca)}, Items: []string{}, Evidence: []model.Span{span(k)}}
		if a.ID != b.ID {
			ev.Participants = append(ev.Participants, mention(b))
		}
		if ca.ID != cb.ID {
			ev.Participants = append(ev.Participants, mention(cb))
		}
		if w.rng.IntN(3) > 0 {
			ev.Date = model.Text(day.AddDate(0, 0, -w.rng.IntN(3)).Format(time.DateOnly))
		}
		if typ == model.ArmsTransfer || typ == model.Aid {
			ev.Supplier, ev.Recipient, ev.Items = ca.ID, cb.ID, []string{"munitions"}
		}
		if ev.Status == model.Alleged || ev.Status == model.Denied {
			ev.AssertedBy = []string{mention(w.country(w.zipf(w.countries)))}
		}
		doc.Events = append(doc.Events, ev)
		if w.rng.IntN(2) == 0 {
			sp := span(k + 10)
			doc.Statements = append(doc.Statements, model.Statement{ID: fmt.Sprintf("statement:gen-%d-%d", i, k), Speaker: a.ID,
				Text: fmt.Sprintf("Statement %d of article %d about %s.", k, i, b.Name), Direct: k%2 == 0, Verb: "said",
				About: []string{mention(b)}, Evidence: sp})
		}
	}
	return doc
}

// loadGenerated stores n generated articles in batches.
func loadGenerated(ctx context.Context, store *neo4j.Store, n int) (int, error) {
	w := &genWorld{rng: rand.New(rand.NewPCG(1, 2)), countries: 60, people: 1500}
	start, _ := time.Parse(time.DateOnly, "2023-01-01")
	const batch = 100
	for i := 0; i < n; i += batch {
		var docs []*model.Document
		for j := i; j < min(n, i+batch); j++ {
			docs = append(docs, w.article(j, start))
		}
		if _, err := store.SaveDocuments(ctx, docs); err != nil {
			return i, fmt.Errorf("articles %d–%d: %w", i, i+len(docs), err)
		}
		if (i/batch)%10 == 9 {
			fmt.Fprintf(os.Stderr, "%d articles\n", i+batch)
		}
	}
	return n, nil
}
